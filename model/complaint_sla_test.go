package model

import (
	"math/rand/v2"
	"testing"
	"time"
)

// settingsIn is the default settings counting in zone.
func settingsIn(zone string) ComplaintSettings {
	s := DefaultComplaintSettings()
	s.Zone = zone
	return s
}

var (
	clientB    = Client{ID: 1, Category: CategoryB}
	clientA    = Client{ID: 2, Category: CategoryA}
	clientKey  = Client{ID: 3, Category: CategoryC, Flags: ClientFlags{KeyClient: true}}
	clientNone = Client{ID: 4}
)

// The deadline of a new complaint across weekends, evenings, holidays,
// zones and daylight-saving changes (default levels: the table in
// complaint_sla.go).
func TestStartDeadline(t *testing.T) {
	cases := []struct {
		name     string
		zone     string
		typ      ComplaintType
		serious  bool
		client   Client
		received time.Time
		sla      int // hours
		want     time.Time
	}{
		{"Friday afternoon over the weekend", "Europe/Moscow", TypeDelivery, false, clientKey,
			at(moscow, 2026, 11, 20, 15, 0), 18, at(moscow, 2026, 11, 24, 15, 0)},
		{"Friday afternoon, five days", "Europe/Moscow", TypeQuality, false, clientB,
			at(moscow, 2026, 11, 20, 15, 0), 45, at(moscow, 2026, 11, 27, 15, 0)},
		{"evening: starts next morning", "Europe/Moscow", TypeService, false, clientNone,
			at(moscow, 2026, 11, 24, 20, 30), 27, at(moscow, 2026, 11, 27, 18, 0)},
		{"night, serious", "Europe/Moscow", TypeQuality, true, clientB,
			at(moscow, 2026, 11, 25, 3, 10), 4, at(moscow, 2026, 11, 25, 13, 0)},
		{"at the end of the day", "Europe/Moscow", TypeQuality, true, clientB,
			at(moscow, 2026, 11, 25, 18, 0), 4, at(moscow, 2026, 11, 26, 13, 0)},
		{"4 November in the middle", "Europe/Moscow", TypeDelivery, false, clientKey,
			at(moscow, 2026, 11, 3, 10, 0), 18, at(moscow, 2026, 11, 6, 10, 0)},
		{"new year holidays", "Europe/Moscow", TypeQuality, false, clientA,
			at(moscow, 2026, 12, 30, 12, 0), 27, at(moscow, 2027, 1, 12, 12, 0)},
		{"received on a holiday", "Europe/Moscow", TypeQuality, true, clientA,
			at(moscow, 2027, 1, 5, 12, 0), 4, at(moscow, 2027, 1, 11, 13, 0)},
		{"received in Vladivostok time, counted in Moscow", "Europe/Moscow", TypeQuality, true, clientB,
			at(vladivostok, 2026, 11, 24, 8, 30), 4, at(moscow, 2026, 11, 24, 13, 0)},
		{"counted in Vladivostok, received in Moscow time", "Asia/Vladivostok", TypeQuality, true, clientB,
			at(moscow, 2026, 11, 24, 9, 0), 4, at(vladivostok, 2026, 11, 25, 11, 0)},
		{"Vilnius spring forward on the weekend", "Europe/Vilnius", TypeQuality, true, clientB,
			at(vilnius, 2026, 3, 27, 16, 0), 4, at(vilnius, 2026, 3, 30, 11, 0)},
		{"Vilnius fall back on the weekend", "Europe/Vilnius", TypeQuality, true, clientB,
			at(vilnius, 2026, 10, 23, 17, 0), 4, at(vilnius, 2026, 10, 26, 12, 0)},
		{"New York spring forward, received in Moscow time", "America/New_York", TypeQuality, true, clientB,
			at(moscow, 2026, 3, 6, 23, 0), 4, at(newYork, 2026, 3, 9, 10, 0)},
		{"New York fall back", "America/New_York", TypeQuality, true, clientB,
			at(newYork, 2026, 10, 30, 17, 30), 4, at(newYork, 2026, 11, 2, 12, 30)},
		{"New York, a week across fall back and 4 November", "America/New_York", TypeSettlement, false, clientB,
			at(newYork, 2026, 10, 28, 12, 0), 45, at(newYork, 2026, 11, 5, 12, 0)},
		{"empty zone counts in Moscow", "", TypeQuality, true, clientB,
			at(time.UTC, 2026, 11, 24, 6, 0), 4, at(moscow, 2026, 11, 24, 13, 0)},
		{"bad zone counts in Moscow", "Mars/Olympus", TypeQuality, true, clientB,
			at(time.UTC, 2026, 11, 24, 6, 0), 4, at(moscow, 2026, 11, 24, 13, 0)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := settingsIn(tc.zone)
			c := Complaint{Type: tc.typ, Serious: tc.serious, Received: tc.received}
			StartDeadline(s, &c, tc.client)
			if c.SLA != tc.sla*60 {
				t.Errorf("SLA = %d min, want %d h", c.SLA, tc.sla)
			}
			if !c.Deadline.Equal(tc.want) {
				t.Errorf("deadline = %v, want %v", c.Deadline.In(tc.want.Location()), tc.want)
			}
			w := s.Calendar()
			if got := w.Between(tc.received, c.Deadline); got != time.Duration(tc.sla)*time.Hour {
				t.Errorf("Between(received, deadline) = %v, want %dh", got, tc.sla)
			}
		})
	}
}

// Working time across daylight-saving days: a jump at night leaves the day
// at its hours; a jump inside working hours counts the real time.
func TestBetweenDST(t *testing.T) {
	allWeek := [7]bool{true, true, true, true, true, true, true}
	cal := func(zone string, from, to int) WorkCalendar {
		return ComplaintSettings{WorkFrom: from, WorkTo: to, WorkDays: allWeek, Zone: zone}.Calendar()
	}
	cases := []struct {
		name string
		w    WorkCalendar
		a, b time.Time
		want time.Duration
	}{
		{"Vilnius spring day, 9–18", cal("Europe/Vilnius", 540, 1080),
			at(vilnius, 2026, 3, 29, 0, 0), at(vilnius, 2026, 3, 30, 0, 0), 9 * time.Hour},
		{"Vilnius spring day, round the clock", cal("Europe/Vilnius", 0, 1440),
			at(vilnius, 2026, 3, 29, 0, 0), at(vilnius, 2026, 3, 30, 0, 0), 23 * time.Hour},
		{"Vilnius autumn day, round the clock", cal("Europe/Vilnius", 0, 1440),
			at(vilnius, 2026, 10, 25, 0, 0), at(vilnius, 2026, 10, 26, 0, 0), 25 * time.Hour},
		{"Vilnius spring, 2:00–6:00 holds the jump", cal("Europe/Vilnius", 120, 360),
			at(vilnius, 2026, 3, 28, 12, 0), at(vilnius, 2026, 3, 30, 12, 0), 4*time.Hour + 3*time.Hour},
		{"Vilnius autumn, 2:00–6:00 holds the jump", cal("Europe/Vilnius", 120, 360),
			at(vilnius, 2026, 10, 24, 12, 0), at(vilnius, 2026, 10, 26, 12, 0), 5*time.Hour + 4*time.Hour},
		{"Vilnius, a month round the clock across spring", cal("Europe/Vilnius", 0, 1440),
			at(vilnius, 2026, 3, 15, 12, 0), at(vilnius, 2026, 4, 15, 12, 0), 31*24*time.Hour - time.Hour},
		{"New York spring, 0:00–24:00", cal("America/New_York", 0, 1440),
			at(newYork, 2026, 3, 8, 0, 0), at(newYork, 2026, 3, 9, 0, 0), 23 * time.Hour},
		{"New York autumn, 1:00–3:00 holds the repeated hour", cal("America/New_York", 60, 180),
			at(newYork, 2026, 10, 31, 12, 0), at(newYork, 2026, 11, 2, 12, 0), 3*time.Hour + 2*time.Hour},
		{"New York a year 9–18 every day", cal("America/New_York", 540, 1080),
			at(newYork, 2026, 1, 1, 0, 0), at(newYork, 2027, 1, 1, 0, 0), 365 * 9 * time.Hour},
		{"backwards is negative", cal("Europe/Vilnius", 540, 1080),
			at(vilnius, 2026, 3, 30, 0, 0), at(vilnius, 2026, 3, 29, 0, 0), -9 * time.Hour},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.w.Between(tc.a, tc.b); got != tc.want {
				t.Errorf("Between = %v, want %v", got, tc.want)
			}
			if tc.want > 0 {
				if got := tc.w.Add(tc.a, int(tc.want/time.Minute)); !got.Equal(tc.b) && tc.w.Between(got, tc.b) != 0 {
					t.Errorf("Add(a, %v) = %v, want %v or the end of the last working period before it", tc.want, got, tc.b)
				}
			}
		})
	}
}

// Pausing moves the deadline on by the working time spent waiting, and the
// time left is frozen while paused.
func TestPauseResume(t *testing.T) {
	s := DefaultComplaintSettings()
	w := s.Calendar()
	received := at(moscow, 2026, 11, 16, 9, 0) // Monday
	cases := []struct {
		name          string
		pause, resume time.Time
		want          time.Time
	}{
		{"Tue 15:00 to Thu 10:00: 13 working hours", at(moscow, 2026, 11, 17, 15, 0), at(moscow, 2026, 11, 19, 10, 0),
			at(moscow, 2026, 11, 24, 13, 0)},
		{"over the weekend: nothing extra", at(moscow, 2026, 11, 20, 18, 0), at(moscow, 2026, 11, 23, 9, 0),
			at(moscow, 2026, 11, 20, 18, 0)},
		{"Fri 17:00 to Mon 9:00: one hour", at(moscow, 2026, 11, 20, 17, 0), at(moscow, 2026, 11, 23, 9, 0),
			at(moscow, 2026, 11, 23, 10, 0)},
		{"paused after the deadline", at(moscow, 2026, 11, 23, 12, 0), at(moscow, 2026, 11, 24, 12, 0),
			at(moscow, 2026, 11, 23, 18, 0)},
		{"resumed on the weekend after a Friday pause", at(moscow, 2026, 11, 20, 16, 30), at(moscow, 2026, 11, 21, 12, 0),
			at(moscow, 2026, 11, 23, 10, 30)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Complaint{Type: TypeQuality, Received: received}
			StartDeadline(s, &c, clientB)
			if want := at(moscow, 2026, 11, 20, 18, 0); !c.Deadline.Equal(want) {
				t.Fatalf("deadline %v, want %v", c.Deadline, want)
			}
			PauseDeadline(&c, tc.pause)
			PauseDeadline(&c, tc.pause.Add(time.Hour)) // already paused: no change
			if !c.PausedAt.Equal(tc.pause) {
				t.Fatalf("PausedAt = %v, want %v", c.PausedAt, tc.pause)
			}
			frozen := TimeLeft(w, c.Deadline, c.PausedAt, tc.resume)
			if want := w.Between(tc.pause, c.Deadline); frozen != want {
				t.Errorf("paused TimeLeft = %v, want %v", frozen, want)
			}
			ResumeDeadline(w, &c, tc.resume)
			if !c.PausedAt.IsZero() {
				t.Errorf("PausedAt not cleared")
			}
			if !c.Deadline.Equal(tc.want) {
				t.Errorf("deadline = %v, want %v", c.Deadline.In(moscow), tc.want)
			}
			// (paused with nothing left, it resumes overdue: the -1ns of TimeLeft)
			if got := TimeLeft(w, c.Deadline, time.Time{}, tc.resume); got != frozen && !(frozen == 0 && got == -time.Nanosecond) {
				t.Errorf("TimeLeft after resume = %v, want the frozen %v", got, frozen)
			}
			before := c.Deadline
			ResumeDeadline(w, &c, tc.resume.Add(time.Hour)) // not paused: no change
			if !c.Deadline.Equal(before) {
				t.Errorf("resume without a pause moved the deadline")
			}
		})
	}
}

func TestTimeLeft(t *testing.T) {
	w := DefaultComplaintSettings().Calendar()
	deadline := at(moscow, 2026, 11, 24, 12, 0)
	cases := []struct {
		name        string
		paused, now time.Time
		want        time.Duration
	}{
		{"a day ahead", time.Time{}, at(moscow, 2026, 11, 23, 12, 0), 9 * time.Hour},
		{"over the weekend", time.Time{}, at(moscow, 2026, 11, 20, 17, 0), 13 * time.Hour},
		{"overdue", time.Time{}, at(moscow, 2026, 11, 25, 10, 0), -7 * time.Hour},
		{"overdue at night", time.Time{}, at(moscow, 2026, 11, 24, 23, 0), -6 * time.Hour},
		{"paused", at(moscow, 2026, 11, 24, 11, 0), at(moscow, 2026, 12, 25, 10, 0), time.Hour},
	}
	for _, tc := range cases {
		if got := TimeLeft(w, deadline, tc.paused, tc.now); got != tc.want {
			t.Errorf("%s: TimeLeft = %v, want %v", tc.name, got, tc.want)
		}
	}
	// Past a Friday 18:00 deadline with no working time since: overdue all the same.
	fri := at(moscow, 2026, 11, 27, 18, 0)
	if got := TimeLeft(w, fri, time.Time{}, at(moscow, 2026, 11, 28, 12, 0)); got != -time.Nanosecond {
		t.Errorf("Saturday after a Friday deadline: TimeLeft = %v, want -1ns", got)
	}
	for _, now := range []time.Time{fri, fri.Add(time.Second), at(moscow, 2026, 11, 28, 12, 0), at(moscow, 2026, 11, 30, 9, 0), at(moscow, 2026, 11, 30, 9, 1)} {
		if left, over := TimeLeft(w, fri, time.Time{}, now), Overdue(fri, time.Time{}, now); (left < 0) != over {
			t.Errorf("at %v: TimeLeft %v but Overdue %v", now, left, over)
		}
	}
	if got := TimeLeft(w, time.Time{}, time.Time{}, deadline); got != 0 {
		t.Errorf("no deadline: TimeLeft = %v, want 0", got)
	}
}

func TestLevelFor(t *testing.T) {
	s := DefaultComplaintSettings()
	s.Levels = append(s.Levels, ServiceLevel{Category: "key", Hours: 9}, ServiceLevel{Category: "C", Hours: 63})
	cases := []struct {
		name    string
		typ     ComplaintType
		serious bool
		c       Client
		hours   int
	}{
		{"serious beats everything", TypeQuality, true, clientKey, 4},
		{"type and key", TypeQuality, false, clientKey, 27},
		{"type and letter", TypeQuality, false, clientB, 45},
		{"type and letter C", TypeQuality, false, Client{Category: CategoryC}, 72},
		{"type only", TypeDelivery, false, clientB, 27},
		{"type and key before type", TypeDelivery, false, clientKey, 18},
		{"key without a type level", TypeAfterAct, false, clientKey, 72},
		{"any type, key", ComplaintType("unknown"), false, clientKey, 9},
		{"any type, letter", ComplaintType("unknown"), false, Client{Category: CategoryC}, 63},
		{"default", ComplaintType("unknown"), false, clientB, 45},
		{"no category", TypeQuality, false, clientNone, 45},
	}
	for _, tc := range cases {
		if got := s.LevelFor(tc.typ, tc.serious, tc.c); got != tc.hours*60 {
			t.Errorf("%s: LevelFor = %d min, want %d h", tc.name, got, tc.hours)
		}
	}
	d := DefaultComplaintSettings()
	if got := d.LevelFor(TypeQuality, false, clientNone); got != d.DefaultHours*60 {
		t.Errorf("quality without category = %d, want the default %d h", got, d.DefaultHours)
	}
}

// byMinute is the reference: working minutes in [a, b) counted one by one.
func byMinute(w WorkCalendar, a, b time.Time) time.Duration {
	var n time.Duration
	for t := a; t.Before(b); t = t.Add(time.Minute) {
		if w.in(t) {
			n += time.Minute
		}
	}
	return n
}

// Add and Between agree with counting minute by minute, in zones with and
// without daylight saving, around their changes and the holidays.
func TestWorkCalendarAgainstMinutes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	starts := []time.Time{
		at(vilnius, 2026, 3, 26, 0, 0), at(vilnius, 2026, 10, 22, 0, 0),
		at(newYork, 2026, 3, 5, 0, 0), at(newYork, 2026, 10, 29, 0, 0),
		at(moscow, 2026, 12, 28, 0, 0), at(moscow, 2026, 11, 1, 0, 0),
	}
	zones := []string{"Europe/Vilnius", "America/New_York", "Europe/Moscow", "Asia/Vladivostok"}
	for i := 0; i < 150; i++ {
		s := DefaultComplaintSettings()
		s.Zone = zones[r.IntN(len(zones))]
		s.WorkFrom = r.IntN(12) * 60
		s.WorkTo = s.WorkFrom + 30 + r.IntN(24*60-s.WorkFrom-29)
		for d := range s.WorkDays {
			s.WorkDays[d] = r.IntN(3) > 0
		}
		s.WorkDays[r.IntN(7)] = true
		w := s.Calendar()
		a := starts[r.IntN(len(starts))].Add(time.Duration(r.IntN(4*24*60)) * time.Minute)
		b := a.Add(time.Duration(r.IntN(6*24*60)) * time.Minute)
		want := byMinute(w, a, b)
		if got := w.Between(a, b); got != want {
			t.Fatalf("%+v: Between(%v, %v) = %v, by minute %v", s, a, b, got, want)
		}
		if got := w.Between(b, a); got != -want {
			t.Fatalf("Between backwards = %v, want %v", got, -want)
		}
		if want > 0 {
			end := w.Add(a, int(want/time.Minute))
			if end.After(b) || byMinute(w, end, b) != 0 {
				t.Fatalf("%+v: Add(%v, %v) = %v, want the end of the work before %v", s, a, want, end, b)
			}
		}
	}
}

func TestAddZero(t *testing.T) {
	w := DefaultComplaintSettings().Calendar()
	sat := at(moscow, 2026, 11, 21, 12, 0)
	if got := w.Add(sat, 0); !got.Equal(sat) {
		t.Errorf("Add(t, 0) = %v, want t", got)
	}
	if got := w.Add(sat, 1); !got.Equal(at(moscow, 2026, 11, 23, 9, 1)) {
		t.Errorf("Add(Saturday, 1) = %v, want Monday 9:01", got)
	}
	var none WorkCalendar
	if got := none.Add(sat, 60); !got.Equal(sat) || none.Between(sat, sat.Add(time.Hour)) != 0 {
		t.Errorf("a calendar without working time moved the time")
	}
}

// A long deadline across the holiday season stays exact (weeks are jumped).
func TestAddLong(t *testing.T) {
	w := DefaultComplaintSettings().Calendar()
	from := at(moscow, 2026, 12, 20, 10, 0)
	for _, h := range []int{9, 45, 90, 200, 1000, 2000} {
		end := w.Add(from, h*60)
		if got := w.Between(from, end); got != time.Duration(h)*time.Hour {
			t.Errorf("Between(from, Add(from, %dh)) = %v", h, got)
		}
		if lt := end.In(moscow); lt.Hour() < 9 || (lt.Hour() == 18 && lt.Minute() > 0) || lt.Hour() > 18 {
			t.Errorf("Add(%dh) = %v outside working hours", h, lt)
		}
	}
	// 90 working hours from 28 Dec: 28–31 Dec is 36, then 11–15 Jan 45, 18 Jan 9.
	if got, want := w.Add(at(moscow, 2026, 12, 28, 9, 0), 90*60), at(moscow, 2027, 1, 18, 18, 0); !got.Equal(want) {
		t.Errorf("90 h across the new year = %v, want %v", got, want)
	}
}

func TestDefaultComplaintSettings(t *testing.T) {
	s := DefaultComplaintSettings()
	if s.WorkFrom != 540 || s.WorkTo != 1080 || s.Zone != "Europe/Moscow" || s.FollowUpDays != 3 ||
		s.SeriousHours != 4 || s.DefaultHours != 45 || len(s.Holidays) != 28 {
		t.Errorf("defaults changed: %+v", s)
	}
	w := s.Calendar()
	if w.DayMinutes() != 540 || w.Location().String() != "Europe/Moscow" {
		t.Errorf("calendar: %d min a day in %v", w.DayMinutes(), w.Location())
	}
	for _, d := range []time.Time{at(moscow, 2026, 11, 4, 12, 0), at(moscow, 2027, 1, 8, 12, 0), at(moscow, 2026, 11, 22, 12, 0)} {
		if w.in(d) {
			t.Errorf("%v is a working time", d)
		}
	}
}

// What fuzzing found: the zone changes must be read in the calendar's zone
// whatever zone the times come in (Havana, times in UTC), a working day
// whose hours a jump skips counts nothing (Santiago jumps at midnight), and
// Go's zone rules past 2037 report a stale period on the last day of a leap
// year (Santiago, 2048).
func TestWorkCalendarFuzzFindings(t *testing.T) {
	cases := []struct {
		zone     string
		from, to int
		days     [7]bool
		a        time.Time
		minutes  int
	}{
		{"America/Havana", 23, 67, [7]bool{true, true, false, true, true, true, true},
			time.Date(2046, 9, 5, 12, 0, 0, 0, time.UTC), 3000},
		{"America/Santiago", 0, 2, [7]bool{true, false, true, false, false, true, true},
			time.Date(2046, 9, 5, 12, 0, 0, 0, time.UTC), 2925},
		{"America/Santiago", 0, 1440, [7]bool{true, true, true, true, true, true, true},
			time.Date(2048, 12, 20, 12, 0, 0, 0, time.UTC), 40 * 24 * 60},
	}
	for _, tc := range cases {
		w := ComplaintSettings{Zone: tc.zone, WorkFrom: tc.from, WorkTo: tc.to, WorkDays: tc.days}.Calendar()
		end := w.Add(tc.a, tc.minutes)
		if got := w.Between(tc.a, end); got != time.Duration(tc.minutes)*time.Minute {
			t.Errorf("%s %d–%d: Between(a, Add(a, %d)) = %v", tc.zone, tc.from, tc.to, tc.minutes, got)
		}
		// and the sum day by day agrees
		var sum time.Duration
		for d := tc.a.In(w.loc); !d.After(end.AddDate(0, 0, 1)); d = d.AddDate(0, 0, 1) {
			if f, e, ok := w.window(d.Date()); ok {
				sum += overlap(f, e, tc.a, end)
			}
		}
		if sum != time.Duration(tc.minutes)*time.Minute {
			t.Errorf("%s: the days' working periods sum to %v, want %d min", tc.zone, sum, tc.minutes)
		}
	}
}

// One compiled calendar serves many goroutines (the store shares it between
// readers); -race checks it is read-only.
func TestWorkCalendarConcurrent(t *testing.T) {
	w := settingsIn("Europe/Vilnius").Calendar()
	a := at(vilnius, 2026, 3, 20, 10, 0)
	want := w.Add(a, 90*60)
	done := make(chan time.Time)
	for i := 0; i < 8; i++ {
		go func() {
			c := w // copies share the read-only parts
			var got time.Time
			for j := 0; j < 50; j++ {
				got = c.Add(a, 90*60)
				_ = c.Between(a, got)
			}
			done <- got
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; !got.Equal(want) {
			t.Errorf("goroutine got %v, want %v", got, want)
		}
	}
}

// Zero and far-apart times neither hang nor overflow.
func TestWorkCalendarExtremes(t *testing.T) {
	w := DefaultComplaintSettings().Calendar()
	now := at(moscow, 2026, 11, 24, 12, 0)
	if got := w.Between(time.Time{}, now); got <= 0 {
		t.Errorf("Between(zero, now) = %v, want a large positive duration", got)
	}
	if got := w.Between(now, time.Time{}); got >= 0 {
		t.Errorf("Between(now, zero) = %v, want negative", got)
	}
	far := w.Add(now, maxWorkMinutes+1000) // capped, not overflowing
	if !far.After(now) || far.Year() > 2026+500 {
		t.Errorf("Add of a century of minutes = %v", far)
	}
	if got := w.Add(time.Time{}, 60); got.Year() != 1 {
		t.Errorf("Add(zero, 60) = %v", got)
	}
}
