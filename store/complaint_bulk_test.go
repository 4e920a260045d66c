package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// genComplaints makes n complaints over clients 1–clients received in the
// days before now, open the last open of them (in every open state: a third
// unassigned, waiting ones paused, escalated ones with an open escalation to
// a head), the rest closed. withDeadline sets the service level and deadline
// (the benchmarks: no client is read); otherwise the load computes them.
func genComplaints(n, open, clients int, owners []string, now time.Time, cal *model.WorkCalendar) []model.Complaint {
	r := rand.New(rand.NewPCG(uint64(n), uint64(open)))
	openStates := []model.ComplaintStatus{model.ComplaintRegistered, model.ComplaintRegistered, model.ComplaintAssigned,
		model.ComplaintInvestigating, model.ComplaintWaiting, model.ComplaintEscalated, model.ComplaintAnswered, model.ComplaintReopened}
	out := make([]model.Complaint, n)
	span := 365 * 24 * time.Hour
	for i := range out {
		received := now.Add(-span + time.Duration(float64(span)*float64(i)/float64(n))).Truncate(time.Minute)
		c := model.Complaint{
			Direction: model.DirectionIncoming, Type: model.ComplaintTypes[r.IntN(len(model.ComplaintTypes))],
			Client: model.ID(1 + r.IntN(clients)), Channel: model.ChannelPhone, Received: received,
			Claimed: model.Money{Minor: int64(r.IntN(100_000)) * 100, Currency: "RUB"}, Description: fmt.Sprintf("complaint %d", i),
			Priority: model.Priorities[r.IntN(3)], Serious: r.IntN(200) == 0, Status: model.ComplaintClosed,
			Owner: owners[r.IntN(len(owners))],
		}
		if r.IntN(20) == 0 {
			c.Direction = model.DirectionOutgoing
		}
		if cal != nil {
			c.SLA = 27 * 60
			c.Deadline = cal.Add(c.Received, c.SLA)
		}
		if i >= n-open {
			// open ones come last (the newest): received within the last weeks
			c.Received = now.Add(-time.Duration(r.IntN(20*24*60)) * time.Minute)
			if cal != nil {
				c.Deadline = cal.Add(c.Received, c.SLA)
			}
			c.Status = openStates[r.IntN(len(openStates))]
			switch c.Status {
			case model.ComplaintRegistered, model.ComplaintReopened:
				c.Owner = ""
			case model.ComplaintWaiting:
				c.PausedAt = now.Add(-time.Hour)
			case model.ComplaintEscalated:
				c.Escalations = []model.Escalation{{At: now.Add(-time.Hour), By: c.Owner, To: "head", Level: model.RoleHead, Reason: "stuck"}}
			case model.ComplaintAnswered:
				c.Answered, c.Answer = c.Received.Add(3*time.Hour), "we replace it"
			}
		} else {
			c.Answered, c.Answer = c.Received.Add(time.Duration(1+r.IntN(72))*time.Hour), "answered"
			c.Closed = c.Answered.Add(24 * time.Hour)
			c.Closing = &model.Closing{Decision: model.Decisions[r.IntN(3)], Remedy: model.RemedyRefund,
				Reason: model.ReasonCodes[r.IntN(len(model.ReasonCodes))], Fault: model.FaultParties[r.IntN(4)]}
		}
		out[i] = c
	}
	return out
}

func TestBulkLoadComplaints(t *testing.T) {
	d := newPlanDept(t)
	first := register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	cs := genComplaints(600, 120, 3, []string{"olga", "oleg", "petrov"}, planT0, nil)
	if err := d.db.BulkLoadComplaints(cs); err != nil {
		t.Fatal(err)
	}
	checkComplaintConsistency(t, d.db)
	if cs[0].ID != first.ID+1 || cs[599].ID != first.ID+600 || cs[0].SLA == 0 || cs[0].Deadline.IsZero() {
		t.Errorf("loaded ids %d…%d, sla %d, deadline %v", cs[0].ID, cs[599].ID, cs[0].SLA, cs[0].Deadline)
	}
	page, err := d.olga.Complaints(context.Background(), model.ComplaintFilter{}, 0, 40)
	if err != nil || page.Total != 121 || len(page.Rows) != 40 {
		t.Errorf("queue after the load: total %d, %d rows, %v", page.Total, len(page.Rows), err)
	}
	closed, err := d.olga.Complaints(context.Background(), model.ComplaintFilter{Status: model.ComplaintClosed}, 0, 10)
	if err != nil || closed.Total != 480 || closed.Rows[0].ID != cs[479].ID {
		t.Errorf("closed after the load: total %d, first %+v, %v", closed.Total, closed.Rows[0], err)
	}
	next := register(t, d.olga, incoming(d.vlad, model.TypeService))
	if next.ID != first.ID+601 {
		t.Errorf("the next complaint got id %d", next.ID)
	}
	if _, err := d.oleg.NextComplaint(); err != nil {
		t.Errorf("next after the load: %v", err)
	}
	// a bad one refuses the whole load, writing nothing
	bad := genComplaints(10, 2, 3, []string{"olga"}, planT0, nil)
	bad[7].Client = 99
	if err := unchanged(t, d.db, func() error { return d.db.BulkLoadComplaints(bad) }); err == nil {
		t.Error("a complaint of client 99 was loaded")
	}
	checkComplaintConsistency(t, d.db)
}

// A load cut short (its mark still there, the counters not yet added) is
// removed at the next writable Open.
func TestInterruptedComplaintBulkIsRemovedAtOpen(t *testing.T) {
	d := newPlanDept(t)
	register(t, d.olga, incoming(d.vilnius, model.TypeQuality))
	var total, open uint64
	_ = d.db.bolt.View(func(tx *bolt.Tx) error {
		total, open = counter(tx, keyComplaints), counter(tx, keyComplaintsOpen)
		return nil
	})
	if err := d.db.BulkLoadComplaints(genComplaints(300, 50, 3, []string{"olga"}, planT0, nil)); err != nil {
		t.Fatal(err)
	}
	// what a crash before the last transaction leaves
	err := d.db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketMeta).Put(keyComplaintBulk, itob(total)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keyComplaints, itob(total)); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyComplaintsOpen, itob(open))
	})
	if err != nil {
		t.Fatal(err)
	}
	path := d.db.Path()
	d.db.Close()
	db := reopenChecked(t, path, Options{Now: d.clock.Now})
	checkComplaintConsistency(t, db)
	s := db.As(model.User{Name: "olga", Role: model.RoleOperator})
	page, err := s.Complaints(context.Background(), model.ComplaintFilter{}, 0, 10)
	if err != nil || page.Total != 1 {
		t.Errorf("after the cleanup: %d open, %v", page.Total, err)
	}
	c, err := s.RegisterComplaint(incoming(d.vlad, model.TypeQuality))
	if err != nil || c.ID != model.ID(total+1) {
		t.Errorf("the next id %d, %v", c.ID, err)
	}
}
