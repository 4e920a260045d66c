package store

import (
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The change feed (the team server's live screens).
//
// A user action writes through update (or Session.update), which registers
// its transaction here with the session's Via; writeAudit, the one place
// every user action writes its audit entry, stamps the entry with Via and
// notes a model.Change for it. After a successful commit the batch goes to
// every subscriber; a rolled-back transaction publishes nothing.
//
// Bulk loaders, their undo, schema migrations and Open's housekeeping write
// with db.bolt.Update directly: they are not user actions (a bulk load
// would pile up a change per record), and nobody is subscribed yet at Open;
// their entries carry no Via and reach no subscriber.

// txFeed is what one write transaction of a user action has to tell.
type txFeed struct {
	via     string
	changes []model.Change
}

// txFeeds maps a live write transaction (*bolt.Tx) to its *txFeed. A
// transaction is used by one goroutine, so its txFeed needs no lock of
// its own; the map is shared.
var txFeeds sync.Map

// pendingOf is tx's feed, nil for a transaction not written through update.
func pendingOf(tx *bolt.Tx) *txFeed {
	if f, ok := txFeeds.Load(tx); ok {
		return f.(*txFeed)
	}
	return nil
}

// noteAudit stamps e with its transaction's Via and notes its change.
func noteAudit(tx *bolt.Tx, e *model.AuditEntry) {
	f := pendingOf(tx)
	if f == nil {
		return
	}
	if f.via != "" {
		e.Via = f.via
	}
	f.changes = append(f.changes, model.Change{Kind: e.Kind, ID: e.Record, By: e.User})
}

// update runs fn in a write transaction of a user action and, once it has
// committed, tells the subscribers what it changed.
func (db *DB) update(via string, fn func(tx *bolt.Tx) error) error {
	f := &txFeed{via: via}
	var reg *bolt.Tx
	defer func() {
		if reg != nil {
			txFeeds.Delete(reg)
		}
	}()
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		reg = tx
		txFeeds.Store(tx, f)
		return fn(tx)
	})
	if err == nil && len(f.changes) > 0 {
		db.feed.publish(f.changes)
	}
	return err
}

// update is db.update with the session's Via.
func (s *Session) update(fn func(tx *bolt.Tx) error) error { return s.db.update(s.via, fn) }

// Via is a copy of the session whose audit entries carry fingerprint (the
// SSH key a team-server session signed in with).
func (s *Session) Via(fingerprint string) *Session {
	c := *s
	c.via = fingerprint
	return &c
}

// feed holds a database's subscribers.
//
// A writer never delivers itself: publish queues its batch and returns, and
// one dispatcher goroutine at a time hands the queue to the subscribers.
// Delivering in the writer woke a hundred team-server sessions from inside
// the commit path, and the writer then waited for a processor behind the
// very reloads it had caused (BenchmarkSessions in server/).
type feed struct {
	mu   sync.Mutex // subs, and delivering to them
	subs map[chan []model.Change]struct{}
	n    atomic.Int32 // len(subs), read without mu

	qmu     sync.Mutex // queue and running
	queue   []model.Change
	running bool // a dispatcher is on its way
}

// maxQueued is how many changes wait for the dispatcher before they are
// replaced by "reload everything".
const maxQueued = 4096

// missedAll is the batch a subscriber that fell behind gets instead of
// what it missed: reload everything.
func missedAll() []model.Change { return []model.Change{{Kind: "*"}} }

// publish queues batch for every subscriber without ever waiting.
func (f *feed) publish(batch []model.Change) {
	if f.n.Load() == 0 {
		return
	}
	f.qmu.Lock()
	switch {
	case len(f.queue) == 1 && f.queue[0].Kind == "*":
	case len(f.queue)+len(batch) > maxQueued:
		f.queue = missedAll()
	default:
		f.queue = append(f.queue, batch...)
	}
	start := !f.running
	f.running = true
	f.qmu.Unlock()
	if start {
		go f.dispatch()
	}
}

// dispatch delivers what is queued, everything waiting as one batch, until
// the queue is empty.
func (f *feed) dispatch() {
	for {
		f.qmu.Lock()
		batch := f.queue
		f.queue = nil
		if len(batch) == 0 {
			f.running = false
			f.qmu.Unlock()
			return
		}
		f.qmu.Unlock()
		f.mu.Lock()
		for ch := range f.subs {
			deliver(ch, batch)
		}
		f.mu.Unlock()
	}
}

// deliver sends batch to ch without waiting: a full subscriber's pending
// batches are replaced by one "*" batch. Called under f.mu (only deliver
// sends, so nobody fills ch meanwhile).
func deliver(ch chan []model.Change, batch []model.Change) {
	select {
	case ch <- batch:
		return
	default:
	}
	// Full: drop what is pending (the reader may be taking some at the
	// same time) and leave "*".
drain:
	for {
		select {
		case <-ch:
		default:
			break drain
		}
	}
	select {
	case ch <- missedAll():
	default: // cannot happen: the buffer is at least 1 and now empty
	}
}

// Subscribe returns a channel that gets, after each committed write
// transaction of a user action, its changes (one per audit entry: Kind,
// Record, User), and the func that unsubscribes and closes the channel.
// A subscriber that lets buffer (at least 1) batches pile up never blocks
// a writer: they are replaced by [{Kind: "*"}], reload everything.
func (db *DB) Subscribe(buffer int) (<-chan []model.Change, func()) {
	ch := make(chan []model.Change, max(buffer, 1))
	f := &db.feed
	f.mu.Lock()
	if f.subs == nil {
		f.subs = map[chan []model.Change]struct{}{}
	}
	f.subs[ch] = struct{}{}
	f.n.Store(int32(len(f.subs)))
	f.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			f.mu.Lock()
			delete(f.subs, ch)
			f.n.Store(int32(len(f.subs)))
			close(ch)
			f.mu.Unlock()
		})
	}
}
