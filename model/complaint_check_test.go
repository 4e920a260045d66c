package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// operator (sidorova), manager (petrova), other (a manager), head and
// director are rights_test.go's users.

func complaintOrder() *Order {
	return &Order{ID: 7, Number: "2026-000123", Client: 1, Currency: "RUB", Lines: []OrderLine{
		{SKU: "A-1", Name: "Pipe 20 mm", Unit: UnitMetre, Qty: 100 * QtyScale},
		{SKU: "B-2", Name: "Valve", Unit: UnitPiece, Qty: 5 * QtyScale},
	}}
}

func goodComplaint(now time.Time) Complaint {
	return Complaint{
		Direction: DirectionIncoming, Type: TypeQuality, Client: 1, Order: 7, OrderNo: "2026-000123",
		Lines:       []ComplaintLine{{Line: 0, Qty: 10 * QtyScale}, {Line: 1, Qty: 5 * QtyScale}},
		Channel:     ChannelPhone,
		Received:    now.Add(-time.Hour),
		Claimed:     Money{Minor: 150000, Currency: "RUB"},
		Description: "Pipes cracked on unloading.",
		Priority:    PriorityNormal,
	}
}

// fields returns the field keys of a *ValidationError (nil error: none).
func fields(t *testing.T, err error) map[string]string {
	t.Helper()
	if err == nil {
		return nil
	}
	var v *ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("%v is not a *ValidationError", err)
	}
	return v.Fields
}

func TestValidateComplaint(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		change func(c *Complaint, o **Order)
		field  string
		says   string
	}{
		{"good", func(*Complaint, **Order) {}, "", ""},
		{"outgoing without order", func(c *Complaint, o **Order) {
			c.Direction, c.Type, c.Lines, c.Order, *o = DirectionOutgoing, TypeSettlement, nil, 0, nil
		}, "", ""},
		{"received 4 minutes ahead (clock skew)", func(c *Complaint, _ **Order) { c.Received = now.Add(4 * time.Minute) }, "", ""},
		{"no direction", func(c *Complaint, _ **Order) { c.Direction = "" }, "direction", "claims"},
		{"bad type", func(c *Complaint, _ **Order) { c.Type = "noise" }, "type", "about"},
		{"no client", func(c *Complaint, _ **Order) { c.Client = 0 }, "client", "client"},
		{"no channel", func(c *Complaint, _ **Order) { c.Channel = "pigeon" }, "channel", "phone"},
		{"no received", func(c *Complaint, _ **Order) { c.Received = time.Time{} }, "received", "when"},
		{"received in the future", func(c *Complaint, _ **Order) { c.Received = now.Add(10 * time.Minute) }, "received", "future"},
		{"blank description", func(c *Complaint, _ **Order) { c.Description = "  \n " }, "description", "Describe"},
		{"long description", func(c *Complaint, _ **Order) { c.Description = strings.Repeat("я", 4001) }, "description", "4001"},
		{"negative claim", func(c *Complaint, _ **Order) { c.Claimed.Minor = -1 }, "claimed", "negative"},
		{"claim in euros on a rouble order", func(c *Complaint, _ **Order) { c.Claimed.Currency = "EUR" }, "claimed", "2026-000123 is in RUB"},
		{"bad currency", func(c *Complaint, _ **Order) { c.Claimed.Currency = "rub" }, "claimed", "not a currency"},
		{"priority 0", func(c *Complaint, _ **Order) { c.Priority = 0 }, "priority", "1 high"},
		{"priority 4", func(c *Complaint, _ **Order) { c.Priority = 4 }, "priority", "1 high"},
		{"another client's order", func(c *Complaint, _ **Order) { c.Client = 2 }, "order", "Order 2026-000123 belongs to another client."},
		{"line outside the order", func(c *Complaint, _ **Order) { c.Lines[1].Line = 2 }, "lines", "Line 3 is not on order 2026-000123."},
		{"negative line", func(c *Complaint, _ **Order) { c.Lines[0].Line = -1 }, "lines", "Line 0 is not"},
		{"quantity 0", func(c *Complaint, _ **Order) { c.Lines[0].Qty = 0 }, "lines", "Line 1 (Pipe 20 mm): say how much"},
		{"above ordered", func(c *Complaint, _ **Order) { c.Lines[1].Qty = 6 * QtyScale }, "lines", "Line 2 (Valve): 6 is more than the 5 ordered."},
		{"a line twice", func(c *Complaint, _ **Order) { c.Lines[1].Line = 0 }, "lines", "Line 1 (Pipe 20 mm) is listed twice."},
		{"lines without the order", func(c *Complaint, o **Order) { *o = nil }, "lines", "Choose the order"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, o := goodComplaint(now), complaintOrder()
			tc.change(&c, &o)
			f := fields(t, ValidateComplaint(c, o, now))
			if tc.field == "" {
				if f != nil {
					t.Fatalf("refused: %v", f)
				}
				return
			}
			if len(f) != 1 || !strings.Contains(f[tc.field], tc.says) {
				t.Errorf("fields %v, want only %q saying %q", f, tc.field, tc.says)
			}
		})
	}
}

func answeredComplaint() Complaint {
	return Complaint{ID: 9, Status: ComplaintAnswered, Owner: "petrova", Claimed: Money{Minor: 100000, Currency: "RUB"}}
}

func yes() *bool { b := true; return &b }

func TestCheckClosing(t *testing.T) {
	good := Closing{Decision: DecisionPartly, Satisfied: Money{Minor: 50000, Currency: "RUB"},
		Remedy: RemedyDiscount, Reason: ReasonDamaged, Fault: FaultCarrier}
	cases := []struct {
		name   string
		u      User
		change func(c *Complaint, cl *Closing)
		field  string
		says   string
	}{
		{"partly by a manager", manager, func(*Complaint, *Closing) {}, "", ""},
		{"fully, the whole claim", manager, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Satisfied.Minor = DecisionFull, 100000
		}, "", ""},
		{"fully with a replacement, no money", operator, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Satisfied.Minor, cl.Remedy = DecisionFull, 0, RemedyReplacement
		}, "", ""},
		{"a full refund of a fraction of the claim", operator, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Satisfied.Minor, cl.Remedy = DecisionFull, 100, RemedyRefund
		}, "satisfied", "A refund or discount that satisfies fully is the 1,000.00 RUB claimed; for less, choose partly."},
		{"rejected", manager, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Satisfied.Minor, cl.Remedy, cl.Fault = DecisionRejected, 0, RemedyNone, FaultClient
		}, "", ""},
		{"partly when nothing was claimed", manager, func(c *Complaint, cl *Closing) {
			c.Claimed.Minor, cl.Satisfied.Minor = 0, 0
		}, "", ""},
		{"head satisfies more than claimed", head, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Satisfied.Minor, cl.OverClaimed = DecisionFull, 120000, true
		}, "", ""},
		{"director: justified verdict", director, func(_ *Complaint, cl *Closing) { cl.Justified = yes() }, "", ""},
		{"from remedy done", manager, func(c *Complaint, _ *Closing) { c.Status = ComplaintRemedyDone }, "", ""},
		{"from feedback", manager, func(c *Complaint, _ *Closing) { c.Status = ComplaintFeedback }, "", ""},

		{"manager: justified verdict", manager, func(_ *Complaint, cl *Closing) { cl.Justified = yes() },
			"justified", "Only the head or director gives the justified verdict."},
		{"more than claimed without the head", manager, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Satisfied.Minor = DecisionFull, 120000
		}, "satisfied", "only the head can confirm"},
		{"head forgot to confirm", head, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Satisfied.Minor = DecisionFull, 120000
		}, "satisfied", "only the head can confirm"},
		{"manager confirms over the claim", manager, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Satisfied.Minor, cl.OverClaimed = DecisionFull, 120000, true
		}, "satisfied", "Only the head can satisfy more than was claimed ("},
		{"negative satisfied", manager, func(_ *Complaint, cl *Closing) { cl.Satisfied.Minor = -1 }, "satisfied", "negative"},
		{"rejected with money", manager, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Remedy = DecisionRejected, RemedyNone
		}, "satisfied", "satisfies nothing"},
		{"partly the whole claim", manager, func(_ *Complaint, cl *Closing) { cl.Satisfied.Minor = 100000 }, "satisfied", "less than"},
		{"partly nothing", manager, func(_ *Complaint, cl *Closing) { cl.Satisfied.Minor = 0 }, "satisfied", "more than 0"},
		{"satisfied in another currency", manager, func(_ *Complaint, cl *Closing) { cl.Satisfied.Currency = "EUR" }, "satisfied", "RUB"},
		{"no decision", manager, func(_ *Complaint, cl *Closing) { cl.Decision = "" }, "decision", "Choose the decision"},
		{"no remedy", manager, func(_ *Complaint, cl *Closing) { cl.Remedy = "" }, "remedy", "Choose the remedy"},
		{"rejected with a refund", manager, func(_ *Complaint, cl *Closing) {
			cl.Decision, cl.Satisfied.Minor, cl.Remedy = DecisionRejected, 0, RemedyRefund
		}, "remedy", "no remedy"},
		{"no reason", manager, func(_ *Complaint, cl *Closing) { cl.Reason = "" }, "reason", "Choose the reason"},
		{"no fault party", manager, func(_ *Complaint, cl *Closing) { cl.Fault = "" }, "fault", "whose fault"},
		{"long feedback", manager, func(_ *Complaint, cl *Closing) { cl.Feedback = strings.Repeat("x", 4001) }, "feedback", "4000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, cl := answeredComplaint(), good
			tc.change(&c, &cl)
			f := fields(t, CheckClosing(tc.u, c, cl))
			if tc.field == "" {
				if f != nil {
					t.Fatalf("refused: %v", f)
				}
				return
			}
			if len(f) != 1 || !strings.Contains(f[tc.field], tc.says) {
				t.Errorf("fields %v, want only %q saying %q", f, tc.field, tc.says)
			}
		})
	}
	// reason and fault missing together: a sentence under each
	f := fields(t, CheckClosing(manager, answeredComplaint(), Closing{Decision: DecisionRejected, Remedy: RemedyNone}))
	if f["reason"] == "" || f["fault"] == "" || len(f) != 2 {
		t.Errorf("closing without reason and fault: %v", f)
	}
	// a complaint not yet answered cannot be closed at all
	c := answeredComplaint()
	c.Status = ComplaintInvestigating
	err := CheckClosing(head, c, good)
	if !errors.Is(err, ErrBadMove) || !strings.Contains(err.Error(), "answer the client before closing") {
		t.Errorf("closing an investigated complaint: %v", err)
	}
}

// Who may work which complaint: own scopes, escalations, outgoing claims.
func TestComplaintRights(t *testing.T) {
	owned := &Complaint{Owner: "petrova", Direction: DirectionIncoming}
	unassigned := &Complaint{Direction: DirectionIncoming}
	escalated := &Complaint{Owner: "sidorova", Direction: DirectionIncoming,
		Escalations: []Escalation{{By: "sidorova", To: "petrova", Level: RoleManager}}}
	answeredEsc := &Complaint{Owner: "sidorova", Direction: DirectionIncoming,
		Escalations: []Escalation{{By: "sidorova", To: "petrova", Level: RoleManager, Answered: time.Now()}}}
	outgoing := &Complaint{Direction: DirectionOutgoing}
	outgoingOwn := &Complaint{Owner: "sidorova", Direction: DirectionOutgoing}
	cases := []struct {
		name         string
		u            User
		c            *Complaint
		edit, handle bool
	}{
		{"operator, new", operator, nil, true, true},
		{"operator, unassigned", operator, unassigned, true, true},
		{"operator, someone else's", operator, owned, false, false},
		{"operator, own escalated up", operator, escalated, true, true},
		{"operator, unassigned outgoing", operator, outgoing, true, false},
		{"operator, own outgoing", operator, outgoingOwn, true, false},
		{"manager, own", manager, owned, true, true},
		{"manager, escalated to me", manager, escalated, true, true},
		{"manager, escalation answered", manager, answeredEsc, false, false},
		{"other manager, not mine", other, owned, false, false},
		{"manager, outgoing", manager, outgoing, true, true},
		{"head, anyone's", head, owned, true, true},
		{"director, outgoing", director, outgoingOwn, true, true},
		{"archived head", User{Name: "x", Role: RoleHead, Archived: true}, owned, false, false},
	}
	for _, tc := range cases {
		if got := CanOnComplaint(tc.u, ActComplaintEdit, tc.c); got != tc.edit {
			t.Errorf("%s: CanOnComplaint edit = %v, want %v", tc.name, got, tc.edit)
		}
		if got := CanHandleComplaint(tc.u, tc.c); got != tc.handle {
			t.Errorf("%s: CanHandleComplaint = %v, want %v", tc.name, got, tc.handle)
		}
	}
	for _, r := range []struct {
		u                        User
		register, justify, setts bool
	}{
		{operator, true, false, false}, {manager, true, false, false},
		{head, true, true, true}, {director, true, true, true},
	} {
		if Can(r.u, ActComplaintRegister) != r.register || Can(r.u, ActComplaintJustify) != r.justify ||
			Can(r.u, ActComplaintSettings) != r.setts || Can(r.u, ActComplaintReport) != r.setts {
			t.Errorf("%s: register/justify/settings/report rights changed", r.u.Role)
		}
	}
	if l, ok := NextLevel(RoleOperator); !ok || l != RoleManager {
		t.Errorf("above the operator: %v", l)
	}
	if _, ok := NextLevel(RoleDirector); ok {
		t.Errorf("something above the director")
	}
}

func TestValidateComplaintSettings(t *testing.T) {
	if err := ValidateComplaintSettings(DefaultComplaintSettings()); err != nil {
		t.Fatalf("the defaults are refused: %v", err)
	}
	cases := []struct {
		name   string
		change func(s *ComplaintSettings)
		field  string
		says   string
	}{
		{"empty zone counts in Moscow", func(s *ComplaintSettings) { s.Zone = "" }, "", ""},
		{"zero hours", func(s *ComplaintSettings) { s.Levels[0].Hours = 0 }, "levels.0", "Quality, key clients: the deadline is a whole number of working hours from 1"},
		{"negative hours", func(s *ComplaintSettings) { s.Levels[5].Hours = -3 }, "levels.5", "Delivery, any client"},
		{"too many hours", func(s *ComplaintSettings) { s.Levels[1].Hours = 2001 }, "levels.1", "2000"},
		{"unknown type", func(s *ComplaintSettings) { s.Levels[2].Type = "noise" }, "levels.2", `"noise" is not a complaint type.`},
		{"unknown category", func(s *ComplaintSettings) { s.Levels[2].Category = "D" }, "levels.2", `"D" is not a client category`},
		{"a level twice", func(s *ComplaintSettings) {
			s.Levels = append(s.Levels, ServiceLevel{Type: TypeQuality, Category: "B", Hours: 9})
		}, "levels.11", "Quality, category B already has a deadline"},
		{"zero default", func(s *ComplaintSettings) { s.DefaultHours = 0 }, "default_hours", "from 1 to 2000"},
		{"negative serious", func(s *ComplaintSettings) { s.SeriousHours = -1 }, "serious_hours", "from 1 to 2000"},
		{"hours backwards", func(s *ComplaintSettings) { s.WorkFrom, s.WorkTo = 18*60, 9*60 }, "work_hours", "start before they end"},
		{"past midnight", func(s *ComplaintSettings) { s.WorkTo = 24*60 + 1 }, "work_hours", "within one day"},
		{"no working day", func(s *ComplaintSettings) { s.WorkDays = [7]bool{} }, "work_days", "at least one"},
		{"bad holiday", func(s *ComplaintSettings) { s.Holidays = append(s.Holidays, "31.12.2026") }, "holidays", `"31.12.2026" is not a date`},
		{"holiday in 1999", func(s *ComplaintSettings) { s.Holidays = []string{"1999-12-31"} }, "holidays", "between 2000 and 2199"},
		{"bad zone", func(s *ComplaintSettings) { s.Zone = "Mars/Olympus" }, "zone", "Mars/Olympus"},
		{"no follow-up", func(s *ComplaintSettings) { s.FollowUpDays = 0 }, "follow_up_days", "1 to 60"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := DefaultComplaintSettings()
			tc.change(&s)
			f := fields(t, ValidateComplaintSettings(s))
			if tc.field == "" {
				if f != nil {
					t.Fatalf("refused: %v", f)
				}
				return
			}
			if len(f) != 1 || !strings.Contains(f[tc.field], tc.says) {
				t.Errorf("fields %v, want only %q saying %q", f, tc.field, tc.says)
			}
		})
	}
}

// Every value of every complaint enum has its words in the catalogue.
func TestComplaintLabels(t *testing.T) {
	check := func(kind, v, got string) {
		t.Helper()
		if got == "" || got == v || strings.HasPrefix(got, "complaint.") {
			t.Errorf("%s %q has no label (%q)", kind, v, got)
		}
	}
	for _, s := range ComplaintStatuses {
		check("status", string(s), ComplaintStatusLabel(s))
		if !HasMessage("complaint.word." + string(s)) {
			t.Errorf("status %q has no word for sentences", s)
		}
	}
	for _, v := range ComplaintTypes {
		check("type", string(v), ComplaintTypeLabel(v))
	}
	for _, v := range ComplaintDirections {
		check("direction", string(v), ComplaintDirectionLabel(v))
	}
	for _, v := range Decisions {
		check("decision", string(v), DecisionLabel(v))
	}
	for _, v := range Remedies {
		check("remedy", string(v), RemedyLabel(v))
	}
	for _, v := range FaultParties {
		check("fault", string(v), FaultLabel(v))
	}
	for _, v := range ReasonCodes {
		check("reason", string(v), ReasonLabel(v))
	}
	for _, v := range Departments {
		check("department", string(v), DepartmentLabel(v))
	}
	if got := ComplaintStatusLabel("lost"); got != "lost" {
		t.Errorf("an unknown status shows as %q, want itself", got)
	}
	if got := ComplaintTypeLabel(""); got != "" {
		t.Errorf("no type shows as %q", got)
	}
	// every complaint sentence reads as one
	for _, k := range MessageKeys() {
		if !strings.HasPrefix(k, "complaint.err.") && !strings.HasPrefix(k, "complaint.move.") {
			continue
		}
		if s := T(k); !(s[0] == '%' || (s[0] >= 'A' && s[0] <= 'Z')) || !strings.HasSuffix(s, ".") {
			t.Errorf("%s = %q is not a sentence", k, s)
		}
	}
}

func TestFormatLeft(t *testing.T) {
	cases := []struct {
		d    time.Duration
		day  int
		want string
	}{
		{0, 540, "0m"},
		{45 * time.Minute, 540, "45m"},
		{45*time.Minute + 59*time.Second, 540, "45m"},
		{5*time.Hour + 20*time.Minute, 540, "5h 20m"},
		{5 * time.Hour, 540, "5h"},
		{9 * time.Hour, 540, "1d"},
		{21 * time.Hour, 540, "2d 3h"},
		{21*time.Hour + 40*time.Minute, 540, "2d 3h"},
		{8*time.Hour + 59*time.Minute, 540, "8h 59m"},
		{-(3*time.Hour + 10*time.Minute), 540, "overdue 3h 10m"},
		{-30 * time.Second, 540, "overdue"},
		{-time.Nanosecond, 540, "overdue"}, // past the deadline outside working time
		{-90 * time.Second, 540, "overdue 2m"},
		{-20 * time.Hour, 540, "overdue 2d 2h"},
		{24 * time.Hour, 1440, "1d"},
		{24 * time.Hour, 0, "2d 6h"}, // no day length: 9 h
		{time.Duration(-1 << 63), 540, "overdue 284671d 8h"},
	}
	for _, tc := range cases {
		if got := FormatLeft(tc.d, tc.day); got != tc.want {
			t.Errorf("FormatLeft(%v, %d) = %q, want %q", tc.d, tc.day, got, tc.want)
		}
	}
}
