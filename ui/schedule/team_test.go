package schedule

import (
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

func newTeam(t *testing.T, env common.Env, w, h int) *Team {
	t.Helper()
	tm := NewTeam(env)
	tm.SetSize(w, h)
	run(t, tm, tm.Init())
	return tm
}

func TestTeamRowsAreOperatorsManagersThenHeads(t *testing.T) {
	db := department(t)
	tm := newTeam(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 80, 24)
	var got []string
	for _, u := range tm.people {
		got = append(got, u.Name)
	}
	want := []string{"ivanova", "kazlauskaite", "sidorov", "jonaitis", "petrov", storetest.PlanHead, ""}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("rows %v, want %v", got, want)
	}
	if tm.col != 2 || !tm.Day().Equal(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("the cursor starts on day %d (%v), want today, Wednesday", tm.col, tm.Day())
	}
	v := view(tm)
	uitest.CheckSize(t, "view", v, 80, 24)
	golden(t, "team", v)
}

// Every cell shows what the person's items of that day add up to.
func TestTeamCountsMatchTheItems(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, storetest.PlanHead, testNow)
	tm := newTeam(t, env, 80, 24)
	nonEmpty := 0
	for r, u := range tm.people {
		for i := range 7 {
			day := addDays(tm.start, i)
			rows, err := env.Store.PlanItems(u.Name, day, addDays(day, 1))
			if err != nil {
				t.Fatal(err)
			}
			want := counted(rows, testNow)
			got, ok := tm.cellAt(r, i)
			if !ok || got != want {
				t.Errorf("%s %s: cell %+v (loaded %v), the items add up to %+v", u.Name, day.Format("02.01"), got, ok, want)
			}
			if want.Planned > 0 {
				nonEmpty++
			}
		}
	}
	if nonEmpty < 10 {
		t.Fatalf("only %d non-empty cells: the test plan is too thin to test anything", nonEmpty)
	}
	// The cursor cell is spelled out under the grid.
	c, _ := tm.cellAt(tm.row, tm.col)
	line := model.T("schedule.detail", "Ольга Иванова · Wed 25.11.2026", c.Planned, c.Done, c.Overdue, c.OffPlan)
	if !strings.Contains(view(tm), line) {
		t.Fatalf("detail line %q missing:\n%s", line, view(tm))
	}
}

func TestTeamPagesByDayAndWeek(t *testing.T) {
	db := department(t)
	tm := newTeam(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 80, 24)
	press(t, tm, "l", "l", "l", "l")
	if tm.col != 6 || !tm.start.Equal(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("after 4×l: day %d of the week of %v", tm.col, tm.start)
	}
	press(t, tm, "right")
	if tm.col != 0 || !tm.start.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("l past Sunday: day %d of the week of %v, want Monday 30.11", tm.col, tm.start)
	}
	if !strings.Contains(view(tm), "Week 49") {
		t.Fatal("the next week's title is missing")
	}
	if _, ok := tm.cellAt(0, 0); !ok {
		t.Fatal("the next week's counts were not loaded")
	}
	press(t, tm, "h")
	if tm.col != 6 || !tm.start.Equal(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("h from Monday: day %d of the week of %v, want Sunday 29.11", tm.col, tm.start)
	}
	press(t, tm, "[")
	if !tm.start.Equal(time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)) || tm.col != 6 {
		t.Fatalf("[ gives the week of %v day %d", tm.start, tm.col)
	}
	press(t, tm, "]", "]")
	if !tm.start.Equal(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("] ] gives the week of %v", tm.start)
	}
	press(t, tm, "t")
	if !tm.Day().Equal(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("t gives %v", tm.Day())
	}
	press(t, tm, "j", "j", "G", "k")
	if tm.Cursor() != storetest.PlanHead {
		t.Fatalf("j j G k is on %q, want the head, above the pool", tm.Cursor())
	}
}

// A short page asks the store for the people on screen only, and a page
// key asks for the next ones.
func TestTeamAsksOnlyForTheVisiblePeople(t *testing.T) {
	db := department(t)
	tm := newTeam(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 80, teamChrome+3)
	if len(tm.grid.Users) != 3 || tm.grid.Users[0] != "ivanova" {
		t.Fatalf("first page asked for %v, want the 3 people on screen", tm.grid.Users)
	}
	press(t, tm, "ctrl+d")
	if tm.Cursor() != "jonaitis" || len(tm.grid.Users) != 3 || tm.grid.Users[0] != "jonaitis" || tm.gridOff != 3 {
		t.Fatalf("after ctrl+d: cursor %q, grid %v from %d", tm.Cursor(), tm.grid.Users, tm.gridOff)
	}
	if !strings.Contains(view(tm), "people 4–6 of 7") {
		t.Fatalf("page count missing:\n%s", view(tm))
	}
	press(t, tm, "k")
	if tm.Cursor() != "sidorov" || tm.grid.Users[0] != "sidorov" {
		t.Fatalf("k above the page: cursor %q, grid %v", tm.Cursor(), tm.grid.Users)
	}
	press(t, tm, "pgup")
	if tm.Cursor() != "ivanova" || tm.top != 0 {
		t.Fatalf("pgup: cursor %q top %d", tm.Cursor(), tm.top)
	}
	// A taller terminal: the next message loads the rows that came into sight.
	tm.SetSize(80, 24)
	run(t, tm, tm.Update(struct{}{}))
	if len(tm.grid.Users) != 7 {
		t.Fatalf("after growing the grid holds %v", tm.grid.Users)
	}
}

func TestTeamCellListMarksAndReassigns(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, storetest.PlanHead, testNow)
	tm := newTeam(t, env, 80, 24)
	// The day and person with the most open items.
	best, bestN := [2]int{}, 0
	for r, u := range tm.people {
		for i := range 7 {
			day := addDays(tm.start, i)
			rows, _ := env.Store.PlanItems(u.Name, day, addDays(day, 1))
			n := 0
			for _, x := range rows {
				if x.Item.Open() {
					n++
				}
			}
			if n > bestN {
				best, bestN = [2]int{r, i}, n
			}
		}
	}
	if bestN < 2 {
		t.Fatal("no cell with two open items in the test plan")
	}
	tm.row, tm.col = best[0], best[1]
	user := tm.Cursor()
	press(t, tm, "enter")
	if !tm.CellOpen() || len(tm.cell.rows) == 0 {
		t.Fatal("enter did not open the cell")
	}
	// Mark the first two open items (space moves on).
	var marked []model.ID
	for i, r := range tm.cell.rows {
		if r.Item.Open() && len(marked) < 2 {
			tm.cell.cursor = i
			press(t, tm, "space")
			marked = append(marked, r.Item.ID)
		}
	}
	if tm.Marked() != 2 {
		t.Fatalf("%d marked, want 2", tm.Marked())
	}
	v := view(tm)
	uitest.CheckSize(t, "view", v, 80, 24)
	if strings.Count(v, "[x]") != 2 || !strings.Contains(v, "2 marked") {
		t.Fatalf("marks not shown:\n%s", v)
	}
	golden(t, "team_cell", v)

	// Read-only: the marks stay, nothing opens.
	ro := *tm
	ro.env.ReadOnly = true
	if st, ok := statusOf(press(t, &ro, "a")); !ok || st.Text != model.T("schedule.read_only") || ro.form.m != nil {
		t.Fatalf("a in read-only: %+v", st)
	}
	press(t, tm, "a")
	if tm.form.m == nil || !tm.InputFocused() {
		t.Fatal("a did not open the reassign dialog")
	}
	// What the dialog does on save: one Reassign of the marked items.
	tm.form.m = nil
	to := "sidorov"
	if user == to {
		to = "ivanova"
	}
	if n, err := env.Store.Reassign(marked, to); err != nil || n != 2 {
		t.Fatalf("reassign: %d, %v", n, err)
	}
	run(t, tm, tm.Update(common.DataChangedMsg{Kind: "plan"}))
	if tm.Marked() != 0 {
		t.Fatalf("%d still marked after they moved away", tm.Marked())
	}
	for _, r := range tm.cell.rows {
		for _, id := range marked {
			if r.Item.ID == id {
				t.Fatalf("item %d still in %s's day", id, user)
			}
		}
	}
	press(t, tm, "esc")
	if tm.CellOpen() {
		t.Fatal("esc did not go back to the grid")
	}
}

func TestTeamMarkRefusesClosedItems(t *testing.T) {
	db := department(t)
	tm := newTeam(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 80, 24)
	tm.col = 0 // Monday: the past, mostly done
	press(t, tm, "enter")
	for i, r := range tm.cell.rows {
		if !r.Item.Open() {
			tm.cell.cursor = i
			st, ok := statusOf(press(t, tm, "space"))
			if !ok || !st.Err || tm.Marked() != 0 {
				t.Fatalf("space on a %s item: %+v, %d marked", r.Item.Status, st, tm.Marked())
			}
			return
		}
	}
	t.Fatal("no closed item on Monday")
}

func TestTeamAdherencePanel(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, storetest.PlanHead, testNow)
	tm := newTeam(t, env, 80, 24)
	press(t, tm, "A")
	if tm.adh == nil {
		t.Fatal("A did not load adherence")
	}
	week, err := env.Store.Adherence([]string{"ivanova"}, tm.start, addDays(tm.start, 7))
	if err != nil {
		t.Fatal(err)
	}
	a := week[0]
	if a.Planned == 0 {
		t.Fatal("ivanova has no plan this week")
	}
	v := view(tm)
	uitest.CheckSize(t, "view", v, 80, 24)
	if !strings.Contains(v, model.T("schedule.adh_cell", a.Done, a.Planned, a.DoneShare())) {
		t.Fatalf("ivanova's week %d/%d not shown:\n%s", a.Done, a.Planned, v)
	}
	if !strings.Contains(v, "November 2026") {
		t.Fatalf("no month column:\n%s", v)
	}
	golden(t, "team_adherence", v)
	// Another day asks again for that day.
	press(t, tm, "h")
	if tm.adh == nil || !strings.Contains(view(tm), "Tue 24.11") {
		t.Fatalf("h with the panel open:\n%s", view(tm))
	}
	press(t, tm, "A")
	if strings.Contains(view(tm), "November 2026") {
		t.Fatal("A did not close the panel")
	}
}

func TestTeamWorksReadOnly(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, storetest.PlanHead, testNow)
	env.ReadOnly = true
	tm := newTeam(t, env, 80, 24)
	press(t, tm, "]", "l", "j", "A", "A")
	if st, ok := statusOf(press(t, tm, "n")); !ok || st.Text != model.T("schedule.read_only") {
		t.Errorf("n on the grid in read-only: %+v", st)
	}
	press(t, tm, "enter")
	if !tm.CellOpen() || !tm.cell.loaded || len(tm.cell.rows) == 0 {
		t.Fatal("a cell does not open read-only")
	}
	for _, k := range []string{"n", "r", "x", "a"} {
		if st, ok := statusOf(press(t, tm, k)); !ok || st.Text != model.T("schedule.read_only") || tm.form.m != nil {
			t.Errorf("%s in a cell in read-only: %+v", k, st)
		}
	}
	for _, b := range tm.ShortHelp() {
		if strings.Contains("a n r x", b.Help().Key) && b.Enabled() {
			t.Errorf("the footer offers %s in read-only", b.Help().Key)
		}
	}
}

// n plans for the person and day under the cursor; r and x in a cell work on its item.
func TestTeamPlansReschedulesAndCancelsFromTheGrid(t *testing.T) {
	db := department(t)
	tm := newTeam(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 80, 24)
	press(t, tm, "l", "n")
	if tm.form.m == nil || !tm.InputFocused() {
		t.Fatal("n did not open the plan form")
	}
	press(t, tm, "esc")
	if tm.form.m != nil {
		t.Fatal("esc on an untouched form did not close it")
	}
	press(t, tm, "enter")
	for i, r := range tm.cell.rows {
		if r.Item.Open() {
			tm.cell.cursor = i
			break
		}
	}
	press(t, tm, "x")
	if tm.form.m == nil {
		t.Fatal("x in a cell did not open the cancel dialog")
	}
}

// Stale answers (an older week's grid) are dropped.
func TestTeamDropsStaleGrids(t *testing.T) {
	db := department(t)
	tm := newTeam(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 80, 24)
	old := tm.Update(uitest.Key("]"))
	newer := tm.Update(uitest.Key("["))
	run(t, tm, newer)
	want := tm.grid
	run(t, tm, old)
	if !tm.grid.Days[0].Equal(want.Days[0]) || !tm.grid.Days[0].Equal(tm.start) {
		t.Fatalf("a stale grid of %v replaced the week of %v", tm.grid.Days[0], tm.start)
	}
}

// The whole way through the real dialog: mark two calls, a, pick a
// colleague, enter; one reassign moves both, and the grid and the cell follow.
func TestTeamReassignsMarkedItemsThroughTheDialog(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, storetest.PlanHead, testNow)
	tm := newTeam(t, env, 80, 24)
	tm.row, tm.col = 0, 3 // ivanova, Thursday: the future, all planned
	press(t, tm, "enter")
	var marked []model.ID
	for i, r := range tm.cell.rows {
		if r.Item.Open() && len(marked) < 2 {
			tm.cell.cursor = i
			press(t, tm, "space")
			marked = append(marked, r.Item.ID)
		}
	}
	if len(marked) != 2 {
		t.Fatalf("ivanova's Thursday has %d open items", len(marked))
	}
	before, _ := tm.cellAt(0, 3)
	press(t, tm, "a")
	if tm.form.m == nil {
		t.Fatal("a did not open the dialog")
	}
	target := "Михаил Сидоров"
	for step := 0; ; step++ {
		found := false
		for _, line := range strings.Split(view(tm), "\n") {
			if strings.ContainsAny(line, "›▸") && strings.Contains(line, target) {
				found = true
			}
		}
		if found {
			break
		}
		if step > 12 {
			t.Fatalf("%s not offered by the dialog:\n%s", target, view(tm))
		}
		press(t, tm, "down")
	}
	msgs := press(t, tm, "enter")
	if tm.form.m != nil {
		t.Fatalf("the dialog stayed open: %v\n%s", msgs, view(tm))
	}
	changed := false
	for _, m := range msgs {
		if _, ok := m.(common.DataChangedMsg); ok {
			changed = true
		}
	}
	if !changed {
		t.Fatalf("the dialog reported no change: %v", msgs)
	}
	for _, id := range marked {
		p, err := env.Store.PlanItem(id)
		if err != nil || p.Assignee != "sidorov" {
			t.Fatalf("item %d: assignee %q, %v", id, p.Assignee, err)
		}
	}
	if !tm.CellOpen() || tm.Marked() != 0 || len(tm.cell.rows) != before.Planned-2+before.OffPlan {
		t.Fatalf("after the reassign: cell open %v, %d marked, %d rows (had %d)", tm.CellOpen(), tm.Marked(), len(tm.cell.rows), before.Planned)
	}
	after, _ := tm.cellAt(0, 3)
	if after.Planned != before.Planned-2 {
		t.Fatalf("ivanova's Thursday counts %d planned, want %d", after.Planned, before.Planned-2)
	}
}

// The pool's row lists the unassigned calls of a day, ready to hand out.
func TestTeamPoolRowOpensTheUnassignedCalls(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, storetest.PlanHead, testNow)
	tm := newTeam(t, env, 80, 24)
	press(t, tm, "G", "l", "enter")
	if !tm.CellOpen() || tm.cell.user != "" {
		t.Fatalf("G l enter opened %+v, want the pool's Thursday", tm.cell)
	}
	rows, err := env.Store.PlanItems("", tm.Day(), addDays(tm.Day(), 1))
	if err != nil || len(rows) == 0 || len(tm.cell.rows) != len(rows) {
		t.Fatalf("the pool's Thursday: %d shown, %d in the store, %v", len(tm.cell.rows), len(rows), err)
	}
	if !strings.Contains(view(tm), "Operators' pool · Thu 26.11.2026") {
		t.Fatalf("title:\n%s", view(tm))
	}
	press(t, tm, "space", "a")
	if tm.form.m == nil {
		t.Fatal("a on a marked pool call did not open the dialog")
	}
}

// A wide terminal gives the names their room: no "Eglė Kazlauska…" at 120
// columns, in the grid and in the adherence panel; narrow ones still fit.
func TestTeamNameColumnGrowsWithTheWidth(t *testing.T) {
	db := department(t)
	env := uitest.EnvAs(t, db, storetest.PlanHead, testNow)
	tm := newTeam(t, env, 120, 30)
	for _, adherence := range []bool{false, true} {
		if adherence {
			run(t, tm, tm.Update(uitest.Key("A")))
		}
		v := view(tm)
		uitest.CheckSize(t, "view", v, 120, 30)
		for _, u := range tm.people {
			if name := personName(tm.names, u.Name); !strings.Contains(v, name) {
				t.Fatalf("adherence %v: %q is cut at 120 columns:\n%s", adherence, name, v)
			}
		}
	}
	for _, w := range []int{100, 80, 60, 30} {
		tm.SetSize(w, 24)
		uitest.CheckSize(t, "view", view(tm), w, 24)
	}
}

// At 80 columns a long name gives way to the adherence panel's columns: the
// month's title stays whole.
func TestTeamAdherenceKeepsItsTitlesAt80(t *testing.T) {
	db := department(t)
	boss, _ := db.SignIn("boss")
	if _, err := db.As(boss).SaveUser(model.User{Name: "morozova", FullName: "Морозова Татьяна Викторовна", Role: model.RoleOperator}); err != nil {
		t.Fatal(err)
	}
	tm := newTeam(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 80, 24)
	run(t, tm, tm.Update(uitest.Key("A")))
	if v := view(tm); !strings.Contains(v, "November 2026") {
		t.Fatalf("the month's title is cut:\n%s", v)
	}
}
