// Package orders is the Orders tab: the order list, order entry at keyboard
// speed, and the catalogue, price, approval and receivables views it holds
// (ui/catalog, ui/receivables).
package orders

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUB: the orders-screen helper (O4) replaces this file (and may split it).

// Model is the Orders tab.
type Model struct{ env common.Env }

// New builds the tab (the order list first).
func New(env common.Env) *Model { return &Model{env: env} }

func (m *Model) Title() string                    { return model.T("ui.tab.orders") }
func (m *Model) Init() tea.Cmd                    { return nil }
func (m *Model) Update(msg tea.Msg) tea.Cmd       { return nil }
func (m *Model) SetSize(width, height int)        {}
func (m *Model) SetStyles(s styles.Styles)        {}
func (m *Model) View() string                     { return "orders" }
func (m *Model) InputFocused() bool               { return false }
func (m *Model) ShortHelp() []key.Binding         { return nil }
func (m *Model) FullHelp() [][]key.Binding        { return nil }
func (m *Model) ClaimsKey(k tea.KeyPressMsg) bool { return false }

// Entry is one order being entered or viewed (lines, header, totals, actions).
type Entry struct {
	env    common.Env
	closed bool
}

// NewEntry opens order o: ID 0 is a new order (o.Client preset when known,
// else the client is looked up first); otherwise the stored order is loaded.
func NewEntry(env common.Env, o model.Order) *Entry { return &Entry{env: env} }

func (e *Entry) Init() tea.Cmd              { return nil }
func (e *Entry) Update(msg tea.Msg) tea.Cmd { return nil }
func (e *Entry) SetSize(width, height int)  {}
func (e *Entry) SetStyles(s styles.Styles)  {}
func (e *Entry) View() string               { return "order" }
func (e *Entry) InputFocused() bool         { return true }
func (e *Entry) ShortHelp() []key.Binding   { return nil }
func (e *Entry) FullHelp() [][]key.Binding  { return nil }
func (e *Entry) Closed() bool               { return e.closed }
