package complaints

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/components/table"
	"clientbase/ui/styles"
)

// wrap breaks user text into lines of at most w cells (words kept whole when they fit).
func wrap(s string, w int) []string {
	if w < 4 {
		w = 4
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(table.Plain(para)) {
			switch {
			case line == "":
				line = word
			case lipgloss.Width(line)+1+lipgloss.Width(word) <= w:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
			for lipgloss.Width(line) > w {
				out = append(out, ansi.Truncate(line, w, ""))
				line = ansi.TruncateLeft(line, w, "")
			}
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

func dateTimeText(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return model.FormatDateTime(t, loc)
}

// deadlineText is a queue row's deadline, without the year (deadlines lie days ahead).
func deadlineText(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(loc).Format("02.01 15:04")
}

// shortDate is a queue row's received date with a two-digit year.
func shortDate(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(loc).Format("02.01.06")
}

// amount is an amount without its currency, for columns.
func amount(m model.Money) string {
	if m.Minor == 0 {
		return "—"
	}
	return model.FormatMoney(model.Money{Minor: m.Minor})
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func directionShort(d model.ComplaintDirection) string {
	return model.T("complaints.direction." + string(d))
}

// urgency is how a deadline stands: the countdown's colour.
type urgency int

const (
	urgencyNone    urgency = iota // closed, or no deadline
	urgencyFine                   // green
	urgencySoon                   // yellow: less than a quarter of the service level left
	urgencyOverdue                // red
	urgencyPaused                 // subtle: waiting for the client
)

// urgencyOf decides a row's countdown colour from the time left the store
// measured: overdue below zero, soon under 25 % of the service level.
func urgencyOf(status model.ComplaintStatus, deadline, pausedAt time.Time, left time.Duration, sla int) urgency {
	switch {
	case model.ClockStopped(status) || deadline.IsZero():
		return urgencyNone // answered (or closed): the time to answer no longer runs
	case !pausedAt.IsZero():
		return urgencyPaused
	case left < 0:
		return urgencyOverdue
	case sla > 0 && 4*left < time.Duration(sla)*time.Minute:
		return urgencySoon
	}
	return urgencyFine
}

func rowUrgency(r model.ComplaintRow) urgency {
	return urgencyOf(r.Status, r.Deadline, r.PausedAt, r.Left, r.SLA)
}

// String names an urgency for the goldens, where colours are lost.
func (u urgency) String() string {
	return [...]string{"none", "green", "yellow", "red", "paused"}[u]
}

// style is the countdown's style; under the cursor the row's background stays.
func (u urgency) style(s styles.Styles, cursor bool) lipgloss.Style {
	base := s.Row
	if cursor {
		base = s.RowCursor
	}
	switch u {
	case urgencyFine:
		return base.Foreground(s.Green)
	case urgencySoon:
		return base.Foreground(s.Yellow)
	case urgencyOverdue:
		return base.Foreground(s.Red)
	case urgencyPaused, urgencyNone:
		return base.Foreground(s.Muted)
	}
	return base
}

// leftText is the countdown: time left, "overdue 3h", or "paused 5h".
func leftText(status model.ComplaintStatus, deadline, pausedAt time.Time, left time.Duration, dayMinutes int) string {
	switch {
	case status == model.ComplaintClosed || deadline.IsZero():
		return "—"
	case model.ClockStopped(status):
		return model.T("complaints.left.answered")
	case !pausedAt.IsZero():
		return model.T("complaints.left.paused", model.FormatLeft(left, dayMinutes))
	}
	return model.FormatLeft(left, dayMinutes)
}

// dayMinutes is a working day's length in the settings' calendar (9 hours when unset).
func dayMinutes(cs model.ComplaintSettings) int {
	if d := cs.WorkTo - cs.WorkFrom; d > 0 {
		return d
	}
	return 9 * 60
}

// deptZone is the zone the complaint settings count deadlines in.
func deptZone(cs model.ComplaintSettings) *time.Location { return cs.Calendar().Location() }

// shownZone and withZone are model.ComplaintZone and model.WithZone (the
// intake form's deadline preview shows its time the same way).
func shownZone(dept, user *time.Location, at time.Time) (*time.Location, string) {
	return model.ComplaintZone(dept, user, at)
}

func withZone(text, abbr string) string { return model.WithZone(text, abbr) }
