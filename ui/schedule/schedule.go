// Package schedule is the call schedule's planning views: the manager's week
// (calls and visits by day) and the supervisor's person × day grid with its
// cell lists and adherence. The calls tab (ui/calls) holds them as panes.
package schedule

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUB: the schedule helper (H4) replaces this file.

// Week is one person's week of calls and visits.
type Week struct{ env common.Env }

// NewWeek shows env.Me's week (a head may switch person) starting today's week.
func NewWeek(env common.Env) *Week { return &Week{env: env} }

func (w *Week) Init() tea.Cmd              { return nil }
func (w *Week) Update(msg tea.Msg) tea.Cmd { return nil }
func (w *Week) SetSize(width, height int)  {}
func (w *Week) SetStyles(s styles.Styles)  {}
func (w *Week) View() string               { return "week" }
func (w *Week) InputFocused() bool         { return false }
func (w *Week) ShortHelp() []key.Binding   { return nil }
func (w *Week) FullHelp() [][]key.Binding  { return nil }

// Team is the supervisor's grid: people × days with counts, cell lists, adherence.
type Team struct{ env common.Env }

// NewTeam shows the department's current week.
func NewTeam(env common.Env) *Team { return &Team{env: env} }

func (t *Team) Init() tea.Cmd              { return nil }
func (t *Team) Update(msg tea.Msg) tea.Cmd { return nil }
func (t *Team) SetSize(width, height int)  {}
func (t *Team) SetStyles(s styles.Styles)  {}
func (t *Team) View() string               { return "team" }
func (t *Team) InputFocused() bool         { return false }
func (t *Team) ShortHelp() []key.Binding   { return nil }
func (t *Team) FullHelp() [][]key.Binding  { return nil }
