package store

import (
	"testing"

	"clientbase/model"
)

// ReleaseHolds lets go of exactly the session user's calls, in one go, and
// keeps the plan_held counter right.
func TestReleaseHolds(t *testing.T) {
	d := newPlanDept(t)
	a := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	b := mustPlan(t, d.head, d.call(d.orphan, "", 0))
	c := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	for _, id := range []model.ID{a.ID, b.ID} {
		if _, err := d.olga.Take(id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.oleg.Take(c.ID); err != nil {
		t.Fatal(err)
	}
	feed, stop := d.db.Subscribe(4)
	defer stop()
	n, err := d.olga.ReleaseHolds()
	if err != nil || n != 2 {
		t.Fatalf("ReleaseHolds = %d, %v; want 2", n, err)
	}
	if batch := <-feed; len(batch) != 2 || batch[0].Kind != "plan" || batch[0].By != "olga" {
		t.Fatalf("one batch of two plan changes expected, got %+v", batch)
	}
	for _, id := range []model.ID{a.ID, b.ID} {
		if p, _ := d.boss.PlanItem(id); p.HeldBy != "" {
			t.Errorf("item %d still held by %s", id, p.HeldBy)
		}
	}
	if p, _ := d.boss.PlanItem(c.ID); p.HeldBy != "oleg" {
		t.Errorf("oleg's call was let go too")
	}
	checkPlanConsistency(t, d.db) // includes the plan_held counter
	if n, err := d.olga.ReleaseHolds(); err != nil || n != 0 {
		t.Fatalf("again: %d, %v", n, err)
	}
	h, err := d.boss.PlanHistory(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := h[len(h)-1]; last.Action != "release" || last.User != "olga" {
		t.Errorf("last audit entry %+v", last)
	}
}
