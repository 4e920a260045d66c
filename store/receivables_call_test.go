package store

import (
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

func TestOrderCallContext(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	past := now.AddDate(0, 0, -40)
	overdue := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderPaidPartly, gross: 10_000, paid: 2_500, invoice: past, due: past.AddDate(0, 0, 10), date: past})
	putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderPaid, gross: 7_000, paid: 7_000, invoice: past, due: past, date: past})
	putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 3_000, invoice: now, due: now.AddDate(0, 0, 14), date: now.AddDate(0, 0, -2)})
	draft := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderDraft, gross: 1_000, date: now.AddDate(0, 0, -1)})
	putDebt(t, d.db, d.vlad.ID, debtOrder{status: model.OrderInvoiced, gross: 99_000, invoice: past, due: past, date: past})
	ctx := func(c model.ID) (model.Money, []string) {
		var m model.Money
		var lines []string
		_ = d.db.bolt.View(func(tx *bolt.Tx) error {
			cs, err := settingsTx(tx)
			if err != nil {
				t.Fatal(err)
			}
			m, lines = orderCallContext(tx, cs, c, now)
			return nil
		})
		return m, lines
	}
	debt, lines := ctx(d.vilnius.ID)
	if debt.Minor != 7_500 || debt.Currency != "RUB" {
		t.Errorf("overdue debt %v, want 75.00 RUB", debt)
	}
	if len(lines) != 3 || !strings.HasPrefix(lines[0], draft.Number) || !strings.HasPrefix(lines[2], overdue.Number) ||
		!strings.Contains(lines[2], model.FormatMoney(model.Money{Minor: 10_000, Currency: "RUB"})) || !strings.Contains(lines[2], "partly paid") {
		t.Errorf("open orders: %q", lines)
	}
	for range 6 {
		putDebt(t, d.db, d.orphan.ID, debtOrder{status: model.OrderConfirmed, gross: 1})
	}
	if debt, lines := ctx(d.orphan.ID); debt != (model.Money{}) || len(lines) != openOrdersShown {
		t.Errorf("orphan: %v, %d lines", debt, len(lines))
	}
	if debt, lines := ctx(999); debt.Minor != 0 || lines != nil {
		t.Errorf("no client: %v %q", debt, lines)
	}
}

// TestCallContextShowsOrders: the call screen's context carries the
// client's overdue debt and open orders, whether the call is taken or not.
func TestCallContextShowsOrders(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	past := now.AddDate(0, 0, -40)
	o := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 4_200, invoice: past, due: past, date: past})
	cc, err := d.petrov.CallContext(d.vilnius.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if cc.OverdueDebt.Minor != 4_200 || len(cc.OpenOrders) != 1 || !strings.HasPrefix(cc.OpenOrders[0], o.Number) {
		t.Errorf("debt %v, orders %q", cc.OverdueDebt, cc.OpenOrders)
	}
	item := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", time.Hour))
	cc, err = d.petrov.Take(item.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cc.OverdueDebt.Minor != 4_200 || len(cc.OpenOrders) != 1 {
		t.Errorf("taken: debt %v, orders %q", cc.OverdueDebt, cc.OpenOrders)
	}
	if cc, _ := d.petrov.CallContext(d.orphan.ID, 0); cc.OverdueDebt != (model.Money{}) || cc.OpenOrders != nil {
		t.Errorf("no orders: %v %q", cc.OverdueDebt, cc.OpenOrders)
	}
}
