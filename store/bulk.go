package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
	"clientbase/store/search"
)

const (
	bulkBatchSize = 2048
	// bulkTxClients: records per write transaction. bbolt appends fastest in
	// commits of ~20,000 large values (measured: 1M 600-byte values take
	// 1.3 s in 20,000s, 2.0 s in 100,000s, 10.8 s in one transaction).
	bulkTxClients = 20_000
	// bulkTxNames: name-index entries (~150 bytes each) per transaction;
	// smaller commits keep bbolt's in-memory leaf short (measured best).
	bulkTxNames = 20_000
	// recordArena is the size of a batch's record arena (records ~0.7 KB).
	recordArena = bulkBatchSize * 1024
	// bulkLateEvery: one batch in bulkLateEvery has its search blobs made
	// while the name index is written (from the records), when the writer
	// keeps one core busy and the other would idle; the workers are spared
	// that share of the costliest step.
	bulkLateEvery = 6
	// gcPercentBulk is GOGC while a bulk load runs.
	gcPercentBulk = 400
)

// BulkOptions tune BulkLoadWith.
type BulkOptions struct {
	// Prepared says the clients come normalised and valid (as the demo
	// generator makes them), so model.PrepareClient is skipped; the load
	// still checks what the store itself relies on: a short name, ascending ids.
	Prepared bool
}

// nameEntry is one idx_client_name entry; pfx is the key's first 8 bytes as
// a number, so most comparisons in the sort are one integer compare.
type nameEntry struct {
	pfx  uint64
	k, v []byte
	// late: v is still the client's record; mergeNames puts the blob there
	late bool
}

func cmpNames(a, b nameEntry) int {
	if a.pfx != b.pfx {
		return cmp.Compare(a.pfx, b.pfx)
	}
	return bytes.Compare(a.k, b.k)
}

// bulkBatch is a run of clients made ready for the buckets by one worker.
type bulkBatch struct {
	seq      int  // order of the batch: the clients bucket is written in id order
	late     bool // the search blobs are made later (bulkLateEvery)
	clients  []model.Client
	ids      []byte   // 8-byte keys of the records, back to back
	records  [][]byte // encoded records, in arena
	arena    []byte   // the records' memory, recycled after their commit
	names    []nameEntry
	archived []uint64
	exts     []extEntry // idx_client_ext entries of the clients with a code
	err      error
}

// extEntry is one idx_client_ext entry of a bulk load.
type extEntry struct {
	key  []byte
	id   uint64
	code string
}

// bulkTrace prints the phases of a bulk load (CLIENTBASE_BULK_TRACE=1).
var bulkTrace = os.Getenv("CLIENTBASE_BULK_TRACE") != ""

var errBulkStopped = errors.New("store: bulk load stopped")

// BulkLoad is BulkLoadWith for clients that still need model.PrepareClient
// (an import): each is normalised and validated.
func BulkLoad(db *DB, users []model.User, clients func(emit func(model.Client) error) error) (int, error) {
	return BulkLoadWith(db, users, BulkOptions{}, clients)
}

// BulkLoadWith fills a database without clients with users (those not there
// yet) and the clients the generator emits, far faster than saving them one
// by one. Workers prepare, encode and key batches of clients in parallel
// (each batch's name entries sorted) while one writer appends the records
// in id order, ~20,000 per transaction; then one goroutine merges the
// sorted runs (making the search blobs of every sixth batch from its
// records) while the writer appends the name index in key order. Pages are
// filled to the brim (FillPercent 1.0).
// One audit entry records the load; a client's history starts with its next
// change. Clients with ID 0 get the next ids; ids given must ascend. A built
// search index is dropped: call BuildIndex afterwards. A load cut short by a
// crash is never acknowledged; the next writable Open clears what it wrote.
func BulkLoadWith(db *DB, users []model.User, opts BulkOptions, clients func(emit func(model.Client) error) error) (int, error) {
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
	// While clients are keyed, the garbage is short-lived and the live heap
	// (name keys and blobs) grows: fewer collections save ~0.5 s of 2 cores
	// per million. The name-index phase runs faster with the usual setting.
	gcBefore := debug.SetGCPercent(gcPercentBulk)
	gcRestored := false
	restoreGC := func() {
		if !gcRestored {
			debug.SetGCPercent(gcBefore)
			gcRestored = true
		}
	}
	defer restoreGC()
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

	var failed atomic.Bool // tells the generator to stop early
	workers := runtime.GOMAXPROCS(0)
	in := make(chan *bulkBatch, workers*2)
	// A deep queue to the writer: its commits wait on the disk, and the
	// workers should not wait with it.
	out := make(chan *bulkBatch, 1024)
	// Record arenas come back after their commit: a million records would
	// otherwise be 1.4 GB of garbage.
	arenas := make(chan []byte, 64)
	var (
		namesMu sync.Mutex
		names   [][]nameEntry // per batch, for the sort
	)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := db.newBulkPreparer(by, now, opts)
			for b := range in {
				b.late = b.seq%bulkLateEvery == bulkLateEvery-1
				select {
				case b.arena = <-arenas:
				default:
					b.arena = make([]byte, 0, recordArena)
				}
				p.prepare(b)
				if b.err != nil {
					failed.Store(true)
				}
				namesMu.Lock()
				names = append(names, b.names)
				namesMu.Unlock()
				b.names = nil
				out <- b
			}
		}()
	}

	// The writer appends records in batch order while the generator runs.
	var (
		writeErr           error
		archived           []uint64
		exts               []extEntry
		clientsN, archives int
		writeDone          = make(chan struct{})
	)
	go func() {
		defer close(writeDone)
		waiting := map[int]*bulkBatch{}
		next := 0
		var tx *bolt.Tx
		var committed []*bulkBatch // whose arenas the open transaction still uses
		inTx := 0
		fail := func(err error) {
			if writeErr == nil {
				writeErr = err
				failed.Store(true)
			}
		}
		commit := func() {
			if err := tx.Commit(); err != nil {
				fail(err)
			}
			tx, inTx = nil, 0
			for _, b := range committed {
				if b.late { // its records are read again for the blobs
					b.arena = nil
					continue
				}
				select {
				case arenas <- b.arena[:0]:
				default:
				}
				b.arena = nil
			}
			committed = committed[:0]
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
				for i, rec := range b.records {
					if err := bk.Put(b.ids[8*i:8*i+8:8*i+8], rec); err != nil {
						fail(err)
						break
					}
				}
				clientsN += len(b.records)
				archives += len(b.archived)
				archived = append(archived, b.archived...)
				exts = append(exts, b.exts...)
				b.exts = nil
				b.records = nil
				committed = append(committed, b)
				if inTx += len(b.ids) / 8; inTx >= bulkTxClients {
					commit()
				}
			}
		}
		if tx != nil {
			if writeErr == nil {
				commit()
			} else {
				_ = tx.Rollback()
			}
		}
	}()

	seq := 0
	cur := &bulkBatch{clients: make([]model.Client, 0, bulkBatchSize)}
	genErr := clients(func(c model.Client) error {
		if failed.Load() {
			return errBulkStopped
		}
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
	restoreGC()
	trace("clients keyed")

	// Each worker sorted its batches' names; one goroutine merges the runs
	// while the writer catches up and then appends the merged entries, so
	// merging and writing run on both cores.
	stopMerge := make(chan struct{})
	defer close(stopMerge)
	merged := make(chan []nameEntry, 32)
	var mergeErr error
	if genErr == nil && !failed.Load() {
		late := db.newBulkPreparer(by, now, opts)
		go func(runs [][]nameEntry) {
			mergeErr = mergeNames(runs, merged, stopMerge, late.blobOfRecord)
			close(merged) // after mergeErr is set: bulkNames returning means it may be read
		}(names)
	} else {
		close(merged)
	}
	names = nil
	<-writeDone
	trace("records written")
	if errors.Is(genErr, errBulkStopped) {
		genErr = nil // the writer's or a worker's error says why
	}
	if err := cmp.Or(writeErr, genErr); err != nil {
		return 0, db.bulkUndo(err, startSeq)
	}
	if err := db.bulkNames(merged); err != nil {
		return 0, db.bulkUndo(err, startSeq)
	}
	if mergeErr != nil { // read after merged was closed
		return 0, db.bulkUndo(mergeErr, startSeq)
	}
	trace("names written")
	if err := db.bulkExts(exts); err != nil {
		return 0, db.bulkUndo(err, startSeq)
	}
	exts = nil
	live := clientsN - archives
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		arch := tx.Bucket(bucketClientArchived)
		arch.FillPercent = 1.0
		for _, id := range archived { // ascending: batches were written in order
			if err := arch.Put(itob(id), nil); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketClients).SetSequence(maxID); err != nil {
			return err
		}
		if err := addCounter(tx, keyClientsLive, int64(live)); err != nil {
			return err
		}
		if err := addCounter(tx, keyClientsArchived, int64(archives)); err != nil {
			return err
		}
		return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "client", Action: "bulk_load", Reason: model.T("store.bulk_load", clientsN)})
	})
	if err != nil {
		return 0, db.bulkUndo(err, startSeq)
	}
	if err := db.loadCaches(); err != nil {
		return 0, err
	}
	db.dropIndex()
	forgetTaxIndex(db.bolt)
	trace("done")
	return clientsN, nil
}

// bulkNames appends the merged name-index entries in key order,
// bulkTxNames per transaction.
func (db *DB) bulkNames(merged <-chan []nameEntry) error {
	var chunk []nameEntry
	more := true
	for more {
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			bk := tx.Bucket(bucketClientName)
			bk.FillPercent = 1.0
			for n := 0; n < bulkTxNames; {
				if len(chunk) == 0 {
					if chunk, more = <-merged; !more {
						return nil
					}
				}
				take := chunk[:min(len(chunk), bulkTxNames-n)]
				chunk = chunk[len(take):]
				n += len(take)
				for _, e := range take {
					if err := bk.Put(e.k, e.v); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// mergeNames merges sorted runs into chunks on out, smallest first, until
// the runs are spent or stop is closed; late entries
// get their blob from blob. The heap holds each run's next entry.
func mergeNames(runs [][]nameEntry, out chan<- []nameEntry, stop <-chan struct{}, blob func(record []byte) ([]byte, error)) error {
	heap := make([][]nameEntry, 0, len(runs))
	for _, r := range runs {
		if len(r) > 0 {
			heap = append(heap, r)
		}
	}
	less := func(i, j int) bool { return cmpNames(heap[i][0], heap[j][0]) < 0 }
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(heap) {
				return
			}
			m := l
			if r := l + 1; r < len(heap) && less(r, l) {
				m = r
			}
			if !less(m, i) {
				return
			}
			heap[i], heap[m] = heap[m], heap[i]
			i = m
		}
	}
	for i := len(heap)/2 - 1; i >= 0; i-- {
		down(i)
	}
	const chunkSize = 8192
	chunk := make([]nameEntry, 0, chunkSize)
	for len(heap) > 0 {
		e := heap[0][0]
		if e.late {
			var err error
			if e.v, err = blob(e.v); err != nil {
				return err
			}
			e.late = false
		}
		chunk = append(chunk, e)
		if heap[0] = heap[0][1:]; len(heap[0]) == 0 {
			heap[0] = heap[len(heap)-1]
			heap = heap[:len(heap)-1]
		}
		down(0)
		if len(chunk) == chunkSize {
			select {
			case out <- chunk:
			case <-stop:
				return nil
			}
			chunk = make([]nameEntry, 0, chunkSize)
		}
	}
	if len(chunk) > 0 {
		select {
		case out <- chunk:
		case <-stop:
		}
	}
	return nil
}

// bulkUndo empties what a failed load filled (the client buckets were
// empty when it began) and returns the load's error.
func (db *DB) bulkUndo(cause error, seq uint64) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketClients, bucketClientName, bucketClientArchived, bucketClientExt} {
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

// clearInterruptedBulk empties the client buckets when they hold entries
// the counters do not count: only a bulk load stopped before its last
// commit (which writes the counters) leaves that, and its clients were never
// acknowledged. Left alone, the next new client would take id 1 over them.
func (db *DB) clearInterruptedBulk() error {
	if db.ro {
		return nil
	}
	stray := false
	var seq uint64
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		if counter(tx, keyClientsLive)+counter(tx, keyClientsArchived) > 0 {
			return nil
		}
		for _, name := range [][]byte{bucketClients, bucketClientName, bucketClientArchived, bucketClientExt} {
			if k, _ := tx.Bucket(name).Cursor().First(); k != nil {
				stray = true
			}
		}
		seq = tx.Bucket(bucketClients).Sequence()
		return nil
	})
	if !stray {
		return nil
	}
	if err := db.bulkUndo(errBulkStopped, seq); err != errBulkStopped {
		return err
	}
	return nil
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

// bulkPreparer is one worker's state: caches of time-zone checks (model's
// check loads the zone file every time) and manager ids.
type bulkPreparer struct {
	db       *DB
	by       string
	now      time.Time
	prepared bool
	zones    map[string]bool
	managers map[string]uint32
}

func (db *DB) newBulkPreparer(by string, now time.Time, opts BulkOptions) *bulkPreparer {
	return &bulkPreparer{db: db, by: by, now: now, prepared: opts.Prepared, zones: map[string]bool{}, managers: map[string]uint32{}}
}

// prepare validates (unless prepared), stamps, encodes and keys a batch.
// Records go to the batch's arena; name keys share arenas of their own,
// kept until the name index is written.
func (p *bulkPreparer) prepare(b *bulkBatch) {
	keys := make([]byte, 0, len(b.clients)*64)
	b.ids = make([]byte, 0, 8*len(b.clients))
	b.records = make([][]byte, 0, len(b.clients))
	b.names = make([]nameEntry, 0, len(b.clients))
	for i := range b.clients {
		c := &b.clients[i]
		if p.prepared {
			if strings.TrimSpace(c.ShortName) == "" {
				b.err = fmt.Errorf("store: bulk load: client %d has no name", c.ID)
				return
			}
		} else if err := p.validate(c); err != nil {
			b.err = err
			return
		}
		if c.Version == 0 {
			c.Version = 1
		}
		if c.CreatedAt.IsZero() {
			c.CreatedAt, c.CreatedBy = p.now, p.by
		}
		if c.UpdatedAt.IsZero() {
			c.UpdatedAt, c.UpdatedBy = c.CreatedAt, c.CreatedBy
		}
		id := uint64(c.ID)
		start := len(b.arena)
		var err error
		if b.arena, err = appendClientRecord(b.arena, c); err != nil {
			b.err = err
			return
		}
		b.records = append(b.records, b.arena[start:len(b.arena):len(b.arena)])
		b.ids = binary.BigEndian.AppendUint64(b.ids, id)

		if cap(keys)-len(keys) < 4*len(c.ShortName)+16 { // room for the key, not to be moved
			keys = make([]byte, 0, max(4*len(c.ShortName)+16, (len(b.clients)-i)*64))
		}
		ks := len(keys)
		keys = appendNameIndexKey(keys, c.ShortName, id)
		k := keys[ks:len(keys):len(keys)]
		var pfx [8]byte
		copy(pfx[:], k)
		e := nameEntry{pfx: binary.BigEndian.Uint64(pfx[:]), k: k}
		if b.late {
			e.v, e.late = b.records[len(b.records)-1], true
		} else {
			e.v = search.ClientBlob(c, p.managerID(c.Manager))
		}
		b.names = append(b.names, e)
		if c.Archived {
			b.archived = append(b.archived, id)
		}
		if k := extKey(c.External); k != nil {
			b.exts = append(b.exts, extEntry{key: k, id: id, code: c.External})
		}
	}
	b.clients = nil
	slices.SortFunc(b.names, cmpNames) // a run for mergeNames
}

// blobOfRecord is the search blob of an encoded client (a late entry).
func (p *bulkPreparer) blobOfRecord(record []byte) ([]byte, error) {
	var c model.Client
	if err := decode(record, &c); err != nil {
		return nil, err
	}
	return search.ClientBlob(&c, p.managerID(c.Manager)), nil
}

func (p *bulkPreparer) managerID(name string) uint32 {
	id, ok := p.managers[name]
	if !ok {
		id = p.db.managerID(name)
		p.managers[name] = id
	}
	return id
}

// validate is model.PrepareClient with the time-zone check cached.
func (p *bulkPreparer) validate(c *model.Client) error {
	tz := strings.TrimSpace(c.TimeZone)
	valid, seen := p.zones[tz]
	if !seen {
		valid = model.ValidateTimeZone(tz) == nil
		p.zones[tz] = valid
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
		return fmt.Errorf("store: bulk load: client %d %q: %w", c.ID, c.ShortName, ve)
	}
	return nil
}

// bulkExts writes the loaded clients' external codes in key order,
// bulkTxNames per transaction; a code two clients claim fails the load
// with the sentence a save gives.
func (db *DB) bulkExts(exts []extEntry) error {
	slices.SortFunc(exts, func(a, b extEntry) int { return bytes.Compare(a.key, b.key) })
	for i := 1; i < len(exts); i++ {
		if bytes.Equal(exts[i].key, exts[i-1].key) {
			ve := &model.ValidationError{}
			ve.Add("external", model.T("store.external_taken", strings.TrimSpace(exts[i].code)))
			return ve
		}
	}
	for len(exts) > 0 {
		chunk := exts[:min(len(exts), bulkTxNames)]
		exts = exts[len(chunk):]
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketClientExt)
			b.FillPercent = 1.0
			for _, e := range chunk {
				if err := b.Put(e.key, itob(e.id)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
