package model

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The search fold: one byte per letter so the index can scan a million
// clients with bytes.Index. ASCII letters become lower case; the 32 Cyrillic
// lower-case letters (ё folded into е) take the bytes 0x80–0x9F; Latin letters
// with diacritics lose them. Bytes 0x00 and 0xA0–0xFF are never produced, so
// the index may use them as separators and private codes.

const (
	// FoldPlaceholder stands for a rune the fold does not know (CJK, symbols,
	// control characters, broken UTF-8): visible to a query, never a separator.
	FoldPlaceholder = 0x1A
	// FoldCyrillicA is the folded а; а..я follow in alphabet order (ё is е).
	FoldCyrillicA = 0x80
)

// asciiFold maps each ASCII byte to its folded byte.
var asciiFold = func() (t [128]byte) {
	for i := range t {
		b := byte(i)
		switch {
		case b >= 'A' && b <= 'Z':
			b += 'a' - 'A'
		case b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r':
			b = ' '
		case b < 0x20 || b == 0x7F:
			b = FoldPlaceholder
		}
		t[i] = b
	}
	return t
}()

// latinFold holds the base letters of U+00C0–U+017F, one entry per rune;
// "" marks a symbol (× ÷) that folds to the placeholder.
var latinFold = [0x180 - 0xC0]string{
	// U+00C0 À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	// U+00D0 Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	// U+00E0 à á â ã ä å æ ç è é ê ë ì í î ï
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	// U+00F0 ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
	// U+0100 Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	// U+0110 Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	// U+0120 Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	// U+0130 İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
	"i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
	// U+0140 ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
	"l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
	// U+0150 Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	// U+0160 Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	// U+0170 Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
}

// cyrillicExtra folds the Cyrillic letters outside а..я (U+0400–U+040F and
// U+0450–U+045F share one table) to their nearest Russian letter; 0 = placeholder.
var cyrillicExtra = [16]byte{
	0x85, 0x85, 0, 0x83, 0x85, 0, 0x88, 0x88, 0, 0, 0, 0, 0x8A, 0x88, 0x93, 0,
	// Ѐ    Ё     Ђ  Ѓ     Є     Ѕ  І     Ї     Ј  Љ  Њ  Ћ  Ќ     Ѝ     Ў     Џ
}

// FoldSearch appends to dst the search form of s: case folded (Cyrillic too),
// ё→е, diacritics removed (Šiauliai→siauliai), in the compact encoding the
// search index scans. The same function folds the haystack and the query.
func FoldSearch(dst []byte, s string) []byte {
	// The index folds a million clients' names: dst is grown once and
	// written by index (a rune never folds to more bytes than it has), and
	// ASCII and Russian letters skip the rune decoder.
	n := len(dst)
	dst = slices.Grow(dst, len(s))
	dst = dst[:cap(dst)]
	k := n
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst[k] = asciiFold[c]
			k++
			i++
			continue
		}
		if i+1 < len(s) {
			d := s[i+1]
			switch {
			case c == 0xD0 && d >= 0x90 && d <= 0xBF: // А..Я а..п
				dst[k] = FoldCyrillicA + (d-0x90)&31
				k++
				i += 2
				continue
			case c == 0xD1 && d >= 0x80 && d <= 0x8F: // р..я
				dst[k] = FoldCyrillicA + 16 + d - 0x80
				k++
				i += 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		dst = foldRune(dst[:k], r)
		k = len(dst)
		if cap(dst)-k < len(s)-i { // only if foldRune ever outgrows its rune
			dst = slices.Grow(dst, len(s)-i)
		}
		dst = dst[:cap(dst)]
	}
	return dst[:k]
}

// foldRune appends the folded form of one non-ASCII rune.
func foldRune(dst []byte, r rune) []byte {
	switch {
	case r >= 0x430 && r <= 0x44F: // а..я
		return append(dst, byte(FoldCyrillicA+r-0x430))
	case r >= 0x410 && r <= 0x42F: // А..Я
		return append(dst, byte(FoldCyrillicA+r-0x410))
	case r >= 0x400 && r <= 0x40F:
		return appendOr(dst, cyrillicExtra[r-0x400])
	case r >= 0x450 && r <= 0x45F:
		return appendOr(dst, cyrillicExtra[r-0x450])
	case r == 0x490 || r == 0x491: // Ґ ґ
		return append(dst, 0x83)
	case r >= 0xC0 && r < 0x180:
		if f := latinFold[r-0xC0]; f != "" {
			return append(dst, f...)
		}
	case r == 0x218 || r == 0x219: // Ș ș
		return append(dst, 's')
	case r == 0x21A || r == 0x21B: // Ț ț
		return append(dst, 't')
	case r == 0x1E9E: // ẞ
		return append(dst, "ss"...)
	case r >= 0x300 && r <= 0x36F, r >= 0x200B && r <= 0x200D, r == 0xFEFF:
		// Combining marks (decomposed diacritics) and zero-width characters
		// vanish, so "Š" typed as S + caron folds like the precomposed letter.
		return dst
	case r == 0xA0, r >= 0x2000 && r <= 0x200A, r == 0x202F, r == 0x205F, r == 0x3000:
		return append(dst, ' ')
	case r == '«' || r == '»' || r == '„' || r == '“' || r == '”' || r == '‟' || r == '″':
		return append(dst, '"')
	case r == '‘' || r == '’' || r == '‚' || r == '‛' || r == '′':
		return append(dst, '\'')
	case r >= 0x2010 && r <= 0x2015, r == 0x2212: // hyphens, dashes, minus
		return append(dst, '-')
	case r == '№':
		return append(dst, '#')
	}
	return append(dst, FoldPlaceholder)
}

func appendOr(dst []byte, b byte) []byte {
	if b == 0 {
		b = FoldPlaceholder
	}
	return append(dst, b)
}

// PhoneQueryDigits returns the digit strings a typed phone fragment should
// match in stored E.164 digits ("8 912 345-67-89" → "79123456789", "9123456789"…),
// or nil when q is not phone-like.
//
// Phone-like means digits with the separators + ( ) - and spaces, a + only
// before the first digit, and at least 3 digits. Without a +, a leading
// trunk prefix 8 or 0 (Russia's 8, Lithuania's 8 and 0) is also tried
// stripped, the international prefix 00 too, and a Russian 8XXXXXXXXXX also
// as 7XXXXXXXXXX.
func PhoneQueryDigits(q string) []string {
	var buf [32]byte
	digits := buf[:0]
	plus := false
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == '+':
			if len(digits) > 0 || plus {
				return nil
			}
			plus = true
		case c == ' ' || c == '(' || c == ')' || c == '-':
		default:
			return nil
		}
	}
	if len(digits) < 3 {
		return nil
	}
	d := string(digits)
	out := []string{d}
	if plus {
		return out
	}
	if (d[0] == '8' || d[0] == '0') && len(d) > 3 {
		out = append(out, d[1:])
	}
	if strings.HasPrefix(d, "00") && len(d) > 4 { // the international prefix, as in 00370…
		out = append(out, d[2:])
	}
	if d[0] == '8' && len(d) == 11 {
		out = append(out, "7"+d[1:])
	}
	return out
}
