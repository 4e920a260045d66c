package model

import "strings"

// Messages of the Calls tab: the queue, the call screen, the outcome keys and
// the incoming-call lookup (ui/calls, keymap/calls.go; keys "calls.*").
func init() {
	addMessages(map[string]string{
		"calls.view.queue": "Queue",
		"calls.view.week":  "Week",
		"calls.view.team":  "Team",
		"calls.view.rules": "Rules",

		"calls.header.keys":     "%s switch views",
		"calls.header.on_call":  "on a call",
		"calls.header.incoming": "incoming call",
		"calls.header.taking":   "taking the call…",

		"calls.key.queue":        "my queue",
		"calls.key.week":         "week plan",
		"calls.key.team":         "team plan",
		"calls.key.rules":        "call rules",
		"calls.key.take_next":    "take next call",
		"calls.key.take":         "take this call",
		"calls.key.incoming":     "incoming call",
		"calls.key.outcome":      "outcome",
		"calls.key.notes":        "notes",
		"calls.key.let_go":       "let go",
		"calls.key.card":         "card",
		"calls.key.plan":         "plan next",
		"calls.key.log":          "log it",
		"calls.key.notes_done":   "done",
		"calls.key.cancel":       "cancel",
		"calls.key.pick":         "this client",
		"calls.key.new_prospect": "new prospect",

		"calls.loading":      "loading…",
		"calls.yes":          "yes",
		"calls.no":           "no",
		"calls.col.due":      "Due",
		"calls.col.client":   "Client",
		"calls.col.purpose":  "Purpose",
		"calls.col.priority": "Prio",
		"calls.col.attempts": "Try",
		"calls.col.held":     "On call",

		"calls.queue.title":       "My queue",
		"calls.queue.count":       "%d calls",
		"calls.queue.empty":       "Nothing in the queue.",
		"calls.queue.empty_hint":  "Press i when a client calls in.",
		"calls.queue.held_by":     "● %s",
		"calls.queue.held_by_me":  "● me",
		"calls.queue.load_failed": "The queue could not be read: %s",

		"calls.priority.high":  "high",
		"calls.priority.low":   "low",
		"calls.priority.label": "%s priority",

		"calls.purpose.sale":                "sale",
		"calls.purpose.follow_up":           "follow-up",
		"calls.purpose.debt_reminder":       "debt reminder",
		"calls.purpose.price_change":        "price-change notice",
		"calls.purpose.new_product":         "new-product notice",
		"calls.purpose.survey":              "survey",
		"calls.purpose.complaint_follow_up": "complaint follow-up",
		"calls.purpose.reconciliation":      "reconciliation",
		"calls.purpose.prolongation":        "prolongation",
		"calls.purpose.event_invitation":    "event invitation",

		"calls.kind.call":  "call",
		"calls.kind.visit": "visit",

		"calls.outcome.reached":         "reached",
		"calls.outcome.no_answer":       "no answer",
		"calls.outcome.busy":            "busy",
		"calls.outcome.call_back":       "call back at…",
		"calls.outcome.wrong_number":    "wrong number",
		"calls.outcome.refused":         "refused…",
		"calls.outcome.promised_to_pay": "promised to pay…",
		"calls.outcome.order_taken":     "order taken",
		"calls.outcome.escalated":       "escalated",

		"calls.result.reached":         "reached",
		"calls.result.no_answer":       "no answer",
		"calls.result.busy":            "busy",
		"calls.result.call_back":       "call back",
		"calls.result.wrong_number":    "wrong number",
		"calls.result.refused":         "refused",
		"calls.result.promised_to_pay": "promised to pay",
		"calls.result.order_taken":     "order taken",
		"calls.result.escalated":       "escalated",

		"calls.contact_role.decision_maker": "decision-maker",
		"calls.contact_role.buyer":          "buyer",
		"calls.contact_role.accountant":     "accountant",
		"calls.contact_role.receiver":       "goods receiver",
		"calls.contact_role.other":          "contact",

		"calls.weekday.mon": "Mon",
		"calls.weekday.tue": "Tue",
		"calls.weekday.wed": "Wed",
		"calls.weekday.thu": "Thu",
		"calls.weekday.fri": "Fri",
		"calls.weekday.sat": "Sat",
		"calls.weekday.sun": "Sun",

		"calls.title.planned":  "planned call",
		"calls.title.off_plan": "off-plan call",
		"calls.title.incoming": "incoming · off-plan",

		"calls.badge.category":      "cat. %s",
		"calls.badge.key_client":    "★ key client",
		"calls.badge.credit_hold":   "credit hold",
		"calls.badge.dissatisfied":  "dissatisfied",
		"calls.badge.legal_dispute": "legal dispute",

		"calls.warn.do_not_contact":         "DO NOT CONTACT: the client asked not to be called. Log the call only if they called in.",
		"calls.warn.contact_do_not_contact": "DO NOT CONTACT %s: this person asked not to be called.",
		"calls.warn.debt":                   "overdue debt %s",
		"calls.warn.pester":                 "contacted %d times in the last %d days: do not pester",

		"calls.label.client":     "Client",
		"calls.client.manager":   "manager %s",
		"calls.label.contact":    "Contact",
		"calls.label.dial":       "Dial",
		"calls.label.local_time": "Client's time",
		"calls.label.purpose":    "Purpose",
		"calls.label.note":       "Note",
		"calls.label.mind":       "Mind",
		"calls.label.notes":      "Notes",

		"calls.contact.none":  "no contact person on the card",
		"calls.contact.hours": "prefers %s",
		"calls.dial.none":     "no phone number on the card",
		"calls.dial.wrong":    "marked as a wrong number",

		"calls.local.time":    "%s %s (%s)",
		"calls.local.unknown": "unknown",
		"calls.local.inside":  "inside the calling window",
		"calls.local.outside": "outside the calling window",

		"calls.call.off_plan": "off-plan: no plan item (logged as an off-plan call)",
		"calls.call.due":      "due %s",
		"calls.call.attempts": "%d attempts so far",

		"calls.panel.last":        "Last contacts",
		"calls.panel.orders":      "Open orders",
		"calls.panel.complaints":  "Open complaints",
		"calls.panel.other_items": "Other open items",
		"calls.panel.none":        "none yet",

		"calls.notes.hint":        "n to add notes (optional)",
		"calls.notes.read_only":   "read-only",
		"calls.notes.placeholder": "what was said",

		"calls.outcomes.read_only": "Read-only: outcomes cannot be logged. esc goes back.",
		"calls.outcomes.saving":    "logging…",

		"calls.form.title.call_back":       "Call back at… (client's time, %s): 14:30, 25.11 10:00, +2h",
		"calls.form.title.refused":         "Refused: why?",
		"calls.form.title.promised_to_pay": "Promised to pay: how much and by when (client's time, %s)",
		"calls.field.call_back":            "When",
		"calls.field.reason":               "Reason",
		"calls.field.promised":             "Amount, %s",
		"calls.field.promise_by":           "By",

		"calls.confirm.let_go": "Let the call to %s go back to the queue, with nothing logged?",

		"calls.status.taken":  "On the call: %s.",
		"calls.status.logged": "Logged: %s.",
		"calls.status.let_go": "The call to %s is back in the queue.",

		"calls.error.read_only":       "Read-only: calls cannot be taken or logged.",
		"calls.error.forbidden":       "This call is not yours to take or log.",
		"calls.error.not_found":       "The call or the client is no longer there.",
		"calls.error.conflict":        "Someone else took this call a moment ago.",
		"calls.error.store":           "The database answered: %s",
		"calls.error.on_call":         "Finish the call on screen first: log an outcome or let it go (x).",
		"calls.error.busy":            "Finish the incoming call or the form on the Calls tab first.",
		"calls.error.no_team":         "The team plan is for the head and the director.",
		"calls.error.when_empty":      "Say when: 14:30, 25.11 10:00 or +2h.",
		"calls.error.reason_empty":    "Say why the client refused.",
		"calls.error.amount_empty":    "Say how much the client promised to pay.",
		"calls.error.amount_positive": "The promised amount must be more than zero.",

		"calls.lookup.title":       "Incoming call",
		"calls.lookup.prompt":      "Who is calling? ",
		"calls.lookup.placeholder": "any part of the phone number or the name",
		"calls.lookup.hint":        "Type digits of the caller's number or a part of the name.",
		"calls.lookup.none":        "No client matches “%s”.",
		"calls.lookup.more":        "… and %d more: type more of the number or the name",
		"calls.lookup.new_hint":    "ctrl+n: a new prospect with what you typed · esc: back",
	})
}

// TSentence is T for a sentence that ends with a name or a text the user
// typed: "On the call: Northwind Mills Sp. z o.o." keeps the name's own stop
// instead of adding a second one (also after "!", "?" and "…").
func TSentence(key string, args ...any) string {
	s := T(key, args...)
	if !strings.HasSuffix(s, ".") {
		return s
	}
	before := strings.TrimSuffix(s, ".")
	if strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") ||
		strings.HasSuffix(before, "?") || strings.HasSuffix(before, "…") {
		return before
	}
	return s
}
