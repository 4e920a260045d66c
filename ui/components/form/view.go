package form

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// View renders the visible window of the form, exactly width × height:
// "Label   value", and under a bad field its error sentence. Fields outside
// the window are not rendered at all.
func (m Model) View() string {
	out := make([]string, 0, m.height)
	top := 0
	for i := range m.fields {
		n := m.fields[i].lines(m.width)
		if n == 0 || top+n <= m.offset {
			top += n
			continue
		}
		if top >= m.offset+m.height {
			break
		}
		for j, l := range m.fieldLines(i) {
			if at := top + j; at >= m.offset && at < m.offset+m.height {
				out = append(out, fitLine(l, m.width))
			}
		}
		top += n
	}
	for len(out) < m.height {
		out = append(out, strings.Repeat(" ", m.width))
	}
	return strings.Join(out, "\n")
}

// Lines renders every visible field, one string per screen line, unscrolled.
func (m Model) Lines() []string {
	var lines []string
	for i := range m.fields {
		lines = append(lines, m.fieldLines(i)...)
	}
	return lines
}

// fieldLines renders field i: its label and input, then its error sentence.
func (m Model) fieldLines(i int) []string {
	f := m.fields[i]
	if f.Hidden {
		return nil
	}
	var lines []string
	focused := i == m.focus && !m.notFocus
	marker := "  "
	label := m.styles.Label
	if focused {
		marker = m.styles.Focused.Render("▸ ")
		label = m.styles.Focused
	}
	var head string
	if f.longLabel() {
		lines = append(lines, marker+label.Render(f.Label))
		head = strings.Repeat(" ", labelWidth)
	} else {
		head = marker + label.Render(f.Label)
		head += strings.Repeat(" ", max(1, labelWidth-lipgloss.Width(head)))
	}
	switch f.Kind {
	case KindText:
		if f.ReadOnly {
			lines = append(lines, head+m.styles.Subtle.Render(f.input.Value()))
		} else {
			lines = append(lines, head+f.input.View())
		}
	case KindChoice:
		lines = append(lines, head+m.choiceView(f, focused))
	case KindToggle:
		lines = append(lines, head+m.toggleView(f, focused))
	case KindNotes:
		pad := strings.Repeat(" ", labelWidth)
		for j, l := range strings.Split(f.area.View(), "\n") {
			if j == 0 {
				lines = append(lines, head+l)
			} else {
				lines = append(lines, pad+l)
			}
		}
	}
	for _, l := range errorLines(f.err, m.width) {
		lines = append(lines, strings.Repeat(" ", labelWidth)+m.styles.FieldError.Render(l))
	}
	return lines
}

func (m Model) choiceView(f Field, focused bool) string {
	label := f.value
	for _, o := range f.options {
		if o.Value == f.value {
			label = o.Label
			break
		}
	}
	if f.ReadOnly {
		return m.styles.Subtle.Render(label)
	}
	if focused {
		return m.styles.Focused.Render("‹ " + label + " ›")
	}
	return m.styles.Value.Render(label)
}

func (m Model) toggleView(f Field, focused bool) string {
	box := "[ ] " + m.no
	if f.value == "true" {
		box = "[x] " + m.yes
	}
	switch {
	case f.ReadOnly:
		return m.styles.Subtle.Render(box)
	case focused:
		return m.styles.Focused.Render(box)
	}
	return m.styles.Value.Render(box)
}

// fitLine cuts or pads a rendered line to exactly w cells.
func fitLine(s string, w int) string {
	if lipgloss.Width(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	if pad := w - lipgloss.Width(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}
