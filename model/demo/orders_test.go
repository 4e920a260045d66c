package demo

import (
	"reflect"
	"testing"
	"time"

	"clientbase/model"
)

var ordersNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

type demoOrder struct {
	o    model.Order
	pays []model.Payment
}

func demoOrders(t testing.TB, n int) ([]model.Product, []model.PriceVersion, []demoOrder) {
	t.Helper()
	products, versions := Catalogue(7, ordersNow)
	var clients []OrderClient
	if err := Clients(7, n, func(c model.Client) error {
		if oc, ok := OrderClientOf(c); ok {
			clients = append(clients, oc)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var out []demoOrder
	err := Orders(7, ordersNow, products, versions, clients, func(o model.Order, ps []model.Payment) error {
		out = append(out, demoOrder{o, ps})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return products, versions, out
}

func TestCatalogueIsValid(t *testing.T) {
	products, versions := Catalogue(7, ordersNow)
	if len(products) < 200 || len(products) > 500 || len(versions) != 2 {
		t.Fatalf("%d products, %d versions", len(products), len(versions))
	}
	units := map[model.Unit]int{}
	vat := map[model.Rate]int{}
	skus := map[string]bool{}
	for i, p := range products {
		if p.ID != model.ID(i+1) || skus[p.SKU] {
			t.Errorf("product %d: id %d sku %s", i, p.ID, p.SKU)
		}
		skus[p.SKU] = true
		if err := model.ValidateProduct(p); err != nil {
			t.Errorf("%s: %v", p.SKU, err)
		}
		units[p.Unit]++
		vat[p.VAT]++
	}
	if len(units) != 3 || vat[2000] == 0 || vat[1000] == 0 {
		t.Errorf("units %v, VAT %v", units, vat)
	}
	ps := model.DefaultPriceSettings()
	for _, v := range versions {
		if err := model.ValidatePriceVersion(v, ps); err != nil {
			t.Errorf("version %s: %v", v.Note, err)
		}
		if len(v.Prices) != 3*len(products) {
			t.Errorf("version %s: %d prices", v.Note, len(v.Prices))
		}
	}
	if !versions[0].Effective.Before(ordersNow.AddDate(-1, 0, 0)) || !versions[1].Effective.Before(ordersNow) {
		t.Errorf("effective %v, %v", versions[0].Effective, versions[1].Effective)
	}
	// dealer below wholesale below retail, and the new list dearer
	for i := 0; i < len(versions[0].Prices); i += 3 {
		r, w, d := versions[0].Prices[i], versions[0].Prices[i+1], versions[0].Prices[i+2]
		if !(d.Price.Minor < w.Price.Minor && w.Price.Minor < r.Price.Minor) || versions[1].Prices[i].Price.Minor <= r.Price.Minor {
			t.Fatalf("prices of %d: %v %v %v → %v", r.Product, r.Price, w.Price, d.Price, versions[1].Prices[i].Price)
		}
	}
}

func TestOrdersAreARealisticYear(t *testing.T) {
	_, versions, orders := demoOrders(t, 600)
	if len(orders) < 1500 {
		t.Fatalf("only %d orders for 600 clients", len(orders))
	}
	statuses := map[model.OrderStatus]int{}
	var overdue, under, over int
	for i, d := range orders {
		o := d.o
		statuses[o.Status]++
		if i > 0 && o.Date.Before(orders[i-1].o.Date) {
			t.Fatal("orders not in date order")
		}
		if o.Date.After(ordersNow) || o.Date.Before(ordersNow.AddDate(-1, 0, -1)) {
			t.Errorf("order date %v", o.Date)
		}
		if o.Status != model.OrderDraft {
			if err := model.ValidateOrder(o); err != nil {
				t.Errorf("order of %d (%s): %v", o.Client, o.Status, err)
			}
		}
		// the stored amounts are the model's
		lines := append([]model.OrderLine(nil), o.Lines...)
		for j := range lines {
			model.ComputeLine(&lines[j], o.VATIncluded)
		}
		if !reflect.DeepEqual(lines, o.Lines) || model.ComputeTotals(lines, o.Currency) != o.Totals {
			t.Errorf("order %v: amounts differ from the model's", o.Date)
		}
		// the price is the client's column in the version in force on the date
		v := versions[0]
		if !versions[1].Effective.After(o.Date) {
			v = versions[1]
		}
		for _, l := range o.Lines {
			found := false
			for _, e := range v.Prices {
				found = found || (e.Product == l.Product && e.Column == o.PriceColumn && e.Price.Minor == l.Price.Minor)
			}
			if !found {
				t.Fatalf("line %s at %v: price %v is not the %s column of %q", l.SKU, o.Date, l.Price, o.PriceColumn, v.Note)
			}
		}
		var sum int64
		for _, p := range d.pays {
			sum += p.Amount.Minor
			if p.Date.After(ordersNow) || p.Date.Before(o.InvoiceDate) || p.Amount.Minor <= 0 {
				t.Errorf("payment %+v of an invoice of %v", p, o.InvoiceDate)
			}
			switch p.Mismatch {
			case model.PaymentUnder:
				under++
			case model.PaymentOver:
				over++
			}
		}
		if sum != o.Paid.Minor {
			t.Errorf("paid %d, payments %d", o.Paid.Minor, sum)
		}
		switch o.Status {
		case model.OrderInvoiced, model.OrderPaidPartly:
			if o.InvoiceDate.IsZero() || o.Paid.Minor >= o.Totals.Gross.Minor {
				t.Errorf("%s: invoice %v paid %d of %d", o.Status, o.InvoiceDate, o.Paid.Minor, o.Totals.Gross.Minor)
			}
			if o.DueDate.Before(ordersNow.AddDate(0, 0, -1)) {
				overdue++
			}
		case model.OrderPaid, model.OrderClosed:
			if o.Paid.Minor < o.Totals.Gross.Minor {
				t.Errorf("%s with %d of %d paid", o.Status, o.Paid.Minor, o.Totals.Gross.Minor)
			}
		case model.OrderAwaitingApproval, model.OrderCreditHold:
			if o.HoldReason == "" {
				t.Errorf("%s without a reason", o.Status)
			}
		}
		if n := len(o.Events); n > 0 && o.Events[n-1].To != o.Status {
			t.Errorf("last event to %s, status %s", o.Events[n-1].To, o.Status)
		}
	}
	for _, st := range model.OrderStatuses {
		if statuses[st] == 0 {
			t.Errorf("no order is %s (%v)", st, statuses)
		}
	}
	if overdue < 20 || under == 0 || over == 0 {
		t.Errorf("overdue %d, under-payments %d, over-payments %d", overdue, under, over)
	}
}

func TestOrdersDeterministic(t *testing.T) {
	_, _, a := demoOrders(t, 100)
	_, _, b := demoOrders(t, 100)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs with one seed differ")
	}
}

func BenchmarkOrders2500(b *testing.B) {
	products, versions := Catalogue(7, ordersNow)
	var clients []OrderClient
	_ = Clients(7, 2500, func(c model.Client) error {
		if oc, ok := OrderClientOf(c); ok {
			clients = append(clients, oc)
		}
		return nil
	})
	for b.Loop() {
		n := 0
		_ = Orders(7, ordersNow, products, versions, clients, func(model.Order, []model.Payment) error { n++; return nil })
		b.ReportMetric(float64(n), "orders")
	}
}
