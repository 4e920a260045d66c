package store

import (
	"errors"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// testClock is a store clock the tests move by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// planT0 is a Tuesday, 10:00 UTC: noon in Vilnius (inside working hours),
// 20:00 in Vladivostok (outside).
var planT0 = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// planDept is a department for the call schedule's tests: the director
// boss, the head, two managers, two operators, and clients in Vilnius
// (petrov's, with a contact), Vladivostok (jonaitis's) and one without a
// manager, all on a real bbolt file with a hand-moved clock.
type planDept struct {
	db                                       *DB
	clock                                    *testClock
	boss, head, petrov, jonaitis, olga, oleg *Session
	vilnius, vlad, orphan                    model.Client
}

func newPlanDept(t testing.TB) *planDept {
	t.Helper()
	d := &planDept{clock: &testClock{t: planT0}}
	db, err := Open(tempPath(t), Options{Now: d.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	d.db = db
	u, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	d.boss = db.As(u)
	d.head = addUser(t, d.boss, "head", model.RoleHead)
	d.petrov = addUser(t, d.boss, "petrov", model.RoleManager)
	d.jonaitis = addUser(t, d.boss, "jonaitis", model.RoleManager)
	d.olga = addUser(t, d.boss, "olga", model.RoleOperator)
	d.oleg = addUser(t, d.boss, "oleg", model.RoleOperator)

	c := newClient("UAB Vilniaus prekyba")
	c.TimeZone, c.Manager = "Europe/Vilnius", "petrov"
	c.Phones = []model.Phone{{Raw: "+370 612 34567"}}
	c.ActualAddress = "Gedimino pr. 1, Vilnius"
	c.Contacts = []model.Contact{
		{ID: 1, Name: "Left Person", Left: true, Phones: []model.Phone{{Raw: "+370 699 00000"}}},
		{ID: 2, Name: "Ona Onaitė", Phones: []model.Phone{{Raw: "+370 655 55555"}}},
	}
	d.vilnius = mustSave(t, d.boss, c, "")
	c = newClient("ООО Приморье")
	c.TimeZone, c.Manager = "Asia/Vladivostok", "jonaitis"
	c.Phones = []model.Phone{{Raw: "+7 423 222-33-44"}}
	d.vlad = mustSave(t, d.boss, c, "")
	c = newClient("Orphan Ltd")
	c.TimeZone = "Europe/Vilnius"
	c.Phones = []model.Phone{{Raw: "+370 600 11111"}}
	d.orphan = mustSave(t, d.boss, c, "")
	return d
}

// call is a manual call item for client c, assignee a, due in d from the clock.
func (d *planDept) call(c model.Client, a string, in time.Duration) model.PlanItem {
	return model.PlanItem{Kind: model.PlanCall, Client: c.ID, Assignee: a, Due: d.clock.Now().Add(in),
		Purpose: model.PurposeSale, Priority: model.PriorityNormal, Origin: model.OriginManual}
}

func mustPlan(t testing.TB, s *Session, p model.PlanItem) model.PlanItem {
	t.Helper()
	out, err := s.Plan(p)
	if err != nil {
		t.Fatalf("plan %+v: %v", p, err)
	}
	return out
}

// fieldError returns the sentence err gives for field, failing when err is
// not a ValidationError naming it.
func fieldError(t testing.TB, err error, field string) string {
	t.Helper()
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a validation error on %q, got %v", field, err)
	}
	if ve.Fields[field] == "" {
		t.Fatalf("want a sentence for %q, got %v", field, ve.Fields)
	}
	return ve.Fields[field]
}

// fileState is a fingerprint of everything a refused change must leave as
// it was: the plan and interaction records, the audit log and the counters.
func fileState(t testing.TB, db *DB) string {
	t.Helper()
	var out []byte
	err := db.bolt.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketPlan, bucketInteractions, bucketAudit, bucketClients, bucketMeta} {
			_ = tx.Bucket(name).ForEach(func(k, v []byte) error {
				out = append(out, k...)
				out = append(out, v...)
				return nil
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
