package store

import (
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// planItemsOf is every plan item of client c with origin o.
func planItemsOf(t testing.TB, db *DB, c model.ID, o model.Origin) []model.PlanItem {
	t.Helper()
	var out []model.PlanItem
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPlan).ForEach(func(_, v []byte) error {
			var p model.PlanItem
			if err := decode(v, &p); err != nil {
				return err
			}
			if p.Client == c && p.Origin == o {
				out = append(out, p)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestOverdueRemindersOnce(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	past := now.AddDate(0, 0, -40)
	// vilnius: two overdue invoices (one partly paid), one not yet due, one
	// overdue but already reminded; orphan (no manager): one overdue; vlad:
	// overdue but archived
	o1 := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 1000, invoice: past, due: past.AddDate(0, 0, 10)})
	o2 := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderPaidPartly, gross: 1000, paid: 500, invoice: past, due: past.AddDate(0, 0, 20)})
	notDue := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 1000, invoice: now, due: now.AddDate(0, 0, 5)})
	putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 1000, invoice: past, due: past, reminded: true})
	putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderPaid, gross: 1000, paid: 1000, invoice: past, due: past})
	orphan := putDebt(t, d.db, d.orphan.ID, debtOrder{status: model.OrderInvoiced, gross: 3000, invoice: past, due: past})
	putDebt(t, d.db, d.vlad.ID, debtOrder{status: model.OrderInvoiced, gross: 3000, invoice: past, due: past})
	if _, err := d.boss.SetArchived(d.vlad.ID, d.vlad.Version, true); err != nil {
		t.Fatal(err)
	}

	n, err := d.db.PlanOverdueReminders()
	if err != nil || n != 2 {
		t.Fatalf("first run: %d calls, %v; want 2", n, err)
	}
	calls := planItemsOf(t, d.db, d.vilnius.ID, model.OriginOverdueDebt)
	if len(calls) != 1 {
		t.Fatalf("vilnius: %d debt calls, want 1", len(calls))
	}
	c := calls[0]
	if c.Assignee != "petrov" || c.Purpose != model.PurposeDebtReminder || c.Kind != model.PlanCall || !c.Open() ||
		c.Due.Before(now) || !strings.Contains(c.Note, o1.Number) || !strings.Contains(c.Note, o2.Number) {
		t.Errorf("vilnius call: %+v", c)
	}
	// due in the client's calling slot (Vilnius 12:00 on a Tuesday is inside working hours)
	cs, _ := d.boss.CallSettings()
	if !model.InCallWindow(cs, model.ClientLocation(cs, d.vilnius), d.vilnius.CallWindow, c.Due) {
		t.Errorf("due %v is outside the calling window", c.Due)
	}
	if oc := planItemsOf(t, d.db, d.orphan.ID, model.OriginOverdueDebt); len(oc) != 1 || oc[0].Assignee != "" {
		t.Errorf("orphan: %+v (want one call in the pool)", oc)
	}
	if vc := planItemsOf(t, d.db, d.vlad.ID, model.OriginOverdueDebt); len(vc) != 0 {
		t.Errorf("archived client got %d calls", len(vc))
	}
	for _, id := range []model.ID{o1.ID, o2.ID, orphan.ID} {
		if o, _ := d.boss.Order(id); !o.Reminded {
			t.Errorf("order %d not marked reminded", id)
		}
	}
	if o, _ := d.boss.Order(notDue.ID); o.Reminded {
		t.Error("an invoice not yet due was marked reminded")
	}

	// once, not every day: the same day and the next days plan nothing
	before := orderState(t, d.db)
	if n, err := d.db.PlanOverdueReminders(); err != nil || n != 0 {
		t.Errorf("second run: %d, %v", n, err)
	}
	if orderState(t, d.db) != before {
		t.Error("a second run wrote something")
	}
	d.clock.Advance(24 * time.Hour)
	if n, _ := d.db.PlanOverdueReminders(); n != 0 {
		t.Errorf("next day: %d calls", n)
	}

	// the invoice not yet due falls due: the client's open reminder covers
	// it, so it is marked but no second call is planned
	d.clock.Advance(6 * 24 * time.Hour)
	if n, _ := d.db.PlanOverdueReminders(); n != 0 {
		t.Errorf("with a reminder open: %d new calls", n)
	}
	if o, _ := d.boss.Order(notDue.ID); !o.Reminded {
		t.Error("the newly overdue invoice is not marked")
	}
	if calls := planItemsOf(t, d.db, d.vilnius.ID, model.OriginOverdueDebt); len(calls) != 1 {
		t.Errorf("%d debt calls", len(calls))
	}
	// once that call is done, a newly overdue invoice gets a new call
	if _, err := d.boss.CancelPlan(c.ID, 0, "paid"); err != nil {
		t.Fatal(err)
	}
	late := d.clock.Now().AddDate(0, 0, -2)
	putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 1000, invoice: late, due: late})
	if n, _ := d.db.PlanOverdueReminders(); n != 1 {
		t.Errorf("after the call was closed: %d calls, want 1", n)
	}
}

func TestPriceNotices(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	const fabric, yarn = model.ID(11), model.ID(12)
	ago := func(days int) time.Time { return now.AddDate(0, 0, -days) }
	// vilnius bought fabric 2 months ago; vlad bought yarn; orphan bought
	// fabric but cancelled, and fabric again 8 months ago (outside 6)
	putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderShipped, gross: 100, date: ago(60), product: fabric})
	putDebt(t, d.db, d.vlad.ID, debtOrder{status: model.OrderPaid, gross: 100, paid: 100, date: ago(30), product: yarn})
	putDebt(t, d.db, d.orphan.ID, debtOrder{status: model.OrderCancelled, gross: 100, date: ago(10), product: fabric})
	putDebt(t, d.db, d.orphan.ID, debtOrder{status: model.OrderClosed, gross: 100, date: ago(240), product: fabric})
	effective := time.Date(2026, 12, 14, 0, 0, 0, 0, moscow(t))
	v := model.PriceVersion{ID: 7, Effective: effective, Prices: []model.PriceEntry{{Product: fabric, Column: "retail", Price: model.Money{Minor: 1}}}}
	run := func() int {
		var n int
		err := d.db.bolt.Update(func(tx *bolt.Tx) error {
			var err error
			n, err = d.db.planPriceNotices(tx, v, 6, "boss")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := run(); n != 1 {
		t.Fatalf("%d notices, want 1", n)
	}
	calls := planItemsOf(t, d.db, d.vilnius.ID, model.OriginPriceChange)
	if len(calls) != 1 {
		t.Fatalf("vilnius: %d notices", len(calls))
	}
	c := calls[0]
	cs, _ := d.boss.CallSettings()
	if c.Assignee != "petrov" || c.Purpose != model.PurposePriceChange || c.Ref != "price_version:7" ||
		!c.Due.Before(effective) || c.Due.Before(effective.Add(-8*24*time.Hour)) ||
		!model.InCallWindow(cs, model.ClientLocation(cs, d.vilnius), d.vilnius.CallWindow, c.Due) {
		t.Errorf("notice: %+v", c)
	}
	for _, other := range []model.ID{d.vlad.ID, d.orphan.ID} {
		if n := len(planItemsOf(t, d.db, other, model.OriginPriceChange)); n != 0 {
			t.Errorf("client %d got %d notices", other, n)
		}
	}
	// saving the version again plans no second notice
	if n := run(); n != 0 {
		t.Errorf("second run: %d", n)
	}
	// a change effective in two days: the notice is due at the next slot
	v.ID, v.Effective = 8, now.Add(48*time.Hour)
	if n := run(); n != 1 {
		t.Fatalf("soon: %d", n)
	}
	for _, p := range planItemsOf(t, d.db, d.vilnius.ID, model.OriginPriceChange) {
		if p.Ref == "price_version:8" && (p.Due.Before(now) || !p.Due.Before(v.Effective)) {
			t.Errorf("soon notice due %v (now %v, effective %v)", p.Due, now, v.Effective)
		}
	}
}
