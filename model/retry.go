package model

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// The retry policy and the calling calendar. Every wall-clock time here is
// computed with time.Date in the client's zone (never by adding hours to a
// midnight), so working hours stay 9:00–18:00 local across daylight-saving
// changes.

// DefaultCallSettings are the rules a new database starts with (the README
// lists them): no answer → again in 2 h, at most 3 attempts, then to the
// manager; busy → again in 15 min, at most 5, then to the manager; call back
// → at the time named; wrong number → flag the phone and call again at once
// on another number (no other number: to the manager); refused, reached,
// order taken → done; promised to pay → a check call the day after the date;
// escalated → an item for the client's manager; working hours 9:00–18:00
// Monday–Friday, no holidays; warn above 3 contacts in 7 days; clients
// without a zone are in Moscow.
func DefaultCallSettings() CallSettings {
	return CallSettings{
		Rules: []RetryRule{
			{Outcome: OutcomeReached, Action: RetryClose},
			{Outcome: OutcomeNoAnswer, Action: RetryAgain, Delay: 2 * time.Hour, MaxAttempts: 3, Then: RetryToManager},
			{Outcome: OutcomeBusy, Action: RetryAgain, Delay: 15 * time.Minute, MaxAttempts: 5, Then: RetryToManager},
			{Outcome: OutcomeCallBack, Action: RetryAt},
			{Outcome: OutcomeWrongNumber, Action: RetryAgain, Then: RetryToManager, FlagPhone: true},
			{Outcome: OutcomeRefused, Action: RetryClose},
			{Outcome: OutcomePromisedToPay, Action: RetryCheckCall, Delay: 24 * time.Hour},
			{Outcome: OutcomeOrderTaken, Action: RetryClose},
			{Outcome: OutcomeEscalated, Action: RetryToManager},
		},
		WorkFrom:    9 * 60,
		WorkTo:      18 * 60,
		WorkDays:    [7]bool{time.Monday: true, time.Tuesday: true, time.Wednesday: true, time.Thursday: true, time.Friday: true},
		PesterMax:   3,
		PesterDays:  7,
		DefaultZone: "Europe/Moscow",
	}
}

// RetryActions lists the actions in the order the rules editor offers them.
var RetryActions = []RetryAction{RetryClose, RetryAgain, RetryAt, RetryCheckCall, RetryToManager}

// Limits of what a head may type into the rules; beyond them a value is a typo.
const (
	maxRetryDelay    = 30 * 24 * time.Hour
	maxRetryAttempts = 100
	maxPesterDays    = 365
	maxPesterMax     = 1000
	slotHorizonDays  = 60
	maxWhenAhead     = 3 * 366 * 24 * time.Hour
	holidayLayout    = "2006-01-02"
)

// ValidateCallSettings checks settings a head typed; field keys: "rules.N",
// "work_hours", "work_days", "holidays", "pester", "default_zone".
func ValidateCallSettings(s CallSettings) error {
	var v ValidationError
	seen := map[Outcome]bool{}
	for i, r := range s.Rules {
		f := "rules." + strconv.Itoa(i)
		if !knownOutcome(r.Outcome) {
			v.Add(f, T("retry.settings.outcome", string(r.Outcome)))
			continue
		}
		if seen[r.Outcome] {
			v.Add(f, T("retry.settings.duplicate", OutcomeLabel(r.Outcome)))
			continue
		}
		seen[r.Outcome] = true
		if msg := checkRule(r); msg != "" {
			v.Add(f, msg)
		}
	}
	if s.WorkFrom < 0 || s.WorkTo > 24*60 || s.WorkFrom >= s.WorkTo {
		v.Add("work_hours", T("retry.settings.work_hours"))
	}
	someDay := false
	for _, d := range s.WorkDays {
		someDay = someDay || d
	}
	if !someDay {
		v.Add("work_days", T("retry.settings.work_days"))
	}
	for _, h := range s.Holidays {
		if _, err := time.Parse(holidayLayout, h); err != nil {
			v.Add("holidays", T("retry.settings.holiday", h))
			break
		}
	}
	if s.PesterMax < 1 || s.PesterMax > maxPesterMax || s.PesterDays < 1 || s.PesterDays > maxPesterDays {
		v.Add("pester", T("retry.settings.pester", maxPesterMax, maxPesterDays))
	}
	if s.DefaultZone == "" {
		v.Add("default_zone", T("retry.settings.zone_empty"))
	} else if err := ValidateTimeZone(s.DefaultZone); err != nil {
		v.Add("default_zone", err.Error())
	}
	return v.Err()
}

// checkRule returns the sentence for what is wrong with one rule, or "".
func checkRule(r RetryRule) string {
	label := OutcomeLabel(r.Outcome)
	switch r.Action {
	case RetryClose, RetryAgain, RetryToManager:
	case RetryAt:
		if r.Outcome != OutcomeCallBack {
			return T("retry.settings.at_only", label)
		}
	case RetryCheckCall:
		if r.Outcome != OutcomePromisedToPay {
			return T("retry.settings.check_only", label)
		}
	default:
		return T("retry.settings.action", label, string(r.Action))
	}
	switch r.Then {
	case "", RetryClose, RetryToManager:
	default:
		return T("retry.settings.then", label)
	}
	if r.Delay < 0 || r.Delay > maxRetryDelay {
		return T("retry.settings.delay", label)
	}
	if r.Delay%time.Minute != 0 {
		return T("retry.settings.delay_minutes", label)
	}
	if r.MaxAttempts < 0 || r.MaxAttempts > maxRetryAttempts {
		return T("retry.settings.attempts", label, maxRetryAttempts)
	}
	return ""
}

func knownOutcome(o Outcome) bool { return oneOf(o, Outcomes) }

// Rule returns the settings' rule for outcome o (a close rule when none).
func (s CallSettings) Rule(o Outcome) RetryRule {
	for _, r := range s.Rules {
		if r.Outcome == o {
			return r
		}
	}
	return RetryRule{Outcome: o, Action: RetryClose}
}

// OutcomeLabel is the outcome's name for people ("No answer").
func OutcomeLabel(o Outcome) string {
	if k := "retry.outcome." + string(o); HasMessage(k) {
		return T(k)
	}
	return string(o)
}

// RetryActionLabel is the action's name for people ("again", "to the manager").
func RetryActionLabel(a RetryAction) string {
	if a == "" {
		return ""
	}
	if k := "retry.action." + string(a); HasMessage(k) {
		return T(k)
	}
	return string(a)
}

var (
	locCacheMu sync.RWMutex
	locCache   = map[string]*time.Location{}
)

// loadZone loads an IANA zone once (LoadLocation reads the zone database
// each time); nil for a name that is not a zone.
func loadZone(name string) *time.Location {
	if name == "" || ValidateTimeZone(name) != nil {
		return nil
	}
	locCacheMu.RLock()
	loc, ok := locCache[name]
	locCacheMu.RUnlock()
	if ok {
		return loc
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	locCacheMu.Lock()
	if len(locCache) < 4096 {
		locCache[name] = loc
	}
	locCacheMu.Unlock()
	return loc
}

// ClientLocation is the client's zone, else the settings' default, else UTC.
// A name that is not a zone counts as absent.
func ClientLocation(s CallSettings, c Client) *time.Location {
	if loc := loadZone(c.TimeZone); loc != nil {
		return loc
	}
	if loc := loadZone(s.DefaultZone); loc != nil {
		return loc
	}
	return time.UTC
}

// calendar is the settings and a client's window compiled for one question.
type calendar struct {
	loc      *time.Location
	days     [7]bool
	holidays map[string]bool
	spans    [][2]int // minutes after local midnight, [from, to), sorted
}

func newCalendar(s CallSettings, loc *time.Location, w CallWindow) calendar {
	if loc == nil {
		loc = time.UTC
	}
	c := calendar{loc: loc, days: s.WorkDays}
	if len(s.Holidays) > 0 {
		c.holidays = make(map[string]bool, len(s.Holidays))
		for _, h := range s.Holidays {
			c.holidays[h] = true
		}
	}
	// The client's window, as pieces of the day; one that runs past
	// midnight (From > To) is two pieces.
	var win [][2]int
	switch {
	case w == (CallWindow{}):
		win = [][2]int{{0, 24 * 60}}
	case w.From < w.To:
		win = [][2]int{{w.From, w.To}}
	case w.From > w.To:
		win = [][2]int{{0, w.To}, {w.From, 24 * 60}}
	}
	for _, p := range win {
		from, to := max(p[0], s.WorkFrom, 0), min(p[1], s.WorkTo, 24*60)
		if from < to {
			c.spans = append(c.spans, [2]int{from, to})
		}
	}
	return c
}

// workingDay reports whether the local date y-m-d is a working day.
func (c calendar) workingDay(y int, m time.Month, d int) bool {
	wd := time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Weekday()
	if !c.days[wd] {
		return false
	}
	return c.holidays == nil || !c.holidays[time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(holidayLayout)]
}

// wallTime is the moment the local clock in loc shows min minutes after
// midnight of y-m-d. A wall time skipped by a daylight-saving jump moves
// forward to the first moment after the jump; one shown twice (the clock
// going back) is its first occurrence. time.Date alone leaves both cases
// unspecified, and its choices differ between zones.
func wallTime(y int, m time.Month, d, min int, loc *time.Location) time.Time {
	t := time.Date(y, m, d, 0, min, 0, 0, loc)
	want := time.Date(y, m, d, 0, min, 0, 0, time.UTC)
	got := naiveWall(t)
	switch {
	case got.Equal(want):
		for _, back := range [...]time.Duration{time.Hour, 30 * time.Minute, 2 * time.Hour} {
			if e := t.Add(-back); naiveWall(e).Equal(want) {
				return e
			}
		}
	case got.Before(want): // put before the gap: the jump ends the zone period
		if _, end := t.ZoneBounds(); !end.IsZero() && end.After(t) {
			return end
		}
	default: // put after the gap: the jump starts the zone period
		if start, _ := t.ZoneBounds(); !start.IsZero() && !start.After(t) {
			return start
		}
	}
	return t
}

// naiveWall is t's wall clock read as if it were UTC, for comparing wall times.
func naiveWall(t time.Time) time.Time {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, m, d, h, mi, s, 0, time.UTC)
}

// InCallWindow reports whether t is on a working day, inside working hours
// and the client's calling window, in loc.
func InCallWindow(s CallSettings, loc *time.Location, w CallWindow, t time.Time) bool {
	return newCalendar(s, loc, w).in(t)
}

func (c calendar) in(t time.Time) bool {
	lt := t.In(c.loc)
	y, m, d := lt.Date()
	if !c.workingDay(y, m, d) {
		return false
	}
	for _, sp := range c.spans {
		if !t.Before(wallTime(y, m, d, sp[0], c.loc)) && t.Before(wallTime(y, m, d, sp[1], c.loc)) {
			return true
		}
	}
	return false
}

// NextCallSlot is the earliest moment at or after t that InCallWindow
// accepts; ok is false when none exists within 60 days (the window and the
// working hours never overlap, or no day is a working day).
func NextCallSlot(s CallSettings, loc *time.Location, w CallWindow, t time.Time) (time.Time, bool) {
	return newCalendar(s, loc, w).next(t)
}

func (c calendar) next(t time.Time) (time.Time, bool) {
	if len(c.spans) == 0 {
		return t, false
	}
	y, m, d := t.In(c.loc).Date()
	for i := 0; i <= slotHorizonDays; i++ {
		// noon never falls in a gap, so the date is exact
		dy, dm, dd := time.Date(y, m, d+i, 12, 0, 0, 0, c.loc).Date()
		if !c.workingDay(dy, dm, dd) {
			continue
		}
		for _, sp := range c.spans {
			from, to := wallTime(dy, dm, dd, sp[0], c.loc), wallTime(dy, dm, dd, sp[1], c.loc)
			if !from.Before(to) || !t.Before(to) {
				continue
			}
			if t.Before(from) {
				return from.In(c.loc), true
			}
			return t.In(c.loc), true
		}
	}
	return t, false
}

// RetryDecision is what the retry policy makes of one logged outcome.
type RetryDecision struct {
	Action    RetryAction // the action applied (Then when the attempts ran out)
	Close     bool        // the worked item is done
	Due       time.Time   // RetryAgain / RetryAt: the worked item's new due time
	NewItem   *PlanItem   // RetryCheckCall / RetryToManager: the item to create (no ID yet)
	FlagPhone bool        // mark ix.Phone wrong on the client card
	Step      string      // the decision in words, for the interaction's NextStep
	// Attempts is what the moved item (Due) or the new item counts after this
	// outcome: the worked item's attempts plus this one for RetryAgain, 0 for
	// RetryAt (the client was reached and named a time, so the count of
	// unanswered calls starts over).
	Attempts int
}

// DecideRetry applies the policy to interaction ix logged on item (a zero
// item for an off-plan call) of client c at now. Attempts counts ix:
// item.Attempts are the attempts before it.
// Errors are *ValidationError: "call_back" (missing, in the past, or not on a
// working day), "promised" / "promise_by" (promised to pay without an amount
// or date, or a date in the past), "reason" (refused without a reason),
// "outcome" (not an outcome).
//
// A call-back time must fall on a working day of the client's calendar but
// may lie outside working hours and the calling window: clients do name
// evening times, and the operator heard it from the client.
//
// Attempts count every attempt logged on the item, whatever its outcome;
// when a RetryAgain rule's attempts run out it does Then ("" is close).
// A RetryAgain rule with FlagPhone (wrong number) calls again after Delay
// (at once by default) on another number when the client or a current
// contact has one not marked wrong; with none left it does Then.
//
// For an off-plan call (item.ID 0) the off-plan record is done; "again" and
// "at" become a new item for ix.User.
func DecideRetry(s CallSettings, item PlanItem, c Client, ix Interaction, now time.Time) (RetryDecision, error) {
	loc := ClientLocation(s, c)
	cal := newCalendar(s, loc, c.CallWindow)
	show := func(t time.Time) string { return showTime(s, loc, t) }

	var v ValidationError
	switch ix.Outcome {
	case OutcomeRefused:
		if strings.TrimSpace(ix.Reason) == "" {
			v.Add("reason", T("retry.err.reason"))
		}
	case OutcomePromisedToPay:
		if ix.Promised.Minor <= 0 {
			v.Add("promised", T("retry.err.promised"))
		}
		if ix.PromiseBy.IsZero() {
			v.Add("promise_by", T("retry.err.promise_by"))
		} else if dateOf(ix.PromiseBy, loc).Before(dateOf(now, loc)) {
			v.Add("promise_by", T("retry.err.promise_past", FormatDate(ix.PromiseBy, loc)))
		}
	case OutcomeCallBack:
		switch {
		case ix.CallBack.IsZero():
			v.Add("call_back", T("retry.err.call_back"))
		case !ix.CallBack.After(now):
			v.Add("call_back", T("retry.err.call_back_past", show(ix.CallBack)))
		case ix.CallBack.Sub(now) > maxWhenAhead:
			v.Add("call_back", T("retry.err.call_back_far"))
		default:
			lt := ix.CallBack.In(loc)
			if y, m, d := lt.Date(); !cal.workingDay(y, m, d) {
				v.Add("call_back", T("retry.err.call_back_day", FormatDate(lt, loc), loc.String()))
			}
		}
	default:
		if !knownOutcome(ix.Outcome) {
			v.Add("outcome", T("retry.err.outcome", string(ix.Outcome)))
		}
	}
	if err := v.Err(); err != nil {
		return RetryDecision{}, err
	}

	rule := s.Rule(ix.Outcome)
	attempts := item.Attempts + 1
	if item.ID == 0 {
		attempts = 1
	}
	label := OutcomeLabel(ix.Outcome)
	dec := RetryDecision{Action: rule.Action, FlagPhone: rule.FlagPhone && ix.Phone != ""}
	var lead string // the first half of Step: what happened
	switch {
	case ix.Outcome == OutcomeRefused:
		lead = T("retry.step.refused", strings.TrimSpace(ix.Reason))
	case ix.Outcome == OutcomePromisedToPay:
		lead = T("retry.step.promised", FormatMoney(ix.Promised), FormatDate(ix.PromiseBy, loc))
	case dec.FlagPhone:
		lead = T("retry.step.flagged", label, FormatPhone(ix.Phone))
	default:
		lead = label
	}

	// exhausted: the attempts ran out, or a wrong number left nothing to dial
	var why string
	if dec.Action == RetryAgain {
		if rule.MaxAttempts > 0 && attempts >= rule.MaxAttempts {
			dec.Action, why = rule.Then, T("retry.step.exhausted", attempts)
		} else if rule.FlagPhone && !hasOtherNumber(c, ix.Phone) {
			dec.Action, why = rule.Then, T("retry.step.no_other_number")
		}
		if dec.Action == "" {
			dec.Action = RetryClose
		}
	}

	newCall := func(assignee string, due time.Time, purpose Purpose, prio Priority, origin Origin, note string) *PlanItem {
		if purpose == "" {
			purpose = PurposeFollowUp
		}
		if prio == 0 {
			prio = PriorityNormal
		}
		contact := item.Contact
		if ix.Contact != 0 {
			contact = ix.Contact
		}
		p := &PlanItem{Kind: PlanCall, Client: c.ID, Contact: contact, Assignee: assignee, Due: due,
			Purpose: purpose, Priority: prio, Origin: origin, Note: note, Status: PlanPlanned}
		if item.ID != 0 {
			p.Ref = "plan:" + strconv.FormatUint(uint64(item.ID), 10)
		}
		return p
	}
	slot := func(t time.Time) (time.Time, string) {
		if at, ok := cal.next(t); ok {
			return at, ""
		}
		return t.In(loc), " " + T("retry.step.no_window")
	}

	if why != "" {
		lead = T("retry.step.lead_why", lead, why)
	}
	var step string
	switch dec.Action {
	case RetryClose:
		dec.Close = true
		step = T("retry.step.close", lead)
	case RetryAgain:
		due, warn := slot(now.Add(rule.Delay))
		dec.Attempts = attempts
		next := attempts + 1
		if rule.MaxAttempts > 0 {
			step = T("retry.step.again_of", lead, show(due), next, rule.MaxAttempts) + warn
		} else {
			step = T("retry.step.again", lead, show(due)) + warn
		}
		dec.setDue(item, due, func() *PlanItem {
			p := newCall(ix.User, due, item.Purpose, item.Priority, OriginManual, T("retry.note.again", label))
			p.Attempts = attempts
			return p
		})
	case RetryAt:
		due := ix.CallBack.In(loc)
		step = T("retry.step.at", lead, show(due))
		dec.setDue(item, due, func() *PlanItem {
			return newCall(ix.User, due, item.Purpose, item.Priority, OriginManual, T("retry.note.at"))
		})
	case RetryCheckCall:
		dec.Close = true
		y, m, d := ix.PromiseBy.In(loc).Date()
		days := int(rule.Delay / (24 * time.Hour))
		at := wallTime(y, m, d+days, s.WorkFrom, loc).Add(rule.Delay % (24 * time.Hour))
		due, warn := slot(at)
		dec.NewItem = newCall(ix.User, due, PurposeDebtReminder, item.Priority, OriginPaymentCheck,
			T("retry.note.check", FormatMoney(ix.Promised), FormatDate(ix.PromiseBy, loc)))
		step = T("retry.step.check", lead, show(due)) + warn
	case RetryToManager:
		dec.Close = true
		due, warn := slot(now)
		note := T("retry.note.escalated", ix.User)
		if why != "" {
			note = T("retry.note.exhausted", label, why)
		}
		if n := strings.TrimSpace(ix.Notes); n != "" {
			note += " " + n
		}
		if c.Manager != "" {
			dec.NewItem = newCall(c.Manager, due, item.Purpose, item.Priority, OriginEscalation, note)
			step = T("retry.step.manager", lead, c.Manager, show(due))
		} else {
			dec.NewItem = newCall("", due, item.Purpose, PriorityHigh, OriginEscalation, note)
			step = T("retry.step.pool", lead, show(due))
		}
		step += warn
	default:
		// a rule saved with an unknown action: close rather than lose the call
		dec.Action, dec.Close = RetryClose, true
		step = T("retry.step.close", lead)
	}
	dec.Step = step
	return dec, nil
}

// setDue moves the worked item to due, or for an off-plan call (no item to
// move) closes the off-plan record and plans a new item.
func (dec *RetryDecision) setDue(item PlanItem, due time.Time, newItem func() *PlanItem) {
	if item.ID != 0 {
		dec.Due = due
		return
	}
	dec.Close = true
	dec.NewItem = newItem()
	dec.NewItem.Attempts = dec.Attempts
}

// hasOtherNumber reports whether the client can be dialled on a number other
// than dialled: its own or a current contact's, not marked wrong.
func hasOtherNumber(c Client, dialled string) bool {
	usable := func(ps []Phone) bool {
		for _, p := range ps {
			if !p.WrongNumber && p.E164 != "" && p.E164 != dialled {
				return true
			}
		}
		return false
	}
	if usable(c.Phones) {
		return true
	}
	for _, ct := range c.Contacts {
		if !ct.Left && !ct.DoNotContact && usable(ct.Phones) {
			return true
		}
	}
	return false
}

// showTime shows a moment in the client's zone, naming the zone when it is
// not the department's default.
func showTime(s CallSettings, loc *time.Location, t time.Time) string {
	out := FormatDateTime(t, loc)
	if name := loc.String(); name != s.DefaultZone {
		out += " " + name
	}
	return out
}

// dateOf is local midnight of t's date in loc, for comparing dates.
func dateOf(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ValidatePlanItem checks an item before it is saved; isNew items may not be
// due in the past (a minute of slack for the time it took to type). Field
// keys: "client", "kind", "due", "until", "purpose", "priority", "origin",
// "address" (a visit needs one), "note", "status".
func ValidatePlanItem(p PlanItem, now time.Time, isNew bool) error {
	var v ValidationError
	if p.Client == 0 {
		v.Add("client", T("retry.item.client"))
	}
	if !oneOf(p.Kind, PlanKinds) {
		v.Add("kind", T("retry.item.kind", string(p.Kind)))
	}
	if !oneOf(p.Purpose, Purposes) {
		v.Add("purpose", T("retry.item.purpose", string(p.Purpose)))
	}
	if !oneOf(p.Priority, Priorities) {
		v.Add("priority", T("retry.item.priority", int(p.Priority)))
	}
	if !oneOf(p.Origin, Origins) {
		v.Add("origin", T("retry.item.origin", string(p.Origin)))
	}
	if p.Status != "" && !oneOf(p.Status, PlanStatuses) {
		v.Add("status", T("retry.item.status", string(p.Status)))
	}
	switch {
	case p.Due.IsZero():
		v.Add("due", T("retry.item.due"))
	case isNew && p.Due.Before(now.Add(-time.Minute)):
		v.Add("due", T("retry.item.due_past"))
	case p.Due.Sub(now) > maxWhenAhead:
		v.Add("due", T("retry.item.due_far"))
	}
	if !p.Until.IsZero() && !p.Due.IsZero() && !p.Until.After(p.Due) {
		v.Add("until", T("retry.item.until"))
	}
	if p.Kind == PlanVisit && strings.TrimSpace(p.Address) == "" {
		v.Add("address", T("retry.item.address"))
	}
	if strings.ContainsFunc(p.Address, unicode.IsControl) || len(p.Address) > 1000 {
		v.Add("address", T("retry.item.address_text"))
	}
	if err := validateNotes(p.Note); err != nil {
		v.Add("note", err.Error())
	}
	return v.Err()
}

// ParseWhen reads a time a person typed, in loc: "14:30" (today, even when
// it has passed: the caller decides whether the past is allowed), "25.11"
// (the nearest 25 November: this year, or next/last year when that is
// nearer), "25.11.2026", "25.11.26", "25.11.2026 14:30", "2026-11-25 14:30",
// "+2h", "+30m", "+1h30m", "+3d", and "today", "tomorrow" (also in Russian
// and Lithuanian) with or without a time.
// A date alone means the start of working hours that day (s.WorkFrom).
func ParseWhen(text string, now time.Time, loc *time.Location, s CallSettings) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	now = now.In(loc)
	fields := strings.Fields(strings.ToLower(text))
	if len(fields) == 0 {
		return time.Time{}, Sentencef(nil, "retry.when.empty")
	}
	bad := func() (time.Time, error) {
		return time.Time{}, Sentencef(nil, "retry.when.invalid", strings.TrimSpace(text))
	}
	if strings.HasPrefix(fields[0], "+") {
		if len(fields) != 1 {
			return bad()
		}
		return parseOffset(fields[0][1:], now, loc, text)
	}
	if len(fields) > 2 {
		return bad()
	}
	// one field: a date or a clock time; two: a date then a clock time
	var (
		y       int
		m       time.Month
		d       int
		clock   = -1
		hasDate bool
	)
	for i, f := range fields {
		if i == len(fields)-1 && strings.Contains(f, ":") {
			mm, ok := parseClock(f)
			if !ok || mm >= 24*60 {
				return time.Time{}, Sentencef(nil, "retry.when.clock", f)
			}
			clock = mm
			continue
		}
		if i > 0 {
			return bad()
		}
		var ok bool
		y, m, d, ok = parseWhenDate(f, now)
		if !ok {
			if strings.ContainsAny(f, ".-") && strings.IndexFunc(f, unicode.IsLetter) < 0 {
				return time.Time{}, Sentencef(nil, "retry.when.date", f)
			}
			return bad()
		}
		hasDate = true
	}
	if !hasDate {
		y, m, d = now.Date()
	}
	if clock < 0 {
		clock = max(0, min(s.WorkFrom, 24*60-1))
	}
	if y < 2000 || y > 2199 {
		return time.Time{}, Sentencef(nil, "retry.when.year")
	}
	return wallTime(y, m, d, clock, loc).In(loc), nil
}

// parseWhenDate reads the date forms of ParseWhen; ok is false when f is not
// a date or names a day that does not exist.
func parseWhenDate(f string, now time.Time) (y int, m time.Month, d int, ok bool) {
	switch f {
	case "today", "сегодня", "šiandien":
		y, m, d = now.Date()
		return y, m, d, true
	case "tomorrow", "завтра", "rytoj":
		y, m, d = time.Date(now.Year(), now.Month(), now.Day()+1, 12, 0, 0, 0, now.Location()).Date()
		return y, m, d, true
	}
	var parts []string
	iso := false
	switch {
	case strings.Count(f, ".") >= 1 && !strings.Contains(f, "-"):
		parts = strings.Split(f, ".")
		if len(parts) == 3 && parts[2] == "" {
			parts = parts[:2] // "25.11."
		}
	case strings.Count(f, "-") == 2 && !strings.Contains(f, "."):
		parts, iso = strings.Split(f, "-"), true
	default:
		return 0, 0, 0, false
	}
	num := func(s string, lo, hi int) (int, bool) {
		if s == "" || len(s) > 4 || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return 0, false
		}
		n, _ := strconv.Atoi(s)
		return n, n >= lo && n <= hi
	}
	var mo int
	var ok1, ok2, ok3 bool
	switch {
	case iso:
		if len(parts[0]) != 4 {
			return 0, 0, 0, false
		}
		y, ok1 = num(parts[0], 0, 9999)
		mo, ok2 = num(parts[1], 1, 12)
		d, ok3 = num(parts[2], 1, 31)
	case len(parts) == 2:
		d, ok1 = num(parts[0], 1, 31)
		mo, ok2 = num(parts[1], 1, 12)
		ok3 = len(parts[0]) <= 2 && len(parts[1]) <= 2
		y = nearestYear(now, time.Month(mo), d)
	case len(parts) == 3:
		d, ok1 = num(parts[0], 1, 31)
		mo, ok2 = num(parts[1], 1, 12)
		y, ok3 = num(parts[2], 0, 9999)
		ok3 = ok3 && (len(parts[2]) == 2 || len(parts[2]) == 4) && len(parts[0]) <= 2 && len(parts[1]) <= 2
		if len(parts[2]) == 2 {
			y += 2000
		}
	default:
		return 0, 0, 0, false
	}
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, 0, false
	}
	m = time.Month(mo)
	if time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Day() != d { // 31.02
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// nearestYear picks the year that puts day d of month m nearest to now, so
// "10.01" typed in late December is next January.
func nearestYear(now time.Time, m time.Month, d int) int {
	best, bestGap := now.Year(), time.Duration(1<<62)
	for _, y := range []int{now.Year() - 1, now.Year(), now.Year() + 1} {
		t := time.Date(y, m, d, 12, 0, 0, 0, now.Location())
		gap := t.Sub(now)
		if gap < 0 {
			gap = -gap
		}
		if gap < bestGap {
			best, bestGap = y, gap
		}
	}
	return best
}

// parseOffset reads the part after "+": "2h", "30m", "1h30m", "3d".
func parseOffset(f string, now time.Time, loc *time.Location, text string) (time.Time, error) {
	if strings.HasSuffix(f, "d") {
		n, err := strconv.Atoi(strings.TrimSuffix(f, "d"))
		if err != nil || n < 0 || n > 3*366 || strings.HasPrefix(f, "+") || strings.HasPrefix(f, "-") {
			return time.Time{}, Sentencef(nil, "retry.when.offset", strings.TrimSpace(text))
		}
		// calendar days: the same wall-clock time n days on
		return time.Date(now.Year(), now.Month(), now.Day()+n, now.Hour(), now.Minute(), now.Second(), now.Nanosecond(), loc).In(loc), nil
	}
	if f == "" || strings.IndexFunc(f, func(r rune) bool { return !(r >= '0' && r <= '9' || r == 'h' || r == 'm' || r == '.') }) >= 0 {
		return time.Time{}, Sentencef(nil, "retry.when.offset", strings.TrimSpace(text))
	}
	dur, err := time.ParseDuration(f)
	if err != nil || dur < 0 || dur > maxWhenAhead {
		return time.Time{}, Sentencef(nil, "retry.when.offset", strings.TrimSpace(text))
	}
	return now.Add(dur).In(loc), nil
}

// FormatDelay shows a rule's delay as the rules editor writes it: "2h",
// "15m", "1d", "2h30m", "0".
func FormatDelay(d time.Duration) string {
	if d <= 0 {
		return "0"
	}
	var b strings.Builder
	days, rest := d/(24*time.Hour), d%(24*time.Hour)
	h, rest := rest/time.Hour, rest%time.Hour
	m := rest / time.Minute
	if days > 0 {
		b.WriteString(strconv.FormatInt(int64(days), 10) + "d")
	}
	if h > 0 {
		b.WriteString(strconv.FormatInt(int64(h), 10) + "h")
	}
	if m > 0 || b.Len() == 0 {
		b.WriteString(strconv.FormatInt(int64(m), 10) + "m")
	}
	return b.String()
}

// ParseDelay reads a delay typed in the rules editor: "2h", "15m", "1d",
// "2h30m", "1d 2h", "90" (minutes), "0" or "" (none).
func ParseDelay(text string) (time.Duration, error) {
	s := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(text)), " ", "")
	if s == "" || s == "0" {
		return 0, nil
	}
	bad := Sentencef(nil, "retry.delay.invalid", strings.TrimSpace(text))
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 || n > int(maxRetryDelay/time.Minute) {
			return 0, Sentencef(nil, "retry.delay.range")
		}
		return time.Duration(n) * time.Minute, nil
	}
	var total time.Duration
	num := -1
	lastUnit := 0 // d=3, h=2, m=1: units in falling order, each once
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if num < 0 {
				num = 0
			}
			if num > 100_000 {
				return 0, Sentencef(nil, "retry.delay.range")
			}
			num = num*10 + int(r-'0')
		case r == 'd' || r == 'h' || r == 'm':
			unit, size := 1, time.Minute
			switch r {
			case 'd':
				unit, size = 3, 24*time.Hour
			case 'h':
				unit, size = 2, time.Hour
			}
			if num < 0 || (lastUnit != 0 && unit >= lastUnit) {
				return 0, bad
			}
			total += time.Duration(num) * size
			if total > maxRetryDelay {
				return 0, Sentencef(nil, "retry.delay.range")
			}
			num, lastUnit = -1, unit
		default:
			return 0, bad
		}
	}
	if num >= 0 {
		return 0, bad // "2h30": a number without its unit
	}
	if total > maxRetryDelay {
		return 0, Sentencef(nil, "retry.delay.range")
	}
	return total, nil
}

// FormatHolidays shows holidays as the rules editor writes them: dd.mm.yyyy,
// comma separated.
func FormatHolidays(days []string) string {
	out := make([]string, 0, len(days))
	for _, h := range days {
		if t, err := time.Parse(holidayLayout, h); err == nil {
			out = append(out, t.Format("02.01.2006"))
		} else {
			out = append(out, h)
		}
	}
	return strings.Join(out, ", ")
}

// ParseHolidays reads a list of dates (dd.mm.yyyy or yyyy-mm-dd) separated by
// commas, semicolons or spaces into the settings' form, sorted, without
// repeats.
func ParseHolidays(text string) ([]string, error) {
	fields := strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	seen := map[string]bool{}
	var out []string
	for _, f := range fields {
		var t time.Time
		var err error
		if strings.Contains(f, "-") {
			t, err = time.Parse(holidayLayout, f)
		} else {
			t, err = time.Parse("2.1.2006", f)
		}
		if err != nil || t.Year() < 2000 || t.Year() > 2199 {
			return nil, Sentencef(nil, "retry.holidays.invalid", f)
		}
		k := t.Format(holidayLayout)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out, nil
}
