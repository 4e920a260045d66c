package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// Form is the key group of a form (ui/components/form).
type Form struct {
	Next, Prev, Up, Down, Cycle, CycleBack, Toggle, Submit, Back key.Binding
}

// NewForm builds the form keys.
func NewForm() Form {
	return Form{
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", model.T("key.next_field"))),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", model.T("key.previous_field"))),
		Up:        key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", model.T("key.previous_field"))),
		Down:      key.NewBinding(key.WithKeys("down", "enter"), key.WithHelp("↓", model.T("key.next_field"))),
		Cycle:     key.NewBinding(key.WithKeys("right", "space"), key.WithHelp("→/space", model.T("key.next_option"))),
		CycleBack: key.NewBinding(key.WithKeys("left"), key.WithHelp("←", model.T("key.previous_option"))),
		Toggle:    key.NewBinding(key.WithKeys("space", "left", "right"), key.WithHelp("space", model.T("key.switch"))),
		Submit:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T("key.save"))),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is the footer line of a form.
func (k Form) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Cycle, k.Submit, k.Back}
}

// FullHelp is the ? overlay of a form.
func (k Form) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev, k.Up, k.Down}, {k.Cycle, k.CycleBack, k.Toggle}, {k.Submit, k.Back}}
}
