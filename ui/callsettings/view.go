package callsettings

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/components/settingsedit"
)

// Column widths of the rules table (the first two columns are the cursor marker and the outcome).
const (
	colMarker  = 2
	colOutcome = 17
	colAction  = 19
	colDelay   = 7
	colMax     = 5
	colThen    = 16
)

// headLines are the lines above the body: title, the read-only or error line, the column header.
const headLines = 3

func (m *Model) bodyHeight() int { return max(m.height-headLines, 1) }
func (m *Model) formHeight() int { return max(m.height-headLines, 1) }

// line is one screen line of the body and the row it belongs to (-1: none).
type line = settingsedit.Line

// View renders exactly width×height.
func (m *Model) View() string {
	out := make([]string, 0, m.height)
	out = append(out, m.titleLine(), m.noticeLine())
	switch {
	case m.loading:
		out = append(out, m.st.Subtle.Render(model.T("callsettings.loading")))
	case m.loadErr != "":
		out = append(out, m.wrap(m.loadErr, m.st.FieldError, m.width)...)
	case m.ask != nil:
		out = append(out, strings.Split(m.ask.View(m.st, m.width, m.height-len(out)), "\n")...)
	case m.form != nil:
		out = append(out, m.st.Header.Render(m.formTitle()))
		out = append(out, strings.Split(m.form.View(), "\n")...)
	default:
		out = append(out, m.header())
		body := m.body()
		for i := m.offset; i < len(body) && i < m.offset+m.bodyHeight(); i++ {
			out = append(out, body[i].Text)
		}
	}
	if len(out) > m.height {
		out = out[:m.height]
	}
	for i := range out {
		out[i] = fit(out[i], m.width)
	}
	for len(out) < m.height {
		out = append(out, strings.Repeat(" ", m.width))
	}
	return strings.Join(out, "\n")
}

func (m *Model) titleLine() string {
	return settingsedit.Title(m.st, m.width, model.T("callsettings.title"), m.saving, m.Dirty(),
		model.T("callsettings.saving"), model.T("callsettings.changed"))
}

// noticeLine says why the rules are read-only, or what the store refused.
func (m *Model) noticeLine() string { return settingsedit.Notice(m.st, m.errTop, m.why, "") }

func (m *Model) formTitle() string {
	if m.editing < len(model.Outcomes) {
		return model.T("callsettings.edit_rule", model.OutcomeLabel(model.Outcomes[m.editing])) + "  " +
			m.st.Subtle.Render(model.T("callsettings.rule_hint"))
	}
	if rowKey(m.editing) == "holidays" {
		return model.T("callsettings.edit_general") + "  " + m.st.Subtle.Render(model.T("callsettings.holiday_hint"))
	}
	return model.T("callsettings.edit_general")
}

func (m *Model) header() string {
	cols := []string{
		pad("", colMarker),
		pad(model.T("callsettings.col.outcome"), colOutcome),
		pad(model.T("callsettings.col.action"), colAction),
		pad(model.T("callsettings.col.delay"), colDelay),
		pad(model.T("callsettings.col.max"), colMax),
		pad(model.T("callsettings.col.then"), colThen),
		model.T("callsettings.col.flag"),
	}
	return m.st.Header.Render(strings.Join(cols, ""))
}

// body is every line under the header: the rules, a blank line, the
// working time and limits, each row followed by its error sentence.
func (m *Model) body() []line {
	var out []line
	for i := 0; i < rowCount(); i++ {
		if i == len(model.Outcomes) {
			out = append(out, line{Row: -1})
		}
		out = append(out, line{Text: settingsedit.RowLine(m.st, m.rowText(i), i == m.cursor, m.canEdit, m.width), Row: i})
		if err := m.errs[rowKey(i)]; err != "" {
			for _, l := range m.wrap("↳ "+err, m.st.FieldError, m.width-colMarker-2) {
				out = append(out, line{Text: strings.Repeat(" ", colMarker+2) + l, Row: i})
			}
		}
	}
	return out
}

// rowText is row i without styles.
func (m *Model) rowText(i int) string {
	marker := settingsedit.Marker(i == m.cursor)
	if i < len(model.Outcomes) {
		r := m.draft.Rules[i]
		var delay, most, then, flag string
		if r.Action == model.RetryAgain || r.Action == model.RetryCheckCall {
			delay = model.FormatDelay(r.Delay)
		}
		if r.Action == model.RetryAgain {
			most = model.T("callsettings.no_limit")
			if r.MaxAttempts > 0 {
				most = strconv.Itoa(r.MaxAttempts)
				t := r.Then
				if t == "" {
					t = model.RetryClose
				}
				then = model.RetryActionLabel(t)
			}
		}
		if r.FlagPhone {
			flag = model.T("callsettings.yes")
		}
		return marker + pad(model.OutcomeLabel(r.Outcome), colOutcome) + pad(model.RetryActionLabel(r.Action), colAction) +
			pad(delay, colDelay) + pad(most, colMax) + pad(then, colThen) + flag
	}
	s := m.draft
	var label, value string
	switch rowKey(i) {
	case "work_hours":
		label, value = model.T("callsettings.work_hours"), settingsedit.HoursText(s.WorkFrom, s.WorkTo)
	case "work_days":
		label, value = model.T("callsettings.work_days"), settingsedit.DayNames("callsettings.day.", s.WorkDays)
	case "holidays":
		label, value = model.T("callsettings.holidays"), model.FormatHolidays(s.Holidays)
	case "pester":
		label, value = model.T("callsettings.pester"), model.T("callsettings.pester_value", s.PesterMax, s.PesterDays)
	case "default_zone":
		label, value = model.T("callsettings.zone"), s.DefaultZone
	}
	if value == "" {
		value = model.T("callsettings.none")
	}
	return marker + pad(label, colOutcome) + value
}

// keepVisible scrolls the body so the cursor's row and its error are on screen.
func (m *Model) keepVisible() {
	m.offset = settingsedit.Scroll(m.body(), m.cursor, m.offset, m.bodyHeight())
}

// wrap breaks a sentence into lines of at most w cells, styled.
func (m *Model) wrap(s string, st lipgloss.Style, w int) []string {
	w = max(w, 10)
	var out []string
	for _, l := range strings.Split(ansi.Wordwrap(s, w, " "), "\n") {
		out = append(out, st.Render(l))
	}
	return out
}

// pad cuts or fills s to exactly w cells.
var pad = settingsedit.Pad

// fit makes a rendered line exactly w cells wide.
func fit(s string, w int) string {
	if n := lipgloss.Width(s); n > w {
		return ansi.Truncate(s, w, "…")
	} else if n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
