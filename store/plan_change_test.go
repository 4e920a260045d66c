package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clientbase/model"
)

func TestRescheduleKeepsTheChain(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", time.Hour))
	due := planT0.Add(26 * time.Hour)
	if _, err := d.petrov.Reschedule(p.ID, p.Version, due, time.Time{}, " "); err == nil {
		t.Fatal("a reschedule without a reason")
	} else {
		fieldError(t, err, "reason")
	}
	before := fileState(t, d.db)
	_, err := d.petrov.Reschedule(p.ID, p.Version, planT0.Add(-2*time.Hour), time.Time{}, "client away")
	fieldError(t, err, "due")
	if _, err := d.petrov.Reschedule(p.ID, p.Version+1, due, time.Time{}, "client away"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a stale version: %v", err)
	}
	if _, err := d.jonaitis.Reschedule(p.ID, p.Version, due, time.Time{}, "mine now"); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("another manager: %v", err)
	}
	if fileState(t, d.db) != before {
		t.Fatal("a refused reschedule changed the file")
	}
	next, err := d.petrov.Reschedule(p.ID, p.Version, due, due.Add(time.Hour), "client away")
	if err != nil {
		t.Fatal(err)
	}
	old, _ := d.petrov.PlanItem(p.ID)
	if old.Status != model.PlanRescheduled || old.NextID != next.ID || next.PrevID != p.ID ||
		!next.Due.Equal(due) || !next.Until.Equal(due.Add(time.Hour)) || next.Purpose != p.Purpose || next.Origin != p.Origin {
		t.Fatalf("old %+v\nnew %+v", old, next)
	}
	hist, _ := d.boss.PlanHistory(p.ID)
	if last := hist[len(hist)-1]; last.Action != "reschedule" || last.Reason != "client away" {
		t.Errorf("the reschedule's audit entry: %+v", last)
	}
	if _, err := d.petrov.Reschedule(p.ID, old.Version, due, time.Time{}, "again"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("rescheduling a rescheduled item: %v", err)
	}
	// the head reschedules anyone's; attempts are kept
	q := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	if _, err := d.olga.Take(q.ID); err != nil {
		t.Fatal(err)
	}
	res, err := d.olga.LogOutcome(model.Interaction{PlanItem: q.ID, Outcome: model.OutcomeNoAnswer})
	if err != nil {
		t.Fatal(err)
	}
	moved, err := d.head.Reschedule(q.ID, res.Item.Version, due, time.Time{}, "tomorrow")
	if err != nil || moved.Attempts != 1 {
		t.Fatalf("the head's reschedule: %+v %v", moved, err)
	}
	checkPlanConsistency(t, d.db)
}

func TestCancelPlan(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", time.Hour))
	_, err := d.petrov.CancelPlan(p.ID, p.Version, "")
	fieldError(t, err, "reason")
	if _, err := d.olga.CancelPlan(p.ID, p.Version, "no"); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator cancelling a manager's item: %v", err)
	}
	got, err := d.petrov.CancelPlan(p.ID, p.Version, "client closed")
	if err != nil || got.Status != model.PlanCancelled || got.CancelReason != "client closed" || got.Version != p.Version+1 {
		t.Fatalf("cancel: %+v %v", got, err)
	}
	if _, err := d.petrov.CancelPlan(p.ID, got.Version, "again"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("cancelling twice: %v", err)
	}
	checkPlanConsistency(t, d.db)
}

func TestReassignInOneTransaction(t *testing.T) {
	d := newPlanDept(t)
	a := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", time.Hour))
	b := mustPlan(t, d.head, d.call(d.vlad, "jonaitis", time.Hour))
	v := d.call(d.vilnius, "petrov", 2*time.Hour)
	v.Kind, v.Address = model.PlanVisit, "Gedimino pr. 1"
	visit := mustPlan(t, d.petrov, v)
	done := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 0))
	if _, err := d.petrov.LogOutcome(model.Interaction{PlanItem: done.ID, Outcome: model.OutcomeReached}); err != nil {
		t.Fatal(err)
	}
	before := fileState(t, d.db)
	if _, err := d.petrov.Reassign([]model.ID{a.ID}, "jonaitis"); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a manager reassigning: %v", err)
	}
	_, err := d.head.Reassign([]model.ID{a.ID, b.ID}, "nobody")
	fieldError(t, err, "assignee")
	_, err = d.head.Reassign([]model.ID{a.ID, visit.ID}, "")
	fieldError(t, err, "assignee")
	if _, err := d.head.Reassign([]model.ID{a.ID, done.ID}, "olga"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a done item in the batch: %v", err)
	}
	if _, err := d.head.Reassign([]model.ID{a.ID, 999}, "olga"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a missing item in the batch: %v", err)
	}
	if fileState(t, d.db) != before {
		t.Fatal("a refused reassign changed the file")
	}
	n, err := d.head.Reassign([]model.ID{a.ID, b.ID, a.ID, visit.ID}, "jonaitis")
	if err != nil || n != 2 {
		t.Fatalf("reassign: %d %v (b was jonaitis's already)", n, err)
	}
	got, _ := d.head.PlanItem(a.ID)
	if got.Assignee != "jonaitis" {
		t.Errorf("a after reassign: %+v", got)
	}
	n, err = d.head.Reassign([]model.ID{a.ID}, "")
	if err != nil || n != 1 {
		t.Fatalf("to the pool: %d %v", n, err)
	}
	if cc, err := d.olga.TakeNext(); err != nil || cc.Item.ID != a.ID {
		// a is due in an hour: not yet
		if !errors.Is(err, model.ErrNotFound) {
			t.Errorf("olga's next call: %v", err)
		}
	}
	checkPlanConsistency(t, d.db)
}

func TestRecurringContactFollowsTheCard(t *testing.T) {
	d := newPlanDept(t)
	recurring := func() []model.PlanItem {
		t.Helper()
		var out []model.PlanItem
		cc, err := d.boss.CallContext(d.vilnius.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range cc.Open {
			if p.Origin == model.OriginRecurring {
				out = append(out, p)
			}
		}
		return out
	}
	c, _ := d.boss.Client(d.vilnius.ID)
	c.ContactEvery = 14
	c = mustSave(t, d.petrov, c, "")
	rec := recurring()
	if len(rec) != 1 || rec[0].Assignee != "petrov" || rec[0].Kind != model.PlanCall || rec[0].Purpose != model.PurposeFollowUp {
		t.Fatalf("after setting every 14 days: %+v", rec)
	}
	// never reached: 14 days after the client was created, in working hours
	want := d.vilnius.CreatedAt.AddDate(0, 0, 14)
	if rec[0].Due.Before(want) || rec[0].Due.After(want.Add(72*time.Hour)) {
		t.Errorf("first recurring due %v, want from %v", rec[0].Due, want)
	}
	checkRecurring(t, d.db)

	// a real contact on another item re-plans it from that contact
	d.clock.Advance(3 * 24 * time.Hour)
	p := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 0))
	if _, err := d.petrov.LogOutcome(model.Interaction{PlanItem: p.ID, Outcome: model.OutcomeOrderTaken}); err != nil {
		t.Fatal(err)
	}
	rec = recurring()
	want = d.clock.Now().AddDate(0, 0, 14)
	if len(rec) != 1 || rec[0].Due.Before(want) || rec[0].Due.After(want.Add(72*time.Hour)) {
		t.Fatalf("after a contact: %+v, want due from %v", rec, want)
	}
	// an unanswered call does not count as a contact
	due := rec[0].Due
	q := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 0))
	if _, err := d.petrov.LogOutcome(model.Interaction{PlanItem: q.ID, Outcome: model.OutcomeNoAnswer}); err != nil {
		t.Fatal(err)
	}
	if rec = recurring(); !rec[0].Due.Equal(due) {
		t.Errorf("a no-answer moved the recurring contact to %v", rec[0].Due)
	}
	// it cannot be cancelled while the card asks for it
	_, err := d.petrov.CancelPlan(rec[0].ID, rec[0].Version, "no")
	fieldError(t, err, "reason")

	// working the recurring call itself: reached → done, and the next one planned
	res, err := d.petrov.LogOutcome(model.Interaction{PlanItem: rec[0].ID, Outcome: model.OutcomeReached})
	if err != nil || res.Item.Status != model.PlanDone {
		t.Fatalf("working the recurring call: %+v %v", res.Item, err)
	}
	rec2 := recurring()
	if len(rec2) != 1 || rec2[0].ID == rec[0].ID {
		t.Fatalf("after working it: %+v", rec2)
	}
	// a call-back on it keeps it where the client asked
	cb := d.clock.Now().Add(3 * time.Hour)
	if _, err := d.petrov.LogOutcome(model.Interaction{PlanItem: rec2[0].ID, Outcome: model.OutcomeCallBack, CallBack: cb}); err != nil {
		t.Fatal(err)
	}
	if rec = recurring(); len(rec) != 1 || !rec[0].Due.Equal(cb) {
		t.Errorf("after a call-back on the recurring call: %+v", rec)
	}
	checkRecurring(t, d.db)

	// every 7 days: moved; a new manager: reassigned
	c, _ = d.boss.Client(d.vilnius.ID)
	c.ContactEvery, c.Manager = 7, "jonaitis"
	c = mustSave(t, d.head, c, "")
	rec = recurring()
	if len(rec) != 1 || rec[0].Assignee != "jonaitis" || rec[0].Due.After(d.clock.Now().AddDate(0, 0, 10)) {
		t.Errorf("after every 7 days and a new manager: %+v", rec)
	}
	// cleared: cancelled
	c.ContactEvery = 0
	c = mustSave(t, d.head, c, "")
	if rec = recurring(); len(rec) != 0 {
		t.Errorf("after clearing the frequency: %+v", rec)
	}
	checkRecurring(t, d.db)
	checkPlanConsistency(t, d.db)
	checkConsistency(t, d.db)

	// a frequency so long the item would be due years ahead is the field's error
	c.ContactEvery = 5000
	_, err = d.head.SaveClient(c, "")
	fieldError(t, err, "contact_every")
	// a new client with a frequency gets its item in the same transaction
	n := newClient("Fresh UAB")
	n.ContactEvery, n.TimeZone = 30, "Europe/Vilnius"
	mustSave(t, d.head, n, "")
	checkRecurring(t, d.db)
	checkPlanConsistency(t, d.db)
}

func TestEveryPlanChangeIsAudited(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	if _, err := d.olga.Take(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.olga.Release(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := d.head.Reassign([]model.ID{p.ID}, "oleg"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.oleg.Take(p.ID); err != nil {
		t.Fatal(err)
	}
	res, err := d.oleg.LogOutcome(model.Interaction{PlanItem: p.ID, Outcome: model.OutcomeBusy})
	if err != nil {
		t.Fatal(err)
	}
	next, err := d.head.Reschedule(p.ID, res.Item.Version, planT0.Add(24*time.Hour), time.Time{}, "tomorrow")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.head.CancelPlan(next.ID, next.Version, "not needed"); err != nil {
		t.Fatal(err)
	}
	hist, err := d.boss.PlanHistory(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range hist {
		actions = append(actions, e.User+":"+e.Action)
	}
	want := "head:create olga:take olga:release head:reassign oleg:take oleg:outcome head:reschedule"
	if got := strings.Join(actions, " "); got != want {
		t.Errorf("history\n got %s\nwant %s", got, want)
	}
	for _, e := range hist[1:] {
		if len(e.Changes) == 0 {
			t.Errorf("%s lists no changed fields", e.Action)
		}
	}
	if hist[3].Changes[0].Field != "assignee" || hist[3].Changes[0].New != "oleg" {
		t.Errorf("the reassign's changes: %+v", hist[3].Changes)
	}
	ixh, _ := d.db.history("interaction", uint64(res.Interaction.ID))
	if len(ixh) != 1 || ixh[0].User != "oleg" || ixh[0].Action != "create" {
		t.Errorf("the interaction's audit: %+v", ixh)
	}
	nh, _ := d.boss.PlanHistory(next.ID)
	if len(nh) != 2 || nh[1].Action != "cancel" || nh[1].Reason != "not needed" {
		t.Errorf("the new item's history: %+v", nh)
	}
}
