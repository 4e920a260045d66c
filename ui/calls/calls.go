// Package calls is the Calls tab: the operator's queue, the call screen with
// the caller's context and the outcome keys, the incoming-call lookup, and
// the planning views (ui/schedule) and rule editor (ui/callsettings) it holds.
package calls

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/schedule"
	"clientbase/ui/styles"
)

// View is one of the tab's views, switched with Q, W, T, R.
type View int

const (
	ViewQueue View = iota
	ViewWeek
	ViewTeam
	ViewRules
)

// Model is the Calls tab. Over the active view it may show, in this order
// of precedence, a pane of its own (the plan form, the new-prospect form),
// the call screen, and the incoming-call lookup.
type Model struct {
	env   common.Env
	vkeys keymap.CallViews
	width int
	// height is the tab's body; the views get one line less (the sub-header).
	height int

	view  View
	queue *queue
	week  common.Pane
	team  common.Pane // nil without model.ActPlanViewAll
	rules common.Pane // the rule editor while open
	// before is the view to go back to when the rule editor closes.
	before View
	// weekLater and teamLater are the data changes the week and the team
	// grid missed while another view was on screen.
	weekLater, teamLater common.Later

	settings model.CallSettings

	call   *callScreen
	lookup *lookup
	sub    common.Pane // a form shown inside the tab (plan a follow-up, a new prospect)

	// gen numbers the call loads, logs and releases: an answer for a call the
	// user has left is dropped.
	gen      uint64
	waitCall uint64
	taking   bool // a take is on its way; space and enter wait for it
	// last is what the last logged outcome did (tests and the flow read it).
	last   model.OutcomeResult
	logged bool
}

// New builds the tab; it opens on the queue for operators, the week for
// managers and the team grid for heads and directors.
func New(env common.Env) *Model {
	if env.Loc == nil {
		env.Loc = time.Local
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	m := &Model{env: env, vkeys: keymap.NewCallViews(), settings: model.DefaultCallSettings()}
	m.queue = newQueue(env)
	m.week = schedule.NewWeek(env)
	if model.Can(env.Me, model.ActPlanViewAll) {
		m.team = schedule.NewTeam(env)
	}
	switch env.Me.Role {
	case model.RoleOperator:
		m.view = ViewQueue
	case model.RoleManager:
		m.view = ViewWeek
	default:
		m.view = ViewWeek
		if m.team != nil {
			m.view = ViewTeam
		}
	}
	return m
}

// SetRefresh changes how often the queue refreshes itself so its colours
// follow the clock (a minute by default); 0 stops it (tests that drive the
// program step by step, where a ticking command would block).
func (m *Model) SetRefresh(every time.Duration) { m.queue.every = every }

// Title is the tab bar's label.
func (m *Model) Title() string { return model.T("ui.tab.calls") }

// Init loads the call rules, the queue and the planning views.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{loadSettings(m.env.Store), m.queue.requery(false), m.week.Init()}
	if m.team != nil {
		cmds = append(cmds, m.team.Init())
	}
	return tea.Batch(cmds...)
}

// SetSize gives the tab its room; every pane it holds gets the room below the sub-header.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	for _, p := range m.panes() {
		p.SetSize(w, m.paneHeight())
	}
	m.queue.setSize(w, m.paneHeight())
	if m.call != nil {
		m.call.setSize(w, m.paneHeight())
	}
	if m.lookup != nil {
		m.lookup.setSize(w, m.paneHeight())
	}
}

func (m *Model) paneHeight() int { return max(0, m.height-1) }

// SetStyles takes styles rebuilt for a new background.
func (m *Model) SetStyles(s styles.Styles) {
	m.env.Styles = s
	for _, p := range m.panes() {
		p.SetStyles(s)
	}
	m.queue.setStyles(s)
	if m.call != nil {
		m.call.setStyles(s)
	}
	if m.lookup != nil {
		m.lookup.setStyles(s)
	}
}

// panes are the sub-panes the tab holds now (each gets every non-key message).
func (m *Model) panes() []common.Pane {
	ps := []common.Pane{m.week}
	if m.team != nil {
		ps = append(ps, m.team)
	}
	if m.rules != nil {
		ps = append(ps, m.rules)
	}
	if m.sub != nil {
		ps = append(ps, m.sub)
	}
	return ps
}

// later is where a schedule pane out of sight keeps the changes it is
// told (it hears them when shown); nil for a pane that hears them now.
func (m *Model) later(p common.Pane) *common.Later {
	switch {
	case p == m.week && m.view != ViewWeek:
		return &m.weekLater
	case m.team != nil && p == m.team && m.view != ViewTeam:
		return &m.teamLater
	}
	return nil
}

// show puts view v on screen and tells its pane what it missed.
func (m *Model) show(v View) tea.Cmd {
	m.view = v
	var l *common.Later
	switch v {
	case ViewWeek:
		l = &m.weekLater
	case ViewTeam:
		l = &m.teamLater
	}
	if l == nil || m.activePane() == nil {
		return nil
	}
	var cmds []tea.Cmd
	for _, msg := range l.Take() {
		cmds = append(cmds, m.activePane().Update(msg))
	}
	return tea.Batch(cmds...)
}

// activePane is the schedule or rules pane on screen, nil on the queue.
func (m *Model) activePane() common.Pane {
	switch m.view {
	case ViewWeek:
		return m.week
	case ViewTeam:
		return m.team
	case ViewRules:
		return m.rules
	}
	return nil
}

// InputFocused reports that a text field or a question has the keys.
func (m *Model) InputFocused() bool {
	switch {
	case m.sub != nil:
		return m.sub.InputFocused()
	case m.call != nil:
		return m.call.inputFocused()
	case m.lookup != nil:
		return true
	}
	if p := m.activePane(); p != nil {
		return p.InputFocused()
	}
	return false
}

// ClaimsKey takes the outcome keys 1–9 from the root while the call screen
// is open and no field has the focus.
func (m *Model) ClaimsKey(k tea.KeyPressMsg) bool {
	if m.sub != nil || m.call == nil || m.call.inputFocused() {
		return false
	}
	return key.Matches(k, m.call.keys.Outcome)
}

// ShortHelp is the footer for what is on screen.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.sub != nil:
		return m.sub.ShortHelp()
	case m.call != nil:
		return m.call.shortHelp()
	case m.lookup != nil:
		return m.lookup.keys.ShortHelp()
	}
	if p := m.activePane(); p != nil {
		return p.ShortHelp()
	}
	return m.queue.helpKeys().ShortHelp()
}

// FullHelp is the ? overlay for what is on screen, with the view keys.
func (m *Model) FullHelp() [][]key.Binding {
	switch {
	case m.sub != nil:
		return m.sub.FullHelp()
	case m.call != nil:
		return m.call.fullHelp()
	case m.lookup != nil:
		return m.lookup.keys.FullHelp()
	}
	var h [][]key.Binding
	if p := m.activePane(); p != nil {
		h = p.FullHelp()
	} else {
		h = m.queue.helpKeys().FullHelp()
	}
	return append(h, m.viewKeys().FullHelp()...)
}

// viewKeys are the view keys this user has (no T without the right).
func (m *Model) viewKeys() keymap.CallViews {
	k := m.vkeys
	k.Team.SetEnabled(m.team != nil)
	return k
}

// ActiveView is the view on screen under any call screen or form.
func (m *Model) ActiveView() View { return m.view }

// OnCall reports whether the call screen is open, and for which item (0: off-plan).
func (m *Model) OnCall() (item model.ID, open bool) {
	if m.call == nil {
		return 0, false
	}
	return m.call.ctx.Item.ID, true
}

// LastOutcome is what the last outcome logged from this tab did: the
// interaction with its next step, the worked item, the item of the next step.
func (m *Model) LastOutcome() (model.OutcomeResult, bool) { return m.last, m.logged }

// LookupOpen reports whether the incoming-call lookup is on screen.
func (m *Model) LookupOpen() bool { return m.lookup != nil }

// SubOpen reports whether a form (plan form, new prospect) is shown inside the tab.
func (m *Model) SubOpen() bool { return m.sub != nil }

// QueueRows returns the queue rows in memory from the first visible one and the queue's length.
func (m *Model) QueueRows() (rows []model.PlanRow, total int) {
	return m.queue.visibleRows(), m.queue.win.Total
}

var (
	_ common.Tab        = (*Model)(nil)
	_ common.KeyClaimer = (*Model)(nil)
)
