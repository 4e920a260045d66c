package model

// The complaint links of the other screens (the call, the client card, an
// order) and the demo's complaint count.
func init() {
	addMessages(map[string]string{
		"complaintlinks.key.complaint":       "complaint",
		"complaintlinks.call_none":           "none",
		"complaintlinks.demo_complaints":     "Wrote %d complaints, %d of them open.",
		"complaintlinks.demo_order_mismatch": "The demo's order %d is %s of client %d in the file, not %s of client %d: its complaints were not loaded.",
	})
}
