package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// Confirm answers a yes/no dialog.
type Confirm struct {
	Yes, No, Toggle, Choose key.Binding
}

// NewConfirm builds the dialog's keys: y/n answer at once, tab/arrows move, enter chooses.
func NewConfirm() Confirm {
	return Confirm{
		Yes:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", model.T("key.yes"))),
		No:     key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", model.T("key.no"))),
		Toggle: key.NewBinding(key.WithKeys("tab", "shift+tab", "left", "right", "h", "l"), key.WithHelp("←/→", model.T("key.switch"))),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("key.choose"))),
	}
}

// ShortHelp is the dialog's footer.
func (k Confirm) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No, k.Choose} }

// FullHelp is the dialog's column of the ? overlay.
func (k Confirm) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Yes, k.No, k.Toggle, k.Choose}}
}
