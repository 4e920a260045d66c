package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// frameMemo keeps the parts of the last frames that did not change: a
// tab's body until the tab is handed a message (or a size, styles or a
// card to open), the key footer, the tab bar and the status bar until what
// they show changes. Bubble Tea asks for the whole view after every
// message; on the team server a hundred sessions switching tabs and
// hearing every other session's changes would otherwise draw every tab
// again each time (BenchmarkSessions in server/).
type frameMemo struct {
	body      []string
	ok        []bool
	footKey   string
	foot      string
	barKey    string
	bar       string
	statusKey string
	status    string
}

func newFrameMemo(tabs int) frameMemo {
	return frameMemo{body: make([]string, tabs), ok: make([]bool, tabs)}
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
	m.bar, m.status, m.foot = "", "", ""
}

// tab is tab i's body, drawn by draw when not kept.
func (m *frameMemo) tab(i int, draw func() string) string {
	if !m.ok[i] {
		m.body[i] = draw()
		m.ok[i] = true
	}
	return m.body[i]
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

// bindingsKey tells two key footers apart: the keys on offer and their
// words, at a width.
func bindingsKey(bs []key.Binding, width int) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(width))
	for _, k := range bs {
		if !k.Enabled() {
			continue
		}
		h := k.Help()
		b.WriteString("\x00" + h.Key + "\x01" + h.Desc)
	}
	return b.String()
}

// joinKey makes one memo key of the parts.
func joinKey(parts ...string) string { return strings.Join(parts, "\x00") }
