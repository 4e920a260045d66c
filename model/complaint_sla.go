package model

import (
	"errors"
	"slices"
	"time"
)

// Complaint deadlines in working time.
//
// Shipped defaults (DefaultComplaintSettings; the head edits them). Hours are
// working hours; a working day is 9 h (Mon–Fri 09:00–18:00, Europe/Moscow).
//
//	type           key client   A            B            C            any
//	quality        27 (3 d)     27 (3 d)     45 (5 d)     72 (8 d)     –
//	delivery       18 (2 d)     –            –            –            27 (3 d)
//	service        18 (2 d)     –            –            –            27 (3 d)
//	settlement     –            –            –            –            45 (5 d)
//	after_act      –            –            –            –            72 (8 d)
//	chain_penalty  –            –            –            –            45 (5 d)
//	no level matches: 45 (5 d); a serious incident: 4 h, whatever its type.
//
// Holidays: the Russian public holidays of 2026 and 2027 (1–8 January,
// 23 February, 8 March, 1 and 9 May, 12 June, 4 November). The government's
// yearly moves of days off (a Saturday worked, a Monday off) are not
// shipped: the head adds them to the list. The retention call is planned 3
// working days after closing.
//
// The most specific level wins: (type, "key") for a key client, then (type,
// its category letter), then (type, any), then (any type, "key" / letter),
// then DefaultHours.

// ErrBadMove is the kind of the sentence refusing a move the status flow
// does not allow (CheckComplaintMove).
var ErrBadMove = errors.New("move not allowed")

// DefaultComplaintZone is where the deadlines count when Zone is empty or not a zone.
const DefaultComplaintZone = "Europe/Moscow"

// Limits beyond which a settings value is a typo.
const (
	maxLevelHours   = 2000 // ~220 working days
	maxFollowUpDays = 60
	maxHolidays     = 2000
	// maxWorkMinutes bounds Add's argument so time.Duration cannot overflow.
	maxWorkMinutes = 100 * 366 * 24 * 60
)

// DefaultComplaintSettings are the shipped service levels and calendar (the
// table above); Mon–Fri 9:00–18:00 in Europe/Moscow, follow-up 3 days.
func DefaultComplaintSettings() ComplaintSettings {
	var holidays []string
	for _, y := range []string{"2026", "2027"} {
		for _, md := range []string{"01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07",
			"01-08", "02-23", "03-08", "05-01", "05-09", "06-12", "11-04"} {
			holidays = append(holidays, y+"-"+md)
		}
	}
	return ComplaintSettings{
		Levels: []ServiceLevel{
			{Type: TypeQuality, Category: "key", Hours: 27},
			{Type: TypeQuality, Category: string(CategoryA), Hours: 27},
			{Type: TypeQuality, Category: string(CategoryB), Hours: 45},
			{Type: TypeQuality, Category: string(CategoryC), Hours: 72},
			{Type: TypeDelivery, Category: "key", Hours: 18},
			{Type: TypeDelivery, Hours: 27},
			{Type: TypeService, Category: "key", Hours: 18},
			{Type: TypeService, Hours: 27},
			{Type: TypeSettlement, Hours: 45},
			{Type: TypeAfterAct, Hours: 72},
			{Type: TypeChainPenalty, Hours: 45},
		},
		DefaultHours: 45,
		SeriousHours: 4,
		WorkFrom:     9 * 60,
		WorkTo:       18 * 60,
		WorkDays:     [7]bool{time.Monday: true, time.Tuesday: true, time.Wednesday: true, time.Thursday: true, time.Friday: true},
		Holidays:     holidays,
		Zone:         DefaultComplaintZone,
		FollowUpDays: 3,
	}
}

// WorkCalendar is the settings' working calendar compiled for arithmetic.
// It is read-only after ComplaintSettings.Calendar: cheap to copy and safe
// for concurrent use. The zero WorkCalendar has no working time.
//
// A working day is WorkFrom..WorkTo on the local wall clock, measured in real
// instants: on a daylight-saving day whose jump falls inside working hours
// the day is an hour shorter or longer (the time really spent); a jump at
// night (every real zone jumps at night) leaves the day at its 9 hours.
type WorkCalendar struct {
	calendar
	nominal  int64   // working minutes of an ordinary working day
	weekDays int64   // working weekdays in a week
	hol      []int64 // day numbers of holidays that fall on working weekdays, sorted
}

// Calendar compiles s's working calendar; an empty or unknown Zone counts
// in Europe/Moscow, holidays that are not dates are ignored (validation
// refuses them).
func (s ComplaintSettings) Calendar() WorkCalendar {
	loc := loadZone(s.Zone)
	if loc == nil {
		loc = loadZone(DefaultComplaintZone)
	}
	var days []string
	var hol []int64
	for _, h := range s.Holidays {
		t, err := time.Parse(holidayLayout, h)
		if err != nil {
			continue
		}
		days = append(days, h) // parsed with the layout: already in its form
		if s.WorkDays[t.Weekday()] {
			hol = append(hol, t.Unix()/86400)
		}
	}
	slices.Sort(hol)
	hol = slices.Compact(hol)
	cs := CallSettings{WorkFrom: s.WorkFrom, WorkTo: s.WorkTo, WorkDays: s.WorkDays, Holidays: days}
	w := WorkCalendar{calendar: newCalendar(cs, loc, CallWindow{}), hol: hol}
	if len(w.spans) == 1 {
		w.nominal = int64(w.spans[0][1] - w.spans[0][0])
		for _, d := range s.WorkDays {
			if d {
				w.weekDays++
			}
		}
	}
	if w.weekDays == 0 {
		w.nominal = 0
	}
	return w
}

// Location is the zone the calendar counts in.
func (w WorkCalendar) Location() *time.Location {
	if w.loc == nil {
		return time.UTC
	}
	return w.loc
}

// DayMinutes is the length of an ordinary working day in minutes (for FormatLeft).
func (w WorkCalendar) DayMinutes() int { return int(w.nominal) }

// dayNumber is the count of days from 1970-01-01 to the civil date y-m-d.
func dayNumber(y int, m time.Month, d int) int64 {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400 // midnight: exact
}

// weekdayOf is the weekday of a day number (1970-01-01 was a Thursday).
func weekdayOf(n int64) time.Weekday { return time.Weekday(((n % 7) + 7 + 4) % 7) }

// workingDay reports whether the local date y-m-d is a working day (the
// calendar's check without formatting the date).
func (w WorkCalendar) workingDay(y int, m time.Month, d int) bool {
	n := dayNumber(y, m, d)
	if !w.days[weekdayOf(n)] {
		return false
	}
	_, hol := slices.BinarySearch(w.hol, n)
	return !hol
}

// window is the working period of local date y-m-d in instants; ok false on
// a day off. On a working day it may be empty: working hours that a
// daylight-saving jump skips entirely.
func (w WorkCalendar) window(y int, m time.Month, d int) (from, to time.Time, ok bool) {
	if w.nominal == 0 || !w.workingDay(y, m, d) {
		return time.Time{}, time.Time{}, false
	}
	from = wallTime(y, m, d, w.spans[0][0], w.loc)
	to = wallTime(y, m, d, w.spans[0][1], w.loc)
	return from, to, true
}

// workingDays counts the working days among day numbers [d1, d2].
func (w WorkCalendar) workingDays(d1, d2 int64) int64 {
	if d2 < d1 {
		return 0
	}
	n := d2 - d1 + 1
	c := n / 7 * w.weekDays
	for d := d1 + n/7*7; d <= d2; d++ {
		if w.days[weekdayOf(d)] {
			c++
		}
	}
	lo, _ := slices.BinarySearch(w.hol, d1)
	hi, _ := slices.BinarySearch(w.hol, d2+1)
	return c - int64(hi-lo)
}

// overlap is the length of [a, b) ∩ [from, to).
func overlap(from, to, a, b time.Time) time.Duration {
	if a.After(from) {
		from = a
	}
	if b.Before(to) {
		to = b
	}
	if !from.Before(to) {
		return 0
	}
	return to.Sub(from)
}

// Between is the working time in [a, b); negative when b is before a
// (-Between(b, a)). It loops over zone changes, not days: a span of years
// costs a few microseconds.
func (w WorkCalendar) Between(a, b time.Time) time.Duration {
	switch {
	case a.Equal(b) || w.nominal == 0:
		return 0
	case b.Before(a):
		return -w.Between(b, a)
	}
	y1, m1, d1 := a.In(w.loc).Date()
	y2, m2, d2 := b.In(w.loc).Date()
	n1, n2 := dayNumber(y1, m1, d1), dayNumber(y2, m2, d2)
	var sum time.Duration
	if f, e, ok := w.window(y1, m1, d1); ok {
		sum += overlap(f, e, a, b)
	}
	if n1 == n2 {
		return sum
	}
	if f, e, ok := w.window(y2, m2, d2); ok {
		sum += overlap(f, e, a, b)
	}
	if n2-n1 < 2 {
		return sum
	}
	// The days in between: whole working days, corrected for the few whose
	// working hours hold a daylight-saving jump.
	mins := w.workingDays(n1+1, n2-1) * w.nominal
	var extra time.Duration
	last := n1
	for x := a.In(w.loc); ; { // ZoneBounds reads the zone of x
		_, end := x.ZoneBounds()
		var around [2]time.Time // instants on the days the change may touch
		switch {
		case end.IsZero():
		case !end.After(x):
			// Go can report a period that already ended (seen on the last
			// day of a leap year past a zone's table): step a day, and
			// look at both days when the offset changed within it.
			next := x.Add(24 * time.Hour)
			if !next.Before(b) {
				next = b
			}
			_, o1 := x.Zone()
			if _, o2 := next.Zone(); o1 != o2 {
				around = [2]time.Time{x, next}
			}
			end = next
		case end.Before(b):
			// the jump belongs to the day its wall clock shows before or after it
			around = [2]time.Time{end.Add(-time.Nanosecond), end}
		}
		for _, t := range around {
			if t.IsZero() {
				continue
			}
			y, m, d := t.In(w.loc).Date()
			n := dayNumber(y, m, d)
			if n <= last || n >= n2 {
				continue
			}
			last = n
			if f, e, ok := w.window(y, m, d); ok {
				extra += max(e.Sub(f), 0) - time.Duration(w.nominal)*time.Minute
			}
		}
		if end.IsZero() || !end.Before(b) {
			break
		}
		x = end
	}
	const maxMins = int64(1<<63-1) / int64(time.Minute) / 2
	if mins > maxMins {
		return time.Duration(1<<63 - 1)
	}
	return sum + time.Duration(mins)*time.Minute + extra
}

// Add returns the moment minutes working minutes after t: the earliest
// moment m with Between(t, m) == minutes minutes (t itself when minutes ≤ 0;
// t outside working time counts from the next working start, so a deadline
// falls at most at the end of a working day, never on the next morning).
// The result is in the calendar's zone. A calendar without working time
// returns t. minutes are capped at 100 years of round-the-clock work.
func (w WorkCalendar) Add(t time.Time, minutes int) time.Time {
	if minutes <= 0 || w.nominal == 0 {
		return t
	}
	return w.addWork(t, time.Duration(min(minutes, maxWorkMinutes))*time.Minute)
}

// addWork is Add for an exact duration (a paused time need not be whole minutes).
func (w WorkCalendar) addWork(t time.Time, need time.Duration) time.Time {
	if need <= 0 || w.nominal == 0 {
		return t
	}
	week := time.Duration(w.nominal*w.weekDays) * time.Minute
	cur := t.In(w.loc)
	for {
		// Jump whole weeks while more than two weeks of work remain: one
		// week of slack keeps the jump short of the answer whatever the
		// daylight-saving days and holidays on the way.
		if k := int(need/week) - 1; k >= 1 {
			y, m, d := cur.Date()
			target := wallTime(y, m, d+7*k, 0, w.loc)
			if got := w.Between(cur, target); got < need {
				need -= got
				cur = target
				continue
			}
		}
		y, m, d := cur.Date()
		for i := 0; i < 14; i++ {
			f, e, ok := w.window(y, m, d+i)
			if ok {
				if cur.After(f) {
					f = cur
				}
				if f.Before(e) {
					if avail := e.Sub(f); need <= avail {
						return f.Add(need).In(w.loc)
					} else {
						need -= avail
					}
				}
			}
		}
		cur = wallTime(y, m, d+14, 0, w.loc)
	}
}

// LevelFor is the service level in working minutes for a complaint of type t
// (serious: SeriousHours) for client c: the most specific matching level
// (type and "key" > type and letter > type > "key" > letter > DefaultHours).
func (s ComplaintSettings) LevelFor(t ComplaintType, serious bool, c Client) int {
	if serious {
		return s.SeriousHours * 60
	}
	cats := make([]string, 0, 3)
	if c.Flags.KeyClient {
		cats = append(cats, "key")
	}
	if c.Category != CategoryNone {
		cats = append(cats, string(c.Category))
	}
	cats = append(cats, "")
	for _, typ := range [2]ComplaintType{t, ""} {
		for _, cat := range cats {
			for _, l := range s.Levels {
				if l.Type == typ && l.Category == cat {
					return l.Hours * 60
				}
			}
		}
	}
	return s.DefaultHours * 60
}

// StartDeadline sets c.SLA and c.Deadline from c.Received: a complaint
// received in the evening starts counting the next working morning.
func StartDeadline(s ComplaintSettings, c *Complaint, client Client) {
	c.SLA = s.LevelFor(c.Type, c.Serious, client)
	c.Deadline = s.Calendar().Add(c.Received, c.SLA).UTC()
}

// PauseDeadline records that c waits for the client from at (nothing when
// it already waits).
func PauseDeadline(c *Complaint, at time.Time) {
	if c.PausedAt.IsZero() {
		c.PausedAt = at
	}
}

// ResumeDeadline moves c.Deadline on by the working time paused since
// c.PausedAt and clears it: the time left when it paused is the time left
// when it resumes.
func ResumeDeadline(w WorkCalendar, c *Complaint, at time.Time) {
	if c.PausedAt.IsZero() {
		return
	}
	if paused := w.Between(c.PausedAt, at); paused > 0 && !c.Deadline.IsZero() {
		c.Deadline = w.addWork(c.Deadline, paused).UTC()
	}
	c.PausedAt = time.Time{}
}

// TimeLeft is the working time left at now (negative: the working time since
// the deadline; paused: the time left when it paused; no deadline: 0).
func TimeLeft(w WorkCalendar, deadline, pausedAt, now time.Time) time.Duration {
	switch {
	case deadline.IsZero():
		return 0
	case !pausedAt.IsZero():
		return w.Between(pausedAt, deadline)
	}
	left := w.Between(now, deadline)
	if left == 0 && now.After(deadline) {
		// Past the deadline outside working time (a Saturday after a Friday
		// 18:00 deadline): no working time overdue yet, but overdue all the
		// same, so the queue, its filter and the report agree.
		return -time.Nanosecond
	}
	return left
}

// Overdue reports whether a complaint with this deadline is overdue at now:
// past its deadline and not waiting for the client (TimeLeft < 0 says the same).
func Overdue(deadline, pausedAt, now time.Time) bool {
	return !deadline.IsZero() && pausedAt.IsZero() && now.After(deadline)
}
