package ui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/orders"
)

// ordersShop is a department with a head (volkova), four priced products
// (SKU-001…SKU-004, 100.00 RUB retail) and clients; it returns the director's session.
func ordersShop(t testing.TB) *store.Session {
	t.Helper()
	st, _ := storetest.Department(t, 5)
	if _, err := st.SaveUser(model.User{Name: "volkova", FullName: "Ольга Волкова", Role: model.RoleHead}); err != nil {
		t.Fatal(err)
	}
	v := model.PriceVersion{Effective: time.Now().AddDate(0, -1, 0), Note: "flow"}
	for i := 1; i <= 4; i++ {
		p, err := st.SaveProduct(model.Product{SKU: fmt.Sprintf("SKU-%03d", i), Name: fmt.Sprintf("Widget %d", i),
			Unit: model.UnitPiece, VAT: 2000, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		v.Prices = append(v.Prices, model.PriceEntry{Product: p.ID, Column: "retail", Price: model.Money{Minor: 10000, Currency: "RUB"}})
	}
	if _, _, err := st.SavePriceVersion(v, 0); err != nil {
		t.Fatal(err)
	}
	return st
}

func ordersConfig(t testing.TB, st *store.Session, user string) Config {
	t.Helper()
	u, err := st.DB().SignIn(user)
	if err != nil {
		t.Fatal(err)
	}
	return Config{Store: st.DB().As(u), Me: u, DBPath: shownPath, Loc: time.UTC, IndexReady: func() bool { return true }}
}

// A manager enters an order by SKU with a discount above his 5 %: it waits
// for approval; the head, signed in on the same database, approves it in
// the approval view (A) and it is confirmed.
func TestFlowOrderDiscountApproval(t *testing.T) {
	st := ordersShop(t)
	client := testClient(3)

	tm := teatest.NewTestModel(t, New(ordersConfig(t, st, "petrov")), teatest.WithInitialTermSize(80, 24))
	tm.Send(keyPress("3"))
	waitText(t, tm, "O Orders")
	tm.Send(keyPress("n"))
	waitText(t, tm, "Client ›")
	tm.Type(client.TaxID)
	waitText(t, tm, "N003")
	tm.Send(keyPress("enter"))
	waitText(t, tm, "Add ›")
	tm.Type("SKU-001")
	waitText(t, tm, "Widget 1")
	tm.Send(keyPress("enter"))
	waitText(t, tm, "1 line")
	tm.Type("2")
	tm.Send(keyPress("enter"))
	tm.Type("SKU-002")
	waitText(t, tm, "Widget 2")
	tm.Send(keyPress("enter"))
	waitText(t, tm, "2 lines")
	tm.Send(keyPress("tab")) // quantity → discount
	tm.Type("10")
	tm.Send(keyPress("enter"))
	tm.Send(tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl})
	waitText(t, tm, "approval")
	tm.Send(keyPress("esc"))
	waitText(t, tm, "1 order")
	tm.Send(keyPress("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	page, err := st.Orders(t.Context(), model.OrderFilter{}, 0, 5)
	if err != nil || page.Total != 1 {
		t.Fatalf("orders in the store: %+v (%v)", page, err)
	}
	o, err := st.Order(page.Rows[0].Order.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != model.OrderAwaitingApproval || len(o.Lines) != 2 || o.TakenBy != "petrov" ||
		o.Lines[0].SKU != "SKU-001" || o.Lines[0].Qty != 2*model.QtyScale || o.Lines[1].Discount != 10*model.RateScale {
		t.Fatalf("stored order %+v, want awaiting approval with SKU-001 × 2 and SKU-002 at 10 %%", o)
	}

	head := teatest.NewTestModel(t, New(ordersConfig(t, st, "volkova")), teatest.WithInitialTermSize(80, 24))
	head.Send(keyPress("3"))
	waitText(t, head, "A Approvals")
	head.Send(keyPress("A"))
	waitText(t, head, o.Number)
	head.Send(keyPress("a"))
	head.Type("ok for a key client")
	head.Send(keyPress("enter"))
	waitText(t, head, "approved")
	head.Send(keyPress("q"))
	head.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	final := head.FinalModel(t).(*App)
	if v := final.tabs[TabOrders].(*orders.Model).ActiveView(); v != orders.ViewApprovals {
		t.Fatalf("the head ended on view %d, want the approvals", v)
	}
	o, err = st.Order(o.ID)
	if err != nil || o.Status != model.OrderConfirmed {
		t.Fatalf("after the head's approval the order is %s (%v), want confirmed", o.Status, err)
	}
	approved := false
	for _, ev := range o.Events {
		if ev.By == "volkova" && ev.To == model.OrderConfirmed && ev.Comment == "ok for a key client" {
			approved = true
		}
	}
	if !approved {
		t.Fatalf("no approval event by volkova with the comment: %+v", o.Events)
	}
}
