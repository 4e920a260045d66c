package store

import (
	"context"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/model/demo"
)

// receivablesBenchNow is the benchmarks' clock.
var receivablesBenchNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// receivablesDept is a department whose first client has n orders over
// the years before now — most paid and closed, one in twenty still
// invoiced or partly paid, some of those overdue — and 200 other clients
// with a few orders each.
func receivablesDept(b *testing.B, n int) (*DB, *Session, model.ID) {
	b.Helper()
	db, s := openDirectorAt(b, func() time.Time { return receivablesBenchNow })
	var first model.ID
	for i := range 201 {
		c := mustSave(b, s, newClient("Client "+itoa(uint64(i+1))), "")
		if i == 0 {
			first = c.ID
		}
	}
	products, versions := bulkCatalogue(receivablesBenchNow)
	gen := func(emit func(model.Order, []model.Payment) error) error {
		order := func(c model.ID, i int) error {
			date := receivablesBenchNow.Add(-time.Duration(i+1) * 5 * time.Hour)
			st := model.OrderClosed
			switch i % 20 {
			case 0:
				st = model.OrderInvoiced
			case 10:
				st = model.OrderPaidPartly
			case 5:
				st = model.OrderCancelled
			}
			gross := int64(10_000 + i%977)
			var paid int64
			var pays []model.Payment
			switch st {
			case model.OrderClosed:
				paid = gross
			case model.OrderPaidPartly:
				paid = gross / 2
			}
			if paid > 0 {
				pays = []model.Payment{{Amount: model.Money{Minor: paid, Currency: "RUB"}, Date: date}}
			}
			return emit(bulkOrder(c, model.ID(1+i%3), date, st, gross, paid), pays)
		}
		for i := range n {
			if err := order(first, i); err != nil {
				return err
			}
		}
		for c := range 200 {
			for i := range 5 {
				if err := order(first+model.ID(c+1), i*7); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if _, _, err := BulkLoadOrders(db, "boss", products, versions, gen); err != nil {
		b.Fatal(err)
	}
	return db, s, first
}

// BenchmarkReceivables10k is a client's receivables with its open invoices
// (the card's figure) for a client with 10,000 orders; target ≤ 20 ms.
func BenchmarkReceivables10k(b *testing.B) {
	_, s, client := receivablesDept(b, 10_000)
	var took []time.Duration
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		r, err := s.Receivables(client)
		took = append(took, time.Since(t0))
		if err != nil || r.Outstanding.Minor == 0 || len(r.Items) != 1000 {
			b.Fatalf("%d items, outstanding %d: %v", len(r.Items), r.Outstanding.Minor, err)
		}
	}
	percentiles(b, took)
}

// BenchmarkReceivablesList is the head's list over 201 debtors after a
// write (the cache empty: one scan of idx_order_client, 11,000 summaries).
func BenchmarkReceivablesList(b *testing.B) {
	db, s, _ := receivablesDept(b, 10_000)
	var took []time.Duration
	b.ResetTimer()
	for b.Loop() {
		db.debtorsCache().mu.Lock()
		db.debtorsCache().txid = -1
		db.debtorsCache().mu.Unlock()
		t0 := time.Now()
		_, total, err := s.ReceivablesList(context.Background(), "days", 0, 50)
		took = append(took, time.Since(t0))
		if err != nil || total != 201 {
			b.Fatalf("total %d: %v", total, err)
		}
	}
	percentiles(b, took)
}

// BenchmarkBulkLoadOrdersDemo loads the demo's catalogue and year of orders
// for 2,500 clients (about 18,000 orders and 17,000 payments) into a file
// that holds the clients.
func BenchmarkBulkLoadOrdersDemo(b *testing.B) {
	var clients []demo.OrderClient
	var loaded, payments int
	var took time.Duration
	for b.Loop() {
		b.StopTimer()
		db, err := Open(tempPath(b), Options{Now: func() time.Time { return receivablesBenchNow }})
		if err != nil {
			b.Fatal(err)
		}
		clients = clients[:0]
		if _, err := BulkLoadWith(db, demo.Users(), BulkOptions{Prepared: true}, func(emit func(model.Client) error) error {
			return demo.Clients(1, 2500, func(c model.Client) error {
				if oc, ok := demo.OrderClientOf(c); ok {
					clients = append(clients, oc)
				}
				return emit(c)
			})
		}); err != nil {
			b.Fatal(err)
		}
		products, versions := demo.Catalogue(1, receivablesBenchNow)
		b.StartTimer()
		t0 := time.Now()
		loaded, payments, err = BulkLoadOrders(db, "orlov", products, versions, func(emit func(model.Order, []model.Payment) error) error {
			return demo.Orders(1, receivablesBenchNow, products, versions, clients, emit)
		})
		took += time.Since(t0)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(loaded), "orders")
	b.ReportMetric(float64(payments), "payments")
	b.ReportMetric(float64(loaded)*float64(b.N)/took.Seconds(), "orders/s")
}

// BenchmarkPriceVersions lists the demo catalogue's price versions (the
// catalog screen's list: headers and their price counts).
func BenchmarkPriceVersions(b *testing.B) {
	db, s := openDirectorAt(b, func() time.Time { return receivablesBenchNow })
	products, versions := demo.Catalogue(42, receivablesBenchNow)
	none := func(func(model.Order, []model.Payment) error) error { return nil }
	if _, _, err := BulkLoadOrders(db, "boss", products, versions, none); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		vs, err := s.PriceVersions()
		if err != nil || len(vs) != len(versions) {
			b.Fatalf("%d versions, %v", len(vs), err)
		}
	}
}

// BenchmarkOrdersMine is the order list's first page filtered by a taker
// ("mine") over the demo's year of about 18,000 orders: counting the
// matches reads every order's taker.
func BenchmarkOrdersMine(b *testing.B) {
	db, err := Open(tempPath(b), Options{Now: func() time.Time { return receivablesBenchNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	var clients []demo.OrderClient
	if _, err := BulkLoadWith(db, demo.Users(), BulkOptions{Prepared: true}, func(emit func(model.Client) error) error {
		return demo.Clients(1, 2500, func(c model.Client) error {
			if oc, ok := demo.OrderClientOf(c); ok {
				clients = append(clients, oc)
			}
			return emit(c)
		})
	}); err != nil {
		b.Fatal(err)
	}
	products, versions := demo.Catalogue(1, receivablesBenchNow)
	var taker string
	if _, _, err := BulkLoadOrders(db, "orlov", products, versions, func(emit func(model.Order, []model.Payment) error) error {
		return demo.Orders(1, receivablesBenchNow, products, versions, clients, func(o model.Order, p []model.Payment) error {
			if taker == "" {
				taker = o.TakenBy
			}
			return emit(o, p)
		})
	}); err != nil {
		b.Fatal(err)
	}
	u, err := db.SignIn("orlov")
	if err != nil {
		b.Fatal(err)
	}
	s := db.As(u)
	for b.Loop() {
		page, err := s.Orders(context.Background(), model.OrderFilter{Manager: taker}, 0, 50)
		if err != nil || page.Total == 0 || len(page.Rows) == 0 {
			b.Fatalf("%d orders, %v", page.Total, err)
		}
	}
}
