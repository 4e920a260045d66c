// Package receivables is the head's approval list (discounts and credit
// holds), the receivables list with a client's open invoices, and the
// payment form.
package receivables

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUB: the receivables-screen helper (O6) replaces this file (and may split it).

// Approvals lists orders awaiting approval or on credit hold: approve, reject, override.
type Approvals struct{ env common.Env }

func NewApprovals(env common.Env) *Approvals { return &Approvals{env: env} }

func (a *Approvals) Init() tea.Cmd              { return nil }
func (a *Approvals) Update(msg tea.Msg) tea.Cmd { return nil }
func (a *Approvals) SetSize(width, height int)  {}
func (a *Approvals) SetStyles(s styles.Styles)  {}
func (a *Approvals) View() string               { return "approvals" }
func (a *Approvals) InputFocused() bool         { return false }
func (a *Approvals) ShortHelp() []key.Binding   { return nil }
func (a *Approvals) FullHelp() [][]key.Binding  { return nil }

// List is the receivables list (sortable) and a client's open invoices.
type List struct{ env common.Env }

func NewList(env common.Env) *List { return &List{env: env} }

func (l *List) Init() tea.Cmd              { return nil }
func (l *List) Update(msg tea.Msg) tea.Cmd { return nil }
func (l *List) SetSize(width, height int)  {}
func (l *List) SetStyles(s styles.Styles)  {}
func (l *List) View() string               { return "receivables" }
func (l *List) InputFocused() bool         { return false }
func (l *List) ShortHelp() []key.Binding   { return nil }
func (l *List) FullHelp() [][]key.Binding  { return nil }

// PaymentForm records a payment against an invoiced order.
type PaymentForm struct {
	env    common.Env
	closed bool
}

func NewPaymentForm(env common.Env, o model.Order) *PaymentForm { return &PaymentForm{env: env} }

func (f *PaymentForm) Init() tea.Cmd              { return nil }
func (f *PaymentForm) Update(msg tea.Msg) tea.Cmd { return nil }
func (f *PaymentForm) SetSize(width, height int)  {}
func (f *PaymentForm) SetStyles(s styles.Styles)  {}
func (f *PaymentForm) View() string               { return "payment" }
func (f *PaymentForm) InputFocused() bool         { return true }
func (f *PaymentForm) ShortHelp() []key.Binding   { return nil }
func (f *PaymentForm) FullHelp() [][]key.Binding  { return nil }
func (f *PaymentForm) Closed() bool               { return f.closed }

// Summary is a client's receivables in a few lines for the client card and
// the call screen (invoiced, paid, outstanding, overdue, aging), width wide.
func Summary(r model.ClientReceivables, width int, st styles.Styles) []string { return nil }
