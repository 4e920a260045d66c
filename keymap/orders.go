package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// OrderViews switch the Orders tab between its views. Capital letters (and
// $): the lowercase ones are actions inside the views.
type OrderViews struct {
	Orders, Products, Approvals, Debts, Prices key.Binding
}

// NewOrderViews builds the view keys of the Orders tab.
func NewOrderViews() OrderViews {
	return OrderViews{
		Orders:    key.NewBinding(key.WithKeys("O"), key.WithHelp("O", model.T("orders.key.orders"))),
		Products:  key.NewBinding(key.WithKeys("P"), key.WithHelp("P", model.T("orders.key.products"))),
		Approvals: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", model.T("orders.key.approvals"))),
		Debts:     key.NewBinding(key.WithKeys("D"), key.WithHelp("D", model.T("orders.key.debts"))),
		Prices:    key.NewBinding(key.WithKeys("$"), key.WithHelp("$", model.T("orders.key.prices"))),
	}
}

// FullHelp is the views' column of the ? overlay.
func (k OrderViews) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Orders, k.Products, k.Approvals, k.Debts, k.Prices}}
}

// OrderList are the keys of the order list.
type OrderList struct {
	Nav
	Open, New, Status, Client, ThisClient, ThisTaker, Mine, PrevMonth, NextMonth, Clear key.Binding
}

// NewOrderList builds the order list keys.
func NewOrderList() OrderList {
	return OrderList{
		Nav:        NewNav(),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("orders.key.open"))),
		New:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("orders.key.new"))),
		Status:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T("orders.key.status"))),
		Client:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", model.T("orders.key.client"))),
		ThisClient: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", model.T("orders.key.this_client"))),
		ThisTaker:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", model.T("orders.key.this_taker"))),
		Mine:       key.NewBinding(key.WithKeys("m"), key.WithHelp("m", model.T("orders.key.mine"))),
		PrevMonth:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", model.T("orders.key.prev_month"))),
		NextMonth:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", model.T("orders.key.next_month"))),
		Clear:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T("orders.key.clear"))),
	}
}

// ShortHelp is the list's footer.
func (k OrderList) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.New, k.Status, k.Client, k.Mine, k.PrevMonth, k.NextMonth}
}

// FullHelp is the list's columns of the ? overlay.
func (k OrderList) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.New},
		{k.Status, k.Client, k.ThisClient, k.ThisTaker, k.Mine, k.PrevMonth, k.NextMonth, k.Clear},
	}
}

// Lookup are the keys of a client or product lookup line.
type Lookup struct {
	Up, Down, Choose, Back key.Binding
}

// NewLookup builds the lookup keys.
func NewLookup() Lookup {
	return Lookup{
		Up:     key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", model.T("key.up"))),
		Down:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", model.T("key.down"))),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("orders.key.choose"))),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is a lookup's footer.
func (k Lookup) ShortHelp() []key.Binding { return []key.Binding{k.Choose, k.Up, k.Down, k.Back} }

// FullHelp is a lookup's ? overlay.
func (k Lookup) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// OrderEntry are the keys of order entry and of an order's page.
type OrderEntry struct {
	Add, NextCell, PrevCell, Up, Down, Delete, Cycle key.Binding
	Header, Save, Submit, Back                       key.Binding
	// Help shows the entry's keys: the product line takes every key, so ? only on an empty line.
	Help key.Binding
	// CancelOrder cancels a stored order while its lines are still typed in (x is text then).
	CancelOrder key.Binding
	// Actions on a stored order, by its status.
	Ship, Invoice, Cancel, Return, Close, Payment key.Binding
	// Complaint registers a complaint about a stored order (the marked line, or all).
	Complaint key.Binding
}

// NewOrderEntry builds the order entry keys.
func NewOrderEntry() OrderEntry {
	return OrderEntry{
		Add:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("orders.key.add_line"))),
		NextCell: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", model.T("orders.key.next_cell"))),
		PrevCell: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", model.T("orders.key.prev_cell"))),
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", model.T("orders.key.line_up"))),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", model.T("orders.key.line_down"))),
		Delete:   key.NewBinding(key.WithKeys("delete"), key.WithHelp("del", model.T("orders.key.delete_line"))),
		Cycle:    key.NewBinding(key.WithKeys("space", "left", "right"), key.WithHelp("space", model.T("orders.key.source"))),
		Header:   key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", model.T("orders.key.header"))),
		Save:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T("orders.key.save"))),
		// ctrl+enter reaches few terminals; ctrl+o is the key shown.
		Submit:      key.NewBinding(key.WithKeys("ctrl+o", "ctrl+enter"), key.WithHelp("ctrl+o", model.T("orders.key.submit"))),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", model.T("orders.key.help"))),
		CancelOrder: key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", model.T("orders.key.cancel"))),
		Ship:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T("orders.key.ship"))),
		Invoice:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", model.T("orders.key.invoice"))),
		Cancel:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T("orders.key.cancel"))),
		Return:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", model.T("orders.key.return"))),
		Close:       key.NewBinding(key.WithKeys("c"), key.WithHelp("c", model.T("orders.key.close"))),
		Payment:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", model.T("orders.key.payment"))),
		// c is close here and contacts on the card: K is a complaint on both
		Complaint: key.NewBinding(key.WithKeys("K"), key.WithHelp("K", model.T("complaintlinks.key.order_complaint"))),
	}
}

// EditingHelp is the footer while lines are being entered.
func (k OrderEntry) EditingHelp() []key.Binding {
	// Save and submit early: a narrow footer cuts from the right.
	return []key.Binding{k.Help, k.Add, k.NextCell, k.Save, k.Submit, k.Delete, k.Header, k.Back}
}

// EditingFullHelp is the ? overlay while lines are being entered.
func (k OrderEntry) EditingFullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Add, k.NextCell, k.PrevCell, k.Up, k.Down, k.Delete, k.Cycle}, {k.Header, k.Save, k.Submit, k.CancelOrder, k.Back}}
}

// Prompt are the keys of a one-line question (a reason, a comment).
type Prompt struct {
	Confirm, Back key.Binding
}

// NewPrompt builds the prompt keys.
func NewPrompt() Prompt {
	return Prompt{
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("orders.key.confirm"))),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}
