package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// Exchange are the keys of the data in/out pane (import and export of
// files), opened with X from any screen outside text fields by those with
// the data rights (head, director).
type Exchange struct {
	Open     key.Binding // the root's: opens the pane
	Mode     key.Binding // ctrl+t: import ↔ export
	Field    key.Binding // help-only: ↑/↓ between fields
	Prev     key.Binding // up / shift+tab: the field above
	Next     key.Binding // down: the field below
	Choose   key.Binding // ←/→ on a choice: the previous / next value
	Left     key.Binding
	Right    key.Binding
	Complete key.Binding // tab in the file field: complete the path
	Preview  key.Binding // enter on the import form: a dry run
	Write    key.Binding // enter on the export form: write the file
	Import   key.Binding // ctrl+s or i on the preview: import for real
	Cancel   key.Binding // esc while importing: stop between batches
	Back     key.Binding // esc: preview → form, form → close
	Nav
}

// NewExchange builds the data in/out pane's keys.
func NewExchange() Exchange {
	return Exchange{
		Open:     key.NewBinding(key.WithKeys("X"), key.WithHelp("X", model.T("exch.ui.key.open"))),
		Mode:     key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", model.T("exch.ui.key.mode"))),
		Field:    key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", model.T("exch.ui.key.field"))),
		Prev:     key.NewBinding(key.WithKeys("up", "shift+tab"), key.WithHelp("↑", model.T("exch.ui.key.prev"))),
		Next:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", model.T("exch.ui.key.next"))),
		Choose:   key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", model.T("exch.ui.key.choose"))),
		Left:     key.NewBinding(key.WithKeys("left", "h")),
		Right:    key.NewBinding(key.WithKeys("right", "l", "space")),
		Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", model.T("exch.ui.key.complete"))),
		Preview:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("exch.ui.key.preview"))),
		Write:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("exch.ui.key.write"))),
		Import:   key.NewBinding(key.WithKeys("ctrl+s", "i"), key.WithHelp("ctrl+s/i", model.T("exch.ui.key.import"))),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("exch.ui.key.cancel"))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("exch.ui.key.back"))),
		Nav:      NewNav(),
	}
}
