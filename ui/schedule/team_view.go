package schedule

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// View renders the grid (or the open cell, the adherence panel, the dialog)
// exactly width×height.
func (t *Team) View() string {
	if t.width <= 0 || t.height <= 0 {
		return ""
	}
	if t.form.m != nil {
		return t.form.m.View()
	}
	if t.cell != nil {
		return t.cellView()
	}
	s := t.env.Styles
	lines := make([]string, 0, t.height)
	v := t.visible()
	count := model.T("schedule.people_none")
	if v.n > 0 {
		count = model.T("schedule.people", v.off+1, v.off+v.n, len(t.people))
	}
	lines = append(lines, spread(s.Title.Render(model.T("schedule.team_title", weekTitle(t.start))), s.Subtle.Render(count), t.width))
	switch {
	case t.loadErr != "":
		lines = append(lines, s.Danger.Render(textfit.Fit(t.loadErr, t.width)))
		return pad(lines, t.width, t.height)
	case !t.usersOK:
		lines = append(lines, s.Subtle.Render(textfit.Fit(model.T("schedule.loading"), t.width)))
		return pad(lines, t.width, t.height)
	}
	var body []string
	if t.adherence {
		body = t.adherenceView(s)
	} else {
		body = t.gridView(s)
	}
	lines = append(lines, body...)
	for len(lines) < t.height-1 {
		lines = append(lines, strings.Repeat(" ", t.width))
	}
	lines = append(lines[:t.height-1], t.detailLine(s))
	return pad(lines, t.width, t.height)
}

// columns is the width of the name column and of each day's cell: the names
// get the room they need first (up to 32), the days share the rest.
func (t *Team) columns() (nameW, cellW int) {
	want := max(6, min(32, t.nameW))
	cellW = max(8, min(14, (t.width-2-want)/7-1))
	nameW = max(6, min(want, t.width-2-7*(cellW+1)))
	return nameW, cellW
}

// cellCounts is "12 9 2 1" (planned done overdue off-plan) with "·" for a
// zero, a lone "·" for an empty day; the overdue count red when there is any.
func cellCounts(s styles.Styles, dot string, c model.GridCell, cursor bool) (plainText, styled string) {
	if c.Planned == 0 && c.OffPlan == 0 && c.Done == 0 {
		return "·", dot
	}
	n := func(v int) string {
		if v == 0 {
			return "·"
		}
		return fmt.Sprint(v)
	}
	a := n(c.Planned) + " " + n(c.Done) + " "
	o := n(c.Overdue)
	b := " " + n(c.OffPlan)
	plainText = a + o + b
	if cursor || c.Overdue == 0 {
		return plainText, plainText
	}
	return plainText, a + s.Danger.Render(o) + b
}

func (t *Team) gridView(s styles.Styles) []string {
	nameW, cellW := t.columns()
	today := dayStart(now(t.env), loc(t.env))
	days := weekDays(t.start)
	lines := []string{s.Subtle.Render(textfit.Fit(model.T("schedule.legend"), t.width))}

	var head strings.Builder
	head.WriteString(s.Header.Render(textfit.Fit("  "+model.T("schedule.col.person"), 2+nameW)))
	for i, d := range days {
		label := weekdayName(d) + " " + d.Format("02")
		if cellW >= 9 {
			label = weekdayName(d) + " " + d.Format("02.01")
		}
		st := s.Header
		switch {
		case i == t.col:
			st = s.Focused
		case sameDay(d, today):
			st = s.Warning
		}
		head.WriteString(" " + st.Render(textfit.Fit(label, cellW)))
	}
	lines = append(lines, textfit.Fit(head.String(), t.width))

	v := t.visible()
	dot, missing := s.Subtle.Render("·"), s.Subtle.Render("…")
	daysOK := t.gridDays()
	for r := v.off; r < v.off+v.n; r++ {
		u := t.people[r]
		cursorRow := r == t.row
		marker := "  "
		nameSt := s.Row
		if cursorRow {
			marker = "› "
			nameSt = s.Focused
		}
		var b strings.Builder
		b.WriteString(nameSt.Render(textfit.Fit(marker+plain(personName(t.names, u.Name)), 2+nameW)))
		for i := range days {
			cur := cursorRow && i == t.col
			c, ok := t.cellIn(r, i, daysOK)
			var txt, styled string
			if ok {
				txt, styled = cellCounts(s, dot, c, cur)
			} else {
				txt, styled = "…", missing
			}
			b.WriteString(" ")
			switch {
			case cur:
				b.WriteString(s.RowCursor.Render(textfit.Fit(txt, cellW)))
			default:
				b.WriteString(styled + strings.Repeat(" ", max(0, cellW-lipgloss.Width(txt))))
			}
		}
		lines = append(lines, textfit.Fit(b.String(), t.width))
	}
	if v.n == 0 {
		lines = append(lines, s.Subtle.Render(textfit.Fit("  "+model.T("schedule.no_people"), t.width)))
	}
	return lines
}

// cellAt is the loaded counts of person row r on day i of the week shown.
func (t *Team) cellAt(r, i int) (model.GridCell, bool) { return t.cellIn(r, i, t.gridDays()) }

// gridDays reports whether the loaded grid's columns are the week shown.
func (t *Team) gridDays() bool {
	if !t.gridOK || len(t.grid.Days) != 7 {
		return false
	}
	for i, d := range t.grid.Days {
		if !sameDay(d.In(loc(t.env)), addDays(t.start, i)) {
			return false
		}
	}
	return true
}

// cellIn is cellAt with the columns already checked (daysOK).
func (t *Team) cellIn(r, i int, daysOK bool) (model.GridCell, bool) {
	j := r - t.gridOff
	if !daysOK || j < 0 || j >= len(t.grid.Cells) || j >= len(t.grid.Users) ||
		t.grid.Users[j] != t.people[r].Name || i >= len(t.grid.Cells[j]) {
		return model.GridCell{}, false
	}
	return t.grid.Cells[j][i], true
}

// detailLine spells out the cursor cell: whose, which day, the four counts.
func (t *Team) detailLine(s styles.Styles) string {
	if t.row >= len(t.people) {
		return strings.Repeat(" ", t.width)
	}
	user := t.Cursor()
	d := t.Day()
	who := plain(personName(t.names, user)) + " · " + weekdayName(d) + " " + model.FormatDate(d, loc(t.env))
	c, ok := t.cellAt(t.row, t.col)
	if !ok {
		return s.Subtle.Render(textfit.Fit(who, t.width))
	}
	text := model.T("schedule.detail", who, c.Planned, c.Done, c.Overdue, c.OffPlan)
	return s.Subtle.Render(textfit.Fit(text, t.width))
}

// adherenceView is planned vs done per person for the cursor's day, the
// week and the month, with each period's off-plan share.
func (t *Team) adherenceView(s styles.Styles) []string {
	day := t.Day()
	nameW := max(8, min(32, t.nameW, t.width-2-4*15)) // a column fits "September 2026"
	colW := max(10, (t.width-2-nameW)/4-1)
	lines := []string{s.Subtle.Render(textfit.Fit(model.T("schedule.adh_legend"), t.width))}
	titles := []string{
		weekdayName(day) + " " + day.Format("02.01"),
		model.T("schedule.week_short", isoWeek(t.start)),
		model.T("schedule.month."+day.Month().String()[:3]) + " " + day.Format("2006"),
		model.T("schedule.col.off_plan"),
	}
	var head strings.Builder
	head.WriteString(textfit.Fit("  "+model.T("schedule.col.person"), 2+nameW))
	for _, x := range titles {
		head.WriteString(" " + textfit.Fit(x, colW))
	}
	lines = append(lines, s.Header.Render(textfit.Fit(head.String(), t.width)))
	v := t.visible()
	var byUser [3]map[string]model.Adherence
	if a := t.adh; a != nil && a.off == v.off {
		for i, list := range [][]model.Adherence{a.day, a.week, a.month} {
			byUser[i] = map[string]model.Adherence{}
			for _, x := range list {
				byUser[i][x.User] = x
			}
		}
	}
	for r := v.off; r < v.off+v.n; r++ {
		u := t.people[r]
		marker := "  "
		if r == t.row {
			marker = "› "
		}
		var b strings.Builder
		b.WriteString(textfit.Fit(marker+plain(personName(t.names, u.Name)), 2+nameW))
		var week, month model.Adherence
		for i := range 3 {
			txt := "…"
			if byUser[i] != nil {
				a := byUser[i][u.Name]
				txt = model.T("schedule.adh_cell", a.Done, a.Planned, a.DoneShare())
				if a.Planned == 0 {
					txt = model.T("schedule.adh_none", a.Done)
				}
				switch i {
				case 1:
					week = a
				case 2:
					month = a
				}
			}
			b.WriteString(" " + textfit.Fit(txt, colW))
		}
		off := "…"
		if byUser[2] != nil {
			off = model.T("schedule.adh_off", week.OffPlanShare(), month.OffPlanShare())
		}
		b.WriteString(" " + textfit.Fit(off, colW))
		st := s.Row
		if r == t.row {
			st = s.RowCursor
		}
		lines = append(lines, st.Render(textfit.Fit(b.String(), t.width)))
	}
	return lines
}

// cellView is the open cell: the person's items of that day, marks in front.
func (t *Team) cellView() string {
	s := t.env.Styles
	c := t.cell
	lines := make([]string, 0, t.height)
	who := plain(personName(t.names, c.user)) + " · " + weekdayName(c.day) + " " + model.FormatDate(c.day, loc(t.env))
	right := model.T("schedule.cell_count", len(c.rows))
	if len(c.rows) == 1 {
		right = model.T("schedule.cell_item")
	}
	if len(c.marked) > 0 {
		right += " · " + model.T("schedule.cell_marked", len(c.marked))
	}
	lines = append(lines, spread(s.Title.Render(who), s.Subtle.Render(right), t.width))
	switch {
	case c.loadErr != "":
		lines = append(lines, s.Danger.Render(textfit.Fit(c.loadErr, t.width)))
	case !c.loaded:
		lines = append(lines, s.Subtle.Render(textfit.Fit(model.T("schedule.loading"), t.width)))
	case len(c.rows) == 0:
		lines = append(lines, s.Subtle.Render(textfit.Fit("  "+model.T("schedule.cell_empty"), t.width)))
	}
	n := now(t.env)
	l := loc(t.env)
	for i := c.top; i < len(c.rows) && len(lines) < t.height; i++ {
		r := c.rows[i]
		mark := "[ ] "
		if c.marked[r.Item.ID] {
			mark = "[x] "
		}
		cursor := i == c.cursor
		marker := "  " + mark
		if cursor {
			marker = "› " + mark
		}
		lines = append(lines, describe(r, n, l).render(s, marker, c.whenW, t.width, cursor))
	}
	return pad(lines, t.width, t.height)
}
