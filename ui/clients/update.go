package clients

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/clientcard"
	"clientbase/ui/common"
	"clientbase/ui/components/table"
)

// Update handles keys (the root sends them only to the active tab) and every
// other message.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pageMsg:
		return m.onPage(msg)
	case managersMsg:
		if msg.err != nil {
			return statusErr(model.T("ui.list.users_failed", msg.err.Error()))
		}
		m.managers = msg.names
		return nil
	case common.StatsMsg:
		if msg.Err == nil {
			m.stats, m.haveStats = msg.Stats, true
		}
		return m.toCard(msg)
	case common.DataChangedMsg:
		// The list shows client records only: a call planned or an order
		// saved elsewhere reloads the open card, not the list.
		var cmd tea.Cmd
		switch msg.Kind {
		case "client", "user", "*":
			cmd = m.requery(false)
		}
		return tea.Batch(cmd, m.toCard(msg))
	case common.IndexReadyMsg:
		var cmd tea.Cmd
		if m.indexing {
			cmd = m.requery(false)
		}
		return tea.Batch(cmd, m.toCard(msg))
	case tea.KeyPressMsg:
		if m.card != nil {
			return m.toCard(msg)
		}
		if m.filtering {
			return m.filterKey(msg)
		}
		return m.listKey(msg)
	case tea.PasteMsg:
		if m.card != nil {
			return m.toCard(msg)
		}
		// A phone or a tax id copied from a letter is a search: on the list
		// the paste opens the filter line, as / would, and lands in it.
		var focus tea.Cmd
		if !m.filtering {
			m.filtering = true
			m.input.CursorEnd()
			focus = m.input.Focus()
		}
		msg.Content = strings.TrimSpace(msg.Content)
		return tea.Batch(focus, m.typeInFilter(msg))
	}
	return m.toCard(msg)
}

// toCard hands a message to the open card and notices when it closed.
func (m *Model) toCard(msg tea.Msg) tea.Cmd {
	if m.card == nil {
		return nil
	}
	c, cmd := m.card.Update(msg)
	if c.Closed() {
		m.card = nil
		// Back on the list at the same row, with what the card may have changed.
		return tea.Batch(cmd, m.requery(false))
	}
	m.card = &c
	return cmd
}

func statusErr(text string) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: true} }
}

func (m *Model) onPage(msg pageMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil // an older query: its filter or data are gone
	}
	m.cache.Answered(msg.off, msg.want)
	if msg.err != nil {
		m.loadErr = model.T("ui.list.load_failed", msg.err.Error())
		return statusErr(m.loadErr)
	}
	m.loadErr = ""
	m.indexing = msg.page.Indexing
	m.cache.Fill(msg.off, msg.page.Rows)
	m.win.SetTotal(msg.page.Total)
	if id := m.follow; id != 0 {
		m.follow = 0
		if i, ok := m.cache.Index(func(c model.Client) bool { return c.ID == id }); ok {
			m.win.GoTo(i)
		}
	}
	return m.ensureRows()
}

// requery starts a new query generation: the previous query's context is
// cancelled and its results will be dropped. fromTop puts the cursor on the
// first row (a new filter); otherwise the cursor stays (a refresh).
func (m *Model) requery(fromTop bool) tea.Cmd {
	m.cancel()
	m.ctx, m.cancel = context.WithCancel(context.Background())
	m.gen++
	m.follow = 0
	if c, ok := m.cache.Restart(&m.win, fromTop); ok {
		m.follow = c.ID // another session's change may move rows above it
	}
	return m.fetchAround()
}

func (m *Model) fetchAround() tea.Cmd {
	w := m.cache.Ask(m.win, rowsAround)
	return fetchPage(m.ctx, m.deps.Store, m.filter, m.gen, w.Off, w.Limit)
}

// ensureRows asks for more rows when the cursor came near the edge of what
// is in memory, unless such a request is already on its way.
func (m *Model) ensureRows() tea.Cmd {
	if !m.cache.Needs(m.win) {
		return nil
	}
	return m.fetchAround()
}

func (m *Model) listKey(k tea.KeyPressMsg) tea.Cmd {
	keys := m.keys
	if m.win.Navigate(k, table.Nav{Up: keys.Up, Down: keys.Down, PageUp: keys.PageUp, PageDown: keys.PageDown, Top: keys.Top, Bottom: keys.Bottom}) {
		return m.ensureRows()
	}
	switch {
	case key.Matches(k, keys.Filter):
		m.filtering = true
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(k, keys.Clear):
		if m.filter == (model.ClientFilter{}) {
			return nil
		}
		m.filter = model.ClientFilter{}
		m.input.SetValue("")
		return m.requery(true)
	case key.Matches(k, keys.Open):
		return m.openCard(false)
	case key.Matches(k, keys.Edit):
		// Read-only: the card to read instead of a form whose every field is locked.
		return m.openCard(!m.deps.ReadOnly)
	case key.Matches(k, keys.New):
		if m.deps.ReadOnly {
			text := model.T("card.error.read_only")
			return func() tea.Msg { return common.StatusMsg{Text: text, Err: true} }
		}
		c, cmd := clientcard.NewClient(m.cardDeps(), model.Client{})
		c.SetSize(m.width, m.height)
		m.card = &c
		return cmd
	case key.Matches(k, keys.Category):
		m.filter.Category = nextCategory(m.filter.Category)
		return m.requery(true)
	case key.Matches(k, keys.Status):
		m.filter.Status = nextStatus(m.filter.Status)
		return m.requery(true)
	case key.Matches(k, keys.Manager):
		if len(m.managers) == 0 {
			return func() tea.Msg { return common.StatusMsg{Text: model.T("ui.list.no_managers")} }
		}
		m.filter.Manager = nextName(m.managers, m.filter.Manager)
		return m.requery(true)
	case key.Matches(k, keys.Mine):
		if m.filter.Manager == m.deps.Me.Name {
			m.filter.Manager = ""
		} else {
			m.filter.Manager = m.deps.Me.Name
		}
		return m.requery(true)
	case key.Matches(k, keys.Archived):
		m.filter.IncludeArchived = !m.filter.IncludeArchived
		return m.requery(true)
	}
	return nil
}

func (m *Model) filterKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.fkeys.Accept):
		m.filtering = false
		m.input.Blur()
		return nil
	case key.Matches(k, m.fkeys.Cancel):
		m.filtering = false
		m.input.Blur()
		m.input.SetValue("")
		if m.filter.Text == "" {
			return nil
		}
		m.filter.Text = ""
		return m.requery(true)
	case key.Matches(k, m.fkeys.Up):
		m.win.Move(-1)
		return m.ensureRows()
	case key.Matches(k, m.fkeys.Down):
		m.win.Move(1)
		return m.ensureRows()
	}
	return m.typeInFilter(k)
}

// typeInFilter hands a key or a paste to the filter line and asks again
// when its text changed.
func (m *Model) typeInFilter(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if v := m.input.Value(); v != m.filter.Text {
		m.filter.Text = v
		return tea.Batch(cmd, m.requery(true))
	}
	return cmd
}

func (m *Model) cardDeps() clientcard.Deps {
	return clientcard.Deps{Store: m.deps.Store, Me: m.deps.Me, Styles: m.deps.Styles, ReadOnly: m.deps.ReadOnly, Loc: m.deps.Loc, Now: m.deps.Now}
}

// openCard opens the highlighted client: its card, or straight its edit
// form (the card decides what this user may change).
func (m *Model) openCard(edit bool) tea.Cmd {
	c, ok := m.Current()
	if !ok {
		return nil
	}
	open := clientcard.Open
	if edit {
		open = clientcard.OpenEdit
	}
	card, cmd := open(m.cardDeps(), c.ID)
	card.SetSize(m.width, m.height)
	m.card = &card
	return cmd
}

// OpenCard shows client id's card over the list (another screen asked:
// common.OpenClientMsg).
func (m *Model) OpenCard(id model.ID) tea.Cmd {
	card, cmd := clientcard.Open(m.cardDeps(), id)
	card.SetSize(m.width, m.height)
	m.card = &card
	return cmd
}

func nextCategory(c model.Category) model.Category {
	all := append([]model.Category{model.CategoryNone}, model.Categories...)
	for i, x := range all {
		if x == c {
			return all[(i+1)%len(all)]
		}
	}
	return model.CategoryNone
}

func nextStatus(s model.ClientStatus) model.ClientStatus {
	all := append([]model.ClientStatus{""}, model.ClientStatuses...)
	for i, x := range all {
		if x == s {
			return all[(i+1)%len(all)]
		}
	}
	return ""
}

// nextName cycles "" → names[0] → … → last → "".
func nextName(names []string, cur string) string {
	if cur == "" {
		return names[0]
	}
	for i, n := range names {
		if n == cur {
			if i+1 < len(names) {
				return names[i+1]
			}
			return ""
		}
	}
	return names[0]
}
