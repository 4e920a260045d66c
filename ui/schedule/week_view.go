package schedule

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/components/textfit"
)

// View renders the week (or its open form or picker) exactly width×height.
func (w *Week) View() string {
	if w.width <= 0 || w.height <= 0 {
		return ""
	}
	if w.form.m != nil {
		return w.form.m.View()
	}
	if w.pick != nil {
		return w.pick.view(w.env.Styles, w.width, w.height)
	}
	s := w.env.Styles
	lines := make([]string, 0, w.height)
	title := s.Title.Render(weekTitle(w.start) + " · " + plain(personName(w.names, w.user)))
	all, short := w.summary()
	if lipgloss.Width(title)+1+lipgloss.Width(all) > w.width {
		all = short // "1 overdue" must not be the part cut off
	}
	lines = append(lines, spread(title, s.Subtle.Render(all), w.width))

	switch {
	case w.loadErr != "":
		lines = append(lines, s.Danger.Render(textfit.Fit(w.loadErr, w.width)))
		return pad(lines, w.width, w.height)
	case !w.loaded:
		lines = append(lines, s.Subtle.Render(textfit.Fit(model.T("schedule.loading"), w.width)))
		return pad(lines, w.width, w.height)
	}

	if w.width >= wideWidth {
		return pad(append(lines, w.columnsView()...), w.width, w.height)
	}
	t := now(w.env)
	l := loc(w.env)
	today := dayStart(t, l)
	counts := w.dayCounts()
	for i := w.top; i < len(w.lines) && len(lines) < w.height; i++ {
		ln := w.lines[i]
		if ln.row < 0 || i == w.top {
			day := addDays(w.start, ln.day)
			head := weekdayName(day) + " " + day.Format("02.01")
			if sameDay(day, today) {
				head += " · " + model.T("schedule.today")
			}
			st := s.Title
			if sameDay(day, today) {
				st = s.Warning
			}
			note := model.T("schedule.day_items", counts[ln.day])
			switch counts[ln.day] {
			case 0:
				note = model.T("schedule.day_empty")
			case 1:
				note = model.T("schedule.day_item")
			}
			lines = append(lines, textfit.Fit(st.Render(head)+"  "+s.Subtle.Render(note), w.width))
			continue
		}
		cursor := len(w.items) > 0 && w.items[w.cursor] == i
		marker := "   "
		if cursor {
			marker = " › "
		}
		il := describe(w.rows[ln.row], t, l)
		lines = append(lines, il.render(s, marker, w.whenW, w.width, cursor))
	}
	return pad(lines, w.width, w.height)
}

// wideWidth is where the week turns from an agenda into seven day columns.
const wideWidth = 140

// columnsView is the week as seven columns, one line per item, and the item
// under the cursor spelled out on the last line.
func (w *Week) columnsView() []string {
	s := w.env.Styles
	t := now(w.env)
	l := loc(w.env)
	today := dayStart(t, l)
	colW := (w.width - 6) / 7
	rows := max(1, w.height-3)

	var days [7][]int // each day's items, as indexes into w.items
	for i, li := range w.items {
		d := w.lines[li].day
		days[d] = append(days[d], i)
	}
	var head strings.Builder
	for d := range 7 {
		day := addDays(w.start, d)
		label := weekdayName(day) + " " + day.Format("02.01")
		switch n := len(days[d]); n {
		case 0:
		case 1:
			label += "  " + model.T("schedule.day_item")
		default:
			label += "  " + model.T("schedule.day_items", n)
		}
		st := s.Title
		if sameDay(day, today) {
			st = s.Warning
		}
		if d > 0 {
			head.WriteString(" ")
		}
		head.WriteString(st.Render(textfit.Fit(label, colW)))
	}
	out := []string{textfit.Fit(head.String(), w.width)}

	cursorDay, cursorAt := -1, 0
	if len(w.items) > 0 {
		cursorDay = w.lines[w.items[w.cursor]].day
		for j, i := range days[cursorDay] {
			if i == w.cursor {
				cursorAt = j
			}
		}
	}
	for r := range rows {
		var b strings.Builder
		for d := range 7 {
			off := 0
			if d == cursorDay && cursorAt >= rows {
				off = cursorAt - rows + 1
			}
			if d > 0 {
				b.WriteString(" ")
			}
			j := off + r
			if j >= len(days[d]) {
				b.WriteString(strings.Repeat(" ", colW))
				continue
			}
			i := days[d][j]
			row := w.rows[w.lines[w.items[i]].row]
			il := describe(row, t, l)
			name := row.ClientName
			if name == "" {
				name = model.T("schedule.client_n", row.Item.Client)
			}
			text := textfit.Fit(statusMark(row.Item, t)+" "+row.Item.Due.In(l).Format("15:04")+" "+kindMark(row.Item)+plain(name), colW)
			switch {
			case i == w.cursor:
				text = s.RowCursor.Render(text)
			case il.overdue:
				text = s.Danger.Render(text)
			case il.today:
				text = s.Warning.Render(text)
			case il.closed && !il.done:
				text = s.RowArchive.Render(text)
			default:
				text = s.Row.Render(text)
			}
			b.WriteString(text)
		}
		out = append(out, b.String())
	}
	detail := strings.Repeat(" ", w.width)
	if r, ok := w.Current(); ok {
		day := r.Item.Due.In(l)
		detail = describe(r, t, l).render(s, weekdayName(day)+" "+day.Format("02.01")+"  ", w.whenW, w.width, false)
	}
	return append(out, detail)
}

// statusMark is an item's state in one character for the day columns.
func statusMark(p model.PlanItem, now time.Time) string {
	switch {
	case p.Overdue(now):
		return "!"
	case p.Origin == model.OriginOffPlan:
		return "+"
	case p.Status == model.PlanDone:
		return "✓"
	case p.Status == model.PlanCancelled:
		return "✗"
	case p.Status == model.PlanRescheduled:
		return "→"
	}
	return "·"
}

// kindMark puts "@" before a visit's client in the day columns.
func kindMark(p model.PlanItem) string {
	if p.Kind == model.PlanVisit {
		return "@ "
	}
	return ""
}

// dayCounts is how many items each day of the week holds.
func (w *Week) dayCounts() [7]int {
	var c [7]int
	for _, li := range w.items {
		c[w.lines[li].day]++
	}
	return c
}

// summary is the week's counts for the title line: planned, done, overdue,
// off-plan; short is planned and overdue alone, for a narrow line.
func (w *Week) summary() (all, short string) {
	if !w.loaded {
		return "", ""
	}
	t := now(w.env)
	var planned, done, overdue, off int
	for _, r := range w.rows {
		p := r.Item
		switch {
		case p.Status == model.PlanCancelled || p.Status == model.PlanRescheduled:
			continue
		case p.Origin == model.OriginOffPlan:
			off++
			continue
		}
		planned++
		if p.Status == model.PlanDone {
			done++
		}
		if p.Overdue(t) {
			overdue++
		}
	}
	parts := []string{model.T("schedule.sum_planned", planned), model.T("schedule.sum_done", done)}
	brief := []string{parts[0]}
	if overdue > 0 {
		parts = append(parts, model.T("schedule.sum_overdue", overdue))
		brief = append(brief, parts[len(parts)-1])
	}
	if off > 0 {
		parts = append(parts, model.T("schedule.sum_off_plan", off))
	}
	return strings.Join(parts, " · "), strings.Join(brief, " · ")
}
