// Package settingsedit holds what the settings editors (the call rules, the
// complaint settings) share: a list of rows each opened in a small form,
// its cursor and scrolling, the title and notice lines, the discard
// question, the help for the editor's state and the working-week fields.
package settingsedit

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/form"
	"clientbase/ui/styles"
)

// Access says whether the signed-in user may change the settings (act on
// a writable database), and if not, why: readOnly or noRight.
func Access(env common.Env, act model.Action, readOnly, noRight string) (canEdit bool, why string) {
	switch {
	case env.ReadOnly:
		return false, readOnly
	case !model.Can(env.Me, act):
		return false, noRight
	}
	return true, ""
}

// Line is one screen line of an editor's body and the row it belongs to (-1: none).
type Line struct {
	Text string
	Row  int
}

// Scroll is the offset that keeps the cursor's row and its error lines in a
// window of h body lines, starting from offset.
func Scroll(body []Line, cursor, offset, h int) int {
	first, last := -1, -1
	for i, l := range body {
		if l.Row == cursor {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if last >= offset+h {
		offset = last - h + 1
	}
	if first >= 0 && first < offset {
		offset = first
	}
	return max(0, min(offset, len(body)-h))
}

// RowLine styles a row's text: the cursor's row fills the width (the edit
// cursor when the settings may be changed, else a read-only highlight).
func RowLine(st styles.Styles, text string, cursor, canEdit bool, width int) string {
	switch {
	case cursor && canEdit:
		return st.RowCursor.Render(Pad(text, width))
	case cursor:
		return st.Focused.Render(Pad(text, width))
	}
	return st.Row.Render(text)
}

// Marker is the row's cursor mark.
func Marker(cursor bool) string {
	if cursor {
		return "▸ "
	}
	return "  "
}

// Title is the title line: the title, and at the right edge whether the
// draft is being saved or differs from what the store holds.
func Title(st styles.Styles, width int, title string, saving, dirty bool, savingText, changedText string) string {
	title = st.Title.Render(title)
	var right string
	switch {
	case saving:
		right = st.Subtle.Render(savingText)
	case dirty:
		right = st.Warning.Render(changedText)
	}
	gap := width - lipgloss.Width(title) - lipgloss.Width(right)
	if right == "" || gap < 1 {
		return title
	}
	return title + strings.Repeat(" ", gap) + right
}

// Notice is the line under the title: what the store refused, else why the
// settings are read-only, else idle.
func Notice(st styles.Styles, errTop, why, idle string) string {
	switch {
	case errTop != "":
		return st.FieldError.Render(errTop)
	case why != "":
		return st.Warning.Render(why)
	}
	return idle
}

// ShortHelp is the footer for the editor's state: the question's, the
// form's, the read-only list's or the list's keys.
func ShortHelp(ask *confirm.Model, f *form.Model, canEdit bool, readOnly, list []key.Binding) []key.Binding {
	switch {
	case ask != nil:
		return ask.ShortHelp()
	case f != nil:
		return f.Keys().ShortHelp()
	case !canEdit:
		return readOnly
	}
	return list
}

// FullHelp is the ? overlay for the editor's state.
func FullHelp(ask *confirm.Model, f *form.Model, canEdit bool, readOnly []key.Binding, list [][]key.Binding) [][]key.Binding {
	switch {
	case ask != nil:
		return ask.FullHelp()
	case f != nil:
		return f.Keys().FullHelp()
	case !canEdit:
		return [][]key.Binding{readOnly}
	}
	return list
}

// Answer passes a key to the open discard question: it is nil once
// answered, and leave says the answer was yes (drop the draft and close).
func Answer(ask *confirm.Model, k tea.KeyPressMsg) (open *confirm.Model, leave bool) {
	a := ask.Update(k)
	if a.Answered {
		return nil, a.Yes
	}
	return &a, false
}

// Weekdays in the order the department reads a week.
var Weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// DayKey is the working-days form's field of day d.
func DayKey(d time.Weekday) string { return "day." + strconv.Itoa(int(d)) }

// DayToggles are the working-days form's fields, labelled by the messages
// labels+N (N the weekday's number).
func DayToggles(labels string, days [7]bool) []form.Field {
	fields := make([]form.Field, 0, len(Weekdays))
	for _, d := range Weekdays {
		fields = append(fields, form.Toggle(DayKey(d), model.T(labels+strconv.Itoa(int(d))), days[d]))
	}
	return fields
}

// ReadDays is the working days the form's toggles give.
func ReadDays(f *form.Model) [7]bool {
	var days [7]bool
	for _, d := range Weekdays {
		days[d] = f.Bool(DayKey(d))
	}
	return days
}

// DayNames are the working days' short names (the messages names+N), spaced.
func DayNames(names string, days [7]bool) string {
	var out []string
	for _, d := range Weekdays {
		if days[d] {
			out = append(out, model.T(names+strconv.Itoa(int(d))))
		}
	}
	return strings.Join(out, " ")
}

// Pad cuts or fills s to exactly w cells (a column of the list).
func Pad(s string, w int) string {
	if n := lipgloss.Width(s); n > w {
		return ansi.Truncate(s, w-1, "…") + " "
	} else if n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// HoursText is the working hours (minutes of the day) as the form shows them.
func HoursText(from, to int) string {
	return model.FormatCallWindow(model.CallWindow{From: from, To: to})
}

// ParseHours reads typed working hours; ok is false when they do not read
// or are empty (the caller says so in its own words: ParseCallWindow's
// sentences speak of a client's window, these are the department's hours).
func ParseHours(s string) (from, to int, ok bool) {
	w, err := model.ParseCallWindow(s)
	return w.From, w.To, err == nil && w != (model.CallWindow{})
}
