package orders

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// complaintKey is K as the help shows it: off in a read-only file.
func (e *Entry) complaintKey() key.Binding {
	k := e.keys.Complaint
	k.SetEnabled(!e.env.ReadOnly && e.order.ID != 0)
	return k
}

// complaintAbout asks the root for the complaint intake about this order:
// its client and contact, by phone, with the line the cursor was moved to
// or else every line, at the quantity shipped (ordered, when nothing left yet).
func (e *Entry) complaintAbout() tea.Cmd {
	switch {
	case e.env.ReadOnly:
		e.setMessage(model.T("orders.error.read_only"), msgErr)
		return nil
	case e.order.ID == 0 || e.loading:
		return nil
	}
	msg := common.NewComplaintMsg{Client: e.order.Client, Contact: e.order.Contact, Order: e.order.ID,
		Channel: model.ChannelPhone}
	for i, l := range e.order.Lines {
		if e.lineChosen && i != e.cursor {
			continue
		}
		q := l.Shipped
		if q <= 0 {
			q = l.Qty
		}
		msg.Lines = append(msg.Lines, model.ComplaintLine{Line: i, SKU: l.SKU, Name: l.Name, Qty: q})
	}
	return func() tea.Msg { return msg }
}
