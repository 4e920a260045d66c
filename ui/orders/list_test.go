package orders

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// placeOrders confirms one order per client given, as user, and returns them.
func placeOrders(t *testing.T, sh *shop, user string, clients ...model.Client) []model.Order {
	t.Helper()
	var out []model.Order
	for _, c := range clients {
		d := newEntryDriver(t, sh.as(t, user), model.Order{Client: c.ID})
		d.addSKU("SKU-001", "")
		d.press("ctrl+o")
		if d.e.order.Status != model.OrderConfirmed {
			t.Fatalf("order for %s: %s %q", c.ShortName, d.e.order.Status, d.e.Message())
		}
		out = append(out, d.e.order)
	}
	return out
}

func TestListFilters(t *testing.T) {
	sh := newShop(t, 8)
	placeOrders(t, sh, "petrov", sh.clients[0], sh.clients[1])
	placeOrders(t, sh, "jonaitis", sh.clients[1])
	d := newTabDriver(t, sh.as(t, "petrov"), 80, 24)
	l := d.m.list
	if l.win.Total != 3 {
		t.Fatalf("%d orders, want 3", l.win.Total)
	}
	// Newest first.
	if r, _ := l.row(0); r.Order.TakenBy != "jonaitis" {
		t.Fatalf("first row %+v, want the newest (jonaitis's)", r.Order)
	}
	d.press("m")
	if l.win.Total != 2 || !strings.Contains(d.screen(), "taken by me") {
		t.Fatalf("mine: %d orders\n%s", l.win.Total, d.screen())
	}
	// t: the highlighted (newest) order's manager — the head's filter by manager
	d.press("m", "g", "t")
	if l.win.Total != 1 || l.filter.Manager != "jonaitis" || !strings.Contains(d.screen(), "taken by jonaitis") {
		t.Fatalf("taken by the highlighted order's manager: %d orders, filter %+v\n%s", l.win.Total, l.filter, d.screen())
	}
	d.press("x", "m", "m", "c") // the highlighted order's client: clients[1]
	if l.win.Total != 2 || l.filter.Client != sh.clients[1].ID {
		t.Fatalf("this client: %d orders, filter %+v", l.win.Total, l.filter)
	}
	d.press("x", "s") // status cycles from any to draft
	if l.filter.Status != model.OrderDraft || l.win.Total != 0 {
		t.Fatalf("status draft: %s, %d orders", l.filter.Status, l.win.Total)
	}
	d.press("s", "s", "s")
	if l.filter.Status != model.OrderConfirmed || l.win.Total != 3 {
		t.Fatalf("status confirmed: %s, %d orders", l.filter.Status, l.win.Total)
	}
	d.press("x", "]") // this month (the orders are dated fixedNow)
	if l.win.Total != 3 || !strings.Contains(d.screen(), "month 11.2026") {
		t.Fatalf("this month: %d orders\n%s", l.win.Total, d.screen())
	}
	d.press("[")
	if l.win.Total != 0 {
		t.Fatalf("last month: %d orders", l.win.Total)
	}
	// The client lookup filter.
	d.press("x", "/")
	if !d.m.InputFocused() {
		t.Fatal("the client lookup does not hold the keys")
	}
	d.typeText(sh.clients[0].TaxID)
	d.press("enter")
	if l.filter.Client != sh.clients[0].ID || l.win.Total != 1 {
		t.Fatalf("client filter %d: %d orders", l.filter.Client, l.win.Total)
	}
	// enter opens the order.
	d.press("enter")
	if d.m.Entry() == nil || d.m.Entry().order.Client != sh.clients[0].ID {
		t.Fatal("enter did not open the order")
	}
	d.press("esc")
	if d.m.Entry() != nil {
		t.Fatal("esc did not close the order")
	}
}

func TestViewsAndRights(t *testing.T) {
	sh := newShop(t, 8)
	d := newTabDriver(t, sh.as(t, "petrov"), 80, 24)
	d.press("A")
	if d.m.ActiveView() != ViewOrders || len(d.status) == 0 || !d.status[len(d.status)-1].Err {
		t.Fatalf("a manager's A: view %d, status %+v", d.m.ActiveView(), d.status)
	}
	for _, c := range []struct {
		key  string
		want View
	}{{"P", ViewProducts}, {"D", ViewDebts}, {"$", ViewPrices}, {"O", ViewOrders}} {
		d.press(c.key)
		if d.m.ActiveView() != c.want {
			t.Fatalf("%s: view %d, want %d", c.key, d.m.ActiveView(), c.want)
		}
	}
	// A read-only database: n says why and opens nothing.
	env := sh.as(t, "petrov")
	env.ReadOnly = true
	r := newTabDriver(t, env, 80, 24)
	r.press("n")
	if r.m.Entry() != nil || len(r.status) == 0 || !strings.Contains(r.status[0].Text, "read-only") {
		t.Fatalf("read-only n: entry %v status %+v", r.m.Entry() != nil, r.status)
	}
	r.run(r.m.Update(common.NewOrderMsg{Client: sh.clients[0].ID}))
	if r.m.Entry() != nil || len(r.status) != 2 || !strings.Contains(r.status[1].Text, "read-only") {
		t.Fatalf("read-only NewOrderMsg: entry %v status %+v", r.m.Entry() != nil, r.status)
	}
	// NewOrderMsg and OpenOrderMsg from other screens.
	h := newTabDriver(t, sh.as(t, "volkova"), 80, 24)
	h.run(h.m.Update(common.NewOrderMsg{Client: sh.clients[2].ID}))
	if e := h.m.Entry(); e == nil || e.order.Client != sh.clients[2].ID || !e.haveClient {
		t.Fatal("NewOrderMsg did not open an order for the client")
	}
	o := placeOrders(t, sh, "petrov", sh.clients[0])[0]
	h.run(h.m.Update(common.OpenOrderMsg{Order: o.ID}))
	if e := h.m.Entry(); e == nil || e.order.ID != o.ID || e.order.Number != o.Number {
		t.Fatal("OpenOrderMsg did not open the order")
	}
	// Opened from the debts (o on a client's invoices): esc goes back there,
	// where the head was working, not to the order list.
	h.press("esc", "esc")
	h.press("D")
	h.run(h.m.Update(common.OpenOrderMsg{Order: o.ID}))
	if h.m.ActiveView() != ViewOrders || h.m.Entry() == nil {
		t.Fatalf("OpenOrderMsg from the debts: view %d", h.m.ActiveView())
	}
	h.press("esc")
	if h.m.Entry() != nil || h.m.ActiveView() != ViewDebts {
		t.Errorf("esc from an order opened from the debts: view %d, entry open %v", h.m.ActiveView(), h.m.Entry() != nil)
	}
	// From the order list it stays the list.
	h.press("O")
	h.run(h.m.Update(common.OpenOrderMsg{Order: o.ID}))
	h.press("esc")
	if h.m.ActiveView() != ViewOrders {
		t.Errorf("esc from an order opened on the list: view %d", h.m.ActiveView())
	}
}

func TestHeaderForm(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "")
	d.press("ctrl+e")
	if d.e.focus != focusHeader {
		t.Fatal("ctrl+e did not open the header")
	}
	d.e.header.SetValue("promised", "01.11.2026") // before the order date
	d.e.header.SetValue("requested", "31.02.2026")
	d.press("ctrl+e")
	if d.e.focus != focusHeader || d.e.header.Error("promised") == "" || d.e.header.Error("requested") == "" {
		t.Fatalf("bad dates accepted: focus %v", d.e.focus)
	}
	d.e.header.SetValue("promised", "+3")
	d.e.header.SetValue("requested", "25.11")
	d.e.header.SetValue("channel", string(model.OrderWalkIn))
	d.press("ctrl+s")
	if d.e.focus == focusHeader {
		t.Fatalf("good header kept open: %q %q", d.e.header.Error("promised"), d.e.header.Error("requested"))
	}
	if d.e.order.ID == 0 {
		t.Fatalf("ctrl+s from the header did not save: %q", d.e.Message())
	}
	stored, err := sh.director.Order(d.e.order.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Channel != model.OrderWalkIn || stored.Promised.Day() != 26 || stored.Requested.Day() != 25 {
		t.Fatalf("stored header: channel %s promised %v requested %v", stored.Channel, stored.Promised, stored.Requested)
	}
}

// esc gets out of a header changed by mistake: the first says what is
// wrong (on screen), the second leaves the header as it was.
func TestEscLeavesAHeaderWithARefusedValue(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "")
	before := d.e.order
	d.press("ctrl+e")
	d.e.header.SetValue("delivery", "true")
	d.e.header.SetValue("address", "")
	d.e.header.SetValue("promised", "01.01.2020")
	d.press("esc")
	if d.e.focus != focusHeader || d.e.header.Error("address") == "" {
		t.Fatalf("the first esc left a header with a refused value: focus %v", d.e.focus)
	}
	if !strings.Contains(d.screen(), "esc again") {
		t.Errorf("the header does not say how to leave it:\n%s", d.screen())
	}
	d.press("esc")
	if d.e.focus == focusHeader || d.e.header != nil {
		t.Fatalf("the second esc kept the header open:\n%s", d.screen())
	}
	if d.e.order.Delivery != before.Delivery || !d.e.order.Promised.Equal(before.Promised) {
		t.Errorf("the refused header was taken: delivery %v promised %v", d.e.order.Delivery, d.e.order.Promised)
	}
	// Another key between the two esc starts over.
	d.press("ctrl+e")
	d.e.header.SetValue("promised", "01.01.2020")
	d.press("esc", "tab", "esc")
	if d.e.focus != focusHeader {
		t.Error("esc, tab, esc left the header: the second esc was not in a row")
	}
}

// Unsaved lines are not lost to a stray esc or to another screen's request.
func TestUnsavedOrderIsKept(t *testing.T) {
	sh := newShop(t, 8)
	d := newTabDriver(t, sh.as(t, "petrov"), 80, 24)
	d.run(d.m.Update(common.NewOrderMsg{Client: sh.clients[0].ID}))
	d.addSKU("SKU-001", "2")
	e := d.m.Entry()
	d.run(d.m.Update(common.NewOrderMsg{Client: sh.clients[1].ID}))
	if d.m.Entry() != e || len(d.status) == 0 || !d.status[len(d.status)-1].Err {
		t.Fatalf("a second NewOrderMsg replaced the order being entered (status %+v)", d.status)
	}
	d.press("esc")
	if d.m.Entry() == nil || !strings.Contains(e.Message(), "esc again") {
		t.Fatalf("one esc left unsaved lines: %q", e.Message())
	}
	d.press("ctrl+s")
	if e.Dirty() || e.order.ID == 0 {
		t.Fatalf("ctrl+s: dirty %v id %d %q", e.Dirty(), e.order.ID, e.Message())
	}
	d.press("esc")
	if d.m.Entry() != nil {
		t.Fatal("esc after saving did not leave")
	}
	if d.m.list.win.Total != 1 {
		t.Fatalf("the list shows %d orders after the save, want 1", d.m.list.win.Total)
	}
}

// A late delivery is drawn in the error red, on the cursor's row too; an
// order on time is not.
func TestLateDeliveryIsRed(t *testing.T) {
	env := common.Env{Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return fixedNow }}
	l := newList(env)
	l.setSize(80, 10)
	o := model.Order{Number: "2026-000001", Date: fixedNow, Status: model.OrderConfirmed, Promised: fixedNow.AddDate(0, 0, -2)}
	late, onTime := o, o
	onTime.Number = "2026-000002"
	l.rows = []model.OrderRow{{Order: late, ClientName: "Late Ltd", LateDelivery: true}, {Order: onTime, ClientName: "Prompt Ltd"}}
	l.loaded = true
	l.win.SetTotal(2)
	red := lipgloss.NewStyle().Foreground(env.Styles.Red).Render("x")
	// The foreground part of the sequence ("38;2;r;g;b"): bold or a background may join it.
	redCode := strings.TrimSuffix(strings.TrimPrefix(red[:strings.Index(red, "x")], "\x1b["), "m")
	for _, cursor := range []int{0, 1} {
		l.win.GoTo(cursor)
		lines := strings.Split(l.view(), "\n")
		if !strings.Contains(lines[2], redCode) || !strings.Contains(lines[2], "Late Ltd") {
			t.Fatalf("cursor %d: the late order is not red: %q", cursor, lines[2])
		}
		if strings.Contains(lines[3], redCode) {
			t.Fatalf("cursor %d: the order on time is red: %q", cursor, lines[3])
		}
	}
}
