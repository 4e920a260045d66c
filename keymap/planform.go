package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// PlanForm is the key group of the plan form and its dialogs (reschedule,
// cancel, reassign). The form's own keys (tab, ←/→, ctrl+s, esc) are Form's.
type PlanForm struct {
	Up, Down   key.Binding // the reassign list
	Prev, Next key.Binding // the client lookup's matches: arrows only, letters are typed
	Pick       key.Binding
	Back       key.Binding
	Yes, No    key.Binding
}

// NewPlanForm builds the plan form keys.
func NewPlanForm() PlanForm {
	return PlanForm{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", model.T("key.up"))),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", model.T("key.down"))),
		Prev: key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", model.T("key.up"))),
		Next: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", model.T("key.down"))),
		Pick: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("plan.key.pick"))),
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
		Yes:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", model.T("key.yes"))),
		No:   key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", model.T("key.no"))),
	}
}

// ShortHelp is the footer of the reassign list.
func (k PlanForm) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Pick, k.Back} }

// FullHelp is the ? overlay of the reassign list.
func (k PlanForm) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Pick, k.Back}}
}
