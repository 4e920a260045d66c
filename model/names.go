package model

import (
	"strings"
	"sync"
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
	n := 0
	for i, r := range s {
		n++
		if r < 0x20 || (r >= 0x7f && r < 0xa0) { // what unicode.IsControl means
			return Sentencef(nil, "model.name.control")
		}
		if r >= 0x200e && unicode.Is(unicode.Bidi_Control, r) { // invisible, and reorders what follows
			return Sentencef(nil, "model.name.control")
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 { // not UTF-8
				return Sentencef(nil, "model.name.control")
			}
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
	if domain == "" {
		return Sentencef(nil, "model.email.no_domain")
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
		if d := strings.ToLower(s[at+1:]); d != s[at+1:] {
			s = s[:at+1] + d
		}
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
	tzCacheMu.RLock()
	ok, seen := tzCache[name]
	tzCacheMu.RUnlock()
	if !seen {
		// LoadLocation reads the zone database each time: too slow for a bulk import.
		_, err := time.LoadLocation(name)
		ok = err == nil
		tzCacheMu.Lock()
		if len(tzCache) < 4096 {
			tzCache[name] = ok
		}
		tzCacheMu.Unlock()
	}
	if !ok {
		return Sentencef(nil, "model.tz.unknown", name)
	}
	return nil
}

var (
	tzCacheMu sync.RWMutex
	tzCache   = map[string]bool{}
)

// NameSkeleton reduces a client name to what makes two names "near-identical":
// case, ё/е, diacritics, quotes, punctuation and legal forms (ООО, UAB, LLC…) dropped.
func NameSkeleton(name string) string {
	// One pass: words are written folded, separated by one space; a word that
	// turns out to be a legal form is cut off again when it ends.
	b := make([]byte, 0, len(name))
	wordStart := -1 // start of the word being written, -1 between words
	endWord := func() {
		if wordStart >= 0 && skeletonLegalForms[string(b[wordStart:])] {
			b = b[:wordStart]
			if len(b) > 0 {
				b = b[:len(b)-1] // the space before it
			}
		}
		wordStart = -1
	}
	letter := func() {
		if wordStart < 0 {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			wordStart = len(b)
		}
	}
	for _, r := range name {
		switch {
		case r < 0x80:
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
			default:
				endWord()
				continue
			}
			letter()
			b = append(b, byte(r))
			continue
		case r >= 0xC0 && r < 0xC0+rune(len(skeletonLatin)):
			if repl := skeletonLatin[r-0xC0]; repl != "" {
				letter()
				b = append(b, repl...)
				continue
			}
		case r == 'ё' || r == 'Ё':
			letter()
			b = append(b, "е"...)
			continue
		}
		switch {
		case r >= 0x300 && unicode.Is(unicode.Mn, r): // combining accents of decomposed text
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			letter()
			lr := unicode.ToLower(r) // may land on a letter folded above (ẞ→ß→ss)
			switch {
			case lr >= 0xC0 && lr < 0xC0+rune(len(skeletonLatin)) && skeletonLatin[lr-0xC0] != "":
				b = append(b, skeletonLatin[lr-0xC0]...)
			case lr == 'ё':
				b = append(b, "е"...)
			default:
				b = utf8.AppendRune(b, lr)
			}
		default: // quotes, punctuation and spaces separate words
			endWord()
		}
	}
	endWord()
	return string(b)
}

// skeletonLegalForms are legal-form words as NameSkeleton folds them.
var skeletonLegalForms = map[string]bool{
	"ооо": true, "оао": true, "зао": true, "пао": true, "ао": true, "ип": true, "нко": true,
	"uab": true, "ab": true, "mb": true, "ii": true, "vsi": true, "sia": true,
	"llc": true, "ltd": true, "limited": true, "inc": true, "gmbh": true, "plc": true,
	"co": true, "corp": true,
}

// skeletonLatin folds the Latin letters from U+00C0 on (both cases) to plain
// lower-case Latin: Š→s, ą→a, ß→ss. An empty entry is not a letter to fold.
var skeletonLatin = func() []string {
	groups := []string{
		"aàáâãäåāăą", "cçćĉċč", "dďđð", "eèéêëēĕėęě", "gĝğġģ", "hĥħ", "iìíîïĩīĭįı",
		"jĵ", "kķĸ", "lĺļľŀł", "nñńņňŉŋ", "oòóôõöøōŏő", "rŕŗř", "sśŝşšſș",
		"tţťŧț", "uùúûüũūŭůűų", "wŵ", "yýÿŷ", "zźżž",
	}
	t := make([]string, 0x250-0xC0)
	set := func(r rune, s string) {
		for _, x := range []rune{r, unicode.ToUpper(r)} {
			if x >= 0xC0 && x < 0x250 {
				t[x-0xC0] = s
			}
		}
	}
	for _, g := range groups {
		for _, r := range g[1:] {
			set(r, g[:1])
		}
	}
	set('ß', "ss")
	set('æ', "ae")
	set('œ', "oe")
	set('ĳ', "ij")
	set('þ', "th")
	set('İ', "i")
	return t
}()

// SortName is the part of a client name the list sorts by: the name without
// its legal form and quotes, so «ООО «Северный текстиль»» files under С and
// "AB „Alytaus prekės“" under A, as a department looks them up. It runs for
// every client of a bulk load, so it allocates only when it changes the name.
func SortName(name string) string {
	out := make([]byte, 0, 0)
	changed := false
	kept := 0
	start := -1
	flush := func(end int) {
		w := name[start:end]
		start = -1
		if sortWordDropped(w) {
			changed = true
			return
		}
		if kept > 0 {
			out = append(out, ' ')
		}
		out = append(out, w...)
		kept++
	}
	prevSep := false
	for i, r := range name {
		if sortSeparator(r) {
			if start >= 0 {
				flush(i)
			}
			// Anything but one plain space between words is a change.
			if r != ' ' || prevSep || i == 0 {
				changed = true
			}
			prevSep = true
			continue
		}
		if start < 0 {
			start = i
			if cap(out) == 0 {
				out = make([]byte, 0, len(name))
			}
		}
		prevSep = false
	}
	if start >= 0 {
		flush(len(name))
	} else if len(name) > 0 {
		changed = true // trailing separator
	}
	if kept == 0 {
		return strings.TrimSpace(name)
	}
	if !changed {
		return name
	}
	return string(out)
}

// sortSeparator reports the runes that separate words of a name for SortName.
func sortSeparator(r rune) bool {
	switch r {
	case ' ', '"', '\'', ',', '.', ';', ':', '!', '?', '«', '»', '„', '“', '”', '‘', '’', '(', ')', '[', ']':
		return true
	}
	if r < 0x80 {
		return r == '\t' || r == '\n' || r == '\r'
	}
	if (r >= 0xC0 && r < 0x250) || (r >= 0x400 && r < 0x530) {
		return false // Latin and Cyrillic letters: the common case, no table look-up
	}
	return unicode.IsSpace(r) || unicode.In(r, unicode.Pi, unicode.Pf, unicode.Ps, unicode.Pe)
}

// sortWordDropped reports a legal-form word (as NameSkeleton folds it) or a
// word with neither letters nor digits.
func sortWordDropped(w string) bool {
	var buf [24]byte
	b := buf[:0]
	punct := false
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b = append(b, byte(r))
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r+'a'-'A'))
		case r >= 0xC0 && r < 0xC0+rune(len(skeletonLatin)) && skeletonLatin[r-0xC0] != "":
			b = append(b, skeletonLatin[r-0xC0]...)
		case r >= 'А' && r <= 'Я':
			b = utf8.AppendRune(b, r+'а'-'А')
		case r >= 'а' && r <= 'я':
			b = utf8.AppendRune(b, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b = utf8.AppendRune(b, unicode.ToLower(r))
		default:
			punct = true // NameSkeleton splits there: "О!ОО" is no legal form
			continue
		}
		if len(b) > 16 {
			return false // longer than any legal form
		}
	}
	return len(b) == 0 || (!punct && skeletonLegalForms[string(b)])
}
