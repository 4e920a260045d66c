package receivables

import (
	"context"
	"strings"
	"testing"

	"clientbase/model"
	"clientbase/store"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

func listAs(t *testing.T, db *store.DB, user string) *List {
	t.Helper()
	l := NewList(uitest.EnvAs(t, db, user, testNow))
	l.SetSize(80, 24)
	run(t, l, l.Init())
	return l
}

// clientsShown are the list's rows in screen order (all of them are in memory here).
func clientsShown(l *List) []string {
	var out []string
	for i := 0; i < l.win.Total; i++ {
		if r, ok := l.cache.At(i); ok {
			out = append(out, r.ClientName)
		}
	}
	return out
}

func TestReceivablesListSortsAndShowsTheDebt(t *testing.T) {
	d := department(t)
	l := listAs(t, d.db, "volkova")
	v := view(l)
	uitest.CheckSize(t, "view", v, 80, 24)
	golden(t, "receivables", v)
	// By outstanding, largest first: Acme owes two invoices, Ёлкин one old
	// one, Šiaulių a fresh one; Baltic Foods paid and is not listed.
	want := []string{"Acme Trading N002", "ИП Ёлкин N003", "Šiaulių prekyba N004"}
	if got := clientsShown(l); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("by outstanding %v, want %v", got, want)
	}
	r, _ := l.Current()
	if !overLimit(r) || !strings.Contains(v, "over") {
		t.Errorf("Acme is over its 5,000.00 limit but not shown so:\n%s", v)
	}
	if !strings.Contains(v, "Aging: current") {
		t.Errorf("the highlighted client's aging is missing:\n%s", v)
	}
	out := press(t, l, "s")
	if l.SortBy() != "overdue" {
		t.Fatalf("s sorts by %s, want overdue", l.SortBy())
	}
	if st, ok := statusOf(out); !ok || !strings.Contains(st.Text, "overdue") {
		t.Errorf("no sentence names the new order: %+v", st)
	}
	want = []string{"ИП Ёлкин N003", "Acme Trading N002", "Šiaulių prekyba N004"}
	if got := clientsShown(l); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("by overdue %v, want %v", got, want)
	}
	press(t, l, "s", "s")
	if l.SortBy() != "name" {
		t.Fatalf("three s sort by %s, want name", l.SortBy())
	}
	// The store's order is the list's: ask it directly.
	rows, total, err := d.boss.ReceivablesList(context.Background(), "name", 0, 10)
	if err != nil || total != 3 {
		t.Fatal(err, total)
	}
	for i, r := range rows {
		if got := clientsShown(l)[i]; got != r.ClientName {
			t.Fatalf("row %d by name is %s, the store says %s", i, got, r.ClientName)
		}
	}
	press(t, l, "s")
	if l.SortBy() != "outstanding" {
		t.Fatalf("s goes round to %s, want outstanding", l.SortBy())
	}
}

func TestAManagerSeesOnlyTheirClients(t *testing.T) {
	d := department(t)
	l := listAs(t, d.db, "petrov")
	got := clientsShown(l)
	if strings.Join(got, "|") != "Acme Trading N002|Šiaulių prekyba N004" {
		t.Fatalf("petrov sees %v", got)
	}
	if !strings.Contains(view(l), "Your clients only.") {
		t.Errorf("the list does not say it is the manager's own:\n%s", view(l))
	}
}

func TestAClientsOpenInvoices(t *testing.T) {
	d := department(t)
	l := listAs(t, d.db, "volkova")
	press(t, l, "enter")
	if !l.Inside() {
		t.Fatal("enter did not open the client's invoices")
	}
	v := view(l)
	uitest.CheckSize(t, "view", v, 80, 24)
	golden(t, "invoices", v)
	for _, s := range []string{"Acme Trading N002 · open invoices", d.overdue.Number, d.current.Number, "Overdue"} {
		if !strings.Contains(v, s) {
			t.Errorf("%q missing:\n%s", s, v)
		}
	}
	it, ok := l.CurrentInvoice()
	if !ok || it.Order != d.overdue.ID || it.DaysOverdue != 56 {
		t.Fatalf("first invoice %+v, want the overdue one (56 days)", it)
	}
	out := press(t, l, "j", "o")
	open, ok := out[0].(common.OpenOrderMsg)
	if len(out) != 1 || !ok || open.Order != d.current.ID {
		t.Fatalf("o sent %v, want to open order %d", out, d.current.ID)
	}
	press(t, l, "esc")
	if l.Inside() {
		t.Fatal("esc did not go back to the list")
	}
}

func TestPaymentInFullFromTheInvoices(t *testing.T) {
	d := department(t)
	l := listAs(t, d.db, "volkova")
	press(t, l, "enter", "j", "p")
	pf := l.Payment()
	if pf == nil || !l.InputFocused() {
		t.Fatal("p did not open the payment form")
	}
	if pf.Due().Minor != d.current.Totals.Gross.Minor {
		t.Fatalf("due %v, want the invoice's gross %v", pf.Due(), d.current.Totals.Gross)
	}
	press(t, l, "tab", "tab") // amount and date stay as proposed: what is due, today
	typeText(t, l, "п/п 512")
	out := press(t, l, "ctrl+s")
	st, ok := statusOf(out)
	if !ok || st.Err || !strings.Contains(st.Text, "recorded against order "+d.current.Number) {
		t.Fatalf("status %+v after paying in full", st)
	}
	if l.Payment() != nil || !l.Inside() {
		t.Fatal("after the payment the invoices are not shown again")
	}
	pays, err := d.boss.Payments(d.current.ID)
	if err != nil || len(pays) != 1 {
		t.Fatal(err, pays)
	}
	p := pays[0]
	if p.Mismatch != "" || p.Amount.Minor != d.current.Totals.Gross.Minor || p.Reference != "п/п 512" || !p.Date.Equal(day(0)) {
		t.Fatalf("payment %+v", p)
	}
	if got, _ := d.boss.Order(d.current.ID); got.Status != model.OrderPaid {
		t.Fatalf("order is %s after paying in full", got.Status)
	}
	// The invoices were asked again: the paid one is gone.
	if _, ok := l.CurrentInvoice(); !ok || len(l.inv.r.Items) != 1 {
		t.Fatalf("open invoices after the payment: %+v", l.inv.r.Items)
	}
}

func TestAnUnderPaymentIsAskedAboutAndReported(t *testing.T) {
	d := department(t)
	l := listAs(t, d.db, "volkova")
	press(t, l, "enter", "p")
	pf := l.Payment()
	if pf == nil {
		t.Fatal("no payment form")
	}
	uitest.CheckSize(t, "view", view(l), 80, 24)
	golden(t, "payment", view(l))
	// Erase the proposed amount and type less than is due.
	for range len(pf.form.Value(fAmount)) {
		press(t, l, "backspace")
	}
	typeText(t, l, "5 000,00")
	if flag, diff := pf.Flag(); flag != "under" || diff.Minor != 240600 {
		t.Fatalf("flag %q %v, want under by 2,406.00", flag, diff)
	}
	v := view(l)
	uitest.CheckSize(t, "view", v, 80, 24)
	golden(t, "payment_mismatch", v)
	if !strings.Contains(v, "Under-payment: 2,406.00 RUB less than is due.") {
		t.Fatalf("the mismatch is not flagged while typing:\n%s", v)
	}
	press(t, l, "ctrl+s")
	v = view(l)
	golden(t, "payment_mismatch_question", v)
	if !strings.Contains(v, "Record it as an under-payment?") {
		t.Fatalf("no question before saving a mismatch:\n%s", v)
	}
	// No: back to the form, nothing saved.
	press(t, l, "n")
	if pays, _ := d.boss.Payments(d.overdue.ID); len(pays) != 1 {
		t.Fatalf("a payment was saved although the question was answered no: %d", len(pays))
	}
	if l.Payment() == nil || pf.form.Value(fAmount) != "5 000,00" {
		t.Fatal("answering no lost the form")
	}
	press(t, l, "ctrl+s")
	out := press(t, l, "y")
	st, ok := statusOf(out)
	if !ok || !strings.Contains(st.Text, "under-payment: 2,406.00 RUB still due") {
		t.Fatalf("status %+v after an under-payment", st)
	}
	if ch, ok := changedOf(out); !ok || ch.Kind != "order" || ch.ID != d.overdue.ID {
		t.Fatalf("data changed %+v", ch)
	}
	pays, _ := d.boss.Payments(d.overdue.ID)
	if len(pays) != 2 || pays[1].Mismatch != model.PaymentUnder || pays[1].Amount.Minor != 500000 {
		t.Fatalf("payments %+v", pays)
	}
	if it, _ := l.CurrentInvoice(); it.Outstanding.Minor != 240600 {
		t.Fatalf("the invoice owes %v after the payment, want 2,406.00", it.Outstanding)
	}
}

func TestAnOverPaymentIsFlagged(t *testing.T) {
	d := department(t)
	env := uitest.EnvAs(t, d.db, "volkova", testNow)
	pf := NewPaymentForm(env, d.fresh)
	pf.SetSize(80, 24)
	run(t, pf, pf.Init())
	for range len(pf.form.Value(fAmount)) {
		press(t, pf, "backspace")
	}
	typeText(t, pf, "2000")
	if !strings.Contains(view(pf), "Over-payment: 378.20 RUB more than is due.") {
		t.Fatalf("no over-payment flag:\n%s", view(pf))
	}
	press(t, pf, "ctrl+s")
	out := press(t, pf, "y")
	st, _ := statusOf(out)
	if !strings.Contains(st.Text, "over-payment by 378.20 RUB") {
		t.Fatalf("status %+v", st)
	}
	if p, ok := pf.Saved(); !ok || p.Mismatch != model.PaymentOver {
		t.Fatalf("saved %+v %v", p, ok)
	}
}

func TestPaymentBadInputSavesNothing(t *testing.T) {
	d := department(t)
	env := uitest.EnvAs(t, d.db, "volkova", testNow)
	pf := NewPaymentForm(env, d.fresh)
	pf.SetSize(80, 24)
	run(t, pf, pf.Init())
	set := func(k, v string) {
		pf.form.SetValue(k, v)
	}
	for _, c := range []struct {
		amount, date, field, want string
	}{
		{"abc", "25.11.2026", fAmount, ""},
		{"0", "25.11.2026", fAmount, "The amount must be above zero."},
		{"-5", "25.11.2026", fAmount, "The amount must be above zero."},
		{"1,621.80", "31.02.2026", fDate, "Type the date as dd.mm.yyyy"},
		{"1,621.80", "", fDate, "Type a date"},
		{"1,621.80", "26.11.2026", fDate, "A payment cannot be dated after today."},
		{"1,621.80", "01.01.2020", fDate, "before the invoice of"},
	} {
		set(fAmount, c.amount)
		set(fDate, c.date)
		out := press(t, pf, "ctrl+s")
		if len(out) != 0 || pf.Closed() {
			t.Fatalf("%q / %q: saved or closed: %v", c.amount, c.date, out)
		}
		got := pf.form.Error(c.field)
		if got == "" || !strings.Contains(got, c.want) {
			t.Errorf("%q / %q: the %s field says %q, want %q", c.amount, c.date, c.field, got, c.want)
		}
		if !strings.Contains(view(pf), "✗") {
			t.Errorf("%q / %q: the sentence is not on screen:\n%s", c.amount, c.date, view(pf))
		}
	}
	if pays, _ := d.boss.Payments(d.fresh.ID); len(pays) != 0 {
		t.Fatalf("bad input saved %d payments", len(pays))
	}
}

func TestNoPaymentOnACancelledOrder(t *testing.T) {
	d := department(t)
	o, err := d.boss.CancelOrder(d.discount.ID, d.discount.Version, "client withdrew")
	if err != nil {
		t.Fatal(err)
	}
	pf := NewPaymentForm(uitest.EnvAs(t, d.db, "volkova", testNow), o)
	pf.SetSize(80, 24)
	run(t, pf, pf.Init())
	pf.form.SetValue(fAmount, "100")
	out := press(t, pf, "ctrl+s")
	if len(out) != 0 || pf.Closed() {
		t.Fatalf("a payment on a cancelled order went on: %v", out)
	}
	if e := pf.form.Error(fAmount); !strings.Contains(e, "cancelled") || !strings.Contains(view(pf), "✗") {
		t.Fatalf("no sentence under the amount says the order is cancelled (%q):\n%s", e, view(pf))
	}
	golden(t, "payment_cancelled", view(pf))
	if pays, _ := d.boss.Payments(o.ID); len(pays) != 0 {
		t.Fatal("a payment on a cancelled order was saved")
	}
}

func TestOperatorsRecordNoPayments(t *testing.T) {
	d := department(t)
	l := listAs(t, d.db, "petrov")
	press(t, l, "enter")
	// petrov took the order: his to record.
	press(t, l, "p")
	if l.Payment() == nil {
		t.Fatal("the manager may not pay his own order")
	}
	press(t, l, "esc", "esc")
	l = listAs(t, d.db, "ivanova")
	l.OpenClient(2, "Acme Trading N002")
	run(t, l, l.OpenClient(2, "Acme Trading N002"))
	out := press(t, l, "p")
	if st, ok := statusOf(out); !ok || !st.Err || l.Payment() != nil {
		t.Fatalf("an operator's p: %+v", st)
	}
}

func TestAWideListShowsTheAgingColumns(t *testing.T) {
	d := department(t)
	l := listAs(t, d.db, "volkova")
	l.SetSize(150, 24)
	v := view(l)
	uitest.CheckSize(t, "view", v, 150, 24)
	golden(t, "receivables_wide", v)
	head := strings.Split(v, "\n")[2]
	for _, s := range []string{"Invoiced", "Current", "1–30", "31–60", "61–90", ">90"} {
		if !strings.Contains(head, s) {
			t.Errorf("column %q missing at 150 columns: %q", s, head)
		}
	}
}

func TestListViewsKeepTheirSize(t *testing.T) {
	d := department(t)
	l := listAs(t, d.db, "volkova")
	for _, size := range [][2]int{{80, 24}, {60, 12}, {120, 40}, {40, 10}} {
		l.SetSize(size[0], size[1])
		uitest.CheckSize(t, "view", view(l), size[0], size[1])
		press(t, l, "enter")
		uitest.CheckSize(t, "view", view(l), size[0], size[1])
		press(t, l, "p")
		uitest.CheckSize(t, "view", view(l), size[0], size[1])
		press(t, l, "esc", "esc")
	}
}

// The aging columns come all five or none at every width (two of them would
// not add up to the overdue figure), and the client's name takes the spare width.
func TestTheAgingColumnsComeAllOrNone(t *testing.T) {
	d := department(t)
	l := listAs(t, d.db, "volkova")
	buckets := []string{"Current", "1–30", "31–60", "61–90", ">90"}
	seen := map[int]bool{}
	for w := 40; w <= 220; w++ {
		l.SetSize(w, 24)
		v := view(l)
		uitest.CheckSize(t, "view", v, w, 24)
		head := strings.Split(v, "\n")[2]
		n := 0
		for _, b := range buckets {
			if strings.Contains(head, b) {
				n++
			}
		}
		if n != 0 && n != len(buckets) {
			t.Fatalf("at %d columns %d of the 5 aging columns: %q", w, n, head)
		}
		seen[n] = true
		// Narrow, paid gives way before invoiced: outstanding is read against what was invoiced.
		if strings.Contains(head, "Paid") && !strings.Contains(head, "Invoiced") {
			t.Errorf("at %d columns Paid is shown without Invoiced: %q", w, head)
		}
		widths := fitList(sizeMoney(listColumns(), listMoney, l.moneyW), w)
		used, cols := 0, 0
		for _, x := range widths {
			if x > 0 {
				used += x
				cols++
			}
		}
		if used+(cols-1)+2 < w {
			t.Errorf("at %d columns the table uses %d: the client's name should take the rest", w, used+(cols-1)+2)
		}
		// The spare goes to the client's name, not to blanks beside the figures.
		for i, c := range sizeMoney(listColumns(), listMoney, l.moneyW) {
			if i > 0 && widths[i] > max(c.Min, c.Want) {
				t.Errorf("at %d columns %q is %d wide, more than it wants (%d)", w, c.Title, widths[i], c.Want)
			}
		}
	}
	if !seen[0] || !seen[len(buckets)] {
		t.Errorf("the sweep should see the list with and without the aging columns: %v", seen)
	}
	l.SetSize(120, 24)
	for _, name := range []string{"Acme Trading N002", "ИП Ёлкин N003", "Šiaulių prekyba N004"} {
		if !strings.Contains(view(l), name) {
			t.Errorf("at 120 columns %q is cut:\n%s", name, view(l))
		}
	}
}
