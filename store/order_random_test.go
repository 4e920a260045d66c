package store

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"clientbase/model"
)

// TestOrderRandomWalk drives orders through random steps by random users
// (many refused) and checks every index against the records after each.
func TestOrderRandomWalk(t *testing.T) {
	d := newOrderDept(t)
	r := rand.New(rand.NewPCG(7, 11))
	users := []*Session{d.boss, d.head, d.petrov, d.jonaitis, d.olga}
	clients := []model.Client{d.vilnius, d.vlad, d.orphan}
	products := []model.Product{d.chair, d.cloth, d.nails}
	var ids []model.ID
	steps := 300
	if testing.Short() {
		steps = 80
	}
	ok := 0
	for step := 0; step < steps; step++ {
		s := users[r.IntN(len(users))]
		var err error
		if len(ids) == 0 || r.IntN(5) == 0 {
			c := clients[r.IntN(len(clients))]
			o := model.Order{Client: c.ID, TakenBy: []string{"", "petrov", "jonaitis", "head"}[r.IntN(4)], Channel: model.OrderByPhone}
			for n := r.IntN(4); n >= 0; n-- {
				p := products[r.IntN(len(products))]
				o.Lines = append(o.Lines, model.OrderLine{Product: p.ID, Qty: qty(int64(1 + r.IntN(5))), Discount: model.Rate(r.IntN(3) * 500)})
			}
			var saved model.Order
			if saved, err = s.SaveOrder(o); err == nil {
				ids = append(ids, saved.ID)
			}
		} else {
			id := ids[r.IntN(len(ids))]
			o, gerr := d.boss.Order(id)
			if gerr != nil {
				t.Fatal(gerr)
			}
			all := func(f func(l model.OrderLine) model.Qty) map[int]model.Qty {
				m := map[int]model.Qty{}
				for i, l := range o.Lines {
					m[i] = f(l)
				}
				return m
			}
			op := r.IntN(11)
			if r.IntN(10) < 6 { // mostly the step the order waits for, so orders get far
				op = map[model.OrderStatus]int{model.OrderDraft: 1, model.OrderAwaitingApproval: 2, model.OrderCreditHold: 4,
					model.OrderConfirmed: 5, model.OrderShippedPartly: 5, model.OrderShipped: 6, model.OrderInvoiced: 9,
					model.OrderPaidPartly: 9, model.OrderPaid: 10, model.OrderReturned: 10}[o.Status]
				if r.IntN(3) > 0 {
					s = users[r.IntN(2)] // the director or the head: most steps are theirs
				}
			}
			switch op {
			case 0:
				o.Lines = append(o.Lines, model.OrderLine{Product: products[r.IntN(3)].ID, Qty: qty(1)})
				_, err = s.SaveOrder(o)
			case 1:
				_, err = s.SubmitOrder(o.ID, o.Version)
			case 2:
				_, err = s.Approve(o.ID, o.Version, "ok")
			case 3:
				_, err = s.Reject(o.ID, o.Version, "no")
			case 4:
				_, err = s.OverrideCredit(o.ID, o.Version, "known")
			case 5:
				_, err = s.Ship(o.ID, o.Version, all(func(l model.OrderLine) model.Qty { return l.Shipped + (l.Qty-l.Shipped)/model.Qty(1+r.IntN(2)) }))
			case 6:
				_, err = s.Invoice(o.ID, o.Version, time.Time{})
			case 7:
				_, err = s.CancelOrder(o.ID, o.Version, "changed mind")
			case 8:
				_, err = s.ReturnOrder(o.ID, o.Version, all(func(l model.OrderLine) model.Qty { return l.Shipped }), "faulty")
			case 9:
				_, err = s.RecordPayment(model.Payment{Order: o.ID, Amount: model.Money{Minor: o.Totals.Gross.Minor - o.Paid.Minor}, Date: planT0, Reference: "PP"})
			case 10:
				_, err = s.CloseOrder(o.ID, o.Version)
			}
		}
		if err == nil {
			ok++
		} else if !isRefusal(err) {
			t.Fatalf("step %d: %v", step, err)
		}
		checkOrders(t, d.db)
		if t.Failed() {
			t.Fatalf("indexes broken after step %d", step)
		}
		d.clock.Advance(time.Duration(r.IntN(48)) * time.Hour)
	}
	if ok < steps/5 {
		t.Errorf("only %d of %d steps went through: the walk tests little", ok, steps)
	}
	reached := map[model.OrderStatus]int{}
	for _, id := range ids {
		o, _ := d.boss.Order(id)
		reached[o.Status]++
	}
	if len(reached) < 6 {
		t.Errorf("the walk reached only %v", reached)
	}
	t.Logf("%d of %d steps went through; statuses %v", ok, steps, reached)
}

// isRefusal: a sentence for the user, not a failure of the store.
func isRefusal(err error) bool {
	var ve *model.ValidationError
	return errors.As(err, &ve) || errors.Is(err, model.ErrConflict) || errors.Is(err, model.ErrForbidden) || errors.Is(err, model.ErrNotFound)
}
