package complaints

import (
	"image/color"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/ui/styles"
)

// The countdown's colour: red overdue, yellow under a quarter of the
// service level, green otherwise, subtle while paused, none when closed.
func TestUrgencyOfARow(t *testing.T) {
	deadline := testNow.Add(time.Hour)
	sla := 24 * 60 // three working days of eight hours
	for _, c := range []struct {
		name   string
		status model.ComplaintStatus
		paused time.Time
		left   time.Duration
		want   urgency
	}{
		{"plenty left", model.ComplaintInvestigating, time.Time{}, 20 * time.Hour, urgencyFine},
		{"exactly a quarter", model.ComplaintInvestigating, time.Time{}, 6 * time.Hour, urgencyFine},
		{"under a quarter", model.ComplaintAssigned, time.Time{}, 6*time.Hour - time.Minute, urgencySoon},
		{"none left yet not late", model.ComplaintRegistered, time.Time{}, 0, urgencySoon},
		{"overdue", model.ComplaintInvestigating, time.Time{}, -time.Minute, urgencyOverdue},
		{"paused though overdue", model.ComplaintWaiting, testNow, -time.Hour, urgencyPaused},
		{"closed", model.ComplaintClosed, time.Time{}, -time.Hour, urgencyNone},
		// the deadline is the time to answer: once answered the clock stops (model.ClockStopped)
		{"answered after the deadline", model.ComplaintAnswered, time.Time{}, -time.Hour, urgencyNone},
		{"remedy done", model.ComplaintRemedyDone, time.Time{}, -time.Hour, urgencyNone},
		{"awaiting feedback", model.ComplaintFeedback, time.Time{}, time.Hour, urgencyNone},
		{"reopened runs again", model.ComplaintReopened, time.Time{}, -time.Hour, urgencyOverdue},
	} {
		if got := urgencyOf(c.status, deadline, c.paused, c.left, sla); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if got := urgencyOf(model.ComplaintAssigned, time.Time{}, time.Time{}, -time.Hour, sla); got != urgencyNone {
		t.Errorf("no deadline: %v, want none", got)
	}
}

// Each urgency draws in its colour, on the plain row and under the cursor.
func TestUrgencyStyleColours(t *testing.T) {
	s := styles.New(true)
	for _, c := range []struct {
		u    urgency
		want color.Color
	}{{urgencyFine, s.Green}, {urgencySoon, s.Yellow}, {urgencyOverdue, s.Red}, {urgencyPaused, s.Muted}} {
		for _, cursor := range []bool{false, true} {
			got := c.u.style(s, cursor).GetForeground()
			if !sameColour(got, c.want) {
				t.Errorf("%v (cursor %v): foreground %v, want %v", c.u, cursor, got, c.want)
			}
		}
	}
	if bg := urgencyOverdue.style(s, true).GetBackground(); !sameColour(bg, s.RowCursor.GetBackground()) {
		t.Errorf("under the cursor the countdown loses the cursor's background: %v", bg)
	}
}

func sameColour(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// The countdown's words: time left, paused, nothing when closed.
func TestLeftText(t *testing.T) {
	d := testNow.Add(time.Hour)
	if got := leftText(model.ComplaintClosed, d, time.Time{}, time.Hour, 540); got != "—" {
		t.Errorf("closed: %q", got)
	}
	want := model.T("complaints.left.paused", model.FormatLeft(5*time.Hour, 540))
	if got := leftText(model.ComplaintWaiting, d, testNow, 5*time.Hour, 540); got != want {
		t.Errorf("paused: %q, want %q", got, want)
	}
	if got := leftText(model.ComplaintAssigned, d, time.Time{}, -3*time.Hour, 540); got != model.FormatLeft(-3*time.Hour, 540) {
		t.Errorf("overdue: %q", got)
	}
	if got := leftText(model.ComplaintFeedback, d, time.Time{}, -3*time.Hour, 540); got != model.T("complaints.left.answered") {
		t.Errorf("answered, awaiting feedback: %q, want no countdown", got)
	}
}
