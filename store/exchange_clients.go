package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"weak"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
	"clientbase/store/search"
)

// Import of clients and their contact persons (issue 7). A batch is one
// write transaction; each record is matched by its external code, else by
// its tax id, else created. Only what the file carries is changed (see
// ClientFields); a record the file says nothing new about is left alone,
// unwritten and unaudited.
//
// Audit: an updated client gets its own entry with the changed fields (as
// SaveClient writes); created clients are summed up in one entry per batch
// ("import": how many were created, from which kind) — a million entries
// for a million new rows would halve the import's rate and say nothing the
// file does not.

// ClientFields says which of a client's fields an import row carries (the
// file's columns); the others keep their stored values.
type ClientFields uint64

const (
	CFShortName ClientFields = 1 << iota
	CFFullName
	CFKind
	CFTaxCountry
	CFTaxID
	CFKPP
	CFOGRN
	CFLegalAddress
	CFActualAddress
	CFCity
	CFRegion
	CFBranch
	CFPhones
	CFEmails
	CFFax
	CFLanguage
	CFTimeZone
	CFSource
	CFManager
	CFCategory
	CFStatus
	CFKeyClient
	CFCreditHold
	CFDissatisfied
	CFLegalDispute
	CFDoNotContact
	CFCreditLimit
	CFDeferralDays
	CFPriceColumn
	CFCompetitors
	CFNotes
	CFArchived
	CFExternal
	CFContactEvery
	CFCallWindow
)

// ClientImport is one client row of a file: the values it gives and which
// fields it gives.
type ClientImport struct {
	Client  model.Client
	Carries ClientFields
}

// importBigBatch: a batch this large drops the search index (rebuilt on
// its next use, as after BulkLoad) instead of placing every client in it.
const importBigBatch = 2000

// errDryRun rolls a dry run's transaction back.
var errDryRun = errors.New("store: dry run")

// importAllowed refuses an import batch on a read-only database or from a
// user without the import right (act names the action in the sentence).
func (s *Session) importAllowed(act string) error {
	if s.db.ro {
		return s.db.readOnlyErr()
	}
	if !model.Can(s.me, model.ActDataImport) {
		return forbidden(s.me, act)
	}
	return nil
}

// importUpdate runs an import batch's fn in one write transaction; a dry
// run rolls it back. committed says the batch was written.
func (s *Session) importUpdate(dryRun bool, fn func(tx *bolt.Tx) error) (committed bool, err error) {
	err = s.update(func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return false, nil
	}
	return err == nil, err
}

// ImportClients writes one batch of client rows (normalised in place) in one transaction (dry:
// everything is computed, then rolled back) and says what happened to each,
// in order. A row that fails validation or holds another client's external
// code is rejected with a *model.ValidationError (PrepareClient's field
// keys, "external"; the caller names its columns), one that matches several
// clients by tax id or names no user as manager with a sentence; the
// others are written.
func (s *Session) ImportClients(batch []*ClientImport, dryRun bool) ([]ImportResult, error) {
	db := s.db
	if err := s.importAllowed("exch.clients.act_import"); err != nil {
		return nil, err
	}
	out := make([]ImportResult, len(batch))
	keys := make([]createKeys, len(batch))
	now := db.now()
	// The rows are prepared in chunks by workers while the transaction
	// writes the chunks already prepared: on two cores, preparing and
	// writing take about as long.
	ready := prepareImports(db, batch, keys, out, s.me.Name, now)
	defer func() { // a transaction that failed early leaves no worker writing to the batch
		for _, r := range ready {
			<-r
		}
	}()
	if len(batch) >= importBigBatch {
		// As in a bulk load: the garbage is short-lived, fewer collections.
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercentBulk))
	}

	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	db.waitIndexed()
	var written importWritten
	created := 0
	t0 := time.Now()
	var waited, body time.Duration
	committed, err := s.importUpdate(dryRun, func(tx *bolt.Tx) error {
		defer func() { body = time.Since(t0) }()
		written = importWritten{keep: len(batch) < importBigBatch}
		w := newImportWriter(db, tx, s.me.Name, now)
		for i := range batch {
			if i%prepareChunk == 0 {
				tw := time.Now()
				<-ready[i/prepareChunk]
				waited += time.Since(tw)
			}
			if out[i].Err != nil {
				out[i].Action = model.ImportReject
				continue
			}
			res, c, err := w.client(batch[i], &batch[i].Client, &keys[i])
			if err != nil {
				return err
			}
			out[i] = res
			if res.Action == model.ImportCreate || res.Action == model.ImportUpdate {
				written.add(&c)
				if res.Action == model.ImportCreate {
					created++
				}
			}
		}
		if err := w.finish(); err != nil {
			return err
		}
		if created > 0 {
			if err := writeAudit(tx, &model.AuditEntry{At: now, User: s.me.Name, Kind: "client", Action: "import",
				Reason: model.T("exch.clients.audit_created", created)}); err != nil {
				return err
			}
		}
		return nil
	})
	if bulkTrace {
		fmt.Fprintf(os.Stderr, "import: %d rows: waited for preparation %v, transaction %v, commit %v\n",
			len(batch), waited, body-waited, time.Since(t0)-body)
	}
	if err != nil {
		return nil, err
	}
	if committed {
		db.afterImport(written)
	}
	return out, nil
}

// importWritten is what a committed batch wrote, for the caches and the
// search index: every client's archive mark, and the clients themselves
// while the batch is small enough to place them one by one.
type importWritten struct {
	keep    bool
	n       int
	marks   []archMark
	clients []model.Client
}

type archMark struct {
	id       uint64
	archived bool
}

func (iw *importWritten) add(c *model.Client) {
	iw.n++
	iw.marks = append(iw.marks, archMark{uint64(c.ID), c.Archived})
	if iw.keep {
		iw.clients = append(iw.clients, *c)
	}
}

// afterImport brings the caches and the search index up to date with the
// clients a committed batch wrote.
func (db *DB) afterImport(written importWritten) {
	if written.n == 0 {
		return
	}
	db.archivedMu.Lock()
	for _, m := range written.marks {
		if m.archived {
			db.archived[m.id] = struct{}{}
		} else {
			delete(db.archived, m.id)
		}
	}
	db.archivedMu.Unlock()
	if !written.keep {
		// Placing thousands of clients one by one costs more than a build
		// from the name index: drop it, and build it once the import has
		// been quiet for a moment (the next batch would drop it again).
		db.dropIndex()
		g := importGenOf(db)
		n := g.Add(1)
		time.AfterFunc(importRebuildAfter, func() {
			if g.Load() == n && !db.IndexReady() {
				_ = db.BuildIndex(context.Background())
			}
		})
		return
	}
	for _, c := range written.clients {
		db.queueIndex(c)
	}
}

// importRebuildAfter: the quiet time after a big batch before the search
// index is built again.
const importRebuildAfter = 1500 * time.Millisecond

var importGens sync.Map // weak.Pointer[DB] → *atomic.Uint64: big batches committed

func importGenOf(db *DB) *atomic.Uint64 {
	k := weak.Make(db)
	if g, ok := importGens.Load(k); ok {
		return g.(*atomic.Uint64)
	}
	g, loaded := importGens.LoadOrStore(k, new(atomic.Uint64))
	if !loaded {
		runtime.AddCleanup(db, func(k weak.Pointer[DB]) { importGens.Delete(k) }, k)
	}
	return g.(*atomic.Uint64)
}

// prepareChunk: rows a worker prepares at a time.
const prepareChunk = 1024

// prepareImports starts normalising and validating the rows (most of an
// import's work, and it needs no transaction) and returns a channel per
// chunk of prepareChunk rows, closed once the chunk is ready; a row's
// problem goes to its result.
func prepareImports(db *DB, batch []*ClientImport, keys []createKeys, out []ImportResult, by string, now time.Time) []chan struct{} {
	chunks := (len(batch) + prepareChunk - 1) / prepareChunk
	ready := make([]chan struct{}, chunks)
	for k := range ready {
		ready[k] = make(chan struct{})
	}
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), chunks) {
		go func() {
			zones, managers := map[string]bool{}, map[string]uint32{}
			for {
				k := int(next.Add(1) - 1)
				if k >= chunks {
					return
				}
				prepareRange(db, batch, keys, out, k*prepareChunk, min((k+1)*prepareChunk, len(batch)), by, now, zones, managers)
				close(ready[k])
			}
		}()
	}
	return ready
}

// createKeys are a row's index entries should it create a client, made
// with the other preparation: the name key lacks only the id (its last 8
// bytes), the search blob depends on nothing the store adds.
// recordHeadroom: bytes left before a prepared record for its version
// byte, id tag and id (binary.MaxVarintLen64 + 2, less the version byte
// the record has).
const recordHeadroom = binary.MaxVarintLen64 + 1

type createKeys struct {
	name, blob []byte
	record     []byte // recordHeadroom bytes, then the record as created without its id (nil: encode in the transaction)
	ext        []byte // extKey of the code
	tax        string // clientTaxKey of the tax id
}

func prepareRange(db *DB, batch []*ClientImport, keys []createKeys, out []ImportResult, from, to int, by string, now time.Time,
	zones map[string]bool, managers map[string]uint32) {
	for i := from; i < to; i++ {
		c := &batch[i].Client // normalised in place: the batch is the import's own
		c.External = strings.TrimSpace(c.External)
		c.Manager = strings.TrimSpace(c.Manager)
		// A file without the name column updates the clients it finds;
		// the name is checked only where a row creates (create).
		noName := batch[i].Carries&CFShortName == 0 && strings.TrimSpace(c.ShortName) == ""
		if noName {
			c.ShortName = "-"
		}
		err := prepareCached(c, zones)
		if noName {
			c.ShortName = ""
		}
		if err != nil {
			out[i].Err = err
			continue
		}
		if batch[i].Carries&CFManager != 0 && c.Manager != "" {
			db.usersMu.RLock()
			u, ok := db.usersByNm[c.Manager]
			db.usersMu.RUnlock()
			if !ok || u.Archived {
				out[i].Err = model.Sentencef(nil, "exch.clients.no_manager", c.Manager)
				continue
			}
		}
		mid, ok := managers[c.Manager]
		if !ok {
			mid = db.managerID(c.Manager)
			managers[c.Manager] = mid
		}
		keys[i] = createKeys{name: appendNameIndexKey(nil, c.ShortName, 0), blob: search.ClientBlob(c, mid),
			ext: extKey(c.External), tax: clientTaxKey(c.TaxCountry, c.TaxID)}
		cr := asCreated(c, by, now)
		if rec, err := appendClientRecord(make([]byte, recordHeadroom, recordHeadroom+768), &cr); err == nil && len(rec) > recordHeadroom && rec[recordHeadroom] == clientBinV1 {
			keys[i].record = rec
		}
	}
}

// prepareCached is model.PrepareClient with the time-zone check cached
// (the model's check loads the zone file every time), its problems as one
// sentence.
func prepareCached(c *model.Client, zones map[string]bool) error {
	tz := strings.TrimSpace(c.TimeZone)
	valid, seen := zones[tz]
	if !seen {
		valid = model.ValidateTimeZone(tz) == nil
		zones[tz] = valid
	}
	skip := valid && tz != ""
	if skip {
		c.TimeZone = ""
	}
	ve := model.PrepareClient(c)
	if skip {
		c.TimeZone = tz
	}
	if ve == nil || len(ve.Fields) == 0 {
		return nil
	}
	return ve
}

// validationSentence is the first problem of ve (in field order) as an
// error whose text is the sentence alone.
func validationSentence(ve *model.ValidationError) error {
	keys := make([]string, 0, len(ve.Fields))
	for k := range ve.Fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	msgs := make([]string, 0, len(keys))
	for _, k := range keys {
		msgs = append(msgs, ve.Fields[k])
	}
	return &model.Sentence{Text: strings.Join(msgs, " ")}
}

// importWriter matches and writes the records of one batch.
type importWriter struct {
	db      *DB
	tx      *bolt.Tx
	by      string
	now     time.Time
	clients *bolt.Bucket
	tax     *taxIndex
	local   map[string][]model.ID // tax keys written in this transaction

	// Created clients' index entries, written sorted by finish: bbolt
	// inserts in key order far faster than scattered.
	names      []nameEntry
	exts       map[string]model.ID // codes of created clients (extKey form)
	extList    []extEntry          // the same, to be written in key order
	extMax     []byte              // the greatest code in idx_client_ext (nil: none)
	archived   []uint64
	live, arch int64
	firstNew   model.ID // the first id this transaction creates
}

func newImportWriter(db *DB, tx *bolt.Tx, by string, now time.Time) *importWriter {
	w := &importWriter{db: db, tx: tx, by: by, now: now, clients: tx.Bucket(bucketClients),
		tax: taxIndexFor(tx), local: map[string][]model.ID{}, exts: map[string]model.ID{}}
	w.firstNew = model.ID(w.clients.Sequence() + 1)
	if k, _ := tx.Bucket(bucketClientExt).Cursor().Last(); k != nil {
		w.extMax = bytes.Clone(k)
	}
	// The tax index learns the batch's tax ids once it commits.
	t, local := w.tax, w.local
	tx.OnCommit(func() {
		t.mu.Lock()
		if t.built {
			for k, ids := range local {
				for _, id := range ids {
					t.add(k, id)
				}
			}
		}
		t.mu.Unlock()
	})
	return w
}

// finish writes the created clients' index entries and counters so far
// (before an update of one of them, and at the batch's end).
func (w *importWriter) finish() error {
	if len(w.names) > 0 {
		slices.SortFunc(w.names, cmpNames)
		b := w.tx.Bucket(bucketClientName)
		for _, e := range w.names {
			if err := b.Put(e.k, e.v); err != nil {
				return err
			}
		}
	}
	if len(w.extList) > 0 {
		// Codes often come in order (1C numbers its records): the sort is then a pass.
		slices.SortFunc(w.extList, func(a, b extEntry) int { return bytes.Compare(a.key, b.key) })
		b := w.tx.Bucket(bucketClientExt)
		for _, e := range w.extList {
			if err := b.Put(e.key, itob(e.id)); err != nil {
				return err
			}
		}
		if last := w.extList[len(w.extList)-1].key; bytes.Compare(last, w.extMax) > 0 {
			w.extMax = last
		}
	}
	if len(w.archived) > 0 {
		b := w.tx.Bucket(bucketClientArchived)
		for _, id := range w.archived {
			if err := b.Put(itob(id), nil); err != nil {
				return err
			}
		}
	}
	if w.live != 0 {
		if err := addCounter(w.tx, keyClientsLive, w.live); err != nil {
			return err
		}
	}
	if w.arch != 0 {
		if err := addCounter(w.tx, keyClientsArchived, w.arch); err != nil {
			return err
		}
	}
	w.names, w.archived, w.extList, w.live, w.arch = w.names[:0], w.archived[:0], w.extList[:0], 0, 0
	clear(w.exts)
	return nil
}

// match finds the stored client a row is about: by external code, else by
// tax id (and KPP when several share it). 0: none.
func (w *importWriter) match(c *model.Client) (model.ID, error) {
	return w.matchKeys(c, extKey(c.External), clientTaxKey(c.TaxCountry, c.TaxID))
}

// matchKeys is match with c's code (extKey) and tax key (clientTaxKey) made.
func (w *importWriter) matchKeys(c *model.Client, k []byte, key string) (model.ID, error) {
	if k != nil {
		if id, ok := w.exts[string(k)]; ok {
			return id, nil
		}
		// Past the greatest stored code nothing can match (1C numbers its
		// records in order: a fresh import never has to look).
		if w.extMax != nil && bytes.Compare(k, w.extMax) <= 0 {
			if v := w.tx.Bucket(bucketClientExt).Get(k); len(v) == 8 {
				return model.ID(btoi(v)), nil
			}
		}
	}
	if id, ok := parseOwnCode(c.External); ok { // "cb:<id>": exported from this database, the client had no code
		if v := w.clients.Get(itob(uint64(id))); v != nil {
			var o model.Client
			if err := decode(v, &o); err == nil && o.External == "" {
				return id, nil
			}
		}
	}
	if key == "" {
		return 0, nil
	}
	var found []model.ID
	seen := func(id model.ID) bool { return slices.Contains(found, id) }
	check := func(id model.ID) {
		if seen(id) {
			return
		}
		v := w.clients.Get(itob(uint64(id)))
		if v == nil {
			return
		}
		country, tax, ok := recordTax(v)
		if ok && clientTaxKey(country, tax) == key {
			found = append(found, id)
		}
	}
	for _, id := range w.local[key] {
		check(id)
	}
	for _, id := range w.tax.lookup(key) {
		check(id)
	}
	switch len(found) {
	case 0:
		return 0, nil
	case 1:
		return found[0], nil
	}
	if c.KPP != "" { // a company's branches share its INN, each with a KPP of its own
		var byKPP []model.ID
		for _, id := range found {
			if o, err := getClient(w.tx, id); err == nil && o.KPP == c.KPP {
				byKPP = append(byKPP, id)
			}
		}
		if len(byKPP) == 1 {
			return byKPP[0], nil
		}
	}
	return 0, model.Sentencef(nil, "exch.clients.tax_ambiguous", c.TaxID, len(found))
}

// client writes one prepared row (rec) and says what it did; an error
// returned stops the batch (the database failed), a row's own problem is
// in the result.
func (w *importWriter) client(row *ClientImport, rec *model.Client, keys *createKeys) (ImportResult, model.Client, error) {
	if keys.tax == "" && keys.ext == nil { // not prepared for a create (a rejected row never comes here)
		keys.ext, keys.tax = extKey(rec.External), clientTaxKey(rec.TaxCountry, rec.TaxID)
	}
	id, err := w.matchKeys(rec, keys.ext, keys.tax)
	if err != nil {
		return ImportResult{Action: model.ImportReject, Err: err}, model.Client{}, nil
	}
	if id == 0 {
		return w.create(rec, keys)
	}
	if id >= w.firstNew { // created by this batch: its entries go in before it changes
		if err := w.finish(); err != nil {
			return ImportResult{}, model.Client{}, err
		}
	}
	old, err := getClient(w.tx, id)
	if err != nil {
		return ImportResult{}, model.Client{}, err
	}
	c := cloneClient(old)
	mergeClient(&c, rec, row.Carries)
	if old.External == "" && rec.External == ownCode(id) {
		c.External = "" // the code an export makes up for a client without one
	}
	changes := model.DiffClients(&old, &c)
	if len(changes) == 0 {
		return ImportResult{Action: model.ImportUnchanged, ID: id}, model.Client{}, nil
	}
	if ve := model.PrepareClient(&c); ve != nil && len(ve.Fields) > 0 { // the merge of file and card
		return ImportResult{Action: model.ImportReject, ID: id, Err: ve}, model.Client{}, nil
	}
	if c.Category != old.Category {
		to := c.Category
		c.Category, c.CategoryLog = old.Category, old.CategoryLog
		model.ApplyCategoryChange(&c, to, w.by, model.T("exch.clients.reason"), w.now)
	}
	c.Version = old.Version + 1
	c.UpdatedAt, c.UpdatedBy = w.now, w.by
	if res, ok := w.put(&old, &c); !ok {
		return res, model.Client{}, nil
	}
	if err := writeAudit(w.tx, &model.AuditEntry{At: w.now, User: w.by, Kind: "client", Record: c.ID, Action: "update",
		Reason: model.T("exch.clients.reason"), Changes: model.DiffClients(&old, &c)}); err != nil {
		return ImportResult{}, model.Client{}, err
	}
	return ImportResult{Action: model.ImportUpdate, ID: c.ID}, c, nil
}

// asCreated is row c as a new client: first version, stamps, its category
// with the history entry a category is given with (the id comes later).
func asCreated(rec *model.Client, by string, now time.Time) model.Client {
	c := *rec
	c.ID, c.CategoryLog = 0, nil
	to := c.Category
	c.Category = model.CategoryNone
	c.Version, c.CreatedAt, c.CreatedBy, c.UpdatedAt, c.UpdatedBy = 1, now, by, now, by
	if to != model.CategoryNone {
		model.ApplyCategoryChange(&c, to, by, model.T("exch.clients.reason"), now)
	}
	return c
}

// create writes a new client's record (match found no code holding it);
// its index entries wait for finish.
func (w *importWriter) create(rec *model.Client, keys *createKeys) (ImportResult, model.Client, error) {
	if rec.ShortName == "" {
		return ImportResult{Action: model.ImportReject, Err: model.Sentencef(nil, "exch.clients.no_match")}, model.Client{}, nil
	}
	c := asCreated(rec, w.by, w.now)
	ek := keys.ext
	seq, err := w.clients.NextSequence()
	if err != nil {
		return ImportResult{}, model.Client{}, err
	}
	c.ID = model.ID(seq)
	var v []byte
	if keys.record != nil { // made in parallel: the id goes first, as appendClientBin writes it, in the room left before
		var id [binary.MaxVarintLen64]byte
		n := binary.PutUvarint(id[:], seq)
		at := recordHeadroom + 1 - 2 - n
		v = keys.record[at:]
		v[0], v[1] = clientBinV1, tcID
		copy(v[2:], id[:n])
	} else if v, err = appendClientRecord(nil, &c); err != nil {
		return ImportResult{}, model.Client{}, err
	}
	w.clients.FillPercent = 1.0 // new ids come after every other: appended
	if err := w.clients.Put(itob(seq), v); err != nil {
		return ImportResult{}, model.Client{}, err
	}
	name := keys.name
	if len(name) < 8 {
		name = nameIndexKey(c.ShortName, seq)
	} else {
		binary.BigEndian.PutUint64(name[len(name)-8:], seq)
	}
	var pfx [8]byte
	copy(pfx[:], name)
	w.names = append(w.names, nameEntry{pfx: binary.BigEndian.Uint64(pfx[:]), k: name, v: keys.blob})
	if ek != nil {
		w.exts[string(ek)] = c.ID
		w.extList = append(w.extList, extEntry{key: ek, id: seq})
	}
	if c.Archived {
		w.archived = append(w.archived, seq)
		w.arch++
	} else {
		w.live++
	}
	if keys.tax != "" {
		w.local[keys.tax] = append(w.local[keys.tax], c.ID)
	}
	return ImportResult{Action: model.ImportCreate, ID: c.ID}, c, nil
}

// put writes c over old (nil: new) with putClient; a code another client
// holds rejects the row (ok false) and writes nothing of it.
func (w *importWriter) put(old, c *model.Client) (ImportResult, bool) {
	var oldKeys clientKeys
	if old != nil {
		oldKeys = w.db.keysOf(old)
	}
	newKeys := w.db.keysOf(c)
	if err := putClient(w.tx, old, c, &oldKeys, &newKeys); err != nil {
		var ve *model.ValidationError
		if errors.As(err, &ve) {
			return ImportResult{Action: model.ImportReject, Err: ve}, false
		}
		return ImportResult{Action: model.ImportReject, Err: err}, false
	}
	if k := extKey(c.External); k != nil && bytes.Compare(k, w.extMax) > 0 {
		w.extMax = k // a code this batch gave an existing client
	}
	if key := clientTaxKey(c.TaxCountry, c.TaxID); key != "" && (old == nil || clientTaxKey(old.TaxCountry, old.TaxID) != key) {
		w.local[key] = append(w.local[key], c.ID)
	}
	return ImportResult{}, true
}

// mergeClient puts into c the fields the row carries.
func mergeClient(c, f *model.Client, carries ClientFields) {
	has := func(bit ClientFields) bool { return carries&bit != 0 }
	if has(CFShortName) {
		c.ShortName = f.ShortName
	}
	if has(CFFullName) {
		c.FullName = f.FullName
	}
	if has(CFKind) {
		c.Kind = f.Kind
	}
	if has(CFTaxCountry) {
		c.TaxCountry = f.TaxCountry
	}
	if has(CFTaxID) {
		c.TaxID = f.TaxID
	}
	if has(CFKPP) {
		c.KPP = f.KPP
	}
	if has(CFOGRN) {
		c.OGRN = f.OGRN
	}
	if has(CFLegalAddress) {
		c.LegalAddress = f.LegalAddress
	}
	if has(CFActualAddress) {
		c.ActualAddress = f.ActualAddress
	}
	if has(CFCity) {
		c.City = f.City
	}
	if has(CFRegion) {
		c.Region = f.Region
	}
	if has(CFBranch) {
		c.Branch = f.Branch
	}
	if has(CFPhones) {
		c.Phones = mergePhones(c.Phones, f.Phones)
	}
	if has(CFEmails) {
		c.Emails = slices.Clone(f.Emails)
	}
	if has(CFFax) {
		c.Fax = f.Fax
	}
	if has(CFLanguage) {
		c.Language = f.Language
	}
	if has(CFTimeZone) {
		c.TimeZone = f.TimeZone
	}
	if has(CFSource) {
		c.Source = f.Source
	}
	if has(CFManager) {
		c.Manager = f.Manager
	}
	if has(CFCategory) {
		c.Category = f.Category
	}
	if has(CFStatus) {
		c.Status = f.Status
	}
	if has(CFKeyClient) {
		c.Flags.KeyClient = f.Flags.KeyClient
	}
	if has(CFCreditHold) {
		c.Flags.CreditHold = f.Flags.CreditHold
	}
	if has(CFDissatisfied) {
		c.Flags.Dissatisfied = f.Flags.Dissatisfied
	}
	if has(CFLegalDispute) {
		c.Flags.LegalDispute = f.Flags.LegalDispute
	}
	if has(CFDoNotContact) {
		c.Flags.DoNotContact = f.Flags.DoNotContact
	}
	if has(CFCreditLimit) {
		c.CreditLimit = f.CreditLimit
	}
	if has(CFDeferralDays) {
		c.DeferralDays = f.DeferralDays
	}
	if has(CFContactEvery) {
		c.ContactEvery = f.ContactEvery
	}
	if has(CFCallWindow) {
		c.CallWindow = f.CallWindow
	}
	if has(CFPriceColumn) {
		c.PriceColumn = f.PriceColumn
	}
	if has(CFCompetitors) {
		c.Competitors = f.Competitors
	}
	if has(CFNotes) {
		c.Notes = f.Notes
	}
	if has(CFArchived) {
		c.Archived = f.Archived
	}
	// An empty cell keeps the code (codes are how files find records), and
	// so does the same code spelt otherwise (codes compare as extKey does).
	if has(CFExternal) && f.External != "" && string(extKey(f.External)) != string(extKey(c.External)) {
		c.External = f.External
	}
}

// mergePhones is the file's phones in the file's order; a phone the card
// already has (same number) keeps its label, wrong-number mark and text.
func mergePhones(old, file []model.Phone) []model.Phone {
	if len(file) == 0 {
		return nil
	}
	out := make([]model.Phone, len(file))
	for i, p := range file {
		out[i] = p
		for _, o := range old {
			if o.E164 != "" && o.E164 == p.E164 {
				out[i] = o
				break
			}
		}
	}
	return out
}

// EachClient calls fn with every client in id order (archived ones too),
// read in one transaction and decoded straight from the records; it stops
// at fn's first error or when ctx is done.
func (s *Session) EachClient(ctx context.Context, fn func(model.Client) error) error {
	return s.db.bolt.View(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketClients).Cursor()
		n := 0
		var c model.Client
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			if n++; n&4095 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if err := decode(v, &c); err != nil {
				return err
			}
			if err := fn(c); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
}

// OwnCodePrefix starts the code an export writes for a client without an
// external code ("cb:<id>"), so a file re-imported finds the client again
// and one imported into an empty database keeps the code.
const OwnCodePrefix = "cb:"

// ownCode is the code an export writes for client id without a code.
func ownCode(id model.ID) string { return OwnCodePrefix + strconv.FormatUint(uint64(id), 10) }

// ExternalOrOwn is c's external code, or the made-up one when it has none.
func ExternalOrOwn(c *model.Client) string {
	if c.External != "" {
		return c.External
	}
	return ownCode(c.ID)
}

func parseOwnCode(code string) (model.ID, bool) {
	code = strings.TrimSpace(code)
	if len(code) < 4 || code[0]|0x20 != 'c' || code[1]|0x20 != 'b' || code[2] != ':' {
		return 0, false
	}
	rest, ok := strings.CutPrefix(strings.ToLower(code), OwnCodePrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(rest, 10, 64)
	return model.ID(n), err == nil && n > 0
}

// ClientIDByExternal is the client holding external code, 0 for none.
func (s *Session) ClientIDByExternal(code string) (model.ID, error) {
	var id model.ID
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		id = extLookup(tx, bucketClientExt, code)
		return nil
	})
	return id, err
}

// clientTaxKey is the import's matching key of a tax id: the country and
// the id without spaces, upper-cased; "" for none.
func clientTaxKey(country model.TaxCountry, tax string) string {
	t := taxIDKey(tax)
	if t == "" {
		return ""
	}
	return string(country) + "\x00" + t
}

// recordTax reads the tax country and id from a client record without
// decoding the rest (the binary form writes them right after the names).
func recordTax(v []byte) (model.TaxCountry, string, bool) {
	if len(v) == 0 || v[0] != clientBinV1 {
		var c model.Client
		if err := decode(v, &c); err != nil {
			return "", "", false
		}
		return c.TaxCountry, c.TaxID, true
	}
	var country, tax string
	p := 1
	for p < len(v) {
		tag := v[p]
		p++
		if tag > tcTaxID {
			break
		}
		switch tag {
		case tcID:
			_, n := binary.Uvarint(v[p:])
			if n <= 0 {
				return "", "", false
			}
			p += n
		case tcShortName, tcFullName, tcKind, tcTaxCountry, tcTaxID:
			l, n := binary.Uvarint(v[p:])
			if n <= 0 || l > uint64(len(v)-p-n) {
				return "", "", false
			}
			s := string(v[p+n : p+n+int(l)])
			p += n + int(l)
			switch tag {
			case tcTaxCountry:
				country = s
			case tcTaxID:
				tax = s
			}
		default:
			return "", "", false
		}
	}
	return model.TaxCountry(country), tax, true
}

// taxIndex maps a client tax key (clientTaxKey) to the clients holding it,
// so an import matches a row by tax id without searching at a million
// clients. It lives beside a database once an import has built it; every
// write of a client keeps it (putClient → noteClientTax, on commit), a bulk
// load forgets it. An entry may be stale (the client's tax id changed
// since): lookups confirm each candidate against its record.
type taxIndex struct {
	mu    sync.Mutex
	one   map[string]model.ID
	more  map[string][]model.ID // keys held by several clients
	built bool
}

func (t *taxIndex) add(key string, id model.ID) {
	if prev, ok := t.one[key]; !ok {
		t.one[key] = id
	} else if prev != id && !slices.Contains(t.more[key], id) {
		if t.more == nil {
			t.more = map[string][]model.ID{}
		}
		if len(t.more[key]) == 0 {
			t.more[key] = []model.ID{prev}
		}
		t.more[key] = append(t.more[key], id)
	}
}

// lookup is called inside a write transaction under writeMu: the only
// other writers of t (OnCommit of client saves, every one under writeMu)
// cannot run until it ends, so it reads without the lock.
func (t *taxIndex) lookup(key string) []model.ID {
	if ids, ok := t.more[key]; ok {
		return slices.Clone(ids)
	}
	if id, ok := t.one[key]; ok {
		return []model.ID{id}
	}
	return nil
}

var (
	taxIndexesMu sync.Mutex
	taxIndexes   = map[weak.Pointer[bolt.DB]]*taxIndex{}
)

// taxIndexFor is tx's database's tax index, built from the records in tx
// if this is its first use (tx is a write transaction: nothing changes
// under the scan).
func taxIndexFor(tx *bolt.Tx) *taxIndex {
	bdb := tx.DB()
	key := weak.Make(bdb)
	taxIndexesMu.Lock()
	t := taxIndexes[key]
	if t == nil {
		t = &taxIndex{}
		taxIndexes[key] = t
		runtime.AddCleanup(bdb, func(k weak.Pointer[bolt.DB]) {
			taxIndexesMu.Lock()
			delete(taxIndexes, k)
			taxIndexesMu.Unlock()
		}, key)
	}
	taxIndexesMu.Unlock()
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.built {
		t.one, t.more = map[string]model.ID{}, nil
		_ = tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
			if country, tax, ok := recordTax(v); ok {
				if key := clientTaxKey(country, tax); key != "" {
					t.add(key, model.ID(btoi(k)))
				}
			}
			return nil
		})
		t.built = true
	}
	return t
}

// builtTaxIndex is db's tax index when one is built, else nil.
func builtTaxIndex(bdb *bolt.DB) *taxIndex {
	taxIndexesMu.Lock()
	defer taxIndexesMu.Unlock()
	return taxIndexes[weak.Make(bdb)]
}

// noteClientTax keeps a built tax index: c's key (when new or changed) is
// added once tx commits.
func noteClientTax(tx *bolt.Tx, old, c *model.Client) {
	key := clientTaxKey(c.TaxCountry, c.TaxID)
	if key == "" || old != nil && clientTaxKey(old.TaxCountry, old.TaxID) == key {
		return
	}
	t := builtTaxIndex(tx.DB())
	if t == nil {
		return
	}
	id := c.ID
	tx.OnCommit(func() {
		t.mu.Lock()
		if t.built {
			t.add(key, id)
		}
		t.mu.Unlock()
	})
}

// forgetTaxIndex drops db's tax index after a bulk change of the clients
// bucket; the next import builds it again.
func forgetTaxIndex(bdb *bolt.DB) {
	if t := builtTaxIndex(bdb); t != nil {
		t.mu.Lock()
		t.built, t.one, t.more = false, nil, nil
		t.mu.Unlock()
	}
}
