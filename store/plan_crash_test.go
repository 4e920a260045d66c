package store

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

const planCrashChildEnv = "CLIENTBASE_PLAN_CRASH_CHILD_DB"

// crashOutcomes is the child's round of outcomes: retries, closes, a new
// item for the manager, a payment check and a flagged phone.
var crashOutcomes = []model.Interaction{
	{Outcome: model.OutcomeNoAnswer},
	{Outcome: model.OutcomeBusy},
	{Outcome: model.OutcomeReached, Notes: "fine"},
	{Outcome: model.OutcomeEscalated},
	{Outcome: model.OutcomePromisedToPay, Promised: model.Money{Minor: 1000, Currency: "EUR"}, PromiseBy: planT0.Add(48 * time.Hour)},
	{Outcome: model.OutcomeWrongNumber},
	{Outcome: model.OutcomeCallBack, CallBack: planT0.Add(3 * time.Hour)},
	{Outcome: model.OutcomeRefused, Reason: "no budget"},
}

// TestPlanCrashWriterChild is the child of TestPlanCrashKeepsLoggedOutcomes:
// it plans, takes and logs calls one by one and reports each logged outcome
// on stdout until killed.
func TestPlanCrashWriterChild(t *testing.T) {
	var tick atomic.Int64
	db, fail := crashChild(t, planCrashChildEnv, "plan crash test's", Options{Now: func() time.Time { return planT0.Add(time.Duration(tick.Load()) * time.Second) }})
	users := map[string]*Session{}
	for _, name := range []string{"head", "olga"} {
		users[name] = childSession(db, name, fail)
	}
	clients := []model.ID{1, 3}
	for i := 0; i < 100000; i++ {
		tick.Add(1)
		p, err := users["head"].Plan(model.PlanItem{Kind: model.PlanCall, Client: clients[i%2], Due: planT0.Add(time.Duration(tick.Load()) * time.Second),
			Purpose: model.PurposeSale, Priority: model.PriorityNormal, Origin: model.OriginManual, Note: strings.Repeat("n", i%50)})
		if err != nil {
			fail(err)
		}
		if _, err := users["olga"].Take(p.ID); err != nil {
			fail(err)
		}
		ix := crashOutcomes[i%len(crashOutcomes)]
		ix.PlanItem = p.ID
		res, err := users["olga"].LogOutcome(ix)
		if err != nil {
			fail(err)
		}
		fmt.Printf("logged %d %d %d %s %d\n", res.Interaction.ID, p.ID, res.Item.Version, res.Item.Status, res.Interaction.NextItem)
	}
	os.Exit(0)
}

func TestPlanCrashKeepsLoggedOutcomes(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	d := newPlanDept(t)
	path := d.db.Path()
	if d.vilnius.ID != 1 || d.orphan.ID != 3 {
		t.Fatalf("the child expects clients 1 and 3, the department has %d and %d", d.vilnius.ID, d.orphan.ID)
	}
	d.db.Close()

	type logged struct {
		item    model.ID
		version uint64
		status  model.PlanStatus
		next    model.ID
	}
	reported := map[model.ID]logged{} // interaction → what the child was told
	killChildWhen(t, "TestPlanCrashWriterChild", planCrashChildEnv, path, func(f []string) bool {
		if len(f) != 6 || f[0] != "logged" {
			return false
		}
		num := func(s string) uint64 { v, _ := strconv.ParseUint(s, 10, 64); return v }
		reported[model.ID(num(f[1]))] = logged{model.ID(num(f[2])), num(f[3]), model.PlanStatus(f[4]), model.ID(num(f[5]))}
		return len(reported) == 150
	})
	db := reopenChecked(t, path, Options{Now: func() time.Time { return planT0.Add(time.Hour) }})
	s := db.As(model.User{Name: "boss", Role: model.RoleDirector})
	for id, r := range reported {
		var ix model.Interaction
		err := db.bolt.View(func(tx *bolt.Tx) error {
			v := tx.Bucket(bucketInteractions).Get(itob(uint64(id)))
			if v == nil {
				return fmt.Errorf("missing")
			}
			return decode(v, &ix)
		})
		if err != nil || ix.PlanItem != r.item || ix.NextItem != r.next {
			t.Errorf("interaction %d was reported logged on %d (next %d): %+v, %v", id, r.item, r.next, ix, err)
			continue
		}
		p, err := s.PlanItem(r.item)
		if err != nil || p.Version < r.version || (p.Version == r.version && p.Status != r.status) {
			t.Errorf("item %d: %+v, %v; reported version %d %s", r.item, p, err, r.version, r.status)
		}
		if p.HeldBy != "" {
			t.Errorf("item %d still held by %s after reopening", p.ID, p.HeldBy)
		}
	}
	// No half-written retry: every outcome's item moved or closed with it,
	// every next step exists, and every escalation or check call has its cause.
	err := db.bolt.View(func(tx *bolt.Tx) error {
		worked := map[model.ID]int{}
		causes := map[model.ID]bool{}
		_ = tx.Bucket(bucketInteractions).ForEach(func(k, v []byte) error {
			var ix model.Interaction
			if err := decode(v, &ix); err != nil {
				return err
			}
			worked[ix.PlanItem]++
			causes[ix.NextItem] = true
			return nil
		})
		return tx.Bucket(bucketPlan).ForEach(func(k, v []byte) error {
			var p model.PlanItem
			if err := decode(v, &p); err != nil {
				return err
			}
			if (p.Status == model.PlanDone || p.Attempts > 0) && worked[p.ID] == 0 {
				t.Errorf("item %d is %s with %d attempts but no interaction worked on it", p.ID, p.Status, p.Attempts)
			}
			if p.Status == model.PlanPlanned && p.Origin == model.OriginManual && p.Attempts == 0 && worked[p.ID] > 0 && !causes[p.ID] {
				t.Errorf("item %d had an outcome logged but was neither moved nor closed", p.ID)
			}
			if (p.Origin == model.OriginEscalation || p.Origin == model.OriginPaymentCheck) && !causes[p.ID] {
				t.Errorf("%s item %d has no interaction that planned it", p.Origin, p.ID)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	checkPlanConsistency(t, db)
	checkConsistency(t, db)
	t.Logf("%d reported outcomes survived the kill", len(reported))
}
