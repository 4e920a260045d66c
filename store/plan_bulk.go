package store

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

const (
	// planBulkBatch: items per worker batch (with their interactions).
	planBulkBatch = 4096
	// planBulkTx: records (items + interactions) per write transaction; as
	// for clients, bbolt appends fastest in commits of a few 10,000s.
	planBulkTx = 40_000
	// planBulkIdxTx: index entries per transaction in the sorted phase.
	planBulkIdxTx = 50_000
)

// planIndexes are the buckets BulkLoadPlan fills after the records, in
// key order; the last one holds interaction ids, the others item ids.
var planIndexes = [][]byte{bucketPlanQueue, bucketPlanUser, bucketPlanDue, bucketPlanClient, bucketIxClient}

// kv is one index entry.
type kv struct{ k, v []byte }

// planBatch is a run of items made ready for the buckets by one worker.
type planBatch struct {
	seq     int
	items   []model.PlanItem
	ixs     [][]model.Interaction // per item
	ids     [][]byte              // record keys: items, then interactions
	recs    [][]byte
	nItems  int
	nIxs    int
	open    int
	held    int
	entries [5][]kv // per planIndexes
	err     error
}

var errPlanBulkStopped = errors.New("store: plan bulk load stopped")

// BulkLoadPlan appends the plan items the generator emits, each with its
// interactions, far faster than Plan and LogOutcome one by one (the demo
// and the benchmarks). Items get ids from the plan bucket's sequence and
// interactions from theirs, each interaction pointing at its item; every
// index entry of layout.go is written as the single writers write it, and
// the counters. Workers validate and encode batches in parallel while one
// writer appends the records, planBulkTx per transaction; the index
// entries are then sorted and appended in key order. One audit entry
// records the load, none per item. Readers may see records before their
// index entries while it runs; a failed load removes what it wrote, and a
// load cut short by a crash is removed at the next writable Open (the
// meta key plan_bulk, committed first and deleted with the counters, says
// where it started). Nobody else may write to the plan meanwhile: the
// single writers do not wait for writeMu, and the ids handed out in
// advance would collide.
func BulkLoadPlan(db *DB, by string, gen func(emit func(p model.PlanItem, ixs []model.Interaction) error) error) (items, interactions int, err error) {
	if db.ro {
		return 0, 0, db.readOnlyErr()
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	now := db.now()
	t0 := time.Now()
	// CLIENTBASE_BULK_TRACE=1 prints the phases, as for clients.
	trace := func(what string) {
		if bulkTrace {
			fmt.Fprintf(os.Stderr, "plan bulk: %-20s %v\n", what, time.Since(t0))
		}
	}

	var itemSeq, ixSeq, clientSeq uint64
	emptyIdx := make([]bool, len(planIndexes))
	archived := map[model.ID]bool{} // an archived client has no open items
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		_ = tx.Bucket(bucketClientArchived).ForEach(func(k, _ []byte) error {
			archived[model.ID(btoi(k))] = true
			return nil
		})
		itemSeq = tx.Bucket(bucketPlan).Sequence()
		ixSeq = tx.Bucket(bucketInteractions).Sequence()
		clientSeq = tx.Bucket(bucketClients).Sequence()
		for i, name := range planIndexes {
			k, _ := tx.Bucket(name).Cursor().First()
			emptyIdx[i] = k == nil
		}
		return nil
	})
	startItem, startIx := itemSeq, ixSeq
	// The mark of a load under way, committed before any record: a crash
	// leaves records the counters do not count and ids above the
	// sequences, and the next writable Open removes them by it.
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyPlanBulk, append(itob(startItem), itob(startIx)...))
	})
	if err != nil {
		return 0, 0, err
	}
	db.usersMu.RLock()
	users := make(map[string]bool, len(db.usersByNm))
	for name := range db.usersByNm {
		users[name] = true
	}
	db.usersMu.RUnlock()

	// Fewer collections while the records are made, as for clients.
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercentBulk))

	var failed atomic.Bool
	workers := runtime.GOMAXPROCS(0)
	in := make(chan *planBatch, workers*2)
	out := make(chan *planBatch, 64)
	var wg sync.WaitGroup
	var (
		entriesMu sync.Mutex
		entries   [5][][]kv // per index, per batch
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range in {
				preparePlanBatch(b, by, now, clientSeq, users, archived)
				if b.err != nil {
					failed.Store(true)
				}
				entriesMu.Lock()
				for i := range b.entries {
					entries[i] = append(entries[i], b.entries[i])
					b.entries[i] = nil
				}
				entriesMu.Unlock()
				out <- b
			}
		}()
	}

	var (
		writeErr  error
		open      int
		held      int
		writeDone = make(chan struct{})
	)
	go func() {
		defer close(writeDone)
		waiting := map[int]*planBatch{}
		next := 0
		var tx *bolt.Tx
		inTx := 0
		fail := func(err error) {
			if writeErr == nil {
				writeErr = err
				failed.Store(true)
			}
		}
		for b := range out {
			if b.err != nil {
				fail(b.err)
			}
			waiting[b.seq] = b
			for writeErr == nil {
				b, ok := waiting[next]
				if !ok {
					break
				}
				delete(waiting, next)
				next++
				if tx == nil {
					var err error
					if tx, err = db.bolt.Begin(true); err != nil {
						fail(err)
						break
					}
				}
				// Both buckets are appended in id order: full pages.
				pb, ib := tx.Bucket(bucketPlan), tx.Bucket(bucketInteractions)
				pb.FillPercent, ib.FillPercent = 1.0, 1.0
				for i, rec := range b.recs {
					bk := pb
					if i >= b.nItems {
						bk = ib
					}
					if err := bk.Put(b.ids[i], rec); err != nil {
						fail(err)
						break
					}
				}
				open += b.open
				held += b.held
				if inTx += len(b.recs); inTx >= planBulkTx {
					if err := tx.Commit(); err != nil {
						fail(err)
					}
					tx, inTx = nil, 0
				}
			}
		}
		if tx != nil {
			if writeErr == nil {
				if err := tx.Commit(); err != nil {
					fail(err)
				}
			} else {
				_ = tx.Rollback()
			}
		}
	}()

	seq := 0
	cur := &planBatch{}
	genErr := gen(func(p model.PlanItem, ixs []model.Interaction) error {
		if failed.Load() {
			return errPlanBulkStopped
		}
		itemSeq++
		p.ID = model.ID(itemSeq)
		cp := make([]model.Interaction, len(ixs))
		for i, ix := range ixs {
			ixSeq++
			ix.ID, ix.PlanItem = model.ID(ixSeq), p.ID
			cp[i] = ix
		}
		items++
		interactions += len(ixs)
		cur.items = append(cur.items, p)
		cur.ixs = append(cur.ixs, cp)
		if len(cur.items) == planBulkBatch {
			cur.seq = seq
			seq++
			in <- cur
			cur = &planBatch{}
		}
		return nil
	})
	if len(cur.items) > 0 && genErr == nil {
		cur.seq = seq
		in <- cur
	}
	close(in)
	wg.Wait()
	close(out)
	trace("records prepared")
	<-writeDone
	trace("records written")
	if errors.Is(genErr, errPlanBulkStopped) {
		genErr = nil
	}
	undo := func(cause error) (int, int, error) {
		return 0, 0, db.planBulkUndo(cause, startItem, startIx)
	}
	if err := cmp.Or(writeErr, genErr); err != nil {
		return undo(err)
	}

	// The index entries, sorted on both cores while the previous index is
	// written.
	sorted := make([]chan []kv, len(planIndexes))
	sem := make(chan struct{}, workers)
	for i := range planIndexes {
		sorted[i] = make(chan []kv, 1)
		go func(i int) {
			sem <- struct{}{}
			defer func() { <-sem }()
			n := 0
			for _, run := range entries[i] {
				n += len(run)
			}
			all := make([]kv, 0, n)
			for _, run := range entries[i] {
				all = append(all, run...)
			}
			entries[i] = nil
			slices.SortFunc(all, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
			sorted[i] <- all
		}(i)
	}
	for i, name := range planIndexes {
		all := <-sorted[i]
		trace(string(name) + " sorted")
		for len(all) > 0 {
			chunk := all[:min(len(all), planBulkIdxTx)]
			all = all[len(chunk):]
			err := db.bolt.Update(func(tx *bolt.Tx) error {
				bk := tx.Bucket(name)
				if emptyIdx[i] {
					bk.FillPercent = 1.0 // appended in key order to an empty bucket
				}
				for _, e := range chunk {
					if err := bk.Put(e.k, e.v); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil { // the other sorters end on their buffered channels
				return undo(err)
			}
		}
	}

	trace("indexes written")
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketPlan).SetSequence(itemSeq); err != nil {
			return err
		}
		if err := tx.Bucket(bucketInteractions).SetSequence(ixSeq); err != nil {
			return err
		}
		if err := addCounter(tx, keyPlanOpen, int64(open)); err != nil {
			return err
		}
		if err := addCounter(tx, keyPlanHeld, int64(held)); err != nil {
			return err
		}
		if err := addCounter(tx, keyInteractions, int64(interactions)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Delete(keyPlanBulk); err != nil {
			return err
		}
		return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "plan", Action: "bulk_load",
			Reason: model.T("storeviews.bulk_load", items, interactions)})
	})
	if err != nil {
		return undo(err)
	}
	return items, interactions, nil
}

// preparePlanBatch checks, stamps and encodes a batch's items and
// interactions and makes their index entries.
func preparePlanBatch(b *planBatch, by string, now time.Time, clientSeq uint64, users map[string]bool, archived map[model.ID]bool) {
	b.nItems = len(b.items)
	for _, ixs := range b.ixs {
		b.nIxs += len(ixs)
	}
	b.ids = make([][]byte, 0, b.nItems+b.nIxs)
	b.recs = make([][]byte, 0, b.nItems+b.nIxs)
	for i := range b.entries {
		b.entries[i] = make([]kv, 0, b.nItems)
	}
	b.entries[4] = make([]kv, 0, b.nIxs)
	var ixRecs, ixIDs [][]byte
	for n := range b.items {
		p := &b.items[n]
		if err := b.checkItem(p, by, now, clientSeq, users, archived); err != nil {
			b.err = err
			return
		}
		rec, err := encode(p)
		if err != nil {
			b.err = err
			return
		}
		b.ids = append(b.ids, itob(uint64(p.ID)))
		b.recs = append(b.recs, rec)
		if p.Open() {
			b.open++
			b.entries[2] = append(b.entries[2], kv{k: planDueKey(p)})
			if p.Kind == model.PlanCall {
				b.entries[0] = append(b.entries[0], kv{k: planQueueKey(p), v: []byte(p.HeldBy)})
				if p.HeldBy != "" {
					b.held++
				}
			}
		}
		b.entries[1] = append(b.entries[1], kv{k: planUserKey(p), v: planUserValue(p)})
		b.entries[3] = append(b.entries[3], kv{k: planClientKey(p.Client, p.ID)})
		for j := range b.ixs[n] {
			ix := &b.ixs[n][j]
			if err := checkInteraction(p, ix, by); err != nil {
				b.err = err
				return
			}
			rec, err := encode(ix)
			if err != nil {
				b.err = err
				return
			}
			ixIDs = append(ixIDs, itob(uint64(ix.ID)))
			ixRecs = append(ixRecs, rec)
			b.entries[4] = append(b.entries[4], kv{k: ixClientKey(ix)})
		}
	}
	// Items first, then interactions: each bucket is appended in id order.
	b.ids = append(b.ids, ixIDs...)
	b.recs = append(b.recs, ixRecs...)
	b.items, b.ixs = nil, nil
}

// checkItem is what the store relies on of a loaded item, and the model's rules.
func (b *planBatch) checkItem(p *model.PlanItem, by string, now time.Time, clientSeq uint64, users map[string]bool, archived map[model.ID]bool) error {
	bad := func(why string) error {
		return fmt.Errorf("store: %s", model.T("storeviews.bad_item", uint64(p.ID), p.Assignee, uint64(p.Client), why))
	}
	switch {
	case p.Client == 0 || uint64(p.Client) > clientSeq:
		return bad(model.T("storeviews.no_client", uint64(p.Client)))
	case p.Assignee != "" && !users[p.Assignee]:
		return bad(model.T("storeviews.no_user", p.Assignee))
	case !slices.Contains(model.PlanKinds, p.Kind):
		return bad(model.T("storeviews.bad_field", "kind", string(p.Kind)))
	case !slices.Contains(model.PlanStatuses, p.Status):
		return bad(model.T("storeviews.bad_field", "status", string(p.Status)))
	case !slices.Contains(model.Origins, p.Origin):
		return bad(model.T("storeviews.bad_field", "origin", string(p.Origin)))
	case p.Due.IsZero():
		return bad(model.T("storeviews.bad_field", "due", ""))
	case p.Open() && archived[p.Client]:
		return bad(model.T("storeviews.client_archived", uint64(p.Client)))
	}
	if p.Version == 0 {
		p.Version = 1
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = p.Due
	}
	if p.CreatedBy == "" {
		p.CreatedBy = by
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt, p.UpdatedBy = p.CreatedAt, p.CreatedBy
	}
	if err := model.ValidatePlanItem(*p, now, false); err != nil {
		var ve *model.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) > 0 {
			return bad(err.Error())
		}
	}
	return nil
}

// checkInteraction stamps an item's interaction and checks what the indexes need.
func checkInteraction(p *model.PlanItem, ix *model.Interaction, by string) error {
	if ix.At.IsZero() || ix.Client != p.Client || ix.User == "" {
		return fmt.Errorf("store: %s", model.T("storeviews.bad_ix", uint64(p.ID),
			fmt.Sprintf("at %v, client %d, user %q", ix.At, ix.Client, ix.User)))
	}
	ix.OffPlan = p.Origin == model.OriginOffPlan
	if ix.Version == 0 {
		ix.Version = 1
	}
	if ix.CreatedAt.IsZero() {
		ix.CreatedAt, ix.CreatedBy = ix.At, ix.User
	}
	if ix.CreatedBy == "" {
		ix.CreatedBy = by
	}
	if ix.UpdatedAt.IsZero() {
		ix.UpdatedAt, ix.UpdatedBy = ix.CreatedAt, ix.CreatedBy
	}
	return nil
}

// planBulkUndo removes what a failed plan load wrote: the records after the
// sequences it started from and their index entries.
func (db *DB) planBulkUndo(cause error, startItem, startIx uint64) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		drop := func(name []byte, stale func(k []byte) bool) error {
			bk := tx.Bucket(name)
			var keys [][]byte
			c := bk.Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				if stale(k) {
					keys = append(keys, bytes.Clone(k))
				}
			}
			for _, k := range keys {
				if err := bk.Delete(k); err != nil {
					return err
				}
			}
			return nil
		}
		after := func(start uint64) func(k []byte) bool {
			return func(k []byte) bool { return len(k) >= 8 && btoi(k[len(k)-8:]) > start }
		}
		for _, name := range [][]byte{bucketPlan, bucketPlanQueue, bucketPlanUser, bucketPlanDue, bucketPlanClient} {
			if err := drop(name, after(startItem)); err != nil {
				return err
			}
		}
		for _, name := range [][]byte{bucketInteractions, bucketIxClient} {
			if err := drop(name, after(startIx)); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketPlan).SetSequence(startItem); err != nil {
			return err
		}
		if err := tx.Bucket(bucketInteractions).SetSequence(startIx); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Delete(keyPlanBulk)
	})
	if err != nil {
		return fmt.Errorf("%w (and removing the half-loaded plan failed: %v)", cause, err)
	}
	return cause
}

// clearInterruptedPlanBulk removes what a plan load cut short by a crash
// wrote (its mark plan_bulk is still there): records and index entries
// after the sequences it started from. They were never acknowledged, the
// counters never counted them, and a new item would take their ids.
func (db *DB) clearInterruptedPlanBulk() error {
	if db.ro {
		return nil
	}
	var mark []byte
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketMeta); b != nil {
			mark = bytes.Clone(b.Get(keyPlanBulk))
		}
		return nil
	})
	if mark == nil {
		return nil
	}
	if len(mark) != 16 {
		return fmt.Errorf("store: the mark of an interrupted plan load is %d bytes, not 16", len(mark))
	}
	if err := db.planBulkUndo(errPlanBulkStopped, btoi(mark[:8]), btoi(mark[8:])); err != errPlanBulkStopped {
		return err
	}
	return nil
}
