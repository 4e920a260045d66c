package orders

import (
	"context"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/clientpick"
	"clientbase/ui/styles"
)

// lookupRows is how many clients a lookup shows.
const lookupRows = 8

// clientLookup finds a client by name, tax id or phone as it is typed (the
// client search of the list); enter takes the highlighted one.
type clientLookup struct {
	env     common.Env
	keys    keymap.Lookup // esc and the help; the list handles ↑/↓ and enter
	input   textinput.Model
	matches *clientpick.Matches
}

func newClientLookup(env common.Env, owner uint64, prompt string) *clientLookup {
	l := &clientLookup{env: env, keys: keymap.NewLookup()}
	l.matches = clientpick.New(clientpick.Texts{None: model.T("orders.lookup.none"), Wait: model.T("orders.lookup.wait")},
		func(ctx context.Context, gen uint64, text string) tea.Cmd {
			return lookupClients(ctx, env.Store, owner, gen, text)
		})
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
		if handled, c := l.matches.Key(k, l.input.Value()); handled {
			return nil, c
		}
	}
	before := l.input.Value()
	l.input, cmd = l.input.Update(msg)
	if l.input.Value() != before {
		return tea.Batch(cmd, l.matches.Ask(l.input.Value())), nil
	}
	return cmd, nil
}

// onMatches takes an answer; chosen is set when enter was waiting for it.
func (l *clientLookup) onMatches(m clientMatchesMsg) (chosen *model.Client) {
	sentence := ""
	if m.err != nil {
		sentence = errText(m.err)
	}
	return l.matches.Answer(m.gen, m.rows, nil, sentence)
}

func (l *clientLookup) close() { l.matches.Close() }

// lines renders the input and the matches, w wide.
func (l *clientLookup) lines(w int) []string {
	out := append([]string{l.input.View()}, l.matches.Rows(l.env.Styles, w)...)
	if e := l.matches.Err(); e != "" {
		out = append(out, l.env.Styles.FieldError.Render("✗ "+e))
	}
	return out
}
