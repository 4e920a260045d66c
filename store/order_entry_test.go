package store

import (
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"clientbase/model"
)

func TestOrderSavedAndReloadedExactly(t *testing.T) {
	d := newOrderDept(t)
	o := model.Order{
		Client: d.vilnius.ID, Contact: 2, TakenBy: "petrov", Channel: model.OrderInField,
		Requested: planT0.AddDate(0, 0, 3), Promised: planT0.AddDate(0, 0, 5).In(time.FixedZone("X", 3*3600)),
		Delivery: true, Address: "Gedimino pr. 1, Vilnius", Notes: "ring twice", External: "1C-77",
		Lines: []model.OrderLine{
			{Product: d.chair.ID, Qty: qty(3), Discount: 250, Source: model.SourceCentral},
			{SKU: "tx-100", Qty: 12_345, Source: model.SourceMadeToOrder}, // 12.345 m is too fine for metres
		},
	}
	if _, err := d.olga.SaveOrder(o); err == nil {
		t.Fatal("an operator entered an order taken by a manager")
	}
	_, err := d.petrov.SaveOrder(o)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["lines.1.qty"] == "" {
		t.Fatalf("12.345 m: %v", err)
	}
	o.Lines[1].Qty = 12_350 // 12.35 m
	saved := mustOrder(t, d.petrov, o)
	if saved.Number != "2026-000001" || saved.Status != model.OrderDraft || saved.EnteredBy != "petrov" || saved.Version != 1 {
		t.Errorf("header %q %s %q v%d", saved.Number, saved.Status, saved.EnteredBy, saved.Version)
	}
	if saved.PriceColumn != "retail" || saved.Currency != "RUB" || saved.Lines[1].Product != d.cloth.ID || saved.Lines[1].Name != d.cloth.Name {
		t.Errorf("defaults: %q %q %+v", saved.PriceColumn, saved.Currency, saved.Lines[1])
	}
	if saved.Lines[0].Price.Minor != 250000 || saved.Lines[1].Price.Minor != 45050 {
		t.Errorf("prices %v %v", saved.Lines[0].Price, saved.Lines[1].Price)
	}
	if saved.Totals != model.ComputeTotals(saved.Lines, "RUB") || saved.Totals.Gross.Minor == 0 {
		t.Errorf("totals %+v", saved.Totals)
	}
	got, err := d.head.Order(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, saved) {
		t.Errorf("reloaded order differs:\n got %+v\nwant %+v", got, saved)
	}
	// a change keeps what the store keeps and bumps the version
	got.Lines = append(got.Lines, model.OrderLine{Product: d.nails.ID, Qty: 1_500})
	got.Status, got.Number, got.EnteredBy = model.OrderConfirmed, "X", "someone"
	changed := mustOrder(t, d.boss, got)
	if changed.Version != 2 || changed.Status != model.OrderDraft || changed.Number != saved.Number || changed.EnteredBy != "petrov" || len(changed.Lines) != 3 {
		t.Errorf("changed: v%d %s %q %q %d lines", changed.Version, changed.Status, changed.Number, changed.EnteredBy, len(changed.Lines))
	}
	again, _ := d.boss.Order(saved.ID)
	if !reflect.DeepEqual(again, changed) {
		t.Errorf("reloaded change differs")
	}
	// the stale version is refused
	if _, err := d.petrov.SaveOrder(saved); !errors.Is(err, model.ErrConflict) {
		t.Errorf("stale save: %v", err)
	}
	h, _ := d.boss.OrderHistory(saved.ID)
	if len(h) != 2 || h[0].Action != "create" || h[1].Action != "update" || h[1].User != "boss" {
		t.Errorf("history %+v", h)
	}
	checkOrders(t, d.db)
}

func TestOrderNumbersPerYear(t *testing.T) {
	d := newOrderDept(t)
	a := mustOrder(t, d.boss, d.draft(d.vlad.ID, "jonaitis", d.chair))
	b := mustOrder(t, d.boss, d.draft(d.vlad.ID, "jonaitis", d.chair))
	o := d.draft(d.vlad.ID, "jonaitis", d.chair)
	o.Date = time.Date(2027, 1, 15, 12, 0, 0, 0, time.UTC)
	c := mustOrder(t, d.boss, o)
	if a.Number != "2026-000001" || b.Number != "2026-000002" || c.Number != "2027-000001" {
		t.Errorf("numbers %s %s %s", a.Number, b.Number, c.Number)
	}
	checkOrders(t, d.db)
}

func TestOrderConcurrentConfirmation(t *testing.T) {
	d := newOrderDept(t)
	o := mustOrder(t, d.petrov, d.draft(d.vilnius.ID, "petrov", d.chair, d.cloth))
	for round := 0; round < 5; round++ {
		if round > 0 {
			o = mustOrder(t, d.petrov, d.draft(d.vilnius.ID, "petrov", d.chair, d.cloth))
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]error, 2)
		for i, s := range []*Session{d.petrov, d.head} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[i] = s.SubmitOrder(o.ID, o.Version)
			}()
		}
		close(start)
		wg.Wait()
		ok, conflicts := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, model.ErrConflict):
				conflicts++
			default:
				t.Errorf("submit: %v", err)
			}
		}
		if ok != 1 || conflicts != 1 {
			t.Fatalf("round %d: %d confirmed, %d conflicts (%v)", round, ok, conflicts, errs)
		}
		got, _ := d.boss.Order(o.ID)
		if got.Status != model.OrderConfirmed || got.Version != o.Version+1 || len(got.Events) != 1 {
			t.Errorf("after the race: %s v%d %d events", got.Status, got.Version, len(got.Events))
		}
	}
	checkOrders(t, d.db)
}

func TestOrderBadInput(t *testing.T) {
	d := newOrderDept(t)
	base := d.draft(d.vilnius.ID, "petrov", d.chair)
	early := planT0.AddDate(0, -2, 0) // before the only price version
	cases := []struct {
		name  string
		edit  func(o *model.Order)
		field string
	}{
		{"zero quantity", func(o *model.Order) { o.Lines[0].Qty = 0 }, "lines.0.qty"},
		{"negative quantity", func(o *model.Order) { o.Lines[0].Qty = -qty(1) }, "lines.0.qty"},
		{"decimals on pieces", func(o *model.Order) { o.Lines[0].Qty = 1_500 }, "lines.0.qty"},
		{"unknown SKU", func(o *model.Order) { o.Lines[0] = model.OrderLine{SKU: "NOPE-1", Qty: qty(1)} }, "lines.0.sku"},
		{"unknown product", func(o *model.Order) { o.Lines[0].Product = 9999 }, "lines.0.sku"},
		{"no product at all", func(o *model.Order) { o.Lines[0] = model.OrderLine{Qty: qty(1)} }, "lines.0.sku"},
		{"discount above 100 %", func(o *model.Order) { o.Lines[0].Discount = 10001 }, "lines.0.discount"},
		{"no price at the date", func(o *model.Order) { o.Date = early }, "lines.0.price"},
		{"no price in the column", func(o *model.Order) { o.PriceColumn = "staff" }, "price_column"},
		{"delivery before the order date", func(o *model.Order) { o.Promised = planT0.AddDate(0, 0, -1) }, "promised"},
		{"requested before the order date", func(o *model.Order) { o.Requested = planT0.AddDate(0, 0, -3) }, "requested"},
		{"delivery without an address", func(o *model.Order) { o.Delivery = true }, "address"},
		{"no client", func(o *model.Order) { o.Client = 0 }, "client"},
		{"unknown client", func(o *model.Order) { o.Client = 4242 }, "client"},
		{"unknown taker", func(o *model.Order) { o.TakenBy = "ghost" }, "taken_by"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := base
			o.Lines = append([]model.OrderLine(nil), base.Lines...)
			tc.edit(&o)
			s := d.petrov
			if tc.field == "taken_by" || tc.field == "client" {
				s = d.boss
			}
			err := unchanged(t, d.db, func() error { _, err := s.SaveOrder(o); return err })
			var ve *model.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("want a validation error, got %v", err)
			}
			if ve.Fields[tc.field] == "" {
				t.Errorf("no sentence for %q: %v", tc.field, ve.Fields)
			}
			for f, s := range ve.Fields {
				if s == "" || strings.HasPrefix(s, "storeorder.") || strings.HasPrefix(s, "order.") {
					t.Errorf("%s: sentence %q is not a sentence", f, s)
				}
			}
		})
	}
	// an archived client takes no new order
	arch, err := d.boss.SetArchived(d.vlad.ID, d.vlad.Version, true)
	if err != nil {
		t.Fatal(err)
	}
	err = unchanged(t, d.db, func() error { _, err := d.boss.SaveOrder(d.draft(arch.ID, "boss", d.chair)); return err })
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["client"] == "" {
		t.Errorf("archived client: %v", err)
	}
	// an inactive product is not sold on a new line
	off := d.nails
	off.Active = false
	if _, err := d.boss.SaveProduct(off); err != nil {
		t.Fatal(err)
	}
	err = unchanged(t, d.db, func() error { _, err := d.petrov.SaveOrder(d.draft(d.vilnius.ID, "petrov", d.nails)); return err })
	if !errors.As(err, &ve) || ve.Fields["lines.0.sku"] == "" {
		t.Errorf("inactive product: %v", err)
	}
	checkOrders(t, d.db)
}

func TestOrderPricesAtTheOrderDate(t *testing.T) {
	d := newOrderDept(t)
	// a second version from planT0 + 10 days raises the chair's wholesale price
	next := model.PriceVersion{Effective: planT0.AddDate(0, 0, 10), Prices: []model.PriceEntry{
		{Product: d.chair.ID, Column: "wholesale", Price: model.Money{Minor: 260000}}}}
	if _, _, err := d.boss.SavePriceVersion(next, 0); err != nil {
		t.Fatal(err)
	}
	c := d.vlad
	c.PriceColumn, c.DeferralDays = "wholesale", 30
	c = mustSave(t, d.boss, c, "")
	now := mustOrder(t, d.jonaitis, d.draft(c.ID, "jonaitis", d.chair))
	later := d.draft(c.ID, "jonaitis", d.chair, d.cloth)
	later.Date = planT0.AddDate(0, 0, 12)
	late := mustOrder(t, d.jonaitis, later)
	if now.PriceColumn != "wholesale" || now.DeferralDays != 30 || now.Lines[0].Price.Minor != 230000 {
		t.Errorf("today: %q %d %v", now.PriceColumn, now.DeferralDays, now.Lines[0].Price)
	}
	if late.Lines[0].Price.Minor != 260000 || late.Lines[1].Price.Minor != 41000 {
		t.Errorf("after the change: %v %v", late.Lines[0].Price, late.Lines[1].Price)
	}
	for _, tc := range []struct {
		at   time.Time
		want int64
		ok   bool
	}{
		{d.version.Effective.Add(-time.Second), 0, false},
		{d.version.Effective, 230000, true},
		{next.Effective.Add(-time.Second), 230000, true},
		{next.Effective, 260000, true},
		{next.Effective.AddDate(5, 0, 0), 260000, true},
	} {
		m, err := d.boss.PriceFor(d.chair.ID, "wholesale", tc.at)
		if tc.ok && (err != nil || m.Minor != tc.want || m.Currency != "RUB") || !tc.ok && !errors.Is(err, model.ErrNotFound) {
			t.Errorf("at %v: %v %v", tc.at, m, err)
		}
	}
	if _, err := d.boss.PriceFor(d.cloth.ID, "staff", planT0); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown column: %v", err)
	}
	// the product that sorts next in the prices index does not answer for another
	if _, err := d.boss.PriceFor(d.chair.ID, "dealer", d.version.Effective.Add(-time.Hour)); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("before any dealer price: %v", err)
	}
	checkOrders(t, d.db)
}

func TestOrderRights(t *testing.T) {
	d := newOrderDept(t)
	mine := mustOrder(t, d.petrov, d.draft(d.vilnius.ID, "petrov", d.chair))
	refused := func(name string, fn func() error) {
		t.Helper()
		if err := unchanged(t, d.db, fn); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s: %v", name, err)
		}
	}
	refused("a manager edits another's order", func() error { _, err := d.jonaitis.SaveOrder(mine); return err })
	refused("a manager submits another's order", func() error { _, err := d.jonaitis.SubmitOrder(mine.ID, mine.Version); return err })
	// sales support types in what a manager took, and may go on changing it
	forPetrov := mustOrder(t, d.olga, d.draft(d.vilnius.ID, "petrov", d.chair))
	if forPetrov.TakenBy != "petrov" || forPetrov.EnteredBy != "olga" {
		t.Errorf("entered for a manager: taken by %q, entered by %q", forPetrov.TakenBy, forPetrov.EnteredBy)
	}
	refused("an operator hands an entered order to someone else", func() error {
		o := forPetrov
		o.TakenBy = "jonaitis"
		_, err := d.olga.SaveOrder(o)
		return err
	})
	refused("a manager hands his order to another", func() error {
		o := mine
		o.TakenBy = "jonaitis"
		_, err := d.petrov.SaveOrder(o)
		return err
	})
	refused("a head edits a product", func() error { _, err := d.head.SaveProduct(d.chair); return err })
	refused("a manager saves prices", func() error { _, _, err := d.petrov.SavePriceVersion(d.version, 0); return err })
	refused("a head changes the price settings", func() error {
		ps, _ := d.head.PriceSettings()
		_, err := d.head.SavePriceSettings(ps)
		return err
	})
	// an operator enters her own order
	own := mustOrder(t, d.olga, d.draft(d.orphan.ID, "", d.chair))
	if own.TakenBy != "olga" || own.EnteredBy != "olga" {
		t.Errorf("own order: %q %q", own.TakenBy, own.EnteredBy)
	}
	// a 10 % discount waits for the head; the manager may not approve it
	o := mine
	o.Lines[0].Discount = 1000
	o = mustOrder(t, d.petrov, o)
	o, err := d.petrov.SubmitOrder(o.ID, o.Version)
	if err != nil || o.Status != model.OrderAwaitingApproval || o.HoldReason == "" {
		t.Fatalf("submit: %s %q %v", o.Status, o.HoldReason, err)
	}
	refused("a manager approves", func() error { _, err := d.petrov.Approve(o.ID, o.Version, "ok"); return err })
	refused("an operator rejects", func() error { _, err := d.olga.Reject(o.ID, o.Version, "no"); return err })
	if _, err := d.head.Reject(o.ID, o.Version, " "); err == nil {
		t.Error("a rejection without a comment")
	}
	o, err = d.head.Approve(o.ID, o.Version, "a good client")
	if err != nil || o.Status != model.OrderConfirmed {
		t.Fatalf("approve: %s %v", o.Status, err)
	}
	refused("an operator ships", func() error { _, err := d.olga.Ship(o.ID, o.Version, map[int]model.Qty{0: qty(1)}); return err })
	refused("another manager ships", func() error {
		_, err := d.jonaitis.Ship(o.ID, o.Version, map[int]model.Qty{0: qty(1)})
		return err
	})
	o, err = d.petrov.Ship(o.ID, o.Version, map[int]model.Qty{0: qty(1)})
	if err != nil || o.Status != model.OrderShipped {
		t.Fatalf("ship: %s %v", o.Status, err)
	}
	refused("a manager records a return", func() error {
		_, err := d.petrov.ReturnOrder(o.ID, o.Version, map[int]model.Qty{0: qty(1)}, "broken")
		return err
	})
	// the credit gate: the orphan's limit is 1.00; the head overrides with a comment
	held := mustOrder(t, d.boss, d.draft(d.orphan.ID, "head", d.chair))
	held, err = d.head.SubmitOrder(held.ID, held.Version)
	if err != nil || held.Status != model.OrderCreditHold || held.HoldReason == "" {
		t.Fatalf("credit gate: %s %q %v", held.Status, held.HoldReason, err)
	}
	refused("a manager overrides the credit gate", func() error { _, err := d.petrov.OverrideCredit(held.ID, held.Version, "ok"); return err })
	if err := unchanged(t, d.db, func() error { _, err := d.head.OverrideCredit(held.ID, held.Version, ""); return err }); err == nil {
		t.Error("an override without a comment")
	}
	held, err = d.head.OverrideCredit(held.ID, held.Version, "pays next week")
	if err != nil || held.Status != model.OrderConfirmed || held.Events[len(held.Events)-1].Comment != "pays next week" {
		t.Errorf("override: %s %v", held.Status, err)
	}
	h, _ := d.boss.OrderHistory(held.ID)
	if last := h[len(h)-1]; last.Action != "credit_override" || last.User != "head" || last.Reason != "pays next week" {
		t.Errorf("override audit %+v", last)
	}
	checkOrders(t, d.db)
}

func TestOrderReadOnly(t *testing.T) {
	path := tempPath(t)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := db.SignIn("boss")
	s := db.As(u)
	p := mustProduct(t, s, model.Product{SKU: "A", Name: "A", Unit: model.UnitPiece, Active: true})
	db.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	rs := ro.As(u)
	if _, err := rs.SaveProduct(p); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("product: %v", err)
	}
	if _, err := rs.SaveOrder(model.Order{Client: 1}); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("order: %v", err)
	}
	if _, err := rs.SubmitOrder(1, 1); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("submit: %v", err)
	}
	if page, err := rs.Products(t.Context(), "a", false, 0, 10); err != nil || page.Total != 1 {
		t.Errorf("read-only catalogue: %+v %v", page, err)
	}
}
