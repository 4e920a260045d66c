package model

import (
	"strings"
	"unicode"
)

// Phones are stored as E.164 ("+79123456789") next to the text as typed, so a
// number is found by any format and shown grouped for reading.

// ParsePhone reads a phone typed in any usual format. defaultCountry ("RU",
// "LT", or "" to require a leading +) resolves national numbers.
func ParsePhone(raw, defaultCountry string) (Phone, error) {
	raw = strings.TrimSpace(raw)
	var buf [24]byte
	e, err := appendE164(buf[:0], raw, defaultCountry)
	if err != nil {
		return Phone{Raw: raw}, err
	}
	return Phone{E164: string(e), Raw: raw}, nil
}

// appendE164 appends the E.164 form of raw (trimmed) to dst, allocating nothing.
func appendE164(dst []byte, raw, defaultCountry string) ([]byte, error) {
	if raw == "" {
		return dst, Sentencef(nil, "model.phone.empty")
	}
	var digits [32]byte
	n := 0
	plus := false
	for i, r := range raw {
		switch {
		case r >= '0' && r <= '9':
			if n == len(digits) {
				return dst, Sentencef(nil, "model.phone.too_many")
			}
			digits[n] = byte(r)
			n++
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.' || r == '/' ||
			r == '\u00a0' || (r >= '\u2010' && r <= '\u2014'):
		case r == '+':
			if n > 0 || plus || strings.TrimLeft(raw[:i], " (") != "" {
				return dst, Sentencef(nil, "model.phone.plus")
			}
			plus = true
		case phoneHasExtension(raw):
			return dst, Sentencef(nil, "model.phone.extension")
		case unicode.IsLetter(r):
			return dst, Sentencef(nil, "model.phone.letters")
		default:
			return dst, Sentencef(nil, "model.phone.chars")
		}
	}
	if n == 0 {
		return dst, Sentencef(nil, "model.phone.no_digits")
	}
	d := digits[:n]
	start := len(dst)
	dst = append(dst, '+')
	switch {
	case plus:
		dst = append(dst, d...)
	case n >= 2 && d[0] == '0' && d[1] == '0':
		dst = append(dst, d[2:]...)
	case strings.EqualFold(defaultCountry, "RU"):
		switch {
		case n > 11 && d[0] == '8' && d[1] == '1' && d[2] == '0': // Russian trunk prefix for abroad
			dst = append(dst, d[3:]...)
		case n == 11 && (d[0] == '8' || d[0] == '7'):
			dst = append(append(dst, '7'), d[1:]...)
		case n == 10:
			dst = append(append(dst, '7'), d...)
		case n < 10:
			return dst[:start], Sentencef(nil, "model.phone.too_few")
		default:
			return dst[:start], Sentencef(nil, "model.phone.too_many")
		}
	case strings.EqualFold(defaultCountry, "LT"):
		switch {
		case n == 11 && d[0] == '3' && d[1] == '7' && d[2] == '0':
			dst = append(dst, d...)
		case n == 9 && (d[0] == '8' || d[0] == '0'): // trunk prefix 8 (0 since 2025)
			dst = append(append(dst, "370"...), d[1:]...)
		case n == 8 && d[0] != '8' && d[0] != '0': // national numbers never start with a trunk prefix
			dst = append(append(dst, "370"...), d...)
		case n <= 8:
			return dst[:start], Sentencef(nil, "model.phone.too_few")
		default:
			return dst[:start], Sentencef(nil, "model.phone.too_many")
		}
	default:
		return dst[:start], Sentencef(nil, "model.phone.need_country")
	}
	if err := checkE164Digits(dst[start+1:]); err != nil {
		return dst[:start], err
	}
	return dst, nil
}

// checkE164Digits applies the length rules: 8–15 digits in all, Russian
// numbers 11 digits starting 7, Lithuanian 11 starting 370.
func checkE164Digits(full []byte) error {
	n := len(full)
	if n > 0 && full[0] == '0' {
		return Sentencef(nil, "model.phone.country_code")
	}
	want := 0
	switch {
	case n > 0 && full[0] == '7':
		want = 11
	case n > 2 && full[0] == '3' && full[1] == '7' && full[2] == '0':
		want = 11
	}
	switch {
	case n < 8 || (want > 0 && n < want):
		return Sentencef(nil, "model.phone.too_few")
	case n > 15 || (want > 0 && n > want):
		return Sentencef(nil, "model.phone.too_many")
	}
	return nil
}

// phoneHasExtension spots "ext. 12", "доб. 12", "x12", "#12": an extension is
// not part of the number and is refused with a sentence saying where it goes.
func phoneHasExtension(s string) bool {
	l := strings.ToLower(s)
	for _, w := range [...]string{"ext", "доб", "#", "вн.", "papild"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	// a lone "x" between digits: "912 345 x12"
	i := strings.IndexByte(l, 'x')
	if i > 0 {
		rest := strings.TrimLeft(l[i+1:], " .")
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
	}
	return false
}

// two-digit country calling codes; every other code but 1 and 7 has three digits.
var phoneTwoDigitCodes = map[string]bool{
	"20": true, "27": true, "30": true, "31": true, "32": true, "33": true, "34": true, "36": true,
	"39": true, "40": true, "41": true, "43": true, "44": true, "45": true, "46": true, "47": true,
	"48": true, "49": true, "51": true, "52": true, "53": true, "54": true, "55": true, "56": true,
	"57": true, "58": true, "60": true, "61": true, "62": true, "63": true, "64": true, "65": true,
	"66": true, "81": true, "82": true, "84": true, "86": true, "90": true, "91": true, "92": true,
	"93": true, "94": true, "95": true, "98": true,
}

// PhoneCountryCodeLen returns the length of the country calling code at the
// start of E.164 digits (without +).
func phoneCountryCodeLen(d string) int {
	switch {
	case d == "":
		return 0
	case d[0] == '1' || d[0] == '7':
		return 1
	case len(d) >= 2 && phoneTwoDigitCodes[d[:2]]:
		return 2
	case len(d) >= 3:
		return 3
	}
	return len(d)
}

// FormatPhone shows an E.164 number grouped for reading: "+7 912 345-67-89".
func FormatPhone(e164 string) string {
	if len(e164) < 2 || e164[0] != '+' || !taxAllDigits(e164[1:]) {
		return e164
	}
	d := e164[1:]
	switch {
	case len(d) == 11 && d[0] == '7':
		return "+7 " + d[1:4] + " " + d[4:7] + "-" + d[7:9] + "-" + d[9:]
	case len(d) == 11 && strings.HasPrefix(d, "370"):
		return "+370 " + d[3:6] + " " + d[6:]
	}
	cc := phoneCountryCodeLen(d)
	if cc >= len(d) {
		return e164
	}
	return "+" + d[:cc] + " " + d[cc:]
}

// PhoneCountry returns the default phone country ("RU", "LT" or "") implied
// by a client's tax country, else by its language.
func PhoneCountry(tax TaxCountry, language string) string {
	switch tax {
	case TaxRU:
		return "RU"
	case TaxLT:
		return "LT"
	}
	switch strings.ToLower(language) {
	case "ru":
		return "RU"
	case "lt":
		return "LT"
	}
	return ""
}
