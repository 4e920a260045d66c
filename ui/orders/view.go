package orders

import (
	"slices"
	"strings"

	"clientbase/model"
	"clientbase/ui/components/tabs"
	"clientbase/ui/components/textfit"
)

// View renders the tab exactly width×height: the sub-header, then the view.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var body string
	if p := m.activePane(); p != nil {
		body = p.View()
	} else {
		body = m.list.view()
	}
	h := m.paneHeight()
	if h == 0 {
		return textfit.Fit(m.subHeader(), m.width)
	}
	return m.subHeader() + "\n" + textfit.Pad(strings.Split(body, "\n"), m.width, h)
}

// subHeader names the views (the active one stands out) and their keys.
func (m *Model) subHeader() string {
	s := m.env.Styles
	views := []View{ViewOrders, ViewProducts, ViewApprovals, ViewDebts, ViewPrices}
	active := slices.Index(views, m.view)
	left := tabs.Views(s, []string{model.T("orders.view.orders"), model.T("orders.view.products"), model.T("orders.view.approvals"), model.T("orders.view.debts"), model.T("orders.view.prices")},
		[]bool{false, false, m.approvals == nil, false, false}, active)
	keys := "O P D $"
	if m.approvals != nil {
		keys = "O P A D $"
	}
	return textfit.Spread(left, s.Subtle.Render(model.T("orders.header.keys", keys)), m.width)
}
