package store

import (
	"bytes"
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// What the call queue reads for every session, kept between reads.
//
// On the team server a hundred operators' queues are read again after
// every change, and they show the same pool: the same first rows and the
// same count. Two small caches serve them; neither can be stale, because
// each is checked against what the reading transaction sees.

// memoSlots is the size of a rowMemo: a lossy cache (an id has one slot,
// a newcomer replaces the old one), so it never grows.
const memoSlots = 4096

// rowMemo keeps decoded records by id with the bytes they were decoded
// from: a hit is a record whose stored bytes are exactly those.
type rowMemo[T any] struct {
	slots [memoSlots]atomic.Pointer[memoEntry[T]]
}

type memoEntry[T any] struct {
	id  model.ID
	raw []byte
	val T
}

// get is the value of record id stored as raw, made by decode on a miss.
// T must hold no slices or maps the caller could change: hits are shared.
func (m *rowMemo[T]) get(id model.ID, raw []byte, decode func([]byte) (T, error)) (T, error) {
	slot := &m.slots[uint64(id)%memoSlots]
	if e := slot.Load(); e != nil && e.id == id && bytes.Equal(e.raw, raw) {
		return e.val, nil
	}
	v, err := decode(raw)
	if err != nil {
		return v, err
	}
	slot.Store(&memoEntry[T]{id: id, raw: bytes.Clone(raw), val: v})
	return v, nil
}

// clientRow is what a queue row shows of its client.
type clientRow struct {
	name     string
	category model.Category
	flags    model.ClientFlags
}

// queueMemo holds the call queue's caches.
type queueMemo struct {
	plans   rowMemo[model.PlanItem]
	clients rowMemo[clientRow]

	mu     sync.Mutex
	txid   int                   // the committed state counts describes
	counts map[string]queueCount // by idx_plan_queue prefix (assignee)
}

// queueCount is one assignee's (or the pool's) queue entries: how many,
// and how many each holder holds.
type queueCount struct {
	n    int
	held map[string]int
}

// count is how many entries under prefix me may see (all but the calls
// someone else holds), read in tx or taken from the count for tx's state.
func (m *queueMemo) count(tx *bolt.Tx, prefix []byte, me string) int {
	c := m.countOf(tx, prefix)
	n := c.n
	for holder, k := range c.held {
		if holder != me {
			n -= k
		}
	}
	return n
}

func (m *queueMemo) countOf(tx *bolt.Tx, prefix []byte) queueCount {
	id := tx.ID()
	m.mu.Lock()
	if m.txid == id {
		if c, ok := m.counts[string(prefix)]; ok {
			m.mu.Unlock()
			return c
		}
	}
	m.mu.Unlock()
	c := queueCount{held: map[string]int{}}
	cur := tx.Bucket(bucketPlanQueue).Cursor()
	for k, v := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Next() {
		if (queueEntry{suffix: k[len(prefix):]}).valid() {
			c.n++
			if len(v) > 0 {
				c.held[string(v)]++
			}
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case id > m.txid || m.counts == nil:
		m.txid, m.counts = id, map[string]queueCount{string(prefix): c}
	case id == m.txid:
		m.counts[string(prefix)] = c
	} // an older state than the cache's: not kept
	return c
}

// planRows loads items ids with what a row shows of their clients.
func (db *DB) planRows(tx *bolt.Tx, ids []model.ID) ([]model.PlanRow, error) {
	rows := make([]model.PlanRow, 0, len(ids))
	plans, clients := tx.Bucket(bucketPlan), tx.Bucket(bucketClients)
	for _, id := range ids {
		raw := plans.Get(itob(uint64(id)))
		if raw == nil {
			return nil, model.Sentencef(model.ErrNotFound, "storeplan.item_missing", uint64(id))
		}
		p, err := db.qmemo.plans.get(id, raw, func(v []byte) (p model.PlanItem, err error) {
			return p, decode(v, &p)
		})
		if err != nil {
			return nil, err
		}
		raw = clients.Get(itob(uint64(p.Client)))
		if raw == nil {
			return nil, model.Sentencef(model.ErrNotFound, "store.client_missing", uint64(p.Client))
		}
		c, err := db.qmemo.clients.get(p.Client, raw, func(v []byte) (clientRow, error) {
			var c model.Client
			err := decode(v, &c)
			return clientRow{name: c.ShortName, category: c.Category, flags: c.Flags}, err
		})
		if err != nil {
			return nil, err
		}
		rows = append(rows, model.PlanRow{Item: p, ClientName: c.name, Category: c.category, Flags: c.flags})
	}
	return rows, nil
}
