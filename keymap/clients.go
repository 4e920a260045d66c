package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// ClientList are the keys of the client list.
type ClientList struct {
	Nav
	Filter   key.Binding
	Open     key.Binding
	New      key.Binding
	Edit     key.Binding
	Category key.Binding
	Status   key.Binding
	Manager  key.Binding
	Mine     key.Binding
	Archived key.Binding
	Clear    key.Binding
	Quick    key.Binding // help-only: the quick filters in one footer item
}

// NewClientList builds the client list's keys.
func NewClientList() ClientList {
	return ClientList{
		Nav:      NewNav(),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", model.T("key.filter"))),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("key.open"))),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("key.new"))),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", model.T("key.edit"))),
		Category: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", model.T("key.category"))),
		Status:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T("key.status"))),
		Manager:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", model.T("key.manager"))),
		Mine:     key.NewBinding(key.WithKeys("M"), key.WithHelp("M", model.T("key.mine"))),
		Archived: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", model.T("key.archived"))),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.clear_filters"))),
		Quick:    key.NewBinding(key.WithKeys("c", "s", "m", "M", "a"), key.WithHelp("c/s/m/M/a", model.T("key.filters"))),
	}
}

// ShortHelp is the list's footer: the keys a user needs first, the quick
// filters as one item so the line fits 80 columns.
func (k ClientList) ShortHelp() []key.Binding {
	return []key.Binding{k.Filter, k.Open, k.New, k.Edit, k.Quick}
}

// FullHelp is the list's columns of the ? overlay.
func (k ClientList) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.New, k.Edit, k.Filter, k.Clear},
		{k.Category, k.Status, k.Manager, k.Mine, k.Archived},
	}
}

// FilterInput are the keys while the live filter line has the focus.
type FilterInput struct {
	Accept key.Binding
	Cancel key.Binding
	Up     key.Binding
	Down   key.Binding
}

// NewFilterInput builds the filter line's keys.
func NewFilterInput() FilterInput {
	return FilterInput{
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("key.keep_filter"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.clear_filter"))),
		Up:     key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", model.T("key.up"))),
		Down:   key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", model.T("key.down"))),
	}
}

// ShortHelp is the filter line's footer.
func (k FilterInput) ShortHelp() []key.Binding {
	return []key.Binding{k.Accept, k.Cancel, k.Up, k.Down}
}

// FullHelp is the filter line's column of the ? overlay.
func (k FilterInput) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Accept, k.Cancel, k.Up, k.Down}}
}
