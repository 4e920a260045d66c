package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// checkComplaintConsistency fails t on every mismatch between the complaint
// records, their three indexes and the counters.
func checkComplaintConsistency(t testing.TB, db *DB) {
	t.Helper()
	for _, p := range complaintProblems(db) {
		t.Error(p)
	}
}

// complaintProblems checks: every record's index entries exist with its
// summary (the answer minutes, which the record does not hold, only as
// "answered or not"), no other entries exist, the counters count the
// records, a closed complaint's follow-up is a plan item of origin
// complaint_closure for its client (an open one has none) and it carries
// no open escalation, no bulk load is marked under way, and
// the queue is marked as keyed with the four ranks.
func complaintProblems(db *DB) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	err := db.bolt.View(func(tx *bolt.Tx) error {
		want := map[string]map[string]complaintSummary{}
		for _, b := range [][]byte{bucketComplaintQueue, bucketComplaintClient, bucketComplaintReceived} {
			want[string(b)] = map[string]complaintSummary{}
		}
		total, open := 0, 0
		if err := tx.Bucket(bucketComplaints).ForEach(func(k, v []byte) error {
			var c model.Complaint
			if err := json.Unmarshal(v, &c); err != nil {
				bad("complaint %d: %v", btoi(k), err)
				return nil
			}
			total++
			if c.IsOpen() {
				open++
			}
			if uint64(c.ID) != btoi(k) {
				bad("complaint under key %d says id %d", btoi(k), c.ID)
			}
			if c.Version == 0 || c.Status == "" || c.Deadline.IsZero() {
				bad("complaint %d: version %d, status %q, deadline %v", c.ID, c.Version, c.Status, c.Deadline)
			}
			if (c.Status == model.ComplaintClosed) != (c.Closing != nil) {
				bad("complaint %d is %s with closing %v", c.ID, c.Status, c.Closing)
			}
			if (c.Status == model.ComplaintWaiting) != !c.PausedAt.IsZero() {
				bad("complaint %d is %s, paused at %v", c.ID, c.Status, c.PausedAt)
			}
			if (c.Status == model.ComplaintEscalated) && c.OpenEscalation() == nil {
				bad("complaint %d is escalated without an open escalation", c.ID)
			}
			if !c.IsOpen() && c.OpenEscalation() != nil {
				bad("complaint %d is closed with an open escalation to %s", c.ID, c.OpenEscalation().To)
			}
			if c.FollowUp != 0 && c.Status != model.ComplaintClosed {
				bad("complaint %d is %s with follow-up %d (a reopening cancels it)", c.ID, c.Status, c.FollowUp)
			}
			if c.FollowUp != 0 {
				p, err := getPlan(tx, c.FollowUp)
				if err != nil || p.Origin != model.OriginComplaintClosure || p.Client != c.Client {
					bad("complaint %d: follow-up %d is %+v (%v)", c.ID, c.FollowUp, p, err)
				}
			}
			sum := summarize(&c, 0)
			for _, e := range complaintIndex(&c, nil) {
				want[string(e.bucket)][string(e.key)] = sum
			}
			return nil
		}); err != nil {
			return err
		}
		for name, entries := range want {
			if err := tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				w, ok := entries[string(k)]
				if !ok {
					bad("%s: entry %x has no complaint", name, k)
					return nil
				}
				delete(entries, string(k))
				got, ok := decodeSummary(v)
				if !ok {
					bad("%s: entry %x: a short summary", name, k)
					return nil
				}
				answered := got.AnswerMin > 0
				got.AnswerMin, got.Late = 0, false
				w.Late = false
				if !bytes.Equal(got.encode(), w.encode()) {
					bad("%s: entry %x: summary %+v, the record says %+v", name, k, got, w)
				}
				if c, err := getComplaint(tx, model.ID(btoi(k[len(k)-8:]))); err == nil && answered == c.Answered.IsZero() {
					bad("%s: complaint %d answered %v but answer minutes say %v", name, c.ID, c.Answered, answered)
				}
				return nil
			}); err != nil {
				return err
			}
			for k := range entries {
				bad("%s: entry %x missing", name, k)
			}
		}
		if got := counter(tx, keyComplaints); got != uint64(total) {
			bad("counter complaints %d, records %d", got, total)
		}
		if got := counter(tx, keyComplaintsOpen); got != uint64(open) {
			bad("counter complaints_open %d, open records %d", got, open)
		}
		if tx.Bucket(bucketMeta).Get(keyComplaintBulk) != nil {
			bad("a complaint bulk load is marked under way")
		}
		if tx.Bucket(bucketMeta).Get(keyComplaintQueueV2) == nil {
			bad("the queue's four ranks are not marked (complaint_queue_v2)")
		}
		return nil
	})
	if err != nil {
		bad("view: %v", err)
	}
	return problems
}
