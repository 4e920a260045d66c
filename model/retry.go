package model

import "time"

// DefaultCallSettings are the rules a new database starts with (the README
// lists them): no answer → again in 2 h, at most 3 attempts, then to the
// manager; busy → again in 15 min; call back → at the time named; wrong
// number → flag the phone; promised to pay → a check call the day after the
// date; escalated → an item for the client's manager; working hours
// 9:00–18:00 Monday–Friday; warn above 3 contacts in 7 days.
func DefaultCallSettings() CallSettings {
	return CallSettings{} // STUB: H1 implements
}

// ValidateCallSettings checks settings a head typed; field keys: "rules.N",
// "work_hours", "work_days", "holidays", "pester", "default_zone".
func ValidateCallSettings(s CallSettings) error { return nil } // STUB

// Rule returns the settings' rule for outcome o (a close rule when none).
func (s CallSettings) Rule(o Outcome) RetryRule { return RetryRule{Outcome: o, Action: RetryClose} } // STUB

// ClientLocation is the client's zone, else the settings' default, else UTC.
func ClientLocation(s CallSettings, c Client) *time.Location { return time.UTC } // STUB

// InCallWindow reports whether t is on a working day, inside working hours
// and the client's calling window, in loc.
func InCallWindow(s CallSettings, loc *time.Location, w CallWindow, t time.Time) bool { return false } // STUB

// NextCallSlot is the earliest moment at or after t that InCallWindow
// accepts; ok is false when none exists within 60 days (the window and the
// working hours never overlap, or no day is a working day).
func NextCallSlot(s CallSettings, loc *time.Location, w CallWindow, t time.Time) (time.Time, bool) {
	return t, false // STUB
}

// RetryDecision is what the retry policy makes of one logged outcome.
type RetryDecision struct {
	Action    RetryAction // the action applied (Then when the attempts ran out)
	Close     bool        // the worked item is done
	Due       time.Time   // RetryAgain / RetryAt: the worked item's new due time
	NewItem   *PlanItem   // RetryCheckCall / RetryToManager: the item to create (no ID yet)
	FlagPhone bool        // mark ix.Phone wrong on the client card
	Step      string      // the decision in words, for the interaction's NextStep
}

// DecideRetry applies the policy to interaction ix logged on item (a zero
// item for an off-plan call) of client c at now. Attempts counts ix.
// Errors are *ValidationError: "call_back" (missing, in the past, or not on a
// working day), "promised" / "promise_by" (promised to pay without an amount
// or date, or a date in the past), "reason" (refused without a reason).
func DecideRetry(s CallSettings, item PlanItem, c Client, ix Interaction, now time.Time) (RetryDecision, error) {
	return RetryDecision{Close: true}, nil // STUB
}

// ValidatePlanItem checks an item before it is saved; isNew items may not be
// due in the past. Field keys: "client", "kind", "due", "until", "purpose",
// "priority", "origin", "address" (a visit needs one).
func ValidatePlanItem(p PlanItem, now time.Time, isNew bool) error { return nil } // STUB

// ParseWhen reads a time a person typed, in loc: "14:30" (today), "25.11",
// "25.11.2026", "25.11.2026 14:30", "2026-11-25 14:30", "+2h", "+30m", "+3d".
// A date alone means the start of working hours that day (s.WorkFrom).
func ParseWhen(text string, now time.Time, loc *time.Location, s CallSettings) (time.Time, error) {
	return now, nil // STUB
}
