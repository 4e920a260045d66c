package orders

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/receivables"
)

// action is one lifecycle step offered on a stored order.
type action struct {
	name    string
	binding key.Binding
	to      model.OrderStatus // "" when no single status names it (a payment)
	right   model.Action
}

// actions are the lifecycle steps; cancel stays fifth (ctrl+x while editing takes it by index).
func (e *Entry) actions() []action {
	k := e.keys
	return []action{
		{"ship", k.Ship, model.OrderShipped, model.ActOrderFulfil},
		{"invoice", k.Invoice, model.OrderInvoiced, model.ActOrderFulfil},
		{"payment", k.Payment, "", model.ActPaymentRecord},
		{"close", k.Close, model.OrderClosed, model.ActOrderFulfil},
		{"cancel", k.Cancel, model.OrderCancelled, model.ActOrderEdit},
		{"return", k.Return, model.OrderReturned, model.ActOrderApprove},
	}
}

// offered reports whether the order's status allows a.
func (e *Entry) offered(a action) bool {
	s := e.order.Status
	switch a.name {
	case "payment":
		return s == model.OrderInvoiced || s == model.OrderPaidPartly
	case "ship":
		return model.CanTransition(s, model.OrderShipped) || model.CanTransition(s, model.OrderShippedPartly)
	}
	return model.CanTransition(s, a.to)
}

// offeredActions are the actions shown for the order now.
func (e *Entry) offeredActions() []action {
	var out []action
	if e.order.ID == 0 {
		return nil
	}
	for _, a := range e.actions() {
		if e.offered(a) {
			out = append(out, a)
		}
	}
	return out
}

// refusal says why the user may not do a on this order ("" when they may).
func (e *Entry) refusal(a action) string {
	switch {
	case e.env.ReadOnly:
		return model.T("orders.error.read_only")
	case !e.offered(a):
		return model.T("orders.error.not_now", model.T("orders.action."+a.name), statusText(e.order.Status))
	case !model.CanOnOrder(e.env.Me, a.right, &e.order):
		if model.Can(e.env.Me, a.right) {
			return model.T("orders.error.not_yours", e.order.TakenBy)
		}
		return model.T("orders.error.no_right", model.T("orders.action."+a.name))
	}
	return ""
}

func (e *Entry) viewKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, e.keys.Back):
		e.closed = true
		return nil
	case key.Matches(k, e.keys.Up), k.String() == "k":
		e.cursor = max(0, e.cursor-1)
		e.keepCursorVisible()
		e.lineChosen = true
		return nil
	case key.Matches(k, e.keys.Down), k.String() == "j":
		e.cursor = min(max(0, len(e.lines)-1), e.cursor+1)
		e.keepCursorVisible()
		e.lineChosen = true
		return nil
	case key.Matches(k, e.keys.Complaint):
		return e.complaintAbout()
	case key.Matches(k, e.keys.Save), key.Matches(k, e.keys.Submit), key.Matches(k, e.keys.Header):
		if why := e.editRefusal(); why != "" {
			e.setMessage(why, msgErr)
		} else {
			e.setMessage(model.T("orders.error.lines_locked", statusText(e.order.Status)), msgErr)
		}
		return nil
	}
	for _, a := range e.actions() {
		if key.Matches(k, a.binding) {
			return e.start(a)
		}
	}
	return nil
}

// start runs an action or asks what it needs first (a reason).
func (e *Entry) start(a action) tea.Cmd {
	if why := e.refusal(a); why != "" {
		e.setMessage(why, msgErr)
		return nil
	}
	if e.busy {
		return nil
	}
	o, st := e.order, e.env.Store
	switch a.name {
	case "cancel":
		e.promptAct = a.name
		e.prompt.SetValue("")
		e.focus = focusPrompt
		return e.prompt.Focus()
	case "payment":
		p := receivables.NewPaymentForm(e.env, o)
		p.SetSize(e.width, e.height)
		e.pay = p
		return p.Init()
	case "ship", "return":
		// How much of each line moves now is asked line by line (qtydialog.go).
		q := newQtyDialog(e.env, e.id, a.name, o)
		q.SetSize(e.width, e.height)
		e.pay = q
		return q.Init()
	case "invoice":
		e.busy = true
		day := e.env.Now()
		return act(e.id, a.name, func() (model.Order, error) { return st.Invoice(o.ID, o.Version, day) })
	case "close":
		e.busy = true
		return act(e.id, a.name, func() (model.Order, error) { return st.CloseOrder(o.ID, o.Version) })
	}
	return nil
}

func (e *Entry) promptKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, e.pkeys.Back):
		e.prompt.Blur()
		e.focus = focusView
		e.settleFocus()
		return nil
	case key.Matches(k, e.pkeys.Confirm):
		reason := strings.TrimSpace(e.prompt.Value())
		if reason == "" {
			e.setMessage(model.T("orders.error.reason"), msgErr)
			return nil
		}
		o, st := e.order, e.env.Store
		e.prompt.Blur()
		e.focus = focusView
		e.busy = true
		return act(e.id, "cancel", func() (model.Order, error) { return st.CancelOrder(o.ID, o.Version, reason) })
	}
	var cmd tea.Cmd
	e.prompt, cmd = e.prompt.Update(k)
	return cmd
}

func (e *Entry) onActed(m actedMsg) tea.Cmd {
	e.busy = false
	if m.err != nil {
		e.setMessage(errText(m.err), msgErr)
		e.settleFocus()
		return nil
	}
	e.order = m.order
	e.setLines(m.order.Lines)
	e.settleFocus()
	e.setMessage(model.T("orders.done."+m.act, m.order.Number, statusText(m.order.Status)), msgOK)
	return msgCmd(changedOrder(m.order.ID))
}
