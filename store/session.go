package store

import (
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Session is the store as one signed-in user sees it: every change is
// checked against the rights table and audited under that user's name.
type Session struct {
	db  *DB
	me  model.User
	via string // the SSH key fingerprint of a team-server session (Via)
}

// As binds the store to a signed-in user.
func (db *DB) As(u model.User) *Session { return &Session{db: db, me: u} }

// Me is the session's user.
func (s *Session) Me() model.User { return s.me }

// DB is the database under the session.
func (s *Session) DB() *DB { return s.db }

// SignIn finds the user called name. On a database without users (and not
// read-only) it creates name as the director, so a new department can start.
func (db *DB) SignIn(name string) (model.User, error) {
	name = strings.TrimSpace(name)
	db.usersMu.RLock()
	u, ok := db.usersByNm[name]
	n := len(db.usersByNm)
	db.usersMu.RUnlock()
	switch {
	case ok && u.Archived:
		return model.User{}, model.Sentencef(model.ErrForbidden, "store.user_archived", name)
	case ok:
		return u, nil
	case n > 0 || db.ro || name == "":
		return model.User{}, model.Sentencef(model.ErrNotFound, "store.no_user", name)
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	first := model.User{Name: name, FullName: name, Role: model.RoleDirector}
	err := db.update("", func(tx *bolt.Tx) error {
		if counter(tx, keyUsers) > 0 {
			return model.Sentencef(model.ErrNotFound, "store.no_user", name)
		}
		return db.putUser(tx, nil, &first, name, model.T("store.director_first"))
	})
	if err != nil {
		return model.User{}, err
	}
	db.cacheUser(first, "")
	return first, nil
}

// putUser writes a new (old nil) or changed user with its name index,
// counter and audit entry.
func (db *DB) putUser(tx *bolt.Tx, old, u *model.User, by, reason string) error {
	now := db.now()
	users, names := tx.Bucket(bucketUsers), tx.Bucket(bucketUserName)
	if id := names.Get([]byte(u.Name)); id != nil && (old == nil || btoi(id) != uint64(old.ID)) {
		return &model.ValidationError{Fields: map[string]string{"name": model.T("store.user_exists", u.Name)}}
	}
	action := "update"
	if old == nil {
		seq, err := users.NextSequence()
		if err != nil {
			return err
		}
		u.ID, u.CreatedAt, u.CreatedBy, u.Version = model.ID(seq), now, by, 0
		action = "create"
		if err := addCounter(tx, keyUsers, 1); err != nil {
			return err
		}
	} else {
		u.CreatedAt, u.CreatedBy = old.CreatedAt, old.CreatedBy
		if old.Name != u.Name {
			if err := names.Delete([]byte(old.Name)); err != nil {
				return err
			}
		}
	}
	u.Version++
	u.UpdatedAt, u.UpdatedBy = now, by
	v, err := encode(u)
	if err != nil {
		return err
	}
	if err := users.Put(itob(uint64(u.ID)), v); err != nil {
		return err
	}
	if err := names.Put([]byte(u.Name), itob(uint64(u.ID))); err != nil {
		return err
	}
	var before model.User
	if old != nil {
		before = *old
	}
	return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "user", Record: u.ID, Action: action, Reason: reason, Changes: diffUsers(&before, u)})
}

func diffUsers(old, new *model.User) []model.FieldChange {
	var out changeList
	add := out.add
	add("name", old.Name, new.Name)
	add("full_name", old.FullName, new.FullName)
	add("role", string(old.Role), string(new.Role))
	add("archived", yesNo(old.Archived && old.ID != 0), yesNo(new.Archived))
	add("keys", keyList(old.Keys), keyList(new.Keys))
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func (db *DB) cacheUser(u model.User, oldName string) {
	db.usersMu.Lock()
	if oldName != "" && oldName != u.Name {
		delete(db.usersByNm, oldName)
	}
	db.usersByNm[u.Name] = u
	db.usersMu.Unlock()
}

// SaveUser creates (ID 0) or changes a user; the director only.
func (s *Session) SaveUser(u model.User) (model.User, error) {
	db := s.db
	if db.ro {
		return model.User{}, db.readOnlyErr()
	}
	if !model.Can(s.me, model.ActUserManage) {
		return model.User{}, forbidden(s.me, "store.act.users")
	}
	u.Name = strings.TrimSpace(u.Name)
	ve := &model.ValidationError{}
	if u.Name == "" {
		ve.Add("name", model.T("store.no_user_name"))
	}
	validRole := false
	for _, r := range model.Roles {
		validRole = validRole || r == u.Role
	}
	if !validRole {
		ve.Add("role", model.T("store.user_role", string(u.Role)))
	}
	// A new user may come with keys (authorized_keys lines); an existing
	// one's keys change only through AddUserKey and RemoveUserKey.
	var keys []model.UserKey
	if u.ID == 0 {
		for _, k := range u.Keys {
			pk, err := ParseKeyLine(k.Line)
			if err != nil {
				return model.User{}, err
			}
			pk.Added = db.now()
			keys = append(keys, pk)
		}
	}
	if ve.Err() != nil {
		return model.User{}, ve
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	oldName := ""
	err := s.update(func(tx *bolt.Tx) error {
		if u.ID == 0 {
			u.Keys = keys
			if err := db.putUser(tx, nil, &u, s.me.Name, ""); err != nil {
				return err
			}
			for _, k := range keys {
				if err := claimKey(tx, k.Fingerprint, u.ID); err != nil {
					return err
				}
			}
			return nil
		}
		v := tx.Bucket(bucketUsers).Get(itob(uint64(u.ID)))
		if v == nil {
			return model.Sentencef(model.ErrNotFound, "store.user_missing", uint64(u.ID))
		}
		var old model.User
		if err := decode(v, &old); err != nil {
			return err
		}
		if old.Version != u.Version {
			return model.Sentencef(model.ErrConflict, "store.user_conflict", model.FormatDateTime(old.UpdatedAt, time.Local), old.UpdatedBy)
		}
		// Clients name their manager and the audit its authors by login
		// name: a rename would cut the user off from both.
		if old.Name != u.Name {
			return &model.ValidationError{Fields: map[string]string{"name": model.T("store.user_rename", old.Name)}}
		}
		oldName = old.Name
		u.Keys = old.Keys
		if err := db.putUser(tx, &old, &u, s.me.Name, ""); err != nil {
			return err
		}
		if u.Archived && !old.Archived { // nobody else could let their calls go
			_, err := db.releaseHoldsOf(tx, u.Name, s.me.Name, model.T("storeplan.holder_archived"))
			return err
		}
		return nil
	})
	if err != nil {
		return model.User{}, err
	}
	db.cacheUser(u, oldName)
	return u, nil
}

// Users lists the department's users by login name.
func (s *Session) Users() ([]model.User, error) {
	s.db.usersMu.RLock()
	out := make([]model.User, 0, len(s.db.usersByNm))
	for _, u := range s.db.usersByNm {
		out = append(out, u)
	}
	s.db.usersMu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Stats returns the record counts kept in the meta bucket.
func (s *Session) Stats() (model.Stats, error) { return s.db.Stats() }

// Stats returns the record counts kept in the meta bucket.
func (db *DB) Stats() (model.Stats, error) {
	var st model.Stats
	err := db.bolt.View(func(tx *bolt.Tx) error {
		st = model.Stats{
			Clients:  int(counter(tx, keyClientsLive)),
			Archived: int(counter(tx, keyClientsArchived)),
			Users:    int(counter(tx, keyUsers)),
		}
		return nil
	})
	return st, err
}

// UserHistory returns a user's audit entries, oldest first.
func (s *Session) UserHistory(id model.ID) ([]model.AuditEntry, error) {
	return s.db.history("user", uint64(id))
}

// keyList is the fingerprints of keys, for the audit's diff.
func keyList(keys []model.UserKey) string {
	fps := make([]string, len(keys))
	for i, k := range keys {
		fps[i] = k.Fingerprint
	}
	return strings.Join(fps, ", ")
}
