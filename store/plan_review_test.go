package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"clientbase/model"
)

// A done item is history: moving, cancelling or handing it on is refused
// with a conflict, and nothing is written.
func TestDoneItemIsNotChanged(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 0))
	res, err := d.petrov.LogOutcome(model.Interaction{PlanItem: p.ID, Outcome: model.OutcomeReached})
	if err != nil || res.Item.Status != model.PlanDone {
		t.Fatalf("closing the item: %+v %v", res.Item, err)
	}
	before := fileState(t, d.db)
	for name, err := range map[string]error{
		"reschedule": func() error {
			_, err := d.head.Reschedule(p.ID, res.Item.Version, planT0.Add(24*time.Hour), time.Time{}, "later")
			return err
		}(),
		"cancel":   func() error { _, err := d.head.CancelPlan(p.ID, res.Item.Version, "no"); return err }(),
		"reassign": func() error { _, err := d.head.Reassign([]model.ID{p.ID}, "jonaitis"); return err }(),
		"take":     func() error { _, err := d.head.Take(p.ID); return err }(),
		"log": func() error {
			_, err := d.petrov.LogOutcome(model.Interaction{PlanItem: p.ID, Outcome: model.OutcomeReached})
			return err
		}(),
	} {
		if !errors.Is(err, model.ErrConflict) {
			t.Errorf("%s of a done item: %v", name, err)
		}
	}
	if fileState(t, d.db) != before {
		t.Error("a refused change of a done item changed the file")
	}
}

// Index keys hold Unix seconds: the same instant written in any zone gives
// the same key, and the queue orders by instant, not by wall-clock text.
func TestPlanKeysIgnoreTheCallersZone(t *testing.T) {
	d := newPlanDept(t)
	vlad, err := time.LoadLocation("Asia/Vladivostok")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	// 20:00 in Vladivostok is earlier than 06:00 in New York the same day
	a := d.call(d.orphan, "olga", 0)
	a.Due = time.Date(2026, 11, 24, 6, 30, 0, 0, ny) // 11:30 UTC
	b := d.call(d.orphan, "olga", 0)
	b.Due = time.Date(2026, 11, 24, 21, 0, 0, 0, vlad) // 11:00 UTC
	c := d.call(d.orphan, "olga", 0)
	c.Due = time.Date(2026, 11, 24, 11, 0, 0, 0, time.UTC)
	pa, pb, pc := mustPlan(t, d.head, a), mustPlan(t, d.head, b), mustPlan(t, d.head, c)
	if got, want := planDueKey(&pb)[:8], planDueKey(&pc)[:8]; string(got) != string(want) {
		t.Errorf("the same instant in two zones: due keys %x and %x", got, want)
	}
	q, err := d.olga.Queue(context.Background(), 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var order []model.ID
	for _, r := range q.Rows {
		order = append(order, r.Item.ID)
	}
	if len(order) != 3 || order[0] != pb.ID || order[1] != pc.ID || order[2] != pa.ID {
		t.Errorf("queue order %v, want %v %v %v (11:00 UTC twice by age, then 11:30 UTC)", order, pb.ID, pc.ID, pa.ID)
	}
	for _, p := range []model.PlanItem{pa, pb, pc} {
		got, _ := d.boss.PlanItem(p.ID)
		if !got.Due.Equal(p.Due) {
			t.Errorf("item %d reads back due %v, planned %v", p.ID, got.Due, p.Due)
		}
	}
	checkPlanConsistency(t, d.db)
}
