package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"clientbase/model"
)

// viewsNow is the store clock of the hand-computed plan: Monday noon UTC.
var viewsNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// at is a time on day d (0 = viewsNow's day) in UTC.
func at(d, h, m int) time.Time {
	return time.Date(2026, 11, 23+d, h, m, 0, 0, time.UTC)
}

// handItem is one line of the hand-computed plan; ixs are its
// interactions' times (each a reached call, incoming when off-plan).
type handItem struct {
	assignee string
	client   model.ID
	due      time.Time
	kind     model.PlanKind
	status   model.PlanStatus
	offPlan  bool
	ixs      []time.Time
}

// handPlan's items get ids 1–12 in this order; the counts in the tests
// below are worked out from this table by hand.
var handPlan = []handItem{
	{"ann", 1, at(0, 9, 0), model.PlanCall, model.PlanPlanned, false, nil},                        // 1 overdue
	{"ann", 1, at(0, 10, 0), model.PlanCall, model.PlanDone, false, []time.Time{at(0, 10, 5)}},    // 2 done
	{"ann", 2, at(0, 11, 0), model.PlanCall, model.PlanCancelled, false, nil},                     // 3 not counted
	{"ann", 1, at(0, 11, 30), model.PlanCall, model.PlanDone, true, []time.Time{at(0, 11, 30)}},   // 4 off-plan
	{"ann", 2, at(0, 14, 0), model.PlanCall, model.PlanPlanned, false, nil},                       // 5 planned, not yet due
	{"ann", 3, at(1, 9, 0), model.PlanCall, model.PlanPlanned, false, nil},                        // 6
	{"ann", 3, at(1, 10, 0), model.PlanCall, model.PlanRescheduled, false, nil},                   // 7 not counted
	{"bob", 1, at(0, 15, 0), model.PlanVisit, model.PlanPlanned, false, nil},                      // 8 visit
	{"bob", 2, at(2, 9, 0), model.PlanCall, model.PlanPlanned, false, nil},                        // 9
	{"bob", 1, at(-1, 16, 0), model.PlanCall, model.PlanDone, false, []time.Time{at(-1, 16, 10)}}, // 10 yesterday
	{"", 3, at(0, 8, 0), model.PlanCall, model.PlanPlanned, false, nil},                           // 11 pool, overdue
	{"ann", 2, at(0, 22, 30), model.PlanCall, model.PlanPlanned, false, nil},                      // 12 00:30 on the 24th in Vilnius
}

// handDepartment opens a database at viewsNow with the director boss, the
// operator ann, the manager bob, the head cat, three clients and handPlan.
func handDepartment(t *testing.T) (*DB, map[string]*Session) {
	t.Helper()
	db, err := Open(tempPath(t), Options{Now: func() time.Time { return viewsNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	u, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	boss := db.As(u)
	ss := map[string]*Session{"boss": boss,
		"ann": addUser(t, boss, "ann", model.RoleOperator),
		"bob": addUser(t, boss, "bob", model.RoleManager),
		"cat": addUser(t, boss, "cat", model.RoleHead),
	}
	for _, name := range []string{"Alfa", "Beta", "Gama"} {
		mustSave(t, boss, newClient(name), "")
	}
	items, ixs, err := BulkLoadPlan(db, "boss", func(emit func(model.PlanItem, []model.Interaction) error) error {
		for _, h := range handPlan {
			if err := emit(handPlanItem(h)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || items != len(handPlan) || ixs != 3 {
		t.Fatalf("loaded %d items, %d interactions: %v", items, ixs, err)
	}
	return db, ss
}

func handPlanItem(h handItem) (model.PlanItem, []model.Interaction) {
	p := model.PlanItem{Kind: h.kind, Client: h.client, Assignee: h.assignee, Due: h.due,
		Purpose: model.PurposeFollowUp, Priority: model.PriorityNormal, Origin: model.OriginManual,
		Status: h.status, Meta: model.Meta{CreatedAt: at(-7, 9, 0)}}
	if h.kind == model.PlanVisit {
		p.Address = "Gedimino pr. 1"
	}
	if h.offPlan {
		p.Origin = model.OriginOffPlan
	}
	switch h.status {
	case model.PlanCancelled:
		p.CancelReason = "closed"
	case model.PlanRescheduled:
		p.NextID = 6 // the item it moved to
	}
	var ixs []model.Interaction
	for _, t := range h.ixs {
		ix := model.Interaction{At: t, Channel: model.ChannelPhone, Direction: model.DirOutgoing, Client: h.client,
			User: h.assignee, Outcome: model.OutcomeReached}
		if h.offPlan {
			ix.Direction = model.DirIncoming
		}
		ixs = append(ixs, ix)
		p.DoneAt, p.DoneBy, p.Attempts = t, h.assignee, len(ixs)
	}
	return p, ixs
}

func days(loc *time.Location, n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = time.Date(2026, 11, 23+i, 0, 0, 0, 0, loc)
	}
	return out
}

func TestGridCountsTheHandPlan(t *testing.T) {
	db, ss := handDepartment(t)
	checkPlanConsistency(t, db)
	vilnius, err := time.LoadLocation("Europe/Vilnius")
	if err != nil {
		t.Fatal(err)
	}
	c := func(planned, done, overdue, off int) model.GridCell {
		return model.GridCell{Planned: planned, Done: done, Overdue: overdue, OffPlan: off}
	}
	tests := []struct {
		name  string
		as    string
		users []string
		days  []time.Time
		want  [][]model.GridCell
	}{
		{"UTC days", "cat", []string{"ann", "bob", ""}, days(time.UTC, 3), [][]model.GridCell{
			{c(4, 1, 1, 1), c(1, 0, 0, 0), c(0, 0, 0, 0)}, // 1,2,5,12 · 6
			{c(1, 0, 0, 0), c(0, 0, 0, 0), c(1, 0, 0, 0)}, // 8 · · 9
			{c(1, 0, 1, 0), c(0, 0, 0, 0), c(0, 0, 0, 0)}, // 11
		}},
		{"Vilnius days move 22:30 UTC to the next day", "boss", []string{"ann"}, days(vilnius, 2), [][]model.GridCell{
			{c(3, 1, 1, 1), c(2, 0, 0, 0)},
		}},
		{"days apart", "cat", []string{"ann", "bob"}, []time.Time{at(0, 0, 0), at(2, 0, 0)}, [][]model.GridCell{
			{c(4, 1, 1, 1), c(0, 0, 0, 0)},
			{c(1, 0, 0, 0), c(1, 0, 0, 0)},
		}},
		{"days out of order", "cat", []string{"ann"}, []time.Time{at(1, 0, 0), at(0, 0, 0)}, [][]model.GridCell{
			{c(1, 0, 0, 0), c(4, 1, 1, 1)},
		}},
		{"an operator sees their own row", "ann", []string{"ann"}, days(time.UTC, 1), [][]model.GridCell{
			{c(4, 1, 1, 1)},
		}},
		{"users without items", "cat", []string{"cat", "nobody"}, days(time.UTC, 2), [][]model.GridCell{
			{c(0, 0, 0, 0), c(0, 0, 0, 0)},
			{c(0, 0, 0, 0), c(0, 0, 0, 0)},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ss[tt.as].Grid(tt.users, tt.days)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(g.Users, tt.users) || !slices.Equal(g.Days, tt.days) || len(g.Cells) != len(tt.users) {
				t.Fatalf("grid is %v × %v, %d rows", g.Users, g.Days, len(g.Cells))
			}
			for i := range tt.want {
				for j := range tt.want[i] {
					if g.Cells[i][j] != tt.want[i][j] {
						t.Errorf("%q on day %d: %+v, want %+v", tt.users[i], j, g.Cells[i][j], tt.want[i][j])
					}
				}
			}
		})
	}
}

func TestPlanViewsRefuseOthersPlansWithoutViewAll(t *testing.T) {
	_, ss := handDepartment(t)
	for _, as := range []string{"ann", "bob"} {
		other := map[string]string{"ann": "bob", "bob": "ann"}[as]
		if _, err := ss[as].Grid([]string{as, other}, days(time.UTC, 1)); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s's grid with %s: %v, want forbidden", as, other, err)
		}
		if _, err := ss[as].Adherence([]string{other}, at(0, 0, 0), at(1, 0, 0)); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s's adherence of %s: %v, want forbidden", as, other, err)
		}
		if _, err := ss[as].PlanItems(other, at(0, 0, 0), at(1, 0, 0)); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s reading %s's items: %v, want forbidden", as, other, err)
		}
		if _, err := ss[as].PlanItems("", at(0, 0, 0), at(1, 0, 0)); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s reading the pool's items: %v, want forbidden", as, err)
		}
		if rows, err := ss[as].PlanItems(as, at(-1, 0, 0), at(3, 0, 0)); err != nil || len(rows) == 0 {
			t.Errorf("%s's own items: %d rows, %v", as, len(rows), err)
		}
	}
	if _, err := ss["ann"].Grid([]string{"ann", "bob"}, days(time.UTC, 1)); err == nil || !strings.Contains(err.Error(), model.T("storeviews.act.plan_view")) {
		t.Errorf("the refusal does not say what was refused: %v", err)
	}
}

func TestAdherenceSumsThePeriod(t *testing.T) {
	_, ss := handDepartment(t)
	got, err := ss["cat"].Adherence([]string{"ann", "bob", ""}, at(-1, 0, 0), at(3, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Adherence{
		{User: "ann", Planned: 5, Done: 1, OffPlan: 1, Overdue: 1}, // 1,2,5,6,12; 4 off-plan
		{User: "bob", Planned: 3, Done: 1},                         // 8,9,10
		{User: "", Planned: 1, Overdue: 1},                         // 11
	}
	if !slices.Equal(got, want) {
		t.Errorf("adherence\n got %+v\nwant %+v", got, want)
	}
	if got[0].DoneShare() != 20 || got[0].OffPlanShare() != 50 {
		t.Errorf("ann's shares %d%% done, %d%% off-plan", got[0].DoneShare(), got[0].OffPlanShare())
	}
	// to is exclusive: bob's item at 9:00 on day 2 is outside [day -1, day 2 9:00).
	got, err = ss["bob"].Adherence([]string{"bob"}, at(-1, 0, 0), at(2, 9, 0))
	if err != nil || len(got) != 1 || got[0].Planned != 2 {
		t.Errorf("bob up to 9:00 on day 2: %+v, %v", got, err)
	}
}

func TestPlanItemsByDueWithClientNames(t *testing.T) {
	_, ss := handDepartment(t)
	rows, err := ss["ann"].PlanItems("ann", at(0, 0, 0), at(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%d %s %s %s", r.Item.ID, r.Item.Due.Format("15:04"), r.ClientName, r.Item.Status))
	}
	want := []string{
		"1 09:00 Alfa planned", "2 10:00 Alfa done", "3 11:00 Beta cancelled",
		"4 11:30 Alfa done", "5 14:00 Beta planned", "12 22:30 Beta planned",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ann's day\n got %q\nwant %q", got, want)
	}
	pool, err := ss["cat"].PlanItems("", at(-30, 0, 0), at(30, 0, 0))
	if err != nil || len(pool) != 1 || pool[0].Item.ID != 11 || pool[0].ClientName != "Gama" {
		t.Errorf("the pool: %+v, %v", pool, err)
	}
	// from is inclusive, to exclusive.
	rows, err = ss["ann"].PlanItems("ann", at(0, 10, 0), at(0, 14, 0))
	if err != nil || len(rows) != 3 || rows[0].Item.ID != 2 || rows[2].Item.ID != 4 {
		t.Errorf("ann 10:00–14:00: %d rows, %v", len(rows), err)
	}
	if rows, err := ss["ann"].PlanItems("ann", at(1, 0, 0), at(0, 0, 0)); err != nil || len(rows) != 0 {
		t.Errorf("an empty period gave %d rows, %v", len(rows), err)
	}
}

func TestTimelineNewestFirstWithoutOffPlanItems(t *testing.T) {
	_, ss := handDepartment(t)
	tl, err := ss["ann"].Timeline(1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range tl {
		switch {
		case e.Interaction != nil:
			got = append(got, fmt.Sprintf("ix %d of item %d at %s", e.Interaction.ID, e.Interaction.PlanItem, e.At.Format("02 15:04")))
		case e.Item != nil:
			got = append(got, fmt.Sprintf("item %d at %s", e.Item.ID, e.At.Format("02 15:04")))
		}
	}
	// Client 1 has items 1, 2, 4 (off-plan), 8 and 10; interactions 1 (item 2),
	// 2 (item 4, off-plan) and 3 (item 10).
	want := []string{
		"item 8 at 23 15:00", "ix 2 of item 4 at 23 11:30", "ix 1 of item 2 at 23 10:05",
		"item 2 at 23 10:00", "item 1 at 23 09:00", "ix 3 of item 10 at 22 16:10", "item 10 at 22 16:00",
	}
	if !slices.Equal(got, want) {
		t.Errorf("timeline\n got %q\nwant %q", got, want)
	}
	if tl, err := ss["ann"].Timeline(99); err != nil || len(tl) != 0 {
		t.Errorf("an unknown client's timeline: %d entries, %v", len(tl), err)
	}
}

func TestTimelineTieOrder(t *testing.T) {
	db, ss := handDepartment(t)
	// An interaction at the very minute of a planned item comes first.
	if _, _, err := BulkLoadPlan(db, "boss", func(emit func(model.PlanItem, []model.Interaction) error) error {
		return emit(handPlanItem(handItem{"ann", 3, at(1, 9, 0), model.PlanCall, model.PlanDone, false, []time.Time{at(1, 9, 0)}}))
	}); err != nil {
		t.Fatal(err)
	}
	tl, err := ss["ann"].Timeline(3)
	if err != nil {
		t.Fatal(err)
	}
	// Client 3: item 7 (day 1 10:00), then at day 1 9:00 the interaction,
	// item 13 and item 6, then item 11 (day 0 8:00).
	if len(tl) != 5 || tl[0].Item == nil || tl[0].Item.ID != 7 || tl[1].Interaction == nil ||
		tl[2].Item == nil || tl[2].Item.ID != 13 || tl[3].Item == nil || tl[3].Item.ID != 6 || tl[4].Item.ID != 11 {
		t.Errorf("same-minute order: %+v", tl)
	}
	checkPlanConsistency(t, db)
	if err := db.bolt.View(firstCheckError); err != nil {
		t.Error(err)
	}
}
