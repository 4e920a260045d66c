package model

// English sentences and labels of the complaint rules (complaint.*).
func init() {
	addMessages(map[string]string{
		"complaint.or": " or ",

		// labels
		"complaint.status.registered":    "Registered",
		"complaint.status.assigned":      "Assigned",
		"complaint.status.investigating": "Investigating",
		"complaint.status.waiting":       "Waiting for client",
		"complaint.status.answered":      "Answered",
		"complaint.status.remedy_done":   "Remedy done",
		"complaint.status.feedback":      "Awaiting feedback",
		"complaint.status.closed":        "Closed",
		"complaint.status.escalated":     "Escalated",
		"complaint.status.reopened":      "Reopened",

		"complaint.type.quality":       "Quality",
		"complaint.type.service":       "Service",
		"complaint.type.delivery":      "Delivery",
		"complaint.type.settlement":    "Settlement",
		"complaint.type.after_act":     "After the act",
		"complaint.type.chain_penalty": "Chain penalty",

		"complaint.direction.incoming": "Incoming",
		"complaint.direction.outgoing": "Outgoing claim",

		"complaint.decision.full":     "Satisfied fully",
		"complaint.decision.partly":   "Satisfied partly",
		"complaint.decision.rejected": "Rejected",

		"complaint.remedy.none":        "None",
		"complaint.remedy.refund":      "Refund",
		"complaint.remedy.replacement": "Replacement",
		"complaint.remedy.discount":    "Discount",
		"complaint.remedy.return":      "Return of goods",

		"complaint.fault.ours":         "Our department",
		"complaint.fault.carrier":      "Carrier",
		"complaint.fault.manufacturer": "Manufacturer",
		"complaint.fault.client":       "Client",

		"complaint.reason.defect":        "Defective product",
		"complaint.reason.wrong_item":    "Wrong item",
		"complaint.reason.shortage":      "Shortage",
		"complaint.reason.damaged":       "Damaged in transit",
		"complaint.reason.late":          "Late delivery",
		"complaint.reason.price_error":   "Price error",
		"complaint.reason.documents":     "Document errors",
		"complaint.reason.staff":         "Staff conduct",
		"complaint.reason.non_payment":   "Non-payment",
		"complaint.reason.contract_term": "Breached contract term",
		"complaint.reason.other":         "Other",

		"complaint.department.purchasing": "Purchasing",
		"complaint.department.legal":      "Legal",
		"complaint.department.warehouse":  "Warehouse",

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

		// time left (working days, hours, minutes)
		"complaint.left.d":            "%dd",
		"complaint.left.dh":           "%dd %dh",
		"complaint.left.h":            "%dh",
		"complaint.left.hm":           "%dh %dm",
		"complaint.left.m":            "%dm",
		"complaint.left.overdue":      "overdue %s",
		"complaint.left.overdue_just": "overdue",

		// refused moves
		"complaint.move.unknown":          "%q is not a complaint status.",
		"complaint.move.same":             "The complaint is already %s.",
		"complaint.move.closed":           "A complaint that is closed cannot become %s; reopen it first.",
		"complaint.move.close_unanswered": "A complaint that is %s cannot be closed; answer the client before closing.",
		"complaint.move.reopen_open":      "A complaint that is %s is still open: only a closed one, or one awaiting the client's feedback, is reopened.",
		"complaint.move.answer_first":     "A complaint that is %s cannot become %s; answer the client first.",
		"complaint.move.refused":          "A complaint that is %s cannot become %s; from here it can become %s.",

		// registering or editing
		"complaint.err.direction":        "Choose whether the client claims from us or we claim from the client.",
		"complaint.err.type":             "Choose what the complaint is about.",
		"complaint.err.client":           "Choose the client.",
		"complaint.err.channel":          "Choose how the complaint came: phone, e-mail, fax, visit, meeting or online.",
		"complaint.err.received":         "Say when the complaint was received.",
		"complaint.err.received_future":  "The complaint cannot be received in the future; check the date and time.",
		"complaint.err.description":      "Describe the complaint in the client's words.",
		"complaint.err.too_long":         "At most %d characters (this is %d).",
		"complaint.err.claimed_negative": "The claimed amount cannot be negative; write 0 when nothing is claimed.",
		"complaint.err.currency":         "%q is not a currency; use a code such as RUB or EUR.",
		"complaint.err.claimed_currency": "The claim is in %s but order %s is in %s.",
		"complaint.err.priority":         "Choose the priority: 1 high, 2 normal or 3 low.",
		"complaint.err.order_client":     "Order %s belongs to another client.",
		"complaint.err.lines_no_order":   "Choose the order the lines are from.",
		"complaint.err.line_missing":     "Line %d is not on order %s.",
		"complaint.err.line_twice":       "Line %d (%s) is listed twice.",
		"complaint.err.line_qty":         "Line %d (%s): say how much is complained about.",
		"complaint.err.line_over":        "Line %d (%s): %s is more than the %s ordered.",

		// closing
		"complaint.err.decision":           "Choose the decision: satisfied fully, partly or rejected.",
		"complaint.err.satisfied_negative": "The satisfied amount cannot be negative.",
		"complaint.err.satisfied_currency": "The satisfied amount is in the claim's currency, %s.",
		"complaint.err.satisfied_rejected": "A rejected complaint satisfies nothing; write 0 or change the decision.",
		"complaint.err.over_claimed":       "%s is more than the %s claimed; only the head can confirm that.",
		"complaint.err.over_claimed_head":  "Only the head can satisfy more than was claimed (%s claimed, %s satisfied).",
		"complaint.err.partly":             "Partly satisfied is more than 0 and less than the %s claimed.",
		"complaint.err.fully":              "A refund or discount that satisfies fully is the %s claimed; for less, choose partly.",
		"complaint.err.remedy":             "Choose the remedy: refund, replacement, discount, return of goods or none.",
		"complaint.err.remedy_rejected":    "A rejected complaint has no remedy; choose none.",
		"complaint.err.reason":             "Choose the reason the complaint arose.",
		"complaint.err.fault":              "Say whose fault it was: our department, the carrier, the manufacturer or the client.",
		"complaint.err.justified":          "Only the head or director gives the justified verdict.",

		// the head's settings
		"complaint.settings.any_type":       "Any type",
		"complaint.settings.level_any":      "%s, any client",
		"complaint.settings.level_key":      "%s, key clients",
		"complaint.settings.level_letter":   "%s, category %s",
		"complaint.settings.level_type":     "%q is not a complaint type.",
		"complaint.settings.level_category": "%q is not a client category; use A, B, C, key or leave it empty for any.",
		"complaint.settings.level_twice":    "%s already has a deadline; each pair has one.",
		"complaint.settings.level_hours":    "%s: the deadline is a whole number of working hours from 1 to %d.",
		"complaint.settings.hours":          "The deadline is a whole number of working hours from 1 to %d.",
		"complaint.settings.work_hours":     "Working hours start before they end, within one day (e.g. 09:00–18:00).",
		"complaint.settings.work_days":      "Choose at least one working day.",
		"complaint.settings.holidays_many":  "At most %d holidays.",
		"complaint.settings.holiday":        "%q is not a date between 2000 and 2199; write holidays as dd.mm.yyyy.",
		"complaint.settings.follow_up":      "The retention call is planned 1 to %d working days after closing.",
	})
}
