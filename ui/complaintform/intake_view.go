package complaintform

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/planform"
)

// layout gives the form the lines left under the head and the lookup list.
func (f *Intake) layout() {
	h := f.height - len(f.headLines()) - len(f.lookupLines())
	f.form.SetSize(f.width, max(1, h))
}

func (f *Intake) title() string {
	name := ""
	if f.hasClient {
		name = f.client.ShortName
	}
	switch {
	case f.edit && name != "":
		return model.T("complaintform.title.edit_for", int(f.base.ID), name)
	case f.edit:
		return model.T("complaintform.title.edit", int(f.base.ID))
	case name != "":
		return model.T("complaintform.title.new_for", name)
	}
	return model.T("complaintform.title.new")
}

// hint explains the focused field where a word helps.
func (f *Intake) hint() string {
	k := f.form.Focused()
	switch {
	case k == fSerious:
		return model.T("complaintform.hint.serious")
	case strings.HasPrefix(k, linePrefix):
		return model.T("complaintform.hint.lines")
	case k == fClient && f.lookup && !f.hasClient:
		return model.T("complaintform.hint.client")
	case k == fReceived:
		return model.T("complaintform.hint.received")
	case k == fOrder && f.hasClient && len(f.orders) == 0:
		return model.T("complaintform.hint.no_orders")
	}
	return ""
}

// headLines: the title (with "saving…" or "changed"), the question, the
// store's sentence, the "still open" warning, the deadline and the hint.
func (f *Intake) headLines() []string {
	st := f.env.Styles
	ls := []string{titleLine(st, f.title(), f.width, f.saving || f.checking, f.form.Dirty())}
	if f.discard {
		ls = append(ls, st.Warning.Render(model.T("complaintform.discard")))
	}
	for _, l := range wrapIf(f.banner, f.width) {
		ls = append(ls, st.Danger.Render(l))
	}
	if len(f.open) > 0 {
		for _, l := range wrap(f.warningText(), f.width) {
			ls = append(ls, st.Warning.Render(l))
		}
	}
	if f.deadline != "" {
		ls = append(ls, st.Subtle.Render(ansi.Truncate(f.deadline, f.width, "…")))
	}
	for _, l := range wrapIf(f.hint(), f.width) {
		ls = append(ls, st.Subtle.Render(l))
	}
	return ls
}

// warningText names the open complaints about the same order and what the
// second ctrl+s does.
func (f *Intake) warningText() string {
	var parts []string
	for _, r := range f.open {
		no := r.OrderNo
		if no == "" {
			no = f.order.Number
		}
		parts = append(parts, model.T("complaintform.still_open", int(r.ID), model.FormatDate(r.Received, f.env.Loc), no))
	}
	return strings.Join(parts, "; ") + ". " + model.T("complaintform.save_anyway")
}

func wrapIf(s string, w int) []string {
	if s == "" {
		return nil
	}
	return wrap(s, w)
}

// lookupLines are the clients matching what was typed in the client field.
func (f *Intake) lookupLines() []string {
	if !f.lookup || f.hasClient || f.query == "" || f.form.Focused() != fClient {
		return nil
	}
	st := f.env.Styles
	ls := []string{st.Header.Render(model.T("complaintform.matches", f.total))}
	switch {
	case len(f.matches) == 0 && f.indexing:
		return append(ls, "  "+st.Subtle.Render(model.T("complaintform.indexing")))
	case len(f.matches) == 0:
		return append(ls, "  "+st.Subtle.Render(model.T("complaintform.no_matches")))
	}
	return append(ls, planform.MatchLines(st, f.matches, f.cursor, f.width)...)
}

// View renders the form, exactly width×height.
func (f *Intake) View() string {
	ls := f.headLines()
	body := strings.Split(f.form.View(), "\n")
	if look := f.lookupLines(); len(look) > 0 {
		// The matches follow the last field, not the foot of a tall screen.
		for len(body) > 0 && strings.TrimSpace(ansi.Strip(body[len(body)-1])) == "" {
			body = body[:len(body)-1]
		}
		body = append(body, look...)
	}
	return strings.Join(fit(append(ls, body...), f.width, f.height), "\n")
}
