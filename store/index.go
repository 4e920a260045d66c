package store

import (
	"bytes"
	"context"
	"encoding/json"

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

// BuildIndex builds the resident search index from idx_client_name (one
// read transaction). Changes saved meanwhile are applied once it is built.
// main runs it in a goroutine right after Open; List answers unfiltered
// pages from the name index until it is ready.
func (db *DB) BuildIndex(ctx context.Context) error {
	db.idxMu.Lock()
	if db.idx.Load() != nil || db.building {
		db.idxMu.Unlock()
		return nil
	}
	db.building, db.pending = true, nil
	db.idxMu.Unlock()

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

	db.idxMu.Lock()
	defer db.idxMu.Unlock()
	db.building = false
	if err != nil {
		db.pending = nil
		return err
	}
	// Saved while building: the snapshot may predate them.
	if len(db.pending) > 0 {
		err = db.bolt.View(func(tx *bolt.Tx) error {
			for _, id := range db.pending {
				c, err := getClient(tx, model.ID(id))
				if err != nil {
					continue
				}
				db.upsertTx(tx, ix, &c)
			}
			return nil
		})
		db.pending = nil
	}
	db.idx.Store(ix)
	db.gen++
	db.cache = nil
	return err
}

// IndexReady reports whether the search index is built.
func (db *DB) IndexReady() bool { return db.idx.Load() != nil }

// queueIndex hands a committed client to the background applier, so a save
// returns once its transaction is durable. Called under writeMu, so the
// queue is in commit order; readers of the index wait for it (waitIndexed).
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
		var n struct {
			ShortName string `json:"short_name"`
		}
		_ = json.Unmarshal(v, &n)
		return bytes.Compare(key, nameIndexKey(n.ShortName, other)) < 0
	})
}
