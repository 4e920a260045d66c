package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"
)

// policyDay reads the complaint policy through the shared cache and returns
// its version and working-day length in minutes.
func policyDay(t *testing.T, db *DB) (uint64, int) {
	t.Helper()
	var v uint64
	var day int
	if err := db.bolt.View(func(tx *bolt.Tx) error {
		cs, cal, err := complaintPolicy(tx)
		v, day = cs.Version, int(cal.DayMinutes())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return v, day
}

// The compiled calendar is cached by the stored record: a save is seen at
// once, and two databases with different policies never read each other's.
func TestComplaintPolicyCacheFollowsTheRecord(t *testing.T) {
	a, b := newPlanDept(t), newPlanDept(t)
	if v, day := policyDay(t, a.db); v != 0 || day != 9*60 {
		t.Fatalf("defaults: version %d, day %d", v, day)
	}
	cs, _ := a.head.ComplaintSettings()
	cs.WorkFrom = 8 * 60
	saved, err := a.head.SaveComplaintSettings(cs)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // alternate: each database its own policy
		if v, day := policyDay(t, a.db); v != saved.Version || day != 10*60 {
			t.Errorf("a after its save: version %d, day %d", v, day)
		}
		if v, day := policyDay(t, b.db); v != 0 || day != 9*60 {
			t.Errorf("b kept the defaults: version %d, day %d", v, day)
		}
	}
	saved.WorkTo = 17 * 60
	again, err := a.head.SaveComplaintSettings(saved)
	if err != nil {
		t.Fatal(err)
	}
	if v, day := policyDay(t, a.db); v != again.Version || day != 9*60 {
		t.Errorf("a after the second save: version %d, day %d", v, day)
	}
}
