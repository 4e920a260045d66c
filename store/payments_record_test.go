package store

import (
	"errors"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// orderState is a fingerprint of what a refused payment must leave as it
// was: orders, payments, their indexes, the audit log and the counters.
func orderState(t testing.TB, db *DB) string {
	t.Helper()
	var out []byte
	err := db.bolt.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketOrders, bucketOrderClient, bucketOrderStatus, bucketPayments,
			bucketPaymentOrder, bucketAudit, bucketPlan, bucketMeta} {
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

func pay(o model.Order, minor int64, ref string, at time.Time) model.Payment {
	return model.Payment{Order: o.ID, Amount: model.Money{Minor: minor, Currency: "RUB"}, Date: at, Reference: ref}
}

func TestRecordPaymentUnderExactOver(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	inv := now.AddDate(0, 0, -3)
	o := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 10_000, invoice: inv, due: inv.AddDate(0, 0, 30), takenBy: "petrov"})

	// under: partly paid, the rest outstanding, flagged
	p, err := d.petrov.RecordPayment(pay(o, 4_000, "PP 17", now))
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.Mismatch != model.PaymentUnder || p.Client != d.vilnius.ID {
		t.Errorf("under: %+v", p)
	}
	got, _ := d.petrov.Order(o.ID)
	if got.Status != model.OrderPaidPartly || got.Paid.Minor != 4_000 || got.Version != o.Version+1 {
		t.Errorf("after under: %s paid %d version %d", got.Status, got.Paid.Minor, got.Version)
	}
	if s := MismatchSentence(p, got); s == "" {
		t.Error("no sentence for an under-payment")
	}
	if r, _ := d.head.Receivables(d.vilnius.ID); r.Outstanding.Minor != 6_000 || r.Paid.Minor != 4_000 {
		t.Errorf("receivables after under: %+v", r)
	}
	// exact: paid, no flag
	p, err = d.petrov.RecordPayment(pay(o, 6_000, "PP 18", now))
	if err != nil || p.Mismatch != "" {
		t.Fatalf("exact: %+v %v", p, err)
	}
	got, _ = d.petrov.Order(o.ID)
	if got.Status != model.OrderPaid || got.Paid.Minor != 10_000 || MismatchSentence(p, got) != "" {
		t.Errorf("after exact: %s paid %d", got.Status, got.Paid.Minor)
	}
	if len(got.Events) != 2 || got.Events[1].To != model.OrderPaid || got.Events[1].By != "petrov" {
		t.Errorf("events: %+v", got.Events)
	}

	// over: on a fresh invoice the excess is kept and flagged
	o2 := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 5_000, invoice: inv, due: inv.AddDate(0, 0, 30), takenBy: "petrov"})
	p, err = d.head.RecordPayment(pay(o2, 5_500, "", now))
	if err != nil || p.Mismatch != model.PaymentOver {
		t.Fatalf("over: %+v %v", p, err)
	}
	got, _ = d.head.Order(o2.ID)
	if got.Status != model.OrderPaid || got.Paid.Minor != 5_500 || MismatchSentence(p, got) == "" {
		t.Errorf("after over: %s paid %d %q", got.Status, got.Paid.Minor, MismatchSentence(p, got))
	}
	// the credit is not netted: the client owes nothing, and is not owed in the list
	if r, _ := d.head.Receivables(d.vilnius.ID); r.Outstanding.Minor != 0 || r.Paid.Minor != 15_500 || r.Invoiced.Minor != 15_000 {
		t.Errorf("receivables after over: %+v", r)
	}

	ps, err := d.head.Payments(o.ID)
	if err != nil || len(ps) != 2 || ps[0].Reference != "PP 17" || ps[1].Amount.Minor != 6_000 {
		t.Errorf("payments: %+v %v", ps, err)
	}
	hist, _ := d.db.history("payment", uint64(ps[0].ID))
	if len(hist) != 1 || hist[0].User != "petrov" || hist[0].Reason == "" {
		t.Errorf("payment audit: %+v", hist)
	}
}

func TestRecordPaymentRefusedSavesNothing(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	inv := now.AddDate(0, 0, -3)
	cancelled := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderCancelled, gross: 10_000, takenBy: "petrov"})
	confirmed := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderConfirmed, gross: 10_000, takenBy: "petrov"})
	open := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 10_000, invoice: inv, due: inv, takenBy: "petrov"})
	others := putDebt(t, d.db, d.vlad.ID, debtOrder{status: model.OrderInvoiced, gross: 10_000, invoice: inv, due: inv, takenBy: "jonaitis"})
	before := orderState(t, d.db)
	for _, c := range []struct {
		name  string
		s     *Session
		p     model.Payment
		check func(error) bool
	}{
		{"cancelled", d.head, pay(cancelled, 10_000, "", now), func(err error) bool { return errors.Is(err, model.ErrConflict) }},
		{"not invoiced", d.head, pay(confirmed, 10_000, "", now), func(err error) bool { return errors.Is(err, model.ErrConflict) }},
		{"zero", d.head, pay(open, 0, "", now), func(err error) bool { return fieldError(t, err, "amount") != "" }},
		{"negative", d.head, pay(open, -5, "", now), func(err error) bool { return fieldError(t, err, "amount") != "" }},
		{"no date", d.head, pay(open, 10_000, "", time.Time{}), func(err error) bool { return fieldError(t, err, "date") != "" }},
		{"currency", d.head, model.Payment{Order: open.ID, Amount: model.Money{Minor: 1, Currency: "EUR"}, Date: now},
			func(err error) bool { return fieldError(t, err, "amount") != "" }},
		{"no order", d.head, model.Payment{Order: 999, Amount: model.Money{Minor: 1}, Date: now},
			func(err error) bool { return fieldError(t, err, "order") != "" }},
		{"another's order", d.petrov, pay(others, 10_000, "", now), func(err error) bool { return errors.Is(err, model.ErrForbidden) }},
		{"operator", d.olga, pay(open, 10_000, "", now), func(err error) bool { return errors.Is(err, model.ErrForbidden) }},
	} {
		_, err := c.s.RecordPayment(c.p)
		if err == nil || !c.check(err) {
			t.Errorf("%s: %v", c.name, err)
		}
		if err != nil && err.Error() == "" {
			t.Errorf("%s: an error without a sentence", c.name)
		}
	}
	if orderState(t, d.db) != before {
		t.Error("a refused payment changed the file")
	}
}

// TestPaymentsConcurrent: two payments of the same order at once
// both land, in sequence, with Paid their sum (bbolt serialises writers).
func TestPaymentsConcurrent(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	o := putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 10_000, invoice: now, due: now, takenBy: "petrov"})
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			_, err := d.head.RecordPayment(pay(o, 5_000, "", now))
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	got, _ := d.head.Order(o.ID)
	ps, _ := d.head.Payments(o.ID)
	if got.Paid.Minor != 10_000 || got.Status != model.OrderPaid || len(ps) != 2 {
		t.Errorf("paid %d %s, %d payments", got.Paid.Minor, got.Status, len(ps))
	}
}
