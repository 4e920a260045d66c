package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// frameMemo keeps the parts of the last frames that did not change: a
// tab's body and key footer until the tab is handed a message (or a size,
// styles or a card to open), the tab bar and the status bar until what
// they show changes. Bubble Tea asks for the whole view after every
// message; on the team server a hundred sessions switching tabs and
// hearing every other session's changes would otherwise draw every tab
// again each time (BenchmarkSessions in server/).
type frameMemo struct {
	body, foot []string
	ok         []bool
	barKey     string
	bar        string
	statusKey  string
	status     string
}

func newFrameMemo(tabs int) frameMemo {
	return frameMemo{body: make([]string, tabs), foot: make([]string, tabs), ok: make([]bool, tabs)}
}

// touch forgets tab i's drawing: it was handed something that may change it.
func (m *frameMemo) touch(i int) {
	if i >= 0 && i < len(m.ok) {
		m.ok[i] = false
	}
}

// touchAll forgets everything drawn (a new size or new styles).
func (m *frameMemo) touchAll() {
	for i := range m.ok {
		m.ok[i] = false
	}
	m.bar, m.status = "", ""
}

// tab is tab i's body and footer, drawn by draw when not kept.
func (m *frameMemo) tab(i int, draw func() (body, foot string)) (string, string) {
	if !m.ok[i] {
		m.body[i], m.foot[i] = draw()
		m.ok[i] = true
	}
	return m.body[i], m.foot[i]
}

// keyed returns *out when key is *at, else draws it and keeps it under key.
func keyed(at, out *string, key string, draw func() string) string {
	if *at != key || *out == "" {
		*out, *at = draw(), key
	}
	return *out
}

// send hands msg to tab i and forgets its drawing.
func (a *App) send(i int, msg tea.Msg) tea.Cmd {
	a.memo.touch(i)
	return a.tabs[i].Update(msg)
}

// joinKey makes one memo key of the parts.
func joinKey(parts ...string) string { return strings.Join(parts, "\x00") }
