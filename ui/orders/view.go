package orders

import (
	"strings"

	"clientbase/model"
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
		return fit(m.subHeader(), m.width)
	}
	return m.subHeader() + "\n" + pad(strings.Split(body, "\n"), m.width, h)
}

// subHeader names the views (the active one stands out) and their keys.
func (m *Model) subHeader() string {
	s := m.env.Styles
	views := []struct {
		v    View
		name string
		on   bool
	}{
		{ViewOrders, model.T("orders.view.orders"), true},
		{ViewProducts, model.T("orders.view.products"), true},
		{ViewApprovals, model.T("orders.view.approvals"), m.approvals != nil},
		{ViewDebts, model.T("orders.view.debts"), true},
		{ViewPrices, model.T("orders.view.prices"), true},
	}
	var parts []string
	for _, v := range views {
		if !v.on {
			continue
		}
		if v.v == m.view {
			parts = append(parts, s.TabActive.Render(v.name))
		} else {
			parts = append(parts, s.TabIdle.Render(v.name))
		}
	}
	keys := "O P D $"
	if m.approvals != nil {
		keys = "O P A D $"
	}
	return spread(strings.Join(parts, ""), s.Subtle.Render(model.T("orders.header.keys", keys)), m.width)
}
