package orders

import (
	"testing"
	"time"
)

func TestParseDay(t *testing.T) {
	base := fixedNow
	for _, c := range []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{"", time.Time{}, false},
		{"01.12.2026", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), false},
		{"1.12", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), false},
		{"05/01/27", time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC), false},
		{"+3", time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), false},
		{"31.02.2026", time.Time{}, true},
		{"tomorrow", time.Time{}, true},
		{"+x", time.Time{}, true},
		{"1.2.3.4", time.Time{}, true},
	} {
		got, err := parseDay(c.in, base, time.UTC)
		if (err != nil) != c.bad || !got.Equal(c.want) {
			t.Errorf("parseDay(%q) = %v, %v; want %v (bad %v)", c.in, got, err, c.want, c.bad)
		}
	}
}

// FuzzParseDay: any text gives a date at midnight or a sentence, never a panic;
// a date written back as dd.mm.yyyy reads as itself.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"", "01.12.2026", "1.12", "+3", "31.02.2026", "-1.-1", "99999999.1.1", "+99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDay(s, fixedNow, time.UTC)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without a sentence")
			}
			return
		}
		if d.IsZero() {
			return
		}
		if d.Hour() != 0 || d.Minute() != 0 || d.Location() != time.UTC {
			t.Fatalf("%q: %v is not a midnight in the zone", s, d)
		}
		again, err := parseDay(d.Format("02.01.2006"), fixedNow, time.UTC)
		if err != nil || !again.Equal(d) {
			t.Fatalf("%q → %v → %v (%v)", s, d, again, err)
		}
	})
}
