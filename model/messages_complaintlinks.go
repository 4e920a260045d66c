package model

// The complaint links of the other screens (the call, the client card, an
// order) and the demo's complaint count.
func init() {
	addMessages(map[string]string{
		"complaintlinks.answered": "answered",
		// the call screen
		"complaintlinks.key.complaint": "complaint",
		"complaintlinks.call_none":     "none",
		// the client card's complaints section
		"complaintlinks.card_section":       "Complaints (%d)",
		"complaintlinks.card_loading":       "loading complaints…",
		"complaintlinks.card_none":          "No complaints. K registers one.",
		"complaintlinks.card_none_ro":       "No complaints.",
		"complaintlinks.card_more":          "… %d more on the Complaints tab",
		"complaintlinks.serious":            "serious",
		"complaintlinks.paused":             "paused, %s left",
		"complaintlinks.key.new_complaint":  "new complaint",
		"complaintlinks.key.open_complaint": "open the marked complaint",
		"complaintlinks.key.pick_complaint": "mark the previous/next complaint",
		// an order's page
		"complaintlinks.key.order_complaint": "complaint",
		// the demo
		"complaintlinks.demo_complaints":     "Wrote %d complaints, %d of them open.",
		"complaintlinks.demo_order_mismatch": "The demo's order %d is %s of client %d in the file, not %s of client %d: its complaints were not loaded.",
	})
}
