package store

import (
	"bytes"
	"fmt"
	"sort"
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// checkPlanConsistency walks the plan and interactions buckets and compares
// every call-schedule index of layout.go with what the records say: each
// record has exactly its entries (with the right values) and no index holds
// a stray one; the counters match; holds sit only on open items.
func checkPlanConsistency(t testing.TB, db *DB) {
	t.Helper()
	for _, p := range planProblems(db) {
		t.Error(p)
	}
}

func planProblems(db *DB) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	err := db.bolt.View(func(tx *bolt.Tx) error {
		want := map[string]map[string][]byte{
			string(bucketPlanQueue): {}, string(bucketPlanUser): {}, string(bucketPlanDue): {},
			string(bucketPlanClient): {}, string(bucketIxClient): {},
		}
		clients := tx.Bucket(bucketClients)
		open, items, held := 0, 0, 0
		var maxID uint64
		plan := tx.Bucket(bucketPlan)
		if err := plan.ForEach(func(k, v []byte) error {
			var p model.PlanItem
			if err := decode(v, &p); err != nil {
				bad("plan item %d: %v", btoi(k), err)
				return nil
			}
			items++
			maxID = max(maxID, btoi(k))
			if uint64(p.ID) != btoi(k) {
				bad("plan item under key %d says id %d", btoi(k), p.ID)
			}
			if clients.Get(itob(uint64(p.Client))) == nil {
				bad("plan item %d names client %d, which does not exist", p.ID, p.Client)
			}
			if p.Origin == "" {
				bad("plan item %d has no origin", p.ID)
			}
			if p.HeldBy != "" && (!p.Open() || p.Kind != model.PlanCall) {
				bad("plan item %d (%s %s) is held by %s", p.ID, p.Status, p.Kind, p.HeldBy)
			}
			if p.Status == model.PlanRescheduled && p.NextID == 0 {
				bad("plan item %d is rescheduled without a next item", p.ID)
			}
			if p.Status == model.PlanDone && p.DoneAt.IsZero() {
				bad("plan item %d is done without a time", p.ID)
			}
			for name, e := range planEntries(&p) {
				want[name][string(e.key)] = e.value
			}
			if p.Open() {
				open++
			}
			held += heldCall(&p)
			return nil
		}); err != nil {
			return err
		}
		if seq := plan.Sequence(); seq < maxID {
			bad("plan sequence %d is below the highest id %d", seq, maxID)
		}
		interactions := 0
		ixs := tx.Bucket(bucketInteractions)
		if err := ixs.ForEach(func(k, v []byte) error {
			var ix model.Interaction
			if err := decode(v, &ix); err != nil {
				bad("interaction %d: %v", btoi(k), err)
				return nil
			}
			interactions++
			if uint64(ix.ID) != btoi(k) {
				bad("interaction under key %d says id %d", btoi(k), ix.ID)
			}
			if ix.PlanItem != 0 && plan.Get(itob(uint64(ix.PlanItem))) == nil {
				bad("interaction %d points at plan item %d, which does not exist", ix.ID, ix.PlanItem)
			}
			if ix.NextItem != 0 && plan.Get(itob(uint64(ix.NextItem))) == nil {
				bad("interaction %d names next item %d, which does not exist", ix.ID, ix.NextItem)
			}
			want[string(bucketIxClient)][string(ixClientKey(&ix))] = nil
			return nil
		}); err != nil {
			return err
		}
		names := make([]string, 0, len(want))
		for name := range want {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			w := want[name]
			b := tx.Bucket([]byte(name))
			if b == nil {
				bad("bucket %s is missing", name)
				continue
			}
			got := 0
			_ = b.ForEach(func(k, v []byte) error {
				got++
				wv, ok := w[string(k)]
				switch {
				case !ok:
					bad("%s has a stray entry %x", name, k)
				case !bytes.Equal(wv, v):
					bad("%s entry %x has value %q, the record says %q", name, k, v, wv)
				}
				return nil
			})
			if got != len(w) {
				bad("%s has %d entries, the records need %d", name, got, len(w))
			}
		}
		if n := int(counter(tx, keyPlanHeld)); n != held {
			bad("counter plan_held is %d, %d calls are held", n, held)
		}
		if n := int(counter(tx, keyPlanOpen)); n != open {
			bad("counter plan_open is %d, there are %d open items (of %d)", n, open, items)
		}
		if n := int(counter(tx, keyInteractions)); n != interactions {
			bad("counter interactions is %d, there are %d", n, interactions)
		}
		return nil
	})
	if err != nil {
		bad("walking the plan: %v", err)
	}
	sort.Strings(problems)
	return problems
}

// checkRecurring verifies the recurring-contact rule: a live client with a
// contact frequency has exactly one open recurring item, any other none;
// and an archived client has no open items at all.
func checkRecurring(t testing.TB, db *DB) {
	t.Helper()
	err := db.bolt.View(func(tx *bolt.Tx) error {
		openRecurring, openAny := map[model.ID]int{}, map[model.ID]int{}
		_ = tx.Bucket(bucketPlan).ForEach(func(k, v []byte) error {
			var p model.PlanItem
			if err := decode(v, &p); err == nil && p.Open() {
				openAny[p.Client]++
				if p.Origin == model.OriginRecurring {
					openRecurring[p.Client]++
				}
			}
			return nil
		})
		return tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
			var c model.Client
			if err := decode(v, &c); err != nil {
				return err
			}
			want := 0
			if c.ContactEvery > 0 && !c.Archived {
				want = 1
			}
			if got := openRecurring[c.ID]; got != want {
				t.Errorf("client %d (every %d days, archived %v) has %d open recurring items, want %d", c.ID, c.ContactEvery, c.Archived, got, want)
			}
			if c.Archived && openAny[c.ID] > 0 {
				t.Errorf("archived client %d has %d open plan items", c.ID, openAny[c.ID])
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}
