package schedule

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

func newWeek(t *testing.T, env common.Env) *Week {
	t.Helper()
	w := NewWeek(env)
	w.SetSize(80, 24)
	run(t, w, w.Init())
	return w
}

func TestWeekIsTheAgendaOfThePersonsWeek(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, "petrov", testNow)
	w := newWeek(t, env)
	if got := w.Start(); !got.Equal(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("week starts %v, want Monday 23.11", got)
	}
	rows, err := env.Store.PlanItems("petrov", w.Start(), w.Start().AddDate(0, 0, 7))
	if err != nil || len(rows) < 5 {
		t.Fatalf("petrov's week: %d items, %v", len(rows), err)
	}
	if len(w.items) != len(rows) {
		t.Fatalf("%d items on the agenda, the store has %d", len(w.items), len(rows))
	}
	// The cursor starts on the first item from today on.
	cur, ok := w.Current()
	if !ok || cur.Item.Due.Before(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("cursor on %v (%v), want the first item of Wednesday or later", cur.Item.Due, ok)
	}
	if w.cursor > 0 {
		if prev := w.rows[w.lines[w.items[w.cursor-1]].row]; !prev.Item.Due.Before(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("the item before the cursor is due %v: the cursor skipped today's first", prev.Item.Due)
		}
	}
	v := view(w)
	uitest.CheckSize(t, "view", v, 80, 24)
	if !strings.Contains(v, "Week 48 · 23.11–29.11.2026 · Пётр Петров") {
		t.Fatalf("title missing:\n%s", v)
	}
	if !strings.Contains(v, "Wed 25.11 · today") {
		t.Fatalf("today's header missing:\n%s", v)
	}
	golden(t, "week", v)
}

func TestWeekShowsStatusesAndOverdue(t *testing.T) {
	db := department(t)
	w := newWeek(t, uitest.EnvAs(t, db, "petrov", testNow))
	seen := map[string]bool{}
	for _, li := range w.items {
		r := w.rows[w.lines[li].row]
		il := describe(r, testNow, time.UTC)
		if r.Item.Open() && r.Item.Due.Before(testNow) {
			if !il.overdue || !strings.Contains(il.status, "overdue") {
				t.Errorf("an open item due %v is not shown overdue: %+v", r.Item.Due, il)
			}
		}
		if r.Item.Origin == model.OriginOffPlan && !strings.Contains(il.status, "off-plan") {
			t.Errorf("an off-plan item is not marked: %q", il.status)
		}
		if r.Item.Kind == model.PlanVisit && r.Item.Address != "" && !strings.Contains(il.what, r.Item.Address) {
			t.Errorf("a visit without its address: %q", il.what)
		}
		seen[il.status] = true
	}
	for _, want := range []string{"done", "planned"} {
		if !seen[want] {
			t.Errorf("no %q item in petrov's week (statuses seen: %v)", want, seen)
		}
	}
}

func TestWeekMovesBetweenWeeksAndBackToToday(t *testing.T) {
	db := department(t)
	w := newWeek(t, uitest.EnvAs(t, db, "petrov", testNow))
	press(t, w, "]")
	if got := w.Start(); !got.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("] shows the week of %v", got)
	}
	if v := view(w); !strings.Contains(v, "Week 49 · 30.11–06.12.2026") || !strings.Contains(v, "Mon 30.11") {
		t.Fatalf("next week not shown:\n%s", v)
	}
	if w.cursor != 0 {
		t.Fatalf("another week starts at item %d, want the first", w.cursor)
	}
	press(t, w, "[", "[")
	if got := w.Start(); !got.Equal(time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("[ [ shows the week of %v", got)
	}
	press(t, w, "t")
	if got := w.Start(); !got.Equal(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("t shows the week of %v", got)
	}
	if cur, _ := w.Current(); cur.Item.Due.Before(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("t put the cursor on %v, not today", cur.Item.Due)
	}
}

func TestWeekCursorSkipsDayHeaders(t *testing.T) {
	db := department(t)
	w := newWeek(t, uitest.EnvAs(t, db, "petrov", testNow))
	press(t, w, "g")
	first, _ := w.Current()
	if first.Item.ID != w.rows[0].Item.ID {
		t.Fatalf("g is on %d, want the week's first item %d", first.Item.ID, w.rows[0].Item.ID)
	}
	if w.top != 0 {
		t.Fatalf("g left the agenda scrolled to line %d", w.top)
	}
	for i := 1; i < len(w.rows); i++ {
		press(t, w, "j")
		cur, ok := w.Current()
		if !ok || cur.Item.ID != w.rows[i].Item.ID {
			t.Fatalf("after %d×j on item %d, want %d", i, cur.Item.ID, w.rows[i].Item.ID)
		}
		// The cursor's line is always on screen, under a line naming the day.
		v := strings.Split(view(w), "\n")
		if !strings.Contains(strings.Join(v, "\n"), " › ") {
			t.Fatalf("after %d×j the cursor is off screen", i)
		}
		if day := v[1][:3]; !strings.Contains("Mon Tue Wed Thu Fri Sat Sun", day) {
			t.Fatalf("after %d×j the agenda's first line is %q, not a day", i, v[1])
		}
	}
	press(t, w, "j")
	if cur, _ := w.Current(); cur.Item.ID != w.rows[len(w.rows)-1].Item.ID {
		t.Fatal("j past the last item moved the cursor")
	}
	press(t, w, "g", "G")
	if cur, _ := w.Current(); cur.Item.ID != w.rows[len(w.rows)-1].Item.ID {
		t.Fatal("G is not on the last item")
	}
	press(t, w, "k")
	if cur, _ := w.Current(); cur.Item.ID != w.rows[len(w.rows)-2].Item.ID {
		t.Fatal("k did not go back one item")
	}
	golden(t, "week_bottom", view(w))
}

// cursorOn puts the week's cursor on the first item that ok accepts.
func cursorOn(t *testing.T, w *Week, ok func(model.PlanItem) bool) model.PlanItem {
	t.Helper()
	for i, li := range w.items {
		if p := w.rows[w.lines[li].row].Item; ok(p) {
			w.cursor = i
			w.scrollToCursor()
			return p
		}
	}
	t.Fatal("no such item in the week")
	return model.PlanItem{}
}

func TestWeekEnterTakesTheCallAndOOpensTheClient(t *testing.T) {
	db := department(t)
	w := newWeek(t, uitest.EnvAs(t, db, "petrov", testNow))
	call := cursorOn(t, w, func(p model.PlanItem) bool { return p.Kind == model.PlanCall && p.Open() })
	msgs := press(t, w, "enter")
	if len(msgs) != 1 || msgs[0] != (common.TakeCallMsg{Item: call.ID}) {
		t.Fatalf("enter on an open call sent %v, want TakeCallMsg{%d}", msgs, call.ID)
	}
	msgs = press(t, w, "o")
	if len(msgs) != 1 || msgs[0] != (common.OpenClientMsg{Client: call.Client}) {
		t.Fatalf("o sent %v, want OpenClientMsg{%d}", msgs, call.Client)
	}
	cursorOn(t, w, func(p model.PlanItem) bool { return p.Status == model.PlanDone })
	st, ok := statusOf(press(t, w, "enter"))
	if !ok || !st.Err || !strings.Contains(st.Text, "done") {
		t.Fatalf("enter on a done item said %+v", st)
	}
}

func TestWeekReadOnlyViewsButChangesNothing(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, "petrov", testNow)
	env.ReadOnly = true
	w := newWeek(t, env)
	cursorOn(t, w, func(p model.PlanItem) bool { return p.Kind == model.PlanCall && p.Open() })
	for _, k := range []string{"n", "r", "x", "a", "enter"} {
		msgs := press(t, w, k)
		st, ok := statusOf(msgs)
		if !ok || !st.Err || st.Text != model.T("schedule.read_only") {
			t.Errorf("%s in read-only: %v, want the read-only sentence", k, msgs)
		}
		if w.InputFocused() || w.form.m != nil {
			t.Fatalf("%s opened a form in read-only", k)
		}
	}
	press(t, w, "]", "[", "j")
	if !w.loaded || len(w.items) == 0 {
		t.Fatal("paging does not work in read-only")
	}
	for _, b := range w.ShortHelp() {
		if b.Help().Key == "n" && b.Enabled() {
			t.Error("the footer offers n in read-only")
		}
	}
}

func TestWeekOpensThePlanFormForThePersonShown(t *testing.T) {
	db := department(t)
	w := newWeek(t, uitest.EnvAs(t, db, "petrov", testNow))
	press(t, w, "n")
	if w.form.m == nil || !w.InputFocused() {
		t.Fatal("n did not open the plan form")
	}
	if strings.Contains(view(w), "Week 48") {
		t.Fatal("the week is drawn over the form")
	}
	// A closed item cannot be rescheduled: a sentence, no dialog.
	w.form.m = nil
	cursorOn(t, w, func(p model.PlanItem) bool { return p.Status == model.PlanDone })
	st, ok := statusOf(press(t, w, "r"))
	if !ok || !st.Err || w.form.m != nil {
		t.Fatalf("r on a done item: %+v, form %v", st, w.form.m != nil)
	}
	// A manager reassigns nothing, and is told who does (not "this person's
	// plan" about her own week).
	cursorOn(t, w, func(p model.PlanItem) bool { return p.Open() })
	st, ok = statusOf(press(t, w, "a"))
	if !ok || st.Text != model.T("schedule.no_reassign") || w.form.m != nil {
		t.Fatalf("a by a manager: %+v", st)
	}
	press(t, w, "r")
	if w.form.m == nil {
		t.Fatal("r on an open own item did not open the dialog")
	}
}

func TestWeekRefreshesOnDataChangedKeepingTheCursor(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, "petrov", testNow)
	w := newWeek(t, env)
	p := cursorOn(t, w, func(p model.PlanItem) bool { return p.Open() && p.Due.After(testNow) })
	before := len(w.items)
	if _, err := env.Store.CancelPlan(p.ID, p.Version, "клиент в отпуске"); err != nil {
		t.Fatal(err)
	}
	run(t, w, w.Update(common.DataChangedMsg{Kind: "plan", ID: p.ID}))
	cur, _ := w.Current()
	if cur.Item.ID != p.ID || cur.Item.Status != model.PlanCancelled {
		t.Fatalf("after the refresh the cursor is on %d (%s), want %d cancelled", cur.Item.ID, cur.Item.Status, p.ID)
	}
	if len(w.items) != before {
		t.Fatalf("%d items after cancelling one, want %d (a cancelled item stays, marked)", len(w.items), before)
	}
}

func TestWeekPersonPicker(t *testing.T) {
	db := department(t)
	// A manager sees only their own week.
	w := newWeek(t, uitest.EnvAs(t, db, "petrov", testNow))
	st, ok := statusOf(press(t, w, "u"))
	if !ok || st.Text != model.T("schedule.own_week_only") || w.pick != nil {
		t.Fatalf("u by a manager: %+v", st)
	}
	// The head picks anyone by typing part of a name.
	w = newWeek(t, uitest.EnvAs(t, db, "volkova", testNow))
	press(t, w, "u")
	if w.pick == nil || !w.InputFocused() {
		t.Fatal("u did not open the picker for the head")
	}
	for _, r := range "иван" {
		press(t, w, string(r))
	}
	if len(w.pick.shown) != 1 || w.pick.shown[0].Name != "ivanova" {
		t.Fatalf("typing иван shows %v", w.pick.shown)
	}
	golden(t, "week_picker", view(w))
	// A pasted name narrows the same way.
	press(t, w, "backspace", "backspace", "backspace", "backspace")
	run(t, w, w.Update(tea.PasteMsg{Content: "Иван\n"}))
	if len(w.pick.shown) != 1 || w.pick.shown[0].Name != "ivanova" {
		t.Fatalf("pasting Иван shows %v", w.pick.shown)
	}
	press(t, w, "enter")
	if w.Person() != "ivanova" || w.pick != nil {
		t.Fatalf("picked %q", w.Person())
	}
	rows, _ := w.env.Store.PlanItems("ivanova", w.Start(), w.Start().AddDate(0, 0, 7))
	if len(w.items) != len(rows) || !strings.Contains(view(w), "Ольга Иванова") {
		t.Fatalf("ivanova's week: %d items shown, %d in the store", len(w.items), len(rows))
	}
}

// From 140 columns the week is seven day columns with the cursor's item
// spelled out at the bottom.
func TestWeekWideIsSevenColumns(t *testing.T) {
	db := department(t)
	w := NewWeek(uitest.EnvAs(t, db, "petrov", testNow))
	w.SetSize(160, 24)
	run(t, w, w.Init())
	v := view(w)
	uitest.CheckSize(t, "view", v, 160, 24)
	head := strings.Split(v, "\n")[1]
	for _, d := range []string{"Mon 23.11", "Wed 25.11", "Sun 29.11"} {
		if !strings.Contains(head, d) {
			t.Fatalf("day %s not in the column titles %q", d, head)
		}
	}
	cur, _ := w.Current()
	last := strings.Split(v, "\n")[23]
	if !strings.Contains(last, cur.ClientName) || !strings.HasPrefix(last, "Wed 25.11") {
		t.Fatalf("the cursor's item %q is not spelled out: %q", cur.ClientName, last)
	}
	golden(t, "week_wide", v)
	// j walks the items in time order, across the columns.
	press(t, w, "G")
	if c, _ := w.Current(); c.Item.ID != w.rows[len(w.rows)-1].Item.ID {
		t.Fatal("G is not on the week's last item")
	}
}

// x through the real dialog: a reason, ctrl+s; the week shows the item cancelled.
func TestWeekCancelsThroughTheDialog(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, "petrov", testNow)
	w := newWeek(t, env)
	p := cursorOn(t, w, func(p model.PlanItem) bool { return p.Open() && p.Due.After(testNow) })
	press(t, w, "x")
	if w.form.m == nil {
		t.Fatal("x did not open the cancel dialog")
	}
	for _, r := range "клиент закрыт" {
		press(t, w, string(r))
	}
	msgs := press(t, w, "ctrl+s")
	if w.form.m != nil {
		t.Fatalf("the dialog stayed open: %v\n%s", msgs, view(w))
	}
	got, err := env.Store.PlanItem(p.ID)
	if err != nil || got.Status != model.PlanCancelled || got.CancelReason != "клиент закрыт" {
		t.Fatalf("item after the dialog: %s %q, %v", got.Status, got.CancelReason, err)
	}
	cur, _ := w.Current()
	if cur.Item.ID != p.ID || cur.Item.Status != model.PlanCancelled {
		t.Fatalf("the week shows %d %s under the cursor", cur.Item.ID, cur.Item.Status)
	}
	if !strings.Contains(view(w), "cancelled") {
		t.Fatalf("no cancelled item on screen:\n%s", view(w))
	}
}

func TestSuggestDue(t *testing.T) {
	kolkata := time.FixedZone("IST", 5*3600+1800)
	cases := []struct {
		day, now time.Time
		l        *time.Location
		want     time.Time
	}{
		{time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), testNow, time.UTC, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)},
		{time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), testNow, time.UTC, time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)},
		{time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), testNow, time.UTC, time.Time{}},
		// A half-hour zone: the next full local hour, not the next UTC hour.
		{time.Date(2026, 11, 25, 0, 0, 0, 0, kolkata), testNow, kolkata, time.Date(2026, 11, 25, 17, 0, 0, 0, kolkata)},
	}
	for _, c := range cases {
		if got := suggestDue(c.day, c.now, c.l); !got.Equal(c.want) {
			t.Errorf("suggestDue(%v, %v) = %v, want %v", c.day, c.now, got, c.want)
		}
	}
}

// Weeks and days are walked in wall-clock days: a DST change keeps Monday midnight.
func TestWeekMathAcrossDaylightSaving(t *testing.T) {
	vilnius, err := time.LoadLocation("Europe/Vilnius")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	// 29.03.2026 is the spring change in Vilnius (a 23-hour Sunday).
	start := weekStart(time.Date(2026, 3, 26, 15, 0, 0, 0, vilnius), vilnius)
	if want := time.Date(2026, 3, 23, 0, 0, 0, 0, vilnius); !start.Equal(want) {
		t.Fatalf("weekStart = %v, want %v", start, want)
	}
	next := addDays(start, 7)
	if next.Hour() != 0 || next.Day() != 30 || next.Weekday() != time.Monday {
		t.Fatalf("the next week starts %v", next)
	}
	days := weekDays(start)
	if days[6].Weekday() != time.Sunday || days[6].Hour() != 0 {
		t.Fatalf("the week's Sunday is %v", days[6])
	}
}

// The head can look at the operators' pool as at a person's week.
func TestWeekOfTheOperatorsPool(t *testing.T) {
	db := department(t)
	w := newWeek(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow))
	press(t, w, "u")
	for _, r := range "pool" {
		press(t, w, string(r))
	}
	press(t, w, "enter")
	if w.Person() != "" || w.pick != nil {
		t.Fatalf("picked %q, want the pool", w.Person())
	}
	rows, err := w.env.Store.PlanItems("", w.Start(), w.Start().AddDate(0, 0, 7))
	if err != nil || len(rows) == 0 || len(w.items) != len(rows) {
		t.Fatalf("the pool's week: %d shown, %d in the store, %v", len(w.items), len(rows), err)
	}
	if !strings.Contains(view(w), model.T("schedule.pool")) {
		t.Fatalf("title does not name the pool:\n%s", view(w))
	}
	// The pool's counts do not all fit beside its name at 80 columns: the
	// short form keeps the overdue count whole instead of cutting it.
	title := strings.SplitN(view(w), "\n", 2)[0]
	if !strings.Contains(title, model.T("schedule.pool")+" ") || !strings.HasSuffix(strings.TrimSpace(title), "overdue") {
		t.Fatalf("title line %q", title)
	}
	// esc leaves the picker without changing the week.
	press(t, w, "u", "esc")
	if w.Person() != "" || w.pick != nil {
		t.Fatalf("esc changed the week to %q", w.Person())
	}
}

// An item someone has taken says who is on the call; colours follow the state.
func TestDescribeStates(t *testing.T) {
	due := testNow.Add(-time.Hour)
	row := func(p model.PlanItem) itemLine {
		p.Kind, p.Due, p.Purpose = model.PlanCall, due, model.PurposeSale
		return describe(model.PlanRow{Item: p, ClientName: "ООО Ромашка"}, testNow, time.UTC)
	}
	if il := row(model.PlanItem{Status: model.PlanPlanned, HeldBy: "ivanova"}); il.status != "on call: ivanova" || !il.overdue {
		t.Errorf("held: %+v", il)
	}
	if il := row(model.PlanItem{Status: model.PlanPlanned, Until: testNow.Add(time.Hour)}); il.overdue || !il.today || il.when != "10:00–12:00" {
		t.Errorf("an open window is not overdue: %+v", il)
	}
	if il := row(model.PlanItem{Status: model.PlanDone, Origin: model.OriginOffPlan}); il.status != "off-plan done" || il.overdue {
		t.Errorf("off-plan: %+v", il)
	}
	if il := row(model.PlanItem{Status: model.PlanCancelled}); !il.closed || il.done || il.status != "cancelled" {
		t.Errorf("cancelled: %+v", il)
	}
	if il := row(model.PlanItem{Status: model.PlanPlanned, Note: "про скидку\x1b[2J"}); strings.ContainsRune(il.what, 0x1b) {
		t.Errorf("a control character reached the screen: %q", il.what)
	}
}
