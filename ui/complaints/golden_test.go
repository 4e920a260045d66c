package complaints

import (
	"fmt"
	"strings"
	"testing"

	"clientbase/store/storetest"
	"clientbase/ui/uitest"
)

// goldenWithColours is the screen as text and, since the golden files lose
// the colours, each visible row's countdown colour written out below it.
func goldenWithColours(t *testing.T, d *driver, name string, w, h int) {
	t.Helper()
	v := d.tab.View()
	uitest.CheckSize(t, name, v, w, h)
	var b strings.Builder
	b.WriteString(d.screen())
	b.WriteString("\n--- countdown colours\n")
	for _, r := range d.tab.QueueRows() {
		fmt.Fprintf(&b, "#%d %s\n", r.ID, rowUrgency(r))
	}
	uitest.Golden(t, name, b.String(), *update)
}

// The queue as the operator meets it, wide and narrow: the serious incident
// on top, the overdue one red, the waiting one paused, her own marked.
func TestGoldenQueue(t *testing.T) {
	db, _ := department(t)
	for _, size := range []struct{ w, h int }{{120, 32}, {80, 21}} {
		d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), size.w, size.h)
		goldenWithColours(t, d, fmt.Sprintf("queue_%dx%d", size.w, size.h), size.w, size.h)
	}
}

// The head's queue: the escalation to her marked, the report and settings offered.
func TestGoldenQueueHead(t *testing.T) {
	db, _ := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 120, 32)
	goldenWithColours(t, d, "queue_head", 120, 32)
}

// The closed list (status cycled to closed), newest first.
func TestGoldenQueueClosed(t *testing.T) {
	db, _ := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	for d.tab.Filter().Status != "closed" {
		d.press("s")
	}
	goldenWithColours(t, d, "queue_closed", 120, 32)
}

// A complaint's screen in three states: open (assigned), escalated (as the
// head who received it), closed (with the closing and the follow-up).
func TestGoldenComplaintScreen(t *testing.T) {
	db, cs := department(t)
	for _, c := range []struct {
		name, user string
		id         func() uint64
	}{
		{"screen_open", "ivanova", func() uint64 { return uint64(cs.Assigned) }},
		{"screen_escalated", storetest.PlanHead, func() uint64 { return uint64(cs.Escalated) }},
		{"screen_closed", "ivanova", func() uint64 { return uint64(cs.Closed) }},
	} {
		for _, size := range []struct{ w, h int }{{120, 32}, {80, 21}} {
			d := newDriver(t, uitest.EnvAs(t, db, c.user, testNow), size.w, size.h)
			d.openComplaint(c.id())
			name := fmt.Sprintf("%s_%dx%d", c.name, size.w, size.h)
			v := d.tab.View()
			uitest.CheckSize(t, name, v, size.w, size.h)
			help := ""
			for _, k := range d.tab.ShortHelp() {
				help += k.Help().Key + " " + k.Help().Desc + " · "
			}
			uitest.Golden(t, name, d.screen()+"\n--- footer\n"+help+"\n", *update)
		}
	}
}
