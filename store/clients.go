package store

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
	"clientbase/store/search"
)

// clientKeys are the index entries one client has besides the archived set.
type clientKeys struct {
	name []byte // idx_client_name key
	blob []byte // idx_client_name value
}

// keysOf computes c's index entries (c.ID must be set).
func (db *DB) keysOf(c *model.Client) clientKeys {
	return clientKeys{
		name: nameIndexKey(c.ShortName, uint64(c.ID)),
		blob: search.ClientBlob(c, db.managerID(c.Manager)),
	}
}

func taxIDKey(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

func emailKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// phoneKey is the digits of the E.164 form (of the raw text while a phone
// has none), the form the phone index and the search index share.
func phoneKey(p model.Phone) string {
	src := p.E164
	if src == "" {
		src = p.Raw
	}
	d := digits(src)
	if len(d) < 5 {
		return ""
	}
	return d
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (db *DB) managerID(name string) uint32 {
	if name == "" {
		return 0
	}
	db.usersMu.RLock()
	u, ok := db.usersByNm[name]
	db.usersMu.RUnlock()
	if !ok {
		return 0
	}
	return uint32(u.ID)
}

// putClient writes c and its index entries, deleting old's entries (old nil:
// a new client), and keeps the counters.
func putClient(tx *bolt.Tx, old, c *model.Client, oldKeys, newKeys *clientKeys) error {
	id := itob(uint64(c.ID))
	v, err := appendClientRecord(nil, c)
	if err != nil {
		return err
	}
	oldExt := ""
	if old != nil {
		oldExt = old.External
	}
	if err := putExt(tx, bucketClientExt, c.ID, oldExt, c.External); err != nil {
		return err // a code another client holds: nothing of this save is written
	}
	if err := tx.Bucket(bucketClients).Put(id, v); err != nil {
		return err
	}
	noteClientTax(tx, old, c) // the import's tax-id map follows (exchange_clients.go)
	names := tx.Bucket(bucketClientName)
	if old != nil && !bytes.Equal(oldKeys.name, newKeys.name) {
		if err := names.Delete(oldKeys.name); err != nil {
			return err
		}
	}
	if err := names.Put(newKeys.name, newKeys.blob); err != nil {
		return err
	}
	arch := tx.Bucket(bucketClientArchived)
	if c.Archived {
		err = arch.Put(id, nil)
	} else if old != nil && old.Archived {
		err = arch.Delete(id)
	}
	if err != nil {
		return err
	}
	wasLive, wasArchived := 0, 0
	if old != nil {
		if old.Archived {
			wasArchived = 1
		} else {
			wasLive = 1
		}
	}
	isLive, isArchived := 1, 0
	if c.Archived {
		isLive, isArchived = 0, 1
	}
	if d := isLive - wasLive; d != 0 {
		if err := addCounter(tx, keyClientsLive, int64(d)); err != nil {
			return err
		}
	}
	if d := isArchived - wasArchived; d != 0 {
		if err := addCounter(tx, keyClientsArchived, int64(d)); err != nil {
			return err
		}
	}
	return nil
}

// writeAudit appends e to the audit log and its record index; in a
// transaction of update it also stamps e's Via and notes its change for
// the feed (feed.go).
func writeAudit(tx *bolt.Tx, e *model.AuditEntry) error {
	noteAudit(tx, e)
	b := tx.Bucket(bucketAudit)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	e.ID = model.ID(seq)
	v, err := encode(e)
	if err != nil {
		return err
	}
	if err := b.Put(itob(seq), v); err != nil {
		return err
	}
	return tx.Bucket(bucketAuditRecord).Put(auditRecordKey(e.Kind, uint64(e.Record), seq), nil)
}

func getClient(tx *bolt.Tx, id model.ID) (model.Client, error) {
	return getRecord[model.Client](tx, bucketClients, id, "store.client_missing")
}

// Client loads one client.
func (s *Session) Client(id model.ID) (model.Client, error) {
	return readRecord(s.db, id, getClient)
}

// SaveClient creates (ID 0) or updates a client: validation, version check,
// rights, category history, record, indexes and audit in one transaction,
// then the search index.
func (s *Session) SaveClient(c model.Client, reason string) (model.Client, error) {
	db := s.db
	if db.ro {
		return model.Client{}, db.readOnlyErr()
	}
	c = cloneClient(c)
	c.External = strings.TrimSpace(c.External)
	if ve := model.PrepareClient(&c); ve != nil && len(ve.Fields) > 0 {
		return model.Client{}, ve
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	db.waitIndexed() // see queueIndex
	now := db.now()
	err := s.update(func(tx *bolt.Tx) error {
		var old *model.Client
		action := "create"
		if c.ID != 0 {
			o, err := getClient(tx, c.ID)
			if err != nil {
				return err
			}
			if o.Version != c.Version {
				return conflict(o.Meta)
			}
			old, action = &o, "update"
		}
		// The category history, the archive mark and the creation stamp are
		// the store's to keep: a category changes only with its history entry,
		// the archive mark only through SetArchived. They are settled before
		// the rights check, so it judges only what the user asked to change.
		if old != nil {
			c.CategoryLog, c.Archived = old.CategoryLog, old.Archived
			c.CreatedAt, c.CreatedBy = old.CreatedAt, old.CreatedBy
		} else {
			c.CategoryLog, c.Archived = nil, false
		}
		if err := model.CheckClientChange(s.me, old, &c, reason); err != nil {
			return err
		}
		to := c.Category
		if old != nil {
			c.Category = old.Category
		} else {
			c.Category = model.CategoryNone
			id, err := tx.Bucket(bucketClients).NextSequence()
			if err != nil {
				return err
			}
			c.ID, c.CreatedAt, c.CreatedBy, c.Version = model.ID(id), now, s.me.Name, 0
		}
		if to != c.Category {
			model.ApplyCategoryChange(&c, to, s.me.Name, reason, now)
		}
		c.Version++
		c.UpdatedAt, c.UpdatedBy = now, s.me.Name
		before := model.Client{}
		var oldKeys clientKeys
		if old != nil {
			before = *old
			oldKeys = db.keysOf(old)
		}
		newKeys := db.keysOf(&c)
		if err := putClient(tx, old, &c, &oldKeys, &newKeys); err != nil {
			return err
		}
		if err := writeAudit(tx, &model.AuditEntry{
			At: now, User: s.me.Name, Kind: "client", Record: c.ID, Action: action,
			Reason: reason, Changes: model.DiffClients(&before, &c),
		}); err != nil {
			return err
		}
		return db.saveClientRecurring(tx, s.me.Name, old, &c, now) // the plan follows the card's contact frequency
	})
	if err != nil {
		return model.Client{}, err
	}
	db.queueIndex(c)
	return c, nil
}

// cloneClient copies c's slices: PrepareClient normalises in place, and the
// caller's copy belongs to the UI goroutine.
func cloneClient(c model.Client) model.Client {
	c.Phones = slices.Clone(c.Phones)
	c.Emails = slices.Clone(c.Emails)
	c.CategoryLog = slices.Clone(c.CategoryLog)
	c.Contacts = slices.Clone(c.Contacts)
	for i := range c.Contacts {
		c.Contacts[i].Phones = slices.Clone(c.Contacts[i].Phones)
	}
	return c
}

func conflict(m model.Meta) error {
	return model.Sentencef(model.ErrConflict, "store.conflict", model.FormatDateTime(m.UpdatedAt, time.Local), m.UpdatedBy)
}

// SetArchived archives or restores a client; archiving again is a no-op.
func (s *Session) SetArchived(id model.ID, version uint64, archived bool) (model.Client, error) {
	db := s.db
	if db.ro {
		return model.Client{}, db.readOnlyErr()
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	db.waitIndexed() // see queueIndex
	now := db.now()
	var c model.Client
	changed := false
	err := s.update(func(tx *bolt.Tx) error {
		old, err := getClient(tx, id)
		if err != nil {
			return err
		}
		if !model.CanOnClient(s.me, model.ActClientArchive, &old) {
			return forbidden(s.me, "store.act.archive")
		}
		if old.Version != version {
			return conflict(old.Meta)
		}
		c = old
		if old.Archived == archived {
			return nil
		}
		changed = true
		c.Archived = archived
		c.Version++
		c.UpdatedAt, c.UpdatedBy = now, s.me.Name
		oldKeys, newKeys := db.keysOf(&old), db.keysOf(&c)
		if err := putClient(tx, &old, &c, &oldKeys, &newKeys); err != nil {
			return err
		}
		action, from, to := "archive", "no", "yes"
		if !archived {
			action, from, to = "restore", "yes", "no"
		}
		if err := writeAudit(tx, &model.AuditEntry{
			At: now, User: s.me.Name, Kind: "client", Record: c.ID, Action: action,
			Changes: []model.FieldChange{{Field: "archived", Old: from, New: to}},
		}); err != nil {
			return err
		}
		return db.setArchivedPlanTx(tx, s.me.Name, &c, now) // the plan follows the archive mark
	})
	if err != nil {
		return model.Client{}, err
	}
	if changed {
		db.archivedMu.Lock()
		if archived {
			db.archived[uint64(id)] = struct{}{}
		} else {
			delete(db.archived, uint64(id))
		}
		db.archivedMu.Unlock()
		db.queueIndex(c)
	}
	return c, nil
}

func forbidden(u model.User, what string) error {
	return model.Sentencef(model.ErrForbidden, "store.forbidden", u.Role, model.T(what))
}

// Duplicates finds existing clients sharing c's tax id, a phone, an e-mail
// or its name skeleton; c itself is excluded; each client once, with the
// first reason found. The search index proposes candidates (it holds every
// one of those values, folded) and each is confirmed against its record;
// while the index is being built, Duplicates waits for it.
func (s *Session) Duplicates(c model.Client) ([]model.DuplicateClient, error) {
	return s.db.duplicates(context.Background(), c)
}

// dupProbe is one value a duplicate must share exactly.
type dupProbe struct {
	reason int    // 0 tax id, 1 phone, 2 e-mail, 3 name skeleton
	value  string // in the form the confirmation compares
	text   string // the search-index query that proposes candidates
}

func (db *DB) duplicates(ctx context.Context, c model.Client) ([]model.DuplicateClient, error) {
	probe := cloneClient(c)
	_ = model.PrepareClient(&probe) // normalised values only; validity is the form's business
	var probes []dupProbe
	add := func(reason int, value, text string) {
		if value == "" {
			return
		}
		for _, p := range probes {
			if p.reason == reason && p.value == value {
				return
			}
		}
		probes = append(probes, dupProbe{reason, value, text})
	}
	tax := taxIDKey(probe.TaxID)
	add(0, tax, tax)
	for _, p := range probe.Phones {
		d := phoneKey(p)
		add(1, d, d)
	}
	for _, e := range probe.Emails {
		m := emailKey(e)
		add(2, m, m)
	}
	skel := model.NameSkeleton(probe.ShortName)
	add(3, skel, skel)
	if len(probes) == 0 {
		return nil, nil
	}
	ix, err := db.readyIndex(ctx)
	if err != nil {
		return nil, err
	}
	var out []model.DuplicateClient
	seen := map[uint64]bool{uint64(c.ID): true}
	for _, p := range probes {
		res, err := ix.Query(ctx, model.ClientFilter{Text: p.text, IncludeArchived: true}, 0)
		if err != nil {
			return nil, err
		}
		err = db.bolt.View(func(tx *bolt.Tx) error {
			clients := tx.Bucket(bucketClients)
			for i := range res.Len() {
				id := res.ID(i)
				if seen[id] {
					continue
				}
				v := clients.Get(itob(id))
				if v == nil {
					continue
				}
				if p.reason == 3 { // a broad name word: compare the name before decoding all
					if name, ok := recordShortName(v); ok && model.NameSkeleton(name) != p.value {
						continue
					}
				}
				var other model.Client
				if err := decode(v, &other); err != nil {
					return err
				}
				if !sharesValue(&other, p) {
					continue
				}
				seen[id] = true
				out = append(out, model.DuplicateClient{Client: other, Reason: duplicateReason(p.reason, p.value, &other)})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sharesValue confirms a search-index candidate: the index matches words
// inside text, a duplicate shares the whole value.
func sharesValue(c *model.Client, p dupProbe) bool {
	switch p.reason {
	case 0:
		return taxIDKey(c.TaxID) == p.value
	case 1:
		for _, ph := range c.Phones {
			if phoneKey(ph) == p.value {
				return true
			}
		}
	case 2:
		for _, e := range c.Emails {
			if emailKey(e) == p.value {
				return true
			}
		}
	case 3:
		return model.NameSkeleton(c.ShortName) == p.value
	}
	return false
}

// jsonShortName reads the short name from a JSON client record without
// decoding the rest (the encoder writes it second: {"id":N,"short_name":…).
func jsonShortName(v []byte) (string, bool) {
	const field = `"short_name":`
	i := bytes.Index(v, []byte(field))
	if i < 0 {
		return "", false
	}
	rest := v[i+len(field):]
	if len(rest) == 0 || rest[0] != '"' {
		return "", false
	}
	end := 1
	for end < len(rest) && rest[end] != '"' {
		if rest[end] == '\\' {
			end++
		}
		end++
	}
	if end >= len(rest) {
		return "", false
	}
	var s string
	if err := json.Unmarshal(rest[:end+1], &s); err != nil {
		return "", false
	}
	return s, true
}

func duplicateReason(reason int, value string, c *model.Client) string {
	switch reason {
	case 0:
		return model.T("store.dup.tax_id", value)
	case 1:
		return model.T("store.dup.phone", model.FormatPhone("+"+value))
	case 2:
		return model.T("store.dup.email", value)
	}
	return model.T("store.dup.name", c.ShortName)
}

// History returns a client's audit entries, oldest first.
func (s *Session) History(id model.ID) ([]model.AuditEntry, error) {
	return s.db.history("client", uint64(id))
}

func (db *DB) history(kind string, id uint64) ([]model.AuditEntry, error) {
	var out []model.AuditEntry
	err := db.bolt.View(func(tx *bolt.Tx) error {
		audit := tx.Bucket(bucketAudit)
		prefix := auditRecordPrefix(kind, id)
		cur := tx.Bucket(bucketAuditRecord).Cursor()
		for k, _ := cur.Seek(prefix); k != nil && hasPrefix(k, prefix) && len(k) == len(prefix)+8; k, _ = cur.Next() {
			v := audit.Get(k[len(prefix):])
			if v == nil {
				continue
			}
			var e model.AuditEntry
			if err := decode(v, &e); err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}
