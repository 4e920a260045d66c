package store

import (
	"context"
	"errors"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Archiving a client cancels its open plan items in the same transaction
// (held calls let go, the recurring contact too); restoring it plans the
// recurring contact again, and nothing else comes back.
func TestArchiveCancelsTheClientsOpenItems(t *testing.T) {
	d := newPlanDept(t)
	c, _ := d.boss.Client(d.vilnius.ID)
	c.ContactEvery = 14
	c = mustSave(t, d.head, c, "")
	mustPlan(t, d.head, d.call(d.vilnius, "", 0)) // a free call in the pool
	held := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	visit := d.call(d.vilnius, "petrov", 2*time.Hour)
	visit.Kind, visit.Address = model.PlanVisit, "Gedimino pr. 1"
	visit = mustPlan(t, d.petrov, visit)
	done := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 0))
	if _, err := d.petrov.LogOutcome(model.Interaction{PlanItem: done.ID, Outcome: model.OutcomeNoAnswer}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.petrov.LogOutcome(model.Interaction{PlanItem: done.ID, Outcome: model.OutcomeRefused, Reason: "no"}); err != nil {
		t.Fatal(err)
	}
	other := mustPlan(t, d.head, d.call(d.orphan, "", 0))
	if _, err := d.olga.Take(held.ID); err != nil {
		t.Fatal(err)
	}
	open := func() []model.PlanItem {
		t.Helper()
		var out []model.PlanItem
		err := d.db.bolt.View(func(tx *bolt.Tx) error {
			var err error
			out, err = openItems(tx, d.vilnius.ID, "", 0)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := open()
	if len(before) != 4 { // pool, held, visit, recurring
		t.Fatalf("open items before the archive: %+v", before)
	}

	c, _ = d.boss.Client(d.vilnius.ID)
	if _, err := d.boss.SetArchived(c.ID, c.Version, true); err != nil {
		t.Fatal(err)
	}
	if left := open(); len(left) != 0 {
		t.Fatalf("open items after the archive: %+v", left)
	}
	for _, p := range before {
		got, _ := d.boss.PlanItem(p.ID)
		if got.Status != model.PlanCancelled || got.HeldBy != "" || got.CancelReason != model.T("storeplan.archived_cancel") {
			t.Errorf("item %d (%s) after the archive: %+v", p.ID, p.Origin, got)
		}
		hist, _ := d.boss.PlanHistory(p.ID)
		if last := hist[len(hist)-1]; last.Action != "cancel" || last.User != "boss" || last.Reason != model.T("storeplan.archived_cancel") {
			t.Errorf("item %d's last audit entry: %+v", p.ID, last)
		}
	}
	if got, _ := d.boss.PlanItem(done.ID); got.Status != model.PlanDone {
		t.Errorf("a done item after the archive: %+v", got)
	}
	if got, _ := d.boss.PlanItem(other.ID); !got.Open() {
		t.Errorf("another client's item after the archive: %+v", got)
	}
	// the operator's queue neither shows nor counts them
	q, err := d.olga.Queue(context.Background(), 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	if q.Total != 1 || len(q.Rows) != 1 || q.Rows[0].Item.ID != other.ID {
		t.Errorf("olga's queue after the archive: %d %+v", q.Total, q.Rows)
	}
	// the holder learns the call is gone; letting it go is harmless
	if _, err := d.olga.LogOutcome(model.Interaction{PlanItem: held.ID, Outcome: model.OutcomeReached}); !errors.Is(err, model.ErrConflict) {
		t.Errorf("logging on a call of an archived client: %v", err)
	}
	if err := d.olga.Release(held.ID); err != nil {
		t.Errorf("letting go of it: %v", err)
	}
	checkPlanConsistency(t, d.db)
	checkRecurring(t, d.db)

	c, _ = d.boss.Client(d.vilnius.ID)
	if _, err := d.boss.SetArchived(c.ID, c.Version, false); err != nil {
		t.Fatal(err)
	}
	back := open()
	if len(back) != 1 || back[0].Origin != model.OriginRecurring || back[0].Assignee != "petrov" || back[0].Due.Before(planT0) {
		t.Fatalf("open items after the restore: %+v", back)
	}
	checkPlanConsistency(t, d.db)
	checkRecurring(t, d.db)
}

// Archiving a user lets go of the calls they hold in the same transaction:
// an archived user can no longer log or release them, and the calls would
// stay out of every queue until the next start.
func TestArchivingAUserLetsGoOfTheirCalls(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	q := mustPlan(t, d.head, d.call(d.orphan, "olga", 0))
	other := mustPlan(t, d.head, d.call(d.orphan, "", 0))
	for _, id := range []model.ID{p.ID, q.ID} {
		if _, err := d.olga.Take(id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.oleg.Take(other.ID); err != nil {
		t.Fatal(err)
	}
	u, err := d.db.SignIn("olga")
	if err != nil {
		t.Fatal(err)
	}
	u.Archived = true
	if _, err := d.boss.SaveUser(u); err != nil {
		t.Fatal(err)
	}
	for _, id := range []model.ID{p.ID, q.ID} {
		got, _ := d.boss.PlanItem(id)
		if got.HeldBy != "" || !got.Open() {
			t.Errorf("item %d after its holder was archived: %+v", id, got)
		}
		hist, _ := d.boss.PlanHistory(id)
		if last := hist[len(hist)-1]; last.Action != "release" || last.User != "boss" || last.Reason != model.T("storeplan.holder_archived") {
			t.Errorf("item %d's last audit entry: %+v", id, last)
		}
	}
	if got, _ := d.boss.PlanItem(other.ID); got.HeldBy != "oleg" {
		t.Errorf("another operator's call: %+v", got)
	}
	if cc, err := d.oleg.Take(p.ID); err != nil || cc.Item.HeldBy != "oleg" {
		t.Errorf("taking the let-go call: %+v %v", cc.Item, err)
	}
	checkPlanConsistency(t, d.db)
}
