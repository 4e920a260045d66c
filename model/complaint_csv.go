package model

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// WriteComplaintReportCSV writes the head's report as CSV, one row per line
// of every section: section, key, received, satisfied, rejected, claimed,
// satisfied amount, justified. The answer times and the "now" figures put
// their one value in the received column. Amounts and hours are plain
// decimals with a dot; excel writes the form Excel in a Russian or
// Lithuanian locale opens by a double click: a UTF-8 byte order mark, ";"
// between fields and a decimal comma.
func WriteComplaintReportCSV(w io.Writer, r ComplaintReport, excel bool) error {
	if excel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	if excel {
		cw.Comma = ';'
	}
	dec := func(s string) string {
		if excel {
			return strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	amount := func(m Money) string { return dec(minorDecimal(m.Minor)) }
	hours := func(d time.Duration) string { return dec(strconv.FormatFloat(d.Hours(), 'f', 2, 64)) }
	count := strconv.Itoa

	cur := r.Currency
	rows := [][]string{{T("complaintreport.csv.section"), T("complaintreport.csv.key"), T("complaintreport.csv.received"),
		T("complaintreport.csv.satisfied"), T("complaintreport.csv.rejected"), T("complaintreport.csv.claimed", cur),
		T("complaintreport.csv.paid", cur), T("complaintreport.csv.justified")}}
	rows = append(rows, []string{T("complaintreport.csv.period"), periodText(r.From, r.To), "", "", "", "", "", ""})
	text := func(s string) string {
		if excel {
			return ExcelText(s)
		}
		return s
	}
	line := func(section, key string, l ReportLine) []string {
		return []string{section, text(key), count(l.Received), count(l.Satisfied), count(l.Rejected), amount(l.Claimed), amount(l.Paid), count(l.Justified)}
	}
	value := func(section, key, v string) []string { return []string{section, key, v, "", "", "", "", ""} }

	rows = append(rows, line(T("complaintreport.section.total"), T("complaintreport.total"), r.Total))
	for _, s := range ReportSections(r) {
		for _, l := range s.Lines {
			rows = append(rows, line(s.Title, s.Label(l.Key), l))
		}
	}
	answers := T("complaintreport.section.answers")
	rows = append(rows,
		value(answers, T("complaintreport.csv.answered"), count(r.Answered)),
		value(answers, T("complaintreport.csv.avg_answer"), hours(r.AvgAnswer)),
		value(answers, T("complaintreport.csv.worst_answer", r.WorstID), hours(r.WorstAnswer)),
		value(answers, T("complaintreport.csv.avg_deadline"), hours(r.AvgSLA)),
		value(answers, T("complaintreport.csv.answered_late"), count(r.AnsweredLate)))
	nowTitle := T("complaintreport.section.now")
	rows = append(rows,
		value(nowTitle, T("complaintreport.now.open"), count(r.OpenNow)),
		value(nowTitle, T("complaintreport.now.overdue"), count(r.OverdueNow)),
		value(nowTitle, T("complaintreport.now.escalated"), count(r.EscalatedNow)),
		value(nowTitle, T("complaintreport.now.waiting"), count(r.WaitingNow)))
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// ComplaintReportCSVRows is how many rows WriteComplaintReportCSV writes
// for r after its header.
func ComplaintReportCSVRows(r ComplaintReport) int {
	n := 1 + 1 + 5 + 4 // period, total, answer times, now
	for _, s := range ReportSections(r) {
		n += len(s.Lines)
	}
	return n
}

// ExcelText keeps a name Excel would take for a formula (=, +, -, @ or a
// tab first) as text, with the apostrophe Excel itself puts before such text.
func ExcelText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// ReportSection is one breakdown of the report with the words for its keys.
type ReportSection struct {
	Name  string // "reason", "fault", "type", "owner", "direction"
	Title string
	Lines []ReportLine
	Label func(key string) string
}

// ReportSections are the report's breakdowns in the order the screen and
// the CSV show them, each with its title and labels.
func ReportSections(r ComplaintReport) []ReportSection {
	orNone := func(key, none string, label func(string) string) string {
		if key == "" {
			return T(none)
		}
		return label(key)
	}
	return []ReportSection{
		{"reason", T("complaintreport.section.reason"), r.ByReason, func(k string) string {
			return orNone(k, "complaintreport.not_closed", func(k string) string { return ReasonLabel(ReasonCode(k)) })
		}},
		{"fault", T("complaintreport.section.fault"), r.ByFault, func(k string) string {
			return orNone(k, "complaintreport.not_closed", func(k string) string { return FaultLabel(FaultParty(k)) })
		}},
		{"type", T("complaintreport.section.type"), r.ByType, func(k string) string {
			return orNone(k, "complaintreport.unknown", func(k string) string { return ComplaintTypeLabel(ComplaintType(k)) })
		}},
		{"owner", T("complaintreport.section.owner"), r.ByOwner, func(k string) string {
			return orNone(k, "complaintreport.unassigned", func(k string) string { return k })
		}},
		{"direction", T("complaintreport.section.direction"), r.ByDirection, func(k string) string {
			return orNone(k, "complaintreport.unknown", func(k string) string { return ComplaintDirectionLabel(ComplaintDirection(k)) })
		}},
	}
}

// periodText is "01.11.2026 – 30.11.2026": the last day shown is the one
// before the exclusive end.
func periodText(from, to time.Time) string {
	if from.IsZero() && to.IsZero() {
		return ""
	}
	last := to
	if to.After(from) {
		last = to.Add(-time.Nanosecond)
	}
	return FormatDate(from, from.Location()) + " – " + FormatDate(last, to.Location())
}

// ReportPeriodText is the report period as people read it, both days included.
func ReportPeriodText(from, to time.Time) string { return periodText(from, to) }

// minorDecimal is minor units as a plain decimal with two places and a dot.
func minorDecimal(m int64) string {
	neg := m < 0
	u := uint64(m)
	if neg {
		u = uint64(-m)
	}
	s := strconv.FormatUint(u/100, 10) + "." + strconv.FormatUint(100+u%100, 10)[1:]
	if neg {
		s = "-" + s
	}
	return s
}
