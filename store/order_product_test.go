package store

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"clientbase/model"
)

func TestProductsSaveAndSearch(t *testing.T) {
	d := newOrderDept(t)
	ctx := context.Background()
	// the catalogue is loaded by this first look and kept current after
	page, err := d.olga.Products(ctx, "", false, 0, 10)
	if err != nil || page.Total != 3 || page.Rows[0].SKU != "CH-1" || page.Rows[1].SKU != "NL-5" || page.Rows[2].SKU != "TX-100" {
		t.Fatalf("all in SKU order: %+v %v", page, err)
	}
	search := func(q string, inactive bool) []string {
		t.Helper()
		p, err := d.olga.Products(ctx, q, inactive, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range p.Rows {
			out = append(out, r.SKU)
		}
		if p.Total != len(out) {
			t.Errorf("%q: total %d, %d rows", q, p.Total, len(out))
		}
		return out
	}
	for q, want := range map[string][]string{
		"tx":          {"TX-100"},
		"COTTON":      {"TX-100"},
		"white cott":  {"TX-100"},
		"гвозди":      {"NL-5"},
		"ГВОЗДИ стро": {"NL-5"},
		"-1":          {"CH-1", "TX-100"},
		"oslo ch":     {"CH-1"},
		"nothing":     nil,
	} {
		if got := search(q, false); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", q, got, want)
		}
	}
	// a new product, a renamed SKU and a deactivated one show at once
	lamp := mustProduct(t, d.boss, model.Product{SKU: "AA-7", Name: "Lamp", Unit: model.UnitPiece, VAT: 2000, Active: true})
	chair := d.chair
	chair.SKU, chair.Name = "ZZ-1", "Chair Bergen"
	chair = mustProduct(t, d.boss, chair)
	nails := d.nails
	nails.Active = false
	mustProduct(t, d.boss, nails)
	if got := search("", false); !slices.Equal(got, []string{"AA-7", "TX-100", "ZZ-1"}) {
		t.Errorf("after saves: %v", got)
	}
	if got := search("", true); !slices.Equal(got, []string{"AA-7", "NL-5", "TX-100", "ZZ-1"}) {
		t.Errorf("with inactive: %v", got)
	}
	if got := search("oslo", false); got != nil {
		t.Errorf("the old name still found: %v", got)
	}
	if p, _ := d.olga.Products(ctx, "", true, 1, 2); p.Total != 4 || len(p.Rows) != 2 || p.Rows[0].SKU != "NL-5" {
		t.Errorf("window: %+v", p)
	}
	// SKUs are unique whatever the case, and looked up whatever the case
	err = unchanged(t, d.db, func() error {
		_, err := d.boss.SaveProduct(model.Product{SKU: "tx-100", Name: "Copy", Unit: model.UnitMetre, Active: true})
		return err
	})
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["sku"] == "" {
		t.Errorf("a duplicate SKU: %v", err)
	}
	if p, err := d.olga.ProductBySKU(" aa-7 "); err != nil || p.ID != lamp.ID {
		t.Errorf("by SKU: %+v %v", p, err)
	}
	if _, err := d.olga.ProductBySKU("NL-5"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an inactive product by SKU: %v", err)
	}
	if _, err := d.olga.ProductBySKU("CH-1"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the old SKU: %v", err)
	}
	stale := d.cloth
	stale.Version = 99
	if err := unchanged(t, d.db, func() error { _, err := d.boss.SaveProduct(stale); return err }); !errors.Is(err, model.ErrConflict) {
		t.Errorf("stale product: %v", err)
	}
	if err := unchanged(t, d.db, func() error {
		_, err := d.boss.SaveProduct(model.Product{SKU: "Q", Unit: "bottles", Active: true})
		return err
	}); !errors.As(err, &ve) || ve.Fields["name"] == "" || ve.Fields["unit"] == "" {
		t.Errorf("a bad product: %v", err)
	}
	// a fresh open reads the same catalogue from the file
	path := d.db.Path()
	d.db.Close()
	db2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	p, err := db2.As(d.olga.Me()).Products(ctx, "", true, 0, 10)
	if err != nil || p.Total != 4 || p.Rows[3].ID != chair.ID {
		t.Errorf("reopened: %+v %v", p, err)
	}
	h, _ := db2.As(d.boss.Me()).ProductHistory(chair.ID)
	if len(h) != 2 || h[1].Action != "update" {
		t.Errorf("product history %+v", h)
	}
	checkOrders(t, db2)
}

// FuzzProductSearch: the catalogue in memory answers what a plain scan of
// the folded texts answers, for any query.
func FuzzProductSearch(f *testing.F) {
	for _, s := range []string{"", "tx", "Гвозди", "a b", "-", "\x00", "  ", "ŠIAULIAI", "1 1"} {
		f.Add(s)
	}
	products := []model.Product{
		{ID: 1, SKU: "TX-100", Name: "Cotton fabric", Active: true},
		{ID: 2, SKU: "tx-101", Name: "Гвозди строительные", Active: true},
		{ID: 3, SKU: "A 1", Name: "Šiaulių lempa", Active: false},
		{ID: 4, SKU: "B-2", Name: "a b c", Active: true},
	}
	snap := &productSnap{offs: []int{0}}
	for _, p := range products {
		snap = snap.with(nil, p)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, inactive := range []bool{false, true} {
			page, err := snap.search(context.Background(), q, inactive, 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			words := bytes.Fields(model.FoldSearch(nil, q))
			var want []model.ID
			for _, p := range snap.rows {
				text := append(model.FoldSearch(nil, p.SKU), ' ')
				text = model.FoldSearch(text, p.Name)
				ok := p.Active || inactive
				for _, w := range words {
					ok = ok && bytes.Contains(text, w)
				}
				if ok {
					want = append(want, p.ID)
				}
			}
			var got []model.ID
			for _, r := range page.Rows {
				got = append(got, r.ID)
			}
			if !slices.Equal(got, want) || page.Total != len(want) {
				t.Errorf("%q (inactive %v): %v, want %v", q, inactive, got, want)
			}
		}
	})
}

func TestProductSnapshotKeepsOrder(t *testing.T) {
	snap := &productSnap{offs: []int{0}}
	var all []model.Product
	for i, sku := range []string{"m", "B", "z", "a", "Q", "c"} {
		p := model.Product{ID: model.ID(i + 1), SKU: sku, Name: "n" + sku, Active: true}
		all = append(all, p)
		snap = snap.with(nil, p)
	}
	// rename and replace
	old := all[0]
	all[0].SKU = "D"
	snap = snap.with(&old, all[0])
	var got []string
	for _, r := range snap.rows {
		got = append(got, r.SKU)
	}
	if strings.Join(got, ",") != "a,B,c,D,Q,z" {
		t.Errorf("order %v", got)
	}
	for i := range snap.rows {
		seg := snap.hay[snap.offs[i]:snap.offs[i+1]]
		if !bytes.HasPrefix(seg, model.FoldSearch(nil, snap.rows[i].SKU)) || seg[len(seg)-1] != 0 {
			t.Errorf("segment %d %q", i, seg)
		}
	}
	if snap.offs[len(snap.rows)] != len(snap.hay) {
		t.Error("the last offset is not the haystack's end")
	}
}

func TestPriceSettingsAndVersions(t *testing.T) {
	d := newOrderDept(t)
	ps, err := d.olga.PriceSettings()
	if err != nil || !slices.Equal(ps.Columns, []string{"retail", "wholesale", "dealer"}) || ps.Version != 0 {
		t.Fatalf("defaults %+v %v", ps, err)
	}
	ps.Columns = append(ps.Columns, "staff")
	ps.DiscountLimits = map[model.Role]model.Rate{model.RoleOperator: 100, model.RoleManager: 700, model.RoleHead: 1500, model.RoleDirector: 10000}
	saved, err := d.boss.SavePriceSettings(ps)
	if err != nil || saved.Version != 1 {
		t.Fatalf("save: %+v %v", saved, err)
	}
	if err := unchanged(t, d.db, func() error { _, err := d.boss.SavePriceSettings(ps); return err }); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a stale save: %v", err)
	}
	bad := saved
	bad.Columns = nil
	if err := unchanged(t, d.db, func() error { _, err := d.boss.SavePriceSettings(bad); return err }); err == nil {
		t.Error("no columns saved")
	}
	// a manager's 7 % now passes without the head
	o := d.draft(d.vilnius.ID, "petrov", d.chair)
	o.Lines[0].Discount = 700
	o = mustOrder(t, d.petrov, o)
	if o, err = d.petrov.SubmitOrder(o.ID, o.Version); err != nil || o.Status != model.OrderConfirmed {
		t.Errorf("7 %% by a manager: %s %v", o.Status, err)
	}

	// versions: newest effective first, without prices; a change moves its prices
	v2, _, err := d.boss.SavePriceVersion(model.PriceVersion{Effective: planT0.AddDate(0, 0, 20), Note: "winter",
		Prices: []model.PriceEntry{{Product: d.cloth.ID, Column: "staff", Price: model.Money{Minor: 30000}}}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	list, err := d.olga.PriceVersions()
	if err != nil || len(list) != 2 || list[0].ID != v2.ID || list[0].Prices != nil || list[0].Count != 1 || list[1].ID != d.version.ID {
		t.Errorf("versions %+v %v", list, err)
	}
	full, err := d.olga.PriceVersion(v2.ID)
	if err != nil || len(full.Prices) != 1 || full.Prices[0].Price.Currency != "RUB" {
		t.Errorf("version %+v %v", full, err)
	}
	full.Effective = planT0.AddDate(0, 0, 25)
	full.Prices[0].Price.Minor = 31000
	if _, _, err := d.boss.SavePriceVersion(full, 0); err != nil {
		t.Fatal(err)
	}
	if m, err := d.olga.PriceFor(d.cloth.ID, "staff", planT0.AddDate(0, 0, 22)); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the moved version still answers: %v %v", m, err)
	}
	if m, _ := d.olga.PriceFor(d.cloth.ID, "staff", planT0.AddDate(0, 0, 26)); m.Minor != 31000 {
		t.Errorf("after the change: %v", m)
	}
	if err := unchanged(t, d.db, func() error { _, _, err := d.boss.SavePriceVersion(full, 0); return err }); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a stale version: %v", err)
	}
	var ve *model.ValidationError
	for name, v := range map[string]model.PriceVersion{
		"no date":        {Prices: []model.PriceEntry{{Product: d.cloth.ID, Column: "retail"}}},
		"unknown column": {Effective: planT0, Prices: []model.PriceEntry{{Product: d.cloth.ID, Column: "vip"}}},
		"negative":       {Effective: planT0, Prices: []model.PriceEntry{{Product: d.cloth.ID, Column: "retail", Price: model.Money{Minor: -1}}}},
		"no product":     {Effective: planT0, Prices: []model.PriceEntry{{Product: 777, Column: "retail"}}},
	} {
		if err := unchanged(t, d.db, func() error { _, _, err := d.boss.SavePriceVersion(v, 0); return err }); !errors.As(err, &ve) {
			t.Errorf("%s: %v", name, err)
		}
	}
	checkOrders(t, d.db)
}

func TestPriceChangeNotices(t *testing.T) {
	d := newOrderDept(t)
	// vilnius bought chairs (confirmed); vlad has only a draft with cloth
	o := mustOrder(t, d.petrov, d.draft(d.vilnius.ID, "petrov", d.chair))
	if _, err := d.petrov.SubmitOrder(o.ID, o.Version); err != nil {
		t.Fatal(err)
	}
	mustOrder(t, d.jonaitis, d.draft(d.vlad.ID, "jonaitis", d.cloth))
	v := model.PriceVersion{Effective: planT0.AddDate(0, 1, 0), Prices: []model.PriceEntry{
		{Product: d.chair.ID, Column: "retail", Price: model.Money{Minor: 270000}},
		{Product: d.cloth.ID, Column: "retail", Price: model.Money{Minor: 50000}}}}
	_, n, err := d.boss.SavePriceVersion(v, 6)
	if err != nil || n != 1 {
		t.Fatalf("notices %d %v", n, err)
	}
	rows, err := d.boss.PlanItems("petrov", planT0.Add(-time.Hour), v.Effective)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		found = found || (r.Item.Origin == model.OriginPriceChange && r.Item.Client == d.vilnius.ID && r.Item.Due.Before(v.Effective))
	}
	if !found {
		t.Errorf("no price-change call for petrov's client: %+v", rows)
	}
	// a past version plans nothing
	v.Effective = planT0.AddDate(0, 0, -1)
	if _, n, err := d.boss.SavePriceVersion(v, 6); err != nil || n != 0 {
		t.Errorf("a past version: %d %v", n, err)
	}
	checkOrders(t, d.db)
}
