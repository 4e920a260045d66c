package store

import (
	"context"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
	"clientbase/model/demo"
)

// TestReceivablesMatchTheOrders loads the demo's year of orders and checks
// every client's receivables, read from the summaries, against the orders
// decoded one by one; then pays some invoices and checks again, and that
// the list holds exactly the clients who owe.
func TestReceivablesMatchTheOrders(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	db, err := Open(tempPath(t), Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var clients []demo.OrderClient
	if _, err := BulkLoadWith(db, demo.Users(), BulkOptions{Prepared: true}, func(emit func(model.Client) error) error {
		return demo.Clients(3, 400, func(c model.Client) error {
			if oc, ok := demo.OrderClientOf(c); ok {
				clients = append(clients, oc)
			}
			return emit(c)
		})
	}); err != nil {
		t.Fatal(err)
	}
	products, versions := demo.Catalogue(3, now)
	if _, _, err := BulkLoadOrders(db, "orlov", products, versions, func(emit func(model.Order, []model.Payment) error) error {
		return demo.Orders(3, now, products, versions, clients, emit)
	}); err != nil {
		t.Fatal(err)
	}
	u, err := db.SignIn("volkova")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(u)
	msk, _ := time.LoadLocation("Europe/Moscow")
	today := dayNumber(now, msk)

	check := func(when string) {
		t.Helper()
		want := map[model.ID]model.ClientReceivables{}
		_ = db.bolt.View(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketOrders).ForEach(func(_, v []byte) error {
				var o model.Order
				if err := decode(v, &o); err != nil {
					t.Fatal(err)
				}
				r := want[o.Client]
				switch o.Status {
				case model.OrderInvoiced, model.OrderPaidPartly, model.OrderReturned:
					if o.InvoiceDate.IsZero() {
						break
					}
					owed := max(0, model.OrderDue(o).Minor)
					r.Outstanding.Minor += owed
					if dayNumber(o.DueDate, msk) < today {
						r.Overdue.Minor += owed
					}
				}
				want[o.Client] = r
				return nil
			})
		})
		debtors := 0
		for c, w := range want {
			got, err := s.Receivables(c)
			if err != nil {
				t.Fatal(err)
			}
			if got.Outstanding.Minor != w.Outstanding.Minor || got.Overdue.Minor != w.Overdue.Minor {
				t.Fatalf("%s: client %d owes %d (%d overdue), the orders say %d (%d)", when, c,
					got.Outstanding.Minor, got.Overdue.Minor, w.Outstanding.Minor, w.Overdue.Minor)
			}
			var sum int64
			for _, a := range got.Aging {
				sum += a.Minor
			}
			if sum != got.Outstanding.Minor {
				t.Fatalf("%s: client %d aging sums to %d of %d", when, c, sum, got.Outstanding.Minor)
			}
			if w.Outstanding.Minor > 0 {
				debtors++
			}
		}
		if _, total, err := s.ReceivablesList(context.Background(), "days", 0, 10); err != nil || total != debtors || debtors < 20 {
			t.Fatalf("%s: the list holds %d, %d clients owe (%v)", when, total, debtors, err)
		}
	}
	check("loaded")

	// pay every third open invoice: exactly, under or over
	var open []model.Order
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketOrders).ForEach(func(_, v []byte) error {
			var o model.Order
			_ = decode(v, &o)
			if o.Status == model.OrderInvoiced || o.Status == model.OrderPaidPartly {
				open = append(open, o)
			}
			return nil
		})
	})
	for i := 0; i < len(open); i += 3 {
		o := open[i]
		due := model.OrderDue(o).Minor
		amount := []int64{due, due / 2, due + 100}[(i/3)%3]
		if amount <= 0 {
			continue
		}
		if _, err := s.RecordPayment(model.Payment{Order: o.ID, Amount: model.Money{Minor: amount, Currency: o.Currency}, Date: now}); err != nil {
			t.Fatal(err)
		}
	}
	check("after payments")
}

// dayNumber is t's calendar day in loc as a number.
func dayNumber(t time.Time, loc *time.Location) int64 {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}
