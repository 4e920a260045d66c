package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
	"clientbase/store/search"
)

// Index buckets a bulk load fills after the clients, in the order of bulkBatch.idx.
var bulkIndexBuckets = [][]byte{bucketClientName, bucketClientArchived, bucketClientTaxID, bucketClientPhone, bucketClientEmail, bucketClientSkeleton}

const (
	bulkBatchSize  = 2048
	bulkTxBatches  = 48        // client batches per write transaction
	bulkTxIndexPut = 1_000_000 // index entries per write transaction: fewer, larger commits are faster
)

// kv is one bucket entry; pfx is the key's first 8 bytes as a number, so
// most comparisons in the sort are one integer compare.
type kv struct {
	pfx  uint64
	k, v []byte
}

func newKV(k, v []byte) kv {
	var p [8]byte
	copy(p[:], k)
	return kv{pfx: binary.BigEndian.Uint64(p[:]), k: k, v: v}
}

func cmpKV(a, b kv) int {
	if a.pfx != b.pfx {
		if a.pfx < b.pfx {
			return -1
		}
		return 1
	}
	return bytes.Compare(a.k, b.k)
}

// bulkBatch is a run of clients made ready for the buckets by one worker.
type bulkBatch struct {
	seq     int // order of the batch: the clients bucket is written in id order
	clients []model.Client
	records []kv    // clients bucket entries
	idx     [6][]kv // per bulkIndexBuckets
	live    int
	arch    int
	err     error
}

// bulkTrace prints the phases of a bulk load (CLIENTBASE_BULK_TRACE=1).
var bulkTrace = os.Getenv("CLIENTBASE_BULK_TRACE") != ""

// BulkLoad fills a database without clients with users (those not there
// yet) and the clients the generator emits, far faster than saving them one
// by one: clients are prepared, encoded and keyed in parallel; records are
// appended in id order while the generator runs; each index is sorted and
// appended in key order. Pages are filled to the brim (FillPercent 1.0), a
// few large transactions. One audit entry records the load; a client's
// history starts with its next change. Clients with ID 0 get the next ids;
// ids given must ascend. A built search index is dropped:
// call BuildIndex afterwards.
func BulkLoad(db *DB, users []model.User, clients func(emit func(model.Client) error) error) (int, error) {
	if db.ro {
		return 0, db.readOnlyErr()
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	db.waitIndexed()
	st, err := db.Stats()
	if err != nil {
		return 0, err
	}
	if n := st.Clients + st.Archived; n > 0 {
		return 0, model.Sentencef(model.ErrConflict, "store.not_empty_bulk", db.path, n)
	}
	by := "bulk"
	for _, u := range users {
		if u.Role == model.RoleDirector {
			by = u.Name
			break
		}
	}
	if err := db.bulkUsers(users, by); err != nil {
		return 0, err
	}
	now := db.now()
	t0 := time.Now()
	trace := func(what string) {
		if bulkTrace {
			fmt.Fprintf(os.Stderr, "bulk: %-20s %v\n", what, time.Since(t0))
		}
	}

	var nextID uint64
	_ = db.bolt.View(func(tx *bolt.Tx) error { nextID = tx.Bucket(bucketClients).Sequence(); return nil })
	maxID, startSeq := nextID, nextID

	workers := runtime.GOMAXPROCS(0)
	in := make(chan *bulkBatch, workers*2)
	// A deep queue to the writer: its commits wait on the disk, and the
	// workers should not wait with it.
	out := make(chan *bulkBatch, 1024)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			zones := map[string]bool{}
			for b := range in {
				db.prepareBatch(b, by, now, zones)
				out <- b
			}
		}()
	}
	// The writer appends records in batch order while the generator runs.
	var (
		kept      []*bulkBatch // index entries wait for the sort
		writeErr  error
		writeDone = make(chan struct{})
	)
	go func() {
		defer close(writeDone)
		waiting := map[int]*bulkBatch{}
		next := 0
		var tx *bolt.Tx
		inTx := 0
		fail := func(err error) {
			if writeErr == nil {
				writeErr = err
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
					if tx, err = db.bolt.Begin(true); err != nil {
						fail(err)
						break
					}
				}
				bk := tx.Bucket(bucketClients)
				bk.FillPercent = 1.0 // appended in key order: full pages, no later splits
				for _, e := range b.records {
					if err := bk.Put(e.k, e.v); err != nil {
						fail(err)
						break
					}
				}
				b.records = nil
				kept = append(kept, b)
				if inTx++; inTx == bulkTxBatches {
					if err := tx.Commit(); err != nil {
						fail(err)
					}
					tx, inTx = nil, 0
				}
			}
		}
		if tx != nil {
			if writeErr == nil {
				fail(tx.Commit())
			} else {
				tx.Rollback()
			}
		}
	}()

	seq := 0
	cur := &bulkBatch{clients: make([]model.Client, 0, bulkBatchSize)}
	genErr := clients(func(c model.Client) error {
		switch {
		case c.ID == 0:
			nextID++
			c.ID = model.ID(nextID)
		case uint64(c.ID) > nextID:
			nextID = uint64(c.ID)
		default: // a repeated id would leave index entries without their record
			return fmt.Errorf("store: bulk load: client id %d after %d; ids must ascend", c.ID, nextID)
		}
		maxID = max(maxID, uint64(c.ID))
		cur.clients = append(cur.clients, c)
		if len(cur.clients) == bulkBatchSize {
			cur.seq = seq
			seq++
			in <- cur
			cur = &bulkBatch{clients: make([]model.Client, 0, bulkBatchSize)}
		}
		return nil
	})
	if len(cur.clients) > 0 && genErr == nil {
		cur.seq = seq
		in <- cur
	}
	close(in)
	wg.Wait()
	close(out)
	<-writeDone
	trace("records written")
	if err := cmp.Or(genErr, writeErr); err != nil {
		return 0, db.bulkUndo(err, startSeq)
	}
	live, arch := 0, 0
	for _, b := range kept {
		live += b.live
		arch += b.arch
	}

	// Each index sorted on its own core, written as soon as it is sorted.
	sorted := make([]chan []kv, len(bulkIndexBuckets))
	for i := range bulkIndexBuckets {
		sorted[i] = make(chan []kv, 1)
		go func() {
			n := 0
			for _, b := range kept {
				n += len(b.idx[i])
			}
			all := make([]kv, 0, n)
			for _, b := range kept {
				all = append(all, b.idx[i]...)
				b.idx[i] = nil
			}
			slices.SortFunc(all, cmpKV)
			sorted[i] <- all
		}()
	}
	for i, name := range bulkIndexBuckets {
		all := <-sorted[i]
		for len(all) > 0 {
			chunk := all[:min(len(all), bulkTxIndexPut)]
			all = all[len(chunk):]
			err := db.bolt.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket(name)
				b.FillPercent = 1.0
				for _, e := range chunk {
					if err := b.Put(e.k, e.v); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return 0, db.bulkUndo(err, startSeq)
			}
		}
		trace(string(name))
	}
	kept = nil
	total := live + arch
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketClients).SetSequence(maxID); err != nil {
			return err
		}
		if err := addCounter(tx, keyClientsLive, int64(live)); err != nil {
			return err
		}
		if err := addCounter(tx, keyClientsArchived, int64(arch)); err != nil {
			return err
		}
		return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "client", Action: "bulk_load", Reason: model.T("store.bulk_load", total)})
	})
	if err != nil {
		return 0, err
	}
	if err := db.loadCaches(); err != nil {
		return 0, err
	}
	db.dropIndex()
	trace("done")
	return total, nil
}

// bulkUndo empties what a failed load filled (the client buckets were
// empty when it began) and returns the load's error.
func (db *DB) bulkUndo(cause error, seq uint64) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for _, name := range append([][]byte{bucketClients}, bulkIndexBuckets...) {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketClients).SetSequence(seq)
	})
	if err != nil {
		return fmt.Errorf("%w (and emptying the half-loaded clients failed: %v)", cause, err)
	}
	return cause
}

// bulkUsers adds the users not in the database yet, audited one by one.
func (db *DB) bulkUsers(users []model.User, by string) error {
	var added []model.User
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for _, u := range users {
			if tx.Bucket(bucketUserName).Get([]byte(u.Name)) != nil {
				continue
			}
			u.ID, u.Version = 0, 0
			if err := db.putUser(tx, nil, &u, by, ""); err != nil {
				return err
			}
			added = append(added, u)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, u := range added {
		db.cacheUser(u, "")
	}
	return nil
}

// prepareBatch validates, stamps, encodes and keys a batch of clients. Keys
// and values of one batch share arenas to spare the allocator. zones caches
// time-zone checks: model's check loads the zone file every time.
func (db *DB) prepareBatch(b *bulkBatch, by string, now time.Time, zones map[string]bool) {
	arena := make([]byte, 0, 1<<20)
	keep := func(p []byte) []byte {
		if p == nil {
			return nil
		}
		if cap(arena)-len(arena) < len(p) {
			arena = make([]byte, 0, max(1<<20, len(p)))
		}
		start := len(arena)
		arena = append(arena, p...)
		return arena[start:len(arena):len(arena)]
	}
	put := func(i int, k, v []byte) {
		b.idx[i] = append(b.idx[i], newKV(keep(k), keep(v)))
	}
	var key, record []byte
	b.records = make([]kv, 0, len(b.clients))
	for i := range b.clients {
		c := &b.clients[i]
		tz := strings.TrimSpace(c.TimeZone)
		valid, seen := zones[tz]
		if !seen {
			valid = model.ValidateTimeZone(tz) == nil
			zones[tz] = valid
		}
		skipZone := valid && tz != "" // PrepareClient may fill an empty zone itself
		if skipZone {
			c.TimeZone = ""
		}
		ve := model.PrepareClient(c)
		if skipZone {
			c.TimeZone = tz
		}
		if ve != nil && len(ve.Fields) > 0 {
			b.err = fmt.Errorf("store: bulk load: client %d %q: %w", c.ID, c.ShortName, ve)
			return
		}
		if c.Version == 0 {
			c.Version = 1
		}
		if c.CreatedAt.IsZero() {
			c.CreatedAt, c.CreatedBy = now, by
		}
		if c.UpdatedAt.IsZero() {
			c.UpdatedAt, c.UpdatedBy = c.CreatedAt, c.CreatedBy
		}
		var err error
		if record, err = appendClientJSON(record[:0], c); err != nil {
			b.err = err
			return
		}
		id := uint64(c.ID)
		idKey := keep(itob(id))
		b.records = append(b.records, kv{k: idKey, v: keep(record)})
		put(0, nameIndexKey(c.ShortName, id), search.ClientBlob(c, db.managerID(c.Manager)))
		if c.Archived {
			put(1, idKey, nil)
			b.arch++
		} else {
			b.live++
		}
		for j, vals := range indexValues(c) {
			for _, val := range vals {
				key = append(append(append(key[:0], val...), 0), idKey...)
				put(2+j, key, nil)
			}
		}
	}
	b.clients = nil
}
