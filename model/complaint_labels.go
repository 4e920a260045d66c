package model

import "time"

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
