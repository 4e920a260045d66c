package receivables

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/table"
	"clientbase/ui/styles"
)

// Sorts are the orders the receivables list can be sorted in (the store's
// sortBy values), in the order s cycles through them.
var Sorts = []string{"outstanding", "overdue", "days", "name"}

// rowsAround is how many rows are fetched beyond the visible window on each
// side: j/k and a page jump find their rows in memory.
const rowsAround = 40

// List is the receivables list: every client with an outstanding balance
// (a manager sees their own clients: the store decides), sortable with s;
// enter opens a client's open invoices, where p records a payment on the
// highlighted one and o opens its order.
type List struct {
	env           common.Env
	keys          keymap.Receivables
	ikeys         keymap.Invoices
	width, height int

	sort int // index into Sorts
	win  table.Window
	// gen numbers the list's queries: a result of an older one is dropped.
	gen    uint64
	ctx    context.Context
	cancel context.CancelFunc

	cache   table.Cache[model.ClientReceivables] // the rows in memory
	loadErr string
	moneyW  int // the amount columns' width: the widest amount seen since the last sort

	usersGen uint64
	names    map[string]string

	inv *invoices
	pay *PaymentForm
	// payGen is the order being loaded for the payment form.
	payGen uint64
}

// invoices is one client's open invoices.
type invoices struct {
	client      model.ID
	name        string
	r           model.ClientReceivables
	loaded      bool
	err         string
	gen         uint64
	cursor, top int
	moneyW      int
}

// NewList builds the list; Init loads it.
func NewList(env common.Env) *List {
	l := &List{env: env, keys: keymap.NewReceivables(), ikeys: keymap.NewInvoices(), names: map[string]string{}, moneyW: minAmount}
	l.ctx, l.cancel = context.WithCancel(context.Background())
	return l
}

// Init loads the first window and the department's names.
func (l *List) Init() tea.Cmd {
	l.usersGen = nextGen()
	return tea.Batch(l.requery(true), usersCmd(l.env.Store, l.usersGen))
}

// SortBy is the list's order (one of Sorts).
func (l *List) SortBy() string { return Sorts[l.sort] }

// Cursor is the highlighted row and the number of clients listed.
func (l *List) Cursor() (cursor, total int) { return l.win.Cursor, l.win.Total }

// Current is the highlighted client's debt, when its row is in memory.
func (l *List) Current() (model.ClientReceivables, bool) { return l.cache.At(l.win.Cursor) }

// Inside reports that a client's invoices or the payment form are open:
// esc is the pane's (back) rather than its holder's.
func (l *List) Inside() bool { return l.inv != nil || l.pay != nil }

// Payment is the open payment form, if any.
func (l *List) Payment() *PaymentForm { return l.pay }

// SetSize gives the list its room.
func (l *List) SetSize(width, height int) {
	l.width, l.height = width, height
	l.win.SetHeight(l.bodyHeight())
	if l.inv != nil {
		l.inv.top = scroll(l.inv.cursor, l.inv.top, l.invRows(), len(l.inv.r.Items))
	}
	if l.pay != nil {
		l.pay.SetSize(width, height)
	}
}

// SetStyles takes styles rebuilt for a new background.
func (l *List) SetStyles(s styles.Styles) {
	l.env.Styles = s
	if l.pay != nil {
		l.pay.SetStyles(s)
	}
}

// InputFocused reports that the payment form has the keys.
func (l *List) InputFocused() bool { return l.pay != nil }

// ShortHelp is the footer for the list, the invoices or the payment form.
func (l *List) ShortHelp() []key.Binding {
	switch {
	case l.pay != nil:
		return l.pay.ShortHelp()
	case l.inv != nil:
		return l.invKeys().ShortHelp()
	}
	return l.keys.ShortHelp()
}

// FullHelp is the ? overlay for the list, the invoices or the payment form.
func (l *List) FullHelp() [][]key.Binding {
	switch {
	case l.pay != nil:
		return l.pay.FullHelp()
	case l.inv != nil:
		return l.invKeys().FullHelp()
	}
	return l.keys.FullHelp()
}

// invKeys drops p when this user records no payments.
func (l *List) invKeys() keymap.Invoices {
	k := l.ikeys
	k.Pay.SetEnabled(!l.env.ReadOnly && model.Can(l.env.Me, model.ActPaymentRecord))
	return k
}

// Update handles keys (only while the pane is shown) and every other message.
func (l *List) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case l.pay != nil:
			return l.toPayment(msg)
		case l.inv != nil:
			return l.invoiceKey(msg)
		}
		return l.listKey(msg)
	case tea.PasteMsg:
		if l.pay != nil {
			return l.toPayment(msg)
		}
	case paidMsg:
		if l.pay != nil {
			return l.toPayment(msg)
		}
	case listMsg:
		return l.onPage(msg)
	case clientDebtMsg:
		if l.inv == nil || msg.gen != l.inv.gen {
			return nil
		}
		if msg.err != nil {
			l.inv.err = model.T("receivables.invoices.load_failed", errorSentence(msg.err))
			return status(l.inv.err, true)
		}
		l.inv.r, l.inv.loaded, l.inv.err = msg.r, true, ""
		l.inv.moneyW = minAmount
		for _, it := range msg.r.Items {
			l.inv.moneyW = amountWidth(l.inv.moneyW, it.Invoiced, it.Paid, it.Outstanding)
		}
		if msg.r.ClientName != "" {
			l.inv.name = msg.r.ClientName
		}
		l.inv.cursor = max(0, min(l.inv.cursor, len(msg.r.Items)-1))
		l.inv.top = scroll(l.inv.cursor, l.inv.top, l.invRows(), len(msg.r.Items))
	case orderMsg:
		return l.onOrder(msg)
	case usersMsg:
		if msg.gen != l.usersGen || msg.err != nil {
			return nil
		}
		l.names = map[string]string{}
		for _, u := range msg.users {
			l.names[u.Name] = u.FullName
		}
	case common.DataChangedMsg:
		switch msg.Kind {
		case "order", "payment", "client", "*":
			cmds := []tea.Cmd{l.requery(false)}
			if msg.Kind == "*" {
				l.usersGen = nextGen()
				cmds = append(cmds, usersCmd(l.env.Store, l.usersGen))
			}
			if l.inv != nil {
				l.inv.gen = nextGen()
				cmds = append(cmds, clientDebtCmd(l.env.Store, l.inv.gen, l.inv.client))
			}
			return tea.Batch(cmds...)
		case "user":
			l.usersGen = nextGen()
			return usersCmd(l.env.Store, l.usersGen)
		}
	}
	return nil
}

func (l *List) onPage(msg listMsg) tea.Cmd {
	if msg.gen != l.gen {
		return nil // an older query: its order or data are gone
	}
	l.cache.Answered(msg.off, msg.want)
	if msg.err != nil {
		l.loadErr = model.T("receivables.list.load_failed", errorSentence(msg.err))
		return status(l.loadErr, true)
	}
	l.loadErr = ""
	l.cache.Fill(msg.off, msg.rows)
	for _, r := range msg.rows {
		l.moneyW = amountWidth(l.moneyW, r.Invoiced, r.Paid, r.Outstanding, r.Overdue)
		l.moneyW = amountWidth(l.moneyW, r.Aging[:]...)
	}
	l.win.SetTotal(msg.total)
	return l.ensureRows()
}

// requery starts a new query generation; fromTop puts the cursor on the
// first row (a new order), otherwise it stays (a refresh).
func (l *List) requery(fromTop bool) tea.Cmd {
	l.cancel()
	l.ctx, l.cancel = context.WithCancel(context.Background())
	l.gen = nextGen()
	l.cache.Restart(&l.win, fromTop)
	if fromTop {
		l.moneyW = minAmount
	}
	return l.fetchAround()
}

func (l *List) fetchAround() tea.Cmd {
	w := l.cache.Ask(l.win, rowsAround)
	return listCmd(l.ctx, l.env.Store, l.gen, Sorts[l.sort], w.Off, w.Limit)
}

// ensureRows asks for more rows when the cursor came near the edge of what
// is in memory, unless such a request is already on its way.
func (l *List) ensureRows() tea.Cmd {
	if !l.cache.Needs(l.win) {
		return nil
	}
	return l.fetchAround()
}

func (l *List) listKey(k tea.KeyPressMsg) tea.Cmd {
	keys := l.keys
	if l.win.Navigate(k, table.Nav{Up: keys.Up, Down: keys.Down, PageUp: keys.PageUp, PageDown: keys.PageDown, Top: keys.Top, Bottom: keys.Bottom}) {
		return l.ensureRows()
	}
	switch {
	case key.Matches(k, keys.Sort):
		l.sort = (l.sort + 1) % len(Sorts)
		return tea.Batch(l.requery(true), status(model.T("receivables.list.sorted", model.T("receivables.sort."+Sorts[l.sort])), false))
	case key.Matches(k, keys.Open):
		r, ok := l.Current()
		if !ok {
			return nil
		}
		return l.OpenClient(r.Client, r.ClientName)
	}
	return nil
}

// OpenClient shows a client's open invoices (name: shown until they load).
func (l *List) OpenClient(client model.ID, name string) tea.Cmd {
	l.inv = &invoices{client: client, name: name, gen: nextGen(), moneyW: minAmount}
	return clientDebtCmd(l.env.Store, l.inv.gen, client)
}

// CurrentInvoice is the highlighted open invoice of the client shown.
func (l *List) CurrentInvoice() (model.Receivable, bool) {
	if l.inv == nil || l.inv.cursor < 0 || l.inv.cursor >= len(l.inv.r.Items) {
		return model.Receivable{}, false
	}
	return l.inv.r.Items[l.inv.cursor], true
}

func (l *List) invoiceKey(k tea.KeyPressMsg) tea.Cmd {
	keys := l.ikeys
	in := l.inv
	n := len(in.r.Items)
	move := func(d int) {
		if n == 0 {
			return
		}
		in.cursor = max(0, min(n-1, in.cursor+d))
		in.top = scroll(in.cursor, in.top, l.invRows(), n)
	}
	switch {
	case key.Matches(k, keys.Back):
		l.inv = nil
		l.payGen = 0
	case key.Matches(k, keys.Up):
		move(-1)
	case key.Matches(k, keys.Down):
		move(1)
	case key.Matches(k, keys.PageUp):
		move(-l.invRows())
	case key.Matches(k, keys.PageDown):
		move(l.invRows())
	case key.Matches(k, keys.Top):
		move(-n)
	case key.Matches(k, keys.Bottom):
		move(n)
	case key.Matches(k, keys.Order):
		if it, ok := l.CurrentInvoice(); ok {
			return msgCmd(common.OpenOrderMsg{Order: it.Order})
		}
	case key.Matches(k, keys.Pay):
		it, ok := l.CurrentInvoice()
		if !ok {
			return nil
		}
		switch {
		case l.env.ReadOnly:
			return status(model.T("receivables.error.read_only"), true)
		case !model.Can(l.env.Me, model.ActPaymentRecord):
			return status(model.T("receivables.invoices.no_payments"), true)
		}
		// The form works on the whole order: what was invoiced and paid as it is now.
		l.payGen = nextGen()
		return orderCmd(l.env.Store, l.payGen, it.Order)
	}
	return nil
}

// onOrder opens the payment form once the invoice's order has loaded.
func (l *List) onOrder(msg orderMsg) tea.Cmd {
	if msg.gen != l.payGen || l.inv == nil {
		return nil
	}
	l.payGen = 0
	if msg.err != nil {
		return status(model.T("receivables.invoices.order_failed", errorSentence(msg.err)), true)
	}
	if !model.CanOnOrder(l.env.Me, model.ActPaymentRecord, &msg.order) {
		return status(model.TSentence("receivables.invoices.not_yours", msg.order.Number), true)
	}
	l.pay = NewPaymentForm(l.env, msg.order)
	l.pay.SetSize(l.width, l.height)
	return l.pay.Init()
}

func (l *List) toPayment(msg tea.Msg) tea.Cmd {
	cmd := l.pay.Update(msg)
	if l.pay.Closed() {
		l.pay = nil
	}
	return cmd
}

var _ common.Pane = (*List)(nil)
