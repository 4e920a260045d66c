package complaints

import (
	"cmp"
	"context"
	"errors"
	"slices"

	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/clientpick"
	"clientbase/ui/components/textfit"
)

// lookupRows is how many clients the queue's client filter offers.
const lookupRows = 8

// lookupScan is how many matches are looked at for complaints.
const lookupScan = 4 * lookupRows

// clientMatchesMsg answers a lookup's text (gen numbers the text typed);
// counts[i] is how many complaints rows[i] has (-1 unknown).
type clientMatchesMsg struct {
	gen    uint64
	rows   []model.Client
	counts []int
	err    error
}

// lookupClients finds the clients and counts each one's complaints: of
// many "UAB Audėja" the ones with complaints are the ones meant, so they
// come first (of a few more matches than are shown), in name order.
func lookupClients(ctx context.Context, st common.Store, gen uint64, text string) tea.Cmd {
	return func() tea.Msg {
		p, err := st.List(ctx, model.ClientFilter{Text: text}, 0, lookupScan)
		if errors.Is(err, context.Canceled) {
			return nil
		}
		counts := make([]int, len(p.Rows))
		for i, c := range p.Rows {
			counts[i] = -1
			if page, cerr := st.Complaints(ctx, model.ComplaintFilter{Client: c.ID}, 0, 1); cerr == nil {
				counts[i] = page.Total
			} else if errors.Is(cerr, context.Canceled) {
				return nil
			}
		}
		order := make([]int, len(p.Rows))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(min(counts[b], 1), min(counts[a], 1)) })
		order = order[:min(len(order), lookupRows)]
		m := clientMatchesMsg{gen: gen, err: err}
		for _, i := range order {
			m.rows, m.counts = append(m.rows, p.Rows[i]), append(m.counts, counts[i])
		}
		return m
	}
}

// clientLookup is the queue's / filter, the order list's client search:
// part of a name, phone or tax id typed, the matches listed as it is
// typed, enter takes the highlighted one.
type clientLookup struct {
	env     common.Env
	keys    keymap.Lookup // esc and the help; the list handles ↑/↓ and enter
	in      *ask          // only its text line: the prompt and the input
	matches *clientpick.Matches
}

func newClientLookup(env common.Env) *clientLookup {
	l := &clientLookup{env: env, keys: keymap.NewLookup(), in: newText(env.Styles, model.T("complaints.lookup.title"), false)}
	l.in.text.Prompt = "/ " // the matches below are marked ›
	l.in.text.Placeholder = model.T("complaints.lookup.place")
	l.matches = clientpick.New(clientpick.Texts{
		None:  model.T("complaints.lookup.none"),
		Wait:  model.T("complaints.lookup.wait"),
		Empty: model.T("complaints.lookup.type"),
	}, func(ctx context.Context, gen uint64, text string) tea.Cmd {
		return lookupClients(ctx, env.Store, gen, text)
	})
	return l
}

func (l *clientLookup) setWidth(w int) { l.in.setWidth(w) }

func (l *clientLookup) text() string { return l.in.answer() }

// update handles a key; chosen is set when enter took a client.
func (l *clientLookup) update(msg tea.Msg) (cmd tea.Cmd, chosen *model.Client) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if handled, c := l.matches.Key(k, l.text()); handled {
			return nil, c
		}
	}
	before := l.text()
	l.in.text, cmd = l.in.text.Update(msg)
	if l.text() != before {
		return tea.Batch(cmd, l.matches.Ask(l.text())), nil
	}
	return cmd, nil
}

// onMatches takes an answer; chosen is set when enter was waiting for it.
// Each client says how many complaints it has where that is known.
func (l *clientLookup) onMatches(m clientMatchesMsg) (chosen *model.Client) {
	notes := make([]string, len(m.counts))
	for i, n := range m.counts {
		if n >= 0 {
			notes[i] = model.T("complaints.lookup.count", n)
		}
	}
	sentence := ""
	if m.err != nil {
		sentence = errText(m.err)
	}
	return l.matches.Answer(m.gen, m.rows, notes, sentence)
}

func (l *clientLookup) close() { l.matches.Close() }

// lines draws the title, the input and the matches, w wide.
func (l *clientLookup) lines(w int) []string {
	s := l.env.Styles
	out := append(l.in.lines(w), l.matches.Rows(s, w)...)
	if e := l.matches.Err(); e != "" {
		out = append(out, s.FieldError.Render(textfit.Fit("✗ "+e, w)))
	}
	return out
}
