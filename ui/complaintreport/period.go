package complaintreport

import (
	"fmt"
	"time"

	"clientbase/model"
)

// span is how long a report period is.
type span int

const (
	spanMonth span = iota
	spanQuarter
	spanYear
)

// period is [from, to) of received dates in the user's zone.
type period struct {
	span     span
	from, to time.Time
}

// periodAt is the period of span s holding t (in t's zone).
func periodAt(s span, t time.Time) period {
	y, m, _ := t.Date()
	loc := t.Location()
	var from time.Time
	switch s {
	case spanQuarter:
		from = time.Date(y, (m-1)/3*3+1, 1, 0, 0, 0, 0, loc)
	case spanYear:
		from = time.Date(y, time.January, 1, 0, 0, 0, 0, loc)
	default:
		from = time.Date(y, m, 1, 0, 0, 0, 0, loc)
	}
	return period{span: s, from: from, to: s.after(from)}
}

// after is the start of the period after the one starting at from.
func (s span) after(from time.Time) time.Time {
	switch s {
	case spanQuarter:
		return from.AddDate(0, 3, 0)
	case spanYear:
		return from.AddDate(1, 0, 0)
	}
	return from.AddDate(0, 1, 0)
}

// shift is the period n periods later (earlier when negative).
func (p period) shift(n int) period {
	from := p.from
	switch p.span {
	case spanQuarter:
		from = from.AddDate(0, 3*n, 0)
	case spanYear:
		from = from.AddDate(n, 0, 0)
	default:
		from = from.AddDate(0, n, 0)
	}
	return period{span: p.span, from: from, to: p.span.after(from)}
}

// resize is the period of span s that holds today when p holds it (from
// the year to this month, not January), else the one that holds p's start.
func (p period) resize(s span, now time.Time) period {
	if !now.Before(p.from) && now.Before(p.to) {
		return periodAt(s, now.In(p.from.Location()))
	}
	return periodAt(s, p.from)
}

// title names the period: "November 2026", "Q4 2026", "2026", with its days.
func (p period) title() string {
	days := model.ReportPeriodText(p.from, p.to)
	switch p.span {
	case spanQuarter:
		return model.T("complaintreport.period.quarter", (int(p.from.Month())-1)/3+1, p.from.Year(), days)
	case spanYear:
		return model.T("complaintreport.period.year", p.from.Year(), days)
	}
	return model.T("complaintreport.period.month", model.T(fmt.Sprintf("complaintreport.month.%d", int(p.from.Month()))), p.from.Year(), days)
}

// fileName is the export's default file name: complaints-2026-11-01_2026-11-30.csv.
func (p period) fileName() string {
	return "complaints-" + p.from.Format("2006-01-02") + "_" + p.to.AddDate(0, 0, -1).Format("2006-01-02") + ".csv"
}
