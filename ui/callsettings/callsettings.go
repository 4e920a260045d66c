// Package callsettings is the head's editor of the call rules: the retry
// policy per outcome, working hours and days, holidays, the pester limit.
package callsettings

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUB: the retry-policy helper (H1) replaces this file.

// Model is the open editor. It loads the settings itself, saves with ctrl+s
// (common.StatusMsg, common.DataChangedMsg{Kind: "settings"}), and is
// Closed() after saving or esc. Without the right it shows them read-only.
type Model struct {
	env    common.Env
	closed bool
}

// New opens the editor.
func New(env common.Env) *Model { return &Model{env: env} }

func (m *Model) Init() tea.Cmd              { return nil }
func (m *Model) Update(msg tea.Msg) tea.Cmd { return nil }
func (m *Model) SetSize(width, height int)  {}
func (m *Model) SetStyles(s styles.Styles)  {}
func (m *Model) View() string               { return "call settings" }
func (m *Model) InputFocused() bool         { return false }
func (m *Model) ShortHelp() []key.Binding   { return nil }
func (m *Model) FullHelp() [][]key.Binding  { return nil }
func (m *Model) Closed() bool               { return m.closed }
