package model

import "time"

// STUBS — the model helper replaces this file (working-time arithmetic).

// DefaultComplaintSettings are the shipped service levels and calendar
// (README says which); Mon–Fri 9:00–18:00 in Europe/Moscow, follow-up 3 days.
func DefaultComplaintSettings() ComplaintSettings { return ComplaintSettings{} }

// ValidateComplaintSettings refuses zero or negative hours, bad hours of the
// day, no working day, a bad zone or holiday, duplicate levels.
func ValidateComplaintSettings(s ComplaintSettings) error { return nil }

// WorkCalendar is the settings' working calendar compiled for arithmetic.
type WorkCalendar struct{ calendar }

// Calendar compiles s's working calendar.
func (s ComplaintSettings) Calendar() WorkCalendar { return WorkCalendar{} }

// Add returns the moment minutes working minutes after t (t itself when 0).
func (w WorkCalendar) Add(t time.Time, minutes int) time.Time { return t }

// Between is the working time in [a, b); negative when b is before a.
func (w WorkCalendar) Between(a, b time.Time) time.Duration { return b.Sub(a) }

// LevelFor is the service level in working minutes for a complaint of type t
// (serious: SeriousHours) for client c: the most specific matching level
// (type and category > type > category > DefaultHours); a key client
// matches "key" before its letter.
func (s ComplaintSettings) LevelFor(t ComplaintType, serious bool, c Client) int { return 0 }

// StartDeadline sets c.SLA and c.Deadline from c.Received.
func StartDeadline(s ComplaintSettings, c *Complaint, client Client) {}

// PauseDeadline records that c waits for the client from at.
func PauseDeadline(c *Complaint, at time.Time) {}

// ResumeDeadline moves c.Deadline on by the working time paused since
// c.PausedAt and clears it.
func ResumeDeadline(w WorkCalendar, c *Complaint, at time.Time) {}

// TimeLeft is the working time left at now (negative: overdue; paused: the
// time left when it paused).
func TimeLeft(w WorkCalendar, deadline, pausedAt, now time.Time) time.Duration { return 0 }

// CheckComplaintMove refuses a move the flow does not allow, with a sentence
// naming both statuses.
func CheckComplaintMove(c *Complaint, to ComplaintStatus) error { return nil }

// ValidateComplaint checks a complaint being registered or edited, field by
// field (*ValidationError): direction, type, client, channel, received (not
// in the future), description, claimed amount (not negative), priority;
// order (when set) must belong to the client and lines must be its lines
// with quantities within the ordered ones.
func ValidateComplaint(c Complaint, order *Order, now time.Time) error { return nil }

// CheckClosing checks a closing by u of c: decision, reason and fault party
// required, satisfied amount ≥ 0, 0 when rejected, above the claimed only
// with OverClaimed from a head or director, Justified only from head or
// director, remedy required unless rejected (*ValidationError by field).
func CheckClosing(u User, c Complaint, cl Closing) error { return nil }

// Labels for the screens and reports.
func ComplaintStatusLabel(s ComplaintStatus) string       { return string(s) }
func ComplaintTypeLabel(t ComplaintType) string           { return string(t) }
func ComplaintDirectionLabel(d ComplaintDirection) string { return string(d) }
func DecisionLabel(d Decision) string                     { return string(d) }
func RemedyLabel(r Remedy) string                         { return string(r) }
func FaultLabel(f FaultParty) string                      { return string(f) }
func ReasonLabel(r ReasonCode) string                     { return string(r) }
func DepartmentLabel(d Department) string                 { return string(d) }

// FormatLeft shows a working time left as "2d 3h" (d = working days of the
// calendar's length), "45m", or "overdue 3h" when negative.
func FormatLeft(d time.Duration, dayMinutes int) string { return d.String() }
