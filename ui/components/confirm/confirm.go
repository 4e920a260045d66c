// Package confirm is a small yes/no dialog ("Discard the changes?"). The
// owner keeps it, sends it keys while it is open and reads the answer.
package confirm

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/styles"
)

// Model is an open question. Answered turns true once the user chose.
type Model struct {
	Question string
	Yes      bool // the highlighted (and, once answered, chosen) answer
	Answered bool
	keys     keymap.Confirm
}

// New opens a question; the safe answer "no" is highlighted.
func New(question string) Model { return Model{Question: question, keys: keymap.NewConfirm()} }

// Update reads one key.
func (m Model) Update(msg tea.Msg) Model {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.Answered {
		return m
	}
	switch {
	case key.Matches(k, m.keys.Yes):
		m.Yes, m.Answered = true, true
	case key.Matches(k, m.keys.No):
		m.Yes, m.Answered = false, true
	case key.Matches(k, m.keys.Toggle):
		m.Yes = !m.Yes
	case key.Matches(k, m.keys.Choose):
		m.Answered = true
	}
	return m
}

// ShortHelp is the dialog's footer.
func (m Model) ShortHelp() []key.Binding {
	return m.keys.ShortHelp()
}

// FullHelp is the dialog's column of the ? overlay.
func (m Model) FullHelp() [][]key.Binding {
	return m.keys.FullHelp()
}

// View renders the dialog centred in width×height.
func (m Model) View(s styles.Styles, width, height int) string {
	yes, no := s.Subtle.Render(" "+model.T("ui.confirm.yes")+" "), s.Subtle.Render(" "+model.T("ui.confirm.no")+" ")
	if m.Yes {
		yes = s.RowCursor.Render("[" + model.T("ui.confirm.yes") + "]")
	} else {
		no = s.RowCursor.Render("[" + model.T("ui.confirm.no") + "]")
	}
	q := lipgloss.NewStyle().Width(min(width-4, 60)).Render(m.Question)
	box := s.Dialog.Render(q + "\n\n" + yes + "  " + no)
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}
