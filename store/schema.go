package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// migration brings the layout from version to version+1 in one transaction.
type migration struct {
	from int
	name string
	run  func(tx *bolt.Tx) error
}

// migrations are ordered; migrations[i].from == i+1.
var migrations = []migration{
	{from: 1, name: "build idx_client_skel", run: migrateSkeletons},
}

// migrateSkeletons builds the near-identical-name index for existing clients.
func migrateSkeletons(tx *bolt.Tx) error {
	skel, err := tx.CreateBucketIfNotExists(bucketClientSkeleton)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
		var c model.Client
		if err := decode(v, &c); err != nil {
			return err
		}
		if s := model.NameSkeleton(c.ShortName); s != "" {
			return skel.Put(compositeKey([]byte(s), btoi(k)), nil)
		}
		return nil
	})
}

// prepareSchema creates the layout in a new file, migrates an older one, and
// refuses a newer one or a bbolt file that is not clientbase's, without
// writing anything in those cases.
func (db *DB) prepareSchema() error {
	var version uint64
	var empty, foreign bool
	if err := db.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			n := 0
			_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error { n++; return nil })
			empty, foreign = n == 0, n > 0
			return nil
		}
		version = btoi(meta.Get(keySchema))
		return nil
	}); err != nil {
		return model.Sentencef(ErrNotDatabase, "store.not_database", db.path)
	}
	switch {
	case foreign || (!empty && version == 0):
		return model.Sentencef(ErrNotDatabase, "store.not_database", db.path)
	case empty && db.ro:
		return model.Sentencef(ErrNotDatabase, "store.not_database", db.path)
	case empty:
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			for _, name := range append(schema1Buckets, bucketClientSkeleton) {
				if _, err := tx.CreateBucketIfNotExists(name); err != nil {
					return err
				}
			}
			return tx.Bucket(bucketMeta).Put(keySchema, itob(SchemaVersion))
		})
		if err != nil {
			return model.Sentencef(ErrNotDatabase, "store.cannot_open", db.path, err)
		}
		return nil
	case version > SchemaVersion:
		return model.Sentencef(ErrTooNew, "store.too_new", db.path, version, SchemaVersion)
	case version < SchemaVersion && db.ro:
		return model.Sentencef(ErrTooOld, "store.old_read_only", db.path, version, SchemaVersion)
	}
	for _, m := range migrations {
		if uint64(m.from) < version {
			continue
		}
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			if err := m.run(tx); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(keySchema, itob(uint64(m.from+1)))
		})
		if err != nil { // the transaction rolled back: the file is as it was before this step
			return model.Sentencef(ErrNotDatabase, "store.migration_failed", db.path, m.from+1, fmt.Sprintf("%s: %v", m.name, err))
		}
		version = uint64(m.from + 1)
	}
	return nil
}

// hasPrefix is bytes.HasPrefix, named for cursor loops.
func hasPrefix(k, prefix []byte) bool { return bytes.HasPrefix(k, prefix) }
