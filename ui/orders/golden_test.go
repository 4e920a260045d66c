package orders

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

func mustContain(t *testing.T, view string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			t.Fatalf("the view lacks %q:\n%s", w, view)
		}
	}
}

// An order being entered: three lines, a bad quantity with its sentence
// under the cell, the discount cell being typed, live totals.
func TestGoldenOrderEntry(t *testing.T) {
	sh := newShop(t, 8)
	d := newTabDriver(t, sh.as(t, "petrov"), 80, 24)
	d.run(d.m.Update(common.NewOrderMsg{Client: sh.clients[0].ID}))
	d.addSKU("SKU-001", "3")
	d.addSKU("SKU-002", "2,5")
	d.typeText("SKU-003")
	d.press("enter")
	d.typeText("0")
	d.press("tab")
	d.typeText("7,5")
	view := d.screen()
	uitest.RequireSize(t, "view", d.m.View(), 80, 24)
	mustContain(t, view, "New order", sh.clients[0].ShortName, "SKU-001", "SKU-002", "2,5", "7,5", "Gross", "taken by petrov")
	if q, _ := d.e0().LineErrors(2); q == "" || !strings.Contains(view, "✗") {
		t.Fatalf("no sentence under the zero quantity:\n%s", view)
	}
	golden.RequireEqual(t, view)
}

// The order list: newest first, the late delivery marked, the filter line.
func TestGoldenOrderList(t *testing.T) {
	sh := newShop(t, 8)
	env := sh.as(t, "petrov")
	for i, c := range sh.clients[:3] {
		d := newEntryDriver(t, env, model.Order{Client: c.ID})
		d.addSKU("SKU-001", strings.Repeat("1", i+1))
		d.press("ctrl+o")
		if d.e.order.Status != model.OrderConfirmed {
			t.Fatalf("order %d: %s %q", i, d.e.order.Status, d.e.Message())
		}
	}
	d := newTabDriver(t, env, 80, 24)
	view := d.screen()
	uitest.RequireSize(t, "view", d.m.View(), 80, 24)
	mustContain(t, view, "O Orders", "3 orders", "Number", sh.clients[2].ShortName, "confirmed")
	golden.RequireEqual(t, view)
}

// e0 is the tab's open entry.
func (d *driver) e0() *Entry { return d.m.Entry() }

// A confirmed order opened by its taker: lines read-only, the actions its
// status allows with their keys.
func TestGoldenStoredOrder(t *testing.T) {
	sh := newShop(t, 8)
	o := placeOrders(t, sh, "petrov", sh.clients[0])[0]
	d := newTabDriver(t, sh.as(t, "petrov"), 80, 24)
	d.run(d.m.Update(common.OpenOrderMsg{Order: o.ID}))
	view := d.screen()
	uitest.RequireSize(t, "view", d.m.View(), 80, 24)
	mustContain(t, view, "Order "+o.Number, "confirmed", "s ship", "x cancel order", "SKU-001")
	if d.m.InputFocused() {
		t.Fatal("a confirmed order holds the keys as if its lines were editable")
	}
	golden.RequireEqual(t, view)
}
