package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"clientbase/model"
	"clientbase/store/search"
)

// Kinds of the sentences Open returns; test with errors.Is.
var (
	ErrLocked      = errors.New("database is open in another process")
	ErrNotDatabase = errors.New("not a clientbase database")
	ErrTooNew      = errors.New("database schema is newer than this program")
	ErrTooOld      = errors.New("database schema is older and the database is read-only")
)

// Options tune Open.
type Options struct {
	ReadOnly    bool
	LockTimeout time.Duration // how long to wait for another process's lock; default 1s
	// PageSize applies only when the file is created; 0 means the store's default.
	PageSize int
	// Now is the clock (UTC); nil means time.Now. Tests and demos fix it.
	Now func() time.Time
}

// defaultPageSize: 8 KiB pages hold a client record of ~1 KB with far less
// slack than 4 KiB ones, keeping the file near the raw record size.
const defaultPageSize = 8192

const initialMmapSize = 8 << 30

// DB is an open clientbase database.
type DB struct {
	bolt *bolt.DB
	path string
	ro   bool

	// writeMu serialises a save with its search-index update, so the index
	// sees changes in commit order.
	writeMu sync.Mutex

	usersMu   sync.RWMutex
	usersByNm map[string]model.User

	archivedMu sync.RWMutex
	archived   map[uint64]struct{}

	idx      atomic.Pointer[search.Index]
	idxMu    sync.Mutex // guards building, pending, cache, gen
	building bool
	pending  []uint64
	gen      uint64
	cache    map[cacheKey]*search.Result

	queueMu   sync.Mutex // guards queue, draining
	queueIdle *sync.Cond // broadcast when the queue is drained
	queue     []model.Client
	draining  bool

	now func() time.Time // the clock; tests may fix it

	feed feed // the change feed's subscribers (feed.go)

	qmemo queueMemo // what every session's call queue reads (queue_memo.go)
}

// Open opens (or creates) the database at path. Errors are *model.Sentence
// values whose Kind is ErrLocked, ErrNotDatabase, ErrTooNew, ErrTooOld or
// model.ErrNotFound (read-only and missing).
func Open(path string, o Options) (db *DB, err error) {
	if o.LockTimeout <= 0 {
		o.LockTimeout = time.Second
	}
	info, statErr := os.Stat(path)
	switch {
	case statErr == nil && info.IsDir():
		return nil, model.Sentencef(ErrNotDatabase, "store.not_database", path)
	case statErr == nil && info.Size() > 0:
		// Check the meta pages before bbolt maps the file: a truncated file
		// would otherwise fault on access, and nothing may be written to it.
		if err := checkBoltHeader(path, info.Size()); err != nil {
			return nil, model.Sentencef(ErrNotDatabase, "store.not_database", path)
		}
	case statErr == nil: // 0 bytes: bbolt initialises it, unless read-only
		if o.ReadOnly {
			return nil, model.Sentencef(ErrNotDatabase, "store.not_database", path)
		}
	case errors.Is(statErr, os.ErrNotExist):
		if o.ReadOnly {
			return nil, model.Sentencef(model.ErrNotFound, "store.missing", path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, model.Sentencef(ErrNotDatabase, "store.cannot_open", path, err)
		}
	default:
		return nil, model.Sentencef(ErrNotDatabase, "store.cannot_open", path, statErr)
	}

	bo := &bolt.Options{Timeout: o.LockTimeout, ReadOnly: o.ReadOnly, PageSize: o.PageSize, FreelistType: bolt.FreelistMapType,
		// A growing file remaps, and a remap copies every node of the open
		// write transaction to the heap: a bulk load would spend most of its
		// time there. Address space is cheap; the map does not hold memory.
		InitialMmapSize: initialMmapSize}
	if bo.PageSize == 0 {
		bo.PageSize = defaultPageSize
	}
	// bbolt panics on some damaged pages; the user gets a sentence instead,
	// and the file its lock back (the panic may come after bolt.Open).
	var bdb *bolt.DB
	defer func() {
		if r := recover(); r != nil {
			if bdb != nil {
				func() {
					defer func() { _ = recover() }()
					bdb.Close()
				}()
			}
			db, err = nil, model.Sentencef(ErrNotDatabase, "store.not_database", path)
		}
	}()
	bdb, err = bolt.Open(path, 0o600, bo)
	if err != nil {
		switch {
		case errors.Is(err, berrors.ErrTimeout) && o.ReadOnly:
			// bbolt's shared lock for readers waits for the writer's exclusive one.
			return nil, model.Sentencef(ErrLocked, "store.locked_ro", path)
		case errors.Is(err, berrors.ErrTimeout) && heldByWriter(path):
			return nil, model.Sentencef(ErrLocked, "store.locked_writer", path)
		case errors.Is(err, berrors.ErrTimeout): // only read-only viewers hold it
			return nil, model.Sentencef(ErrLocked, "store.locked", path)
		case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
			return nil, model.Sentencef(ErrNotDatabase, "store.not_database", path)
		}
		return nil, model.Sentencef(ErrNotDatabase, "store.cannot_open", path, err)
	}
	db = &DB{bolt: bdb, path: path, ro: o.ReadOnly, now: func() time.Time { return time.Now().UTC() }}
	if o.Now != nil {
		db.now = func() time.Time { return o.Now().UTC() }
	}
	db.queueIdle = sync.NewCond(&db.queueMu)
	if err := db.prepareSchema(); err != nil {
		bdb.Close()
		return nil, err
	}
	if err := db.clearInterruptedBulk(); err != nil {
		bdb.Close()
		return nil, model.Sentencef(ErrNotDatabase, "store.cannot_open", path, err)
	}
	if err := db.clearInterruptedPlanBulk(); err != nil {
		bdb.Close()
		return nil, model.Sentencef(ErrNotDatabase, "store.cannot_open", path, err)
	}
	if err := db.clearInterruptedOrderBulk(); err != nil {
		bdb.Close()
		return nil, model.Sentencef(ErrNotDatabase, "store.cannot_open", path, err)
	}
	if err := db.clearInterruptedComplaintBulk(); err != nil {
		bdb.Close()
		return nil, model.Sentencef(ErrNotDatabase, "store.cannot_open", path, err)
	}
	if err := db.rekeyComplaintQueue(); err != nil {
		bdb.Close()
		return nil, model.Sentencef(ErrNotDatabase, "store.cannot_open", path, err)
	}
	if err := db.loadCaches(); err != nil {
		bdb.Close()
		return nil, err
	}
	if !db.ro {
		if err := db.clearStaleHolds(); err != nil {
			bdb.Close()
			return nil, model.Sentencef(ErrNotDatabase, "store.cannot_open", path, err)
		}
	}
	return db, nil
}

// checkBoltHeader validates bbolt's two meta pages and that the file holds
// every page the newest valid one claims.
func checkBoltHeader(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	buf := make([]byte, 4096)
	if _, err := io.ReadFull(f, buf); err != nil {
		return ErrNotDatabase
	}
	m0, ok0 := parseMeta(buf[16:])
	pageSize := int64(defaultPageSize)
	if ok0 {
		pageSize = int64(m0.pageSize)
	}
	var m1 boltMeta
	ok1 := false
	if size >= 2*pageSize {
		if _, err := f.ReadAt(buf[:80], pageSize); err == nil {
			m1, ok1 = parseMeta(buf[16:80])
		}
	}
	var m boltMeta
	switch {
	case ok0 && ok1:
		m = m0
		if m1.txid > m0.txid {
			m = m1
		}
	case ok0:
		m = m0
	case ok1:
		m = m1
	default:
		return ErrNotDatabase
	}
	if int64(m.pgid)*int64(m.pageSize) > size {
		return ErrNotDatabase
	}
	return nil
}

type boltMeta struct {
	pageSize uint32
	pgid     uint64
	txid     uint64
}

// parseMeta reads bbolt's meta layout (magic, version, page size, flags,
// root bucket, freelist, pgid, txid, checksum) in native byte order.
func parseMeta(b []byte) (boltMeta, bool) {
	if len(b) < 64 {
		return boltMeta{}, false
	}
	ne := binary.NativeEndian
	if ne.Uint32(b[0:]) != 0xED0CDAED || ne.Uint32(b[4:]) != 2 {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	h.Write(b[:56])
	if h.Sum64() != ne.Uint64(b[56:]) {
		return boltMeta{}, false
	}
	m := boltMeta{pageSize: ne.Uint32(b[8:]), pgid: ne.Uint64(b[40:]), txid: ne.Uint64(b[48:])}
	if m.pageSize < 512 || m.pageSize > 1<<24 {
		return boltMeta{}, false
	}
	return m, true
}

// Close releases the file and its lock, once the search index has caught up.
func (db *DB) Close() error {
	db.waitIndexed()
	return db.bolt.Close()
}

// Path is the database file's path.
func (db *DB) Path() string { return db.path }

// ReadOnly reports whether the database was opened read-only.
func (db *DB) ReadOnly() bool { return db.ro }

func (db *DB) readOnlyErr() error {
	return model.Sentencef(model.ErrReadOnly, "store.read_only")
}

// loadCaches reads the users and the archived-client set into memory: both
// are small and consulted on every list page and save.
func (db *DB) loadCaches() error {
	users := map[string]model.User{}
	archived := map[uint64]struct{}{}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketUsers).ForEach(func(k, v []byte) error {
			var u model.User
			if err := decode(v, &u); err != nil {
				return err
			}
			users[u.Name] = u
			return nil
		}); err != nil {
			return err
		}
		return tx.Bucket(bucketClientArchived).ForEach(func(k, _ []byte) error {
			archived[btoi(k)] = struct{}{}
			return nil
		})
	})
	if err != nil {
		return model.Sentencef(ErrNotDatabase, "store.not_database", db.path)
	}
	// A bulk load reloads them while lists and sign-ins may be running.
	db.usersMu.Lock()
	db.usersByNm = users
	db.usersMu.Unlock()
	db.archivedMu.Lock()
	db.archived = archived
	db.archivedMu.Unlock()
	return nil
}

func counter(tx *bolt.Tx, key []byte) uint64 {
	return btoi(tx.Bucket(bucketMeta).Get(key))
}

func addCounter(tx *bolt.Tx, key []byte, delta int64) error {
	v := int64(counter(tx, key)) + delta
	if v < 0 {
		return fmt.Errorf("store: counter %s below zero", key)
	}
	return tx.Bucket(bucketMeta).Put(key, itob(uint64(v)))
}
