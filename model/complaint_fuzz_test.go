package model

import (
	"testing"
	"time"
)

// Zones with every kind of clock change: none, an hour at night, half an
// hour (Lord Howe), at midnight (Santiago, Havana), a skipped day (Apia,
// 30 Dec 2011), changes for Ramadan (Casablanca).
var slaFuzzZones = []string{"Europe/Moscow", "Europe/Vilnius", "America/New_York", "Asia/Vladivostok",
	"Australia/Lord_Howe", "America/Santiago", "America/Havana", "Pacific/Apia", "Africa/Casablanca", "UTC", ""}

// fuzzSettings builds settings from fuzz input; ok false when they are not
// valid (the arithmetic is only promised for valid settings).
func fuzzSettings(zone uint8, from, to uint16, days uint8, hol1, hol2 uint16) (ComplaintSettings, bool) {
	s := DefaultComplaintSettings()
	s.Zone = slaFuzzZones[int(zone)%len(slaFuzzZones)]
	s.WorkFrom, s.WorkTo = int(from)%1441, int(to)%1441
	for d := range s.WorkDays {
		s.WorkDays[d] = days&(1<<d) != 0
	}
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	s.Holidays = append(s.Holidays, base.AddDate(0, 0, int(hol1)%(200*365)).Format(holidayLayout),
		base.AddDate(0, 0, int(hol2)%(200*365)).Format(holidayLayout))
	return s, ValidateComplaintSettings(s) == nil
}

// FuzzWorkCalendar: for valid settings, any start and any number of working
// minutes, Add lands exactly that much working time later and at the
// earliest such moment, Add is monotone in both arguments, and Between is
// antisymmetric and additive. Nothing panics for any settings.
func FuzzWorkCalendar(f *testing.F) {
	t0 := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC).Unix()
	f.Add(uint8(0), uint16(540), uint16(1080), uint8(0b0111110), uint16(0), uint16(9800), t0, uint32(2700), int64(3600), uint16(5))
	f.Add(uint8(1), uint16(0), uint16(1440), uint8(0b1111111), uint16(1), uint16(2), time.Date(2026, 3, 28, 0, 0, 0, 0, time.UTC).Unix(), uint32(2000), int64(86400), uint16(60))
	f.Add(uint8(4), uint16(90), uint16(150), uint8(0b1000001), uint16(1), uint16(2), time.Date(2026, 4, 4, 0, 0, 0, 0, time.UTC).Unix(), uint32(300), int64(7*86400), uint16(1))
	f.Add(uint8(7), uint16(540), uint16(1080), uint8(0b1111111), uint16(1), uint16(2), time.Date(2011, 12, 28, 0, 0, 0, 0, time.UTC).Unix(), uint32(2000), int64(3*86400), uint16(9))
	f.Add(uint8(5), uint16(0), uint16(1440), uint8(0b1111111), uint16(1), uint16(2), time.Date(2026, 9, 5, 12, 0, 0, 0, time.UTC).Unix(), uint32(3000), int64(86400), uint16(7))
	f.Add(uint8(2), uint16(600), uint16(540), uint8(0), uint16(1), uint16(2), t0, uint32(60), int64(60), uint16(1))
	f.Fuzz(func(t *testing.T, zone uint8, from, to uint16, days uint8, hol1, hol2 uint16,
		unix int64, minutes uint32, span int64, step uint16) {
		s, valid := fuzzSettings(zone, from, to, days, hol1, hol2)
		w := s.Calendar()
		lo, hi := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), time.Date(2150, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
		a := time.Unix(lo+((unix%(hi-lo))+(hi-lo))%(hi-lo), 0)
		m := int(minutes % (2000 * 60)) // the longest level: 2000 working hours
		end := w.Add(a, m)
		b := a.Add(time.Duration((span%(60*86400)+60*86400)%(60*86400)) * time.Second)
		_ = w.Between(a, b)
		if !valid {
			return
		}
		if got := w.Between(a, end); got != time.Duration(m)*time.Minute {
			t.Fatalf("%s %d–%d %07b: Between(%v, Add(+%d min) = %v) = %v", s.Zone, s.WorkFrom, s.WorkTo, days, a, m, end, got)
		}
		if m > 0 {
			if got := w.Between(a, end.Add(-time.Nanosecond)); got != time.Duration(m)*time.Minute-time.Nanosecond {
				t.Fatalf("Add(%v, %d) = %v is not the earliest: a nanosecond before it %v has passed", a, m, end, got)
			}
		}
		k := int(step)
		if later := w.Add(a, m+k); later.Before(end) {
			t.Fatalf("Add not monotone in minutes: +%d → %v, +%d → %v", m, end, m+k, later)
		}
		a2 := a.Add(time.Duration(step) * time.Minute * 7)
		if end2 := w.Add(a2, m); end2.Before(end) {
			t.Fatalf("Add not monotone in the start: %v → %v, %v → %v", a, end, a2, end2)
		}
		ab, bc := w.Between(a, b), w.Between(b, end)
		if ab+bc != w.Between(a, end) {
			t.Fatalf("Between not additive: %v + %v != %v (a %v, b %v, c %v)", ab, bc, w.Between(a, end), a, b, end)
		}
		if w.Between(b, a) != -ab {
			t.Fatalf("Between not antisymmetric")
		}
		if ab < 0 || ab > b.Sub(a) {
			t.Fatalf("Between(%v, %v) = %v outside [0, %v]", a, b, ab, b.Sub(a))
		}
		// a short span against counting minute by minute
		if step < 200 {
			a0 := a.Truncate(time.Minute)
			b0 := a0.Add(time.Duration(step) * 7 * time.Minute)
			if got, want := w.Between(a0, b0), byMinute(w, a0, b0); got != want {
				t.Fatalf("%s %d–%d: Between(%v, %v) = %v, by minute %v", s.Zone, s.WorkFrom, s.WorkTo, a0, b0, got, want)
			}
		}
	})
}

// FuzzValidateComplaintSettings: whatever the head types, validation never
// panics, and settings it accepts give a calendar with working time whose
// levels are all positive.
func FuzzValidateComplaintSettings(f *testing.F) {
	f.Add("Europe/Moscow", 540, 1080, uint8(0b0111110), "2026-01-01", "quality", "key", 27, 45, 4, 3)
	f.Add("", 0, 1440, uint8(0), "31.12.2026", "", "", 0, -1, 0, 0)
	f.Add("Mars/Olympus", -5, 99999, uint8(255), "2026-02-30", "noise", "D", 99999, 1, 1, 61)
	f.Fuzz(func(t *testing.T, zone string, from, to int, days uint8, holiday, typ, cat string, hours, def, serious, follow int) {
		s := ComplaintSettings{Zone: zone, WorkFrom: from, WorkTo: to, Holidays: []string{holiday},
			Levels:       []ServiceLevel{{Type: ComplaintType(typ), Category: cat, Hours: hours}},
			DefaultHours: def, SeriousHours: serious, FollowUpDays: follow}
		for d := range s.WorkDays {
			s.WorkDays[d] = days&(1<<d) != 0
		}
		err := ValidateComplaintSettings(s)
		w := s.Calendar() // never panics, valid or not
		if err != nil {
			if len(fields(t, err)) == 0 {
				t.Fatalf("an error without fields: %v", err)
			}
			return
		}
		if w.DayMinutes() <= 0 || w.DayMinutes() != to-from {
			t.Fatalf("accepted %d–%d but the day is %d minutes", from, to, w.DayMinutes())
		}
		for _, c := range []Client{{}, {Category: CategoryA}, {Flags: ClientFlags{KeyClient: true}}} {
			for _, ty := range ComplaintTypes {
				if l := s.LevelFor(ty, false, c); l <= 0 {
					t.Fatalf("accepted settings give level %d", l)
				}
			}
		}
		start := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
		if got := w.Between(start, w.Add(start, s.DefaultHours*60)); got != time.Duration(s.DefaultHours)*time.Hour {
			t.Fatalf("accepted settings: default deadline counts %v", got)
		}
	})
}
