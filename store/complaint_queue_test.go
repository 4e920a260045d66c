package store

import (
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// rankedQueue registers four complaints whose deadlines run against the
// order of work: the answered one earliest, then the paused one, then the
// running one, and a serious one answered. It returns them in the order
// the queue must list them.
func rankedQueue(t *testing.T, d *planDept) []model.ID {
	t.Helper()
	ans := incoming(d.vilnius, model.TypeQuality)
	ans.Received = planT0.Add(-26 * time.Hour)
	a := answered(t, d.olga, register(t, d.olga, ans))
	wait := incoming(d.vlad, model.TypeQuality)
	wait.Received = planT0.Add(-20 * time.Hour)
	w := register(t, d.olga, wait)
	w = must{t}.ok(d.olga.MoveComplaint(w.ID, w.Version, model.ComplaintInvestigating, ""))
	w = must{t}.ok(d.olga.MoveComplaint(w.ID, w.Version, model.ComplaintWaiting, "asked for photos"))
	r := register(t, d.olga, incoming(d.orphan, model.TypeQuality))
	ser := incoming(d.orphan, model.TypeDelivery)
	ser.Serious = true
	s := answered(t, d.olga, register(t, d.olga, ser))
	if !a.Deadline.Before(w.Deadline) || !w.Deadline.Before(r.Deadline) {
		t.Fatalf("deadlines %v %v %v: the setup needs them rising", a.Deadline, w.Deadline, r.Deadline)
	}
	return []model.ID{s.ID, r.ID, w.ID, a.ID}
}

// The queue lists what needs work first: a serious incident whatever its
// state, then the running clocks, then the paused, then the answered.
func TestComplaintQueueRanksByWhatNeedsWork(t *testing.T) {
	d := newPlanDept(t)
	want := rankedQueue(t, d)
	if got := queueIDs(t, d.olga, model.ComplaintFilter{}); !slices.Equal(got, want) {
		t.Errorf("queue %v, want %v (serious, running, paused, answered)", got, want)
	}
	// resuming moves the paused one up among the running ones (its key moves)
	w := must{t}.ok(d.olga.Complaint(want[2]))
	w = must{t}.ok(d.olga.MoveComplaint(w.ID, w.Version, model.ComplaintInvestigating, ""))
	if got := queueIDs(t, d.olga, model.ComplaintFilter{}); !slices.Equal(got, []model.ID{want[0], w.ID, want[1], want[3]}) {
		t.Errorf("after resuming #%d: %v", w.ID, got)
	}
	checkComplaintConsistency(t, d.db)
}

// A file whose queue was written with the two old ranks is re-keyed once at
// a writable Open, and the mark says so.
func TestComplaintQueueRekeyedAtOpen(t *testing.T) {
	d := newPlanDept(t)
	want := rankedQueue(t, d)
	// write the queue as the old rank did: 0 serious, 1 the rest
	err := d.db.bolt.Update(func(tx *bolt.Tx) error {
		q := tx.Bucket(bucketComplaintQueue)
		type kv struct{ k, v []byte }
		var all []kv
		if err := q.ForEach(func(k, v []byte) error {
			all = append(all, kv{slices.Clone(k), slices.Clone(v)})
			return nil
		}); err != nil {
			return err
		}
		for _, e := range all {
			if err := q.Delete(e.k); err != nil {
				return err
			}
			old := slices.Clone(e.k)
			old[0] = min(old[0], 1)
			if err := q.Put(old, e.v); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Delete(keyComplaintQueueV2)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(complaintProblems(d.db)) == 0 {
		t.Fatal("the old keys pass the checker: the test proves nothing")
	}
	path := d.db.Path()
	if err := d.db.Close(); err != nil {
		t.Fatal(err)
	}
	// a read-only Open leaves the file alone
	ro, err := Open(path, Options{ReadOnly: true, Now: d.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	if len(complaintProblems(ro)) == 0 {
		t.Error("a read-only Open re-keyed the queue")
	}
	ro.Close()
	db, err := Open(path, Options{Now: d.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	d.db = db
	t.Cleanup(func() { db.Close() })
	checkComplaintConsistency(t, db)
	u, err := db.SignIn("olga")
	if err != nil {
		t.Fatal(err)
	}
	if got := queueIDs(t, db.As(u), model.ComplaintFilter{}); !slices.Equal(got, want) {
		t.Errorf("queue after the re-key %v, want %v", got, want)
	}
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta).Get(keyComplaintQueueV2) == nil {
			t.Error("the mark complaint_queue_v2 is not set")
		}
		return nil
	})
}
