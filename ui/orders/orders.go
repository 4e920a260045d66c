// Package orders is the Orders tab: the order list, order entry at keyboard
// speed, and the catalogue, price, approval and receivables views it holds
// (ui/catalog, ui/receivables).
package orders

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/catalog"
	"clientbase/ui/common"
	"clientbase/ui/receivables"
	"clientbase/ui/styles"
)

// View is one of the tab's views, switched with O, P, A, D, $.
type View int

const (
	ViewOrders View = iota
	ViewProducts
	ViewApprovals
	ViewDebts
	ViewPrices
)

// Model is the Orders tab. On the orders view an open order (Entry) lies
// over the list; the other views are panes of ui/catalog and ui/receivables.
type Model struct {
	env    common.Env
	vkeys  keymap.OrderViews
	width  int
	height int // the tab's body; the views get one line less (the sub-header)

	view      View
	back      View // where esc from the open order returns (the debts an order was opened from)
	list      *list
	entry     *Entry
	products  common.Pane
	approvals common.Pane // nil without the right to approve
	debts     common.Pane
	prices    common.Pane
}

// New builds the tab (the order list first).
func New(env common.Env) *Model {
	if env.Loc == nil {
		env.Loc = time.Local
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	m := &Model{env: env, vkeys: keymap.NewOrderViews()}
	m.list = newList(env)
	m.products = catalog.NewProducts(env)
	m.debts = receivables.NewList(env)
	m.prices = catalog.NewPrices(env)
	if model.Can(env.Me, model.ActOrderApprove) || model.Can(env.Me, model.ActCreditOverride) {
		m.approvals = receivables.NewApprovals(env)
	}
	return m
}

// Title is the tab bar's label.
func (m *Model) Title() string { return model.T("ui.tab.orders") }

// Init loads the order list and the views.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.list.requery(false)}
	for _, p := range m.panes() {
		cmds = append(cmds, p.Init())
	}
	return tea.Batch(cmds...)
}

func (m *Model) paneHeight() int { return max(0, m.height-1) }

// SetSize gives every view the room below the sub-header.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.list.setSize(w, m.paneHeight())
	if m.entry != nil {
		m.entry.SetSize(w, m.paneHeight())
	}
	for _, p := range m.panes() {
		p.SetSize(w, m.paneHeight())
	}
}

// SetStyles takes styles rebuilt for a new background.
func (m *Model) SetStyles(s styles.Styles) {
	m.env.Styles = s
	m.list.env.Styles = s
	if m.entry != nil {
		m.entry.SetStyles(s)
	}
	for _, p := range m.panes() {
		p.SetStyles(s)
	}
}

// panes are the catalogue and receivables views the tab holds.
func (m *Model) panes() []common.Pane {
	ps := []common.Pane{m.products}
	if m.approvals != nil {
		ps = append(ps, m.approvals)
	}
	return append(ps, m.debts, m.prices)
}

// activePane is the view's pane (the entry on the orders view), nil on the list.
func (m *Model) activePane() common.Pane {
	switch m.view {
	case ViewProducts:
		return m.products
	case ViewApprovals:
		return m.approvals
	case ViewDebts:
		return m.debts
	case ViewPrices:
		return m.prices
	}
	if m.entry != nil {
		return m.entry
	}
	return nil
}

// InputFocused reports that a text field has the keys.
func (m *Model) InputFocused() bool {
	if p := m.activePane(); p != nil {
		return p.InputFocused()
	}
	return m.list.inputFocused()
}

// ClaimsKey takes nothing from the root: text fields report InputFocused.
func (m *Model) ClaimsKey(k tea.KeyPressMsg) bool { return false }

// ShortHelp is the footer for what is on screen.
func (m *Model) ShortHelp() []key.Binding {
	if p := m.activePane(); p != nil {
		return p.ShortHelp()
	}
	if m.list.lookup != nil {
		return m.list.lookup.keys.ShortHelp()
	}
	return m.list.keys.ShortHelp()
}

// FullHelp is the ? overlay for what is on screen, with the view keys.
func (m *Model) FullHelp() [][]key.Binding {
	var h [][]key.Binding
	if p := m.activePane(); p != nil {
		h = p.FullHelp()
	} else {
		h = m.list.keys.FullHelp()
	}
	return append(h, m.viewKeys().FullHelp()...)
}

func (m *Model) viewKeys() keymap.OrderViews {
	k := m.vkeys
	k.Approvals.SetEnabled(m.approvals != nil)
	return k
}

// ActiveView is the view on screen.
func (m *Model) ActiveView() View { return m.view }

// Entry is the open order, nil on the list.
func (m *Model) Entry() *Entry { return m.entry }

// Update routes keys to the view on screen and hands every other message to everything the tab holds.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.onKey(msg)
	case tea.PasteMsg:
		if p := m.activePane(); p != nil {
			return tea.Batch(p.Update(msg), m.afterEntry())
		}
		if m.list.lookup != nil {
			cmd, _ := m.list.lookup.update(msg)
			return cmd
		}
		return nil
	case common.NewOrderMsg, common.OpenOrderMsg:
		if m.entry != nil && m.entry.Dirty() {
			// Another screen asked while an order is half entered here: keep it.
			m.view = ViewOrders
			return statusErr(model.T("orders.error.busy"))
		}
		if o, ok := msg.(common.NewOrderMsg); ok {
			m.view = ViewOrders
			if why := m.newRefusal(); why != "" {
				return statusErr(why)
			}
			return m.open(NewEntry(m.env, model.Order{Client: o.Client}))
		}
		from := m.view
		cmd := m.open(NewEntry(m.env, model.Order{ID: msg.(common.OpenOrderMsg).Order}))
		// Opened from the debts (a client's invoices): leaving it goes back there, not to the order list.
		m.back = from
		return cmd
	case listPageMsg:
		return m.list.onPage(msg)
	case clientMatchesMsg:
		if msg.owner == 0 {
			return m.list.onMatches(msg)
		}
	case common.DataChangedMsg:
		var cmd tea.Cmd
		if msg.Kind == "order" || msg.Kind == "client" || msg.Kind == "payment" || msg.Kind == "*" {
			cmd = m.list.requery(true)
		}
		return tea.Batch(cmd, m.broadcast(msg))
	}
	return m.broadcast(msg)
}

// open shows an order over the list.
func (m *Model) open(e *Entry) tea.Cmd {
	m.view, m.back = ViewOrders, ViewOrders
	m.entry = e
	e.SetSize(m.width, m.paneHeight())
	return e.Init()
}

func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	if m.entry != nil {
		cmds = append(cmds, m.entry.Update(msg))
	}
	for _, p := range m.panes() {
		cmds = append(cmds, p.Update(msg))
	}
	return tea.Batch(append(cmds, m.afterEntry())...)
}

// afterEntry drops an entry the user left.
func (m *Model) afterEntry() tea.Cmd {
	if m.entry != nil && m.entry.Closed() {
		m.entry = nil
		if m.back != ViewOrders && m.view == ViewOrders {
			m.view, m.back = m.back, ViewOrders
		}
		return m.list.ensure()
	}
	return nil
}

func (m *Model) onKey(k tea.KeyPressMsg) tea.Cmd {
	p := m.activePane()
	if (p == nil && !m.list.inputFocused()) || (p != nil && !p.InputFocused()) {
		if cmd, ok := m.viewKey(k); ok {
			return cmd
		}
	}
	if p != nil {
		return tea.Batch(p.Update(k), m.afterEntry())
	}
	cmd, open, isNew := m.list.key(k)
	switch {
	case isNew:
		if why := m.newRefusal(); why != "" {
			return statusErr(why)
		}
		o := model.Order{Client: m.list.filter.Client}
		return m.open(NewEntry(m.env, o))
	case open != 0:
		return m.open(NewEntry(m.env, model.Order{ID: open}))
	}
	return cmd
}

// newRefusal says why this user may not enter an order ("" when they may).
func (m *Model) newRefusal() string {
	switch {
	case m.env.ReadOnly:
		return model.T("orders.error.read_only")
	case !model.CanOnOrder(m.env.Me, model.ActOrderEdit, nil):
		return model.T("orders.error.no_edit")
	}
	return ""
}

// viewKey switches views with O, P, A, D, $.
func (m *Model) viewKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, m.vkeys.Orders):
		m.view, m.back = ViewOrders, ViewOrders
		return m.list.ensure(), true
	case key.Matches(k, m.vkeys.Products):
		m.view = ViewProducts
	case key.Matches(k, m.vkeys.Approvals):
		if m.approvals == nil {
			return statusErr(model.T("orders.error.no_approvals")), true
		}
		m.view = ViewApprovals
	case key.Matches(k, m.vkeys.Debts):
		m.view = ViewDebts
	case key.Matches(k, m.vkeys.Prices):
		m.view = ViewPrices
	default:
		return nil, false
	}
	m.back = ViewOrders // chosen by hand: esc from the order goes to the list again
	return nil, true
}

var (
	_ common.Tab        = (*Model)(nil)
	_ common.KeyClaimer = (*Model)(nil)
	_ common.Pane       = (*Entry)(nil)
	_ common.Closer     = (*Entry)(nil)
)
