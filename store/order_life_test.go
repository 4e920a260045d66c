package store

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"clientbase/model"
)

// orderIn builds an order (chair × 1, cloth × 2 m) and walks it to st.
func (d *orderDept) orderIn(t *testing.T, st model.OrderStatus) model.Order {
	t.Helper()
	step := func(o model.Order, err error) model.Order {
		t.Helper()
		if err != nil {
			t.Fatalf("walking to %s: %v", st, err)
		}
		return o
	}
	client, taker := d.vilnius.ID, "petrov"
	if st == model.OrderCreditHold {
		client, taker = d.orphan.ID, "head"
	}
	o := d.draft(client, taker, d.chair, d.cloth)
	if st == model.OrderAwaitingApproval {
		o.Lines[1].Discount = 1000
	}
	o = mustOrder(t, d.boss, o)
	switch st {
	case model.OrderDraft:
		return o
	case model.OrderCancelled:
		return step(d.boss.CancelOrder(o.ID, o.Version, "wrong client"))
	}
	o = step(d.boss.SubmitOrder(o.ID, o.Version))
	if st == model.OrderAwaitingApproval || st == model.OrderCreditHold || st == model.OrderConfirmed {
		if o.Status != st {
			t.Fatalf("submitted to %s, want %s", o.Status, st)
		}
		return o
	}
	o = step(d.boss.Ship(o.ID, o.Version, map[int]model.Qty{0: qty(1), 1: qty(1)}))
	if st == model.OrderShippedPartly {
		return o
	}
	o = step(d.boss.Ship(o.ID, o.Version, map[int]model.Qty{1: qty(2)}))
	switch st {
	case model.OrderShipped:
		return o
	case model.OrderReturned:
		return step(d.head.ReturnOrder(o.ID, o.Version, map[int]model.Qty{0: qty(1)}, "scratched"))
	}
	o = step(d.boss.Invoice(o.ID, o.Version, time.Time{}))
	if st == model.OrderInvoiced {
		return o
	}
	if _, err := d.boss.RecordPayment(model.Payment{Order: o.ID, Amount: o.Totals.Gross, Date: planT0, Reference: "PP 1"}); err != nil {
		t.Fatal(err)
	}
	o = step(d.boss.Order(o.ID))
	if st == model.OrderPaid {
		return o
	}
	return step(d.boss.CloseOrder(o.ID, o.Version)) // closed
}

func TestOrderLifecycleSteps(t *testing.T) {
	d := newOrderDept(t)
	ops := []struct {
		name string
		run  func(o model.Order) (model.Order, error)
	}{
		{"submit", func(o model.Order) (model.Order, error) { return d.boss.SubmitOrder(o.ID, o.Version) }},
		{"approve", func(o model.Order) (model.Order, error) { return d.head.Approve(o.ID, o.Version, "fine") }},
		{"reject", func(o model.Order) (model.Order, error) { return d.head.Reject(o.ID, o.Version, "too generous") }},
		{"override", func(o model.Order) (model.Order, error) {
			return d.head.OverrideCredit(o.ID, o.Version, "known client")
		}},
		{"ship", func(o model.Order) (model.Order, error) {
			return d.boss.Ship(o.ID, o.Version, map[int]model.Qty{0: qty(1), 1: qty(2)})
		}},
		{"invoice", func(o model.Order) (model.Order, error) { return d.boss.Invoice(o.ID, o.Version, planT0) }},
		{"cancel", func(o model.Order) (model.Order, error) {
			return d.boss.CancelOrder(o.ID, o.Version, "no longer needed")
		}},
		{"return", func(o model.Order) (model.Order, error) {
			return d.head.ReturnOrder(o.ID, o.Version, map[int]model.Qty{1: qty(1)}, "wrong colour")
		}},
		{"close", func(o model.Order) (model.Order, error) { return d.boss.CloseOrder(o.ID, o.Version) }},
	}
	// what each step leads to from each status; absent: refused
	allowed := map[model.OrderStatus]map[string]model.OrderStatus{
		model.OrderDraft:            {"submit": model.OrderConfirmed, "cancel": model.OrderCancelled},
		model.OrderAwaitingApproval: {"approve": model.OrderConfirmed, "reject": model.OrderDraft, "cancel": model.OrderCancelled},
		model.OrderCreditHold:       {"override": model.OrderConfirmed, "cancel": model.OrderCancelled},
		model.OrderConfirmed:        {"ship": model.OrderShipped, "cancel": model.OrderCancelled},
		model.OrderShippedPartly:    {"ship": model.OrderShipped, "return": model.OrderReturned},
		model.OrderShipped:          {"invoice": model.OrderInvoiced, "return": model.OrderReturned},
		model.OrderInvoiced:         {"return": model.OrderReturned},
		model.OrderPaid:             {"close": model.OrderClosed, "return": model.OrderReturned},
		model.OrderClosed:           {},
		model.OrderCancelled:        {},
		model.OrderReturned:         {"close": model.OrderClosed, "return": model.OrderReturned},
	}
	for st, next := range allowed {
		for _, op := range ops {
			t.Run(fmt.Sprintf("%s/%s", st, op.name), func(t *testing.T) {
				o := d.orderIn(t, st)
				want, ok := next[op.name]
				if !ok {
					err := unchanged(t, d.db, func() error { _, err := op.run(o); return err })
					if !errors.Is(err, model.ErrConflict) {
						t.Errorf("refused with %v, want a lifecycle sentence (conflict)", err)
					}
					return
				}
				h0, _ := d.boss.OrderHistory(o.ID)
				got, err := op.run(o)
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if got.Status != want || got.Version != o.Version+1 {
					t.Errorf("went to %s v%d, want %s v%d", got.Status, got.Version, want, o.Version+1)
				}
				if len(got.Events) != len(o.Events)+1 {
					t.Fatalf("%d events after %d", len(got.Events), len(o.Events))
				}
				if ev := got.Events[len(got.Events)-1]; ev.From != st || ev.To != want || ev.At.IsZero() || ev.By == "" {
					t.Errorf("event %+v", ev)
				}
				if h, _ := d.boss.OrderHistory(o.ID); len(h) != len(h0)+1 {
					t.Errorf("%d audit entries after %d", len(h), len(h0))
				}
				if again, _ := d.boss.Order(o.ID); again.Version != got.Version {
					t.Errorf("stored v%d, returned v%d", again.Version, got.Version)
				}
			})
		}
	}
	checkOrders(t, d.db)
}

func TestOrderLifecycleDetails(t *testing.T) {
	d := newOrderDept(t)
	o := d.orderIn(t, model.OrderConfirmed)
	// a confirmed order's lines no longer change
	edit := o
	edit.Lines[0].Qty = qty(5)
	if err := unchanged(t, d.db, func() error { _, err := d.boss.SaveOrder(edit); return err }); !errors.Is(err, model.ErrConflict) {
		t.Errorf("editing a confirmed order: %v", err)
	}
	var ve *model.ValidationError
	for name, m := range map[string]map[int]model.Qty{
		"more than ordered": {1: qty(3)},
		"no such line":      {7: qty(1)},
		"negative":          {0: -qty(1)},
		"nothing":           {0: 0},
		"empty":             {},
		"a part of a chair": {0: 500},
		"a millimetre":      {1: 1_501},
	} {
		err := unchanged(t, d.db, func() error { _, err := d.boss.Ship(o.ID, o.Version, m); return err })
		if !errors.As(err, &ve) {
			t.Errorf("ship %s: %v", name, err)
		}
	}
	o, err := d.boss.Ship(o.ID, o.Version, map[int]model.Qty{0: qty(1), 1: 1_500})
	if err != nil || o.Status != model.OrderShippedPartly || o.Lines[1].Shipped != 1_500 {
		t.Fatalf("partly: %s %v", o.Status, err)
	}
	if err := unchanged(t, d.db, func() error { _, err := d.boss.Ship(o.ID, o.Version, map[int]model.Qty{1: 1_000}); return err }); !errors.As(err, &ve) || ve.Fields["lines.1.shipped"] == "" {
		t.Errorf("taking a shipment back: %v", err)
	}
	o, err = d.boss.Ship(o.ID, o.Version, map[int]model.Qty{1: 2_000}) // the line's quantity in all
	if err != nil || o.Status != model.OrderShipped || o.Lines[1].Shipped != 2_000 {
		t.Fatalf("the rest: %s %v", o.Status, err)
	}
	if err := unchanged(t, d.db, func() error { _, err := d.boss.Invoice(o.ID, o.Version, planT0.AddDate(0, 0, -3)); return err }); !errors.As(err, &ve) || ve.Fields["invoice_date"] == "" {
		t.Errorf("an invoice before the order: %v", err)
	}
	c := d.vilnius
	if c.DeferralDays != 0 {
		t.Fatal("the fixture's client has deferral days")
	}
	o, err = d.boss.Invoice(o.ID, o.Version, planT0.AddDate(0, 0, 1))
	if err != nil || o.InvoiceNo != "INV-2026-000001" || !o.DueDate.Equal(model.DueDate(o.InvoiceDate, o.DeferralDays)) {
		t.Fatalf("invoice: %q %v %v", o.InvoiceNo, o.DueDate, err)
	}
	if err := unchanged(t, d.db, func() error { _, err := d.boss.CancelOrder(o.ID, o.Version, "late"); return err }); !errors.Is(err, model.ErrConflict) {
		t.Errorf("cancelled after invoicing: %v", err)
	}
	if err := unchanged(t, d.db, func() error {
		_, err := d.head.ReturnOrder(o.ID, o.Version, map[int]model.Qty{0: qty(1)}, "")
		return err
	}); !errors.As(err, &ve) || ve.Fields["reason"] == "" {
		t.Errorf("a return without a reason: %v", err)
	}
	if err := unchanged(t, d.db, func() error {
		_, err := d.head.ReturnOrder(o.ID, o.Version, map[int]model.Qty{0: qty(2)}, "broken")
		return err
	}); !errors.As(err, &ve) || ve.Fields["lines.0.returned"] == "" {
		t.Errorf("returning more than shipped: %v", err)
	}
	o, err = d.head.ReturnOrder(o.ID, o.Version, map[int]model.Qty{0: qty(1)}, "broken")
	if err != nil || o.Status != model.OrderReturned || o.Lines[0].Returned != qty(1) {
		t.Errorf("return: %s %v", o.Status, err)
	}
	if err := unchanged(t, d.db, func() error {
		_, err := d.head.ReturnOrder(o.ID, o.Version, map[int]model.Qty{0: qty(1), 1: 0}, "again")
		return err
	}); !errors.As(err, &ve) || ve.Fields["lines.1.returned"] == "" && ve.Fields["lines"] == "" {
		t.Errorf("a return that changes nothing or takes back: %v", err)
	}
	o, err = d.head.ReturnOrder(o.ID, o.Version, map[int]model.Qty{1: 750}, "the roll was short")
	if err != nil || o.Lines[0].Returned != qty(1) || o.Lines[1].Returned != 750 {
		t.Errorf("a second return: %+v %v", o.Lines, err)
	}
	if err := unchanged(t, d.db, func() error { _, err := d.boss.CancelOrder(o.ID, o.Version, ""); return err }); err == nil {
		t.Error("a cancellation without a reason")
	}
	// a rejected order comes back as a draft with the head's comment
	a := d.orderIn(t, model.OrderAwaitingApproval)
	a, err = d.head.Reject(a.ID, a.Version, "5 % at most")
	if err != nil || a.Status != model.OrderDraft || a.HoldReason != "5 % at most" {
		t.Errorf("reject: %s %q %v", a.Status, a.HoldReason, err)
	}
	checkOrders(t, d.db)
}

func TestOrderCreditGateOverdue(t *testing.T) {
	d := newOrderDept(t)
	o := d.orderIn(t, model.OrderInvoiced) // due on the invoice day: the client has no deferral
	d.clock.Advance(10 * 24 * time.Hour)
	next := mustOrder(t, d.petrov, d.draft(d.vilnius.ID, "petrov", d.chair))
	next, err := d.petrov.SubmitOrder(next.ID, next.Version)
	if err != nil || next.Status != model.OrderCreditHold || next.HoldReason == "" {
		t.Fatalf("with an overdue invoice: %s %q %v", next.Status, next.HoldReason, err)
	}
	if ev := next.Events[len(next.Events)-1]; ev.Comment != next.HoldReason {
		t.Errorf("the event does not say why: %+v", ev)
	}
	if _, err := d.boss.RecordPayment(model.Payment{Order: o.ID, Amount: o.Totals.Gross, Date: d.clock.Now(), Reference: "PP 9"}); err != nil {
		t.Fatal(err)
	}
	paid := mustOrder(t, d.petrov, d.draft(d.vilnius.ID, "petrov", d.chair))
	if paid, err = d.petrov.SubmitOrder(paid.ID, paid.Version); err != nil || paid.Status != model.OrderConfirmed {
		t.Errorf("once paid: %s %q %v", paid.Status, paid.HoldReason, err)
	}
	checkOrders(t, d.db)
}

func TestOrderEditedWhileWaitingIsADraftAgain(t *testing.T) {
	d := newOrderDept(t)
	for _, st := range []model.OrderStatus{model.OrderAwaitingApproval, model.OrderCreditHold} {
		o := d.orderIn(t, st)
		o.Lines[1].Discount = 0
		o, err := d.boss.SaveOrder(o)
		if err != nil || o.Status != model.OrderDraft || o.HoldReason != "" {
			t.Fatalf("%s edited: %s %q %v", st, o.Status, o.HoldReason, err)
		}
		if ev := o.Events[len(o.Events)-1]; ev.From != st || ev.To != model.OrderDraft || ev.Comment == "" {
			t.Errorf("event %+v", ev)
		}
		if rows, _ := d.head.Approvals(t.Context()); len(rows) != 0 {
			t.Errorf("still in the approval list: %d", len(rows))
		}
	}
	checkOrders(t, d.db)
}
