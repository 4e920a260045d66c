package store

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
	"clientbase/store/search"
)

// cacheKey names one list query: the filter and the index generation it
// was answered at (every saved change starts a new generation).
type cacheKey struct {
	f   model.ClientFilter
	mid uint32
	gen uint64
}

// BuildIndex builds the resident search index from idx_client_name in one
// read transaction, without holding up saves. If anything was saved
// meanwhile, it builds once more with saves held back (rare: only a save in
// the first fraction of a second after Open), because placing a change
// among entries of an older snapshot could put it out of order. main runs
// it in a goroutine right after Open; List answers unfiltered pages from
// the name index until it is ready.
func (db *DB) BuildIndex(ctx context.Context) error {
	db.idxMu.Lock()
	if db.idx.Load() != nil || db.building {
		db.idxMu.Unlock()
		return nil
	}
	db.building, db.pending = true, nil
	db.idxMu.Unlock()

	ix, err := db.buildFromNames(ctx)
	if err == nil {
		db.writeMu.Lock()
		defer db.writeMu.Unlock()
		db.waitIndexed() // every commit so far is now in pending or in the snapshot
	}
	db.idxMu.Lock()
	defer db.idxMu.Unlock()
	if err == nil && len(db.pending) > 0 {
		ix, err = db.buildFromNames(ctx)
	}
	db.building, db.pending = false, nil
	if err != nil {
		return err
	}
	db.idx.Store(ix)
	db.gen++
	db.cache = nil
	return nil
}

// buildFromNames hands idx_client_name to search.Build in name order.
func (db *DB) buildFromNames(ctx context.Context) (*search.Index, error) {
	var ix *search.Index
	err := db.bolt.View(func(tx *bolt.Tx) error {
		hint := int(counter(tx, keyClientsLive) + counter(tx, keyClientsArchived))
		cur := tx.Bucket(bucketClientName).Cursor()
		k, v := cur.First()
		n := 0
		stopped := false
		ix = search.Build(hint, func() (uint64, []byte, bool) {
			if k == nil || stopped {
				return 0, nil, false
			}
			if n++; n&4095 == 0 && ctx.Err() != nil {
				stopped = true
				return 0, nil, false
			}
			id, blob := compositeID(k), v
			k, v = cur.Next()
			return id, blob, true
		})
		return ctx.Err()
	})
	return ix, err
}

// readyIndex returns the search index with every committed change in it:
// it builds the index if nobody is, or waits for the build under way.
func (db *DB) readyIndex(ctx context.Context) (*search.Index, error) {
	for {
		if ix := db.idx.Load(); ix != nil {
			db.waitIndexed()
			return ix, nil
		}
		if err := db.BuildIndex(ctx); err != nil {
			return nil, err
		}
		if db.idx.Load() == nil { // another goroutine is building it
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(5 * time.Millisecond):
			}
		}
	}
}

// IndexReady reports whether the search index is built.
func (db *DB) IndexReady() bool { return db.idx.Load() != nil }

// dropIndex forgets the search index after a bulk change; a build in
// progress builds again.
func (db *DB) dropIndex() {
	db.idxMu.Lock()
	defer db.idxMu.Unlock()
	db.idx.Store(nil)
	if db.building {
		db.pending = append(db.pending, 0)
	}
	db.gen++
	db.cache = nil
}

// queueIndex hands a committed client to the background applier, so a save
// returns once its transaction is durable. Called under writeMu; the next
// writer waits for the queue first (waitIndexed), so an entry is placed
// while the database holds exactly the index's state plus that change —
// before() compares against the same names the index is ordered by.
// Readers of the index wait for the queue too.
func (db *DB) queueIndex(c model.Client) {
	db.queueMu.Lock()
	defer db.queueMu.Unlock()
	db.queue = append(db.queue, c)
	if !db.draining {
		db.draining = true
		go db.drainIndexQueue()
	}
}

func (db *DB) drainIndexQueue() {
	for {
		db.queueMu.Lock()
		batch := db.queue
		db.queue = nil
		if len(batch) == 0 {
			db.draining = false
			db.queueIdle.Broadcast()
			db.queueMu.Unlock()
			return
		}
		db.queueMu.Unlock()
		for i := range batch {
			db.indexClient(&batch[i])
		}
	}
}

// waitIndexed returns once every committed change is in the search index.
func (db *DB) waitIndexed() {
	db.queueMu.Lock()
	for db.draining {
		db.queueIdle.Wait()
	}
	db.queueMu.Unlock()
}

// indexClient brings the search index up to date after c was committed.
func (db *DB) indexClient(c *model.Client) {
	db.idxMu.Lock()
	defer db.idxMu.Unlock()
	ix := db.idx.Load()
	if ix == nil {
		if db.building {
			db.pending = append(db.pending, uint64(c.ID))
		}
		return
	}
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		db.upsertTx(tx, ix, c)
		return nil
	})
	db.gen++
	db.cache = nil
}

// upsertTx places c in ix, comparing collation keys of the clients it
// passes on the way (read from their records in tx).
func (db *DB) upsertTx(tx *bolt.Tx, ix *search.Index, c *model.Client) {
	key := nameIndexKey(c.ShortName, uint64(c.ID))
	clients := tx.Bucket(bucketClients)
	ix.Upsert(uint64(c.ID), search.ClientBlob(c, db.managerID(c.Manager)), func(other uint64) bool {
		v := clients.Get(itob(other))
		if v == nil {
			return true
		}
		name, ok := recordShortName(v)
		if !ok {
			var n struct {
				ShortName string `json:"short_name"`
			}
			_ = json.Unmarshal(v, &n)
			name = n.ShortName
		}
		return bytes.Compare(key, nameIndexKey(name, other)) < 0
	})
}
