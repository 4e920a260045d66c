// Package calls is the Calls tab: the operator's queue, the call screen with
// the caller's context and the outcome keys, the incoming-call lookup, and
// the planning views (ui/schedule) and rule editor (ui/callsettings) it holds.
package calls

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUB: the calls helper (H3) replaces this file.

// Model is the Calls tab.
type Model struct{ env common.Env }

// New builds the tab; it opens on the queue for operators, the week for
// managers and the team grid for heads and directors.
func New(env common.Env) *Model { return &Model{env: env} }

func (m *Model) Title() string                    { return model.T("ui.tab.calls") }
func (m *Model) Init() tea.Cmd                    { return nil }
func (m *Model) Update(msg tea.Msg) tea.Cmd       { return nil }
func (m *Model) SetSize(width, height int)        {}
func (m *Model) SetStyles(s styles.Styles)        {}
func (m *Model) View() string                     { return "calls" }
func (m *Model) InputFocused() bool               { return false }
func (m *Model) ShortHelp() []key.Binding         { return nil }
func (m *Model) FullHelp() [][]key.Binding        { return nil }
func (m *Model) ClaimsKey(k tea.KeyPressMsg) bool { return false }
