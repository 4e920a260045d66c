// Package clients is the client list: a table window over a list that may
// hold a million clients, a live filter, quick filters, and the client card
// opened on top of it.
package clients

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/clientcard"
	"clientbase/ui/common"
	"clientbase/ui/components/table"
	"clientbase/ui/styles"
)

// Deps is what the list needs from the outside world.
type Deps struct {
	Store    common.Store
	Me       model.User
	Styles   styles.Styles
	ReadOnly bool
	Loc      *time.Location
	Now      func() time.Time // nil: time.Now
}

// rowsAround is how many rows are fetched beyond the visible window on each
// side, at least: j/k and a page jump then find their rows in memory.
const rowsAround = 40

// Model is the client list screen. It implements common.Tab.
type Model struct {
	deps   Deps
	keys   keymap.ClientList
	fkeys  keymap.FilterInput
	width  int
	height int

	filter    model.ClientFilter
	input     textinput.Model
	filtering bool // the filter line has the keys

	win table.Window
	// gen numbers the list's queries: a result of an older one is dropped.
	gen    uint64
	ctx    context.Context
	cancel context.CancelFunc

	cache    table.Cache[model.Client] // the rows in memory
	follow   model.ID                  // a refresh keeps the cursor on this client when it is still near
	indexing bool
	loadErr  string

	stats     model.Stats
	haveStats bool
	managers  []string // user names the "m" key cycles through

	card *clientcard.Model
}

// New builds the list; Init starts its first loads.
func New(d Deps) *Model {
	m := &Model{deps: d, keys: keymap.NewClientList(), fkeys: keymap.NewFilterInput()}
	m.input = textinput.New()
	m.input.Prompt = model.T("ui.list.filter_prompt")
	m.input.Placeholder = model.T("ui.list.filter_place")
	m.applyInputStyles()
	m.ctx, m.cancel = context.WithCancel(context.Background())
	return m
}

func (m *Model) applyInputStyles() {
	m.input.SetStyles(m.deps.Styles.Input())
}

// Title is the tab's label.
func (m *Model) Title() string { return model.T("ui.tab.clients") }

// Init loads the first window and the managers for the "m" filter.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.requery(true), loadManagers(m.deps.Store))
}

// SetSize gives the list its room.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.win.SetHeight(m.tableRows())
	// The count ("12345 of 1000000 clients") keeps its place to the right of the filter.
	m.input.SetWidth(max(1, w-m.inputPromptWidth()-countRoom))
	if m.card != nil {
		m.card.SetSize(w, h)
	}
}

func (m *Model) inputPromptWidth() int { return len([]rune(m.input.Prompt)) }

// SetStyles takes styles rebuilt for a new background.
func (m *Model) SetStyles(s styles.Styles) {
	m.deps.Styles = s
	m.applyInputStyles()
}

// headerLines are the lines above the table rows: filter line, summary, column titles.
const headerLines = 3

// countRoom is the room kept right of the filter line for the count.
const countRoom = 26

func (m *Model) tableRows() int { return max(1, m.height-headerLines) }

// InputFocused reports that the filter line or a field of the card has the keys.
func (m *Model) InputFocused() bool {
	if m.card != nil {
		return m.card.InputFocused()
	}
	return m.filtering
}

// CardOpen reports whether a client card (or the new-client form) is showing.
func (m *Model) CardOpen() bool { return m.card != nil }

// Filter is the list's current filter.
func (m *Model) Filter() model.ClientFilter { return m.filter }

// Cursor is the index of the highlighted row and the number of matches.
func (m *Model) Cursor() (cursor, total int) { return m.win.Cursor, m.win.Total }

// Current returns the highlighted client when its row is in memory.
func (m *Model) Current() (model.Client, bool) { return m.cache.At(m.win.Cursor) }

// ShortHelp is the footer for the list, the filter line or the open card.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.card != nil:
		return m.card.ShortHelp()
	case m.filtering:
		return m.fkeys.ShortHelp()
	}
	return m.helpKeys().ShortHelp()
}

// helpKeys are the list's keys as the help shows them: no n or e when
// nothing can be changed.
func (m *Model) helpKeys() keymap.ClientList {
	k := m.keys
	if m.deps.ReadOnly {
		k.New.SetEnabled(false)
		k.Edit.SetEnabled(false)
	}
	return k
}

// FullHelp is the ? overlay for the list, the filter line or the open card.
func (m *Model) FullHelp() [][]key.Binding {
	switch {
	case m.card != nil:
		return m.card.FullHelp()
	case m.filtering:
		return append(m.fkeys.FullHelp(), m.keys.FullHelp()[2])
	}
	return m.helpKeys().FullHelp()
}

var _ common.Tab = (*Model)(nil)
