package calls

import (
	"context"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/clientcard"
	"clientbase/ui/common"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// lookup is the incoming-call lookup: any part of a phone number or a name,
// live results as the operator types.
type lookup struct {
	env    common.Env
	keys   keymap.CallLookup
	width  int
	height int

	input  textinput.Model
	gen    uint64
	ctx    context.Context
	cancel context.CancelFunc
	asked  string // the text of the newest query

	rows    []model.Client
	total   int
	cursor  int
	loading bool
	err     string
}

func newLookup(env common.Env) *lookup {
	l := &lookup{env: env, keys: keymap.NewCallLookup()}
	l.input = textinput.New()
	l.input.Prompt = model.T("calls.lookup.prompt")
	l.input.Placeholder = model.T("calls.lookup.placeholder")
	l.input.CharLimit = 100
	l.setStyles(env.Styles)
	l.ctx, l.cancel = context.WithCancel(context.Background())
	return l
}

func (l *lookup) setSize(w, h int) {
	l.width, l.height = w, h
	l.input.SetWidth(max(8, w-lipgloss.Width(l.input.Prompt)-2))
}

func (l *lookup) setStyles(s styles.Styles) {
	l.env.Styles = s
	st := textinput.DefaultStyles(s.IsDark)
	st.Focused.Prompt = s.FilterBar
	st.Cursor.Blink = false
	l.input.SetStyles(st)
}

// typeIn hands a key or a paste to the input and asks again when the text changed.
func (l *lookup) typeIn(msg tea.Msg, st common.Store) tea.Cmd {
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	q := strings.TrimSpace(l.input.Value())
	if q == l.asked {
		return cmd
	}
	l.asked = q
	l.cancel()
	l.ctx, l.cancel = context.WithCancel(context.Background())
	l.gen++
	if q == "" {
		l.rows, l.total, l.cursor, l.loading, l.err = nil, 0, 0, false, ""
		return cmd
	}
	l.loading = true
	return tea.Batch(cmd, lookupClients(l.ctx, st, l.gen, q))
}

func (l *lookup) onResult(msg lookupMsg) {
	if msg.gen != l.gen {
		return // the caller typed on
	}
	l.loading = false
	if msg.err != nil {
		l.err = errorSentence(msg.err)
		return
	}
	l.err = ""
	l.rows, l.total = msg.page.Rows, msg.page.Total
	l.cursor = min(l.cursor, max(0, len(l.rows)-1))
}

func (l *lookup) current() (model.Client, bool) {
	if l.cursor < 0 || l.cursor >= len(l.rows) {
		return model.Client{}, false
	}
	return l.rows[l.cursor], true
}

// prospect is the new client the operator starts from what was typed: digits
// become the phone, words the name.
func (l *lookup) prospect() model.Client {
	q := strings.TrimSpace(l.input.Value())
	c := model.Client{Source: model.SourceIncomingCall, Status: model.StatusProspect}
	digits := 0
	letters := false
	for _, r := range q {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters = true
		}
	}
	switch {
	case letters:
		c.ShortName = q
	case digits > 0:
		c.Phones = []model.Phone{{Raw: q}}
	}
	return c
}

func (m *Model) lookupKey(k tea.KeyPressMsg) tea.Cmd {
	l := m.lookup
	switch {
	case key.Matches(k, l.keys.Back):
		l.cancel()
		m.lookup = nil
		return nil
	case key.Matches(k, l.keys.Up):
		l.cursor = max(0, l.cursor-1)
		return nil
	case key.Matches(k, l.keys.Down):
		l.cursor = min(max(0, len(l.rows)-1), l.cursor+1)
		return nil
	case key.Matches(k, l.keys.Pick):
		c, ok := l.current()
		if !ok || l.loading {
			return nil
		}
		return m.startCall(func(gen uint64) tea.Cmd { return callClient(m.env.Store, gen, c.ID, model.DirIncoming) })
	case key.Matches(k, l.keys.New):
		card, cmd := clientcard.NewClient(m.cardDeps(), l.prospect())
		p := &cardPane{card: card, prospect: true}
		p.SetSize(m.width, m.paneHeight())
		m.sub = p
		return cmd
	}
	return l.typeIn(k, m.env.Store)
}

func (m *Model) cardDeps() clientcard.Deps {
	return clientcard.Deps{Store: m.env.Store, Me: m.env.Me, Styles: m.env.Styles, ReadOnly: m.env.ReadOnly, Loc: m.env.Loc, Now: m.env.Now}
}

func (l *lookup) view() string {
	s := l.env.Styles
	lines := []string{
		s.Title.Render(model.T("calls.lookup.title")),
		l.input.View(),
		"",
	}
	switch {
	case l.err != "":
		lines = append(lines, s.Danger.Render(l.err))
	case l.asked == "":
		lines = append(lines, s.Subtle.Render(model.T("calls.lookup.hint")))
	case l.loading && len(l.rows) == 0:
		lines = append(lines, s.Subtle.Render(model.T("calls.loading")))
	case len(l.rows) == 0:
		lines = append(lines, s.Subtle.Render(model.T("calls.lookup.none", textfit.OneLine(l.asked))))
	}
	for i, c := range l.rows {
		text := "  " + l.rowText(c)
		st := s.Row
		if i == l.cursor {
			text = "› " + l.rowText(c)
			st = s.RowCursor
		}
		lines = append(lines, st.Render(textfit.Fit(text, l.width)))
	}
	if l.total > len(l.rows) {
		lines = append(lines, s.Subtle.Render(model.T("calls.lookup.more", l.total-len(l.rows))))
	}
	lines = append(lines, "", s.Subtle.Render(model.T("calls.lookup.new_hint")))
	return textfit.Pad(lines, l.width, l.height)
}

// rowText is one found client: name, the first phone, city, manager.
func (l *lookup) rowText(c model.Client) string {
	phone := ""
	if len(c.Phones) > 0 {
		phone = c.Phones[0].Raw
		if c.Phones[0].E164 != "" {
			phone = model.FormatPhone(c.Phones[0].E164)
		}
	}
	parts := []string{textfit.OneLine(c.ShortName)}
	for _, p := range []string{phone, textfit.OneLine(c.City), c.Manager} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return shorten(strings.Join(parts, " · "), l.width-2)
}
