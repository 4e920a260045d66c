package csvio

import (
	"strings"
	"time"

	"clientbase/model"
)

// ParseDate reads dd.mm.yyyy, dd.mm.yy, yyyy-mm-dd, dd/mm/yyyy, each
// optionally followed by a time (hh:mm or hh:mm:ss), or RFC 3339, in loc.
// A date that does not exist (31.02.2026) is an error; RFC 3339 keeps its
// offset. Two-digit years are 2000–2069 and 1970–1999.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.Local
	}
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	bad := model.Sentencef(nil, "exch.csv.date_format")
	datePart, timePart := s, ""
	if i := strings.IndexAny(s, " T"); i >= 0 {
		datePart, timePart = s[:i], strings.TrimSpace(s[i+1:])
		if timePart == "" {
			return time.Time{}, bad
		}
	}
	var y, m, d int
	var ok bool
	switch {
	case strings.Count(datePart, "-") == 2:
		p := strings.Split(datePart, "-")
		if len(p[0]) != 4 {
			return time.Time{}, bad
		}
		y, ok = num(p[0], 4, 4)
		if ok {
			m, ok = num(p[1], 1, 2)
		}
		if ok {
			d, ok = num(p[2], 1, 2)
		}
	case strings.Count(datePart, ".") == 2 || strings.Count(datePart, "/") == 2:
		sep := "."
		if strings.Contains(datePart, "/") {
			sep = "/"
		}
		p := strings.Split(datePart, sep)
		d, ok = num(p[0], 1, 2)
		if ok {
			m, ok = num(p[1], 1, 2)
		}
		if ok {
			switch len(p[2]) {
			case 4:
				y, ok = num(p[2], 4, 4)
			case 2:
				y, ok = num(p[2], 2, 2)
				if y < 70 {
					y += 2000
				} else {
					y += 1900
				}
			default:
				ok = false
			}
		}
	}
	if !ok {
		return time.Time{}, bad
	}
	if y < 1 {
		return time.Time{}, bad
	}
	if m < 1 || m > 12 {
		return time.Time{}, model.Sentencef(nil, "exch.csv.date_month", m)
	}
	if last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); d < 1 || d > last {
		return time.Time{}, model.Sentencef(nil, "exch.csv.date_day", d, time.Month(m).String(), y, last)
	}
	var hh, mm, ss int
	if timePart != "" {
		p := strings.Split(timePart, ":")
		if len(p) < 2 || len(p) > 3 {
			return time.Time{}, bad
		}
		hh, ok = num(p[0], 1, 2)
		if ok {
			mm, ok = num(p[1], 2, 2)
		}
		if ok && len(p) == 3 {
			ss, ok = num(p[2], 2, 2)
		}
		if !ok || hh > 23 || mm > 59 || ss > 59 {
			return time.Time{}, model.Sentencef(nil, "exch.csv.date_time", timePart)
		}
	}
	return time.Date(y, time.Month(m), d, hh, mm, ss, 0, loc), nil
}

// num reads a run of min..max ASCII digits.
func num(s string, min, max int) (int, bool) {
	if len(s) < min || len(s) > max {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// FormatDate writes t's day as dd.mm.yyyy.
func FormatDate(t time.Time) string { return t.Format("02.01.2006") }
