package catalog

import (
	"context"
	"strings"
	"testing"

	"clientbase/model"
)

func TestProductListSearchesLiveAndShowsTodaysPrice(t *testing.T) {
	dep := newDepartment(t, 30)
	d, p := openProducts(t, dep.env(dep.boss))
	v := d.View()
	// 30 products, every seventh inactive: 26 show.
	if !strings.Contains(v, "26 products") || !strings.Contains(v, "SKU-001") || !strings.Contains(v, "10.00") {
		t.Fatalf("first view:\n%s", v)
	}
	d.Press("/")
	if !p.InputFocused() {
		t.Fatal("/ did not focus the search line")
	}
	d.Type("nut")
	q, _ := p.Query()
	if q != "nut" || p.win.Total != 4 { // SKU-014 is inactive
		t.Fatalf("query %q total %d:\n%s", q, p.win.Total, d.View())
	}
	d.Press("enter", "j")
	if p.InputFocused() {
		t.Fatal("enter kept the search line focused")
	}
	cur, ok := p.Current()
	if !ok || cur.SKU != "SKU-008" {
		t.Fatalf("cursor on %+v", cur)
	}
	golden(t, "products_filtered", d.View())

	d.Press("i")
	if _, inactive := p.Query(); !inactive || p.win.Total != 5 {
		t.Errorf("i: total %d", p.win.Total)
	}
	d.Press("esc")
	if q, _ := p.Query(); q != "" || p.win.Total != 30 || p.Closed() {
		t.Errorf("esc: query %q total %d closed %v", q, p.win.Total, p.Closed())
	}
	d.Press("G")
	if cur, ok := p.Current(); !ok || cur.SKU != "SKU-030" {
		t.Errorf("G: %+v", cur)
	}
	d.Press("esc")
	if !p.Closed() {
		t.Error("esc with nothing to clear did not close the pane")
	}
}

// An answer of an older query (an earlier keystroke) is dropped.
func TestAnOlderSearchAnswerIsDropped(t *testing.T) {
	dep := newDepartment(t, 10)
	d, p := openProducts(t, dep.env(dep.boss))
	d.Press("/")
	d.Type("bolt")
	stale := pageMsg{gen: p.gen - 1, off: 0, want: 10, page: model.ProductPage{Total: 999, Rows: dep.products}}
	d.Run(p.Update(stale))
	if p.win.Total != 1 { // SKU-001; SKU-007 is inactive
		t.Errorf("total %d after a stale answer, want 1", p.win.Total)
	}
}

// Only the rows near the window are asked for, however long the list.
func TestProductListAsksOnlyForRowsNearTheWindow(t *testing.T) {
	dep := newDepartment(t, 200)
	d, p := openProducts(t, dep.env(dep.boss))
	if len(p.cache.Rows) > 2*rowsAround+p.win.Height || len(p.cache.Rows) == 0 {
		t.Fatalf("%d rows in memory", len(p.cache.Rows))
	}
	d.Press("G")
	if cur, ok := p.Current(); !ok || cur.SKU != "SKU-200" {
		t.Fatalf("G: %+v", cur)
	}
	if p.cache.Off == 0 || len(p.cache.Rows) > 2*rowsAround+p.win.Height {
		t.Errorf("after G: off %d, %d rows", p.cache.Off, len(p.cache.Rows))
	}
}

func TestProductFormShowsErrorsAndSavesNothingUntilValid(t *testing.T) {
	dep := newDepartment(t, 3)
	d, p := openProducts(t, dep.env(dep.boss))
	d.Press("n")
	if !p.Editing() {
		t.Fatal("n opened no form")
	}
	d.Type("SKU-002") // taken: the store says so
	d.Press("tab")    // name left empty
	d.Press("tab", "right", "tab")
	p.form.f.SetValue("vat", "")
	d.Type("120")
	d.Press("ctrl+s")
	if !p.Editing() {
		t.Fatal("a bad product closed the form")
	}
	if p.form.f.Error("name") == "" || p.form.f.Error("vat") == "" {
		t.Fatalf("errors name %q vat %q", p.form.f.Error("name"), p.form.f.Error("vat"))
	}
	golden(t, "product_form_errors", d.View())
	if pg, _ := dep.director().Products(context.Background(), "", true, 0, 10); pg.Total != 3 {
		t.Fatalf("saved while invalid: %d products", pg.Total)
	}

	// The name and VAT fixed; the store refuses the taken SKU under its field.
	p.form.f.Focus("name")
	d.Type("Anchor bolt 10×100")
	p.form.f.Focus("vat")
	p.form.f.SetValue("vat", "")
	d.Type("10")
	d.Press("ctrl+s")
	if !p.Editing() || p.form.f.Error("sku") == "" {
		t.Fatalf("duplicate SKU: editing %v, sku error %q\n%s", p.Editing(), p.form.f.Error("sku"), d.View())
	}
	// The status bar says the sentence, not the program's field key ("sku: …").
	if texts, _ := d.statuses(); len(texts) == 0 || texts[len(texts)-1] != p.form.f.Error("sku") {
		t.Errorf("status after the taken SKU %q, want the field's sentence %q", texts, p.form.f.Error("sku"))
	}
	p.form.f.Focus("sku")
	p.form.f.SetValue("sku", "")
	d.Type("ANC-10")
	d.Press("ctrl+s")
	if p.Editing() {
		t.Fatalf("valid product not saved:\n%s", d.View())
	}
	got, err := dep.director().ProductBySKU("anc-10")
	if err != nil || got.Name != "Anchor bolt 10×100" || got.Unit != model.UnitMetre || got.VAT != 1000 || !got.Active {
		t.Fatalf("stored %+v, %v", got, err)
	}
	texts, changes := d.statuses()
	if changes != 1 || len(texts) == 0 || texts[len(texts)-1] != model.T("catalog.product_saved", "ANC-10") {
		t.Errorf("statuses %q, changes %d", texts, changes)
	}
	if !strings.Contains(d.View(), "ANC-10") {
		t.Errorf("the new product is not listed:\n%s", d.View())
	}

	// e edits the highlighted one: switched off, it leaves the active list.
	d.Press("g")
	d.Press("e")
	if !p.Editing() || p.form.orig.SKU != "ANC-10" {
		t.Fatalf("e opened %+v", p.form)
	}
	p.form.f.Focus("active")
	d.Press("space", "ctrl+s")
	if got, _ := dep.director().Product(got.ID); got.Active {
		t.Error("the product is still active")
	}
}

func TestOperatorSeesProductsReadOnly(t *testing.T) {
	dep := newDepartment(t, 5)
	d, p := openProducts(t, dep.env(dep.operator))
	if !strings.Contains(d.View(), model.T("catalog.no_right")) {
		t.Errorf("no read-only notice:\n%s", d.View())
	}
	d.Press("n")
	d.Press("e")
	if p.Editing() {
		t.Fatal("an operator opened the product form")
	}
	texts, _ := d.statuses()
	if len(texts) != 2 || texts[0] != model.T("catalog.no_right") {
		t.Errorf("statuses %q", texts)
	}
	for _, b := range p.ShortHelp() {
		if b.Enabled() && (b.Help().Key == "n" || b.Help().Key == "e/enter") {
			t.Errorf("footer offers %q to an operator", b.Help().Key)
		}
	}
}

// The version editor's search drops the answer of an older keystroke.
func TestVersionEditorDropsAnOlderSearchAnswer(t *testing.T) {
	dep := newDepartment(t, 10)
	d, p := openPrices(t, dep.env(dep.boss))
	d.Press("n", "tab", "tab", "tab")
	d.Type("nut")
	e := p.Editor()
	d.Run(p.Update(matchesMsg{gen: e.sgen - 1, rows: dep.products}))
	if len(e.matches) != 2 {
		t.Errorf("%d matches after a stale answer, want 2", len(e.matches))
	}
	d.Press("esc") // clears the search line first
	if p.Editor() == nil || e.search.Value() != "" || len(e.matches) != 0 {
		t.Errorf("esc on the search line: editor %v, search %q", p.Editor() != nil, e.search.Value())
	}
	d.Press("esc") // nothing typed: leaves without asking
	if p.Editor() != nil {
		t.Error("esc did not leave an untouched editor")
	}
}
