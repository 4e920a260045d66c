package store

import (
	"context"
	"testing"
	"time"
)

// A pool call one operator is on leaves the other operators' queues (the
// team sees a taken call disappear) and comes back when it is let go; the
// holder keeps it in hers.
func TestQueueLeavesOutCallsOthersHold(t *testing.T) {
	d := newPlanDept(t)
	item := mustPlan(t, d.head, d.call(d.orphan, "", time.Hour))
	inQueue := func(s *Session) bool {
		t.Helper()
		page, err := s.Queue(context.Background(), 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Rows {
			if r.Item.ID == item.ID {
				return true
			}
		}
		return false
	}
	if !inQueue(d.olga) || !inQueue(d.oleg) {
		t.Fatal("a free pool call is not in both operators' queues")
	}
	if _, err := d.olga.Take(item.ID); err != nil {
		t.Fatal(err)
	}
	if !inQueue(d.olga) || inQueue(d.oleg) {
		t.Fatalf("while olga is on it: in hers %v, in oleg's %v", inQueue(d.olga), inQueue(d.oleg))
	}
	if err := d.olga.Release(item.ID); err != nil {
		t.Fatal(err)
	}
	if !inQueue(d.oleg) {
		t.Fatal("the call did not come back to oleg's queue when olga let it go")
	}
}
