package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// A bulk load writes records and name entries in many transactions and the
// counters, sequence and audit in its last one. A crash before that last
// commit leaves records nobody acknowledged; the next writable Open must
// clear them, or a new client would take id 1 over a stray record and
// leave its name entry behind.
func TestOpenClearsInterruptedBulkLoad(t *testing.T) {
	path := tempPath(t)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SignIn("boss"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// What the bulk load's earlier transactions leave behind.
	raw, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	stray := newClient("Stray bulk client")
	stray.ID, stray.Version, stray.Archived = 1, 1, true
	err = raw.Update(func(tx *bolt.Tx) error {
		rec, err := appendClientRecord(nil, &stray)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketClients).Put(itob(1), rec); err != nil {
			return err
		}
		if err := tx.Bucket(bucketClientArchived).Put(itob(1), nil); err != nil {
			return err
		}
		return tx.Bucket(bucketClientName).Put(nameIndexKey(stray.ShortName, 1), []byte("blob"))
	})
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}

	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(u)
	saved := mustSave(t, s, newClient("Real client"), "")
	page, err := s.List(t.Context(), model.ClientFilter{IncludeArchived: true}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || len(page.Rows) != 1 || page.Rows[0].ID != saved.ID {
		t.Fatalf("after an interrupted bulk load and one save the list is %d rows of %d: %+v", len(page.Rows), page.Total, page.Rows)
	}
	checkConsistency(t, db)
}
