package calls

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

// The operator's queue at 80×24: her calls and the pool's, by due time.
func TestGoldenQueue(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	if d.m.ActiveView() != ViewQueue {
		t.Fatalf("an operator starts on view %d, want the queue", d.m.ActiveView())
	}
	view := d.screen()
	mustContain(t, view, "My queue", "Due", "Client", "Purpose")
	golden.RequireEqual(t, view)

	rows, total := d.m.QueueRows()
	page, err := d.session().Queue(context.Background(), 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if total != page.Total || len(rows) == 0 || rows[0].Item.ID != page.Rows[0].Item.ID {
		t.Fatalf("the screen shows %d rows of %d, the store %d", len(rows), total, page.Total)
	}
	for i := 1; i < len(rows); i++ {
		if rows[i].Item.Due.Before(rows[i-1].Item.Due) {
			t.Fatalf("row %d is due before row %d", i, i-1)
		}
	}
	// Only the visible window is in memory, not the whole queue.
	if len(rows) > bodyH {
		t.Fatalf("%d rows visible in %d lines", len(rows), bodyH)
	}
}

// j/k/g/G move the cursor; enter takes the highlighted call.
func TestQueueMovesAndTakesTheHighlightedCall(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	_, total := d.m.QueueRows()
	d.press("G")
	if d.m.queue.win.Cursor != total-1 {
		t.Fatalf("G: cursor %d of %d", d.m.queue.win.Cursor, total)
	}
	d.press("g", "j", "j", "k")
	if d.m.queue.win.Cursor != 1 {
		t.Fatalf("g j j k: cursor %d", d.m.queue.win.Cursor)
	}
	want, _ := d.m.queue.current()
	d.press("enter")
	if id, open := d.m.OnCall(); !open || id != want.Item.ID {
		t.Fatalf("enter took %d (open %v), want %d; status %+v", id, open, want.Item.ID, d.status)
	}
	// Under the call screen the queue was asked again: the row says who is on it.
	mustContain(t, stripped(d.m.queue.view()), "● me")
}

// Overdue red, due today yellow, later the default; cursor rows keep the colour.
func TestDueStates(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		due, until time.Time
		want       dueState
	}{
		{now.Add(-time.Minute), time.Time{}, dueOverdue},
		{now.Add(-time.Hour), now.Add(time.Hour), dueToday}, // a window still open
		{now.Add(3 * time.Hour), time.Time{}, dueToday},
		{now.Add(13 * time.Hour), time.Time{}, dueLater}, // tomorrow in UTC
	}
	for _, c := range cases {
		p := model.PlanItem{Status: model.PlanPlanned, Due: c.due, Until: c.until}
		if got := stateOf(p, now, time.UTC); got != c.want {
			t.Errorf("due %v until %v: state %d, want %d", c.due, c.until, got, c.want)
		}
	}
	// "Today" is the operator's day: 23:30 UTC is tomorrow in Moscow.
	msk := time.FixedZone("MSK", 3*3600)
	if got := stateOf(model.PlanItem{Status: model.PlanPlanned, Due: now.Add(11*time.Hour + 30*time.Minute)}, now, msk); got != dueLater {
		t.Errorf("23:30 UTC seen from Moscow: state %d, want later", got)
	}
	if got := dueText(now.Add(2*time.Hour), now, time.UTC); got != "14:00" {
		t.Errorf("today's due %q", got)
	}
	if got := dueText(now.Add(48*time.Hour), now, time.UTC); got != "25.11 12:00" {
		t.Errorf("another day's due %q", got)
	}
	q := newQueue(common.Env{Styles: styles.New(true)})
	red, yellow := q.styleFor(dueOverdue, false).GetForeground(), q.styleFor(dueToday, true).GetForeground()
	if red != q.env.Styles.Red || yellow != q.env.Styles.Yellow {
		t.Errorf("overdue %v today-at-cursor %v, want red and yellow", red, yellow)
	}
}

// Nothing due: the store's sentence in the status bar, not an error.
func TestTakeNextWithNothingDue(t *testing.T) {
	db := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	// Take every due call until the store says there is none.
	for range 200 {
		d.press("space")
		if _, open := d.m.OnCall(); !open {
			break
		}
		d.press("1")
	}
	if _, open := d.m.OnCall(); open || d.status.Err || d.status.Text == "" {
		t.Fatalf("nothing due: on call %v, status %+v", open, d.status)
	}
}

// The queue refreshes when plans change, and on its tick.
func TestQueueRefreshes(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	_, before := d.m.QueueRows()
	planFor(t, db, c.ID, "ivanova", testNow.Add(time.Hour), "")
	d.send(common.DataChangedMsg{Kind: "plan"})
	if _, after := d.m.QueueRows(); after != before+1 {
		t.Fatalf("after a new plan item the queue has %d rows, want %d", after, before+1)
	}
	planFor(t, db, c.ID, "", testNow.Add(2*time.Hour), "")
	d.m.queue.every = time.Minute
	cmd := d.m.queue.armTick()
	if cmd == nil {
		t.Fatal("a queue with rows does not tick")
	}
	d.m.SetRefresh(0) // the tick is sent by hand; the next one is not waited for
	d.send(queueTickMsg{gen: d.m.queue.tickGen})
	if _, after := d.m.QueueRows(); after != before+2 {
		t.Fatalf("after the tick the queue has %d rows, want %d", after, before+2)
	}
	if !strings.Contains(d.screen(), "My queue") {
		t.Fatal("the queue is gone")
	}
}

// A refresh keeps the cursor on the call it was on though the calls above
// it come and go: space takes the top call and logs it, and the highlighted
// second call is still under the cursor afterwards, not the third.
func TestQueueCursorFollowsTheCallAcrossARefresh(t *testing.T) {
	db := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.press("g", "j")
	want, ok := d.m.queue.current()
	if !ok {
		t.Fatal("no second row")
	}
	d.press("space") // takes the top call, not the highlighted one
	if id, open := d.m.OnCall(); !open || id == want.Item.ID {
		t.Fatalf("space: on call %v with %d", open, id)
	}
	d.press("1") // reached: the top call leaves the queue
	if got, _ := d.m.queue.current(); got.Item.ID != want.Item.ID {
		t.Fatalf("after the refresh the cursor is on %d (%s), want %d (%s)",
			got.Item.ID, got.ClientName, want.Item.ID, want.ClientName)
	}
	// The same after a change made elsewhere: the head cancels the call above it.
	d.press("j")
	want, _ = d.m.queue.current()
	top, _ := d.m.queue.cache.At(0)
	boss, _ := db.SignIn("boss")
	if _, err := db.As(boss).CancelPlan(top.Item.ID, top.Item.Version, "test"); err != nil {
		t.Fatal(err)
	}
	d.send(common.DataChangedMsg{Kind: "plan"})
	if got, _ := d.m.queue.current(); got.Item.ID != want.Item.ID {
		t.Fatalf("after the call above was cancelled, the cursor is on %s, want %s", got.ClientName, want.ClientName)
	}
}

// The queue draws from its cache of drawn rows what a queue drawing every
// row afresh draws: after cursor moves, a take (a row changes), a resize
// and new styles.
func TestQueueRowCacheDrawsWhatAFreshDrawDraws(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	check := func(step string) {
		t.Helper()
		got := d.m.queue.view()
		q := d.m.queue
		if len(q.rows) == 0 {
			t.Fatalf("%s: no rows kept", step)
		}
		q.rows = nil
		if want := q.view(); got != want {
			t.Fatalf("%s: the cached rows draw\n%s\nwant\n%s", step, got, want)
		}
		if len(q.rows) > q.height {
			t.Fatalf("%s: %d rows kept for %d lines", step, len(q.rows), q.height)
		}
	}
	check("first frame")
	d.press("j", "j")
	check("j j")
	d.press("k")
	check("k")
	d.press("enter")
	mustContain(t, stripped(d.m.queue.view()), "● me")
	check("take")
	d.m.SetSize(100, 30)
	check("resize")
	d.m.SetStyles(styles.New(false))
	check("light styles")
}
