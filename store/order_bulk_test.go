package store

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// bulkCatalogue is three products and two versions of their prices.
func bulkCatalogue(at time.Time) ([]model.Product, []model.PriceVersion) {
	products := []model.Product{
		{ID: 1, SKU: "TK-001", Name: "Cotton calico", Unit: model.UnitMetre, VAT: 2000, Active: true},
		{ID: 3, SKU: "YR-002", Name: "Wool yarn", Unit: model.UnitKilogram, VAT: 2000, Active: true},
		{ID: 2, SKU: "TW-003", Name: "Towel", Unit: model.UnitPiece, VAT: 1000, Active: true},
	}
	var past, next model.PriceVersion
	past.Effective, next.Effective = at.AddDate(0, -6, 0), at.AddDate(0, 0, 20)
	for _, p := range products {
		past.Prices = append(past.Prices, model.PriceEntry{Product: p.ID, Column: "retail", Price: model.Money{Minor: 10_000 * int64(p.ID)}})
		next.Prices = append(next.Prices, model.PriceEntry{Product: p.ID, Column: "retail", Price: model.Money{Minor: 11_000 * int64(p.ID)}})
	}
	return products, []model.PriceVersion{past, next}
}

// bulkOrder is an order of one line of product p for client c on date.
func bulkOrder(c model.ID, p model.ID, date time.Time, st model.OrderStatus, gross, paid int64) model.Order {
	o := model.Order{Client: c, TakenBy: "petrov", EnteredBy: "olga", Channel: model.OrderByPhone, Date: date,
		Currency: "RUB", PriceColumn: "retail", Status: st,
		Lines:  []model.OrderLine{{Product: p, SKU: "X", Name: "X", Unit: model.UnitPiece, Qty: 1000, Price: model.Money{Minor: gross}, Source: model.SourceBranch}},
		Totals: model.OrderTotals{Gross: model.Money{Minor: gross, Currency: "RUB"}},
		Paid:   model.Money{Minor: paid, Currency: "RUB"}}
	if st == model.OrderInvoiced || st == model.OrderPaidPartly || st == model.OrderPaid || st == model.OrderClosed {
		o.InvoiceNo, o.InvoiceDate, o.DueDate = "INV", date.AddDate(0, 0, 2), date.AddDate(0, 0, 16)
	}
	return o
}

func TestBulkLoadOrdersAsSingleWrites(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	products, versions := bulkCatalogue(now)
	clients := []model.ID{d.vilnius.ID, d.vlad.ID, d.orphan.ID}
	statuses := []model.OrderStatus{model.OrderDraft, model.OrderConfirmed, model.OrderInvoiced, model.OrderPaidPartly,
		model.OrderPaid, model.OrderClosed, model.OrderCancelled, model.OrderAwaitingApproval, model.OrderCreditHold}
	var emitted []model.Order
	gen := func(emit func(model.Order, []model.Payment) error) error {
		for i := range 90 {
			st := statuses[i%len(statuses)]
			gross := int64(1000 + i)
			var paid int64
			var pays []model.Payment
			switch st {
			case model.OrderPaidPartly:
				paid = 300
				pays = []model.Payment{{Amount: model.Money{Minor: 100, Currency: "RUB"}, Date: now}, {Amount: model.Money{Minor: 200, Currency: "RUB"}, Date: now}}
			case model.OrderPaid, model.OrderClosed:
				paid = gross
				pays = []model.Payment{{Amount: model.Money{Minor: gross, Currency: "RUB"}, Date: now}}
			}
			o := bulkOrder(clients[i%3], model.ID(1+i%3), now.AddDate(0, 0, -i*4), st, gross, paid)
			emitted = append(emitted, o)
			if err := emit(o, pays); err != nil {
				return err
			}
		}
		return nil
	}
	n, np, err := BulkLoadOrders(d.db, "boss", products, versions, gen)
	if err != nil || n != 90 || np != 40 {
		t.Fatalf("loaded %d orders, %d payments: %v", n, np, err)
	}
	// every record and index entry as putOrder writes it, nothing more
	err = d.db.bolt.View(func(tx *bolt.Tx) error {
		counts := map[string]int{}
		for i := range emitted {
			o, err := getOrder(tx, model.ID(i+1))
			if err != nil {
				return err
			}
			if o.Client != emitted[i].Client || o.Totals != emitted[i].Totals || o.Status != emitted[i].Status || o.Version != 1 || o.Number == "" {
				t.Errorf("order %d: %+v", i+1, o)
			}
			for _, e := range orderIndex(&o) {
				counts[string(e.bucket)]++
				if v := tx.Bucket(e.bucket).Get(e.key); v == nil || !bytes.Equal(v, e.value) {
					t.Errorf("order %d: %s entry %x = %x, want %x", o.ID, e.bucket, e.key, v, e.value)
				}
			}
			ps, err := paymentsTx(tx, o.ID)
			if err != nil {
				return err
			}
			var sum int64
			for _, p := range ps {
				sum += p.Amount.Minor
				if p.Client != o.Client || p.Version != 1 {
					t.Errorf("payment %+v", p)
				}
			}
			if sum != o.Paid.Minor {
				t.Errorf("order %d: payments %d, paid %d", o.ID, sum, o.Paid.Minor)
			}
		}
		for name, want := range counts {
			if got := tx.Bucket([]byte(name)).Stats().KeyN; got != want {
				t.Errorf("%s holds %d entries, want %d", name, got, want)
			}
		}
		if c := counter(tx, keyOrders); c != 90 {
			t.Errorf("orders counter %d", c)
		}
		if c := counter(tx, keyProducts); c != 3 {
			t.Errorf("products counter %d", c)
		}
		if tx.Bucket(bucketPrices).Stats().KeyN != 6 || tx.Bucket(bucketProductSKU).Stats().KeyN != 3 {
			t.Error("prices or SKU index short")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// the catalogue and prices answer as after single saves
	p, err := d.boss.ProductBySKU("yr-002")
	if err != nil || p.ID != 3 {
		t.Errorf("ProductBySKU: %+v %v", p, err)
	}
	if m, err := d.boss.PriceFor(3, "retail", now); err != nil || m.Minor != 30_000 {
		t.Errorf("price now: %v %v", m, err)
	}
	if m, err := d.boss.PriceFor(3, "retail", now.AddDate(0, 1, 0)); err != nil || m.Minor != 33_000 {
		t.Errorf("price next month: %v %v", m, err)
	}
	// the next single order takes the next number of its year
	o := bulkOrder(d.vilnius.ID, 1, now, model.OrderDraft, 1, 0)
	err = d.db.bolt.Update(func(tx *bolt.Tx) error { return d.db.putOrder(tx, nil, &o, "boss", "create", "") })
	if err != nil || o.ID != 91 {
		t.Fatalf("next order %d: %v", o.ID, err)
	}
	var n2026 int
	for _, e := range emitted {
		if e.Date.In(time.Local).Year() == 2026 {
			n2026++
		}
	}
	if want := fmt.Sprintf("2026-%06d", n2026+1); o.Number != want {
		t.Errorf("next number %s, want %s", o.Number, want)
	}
	// receivables over the loaded orders equal a sum by hand
	var owed int64
	for _, e := range emitted {
		if e.Client == d.vilnius.ID && (e.Status == model.OrderInvoiced || e.Status == model.OrderPaidPartly) {
			owed += e.Totals.Gross.Minor - e.Paid.Minor
		}
	}
	if r, _ := d.head.Receivables(d.vilnius.ID); r.Outstanding.Minor != owed || owed == 0 {
		t.Errorf("outstanding %d, want %d", r.Outstanding.Minor, owed)
	}
	if hist, _ := d.db.history("order", 0); len(hist) != 1 || hist[0].Action != "bulk_load" {
		t.Errorf("audit of the load: %+v", hist)
	}
}

func TestBulkLoadOrdersRefusesAndSavesNothing(t *testing.T) {
	d := newPlanDept(t)
	now := d.clock.Now()
	products, versions := bulkCatalogue(now)
	before := orderState(t, d.db)
	for name, gen := range map[string]func(emit func(model.Order, []model.Payment) error) error{
		"paid not the payments": func(emit func(model.Order, []model.Payment) error) error {
			return emit(bulkOrder(d.vilnius.ID, 1, now, model.OrderPaid, 100, 100), nil)
		},
		"unknown client": func(emit func(model.Order, []model.Payment) error) error {
			return emit(bulkOrder(999, 1, now, model.OrderDraft, 100, 0), nil)
		},
		"bad status": func(emit func(model.Order, []model.Payment) error) error {
			return emit(bulkOrder(d.vilnius.ID, 1, now, "lost", 100, 0), nil)
		},
		"same number twice": func(emit func(model.Order, []model.Payment) error) error {
			o := bulkOrder(d.vilnius.ID, 1, now, model.OrderDraft, 100, 0)
			o.Number = "2026-000001"
			if err := emit(o, nil); err != nil {
				return err
			}
			return emit(o, nil)
		},
	} {
		if _, _, err := BulkLoadOrders(d.db, "boss", products, versions, gen); err == nil || err.Error() == "" {
			t.Errorf("%s: loaded", name)
		}
		if orderState(t, d.db) != before {
			t.Errorf("%s: the refused load changed the file", name)
		}
	}
	dup := append([]model.Product{}, products...)
	dup[1].SKU = dup[0].SKU
	if _, _, err := BulkLoadOrders(d.db, "boss", dup, nil, func(func(model.Order, []model.Payment) error) error { return nil }); err == nil {
		t.Error("two products with one SKU loaded")
	}
	// the undo removes what a load wrote
	if _, _, err := BulkLoadOrders(d.db, "boss", products, versions, func(emit func(model.Order, []model.Payment) error) error {
		return emit(bulkOrder(d.vilnius.ID, 1, now, model.OrderDraft, 100, 0), nil)
	}); err != nil {
		t.Fatal(err)
	}
	mid := orderState(t, d.db)
	cause := fmt.Errorf("disk full")
	if err := d.db.orderBulkUndo(cause, bulkStart{product: 3, version: 2, order: 1, payment: 0}); err != cause {
		t.Fatal(err)
	}
	if orderState(t, d.db) != mid {
		t.Error("undo above the loaded sequences removed something")
	}
	if err := d.db.orderBulkUndo(cause, bulkStart{}); err != cause {
		t.Fatal(err)
	}
	_ = d.db.bolt.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketOrders, bucketOrderClient, bucketOrderStatus, bucketOrderDate, bucketOrderNumber, bucketProducts, bucketProductSKU, bucketPrices, bucketPriceVersions} {
			if n := tx.Bucket(b).Stats().KeyN; n != 0 {
				t.Errorf("after undo %s holds %d", b, n)
			}
		}
		return nil
	})
}
