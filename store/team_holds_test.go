package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"

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

// lastTxID is the id of the database's last committed write transaction.
func lastTxID(t *testing.T, db *DB) int {
	t.Helper()
	id := 0
	if err := db.bolt.View(func(tx *bolt.Tx) error { id = tx.ID(); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

// A session that holds nothing ends without a write transaction (no
// fsync per logout): when nobody holds a call (the plan_held counter), when
// only others do (a read-only look at the queue index), and in a file from
// before the counter; one that holds a call still lets it go.
func TestReleaseHoldsWritesNothingWhenNothingIsHeld(t *testing.T) {
	d := newPlanDept(t)
	a := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	b := mustPlan(t, d.head, d.call(d.orphan, "", 0))
	feed, stop := d.db.Subscribe(4)
	defer stop()
	noWrite := func(step string) {
		t.Helper()
		before := lastTxID(t, d.db)
		if n, err := d.olga.ReleaseHolds(); err != nil || n != 0 {
			t.Fatalf("%s: ReleaseHolds = %d, %v; want 0", step, n, err)
		}
		if after := lastTxID(t, d.db); after != before {
			t.Fatalf("%s: ReleaseHolds wrote (transaction %d → %d)", step, before, after)
		}
	}
	noWrite("nobody holds a call")
	if _, err := d.oleg.Take(a.ID); err != nil {
		t.Fatal(err)
	}
	<-feed
	noWrite("only oleg holds one")
	// a file from before the counter: the queue index says it
	if err := d.db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Delete(keyPlanHeld)
	}); err != nil {
		t.Fatal(err)
	}
	noWrite("no counter, only oleg holds one")
	if _, err := d.olga.Take(b.ID); err != nil {
		t.Fatal(err)
	}
	<-feed
	if n, err := d.olga.ReleaseHolds(); err != nil || n != 1 {
		t.Fatalf("olga holding one, no counter: ReleaseHolds = %d, %v; want 1", n, err)
	}
	if batch := <-feed; len(batch) != 1 || batch[0].ID != b.ID {
		t.Fatalf("one release of %d expected, got %+v", b.ID, batch)
	}
	if p, _ := d.boss.PlanItem(a.ID); p.HeldBy != "oleg" {
		t.Errorf("oleg's call was let go too")
	}
}
