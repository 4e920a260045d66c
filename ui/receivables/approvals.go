package receivables

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// Approvals lists the orders that wait for the head, oldest first: a
// discount above the taker's limit (approve or reject) or a credit hold
// (override). enter shows an order's lines with the reason; a, r and o open
// a small comment dialog. Who may not decide sees the list read-only.
type Approvals struct {
	env           common.Env
	keys          keymap.Approvals
	width, height int

	gen, usersGen uint64
	loaded        bool
	loadErr       string
	rows          []model.OrderRow
	cursor, top   int
	keepID        model.ID // after a reload, the cursor stays on this order when it is still there
	moneyW        int      // the gross column's width: the widest amount listed

	names map[string]string // login → full name

	detail *approvalDetail
	dialog *commentDialog
}

// approvalDetail is one order opened from the list: its lines, read-only.
type approvalDetail struct {
	row    model.OrderRow
	order  model.Order
	loaded bool
	err    string
	gen    uint64
	top    int // first line row on screen
	moneyW int // the price and gross columns' width
}

// NewApprovals builds the list; Init loads it.
func NewApprovals(env common.Env) *Approvals {
	return &Approvals{env: env, keys: keymap.NewApprovals(), names: map[string]string{}, moneyW: minAmount}
}

// Init loads the orders that wait and the department's names.
func (a *Approvals) Init() tea.Cmd {
	a.usersGen = nextGen()
	return tea.Batch(a.reload(), usersCmd(a.env.Store, a.usersGen))
}

func (a *Approvals) reload() tea.Cmd {
	a.gen = nextGen()
	return approvalsCmd(a.env.Store, a.gen)
}

// SetSize gives the list its room.
func (a *Approvals) SetSize(width, height int) {
	a.width, a.height = width, height
	if a.dialog != nil {
		a.dialog.setSize(width)
	}
	a.top = scroll(a.cursor, a.top, a.bodyHeight(), len(a.rows))
}

// SetStyles takes styles rebuilt for a new background.
func (a *Approvals) SetStyles(s styles.Styles) {
	a.env.Styles = s
	if a.dialog != nil {
		old := a.dialog
		a.dialog = newCommentDialog(a.env, old.what, old.order, old.client)
		a.dialog.form.SetValue(fComment, old.form.Value(fComment))
		a.dialog.banner, a.dialog.saving, a.dialog.wait = old.banner, old.saving, old.wait
		a.dialog.setSize(a.width)
		a.dialog.init()
	}
}

// InputFocused reports that the comment dialog has the keys.
func (a *Approvals) InputFocused() bool { return a.dialog != nil }

// Inside reports that an order or a dialog is open over the list: esc is
// the pane's (back to the list) rather than its holder's.
func (a *Approvals) Inside() bool { return a.detail != nil || a.dialog != nil }

// Rows are the orders listed, oldest first.
func (a *Approvals) Rows() []model.OrderRow { return a.rows }

// Current is the highlighted order.
func (a *Approvals) Current() (model.OrderRow, bool) {
	if a.cursor < 0 || a.cursor >= len(a.rows) {
		return model.OrderRow{}, false
	}
	return a.rows[a.cursor], true
}

// mayDecide reports whether the user may approve or reject discounts and
// whether they may override credit holds.
func (a *Approvals) mayDecide() (approve, override bool) {
	if a.env.ReadOnly {
		return false, false
	}
	return model.Can(a.env.Me, model.ActOrderApprove), model.Can(a.env.Me, model.ActCreditOverride)
}

// helpKeys drops from the help what this user cannot do here.
func (a *Approvals) helpKeys() keymap.Approvals {
	k := a.keys
	approve, override := a.mayDecide()
	k.Approve.SetEnabled(approve)
	k.Reject.SetEnabled(approve)
	k.Override.SetEnabled(override)
	k.Back.SetEnabled(a.detail != nil)
	k.Open.SetEnabled(a.detail == nil)
	return k
}

// ShortHelp is the footer for the list, an order or the dialog.
func (a *Approvals) ShortHelp() []key.Binding {
	if a.dialog != nil {
		return a.dialog.help()
	}
	return a.helpKeys().ShortHelp()
}

// FullHelp is the ? overlay for the list, an order or the dialog.
func (a *Approvals) FullHelp() [][]key.Binding {
	if a.dialog != nil {
		return a.dialog.keys.FullHelp()
	}
	return a.helpKeys().FullHelp()
}

// Update handles keys (only while the pane is shown) and every other message.
func (a *Approvals) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if a.dialog != nil {
			return a.toDialog(msg)
		}
		if a.detail != nil {
			return a.detailKey(msg)
		}
		return a.listKey(msg)
	case tea.PasteMsg:
		if a.dialog != nil {
			return a.toDialog(msg)
		}
	case decidedMsg:
		if a.dialog != nil {
			return a.toDialog(msg)
		}
	case approvalsMsg:
		return a.onRows(msg)
	case orderMsg:
		if a.detail == nil || msg.gen != a.detail.gen {
			return nil
		}
		if msg.err != nil {
			a.detail.err = errorSentence(msg.err)
			return nil
		}
		a.detail.order, a.detail.loaded, a.detail.err = msg.order, true, ""
		a.detail.moneyW = minAmount
		for _, l := range msg.order.Lines {
			a.detail.moneyW = amountWidth(a.detail.moneyW, l.Price, l.Gross)
		}
	case usersMsg:
		if msg.gen != a.usersGen || msg.err != nil {
			return nil // names are a nicety: logins stand in for them
		}
		a.names = map[string]string{}
		for _, u := range msg.users {
			a.names[u.Name] = u.FullName
		}
	case common.DataChangedMsg:
		switch msg.Kind {
		case "order", "client", "payment", "*":
			if r, ok := a.Current(); ok {
				a.keepID = r.Order.ID
			}
			if msg.Kind == "*" {
				a.usersGen = nextGen()
				return tea.Batch(a.reload(), usersCmd(a.env.Store, a.usersGen))
			}
			return a.reload()
		case "user":
			a.usersGen = nextGen()
			return usersCmd(a.env.Store, a.usersGen)
		}
	}
	return nil
}

func (a *Approvals) onRows(msg approvalsMsg) tea.Cmd {
	if msg.gen != a.gen {
		return nil
	}
	if msg.err != nil {
		a.loadErr = model.T("receivables.approvals.load_failed", errorSentence(msg.err))
		return status(a.loadErr, true)
	}
	a.loadErr, a.loaded = "", true
	a.rows = msg.rows
	a.moneyW = minAmount
	for _, r := range a.rows {
		a.moneyW = amountWidth(a.moneyW, r.Order.Totals.Gross)
	}
	if a.keepID != 0 {
		for i, r := range a.rows {
			if r.Order.ID == a.keepID {
				a.cursor = i
			}
		}
		a.keepID = 0
	}
	a.cursor = max(0, min(a.cursor, len(a.rows)-1))
	a.top = scroll(a.cursor, a.top, a.bodyHeight(), len(a.rows))
	if a.detail != nil && a.dialog == nil {
		// The order opened may have been decided elsewhere: it stays open, and
		// its answer says whether it still waits.
		for _, r := range a.rows {
			if r.Order.ID == a.detail.row.Order.ID {
				a.detail.row = r
			}
		}
	}
	return nil
}

func (a *Approvals) move(delta int) {
	if len(a.rows) == 0 {
		return
	}
	a.cursor = max(0, min(len(a.rows)-1, a.cursor+delta))
	a.top = scroll(a.cursor, a.top, a.bodyHeight(), len(a.rows))
}

func (a *Approvals) listKey(k tea.KeyPressMsg) tea.Cmd {
	keys := a.keys
	switch {
	case key.Matches(k, keys.Up):
		a.move(-1)
	case key.Matches(k, keys.Down):
		a.move(1)
	case key.Matches(k, keys.PageUp):
		a.move(-a.bodyHeight())
	case key.Matches(k, keys.PageDown):
		a.move(a.bodyHeight())
	case key.Matches(k, keys.Top):
		a.move(-len(a.rows))
	case key.Matches(k, keys.Bottom):
		a.move(len(a.rows))
	case key.Matches(k, keys.Open):
		r, ok := a.Current()
		if !ok {
			return nil
		}
		a.detail = &approvalDetail{row: r, gen: nextGen()}
		return orderCmd(a.env.Store, a.detail.gen, r.Order.ID)
	case key.Matches(k, keys.Approve):
		return a.decide(decideApprove)
	case key.Matches(k, keys.Reject):
		return a.decide(decideReject)
	case key.Matches(k, keys.Override):
		return a.decide(decideOverride)
	}
	return nil
}

func (a *Approvals) detailKey(k tea.KeyPressMsg) tea.Cmd {
	keys := a.keys
	d := a.detail
	n := len(d.order.Lines)
	h := a.detailRows()
	switch {
	case key.Matches(k, keys.Back):
		a.detail = nil
	case key.Matches(k, keys.Up):
		d.top = max(0, d.top-1)
	case key.Matches(k, keys.Down):
		d.top = max(0, min(d.top+1, n-h))
	case key.Matches(k, keys.PageUp):
		d.top = max(0, d.top-h)
	case key.Matches(k, keys.PageDown):
		d.top = max(0, min(d.top+h, n-h))
	case key.Matches(k, keys.Top):
		d.top = 0
	case key.Matches(k, keys.Bottom):
		d.top = max(0, n-h)
	case key.Matches(k, keys.Approve):
		return a.decide(decideApprove)
	case key.Matches(k, keys.Reject):
		return a.decide(decideReject)
	case key.Matches(k, keys.Override):
		return a.decide(decideOverride)
	}
	return nil
}

// decide opens the comment dialog on the highlighted (or opened) order,
// when the user may and the order waits for that decision.
func (a *Approvals) decide(what decision) tea.Cmd {
	row, ok := a.Current()
	o := row.Order
	if a.detail != nil {
		row = a.detail.row
		o = row.Order
		if a.detail.loaded {
			o = a.detail.order
		}
	} else if !ok {
		return nil
	}
	approve, override := a.mayDecide()
	switch {
	case a.env.ReadOnly:
		return status(model.T("receivables.error.read_only"), true)
	case what == decideOverride && !override:
		return status(model.T("receivables.approvals.no_override"), true)
	case what != decideOverride && !approve:
		return status(model.T("receivables.approvals.no_approve"), true)
	case what == decideOverride && o.Status != model.OrderCreditHold:
		return status(model.TSentence("receivables.approvals.not_on_hold", o.Number), true)
	case what != decideOverride && o.Status != model.OrderAwaitingApproval:
		return status(model.TSentence("receivables.approvals.not_awaiting."+what.name(), o.Number), true)
	}
	a.dialog = newCommentDialog(a.env, what, o, row.ClientName)
	a.dialog.setSize(a.width)
	return a.dialog.init()
}

// toDialog hands a message to the open dialog; after a decision the order
// has left the list (or changed), so the list is asked again.
func (a *Approvals) toDialog(msg tea.Msg) tea.Cmd {
	cmd, closed := a.dialog.update(msg)
	if !closed {
		return cmd
	}
	done := a.dialog.done
	a.dialog = nil
	if done {
		a.detail = nil
		return tea.Batch(cmd, a.reload())
	}
	return cmd
}

var _ common.Pane = (*Approvals)(nil)
