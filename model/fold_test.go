package model

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func fold(s string) string { return string(FoldSearch(nil, s)) }

func TestFoldSearchEqualForms(t *testing.T) {
	// Each pair must fold to the same bytes: that is what makes the filter
	// case-insensitive, ё-blind and diacritic-blind.
	pairs := [][2]string{
		{"Текстиль Северный", "текстиль северный"},
		{"ТЕКСТИЛЬ", "текстиль"},
		{"Ёлка", "елка"},
		{"ёлка", "ЕЛКА"},
		{"Šiauliai", "siauliai"},
		{"ŠIAULIAI", "siauliai"},
		{"Šiauliai", "ŠIAULIAI"},
		{"ąčęėįšųūž", "aceeisuuz"},
		{"ĄČĘĖĮŠŲŪŽ", "aceeisuuz"},
		{"Łódź Żółć", "lodz zolc"},
		{"āčēģīķļņšūž", "acegiklnsuz"},
		{"Straße", "strasse"},
		{"Müller Gößweinstein", "muller gossweinstein"},
		{"S\u030Ciauliai", "siauliai"}, // decomposed Š
		{"Baltic UAB", "baltic uab"},
		{"«Ромашка»", "\"ромашка\""},
		{"a\u00A0b", "a b"},
		{"Ґ Є І Ї Ў", "г е и и у"},
	}
	for _, p := range pairs {
		if a, b := fold(p[0]), fold(p[1]); a != b {
			t.Errorf("fold(%q)=%q, fold(%q)=%q: want equal", p[0], a, p[1], b)
		}
	}
}

func TestFoldSearchEncoding(t *testing.T) {
	tests := []struct {
		in   string
		want []byte
	}{
		{"abc", []byte("abc")},
		{"ABC-123", []byte("abc-123")},
		{"а", []byte{0x80}},
		{"я", []byte{0x9F}},
		{"Я", []byte{0x9F}},
		{"ё", []byte{0x85}},
		{"е", []byte{0x85}},
		{"й", []byte{0x89}},
		{"\x00", []byte{FoldPlaceholder}},
		{"\xff", []byte{FoldPlaceholder}},
		{"中", []byte{FoldPlaceholder}},
		{"a\tb", []byte("a b")},
		{"", nil},
	}
	for _, tt := range tests {
		if got := FoldSearch(nil, tt.in); !bytes.Equal(got, tt.want) {
			t.Errorf("FoldSearch(%q) = %x, want %x", tt.in, got, tt.want)
		}
	}
	// Appends, never overwrites.
	if got := FoldSearch([]byte("x:"), "Ab"); string(got) != "x:ab" {
		t.Errorf("FoldSearch appends: got %q", got)
	}
}

func TestFoldSearchOneBytePerCyrillicLetter(t *testing.T) {
	lower := "абвгдежзийклмнопрстуфхцчшщъыьэюя"
	got := FoldSearch(nil, lower)
	if len(got) != 32 {
		t.Fatalf("32 letters folded to %d bytes", len(got))
	}
	for i, b := range got {
		if b != byte(FoldCyrillicA+i) {
			t.Errorf("letter %d folded to %#x", i, b)
		}
	}
	if up := FoldSearch(nil, strings.ToUpper(lower)); !bytes.Equal(up, got) {
		t.Errorf("upper case folds to %x, want %x", up, got)
	}
}

func TestPhoneQueryDigits(t *testing.T) {
	tests := []struct {
		q    string
		want []string // nil: not phone-like
	}{
		{"89123456789", []string{"89123456789", "9123456789", "79123456789"}},
		{"9123456789", []string{"9123456789"}},
		{"+7 912 345", []string{"7912345"}},
		{"345-67", []string{"34567"}},
		{"(912) 345-67-89", []string{"9123456789"}},
		{"8 (912) 345-67-89", []string{"89123456789", "9123456789", "79123456789"}},
		{"861234567", []string{"861234567", "61234567"}},
		{"0 612 34567", []string{"061234567", "61234567"}},
		{"612 34567", []string{"61234567"}},
		{"+370 612 34567", []string{"37061234567"}},
		{"00370 612 34567", []string{"0037061234567", "037061234567", "37061234567"}},
		{"0012", []string{"0012", "012"}}, // stripping 00 would leave 2 digits
		{"7701234567", []string{"7701234567"}},
		{"123", []string{"123"}},
		{"812", []string{"812"}}, // stripping would leave 2 digits
		{"12", nil},
		{"+7", nil},
		{"", nil},
		{"abc", nil},
		{"912a", nil},
		{"7+912", nil},
		{"++7912", nil},
		{"12.34.56", nil},
	}
	for _, tt := range tests {
		got := PhoneQueryDigits(tt.q)
		if !slices.Equal(got, tt.want) {
			t.Errorf("PhoneQueryDigits(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// foldCases are the runes whose upper and lower case must fold equally.
func inFoldedAlphabet(r rune) bool {
	return r < utf8.RuneSelf && unicode.IsLetter(r) ||
		r >= 0x400 && r <= 0x45F ||
		r >= 0xC0 && r < 0x180 && r != 0xD7 && r != 0xF7
}

func FuzzFoldSearch(f *testing.F) {
	for _, s := range []string{"Šiauliai", "ёлка ЁЛКА", "ООО «Текстиль»", "info@baltic.lt", "\x00\xff", "S\u030C", "Straße"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := FoldSearch(nil, s)
		if again := FoldSearch(nil, s); !bytes.Equal(got, again) {
			t.Fatalf("not deterministic: %x vs %x", got, again)
		}
		if bytes.IndexByte(got, 0) >= 0 {
			t.Fatalf("separator byte 0x00 in fold of %q: %x", s, got)
		}
		for _, b := range got {
			if b >= 0xA0 || b >= 'A' && b <= 'Z' {
				t.Fatalf("byte %#x outside the encoding in fold of %q", b, s)
			}
		}
		// Folding is idempotent where its output is plain ASCII.
		if isASCII(got) {
			if again := FoldSearch(nil, string(got)); !bytes.Equal(got, again) {
				t.Fatalf("fold of ASCII fold %q changed to %q", got, again)
			}
		}
		for _, r := range s {
			if !inFoldedAlphabet(r) {
				continue
			}
			lo, up := fold(string(unicode.ToLower(r))), fold(string(unicode.ToUpper(r)))
			if lo != up {
				t.Fatalf("%q: lower folds to %x, upper to %x", r, lo, up)
			}
		}
		// ё/е and the Lithuanian letters fold like their bases.
		swapped := strings.NewReplacer("ё", "е", "Ё", "Е", "š", "s", "Š", "S", "ą", "a", "ė", "e", "ų", "u", "ž", "z").Replace(s)
		if fold(swapped) != string(got) {
			t.Fatalf("diacritic variants of %q fold differently", s)
		}
	})
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func FuzzPhoneQueryDigits(f *testing.F) {
	for _, s := range []string{"89123456789", "+7 912 345", "(912) 345-67-89", "861234567", "0 612", "12", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got := PhoneQueryDigits(q)
		var plain []byte
		for i := 0; i < len(q); i++ {
			if q[i] >= '0' && q[i] <= '9' {
				plain = append(plain, q[i])
			}
		}
		if got != nil && got[0] != string(plain) {
			t.Fatalf("first variant %q, want the typed digits %q", got[0], plain)
		}
		for _, v := range got {
			if len(v) < 3 {
				t.Fatalf("variant %q of %q shorter than 3 digits", v, q)
			}
			for i := 0; i < len(v); i++ {
				if v[i] < '0' || v[i] > '9' {
					t.Fatalf("variant %q of %q is not digits only", v, q)
				}
			}
		}
		if strings.ContainsAny(q, "abcdefghijklmnopqrstuvwxyz.,") && got != nil {
			t.Fatalf("%q with letters treated as phone-like", q)
		}
	})
}
