package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNameSkeleton(t *testing.T) {
	same := [][]string{
		{`ООО «Северный Текстиль»`, `Северный текстиль, ООО`, `"Северный текстиль" ооо`, `СЕВЕРНЫЙ  ТЕКСТИЛЬ`},
		{`ООО «Ёлка»`, `Елка`, `ёлка, ООО`},
		{`UAB „Šiaulių prekyba“`, `Siauliu prekyba, UAB`, `ŠIAULIŲ PREKYBA`},
		{`Northwind Textiles Ltd.`, `NORTHWIND TEXTILES LIMITED`, `Northwind Textiles, LLC`, `Northwind Textiles Co.`},
		{`VšĮ „Ąžuolas“`, `Azuolas`, `IĮ Ąžuolas`},
		{`Müller GmbH`, `Muller`},
		{`ИП Кузнецов Андрей Петрович`, `Кузнецов Андрей Петрович`},
	}
	for _, group := range same {
		want := NameSkeleton(group[0])
		if want == "" {
			t.Errorf("NameSkeleton(%q) is empty", group[0])
		}
		for _, name := range group[1:] {
			if got := NameSkeleton(name); got != want {
				t.Errorf("NameSkeleton(%q) = %q, want %q (as for %q)", name, got, want, group[0])
			}
		}
	}
	for in, want := range map[string]string{
		`ООО «Северный Текстиль»`: "северный текстиль",
		`UAB „Baltijos audiniai“`: "baltijos audiniai",
		`Straße & Søn Ltd`:        "strasse son",
		`АО «Уралснаб-2»`:         "уралснаб 2",
		`ООО`:                     "",
		"":                        "",
		`Coca-Cola`:               "coca cola",
	} {
		if got := NameSkeleton(in); got != want {
			t.Errorf("NameSkeleton(%q) = %q, want %q", in, got, want)
		}
	}
	if NameSkeleton("Северный текстиль") == NameSkeleton("Южный текстиль") {
		t.Error("different names share a skeleton")
	}
}

func FuzzNameSkeleton(f *testing.F) {
	for _, s := range []string{`ООО «Северный Текстиль»`, `UAB „Šiaulių prekyba“`, `Straße Ltd.`, "İstanbul Co", "a\u0301b", "\xff", "ẞ", "ǅ", "Ÿ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s := NameSkeleton(name)
		if again := NameSkeleton(s); again != s {
			t.Fatalf("not idempotent: %q → %q → %q", name, s, again)
		}
		if strings.ToLower(s) != s {
			t.Fatalf("%q is not lower case", s)
		}
		if !utf8.ValidString(s) || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ") {
			t.Fatalf("badly spaced or invalid %q", s)
		}
		for _, w := range strings.Split(s, " ") {
			if skeletonLegalForms[w] {
				t.Fatalf("legal form %q left in %q", w, s)
			}
		}
	})
}

func TestValidateName(t *testing.T) {
	if err := ValidateName("  "); err == nil || err.Error() != "Name is required." {
		t.Errorf("blank name: %v", err)
	}
	if err := ValidateName(strings.Repeat("ж", 200)); err != nil {
		t.Errorf("200 runes: %v", err)
	}
	if ValidateName(strings.Repeat("ж", 201)) == nil {
		t.Error("201 runes accepted")
	}
	if ValidateName("Север\x07") == nil || ValidateName("a\u0085b") == nil || ValidateName("a\xffb") == nil {
		t.Error("control character accepted")
	}
}

func TestValidateEmail(t *testing.T) {
	for _, ok := range []string{"info@sever-tex.ru", "j.petrauskas@baltija.lt", "a+b@example.co.uk", "Ivan@Example.RU"} {
		if err := ValidateEmail(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for bad, key := range map[string]string{
		"":                                      "model.email.empty",
		"info sever@tex.ru":                     "model.email.space",
		"info":                                  "model.email.at",
		"a@b@c.ru":                              "model.email.at",
		"@tex.ru":                               "model.email.local",
		"a@b, c@d.ru":                           "model.email.chars",
		"a@b;c.ru":                              "model.email.chars",
		"x@" + strings.Repeat("a", 250) + ".ru": "model.email.too_long",
	} {
		if err := ValidateEmail(bad); err == nil || err.Error() != T(key) {
			t.Errorf("ValidateEmail(%q) = %v, want %q", bad, err, T(key))
		}
	}
	for _, bad := range []string{"a@localhost", "a@.ru", "a@ru.", "a@x..ru"} {
		if ValidateEmail(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if got := normaliseEmail("  Ivan.Petrov@Sever-TEX.Ru "); got != "Ivan.Petrov@sever-tex.ru" {
		t.Errorf("normaliseEmail: %q", got)
	}
}

func FuzzValidateEmail(f *testing.F) {
	for _, s := range []string{"info@sever-tex.ru", "a@b", "@", "a b@c.d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidateEmail(s) != nil {
			return
		}
		if strings.Count(s, "@") != 1 || strings.ContainsAny(s, " \t\n") || len(s) > 254 {
			t.Fatalf("accepted %q", s)
		}
		// the stored form (domain lower-cased) stays valid
		if err := ValidateEmail(normaliseEmail(s)); err != nil {
			t.Fatalf("normalised %q refused: %v", s, err)
		}
	})
}

func TestValidateTimeZone(t *testing.T) {
	for _, ok := range []string{"", "Europe/Vilnius", "Europe/Moscow", "Asia/Vladivostok", "UTC"} {
		if err := ValidateTimeZone(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	if err := ValidateTimeZone("Mars/Base"); err == nil || err.Error() != `Time zone "Mars/Base" does not exist; use a name like Europe/Vilnius.` {
		t.Errorf("Mars/Base: %v", err)
	}
	for _, bad := range []string{"Local", "../etc/passwd", "/etc/localtime", "europe/vilnius "} {
		if ValidateTimeZone(bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
