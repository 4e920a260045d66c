package model

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below must resolve on any machine
)

var (
	moscow      = mustZoneInit("Europe/Moscow")
	vladivostok = mustZoneInit("Asia/Vladivostok")
	vilnius     = mustZoneInit("Europe/Vilnius")
	newYork     = mustZoneInit("America/New_York")
)

func mustZoneInit(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func at(loc *time.Location, y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, loc)
}

func fieldErr(t *testing.T, err error) map[string]string {
	t.Helper()
	var v *ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("want a *ValidationError, got %v", err)
	}
	return v.Fields
}

func TestDefaultCallSettingsAreValid(t *testing.T) {
	s := DefaultCallSettings()
	if err := ValidateCallSettings(s); err != nil {
		t.Fatal(err)
	}
	for _, o := range Outcomes {
		if r := s.Rule(o); r.Outcome != o || r.Action == "" {
			t.Errorf("%s: rule %+v", o, r)
		}
	}
	if r := s.Rule(OutcomeNoAnswer); r.Action != RetryAgain || r.Delay != 2*time.Hour || r.MaxAttempts != 3 || r.Then != RetryToManager {
		t.Errorf("no answer: %+v", r)
	}
	if r := s.Rule(OutcomeWrongNumber); !r.FlagPhone {
		t.Errorf("wrong number does not flag the phone: %+v", r)
	}
	if r := s.Rule("nonsense"); r.Action != RetryClose {
		t.Errorf("unknown outcome: %+v", r)
	}
	if s.WorkFrom != 540 || s.WorkTo != 1080 || s.WorkDays[time.Saturday] || s.WorkDays[time.Sunday] || !s.WorkDays[time.Monday] {
		t.Errorf("working time: %+v", s)
	}
	for _, o := range Outcomes {
		if OutcomeLabel(o) == string(o) {
			t.Errorf("outcome %s has no label", o)
		}
	}
	for _, a := range RetryActions {
		if RetryActionLabel(a) == string(a) && a != RetryAgain {
			t.Errorf("action %s has no label", a)
		}
	}
}

func TestValidateCallSettings(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*CallSettings)
		field string
		says  string
	}{
		{"hours reversed", func(s *CallSettings) { s.WorkFrom, s.WorkTo = 1080, 540 }, "work_hours", "start before"},
		{"hours equal", func(s *CallSettings) { s.WorkTo = s.WorkFrom }, "work_hours", "start before"},
		{"hours past midnight", func(s *CallSettings) { s.WorkTo = 25 * 60 }, "work_hours", "within one day"},
		{"negative start", func(s *CallSettings) { s.WorkFrom = -1 }, "work_hours", ""},
		{"no working day", func(s *CallSettings) { s.WorkDays = [7]bool{} }, "work_days", "at least one"},
		{"holiday not a date", func(s *CallSettings) { s.Holidays = []string{"2026-12-31", "31.12.2026"} }, "holidays", "31.12.2026"},
		{"holiday 30 February", func(s *CallSettings) { s.Holidays = []string{"2026-02-30"} }, "holidays", ""},
		{"pester zero", func(s *CallSettings) { s.PesterMax = 0 }, "pester", ""},
		{"pester days negative", func(s *CallSettings) { s.PesterDays = -7 }, "pester", ""},
		{"zone empty", func(s *CallSettings) { s.DefaultZone = "" }, "default_zone", "Europe/Moscow"},
		{"zone unknown", func(s *CallSettings) { s.DefaultZone = "Mars/Olympus" }, "default_zone", "Mars/Olympus"},
		{"zone Local", func(s *CallSettings) { s.DefaultZone = "Local" }, "default_zone", ""},
		{"two rules for one outcome", func(s *CallSettings) {
			s.Rules = append(s.Rules, RetryRule{Outcome: OutcomeBusy, Action: RetryClose})
		}, "rules.9", "Busy already has a rule"},
		{"unknown outcome", func(s *CallSettings) { s.Rules[0].Outcome = "sleeping" }, "rules.0", "sleeping"},
		{"unknown action", func(s *CallSettings) { s.Rules[1].Action = "pray" }, "rules.1", "pray"},
		{"negative delay", func(s *CallSettings) { s.Rules[1].Delay = -time.Minute }, "rules.1", "0 to 30 days"},
		{"delay of a year", func(s *CallSettings) { s.Rules[1].Delay = 365 * 24 * time.Hour }, "rules.1", "0 to 30 days"},
		{"delay in seconds", func(s *CallSettings) { s.Rules[1].Delay = 90 * time.Second }, "rules.1", "whole minutes"},
		{"negative attempts", func(s *CallSettings) { s.Rules[1].MaxAttempts = -1 }, "rules.1", "attempts"},
		{"then again", func(s *CallSettings) { s.Rules[1].Then = RetryAgain }, "rules.1", "done or goes to the manager"},
		{"at for busy", func(s *CallSettings) { s.Rules[2].Action = RetryAt }, "rules.2", "only a call back"},
		{"check call for reached", func(s *CallSettings) { s.Rules[0].Action = RetryCheckCall }, "rules.0", "only a promise"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := DefaultCallSettings()
			c.edit(&s)
			f := fieldErr(t, ValidateCallSettings(s))
			if _, ok := f[c.field]; !ok || len(f) != 1 {
				t.Fatalf("fields %v, want only %s", f, c.field)
			}
			if !strings.Contains(f[c.field], c.says) || !strings.HasSuffix(f[c.field], ".") {
				t.Errorf("%s: %q does not say %q as a sentence", c.field, f[c.field], c.says)
			}
		})
	}
	// a rule may be missing (it is then "done") and holidays may be set
	s := DefaultCallSettings()
	s.Rules = s.Rules[:3]
	s.Holidays = []string{"2026-12-31", "2027-01-01"}
	s.WorkDays = [7]bool{time.Saturday: true}
	if err := ValidateCallSettings(s); err != nil {
		t.Fatal(err)
	}
}

func TestClientLocation(t *testing.T) {
	s := DefaultCallSettings()
	cases := []struct {
		client, def, want string
	}{
		{"Asia/Vladivostok", "Europe/Moscow", "Asia/Vladivostok"},
		{"", "Europe/Moscow", "Europe/Moscow"},
		{"Nowhere/Atlantis", "Europe/Vilnius", "Europe/Vilnius"},
		{"Local", "", "UTC"},
		{"../../etc/passwd", "also bad", "UTC"},
		{"", "", "UTC"},
	}
	for _, c := range cases {
		s.DefaultZone = c.def
		if got := ClientLocation(s, Client{TimeZone: c.client}).String(); got != c.want {
			t.Errorf("client %q default %q: %s, want %s", c.client, c.def, got, c.want)
		}
	}
}

// allDays is working time around the clock, every day, to put the
// daylight-saving jumps (at night, on Sundays) inside the calendar.
func allDays() CallSettings {
	s := DefaultCallSettings()
	s.WorkFrom, s.WorkTo = 0, 24*60
	s.WorkDays = [7]bool{true, true, true, true, true, true, true}
	return s
}

func TestNextCallSlot(t *testing.T) {
	def := DefaultCallSettings()
	holidays := DefaultCallSettings()
	holidays.Holidays = []string{"2026-12-31", "2027-01-01"}
	allHolidays := DefaultCallSettings()
	for d := 0; d < 70; d++ {
		allHolidays.Holidays = append(allHolidays.Holidays, time.Date(2026, 11, 23+d, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
	}
	noDays := DefaultCallSettings()
	noDays.WorkDays = [7]bool{}
	cases := []struct {
		name string
		s    CallSettings
		loc  *time.Location
		w    CallWindow
		t    time.Time
		want time.Time // zero: no slot
	}{
		{"Moscow before hours", def, moscow, CallWindow{}, at(moscow, 2026, 11, 23, 8, 0), at(moscow, 2026, 11, 23, 9, 0)},
		{"Moscow inside hours stays", def, moscow, CallWindow{}, at(moscow, 2026, 11, 23, 10, 30), at(moscow, 2026, 11, 23, 10, 30)},
		{"Moscow at 18:00 is after hours", def, moscow, CallWindow{}, at(moscow, 2026, 11, 23, 18, 0), at(moscow, 2026, 11, 24, 9, 0)},
		{"Moscow 17:59 is inside", def, moscow, CallWindow{}, at(moscow, 2026, 11, 23, 17, 59), at(moscow, 2026, 11, 23, 17, 59)},
		{"Friday evening to Monday", def, moscow, CallWindow{}, at(moscow, 2026, 11, 27, 18, 30), at(moscow, 2026, 11, 30, 9, 0)},
		{"Saturday to Monday", def, moscow, CallWindow{}, at(moscow, 2026, 11, 28, 11, 0), at(moscow, 2026, 11, 30, 9, 0)},
		{"holidays and a weekend", holidays, moscow, CallWindow{}, at(moscow, 2026, 12, 31, 10, 0), at(moscow, 2027, 1, 4, 9, 0)},
		{"the day before the holidays", holidays, moscow, CallWindow{}, at(moscow, 2026, 12, 30, 17, 0), at(moscow, 2026, 12, 30, 17, 0)},
		// 17:00 in Moscow is midnight in Vladivostok: the client's next day
		{"Vladivostok past midnight", def, vladivostok, CallWindow{}, at(moscow, 2026, 11, 23, 17, 0), at(vladivostok, 2026, 11, 24, 9, 0)},
		{"Vladivostok Friday evening", def, vladivostok, CallWindow{}, at(moscow, 2026, 11, 27, 12, 0), at(vladivostok, 2026, 11, 30, 9, 0)},
		{"Vladivostok morning is Moscow night", def, vladivostok, CallWindow{}, at(moscow, 2026, 11, 24, 1, 0), at(vladivostok, 2026, 11, 24, 9, 0)},
		{"window inside hours", def, moscow, CallWindow{600, 720}, at(moscow, 2026, 11, 23, 12, 0), at(moscow, 2026, 11, 24, 10, 0)},
		{"window starts before hours", def, moscow, CallWindow{420, 600}, at(moscow, 2026, 11, 23, 7, 0), at(moscow, 2026, 11, 23, 9, 0)},
		{"window after hours never meets", def, moscow, CallWindow{19 * 60, 21 * 60}, at(moscow, 2026, 11, 23, 7, 0), time.Time{}},
		{"window past midnight meets the morning", def, moscow, CallWindow{22 * 60, 10 * 60}, at(moscow, 2026, 11, 23, 10, 0), at(moscow, 2026, 11, 24, 9, 0)},
		{"window to 24:00", allDays(), moscow, CallWindow{23 * 60, 24 * 60}, at(moscow, 2026, 11, 23, 23, 59), at(moscow, 2026, 11, 23, 23, 59)},
		{"all holidays for 60 days", allHolidays, moscow, CallWindow{}, at(moscow, 2026, 11, 23, 10, 0), time.Time{}},
		{"no working day", noDays, moscow, CallWindow{}, at(moscow, 2026, 11, 23, 10, 0), time.Time{}},
		// daylight saving: 9:00 stays 9:00 local on either side of the change
		{"New York spring, Friday to Monday", def, newYork, CallWindow{}, at(newYork, 2026, 3, 6, 18, 30), time.Date(2026, 3, 9, 13, 0, 0, 0, time.UTC)},
		{"New York autumn, Friday to Monday", def, newYork, CallWindow{}, at(newYork, 2026, 10, 30, 18, 30), time.Date(2026, 11, 2, 14, 0, 0, 0, time.UTC)},
		{"Vilnius spring, Friday to Monday", def, vilnius, CallWindow{}, at(vilnius, 2026, 3, 27, 17, 0).Add(2 * time.Hour), time.Date(2026, 3, 30, 6, 0, 0, 0, time.UTC)},
		{"Vilnius autumn, Friday to Monday", def, vilnius, CallWindow{}, at(vilnius, 2026, 10, 23, 18, 0), time.Date(2026, 10, 26, 7, 0, 0, 0, time.UTC)},
		// a window opening at a wall time the clocks skip opens when they jump
		{"New York spring gap", allDays(), newYork, CallWindow{150, 210}, at(newYork, 2026, 3, 8, 0, 0), time.Date(2026, 3, 8, 7, 0, 0, 0, time.UTC)},
		{"Vilnius spring gap", allDays(), vilnius, CallWindow{3*60 + 30, 5 * 60}, at(vilnius, 2026, 3, 29, 0, 0), time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC)},
		// the wall time shown twice opens at its first occurrence
		{"New York autumn repeat", allDays(), newYork, CallWindow{60, 90}, at(newYork, 2026, 11, 1, 0, 30), time.Date(2026, 11, 1, 5, 0, 0, 0, time.UTC)},
		{"Vilnius autumn repeat", allDays(), vilnius, CallWindow{3 * 60, 4 * 60}, at(vilnius, 2026, 10, 25, 0, 0), time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := NextCallSlot(c.s, c.loc, c.w, c.t)
			if c.want.IsZero() {
				if ok {
					t.Fatalf("slot %v, want none", got)
				}
				return
			}
			if !ok || !got.Equal(c.want) {
				t.Fatalf("slot %v (ok %v), want %v", got, ok, c.want.In(c.loc))
			}
			if got.Location() != c.loc {
				t.Errorf("slot in %v, want %v", got.Location(), c.loc)
			}
			if !InCallWindow(c.s, c.loc, c.w, got) {
				t.Errorf("InCallWindow refuses the slot %v", got)
			}
			if got.After(c.t) && InCallWindow(c.s, c.loc, c.w, got.Add(-time.Minute)) {
				t.Errorf("the minute before the slot %v is in the window", got)
			}
		})
	}
}

func TestInCallWindowAcrossDaylightSaving(t *testing.T) {
	def := DefaultCallSettings()
	cases := []struct {
		loc  *time.Location
		t    time.Time // UTC
		want bool
	}{
		// Monday after New York's spring change: 9:00 EDT is 13:00 UTC
		{newYork, time.Date(2026, 3, 9, 12, 59, 0, 0, time.UTC), false},
		{newYork, time.Date(2026, 3, 9, 13, 0, 0, 0, time.UTC), true},
		{newYork, time.Date(2026, 3, 9, 21, 59, 0, 0, time.UTC), true},
		{newYork, time.Date(2026, 3, 9, 22, 0, 0, 0, time.UTC), false},
		// the Friday before it: 9:00 EST is 14:00 UTC
		{newYork, time.Date(2026, 3, 6, 13, 30, 0, 0, time.UTC), false},
		{newYork, time.Date(2026, 3, 6, 14, 0, 0, 0, time.UTC), true},
		// Vilnius after the autumn change: 9:00 EET is 07:00 UTC
		{vilnius, time.Date(2026, 10, 26, 6, 30, 0, 0, time.UTC), false},
		{vilnius, time.Date(2026, 10, 26, 7, 0, 0, 0, time.UTC), true},
		{vilnius, time.Date(2026, 10, 23, 6, 0, 0, 0, time.UTC), true}, // 9:00 EEST on the Friday before
		// Sunday of the change is not a working day
		{vilnius, time.Date(2026, 10, 25, 9, 0, 0, 0, time.UTC), false},
		// Moscow and Vladivostok keep no daylight saving
		{moscow, time.Date(2026, 7, 1, 6, 0, 0, 0, time.UTC), true},
		{vladivostok, time.Date(2026, 7, 1, 6, 0, 0, 0, time.UTC), true},  // 16:00 local
		{vladivostok, time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC), false}, // 18:00 local
	}
	for _, c := range cases {
		if got := InCallWindow(def, c.loc, CallWindow{}, c.t); got != c.want {
			t.Errorf("%s %v: %v, want %v", c.loc, c.t.In(c.loc), got, c.want)
		}
	}
	if InCallWindow(def, nil, CallWindow{}, time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)) != true {
		t.Error("a nil zone is UTC")
	}
}

func phoneClient(manager string, tz string, phones ...string) Client {
	c := Client{ID: 7, ShortName: "Текстиль", Manager: manager, TimeZone: tz}
	for _, p := range phones {
		c.Phones = append(c.Phones, Phone{E164: p})
	}
	return c
}

func TestDecideRetry(t *testing.T) {
	s := DefaultCallSettings()
	item := PlanItem{ID: 41, Kind: PlanCall, Client: 7, Contact: 2, Assignee: "ivanova", Purpose: PurposeSale,
		Priority: PriorityNormal, Origin: OriginWeeklyPlan, Status: PlanPlanned, Due: at(moscow, 2026, 11, 23, 9, 0)}
	withAttempts := func(n int) PlanItem { p := item; p.Attempts = n; return p }
	moscowClient := phoneClient("petrova", "", "+79123456789", "+79123456780")
	monday10 := at(moscow, 2026, 11, 23, 10, 0)
	type want struct {
		action   RetryAction
		close    bool
		due      time.Time // the worked item's
		newDue   time.Time // the new item's
		assignee string    // the new item's
		origin   Origin
		purpose  Purpose
		priority Priority
		attempts int
		flag     bool
		step     string
	}
	cases := []struct {
		name string
		s    CallSettings
		item PlanItem
		c    Client
		ix   Interaction
		now  time.Time
		want want
	}{
		{"reached closes", s, item, moscowClient, Interaction{Outcome: OutcomeReached}, monday10,
			want{action: RetryClose, close: true, step: "Reached: done."}},
		{"order taken closes", s, item, moscowClient, Interaction{Outcome: OutcomeOrderTaken}, monday10,
			want{action: RetryClose, close: true, step: "Order taken: done."}},
		{"refused with a reason closes", s, item, moscowClient, Interaction{Outcome: OutcomeRefused, Reason: "price"}, monday10,
			want{action: RetryClose, close: true, step: "Refused (price): done."}},
		{"no answer, first attempt", s, item, moscowClient, Interaction{Outcome: OutcomeNoAnswer}, monday10,
			want{action: RetryAgain, due: at(moscow, 2026, 11, 23, 12, 0), attempts: 1,
				step: "No answer: again at 23.11.2026 12:00 (attempt 2 of 3)."}},
		{"no answer, second attempt", s, withAttempts(1), moscowClient, Interaction{Outcome: OutcomeNoAnswer}, monday10,
			want{action: RetryAgain, due: at(moscow, 2026, 11, 23, 12, 0), attempts: 2, step: "(attempt 3 of 3)"}},
		{"no answer, third attempt goes to the manager", s, withAttempts(2), moscowClient, Interaction{Outcome: OutcomeNoAnswer, User: "ivanova"}, monday10,
			want{action: RetryToManager, close: true, newDue: monday10, assignee: "petrova", origin: OriginEscalation,
				purpose: PurposeSale, priority: PriorityNormal,
				step: "No answer (after 3 attempts): to the manager petrova, due 23.11.2026 10:00."}},
		{"no answer late in the day moves to the morning", s, item, moscowClient, Interaction{Outcome: OutcomeNoAnswer}, at(moscow, 2026, 11, 23, 17, 0),
			want{action: RetryAgain, due: at(moscow, 2026, 11, 24, 9, 0), attempts: 1}},
		{"no answer on Friday afternoon moves to Monday", s, item, moscowClient, Interaction{Outcome: OutcomeNoAnswer}, at(moscow, 2026, 11, 27, 16, 30),
			want{action: RetryAgain, due: at(moscow, 2026, 11, 30, 9, 0), attempts: 1}},
		{"no answer in Vladivostok lands in the client's morning", s, item, phoneClient("petrova", "Asia/Vladivostok", "+74232000000"),
			Interaction{Outcome: OutcomeNoAnswer}, at(moscow, 2026, 11, 23, 10, 0),
			want{action: RetryAgain, due: at(vladivostok, 2026, 11, 24, 9, 0), attempts: 1,
				step: "No answer: again at 24.11.2026 09:00 Asia/Vladivostok (attempt 2 of 3)."}},
		{"no answer in a window", s, item, func() Client { c := moscowClient; c.CallWindow = CallWindow{14 * 60, 16 * 60}; return c }(),
			Interaction{Outcome: OutcomeNoAnswer}, monday10,
			want{action: RetryAgain, due: at(moscow, 2026, 11, 23, 14, 0), attempts: 1}},
		{"no answer, the window never meets working hours", s, item, func() Client { c := moscowClient; c.CallWindow = CallWindow{19 * 60, 21 * 60}; return c }(),
			Interaction{Outcome: OutcomeNoAnswer}, monday10,
			want{action: RetryAgain, due: at(moscow, 2026, 11, 23, 12, 0), attempts: 1, step: "never meets the working hours"}},
		{"no answer in New York across the spring change", s, item, phoneClient("", "America/New_York", "+12125550100"),
			Interaction{Outcome: OutcomeNoAnswer}, at(newYork, 2026, 3, 6, 17, 0),
			want{action: RetryAgain, due: time.Date(2026, 3, 9, 13, 0, 0, 0, time.UTC), attempts: 1}},
		{"no answer in Vilnius across the autumn change", s, item, phoneClient("", "Europe/Vilnius", "+37061234567"),
			Interaction{Outcome: OutcomeNoAnswer}, at(vilnius, 2026, 10, 23, 17, 0),
			want{action: RetryAgain, due: time.Date(2026, 10, 26, 7, 0, 0, 0, time.UTC), attempts: 1}},
		{"busy: 15 minutes", s, withAttempts(3), moscowClient, Interaction{Outcome: OutcomeBusy}, monday10,
			want{action: RetryAgain, due: at(moscow, 2026, 11, 23, 10, 15), attempts: 4, step: "(attempt 5 of 5)"}},
		{"call back at the named time, even in the evening", s, withAttempts(2), moscowClient,
			Interaction{Outcome: OutcomeCallBack, CallBack: at(moscow, 2026, 11, 24, 19, 30)}, monday10,
			want{action: RetryAt, due: at(moscow, 2026, 11, 24, 19, 30), attempts: 0,
				step: "Call back: call back at 24.11.2026 19:30, as the client asked."}},
		{"wrong number with another number: again now", s, item, moscowClient,
			Interaction{Outcome: OutcomeWrongNumber, Phone: "+79123456789"}, monday10,
			want{action: RetryAgain, due: monday10, attempts: 1, flag: true,
				step: "Wrong number +7 912 345-67-89 (flagged on the card): again at 23.11.2026 10:00."}},
		{"wrong number, the other number already wrong: to the manager", s, item,
			func() Client {
				c := phoneClient("petrova", "", "+79123456789", "+79123456780")
				c.Phones[1].WrongNumber = true
				return c
			}(),
			Interaction{Outcome: OutcomeWrongNumber, Phone: "+79123456789"}, monday10,
			want{action: RetryToManager, close: true, newDue: monday10, assignee: "petrova", origin: OriginEscalation,
				purpose: PurposeSale, priority: PriorityNormal, flag: true, step: "(no other number): to the manager petrova"}},
		{"wrong number, a contact's number is another", s, item,
			func() Client {
				c := phoneClient("petrova", "", "+79123456789")
				c.Contacts = []Contact{{ID: 2, Name: "Анна", Phones: []Phone{{E164: "+79001112233"}}}}
				return c
			}(),
			Interaction{Outcome: OutcomeWrongNumber, Phone: "+79123456789"}, monday10,
			want{action: RetryAgain, due: monday10, attempts: 1, flag: true}},
		{"promised to pay: a check call the day after", s, item, moscowClient,
			Interaction{Outcome: OutcomePromisedToPay, Promised: Money{150000, "RUB"}, PromiseBy: at(moscow, 2026, 11, 25, 9, 0), User: "ivanova"}, monday10,
			want{action: RetryCheckCall, close: true, newDue: at(moscow, 2026, 11, 26, 9, 0), assignee: "ivanova",
				origin: OriginPaymentCheck, purpose: PurposeDebtReminder, priority: PriorityNormal,
				step: "Promised to pay 1,500.00 RUB by 25.11.2026: check call at 26.11.2026 09:00."}},
		{"promised by Friday: the check call on Monday", s, item, moscowClient,
			Interaction{Outcome: OutcomePromisedToPay, Promised: Money{100, "RUB"}, PromiseBy: at(moscow, 2026, 11, 27, 0, 0), User: "ivanova"}, monday10,
			want{action: RetryCheckCall, close: true, newDue: at(moscow, 2026, 11, 30, 9, 0), assignee: "ivanova",
				origin: OriginPaymentCheck, purpose: PurposeDebtReminder, priority: PriorityNormal}},
		{"promised by today", s, item, moscowClient,
			Interaction{Outcome: OutcomePromisedToPay, Promised: Money{100, "RUB"}, PromiseBy: at(moscow, 2026, 11, 23, 0, 0), User: "ivanova"}, monday10,
			want{action: RetryCheckCall, close: true, newDue: at(moscow, 2026, 11, 24, 9, 0), assignee: "ivanova",
				origin: OriginPaymentCheck, purpose: PurposeDebtReminder, priority: PriorityNormal}},
		{"escalated to the manager", s, item, moscowClient, Interaction{Outcome: OutcomeEscalated, User: "ivanova", Notes: "wants a discount"}, monday10,
			want{action: RetryToManager, close: true, newDue: monday10, assignee: "petrova", origin: OriginEscalation,
				purpose: PurposeSale, priority: PriorityNormal, step: "Escalated: to the manager petrova, due 23.11.2026 10:00."}},
		{"escalated without a manager stays in the pool", s, item, phoneClient("", "", "+79123456789"),
			Interaction{Outcome: OutcomeEscalated, User: "ivanova"}, at(moscow, 2026, 11, 28, 12, 0),
			want{action: RetryToManager, close: true, newDue: at(moscow, 2026, 11, 30, 9, 0), assignee: "", origin: OriginEscalation,
				purpose: PurposeSale, priority: PriorityHigh, step: "operators' pool with high priority"}},
		{"off-plan no answer plans a new call for the caller", s, PlanItem{}, moscowClient,
			Interaction{Outcome: OutcomeNoAnswer, User: "sidorov", Contact: 3}, monday10,
			want{action: RetryAgain, close: true, newDue: at(moscow, 2026, 11, 23, 12, 0), assignee: "sidorov", origin: OriginManual,
				purpose: PurposeFollowUp, priority: PriorityNormal, attempts: 1}},
		{"incoming call: call me back at 15:00", s, PlanItem{}, moscowClient,
			Interaction{Outcome: OutcomeCallBack, User: "sidorov", CallBack: at(moscow, 2026, 11, 23, 15, 0)}, monday10,
			want{action: RetryAt, close: true, newDue: at(moscow, 2026, 11, 23, 15, 0), assignee: "sidorov", origin: OriginManual,
				purpose: PurposeFollowUp, priority: PriorityNormal}},
		{"exhausted with no Then closes", func() CallSettings {
			s := DefaultCallSettings()
			s.Rules[1].Then = ""
			return s
		}(), withAttempts(2), moscowClient, Interaction{Outcome: OutcomeNoAnswer}, monday10,
			want{action: RetryClose, close: true, step: "No answer (after 3 attempts): done."}},
		{"no limit keeps trying", func() CallSettings {
			s := DefaultCallSettings()
			s.Rules[1].MaxAttempts = 0
			return s
		}(), withAttempts(40), moscowClient, Interaction{Outcome: OutcomeNoAnswer}, monday10,
			want{action: RetryAgain, due: at(moscow, 2026, 11, 23, 12, 0), attempts: 41, step: "No answer: again at 23.11.2026 12:00."}},
		{"a missing rule closes", CallSettings{DefaultZone: "Europe/Moscow", WorkFrom: 540, WorkTo: 1080, WorkDays: [7]bool{1: true}},
			item, moscowClient, Interaction{Outcome: OutcomeBusy}, monday10,
			want{action: RetryClose, close: true, step: "Busy: done."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := DecideRetry(c.s, c.item, c.c, c.ix, c.now)
			if err != nil {
				t.Fatal(err)
			}
			w := c.want
			if d.Action != w.action || d.Close != w.close || d.FlagPhone != w.flag || d.Attempts != w.attempts {
				t.Errorf("decision %+v, want action %s close %v flag %v attempts %d", d, w.action, w.close, w.flag, w.attempts)
			}
			if !d.Due.Equal(w.due) {
				t.Errorf("due %v, want %v", d.Due, w.due)
			}
			if w.newDue.IsZero() != (d.NewItem == nil) {
				t.Fatalf("new item %+v, want due %v", d.NewItem, w.newDue)
			}
			if p := d.NewItem; p != nil {
				if !p.Due.Equal(w.newDue) || p.Assignee != w.assignee || p.Origin != w.origin || p.Purpose != w.purpose ||
					p.Priority != w.priority || p.Kind != PlanCall || p.Client != c.c.ID || p.Status != PlanPlanned || p.Attempts != w.attempts {
					t.Errorf("new item %+v, want due %v assignee %q origin %s purpose %s priority %d attempts %d",
						*p, w.newDue, w.assignee, w.origin, w.purpose, w.priority, w.attempts)
				}
				if err := ValidatePlanItem(*p, c.now, true); err != nil {
					t.Errorf("the new item is not valid: %v", err)
				}
				if c.item.ID != 0 && p.Ref != "plan:41" {
					t.Errorf("ref %q", p.Ref)
				}
			}
			if !strings.Contains(d.Step, w.step) || !strings.HasSuffix(d.Step, ".") {
				t.Errorf("step %q, want it to contain %q", d.Step, w.step)
			}
		})
	}
}

func TestDecideRetryRefusesBadInput(t *testing.T) {
	s := DefaultCallSettings()
	item := PlanItem{ID: 1, Kind: PlanCall, Client: 7, Purpose: PurposeSale, Priority: 2, Origin: OriginManual}
	c := phoneClient("petrova", "", "+79123456789")
	vl := phoneClient("petrova", "Asia/Vladivostok", "+74232000000")
	hol := DefaultCallSettings()
	hol.Holidays = []string{"2026-11-24"}
	monday10 := at(moscow, 2026, 11, 23, 10, 0)
	cases := []struct {
		name  string
		s     CallSettings
		c     Client
		ix    Interaction
		field string
		says  string
	}{
		{"refused without a reason", s, c, Interaction{Outcome: OutcomeRefused, Reason: "  "}, "reason", "why"},
		{"promised without an amount", s, c, Interaction{Outcome: OutcomePromisedToPay, PromiseBy: at(moscow, 2026, 11, 25, 9, 0)}, "promised", "amount"},
		{"promised without a date", s, c, Interaction{Outcome: OutcomePromisedToPay, Promised: Money{100, "RUB"}}, "promise_by", "date"},
		{"promised by yesterday", s, c, Interaction{Outcome: OutcomePromisedToPay, Promised: Money{100, "RUB"}, PromiseBy: at(moscow, 2026, 11, 22, 9, 0)}, "promise_by", "22.11.2026"},
		{"call back without a time", s, c, Interaction{Outcome: OutcomeCallBack}, "call_back", "when"},
		{"call back in the past", s, c, Interaction{Outcome: OutcomeCallBack, CallBack: at(moscow, 2026, 11, 23, 9, 0)}, "call_back", "passed"},
		{"call back on Saturday", s, c, Interaction{Outcome: OutcomeCallBack, CallBack: at(moscow, 2026, 11, 28, 11, 0)}, "call_back", "28.11.2026 is not a working day"},
		{"call back on a holiday", hol, c, Interaction{Outcome: OutcomeCallBack, CallBack: at(moscow, 2026, 11, 24, 11, 0)}, "call_back", "not a working day"},
		// Friday 20:00 in Moscow is Saturday 03:00 in Vladivostok
		{"call back on the client's Saturday", s, vl, Interaction{Outcome: OutcomeCallBack, CallBack: at(moscow, 2026, 11, 27, 20, 0)}, "call_back", "Asia/Vladivostok"},
		{"call back in ten years", s, c, Interaction{Outcome: OutcomeCallBack, CallBack: at(moscow, 2036, 11, 24, 11, 0)}, "call_back", "three years"},
		{"not an outcome", s, c, Interaction{Outcome: "hung_up"}, "outcome", "hung_up"},
	}
	for _, cs := range cases {
		t.Run(cs.name, func(t *testing.T) {
			d, err := DecideRetry(cs.s, item, cs.c, cs.ix, monday10)
			f := fieldErr(t, err)
			if !strings.Contains(f[cs.field], cs.says) {
				t.Errorf("fields %v (decision %+v), want %s saying %q", f, d, cs.field, cs.says)
			}
		})
	}
}

func TestValidatePlanItem(t *testing.T) {
	now := at(moscow, 2026, 11, 23, 10, 0)
	good := PlanItem{Kind: PlanCall, Client: 1, Due: now.Add(time.Hour), Purpose: PurposeSale, Priority: PriorityNormal, Origin: OriginManual}
	if err := ValidatePlanItem(good, now, true); err != nil {
		t.Fatal(err)
	}
	slack := good
	slack.Due = now.Add(-30 * time.Second)
	if err := ValidatePlanItem(slack, now, true); err != nil {
		t.Errorf("half a minute ago is typing time: %v", err)
	}
	old := good
	old.Due = now.Add(-48 * time.Hour)
	if err := ValidatePlanItem(old, now, false); err != nil {
		t.Errorf("an existing item may be overdue: %v", err)
	}
	cases := []struct {
		name  string
		edit  func(*PlanItem)
		field string
	}{
		{"no client", func(p *PlanItem) { p.Client = 0 }, "client"},
		{"unknown kind", func(p *PlanItem) { p.Kind = "letter" }, "kind"},
		{"unknown purpose", func(p *PlanItem) { p.Purpose = "" }, "purpose"},
		{"priority 0", func(p *PlanItem) { p.Priority = 0 }, "priority"},
		{"priority 4", func(p *PlanItem) { p.Priority = 4 }, "priority"},
		{"no origin", func(p *PlanItem) { p.Origin = "" }, "origin"},
		{"unknown status", func(p *PlanItem) { p.Status = "lost" }, "status"},
		{"no due", func(p *PlanItem) { p.Due = time.Time{} }, "due"},
		{"new in the past", func(p *PlanItem) { p.Due = now.Add(-2 * time.Minute) }, "due"},
		{"until before due", func(p *PlanItem) { p.Until = p.Due.Add(-time.Hour) }, "until"},
		{"until equal to due", func(p *PlanItem) { p.Until = p.Due }, "until"},
		{"visit without an address", func(p *PlanItem) { p.Kind = PlanVisit; p.Address = " " }, "address"},
		{"address with a control character", func(p *PlanItem) { p.Address = "Tverskaya\x07 1" }, "address"},
	}
	for _, c := range cases {
		p := good
		c.edit(&p)
		f := fieldErr(t, ValidatePlanItem(p, now, true))
		if len(f) != 1 || f[c.field] == "" {
			t.Errorf("%s: fields %v, want only %s", c.name, f, c.field)
		}
	}
	visit := good
	visit.Kind, visit.Address, visit.Until = PlanVisit, "Vilnius, Gedimino pr. 1", good.Due.Add(2*time.Hour)
	if err := ValidatePlanItem(visit, now, true); err != nil {
		t.Error(err)
	}
}

func TestParseWhen(t *testing.T) {
	s := DefaultCallSettings()
	now := at(moscow, 2026, 11, 23, 15, 7) // Monday
	cases := []struct {
		text string
		loc  *time.Location
		now  time.Time
		want time.Time
	}{
		{"14:30", moscow, now, at(moscow, 2026, 11, 23, 14, 30)}, // passed today: still today
		{"9:05", moscow, now, at(moscow, 2026, 11, 23, 9, 5)},
		{" 16:45 ", vladivostok, now, at(vladivostok, 2026, 11, 23, 16, 45)},
		{"25.11", moscow, now, at(moscow, 2026, 11, 25, 9, 0)},
		{"25.11.", moscow, now, at(moscow, 2026, 11, 25, 9, 0)},
		{"22.11", moscow, now, at(moscow, 2026, 11, 22, 9, 0)},                            // yesterday stays this year
		{"10.01", moscow, at(moscow, 2026, 12, 20, 10, 0), at(moscow, 2027, 1, 10, 9, 0)}, // late December: next January
		{"20.12", moscow, at(moscow, 2027, 1, 5, 10, 0), at(moscow, 2026, 12, 20, 9, 0)},  // early January: last December
		{"25.11.2026", moscow, now, at(moscow, 2026, 11, 25, 9, 0)},
		{"5.1.27", moscow, now, at(moscow, 2027, 1, 5, 9, 0)},
		{"25.11.2026 14:30", moscow, now, at(moscow, 2026, 11, 25, 14, 30)},
		{"25.11 14:30", moscow, now, at(moscow, 2026, 11, 25, 14, 30)},
		{"2026-11-25 14:30", moscow, now, at(moscow, 2026, 11, 25, 14, 30)},
		{"2026-11-25", vilnius, now, at(vilnius, 2026, 11, 25, 9, 0)},
		{"+2h", moscow, now, now.Add(2 * time.Hour)},
		{"+30m", moscow, now, now.Add(30 * time.Minute)},
		{"+1h30m", moscow, now, now.Add(90 * time.Minute)},
		{"+3d", moscow, now, at(moscow, 2026, 11, 26, 15, 7)},
		{"+1d", newYork, at(newYork, 2026, 3, 7, 12, 0), at(newYork, 2026, 3, 8, 12, 0)}, // a calendar day over the spring change: 23 hours
		{"tomorrow", moscow, now, at(moscow, 2026, 11, 24, 9, 0)},
		{"Завтра 11:00", moscow, now, at(moscow, 2026, 11, 24, 11, 0)},
		{"rytoj", vilnius, now, at(vilnius, 2026, 11, 24, 9, 0)},
		{"today 17:00", moscow, now, at(moscow, 2026, 11, 23, 17, 0)},
		{"сегодня", moscow, now, at(moscow, 2026, 11, 23, 9, 0)},
		{"29.02.2028", moscow, now, at(moscow, 2028, 2, 29, 9, 0)},
		// a wall time the clocks skip moves forward to the jump
		{"08.03.2026 02:30", newYork, now, time.Date(2026, 3, 8, 7, 0, 0, 0, time.UTC)},
		{"29.03.2026 03:30", vilnius, now, time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC)},
		// one shown twice is the first
		{"01.11.2026 01:30", newYork, now, time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		got, err := ParseWhen(c.text, c.now, c.loc, s)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if !got.Equal(c.want) || got.Location() != c.loc {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
	bad := []struct{ text, says string }{
		{"", "Type a time"},
		{"   ", "Type a time"},
		{"soon", "is not a time"},
		{"25:00", "not a time of day"},
		{"14:60", "not a time of day"},
		{"24:00", "not a time of day"},
		{"31.02.2026", "not a date"},
		{"32.01", "not a date"},
		{"25.13.2026", "not a date"},
		{"25.11.999", "not a date"},
		{"2026-11-25T14:30", "is not a time"},
		{"25.11.2026 14:30 extra", "is not a time"},
		{"14:30 25.11.2026", "is not a time"},
		{"25.11.1999", "2000 and 2199"},
		{"+2", "not a delay"},
		{"+2s", "not a delay"},
		{"+20ms", "not a delay"},
		{"+-2h", "not a delay"},
		{"+5000d", "not a delay"},
		{"+2h 3m", "is not a time"},
		{"+99999h", "not a delay"},
	}
	for _, b := range bad {
		_, err := ParseWhen(b.text, now, moscow, s)
		if err == nil || !strings.Contains(err.Error(), b.says) {
			t.Errorf("%q: %v, want a sentence saying %q", b.text, err, b.says)
		}
	}
	if got, err := ParseWhen("14:30", now, nil, s); err != nil || got.Location() != time.UTC {
		t.Errorf("nil zone: %v %v", got, err)
	}
}

func TestDelayAndHolidays(t *testing.T) {
	for _, c := range []struct {
		text string
		want time.Duration
	}{
		{"2h", 2 * time.Hour}, {"15m", 15 * time.Minute}, {"1d", 24 * time.Hour}, {"2h30m", 150 * time.Minute},
		{"1d 2h", 26 * time.Hour}, {"90", 90 * time.Minute}, {"", 0}, {"0", 0}, {" 2H ", 2 * time.Hour},
	} {
		got, err := ParseDelay(c.text)
		if err != nil || got != c.want {
			t.Errorf("ParseDelay(%q) = %v, %v; want %v", c.text, got, err, c.want)
		}
		if back, err := ParseDelay(FormatDelay(got)); err != nil || back != got {
			t.Errorf("FormatDelay(%v) = %q reads back as %v, %v", got, FormatDelay(got), back, err)
		}
	}
	for _, bad := range []string{"2x", "h", "2h30", "30m2h", "2h2h", "-5", "31d", "1.5h", "99999999999"} {
		if _, err := ParseDelay(bad); err == nil {
			t.Errorf("ParseDelay(%q) accepted", bad)
		}
	}
	if FormatDelay(2*time.Hour) != "2h" || FormatDelay(15*time.Minute) != "15m" || FormatDelay(0) != "0" || FormatDelay(25*time.Hour+time.Minute) != "1d1h1m" {
		t.Error("FormatDelay")
	}
	got, err := ParseHolidays("31.12.2026, 1.1.2027; 2026-12-31 07.01.2027")
	if err != nil || strings.Join(got, " ") != "2026-12-31 2027-01-01 2027-01-07" {
		t.Errorf("ParseHolidays: %v %v", got, err)
	}
	if FormatHolidays(got) != "31.12.2026, 01.01.2027, 07.01.2027" {
		t.Errorf("FormatHolidays: %q", FormatHolidays(got))
	}
	for _, bad := range []string{"31.02.2026", "New Year", "2026-13-01", "1.1"} {
		if _, err := ParseHolidays(bad); err == nil || !strings.Contains(err.Error(), "dd.mm.yyyy") {
			t.Errorf("ParseHolidays(%q): %v", bad, err)
		}
	}
	if got, err := ParseHolidays("  "); err != nil || len(got) != 0 {
		t.Errorf("empty holidays: %v %v", got, err)
	}
}

// Every "retry.…" and "callsettings.…" key the policy writes is in the catalogue.
func TestRetryMessageKeys(t *testing.T) {
	src, err := os.ReadFile("retry.go")
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`"((retry|callsettings)\.[a-z_.]+)"`)
	n := 0
	for _, m := range key.FindAllStringSubmatch(string(src), -1) {
		if strings.HasSuffix(m[1], ".") {
			continue // a prefix composed with a value
		}
		n++
		if !HasMessage(m[1]) {
			t.Errorf("key %q is not in the catalogue", m[1])
		}
	}
	if n < 40 {
		t.Errorf("only %d keys found: the pattern is wrong", n)
	}
}

// BenchmarkDecideRetry is the policy's share of logging an outcome: a no
// answer late on a Friday in Vladivostok, which walks to Monday.
func BenchmarkDecideRetry(b *testing.B) {
	s := DefaultCallSettings()
	s.Holidays = []string{"2026-12-31", "2027-01-01"}
	c := phoneClient("petrova", "Asia/Vladivostok", "+74232000000")
	c.CallWindow = CallWindow{From: 600, To: 1020}
	item := PlanItem{ID: 1, Kind: PlanCall, Client: 7, Purpose: PurposeSale, Priority: 2, Origin: OriginManual, Attempts: 1}
	ix := Interaction{Outcome: OutcomeNoAnswer, User: "ivanova", Phone: "+74232000000"}
	now := at(moscow, 2026, 11, 27, 9, 0)
	for b.Loop() {
		if _, err := DecideRetry(s, item, c, ix, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNextCallSlotNoSlot is the worst case: 60 days of holidays searched in vain.
func BenchmarkNextCallSlotNoSlot(b *testing.B) {
	s := DefaultCallSettings()
	for d := 0; d < 70; d++ {
		s.Holidays = append(s.Holidays, time.Date(2026, 11, 27+d, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
	}
	w := CallWindow{From: 10 * 60, To: 12 * 60}
	now := at(newYork, 2026, 11, 27, 9, 0)
	for b.Loop() {
		if _, ok := NextCallSlot(s, newYork, w, now); ok {
			b.Fatal("a slot")
		}
	}
}
