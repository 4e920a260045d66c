package common

import "clientbase/model"

// StatusMsg puts a sentence in the status bar's message slot.
type StatusMsg struct {
	Text string
	Err  bool
}

// DataChangedMsg tells every screen that a record changed (after a save,
// archive or restore), so lists and counts refresh.
type DataChangedMsg struct {
	Kind string // "client", "user"
	ID   model.ID
}

// SwitchTabMsg asks the root to show a tab (0 clients, 1 calls, 2 orders, 3 complaints).
type SwitchTabMsg struct{ Tab int }

// TakeCallMsg asks the call schedule to take plan item Item and show the
// call screen (from the week view, the team view or a client's timeline).
type TakeCallMsg struct{ Item model.ID }

// CallClientMsg asks the call schedule to open the call screen for a client
// without a plan item (an off-plan call from the card).
type CallClientMsg struct{ Client model.ID }

// OpenClientMsg asks the root to show a client's card on the Clients tab.
type OpenClientMsg struct{ Client model.ID }

// NewOrderMsg asks the root to open a new order on the Orders tab, for Client
// when known (0: look the client up), e.g. after "order taken" on a call.
type NewOrderMsg struct{ Client model.ID }

// OpenOrderMsg asks the root to show an order on the Orders tab.
type OpenOrderMsg struct{ Order model.ID }

// NewComplaintMsg asks the root to open the complaint intake form on the
// Complaints tab, with what is known (from a card, a call or an order).
type NewComplaintMsg struct {
	Client  model.ID
	Contact model.ID
	Order   model.ID
	Lines   []model.ComplaintLine // preselected order lines
	Channel model.Channel
}

// OpenComplaintMsg asks the root to show a complaint on the Complaints tab.
type OpenComplaintMsg struct{ Complaint model.ID }
