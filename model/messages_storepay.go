package model

// Sentences of payments, receivables and the calls orders plan
// (store/payments*.go, store/receivables.go, store/order_bulk.go).
func init() {
	addMessages(map[string]string{
		"storepay.no_order":                 "There is no order with id %d.",
		"storepay.act.payment":              "record payments on this order",
		"storepay.event":                    "Payment %s %s",
		"storepay.under":                    "Under-payment on order %s: %s is still outstanding.",
		"storepay.over":                     "Over-payment on order %s: %s more than was due; it stays on the order as a credit to refund or offset.",
		"storepay.reminded":                 "Debt reminder call %d planned.",
		"storepay.debt_note":                "Overdue debt on order %s: %s outstanding, up to %d days overdue.",
		"storepay.price_note":               "New prices from %s: tell the client before they take effect.",
		"storepay.bulk_load":                "Bulk load of %d orders and %d payments.",
		"storepay.bad_order":                "Order %d (client %d) cannot be loaded: %s",
		"storepay.bad_product":              "Product %q (id %d) cannot be loaded: ids must be unique and above %d, SKUs unique and not empty.",
		"storepay.bad_payment":              "Payment %d of order %d cannot be loaded: %s",
		"storepay.open_order":               "%s of %s, %s, %s",
		"storepay.status.draft":             "draft",
		"storepay.status.awaiting_approval": "awaiting approval",
		"storepay.status.credit_hold":       "on credit hold",
		"storepay.status.confirmed":         "confirmed",
		"storepay.status.shipped_partly":    "partly shipped",
		"storepay.status.shipped":           "shipped",
		"storepay.status.invoiced":          "invoiced",
		"storepay.status.paid_partly":       "partly paid",
		"storepay.status.paid":              "paid",
		"storepay.status.closed":            "closed",
		"storepay.status.cancelled":         "cancelled",
		"storepay.status.returned":          "returned",
	})
}
