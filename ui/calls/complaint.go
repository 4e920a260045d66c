package calls

import (
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// newComplaint asks the root for the complaint intake with the caller: the
// client, the contact on the phone, by phone.
func (c *callScreen) newComplaint() tea.Cmd {
	msg := common.NewComplaintMsg{Client: c.ctx.Client.ID, Channel: model.ChannelPhone}
	if c.ctx.Contact != nil {
		msg.Contact = c.ctx.Contact.ID
	}
	return func() tea.Msg { return msg }
}

// callComplaintsMsg is the caller's open complaints read again after a
// complaint changed (one registered with K while the caller is on the line).
type callComplaintsMsg struct {
	client model.ID
	lines  []string
	err    error
}

// complaintChanged re-reads the open call's complaints panel.
func (m *Model) complaintChanged() tea.Cmd {
	if m.call == nil {
		return nil
	}
	st, id := m.env.Store, m.call.ctx.Client.ID
	return func() tea.Msg {
		cc, err := st.CallContext(id, 0) // a read: the call's item stays as it is
		return callComplaintsMsg{client: id, lines: cc.OpenComplaints, err: err}
	}
}

// onCallComplaints puts the fresh lines on the call still with that client.
func (m *Model) onCallComplaints(msg callComplaintsMsg) tea.Cmd {
	if msg.err != nil || m.call == nil || m.call.ctx.Client.ID != msg.client {
		return nil // the panel keeps what it had: the call goes on
	}
	m.call.ctx.OpenComplaints = msg.lines
	return nil
}
