package catalog

import (
	"flag"
	"fmt"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// now is the tests' fixed clock: views and "future" marks stay steady.
var now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// department is a real bbolt department (storetest.Department) with an
// operator besides its director "boss", and a small catalogue priced today.
type department struct {
	t        *testing.T
	db       *store.DB
	boss     model.User
	operator model.User
	products []model.Product
}

func newDepartment(t *testing.T, products int) *department {
	t.Helper()
	s, boss := storetest.Department(t, 0)
	op, err := s.SaveUser(model.User{Name: "ivanova", FullName: "Ольга Иванова", Role: model.RoleOperator})
	if err != nil {
		t.Fatal(err)
	}
	d := &department{t: t, db: s.DB(), boss: boss, operator: op}
	names := []string{"Bolt M8×40", "Nut M8", "Washer 8 mm", "Cable VVG 3×2.5", "Copper wire 1 mm", "Paint white 10 kg"}
	units := []model.Unit{model.UnitPiece, model.UnitPiece, model.UnitPiece, model.UnitMetre, model.UnitMetre, model.UnitKilogram}
	for i := 0; i < products; i++ {
		j := i % len(names)
		p, err := s.SaveProduct(model.Product{SKU: fmt.Sprintf("SKU-%03d", i+1), Name: fmt.Sprintf("%s #%d", names[j], i+1),
			Unit: units[j], VAT: 2000, Active: i%7 != 6})
		if err != nil {
			t.Fatalf("product %d: %v", i, err)
		}
		d.products = append(d.products, p)
	}
	if products > 0 {
		var prices []model.PriceEntry
		for i, p := range d.products {
			prices = append(prices,
				model.PriceEntry{Product: p.ID, Column: "retail", Price: model.Money{Minor: int64(1000 + 150*i), Currency: "RUB"}},
				model.PriceEntry{Product: p.ID, Column: "wholesale", Price: model.Money{Minor: int64(900 + 120*i), Currency: "RUB"}})
		}
		if _, _, err := s.SavePriceVersion(model.PriceVersion{Effective: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Note: "January list", Prices: prices}, 0); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func (d *department) env(u model.User) common.Env {
	return common.Env{Store: d.db.As(u), Me: u, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return now }}
}

func (d *department) director() *store.Session { return d.db.As(d.boss) }

// driver feeds keys to a pane as its owner does (uitest.Owner).
type driver struct{ uitest.Owner }

// statuses are the status sentences sent so far and how many data changes.
func (d *driver) statuses() (texts []string, changes int) {
	for _, m := range d.Out {
		switch m := m.(type) {
		case common.StatusMsg:
			texts = append(texts, m.Text)
		case common.DataChangedMsg:
			changes++
		}
	}
	return texts, changes
}

func openProducts(t *testing.T, env common.Env) (*driver, *Products) {
	p := NewProducts(env)
	p.SetSize(80, 24)
	d := &driver{uitest.Owner{T: t, Pane: p}}
	d.Run(p.Init())
	return d, p
}

func openPrices(t *testing.T, env common.Env) (*driver, *Prices) {
	p := NewPrices(env)
	p.SetSize(80, 24)
	d := &driver{uitest.Owner{T: t, Pane: p}}
	d.Run(p.Init())
	return d, p
}

// golden compares an 80×24 view (styles stripped) with testdata/name.golden.
func golden(t *testing.T, name, view string) {
	t.Helper()
	uitest.CheckSize(t, name, view, 80, 24)
	uitest.Golden(t, name, view, *update)
}
