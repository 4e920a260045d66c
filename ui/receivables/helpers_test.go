package receivables

import (
	"flag"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testNow is Wednesday 25.11.2026 11:00 UTC, the store's clock and the screens'.
var testNow = time.Date(2026, 11, 25, 11, 0, 0, 0, time.UTC)

// day is midnight UTC n days from testNow's day (negative: before).
func day(n int) time.Time {
	return time.Date(2026, 11, 25+n, 0, 0, 0, 0, time.UTC)
}

// dept is a department whose clock stands at testNow, with a catalogue of
// two products and orders made through the store as people make them.
type dept struct {
	db           *store.DB
	boss         *store.Session
	cloth, chair model.Product
	// The orders the fixture made, by what they show.
	overdue, current, old, fresh, paid model.Order // invoiced
	discount, discount2, held          model.Order // waiting for the head
}

// department builds the fixture:
//   - Acme Trading N002 (petrov, deferral 14 days, credit limit 5,000.00):
//     an invoice of 70 days ago partly paid (overdue 56 days), one of 10
//     days ago (not due yet), and a new order on credit hold for its debt;
//   - ИП Ёлкин N003 (jonaitis): an invoice of 120 days ago, unpaid (>90);
//   - Šiaulių prekyba N004 (petrov): an invoice of 5 days ago;
//   - Baltic Foods N005 (jonaitis): an invoice paid in full (owes nothing);
//   - discounts above the taker's limit: ЗАО Север N006 (petrov, 10 %, two
//     days ago) and UAB Žalgiris N001 (jonaitis, 20 %, yesterday).
func department(t testing.TB) *dept {
	t.Helper()
	s, _ := storetest.PlanDepartment(t, 8, 0, testNow)
	d := &dept{db: s.DB(), boss: s}
	var err error
	if d.cloth, err = s.SaveProduct(model.Product{SKU: "TX-100", Name: "Cotton fabric, white", Unit: model.UnitMetre, VAT: 2000, Active: true}); err != nil {
		t.Fatal(err)
	}
	if d.chair, err = s.SaveProduct(model.Product{SKU: "CH-1", Name: "Chair Oslo", Unit: model.UnitPiece, VAT: 2000, Active: true}); err != nil {
		t.Fatal(err)
	}
	v := model.PriceVersion{Effective: day(-400), Note: "test prices"}
	for _, p := range []struct {
		id     model.ID
		prices [3]int64
	}{{d.cloth.ID, [3]int64{45050, 41000, 39990}}, {d.chair.ID, [3]int64{250000, 230000, 210000}}} {
		for i, col := range []string{"retail", "wholesale", "dealer"} {
			v.Prices = append(v.Prices, model.PriceEntry{Product: p.id, Column: col, Price: model.Money{Minor: p.prices[i]}})
		}
	}
	if _, _, err := s.SavePriceVersion(v, 0); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id    model.ID
		limit int64
	}{{2, 500000}, {3, 0}, {4, 0}, {5, 0}} {
		cl, err := s.Client(c.id)
		if err != nil {
			t.Fatal(err)
		}
		cl.DeferralDays = 14
		cl.CreditLimit = model.Money{Minor: c.limit, Currency: "RUB"}
		if _, err := s.SaveClient(cl, "payment terms"); err != nil {
			t.Fatal(err)
		}
	}
	line := func(p model.Product, units int64, discount model.Rate) model.OrderLine {
		return model.OrderLine{Product: p.ID, Qty: model.Qty(units * model.QtyScale), Discount: discount}
	}
	d.old = d.invoiced(t, 3, "jonaitis", day(-125), day(-120), line(d.cloth, 20, 0))
	d.overdue = d.invoiced(t, 2, "petrov", day(-75), day(-70), line(d.cloth, 10, 0), line(d.chair, 1, 0))
	d.overdue = d.pay(t, d.overdue, 100000, day(-40), "п/п 118")
	d.current = d.invoiced(t, 2, "petrov", day(-12), day(-10), line(d.chair, 2, 0))
	d.fresh = d.invoiced(t, 4, "petrov", day(-6), day(-5), line(d.cloth, 3, 0))
	d.paid = d.invoiced(t, 5, "jonaitis", day(-30), day(-28), line(d.chair, 1, 0))
	d.paid = d.pay(t, d.paid, d.paid.Totals.Gross.Minor, day(-20), "п/п 77")

	d.discount = d.submitted(t, 6, "petrov", day(-2), line(d.cloth, 5, 1000))
	d.held = d.submitted(t, 2, "petrov", day(-1), line(d.chair, 1, 0))
	d.discount2 = d.submitted(t, 1, "jonaitis", day(-1), line(d.chair, 2, 2000))
	for _, o := range []struct {
		o    model.Order
		want model.OrderStatus
	}{{d.discount, model.OrderAwaitingApproval}, {d.held, model.OrderCreditHold}, {d.discount2, model.OrderAwaitingApproval}} {
		if o.o.Status != o.want {
			t.Fatalf("order %s is %s, want %s (%s)", o.o.Number, o.o.Status, o.want, o.o.HoldReason)
		}
	}
	return d
}

// submitted saves an order taken by takenBy dated date and asks to confirm it.
func (d *dept) submitted(t testing.TB, client model.ID, takenBy string, date time.Time, lines ...model.OrderLine) model.Order {
	t.Helper()
	o, err := d.boss.SaveOrder(model.Order{Client: client, TakenBy: takenBy, Channel: model.OrderByPhone, Date: date, Lines: lines})
	if err != nil {
		t.Fatalf("save order: %v", err)
	}
	if o, err = d.boss.SubmitOrder(o.ID, o.Version); err != nil {
		t.Fatalf("submit order %s: %v", o.Number, err)
	}
	return o
}

// invoiced makes an order dated date, confirms it (the director overrides a
// credit hold the fixture's own debts cause), ships it whole and invoices it on inv.
func (d *dept) invoiced(t testing.TB, client model.ID, takenBy string, date, inv time.Time, lines ...model.OrderLine) model.Order {
	t.Helper()
	o := d.submitted(t, client, takenBy, date, lines...)
	var err error
	switch o.Status {
	case model.OrderCreditHold:
		o, err = d.boss.OverrideCredit(o.ID, o.Version, "test fixture")
	case model.OrderAwaitingApproval:
		o, err = d.boss.Approve(o.ID, o.Version, "test fixture")
	}
	if err != nil {
		t.Fatal(err)
	}
	all := map[int]model.Qty{}
	for i, l := range o.Lines {
		all[i] = l.Qty
	}
	if o, err = d.boss.Ship(o.ID, o.Version, all); err != nil {
		t.Fatalf("ship %s: %v", o.Number, err)
	}
	if o, err = d.boss.Invoice(o.ID, o.Version, inv); err != nil {
		t.Fatalf("invoice %s: %v", o.Number, err)
	}
	return o
}

// pay records a payment of minor units on o and returns the order after it.
func (d *dept) pay(t testing.TB, o model.Order, minor int64, date time.Time, ref string) model.Order {
	t.Helper()
	if _, err := d.boss.RecordPayment(model.Payment{Order: o.ID, Amount: model.Money{Minor: minor, Currency: o.Currency}, Date: date, Reference: ref}); err != nil {
		t.Fatalf("pay %s: %v", o.Number, err)
	}
	o, err := d.boss.Order(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// pane is what the drivers need of the screens.
type pane interface {
	Update(tea.Msg) tea.Cmd
	View() string
}

// root drives p as the root would; the messages it returns are those meant
// for others (status, data changed, open an order).
func root(t testing.TB, p pane) uitest.Root {
	return uitest.Root{T: t, Update: p.Update, Keep: func(msg tea.Msg) bool {
		switch msg.(type) {
		case common.OpenOrderMsg:
			return true
		}
		return false
	}}
}

// run executes cmd and everything it leads to, feeding each message back
// into p.Update as the program's loop would.
func run(t testing.TB, p pane, cmd tea.Cmd) []tea.Msg { t.Helper(); return root(t, p).Run(cmd) }

// press sends keys one by one, running what each leads to.
func press(t testing.TB, p pane, keys ...string) []tea.Msg {
	t.Helper()
	return root(t, p).Press(keys...)
}

// typeText types s key by key.
func typeText(t testing.TB, p pane, s string) { t.Helper(); root(t, p).Type(s) }

func statusOf(msgs []tea.Msg) (common.StatusMsg, bool) { return uitest.First[common.StatusMsg](msgs) }

func changedOf(msgs []tea.Msg) (common.DataChangedMsg, bool) {
	return uitest.First[common.DataChangedMsg](msgs)
}

func view(p pane) string { return ansi.Strip(p.View()) }

// golden compares the plain view with testdata/name.golden (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	uitest.Golden(t, name, got, *update)
}

func commonChanged(id model.ID) common.DataChangedMsg {
	return common.DataChangedMsg{Kind: "order", ID: id}
}
