package orders

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Another session's change of the open order (the team server's change
// feed): an order without edits on screen follows the stored one; with
// edits (lines, header, a cell or a reason being typed) they stay and a
// sentence says so (ctrl+r reloads, a save meets the store's conflict).

var liveReloadKey = key.NewBinding(key.WithKeys("ctrl+r"))

// liveOrderMsg is the order read after a change was announced.
type liveOrderMsg struct {
	entry  uint64
	order  model.Order
	client model.Client
	err    error
}

// onChanged answers a DataChangedMsg about this order (or "*").
func (e *Entry) onChanged(msg common.DataChangedMsg) tea.Cmd {
	if e.order.ID == 0 || e.busy || e.loading || e.pay != nil || !(msg.Kind == "*" || (msg.Kind == "order" && msg.ID == e.order.ID)) {
		return nil
	}
	st, entry, id := e.env.Store, e.id, e.order.ID
	return func() tea.Msg {
		m := loadOrder(st, entry, id)().(orderLoadedMsg)
		return liveOrderMsg{entry: m.entry, order: m.order, client: m.client, err: m.err}
	}
}

// editing reports whether something typed on screen would be lost by a reload.
func (e *Entry) editing() bool {
	return e.dirty || e.header != nil || e.focus == focusCell || e.focus == focusPrompt || e.product.Value() != ""
}

func (e *Entry) onLive(m liveOrderMsg) {
	if m.err != nil || e.busy || e.pay != nil || m.order.Version == e.order.Version {
		return // nothing new (our own change), or a reload would hide a pane
	}
	if e.editing() {
		e.stale = true
		e.setMessage(model.T("live.changed_elsewhere"), msgWarn)
		return
	}
	e.message = ""
	e.onOrder(orderLoadedMsg{entry: m.entry, order: m.order, client: m.client})
}

// Stale reports whether the order changed elsewhere under the edits.
func (e *Entry) Stale() bool { return e.stale }

// liveKey is ctrl+r on a stale order: the stored order replaces the edits.
func (e *Entry) liveKey(k tea.KeyPressMsg) tea.Cmd {
	if !e.stale || !key.Matches(k, liveReloadKey) {
		return nil
	}
	e.stale, e.dirty, e.header, e.leaving = false, false, nil, false
	e.product.SetValue("")
	e.cellIn.Blur()
	if e.focus == focusCell || e.focus == focusHeader || e.focus == focusPrompt {
		e.focus = focusProduct
	}
	e.setMessage("", msgInfo)
	e.loading = true
	return loadOrder(e.env.Store, e.id, e.order.ID)
}
