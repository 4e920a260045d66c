package orders

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

// twoLineOrder is petrov's confirmed order: 5 pcs of SKU-001 and 2.5 m of SKU-002.
func twoLineOrder(t *testing.T, sh *shop) model.Order {
	t.Helper()
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "5")
	d.addSKU("SKU-002", "2,5")
	d.press("ctrl+o")
	if d.e.order.Status != model.OrderConfirmed || len(d.e.order.Lines) != 2 {
		t.Fatalf("order: %s, %d lines, %q", d.e.order.Status, len(d.e.order.Lines), d.e.Message())
	}
	return d.e.order
}

// dialog is the entry's open quantity dialog (fails when there is none).
func (d *driver) dialog() *qtyDialog {
	d.t.Helper()
	e := d.e
	if e == nil {
		e = d.m.Entry()
	}
	q, ok := e.pay.(*qtyDialog)
	if !ok {
		d.t.Fatalf("no quantity dialog open (pane %T), message %q", e.pay, e.Message())
	}
	return q
}

// retype empties the focused input and types s.
func (d *driver) retype(s string) {
	d.t.Helper()
	d.press("ctrl+e", "ctrl+u") // textinput: end of line, then delete to its start
	d.typeText(s)
}

func stored(t *testing.T, sh *shop, id model.ID) model.Order {
	t.Helper()
	o, err := sh.director.Order(id)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestShipDialogPartlyThenTheRest(t *testing.T) {
	sh := newShop(t, 8)
	o := twoLineOrder(t, sh)
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: o.ID})
	p.press("s")
	q := p.dialog()
	if !p.e.InputFocused() || q.rows[0].in.Value() != "5" || q.rows[1].in.Value() != "2.50" {
		t.Fatalf("prefilled %q %q, input focused %v", q.rows[0].in.Value(), q.rows[1].in.Value(), p.e.InputFocused())
	}
	mustContain(t, p.screen(), "SKU-001", "SKU-002", "Ordered", "Ship now")

	// More than is left, then too many decimals: sentences under the lines, nothing stored.
	p.retype("7")
	p.press("tab")
	p.retype("1,255")
	p.press("enter")
	if q.rows[0].err == "" || !strings.Contains(q.rows[0].err, "5") || q.rows[1].err == "" {
		t.Fatalf("errors %q / %q", q.rows[0].err, q.rows[1].err)
	}
	mustContain(t, p.screen(), q.rows[0].err, q.rows[1].err)
	if got := stored(t, sh, o.ID); got.Version != o.Version || got.Status != model.OrderConfirmed {
		t.Fatalf("a refused dialog stored %s v%d", got.Status, got.Version)
	}

	// 2 pcs now, none of the metres ("0" is allowed here): partly shipped.
	p.press("shift+tab")
	p.retype("2")
	p.press("down")
	p.retype("0")
	p.press("enter")
	if p.e.pay != nil {
		t.Fatalf("the dialog stayed open: %q / %q, %q", q.rows[0].err, q.rows[1].err, q.msg)
	}
	got := stored(t, sh, o.ID)
	if got.Status != model.OrderShippedPartly || got.Lines[0].Shipped != 2*model.QtyScale || got.Lines[1].Shipped != 0 {
		t.Fatalf("after 2 pcs: %s %d/%d", got.Status, got.Lines[0].Shipped, got.Lines[1].Shipped)
	}
	if !strings.Contains(p.e.Message(), statusText(model.OrderShippedPartly)) {
		t.Fatalf("message %q", p.e.Message())
	}

	// Again: what is left is prefilled; the store gets each line's quantity in all.
	p.press("s")
	q = p.dialog()
	if q.rows[0].in.Value() != "3" || q.rows[1].in.Value() != "2.50" {
		t.Fatalf("second shipment prefilled %q %q", q.rows[0].in.Value(), q.rows[1].in.Value())
	}
	p.press("enter")
	got = stored(t, sh, o.ID)
	if got.Status != model.OrderShipped || got.Lines[0].Shipped != 5*model.QtyScale || got.Lines[1].Shipped != 2500 {
		t.Fatalf("after the rest: %s %d/%d", got.Status, got.Lines[0].Shipped, got.Lines[1].Shipped)
	}
	if !strings.Contains(p.e.Message(), statusText(model.OrderShipped)) {
		t.Fatalf("message %q", p.e.Message())
	}
}

func TestShipDialogEscAndAllZero(t *testing.T) {
	sh := newShop(t, 8)
	o := twoLineOrder(t, sh)
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: o.ID})
	p.press("s")
	q := p.dialog()
	p.retype("0")
	p.press("tab")
	p.retype("0,00")
	p.press("enter")
	if q.msg == "" || q.closed || stored(t, sh, o.ID).Version != o.Version {
		t.Fatalf("all zero: message %q closed %v", q.msg, q.closed)
	}
	p.press("esc")
	if p.e.pay != nil || p.e.InputFocused() {
		t.Fatal("esc did not leave the dialog")
	}
	if got := stored(t, sh, o.ID); got.Version != o.Version || got.Status != model.OrderConfirmed {
		t.Fatalf("esc stored %s v%d", got.Status, got.Version)
	}
}

func TestReturnDialog(t *testing.T) {
	sh := newShop(t, 8)
	o := twoLineOrder(t, sh)
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: o.ID})
	p.press("s", "enter")
	if p.e.order.Status != model.OrderShipped {
		t.Fatalf("ship: %s %q", p.e.order.Status, p.e.Message())
	}
	h := newEntryDriver(t, sh.as(t, "volkova"), model.Order{ID: o.ID})
	h.press("r")
	q := h.dialog()
	if q.rows[0].in.Value() != "5" || q.rows[1].in.Value() != "2.50" {
		t.Fatalf("prefilled %q %q", q.rows[0].in.Value(), q.rows[1].in.Value())
	}
	// More than shipped and not returned, then no reason: refused under their lines.
	h.retype("6")
	if !strings.Contains(q.rows[0].err, "5") {
		t.Fatalf("6 back of 5: %q", q.rows[0].err)
	}
	h.retype("1")
	h.press("tab")
	h.retype("0")
	h.press("enter")
	if q.rsnErr == "" || stored(t, sh, o.ID).Status != model.OrderShipped {
		t.Fatalf("no reason: %q", q.rsnErr)
	}
	h.press("tab")
	h.typeText("damaged in transit")
	h.press("enter")
	got := stored(t, sh, o.ID)
	if h.e.pay != nil || got.Status != model.OrderReturned || got.Lines[0].Returned != model.QtyScale || got.Lines[1].Returned != 0 {
		t.Fatalf("return: %s %d/%d, %q", got.Status, got.Lines[0].Returned, got.Lines[1].Returned, h.e.Message())
	}
	if ev := got.Events[len(got.Events)-1]; ev.Comment != "damaged in transit" {
		t.Fatalf("the reason is not recorded: %+v", ev)
	}
}

// A store refusal (someone else changed the order) stays in the dialog.
func TestQtyDialogConflictStaysOpen(t *testing.T) {
	sh := newShop(t, 8)
	o := twoLineOrder(t, sh)
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: o.ID})
	p.press("s")
	q := p.dialog()
	if _, err := sh.director.Ship(o.ID, o.Version, map[int]model.Qty{0: model.QtyScale}); err != nil {
		t.Fatal(err)
	}
	p.press("enter")
	if p.e.pay == nil || q.msg == "" {
		t.Fatalf("a conflict closed the dialog or said nothing: %q", q.msg)
	}
}

func TestGoldenShipDialog(t *testing.T) {
	sh := newShop(t, 8)
	o := twoLineOrder(t, sh)
	d := newTabDriver(t, sh.as(t, "petrov"), 80, 24)
	d.run(d.m.Update(common.OpenOrderMsg{Order: o.ID}))
	d.press("s")
	d.dialog()
	d.retype("9")
	view := d.screen()
	uitest.RequireSize(t, "view", d.m.View(), 80, 24)
	mustContain(t, view, "Ship order "+o.Number, "Ship now", "Only 5 is left")
	golden.RequireEqual(t, view)
}

func TestGoldenReturnDialog(t *testing.T) {
	sh := newShop(t, 8)
	o := twoLineOrder(t, sh)
	if _, err := sh.director.Ship(o.ID, o.Version, map[int]model.Qty{0: 3 * model.QtyScale, 1: 2500}); err != nil {
		t.Fatal(err)
	}
	d := newTabDriver(t, sh.as(t, "volkova"), 80, 24)
	d.run(d.m.Update(common.OpenOrderMsg{Order: o.ID}))
	d.press("r", "enter")
	view := d.screen()
	uitest.RequireSize(t, "view", d.m.View(), 80, 24)
	mustContain(t, view, "Return on order "+o.Number, "Return now", "Reason", "Say why")
	golden.RequireEqual(t, view)
}

// The dialog's reading of typed quantities: whatever is typed, an accepted
// quantity lies within the line's room and reads back the same.
func FuzzQtyDialogParse(f *testing.F) {
	for _, s := range []string{"0", "0,00", "1", "2.5", "2,55", "-1", "", " 1 000 ", "3,", ".0", "1e3"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, metres bool) {
		u := model.UnitPiece
		if metres {
			u = model.UnitMetre
		}
		d := &qtyDialog{act: "ship"}
		r := qtyRow{l: model.OrderLine{Unit: u, Qty: 5000}, room: 3000, in: newInput(styles.New(true), "", "")}
		r.in.SetValue(s)
		q, why := d.parse(r)
		if why != "" {
			if q != 0 {
				t.Fatalf("%q refused yet read as %d", s, q)
			}
			return
		}
		if q < 0 || q > r.room {
			t.Fatalf("%q read as %d, room %d", s, q, r.room)
		}
		if q > 0 {
			back, err := model.ParseQty(model.FormatQty(q, u), u)
			if err != nil || back != q {
				t.Fatalf("%q: %d does not read back (%d, %v)", s, q, back, err)
			}
		}
	})
}

// Many lines on small terminals: the frame is exact, the focused line (and
// its sentence) stays on screen, the input is never cut off.
func TestQtyDialogFramesAndScrolling(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	for i := 0; i < 15; i++ {
		d.addSKU("SKU-001", "2")
	}
	d.press("ctrl+o")
	if d.e.order.ID == 0 || d.e.order.Status == model.OrderDraft {
		t.Fatalf("order: %s %q", d.e.order.Status, d.e.Message())
	}
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: d.e.order.ID})
	for _, size := range [][2]int{{80, 24}, {80, 10}, {40, 8}, {59, 12}} {
		p.e.SetSize(size[0], size[1])
		p.press("s")
		for i := 0; i < 15; i++ {
			if i%4 == 1 {
				p.retype("9") // a sentence under this line
			}
			view := p.screen()
			uitest.RequireSize(t, "view", p.e.View(), size[0], size[1])
			row := "\n" + cell(itoa(i+1), 3, false) + "SKU-001"
			if !strings.Contains(view, row) {
				t.Fatalf("%v: line %d is not on screen:\n%s", size, i+1, view)
			}
			if i%4 == 1 && !strings.Contains(view, "Only 2 is left") {
				t.Fatalf("%v: the sentence under line %d is not on screen:\n%s", size, i+1, view)
			}
			want := p.dialog().rows[i].in.Value()
			for _, l := range strings.Split(view, "\n") {
				if strings.HasPrefix(l, row[1:]) && !strings.HasSuffix(strings.TrimRight(l, " "), want) {
					t.Fatalf("%v: line %d's input %q is cut off: %q", size, i+1, want, l)
				}
			}
			p.press("tab")
		}
		p.press("esc")
	}
}

// A pasted quantity lands in the focused input (the entry hands pastes on as it does keys).
func TestQtyDialogPaste(t *testing.T) {
	sh := newShop(t, 8)
	o := twoLineOrder(t, sh)
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: o.ID})
	p.press("s", "tab", "ctrl+e", "ctrl+u")
	p.run(p.e.Update(tea.PasteMsg{Content: "1,25"}))
	q := p.dialog()
	if q.rows[1].in.Value() != "1,25" || q.rows[0].in.Value() != "5" {
		t.Fatalf("after the paste: %q %q", q.rows[0].in.Value(), q.rows[1].in.Value())
	}
	p.press("enter")
	if got := stored(t, sh, o.ID); got.Lines[1].Shipped != 1250 || got.Lines[0].Shipped != 5*model.QtyScale {
		t.Fatalf("stored %d/%d", got.Lines[0].Shipped, got.Lines[1].Shipped)
	}
}
