package exchange

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/components/textfit"
)

// labelW is the width of a form's labels.
const labelW = 10

// keysNow are the pane's keys with their help for the state shown: ctrl+t
// names the other side, esc says whether it goes back or closes.
func (m *Model) keysNow() keymap.Exchange {
	k := m.keys
	if m.mode == ModeImport {
		k.Mode.SetHelp("ctrl+t", model.T("exch.ui.key.to_export"))
	} else {
		k.Mode.SetHelp("ctrl+t", model.T("exch.ui.key.to_import"))
	}
	if m.stage == stForm {
		k.Back.SetHelp("esc", model.T("exch.ui.key.close"))
	}
	return k
}

// ShortHelp is the footer for the pane's state.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keysNow()
	switch {
	case m.asking != nil:
		return m.asking.ShortHelp()
	case m.stage == stPreviewing || m.stage == stImporting:
		return []key.Binding{k.Cancel}
	case m.stage == stPreview:
		return []key.Binding{k.Import, k.Up, k.Down, k.Back}
	case m.stage == stDone:
		return []key.Binding{k.Up, k.Down, k.Back}
	}
	b := []key.Binding{k.Field}
	if m.fields()[m.focus] == fFile {
		b = append(b, k.Complete)
	} else {
		b = append(b, k.Choose)
	}
	if m.mode == ModeImport {
		b = append(b, k.Preview)
	} else {
		b = append(b, k.Write)
	}
	return append(b, k.Mode, k.Back)
}

// FullHelp is the pane's part of the ? overlay.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keysNow()
	switch {
	case m.asking != nil:
		return m.asking.FullHelp()
	case m.stage == stPreviewing || m.stage == stImporting:
		return [][]key.Binding{{k.Cancel}}
	case m.stage == stPreview:
		return append(k.Nav.FullHelp(), []key.Binding{k.Import, k.Mode, k.Back})
	case m.stage == stDone:
		return append(k.Nav.FullHelp(), []key.Binding{k.Mode, k.Back})
	}
	run := k.Preview
	if m.mode == ModeExport {
		run = k.Write
	}
	return [][]key.Binding{{k.Field, k.Choose, k.Complete}, {run, k.Mode, k.Back}}
}

// tableRoom is how many rows of the preview's table are shown.
func (m *Model) tableRoom() int { return max(1, m.height-10) }

// View renders exactly width×height.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.asking != nil {
		return textfit.Pad(strings.Split(m.asking.View(m.env.Styles, m.width, m.height), "\n"), m.width, m.height)
	}
	var lines []string
	switch m.stage {
	case stForm:
		lines = m.formView()
	case stPreviewing:
		lines = m.waitView(model.T("exch.ui.reading", m.ran.path))
	case stImporting:
		lines = m.waitView(model.T("exch.ui.importing", m.ran.path))
	default:
		lines = m.reportView()
	}
	return textfit.Pad(lines, m.width, m.height)
}

// header is the title with the two sides, the one shown marked.
func (m *Model) header() string {
	s := m.env.Styles
	// The side shown is bracketed as well as styled: it reads without colour.
	imp, exp := model.T("exch.ui.mode.import"), model.T("exch.ui.mode.export")
	if m.mode == ModeImport {
		imp, exp = s.TabActive.Render("["+imp+"]"), s.TabIdle.Render(" "+exp+" ")
	} else {
		imp, exp = s.TabIdle.Render(" "+imp+" "), s.TabActive.Render("["+exp+"]")
	}
	return textfit.Spread(s.Title.Render(model.T("exch.ui.title")), imp+" "+exp, m.width)
}

// wrap breaks a sentence to the pane's width less indent, indented.
func (m *Model) wrap(text string, indent int, render func(...string) string) []string {
	var out []string
	pad := spaces(indent)
	for _, l := range textfit.Wrap(text, m.width-indent-1) {
		out = append(out, pad+render(l))
	}
	return out
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

func (m *Model) formView() []string {
	s := m.env.Styles
	out := []string{m.header(), ""}
	for i, f := range m.fields() {
		focused := i == m.focus
		label := textfit.Fit(model.T("exch.ui.field."+f.name()), labelW)
		mark := "  "
		if focused {
			mark = s.Focused.Render("›") + " "
		}
		var value string
		if f == fFile {
			value = m.path().View()
		} else {
			v := m.choiceLabel(f)
			if focused {
				value = s.Focused.Render("‹ " + v + " ›")
			} else {
				value = s.Value.Render("  " + v)
			}
		}
		out = append(out, mark+s.Label.Render(label)+" "+value)
		if f == fFile && m.fieldErr != "" {
			out = append(out, m.wrap(m.fieldErr, labelW+3, s.FieldError.Render)...)
		}
	}
	out = append(out, "")
	switch {
	case m.writing:
		out = append(out, m.wrap(model.T("exch.ui.writing", m.epath.Value()), 0, s.Subtle.Render)...)
	case m.note != "":
		out = append(out, m.wrap(m.note, 0, s.Success.Render)...)
	case m.mode == ModeImport:
		out = append(out, m.wrap(model.T("exch.ui.hint.import"), 0, s.Subtle.Render)...)
	default:
		out = append(out, m.wrap(model.T("exch.ui.hint.export"), 0, s.Subtle.Render)...)
	}
	return out
}

func (f field) name() string {
	switch f {
	case fKind:
		return "kind"
	case fFile:
		return "file"
	case fEncoding:
		return "encoding"
	}
	return "format"
}

// choiceLabel is the value a choice field shows.
func (m *Model) choiceLabel(f field) string {
	switch {
	case f == fKind && m.mode == ModeImport:
		return model.T("exch.ui.kind." + string(importKinds[m.ikind]))
	case f == fKind:
		return model.T("exch.ui.kind." + string(m.exportKind()))
	case f == fEncoding:
		if encodings[m.enc] == "" {
			return model.T("exch.ui.encoding.auto")
		}
		return encodings[m.enc]
	}
	return model.T(m.exportFormat().key)
}

func (m *Model) waitView(what string) []string {
	s := m.env.Styles
	out := []string{m.header(), ""}
	out = append(out, m.wrap(what, 0, s.Value.Render)...)
	return append(out, m.wrap(model.T("exch.ui.esc_stops"), 0, s.Subtle.Render)...)
}

func (m *Model) reportView() []string {
	s := m.env.Styles
	r := m.report
	kind := model.T("exch.ui.kind." + string(m.ran.kind))
	out := []string{m.header(), ""}
	var title, counts string
	if m.stage == stPreview {
		title = model.T("exch.ui.preview_title", kind, m.ran.path)
		counts = model.T("exch.ui.would", r.Created, r.Updated, r.Unchanged, r.Rejected)
	} else {
		title = model.T("exch.ui.done_title", kind, m.ran.path)
		counts = model.T("exch.ui.did", r.Created, r.Updated, r.Unchanged, r.Rejected)
	}
	out = append(out, m.wrap(title, 0, s.Title.Render)...)
	out = append(out, m.wrap(model.T("exch.ui.read", encodingName(r.Encoding), delimiterName(r.Delimiter), r.Rows), 0, s.Value.Render)...)
	countStyle := s.Value.Render
	if r.Rejected > 0 {
		countStyle = s.Warning.Render
	}
	out = append(out, m.wrap(counts, 0, countStyle)...)
	if m.stage == stDone && r.ReportFile != "" {
		out = append(out, m.wrap(model.T("exch.ui.report_file", m.shown(r.ReportFile)), 0, s.Subtle.Render)...)
	}
	out = append(out, "")
	if len(r.Lines) == 0 {
		return append(out, m.wrap(model.T("exch.ui.no_lines"), 0, s.Subtle.Render)...)
	}
	// Line, action, key, and the reason in the rest of the line (the
	// highlighted row's reason in full under the table).
	widths := []int{6, 10, 16, max(1, m.width-6-10-16-3*textfit.Gap-1)}
	cells := func(c ...string) string { return textfit.Cells(c, widths, []bool{true}) }
	out = append(out, s.Header.Render(" "+cells(model.T("exch.ui.col.line"), model.T("exch.ui.col.action"),
		model.T("exch.ui.col.key"), model.T("exch.ui.col.reason"))))
	room := m.tableRoom() - (len(out) - 6)
	top := max(0, m.cursor-room+1)
	for i := top; i < len(r.Lines) && i < top+room; i++ {
		l := r.Lines[i]
		mark := " "
		if i == m.cursor {
			mark = "›" // the cursor reads without colour too
		}
		row := mark + cells(strconv.Itoa(l.Line), model.T("exch.ui.action."+string(l.Action)), textfit.OneLine(l.Key), textfit.OneLine(l.Reason))
		switch {
		case i == m.cursor:
			row = s.RowCursor.Render(textfit.Fit(row, m.width))
		case l.Action == model.ImportReject:
			row = s.Danger.Render(row)
		default:
			row = s.Row.Render(row)
		}
		out = append(out, row)
	}
	if m.cursor < len(r.Lines) && r.Lines[m.cursor].Reason != "" {
		out = append(out, "")
		out = append(out, m.wrap(model.T("exch.ui.line_reason", r.Lines[m.cursor].Line, textfit.OneLine(r.Lines[m.cursor].Reason)), 0, s.FieldError.Render)...)
	}
	return out
}

func encodingName(e string) string {
	if e == "" {
		return "—"
	}
	return e
}

func delimiterName(d string) string {
	switch d {
	case "":
		return "—"
	case "\t":
		return model.T("exch.ui.delim.tab")
	}
	return "«" + d + "»"
}
