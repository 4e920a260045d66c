package model

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"
)

func csvReport() ComplaintReport {
	m := func(minor int64) Money { return Money{Minor: minor, Currency: "RUB"} }
	return ComplaintReport{
		From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		Total:       ReportLine{Received: 5, Satisfied: 2, Rejected: 1, Claimed: m(190005), Paid: m(120000), Justified: 1},
		ByReason:    []ReportLine{{Key: "", Received: 2, Claimed: m(10000)}, {Key: string(ReasonDefect), Received: 1, Satisfied: 1, Claimed: m(100000), Paid: m(100000), Justified: 1}},
		ByFault:     []ReportLine{{Key: string(FaultCarrier), Received: 5}},
		ByType:      []ReportLine{{Key: string(TypeQuality), Received: 5}},
		ByOwner:     []ReportLine{{Key: "Пётр Петров", Received: 3, Claimed: m(-5)}, {Key: "", Received: 2}},
		ByDirection: []ReportLine{{Key: string(DirectionIncoming), Received: 5}},
		Answered:    3, AvgAnswer: 786 * time.Minute, WorstAnswer: 2000 * time.Minute, WorstID: 3, AnsweredLate: 1, AvgSLA: 1260 * time.Minute,
		OpenNow: 4, OverdueNow: 2, EscalatedNow: 1, WaitingNow: 1, Currency: "RUB",
	}
}

// Both forms read back through encoding/csv with every row eight fields,
// the owner's Cyrillic name intact and the amounts in the form's decimals.
func TestComplaintReportCSVRoundTrip(t *testing.T) {
	r := csvReport()
	for _, excel := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteComplaintReportCSV(&buf, r, excel); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		if bom := bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")); bom != excel {
			t.Errorf("excel=%v: byte order mark %v", excel, bom)
		}
		cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
		if excel {
			cr.Comma = ';'
		}
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("excel=%v: %v\n%s", excel, err, data)
		}
		// header, period, total, 7 breakdown lines, 5 answer rows, 4 now rows
		if len(rows) != 1+1+1+7+5+4 || ComplaintReportCSVRows(r) != len(rows)-1 {
			t.Errorf("excel=%v: %d rows, want 19:\n%s", excel, len(rows), data)
		}
		find := func(section, key string) []string {
			for _, row := range rows {
				if len(row) != 8 {
					t.Fatalf("excel=%v: row %q has %d fields", excel, row, len(row))
				}
				if row[0] == section && row[1] == key {
					return row
				}
			}
			t.Fatalf("excel=%v: no row %s/%s in\n%s", excel, section, key, data)
			return nil
		}
		point := func(s string) string {
			if excel {
				return strings.ReplaceAll(s, ".", ",")
			}
			return s
		}
		total := find(T("complaintreport.section.total"), T("complaintreport.total"))
		if want := []string{"5", "2", "1", point("1900.05"), point("1200.00"), "1"}; strings.Join(total[2:], "|") != strings.Join(want, "|") {
			t.Errorf("excel=%v: total %q, want %q", excel, total[2:], want)
		}
		owner := find(T("complaintreport.section.owner"), "Пётр Петров")
		if owner[2] != "3" || owner[5] != point("-0.05") {
			t.Errorf("excel=%v: owner row %q", excel, owner)
		}
		find(T("complaintreport.section.owner"), T("complaintreport.unassigned"))
		find(T("complaintreport.section.reason"), T("complaintreport.not_closed"))
		find(T("complaintreport.section.reason"), ReasonLabel(ReasonDefect))
		if avg := find(T("complaintreport.section.answers"), T("complaintreport.csv.avg_answer")); avg[2] != point("13.10") {
			t.Errorf("excel=%v: average answer %q, want 13.10 hours", excel, avg[2])
		}
		if worst := find(T("complaintreport.section.answers"), T("complaintreport.csv.worst_answer", 3)); worst[2] != point("33.33") {
			t.Errorf("excel=%v: worst answer %q, want 33.33 hours", excel, worst[2])
		}
		if od := find(T("complaintreport.section.now"), T("complaintreport.now.overdue")); od[2] != "2" {
			t.Errorf("excel=%v: overdue now %q, want 2", excel, od[2])
		}
		if p := find(T("complaintreport.csv.period"), "01.11.2026 – 30.11.2026"); p[2] != "" {
			t.Errorf("period row %q", p)
		}
	}
}

// Names with the separators and quotes survive.
func TestComplaintReportCSVQuotes(t *testing.T) {
	r := csvReport()
	r.ByOwner = []ReportLine{{Key: `ООО "Ромашка"; склад, 2`, Received: 1}}
	for _, excel := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteComplaintReportCSV(&buf, r, excel); err != nil {
			t.Fatal(err)
		}
		cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF"))))
		if excel {
			cr.Comma = ';'
		}
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, row := range rows {
			found = found || row[1] == r.ByOwner[0].Key
		}
		if !found {
			t.Errorf("excel=%v: the owner's name did not survive:\n%s", excel, buf.String())
		}
	}
}

// Excel never reads a name as a formula.
func TestExcelText(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "+7 495": "'+7 495", "-x": "'-x", "@a": "'@a",
		"\tx": "'\tx", "Пётр": "Пётр", "": "", "a=b": "a=b"} {
		if got := ExcelText(in); got != want {
			t.Errorf("ExcelText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMinorDecimal(t *testing.T) {
	for m, want := range map[int64]string{0: "0.00", 5: "0.05", -5: "-0.05", 100: "1.00", 123456: "1234.56", -100000: "-1000.00"} {
		if got := minorDecimal(m); got != want {
			t.Errorf("minorDecimal(%d) = %q, want %q", m, got, want)
		}
	}
}

// Whatever an owner's name holds (separators, quotes, line breaks, Cyrillic,
// invalid UTF-8 as typed into a user's card), both forms read back with
// eight fields a row and the name intact.
func FuzzComplaintReportCSV(f *testing.F) {
	for _, s := range []string{"Пётр Петров", `a;b,"c"`, "line\nbreak", "\r\n", "", "\xff\xfe", "=SUM(A1)"} {
		f.Add(s, int64(12345), false)
	}
	f.Fuzz(func(t *testing.T, owner string, claimed int64, excel bool) {
		r := csvReport()
		r.ByOwner = []ReportLine{{Key: owner, Received: 1, Claimed: Money{Minor: claimed}}}
		var buf bytes.Buffer
		if err := WriteComplaintReportCSV(&buf, r, excel); err != nil {
			t.Fatal(err)
		}
		cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF"))))
		if excel {
			cr.Comma = ';'
		}
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("%v\n%q", err, buf.String())
		}
		if len(rows) != ComplaintReportCSVRows(r)+1 {
			t.Fatalf("%d rows, want %d", len(rows), ComplaintReportCSVRows(r)+1)
		}
		want := owner
		if want == "" {
			want = T("complaintreport.unassigned")
		}
		if excel {
			want = ExcelText(want)
		}
		// encoding/csv reads \r\n inside a quoted field as \n
		want = strings.ReplaceAll(want, "\r\n", "\n")
		found := false
		for _, row := range rows {
			if len(row) != 8 {
				t.Fatalf("row %q has %d fields", row, len(row))
			}
			if row[0] == T("complaintreport.section.owner") {
				found = true
				if row[1] != want && strings.ToValidUTF8(row[1], "") != strings.ToValidUTF8(want, "") {
					t.Errorf("owner %q read back as %q", want, row[1])
				}
				amt := row[5]
				if excel {
					amt = strings.Replace(amt, ",", ".", 1)
				}
				if amt != minorDecimal(claimed) {
					t.Errorf("claimed %d read back as %q", claimed, row[5])
				}
			}
		}
		if !found {
			t.Error("no owner row")
		}
	})
}
