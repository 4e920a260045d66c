package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The complaint department is the order department (plan_fixture_test.go,
// order_fixture_test.go): boss (director), head, petrov and jonaitis
// (managers, petrov manages vilnius, jonaitis vlad), olga and oleg
// (operators); orphan has no manager. The clock stands on Tuesday 10:00 UTC.

func incoming(c model.Client, tp model.ComplaintType) model.Complaint {
	return model.Complaint{Direction: model.DirectionIncoming, Type: tp, Client: c.ID, Channel: model.ChannelPhone,
		Description: "the goods came damaged", Claimed: model.Money{Minor: 10_000_00, Currency: "RUB"}, Priority: model.PriorityNormal}
}

// must is a complaint call's result, failing the test on its error.
type must struct{ t testing.TB }

func (m must) ok(c model.Complaint, err error) model.Complaint {
	m.t.Helper()
	if err != nil {
		m.t.Fatalf("complaint: %v", err)
	}
	return c
}

func register(t testing.TB, s *Session, c model.Complaint) model.Complaint {
	t.Helper()
	return must{t}.ok(s.RegisterComplaint(c))
}

// answered walks c (owned by s's user or unassigned) to answered.
func answered(t testing.TB, s *Session, c model.Complaint) model.Complaint {
	t.Helper()
	c = must{t}.ok(s.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""))
	return must{t}.ok(s.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, "we will replace it"))
}

var fullRefund = model.Closing{Decision: model.DecisionFull, Satisfied: model.Money{Minor: 10_000_00}, Remedy: model.RemedyRefund,
	Reason: model.ReasonDamaged, Fault: model.FaultCarrier, Feedback: "thanks"}

func queueIDs(t testing.TB, s *Session, f model.ComplaintFilter) []model.ID {
	t.Helper()
	page, err := s.Complaints(context.Background(), f, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != len(page.Rows) {
		t.Errorf("filter %+v: total %d, %d rows", f, page.Total, len(page.Rows))
	}
	var ids []model.ID
	for _, r := range page.Rows {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestComplaintRegister(t *testing.T) {
	d := newPlanDept(t)
	c := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	if c.ID == 0 || c.Status != model.ComplaintRegistered || c.Owner != "" || c.Version != 1 {
		t.Fatalf("registered %+v", c)
	}
	if !c.Received.Equal(planT0) || c.SLA <= 0 || !c.Deadline.After(c.Received) {
		t.Errorf("received %v, sla %d, deadline %v", c.Received, c.SLA, c.Deadline)
	}
	if len(c.Events) != 1 || c.Events[0].Action != "register" || c.CreatedBy != "olga" {
		t.Errorf("events %+v, created by %s", c.Events, c.CreatedBy)
	}
	got, err := d.olga.Complaint(c.ID)
	if err != nil || got.Version != 1 || got.Description != c.Description {
		t.Errorf("loaded %+v, %v", got, err)
	}
	// the head gives it to someone at once: assigned
	h := incoming(d.vlad, model.TypeService)
	h.Owner = "oleg"
	if c := register(t, d.head, h); c.Status != model.ComplaintAssigned || c.Owner != "oleg" {
		t.Errorf("registered with an owner: %s %q", c.Status, c.Owner)
	}
	// a second complaint about the same client is not refused
	register(t, d.oleg, incoming(d.vilnius, model.TypeQuality))
	if rows, err := d.olga.OpenComplaintsAbout(d.vilnius.ID, 0); err != nil || len(rows) != 2 || rows[0].ClientName != d.vilnius.ShortName {
		t.Errorf("open complaints about vilnius: %+v, %v", rows, err)
	}
	hist, err := d.olga.ComplaintHistory(c.ID)
	if err != nil || len(hist) != 1 || hist[0].Action != "create" || hist[0].User != "olga" {
		t.Errorf("history %+v, %v", hist, err)
	}
	checkComplaintConsistency(t, d.db)
}

func TestComplaintBadInputSavesNothing(t *testing.T) {
	d := newOrderDept(t)
	theirs := d.orderIn(t, model.OrderShipped) // vilnius's
	open := register(t, d.head, func() model.Complaint { c := incoming(d.vilnius, model.TypeQuality); c.Owner = "petrov"; return c }())
	open = answered(t, d.petrov, open)
	withOrder := incoming(d.vilnius, model.TypeQuality)
	withOrder.Owner, withOrder.Order, withOrder.Lines = "petrov", theirs.ID, []model.ComplaintLine{{Line: 0, Qty: qty(1)}}
	withOrder = answered(t, d.petrov, register(t, d.head, withOrder))
	investigating := register(t, d.olga, incoming(d.vlad, model.TypeService))
	investigating = must{t}.ok(d.olga.MoveComplaint(investigating.ID, investigating.Version, model.ComplaintInvestigating, ""))
	cases := []struct {
		name, field string
		do          func() error
	}{
		{"an order of another client", "order", func() error {
			c := incoming(d.vlad, model.TypeQuality)
			c.Order, c.Lines = theirs.ID, []model.ComplaintLine{{Line: 0, Qty: qty(1)}}
			_, err := d.olga.RegisterComplaint(c)
			return err
		}},
		{"no client", "client", func() error {
			_, err := d.olga.RegisterComplaint(incoming(model.Client{}, model.TypeQuality))
			return err
		}},
		{"an owner other than me", "owner", func() error {
			c := incoming(d.vlad, model.TypeQuality)
			c.Owner = "oleg"
			_, err := d.olga.RegisterComplaint(c)
			return err
		}},
		{"an operator owning an outgoing claim", "owner", func() error {
			c := incoming(d.vlad, model.TypeSettlement)
			c.Direction, c.Owner = model.DirectionOutgoing, "olga"
			_, err := d.head.RegisterComplaint(c)
			return err
		}},
		{"satisfied above the claimed without the head", "satisfied", func() error {
			cl := fullRefund
			cl.Satisfied = model.Money{Minor: 20_000_00}
			_, err := d.petrov.CloseComplaint(open.ID, open.Version, cl)
			return err
		}},
		{"closing without a reason", "reason", func() error {
			cl := fullRefund
			cl.Reason = ""
			_, err := d.petrov.CloseComplaint(open.ID, open.Version, cl)
			return err
		}},
		{"closing without a fault party", "fault", func() error {
			cl := fullRefund
			cl.Fault = ""
			_, err := d.petrov.CloseComplaint(open.ID, open.Version, cl)
			return err
		}},
		{"a return without the head", "remedy", func() error {
			cl := fullRefund
			cl.Remedy = model.RemedyReturn
			_, err := d.petrov.CloseComplaint(withOrder.ID, withOrder.Version, cl)
			return err
		}},
		{"zero default hours", "default_hours", func() error {
			cs, _ := d.head.ComplaintSettings()
			cs.DefaultHours = 0
			_, err := d.head.SaveComplaintSettings(cs)
			return err
		}},
		{"negative level hours", "levels.0", func() error {
			cs, _ := d.head.ComplaintSettings()
			cs.Levels[0].Hours = -8
			_, err := d.head.SaveComplaintSettings(cs)
			return err
		}},
		{"an answer without text", "answer", func() error {
			_, err := d.olga.MoveComplaint(investigating.ID, investigating.Version, model.ComplaintAnswered, "  ")
			return err
		}},
		{"an escalation without why", "reason", func() error {
			_, err := d.petrov.EscalateComplaint(open.ID, open.Version, "head", " ")
			return err
		}},
		{"a forward without a department", "department", func() error {
			_, err := d.petrov.ForwardComplaint(open.ID, open.Version, "", "please look")
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := unchanged(t, d.db, tc.do)
			var ve *model.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("want a validation error, got %v", err)
			}
			if ve.Fields[tc.field] == "" {
				t.Errorf("want a sentence on %q, got %v", tc.field, ve.Fields)
			}
		})
	}
	// the head may satisfy more than claimed, confirming it
	cl := fullRefund
	cl.Satisfied, cl.OverClaimed = model.Money{Minor: 20_000_00}, true
	if _, err := d.head.CloseComplaint(open.ID, open.Version, cl); err != nil {
		t.Errorf("the head's closing above the claimed: %v", err)
	}
	checkComplaintConsistency(t, d.db)
}

func TestComplaintQueueOrderAndFilters(t *testing.T) {
	d := newPlanDept(t)
	early := incoming(d.vilnius, model.TypeQuality)
	early.Received = planT0.Add(-26 * time.Hour)
	a := register(t, d.olga, early)
	b := register(t, d.olga, incoming(d.vlad, model.TypeQuality))
	serious := incoming(d.orphan, model.TypeDelivery)
	serious.Serious = true
	s := register(t, d.oleg, serious)
	out := incoming(d.vlad, model.TypeSettlement)
	out.Direction = model.DirectionOutgoing
	o := register(t, d.petrov, out)
	if got := queueIDs(t, d.olga, model.ComplaintFilter{}); !slices.Equal(got, []model.ID{s.ID, a.ID, b.ID, o.ID}) && !slices.Equal(got, []model.ID{s.ID, a.ID, o.ID, b.ID}) {
		t.Errorf("queue %v: the serious one first, then by deadline", got)
	}
	// olga takes the serious one, petrov the outgoing claim
	if c, err := d.olga.NextComplaint(); err != nil || c.ID != s.ID || c.Owner != "olga" || c.Status != model.ComplaintAssigned {
		t.Fatalf("next for olga: %+v, %v", c, err)
	}
	o = must{t}.ok(d.petrov.AssignComplaint(o.ID, o.Version, "petrov"))
	for _, tc := range []struct {
		f    model.ComplaintFilter
		want []model.ID
	}{
		{model.ComplaintFilter{Mine: true}, []model.ID{s.ID}},
		{model.ComplaintFilter{Unassigned: true}, []model.ID{a.ID, b.ID}},
		{model.ComplaintFilter{Type: model.TypeDelivery}, []model.ID{s.ID}},
		{model.ComplaintFilter{Direction: model.DirectionOutgoing}, []model.ID{o.ID}},
		{model.ComplaintFilter{Owner: "petrov"}, []model.ID{o.ID}},
		{model.ComplaintFilter{Status: model.ComplaintAssigned}, []model.ID{s.ID, o.ID}},
		{model.ComplaintFilter{Client: d.vlad.ID}, []model.ID{o.ID, b.ID}},
		{model.ComplaintFilter{Overdue: true}, nil},
		{model.ComplaintFilter{Status: model.ComplaintClosed}, nil},
	} {
		got := queueIDs(t, d.olga, tc.f)
		if tc.f.Status == model.ComplaintAssigned {
			slices.Sort(got)
			slices.Sort(tc.want)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("filter %+v: %v, want %v", tc.f, got, tc.want)
		}
	}
	// a window and the total
	page, err := d.olga.Complaints(context.Background(), model.ComplaintFilter{}, 1, 2)
	if err != nil || page.Total != 4 || len(page.Rows) != 2 || page.Rows[0].ID != a.ID {
		t.Errorf("window [1,3): %+v, %v", page, err)
	}
	r := page.Rows[0]
	if r.ClientName != d.vilnius.ShortName || r.Left <= 0 || r.SLA != a.SLA || !r.Deadline.Equal(a.Deadline) {
		t.Errorf("row %+v", r)
	}
	// weeks later everything open is overdue; a closed one is listed newest first
	b = answered(t, d.olga, b)
	if _, err := d.olga.CloseComplaint(b.ID, b.Version, fullRefund); err != nil {
		t.Fatal(err)
	}
	d.clock.Advance(30 * 24 * time.Hour)
	if got := queueIDs(t, d.olga, model.ComplaintFilter{Overdue: true}); len(got) != 3 {
		t.Errorf("overdue after a month: %v", got)
	}
	if got := queueIDs(t, d.olga, model.ComplaintFilter{Status: model.ComplaintClosed}); !slices.Equal(got, []model.ID{b.ID}) {
		t.Errorf("closed: %v", got)
	}
	page, err = d.olga.Complaints(context.Background(), model.ComplaintFilter{}, 0, 10)
	if err != nil || page.Rows[0].Left >= 0 {
		t.Errorf("a month later the top row has %v left (%v)", page.Rows[0].Left, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.olga.Complaints(ctx, model.ComplaintFilter{}, 0, 10); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled listing: %v", err)
	}
	checkComplaintConsistency(t, d.db)
}

func TestComplaintNextNoneWaiting(t *testing.T) {
	d := newPlanDept(t)
	out := incoming(d.vlad, model.TypeSettlement)
	out.Direction = model.DirectionOutgoing
	register(t, d.olga, out)
	_, err := d.olga.NextComplaint()
	if !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "No unassigned complaint") {
		t.Errorf("an operator pulling only an outgoing claim: %v", err)
	}
	if c, err := d.petrov.NextComplaint(); err != nil || c.Owner != "petrov" {
		t.Errorf("a manager pulls the outgoing claim: %+v, %v", c, err)
	}
}

func TestComplaintCloseFollowUp(t *testing.T) {
	d := newPlanDept(t)
	for _, tc := range []struct {
		client   model.Client
		assignee string
	}{{d.vilnius, "petrov"}, {d.orphan, "olga"}} {
		c := incoming(tc.client, model.TypeQuality)
		c.Contact = 0
		if tc.client.ID == d.vilnius.ID {
			c.Contact = 2
		}
		register(t, d.oleg, c)
		c = must{t}.ok(d.olga.NextComplaint())
		c = answered(t, d.olga, c)
		closed := must{t}.ok(d.olga.CloseComplaint(c.ID, c.Version, fullRefund))
		if closed.Status != model.ComplaintClosed || closed.FollowUp == 0 || !closed.Closed.Equal(planT0) || closed.Closing == nil {
			t.Fatalf("closed %+v", closed)
		}
		p, err := d.boss.PlanItem(closed.FollowUp)
		if err != nil {
			t.Fatal(err)
		}
		cs, _ := d.boss.ComplaintSettings()
		calls, _ := d.boss.CallSettings()
		start := cs.Calendar().Add(planT0, cs.FollowUpDays*cs.Calendar().DayMinutes())
		want, ok := model.NextCallSlot(calls, model.ClientLocation(calls, tc.client), tc.client.CallWindow, start)
		if !ok {
			want = start
		}
		if p.Origin != model.OriginComplaintClosure || p.Purpose != model.PurposeComplaintFollowUp || p.Kind != model.PlanCall ||
			p.Assignee != tc.assignee || p.Client != tc.client.ID || p.Contact != c.Contact || !p.Due.Equal(want) ||
			!strings.Contains(p.Note, "#") || p.Priority != model.PriorityNormal {
			t.Errorf("follow-up %+v, want due %v for %s", p, want, tc.assignee)
		}
		if !p.Due.After(planT0.Add(24 * time.Hour)) {
			t.Errorf("the follow-up is due %v, a few working days after %v", p.Due, planT0)
		}
		// exactly one for this closing
		n := 0
		_ = d.db.bolt.View(func(tx *bolt.Tx) error {
			items, err := openItems(tx, tc.client.ID, model.OriginComplaintClosure, 0)
			n = len(items)
			return err
		})
		if n != 1 {
			t.Errorf("%d follow-ups for %s", n, tc.client.ShortName)
		}
		if got := queueIDs(t, d.olga, model.ComplaintFilter{Client: tc.client.ID}); len(got) != 1 {
			t.Errorf("the client's complaints %v", got)
		}
		if got := queueIDs(t, d.olga, model.ComplaintFilter{Mine: true}); len(got) != 0 {
			t.Errorf("a closed complaint stays in the queue: %v", got)
		}
	}
	checkComplaintConsistency(t, d.db)
	checkPlanConsistency(t, d.db)
}

// An archived client takes no calls: its complaint closes without a follow-up.
func TestComplaintClosedForAnArchivedClient(t *testing.T) {
	d := newPlanDept(t)
	c := answered(t, d.olga, register(t, d.olga, incoming(d.orphan, model.TypeQuality)))
	if _, err := d.boss.SetArchived(d.orphan.ID, d.orphan.Version, true); err != nil {
		t.Fatal(err)
	}
	if _, err := d.olga.RegisterComplaint(incoming(d.orphan, model.TypeQuality)); fieldError(t, err, "client") == "" {
		t.Error("registered for an archived client")
	}
	closed := must{t}.ok(d.olga.CloseComplaint(c.ID, c.Version, fullRefund))
	if closed.Status != model.ComplaintClosed || closed.FollowUp != 0 {
		t.Errorf("closed %s with follow-up %d", closed.Status, closed.FollowUp)
	}
	checkComplaintConsistency(t, d.db)
}

func TestComplaintReopenKeepsHistory(t *testing.T) {
	d := newPlanDept(t)
	c := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	c = answered(t, d.olga, c)
	c = must{t}.ok(d.olga.CloseComplaint(c.ID, c.Version, fullRefund))
	events := len(c.Events)
	if _, err := d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintReopened, ""); err == nil {
		t.Error("reopened without a reason")
	}
	d.clock.Advance(48 * time.Hour)
	r := must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintReopened, "the client found more damage"))
	if r.Status != model.ComplaintReopened || r.Reopened != 1 || r.Closing != nil || !r.Closed.IsZero() {
		t.Fatalf("reopened %+v", r)
	}
	if len(r.Events) != events+2 || r.Events[events].Action != "closing" || !strings.Contains(r.Events[events].Note, `"decision":"full"`) ||
		r.Events[events+1].Action != "reopen" || r.Events[events+1].Note != "the client found more damage" {
		t.Errorf("events after reopening: %+v", r.Events[events-1:])
	}
	cs, _ := d.olga.ComplaintSettings()
	if want := cs.Calendar().Add(d.clock.Now(), r.SLA); !r.Deadline.Equal(want) || r.SLA != c.SLA {
		t.Errorf("deadline %v, want %v (the same service level from now)", r.Deadline, want)
	}
	if !r.Answered.Equal(c.Answered) {
		t.Errorf("the first answer moved: %v, was %v", r.Answered, c.Answered)
	}
	if got := queueIDs(t, d.olga, model.ComplaintFilter{Mine: true}); !slices.Equal(got, []model.ID{r.ID}) {
		t.Errorf("a reopened complaint is back in its owner's queue: %v", got)
	}
	hist, _ := d.olga.ComplaintHistory(c.ID)
	var actions []string
	for _, h := range hist {
		actions = append(actions, h.Action)
	}
	if want := []string{"create", "move", "answer", "close", "reopen"}; !slices.Equal(actions, want) {
		t.Errorf("history %v, want %v", actions, want)
	}
	// the reopening cancelled the first follow-up; closing again plans a
	// second: one open follow-up at any time
	first, err := d.boss.PlanItem(c.FollowUp)
	if err != nil || first.Status != model.PlanCancelled || !strings.Contains(first.CancelReason, "#"+itoa(uint64(c.ID))) || r.FollowUp != 0 {
		t.Errorf("after reopening: follow-up %+v (%v), the complaint points at %d", first, err, r.FollowUp)
	}
	if n := openFollowUps(t, d, d.vilnius.ID); n != 0 {
		t.Errorf("%d open follow-ups for the reopened complaint", n)
	}
	r = must{t}.ok(d.olga.MoveComplaint(r.ID, r.Version, model.ComplaintInvestigating, ""))
	r = must{t}.ok(d.olga.MoveComplaint(r.ID, r.Version, model.ComplaintAnswered, "replaced again"))
	again := must{t}.ok(d.olga.CloseComplaint(r.ID, r.Version, fullRefund))
	if again.FollowUp == c.FollowUp || again.FollowUp == 0 {
		t.Errorf("second follow-up %d, first %d", again.FollowUp, c.FollowUp)
	}
	if n := openFollowUps(t, d, d.vilnius.ID); n != 1 {
		t.Errorf("%d open follow-ups after closing again", n)
	}
	checkComplaintConsistency(t, d.db)
	checkPlanConsistency(t, d.db)
}

// openFollowUps counts client's planned retention calls.
func openFollowUps(t *testing.T, d *planDept, client model.ID) int {
	t.Helper()
	n := 0
	if err := d.db.bolt.View(func(tx *bolt.Tx) error {
		items, err := openItems(tx, client, model.OriginComplaintClosure, 0)
		n = len(items)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// A follow-up rescheduled before the reopening is cancelled where it lives
// now, in the same transaction as the reopening.
func TestComplaintReopenCancelsARescheduledFollowUp(t *testing.T) {
	d := newPlanDept(t)
	c := answered(t, d.olga, register(t, d.olga, incoming(d.vilnius, model.TypeQuality)))
	c = must{t}.ok(d.olga.CloseComplaint(c.ID, c.Version, fullRefund))
	p, err := d.petrov.PlanItem(c.FollowUp)
	if err != nil {
		t.Fatal(err)
	}
	moved, err := d.petrov.Reschedule(p.ID, p.Version, p.Due.Add(24*time.Hour), time.Time{}, "the client is away")
	if err != nil {
		t.Fatal(err)
	}
	must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintReopened, "more damage"))
	if got, err := d.boss.PlanItem(moved.ID); err != nil || got.Status != model.PlanCancelled {
		t.Errorf("the rescheduled follow-up is %s (%v)", got.Status, err)
	}
	if n := openFollowUps(t, d, d.vilnius.ID); n != 0 {
		t.Errorf("%d open follow-ups after reopening", n)
	}
	checkComplaintConsistency(t, d.db)
	checkPlanConsistency(t, d.db)
}

func TestComplaintEscalationVisibility(t *testing.T) {
	d := newPlanDept(t)
	c := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	c = must{t}.ok(d.olga.NextComplaint())
	if _, err := d.olga.EscalateComplaint(c.ID, c.Version, "oleg", "beyond me"); err == nil {
		t.Error("escalated to another operator")
	}
	e := must{t}.ok(d.olga.EscalateComplaint(c.ID, c.Version, "petrov", "the client wants more than I may give"))
	if e.Status != model.ComplaintEscalated || e.Owner != "olga" || e.OpenEscalation() == nil || e.OpenEscalation().Level != model.RoleManager {
		t.Fatalf("escalated %+v", e)
	}
	mine := func(s *Session) bool { return slices.Contains(queueIDs(t, s, model.ComplaintFilter{Mine: true}), c.ID) }
	if !mine(d.olga) || !mine(d.petrov) || mine(d.jonaitis) {
		t.Errorf("mine while escalated: olga %v, petrov %v, jonaitis %v", mine(d.olga), mine(d.petrov), mine(d.jonaitis))
	}
	page, _ := d.olga.Complaints(context.Background(), model.ComplaintFilter{Mine: true}, 0, 10)
	if page.Rows[0].Escalated != "petrov" {
		t.Errorf("row escalated to %q", page.Rows[0].Escalated)
	}
	if _, err := d.jonaitis.AnswerEscalation(e.ID, e.Version, "no"); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("another manager answering: %v", err)
	}
	if _, err := d.petrov.AnswerEscalation(e.ID, e.Version, ""); err == nil {
		t.Error("answered with nothing")
	}
	// the receiver may work on it meanwhile (own scope: escalated to them)
	f := must{t}.ok(d.petrov.ForwardComplaint(e.ID, e.Version, model.DeptPurchasing, "supplier's defect?"))
	a := must{t}.ok(d.petrov.AnswerEscalation(f.ID, f.Version, "give 10 % off the next order"))
	if a.Status != model.ComplaintInvestigating || a.OpenEscalation() != nil || a.Escalations[0].Answer != "give 10 % off the next order" {
		t.Errorf("answered escalation %+v", a)
	}
	if !mine(d.olga) || mine(d.petrov) {
		t.Errorf("mine after the answer: olga %v, petrov %v", mine(d.olga), mine(d.petrov))
	}
	// up the ladder one rung at a time; a receiver escalating on answers their own step
	if got := fieldError(t, escalateErr(d.olga, a, "head"), "to"); got != "Escalate to a manager: the next step up from an operator." {
		t.Errorf("an operator skipping the manager: %q", got)
	}
	a = must{t}.ok(d.olga.EscalateComplaint(a.ID, a.Version, "jonaitis", "still not settled"))
	// the owner again, while the manager has it: the next rung is the head
	if got := fieldError(t, escalateErr(d.olga, a, "petrov"), "to"); got != "Escalate to a head of department: the next step up from a manager." {
		t.Errorf("the owner escalating sideways past an open escalation: %q", got)
	}
	if got := fieldError(t, escalateErr(d.jonaitis, a, "boss"), "to"); got != "Escalate to a head of department: the next step up from a manager." {
		t.Errorf("a manager skipping the head: %q", got)
	}
	a = must{t}.ok(d.jonaitis.EscalateComplaint(a.ID, a.Version, "head", "beyond a manager"))
	if _, err := d.head.EscalateComplaint(a.ID, a.Version, "petrov", "down"); err == nil {
		t.Error("the head escalated down to a manager")
	}
	b := must{t}.ok(d.head.EscalateComplaint(a.ID, a.Version, "boss", "a key client"))
	if len(b.Escalations) != 4 || b.Escalations[1].Answered.IsZero() || b.Escalations[2].Answered.IsZero() || b.OpenEscalation().To != "boss" {
		t.Errorf("escalations %+v", b.Escalations)
	}
	if _, err := d.boss.EscalateComplaint(b.ID, b.Version, "head", "x"); err == nil {
		t.Error("the director escalated")
	}
	// the head, who sent it up, does not answer for the director
	if _, err := d.head.AnswerEscalation(b.ID, b.Version, "settled"); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("the head answering the director's escalation: %v", err)
	}
	must{t}.ok(d.boss.AnswerEscalation(b.ID, b.Version, "give them the discount"))
	checkComplaintConsistency(t, d.db)
}

// escalateErr is the error of s escalating c to to (a refusal saves nothing).
func escalateErr(s *Session, c model.Complaint, to string) error {
	_, err := s.EscalateComplaint(c.ID, c.Version, to, "one more try")
	return err
}

// escalatedToPetrov is a complaint the operator olga took and escalated to
// the manager petrov.
func escalatedToPetrov(t *testing.T, d *planDept) model.Complaint {
	t.Helper()
	register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	c := must{t}.ok(d.olga.NextComplaint())
	return must{t}.ok(d.olga.EscalateComplaint(c.ID, c.Version, "petrov", "beyond my limit"))
}

// A receiver who escalates further still sees the complaint as theirs
// until the upper level answers (the filter's "escalated by me and open").
func TestComplaintEscalatedOnStaysMine(t *testing.T) {
	d := newPlanDept(t)
	c := escalatedToPetrov(t, d)
	c = must{t}.ok(d.petrov.EscalateComplaint(c.ID, c.Version, "head", "beyond mine too"))
	mine := func(s *Session) bool { return slices.Contains(queueIDs(t, s, model.ComplaintFilter{Mine: true}), c.ID) }
	if !mine(d.olga) || !mine(d.petrov) || !mine(d.head) || mine(d.jonaitis) {
		t.Errorf("mine while the head has it: olga %v, petrov %v, head %v, jonaitis %v", mine(d.olga), mine(d.petrov), mine(d.head), mine(d.jonaitis))
	}
	c = must{t}.ok(d.head.AnswerEscalation(c.ID, c.Version, "give 5 %"))
	if !mine(d.olga) || mine(d.petrov) || mine(d.head) {
		t.Errorf("mine after the head's answer: olga %v, petrov %v, head %v", mine(d.olga), mine(d.petrov), mine(d.head))
	}
	// a later escalation starts a chain of its own: petrov's old step is not in it
	c = must{t}.ok(d.olga.EscalateComplaint(c.ID, c.Version, "jonaitis", "the client came back"))
	if mine(d.petrov) || mine(d.head) || !mine(d.jonaitis) {
		t.Errorf("mine in a new chain: petrov %v, head %v, jonaitis %v", mine(d.petrov), mine(d.head), mine(d.jonaitis))
	}
	checkComplaintConsistency(t, d.db)
}

// The owner may move an escalated complaint on before the upper level
// answers; the answer is still taken, not refused as a move, so no
// escalation stays open for ever.
func TestComplaintEscalationAnsweredAfterTheOwnerMovedOn(t *testing.T) {
	d := newPlanDept(t)
	c := escalatedToPetrov(t, d)
	c = must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, "we replace the goods"))
	a := must{t}.ok(d.petrov.AnswerEscalation(c.ID, c.Version, "agreed"))
	if a.OpenEscalation() != nil || a.Escalations[0].Answer != "agreed" || a.Status != model.ComplaintAnswered {
		t.Errorf("answered after the move: status %s, escalations %+v", a.Status, a.Escalations)
	}
	if slices.Contains(queueIDs(t, d.petrov, model.ComplaintFilter{Mine: true}), c.ID) {
		t.Error("still petrov's after his answer")
	}
	checkComplaintConsistency(t, d.db)
}

// Closing while an escalation is open answers it: no closed complaint
// waits on the upper level.
func TestComplaintClosingAnswersTheEscalation(t *testing.T) {
	d := newPlanDept(t)
	c := escalatedToPetrov(t, d)
	c = must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, "we replace the goods"))
	c = must{t}.ok(d.olga.CloseComplaint(c.ID, c.Version, fullRefund))
	if c.OpenEscalation() != nil || c.Escalations[0].Answered.IsZero() || !strings.Contains(c.Escalations[0].Answer, "olga") {
		t.Errorf("closed with escalations %+v", c.Escalations)
	}
	page, err := d.petrov.Complaints(context.Background(), model.ComplaintFilter{Client: d.vilnius.ID}, 0, 10)
	if err != nil || len(page.Rows) != 1 || page.Rows[0].Escalated != "" {
		t.Errorf("the closed row: %+v, %v", page.Rows, err)
	}
	if _, err := d.petrov.AnswerEscalation(c.ID, c.Version, "too late"); err == nil {
		t.Error("answered an escalation of a closed complaint")
	}
	checkComplaintConsistency(t, d.db)
}

// The verdict's event in the complaint's history says which verdict.
func TestComplaintVerdictInTheHistory(t *testing.T) {
	d := newPlanDept(t)
	c := answered(t, d.olga, register(t, d.olga, incoming(d.vilnius, model.TypeQuality)))
	c = must{t}.ok(d.olga.CloseComplaint(c.ID, c.Version, fullRefund))
	for _, tc := range []struct {
		justified bool
		note      string
	}{{true, "justified"}, {false, "not justified"}} {
		c = must{t}.ok(d.head.SetJustified(c.ID, c.Version, tc.justified))
		last := c.Events[len(c.Events)-1]
		if last.Action != "justified" || last.Note != tc.note || last.By != "head" {
			t.Errorf("verdict %v: event %+v, want the note %q", tc.justified, last, tc.note)
		}
		hist, _ := d.head.ComplaintHistory(c.ID)
		if h := hist[len(hist)-1]; h.Action != "justified" || h.Reason != tc.note {
			t.Errorf("verdict %v: audit %+v", tc.justified, h)
		}
	}
	checkComplaintConsistency(t, d.db)
}

// A login longer than the summary keeps (255 bytes) still finds its own
// complaints under Mine and the owner filter.
func TestComplaintLongLoginIsMine(t *testing.T) {
	d := newPlanDept(t)
	long := addUser(t, d.boss, strings.Repeat("ж", 150), model.RoleOperator)
	c := incoming(d.vilnius, model.TypeQuality)
	c.Owner = long.Me().Name
	c = register(t, long, c)
	for _, f := range []model.ComplaintFilter{{Mine: true}, {Owner: long.Me().Name}} {
		if got := queueIDs(t, long, f); !slices.Equal(got, []model.ID{c.ID}) {
			t.Errorf("filter mine %v / owner: %v, want #%d", f.Mine, got, c.ID)
		}
	}
	page, _ := long.Complaints(context.Background(), model.ComplaintFilter{Mine: true}, 0, 1)
	if len(page.Rows) != 1 || !utf8.ValidString(page.Rows[0].Owner) || !strings.HasPrefix(long.Me().Name, page.Rows[0].Owner) {
		t.Errorf("the row's owner: %+v", page.Rows)
	}
	checkComplaintConsistency(t, d.db)
}

func TestComplaintWaitingPausesDeadline(t *testing.T) {
	d := newPlanDept(t)
	c := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	c = must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""))
	if c.Owner != "olga" {
		t.Errorf("moving an unassigned complaint on did not make it mine: %q", c.Owner)
	}
	d.clock.Advance(time.Hour)
	w := must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintWaiting, "photos, please"))
	if !w.PausedAt.Equal(d.clock.Now()) {
		t.Errorf("paused at %v", w.PausedAt)
	}
	before, _ := d.olga.Complaints(context.Background(), model.ComplaintFilter{}, 0, 1)
	d.clock.Advance(3 * time.Hour)
	during, _ := d.olga.Complaints(context.Background(), model.ComplaintFilter{}, 0, 1)
	if before.Rows[0].Left != during.Rows[0].Left || during.Rows[0].PausedAt.IsZero() {
		t.Errorf("time left moved while paused: %v → %v", before.Rows[0].Left, during.Rows[0].Left)
	}
	if got := queueIDs(t, d.olga, model.ComplaintFilter{Overdue: true}); len(got) != 0 {
		t.Errorf("a paused complaint listed overdue: %v", got)
	}
	r := must{t}.ok(d.olga.MoveComplaint(w.ID, w.Version, model.ComplaintInvestigating, "photos came"))
	cs, _ := d.olga.ComplaintSettings()
	cal := cs.Calendar()
	paused := cal.Between(w.PausedAt, d.clock.Now())
	if got := cal.Between(c.Deadline, r.Deadline); got != paused || !r.PausedAt.IsZero() {
		t.Errorf("the deadline moved by %v, paused %v (paused at %v)", got, paused, r.PausedAt)
	}
	checkComplaintConsistency(t, d.db)
}

// An operator does not handle an outgoing claim even while it has no
// owner: the store refuses every step, not only "next complaint".
func TestComplaintOperatorLeavesOutgoingAlone(t *testing.T) {
	d := newPlanDept(t)
	in := incoming(d.vilnius, model.TypeSettlement)
	in.Direction = model.DirectionOutgoing
	c := register(t, d.petrov, in)
	steps := map[string]func() error{
		"investigate": func() error {
			_, err := d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, "")
			return err
		},
		"forward": func() error {
			_, err := d.olga.ForwardComplaint(c.ID, c.Version, model.DeptLegal, "penalty")
			return err
		},
		"escalate": func() error {
			_, err := d.olga.EscalateComplaint(c.ID, c.Version, "petrov", "not mine")
			return err
		},
		"edit": func() error {
			e := c
			e.Description = "changed"
			_, err := d.olga.SaveComplaint(e)
			return err
		},
	}
	for name, step := range steps {
		if err := step(); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s by an operator: %v", name, err)
		}
	}
	if got := (must{t}).ok(d.olga.Complaint(c.ID)); got.Version != c.Version {
		t.Errorf("refused steps saved: version %d → %d", c.Version, got.Version)
	}
	must{t}.ok(d.petrov.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""))
	checkComplaintConsistency(t, d.db)
}

func TestComplaintRightsAndConflicts(t *testing.T) {
	d := newPlanDept(t)
	c := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	c = must{t}.ok(d.olga.AssignComplaint(c.ID, c.Version, "olga"))
	if _, err := d.oleg.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("another operator moving olga's: %v", err)
	}
	if _, err := d.oleg.AssignComplaint(c.ID, c.Version, "oleg"); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("another operator taking olga's: %v", err)
	}
	if _, err := d.olga.MoveComplaint(c.ID, c.Version-1, model.ComplaintInvestigating, ""); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a stale version: %v", err)
	}
	if _, err := d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintFeedback, ""); err == nil {
		t.Error("assigned → feedback was allowed")
	}
	if _, err := d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintClosed, ""); err == nil {
		t.Error("closed through a move")
	}
	h := must{t}.ok(d.head.AssignComplaint(c.ID, c.Version, "oleg"))
	if h.Owner != "oleg" || h.Status != model.ComplaintAssigned {
		t.Errorf("the head's reassignment: %+v", h)
	}
	if _, err := d.olga.SetJustified(h.ID, h.Version, true); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator's verdict: %v", err)
	}
	h = answered(t, d.oleg, h)
	h = must{t}.ok(d.oleg.CloseComplaint(h.ID, h.Version, fullRefund))
	j := must{t}.ok(d.head.SetJustified(h.ID, h.Version, true))
	if j.Closing.Justified == nil || !*j.Closing.Justified {
		t.Errorf("verdict %+v", j.Closing)
	}
	if _, err := d.olga.SaveComplaintSettings(model.DefaultComplaintSettings()); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator's settings: %v", err)
	}
	cs, _ := d.head.ComplaintSettings()
	cs.FollowUpDays = 5
	saved, err := d.head.SaveComplaintSettings(cs)
	if err != nil || saved.Version != cs.Version+1 {
		t.Fatalf("settings %+v, %v", saved, err)
	}
	if _, err := d.head.SaveComplaintSettings(cs); !errors.Is(err, model.ErrConflict) {
		t.Errorf("stale settings: %v", err)
	}
	if got, _ := d.olga.ComplaintSettings(); got.FollowUpDays != 5 {
		t.Errorf("settings read back %+v", got)
	}
	checkComplaintConsistency(t, d.db)
}

func TestComplaintSaveFollowsTheServiceLevel(t *testing.T) {
	d := newPlanDept(t)
	c := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	c.Serious, c.Description, c.Priority = true, "the shelf collapsed", model.PriorityHigh
	s := must{t}.ok(d.olga.SaveComplaint(c))
	cs, _ := d.olga.ComplaintSettings()
	if s.SLA != cs.SeriousHours*60 || s.Description != "the shelf collapsed" || !s.Serious {
		t.Errorf("saved %+v, want sla %d", s, cs.SeriousHours*60)
	}
	if got := queueIDs(t, d.olga, model.ComplaintFilter{}); got[0] != s.ID {
		t.Errorf("queue %v", got)
	}
	if _, err := d.olga.SaveComplaint(c); !errors.Is(err, model.ErrConflict) {
		t.Errorf("saved over a newer version: %v", err)
	}
	checkComplaintConsistency(t, d.db)
}

func TestComplaintReturnOnTheOrder(t *testing.T) {
	d := newOrderDept(t)
	o := d.orderIn(t, model.OrderShipped)
	c := incoming(d.vilnius, model.TypeQuality)
	c.Owner, c.Order, c.Lines = "head", o.ID, []model.ComplaintLine{{Line: 0, Qty: qty(1)}}
	c = register(t, d.head, c)
	if c.OrderNo != o.Number || c.Lines[0].SKU != "CH-1" || c.Lines[0].Name != "Chair Oslo" {
		t.Errorf("lines copied from the order: %+v, %s", c.Lines, c.OrderNo)
	}
	if rows, _ := d.olga.OpenComplaintsAbout(d.vilnius.ID, o.ID); len(rows) != 1 || rows[0].OrderNo != o.Number {
		t.Errorf("open complaints about the order: %+v", rows)
	}
	c = answered(t, d.head, c)
	cl := fullRefund
	cl.Remedy = model.RemedyReturn
	closed := must{t}.ok(d.head.CloseComplaint(c.ID, c.Version, cl))
	back, _ := d.head.Order(o.ID)
	if back.Status != model.OrderReturned || back.Lines[0].Returned != qty(1) || closed.Status != model.ComplaintClosed {
		t.Errorf("order after the return: %s, returned %v", back.Status, back.Lines[0].Returned)
	}
	// reopened and closed again with the return: the goods came back once
	r := must{t}.ok(d.head.MoveComplaint(closed.ID, closed.Version, model.ComplaintReopened, "the client disputes the refund"))
	again := must{t}.ok(d.head.CloseComplaint(r.ID, answered(t, d.head, r).Version, cl))
	if back, _ = d.head.Order(o.ID); back.Lines[0].Returned != qty(1) || again.Status != model.ComplaintClosed {
		t.Errorf("order after closing again with the return: returned %v, complaint %s", back.Lines[0].Returned, again.Status)
	}
	// an order not shipped cannot take a return: nothing saved
	conf := d.orderIn(t, model.OrderConfirmed)
	c = incoming(d.vilnius, model.TypeQuality)
	c.Owner, c.Order, c.Lines = "head", conf.ID, []model.ComplaintLine{{Line: 0, Qty: qty(1)}}
	c = answered(t, d.head, register(t, d.head, c))
	if err := unchanged(t, d.db, func() error { _, err := d.head.CloseComplaint(c.ID, c.Version, cl); return err }); err == nil {
		t.Error("a return on a confirmed order")
	}
	checkComplaintConsistency(t, d.db)
}

func TestComplaintCallContext(t *testing.T) {
	d := newPlanDept(t)
	c := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	cc, err := d.olga.CallContext(d.vilnius.ID, 0)
	if err != nil || len(cc.OpenComplaints) != 1 || !strings.HasPrefix(cc.OpenComplaints[0], "#"+itoa(uint64(c.ID))+" ") ||
		!strings.Contains(cc.OpenComplaints[0], "left") {
		t.Errorf("open complaints in the call context: %q, %v", cc.OpenComplaints, err)
	}
	if cc, _ := d.olga.CallContext(d.vlad.ID, 0); len(cc.OpenComplaints) != 0 {
		t.Errorf("another client's call context: %q", cc.OpenComplaints)
	}
	// an answered one says so instead of counting down, even past its deadline
	a := answered(t, d.olga, c)
	d.clock.Advance(30 * 24 * time.Hour)
	cc, err = d.olga.CallContext(d.vilnius.ID, 0)
	if want := "#" + itoa(uint64(a.ID)) + " Quality · Answered · answered"; err != nil || len(cc.OpenComplaints) != 1 || cc.OpenComplaints[0] != want {
		t.Errorf("an answered complaint in the call context: %q, want %q (%v)", cc.OpenComplaints, want, err)
	}
}

func TestComplaintReadOnly(t *testing.T) {
	d := newPlanDept(t)
	c := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	path := d.db.Path()
	d.db.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	s := ro.As(model.User{Name: "olga", Role: model.RoleOperator})
	if _, err := s.RegisterComplaint(incoming(d.vilnius, model.TypeQuality)); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("register read-only: %v", err)
	}
	if _, err := s.NextComplaint(); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("next read-only: %v", err)
	}
	if _, err := s.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("move read-only: %v", err)
	}
	if got := queueIDs(t, s, model.ComplaintFilter{}); !slices.Equal(got, []model.ID{c.ID}) {
		t.Errorf("the queue read-only: %v", got)
	}
}

// A refused registration names every field at fault at once.
func TestComplaintRegisterNamesEveryField(t *testing.T) {
	d := newOrderDept(t)
	theirs := d.orderIn(t, model.OrderShipped) // vilnius's
	c := incoming(d.vlad, model.TypeQuality)
	c.Description, c.Owner = " ", "nobody"
	c.Order, c.Lines = theirs.ID, []model.ComplaintLine{{Line: 0, Qty: qty(1)}}
	err := unchanged(t, d.db, func() error { _, err := d.head.RegisterComplaint(c); return err })
	for _, f := range []string{"description", "owner", "order"} {
		fieldError(t, err, f)
	}
	if ve := err.(*model.ValidationError); ve.Fields["lines"] != "" {
		t.Errorf("lines of the named order were refused: %s", ve.Fields["lines"])
	}
}

// The answer minutes in the summary are the working time from received to
// the first answer without the pause, fixed at the answer.
func TestComplaintAnswerMinutesExcludePauses(t *testing.T) {
	d := newPlanDept(t)
	c := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	c = must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""))
	d.clock.Advance(time.Hour)
	c = must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintWaiting, "photos"))
	pausedAt := d.clock.Now()
	d.clock.Advance(2 * time.Hour)
	resumed := d.clock.Now()
	c = must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, "photos came"))
	d.clock.Advance(30 * time.Minute)
	c = must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, "we replace it"))
	cs, _ := d.olga.ComplaintSettings()
	cal := cs.Calendar()
	want := int((cal.Between(c.Received, c.Answered) - cal.Between(pausedAt, resumed)) / time.Minute)
	summary := func() complaintSummary {
		var s complaintSummary
		_ = d.db.bolt.View(func(tx *bolt.Tx) error {
			s, _ = decodeSummary(tx.Bucket(bucketComplaintReceived).Get(complaintReceivedKey(&c)))
			return nil
		})
		return s
	}
	if got := summary(); got.AnswerMin != want || got.Late {
		t.Errorf("answer minutes %d (late %v), want %d", got.AnswerMin, got.Late, want)
	}
	// a later pause moves the deadline, not the answer's minutes
	c = must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintWaiting, "the client thinks"))
	d.clock.Advance(5 * time.Hour)
	c = must{t}.ok(d.olga.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, "still we replace it"))
	if got := summary(); got.AnswerMin != want {
		t.Errorf("after a second pause: answer minutes %d, want %d", got.AnswerMin, want)
	}
	checkComplaintConsistency(t, d.db)
}

// An answer seconds past the deadline is late in the summary and the
// report, as the queue showed it overdue; one seconds before is on time.
func TestComplaintAnswerSecondsLate(t *testing.T) {
	d := newPlanDept(t)
	late := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	late = must{t}.ok(d.olga.MoveComplaint(late.ID, late.Version, model.ComplaintInvestigating, ""))
	onTime := register(t, d.oleg, incoming(d.vilnius, model.TypeQuality))
	onTime = must{t}.ok(d.oleg.MoveComplaint(onTime.ID, onTime.Version, model.ComplaintInvestigating, ""))
	d.clock.Advance(onTime.Deadline.Sub(d.clock.Now()) - 30*time.Second)
	must{t}.ok(d.oleg.MoveComplaint(onTime.ID, onTime.Version, model.ComplaintAnswered, "in time"))
	d.clock.Advance(time.Minute)
	if got := queueIDs(t, d.olga, model.ComplaintFilter{Overdue: true}); !slices.Contains(got, late.ID) {
		t.Fatalf("overdue before the answer: %v", got)
	}
	must{t}.ok(d.olga.MoveComplaint(late.ID, late.Version, model.ComplaintAnswered, "a little late"))
	// answered, the clock stopped: past the deadline but not overdue (model.ClockStopped)
	if got := queueIDs(t, d.olga, model.ComplaintFilter{Overdue: true}); len(got) != 0 {
		t.Errorf("answered complaints listed overdue: %v", got)
	}
	r, err := d.head.ComplaintReport(context.Background(), late.Received.Add(-time.Hour), d.clock.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Answered != 2 || r.AnsweredLate != 1 || r.OverdueNow != 0 || r.WorstID != late.ID || r.WorstAnswer <= time.Duration(late.SLA)*time.Minute {
		t.Errorf("answered %d, late %d, overdue now %d, worst #%d %v (service level %d min)", r.Answered, r.AnsweredLate, r.OverdueNow, r.WorstID, r.WorstAnswer, late.SLA)
	}
	// a type with a longer service level, set after the answer, does not
	// make the late answer on time
	late, _ = d.olga.Complaint(late.ID)
	late.Type = model.TypeAfterAct
	if edited := (must{t}).ok(d.olga.SaveComplaint(late)); edited.SLA <= late.SLA {
		t.Fatalf("service level %d → %d: the test needs a longer one", late.SLA, edited.SLA)
	}
	if r, _ = d.head.ComplaintReport(context.Background(), late.Received.Add(-time.Hour), d.clock.Now().Add(time.Hour)); r.AnsweredLate != 1 {
		t.Errorf("late answers after the type's edit: %d, want 1", r.AnsweredLate)
	}
	checkComplaintConsistency(t, d.db)
}

// New settings give new complaints their deadlines, and the change is audited.
func TestComplaintSettingsApplyToNewComplaints(t *testing.T) {
	d := newPlanDept(t)
	cs, _ := d.head.ComplaintSettings()
	cs.SeriousHours = 2
	if _, err := d.head.SaveComplaintSettings(cs); err != nil {
		t.Fatal(err)
	}
	c := incoming(d.vlad, model.TypeDelivery)
	c.Serious = true
	if c = register(t, d.olga, c); c.SLA != 120 {
		t.Errorf("a serious incident's service level %d minutes, want 120", c.SLA)
	}
	found := false
	_ = d.db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAudit).ForEach(func(_, v []byte) error {
			var e model.AuditEntry
			if err := decode(v, &e); err == nil && e.Kind == "settings" && e.Action == "complaint_settings" && e.User == "head" {
				for _, ch := range e.Changes {
					found = found || (ch.Field == "serious_hours" && ch.New == "2")
				}
			}
			return nil
		})
	})
	if !found {
		t.Error("no audit entry of the settings' change")
	}
}
