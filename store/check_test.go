package store

import (
	"bytes"
	"fmt"
	"sort"
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// checkConsistency walks every bucket and compares each index with what the
// records say: the name index (keys and blobs), the archived set, the value
// indexes, the user name index, the audit record index and the counters;
// and that schema 1–2's lookup buckets are gone.
func checkConsistency(t testing.TB, db *DB) {
	t.Helper()
	for _, p := range consistencyProblems(db) {
		t.Error(p)
	}
}

func consistencyProblems(db *DB) []string {
	db.waitIndexed()
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	err := db.bolt.View(func(tx *bolt.Tx) error {
		wantName := map[string][]byte{}
		wantArchived := map[string]bool{}
		live, archived := 0, 0
		if err := tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
			var c model.Client
			if err := decode(v, &c); err != nil {
				return err
			}
			if uint64(c.ID) != btoi(k) {
				bad("client under key %d says id %d", btoi(k), c.ID)
			}
			keys := db.keysOf(&c)
			wantName[string(keys.name)] = keys.blob
			if c.Archived {
				archived++
				wantArchived[string(k)] = true
			} else {
				live++
			}
			return nil
		}); err != nil {
			return err
		}
		gotName := 0
		_ = tx.Bucket(bucketClientName).ForEach(func(k, v []byte) error {
			gotName++
			want, ok := wantName[string(k)]
			switch {
			case !ok:
				bad("idx_client_name has a stray entry for client %d", compositeID(k))
			case !bytes.Equal(want, v):
				bad("idx_client_name blob of client %d is stale", compositeID(k))
			}
			return nil
		})
		if gotName != len(wantName) {
			bad("idx_client_name has %d entries, the clients need %d", gotName, len(wantName))
		}
		compareSet := func(name []byte, want map[string]bool) {
			got := 0
			_ = tx.Bucket(name).ForEach(func(k, v []byte) error {
				got++
				if !want[string(k)] {
					bad("%s has a stray entry %q", name, k)
				}
				if len(v) != 0 {
					bad("%s entry %q has a value", name, k)
				}
				return nil
			})
			if got != len(want) {
				bad("%s has %d entries, the clients need %d", name, got, len(want))
			}
		}
		compareSet(bucketClientArchived, wantArchived)
		for _, name := range droppedLookupBuckets {
			if tx.Bucket(name) != nil {
				bad("%s is still there (schema 3 has no lookup buckets)", name)
			}
		}
		if n := int(counter(tx, keyClientsLive)); n != live {
			bad("counter clients_live is %d, there are %d", n, live)
		}
		if n := int(counter(tx, keyClientsArchived)); n != archived {
			bad("counter clients_archived is %d, there are %d", n, archived)
		}
		db.archivedMu.RLock()
		if len(db.archived) != archived {
			bad("the archived set in memory has %d ids, the database %d", len(db.archived), archived)
		}
		for id := range db.archived {
			if !wantArchived[string(itob(id))] {
				bad("client %d is archived in memory only", id)
			}
		}
		db.archivedMu.RUnlock()

		// Users and their name index.
		wantUserNames := map[string]uint64{}
		users := 0
		_ = tx.Bucket(bucketUsers).ForEach(func(k, v []byte) error {
			var u model.User
			if err := decode(v, &u); err != nil {
				bad("user %d: %v", btoi(k), err)
			}
			users++
			wantUserNames[u.Name] = btoi(k)
			return nil
		})
		names := 0
		_ = tx.Bucket(bucketUserName).ForEach(func(k, v []byte) error {
			names++
			if wantUserNames[string(k)] != btoi(v) {
				bad("idx_user_name %q points at %d", k, btoi(v))
			}
			return nil
		})
		if names != users || int(counter(tx, keyUsers)) != users {
			bad("%d users, %d names, counter %d", users, names, counter(tx, keyUsers))
		}

		// Every audit entry has exactly its record-index entry.
		wantAudit := map[string]bool{}
		_ = tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
			var e model.AuditEntry
			if err := decode(v, &e); err != nil {
				bad("audit %d: %v", btoi(k), err)
			}
			if uint64(e.ID) != btoi(k) {
				bad("audit entry under %d says id %d", btoi(k), e.ID)
			}
			wantAudit[string(auditRecordKey(e.Kind, uint64(e.Record), btoi(k)))] = true
			return nil
		})
		compareSet(bucketAuditRecord, wantAudit)
		return nil
	})
	if err != nil {
		bad("walking the database: %v", err)
	}
	if ix := db.idx.Load(); ix != nil {
		st, _ := db.Stats()
		if ix.Len() != st.Clients+st.Archived {
			bad("search index has %d entries, the database %d clients", ix.Len(), st.Clients+st.Archived)
		}
	}
	sort.Strings(problems)
	return problems
}
