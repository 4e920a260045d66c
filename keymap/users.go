package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// Users are the keys of the users pane (the director's list of users and
// their SSH keys), opened with U from any screen outside text fields.
type Users struct {
	Open   key.Binding // the root's: opens the pane
	Keys   key.Binding // enter: the highlighted user's keys
	Add    key.Binding // a: paste an authorized_keys line
	Remove key.Binding // x: remove the highlighted key (asks first)
	Save   key.Binding // enter in the key input
	Cancel key.Binding // esc in the key input
	Back   key.Binding // esc: keys → users, users → close
	Nav
}

// NewUsers builds the users pane's keys.
func NewUsers() Users {
	return Users{
		Open:   key.NewBinding(key.WithKeys("U"), key.WithHelp("U", model.T("key.users.open"))),
		Keys:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("key.users.keys"))),
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", model.T("key.users.add"))),
		Remove: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", model.T("key.users.remove"))),
		Save:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("key.users.save"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.users.cancel"))),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.users.back"))),
		Nav:    NewNav(),
	}
}
