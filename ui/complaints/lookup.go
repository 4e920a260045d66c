package complaints

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
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
	env    common.Env
	keys   keymap.Lookup
	in     *ask // only its text line: the prompt and the input
	rows   []model.Client
	counts []int
	cursor int
	gen    uint64
	asked  uint64 // the gen the rows answer
	cancel context.CancelFunc
	err    string
	// chooseFirst: enter came before the answer for the text typed; the
	// answer's first client is taken when it arrives (typing ahead).
	chooseFirst bool
}

func newClientLookup(env common.Env) *clientLookup {
	l := &clientLookup{env: env, keys: keymap.NewLookup(), in: newText(env.Styles, model.T("complaints.lookup.title"), false)}
	l.in.text.Prompt = "/ " // the matches below are marked ›
	l.in.text.Placeholder = model.T("complaints.lookup.place")
	return l
}

func (l *clientLookup) setWidth(w int) { l.in.setWidth(w) }

func (l *clientLookup) text() string { return l.in.answer() }

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
			switch {
			case l.text() == "":
				l.err = model.T("complaints.lookup.type")
			case l.asked == l.gen && l.cursor < len(l.rows):
				c := l.rows[l.cursor]
				return nil, &c
			case l.asked == l.gen:
				l.err = model.T("complaints.lookup.none")
			default:
				l.chooseFirst = true
				l.err = model.T("complaints.lookup.wait")
			}
			return nil, nil
		}
	}
	before := l.text()
	l.in.text, cmd = l.in.text.Update(msg)
	if l.text() != before {
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
	if l.text() == "" {
		l.rows, l.counts, l.asked, l.cursor = nil, nil, l.gen, 0
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	return lookupClients(ctx, l.env.Store, l.gen, l.text())
}

// onMatches takes an answer; chosen is set when enter was waiting for it.
func (l *clientLookup) onMatches(m clientMatchesMsg) (chosen *model.Client) {
	if m.gen != l.gen {
		return nil
	}
	l.asked = m.gen
	l.rows, l.counts, l.cursor, l.err = m.rows, m.counts, 0, ""
	switch {
	case m.err != nil:
		l.err = errText(m.err)
	case len(m.rows) == 0:
		l.err = model.T("complaints.lookup.none")
	case l.chooseFirst:
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

// lines draws the title, the input and the matches, w wide.
func (l *clientLookup) lines(w int) []string {
	s := l.env.Styles
	out := l.in.lines(w)
	for i, c := range l.rows {
		text := textfit.OneLine(c.ShortName)
		if c.TaxID != "" {
			text += "  " + s.Subtle.Render(c.TaxID)
		}
		if c.City != "" {
			text += "  " + s.Subtle.Render(textfit.OneLine(c.City))
		}
		if i < len(l.counts) && l.counts[i] >= 0 {
			text += "  " + s.Subtle.Render(model.T("complaints.lookup.count", l.counts[i]))
		}
		if i == l.cursor {
			out = append(out, s.RowCursor.Render(textfit.Fit("› "+text, w)))
		} else {
			out = append(out, textfit.Fit("  "+text, w))
		}
	}
	if l.err != "" {
		out = append(out, s.FieldError.Render(textfit.Fit("✗ "+l.err, w)))
	}
	return out
}
