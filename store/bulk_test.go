package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

func TestBulkLoadMatchesSavedClients(t *testing.T) {
	db, err := Open(tempPath(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	users, gen := department(5000)
	n, err := BulkLoad(db, users, gen)
	if err != nil || n != 5000 {
		t.Fatalf("loaded %d: %v", n, err)
	}
	// Every index agrees with the records, exactly as if each was saved.
	checkConsistency(t, db)
	err = db.bolt.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("tx.Check: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := db.Stats()
	if st.Clients+st.Archived != 5000 || st.Users != len(users) {
		t.Fatalf("stats %+v", st)
	}
	// The list is in name order before and after the search index.
	u, err := db.SignIn(users[0].Name)
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(u)
	before, err := s.List(context.Background(), model.ClientFilter{}, 0, st.Clients)
	if err != nil || len(before.Rows) != st.Clients {
		t.Fatalf("list: %d rows, %v", len(before.Rows), err)
	}
	for i := 1; i < len(before.Rows); i++ {
		a, b := before.Rows[i-1], before.Rows[i]
		if bytes.Compare(nameIndexKey(a.ShortName, uint64(a.ID)), nameIndexKey(b.ShortName, uint64(b.ID))) >= 0 {
			t.Fatalf("%q listed before %q", a.ShortName, b.ShortName)
		}
	}
	if err := db.BuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	after, _ := s.List(context.Background(), model.ClientFilter{}, 0, st.Clients)
	for i := range after.Rows {
		if after.Rows[i].ID != before.Rows[i].ID {
			t.Fatalf("row %d differs with the search index", i)
		}
	}
	// New clients continue the ids; the load is one audit entry.
	c := mustSave(t, s, newClient("После загрузки"), "")
	if c.ID != 5001 {
		t.Fatalf("next id %d", c.ID)
	}
	checkConsistency(t, db)
	if _, err := BulkLoad(db, nil, gen); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("a second bulk load: %v", err)
	}
}

func TestBulkLoadRefusesRepeatedIDs(t *testing.T) {
	db, err := Open(tempPath(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = BulkLoad(db, nil, func(emit func(model.Client) error) error {
		for _, id := range []model.ID{1, 2, 2} {
			c := newClient("Дубль")
			c.ID = id
			if err := emit(c); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		t.Fatal("a repeated id was loaded")
	}
	if st, _ := db.Stats(); st.Clients != 0 {
		t.Fatalf("a failed load left %d clients counted", st.Clients)
	}
	checkConsistency(t, db) // no records without their index entries

	// A failure after records were committed is undone as well.
	_, err = BulkLoad(db, nil, func(emit func(model.Client) error) error {
		for i := range 3 * bulkTxClients / 2 {
			c := newClient(fmt.Sprint("Клиент ", i))
			if err := emit(c); err != nil {
				return err
			}
		}
		return errors.New("the import file ended early")
	})
	if err == nil || err.Error() != "the import file ended early" {
		t.Fatalf("failed load: %v", err)
	}
	checkConsistency(t, db)
	if n, err := BulkLoad(db, nil, func(emit func(model.Client) error) error { return emit(newClient("После сбоя")) }); err != nil || n != 1 {
		t.Fatalf("a load after a failed one: %d %v", n, err)
	}
	checkConsistency(t, db)
}

// The demo department loaded as main's demo command does (prepared, no
// PrepareClient): more than one records transaction and many sorted runs
// of names, and the result passes the index-consistency checker.
func TestBulkLoadPreparedDemoIsConsistent(t *testing.T) {
	db, err := Open(tempPath(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const n = bulkTxClients + 3*bulkBatchSize + 17
	users, gen, opts := departmentWith(n)
	if !opts.Prepared {
		t.Skip("no demo generator")
	}
	var sample model.Client
	got, err := BulkLoadWith(db, users, opts, func(emit func(model.Client) error) error {
		return gen(func(c model.Client) error {
			if c.ID == 4321 {
				sample = c
			}
			return emit(c)
		})
	})
	if err != nil || got != n {
		t.Fatalf("loaded %d: %v", got, err)
	}
	checkConsistency(t, db)
	db.bolt.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("tx.Check: %v", err)
		}
		if k := tx.Bucket(bucketClients).Stats().KeyN; k != n {
			t.Errorf("%d records", k)
		}
		return nil
	})
	// Records are stored in the binary form and read back whole.
	u, _ := db.SignIn(users[0].Name)
	s := db.As(u)
	back, err := s.Client(sample.ID)
	if err != nil || back.ShortName != sample.ShortName || back.TaxID != sample.TaxID || len(back.Contacts) != len(sample.Contacts) || back.Version != 1 {
		t.Fatalf("client %d back: %+v %v", sample.ID, back, err)
	}
	// Duplicates finds a loaded client by its tax id, through the search index.
	if sample.TaxID != "" {
		probe := newClient("Совсем другое имя")
		probe.TaxCountry, probe.TaxID = sample.TaxCountry, sample.TaxID
		dups, err := s.Duplicates(probe)
		found := false
		for _, d := range dups {
			found = found || d.Client.ID == sample.ID
		}
		if err != nil || !found {
			t.Fatalf("tax id %s of client %d not found as a duplicate: %+v %v", sample.TaxID, sample.ID, dups, err)
		}
	}
}

func TestBulkLoadPreparedStillChecksNames(t *testing.T) {
	db, err := Open(tempPath(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = BulkLoadWith(db, nil, BulkOptions{Prepared: true}, func(emit func(model.Client) error) error {
		for i := range 3 * bulkBatchSize {
			c := newClient(fmt.Sprint("Клиент ", i))
			if i == bulkBatchSize+5 {
				c.ShortName = " "
			}
			if err := emit(c); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "no name") {
		t.Fatalf("a nameless prepared client: %v", err)
	}
	if st, _ := db.Stats(); st.Clients != 0 {
		t.Fatalf("a failed load left %d clients counted", st.Clients)
	}
	checkConsistency(t, db)
}
