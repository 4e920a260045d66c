// Package schedule is the call schedule's planning views: the manager's week
// (calls and visits by day) and the supervisor's person × day grid with its
// cell lists and adherence. The calls tab (ui/calls) holds them as panes.
package schedule

import (
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
	"clientbase/ui/planform"
	"clientbase/ui/styles"
)

// lastGen numbers every load of every pane of this package: a result whose
// number is not its pane's latest (an older week, another pane's) is dropped.
var lastGen atomic.Uint64

func nextGen() uint64 { return lastGen.Add(1) }

// now is the env's clock, or the wall clock when the root gave none.
func now(env common.Env) time.Time { return env.Clock() }

func loc(env common.Env) *time.Location { return env.Zone() }

// weekStart is the Monday midnight (in loc) of t's week.
func weekStart(t time.Time, l *time.Location) time.Time {
	t = t.In(l)
	back := (int(t.Weekday()) + 6) % 7
	return time.Date(t.Year(), t.Month(), t.Day()-back, 0, 0, 0, 0, l)
}

// dayStart is local midnight of t's day.
func dayStart(t time.Time, l *time.Location) time.Time {
	t = t.In(l)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, l)
}

// addDays moves a local midnight by n calendar days (a DST day is 23 or 25 hours).
func addDays(t time.Time, n int) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day()+n, 0, 0, 0, 0, t.Location())
}

// weekDays are the seven local midnights from Monday start.
func weekDays(start time.Time) []time.Time {
	days := make([]time.Time, 7)
	for i := range days {
		days[i] = addDays(start, i)
	}
	return days
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// weekdayName is "Mon".
func weekdayName(t time.Time) string {
	return model.T("schedule.wd." + t.Weekday().String()[:3])
}

func isoWeek(t time.Time) int {
	_, n := t.ISOWeek()
	return n
}

// weekTitle is "Week 48 · 23.11–29.11.2026".
func weekTitle(start time.Time) string {
	_, n := start.ISOWeek()
	end := addDays(start, 6)
	return model.T("schedule.week_title", n, start.Format("02.01"), end.Format("02.01.2006"))
}

// suggestDue is when a new item on day is first proposed: 10:00, or the
// next full hour when day is today; zero for a day gone by (the form asks).
func suggestDue(day, now time.Time, l *time.Location) time.Time {
	t := now.In(l)
	d := day.In(l)
	switch {
	case sameDay(d, t):
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour()+1, 0, 0, 0, l)
	case d.After(t):
		return time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, l) // wall time: right on a DST day too
	}
	return time.Time{}
}

// spread puts left and right on one line of w cells: the left part (the
// title) whole, the right part right-aligned and cut when they do not fit.
func spread(left, right string, w int) string {
	lw, rw := lipgloss.Width(left), lipgloss.Width(right)
	switch {
	case lw+1+rw <= w:
		return textfit.Fit(left, w-rw-1) + " " + right
	case w-lw-1 >= 12:
		return left + " " + textfit.Fit(right, w-lw-1)
	}
	return textfit.Fit(left, w)
}

// pad makes a view exactly h lines of w cells.
func pad(lines []string, w, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines, "\n")
}

// plain makes user text safe for one line of the screen.
func plain(s string) string { return table.Plain(s) }

func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: isErr} }
}

// personName is what a row or title shows of a user name: the full name when known.
func personName(names map[string]string, user string) string {
	if user == "" {
		return model.T("schedule.pool")
	}
	if n := names[user]; n != "" {
		return n
	}
	return user
}

// form is an open plan form or dialog over a pane (plan, reschedule, cancel,
// reassign). The pane hands it every message while it is open.
type form struct{ m *planform.Model }

func (f *form) open(m *planform.Model, w, h int) tea.Cmd {
	f.m = m
	m.SetSize(w, h)
	return m.Init()
}

// update passes msg on and reports whether the form closed with it.
func (f *form) update(msg tea.Msg) (tea.Cmd, bool) {
	if f.m == nil {
		return nil, false
	}
	cmd := f.m.Update(msg)
	if f.m.Closed() {
		f.m = nil
		return cmd, true
	}
	return cmd, false
}

// itemLine is one plan item as the week and the cell list show it:
// "09:30       call  ООО Ромашка — follow-up" with its status on the right.
type itemLine struct {
	when, kind, what string
	status           string
	overdue, today   bool
	closed           bool // done, cancelled or rescheduled away
	done             bool
}

func describe(r model.PlanRow, now time.Time, l *time.Location) itemLine {
	p := r.Item
	var il itemLine
	il.when = p.Due.In(l).Format("15:04")
	if !p.Until.IsZero() {
		u := p.Until.In(l)
		if sameDay(u, p.Due.In(l)) {
			il.when += "–" + u.Format("15:04")
		} else {
			il.when += "–" + u.Format("02.01 15:04")
		}
	}
	il.kind = model.T("schedule.kind." + string(p.Kind))
	name := r.ClientName
	if name == "" {
		name = model.T("schedule.client_n", p.Client)
	}
	what := plain(name)
	if p.Purpose != "" {
		what += " — " + model.T("schedule.purpose."+string(p.Purpose))
	}
	if p.Kind == model.PlanVisit && p.Address != "" {
		what += " @ " + plain(p.Address)
	}
	if p.Note != "" && p.Kind != model.PlanVisit {
		what += " · " + plain(p.Note)
	}
	il.what = what
	il.overdue = p.Overdue(now)
	il.today = p.Open() && sameDay(p.Due.In(l), now.In(l))
	il.closed = !p.Open()
	il.done = p.Status == model.PlanDone
	st := model.T("schedule.status." + string(p.Status))
	if il.overdue {
		st = model.T("schedule.status.overdue")
	}
	if p.Origin == model.OriginOffPlan {
		st = model.T("schedule.off_plan") + " " + st
	}
	if p.HeldBy != "" && p.Open() {
		st = model.T("schedule.held", p.HeldBy) // someone is on this call now
	}
	il.status = st
	return il
}

// statusWidth is the status column of an item line ("off-plan done",
// "on the phone: …"); statusNarrow below 100 columns.
const (
	statusWidth  = 24
	statusNarrow = 13
)

// whenWidth is the time column for rows: "09:30", or "09:30–11:00" when any
// item has a window.
func whenWidth(rows []model.PlanRow, l *time.Location) int {
	w := 5
	for _, r := range rows {
		if !r.Item.Until.IsZero() {
			w = max(w, lipgloss.Width(describe(r, time.Time{}, l).when))
		}
	}
	return w
}

// render draws the item line w cells wide (marker included), styled for its state.
func (il itemLine) render(s styles.Styles, marker string, whenW, w int, cursor bool) string {
	stW := statusWidth
	if w < 100 {
		stW = statusNarrow
	}
	left := textfit.Fit(il.when, whenW) + " " + textfit.Fit(il.kind, 5) + " "
	room := w - lipgloss.Width(marker) - lipgloss.Width(left) - stW - 1
	text := marker + left + textfit.Fit(il.what, max(1, room)) + " " + textfit.Fit(il.status, stW)
	text = textfit.Fit(text, w)
	switch {
	case cursor:
		return s.RowCursor.Render(text)
	case il.overdue:
		return s.Danger.Render(text)
	case il.today:
		return s.Warning.Render(text)
	case il.closed && !il.done:
		return s.RowArchive.Render(text)
	}
	return s.Row.Render(text)
}
