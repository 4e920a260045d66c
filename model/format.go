package model

import (
	"strconv"
	"strings"
	"time"
)

// Dates, numbers and money are formatted here and nowhere else.
// Amounts have two decimals in every currency the department uses (RUB, EUR, USD, GBP).

// FormatDate shows a date as dd.mm.yyyy in loc (nil: the local zone).
func FormatDate(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	return t.In(loc).Format("02.01.2006")
}

// FormatDateTime shows a moment as dd.mm.yyyy hh:mm in loc (nil: the local zone).
func FormatDateTime(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	return t.In(loc).Format("02.01.2006 15:04")
}

// FormatMoney shows an amount with its currency, exact to the minor unit:
// "1,234,567.89 RUB", "-0.05 EUR"; no currency, no suffix.
func FormatMoney(m Money) string {
	var buf [48]byte
	b := buf[:0]
	mag := uint64(m.Minor)
	if m.Minor < 0 {
		b = append(b, '-')
		mag = -mag // two's complement: exact for MinInt64 too
	}
	whole := strconv.FormatUint(mag/100, 10)
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, whole[i])
	}
	cents := mag % 100
	b = append(b, '.', byte('0'+cents/10), byte('0'+cents%10))
	if m.Currency != "" {
		b = append(b, ' ')
		b = append(b, m.Currency...)
	}
	return string(b)
}

// ParseMoney reads an amount typed with a decimal comma or dot and optional
// group spaces into minor units of currency. "1234.5", "1 234,50",
// "1,234.50", "1.234,50" and "1234,5" are all read; a single comma followed
// by one or two digits is a decimal comma, by three a thousands separator.
// The currency's own code (or ₽, €, $, £ for RUB, EUR, USD, GBP) may follow.
func ParseMoney(s, currency string) (Money, error) {
	m := Money{Currency: currency}
	s = moneyStripCurrency(strings.TrimSpace(s), currency)
	if s == "" {
		return m, Sentencef(nil, "model.money.empty")
	}
	neg := false
	switch s[0] {
	case '-':
		neg = true
		s = strings.TrimSpace(s[1:])
	case '+':
		s = strings.TrimSpace(s[1:])
	}
	// keep digits and separators; spaces (any width) group thousands
	var clean []byte
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',':
			clean = append(clean, byte(r))
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\'':
		default:
			if r >= 0x80 || (r|0x20 >= 'a' && r|0x20 <= 'z') {
				// "100 EUR" where RUB is asked names the currency; "abc" is no amount at all
				if currency == "" || !strings.ContainsAny(s, "0123456789") {
					return m, Sentencef(nil, "model.money.letters")
				}
				return m, Sentencef(nil, "model.money.currency", currency)
			}
			return m, Sentencef(nil, "model.money.invalid")
		}
	}
	intPart, frac, err := moneySplit(string(clean))
	if err != nil {
		return m, err
	}
	if len(frac) > 2 {
		return m, Sentencef(nil, "model.money.decimals")
	}
	for len(frac) < 2 {
		frac += "0"
	}
	if intPart == "" {
		intPart = "0"
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	if len(digits) > 19 {
		return m, Sentencef(nil, "model.money.too_large")
	}
	var mag uint64
	if digits != "" {
		var perr error
		mag, perr = strconv.ParseUint(digits, 10, 64)
		if perr != nil {
			return m, Sentencef(nil, "model.money.too_large")
		}
	}
	limit := uint64(1<<63 - 1)
	if neg {
		limit++
	}
	if mag > limit {
		return m, Sentencef(nil, "model.money.too_large")
	}
	if neg {
		m.Minor = int64(-mag)
	} else {
		m.Minor = int64(mag)
	}
	return m, nil
}

// moneySplit separates the whole part from the decimals, checking that
// grouping separators stand every three digits.
func moneySplit(s string) (whole, frac string, err error) {
	if s == "" || strings.Trim(s, ".,") == "" {
		return "", "", Sentencef(nil, "model.money.invalid")
	}
	lastDot, lastComma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	dec := -1 // index of the decimal separator
	var group byte
	switch {
	case dots > 0 && commas > 0:
		if lastDot > lastComma {
			dec, group = lastDot, ','
			if dots > 1 {
				return "", "", Sentencef(nil, "model.money.invalid")
			}
		} else {
			dec, group = lastComma, '.'
			if commas > 1 {
				return "", "", Sentencef(nil, "model.money.invalid")
			}
		}
	case dots == 1:
		dec = lastDot
	case dots > 1:
		group = '.'
	case commas == 1:
		after, before := len(s)-lastComma-1, lastComma
		if after == 3 && before >= 1 && before <= 3 && s[0] != '0' {
			group = ',' // "1,234"
		} else {
			dec = lastComma
		}
	case commas > 1:
		group = ','
	}
	whole = s
	if dec >= 0 {
		whole, frac = s[:dec], s[dec+1:]
		if frac == "" {
			return "", "", Sentencef(nil, "model.money.invalid")
		}
	}
	if group != 0 && strings.IndexByte(whole, group) >= 0 {
		parts := strings.Split(whole, string(group))
		if len(parts[0]) < 1 || len(parts[0]) > 3 {
			return "", "", Sentencef(nil, "model.money.invalid")
		}
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return "", "", Sentencef(nil, "model.money.invalid")
			}
		}
		whole = strings.Join(parts, "")
	}
	if strings.ContainsAny(whole, ".,") || strings.ContainsAny(frac, ".,") {
		return "", "", Sentencef(nil, "model.money.invalid")
	}
	return whole, frac, nil
}

var moneySymbols = map[string]string{"RUB": "₽", "EUR": "€", "USD": "$", "GBP": "£"}

// moneyStripCurrency drops the currency's code or symbol typed before or after the amount.
func moneyStripCurrency(s, currency string) string {
	if currency == "" {
		return s
	}
	for _, tok := range []string{currency, moneySymbols[currency]} {
		if tok == "" {
			continue
		}
		if len(s) >= len(tok) && strings.EqualFold(s[len(s)-len(tok):], tok) {
			return strings.TrimSpace(s[:len(s)-len(tok)])
		}
		if len(s) >= len(tok) && strings.EqualFold(s[:len(tok)], tok) {
			return strings.TrimSpace(s[len(tok):])
		}
	}
	return s
}

// FormatCallWindow shows a calling window as "09:00–18:00"; the zero value
// (working hours) is "".
func FormatCallWindow(w CallWindow) string {
	if w == (CallWindow{}) {
		return ""
	}
	b := make([]byte, 0, 13)
	b = appendClock(b, w.From)
	b = append(b, "–"...)
	b = appendClock(b, w.To)
	return string(b)
}

func appendClock(b []byte, min int) []byte {
	if min < 0 || min > 24*60 {
		return strconv.AppendInt(b, int64(min), 10)
	}
	h, m := min/60, min%60
	return append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10))
}

// ParseCallWindow reads "9:00-18:00", "09:00–18:00", "9-18" or "9.30-17.45"
// (or an empty string: working hours, the zero value).
func ParseCallWindow(s string) (CallWindow, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return CallWindow{}, nil
	}
	var from, to string
	for _, sep := range []string{"–", "—", "-"} {
		if i := strings.Index(s, sep); i >= 0 {
			from, to = s[:i], s[i+len(sep):]
			break
		}
	}
	if from == "" && to == "" {
		return CallWindow{}, Sentencef(nil, "model.callwindow.invalid")
	}
	f, ok1 := parseClock(strings.TrimSpace(from))
	t, ok2 := parseClock(strings.TrimSpace(to))
	if !ok1 || !ok2 {
		return CallWindow{}, Sentencef(nil, "model.callwindow.invalid")
	}
	w := CallWindow{From: f, To: t}
	if t <= f { // also "00:00-00:00", which would otherwise read as working hours
		return CallWindow{}, Sentencef(nil, "model.callwindow.order")
	}
	if err := ValidateCallWindow(w); err != nil {
		return CallWindow{}, err
	}
	return w, nil
}

// parseClock reads "9", "09:00", "9.30" into minutes after midnight (24:00 allowed).
func parseClock(s string) (int, bool) {
	h, m := s, "00"
	if i := strings.IndexAny(s, ":."); i >= 0 {
		h, m = s[:i], s[i+1:]
		if len(m) != 2 {
			return 0, false
		}
	}
	if len(h) < 1 || len(h) > 2 || !taxAllDigits(h) || !taxAllDigits(m) {
		return 0, false
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(m)
	if mm > 59 || hh > 24 || (hh == 24 && mm != 0) {
		return 0, false
	}
	return hh*60 + mm, true
}
