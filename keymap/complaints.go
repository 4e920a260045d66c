package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// ComplaintViews switch the Complaints tab between its views: capitals, the
// lowercase letters are the views' own actions.
type ComplaintViews struct {
	Queue, Report, Settings key.Binding
}

// NewComplaintViews builds the view keys of the Complaints tab.
func NewComplaintViews() ComplaintViews {
	return ComplaintViews{
		Queue:    key.NewBinding(key.WithKeys("Q"), key.WithHelp("Q", model.T("complaints.key.queue"))),
		Report:   key.NewBinding(key.WithKeys("R"), key.WithHelp("R", model.T("complaints.key.report"))),
		Settings: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", model.T("complaints.key.settings"))),
	}
}

// FullHelp is the views' column of the ? overlay.
func (k ComplaintViews) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Queue, k.Report, k.Settings}}
}

// ComplaintQueue are the keys of the complaint queue. The filter letters
// follow the order list where the meaning is the same (m mine, s status,
// / find a client, c this client, x clear); / is filter, as in k9s and gh-dash.
type ComplaintQueue struct {
	Nav
	Next, Open, New, Refresh                         key.Binding
	Mine, Unassigned, Status, Type, Direction, Owner key.Binding
	Overdue, Client, ThisClient, Clear               key.Binding
}

// NewComplaintQueue builds the queue keys.
func NewComplaintQueue() ComplaintQueue {
	return ComplaintQueue{
		Nav:        NewNav(),
		Next:       key.NewBinding(key.WithKeys("space"), key.WithHelp("space", model.T("complaints.key.next"))),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("complaints.key.open"))),
		New:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("complaints.key.new"))),
		Refresh:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", model.T("complaints.key.refresh"))),
		Mine:       key.NewBinding(key.WithKeys("m"), key.WithHelp("m", model.T("complaints.key.mine"))),
		Unassigned: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", model.T("complaints.key.unassigned"))),
		Status:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T("complaints.key.status"))),
		Type:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", model.T("complaints.key.type"))),
		Direction:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", model.T("complaints.key.direction"))),
		Owner:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", model.T("complaints.key.owner"))),
		Overdue:    key.NewBinding(key.WithKeys("l"), key.WithHelp("l", model.T("complaints.key.overdue"))),
		Client:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", model.T("complaints.key.client_filter"))),
		ThisClient: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", model.T("complaints.key.this_client"))),
		Clear:      key.NewBinding(key.WithKeys("x", "esc"), key.WithHelp("x/esc", model.T("complaints.key.clear"))),
	}
}

// ShortHelp is the queue's footer.
func (k ComplaintQueue) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Open, k.New, k.Client, k.Mine, k.Status, k.Overdue, k.Clear}
}

// FullHelp is the queue's columns of the ? overlay.
func (k ComplaintQueue) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Next, k.Open, k.New, k.Refresh},
		{k.Mine, k.Unassigned, k.Status, k.Type, k.Direction, k.Owner, k.Overdue, k.Client, k.ThisClient, k.Clear},
	}
}

// Complaint are the keys of a complaint's screen. Reopen is O and the
// escalation's reply is y: R and S switch views, r is not used for a move.
type Complaint struct {
	Up, Down, Top, Bottom                                   key.Binding
	Assign, Investigate, Wait, Answer, RemedyDone, Feedback key.Binding
	Close, Escalate, Reply, Forward, Reopen, Justified      key.Binding
	Edit, Client, Order, Back                               key.Binding
}

// NewComplaint builds the complaint screen's keys.
func NewComplaint() Complaint {
	return Complaint{
		Up:          key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", model.T("complaints.key.scroll_up"))),
		Down:        key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", model.T("complaints.key.scroll_down"))),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", model.T("key.first"))),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", model.T("key.last"))),
		Assign:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", model.T("complaints.key.assign"))),
		Investigate: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", model.T("complaints.key.investigate"))),
		Wait:        key.NewBinding(key.WithKeys("w"), key.WithHelp("w", model.T("complaints.key.wait"))),
		Answer:      key.NewBinding(key.WithKeys("A"), key.WithHelp("A", model.T("complaints.key.answer"))),
		RemedyDone:  key.NewBinding(key.WithKeys("d"), key.WithHelp("d", model.T("complaints.key.remedy_done"))),
		Feedback:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", model.T("complaints.key.feedback"))),
		Close:       key.NewBinding(key.WithKeys("C"), key.WithHelp("C", model.T("complaints.key.close"))),
		Escalate:    key.NewBinding(key.WithKeys("E"), key.WithHelp("E", model.T("complaints.key.escalate"))),
		Reply:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", model.T("complaints.key.reply"))),
		Forward:     key.NewBinding(key.WithKeys("F"), key.WithHelp("F", model.T("complaints.key.forward"))),
		Reopen:      key.NewBinding(key.WithKeys("O"), key.WithHelp("O", model.T("complaints.key.reopen"))),
		Justified:   key.NewBinding(key.WithKeys("J"), key.WithHelp("J", model.T("complaints.key.justified"))),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", model.T("complaints.key.edit"))),
		Client:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", model.T("complaints.key.client"))),
		Order:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", model.T("complaints.key.order"))),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// Actions are the move keys in the order the footer offers them.
func (k Complaint) Actions() []key.Binding {
	return []key.Binding{k.Assign, k.Investigate, k.Wait, k.Answer, k.RemedyDone, k.Feedback, k.Close,
		k.Escalate, k.Reply, k.Forward, k.Reopen, k.Justified, k.Edit}
}

// ShortHelp is the complaint screen's footer: the enabled moves first.
func (k Complaint) ShortHelp() []key.Binding {
	return append(k.Actions(), k.Client, k.Order, k.Back)
}

// FullHelp is the complaint screen's ? overlay.
func (k Complaint) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.Client, k.Order, k.Back}, k.Actions()}
}

// Ask are the keys of a small question on the complaint screen: a choice
// from a list (↑/↓) and a line of text.
type Ask struct {
	Up, Down, Confirm, Back key.Binding
}

// NewAsk builds the question keys.
func NewAsk() Ask {
	return Ask{
		Up:      key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", model.T("key.up"))),
		Down:    key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", model.T("key.down"))),
		Confirm: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("complaints.key.confirm"))),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is a question's footer.
func (k Ask) ShortHelp() []key.Binding { return []key.Binding{k.Confirm, k.Up, k.Down, k.Back} }

// FullHelp is a question's ? overlay.
func (k Ask) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
