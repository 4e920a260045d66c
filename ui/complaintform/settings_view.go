package complaintform

import (
	"strings"

	"clientbase/model"
	"clientbase/ui/components/settingsedit"
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
type line = settingsedit.Line

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
			out = append(out, body[i].Text)
		}
	}
	return strings.Join(fit(out, m.width, m.height), "\n")
}

func (m *Settings) titleLine() string {
	return settingsedit.Title(m.env.Styles, m.width, model.T("complaintform.settings.title"), m.saving, m.Dirty(),
		model.T("complaintform.saving"), model.T("complaintform.changed"))
}

// noticeLine says what the store refused, or why the settings are read-only.
func (m *Settings) noticeLine() string {
	st := m.env.Styles
	return settingsedit.Notice(st, m.errTop, m.why, st.Subtle.Render(model.T("complaintform.settings.hint")))
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
		out = append(out, line{Text: "  " + st.Subtle.Render(model.T("complaintform.settings.no_levels")), Row: -1})
	}
	for i := 0; i < m.rowCount(); i++ {
		if i == len(m.draft.Levels) {
			out = append(out, line{Row: -1})
		}
		out = append(out, line{Text: settingsedit.RowLine(st, m.rowText(i), i == m.cursor, m.canEdit, m.width), Row: i})
		if err := m.errs[m.rowKey(i)]; err != "" {
			for _, l := range wrap("↳ "+err, m.width-colMarker-2) {
				out = append(out, line{Text: strings.Repeat(" ", colMarker+2) + st.FieldError.Render(l), Row: i})
			}
		}
	}
	return out
}

// rowText is row i without styles.
func (m *Settings) rowText(i int) string {
	marker := settingsedit.Marker(i == m.cursor)
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
		value = settingsedit.DayNames("complaintform.settings.day.", s.WorkDays)
	case "work_hours":
		value = settingsedit.HoursText(s.WorkFrom, s.WorkTo)
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
	m.offset = settingsedit.Scroll(m.body(), m.cursor, m.offset, m.bodyHeight())
}
