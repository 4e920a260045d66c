package clientcard

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"clientbase/model"
)

// FuzzSplitList: the comma-separated lists of the form (phones, e-mails)
// never yield empty or untrimmed parts, and reading a list back is idempotent.
func FuzzSplitList(f *testing.F) {
	for _, s := range []string{"", "a@b.ru, c@d.lt", " ,;, ", "+7 912 345-67-89;8 (495) 123-45-67", "x,,y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parts := splitList(s)
		for _, p := range parts {
			if p == "" || p != strings.TrimSpace(p) || strings.ContainsAny(p, ",;") {
				t.Fatalf("splitList(%q) gave part %q", s, p)
			}
		}
		again := splitList(strings.Join(parts, ", "))
		if strings.Join(again, "\x00") != strings.Join(parts, "\x00") {
			t.Fatalf("not idempotent: %q then %q", parts, again)
		}
	})
}

func clean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == utf8.RuneError || !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	return true
}

// FuzzFormRoundTrip: opening a client in the form and reading it back
// without touching anything changes nothing, and the form is not dirty.
func FuzzFormRoundTrip(f *testing.F) {
	f.Add("ООО «Ромашка»", "Звонить до обеда.\nБухгалтерия — Анна.", "info@romashka.ru, a@b.lt", "+7 912 345-67-89", "Šiauliai")
	f.Add("UAB Žalgiris", "", "", "", "")
	f.Fuzz(func(t *testing.T, name, notes, emails, phone, city string) {
		if !clean(name) || !clean(emails) || !clean(phone) || !clean(city) {
			t.Skip()
		}
		for _, l := range strings.Split(notes, "\n") {
			if !clean(l) {
				t.Skip()
			}
		}
		c := model.Client{ShortName: name, Notes: notes, City: city, Emails: splitList(emails),
			Kind: model.KindLegal, Status: model.StatusActive, Manager: "ivan"}
		if phone = strings.TrimSpace(phone); phone != "" && !strings.ContainsAny(phone, ",;") {
			c.Phones = []model.Phone{{Raw: phone}}
		}
		d := Deps{Me: model.User{Name: "boss", Role: model.RoleDirector}}
		fm := clientForm(d, c, false)
		if fm.Dirty() {
			t.Fatal("a form just opened is dirty")
		}
		got, reason, errs := clientFrom(c, fm)
		if len(errs) != 0 || reason != "" {
			t.Fatalf("an untouched form reports errs %v reason %q", errs, reason)
		}
		if got.ShortName != c.ShortName || got.Notes != c.Notes || got.City != c.City {
			t.Fatalf("round trip changed text: %q/%q/%q → %q/%q/%q", c.ShortName, c.Notes, c.City, got.ShortName, got.Notes, got.City)
		}
		if strings.Join(got.Emails, ",") != strings.Join(c.Emails, ",") {
			t.Fatalf("e-mails %q → %q", c.Emails, got.Emails)
		}
		if len(got.Phones) != len(c.Phones) || len(c.Phones) == 1 && got.Phones[0] != c.Phones[0] {
			t.Fatalf("phones %+v → %+v", c.Phones, got.Phones)
		}
	})
}
