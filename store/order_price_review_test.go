package store

import (
	"testing"

	"clientbase/model"
)

// TestPriceVersionEditKeepsAnotherVersionsPrice: two versions effective the
// same day both price the chair; the later one took the index entry. When
// the later one drops the chair, the chair's price on that day is the
// earlier version's again, not gone from the index.
func TestPriceVersionEditKeepsAnotherVersionsPrice(t *testing.T) {
	d := newOrderDept(t)
	day := planT0.AddDate(0, 0, 10)
	v1, _, err := d.boss.SavePriceVersion(model.PriceVersion{Effective: day, Prices: []model.PriceEntry{
		{Product: d.chair.ID, Column: "retail", Price: model.Money{Minor: 300000}}}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	v2, _, err := d.boss.SavePriceVersion(model.PriceVersion{Effective: day, Prices: []model.PriceEntry{
		{Product: d.chair.ID, Column: "retail", Price: model.Money{Minor: 310000}},
		{Product: d.cloth.ID, Column: "retail", Price: model.Money{Minor: 50000}}}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := d.boss.PriceFor(d.chair.ID, "retail", day); p.Minor != 310000 {
		t.Fatalf("with both: %d", p.Minor)
	}
	v2.Prices = v2.Prices[1:]
	if _, _, err := d.boss.SavePriceVersion(v2, 0); err != nil {
		t.Fatal(err)
	}
	if p, _ := d.boss.PriceFor(d.chair.ID, "retail", day); p.Minor != 300000 {
		t.Errorf("after the later version dropped the chair: %d, want version %d's 300000", p.Minor, v1.ID)
	}
	checkOrders(t, d.db)
}
