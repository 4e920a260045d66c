package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// firstCheckError is bbolt's own check of the file's pages.
func firstCheckError(tx *bolt.Tx) error {
	for err := range tx.Check() {
		return err
	}
	return nil
}

// planDB is a database at planBenchNow with the benchmark staff and n
// synthetic clients.
func planDB(t *testing.T, n int) (*DB, []string, []string) {
	t.Helper()
	db, err := Open(tempPath(t), Options{Now: func() time.Time { return planBenchNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	staff, operators, managers := planBenchStaff()
	if _, err := BulkLoad(db, staff, func(emit func(model.Client) error) error { return syntheticClients(n, emit) }); err != nil {
		t.Fatal(err)
	}
	return db, operators, managers
}

// planShape is what a failed load must leave as it found: every bucket's
// size, the sequences and the counters.
func planShape(t *testing.T, db *DB) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		for _, name := range append([][]byte{bucketPlan, bucketInteractions, bucketAudit}, planIndexes...) {
			out[string(name)] = uint64(tx.Bucket(name).Stats().KeyN)
		}
		out["plan seq"] = tx.Bucket(bucketPlan).Sequence()
		out["ix seq"] = tx.Bucket(bucketInteractions).Sequence()
		out["plan_open"] = counter(tx, keyPlanOpen)
		out["interactions"] = counter(tx, keyInteractions)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBulkLoadPlanWritesWhatSingleWritesWould(t *testing.T) {
	db, operators, managers := planDB(t, 2000)
	items, ixs, err := BulkLoadPlan(db, "orlov", func(emit func(model.PlanItem, []model.Interaction) error) error {
		return benchPlan(2000, 30_000, planBenchNow, operators, managers, archivedClients(db), emit)
	})
	if err != nil || items != 30_000 || ixs < 25_000 {
		t.Fatalf("loaded %d items, %d interactions: %v", items, ixs, err)
	}
	checkPlanConsistency(t, db)
	sh := planShape(t, db)
	if sh["plan"] != 30_000 || sh["interactions"] != uint64(ixs) || sh["plan seq"] != 30_000 || sh["ix seq"] != uint64(ixs) {
		t.Errorf("after the load: %v", sh)
	}
	if sh["plan_open"] == 0 || sh["plan_open"] >= 30_000 || sh[string(bucketPlanQueue)] == 0 {
		t.Errorf("open items %d, queue entries %d", sh["plan_open"], sh[string(bucketPlanQueue)])
	}
	// Every interaction points at its item, which is its client's.
	err = db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketInteractions).ForEach(func(k, v []byte) error {
			var ix model.Interaction
			if err := decode(v, &ix); err != nil {
				return err
			}
			p, err := getPlan(tx, ix.PlanItem)
			if err != nil {
				return err
			}
			if p.Client != ix.Client || ix.OffPlan != (p.Origin == model.OriginOffPlan) || ix.Version != 1 {
				t.Fatalf("interaction %+v of item %+v", ix, p)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	// One audit entry for the load, none per item.
	if h, err := db.history("plan", 0); err != nil || len(h) != 1 || h[0].Action != "bulk_load" || h[0].User != "orlov" {
		t.Errorf("the load's audit: %+v, %v", h, err)
	}
	if h, _ := db.history("plan", 1); len(h) != 0 {
		t.Errorf("item 1 has %d audit entries", len(h))
	}

	// A second load appends to the filled buckets: ids go on.
	items2, ixs2, err := BulkLoadPlan(db, "orlov", func(emit func(model.PlanItem, []model.Interaction) error) error {
		return benchPlan(2000, 5000, planBenchNow.Add(24*time.Hour), operators, managers, archivedClients(db), emit)
	})
	if err != nil || items2 != 5000 {
		t.Fatalf("second load: %d, %v", items2, err)
	}
	sh2 := planShape(t, db)
	if sh2["plan seq"] != 35_000 || sh2["ix seq"] != uint64(ixs+ixs2) || sh2["plan"] != 35_000 {
		t.Errorf("after the second load: %v", sh2)
	}
	checkPlanConsistency(t, db)
	if err := db.bolt.View(firstCheckError); err != nil {
		t.Error(err)
	}
}

func TestBulkLoadPlanRefusesABadItemAndLeavesThePlanAsItWas(t *testing.T) {
	db, operators, managers := planDB(t, 500)
	if _, _, err := BulkLoadPlan(db, "orlov", func(emit func(model.PlanItem, []model.Interaction) error) error {
		return benchPlan(500, 3000, planBenchNow, operators, managers, archivedClients(db), emit)
	}); err != nil {
		t.Fatal(err)
	}
	before := planShape(t, db)
	var live []model.ID // good items are open: none for an archived client
	archived := archivedClients(db)
	for id := model.ID(1); id <= 500; id++ {
		if !archived[id] {
			live = append(live, id)
		}
	}
	good := func(i int) (model.PlanItem, []model.Interaction) {
		due := planBenchNow.Add(time.Duration(i) * time.Minute)
		return model.PlanItem{Kind: model.PlanCall, Client: live[i%len(live)], Assignee: operators[i%len(operators)], Due: due,
			Purpose: model.PurposeSale, Priority: model.PriorityNormal, Origin: model.OriginManual, Status: model.PlanPlanned}, nil
	}
	tests := []struct {
		name string
		bad  func(p *model.PlanItem, ixs *[]model.Interaction)
		says string
	}{
		{"unknown assignee", func(p *model.PlanItem, _ *[]model.Interaction) { p.Assignee = "ghost" }, `"ghost"`},
		{"unknown client", func(p *model.PlanItem, _ *[]model.Interaction) { p.Client = 9999 }, "9999"},
		{"no origin", func(p *model.PlanItem, _ *[]model.Interaction) { p.Origin = "" }, "origin"},
		{"bad status", func(p *model.PlanItem, _ *[]model.Interaction) { p.Status = "lost" }, "lost"},
		{"a visit without an address", func(p *model.PlanItem, _ *[]model.Interaction) { p.Kind = model.PlanVisit }, "address"},
		{"an interaction of another client", func(p *model.PlanItem, ixs *[]model.Interaction) {
			*ixs = []model.Interaction{{At: p.Due, Client: p.Client + 1, User: "op01", Outcome: model.OutcomeReached}}
		}, "interaction"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Far enough in that earlier transactions have committed.
			_, _, err := BulkLoadPlan(db, "orlov", func(emit func(model.PlanItem, []model.Interaction) error) error {
				for i := range 60_000 {
					p, ixs := good(i)
					if i == 50_000 {
						tt.bad(&p, &ixs)
					}
					if err := emit(p, ixs); err != nil {
						return err
					}
				}
				return nil
			})
			if err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("error %v, want one naming %s", err, tt.says)
			}
			if after := planShape(t, db); !mapsEqual(before, after) {
				t.Errorf("the failed load left\n%v\nwas\n%v", after, before)
			}
			checkPlanConsistency(t, db)
		})
	}
	// A generator's own error stops the load the same way.
	stop := errors.New("source gone")
	_, _, err := BulkLoadPlan(db, "orlov", func(emit func(model.PlanItem, []model.Interaction) error) error {
		for i := range 45_000 {
			if err := emit(good(i)); err != nil {
				return err
			}
		}
		return stop
	})
	if !errors.Is(err, stop) {
		t.Errorf("generator error: %v", err)
	}
	if after := planShape(t, db); !mapsEqual(before, after) {
		t.Errorf("the stopped load left\n%v\nwas\n%v", after, before)
	}
	if err := db.bolt.View(firstCheckError); err != nil {
		t.Error(err)
	}
}

// An open item for an archived client is refused (the single writers
// cancel a client's open items when it is archived); a closed one loads.
func TestBulkLoadPlanRefusesOpenItemsOfArchivedClients(t *testing.T) {
	db, operators, _ := planDB(t, 10)
	u, err := db.SignIn("orlov")
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.As(u).Client(3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.As(u).SetArchived(c.ID, c.Version, true); err != nil {
		t.Fatal(err)
	}
	item := model.PlanItem{Kind: model.PlanCall, Client: 3, Assignee: operators[0], Due: planBenchNow.Add(time.Hour),
		Purpose: model.PurposeSale, Priority: model.PriorityNormal, Origin: model.OriginManual, Status: model.PlanPlanned}
	before := planShape(t, db)
	_, _, err = BulkLoadPlan(db, "orlov", func(emit func(model.PlanItem, []model.Interaction) error) error { return emit(item, nil) })
	if err == nil || !strings.Contains(err.Error(), "archived") {
		t.Fatalf("an open item of an archived client: %v", err)
	}
	if after := planShape(t, db); !mapsEqual(before, after) {
		t.Errorf("the refused load left\n%v\nwas\n%v", after, before)
	}
	item.Status, item.CancelReason = model.PlanCancelled, "closed"
	if n, _, err := BulkLoadPlan(db, "orlov", func(emit func(model.PlanItem, []model.Interaction) error) error { return emit(item, nil) }); err != nil || n != 1 {
		t.Fatalf("a cancelled item of an archived client: %d %v", n, err)
	}
	checkPlanConsistency(t, db)
}

func TestBulkLoadPlanReadOnly(t *testing.T) {
	db, _, _ := planDB(t, 10)
	path := db.Path()
	db.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, _, err := BulkLoadPlan(ro, "orlov", func(func(model.PlanItem, []model.Interaction) error) error { return nil }); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("read-only: %v", err)
	}
}

func mapsEqual(a, b map[string]uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
