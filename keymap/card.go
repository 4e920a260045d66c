package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// Card is the key group of an open client card (and its history view, which
// scrolls with the same keys).
type Card struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Edit, Contacts, History, Archive        key.Binding
	Plan, CallNow, Timeline                 key.Binding // the call schedule on the card
	NewOrder                                key.Binding // an order for this client
	// The complaints section: register one for this client, open the
	// marked one, move the mark ([ ]).
	NewComplaint, OpenComplaint, PickComplaint key.Binding
	Back                                       key.Binding
}

// NewCard builds the card keys; the card disables what the role may not do.
func NewCard() Card {
	return Card{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", model.T("key.up"))),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", model.T("key.down"))),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", model.T("key.page_up"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", model.T("key.page_down"))),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", model.T("key.top"))),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", model.T("key.bottom"))),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", model.T("key.edit"))),
		Contacts: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", model.T("key.contacts"))),
		History:  key.NewBinding(key.WithKeys("h"), key.WithHelp("h", model.T("key.history"))),
		Archive:  key.NewBinding(key.WithKeys("A"), key.WithHelp("A", model.T("key.archive"))),
		Plan:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", model.T("plan.key.plan"))),
		// c is the contact persons' since issue 2; calling is the capital.
		CallNow:  key.NewBinding(key.WithKeys("C"), key.WithHelp("C", model.T("plan.key.call_now"))),
		Timeline: key.NewBinding(key.WithKeys("T"), key.WithHelp("T", model.T("plan.key.timeline"))),
		NewOrder: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", model.T("card.key.new_order"))),
		// c and C are taken (contacts, call now): K for a complaint
		NewComplaint:  key.NewBinding(key.WithKeys("K"), key.WithHelp("K", model.T("complaintlinks.key.new_complaint"))),
		OpenComplaint: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("complaintlinks.key.open_complaint"))),
		PickComplaint: key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[/]", model.T("complaintlinks.key.pick_complaint"))),
		Back:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is the footer line of the card.
func (k Card) ShortHelp() []key.Binding {
	// Archive is in the ? help: the footer keeps esc in sight at 80 columns.
	return []key.Binding{k.Edit, k.Contacts, k.Plan, k.CallNow, k.Timeline, k.History, k.Back}
}

// FullHelp is the ? overlay of the card.
func (k Card) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Edit, k.Contacts, k.History, k.Archive, k.Back},
		{k.Plan, k.CallNow, k.Timeline, k.NewOrder},
		{k.NewComplaint, k.OpenComplaint, k.PickComplaint},
	}
}

// CardContacts is the key group of a client's contact persons list.
type CardContacts struct {
	Up, Down, Add, Edit, MarkLeft, Back key.Binding
}

// NewCardContacts builds the contact list keys.
func NewCardContacts() CardContacts {
	return CardContacts{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", model.T("key.up"))),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", model.T("key.down"))),
		Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", model.T("key.add_contact"))),
		Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e/enter", model.T("key.edit_contact"))),
		MarkLeft: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T("key.left_back"))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.to_the_card"))),
	}
}

// ShortHelp is the footer line of the contact list.
func (k CardContacts) ShortHelp() []key.Binding {
	return []key.Binding{k.Add, k.Edit, k.MarkLeft, k.Back}
}

// FullHelp is the ? overlay of the contact list.
func (k CardContacts) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Add, k.Edit, k.MarkLeft, k.Back}}
}

// CardDialog is the key group of the card's dialogs: confirm (y/n), the
// duplicate warning (open the existing client / save anyway) and the
// conflict dialog (reload).
type CardDialog struct {
	Yes, No, Up, Down, OpenExisting, SaveAnyway, Reload, Back key.Binding
}

// NewCardDialog builds the dialog keys.
func NewCardDialog() CardDialog {
	return CardDialog{
		Yes:          key.NewBinding(key.WithKeys("y"), key.WithHelp("y", model.T("key.yes"))),
		No:           key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", model.T("key.no"))),
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", model.T("key.up"))),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", model.T("key.down"))),
		OpenExisting: key.NewBinding(key.WithKeys("enter", "o"), key.WithHelp("enter/o", model.T("key.open_the_existing_client"))),
		SaveAnyway:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T("key.save_anyway"))),
		Reload:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", model.T("key.reload_the_fresh_record"))),
		Back:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back_to_the_form"))),
	}
}

// ShortHelp lists every dialog key; the card picks the ones its dialog uses.
func (k CardDialog) ShortHelp() []key.Binding {
	return []key.Binding{k.Yes, k.No, k.OpenExisting, k.SaveAnyway, k.Reload, k.Back}
}

// FullHelp lists every dialog key.
func (k CardDialog) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
