package complaintreport

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// View renders exactly w×h: the period's title, the visible part of the
// report, and the file prompt at the bottom while it is open.
func (r *Report) View() string {
	if r.w <= 0 || r.h <= 0 {
		return ""
	}
	st := r.env.Styles
	if !r.allowed {
		out := []string{st.Title.Render(model.T("complaintreport.title"))}
		for _, l := range textfit.Wrap(model.T("complaintreport.forbidden"), r.w) {
			out = append(out, st.Warning.Render(l))
		}
		return textfit.Pad(out, r.w, r.h)
	}
	body := r.body()
	bh := r.bodyHeight()
	top := max(0, min(r.top, len(body)-bh))
	out := make([]string, 0, r.h)
	out = append(out, r.titleLine(top, len(body), bh))
	for i := top; i < min(len(body), top+bh); i++ {
		out = append(out, body[i])
	}
	for len(out) < 1+bh {
		out = append(out, "")
	}
	if r.exporter != nil {
		out = append(out, r.exporter.lines(st, r.w)...)
	}
	return textfit.Pad(out, r.w, r.h)
}

// titleLine names the period; on the right, what is loading or which lines show.
func (r *Report) titleLine(top, n, bh int) string {
	st := r.env.Styles
	left := st.Title.Render(model.T("complaintreport.title")) + st.Subtle.Render(" · ") + st.Value.Render(r.period.title())
	var right string
	switch {
	case r.wait != 0:
		right = model.T("complaintreport.loading")
	case n > bh:
		right = model.T("complaintreport.lines", top+1, min(n, top+bh), n)
	}
	if right == "" {
		return textfit.Fit(left, r.w)
	}
	right = st.Subtle.Render(right)
	gap := r.w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return textfit.Fit(left, r.w)
	}
	return left + strings.Repeat(" ", gap) + right
}

// bodyHeight is how many report lines fit under the title (and above the prompt).
func (r *Report) bodyHeight() int {
	h := r.h - 1
	if r.exporter != nil {
		h -= len(r.exporter.lines(r.env.Styles, r.w))
	}
	return max(0, h)
}

func (r *Report) clampTop() {
	n := len(r.body())
	r.top = max(0, min(r.top, n-r.bodyHeight()))
}

// lines is the prompt: a rule, the path field and its error sentence.
func (e *exportPrompt) lines(st styles.Styles, w int) []string {
	out := []string{st.Subtle.Render(strings.Repeat("─", max(0, w)))}
	if e.writing {
		out = append(out, st.Subtle.Render(model.T("complaintreport.export.writing")))
	}
	return append(out, e.form.Lines()...)
}

// body is the report below the title, drawn once per report, width and
// styles; View shows only the lines on screen.
func (r *Report) body() []string {
	if r.lines != nil {
		return r.lines
	}
	st := r.env.Styles
	var out []string
	switch {
	case r.wait != 0:
		out = []string{st.Subtle.Render(model.T("complaintreport.computing"))}
	case r.err != "":
		for _, l := range textfit.Wrap(r.err, r.w) {
			out = append(out, st.Danger.Render(l))
		}
	case r.rep == nil:
		out = []string{""}
	default:
		rep := *r.rep
		if r.names != nil {
			rep = withOwnerNames(rep, r.names)
		}
		out = drawReport(st, rep, r.w)
	}
	r.lines = out
	return out
}

// drawReport lays the report out for width cells: the headline figures,
// then each breakdown as a table with a bar of received and satisfied.
func drawReport(st styles.Styles, rep model.ComplaintReport, width int) []string {
	var out []string
	t := rep.Total
	sep := " · "
	out = append(out, textfit.Pack(width, sep,
		st.Title.Render(model.T("complaintreport.head.received", t.Received)),
		st.Success.Render(model.T("complaintreport.head.satisfied", t.Satisfied)),
		st.Value.Render(model.T("complaintreport.head.rejected", t.Rejected)),
		st.Value.Render(model.T("complaintreport.head.justified", t.Justified)))...)
	money := func(m model.Money) string {
		return model.FormatMoney(model.Money{Minor: m.Minor, Currency: rep.Currency})
	}
	amounts := []string{st.Value.Render(model.T("complaintreport.head.claimed", money(t.Claimed))),
		st.Value.Render(model.T("complaintreport.head.paid", money(t.Paid)))}
	if t.Claimed.Minor > 0 {
		amounts = append(amounts, st.Subtle.Render(model.T("complaintreport.head.share", t.Paid.Minor*100/t.Claimed.Minor)))
	}
	out = append(out, textfit.Pack(width, sep, amounts...)...)

	danger := func(n int, text string) string {
		if n > 0 {
			return st.Danger.Render(text)
		}
		return st.Value.Render(text)
	}
	warn := func(n int, text string) string {
		if n > 0 {
			return st.Warning.Render(text)
		}
		return st.Value.Render(text)
	}
	out = append(out, textfit.Pack(width, sep,
		st.Label.Render(model.T("complaintreport.head.now"))+" "+st.Value.Render(model.T("complaintreport.head.open", rep.OpenNow)),
		danger(rep.OverdueNow, model.T("complaintreport.head.overdue", rep.OverdueNow)),
		warn(rep.EscalatedNow, model.T("complaintreport.head.escalated", rep.EscalatedNow)),
		st.Value.Render(model.T("complaintreport.head.waiting", rep.WaitingNow)))...)
	if rep.Answered == 0 {
		out = append(out, textfit.Fit(st.Subtle.Render(model.T("complaintreport.head.none_answered")), width))
	} else {
		avg := st.Value.Render(model.T("complaintreport.head.avg_answer", workTime(rep.AvgAnswer), workTime(rep.AvgSLA)))
		if rep.AvgAnswer > rep.AvgSLA {
			avg = st.Danger.Render(model.T("complaintreport.head.avg_answer", workTime(rep.AvgAnswer), workTime(rep.AvgSLA)))
		}
		out = append(out, textfit.Pack(width, sep,
			st.Label.Render(model.T("complaintreport.head.answer"))+" "+avg,
			st.Value.Render(model.T("complaintreport.head.worst", workTime(rep.WorstAnswer), uint64(rep.WorstID))),
			danger(rep.AnsweredLate, model.T("complaintreport.head.late", rep.AnsweredLate, rep.Answered)))...)
	}
	if t.Received == 0 {
		return append(out, "", textfit.Fit(st.Subtle.Render(model.T("complaintreport.empty")), width))
	}
	out = append(out, "", textfit.Fit(st.Success.Render("█")+st.Subtle.Render(" "+model.T("complaintreport.legend.satisfied")+"  ")+
		barStyle(st).Render("▒")+st.Subtle.Render(" "+model.T("complaintreport.legend.received")), width))

	cols, widths := columns(rep, width)
	for _, s := range model.ReportSections(rep) {
		titles := make([]string, len(cols))
		for i, c := range cols {
			titles[i] = c.Title
		}
		titles[colKey] = s.Title
		out = append(out, "", st.Header.Render(textfit.Fit("  "+textfit.Cells(titles, widths, numberCols), width)))
		most := 0
		for _, l := range s.Lines {
			most = max(most, l.Received)
		}
		for _, l := range s.Lines {
			cells := []string{table.Plain(s.Label(l.Key)), strconv.Itoa(l.Received), strconv.Itoa(l.Satisfied),
				strconv.Itoa(l.Rejected), amount(l.Claimed), amount(l.Paid)}
			row := "  " + textfit.Cells(cells, widths[:colBar], numberCols)
			if bw := widths[colBar]; bw > 0 {
				row += strings.Repeat(" ", table.Gap) + bar(st, l.Received, l.Satisfied, most, bw)
			}
			out = append(out, textfit.Fit(row, width))
		}
	}
	return out
}

// The breakdown tables' columns.
const (
	colKey = iota
	colReceived
	colSatisfied
	colRejected
	colClaimed
	colPaid
	colBar
)

// numberCols marks the right-aligned columns: all but the key and the bar.
var numberCols = []bool{colReceived: true, colSatisfied: true, colRejected: true, colClaimed: true, colPaid: true}

// columns sizes the breakdown tables for width: amounts as wide as the
// largest, never cut; on a narrow screen rejected goes first, then the amounts.
func columns(rep model.ComplaintReport, width int) ([]table.Column, []int) {
	aw := max(len(amount(rep.Total.Claimed)), len(amount(rep.Total.Paid)))
	num := func(title string, drop int) table.Column {
		w := max(lipgloss.Width(title), 4)
		return table.Column{Title: title, Min: w, Want: w, Max: w, Drop: drop}
	}
	money := func(title string, drop int) table.Column {
		w := max(lipgloss.Width(title), aw)
		return table.Column{Title: title, Min: w, Want: w, Max: w, Drop: drop}
	}
	cols := []table.Column{
		{Title: model.T("complaintreport.col.key"), Min: 12, Want: 22, Max: 26},
		num(model.T("complaintreport.col.received"), 0),
		num(model.T("complaintreport.col.satisfied"), 0),
		num(model.T("complaintreport.col.rejected"), 4),
		money(model.T("complaintreport.col.claimed", rep.Currency), 3),
		money(model.T("complaintreport.col.paid", rep.Currency), 2),
		{Title: "", Min: 6, Want: 6, Max: 0, Drop: 1},
	}
	return cols, table.Fit(cols, width)
}

// bar draws received (▒) with its satisfied part (█) scaled so that most
// fills width cells: every line with a complaint gets at least one cell.
func bar(st styles.Styles, received, satisfied, most, width int) string {
	if most <= 0 || received <= 0 {
		return strings.Repeat(" ", width)
	}
	cells := func(n int) int { return (n*width + most/2) / most }
	rc := max(1, cells(received))
	sc := min(rc, cells(satisfied))
	if satisfied > 0 && sc == 0 {
		sc = 1
	}
	return st.Success.Render(strings.Repeat("█", sc)) + barStyle(st).Render(strings.Repeat("▒", rc-sc)) + strings.Repeat(" ", width-rc)
}

// barStyle draws the received part of a bar in the accent colour.
func barStyle(st styles.Styles) lipgloss.Style { return lipgloss.NewStyle().Foreground(st.Accent) }

// workTime is working time as "13h 06m".
func workTime(d time.Duration) string {
	m := int(d / time.Minute)
	return model.T("complaintreport.hm", m/60, m%60)
}

// amount is money without its currency: the header names it once.
func amount(m model.Money) string { return model.FormatMoney(model.Money{Minor: m.Minor}) }
