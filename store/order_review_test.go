package store

import (
	"errors"
	"fmt"
	"math"
	"sync"
	"testing"
	"time"

	"clientbase/model"
)

// TestOrderEveryActionOneAuditEntry takes an order through its life and
// checks each user action wrote exactly one order audit entry (a payment
// one more, of kind "payment") in the transaction that changed it.
func TestOrderEveryActionOneAuditEntry(t *testing.T) {
	d := newOrderDept(t)
	entries := func(id model.ID) int {
		h, err := d.boss.OrderHistory(id)
		if err != nil {
			t.Fatal(err)
		}
		return len(h)
	}
	o := mustOrder(t, d.head, d.draft(d.vilnius.ID, "petrov", d.chair, d.cloth))
	if n := entries(o.ID); n != 1 {
		t.Fatalf("create: %d audit entries", n)
	}
	steps := []struct {
		name string
		do   func(o model.Order) (model.Order, error)
	}{
		{"save", func(o model.Order) (model.Order, error) { o.Notes = "call first"; return d.head.SaveOrder(o) }},
		{"submit", func(o model.Order) (model.Order, error) { return d.head.SubmitOrder(o.ID, o.Version) }},
		{"ship", func(o model.Order) (model.Order, error) {
			return d.head.Ship(o.ID, o.Version, map[int]model.Qty{0: o.Lines[0].Qty})
		}},
		{"ship rest", func(o model.Order) (model.Order, error) {
			return d.head.Ship(o.ID, o.Version, map[int]model.Qty{1: o.Lines[1].Qty})
		}},
		{"invoice", func(o model.Order) (model.Order, error) { return d.head.Invoice(o.ID, o.Version, time.Time{}) }},
	}
	for i, st := range steps {
		var err error
		if o, err = st.do(o); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if n := entries(o.ID); n != i+2 {
			t.Errorf("%s: %d audit entries, want %d", st.name, n, i+2)
		}
		if o.Version != uint64(i+2) {
			t.Errorf("%s: version %d", st.name, o.Version)
		}
	}
	p, err := d.petrov.RecordPayment(model.Payment{Order: o.ID, Amount: o.Totals.Gross, Date: planT0})
	if err != nil {
		t.Fatal(err)
	}
	if n := entries(o.ID); n != len(steps)+2 {
		t.Errorf("payment: %d order audit entries", n)
	}
	if h, _ := d.db.history("payment", uint64(p.ID)); len(h) != 1 || h[0].User != "petrov" {
		t.Errorf("payment audit: %+v", h)
	}
	// a refused step writes nothing, audit included
	if err := unchanged(t, d.db, func() error { _, err := d.head.CancelOrder(o.ID, o.Version, "late"); return err }); err == nil {
		t.Error("a paid order was cancelled")
	}
	checkOrders(t, d.db)
	checkPayments(t, d.db)
}

// TestPaymentsTwoSessionsFullDue: two people record the full amount due on
// the same invoice at once. Both transfers are kept (money that arrived is
// never dropped), the order's Paid is their sum, and exactly one of them is
// flagged as an over-payment: the second was checked against the order as
// the first left it, not the stale one both people saw.
func TestPaymentsTwoSessionsFullDue(t *testing.T) {
	d := newOrderDept(t)
	o := d.invoiced(t, d.vilnius.ID)
	due := o.Totals.Gross
	var wg sync.WaitGroup
	got := make([]model.Payment, 2)
	errs := make([]error, 2)
	for i, s := range []*Session{d.head, d.petrov} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = s.RecordPayment(model.Payment{Order: o.ID, Amount: due, Date: planT0, Reference: "PP"})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got[0].Mismatch == got[1].Mismatch || (got[0].Mismatch != model.PaymentOver && got[1].Mismatch != model.PaymentOver) ||
		(got[0].Mismatch != "" && got[1].Mismatch != "") {
		t.Errorf("mismatches %q and %q, want one exact and one over", got[0].Mismatch, got[1].Mismatch)
	}
	after, _ := d.boss.Order(o.ID)
	if after.Paid.Minor != 2*due.Minor || after.Status != model.OrderPaid || after.Version != o.Version+2 {
		t.Errorf("after both: paid %d status %s version %d", after.Paid.Minor, after.Status, after.Version)
	}
	checkPayments(t, d.db)
	checkOrders(t, d.db)
}

// invoiced is a confirmed, shipped and invoiced order of petrov's for client.
func (d *orderDept) invoiced(t testing.TB, client model.ID) model.Order {
	t.Helper()
	o := mustOrder(t, d.head, d.draft(client, "petrov", d.chair))
	var err error
	if o, err = d.head.SubmitOrder(o.ID, o.Version); err != nil {
		t.Fatal(err)
	}
	if o.Status == model.OrderCreditHold {
		if o, err = d.head.OverrideCredit(o.ID, o.Version, "ok"); err != nil {
			t.Fatal(err)
		}
	}
	if o, err = d.head.Ship(o.ID, o.Version, map[int]model.Qty{0: o.Lines[0].Qty}); err != nil {
		t.Fatal(err)
	}
	if o, err = d.head.Invoice(o.ID, o.Version, time.Time{}); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestOverdueRemindersTwoRunsAtOnce: the hourly run in two sessions at the
// same moment plans one call per client and marks each invoice once.
func TestOverdueRemindersTwoRunsAtOnce(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	past := now.AddDate(0, 0, -40)
	var orders []model.Order
	for i := range 30 {
		c := []model.ID{d.vilnius.ID, d.vlad.ID, d.orphan.ID}[i%3]
		orders = append(orders, putDebt(t, d.db, c, debtOrder{status: model.OrderInvoiced, gross: 1000, invoice: past, due: past.AddDate(0, 0, i%10)}))
	}
	var wg sync.WaitGroup
	planned := make([]int, 4)
	for i := range planned {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := d.db.PlanOverdueReminders()
			if err != nil {
				t.Error(err)
			}
			planned[i] = n
		}()
	}
	wg.Wait()
	total := 0
	for _, n := range planned {
		total += n
	}
	if total != 3 {
		t.Errorf("the runs planned %v calls, want 3 in all", planned)
	}
	for _, c := range []model.ID{d.vilnius.ID, d.vlad.ID, d.orphan.ID} {
		if calls := planItemsOf(t, d.db, c, model.OriginOverdueDebt); len(calls) != 1 {
			t.Errorf("client %d: %d debt calls", c, len(calls))
		}
	}
	for _, o := range orders {
		h, _ := d.boss.OrderHistory(o.ID)
		reminded := 0
		for _, e := range h {
			if e.Action == "remind" {
				reminded++
			}
		}
		if got, _ := d.boss.Order(o.ID); !got.Reminded || reminded != 1 {
			t.Errorf("order %d: reminded %v, %d remind entries", o.ID, got.Reminded, reminded)
		}
	}
	if n, _ := d.db.PlanOverdueReminders(); n != 0 {
		t.Errorf("a later run planned %d", n)
	}
}

// TestOrderReadOnlyRefusesEveryWrite: a read-only department refuses every
// order, price and payment write with ErrReadOnly and the file is unchanged.
func TestOrderReadOnlyRefusesEveryWrite(t *testing.T) {
	d := newOrderDept(t)
	o := d.invoiced(t, d.vilnius.ID)
	path := d.db.Path()
	d.db.Close()
	ro, err := Open(path, Options{ReadOnly: true, Now: d.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	s := ro.As(model.User{Name: "boss", Role: model.RoleDirector})
	ps, _ := s.PriceSettings()
	v, _ := s.PriceVersion(d.version.ID)
	writes := map[string]func() error{
		"product":        func() error { _, err := s.SaveProduct(d.chair); return err },
		"price settings": func() error { _, err := s.SavePriceSettings(ps); return err },
		"price version":  func() error { _, _, err := s.SavePriceVersion(v, 0); return err },
		"order":          func() error { _, err := s.SaveOrder(d.draft(d.vilnius.ID, "petrov", d.chair)); return err },
		"submit":         func() error { _, err := s.SubmitOrder(o.ID, o.Version); return err },
		"approve":        func() error { _, err := s.Approve(o.ID, o.Version, "x"); return err },
		"reject":         func() error { _, err := s.Reject(o.ID, o.Version, "x"); return err },
		"override":       func() error { _, err := s.OverrideCredit(o.ID, o.Version, "x"); return err },
		"ship":           func() error { _, err := s.Ship(o.ID, o.Version, map[int]model.Qty{0: 1}); return err },
		"invoice":        func() error { _, err := s.Invoice(o.ID, o.Version, time.Time{}); return err },
		"cancel":         func() error { _, err := s.CancelOrder(o.ID, o.Version, "x"); return err },
		"return":         func() error { _, err := s.ReturnOrder(o.ID, o.Version, map[int]model.Qty{0: 1}, "x"); return err },
		"close":          func() error { _, err := s.CloseOrder(o.ID, o.Version); return err },
		"payment": func() error {
			_, err := s.RecordPayment(model.Payment{Order: o.ID, Amount: o.Totals.Gross, Date: planT0})
			return err
		},
		"reminders": func() error { _, err := ro.PlanOverdueReminders(); return err },
		"bulk": func() error {
			_, _, err := BulkLoadOrders(ro, "boss", nil, nil, func(func(model.Order, []model.Payment) error) error { return nil })
			return err
		},
	}
	for name, w := range writes {
		if err := unchanged(t, ro, w); !errors.Is(err, model.ErrReadOnly) {
			t.Errorf("%s on a read-only department: %v", name, err)
		}
	}
	if got, err := s.Order(o.ID); err != nil || got.Version != o.Version {
		t.Errorf("read-only read: %+v %v", got, err)
	}
}

// TestBulkLoadedInvoiceNumbersNotRepeated: invoices a bulk load brings in
// the store's numbering move the year's counter, so the next invoice the
// store issues does not repeat one.
func TestBulkLoadedInvoiceNumbersNotRepeated(t *testing.T) {
	d := newOrderDept(t)
	now := d.clock.Now()
	gen := func(emit func(model.Order, []model.Payment) error) error {
		for i := range 3 {
			o := bulkOrder(d.vilnius.ID, d.chair.ID, now.AddDate(0, 0, -10), model.OrderInvoiced, 1000, 0)
			o.InvoiceNo = fmt.Sprintf("INV-%d-%06d", now.Year(), i+1)
			if err := emit(o, nil); err != nil {
				return err
			}
		}
		return nil
	}
	if _, _, err := BulkLoadOrders(d.db, "boss", nil, nil, gen); err != nil {
		t.Fatal(err)
	}
	o := d.invoiced(t, d.vilnius.ID)
	if want := fmt.Sprintf("INV-%d-000004", now.Year()); o.InvoiceNo != want {
		t.Errorf("the store's next invoice is %s, want %s", o.InvoiceNo, want)
	}
	checkNumbersUnique(t, d.db)
}

// TestPaymentTooLargeForPaid: a payment whose amount would carry the
// order's Paid past the largest sum is refused with a sentence next to the
// amount and nothing is saved (Paid would wrap negative and the order would
// owe more than before).
func TestPaymentTooLargeForPaid(t *testing.T) {
	d := newOrderDept(t)
	o := d.invoiced(t, d.vilnius.ID)
	if _, err := d.head.RecordPayment(model.Payment{Order: o.ID, Amount: model.Money{Minor: 100, Currency: o.Currency}, Date: planT0}); err != nil {
		t.Fatal(err)
	}
	err := unchanged(t, d.db, func() error {
		_, err := d.head.RecordPayment(model.Payment{Order: o.ID, Amount: model.Money{Minor: math.MaxInt64, Currency: o.Currency}, Date: planT0})
		return err
	})
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["amount"] == "" {
		t.Errorf("a payment overflowing Paid: %v", err)
	}
	checkPayments(t, d.db)
}

// TestOrderNumbersConcurrentSessions: orders saved by several sessions at
// once get distinct, consecutive numbers of their year, and the year's
// counter is the last one.
func TestOrderNumbersConcurrentSessions(t *testing.T) {
	d := newOrderDept(t)
	sessions := []*Session{d.head, d.petrov, d.jonaitis, d.boss}
	const each = 10
	var wg sync.WaitGroup
	nums := make(chan string, len(sessions)*each)
	for _, s := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				o, err := s.SaveOrder(d.draft(d.vilnius.ID, s.Me().Name, d.chair))
				if err != nil {
					t.Error(err)
					return
				}
				nums <- o.Number
			}
		}()
	}
	wg.Wait()
	close(nums)
	seen := map[string]bool{}
	for n := range nums {
		if seen[n] {
			t.Errorf("number %s given twice", n)
		}
		seen[n] = true
	}
	for i := 1; i <= len(sessions)*each; i++ {
		if n := fmt.Sprintf("%d-%06d", planT0.Year(), i); !seen[n] {
			t.Errorf("number %s skipped", n)
		}
	}
	checkNumbersUnique(t, d.db)
	checkOrders(t, d.db)
}
