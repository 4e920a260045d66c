package model

// Sentences of the products, orders, payments and receivables import and
// export (issue 7: store/exchange_orders*.go, exchange/products*.go,
// exchange/orders*.go, exchange/payments*.go, exchange/receivables*.go).
func init() {
	addMessages(map[string]string{
		"exch.orders.act_import":         "import records from files",
		"exch.orders.unknown_column":     "The price list has no column %q (it has %s).",
		"exch.orders.price_positive":     "The price in column %q must be above zero.",
		"exch.orders.version_note":       "imported from a file",
		"exch.orders.sku_taken":          "SKU %s belongs to another product.",
		"exch.orders.tax_ambiguous":      "Tax ID %s belongs to %d clients; give the client's code to say which.",
		"exch.orders.unknown_client":     "No client has code %q.",
		"exch.orders.unknown_client_tax": "No client has tax ID %q.",
		"exch.orders.no_client":          "The order names no client: give the client's code or tax ID.",
		"exch.orders.no_number":          "The order has no number.",
		"exch.orders.no_lines":           "Order %s has no lines.",
		"exch.orders.no_user":            "Manager %q is not a user of this department.",
		"exch.orders.unknown_sku":        "No product has SKU %q (line %d).",
		"exch.orders.unit":               "Line %d gives the unit %s, but %s is counted in %s.",
		"exch.orders.not_editable":       "Order %s is %s: an import no longer changes it.",
		"exch.orders.event":              "imported from a file",
		"exch.orders.on_line":            "Line %d: %s.",
		"exch.orders.pay_no_order":       "The payment names no order: give the order's number or external code.",
		"exch.orders.pay_unknown_order":  "There is no order %s.",
		"exch.orders.pay_differs":        "Payment %q on order %s is already recorded as %s on %s; an import does not change a recorded payment.",
		"exch.orders.cell":               "%s %q: %s.",
		"exch.orders.merge":              "Line %d gives order %s another %s (%q) than its first line (%q).",
		"exch.orders.status":             "write one of %s",
		"exch.orders.yes_no":             "write yes or no",
		"exch.orders.unit_word":          "write pcs, m or kg",
		"exch.orders.no_sku":             "The row has no SKU.",
		"exch.orders.no_date":            "The order has no date.",
		"exch.orders.no_amount":          "The payment has no amount.",
		"exch.orders.audit_created":      "%d orders created by an import.",
	})
}
