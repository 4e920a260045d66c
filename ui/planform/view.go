package planform

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/styles"
)

// layout gives the form the lines left under the title, the sentences and
// the lookup list; called after every change of those.
func (m *Model) layout() {
	if m.what == whatReassign {
		return
	}
	h := m.height - len(m.headLines()) - len(m.lookupLines())
	m.form.SetSize(m.width, max(1, h))
}

func wrap(s string, w int) []string {
	return strings.Split(ansi.Wrap(s, max(1, w), ""), "\n")
}

func sortedKeys(mp map[string]string) []string {
	keys := make([]string, 0, len(mp))
	for k := range mp {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// title names what the form does.
func (m *Model) title() string {
	loc := m.env.Loc
	switch m.what {
	case whatReschedule:
		return model.T("plan.title.reschedule."+string(m.base.Kind), model.FormatDateTime(m.base.Due, loc))
	case whatCancel:
		return model.T("plan.title.cancel."+string(m.base.Kind), model.FormatDateTime(m.base.Due, loc))
	case whatReassign:
		if len(m.items) == 1 {
			return model.T("plan.title.reassign_one")
		}
		return model.T("plan.title.reassign", len(m.items))
	}
	if m.hasClient {
		return model.T("plan.title.new_for", m.client.ShortName)
	}
	return model.T("plan.title.new")
}

// headLines: the title (with "saving…" or "changed"), then the question or
// the store's sentence.
func (m *Model) headLines() []string {
	st := m.env.Styles
	t := m.title()
	tail := ""
	switch {
	case m.saving:
		tail = "  " + st.Subtle.Render(model.T("plan.saving"))
	case m.what != whatReassign && m.form.Dirty():
		tail = "  " + st.Warning.Render(model.T("plan.changed"))
	}
	if room := m.width - lipgloss.Width(tail); lipgloss.Width(t) > room && room >= 12 {
		t = ansi.Truncate(t, room, "…")
	}
	ls := []string{st.Title.Render(t) + tail}
	if m.discard {
		ls = append(ls, st.Warning.Render(model.T("plan.discard")))
	}
	for _, s := range []string{m.banner, m.usersErr} {
		if s != "" {
			for _, l := range wrap(s, m.width) {
				ls = append(ls, st.Danger.Render(l))
			}
		}
	}
	return ls
}

// lookupLines are the clients matching what was typed in the client field.
func (m *Model) lookupLines() []string {
	if !m.lookup || m.hasClient || m.query == "" || m.form.Focused() != fClient {
		return nil
	}
	st := m.env.Styles
	ls := []string{st.Header.Render(model.T("plan.matches", m.total))}
	if len(m.matches) == 0 && m.indexing {
		return append(ls, "  "+st.Subtle.Render(model.T("plan.indexing")))
	}
	if len(m.matches) == 0 {
		return append(ls, "  "+st.Subtle.Render(model.T("plan.no_matches")))
	}
	return append(ls, MatchLines(st, m.matches, m.cursor, m.width)...)
}

// MatchLines are a client lookup's matches under a form's client field, one
// a line (name · tax id · city · first phone), the cursor's marked.
func MatchLines(st styles.Styles, matches []model.Client, cursor, width int) []string {
	ls := make([]string, 0, len(matches))
	for i, c := range matches {
		parts := []string{c.ShortName}
		if c.TaxID != "" {
			parts = append(parts, c.TaxID)
		}
		if c.City != "" {
			parts = append(parts, c.City)
		}
		if len(c.Phones) > 0 && c.Phones[0].E164 != "" {
			parts = append(parts, model.FormatPhone(c.Phones[0].E164))
		}
		line := ansi.Truncate(strings.Join(parts, " · "), width-2, "…")
		if i == cursor {
			ls = append(ls, st.RowCursor.Render("▸ "+line))
		} else {
			ls = append(ls, "  "+st.Row.Render(line))
		}
	}
	return ls
}

// View renders the form or the reassign list, exactly width×height.
func (m *Model) View() string {
	var ls []string
	ls = append(ls, m.headLines()...)
	if m.what == whatReassign {
		ls = append(ls, m.reassignLines(m.height-len(ls))...)
	} else {
		form := strings.Split(m.form.View(), "\n")
		look := m.lookupLines()
		if len(look) > 0 {
			// The matches follow the last field, not the foot of a tall screen.
			for len(form) > 0 && strings.TrimSpace(ansi.Strip(form[len(form)-1])) == "" {
				form = form[:len(form)-1]
			}
		}
		ls = append(append(ls, form...), look...)
	}
	return strings.Join(fit(ls, m.width, m.height), "\n")
}

// reassignLines: whose items these are, then the list of people to give them to.
func (m *Model) reassignLines(h int) []string {
	st := m.env.Styles
	var ls []string
	if len(m.items) == 0 {
		return []string{st.Subtle.Render(model.T("plan.reassign_nothing"))}
	}
	ls = append(ls, st.Subtle.Render(model.T("plan.reassign_hint")), "")
	if len(m.choices) == 0 {
		return append(ls, st.Subtle.Render(model.T("plan.loading")))
	}
	room := max(1, h-len(ls))
	start := max(0, m.choice-room+1)
	for i := start; i < len(m.choices) && i < start+room; i++ {
		line := ansi.Truncate(m.choices[i].label, m.width-2, "…")
		if i == m.choice {
			ls = append(ls, st.RowCursor.Render("▸ "+line))
		} else {
			ls = append(ls, "  "+st.Row.Render(line))
		}
	}
	return ls
}

// fit cuts or pads every line to exactly w cells and the whole to h lines.
func fit(lines []string, w, h int) []string {
	out := make([]string, 0, h)
	for _, l := range lines {
		if len(out) == h {
			break
		}
		if lipgloss.Width(l) > w {
			l = ansi.Truncate(l, w, "…")
		}
		out = append(out, l+strings.Repeat(" ", max(0, w-lipgloss.Width(l))))
	}
	for len(out) < h {
		out = append(out, strings.Repeat(" ", w))
	}
	return out
}
