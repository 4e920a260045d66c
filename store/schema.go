package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"clientbase/model"
	"clientbase/store/search"
)

// migration brings the layout from version to version+1 in one transaction.
type migration struct {
	from int
	name string
	run  func(tx *bolt.Tx) error
}

// migrations are ordered; migrations[i].from == i+1.
var migrations = []migration{
	// 1→2 built idx_client_skel; 2→3 drops it with the other lookup
	// indexes, so the step only moves the version on.
	{from: 1, name: "build idx_client_skel (dropped again by 2→3)", run: func(*bolt.Tx) error { return nil }},
	{from: 2, name: "drop the lookup indexes, rebuild idx_client_name", run: migrateDropLookups},
	{from: 3, name: "create the call schedule buckets", run: migrateCallSchedule},
	{from: 4, name: "create the order, product, price and payment buckets", run: migrateOrders},
	{from: 5, name: "create the complaint buckets", run: migrateComplaints},
	{from: 6, name: "create and fill idx_user_key", run: migrateUserKeys},
	{from: 7, name: "create and fill the external code indexes", run: migrateExternalCodes},
}

// migrateCallSchedule creates schema 4's plan and interaction buckets.
func migrateCallSchedule(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketPlan, bucketInteractions, bucketPlanQueue, bucketPlanUser, bucketPlanDue, bucketPlanClient, bucketIxClient} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// migrateDropLookups deletes schema 1–2's lookup buckets (Duplicates asks the
// search index now) and rewrites idx_client_name from the records, so every
// client has its current key and blob: the search index is built from them.
func migrateDropLookups(tx *bolt.Tx) error {
	for _, name := range droppedLookupBuckets {
		if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
			return err
		}
	}
	managers := map[string]uint32{}
	if err := tx.Bucket(bucketUsers).ForEach(func(k, v []byte) error {
		var u model.User
		if err := decode(v, &u); err != nil {
			return err
		}
		managers[u.Name] = uint32(btoi(k))
		return nil
	}); err != nil {
		return err
	}
	if err := tx.DeleteBucket(bucketClientName); err != nil {
		return err
	}
	names, err := tx.CreateBucket(bucketClientName)
	if err != nil {
		return err
	}
	// Entries are sorted first and appended to full pages: inserting a
	// million in id order (random name order) would split pages all along.
	var entries []nameEntry
	if err := tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
		var c model.Client
		if err := decode(v, &c); err != nil {
			return err
		}
		entries = append(entries, nameEntry{k: nameIndexKey(c.ShortName, btoi(k)), v: search.ClientBlob(&c, managers[c.Manager])})
		return nil
	}); err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b nameEntry) int { return bytes.Compare(a.k, b.k) })
	names.FillPercent = 1.0
	for _, e := range entries {
		if err := names.Put(e.k, e.v); err != nil {
			return err
		}
	}
	return nil
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
			for _, name := range slices.Concat(schemaBuckets, orderBuckets, complaintBuckets, teamBuckets, exchangeBuckets) {
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
