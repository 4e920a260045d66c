// Package clientpick is the list under a client lookup: the clients that
// match what was typed, the highlighted one, and enter that takes it — also
// when enter comes before the answer for the text typed (typing ahead). The
// input line, the search and the answer message stay with the screen.
package clientpick

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// Texts are the screen's sentences for the list.
type Texts struct {
	None  string // no client matches
	Wait  string // enter came before the answer
	Empty string // enter with nothing typed; "" ignores such an enter
}

// Fetch starts the search for text; its answer, numbered gen, comes back
// through Matches.Answer.
type Fetch func(ctx context.Context, gen uint64, text string) tea.Cmd

// Matches is the match list of one lookup.
type Matches struct {
	keys   keymap.Lookup
	texts  Texts
	fetch  Fetch
	rows   []model.Client
	notes  []string
	cursor int
	gen    uint64
	asked  uint64 // the gen the rows answer
	cancel context.CancelFunc
	err    string
	// chooseFirst: enter came before the answer for the text typed; the
	// answer's first client is taken when it arrives.
	chooseFirst bool
}

func New(texts Texts, fetch Fetch) *Matches {
	return &Matches{keys: keymap.NewLookup(), texts: texts, fetch: fetch}
}

// Key handles ↑/↓ and enter; handled is false for any other key (the
// input's). chosen is set when enter took a client; text is what is typed.
func (m *Matches) Key(k tea.KeyPressMsg, text string) (handled bool, chosen *model.Client) {
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(max(0, len(m.rows)-1), m.cursor+1)
	case key.Matches(k, m.keys.Choose):
		switch {
		case text == "":
			if m.texts.Empty != "" {
				m.err = m.texts.Empty
			}
		case m.asked == m.gen && m.cursor < len(m.rows):
			c := m.rows[m.cursor]
			return true, &c
		case m.asked == m.gen: // the answer is in: nothing to wait for
			m.err = m.texts.None
		default:
			m.chooseFirst = true
			m.err = m.texts.Wait
		}
	default:
		return false, nil
	}
	return true, nil
}

// Ask searches for a changed text, dropping the search before it.
func (m *Matches) Ask(text string) tea.Cmd {
	m.Close()
	m.gen++
	m.err, m.chooseFirst = "", false
	if text == "" {
		m.rows, m.notes, m.asked, m.cursor = nil, nil, m.gen, 0
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	return m.fetch(ctx, m.gen, text)
}

// Answer takes a search's answer: notes[i] (may be short) is said after
// rows[i], errText is the failure's sentence. chosen is set when enter was
// waiting for it. An answer to an older text is dropped.
func (m *Matches) Answer(gen uint64, rows []model.Client, notes []string, errText string) (chosen *model.Client) {
	if gen != m.gen {
		return nil
	}
	m.asked = gen
	m.rows, m.notes, m.cursor, m.err = rows, notes, 0, ""
	first := m.chooseFirst
	m.chooseFirst = false
	switch {
	case errText != "":
		m.err = errText
	case len(rows) == 0:
		m.err = m.texts.None
	case first:
		c := rows[0]
		return &c
	}
	return nil
}

// Close drops the search under way.
func (m *Matches) Close() {
	if m.cancel != nil {
		m.cancel()
	}
}

// Err is the sentence under the list ("" none).
func (m *Matches) Err() string { return m.err }

// Rows draws the matches, each exactly w cells, the highlighted one marked ›.
func (m *Matches) Rows(s styles.Styles, w int) []string {
	var out []string
	for i, c := range m.rows {
		text := textfit.OneLine(c.ShortName)
		if c.TaxID != "" {
			text += "  " + s.Subtle.Render(c.TaxID)
		}
		if c.City != "" {
			text += "  " + s.Subtle.Render(textfit.OneLine(c.City))
		}
		if i < len(m.notes) && m.notes[i] != "" {
			text += "  " + s.Subtle.Render(m.notes[i])
		}
		if i == m.cursor {
			out = append(out, s.RowCursor.Render(textfit.Fit("› "+text, w)))
		} else {
			out = append(out, textfit.Fit("  "+text, w))
		}
	}
	return out
}
