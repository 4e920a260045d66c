package model

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxNameRunes is the longest name a client or contact may have.
const MaxNameRunes = 200

// ValidateName checks a required name: not empty after trimming, at most
// MaxNameRunes characters, no control characters.
func ValidateName(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return Sentencef(nil, "model.name.required")
	}
	return validateOptionalText(s, MaxNameRunes)
}

// validateOptionalText applies the name rules to text that may be empty.
func validateOptionalText(s string, max int) error {
	if !utf8.ValidString(s) {
		return Sentencef(nil, "model.name.control")
	}
	n := 0
	for _, r := range s {
		n++
		if unicode.IsControl(r) {
			return Sentencef(nil, "model.name.control")
		}
	}
	if n > max {
		return Sentencef(nil, "model.name.too_long", max)
	}
	return nil
}

// ValidateEmail checks an e-mail address; the error is a sentence.
// Practical rules, not RFC 5322: one @, a local part, a domain with a dot,
// no spaces, at most 254 characters.
func ValidateEmail(s string) error {
	if s == "" {
		return Sentencef(nil, "model.email.empty")
	}
	if len(s) > 254 {
		return Sentencef(nil, "model.email.too_long")
	}
	for _, r := range s {
		if unicode.IsSpace(r) {
			return Sentencef(nil, "model.email.space")
		}
		if unicode.IsControl(r) || r == utf8.RuneError || r == ',' || r == ';' || r == '<' || r == '>' {
			return Sentencef(nil, "model.email.chars")
		}
	}
	at := strings.IndexByte(s, '@')
	if at < 0 || strings.IndexByte(s[at+1:], '@') >= 0 {
		return Sentencef(nil, "model.email.at")
	}
	local, domain := s[:at], s[at+1:]
	if local == "" {
		return Sentencef(nil, "model.email.local")
	}
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") ||
		strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return Sentencef(nil, "model.email.domain", domain)
	}
	return nil
}

// normaliseEmail trims the address and lower-cases its domain (the local part
// is case-sensitive in principle, so it is left alone).
func normaliseEmail(s string) string {
	s = strings.TrimSpace(s)
	if at := strings.LastIndexByte(s, '@'); at >= 0 {
		s = s[:at+1] + strings.ToLower(s[at+1:])
	}
	return s
}

// ValidateTimeZone checks an IANA time-zone name; "" means the department's default.
func ValidateTimeZone(name string) error {
	if name == "" {
		return nil
	}
	// LoadLocation also accepts "Local" and "UTC"; only "UTC" is a real zone name.
	if name == "Local" || strings.ContainsAny(name, "\x00\\") || strings.HasPrefix(name, "/") || strings.Contains(name, "..") {
		return Sentencef(nil, "model.tz.unknown", name)
	}
	if _, err := time.LoadLocation(name); err != nil {
		return Sentencef(nil, "model.tz.unknown", name)
	}
	return nil
}

// NameSkeleton reduces a client name to what makes two names "near-identical":
// case, ё/е, diacritics, quotes, punctuation and legal forms (ООО, UAB, LLC…) dropped.
func NameSkeleton(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	for _, r := range name {
		r = unicode.ToLower(r)
		if r == 'ё' {
			r = 'е'
		}
		if repl, ok := skeletonFold[r]; ok {
			b.WriteString(repl)
			continue
		}
		switch {
		case unicode.Is(unicode.Mn, r): // combining accents of decomposed text
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default: // quotes, punctuation and spaces separate words
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	kept := words[:0]
	for _, w := range words {
		if !skeletonLegalForms[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// skeletonLegalForms are legal-form words as NameSkeleton folds them.
var skeletonLegalForms = map[string]bool{
	"ооо": true, "оао": true, "зао": true, "пао": true, "ао": true, "ип": true, "нко": true,
	"uab": true, "ab": true, "mb": true, "ii": true, "vsi": true, "sia": true,
	"llc": true, "ltd": true, "limited": true, "inc": true, "gmbh": true, "plc": true,
	"co": true, "corp": true,
}

// skeletonFold maps lower-case letters with diacritics to plain Latin letters.
var skeletonFold = func() map[rune]string {
	groups := []string{
		"aàáâãäåāăą", "cçćĉċč", "dďđð", "eèéêëēĕėęě", "gĝğġģ", "hĥħ", "iìíîïĩīĭįıi̇",
		"jĵ", "kķĸ", "lĺļľŀł", "nñńņňŉŋ", "oòóôõöøōŏő", "rŕŗř", "sśŝşšſș",
		"tţťŧț", "uùúûüũūŭůűų", "wŵ", "yýÿŷ", "zźżž",
	}
	m := map[rune]string{}
	for _, g := range groups {
		base := g[:1]
		for _, r := range g[1:] {
			if r < 0x80 || unicode.Is(unicode.Mn, r) {
				continue
			}
			m[r] = base
		}
	}
	for r, s := range map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ĳ': "ij", 'þ': "th"} {
		m[r] = s
	}
	return m
}()
