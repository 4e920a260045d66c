package model

import (
	"strings"
	"testing"
	"time"
)

var fuzzZones = []*time.Location{moscow, vladivostok, vilnius, newYork, time.UTC}

// ambiguousWall reports whether t's wall clock is also shown at another
// moment (the hour repeated when the clocks go back): formatting it cannot
// say which one is meant.
func ambiguousWall(t time.Time) bool {
	w := FormatDateTime(t, t.Location())
	for _, d := range []time.Duration{-2 * time.Hour, -time.Hour, -30 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour} {
		if FormatDateTime(t.Add(d), t.Location()) == w {
			return true
		}
	}
	return false
}

// Accepted results are in loc, and what FormatDateTime shows of them reads
// back as the same minute; refused text gets a sentence.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"14:30", "9:05", "25.11", "25.11.", "25.11.2026", "5.1.27", "25.11.2026 14:30",
		"2026-11-25 14:30", "2026-11-25", "+2h", "+30m", "+1h30m", "+3d", "tomorrow", "завтра 11:00", "rytoj",
		"today 17:00", "31.02.2026", "24:00", "+2s", "01.11.2026 01:30", "08.03.2026 02:30", "29.03.2026 03:30",
		"25.10.2026 03:30", "", "+", "+d", ".", "-", "1-2-3", "25..11", "29.02.2100"} {
		for z := range fuzzZones {
			f.Add(s, int64(1795424820), uint8(z))
		}
	}
	s := DefaultCallSettings()
	f.Fuzz(func(t *testing.T, text string, unix int64, zone uint8) {
		loc := fuzzZones[int(zone)%len(fuzzZones)]
		now := time.Unix(946684800+((unix%(150*365*86400))+150*365*86400)%(150*365*86400), 0) // 2000–2150
		got, err := ParseWhen(text, now, loc, s)
		if err != nil {
			if err.Error() == "" || !(err.Error()[0] >= 'A' && err.Error()[0] <= 'Z' || err.Error()[0] == '"') {
				t.Fatalf("%q: error %q is not a sentence", text, err)
			}
			return
		}
		if got.Location() != loc {
			t.Fatalf("%q: result in %v, want %v", text, got.Location(), loc)
		}
		shown := FormatDateTime(got, loc)
		again, err := ParseWhen(shown, now, loc, s)
		if err != nil {
			t.Fatalf("%q → %v shown as %q does not read back: %v", text, got, shown, err)
		}
		if FormatDateTime(again, loc) != shown {
			t.Fatalf("%q → %q reads back as %q", text, shown, FormatDateTime(again, loc))
		}
		if !ambiguousWall(got) && !again.Equal(got.Truncate(time.Minute)) {
			t.Fatalf("%q → %v shown as %q reads back as %v", text, got, shown, again)
		}
	})
}

// An ok slot is at or after t, InCallWindow accepts it, and no earlier
// minute between t and it is accepted (checked on a sample, with the minute
// just before the slot always among them).
func FuzzNextCallSlot(f *testing.F) {
	seeds := []struct {
		unix              int64
		zone              uint8
		from, to, wf, wt  int16
		days              uint8
		holidayOffsetDays uint8
	}{
		{1795424820, 0, 0, 0, 540, 1080, 0b0111110, 0},
		{1795424820, 1, 600, 720, 540, 1080, 0b0111110, 3},
		{1772946000, 3, 150, 210, 0, 1440, 0b1111111, 0},     // New York spring gap
		{1774735200, 2, 210, 300, 0, 1440, 0b1111111, 0},     // Vilnius spring gap
		{1793505600, 3, 60, 90, 0, 1440, 0b1111111, 0},       // New York autumn repeat
		{1792875600, 2, 180, 240, 0, 1440, 0b1111111, 0},     // Vilnius autumn repeat
		{1795424820, 0, 1320, 600, 540, 1080, 0b0111110, 0},  // window past midnight
		{1795424820, 0, 1140, 1260, 540, 1080, 0b0111110, 0}, // never meets
		{1795424820, 4, 0, 0, 540, 1080, 0, 0},               // no working day
	}
	for _, s := range seeds {
		f.Add(s.unix, s.zone, s.from, s.to, s.wf, s.wt, s.days, s.holidayOffsetDays)
	}
	f.Fuzz(func(t *testing.T, unix int64, zone uint8, from, to, wf, wt int16, days uint8, holiday uint8) {
		loc := fuzzZones[int(zone)%len(fuzzZones)]
		start := time.Unix(946684800+((unix%(100*365*86400))+100*365*86400)%(100*365*86400), 0).In(loc)
		s := DefaultCallSettings()
		clamp := func(v int16) int { return ((int(v) % 1441) + 1441) % 1441 }
		s.WorkFrom, s.WorkTo = clamp(wf), clamp(wt)
		for d := 0; d < 7; d++ {
			s.WorkDays[d] = days&(1<<d) != 0
		}
		if holiday > 0 {
			s.Holidays = []string{start.AddDate(0, 0, int(holiday)%20).Format("2006-01-02")}
		}
		w := CallWindow{From: clamp(from), To: clamp(to)}
		got, ok := NextCallSlot(s, loc, w, start)
		if !ok {
			// then nothing in the next days is in the window either
			for m := 0; m < 10*24*60; m += 17 {
				if tt := start.Add(time.Duration(m) * time.Minute); InCallWindow(s, loc, w, tt) {
					t.Fatalf("no slot from %v, but %v is in the window (settings %+v, window %+v)", start, tt, s, w)
				}
			}
			return
		}
		if got.Before(start) {
			t.Fatalf("slot %v before %v", got, start)
		}
		if !InCallWindow(s, loc, w, got) {
			t.Fatalf("slot %v from %v is not in the window (settings %+v, window %+v)", got, start, s, w)
		}
		span := got.Sub(start)
		samples := []time.Time{got.Add(-time.Minute), got.Add(-time.Second)}
		for i := 0; i < 500; i++ {
			samples = append(samples, start.Add(span*time.Duration(i)/500))
		}
		for m := time.Duration(0); m < span && m < 3*24*time.Hour; m += 7 * time.Minute {
			samples = append(samples, start.Add(m))
		}
		for _, tt := range samples {
			if !tt.Before(start) && tt.Before(got) && InCallWindow(s, loc, w, tt) {
				t.Fatalf("slot %v from %v, but the earlier %v is in the window (settings %+v, window %+v)", got, start, tt, s, w)
			}
		}
	})
}

// Delays the editor reads format back to the same value; refusals are sentences.
func FuzzParseDelay(f *testing.F) {
	for _, s := range []string{"2h", "15m", "1d", "2h30m", "1d 2h", "90", "", "0", "2x", "30m2h", "99999999999", "1d1h1m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ParseDelay(text)
		if err != nil {
			if !strings.HasSuffix(err.Error(), ".") {
				t.Fatalf("%q: %q is not a sentence", text, err)
			}
			return
		}
		if d < 0 || d > maxRetryDelay || d%time.Minute != 0 {
			t.Fatalf("%q → %v", text, d)
		}
		if back, err := ParseDelay(FormatDelay(d)); err != nil || back != d {
			t.Fatalf("%q → %v → %q → %v, %v", text, d, FormatDelay(d), back, err)
		}
	})
}

// Holidays read are valid for ValidateCallSettings and survive FormatHolidays.
func FuzzParseHolidays(f *testing.F) {
	for _, s := range []string{"31.12.2026, 1.1.2027", "2026-12-31", "", "31.02.2026", "1.1", "7.1.2027;8.1.2027 9.1.2027"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		days, err := ParseHolidays(text)
		if err != nil {
			return
		}
		s := DefaultCallSettings()
		s.Holidays = days
		if err := ValidateCallSettings(s); err != nil {
			t.Fatalf("%q → %v: %v", text, days, err)
		}
		back, err := ParseHolidays(FormatHolidays(days))
		if err != nil || strings.Join(back, ",") != strings.Join(days, ",") {
			t.Fatalf("%q → %v → %q → %v, %v", text, days, FormatHolidays(days), back, err)
		}
	})
}
