package model

// The head's complaint report: the screen, its CSV export and the store's refusal.
func init() {
	addMessages(map[string]string{
		"complaintreport.forbidden": "Only the head and the director see the complaint report.",

		"complaintreport.total":      "All complaints",
		"complaintreport.not_closed": "not closed yet",
		"complaintreport.unassigned": "unassigned",
		"complaintreport.unknown":    "not given",

		"complaintreport.section.total":     "Total",
		"complaintreport.section.reason":    "By reason",
		"complaintreport.section.fault":     "By fault party",
		"complaintreport.section.type":      "By type",
		"complaintreport.section.owner":     "By owner",
		"complaintreport.section.direction": "By direction",
		"complaintreport.section.answers":   "Time to answer",
		"complaintreport.section.now":       "Now",

		"complaintreport.now.open":      "open",
		"complaintreport.now.overdue":   "overdue",
		"complaintreport.now.escalated": "escalated",
		"complaintreport.now.waiting":   "waiting for the client",

		"complaintreport.csv.section":       "section",
		"complaintreport.csv.key":           "key",
		"complaintreport.csv.received":      "received",
		"complaintreport.csv.satisfied":     "satisfied",
		"complaintreport.csv.rejected":      "rejected",
		"complaintreport.csv.claimed":       "claimed, %s",
		"complaintreport.csv.paid":          "satisfied amount, %s",
		"complaintreport.csv.justified":     "justified",
		"complaintreport.csv.period":        "period",
		"complaintreport.csv.answered":      "answered",
		"complaintreport.csv.avg_answer":    "average time to answer, working hours",
		"complaintreport.csv.worst_answer":  "worst time to answer, working hours (#%d)",
		"complaintreport.csv.avg_deadline":  "average deadline, working hours",
		"complaintreport.csv.answered_late": "answered after the deadline",
	})
}
