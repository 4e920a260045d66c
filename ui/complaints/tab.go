// Package complaints is the Complaints tab: the queue by deadline urgency,
// a complaint's screen with its moves, and the report and settings views.
package complaints

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUB — the queue helper replaces this package.

// Tab is the Complaints tab. It handles common.NewComplaintMsg (opens the
// intake form) and common.OpenComplaintMsg (opens the complaint).
type Tab struct {
	env  common.Env
	w, h int
}

func New(env common.Env) *Tab { return &Tab{env: env} }

func (t *Tab) Title() string             { return model.T("ui.tab.complaints") }
func (t *Tab) Init() tea.Cmd             { return nil }
func (t *Tab) Update(tea.Msg) tea.Cmd    { return nil }
func (t *Tab) SetSize(w, h int)          { t.w, t.h = w, h }
func (t *Tab) SetStyles(s styles.Styles) { t.env.Styles = s }
func (t *Tab) View() string              { return "" }
func (t *Tab) InputFocused() bool        { return false }
func (t *Tab) ShortHelp() []key.Binding  { return nil }
func (t *Tab) FullHelp() [][]key.Binding { return nil }

var _ common.Tab = (*Tab)(nil)
