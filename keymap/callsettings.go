package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// CallSettings is the key group of the head's call-rules editor. The row
// editor is a form and uses Form's keys (ctrl+s applies the row, esc drops it).
type CallSettings struct {
	Up, Down    key.Binding
	Top, Bottom key.Binding
	Edit        key.Binding
	Save        key.Binding
	Back        key.Binding
}

// NewCallSettings builds the call-rules editor keys.
func NewCallSettings() CallSettings {
	return CallSettings{
		Up:     key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", model.T("key.up"))),
		Down:   key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", model.T("key.down"))),
		Top:    key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", model.T("key.top"))),
		Bottom: key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", model.T("key.bottom"))),
		Edit:   key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter/e", model.T("key.edit"))),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T("key.save"))),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is the footer of the rules list.
func (k CallSettings) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Edit, k.Save, k.Back}
}

// FullHelp is the ? overlay of the rules list.
func (k CallSettings) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Edit, k.Save, k.Back}}
}

// ReadOnlyHelp is the footer for who may only look.
func (k CallSettings) ReadOnlyHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Back} }
