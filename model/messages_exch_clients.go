package model

// Sentences of the clients and contacts import and export (issue 7:
// store/exchange_clients*.go, exchange/clients*.go, exchange/contacts*.go).
func init() {
	addMessages(map[string]string{
		"exch.clients.act_import":     "import records from files",
		"exch.clients.audit_created":  "%d clients created by an import.",
		"exch.clients.reason":         "import from a file",
		"exch.clients.no_manager":     "Manager %q is not a user of this department.",
		"exch.clients.tax_ambiguous":  "Tax ID %s belongs to %d clients; give the external code to say which.",
		"exch.clients.cell":           "%s %q: %s.",
		"exch.clients.no_name":        "The client has no name.",
		"exch.clients.no_match":       "No client has this code or tax ID, and the file gives no name to create one with.",
		"exch.clients.yes_no":         "write yes or no",
		"exch.clients.days":           "write a whole number of days",
		"exch.clients.kind":           "write legal, sole_trader, private or chain",
		"exch.clients.tax_country":    "write RU, LT or leave it empty",
		"exch.clients.category":       "write A, B, C or leave it empty",
		"exch.clients.status":         "write prospect, negotiating, active, inactive, trading_hall or lost",
		"exch.clients.role":           "write decision_maker, buyer, accountant, receiver or other",
		"exch.clients.no_client":      "There is no client with code %q or tax ID %q.",
		"exch.clients.contact_client": "The contact names no client: give the client's code or tax ID.",
		"exch.clients.contact_name":   "The contact has no name.",
		"exch.clients.contact_id":     "A contact id is a whole number above zero, as an export writes it; leave it empty for a new contact.",
	})
}
