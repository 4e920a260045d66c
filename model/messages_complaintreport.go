package model

// The head's complaint report: the screen, its CSV export and the store's refusal.
func init() {
	addMessages(map[string]string{
		"complaintreport.forbidden": "Only the head and the director see the complaint report.",
	})
}
