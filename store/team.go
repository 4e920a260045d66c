package store

import (
	"bytes"
	"strings"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/ssh"

	"clientbase/model"
)

// Users' SSH keys: the team server (`clientbase serve`) signs a connection
// in as the user whose key it offers.
//
//	idx_user_key   key fingerprint ("SHA256:…") → user id(8) (schema 7): each
//	               key belongs to at most one user; written with the user record

var bucketUserKey = []byte("idx_user_key")

// teamBuckets are schema 7's.
var teamBuckets = [][]byte{bucketUserKey}

// ParseKeyLine reads one authorized_keys line ("ssh-ed25519 AAAA… comment";
// options before the key are dropped) into a UserKey with its SHA256
// fingerprint; Added is left zero. Bad text is a *model.ValidationError on
// field "key" with a sentence.
func ParseKeyLine(line string) (model.UserKey, error) {
	line = strings.TrimSpace(line)
	bad := func(key string, args ...any) error {
		return &model.ValidationError{Fields: map[string]string{"key": model.T(key, args...)}}
	}
	if line == "" {
		return model.UserKey{}, bad("storeteam.key_empty")
	}
	if strings.ContainsAny(line, "\r\n") {
		return model.UserKey{}, bad("storeteam.key_one_line")
	}
	pub, comment, _, _, err := ssh.ParseAuthorizedKey([]byte(line))
	if err != nil {
		return model.UserKey{}, bad("storeteam.key_bad")
	}
	k := model.UserKey{
		Type:        pub.Type(),
		Fingerprint: ssh.FingerprintSHA256(pub),
		Comment:     strings.TrimSpace(comment),
	}
	k.Line = strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub)))
	if k.Comment != "" {
		k.Line += " " + k.Comment
	}
	return k, nil
}

// UserByKey is the active user whose key has fingerprint; model.ErrNotFound
// for an unknown key or an archived user.
func (db *DB) UserByKey(fingerprint string) (model.User, error) {
	var u model.User
	err := db.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketUserKey)
		var id []byte
		if b != nil {
			id = b.Get([]byte(fingerprint))
		}
		if id == nil {
			return model.Sentencef(model.ErrNotFound, "storeteam.key_unknown", fingerprint)
		}
		v := tx.Bucket(bucketUsers).Get(id)
		if v == nil {
			return model.Sentencef(model.ErrNotFound, "storeteam.key_unknown", fingerprint)
		}
		return decode(v, &u)
	})
	if err != nil {
		return model.User{}, err
	}
	if u.Archived {
		return model.User{}, model.Sentencef(model.ErrNotFound, "store.user_archived", u.Name)
	}
	return u, nil
}

// userByName loads user name in tx.
func userByName(tx *bolt.Tx, name string) (model.User, error) {
	id := tx.Bucket(bucketUserName).Get([]byte(name))
	if id == nil {
		return model.User{}, model.Sentencef(model.ErrNotFound, "store.no_user", name)
	}
	v := tx.Bucket(bucketUsers).Get(id)
	if v == nil {
		return model.User{}, model.Sentencef(model.ErrNotFound, "store.no_user", name)
	}
	var u model.User
	err := decode(v, &u)
	return u, err
}

// claimKey points fingerprint at user id, refusing a key that is another
// user's (a sentence naming them).
func claimKey(tx *bolt.Tx, fingerprint string, id model.ID) error {
	b := tx.Bucket(bucketUserKey)
	if owner := b.Get([]byte(fingerprint)); owner != nil && btoi(owner) != uint64(id) {
		name := "?"
		if v := tx.Bucket(bucketUsers).Get(owner); v != nil {
			var o model.User
			if decode(v, &o) == nil {
				name = o.Name
			}
		}
		return &model.ValidationError{Fields: map[string]string{"key": model.T("storeteam.key_taken", fingerprint, name)}}
	}
	return b.Put([]byte(fingerprint), itob(uint64(id)))
}

// mayManageUsers is the rights and read-only check of the key changes.
func (s *Session) mayManageUsers() error {
	if s.db.ro {
		return s.db.readOnlyErr()
	}
	if !model.Can(s.me, model.ActUserManage) {
		return forbidden(s.me, "store.act.users")
	}
	return nil
}

// AddUserKey gives user name the SSH key of an authorized_keys line (the
// director only). A key the user already has is returned as it is; a key
// on another user is refused with a sentence naming them; bad text is a
// *model.ValidationError (field "key"). Nothing is saved on refusal.
func (s *Session) AddUserKey(name, line string) (model.UserKey, error) {
	if err := s.mayManageUsers(); err != nil {
		return model.UserKey{}, err
	}
	k, err := ParseKeyLine(line)
	if err != nil {
		return model.UserKey{}, err
	}
	db := s.db
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	var u model.User
	err = s.update(func(tx *bolt.Tx) error {
		old, err := userByName(tx, strings.TrimSpace(name))
		if err != nil {
			return err
		}
		for _, have := range old.Keys {
			if have.Fingerprint == k.Fingerprint {
				k, u = have, old
				return nil
			}
		}
		if err := claimKey(tx, k.Fingerprint, old.ID); err != nil {
			return err
		}
		k.Added = db.now()
		u = old
		u.Keys = append(append([]model.UserKey(nil), old.Keys...), k)
		return db.putUser(tx, &old, &u, s.me.Name, "")
	})
	if err != nil {
		return model.UserKey{}, err
	}
	db.cacheUser(u, "")
	return k, nil
}

// RemoveUserKey takes the key with fingerprint from user name (the
// director only); a key the user does not have is model.ErrNotFound.
func (s *Session) RemoveUserKey(name, fingerprint string) error {
	if err := s.mayManageUsers(); err != nil {
		return err
	}
	db := s.db
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	var u model.User
	err := s.update(func(tx *bolt.Tx) error {
		old, err := userByName(tx, strings.TrimSpace(name))
		if err != nil {
			return err
		}
		u = old
		u.Keys = nil
		for _, k := range old.Keys {
			if k.Fingerprint != fingerprint {
				u.Keys = append(u.Keys, k)
			}
		}
		if len(u.Keys) == len(old.Keys) {
			return model.Sentencef(model.ErrNotFound, "storeteam.key_not_users", old.Name, fingerprint)
		}
		b := tx.Bucket(bucketUserKey)
		if owner := b.Get([]byte(fingerprint)); owner != nil && btoi(owner) == uint64(old.ID) {
			if err := b.Delete([]byte(fingerprint)); err != nil {
				return err
			}
		}
		return db.putUser(tx, &old, &u, s.me.Name, "")
	})
	if err != nil {
		return err
	}
	db.cacheUser(u, "")
	return nil
}

// migrateUserKeys creates idx_user_key (schema 7) and fills it from the
// users' keys.
func migrateUserKeys(tx *bolt.Tx) error {
	b, err := tx.CreateBucketIfNotExists(bucketUserKey)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketUsers).ForEach(func(k, v []byte) error {
		var u model.User
		if err := decode(v, &u); err != nil {
			return err
		}
		for _, key := range u.Keys {
			if old := b.Get([]byte(key.Fingerprint)); old != nil && !bytes.Equal(old, k) {
				continue // the first user keeps a key two records claim
			}
			if err := b.Put([]byte(key.Fingerprint), bytes.Clone(k)); err != nil {
				return err
			}
		}
		return nil
	})
}
