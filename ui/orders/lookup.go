package orders

import (
	"context"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// lookupRows is how many clients a lookup shows.
const lookupRows = 8

// clientLookup finds a client by name, tax id or phone as it is typed (the
// client search of the list); enter takes the highlighted one.
type clientLookup struct {
	env    common.Env
	owner  uint64
	keys   keymap.Lookup
	input  textinput.Model
	rows   []model.Client
	cursor int
	gen    uint64
	asked  uint64 // the gen the rows answer
	cancel context.CancelFunc
	err    string
	// chooseFirst: enter came before the answer for the text typed; the
	// answer's first client is taken when it arrives (typing ahead).
	chooseFirst bool
}

func newClientLookup(env common.Env, owner uint64, prompt string) *clientLookup {
	l := &clientLookup{env: env, owner: owner, keys: keymap.NewLookup()}
	l.input = textinput.New()
	l.input.Prompt = prompt
	l.input.Placeholder = model.T("orders.lookup.client_place")
	l.setStyles(env.Styles)
	l.input.Focus()
	return l
}

func (l *clientLookup) setStyles(s styles.Styles) {
	l.env.Styles = s
	st := textinput.DefaultStyles(s.IsDark)
	st.Focused.Prompt = s.FilterBar
	st.Cursor.Blink = false
	l.input.SetStyles(st)
}

func (l *clientLookup) setWidth(w int) { l.input.SetWidth(max(1, w-len([]rune(l.input.Prompt))-1)) }

// update handles a key; chosen is set when enter took a client.
func (l *clientLookup) update(msg tea.Msg) (cmd tea.Cmd, chosen *model.Client) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, l.keys.Up):
			l.cursor = max(0, l.cursor-1)
			return nil, nil
		case key.Matches(k, l.keys.Down):
			l.cursor = min(max(0, len(l.rows)-1), l.cursor+1)
			return nil, nil
		case key.Matches(k, l.keys.Choose):
			if l.input.Value() == "" {
				return nil, nil
			}
			if l.asked == l.gen { // the answer for this text is in
				if l.cursor < len(l.rows) {
					c := l.rows[l.cursor]
					return nil, &c
				}
				l.err = model.T("orders.lookup.none") // nothing to wait for
				return nil, nil
			}
			l.chooseFirst = true
			l.err = model.T("orders.lookup.wait")
			return nil, nil
		}
	}
	before := l.input.Value()
	l.input, cmd = l.input.Update(msg)
	if l.input.Value() != before {
		return tea.Batch(cmd, l.ask()), nil
	}
	return cmd, nil
}

func (l *clientLookup) ask() tea.Cmd {
	if l.cancel != nil {
		l.cancel()
	}
	l.gen++
	l.err, l.chooseFirst = "", false
	if l.input.Value() == "" {
		l.rows, l.asked, l.cursor = nil, l.gen, 0
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	return lookupClients(ctx, l.env.Store, l.owner, l.gen, l.input.Value())
}

// onMatches takes an answer; chosen is set when enter was waiting for it.
func (l *clientLookup) onMatches(m clientMatchesMsg) (chosen *model.Client) {
	if m.gen != l.gen {
		return nil
	}
	l.asked = m.gen
	l.rows, l.cursor = m.rows, 0
	l.err = ""
	if m.err != nil {
		l.err = errText(m.err)
	} else if len(m.rows) == 0 {
		l.err = model.T("orders.lookup.none")
	}
	if l.chooseFirst && len(m.rows) > 0 {
		l.chooseFirst = false
		c := m.rows[0]
		return &c
	}
	l.chooseFirst = false
	return nil
}

func (l *clientLookup) close() {
	if l.cancel != nil {
		l.cancel()
	}
}

// lines renders the input and the matches, w wide.
func (l *clientLookup) lines(w int) []string {
	s := l.env.Styles
	out := []string{l.input.View()}
	for i, c := range l.rows {
		text := textfit.OneLine(c.ShortName)
		if c.TaxID != "" {
			text += "  " + s.Subtle.Render(c.TaxID)
		}
		if c.City != "" {
			text += "  " + s.Subtle.Render(textfit.OneLine(c.City))
		}
		if i == l.cursor {
			out = append(out, s.RowCursor.Render(textfit.Fit("› "+text, w)))
		} else {
			out = append(out, "  "+text)
		}
	}
	if l.err != "" {
		out = append(out, s.FieldError.Render("✗ "+l.err))
	}
	return out
}
