package model

import "time"

// The complaint rules: the status machine, the deadline arithmetic in
// working time, the service levels, the ladder and the closing checks.
// The store and the screens ask these functions; nothing else decides.

// complaintMoves is the status machine: from → the statuses it may move to
// by an explicit move. Closing (CloseComplaint) and escalating (Escalate)
// are moves too and are listed here; the store checks them through
// CheckComplaintMove like every other.
var complaintMoves = map[ComplaintStatus][]ComplaintStatus{
	ComplaintRegistered:    {ComplaintAssigned, ComplaintInvestigating, ComplaintEscalated},
	ComplaintAssigned:      {ComplaintInvestigating, ComplaintWaiting, ComplaintAnswered, ComplaintEscalated},
	ComplaintInvestigating: {ComplaintWaiting, ComplaintAnswered, ComplaintEscalated},
	ComplaintWaiting:       {ComplaintInvestigating, ComplaintAnswered, ComplaintEscalated},
	ComplaintAnswered:      {ComplaintRemedyDone, ComplaintFeedback, ComplaintWaiting, ComplaintClosed, ComplaintEscalated},
	ComplaintRemedyDone:    {ComplaintFeedback, ComplaintClosed},
	ComplaintFeedback:      {ComplaintClosed, ComplaintReopened, ComplaintWaiting},
	ComplaintEscalated:     {ComplaintInvestigating, ComplaintAnswered, ComplaintEscalated},
	ComplaintClosed:        {ComplaintReopened},
	ComplaintReopened:      {ComplaintAssigned, ComplaintInvestigating, ComplaintEscalated},
}

// CanMoveComplaint reports whether the flow allows from → to.
func CanMoveComplaint(from, to ComplaintStatus) bool {
	for _, s := range complaintMoves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// ComplaintMovesFrom lists the statuses a complaint in from may move to.
func ComplaintMovesFrom(from ComplaintStatus) []ComplaintStatus { return complaintMoves[from] }

// NextLevel is the rung above r on the ladder operator → manager → head →
// director; false at the top.
func NextLevel(r Role) (Role, bool) {
	for i, x := range Roles {
		if x == r && i+1 < len(Roles) {
			return Roles[i+1], true
		}
	}
	return "", false
}

// CanOnComplaint reports whether u may do a on complaint c (own: complaints
// u owns, unassigned ones, and those escalated to u and not yet answered).
// A nil c asks about a new complaint.
func CanOnComplaint(u User, a Action, c *Complaint) bool {
	switch ScopeOf(u, a) {
	case ScopeAll:
		return true
	case ScopeOwn:
		if c == nil || c.Owner == "" || c.Owner == u.Name {
			return true
		}
		e := c.OpenEscalation()
		return e != nil && e.To == u.Name
	}
	return false
}

// CanHandleComplaint reports whether u may own and work c: the complaint
// right, and outgoing claims (through the legal department) only from the
// manager up. "Next complaint" offers only what this allows.
func CanHandleComplaint(u User, c *Complaint) bool {
	if !CanOnComplaint(u, ActComplaintEdit, c) {
		return false
	}
	return c == nil || c.Direction != DirectionOutgoing || u.Role != RoleOperator
}

// The functions below are the working-time and validation contract; their
// bodies belong to the model helper (complaint_sla.go, complaint_check.go).
var _ = time.Time{}

// ClockStopped reports whether a complaint in status s has had its answer,
// so its deadline no longer runs: the service level is the time to answer
// the client (the legal "срок ответа на претензию"). Reopening or escalating
// starts the clock again.
func ClockStopped(s ComplaintStatus) bool {
	switch s {
	case ComplaintAnswered, ComplaintRemedyDone, ComplaintFeedback, ComplaintClosed:
		return true
	}
	return false
}

// EscalationRung is the rung u's escalation of c stands on (from: u's
// role, or the open escalation's level when that is higher — a receiver
// escalating on, or the owner again) and the role it must go to (to: the
// next one up). The ladder is climbed one rung at a time, only after the
// lower level failed; ok is false at the top.
func EscalationRung(u User, c *Complaint) (from, to Role, ok bool) {
	from = u.Role
	if e := c.OpenEscalation(); e != nil && rungOf(e.Level) > rungOf(from) {
		from = e.Level
	}
	to, ok = NextLevel(from)
	return from, to, ok
}

func rungOf(r Role) int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return -1
}
