package store

import (
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Backup writes a consistent copy of the database to path (a read
// transaction, so the running program keeps working): a temporary file in
// the target directory, synced, then renamed over path; mode 0600.
func (db *DB) Backup(path string) (err error) {
	if same(path, db.path) {
		return model.Sentencef(model.ErrForbidden, "store.backup_same", path)
	}
	fail := func(e error) error { return model.Sentencef(e, "store.backup_failed", path, e) }
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".clientbase-backup-*")
	if err != nil {
		return fail(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return fail(err)
	}
	if err := db.bolt.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	}); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // the rename itself survives a crash
		d.Close()
	}
	return nil
}

// Backup writes a consistent copy of the database, if the user's role may.
func (s *Session) Backup(path string) error {
	if !model.Can(s.me, model.ActBackup) {
		return forbidden(s.me, "store.act.backup")
	}
	return s.db.Backup(path)
}

func same(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(ia, ib)
	}
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}
