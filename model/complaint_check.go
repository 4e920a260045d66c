package model

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// CheckComplaintMove refuses a move the flow does not allow with a *Sentence
// wrapping ErrBadMove that names both statuses and, for the common
// mistakes, what to do first.
func CheckComplaintMove(c *Complaint, to ComplaintStatus) error {
	if CanMoveComplaint(c.Status, to) {
		return nil
	}
	from := c.Status
	switch {
	case !oneOf(from, ComplaintStatuses):
		return Sentencef(ErrBadMove, "complaint.move.unknown", string(from))
	case !oneOf(to, ComplaintStatuses):
		return Sentencef(ErrBadMove, "complaint.move.unknown", string(to))
	case from == to:
		return Sentencef(ErrBadMove, "complaint.move.same", statusWord(from))
	case from == ComplaintClosed:
		return Sentencef(ErrBadMove, "complaint.move.closed", statusWord(to))
	case to == ComplaintClosed:
		return Sentencef(ErrBadMove, "complaint.move.close_unanswered", statusWord(from))
	case to == ComplaintReopened:
		return Sentencef(ErrBadMove, "complaint.move.reopen_open", statusWord(from))
	case (to == ComplaintRemedyDone || to == ComplaintFeedback) && !answered(from):
		return Sentencef(ErrBadMove, "complaint.move.answer_first", statusWord(from), statusWord(to))
	}
	moves := ComplaintMovesFrom(from)
	words := make([]string, len(moves))
	for i, s := range moves {
		words[i] = statusWord(s)
	}
	return Sentencef(ErrBadMove, "complaint.move.refused", statusWord(from), statusWord(to), joinOr(words))
}

// answered reports whether a complaint in s has had its answer.
func answered(s ComplaintStatus) bool {
	return s == ComplaintAnswered || s == ComplaintRemedyDone || s == ComplaintFeedback
}

// statusWord is the status as it reads inside a sentence ("waiting for the client").
func statusWord(s ComplaintStatus) string {
	if k := "complaint.word." + string(s); HasMessage(k) {
		return T(k)
	}
	return string(s)
}

// joinOr lists words as "a, b or c".
func joinOr(words []string) string {
	switch n := len(words); n {
	case 0:
		return ""
	case 1:
		return words[0]
	default:
		out := words[0]
		for _, w := range words[1 : n-1] {
			out += ", " + w
		}
		return out + T("complaint.or") + words[n-1]
	}
}

// Limits of the complaint's texts.
const (
	maxComplaintText = 4000 // description, feedback, answer (characters)
	receivedSlack    = 5 * time.Minute
)

// ValidateComplaint checks a complaint being registered or edited, field by
// field (*ValidationError): "direction", "type", "client", "channel",
// "received" (missing, or more than 5 minutes after now), "description"
// (required, at most 4000 characters), "claimed" (negative, or in another
// currency than the order), "priority" (1–3), "order" (another client's
// order), "lines" (not the order's line, a quantity of 0 or above the
// ordered one, a line twice). order is the order c.Order names (nil when
// none); an outgoing claim, like a service complaint, may have none.
func ValidateComplaint(c Complaint, order *Order, now time.Time) error {
	var v ValidationError
	if !oneOf(c.Direction, ComplaintDirections) {
		v.Add("direction", T("complaint.err.direction"))
	}
	if !oneOf(c.Type, ComplaintTypes) {
		v.Add("type", T("complaint.err.type"))
	}
	if c.Client == 0 {
		v.Add("client", T("complaint.err.client"))
	}
	if !oneOf(c.Channel, Channels) {
		v.Add("channel", T("complaint.err.channel"))
	}
	switch {
	case c.Received.IsZero():
		v.Add("received", T("complaint.err.received"))
	case c.Received.After(now.Add(receivedSlack)):
		v.Add("received", T("complaint.err.received_future"))
	}
	if desc := strings.TrimSpace(c.Description); desc == "" {
		v.Add("description", T("complaint.err.description"))
	} else if n := utf8.RuneCountInString(c.Description); n > maxComplaintText {
		v.Add("description", T("complaint.err.too_long", maxComplaintText, n))
	}
	switch {
	case c.Claimed.Minor < 0:
		v.Add("claimed", T("complaint.err.claimed_negative"))
	case !validCurrency(c.Claimed.Currency):
		v.Add("claimed", T("complaint.err.currency", c.Claimed.Currency))
	case order != nil && c.Claimed.Minor != 0 && order.Currency != "" && c.Claimed.Currency != order.Currency:
		v.Add("claimed", T("complaint.err.claimed_currency", c.Claimed.Currency, order.Number, order.Currency))
	}
	if !oneOf(c.Priority, Priorities) {
		v.Add("priority", T("complaint.err.priority"))
	}
	if order != nil && c.Client != 0 && order.Client != c.Client {
		v.Add("order", T("complaint.err.order_client", order.Number))
	}
	checkComplaintLines(&v, c.Lines, order)
	return v.Err()
}

// checkComplaintLines checks the lines complained about against the order.
func checkComplaintLines(v *ValidationError, lines []ComplaintLine, order *Order) {
	if len(lines) == 0 {
		return
	}
	if order == nil {
		v.Add("lines", T("complaint.err.lines_no_order"))
		return
	}
	seen := make(map[int]bool, len(lines))
	for _, l := range lines {
		if l.Line < 0 || l.Line >= len(order.Lines) {
			v.Add("lines", T("complaint.err.line_missing", l.Line+1, order.Number))
			return
		}
		ol := order.Lines[l.Line]
		name := ol.Name
		if name == "" {
			name = ol.SKU
		}
		switch {
		case seen[l.Line]:
			v.Add("lines", T("complaint.err.line_twice", l.Line+1, name))
		case l.Qty <= 0:
			v.Add("lines", T("complaint.err.line_qty", l.Line+1, name))
		case l.Qty > ol.Qty:
			v.Add("lines", T("complaint.err.line_over", l.Line+1, name, FormatQty(l.Qty, ol.Unit), FormatQty(ol.Qty, ol.Unit)))
		}
		seen[l.Line] = true
	}
}

// CheckClosing checks a closing by u of c. A complaint whose status may not
// be closed gets CheckComplaintMove's sentence (ErrBadMove); otherwise the
// problems come as a *ValidationError by field: "decision", "satisfied"
// (negative; above 0 when rejected; above the claimed amount without
// OverClaimed, or with OverClaimed from someone who may not justify;
// partly satisfied not between 0 and the claimed amount; another currency),
// "remedy" (required; none when rejected), "reason", "fault" (required),
// "feedback" (at most 4000 characters), "justified" (only head or director).
func CheckClosing(u User, c Complaint, cl Closing) error {
	if err := CheckComplaintMove(&c, ComplaintClosed); err != nil {
		return err
	}
	var v ValidationError
	mayJustify := Can(u, ActComplaintJustify)
	if !oneOf(cl.Decision, Decisions) {
		v.Add("decision", T("complaint.err.decision"))
	}
	sat, claimed := cl.Satisfied, c.Claimed
	show := func(m Money) string {
		if m.Currency == "" {
			m.Currency = claimed.Currency
		}
		return FormatMoney(m)
	}
	switch {
	case sat.Minor < 0:
		v.Add("satisfied", T("complaint.err.satisfied_negative"))
	case sat.Minor != 0 && claimed.Minor != 0 && sat.Currency != "" && claimed.Currency != "" && sat.Currency != claimed.Currency:
		v.Add("satisfied", T("complaint.err.satisfied_currency", claimed.Currency))
	case cl.Decision == DecisionRejected && sat.Minor > 0:
		v.Add("satisfied", T("complaint.err.satisfied_rejected"))
	case cl.OverClaimed && !mayJustify:
		v.Add("satisfied", T("complaint.err.over_claimed_head", show(claimed), show(sat)))
	case sat.Minor > claimed.Minor && !cl.OverClaimed:
		v.Add("satisfied", T("complaint.err.over_claimed", show(sat), show(claimed)))
	case cl.Decision == DecisionFull && sat.Minor < claimed.Minor && (cl.Remedy == RemedyRefund || cl.Remedy == RemedyDiscount):
		// a replacement or a return satisfies in goods: its money may be 0
		v.Add("satisfied", T("complaint.err.fully", show(claimed)))
	case cl.Decision == DecisionPartly && claimed.Minor > 0 && (sat.Minor == 0 || sat.Minor >= claimed.Minor):
		v.Add("satisfied", T("complaint.err.partly", show(claimed)))
	}
	switch {
	case !oneOf(cl.Remedy, Remedies):
		v.Add("remedy", T("complaint.err.remedy"))
	case cl.Decision == DecisionRejected && cl.Remedy != RemedyNone:
		v.Add("remedy", T("complaint.err.remedy_rejected"))
	}
	if !oneOf(cl.Reason, ReasonCodes) {
		v.Add("reason", T("complaint.err.reason"))
	}
	if !oneOf(cl.Fault, FaultParties) {
		v.Add("fault", T("complaint.err.fault"))
	}
	if n := utf8.RuneCountInString(cl.Feedback); n > maxComplaintText {
		v.Add("feedback", T("complaint.err.too_long", maxComplaintText, n))
	}
	if cl.Justified != nil && !mayJustify {
		v.Add("justified", T("complaint.err.justified"))
	}
	return v.Err()
}

// ValidateComplaintSettings checks the head's complaint policy; field keys:
// "levels.N" (an unknown type or category, hours not from 1 to 2000, a
// level given twice), "default_hours", "serious_hours", "work_hours",
// "work_days", "holidays", "zone" (empty counts in Moscow), "follow_up_days".
func ValidateComplaintSettings(s ComplaintSettings) error {
	var v ValidationError
	type key struct {
		t ComplaintType
		c string
	}
	seen := map[key]bool{}
	for i, l := range s.Levels {
		f := "levels." + strconv.Itoa(i)
		switch {
		case l.Type != "" && !oneOf(l.Type, ComplaintTypes):
			v.Add(f, T("complaint.settings.level_type", string(l.Type)))
		case !validLevelCategory(l.Category):
			v.Add(f, T("complaint.settings.level_category", l.Category))
		case seen[key{l.Type, l.Category}]:
			v.Add(f, T("complaint.settings.level_twice", levelName(l)))
		case l.Hours < 1 || l.Hours > maxLevelHours:
			v.Add(f, T("complaint.settings.level_hours", levelName(l), maxLevelHours))
		}
		seen[key{l.Type, l.Category}] = true
	}
	if s.DefaultHours < 1 || s.DefaultHours > maxLevelHours {
		v.Add("default_hours", T("complaint.settings.hours", maxLevelHours))
	}
	if s.SeriousHours < 1 || s.SeriousHours > maxLevelHours {
		v.Add("serious_hours", T("complaint.settings.hours", maxLevelHours))
	}
	if s.WorkFrom < 0 || s.WorkTo > 24*60 || s.WorkFrom >= s.WorkTo {
		v.Add("work_hours", T("complaint.settings.work_hours"))
	}
	if !slices.Contains(s.WorkDays[:], true) {
		v.Add("work_days", T("complaint.settings.work_days"))
	}
	if len(s.Holidays) > maxHolidays {
		v.Add("holidays", T("complaint.settings.holidays_many", maxHolidays))
	}
	for _, h := range s.Holidays {
		if d, err := time.Parse(holidayLayout, h); err != nil || d.Year() < 2000 || d.Year() > 2199 {
			v.Add("holidays", T("complaint.settings.holiday", h))
			break
		}
	}
	if s.Zone != "" {
		if err := ValidateTimeZone(s.Zone); err != nil {
			v.Add("zone", err.Error())
		}
	}
	if s.FollowUpDays < 1 || s.FollowUpDays > maxFollowUpDays {
		v.Add("follow_up_days", T("complaint.settings.follow_up", maxFollowUpDays))
	}
	return v.Err()
}

// validLevelCategory: "" (any), a category letter or "key".
func validLevelCategory(c string) bool {
	return c == "" || c == "key" || oneOf(Category(c), Categories)
}

// levelName is a level's type and category in words ("Quality, key clients").
func levelName(l ServiceLevel) string {
	t := T("complaint.settings.any_type")
	if l.Type != "" {
		t = ComplaintTypeLabel(l.Type)
	}
	switch l.Category {
	case "":
		return T("complaint.settings.level_any", t)
	case "key":
		return T("complaint.settings.level_key", t)
	}
	return T("complaint.settings.level_letter", t, l.Category)
}
