package store

import (
	"encoding/json"
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

const orderCrashChildEnv = "CLIENTBASE_ORDER_CRASH_CHILD_DB"

// TestOrderCrashWriterChild is the child of TestOrderCrashKeepsAcknowledged:
// it takes orders through entry, submission (a credit hold overridden),
// shipment and invoice, and records payments (under, exact, over, none),
// reporting every acknowledged write on stdout until killed.
func TestOrderCrashWriterChild(t *testing.T) {
	var tick atomic.Int64
	db, fail := crashChild(t, orderCrashChildEnv, "order crash test's", Options{Now: func() time.Time { return planT0.Add(time.Duration(tick.Add(1)) * time.Second) }})
	head := childSession(db, "head", fail)
	said := func(o model.Order) {
		fmt.Printf("order %d %d %s %d %s %s\n", o.ID, o.Version, o.Status, o.Paid.Minor, o.Number, o.InvoiceNo)
	}
	skus := []string{"CH-1", "TX-100", "NL-5"}
	clients := []model.ID{1, 3} // the orphan's small credit limit puts its orders on hold
	var err error
	for i := 0; i < 100000; i++ {
		o := model.Order{Client: clients[i%2], TakenBy: "petrov", Channel: model.OrderByPhone, Notes: strings.Repeat("n", i%30)}
		for j := 0; j <= i%3; j++ {
			o.Lines = append(o.Lines, model.OrderLine{SKU: skus[(i+j)%3], Qty: qty(int64(j + 1))})
		}
		if o, err = head.SaveOrder(o); err != nil {
			fail(err)
		}
		said(o)
		if o, err = head.SubmitOrder(o.ID, o.Version); err != nil {
			fail(err)
		}
		said(o)
		if o.Status == model.OrderCreditHold {
			if o, err = head.OverrideCredit(o.ID, o.Version, "known payer"); err != nil {
				fail(err)
			}
			said(o)
		}
		shipped := map[int]model.Qty{}
		for j, l := range o.Lines {
			shipped[j] = l.Qty
		}
		if o, err = head.Ship(o.ID, o.Version, shipped); err != nil {
			fail(err)
		}
		said(o)
		if o, err = head.Invoice(o.ID, o.Version, time.Time{}); err != nil {
			fail(err)
		}
		said(o)
		gross := o.Totals.Gross.Minor
		var amounts []int64
		switch i % 4 {
		case 0:
			amounts = []int64{gross / 3, gross - gross/3} // under, then exact
		case 1:
			amounts = []int64{gross}
		case 2:
			amounts = []int64{gross, 100} // a second transfer: over
		}
		for _, a := range amounts {
			p, err := head.RecordPayment(model.Payment{Order: o.ID, Amount: model.Money{Minor: a, Currency: o.Currency},
				Date: planT0, Reference: "PP " + itoa(uint64(i))})
			if err != nil {
				fail(err)
			}
			fmt.Printf("payment %d %d %d\n", p.ID, p.Order, p.Amount.Minor)
		}
	}
	os.Exit(0)
}

func TestOrderCrashKeepsAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	d := newOrderDept(t)
	path := d.db.Path()
	if d.vilnius.ID != 1 || d.orphan.ID != 3 {
		t.Fatalf("the child expects clients 1 and 3, the department has %d and %d", d.vilnius.ID, d.orphan.ID)
	}
	d.db.Close()

	type said struct {
		version         uint64
		status          model.OrderStatus
		paid            int64
		number, invoice string
	}
	type paid struct {
		order  model.ID
		amount int64
	}
	orders := map[model.ID]said{}
	payments := map[model.ID]paid{}
	num := func(s string) uint64 { v, _ := strconv.ParseUint(s, 10, 64); return v }
	writes := 0
	killChildWhen(t, "TestOrderCrashWriterChild", orderCrashChildEnv, path, func(f []string) bool {
		switch {
		case len(f) >= 6 && f[0] == "order":
			s := said{version: num(f[2]), status: model.OrderStatus(f[3]), paid: int64(num(f[4])), number: f[5]}
			if len(f) == 7 {
				s.invoice = f[6]
			}
			orders[model.ID(num(f[1]))] = s
			writes++
		case len(f) == 4 && f[0] == "payment":
			payments[model.ID(num(f[1]))] = paid{model.ID(num(f[2])), int64(num(f[3]))}
			writes++
		}
		return writes >= 400 && len(payments) >= 30
	})
	db := reopenChecked(t, path, Options{Now: func() time.Time { return planT0.Add(time.Hour) }})
	s := db.As(model.User{Name: "boss", Role: model.RoleDirector})
	for id, r := range orders {
		o, err := s.Order(id)
		switch {
		case err != nil:
			t.Errorf("order %d was acknowledged (version %d): %v", id, r.version, err)
		case o.Version < r.version || o.Number != r.number:
			t.Errorf("order %d: version %d number %s, acknowledged version %d number %s", id, o.Version, o.Number, r.version, r.number)
		case o.Version == r.version && (o.Status != r.status || o.Paid.Minor != r.paid || o.InvoiceNo != r.invoice):
			t.Errorf("order %d version %d: %s paid %d invoice %q, acknowledged %s paid %d invoice %q",
				id, o.Version, o.Status, o.Paid.Minor, o.InvoiceNo, r.status, r.paid, r.invoice)
		}
	}
	for id, r := range payments {
		var p model.Payment
		err := db.bolt.View(func(tx *bolt.Tx) error {
			v := tx.Bucket(bucketPayments).Get(itob(uint64(id)))
			if v == nil {
				return fmt.Errorf("missing")
			}
			return decode(v, &p)
		})
		if err != nil || p.Order != r.order || p.Amount.Minor != r.amount {
			t.Errorf("payment %d of %d on order %d was acknowledged: %+v, %v", id, r.amount, r.order, p, err)
		}
	}
	checkOrders(t, db)
	checkPayments(t, db)
	checkNumbersUnique(t, db)
	checkConsistency(t, db)
	t.Logf("%d acknowledged order writes and %d payments survived the kill", len(orders), len(payments))
}

// checkPayments verifies every payment has its idx_payment_order entry and
// names its order's client, no entry is stray, and every order's Paid is the
// sum of its payments.
func checkPayments(t testing.TB, db *DB) {
	t.Helper()
	err := db.bolt.View(func(tx *bolt.Tx) error {
		sums := map[model.ID]int64{}
		n := 0
		err := tx.Bucket(bucketPayments).ForEach(func(k, v []byte) error {
			var p model.Payment
			if err := decode(v, &p); err != nil {
				return err
			}
			n++
			if btoi(k) != uint64(p.ID) {
				t.Errorf("payment under key %d says id %d", btoi(k), p.ID)
			}
			if tx.Bucket(bucketPaymentOrder).Get(paymentOrderKey(p.Order, p.ID)) == nil {
				t.Errorf("payment %d: no idx_payment_order entry", p.ID)
			}
			o, err := getOrder(tx, p.Order)
			if err != nil {
				t.Errorf("payment %d on order %d: %v", p.ID, p.Order, err)
				return nil
			}
			if o.Client != p.Client {
				t.Errorf("payment %d names client %d, its order %d", p.ID, p.Client, o.Client)
			}
			sums[p.Order] += p.Amount.Minor
			return nil
		})
		if err != nil {
			return err
		}
		entries := 0
		_ = tx.Bucket(bucketPaymentOrder).ForEach(func(k, v []byte) error {
			entries++
			if len(k) != 16 || tx.Bucket(bucketPayments).Get(k[8:]) == nil {
				t.Errorf("idx_payment_order: stray entry %x", k)
			}
			return nil
		})
		if entries != n {
			t.Errorf("%d payments, %d idx_payment_order entries", n, entries)
		}
		return tx.Bucket(bucketOrders).ForEach(func(k, v []byte) error {
			var o model.Order
			if err := json.Unmarshal(v, &o); err != nil {
				return err
			}
			if o.Paid.Minor != sums[o.ID] {
				t.Errorf("order %s: paid %d, its payments sum to %d", o.Number, o.Paid.Minor, sums[o.ID])
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkNumbersUnique verifies no order or invoice number repeats and each
// year's counter is at least the highest number given in that year, so the
// next one cannot repeat either.
func checkNumbersUnique(t testing.TB, db *DB) {
	t.Helper()
	err := db.bolt.View(func(tx *bolt.Tx) error {
		numbers, invoices := map[string]model.ID{}, map[string]model.ID{}
		return tx.Bucket(bucketOrders).ForEach(func(k, v []byte) error {
			var o model.Order
			if err := json.Unmarshal(v, &o); err != nil {
				return err
			}
			if prev, ok := numbers[o.Number]; ok {
				t.Errorf("orders %d and %d share number %s", prev, o.ID, o.Number)
			}
			numbers[o.Number] = o.ID
			if y, n, ok := splitOrderNumber(o.Number); ok && counter(tx, orderSeqKey(y)) < n {
				t.Errorf("order %s above the year's counter %d", o.Number, counter(tx, orderSeqKey(y)))
			}
			if o.InvoiceNo == "" {
				return nil
			}
			if prev, ok := invoices[o.InvoiceNo]; ok {
				t.Errorf("orders %d and %d share invoice %s", prev, o.ID, o.InvoiceNo)
			}
			invoices[o.InvoiceNo] = o.ID
			if y, n, ok := splitInvoiceNumber(o.InvoiceNo); ok && counter(tx, invoiceSeqKey(y)) < n {
				t.Errorf("invoice %s above the year's counter %d", o.InvoiceNo, counter(tx, invoiceSeqKey(y)))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}
