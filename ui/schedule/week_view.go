package schedule

import (
	"strings"

	"clientbase/model"
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
	lines = append(lines, spread(title, s.Subtle.Render(w.summary()), w.width))

	switch {
	case w.loadErr != "":
		lines = append(lines, s.Danger.Render(fit(w.loadErr, w.width)))
		return pad(lines, w.width, w.height)
	case !w.loaded:
		lines = append(lines, s.Subtle.Render(fit(model.T("schedule.loading"), w.width)))
		return pad(lines, w.width, w.height)
	}

	t := now(w.env)
	l := loc(w.env)
	today := dayStart(t, l)
	counts := w.dayCounts()
	for i := w.top; i < len(w.lines) && len(lines) < w.height; i++ {
		ln := w.lines[i]
		if ln.row < 0 {
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
			lines = append(lines, fit(st.Render(head)+"  "+s.Subtle.Render(note), w.width))
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

// dayCounts is how many items each day of the week holds.
func (w *Week) dayCounts() [7]int {
	var c [7]int
	for _, li := range w.items {
		c[w.lines[li].day]++
	}
	return c
}

// summary is the week's counts for the title line: planned, done, overdue, off-plan.
func (w *Week) summary() string {
	if !w.loaded {
		return ""
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
	if overdue > 0 {
		parts = append(parts, model.T("schedule.sum_overdue", overdue))
	}
	if off > 0 {
		parts = append(parts, model.T("schedule.sum_off_plan", off))
	}
	return strings.Join(parts, " · ")
}
