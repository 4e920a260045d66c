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
