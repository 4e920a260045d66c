package orders

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/uitest"
)

func TestLinesAddedBySKU(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	if !d.e.haveClient || d.e.focus != focusProduct {
		t.Fatalf("the preset client did not load: have %v focus %v msg %q", d.e.haveClient, d.e.focus, d.e.message)
	}
	d.addSKU("SKU-001", "3")
	d.addSKU("sku-004", "")
	o := d.e.Order()
	if len(o.Lines) != 2 {
		t.Fatalf("%d lines, want 2: %q", len(o.Lines), d.e.message)
	}
	if o.Lines[0].SKU != "SKU-001" || o.Lines[0].Qty != 3*model.QtyScale || o.Lines[0].Price.Minor != 10000 {
		t.Fatalf("line 1 %+v, want SKU-001 × 3 at 100.00", o.Lines[0])
	}
	if o.Lines[1].SKU != "SKU-004" || o.Lines[1].Qty != model.QtyScale {
		t.Fatalf("line 2 %+v, want SKU-004 × 1 (the quantity left empty)", o.Lines[1])
	}
	// 4 × 100.00 net, 20 % VAT on top (the price list excludes VAT).
	if o.Totals.Net.Minor != 40000 || o.Totals.VAT.Minor != 8000 || o.Totals.Gross.Minor != 48000 {
		t.Fatalf("totals %+v, want net 400.00 VAT 80.00 gross 480.00", o.Totals)
	}
	view := d.screen()
	if !strings.Contains(view, "Widget 1") || !strings.Contains(view, "480") {
		t.Fatalf("the lines or the gross are not on screen:\n%s", view)
	}
	uitest.RequireSize(t, "view", d.e.View(), 80, 20)
}

func TestUnknownSKUAndNoPriceAddNoLine(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.typeText("NOPE-999")
	d.press("enter")
	if len(d.e.lines) != 0 || !strings.Contains(d.e.Message(), "NOPE-999") {
		t.Fatalf("unknown SKU: %d lines, message %q", len(d.e.lines), d.e.Message())
	}
	// The sentence is about the text typed then: typing anew takes it away.
	d.press("backspace")
	if d.e.Message() != "" {
		t.Fatalf("the unknown SKU's sentence stays while %q is typed: %q", d.e.product.Value(), d.e.Message())
	}
	d.press("esc")
	d.typeText("SKU-005")
	d.press("enter")
	if len(d.e.lines) != 0 || !strings.Contains(d.e.Message(), "SKU-005") || d.e.msgKind != msgErr {
		t.Fatalf("no price: %d lines, message %q", len(d.e.lines), d.e.Message())
	}
}

func TestQtyAndDiscountErrorsUnderTheCell(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.typeText("SKU-001")
	d.press("enter")
	d.typeText("1,5") // pieces take no decimals
	d.press("tab")
	qty, _ := d.e.LineErrors(0)
	if qty == "" {
		t.Fatal("1,5 pieces: no sentence under the quantity")
	}
	d.typeText("120") // a discount above 100 %
	d.press("tab")
	_, disc := d.e.LineErrors(0)
	if disc == "" {
		t.Fatal("120 %: no sentence under the discount")
	}
	view := d.screen()
	if !strings.Contains(view, "✗ "+firstWords(qty)) {
		t.Fatalf("the quantity's sentence is not on screen:\n%s", view)
	}
	// Nothing is saved while a cell is wrong.
	d.press("ctrl+s")
	if d.e.order.ID != 0 || d.e.msgKind != msgErr {
		t.Fatalf("saved with bad cells: id %d message %q", d.e.order.ID, d.e.Message())
	}
	// Fixing the cells clears the sentences; metres take two decimals.
	d.press("shift+tab", "shift+tab")
	d.press("backspace", "backspace", "backspace")
	d.typeText("2")
	d.press("tab")
	d.press("backspace", "backspace", "backspace")
	d.typeText("5")
	d.press("enter")
	qty, disc = d.e.LineErrors(0)
	if qty != "" || disc != "" {
		t.Fatalf("sentences stay after fixing: %q %q", qty, disc)
	}
	l := d.e.Order().Lines[0]
	if l.Qty != 2*model.QtyScale || l.Discount != 5*model.RateScale {
		t.Fatalf("line %+v, want 2 at 5 %%", l)
	}
	d.addSKU("SKU-002", "1,25")
	if l := d.e.Order().Lines[1]; l.Unit != model.UnitMetre || l.Qty != 1250 {
		t.Fatalf("1,25 m: line %+v", l)
	}
}

func firstWords(s string) string {
	if f := strings.Fields(s); len(f) > 2 {
		return strings.Join(f[:2], " ")
	}
	return s
}

func TestDeleteLineAndLiveTotals(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "")
	d.addSKU("SKU-003", "2")
	d.addSKU("SKU-004", "")
	if g := d.e.Order().Totals.Gross.Minor; g != 48000 {
		t.Fatalf("gross %d, want 48000", g)
	}
	// Live: typing a quantity changes the totals before the cell is left.
	d.press("up") // the last line's quantity
	d.typeText("10")
	if g := d.e.Order().Totals.Gross.Minor; g != 36000+12000*10 {
		t.Fatalf("gross while typing 10: %d", g)
	}
	d.press("delete")
	o := d.e.Order()
	if len(o.Lines) != 2 || o.Lines[0].SKU != "SKU-001" || o.Lines[1].SKU != "SKU-003" {
		t.Fatalf("after delete: %+v", o.Lines)
	}
	if o.Totals.Gross.Minor != 36000 {
		t.Fatalf("gross after delete %d, want 36000", o.Totals.Gross.Minor)
	}
	// A line discount shows as discount given.
	d.press("up", "tab")
	d.typeText("10")
	d.press("enter")
	if got := d.e.Order().Totals.Discount.Minor; got <= 0 {
		t.Fatalf("discount given %d after 10 %% on a line", got)
	}
}

func TestSubmitOutcomes(t *testing.T) {
	sh := newShop(t, 8)
	// Within the manager's 5 %: confirmed.
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "2")
	d.press("ctrl+o")
	if d.e.order.Status != model.OrderConfirmed || d.e.msgKind != msgOK {
		t.Fatalf("status %s message %q, want confirmed", d.e.order.Status, d.e.Message())
	}
	if d.e.focus != focusView || d.e.InputFocused() {
		t.Fatal("a confirmed order's lines are still editable")
	}
	d.press("ctrl+s")
	if !strings.Contains(d.e.Message(), "confirmed") {
		t.Fatalf("ctrl+s on a confirmed order says %q", d.e.Message())
	}

	// A discount above the limit: awaiting approval, with the reason.
	d = newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "")
	d.press("up", "tab")
	d.typeText("12")
	d.press("enter", "ctrl+o")
	if d.e.order.Status != model.OrderAwaitingApproval || d.e.msgKind != msgWarn || !strings.Contains(d.e.Message(), d.e.order.HoldReason) {
		t.Fatalf("status %s message %q, want awaiting approval with the reason", d.e.order.Status, d.e.Message())
	}
	stored, err := sh.director.Order(d.e.order.ID)
	if err != nil || stored.Status != model.OrderAwaitingApproval || len(stored.Lines) != 1 || stored.Lines[0].Discount != 12*model.RateScale {
		t.Fatalf("stored %+v (%v)", stored, err)
	}

	// A draft saved with ctrl+s stays a draft and is numbered.
	d = newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-003", "")
	d.press("ctrl+s")
	if d.e.order.ID == 0 || d.e.order.Status != model.OrderDraft || d.e.order.Number == "" {
		t.Fatalf("draft not saved: %+v %q", d.e.order, d.e.Message())
	}
	// An empty order is not submitted.
	d = newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.press("ctrl+o")
	if d.e.order.ID != 0 || d.e.msgKind != msgErr {
		t.Fatalf("empty order submitted: %+v", d.e.order)
	}
}

func TestClientLookupThenLines(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{})
	if d.e.focus != focusLookup || !d.e.InputFocused() {
		t.Fatal("a new order without a client does not ask for one")
	}
	c := sh.clients[1]
	d.typeText(c.TaxID)
	d.press("enter")
	if !d.e.haveClient || d.e.order.Client != c.ID || d.e.focus != focusProduct {
		t.Fatalf("lookup by tax id: client %d focus %v msg %q", d.e.order.Client, d.e.focus, d.e.Message())
	}
	d.addSKU("SKU-001", "")
	if len(d.e.lines) != 1 {
		t.Fatalf("%d lines", len(d.e.lines))
	}
}

func TestStoredOrderActionsAndRights(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "2")
	d.press("ctrl+o")
	id := d.e.order.ID
	// Another manager opens it: he may look, not change it.
	j := newEntryDriver(t, sh.as(t, "jonaitis"), model.Order{ID: id})
	j.press("s")
	if !strings.Contains(j.e.Message(), "petrov") || j.e.order.Status != model.OrderConfirmed {
		t.Fatalf("jonaitis shipping petrov's order: %q status %s", j.e.Message(), j.e.order.Status)
	}
	// The taker ships and invoices.
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: id})
	if !strings.Contains(p.screen(), "s ship") {
		t.Fatalf("the ship key is not shown:\n%s", p.screen())
	}
	p.press("s", "enter") // the quantity dialog, prefilled with all that is left
	if p.e.order.Status != model.OrderShipped {
		t.Fatalf("after s: %s %q", p.e.order.Status, p.e.Message())
	}
	p.press("i")
	if p.e.order.Status != model.OrderInvoiced || p.e.order.InvoiceNo == "" {
		t.Fatalf("after i: %s %q", p.e.order.Status, p.e.Message())
	}
	// A return is the head's.
	p.press("r")
	if p.e.focus == focusPrompt || !strings.Contains(p.e.Message(), "return") {
		t.Fatalf("a manager's return: focus %v message %q", p.e.focus, p.e.Message())
	}
}

func TestCreditHoldOutcome(t *testing.T) {
	sh := newShop(t, 8)
	c := sh.clients[3]
	c.CreditLimit = model.Money{Minor: 100, Currency: "RUB"} // 1.00 RUB
	c, err := sh.director.SaveClient(c, "")
	if err != nil {
		t.Fatal(err)
	}
	d := newEntryDriver(t, sh.as(t, "volkova"), model.Order{Client: c.ID})
	d.addSKU("SKU-001", "")
	d.press("ctrl+o")
	if d.e.order.Status != model.OrderCreditHold || d.e.order.HoldReason == "" ||
		!strings.Contains(d.e.Message(), "credit hold") || !strings.Contains(d.e.Message(), d.e.order.HoldReason) {
		t.Fatalf("status %s reason %q message %q, want credit hold with its reason", d.e.order.Status, d.e.order.HoldReason, d.e.Message())
	}
	if !strings.Contains(d.screen(), "credit hold") {
		t.Fatalf("the status is not on screen:\n%s", d.screen())
	}
}

func TestCancelReturnAndPayment(t *testing.T) {
	sh := newShop(t, 8)
	orders := placeOrders(t, sh, "petrov", sh.clients[0], sh.clients[1])
	// The taker cancels with a reason; an empty reason is refused.
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: orders[0].ID})
	p.press("x")
	if p.e.focus != focusPrompt || !p.e.InputFocused() {
		t.Fatal("x does not ask for a reason")
	}
	p.press("enter")
	if p.e.order.Status != model.OrderConfirmed || p.e.msgKind != msgErr {
		t.Fatalf("cancelled without a reason: %s %q", p.e.order.Status, p.e.Message())
	}
	p.typeText("client changed his mind")
	p.press("enter")
	if p.e.order.Status != model.OrderCancelled {
		t.Fatalf("after the reason: %s %q", p.e.order.Status, p.e.Message())
	}
	// Ship and invoice the second; the head returns it with a reason.
	q := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: orders[1].ID})
	q.press("s", "enter", "i")
	if q.e.order.Status != model.OrderInvoiced {
		t.Fatalf("ship, invoice: %s %q", q.e.order.Status, q.e.Message())
	}
	// p opens the payment form over the order; esc leaves it and reloads the order.
	q.press("p")
	if q.e.pay == nil || !q.e.InputFocused() {
		t.Fatalf("p did not open the payment form: %q", q.e.Message())
	}
	q.press("esc")
	if q.e.pay != nil {
		t.Fatal("esc did not leave the payment form")
	}
	// Paid in full from the entry: the order reloads as paid, and the entry no
	// longer says it is invoiced.
	q.press("p", "ctrl+s")
	if q.e.pay != nil || q.e.order.Status != model.OrderPaid {
		t.Fatalf("payment in full: form open %v, status %s", q.e.pay != nil, q.e.order.Status)
	}
	if strings.Contains(q.e.Message(), statusText(model.OrderInvoiced)) {
		t.Errorf("after the payment the entry still says %q", q.e.Message())
	}
	h := newEntryDriver(t, sh.as(t, "volkova"), model.Order{ID: orders[1].ID})
	h.press("r", "tab") // past the line's quantity to the reason
	h.typeText("damaged in transit")
	h.press("enter")
	if h.e.order.Status != model.OrderReturned {
		t.Fatalf("the head's return: %s %q", h.e.order.Status, h.e.Message())
	}
}

// Many lines with sentences under them on small terminals: the frame is
// exact and the cursor's line stays on screen.
func TestEntryFramesAndScrolling(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	for i := 0; i < 30; i++ {
		d.typeText("SKU-001")
		d.press("enter")
		if i%3 == 0 {
			d.typeText("0") // a sentence under this line
		} else {
			d.typeText("2")
		}
		d.press("enter")
	}
	if len(d.e.lines) != 30 {
		t.Fatalf("%d lines", len(d.e.lines))
	}
	for _, size := range [][2]int{{80, 20}, {60, 12}, {120, 40}, {40, 8}} {
		d.e.SetSize(size[0], size[1])
		d.press("up") // into the last line's quantity
		for i := 0; i < 29; i++ {
			d.press("up")
			uitest.RequireSize(t, "view", d.e.View(), size[0], size[1])
			if !strings.Contains(d.screen(), "› "+itoa(d.e.cursor+1)+" ") {
				t.Fatalf("%v: the cursor's line %d is off screen:\n%s", size, d.e.cursor+1, d.screen())
			}
		}
		d.press("esc")
	}
}

// A stored draft is cancelled with ctrl+x and a reason while its lines are open for typing.
func TestCancelDraftWhileEditing(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.press("ctrl+x")
	if d.e.focus == focusPrompt || d.e.msgKind != msgErr {
		t.Fatal("ctrl+x on an unsaved order asks for a reason")
	}
	d.addSKU("SKU-001", "")
	d.press("ctrl+s", "ctrl+x")
	if d.e.focus != focusPrompt {
		t.Fatalf("ctrl+x on a draft: focus %v %q", d.e.focus, d.e.Message())
	}
	d.typeText("duplicate")
	d.press("enter")
	if d.e.order.Status != model.OrderCancelled || d.e.focus != focusView {
		t.Fatalf("after the reason: %s focus %v %q", d.e.order.Status, d.e.focus, d.e.Message())
	}
}

// The outcome of a submit is read whole on a narrow screen: it wraps onto a second line.
func TestOutcomeWraps(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.e.SetSize(70, 14)
	d.addSKU("SKU-001", "")
	d.press("up", "tab")
	d.typeText("12")
	d.press("enter", "ctrl+o")
	if d.e.order.Status != model.OrderAwaitingApproval {
		t.Fatalf("status %s", d.e.order.Status)
	}
	uitest.RequireSize(t, "view", d.e.View(), 70, 14)
	if n := len([]rune(d.e.Message())); n <= 70 || n > 136 {
		t.Fatalf("the sentence is %d long: it should need two lines of 70 and fit them", n)
	}
	words := strings.Fields(d.e.order.HoldReason)
	last := words[len(words)-1]
	if !strings.Contains(d.screen(), last) {
		t.Fatalf("the reason's last word %q is not on screen:\n%s", last, d.screen())
	}
}

// enter pressed before the lookup's answer for the last keystroke takes the
// answer's first client when it comes (typing ahead of the search).
func TestClientLookupTypeAhead(t *testing.T) {
	sh := newShop(t, 8)
	e := NewEntry(sh.as(t, "petrov"), model.Order{})
	e.SetSize(80, 20)
	c := sh.clients[2]
	var last tea.Cmd
	for _, r := range c.TaxID {
		last = e.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	e.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if e.haveClient {
		t.Fatal("a client was taken before any answer")
	}
	// The answer for the whole tax id arrives after enter.
	d := &driver{t: t, e: e}
	d.run(last)
	if !e.haveClient || e.order.Client != c.ID {
		t.Fatalf("after the answer: client %d, want %d (%q)", e.order.Client, c.ID, e.Message())
	}
}

// enter on a client search that has answered with nothing says so and what
// to do; it does not promise an answer that has already come.
func TestClientLookupWithNoMatchSaysSo(t *testing.T) {
	sh := newShop(t, 8)
	e := NewEntry(sh.as(t, "petrov"), model.Order{})
	e.SetSize(80, 20)
	d := &driver{t: t, e: e}
	for _, r := range "zzzz nobody" {
		d.run(e.Update(tea.KeyPressMsg{Code: r, Text: string(r)}))
	}
	d.run(e.Update(tea.KeyPressMsg{Code: tea.KeyEnter}))
	view := e.View()
	if e.haveClient || strings.Contains(view, "Still looking") || !strings.Contains(view, "No client matches") {
		t.Fatalf("enter after an empty answer:\n%s", view)
	}
}

// A quantity or discount that is refused (or half-typed) does not leave the
// line's old figures in the gross cell and the totals, to be read out to the
// client as the order's.
func TestARefusedCellIsLeftOutOfTheTotals(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "2") // 2 × 100.00 + 20 % VAT = 240.00
	d.addSKU("SKU-003", "")
	totals := func() string {
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.Contains(l, "Net ") && strings.Contains(l, "Gross ") {
				return l
			}
		}
		t.Fatalf("no totals line:\n%s", d.screen())
		return ""
	}
	if got := totals(); !strings.Contains(got, "2 lines") || !strings.Contains(got, "Gross 360.00") {
		t.Fatalf("two good lines: %q", got)
	}
	d.press("up") // the last line's quantity
	d.typeText("0")
	d.press("tab")
	if got := totals(); !strings.Contains(got, "1/2 lines") || !strings.Contains(got, "Gross 240.00") {
		t.Errorf("quantity 0 refused: totals %q, want the other line's 240.00 of 1/2 lines", got)
	}
	d.press("shift+tab", "backspace")
	d.typeText("3")
	d.press("tab")
	d.typeText("150") // above 100 %
	if got := totals(); !strings.Contains(got, "1/2 lines") {
		t.Errorf("150 %% being typed: totals %q", got)
	}
	d.press("enter")
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.Contains(l, "SKU-003") && !strings.HasSuffix(strings.TrimSpace(l), "—") {
			t.Errorf("the refused line's gross is still drawn: %q", l)
		}
	}
	d.press("up", "tab", "backspace", "backspace", "backspace")
	d.typeText("5")
	d.press("enter")
	if got := totals(); !strings.Contains(got, "2 lines") || strings.Contains(got, "/") {
		t.Errorf("fixed: totals %q", got)
	}
}

// The product line has every key, so the root's ? never reaches the entry's
// keys: ? on an empty line shows them here, any key closes them, and a ? in
// typed text stays text.
func TestQuestionMarkOnAnEmptyLineShowsTheEntrysKeys(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "")
	d.press("enter") // back on the product line
	d.press("?")
	v := d.screen()
	uitest.RequireSize(t, "view", d.e.View(), d.e.width, d.e.height)
	for _, want := range []string{"ctrl+e", "ctrl+o", "ctrl+x", "del"} {
		if !strings.Contains(v, want) {
			t.Errorf("? on an empty line: %q missing:\n%s", want, v)
		}
	}
	if d.e.product.Value() != "" {
		t.Errorf("? was typed into the product line: %q", d.e.product.Value())
	}
	d.press("j")
	if strings.Contains(d.screen(), "ctrl+x") || d.e.product.Value() != "" {
		t.Fatalf("the key that closes the help did something else: line %q\n%s", d.e.product.Value(), d.screen())
	}
	d.typeText("Widget?")
	if d.e.product.Value() != "Widget?" {
		t.Errorf("a ? in typed text is text: %q", d.e.product.Value())
	}
	var footer []string
	for _, b := range d.e.ShortHelp() {
		footer = append(footer, b.Help().Key)
	}
	if !strings.Contains(strings.Join(footer, " "), "?") {
		t.Errorf("the footer does not offer ?: %v", footer)
	}
}

// The head's rejection comment is for the taker: opening the rejected
// order (a draft again) says who sent it back and why.
func TestARejectedOrderSaysWhy(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "")
	d.press("up", "tab")
	d.typeText("12")
	d.press("enter", "ctrl+o")
	if d.e.order.Status != model.OrderAwaitingApproval {
		t.Fatalf("status %s, want awaiting approval", d.e.order.Status)
	}
	head := sh.as(t, "volkova").Store
	if _, err := head.Reject(d.e.order.ID, d.e.order.Version, "no discount for this client"); err != nil {
		t.Fatal(err)
	}
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: d.e.order.ID})
	if p.e.order.Status != model.OrderDraft {
		t.Fatalf("rejected order is %s", p.e.order.Status)
	}
	if !strings.Contains(p.e.Message(), "no discount for this client") || !strings.Contains(p.screen(), "no discount for this") {
		t.Errorf("the taker does not read the head's comment: %q\n%s", p.e.Message(), p.screen())
	}
	// A draft never submitted says nothing of the kind.
	q := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	q.addSKU("SKU-001", "")
	q.press("ctrl+s")
	r := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: q.e.order.ID})
	if r.e.Message() != "" {
		t.Errorf("a plain draft says %q", r.e.Message())
	}
}

// Another manager's draft opens locked: it says whose it is before a key is
// pressed (a SKU typed into it went to the tabs and views).
func TestAnotherManagersDraftSaysWhyItIsLocked(t *testing.T) {
	sh := newShop(t, 8)
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{Client: sh.clients[0].ID})
	d.addSKU("SKU-001", "")
	d.press("ctrl+s")
	if d.e.order.ID == 0 {
		t.Fatalf("draft not saved: %q", d.e.Message())
	}
	j := newEntryDriver(t, sh.as(t, "jonaitis"), model.Order{ID: d.e.order.ID})
	if j.e.InputFocused() || j.e.editable() {
		t.Fatal("another manager may type into petrov's draft")
	}
	if !strings.Contains(j.e.Message(), "petrov") || !strings.Contains(j.screen(), "taken by petrov: only") {
		t.Errorf("the locked draft does not say why: %q\n%s", j.e.Message(), j.screen())
	}
	// The taker reads no such sentence.
	p := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: d.e.order.ID})
	if p.e.Message() != "" {
		t.Errorf("the taker's own draft says %q", p.e.Message())
	}
}
