package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// CallViews switch the Calls tab between its views. Uppercase letters: the
// lowercase ones are actions inside the views.
type CallViews struct {
	Queue, Week, Team, Rules key.Binding
}

// NewCallViews builds the view keys of the Calls tab.
func NewCallViews() CallViews {
	return CallViews{
		Queue: key.NewBinding(key.WithKeys("Q"), key.WithHelp("Q", model.T("calls.key.queue"))),
		Week:  key.NewBinding(key.WithKeys("W"), key.WithHelp("W", model.T("calls.key.week"))),
		Team:  key.NewBinding(key.WithKeys("T"), key.WithHelp("T", model.T("calls.key.team"))),
		Rules: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", model.T("calls.key.rules"))),
	}
}

// FullHelp is the views' column of the ? overlay.
func (k CallViews) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Queue, k.Week, k.Team, k.Rules}}
}

// CallQueue are the keys of the operator's queue.
type CallQueue struct {
	Nav
	TakeNext key.Binding
	Take     key.Binding
	Incoming key.Binding
}

// NewCallQueue builds the queue keys.
func NewCallQueue() CallQueue {
	return CallQueue{
		Nav:      NewNav(),
		TakeNext: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", model.T("calls.key.take_next"))),
		Take:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("calls.key.take"))),
		Incoming: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", model.T("calls.key.incoming"))),
	}
}

// ShortHelp is the queue's footer.
func (k CallQueue) ShortHelp() []key.Binding {
	return []key.Binding{k.TakeNext, k.Take, k.Incoming, k.Down, k.Up}
}

// FullHelp is the queue's columns of the ? overlay.
func (k CallQueue) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.TakeNext, k.Take, k.Incoming},
	}
}

// CallScreen are the keys of the open call: the outcome keys 1–9 and what
// else can be done while on the phone.
type CallScreen struct {
	Outcomes [9]key.Binding // 1–9 in model.Outcomes order
	Outcome  key.Binding    // help-only: "1-9"
	Notes    key.Binding
	LetGo    key.Binding
	Card     key.Binding
	Plan     key.Binding
	// Complaint registers a complaint from the caller (the intake form on the Complaints tab).
	Complaint key.Binding
	Back      key.Binding
}

// NewCallScreen builds the call screen's keys.
func NewCallScreen() CallScreen {
	k := CallScreen{
		Outcome: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", model.T("calls.key.outcome"))),
		Notes:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("calls.key.notes"))),
		LetGo:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T("calls.key.let_go"))),
		Card:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", model.T("calls.key.card"))),
		Plan:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", model.T("calls.key.plan"))),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
		// K as on the card and an order (c is the contacts there)
		Complaint: key.NewBinding(key.WithKeys("K"), key.WithHelp("K", model.T("complaintlinks.key.complaint"))),
	}
	for i := range k.Outcomes {
		d := string(rune('1' + i))
		k.Outcomes[i] = key.NewBinding(key.WithKeys(d), key.WithHelp(d, model.T("calls.outcome."+string(model.Outcomes[i]))))
	}
	return k
}

// ShortHelp is the call screen's footer (the outcomes are listed on the screen itself).
func (k CallScreen) ShortHelp() []key.Binding {
	return []key.Binding{k.Outcome, k.Notes, k.LetGo, k.Plan, k.Complaint, k.Card, k.Back}
}

// FullHelp is the call screen's columns of the ? overlay.
func (k CallScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Outcomes[:], {k.Notes, k.Plan, k.Complaint, k.Card, k.LetGo, k.Back}}
}

// CallInput are the keys while a field of the call screen has the focus:
// the notes line, or the small form an outcome asks for (call back at…,
// refused, promised to pay).
type CallInput struct {
	Log    key.Binding // the outcome form: log it
	Done   key.Binding // the notes line: keep the text, back to the keys
	Next   key.Binding
	Cancel key.Binding
}

// NewCallInput builds the keys of the call screen's fields.
func NewCallInput() CallInput {
	return CallInput{
		Log:    key.NewBinding(key.WithKeys("enter", "ctrl+s"), key.WithHelp("enter", model.T("calls.key.log"))),
		Done:   key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", model.T("calls.key.notes_done"))),
		Next:   key.NewBinding(key.WithKeys("tab", "shift+tab", "down", "up"), key.WithHelp("tab", model.T("key.next_field"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("calls.key.cancel"))),
	}
}

// FormHelp is the footer of an outcome form.
func (k CallInput) FormHelp() []key.Binding { return []key.Binding{k.Log, k.Next, k.Cancel} }

// NotesHelp is the footer while the notes line has the focus.
func (k CallInput) NotesHelp() []key.Binding { return []key.Binding{k.Done} }

// CallLookup are the keys of the incoming-call lookup.
type CallLookup struct {
	Pick, New, Up, Down, Back key.Binding
}

// NewCallLookup builds the lookup keys.
func NewCallLookup() CallLookup {
	return CallLookup{
		Pick: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("calls.key.pick"))),
		New:  key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", model.T("calls.key.new_prospect"))),
		Up:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", model.T("key.up"))),
		Down: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", model.T("key.down"))),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is the lookup's footer.
func (k CallLookup) ShortHelp() []key.Binding {
	return []key.Binding{k.Pick, k.New, k.Down, k.Up, k.Back}
}

// FullHelp is the lookup's column of the ? overlay.
func (k CallLookup) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
