package model

import "testing"

func TestSortNameDropsLegalFormsAndQuotes(t *testing.T) {
	for in, want := range map[string]string{
		"ООО «Северный текстиль»":     "Северный текстиль",
		"Северный текстиль, ООО":      "Северный текстиль",
		"AB „Alytaus prekės“":         "Alytaus prekės",
		"UAB \"Baltijos audiniai\"":   "Baltijos audiniai",
		"ИП Кузнецов Андрей Петрович": "Кузнецов Андрей Петрович",
		"Northwind Textiles Ltd.":     "Northwind Textiles",
		"Jonas Petrauskas":            "Jonas Petrauskas",
		"ООО":                         "ООО",
		"  ":                          "",
	} {
		if got := SortName(in); got != want {
			t.Errorf("SortName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSortName(f *testing.F) {
	for _, s := range []string{"ООО «Северный текстиль»", "AB „Alytaus prekės“", "Smith & Co", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SortName(s)
		// Sorting by it must be stable under repetition and keep the name's skeleton.
		if SortName(got) != got {
			t.Fatalf("SortName not idempotent: %q → %q → %q", s, got, SortName(got))
		}
		if NameSkeleton(got) != NameSkeleton(s) && NameSkeleton(s) != "" {
			t.Fatalf("SortName(%q) = %q changes the skeleton %q → %q", s, got, NameSkeleton(s), NameSkeleton(got))
		}
	})
}

func BenchmarkSortName(b *testing.B) {
	names := []string{"ООО «Северный текстиль»", "AB „Alytaus prekės“", "ИП Кузнецов Андрей Петрович", "Northwind Textiles Ltd", "Jonas Petrauskas", "Agnė Jankauskienė, individuali veikla"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		SortName(names[i%len(names)])
	}
}
