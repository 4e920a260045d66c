package model

// Sentences of the vCard and iCalendar files and the exports of
// complaints, the plan, interactions and the complaint report (issue 7:
// store/exchange_views*.go, exchange/vcard*.go, exchange/ical*.go,
// exchange/complaints*.go, exchange/plan*.go, exchange/interactions*.go).
func init() {
	addMessages(map[string]string{
		"exch.views.act_export":      "export the department's records in bulk",
		"exch.views.vcard_bad":       "card %d (line %d): this is not a readable vCard: %s.",
		"exch.views.vcard_no_name":   "card %d (line %d): the card has no name (FN or N).",
		"exch.views.vcard_no_client": "card %d (line %d): no client matches the card (code %q, organisation %q).",
		"exch.views.vcard_ambiguous": "card %d (line %d): %d clients are called %q; give the client's code (X-CLIENTBASE-CLIENT) to say which.",
		"exch.views.vcard_rejected":  "card %d (line %d): %s",
		"exch.views.vcard_email":     "card %d (line %d): e-mail %q: %s.",
		"exch.views.vcard_version":   "vCard version %q is not one clientbase writes: use 3.0 or 4.0.",
		"exch.views.vcard_left":      "Has left the company.",
		"exch.views.vcard_dnc":       "Do not contact.",
		"exch.views.ical_call":       "Call",
		"exch.views.ical_visit":      "Visit",
		"exch.views.ical_contact":    "Contact: %s",
		"exch.views.ical_phone":      "Phone: %s",
		"exch.views.ical_client":     "Client: %s (%s)",
		"exch.views.ical_cancelled":  "Cancelled: %s",
		"exch.views.format":          "Kind %[2]s cannot be written as %[1]s: export it as csv, json%[3]s.",
		"exch.views.plan_forbidden":  "Only a supervisor may export %s's plan: you may export your own.",
		"exch.views.bulk_forbidden":  "A bulk export of the department's records is for the head and the director.",
		"exch.views.ical_done":       "done",
		"exch.views.ical_note":       "Note: %s",
	})
}
