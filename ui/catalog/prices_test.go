package catalog

import (
	"strings"
	"testing"
	"time"

	"clientbase/model"
)

func TestPriceSettingsAreEditedWithErrorsUnderTheFields(t *testing.T) {
	dep := newDepartment(t, 3)
	d, p := openPrices(t, dep.env(dep.boss))
	golden(t, "prices", d.View())
	d.Press("s")
	if !p.InputFocused() || p.sform == nil {
		t.Fatal("s opened no settings form")
	}
	f := &p.sform.f
	f.SetValue("columns", "retail, , dealer")
	f.SetValue("currency", "roubles")
	f.SetValue(limitKey(model.RoleManager), "150")
	d.Press("ctrl+s")
	if p.sform == nil {
		t.Fatal("bad settings closed the form")
	}
	for _, k := range []string{"columns", "currency", limitKey(model.RoleManager)} {
		if p.sform.f.Error(k) == "" {
			t.Errorf("no sentence under %s", k)
		}
	}
	golden(t, "price_settings_errors", d.View())
	if ps, _ := dep.director().PriceSettings(); ps.Currency != "RUB" || len(ps.Columns) != 3 {
		t.Fatalf("saved while invalid: %+v", ps)
	}
	f = &p.sform.f
	f.SetValue("columns", "retail, wholesale, dealer, vip")
	f.SetValue("currency", "rub")
	f.SetValue(limitKey(model.RoleManager), "7,5")
	f.Focus("vat_included")
	d.Press("space", "ctrl+s")
	if p.sform != nil {
		t.Fatalf("valid settings not saved:\n%s", d.View())
	}
	ps, err := dep.director().PriceSettings()
	if err != nil || strings.Join(ps.Columns, ",") != "retail,wholesale,dealer,vip" || ps.Currency != "RUB" || !ps.VATIncluded ||
		ps.DiscountLimits[model.RoleManager] != 750 || ps.DiscountLimits[model.RoleHead] != 1500 {
		t.Fatalf("stored %+v, %v", ps, err)
	}
	if !strings.Contains(d.View(), "retail · wholesale · dealer · vip") || !strings.Contains(d.View(), "manager 7.5 %") {
		t.Errorf("the view lacks the new settings:\n%s", d.View())
	}
}

func TestNewPriceVersionIsPrefilledAndSaved(t *testing.T) {
	dep := newDepartment(t, 12)
	d, p := openPrices(t, dep.env(dep.boss))
	d.Press("n")
	e := p.Editor()
	if e == nil || !p.InputFocused() {
		t.Fatal("n opened no editor")
	}
	e.head.SetValue("effective", "")
	d.Type("1.12.2026")
	d.Press("tab")
	d.Type("winter")
	d.Press("tab", "tab") // notice months stays 0, on to the search line
	if e.zone != zoneSearch {
		t.Fatalf("zone %d", e.zone)
	}
	d.Type("nut")
	if len(e.matches) != 2 { // SKU-002, SKU-008
		t.Fatalf("matches %+v", e.matches)
	}
	d.Press("down", "enter") // SKU-008 into the grid, prefilled
	skus, cells := e.Rows()
	if len(skus) != 1 || skus[0] != "SKU-008" || cells[0][0] != "20.50" || cells[0][1] != "17.40" || cells[0][2] != "" {
		t.Fatalf("grid %v %v", skus, cells)
	}
	if e.zone != zoneGrid || e.row != 0 || e.col != 0 {
		t.Fatalf("after adding: zone %d row %d col %d", e.zone, e.row, e.col)
	}
	d.Press("ctrl+u")
	d.Type("21,90")
	d.Press("tab", "tab")
	d.Type("-5")                                   // dealer: a negative price
	d.Press("shift+tab", "shift+tab", "shift+tab") // back to the search line
	d.Type("SKU-003")
	d.Press("enter")
	d.Press("tab", "tab")
	d.Type("12.00")
	golden(t, "version_entering", d.View())

	d.Press("ctrl+s")
	if p.Editor() == nil || e.cellErrs[[2]int{0, 2}] == "" {
		t.Fatalf("a negative price was not refused:\n%s", d.View())
	}
	if vs, _ := dep.director().PriceVersions(); len(vs) != 1 {
		t.Fatalf("saved while invalid: %d versions", len(vs))
	}
	if e.zone != zoneGrid || e.row != 0 || e.col != 2 {
		t.Errorf("the bad cell has not the keys: zone %d row %d col %d", e.zone, e.row, e.col)
	}
	d.Press("backspace", "backspace")
	d.Type("15")
	d.Press("ctrl+s")
	if p.Editor() != nil {
		t.Fatalf("valid version not saved:\n%s", d.View())
	}
	texts, _ := d.statuses()
	if len(texts) == 0 || texts[len(texts)-1] != model.T("catalog.version.saved", "01.12.2026") {
		t.Errorf("statuses %q", texts)
	}
	st := dep.director()
	dec := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		sku, col string
		at       time.Time
		want     int64
	}{
		{"SKU-008", "retail", dec, 2190},
		{"SKU-008", "retail", now, 2050},
		{"SKU-008", "wholesale", dec, 1740},
		{"SKU-008", "dealer", dec, 1500},
		{"SKU-003", "dealer", dec, 1200},
		{"SKU-003", "retail", dec, 1300},
	} {
		pr, err := st.ProductBySKU(c.sku)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.PriceFor(pr.ID, c.col, c.at)
		if err != nil || got.Minor != c.want {
			t.Errorf("%s %s at %s: %v %v, want %d", c.sku, c.col, c.at.Format("2006-01-02"), got, err, c.want)
		}
	}
	v := d.View()
	if !strings.Contains(v, "01.12.2026") || !strings.Contains(v, "future") || !strings.Contains(v, "winter") || !strings.Contains(v, "in force") {
		t.Errorf("versions list:\n%s", v)
	}

	// enter shows the version's prices.
	d.Press("g", "enter")
	v = d.View()
	if !strings.Contains(v, "Prices effective from 01.12.2026") || !strings.Contains(v, "21.90") || !strings.Contains(v, "SKU-003") {
		t.Errorf("version view:\n%s", v)
	}
	d.Press("esc")
	if p.view != nil || p.Closed() {
		t.Error("esc did not come back to the list")
	}
}

// Bad header input: a sentence next to the field, nothing saved.
func TestVersionHeaderErrors(t *testing.T) {
	dep := newDepartment(t, 3)
	d, p := openPrices(t, dep.env(dep.boss))
	cases := []struct{ effective, notice, field string }{
		{"31.02.2026", "0", "effective"},
		{"soon", "0", "effective"},
		{"1.12.2026", "many", "notice"},
		{"1.12.2026", "-1", "notice"},
		{"1.1.2026", "3", "notice"}, // notice calls for a past date
	}
	for _, c := range cases {
		d.Press("n")
		e := p.Editor()
		e.head.SetValue("effective", c.effective)
		e.head.SetValue("notice", c.notice)
		d.Press("tab", "tab", "tab")
		d.Type("SKU-001")
		d.Press("enter")
		d.Press("ctrl+s")
		if p.Editor() == nil || e.head.Error(c.field) == "" {
			t.Errorf("%q/%q: no sentence under %s", c.effective, c.notice, c.field)
		}
		d.Press("esc", "y")
		if p.Editor() != nil {
			t.Fatal("esc, y did not leave the editor")
		}
	}
	if vs, _ := dep.director().PriceVersions(); len(vs) != 1 {
		t.Fatalf("%d versions saved", len(vs))
	}
	d.Press("n", "ctrl+s")
	if e := p.Editor(); e == nil || e.addErr != model.T("catalog.version.no_prices") {
		t.Errorf("an empty version: %+v", e)
	}
}

func TestOperatorCannotEditPrices(t *testing.T) {
	dep := newDepartment(t, 3)
	d, p := openPrices(t, dep.env(dep.operator))
	if !strings.Contains(d.View(), model.T("catalog.no_right")) {
		t.Errorf("no read-only notice:\n%s", d.View())
	}
	d.Press("n", "s")
	if p.InputFocused() {
		t.Fatal("an operator opened an editor")
	}
	texts, _ := d.statuses()
	if len(texts) != 2 || texts[1] != model.T("catalog.no_right") {
		t.Errorf("statuses %q", texts)
	}
	d.Press("enter") // looking is allowed
	if p.view == nil || !strings.Contains(d.View(), "January list") {
		t.Errorf("enter as operator:\n%s", d.View())
	}
}
