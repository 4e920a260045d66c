package orders

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

// fixedNow is when the tests' orders are taken (the price version is older).
var fixedNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// shop is a department with a small catalogue priced in the retail column
// (the test clients have no column of their own, so retail is theirs).
type shop struct {
	director *store.Session
	products []model.Product
	clients  []model.Client
}

// newShop saves n products ("SKU-001"… , 100.00 RUB each retail, VAT 20 %,
// "SKU-005" without a price) through the store, and a head "volkova".
func newShop(t testing.TB, n int) *shop {
	t.Helper()
	st, _ := storetest.Department(t, 5)
	sh := &shop{director: st}
	if _, err := st.SaveUser(model.User{Name: "volkova", FullName: "Ольга Волкова", Role: model.RoleHead}); err != nil {
		t.Fatal(err)
	}
	v := model.PriceVersion{Effective: fixedNow.AddDate(0, -1, 0), Note: "test"}
	for i := 1; i <= n; i++ {
		unit := model.UnitPiece
		if i%4 == 2 {
			unit = model.UnitMetre
		}
		p, err := st.SaveProduct(model.Product{SKU: fmt.Sprintf("SKU-%03d", i), Name: fmt.Sprintf("Widget %d %s", i, unit),
			Unit: unit, VAT: 2000, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		sh.products = append(sh.products, p)
		if i == 5 {
			continue // SKU-005 has no price
		}
		v.Prices = append(v.Prices, model.PriceEntry{Product: p.ID, Column: "retail", Price: model.Money{Minor: 10000, Currency: "RUB"}})
	}
	if _, _, err := st.SavePriceVersion(v, 0); err != nil {
		t.Fatal(err)
	}
	page, err := st.List(context.Background(), model.ClientFilter{}, 0, 5)
	if err != nil || len(page.Rows) == 0 {
		t.Fatalf("clients: %v (%d)", err, len(page.Rows))
	}
	sh.clients = page.Rows
	return sh
}

// as is the environment of user name on this shop.
func (sh *shop) as(t testing.TB, name string) common.Env {
	t.Helper()
	u, err := sh.director.DB().SignIn(name)
	if err != nil {
		t.Fatal(err)
	}
	return common.Env{Store: sh.director.DB().As(u), Me: u, Styles: styles.New(true), Loc: time.UTC,
		Now: func() time.Time { return fixedNow }}
}

// driver runs an entry's commands synchronously, one message at a time.
type driver struct {
	t      testing.TB
	e      *Entry
	m      *Model // the tab, when the driver drives the tab
	status []common.StatusMsg
}

func (d *driver) update(msg tea.Msg) tea.Cmd {
	if d.m != nil {
		return d.m.Update(msg)
	}
	return d.e.Update(msg)
}

// newTabDriver drives the whole tab at w×h.
func newTabDriver(t testing.TB, env common.Env, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, m: New(env)}
	d.m.SetSize(w, h)
	d.run(d.m.Init())
	return d
}

func newEntryDriver(t testing.TB, env common.Env, o model.Order) *driver {
	t.Helper()
	d := &driver{t: t, e: NewEntry(env, o)}
	d.e.SetSize(80, 20)
	d.run(d.e.Init())
	return d
}

func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	uitest.Run(d.t, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case common.StatusMsg:
			d.status = append(d.status, msg.(common.StatusMsg))
			return nil
		case common.DataChangedMsg:
			if d.m != nil {
				return d.m.Update(msg)
			}
			return nil
		}
		return d.update(msg)
	})
}

func (d *driver) press(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.run(d.update(uitest.Key(k)))
	}
}

func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		d.run(d.update(tea.KeyPressMsg{Code: r, Text: string(r)}))
	}
}

// addSKU types a SKU and presses enter, then leaves the quantity cell with qty typed.
func (d *driver) addSKU(sku, qty string) {
	d.t.Helper()
	d.typeText(sku)
	d.press("enter")
	if qty != "" {
		d.typeText(qty)
	}
	d.press("enter")
}

func (d *driver) screen() string {
	if d.m != nil {
		return ansi.Strip(d.m.View())
	}
	return ansi.Strip(d.e.View())
}

func newOrderFor(sh *shop) common.NewOrderMsg { return common.NewOrderMsg{Client: sh.clients[0].ID} }
