package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// Approvals are the keys of the head's approval list (discounts above the
// limit and credit holds) and of one order opened from it.
type Approvals struct {
	Nav
	Open, Approve, Reject, Override, Back key.Binding
}

// NewApprovals builds the approval list's keys.
func NewApprovals() Approvals {
	return Approvals{
		Nav:      NewNav(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("receivables.key.lines"))),
		Approve:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", model.T("receivables.key.approve"))),
		Reject:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", model.T("receivables.key.reject"))),
		Override: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", model.T("receivables.key.override"))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("receivables.key.back"))),
	}
}

// ShortHelp is the approval list's footer.
func (k Approvals) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Approve, k.Reject, k.Override, k.Back}
}

// FullHelp is the approval list's columns of the ? overlay.
func (k Approvals) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Approve, k.Reject, k.Override, k.Back},
	}
}

// Receivables are the keys of the receivables list (clients with a debt).
type Receivables struct {
	Nav
	Sort, Open key.Binding
}

// NewReceivables builds the receivables list's keys.
func NewReceivables() Receivables {
	return Receivables{
		Nav:  NewNav(),
		Sort: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T("receivables.key.sort"))),
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("receivables.key.invoices"))),
	}
}

// ShortHelp is the receivables list's footer.
func (k Receivables) ShortHelp() []key.Binding { return []key.Binding{k.Open, k.Sort, k.Up, k.Down} }

// FullHelp is the receivables list's columns of the ? overlay.
func (k Receivables) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.Sort}}
}

// Invoices are the keys of one client's open invoices.
type Invoices struct {
	Nav
	Pay, Order, Back key.Binding
}

// NewInvoices builds the open invoices' keys.
func NewInvoices() Invoices {
	return Invoices{
		Nav:   NewNav(),
		Pay:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", model.T("receivables.key.pay"))),
		Order: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", model.T("receivables.key.order"))),
		Back:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("receivables.key.to_list"))),
	}
}

// ShortHelp is the open invoices' footer.
func (k Invoices) ShortHelp() []key.Binding { return []key.Binding{k.Pay, k.Order, k.Back} }

// FullHelp is the open invoices' columns of the ? overlay.
func (k Invoices) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Pay, k.Order, k.Back}}
}

// Comment are the keys of the small comment dialog (approve, reject,
// override): enter or ctrl+s says it, esc leaves it.
type Comment struct {
	Submit, Back key.Binding
}

// NewComment builds the comment dialog's keys.
func NewComment() Comment {
	return Comment{
		Submit: key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter", model.T("receivables.key.submit"))),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("receivables.key.cancel"))),
	}
}

// ShortHelp is the dialog's footer.
func (k Comment) ShortHelp() []key.Binding { return []key.Binding{k.Submit, k.Back} }

// FullHelp is the dialog's column of the ? overlay.
func (k Comment) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Submit, k.Back}} }
