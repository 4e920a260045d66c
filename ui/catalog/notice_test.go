package catalog

import (
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// A future version with notice months plans a price-change call for each
// client who bought one of its products in that time, and says how many.
func TestNewVersionPlansNoticeCalls(t *testing.T) {
	s, boss := storetest.PlanDepartment(t, 3, 0, now)
	nut, err := s.SaveProduct(model.Product{SKU: "NUT-8", Name: "Nut M8", Unit: model.UnitPiece, VAT: 2000, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SavePriceVersion(model.PriceVersion{Effective: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Prices: []model.PriceEntry{{Product: nut.ID, Column: "retail", Price: model.Money{Minor: 1000, Currency: "RUB"}}}}, 0); err != nil {
		t.Fatal(err)
	}
	line := model.OrderLine{Product: nut.ID, SKU: nut.SKU, Name: nut.Name, Unit: nut.Unit, Qty: 10 * model.QtyScale,
		Price: model.Money{Minor: 1000, Currency: "RUB"}, VAT: 2000, Source: model.SourceBranch}
	model.ComputeLine(&line, false)
	lines := []model.OrderLine{line}
	_, _, err = store.BulkLoadOrders(s.DB(), boss.Name, nil, nil, func(emit func(model.Order, []model.Payment) error) error {
		for _, client := range []model.ID{1, 2} {
			if err := emit(model.Order{Client: client, TakenBy: "petrov", EnteredBy: "petrov", Channel: model.OrderByPhone,
				Date: now.AddDate(0, 0, -20), PriceColumn: "retail", Currency: "RUB", Lines: lines,
				Totals: model.ComputeTotals(lines, "RUB"), Status: model.OrderConfirmed}, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	env := common.Env{Store: s, Me: boss, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return now }}
	d, p := openPrices(t, env)
	d.Press("n")
	e := p.Editor()
	e.head.SetValue("effective", "1.12.2026")
	e.head.SetValue("notice", "2")
	d.Press("tab", "tab", "tab")
	d.Type("nut")
	d.Press("enter")
	d.Press("ctrl+u")
	d.Type("11.00")
	d.Press("ctrl+s")
	if p.Editor() != nil {
		t.Fatalf("not saved:\n%s", d.View())
	}
	texts, _ := d.statuses()
	want := model.T("catalog.version.saved_calls", "01.12.2026", 2)
	if len(texts) == 0 || texts[len(texts)-1] != want {
		t.Errorf("statuses %q, want %q", texts, want)
	}
	if !strings.Contains(d.View(), "01.12.2026") {
		t.Errorf("versions:\n%s", d.View())
	}
}
