package store

import (
	"context"
	"testing"

	"clientbase/model"
)

func TestOrderListAndApprovals(t *testing.T) {
	d := newOrderDept(t)
	var made []model.Order
	for i := 0; i < 12; i++ {
		o := d.draft(d.vilnius.ID, "petrov", d.chair)
		client := []model.ID{d.vilnius.ID, d.vlad.ID, d.orphan.ID}[i%3]
		o.Client, o.TakenBy = client, []string{"petrov", "jonaitis", "head"}[i%3]
		o.Date = planT0.AddDate(0, 0, -i) // older and older
		if i%4 == 0 {
			o.Promised = o.Date.AddDate(0, 0, 1)
		}
		made = append(made, mustOrder(t, d.boss, o))
	}
	// order 1 (jonaitis's, 10 % discount) awaits approval, order 2 (orphan) is held
	o := made[1]
	o.Lines[0].Discount = 1000
	o = mustOrder(t, d.boss, o)
	if o, err := d.boss.SubmitOrder(o.ID, o.Version); err != nil || o.Status != model.OrderAwaitingApproval {
		t.Fatalf("%s %v", o.Status, err)
	}
	if o, err := d.boss.SubmitOrder(made[2].ID, made[2].Version); err != nil || o.Status != model.OrderCreditHold {
		t.Fatalf("%s %v", o.Status, err)
	}
	if _, err := d.boss.CancelOrder(made[3].ID, made[3].Version, "duplicate"); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ids := func(p model.OrderPage) []model.ID {
		var out []model.ID
		for _, r := range p.Rows {
			if r.Order.Lines != nil {
				t.Errorf("row %s carries lines", r.Order.Number)
			}
			out = append(out, r.Order.ID)
		}
		return out
	}
	check := func(name string, f model.OrderFilter, offset, limit, total int, want ...model.Order) {
		t.Helper()
		p, err := d.head.Orders(ctx, f, offset, limit)
		if err != nil {
			t.Fatal(err)
		}
		got := ids(p)
		ok := p.Total == total && len(got) == len(want)
		for i := range want {
			ok = ok && got[i] == want[i].ID
		}
		if !ok {
			t.Errorf("%s: total %d %v, want %d %v", name, p.Total, got, total, want)
		}
	}
	check("all, newest first", model.OrderFilter{}, 0, 3, 12, made[0], made[1], made[2])
	check("second page", model.OrderFilter{}, 10, 5, 12, made[10], made[11])
	check("by client", model.OrderFilter{Client: d.vlad.ID}, 0, 10, 4, made[1], made[4], made[7], made[10])
	check("by client and status", model.OrderFilter{Client: d.vlad.ID, Status: model.OrderAwaitingApproval}, 0, 10, 1, made[1])
	check("by status", model.OrderFilter{Status: model.OrderDraft}, 0, 2, 9, made[0], made[4])
	check("open", model.OrderFilter{Open: true}, 0, 4, 11, made[0], made[1], made[2], made[4])
	check("by manager", model.OrderFilter{Manager: "head"}, 0, 10, 4, made[2], made[5], made[8], made[11])
	check("by period", model.OrderFilter{From: planT0.AddDate(0, 0, -5), To: planT0.AddDate(0, 0, -2)}, 0, 10, 3, made[3], made[4], made[5])
	check("period and manager", model.OrderFilter{From: planT0.AddDate(0, 0, -5), Manager: "petrov"}, 0, 10, 2, made[0], made[3])

	p, _ := d.head.Orders(ctx, model.OrderFilter{Client: d.vilnius.ID}, 0, 10)
	for _, r := range p.Rows {
		wantLate := !r.Order.Promised.IsZero() && r.Order.Status != model.OrderCancelled && r.Order.ID != made[0].ID
		if r.LateDelivery != wantLate || r.ClientName != d.vilnius.ShortName {
			t.Errorf("%s promised %v: late %v, name %q", r.Order.Number, r.Order.Promised, r.LateDelivery, r.ClientName)
		}
	}

	rows, err := d.head.Approvals(ctx)
	if err != nil || len(rows) != 2 {
		t.Fatalf("approvals %d %v", len(rows), err)
	}
	// oldest first: order 2 is older than order 1
	if rows[0].Order.ID != made[2].ID || rows[1].Order.ID != made[1].ID || rows[0].ClientName != d.orphan.ShortName || rows[0].Order.HoldReason == "" {
		t.Errorf("approvals %+v", rows)
	}
	checkOrders(t, d.db)
}
