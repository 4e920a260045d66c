package model

import "time"

// label is the catalogue's word for an enum value under prefix, or the value
// itself when the catalogue has none (a value from a newer database).
func label(prefix, v string) string {
	if v == "" {
		return ""
	}
	if k := prefix + v; HasMessage(k) {
		return T(k)
	}
	return v
}

// Labels for the screens and reports.
func ComplaintStatusLabel(s ComplaintStatus) string { return label("complaint.status.", string(s)) }
func ComplaintTypeLabel(t ComplaintType) string     { return label("complaint.type.", string(t)) }
func ComplaintDirectionLabel(d ComplaintDirection) string {
	return label("complaint.direction.", string(d))
}
func DecisionLabel(d Decision) string     { return label("complaint.decision.", string(d)) }
func RemedyLabel(r Remedy) string         { return label("complaint.remedy.", string(r)) }
func FaultLabel(f FaultParty) string      { return label("complaint.fault.", string(f)) }
func ReasonLabel(r ReasonCode) string     { return label("complaint.reason.", string(r)) }
func DepartmentLabel(d Department) string { return label("complaint.department.", string(d)) }

// FormatLeft shows a working time left as "2d 3h" (d: working days of
// dayMinutes, the calendar's day; 540 when not given), "5h 20m", "45m", or
// "overdue 3h 10m" when negative. Time left is cut to the minute, time
// overdue rounded up, so "0m" is never overdue.
func FormatLeft(d time.Duration, dayMinutes int) string {
	if dayMinutes <= 0 {
		dayMinutes = 9 * 60
	}
	if d < 0 && d > -time.Minute {
		return T("complaint.left.overdue_just")
	}
	if d < 0 {
		m := (-d + time.Minute - 1) / time.Minute
		if d == time.Duration(-1<<63) {
			m = (-(d + time.Minute)) / time.Minute
		}
		return T("complaint.left.overdue", spanText(int64(m), int64(dayMinutes)))
	}
	return spanText(int64(d/time.Minute), int64(dayMinutes))
}

// spanText is m working minutes in working days, hours and minutes.
func spanText(m, day int64) string {
	switch {
	case m >= day:
		d, h := m/day, m%day/60
		if h == 0 {
			return T("complaint.left.d", d)
		}
		return T("complaint.left.dh", d, h)
	case m >= 60:
		if m%60 == 0 {
			return T("complaint.left.h", m/60)
		}
		return T("complaint.left.hm", m/60, m%60)
	}
	return T("complaint.left.m", m)
}

// ComplaintZone is where complaint times are shown: in the department's
// zone, the one the deadlines are counted in, with its abbreviation ("MSK")
// when the user's zone differs. An operator in Vilnius working a Moscow queue
// promises the client "by 18:00" in Moscow time and sees the 9:00–18:00
// working day in the settings; a deadline at 17:00 (or 15:00 on a UTC
// server, where the machine's zone is nobody's) would be misread, and the
// countdown beside it already says how long is left in anyone's time.
func ComplaintZone(dept, user *time.Location, at time.Time) (loc *time.Location, abbr string) {
	if dept == nil {
		return user, ""
	}
	name, off := at.In(dept).Zone()
	uname, uoff := at.In(user).Zone()
	if off == uoff && name == uname {
		return dept, ""
	}
	return dept, name
}

// WithZone appends a zone abbreviation to a shown time ("" abbr: none).
func WithZone(text, abbr string) string {
	if abbr == "" || text == "—" {
		return text
	}
	return text + " " + abbr
}
