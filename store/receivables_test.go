package store

import (
	"context"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// moscow is the department's zone (the call settings' default).
func moscow(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// debtOrder is an order written straight through putOrder, with the status,
// amounts and dates a receivables test needs.
type debtOrder struct {
	status       model.OrderStatus
	gross, paid  int64
	invoice, due time.Time
	date         time.Time
	takenBy      string
	reminded     bool
	product      model.ID
	lines        []model.OrderLine // instead of one line of product
}

func putDebt(t testing.TB, db *DB, client model.ID, d debtOrder) model.Order {
	t.Helper()
	if d.date.IsZero() {
		d.date = d.invoice
	}
	if d.date.IsZero() {
		d.date = db.now().AddDate(0, 0, -1)
	}
	o := model.Order{Client: client, TakenBy: d.takenBy, EnteredBy: d.takenBy, Channel: model.OrderByPhone,
		Date: d.date, Currency: "RUB", Status: d.status, InvoiceDate: d.invoice, DueDate: d.due,
		Totals: model.OrderTotals{Gross: model.Money{Minor: d.gross, Currency: "RUB"}},
		Paid:   model.Money{Minor: d.paid, Currency: "RUB"}, Reminded: d.reminded, PriceColumn: "retail"}
	if !d.invoice.IsZero() {
		o.InvoiceNo = "INV"
	}
	o.Lines = d.lines
	if d.product != 0 {
		o.Lines = []model.OrderLine{{Product: d.product, SKU: "P", Name: "P", Unit: model.UnitPiece, Qty: 1000,
			Price: model.Money{Minor: d.gross}, Source: model.SourceBranch}}
	}
	err := db.bolt.Update(func(tx *bolt.Tx) error { return db.putOrder(tx, nil, &o, "boss", "create", "") })
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestReceivablesHandComputed checks a client's debt against figures worked
// out by hand: the aging boundaries 0/1/30/31/60/61/90/91 days, statuses
// that count and those that do not, an over-payment that is not netted.
func TestReceivablesHandComputed(t *testing.T) {
	d := newPlanDept(t)
	msk := moscow(t)
	// today is 24.11.2026 in Moscow (planT0 is 13:00 there)
	day := func(n int) time.Time { return time.Date(2026, 11, 24-n, 18, 0, 0, 0, msk) }
	inv := func(n int) time.Time { return day(n).AddDate(0, 0, -10) }
	c := d.vilnius
	type want struct {
		days, bucket int
	}
	// gross is 1000 × (i+1) roubles' kopecks, half of the first paid
	boundary := []int{0, 1, 30, 31, 60, 61, 90, 91, -5}
	buckets := []int{0, 1, 1, 2, 2, 3, 3, 4, 0}
	var aging [model.AgingBuckets]int64
	var outstanding, overdue, invoiced, paid int64
	for i, n := range boundary {
		g := int64(1000 * (i + 1))
		st, p := model.OrderInvoiced, int64(0)
		if i == 0 {
			st, p = model.OrderPaidPartly, 400
		}
		putDebt(t, d.db, c.ID, debtOrder{status: st, gross: g, paid: p, invoice: inv(n), due: day(n)})
		invoiced += g
		paid += p
		outstanding += g - p
		aging[buckets[i]] += g - p
		if n > 0 {
			overdue += g - p
		}
	}
	// paid in full, over-paid, closed: invoiced, owing nothing; all returned
	// after the invoice: nothing invoiced, nothing owed
	line := func(price int64, returned bool) model.OrderLine {
		l := model.OrderLine{Product: 1, SKU: "P", Name: "P", Unit: model.UnitPiece, Qty: model.QtyScale,
			Price: model.Money{Minor: price, Currency: "RUB"}, Source: model.SourceBranch}
		if returned {
			l.Shipped, l.Returned = l.Qty, l.Qty
		}
		model.ComputeLine(&l, false)
		return l
	}
	for _, o := range []debtOrder{
		{status: model.OrderPaid, gross: 50_000, paid: 50_000, invoice: inv(100), due: day(100)},
		{status: model.OrderPaid, gross: 60_000, paid: 70_000, invoice: inv(100), due: day(100)},
		{status: model.OrderClosed, gross: 80_000, paid: 80_000, invoice: inv(200), due: day(200)},
	} {
		putDebt(t, d.db, c.ID, o)
		invoiced += o.gross
		paid += o.paid
	}
	putDebt(t, d.db, c.ID, debtOrder{status: model.OrderReturned, gross: 90_000, paid: 0, invoice: inv(95), due: day(95),
		lines: []model.OrderLine{line(90_000, true)}})
	// half returned after the invoice, 95 days overdue: the kept half is owed
	putDebt(t, d.db, c.ID, debtOrder{status: model.OrderReturned, gross: 20_000, invoice: inv(95), due: day(95),
		lines: []model.OrderLine{line(10_000, false), line(10_000, true)}})
	invoiced += 10_000
	outstanding += 10_000
	overdue += 10_000
	aging[4] += 10_000
	// not invoiced: nothing counts
	for _, st := range []model.OrderStatus{model.OrderDraft, model.OrderConfirmed, model.OrderShipped, model.OrderCancelled, model.OrderReturned} {
		putDebt(t, d.db, c.ID, debtOrder{status: st, gross: 7_000_000})
	}
	// another client's debt stays its own
	putDebt(t, d.db, d.vlad.ID, debtOrder{status: model.OrderInvoiced, gross: 999, invoice: inv(40), due: day(40)})

	r, err := d.head.Receivables(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Invoiced.Minor != invoiced || r.Paid.Minor != paid || r.Outstanding.Minor != outstanding || r.Overdue.Minor != overdue {
		t.Errorf("invoiced %d paid %d outstanding %d overdue %d; want %d %d %d %d",
			r.Invoiced.Minor, r.Paid.Minor, r.Outstanding.Minor, r.Overdue.Minor, invoiced, paid, outstanding, overdue)
	}
	for i := range aging {
		if r.Aging[i].Minor != aging[i] {
			t.Errorf("aging[%d] = %d, want %d", i, r.Aging[i].Minor, aging[i])
		}
	}
	if r.MaxOverdue != 95 {
		t.Errorf("MaxOverdue %d, want 95", r.MaxOverdue)
	}
	if r.ClientName != c.ShortName || r.Manager != "petrov" || r.Outstanding.Currency != "RUB" {
		t.Errorf("client %q manager %q currency %q", r.ClientName, r.Manager, r.Outstanding.Currency)
	}
	if len(r.Items) != len(boundary)+1 {
		t.Fatalf("%d items, want %d", len(r.Items), len(boundary)+1)
	}
	for i := 1; i < len(r.Items); i++ {
		if r.Items[i].InvoiceDate.Before(r.Items[i-1].InvoiceDate) {
			t.Errorf("items not oldest first: %v before %v", r.Items[i-1].InvoiceDate, r.Items[i].InvoiceDate)
		}
	}
	// oldest first: the half-returned order (95), then 91, 90, 61, 60, 31, 30, 1, 0, -5 days
	wantDays := []int{95, 91, 90, 61, 60, 31, 30, 1, 0, 0}
	for i, it := range r.Items {
		if it.DaysOverdue != wantDays[i] {
			t.Errorf("item %d (%s): %d days overdue, want %d", i, it.Number, it.DaysOverdue, wantDays[i])
		}
		if it.Number == "" || it.Outstanding.Minor != it.Invoiced.Minor-it.Paid.Minor {
			t.Errorf("item %d: number %q, %d − %d ≠ %d", i, it.Number, it.Invoiced.Minor, it.Paid.Minor, it.Outstanding.Minor)
		}
	}
	// the credit gate's form has no items, the same sums
	var gate model.ClientReceivables
	_ = d.db.bolt.View(func(tx *bolt.Tx) error {
		gate, err = d.db.receivablesTx(tx, c.ID)
		return err
	})
	if err != nil || gate.Items != nil || gate.Outstanding != r.Outstanding || gate.Aging != r.Aging {
		t.Errorf("receivablesTx: %v items %d outstanding %v", err, len(gate.Items), gate.Outstanding)
	}
	// a day later every overdue invoice is a day older: 0 → 1 moves into 1–30
	d.clock.Advance(24 * time.Hour)
	r2, _ := d.head.Receivables(c.ID)
	if r2.MaxOverdue != 96 || r2.Aging[0].Minor != 9000 || r2.Overdue.Minor != overdue+1000-400 {
		t.Errorf("next day: max %d current %d overdue %d", r2.MaxOverdue, r2.Aging[0].Minor, r2.Overdue.Minor)
	}
}

func TestReceivablesListSortsAndFollowsRights(t *testing.T) {
	d := newPlanDept(t)
	msk := moscow(t)
	day := func(n int) time.Time { return time.Date(2026, 11, 24-n, 12, 0, 0, 0, msk) }
	// vilnius (petrov): 5000 owed, 10 days overdue; vlad (jonaitis): 3000
	// owed, 50 days overdue, 1000 of it; orphan: 8000 not yet due
	putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 5000, invoice: day(20), due: day(10)})
	putDebt(t, d.db, d.vlad.ID, debtOrder{status: model.OrderInvoiced, gross: 1000, invoice: day(60), due: day(50)})
	putDebt(t, d.db, d.vlad.ID, debtOrder{status: model.OrderInvoiced, gross: 2000, invoice: day(1), due: day(-10)})
	putDebt(t, d.db, d.orphan.ID, debtOrder{status: model.OrderInvoiced, gross: 8000, invoice: day(1), due: day(-30)})
	putDebt(t, d.db, d.orphan.ID, debtOrder{status: model.OrderPaid, gross: 100, paid: 100, invoice: day(1), due: day(-30)})
	ctx := context.Background()
	ids := func(rows []model.ClientReceivables) []model.ID {
		var out []model.ID
		for _, r := range rows {
			out = append(out, r.Client)
		}
		return out
	}
	for _, c := range []struct {
		sort string
		want []model.ID
	}{
		{"outstanding", []model.ID{d.orphan.ID, d.vilnius.ID, d.vlad.ID}},
		{"", []model.ID{d.orphan.ID, d.vilnius.ID, d.vlad.ID}},
		{"overdue", []model.ID{d.vilnius.ID, d.vlad.ID, d.orphan.ID}},
		{"days", []model.ID{d.vlad.ID, d.vilnius.ID, d.orphan.ID}},
		{"name", []model.ID{d.orphan.ID, d.vilnius.ID, d.vlad.ID}},
	} {
		rows, total, err := d.head.ReceivablesList(ctx, c.sort, 0, 0)
		if err != nil || total != 3 {
			t.Fatalf("%s: total %d, %v", c.sort, total, err)
		}
		if got := ids(rows); !equalIDs(got, c.want) {
			t.Errorf("sort %q: %v, want %v", c.sort, got, c.want)
		}
	}
	rows, total, _ := d.head.ReceivablesList(ctx, "outstanding", 1, 1)
	if total != 3 || len(rows) != 1 || rows[0].Client != d.vilnius.ID {
		t.Errorf("window 1+1: total %d rows %v", total, ids(rows))
	}
	// a manager sees their own clients, an operator none
	rows, total, _ = d.petrov.ReceivablesList(ctx, "name", 0, 10)
	if total != 1 || rows[0].Client != d.vilnius.ID || rows[0].Outstanding.Minor != 5000 || rows[0].MaxOverdue != 10 {
		t.Errorf("petrov: total %d %+v", total, rows)
	}
	if _, total, _ = d.olga.ReceivablesList(ctx, "name", 0, 10); total != 0 {
		t.Errorf("operator sees %d debtors", total)
	}
	// a write makes the next list read again (the cache is per commit)
	putDebt(t, d.db, d.vilnius.ID, debtOrder{status: model.OrderInvoiced, gross: 100_000, invoice: day(1), due: day(-5)})
	rows, _, _ = d.head.ReceivablesList(ctx, "outstanding", 0, 1)
	if rows[0].Client != d.vilnius.ID || rows[0].Outstanding.Minor != 105_000 {
		t.Errorf("after a new invoice: %+v", rows[0])
	}
}
