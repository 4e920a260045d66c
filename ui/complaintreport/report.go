// Package complaintreport is the head's complaint report: a period's
// complaints received vs satisfied with amounts, broken down by reason, fault
// party, type, owner and direction, times to answer, bars, and CSV export.
package complaintreport

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUB — the report helper replaces this package.

// Report is a Pane (the Complaints tab shows it as its report view).
type Report struct {
	env  common.Env
	w, h int
}

func New(env common.Env) *Report { return &Report{env: env} }

func (r *Report) Init() tea.Cmd             { return nil }
func (r *Report) Update(tea.Msg) tea.Cmd    { return nil }
func (r *Report) SetSize(w, h int)          { r.w, r.h = w, h }
func (r *Report) SetStyles(s styles.Styles) { r.env.Styles = s }
func (r *Report) View() string              { return "" }
func (r *Report) InputFocused() bool        { return false }
func (r *Report) ShortHelp() []key.Binding  { return nil }
func (r *Report) FullHelp() [][]key.Binding { return nil }

var _ common.Pane = (*Report)(nil)
