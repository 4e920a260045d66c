package store

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// complaintBulkTx is how many records (or index entries) one transaction
// of a bulk load of complaints writes.
const complaintBulkTx = 40_000

var errComplaintBulkStopped = errors.New("store: complaint bulk load stopped")

// BulkLoadComplaints appends cs far faster than RegisterComplaint one by one
// (the demo and the benchmarks). Ids come from the complaints sequence in
// the order given (a complaint that names an id must name that one); a
// complaint without a deadline gets it as RegisterComplaint gives it
// (model.StartDeadline with the settings and its client); version, stamps
// and the register event are filled in when missing. The records, their
// three index entries (with the summaries and the answer minutes) and the
// counters are written as the single writers write them, encoded on every
// core and appended in key order; one audit entry records the load. A
// failed load removes what it wrote, and one cut short by a crash is
// removed at the next writable Open (the meta key complaint_bulk, written
// first, says where it started). Nobody else may write complaints meanwhile.
func (db *DB) BulkLoadComplaints(cs []model.Complaint) error {
	if db.ro {
		return db.readOnlyErr()
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	now := db.now()
	var (
		start, clientSeq uint64
		settings         model.ComplaintSettings
		emptyIdx         [3]bool
	)
	idxBuckets := [3][]byte{bucketComplaintQueue, bucketComplaintClient, bucketComplaintReceived}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		start = tx.Bucket(bucketComplaints).Sequence()
		clientSeq = tx.Bucket(bucketClients).Sequence()
		for i, name := range idxBuckets {
			k, _ := tx.Bucket(name).Cursor().First()
			emptyIdx[i] = k == nil
		}
		var err error
		settings, err = complaintSettings.read(tx)
		return err
	})
	if err != nil {
		return err
	}
	cal := settings.Calendar()
	by := "clientbase"
	if len(cs) > 0 && cs[0].CreatedBy != "" {
		by = cs[0].CreatedBy
	}

	// Check and stamp first: the clients a deadline needs are read once.
	clients := map[model.ID]*model.Client{}
	bad := func(c *model.Complaint, why string) error {
		return fmt.Errorf("store: %s", model.T("storecomplaint.bad_complaint", uint64(c.ID), uint64(c.Client), why))
	}
	open := 0
	err = db.bolt.View(func(tx *bolt.Tx) error {
		for i := range cs {
			c := &cs[i]
			id := model.ID(start + uint64(i) + 1)
			if c.ID != 0 && c.ID != id {
				return bad(c, fmt.Sprintf("id %d where the file gives %d", c.ID, id))
			}
			c.ID = id
			switch {
			case c.Client == 0 || uint64(c.Client) > clientSeq:
				return bad(c, model.T("storeviews.no_client", uint64(c.Client)))
			case !slices.Contains(model.ComplaintStatuses, c.Status):
				return bad(c, model.T("storeviews.bad_field", "status", string(c.Status)))
			case !slices.Contains(model.ComplaintDirections, c.Direction):
				return bad(c, model.T("storeviews.bad_field", "direction", string(c.Direction)))
			case !slices.Contains(model.ComplaintTypes, c.Type):
				return bad(c, model.T("storeviews.bad_field", "type", string(c.Type)))
			case c.Received.IsZero():
				return bad(c, model.T("storeviews.bad_field", "received", ""))
			case (c.Status == model.ComplaintClosed) != (c.Closing != nil):
				return bad(c, model.T("storeviews.bad_field", "closing", string(c.Status)))
			}
			if c.Priority == 0 {
				c.Priority = model.PriorityNormal
			}
			if c.SLA == 0 || c.Deadline.IsZero() {
				cl, ok := clients[c.Client]
				if !ok {
					got, err := getClient(tx, c.Client)
					if err != nil {
						return bad(c, err.Error())
					}
					cl = &got
					clients[c.Client] = cl
				}
				model.StartDeadline(settings, c, *cl)
			}
			if c.Version == 0 {
				c.Version = 1
			}
			if c.CreatedAt.IsZero() {
				c.CreatedAt = c.Received
			}
			if c.CreatedBy == "" {
				c.CreatedBy = cmp.Or(c.Owner, by)
			}
			if c.UpdatedAt.IsZero() {
				c.UpdatedAt, c.UpdatedBy = c.CreatedAt, c.CreatedBy
			}
			if len(c.Events) == 0 {
				c.Events = []model.ComplaintEvent{{At: c.CreatedAt, By: c.CreatedBy, To: c.Status, Action: "register"}}
			}
			if c.IsOpen() {
				open++
			}
		}
		return nil
	})
	if err != nil {
		return err
	}

	// The mark of a load under way, committed before any record.
	if err := db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyComplaintBulk, itob(start))
	}); err != nil {
		return err
	}
	undo := func(cause error) error { return db.complaintBulkUndo(cause, start) }

	// Records and index entries, encoded on every core.
	recs := make([][]byte, len(cs))
	entries := [3][]kv{make([]kv, 0, open), make([]kv, len(cs)), make([]kv, len(cs))}
	queue := make([]kv, len(cs)) // nil keys for closed ones, dropped below
	workers := runtime.GOMAXPROCS(0)
	chunk := (len(cs) + workers - 1) / max(workers, 1)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, len(cs))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func(w, lo, hi int) {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				c := &cs[i]
				v, err := json.Marshal(c)
				if err != nil {
					errs[w] = err
					return
				}
				recs[i] = v
				am := 0
				if !c.Answered.IsZero() {
					am = answerAt(cal, c)
				}
				sum := summarize(c, am)
				val := sum.encode()
				if c.IsOpen() {
					queue[i] = kv{complaintQueueKey(c), val}
				}
				entries[1][i] = kv{complaintClientKey(c), val}
				entries[2][i] = kv{complaintReceivedKey(c), val}
			}
		}(w, lo, hi)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return undo(err)
	}
	for _, e := range queue {
		if e.k != nil {
			entries[0] = append(entries[0], e)
		}
	}
	queue = nil

	for lo := 0; lo < len(cs); lo += complaintBulkTx {
		hi := min(lo+complaintBulkTx, len(cs))
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketComplaints)
			b.FillPercent = 1.0 // ids above the sequence: appended at the end
			for i := lo; i < hi; i++ {
				if err := b.Put(itob(uint64(cs[i].ID)), recs[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return undo(err)
		}
	}
	recs = nil
	for i, name := range idxBuckets {
		all := entries[i]
		slices.SortFunc(all, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		for len(all) > 0 {
			part := all[:min(len(all), complaintBulkTx)]
			all = all[len(part):]
			err := db.bolt.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket(name)
				if emptyIdx[i] {
					b.FillPercent = 1.0 // appended in key order to an empty bucket
				}
				for _, e := range part {
					if err := b.Put(e.k, e.v); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return undo(err)
			}
		}
		entries[i] = nil
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketComplaints).SetSequence(start + uint64(len(cs))); err != nil {
			return err
		}
		if err := addCounter(tx, keyComplaints, int64(len(cs))); err != nil {
			return err
		}
		if err := addCounter(tx, keyComplaintsOpen, int64(open)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Delete(keyComplaintBulk); err != nil {
			return err
		}
		return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "complaint", Action: "bulk_load",
			Reason: model.T("storecomplaint.bulk_load", len(cs))})
	})
	if err != nil {
		return undo(err)
	}
	return nil
}

// complaintBulkUndo removes what a failed complaint load wrote: the records
// after the sequence it started from and their index entries (every index
// key ends with the id).
func (db *DB) complaintBulkUndo(cause error, start uint64) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for _, name := range complaintBuckets {
			b := tx.Bucket(name)
			var stale [][]byte
			c := b.Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				if len(k) >= 8 && btoi(k[len(k)-8:]) > start {
					stale = append(stale, bytes.Clone(k))
				}
			}
			for _, k := range stale {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
		}
		if err := tx.Bucket(bucketComplaints).SetSequence(start); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Delete(keyComplaintBulk)
	})
	if err != nil {
		return fmt.Errorf("%w (and removing the half-loaded complaints failed: %v)", cause, err)
	}
	return cause
}

// clearInterruptedComplaintBulk removes what a complaint load cut short by
// a crash wrote (its mark complaint_bulk is still there): never
// acknowledged, not counted, and a new complaint would take their ids.
func (db *DB) clearInterruptedComplaintBulk() error {
	if db.ro {
		return nil
	}
	var mark []byte
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketMeta); b != nil {
			mark = bytes.Clone(b.Get(keyComplaintBulk))
		}
		return nil
	})
	if mark == nil {
		return nil
	}
	if len(mark) != 8 {
		return fmt.Errorf("store: the mark of an interrupted complaint load is %d bytes, not 8", len(mark))
	}
	if err := db.complaintBulkUndo(errComplaintBulkStopped, btoi(mark)); err != errComplaintBulkStopped {
		return err
	}
	return nil
}
