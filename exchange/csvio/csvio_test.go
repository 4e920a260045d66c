package csvio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

var testCols = []Column{
	{Name: "name", Aliases: []string{"Наименование", "Название"}, Required: true},
	{Name: "tax_id", Aliases: []string{"ИНН"}},
	{Name: "limit", Aliases: []string{"Кредитный лимит"}},
	{Name: "notes", Aliases: []string{"Примечание"}},
}

type got struct {
	rows []Row
	errs []*RowError
}

func readAll(t *testing.T, data []byte, cols []Column, opts Options) (*Reader, got) {
	t.Helper()
	rd, err := NewReader(bytes.NewReader(data), cols, opts)
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var g got
	for {
		row, err := rd.Next()
		if err == io.EOF {
			return rd, g
		}
		var re *RowError
		if errors.As(err, &re) {
			g.errs = append(g.errs, re)
			continue
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		g.rows = append(g.rows, row)
	}
}

func TestReaderFiles(t *testing.T) {
	cp1251, err := charmap.Windows1251.NewEncoder().String("Наименование;ИНН;Кредитный лимит\r\nООО «Ёлка»;7707083893;1 234,56\r\nИП Щукин;;\r\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		data     string
		enc      string
		delim    rune
		rows     []map[string]string
		rowLines []int
		errLines []int
		errHas   []string
	}{
		{name: "bom crlf", data: "\uFEFFname,tax_id\r\nАльфа,7707083893\r\nБета,\r\n", enc: "utf-8-bom", delim: ',',
			rows: []map[string]string{{"name": "Альфа", "tax_id": "7707083893"}, {"name": "Бета", "tax_id": ""}}, rowLines: []int{2, 3}},
		{name: "cp1251 semicolon decimal comma", data: cp1251, enc: "windows-1251", delim: ';',
			rows: []map[string]string{{"name": "ООО «Ёлка»", "tax_id": "7707083893", "limit": "1 234,56"}, {"name": "ИП Щукин", "tax_id": "", "limit": ""}}, rowLines: []int{2, 3}},
		{name: "quoted newline", data: "name;notes\n\"Альфа\";\"first\nsecond; \"\"quoted\"\"\"\nБета;x\n", enc: "utf-8", delim: ';',
			rows: []map[string]string{{"name": "Альфа", "notes": "first\nsecond; \"quoted\""}, {"name": "Бета", "notes": "x"}}, rowLines: []int{2, 4}},
		{name: "tab", data: "name\tИНН\nА\t1\n", enc: "utf-8", delim: '\t', rows: []map[string]string{{"name": "А", "tax_id": "1"}}, rowLines: []int{2}},
		{name: "unquoted delimiter", data: "name;limit\nАльфа;1 000,00\nБета; ООО; 5\nГамма;7\n", enc: "utf-8", delim: ';',
			rows: []map[string]string{{"name": "Альфа", "limit": "1 000,00"}, {"name": "Гамма", "limit": "7"}}, rowLines: []int{2, 4},
			errLines: []int{3}, errHas: []string{"3 fields where the header has 2"}},
		{name: "short and long rows", data: "name,tax_id,limit\na,1,2\nb,1\nc,1,2,3\nd,1,2,,\n", enc: "utf-8", delim: ',',
			rows: []map[string]string{{"name": "a", "tax_id": "1", "limit": "2"}, {"name": "d", "tax_id": "1", "limit": "2"}}, rowLines: []int{2, 5},
			errLines: []int{3, 4}, errHas: []string{"2 fields", "4 fields"}},
		{name: "empty lines", data: "\n\nname,tax_id\n\na,1\n\r\n,\n  ,  \nb,2\n\n", enc: "utf-8", delim: ',',
			rows: []map[string]string{{"name": "a", "tax_id": "1"}, {"name": "b", "tax_id": "2"}}, rowLines: []int{5, 9}},
		{name: "invalid utf-8 row", data: "name,notes\nАльфа,ok\nb,\xff\xfe bad\nВторой,ok\n" + strings.Repeat("d,ok\n", 10), enc: "utf-8", delim: ',',
			rowLines: []int{2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, errLines: []int{3}, errHas: []string{"not valid UTF-8"}},
		{name: "stray quote", data: "name,notes\na,b\"c\nd,e\n", enc: "utf-8", delim: ',',
			rows: []map[string]string{{"name": "d", "notes": "e"}}, rowLines: []int{3}, errLines: []int{2}, errHas: []string{"quote"}},
		{name: "unknown headers ignored", data: "Whatever;  НАИМЕНОВАНИЕ ;примечание\nx;Альфа;n\n", enc: "utf-8", delim: ';',
			rows: []map[string]string{{"name": "Альфа", "notes": "n"}}, rowLines: []int{2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rd, g := readAll(t, []byte(tc.data), testCols, Options{})
			if rd.Encoding() != tc.enc || rd.Delimiter() != tc.delim {
				t.Fatalf("encoding %q delimiter %q, want %q %q", rd.Encoding(), rd.Delimiter(), tc.enc, tc.delim)
			}
			var lines []int
			for i, r := range g.rows {
				lines = append(lines, r.Line)
				if tc.rows != nil && fmt.Sprint(r.Values) != fmt.Sprint(tc.rows[i]) {
					t.Errorf("row %d: %v, want %v", i, r.Values, tc.rows[i])
				}
			}
			if tc.rows != nil && len(g.rows) != len(tc.rows) {
				t.Errorf("%d rows, want %d", len(g.rows), len(tc.rows))
			}
			if fmt.Sprint(lines) != fmt.Sprint(tc.rowLines) {
				t.Errorf("row lines %v, want %v", lines, tc.rowLines)
			}
			var elines []int
			for i, e := range g.errs {
				elines = append(elines, e.Line)
				if i < len(tc.errHas) && !strings.Contains(e.Reason, tc.errHas[i]) {
					t.Errorf("error %d: %q lacks %q", i, e.Reason, tc.errHas[i])
				}
				if !strings.HasPrefix(e.Reason, fmt.Sprintf("line %d: ", e.Line)) {
					t.Errorf("reason %q does not name its line %d", e.Reason, e.Line)
				}
			}
			if fmt.Sprint(elines) != fmt.Sprint(tc.errLines) && !(len(elines) == 0 && len(tc.errLines) == 0) {
				t.Errorf("error lines %v, want %v", elines, tc.errLines)
			}
		})
	}
}

func TestReaderHeaderErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		opts       Options
		want       []string
	}{
		{"missing required", "ИНН;Телефон\n1;2\n", Options{}, []string{"name", `"ИНН", "Телефон"`}},
		{"duplicate header", "name,ИНН,inn ,инн\na,1,2,3\n", Options{}, []string{"twice"}},
		{"two headers one column", "name,Наименование\na,b\n", Options{}, []string{"both mean name"}},
		{"empty", "\n\n", Options{}, []string{"empty"}},
		{"utf-16", "\xff\xfen\x00a\x00", Options{}, []string{"UTF-16"}},
		{"bad encoding", "name\na\n", Options{Encoding: "koi8-r"}, []string{"koi8-r"}},
		{"map to nothing", "Клиент\na\n", Options{Map: map[string]string{"Клиент": "nope"}}, []string{"nope"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewReader(strings.NewReader(tc.data), testCols, tc.opts)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
}

func TestReaderMapAndForced(t *testing.T) {
	// The mapping wins over an alias: "Название" is mapped to notes here.
	_, g := readAll(t, []byte("Клиент;Название\nАльфа;про запас\n"), testCols, Options{Map: map[string]string{" клиент ": "name", "Название": "notes"}})
	if len(g.rows) != 1 || g.rows[0].Get("name") != "Альфа" || g.rows[0].Get("notes") != "про запас" {
		t.Fatalf("%+v", g)
	}
	// Forced Windows-1251 on a file that would pass as UTF-8; forced delimiter.
	data, _ := charmap.Windows1251.NewEncoder().String("name|notes\nЯ|ё\n")
	rd, g := readAll(t, []byte(data), testCols, Options{Encoding: "cp1251", Delimiter: '|'})
	if rd.Encoding() != Windows1251 || len(g.rows) != 1 || g.rows[0].Get("notes") != "ё" {
		t.Fatalf("%s %+v", rd.Encoding(), g)
	}
	// A file detected as UTF-8 whose bad bytes come after the first 64 KiB:
	// those rows are RowErrors, the rest are read.
	var b strings.Builder
	b.WriteString("name,notes\n")
	for b.Len() < 70_000 {
		b.WriteString("Альфа,ok\n")
	}
	b.WriteString("bad,\xe0\xf1\n")
	b.WriteString("last,ok\n")
	rd, g = readAll(t, []byte(b.String()), testCols, Options{})
	if rd.Encoding() != UTF8 || len(g.errs) != 1 || g.rows[len(g.rows)-1].Get("name") != "last" {
		t.Fatalf("%s errs %v", rd.Encoding(), g.errs)
	}
}

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, true)
	w.Write([]string{"name", "notes"})
	w.Write([]string{"Альфа; ООО", "a \"b\"\nc"})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFname;notes\r\n\"Альфа; ООО\";\"a \"\"b\"\"\r\nc\"\r\n" // encoding/csv writes CRLF inside quotes too
	if buf.String() != want {
		t.Fatalf("%q\nwant %q", buf.String(), want)
	}
	rd, g := readAll(t, buf.Bytes(), testCols, Options{})
	if rd.Encoding() != UTF8BOM || rd.Delimiter() != ';' || g.rows[0].Get("name") != "Альфа; ООО" || g.rows[0].Get("notes") != "a \"b\"\nc" {
		t.Fatalf("%+v", g)
	}
	buf.Reset()
	w = NewWriter(&buf, false)
	w.Write([]string{"a", "b,c"})
	w.Flush()
	if buf.String() != "a,\"b,c\"\n" {
		t.Fatalf("%q", buf.String())
	}
}

func TestParseDate(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	for in, want := range map[string]time.Time{
		"07.03.2026":                time.Date(2026, 3, 7, 0, 0, 0, 0, msk),
		"7.3.2026":                  time.Date(2026, 3, 7, 0, 0, 0, 0, msk),
		"07.03.26":                  time.Date(2026, 3, 7, 0, 0, 0, 0, msk),
		"07.03.99":                  time.Date(1999, 3, 7, 0, 0, 0, 0, msk),
		"2026-03-07":                time.Date(2026, 3, 7, 0, 0, 0, 0, msk),
		"07/03/2026":                time.Date(2026, 3, 7, 0, 0, 0, 0, msk),
		" 07.03.2026 9:05 ":         time.Date(2026, 3, 7, 9, 5, 0, 0, msk),
		"07.03.2026 0:00:00":        time.Date(2026, 3, 7, 0, 0, 0, 0, msk),
		"2026-03-07T10:30":          time.Date(2026, 3, 7, 10, 30, 0, 0, msk),
		"2026-03-07 10:30:15":       time.Date(2026, 3, 7, 10, 30, 15, 0, msk),
		"29.02.2028":                time.Date(2028, 2, 29, 0, 0, 0, 0, msk),
		"2026-03-07T10:30:00+05:00": time.Date(2026, 3, 7, 10, 30, 0, 0, time.FixedZone("", 5*3600)),
	} {
		got, err := ParseDate(in, msk)
		if err != nil || !got.Equal(want) {
			t.Errorf("%q: %v %v, want %v", in, got, err, want)
		}
	}
	if got, _ := ParseDate("2026-03-07T10:30:00+05:00", msk); got.Format("-07:00") != "+05:00" {
		t.Errorf("RFC 3339 lost its offset: %v", got)
	}
	for in, want := range map[string]string{
		"31.02.2026":       "no day 31 in February 2026",
		"29.02.2026":       "no day 29",
		"01.13.2026":       "no month 13",
		"2026-3":           "dd.mm.yyyy",
		"":                 "dd.mm.yyyy",
		"tomorrow":         "dd.mm.yyyy",
		"07.03.2026 25:00": "not a time",
		"07.03.2026 10:61": "not a time",
		"07.03.202":        "dd.mm.yyyy",
		"07.03.2026 ":      "", // trimmed: a date
		"1.1.-026":         "dd.mm.yyyy",
	} {
		_, err := ParseDate(in, msk)
		if want == "" {
			if err != nil {
				t.Errorf("%q: %v", in, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
}

// FuzzReader: the reader never panics; every row is values or a RowError
// with a line ≥ 1 that names it; and what the Writer writes of the rows
// read, the reader reads back the same.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"name;notes\nа;б\n", "\uFEFFname,tax_id\r\nx,1\r\n", "name\tnotes\n\"a\nb\"\tc\n",
		"name,notes\na,b\"c\n", "name,notes\na\n\n,\nb,c,d\n", "name\n\xff\xfe\n", "ИНН;name\n1;\"x\"\"y\"\n",
	} {
		f.Add([]byte(s))
	}
	cols := []Column{{Name: "name"}, {Name: "notes", Aliases: []string{"примечание"}}, {Name: "tax_id", Aliases: []string{"инн"}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, err := NewReader(bytes.NewReader(data), cols, Options{})
		if err != nil {
			return
		}
		header := rd.Columns()
		var rows [][]string
		for i := 0; ; i++ {
			row, err := rd.Next()
			if err == io.EOF {
				break
			}
			var re *RowError
			if errors.As(err, &re) {
				if re.Line < 1 || !strings.HasPrefix(re.Reason, fmt.Sprintf("line %d: ", re.Line)) {
					t.Fatalf("row error %+v", re)
				}
				continue
			}
			if err != nil {
				t.Fatalf("Next: %v", err)
			}
			if row.Line < 1 {
				t.Fatalf("row line %d", row.Line)
			}
			vals := make([]string, len(header))
			for j, c := range header {
				vals[j] = row.Values[c]
			}
			rows = append(rows, vals)
			if i > 10_000 {
				t.Fatal("no end")
			}
		}
		if len(header) == 0 {
			return
		}
		for _, excel := range []bool{false, true} {
			var buf bytes.Buffer
			w := NewWriter(&buf, excel)
			w.Write(header)
			for _, r := range rows {
				w.Write(r)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			opts := Options{Encoding: "utf-8", Delimiter: ','}
			if excel {
				opts.Delimiter = ';'
			}
			back, err := NewReader(&buf, cols, opts)
			if err != nil {
				t.Fatalf("reading back %q: %v", buf.String(), err)
			}
			k := 0
			for {
				row, err := back.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("reading back: %v", err)
				}
				for k < len(rows) && blankRow(rows[k]) { // an empty row is skipped
					k++
				}
				if k >= len(rows) {
					t.Fatalf("more rows back than written")
				}
				for j, c := range header {
					if row.Values[c] != rows[k][j] {
						t.Fatalf("row %d column %s: %q back, %q written", k, c, row.Values[c], rows[k][j])
					}
				}
				k++
			}
			for k < len(rows) && blankRow(rows[k]) {
				k++
			}
			if k != len(rows) {
				t.Fatalf("%d rows back of %d", k, len(rows))
			}
		}
	})
}

func blankRow(r []string) bool { return blank(r) }

// FuzzParseDate: never panics; what it accepts, written as dd.mm.yyyy
// (and hh:mm:ss), reads back as the same moment.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"07.03.2026", "7.3.26", "2026-03-07", "07/03/2026 10:30", "2026-03-07T10:30:00+05:00", "31.02.2026", "29.02.2028 23:59:59"} {
		f.Add(s)
	}
	loc := time.FixedZone("MSK", 3*3600)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s, loc)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty sentence")
			}
			return
		}
		d = d.In(loc)
		if d.Year() > 9999 || d.Year() < 1 { // RFC 3339's year 0000 and offsets at the ends
			return
		}
		back, err := ParseDate(FormatDate(d), loc)
		if err != nil || back.Year() != d.Year() || back.YearDay() != d.YearDay() {
			t.Fatalf("%q → %v → %q → %v %v", s, d, FormatDate(d), back, err)
		}
		back, err = ParseDate(d.Format("02.01.2006 15:04:05"), loc)
		if err != nil || !back.Equal(d.Truncate(time.Second)) {
			t.Fatalf("%q → %v → %v %v", s, d, back, err)
		}
	})
}

// BenchmarkReader1M reads a 10-column client file (Cyrillic, quoted
// notes) and reports rows/s.
func BenchmarkReader1M(b *testing.B) {
	cols := []Column{{Name: "external"}, {Name: "name"}, {Name: "full_name"}, {Name: "tax_id"}, {Name: "kpp"},
		{Name: "phone"}, {Name: "email"}, {Name: "city"}, {Name: "limit"}, {Name: "notes"}}
	const n = 1_000_000
	var buf bytes.Buffer
	w := NewWriter(&buf, true)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.Name
	}
	w.Write(head)
	for i := range n {
		w.Write([]string{fmt.Sprintf("CL-%07d", i), fmt.Sprintf("ООО Ромашка %d", i), fmt.Sprintf("Общество с ограниченной ответственностью «Ромашка %d»", i),
			"7707083893", "770701001", "+7 495 123-45-67", fmt.Sprintf("info%d@romashka.ru", i), "Москва", "1 234 567,89", "позвонить; после \"обеда\""})
	}
	w.Flush()
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	rows := 0
	for b.Loop() {
		rd, err := NewReader(bytes.NewReader(data), cols, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for {
			_, err := rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			rows++
		}
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}
