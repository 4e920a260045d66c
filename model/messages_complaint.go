package model

// English sentences and labels of the complaint rules (complaint.*).
func init() {
	addMessages(map[string]string{
		"complaint.or": " or ",

		// statuses as they read inside a sentence
		"complaint.word.registered":    "registered",
		"complaint.word.assigned":      "assigned",
		"complaint.word.investigating": "being investigated",
		"complaint.word.waiting":       "waiting for the client",
		"complaint.word.answered":      "answered",
		"complaint.word.remedy_done":   "remedied",
		"complaint.word.feedback":      "awaiting the client's feedback",
		"complaint.word.closed":        "closed",
		"complaint.word.escalated":     "escalated",
		"complaint.word.reopened":      "reopened",

		// refused moves
		"complaint.move.unknown":          "%q is not a complaint status.",
		"complaint.move.same":             "The complaint is already %s.",
		"complaint.move.closed":           "A complaint that is closed cannot become %s; reopen it first.",
		"complaint.move.close_unanswered": "A complaint that is %s cannot be closed; answer the client before closing.",
		"complaint.move.reopen_open":      "A complaint that is %s is still open: only a closed one, or one awaiting the client's feedback, is reopened.",
		"complaint.move.answer_first":     "A complaint that is %s cannot become %s; answer the client first.",
		"complaint.move.refused":          "A complaint that is %s cannot become %s; from here it can become %s.",
	})
}
