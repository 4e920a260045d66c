package clientcard

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/store"
	"clientbase/ui/common"
)

// newPlanEnv is newEnv with the store's clock at e.now too, so the plan's
// "not in the past" agrees with the card's clock whatever day the tests run.
func newPlanEnv(t *testing.T) *env {
	t.Helper()
	at := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	db, err := store.Open(filepath.Join(t.TempDir(), "clientbase.db"), store.Options{Now: func() time.Time { return at }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(boss)
	ivan, err := s.SaveUser(model.User{Name: "ivan", FullName: "Ivan Petrov", Role: model.RoleManager})
	if err != nil {
		t.Fatal(err)
	}
	olga, err := s.SaveUser(model.User{Name: "olga", FullName: "Olga Sidorova", Role: model.RoleOperator})
	if err != nil {
		t.Fatal(err)
	}
	return &env{db: db, boss: boss, ivan: ivan, olga: olga, now: at}
}

// history gives the client twelve weeks of calls: done ones with their
// outcomes (one off-plan, one promise to pay), one overdue, one cancelled,
// and two still to come.
func (e *env) history(t *testing.T) {
	t.Helper()
	id := e.clientID
	day := func(d, h, m int) time.Time { return time.Date(2026, 11, 23+d, h, m, 0, 0, time.UTC) }
	call := func(due time.Time, who string, pu model.Purpose) model.PlanItem {
		return model.PlanItem{Kind: model.PlanCall, Client: id, Assignee: who, Due: due, Purpose: pu,
			Priority: model.PriorityNormal, Origin: model.OriginWeeklyPlan, Status: model.PlanPlanned}
	}
	ix := func(at time.Time, who string, o model.Outcome) model.Interaction {
		return model.Interaction{At: at, Channel: model.ChannelPhone, Direction: model.DirOutgoing, Client: id, User: who, Outcome: o}
	}
	type rec struct {
		p   model.PlanItem
		ixs []model.Interaction
	}
	var recs []rec
	for w := 12; w >= 3; w-- {
		p := call(day(-w*7, 11, 0), "olga", model.PurposeFollowUp)
		x := ix(p.Due.Add(5*time.Minute), "olga", model.OutcomeReached)
		x.Notes = "всё устраивает"
		p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.PlanDone, x.At, "olga", 1
		recs = append(recs, rec{p, []model.Interaction{x}})
	}
	debt := call(day(-2, 10, 0), "olga", model.PurposeDebtReminder)
	na := ix(debt.Due, "olga", model.OutcomeNoAnswer)
	pay := ix(debt.Due.Add(2*time.Hour), "olga", model.OutcomePromisedToPay)
	pay.Promised, pay.PromiseBy = model.Money{Minor: 4500000, Currency: "RUB"}, day(3, 0, 0)
	debt.Status, debt.DoneAt, debt.DoneBy, debt.Attempts = model.PlanDone, pay.At, "olga", 2
	recs = append(recs, rec{debt, []model.Interaction{na, pay}})
	off := call(day(-1, 15, 10), "ivan", model.PurposeFollowUp)
	off.Origin, off.Status, off.DoneAt, off.DoneBy, off.Attempts = model.OriginOffPlan, model.PlanDone, off.Due, "ivan", 1
	in := ix(off.Due, "ivan", model.OutcomeOrderTaken)
	in.Direction = model.DirIncoming
	recs = append(recs, rec{off, []model.Interaction{in}})
	cancelled := call(day(-1, 9, 0), "ivan", model.PurposeSurvey)
	cancelled.Status, cancelled.CancelReason = model.PlanCancelled, "опрос отменили"
	recs = append(recs, rec{cancelled, nil})
	recs = append(recs, rec{call(day(0, 8, 0), "", model.PurposeReconciliation), nil}) // overdue, in the pool
	visit := call(day(2, 11, 0), "ivan", model.PurposeSale)
	visit.Kind, visit.Address, visit.Until = model.PlanVisit, "Москва, ул. Вавилова, 19", day(2, 12, 30)
	recs = append(recs, rec{visit, nil}, rec{call(day(0, 16, 0), "ivan", model.PurposeProlongation), nil})
	if _, _, err := store.BulkLoadPlan(e.db, "boss", func(emit func(model.PlanItem, []model.Interaction) error) error {
		for _, r := range recs {
			if err := emit(r.p, r.ixs); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestTheCardShowsTheNewestOfTheTimelineAndTShowsAll(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	e.history(t)
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	if !d.m.tlLoaded || len(d.m.timeline) < 16 {
		t.Fatalf("the timeline did not load: %d entries, %q", len(d.m.timeline), d.m.tlErr)
	}
	body := stripANSI(strings.Join(d.m.lines, "\n"))
	for _, want := range []string{
		"25.11.2026 11:00  visit · sale  ivan  planned  Москва, ул. Вавилова, 19",
		"23.11.2026 16:00  call · prolongation  ivan  planned",
		"23.11.2026 08:00  call · reconciliation  operators' pool  overdue",
		"22.11.2026 15:10  order taken  ivan  off-plan",
		"22.11.2026 09:00  call · survey  ivan  cancelled  опрос отменили",
		"21.11.2026 12:00  promised to pay  olga  promised 45,000.00 RUB by 26.11.2026",
		"… 20 more: press T for the whole timeline",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the card lacks %q:\n%s", want, body)
		}
	}
	d.press("G")
	golden(t, "card_timeline", d.m)

	d.press("T")
	if d.m.mode != modeTimeline {
		t.Fatal("T did not open the timeline")
	}
	golden(t, "timeline", d.m)
	d.press("G")
	if v := d.view(); !strings.Contains(v, "всё устраивает") || !strings.Contains(v, "31.08.2026") {
		t.Errorf("the bottom of the timeline lacks the oldest call:\n%s", v)
	}
	d.press("esc")
	if d.m.mode != modeCard || d.m.Closed() {
		t.Error("esc on the timeline did not go back to the card")
	}
}

// p plans a call inside the card; after saving the card is back with the
// new call on its timeline.
func TestPlanFromTheCard(t *testing.T) {
	e := newPlanEnv(t)
	c := e.seed(t)
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	if !strings.Contains(stripANSI(strings.Join(d.m.lines, "\n")), "No calls or visits yet. Press p to plan one.") {
		t.Errorf("an empty timeline does not say how to plan")
	}
	d.press("p")
	if d.m.mode != modePlan || !d.m.InputFocused() {
		t.Fatal("p did not open the plan form with the keys")
	}
	if v := d.view(); !strings.Contains(v, "Plan a call or visit: "+c.ShortName) {
		t.Fatalf("the plan form does not name the client:\n%s", v)
	}
	golden(t, "plan_form", d.m)
	d.typ("24.11 10:15")
	d.press("ctrl+s")
	if d.m.mode != modeCard {
		t.Fatalf("after saving the card is in mode %d:\n%s", d.m.mode, d.view())
	}
	var status string
	for _, msg := range d.out {
		if s, ok := msg.(common.StatusMsg); ok {
			status = s.Text
		}
	}
	if status != "Call planned for 24.11.2026 10:15" {
		t.Errorf("status %q", status)
	}
	if body := stripANSI(strings.Join(d.m.lines, "\n")); !strings.Contains(body, "24.11.2026 10:15  call · follow-up  ivan  planned") {
		t.Errorf("the new call is not on the card:\n%s", body)
	}
	// esc in an untouched plan form is back on the card, nothing planned.
	d.press("p", "esc")
	if d.m.mode != modeCard || d.m.Closed() {
		t.Error("esc in the plan form did not go back to the card")
	}
}

// C asks the root for the call screen of this client; a read-only card offers neither C nor p.
func TestCallNowAsksForTheCallScreen(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	_, cmd = d.m.Update(keyMsg("C"))
	if cmd == nil {
		t.Fatal("C did nothing")
	}
	if got, ok := cmd().(common.CallClientMsg); !ok || got.Client != e.clientID {
		t.Errorf("C sent %#v", got)
	}
	ro := e.deps(e.boss)
	ro.ReadOnly = true
	m, cmd = Open(ro, e.clientID)
	d = drive(t, m, cmd)
	k := d.m.cardKeys()
	if k.CallNow.Enabled() || k.Plan.Enabled() || !k.Timeline.Enabled() {
		t.Errorf("read-only: call %v, plan %v, timeline %v", k.CallNow.Enabled(), k.Plan.Enabled(), k.Timeline.Enabled())
	}
	var next tea.Cmd
	d.m, next = d.m.Update(keyMsg("p"))
	if d.m.mode != modeCard || next != nil {
		t.Error("p opened a plan form on a read-only card")
	}
}

// The form's "contact every" field: days, or empty for none; the card shows it.
func TestContactEveryDays(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	m, cmd := OpenEdit(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	d.setField(fContactEvery, "две недели")
	d.press("ctrl+s")
	if d.m.form.Error(fContactEvery) != model.T("card.form.bad_days") {
		t.Fatalf("words as days: %q", d.m.form.Error(fContactEvery))
	}
	d.setField(fContactEvery, "400")
	d.press("ctrl+s")
	if got := d.m.form.Error(fContactEvery); got != model.T("model.contact_every.range", model.MaxContactEvery) {
		t.Fatalf("400 days: %q", got)
	}
	d.setField(fContactEvery, "14")
	d.press("ctrl+s")
	if d.m.mode != modeCard {
		t.Fatalf("not saved:\n%s", d.view())
	}
	c, err := e.db.As(e.boss).Client(e.clientID)
	if err != nil {
		t.Fatal(err)
	}
	if c.ContactEvery != 14 {
		t.Errorf("stored ContactEvery %d", c.ContactEvery)
	}
	if body := stripANSI(strings.Join(d.m.lines, "\n")); !strings.Contains(body, "Contact every   14 days") {
		t.Errorf("the card does not show the frequency:\n%s", body)
	}
}

// Saving a contact frequency plans the recurring call in the same
// transaction: the timeline, loaded when the card opened, is asked again
// when the save's DataChangedMsg comes round.
func TestTimelineFollowsASaveThatReplans(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	if !d.m.tlLoaded || len(d.m.timeline) != 0 {
		t.Fatalf("a new client's timeline: loaded %v, %d entries", d.m.tlLoaded, len(d.m.timeline))
	}
	d.press("e")
	d.setField(fContactEvery, "14")
	d.press("ctrl+s")
	if d.m.mode != modeCard {
		t.Fatalf("not saved:\n%s", d.view())
	}
	for _, msg := range d.out { // what the root broadcasts back
		if dc, ok := msg.(common.DataChangedMsg); ok {
			var next tea.Cmd
			d.m, next = d.m.Update(dc)
			d.run(next)
		}
	}
	var recurring int
	for _, en := range d.m.timeline {
		if en.Item != nil && en.Item.Origin == model.OriginRecurring {
			recurring++
		}
	}
	if recurring != 1 {
		t.Fatalf("the timeline after the save holds %d recurring calls, want 1: %+v", recurring, d.m.timeline)
	}
}

// A call back in the timeline is a record, not the outcome key's prompt:
// "call back  olga  at 24.11.2026 10:00", without "at…" and without saying
// "call back" twice.
func TestTimelineCallBackReadsAsARecord(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	ix := model.Interaction{At: e.now.Add(-time.Hour), Client: e.clientID, User: "olga", Outcome: model.OutcomeCallBack,
		CallBack: time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)}
	line := strings.TrimSpace(stripANSI(strings.Join(d.m.timelineEntryLines(model.TimelineEntry{At: ix.At, Interaction: &ix}, false), "\n")))
	if want := "23.11.2026 08:30  call back  olga  at 24.11.2026 10:00"; line != want {
		t.Fatalf("timeline line %q, want %q", line, want)
	}
}
