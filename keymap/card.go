package keymap

import "charm.land/bubbles/v2/key"

// Card is the key group of an open client card (and its history view, which
// scrolls with the same keys).
type Card struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Edit, Contacts, History, Archive        key.Binding
	Back                                    key.Binding
}

// NewCard builds the card keys; the card disables what the role may not do.
func NewCard() Card {
	return Card{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Contacts: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "contacts")),
		History:  key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
		Archive:  key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "archive")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp is the footer line of the card.
func (k Card) ShortHelp() []key.Binding {
	return []key.Binding{k.Edit, k.Contacts, k.History, k.Archive, k.Down, k.Back}
}

// FullHelp is the ? overlay of the card.
func (k Card) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Edit, k.Contacts, k.History, k.Archive, k.Back},
	}
}

// CardContacts is the key group of a client's contact persons list.
type CardContacts struct {
	Up, Down, Add, Edit, MarkLeft, Back key.Binding
}

// NewCardContacts builds the contact list keys.
func NewCardContacts() CardContacts {
	return CardContacts{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add contact")),
		Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e/enter", "edit contact")),
		MarkLeft: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "left / back")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "to the card")),
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
		Yes:          key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:           key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "no")),
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		OpenExisting: key.NewBinding(key.WithKeys("enter", "o"), key.WithHelp("enter/o", "open the existing client")),
		SaveAnyway:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "save anyway")),
		Reload:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload the fresh record")),
		Back:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the form")),
	}
}

// ShortHelp lists every dialog key; the card picks the ones its dialog uses.
func (k CardDialog) ShortHelp() []key.Binding {
	return []key.Binding{k.Yes, k.No, k.OpenExisting, k.SaveAnyway, k.Reload, k.Back}
}

// FullHelp lists every dialog key.
func (k CardDialog) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
