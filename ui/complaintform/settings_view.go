package complaintform

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"clientbase/model"
)

// Column widths of the levels table.
const (
	colMarker   = 2
	colType     = 20
	colCategory = 16
)

// headLines are the lines above the body: title, the notice, the column header.
const settingsHead = 3

func (m *Settings) bodyHeight() int { return max(m.height-settingsHead, 1) }

// line is one screen line of the body and the row it belongs to (-1: none).
type line struct {
	text string
	row  int
}

// View renders exactly width×height.
func (m *Settings) View() string {
	st := m.env.Styles
	out := []string{m.titleLine(), m.noticeLine()}
	switch {
	case m.loading:
		out = append(out, st.Subtle.Render(model.T("complaintform.loading")))
	case m.loadErr != "":
		for _, l := range wrap(m.loadErr, m.width) {
			out = append(out, st.FieldError.Render(l))
		}
	case m.ask != nil:
		out = append(out, strings.Split(m.ask.View(st, m.width, m.height-len(out)), "\n")...)
	case m.form != nil:
		out = append(out, st.Header.Render(m.formTitle()))
		out = append(out, strings.Split(m.form.View(), "\n")...)
	default:
		out = append(out, st.Header.Render(pad("", colMarker)+pad(model.T("complaintform.settings.col.type"), colType)+
			pad(model.T("complaintform.settings.col.category"), colCategory)+model.T("complaintform.settings.col.hours")))
		body := m.body()
		for i := m.offset; i < len(body) && i < m.offset+m.bodyHeight(); i++ {
			out = append(out, body[i].text)
		}
	}
	return strings.Join(fit(out, m.width, m.height), "\n")
}

func (m *Settings) titleLine() string {
	st := m.env.Styles
	title := st.Title.Render(model.T("complaintform.settings.title"))
	var right string
	switch {
	case m.saving:
		right = st.Subtle.Render(model.T("complaintform.saving"))
	case m.Dirty():
		right = st.Warning.Render(model.T("complaintform.changed"))
	}
	gap := m.width - lipgloss.Width(title) - lipgloss.Width(right)
	if right == "" || gap < 1 {
		return title
	}
	return title + strings.Repeat(" ", gap) + right
}

// noticeLine says what the store refused, or why the settings are read-only.
func (m *Settings) noticeLine() string {
	st := m.env.Styles
	switch {
	case m.errTop != "":
		return st.FieldError.Render(m.errTop)
	case m.why != "":
		return st.Warning.Render(m.why)
	}
	return st.Subtle.Render(model.T("complaintform.settings.hint"))
}

func (m *Settings) formTitle() string {
	st := m.env.Styles
	switch {
	case m.editing == newLevel:
		return model.T("complaintform.settings.new_level")
	case m.editing < len(m.draft.Levels):
		return model.T("complaintform.settings.edit_level")
	case m.rowKey(m.editing) == "holidays":
		return model.T("complaintform.settings.edit_general") + "  " + st.Subtle.Render(model.T("complaintform.settings.holiday_hint"))
	}
	return model.T("complaintform.settings.edit_general")
}

// body is every line under the header: the levels, a blank line, the
// general rows, each row followed by its error sentence.
func (m *Settings) body() []line {
	st := m.env.Styles
	var out []line
	if len(m.draft.Levels) == 0 {
		out = append(out, line{text: "  " + st.Subtle.Render(model.T("complaintform.settings.no_levels")), row: -1})
	}
	for i := 0; i < m.rowCount(); i++ {
		if i == len(m.draft.Levels) {
			out = append(out, line{row: -1})
		}
		text := m.rowText(i)
		switch {
		case i == m.cursor && m.canEdit:
			text = st.RowCursor.Render(pad(text, m.width))
		case i == m.cursor:
			text = st.Focused.Render(pad(text, m.width))
		default:
			text = st.Row.Render(text)
		}
		out = append(out, line{text: text, row: i})
		if err := m.errs[m.rowKey(i)]; err != "" {
			for _, l := range wrap("↳ "+err, m.width-colMarker-2) {
				out = append(out, line{text: strings.Repeat(" ", colMarker+2) + st.FieldError.Render(l), row: i})
			}
		}
	}
	return out
}

// rowText is row i without styles.
func (m *Settings) rowText(i int) string {
	marker := "  "
	if i == m.cursor {
		marker = "▸ "
	}
	s := m.draft
	if i < len(s.Levels) {
		l := s.Levels[i]
		return marker + pad(typeName(l.Type), colType) + pad(categoryName(l.Category), colCategory) + hoursText(l.Hours, s)
	}
	k := m.rowKey(i)
	var value string
	switch k {
	case "default_hours":
		value = hoursText(s.DefaultHours, s)
	case "serious_hours":
		value = hoursText(s.SeriousHours, s)
	case "follow_up_days":
		value = plural("complaintform.days", s.FollowUpDays)
	case "work_days":
		var days []string
		for _, d := range weekdays {
			if s.WorkDays[d] {
				days = append(days, model.T("complaintform.settings.day."+strconv.Itoa(int(d))))
			}
		}
		value = strings.Join(days, " ")
	case "work_hours":
		value = model.FormatCallWindow(model.CallWindow{From: s.WorkFrom, To: s.WorkTo})
	case "holidays":
		value = model.FormatHolidays(s.Holidays)
	case "zone":
		value = s.Zone
	}
	if value == "" {
		value = model.T("complaintform.settings.none")
	}
	return marker + pad(model.T("complaintform.settings."+k), colType+colCategory) + value
}

// hoursText is "24 h (3 working days)" when the hours are whole working days.
func hoursText(h int, s model.ComplaintSettings) string {
	day := s.WorkTo - s.WorkFrom
	if h > 0 && day > 0 && (h*60)%day == 0 {
		return model.T("complaintform.settings.hours_days", h, plural("complaintform.days", h*60/day))
	}
	return model.T("complaintform.settings.hours_value", h)
}

// keepVisible scrolls the body so the cursor's row and its error are on screen.
func (m *Settings) keepVisible() {
	if m.loading {
		return
	}
	body := m.body()
	first, last := -1, -1
	for i, l := range body {
		if l.row == m.cursor {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	h := m.bodyHeight()
	if last >= m.offset+h {
		m.offset = last - h + 1
	}
	if first >= 0 && first < m.offset {
		m.offset = first
	}
	m.offset = max(0, min(m.offset, len(body)-h))
}
