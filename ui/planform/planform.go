// Package planform is the form that plans a call or visit, and the small
// dialogs that reschedule, cancel and reassign plan items. The card, the
// week view, the team view and the call screen open it.
package planform

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUB: the plan-form helper (H5) replaces this file.

// Model is one open form or dialog. When it saves it returns
// common.DataChangedMsg{Kind: "plan"} and a common.StatusMsg, then Closed()
// is true; esc (with a discard question when something was typed) closes it too.
type Model struct {
	env    common.Env
	closed bool
}

// New plans a new item; p presets what is known (Client, Kind, Assignee,
// Purpose…). Client 0 lets the user find the client by name, tax id or phone.
func New(env common.Env, p model.PlanItem) *Model { return &Model{env: env} }

// Reschedule asks for a new time (and window end) and a reason.
func Reschedule(env common.Env, item model.PlanItem) *Model { return &Model{env: env} }

// Cancel asks for a reason.
func Cancel(env common.Env, item model.PlanItem) *Model { return &Model{env: env} }

// Reassign asks whom to give the items to (a list of the department's users).
func Reassign(env common.Env, items []model.PlanItem) *Model { return &Model{env: env} }

func (m *Model) Init() tea.Cmd              { return nil }
func (m *Model) Update(msg tea.Msg) tea.Cmd { return nil }
func (m *Model) SetSize(width, height int)  {}
func (m *Model) SetStyles(s styles.Styles)  {}
func (m *Model) View() string               { return "plan form" }
func (m *Model) InputFocused() bool         { return true }
func (m *Model) ShortHelp() []key.Binding   { return nil }
func (m *Model) FullHelp() [][]key.Binding  { return nil }
func (m *Model) Closed() bool               { return m.closed }
