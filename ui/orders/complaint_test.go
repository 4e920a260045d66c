package orders

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

// threeLines places a confirmed order of three lines for the shop's first client.
func threeLines(t *testing.T, sh *shop) model.Order {
	t.Helper()
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "")
	d.addSKU("SKU-003", "")
	d.addSKU("SKU-004", "")
	d.press("ctrl+o")
	if d.e.order.Status != model.OrderConfirmed || len(d.e.order.Lines) != 3 {
		t.Fatalf("order: %s with %d lines %q", d.e.order.Status, len(d.e.order.Lines), d.e.Message())
	}
	return d.e.order
}

// askedComplaint presses K on the entry and returns what it asked the root for.
func askedComplaint(t *testing.T, d *driver) (common.NewComplaintMsg, bool) {
	t.Helper()
	cmd := d.e.Update(uitest.Key("K"))
	if cmd == nil {
		return common.NewComplaintMsg{}, false
	}
	msg, ok := cmd().(common.NewComplaintMsg)
	return msg, ok
}

// K on a stored order asks for a complaint about it: client, contact,
// order, by phone, every line; after moving the cursor, the marked line.
func TestComplaintAboutAnOrder(t *testing.T) {
	sh := newShop(t, 8)
	o := threeLines(t, sh)
	d := newEntryDriver(t, sh.as(t, "jonaitis"), model.Order{ID: o.ID})
	if d.e.focus != focusView {
		t.Fatalf("a confirmed order opened in focus %v", d.e.focus)
	}
	if !strings.Contains(d.screen(), "K complaint") {
		t.Fatalf("the order's actions do not offer K:\n%s", d.screen())
	}
	msg, ok := askedComplaint(t, d)
	if !ok || msg.Client != o.Client || msg.Order != o.ID || msg.Contact != o.Contact || msg.Channel != model.ChannelPhone {
		t.Fatalf("K asked %+v", msg)
	}
	var skus []string
	for i, l := range msg.Lines {
		if l.Line != i || l.Qty != o.Lines[i].Qty || l.Name != o.Lines[i].Name {
			t.Errorf("line %d: %+v of %+v", i, l, o.Lines[i])
		}
		skus = append(skus, l.SKU)
	}
	if !slices.Equal(skus, []string{"SKU-001", "SKU-003", "SKU-004"}) {
		t.Fatalf("lines %v, want all three", skus)
	}
	d.press("j")
	msg, _ = askedComplaint(t, d)
	if len(msg.Lines) != 1 || msg.Lines[0].Line != 1 || msg.Lines[0].SKU != "SKU-003" {
		t.Fatalf("after j the complaint is about %+v, want line 2 alone", msg.Lines)
	}
	for _, h := range [][]string{keysOf(d.e.ShortHelp()), keysOf(slices.Concat(d.e.FullHelp()...))} {
		if !slices.Contains(h, "K") {
			t.Errorf("help %v does not list K", h)
		}
	}
}

// Read-only: K says why not and asks nothing; a new order has no K.
func TestComplaintAboutAnOrderRefused(t *testing.T) {
	sh := newShop(t, 8)
	o := threeLines(t, sh)
	env := sh.as(t, "jonaitis")
	env.ReadOnly = true
	d := newEntryDriver(t, env, model.Order{ID: o.ID})
	if _, ok := askedComplaint(t, d); ok {
		t.Fatal("read-only K asked for a complaint")
	}
	if !strings.Contains(d.e.Message(), "ead-only") {
		t.Fatalf("read-only K says %q", d.e.Message())
	}
	if slices.Contains(keysOf(d.e.ShortHelp()), "K") {
		t.Error("read-only help offers K")
	}
	n := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	n.typeText("K")
	if _, ok := askedComplaint(t, n); ok {
		t.Fatal("a draft being typed asked for a complaint")
	}
}

// keysOf lists the enabled bindings' keys.
func keysOf(bs []key.Binding) []string {
	var out []string
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b.Keys()...)
		}
	}
	return out
}
