package storetest

import (
	"testing"
	"time"

	"clientbase/model"
)

func TestPlanDepartmentIsSteadyAndFull(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	users := append([]string{""}, append(PlanOperators, PlanManagers...)...)
	var days []time.Time
	for d := -14; d <= 14; d++ {
		days = append(days, time.Date(2026, 11, 23+d, 0, 0, 0, 0, time.UTC))
	}
	grid := func() model.PlanGrid {
		s, _ := PlanDepartment(t, 30, 400, now)
		g, err := s.Grid(users, days)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	a, b := grid(), grid()
	var sum model.GridCell
	for i := range a.Cells {
		for j, c := range a.Cells[i] {
			if c != b.Cells[i][j] {
				t.Fatalf("two plans of the same arguments differ: %q day %d %+v / %+v", users[i], j, c, b.Cells[i][j])
			}
			sum.Planned += c.Planned
			sum.Done += c.Done
			sum.Overdue += c.Overdue
			sum.OffPlan += c.OffPlan
		}
	}
	// Every kind of cell content occurs: planned ahead, done, overdue, off-plan.
	if sum.Planned < 200 || sum.Done == 0 || sum.Overdue == 0 || sum.OffPlan == 0 {
		t.Errorf("the plan's counts %+v", sum)
	}
}

// Plan's items obey the store's own rules for what it emits: no recurring
// item without the client's contact frequency (the store keeps exactly one
// for a client that has it, none otherwise), no visit in the pool, an
// off-plan item done with its interaction, no held item.
func TestPlanObeysTheStoresRules(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	const n = 40
	recurring := map[model.ID]int{}
	origins := map[model.Origin]int{}
	err := Plan(n, 3000, now, func(p model.PlanItem, ixs []model.Interaction) error {
		origins[p.Origin]++
		c := Client(int(p.Client))
		switch {
		case p.Origin == model.OriginRecurring && (c.ContactEvery <= 0 || c.Archived):
			t.Errorf("a recurring item for client %d, which has no contact frequency: %+v", p.Client, p)
		case p.Kind == model.PlanVisit && p.Assignee == "":
			t.Errorf("a visit in the operators' pool: %+v", p)
		case p.Origin == model.OriginOffPlan && (p.Status != model.PlanDone || len(ixs) == 0):
			t.Errorf("an off-plan item not done with its call: %+v %+v", p, ixs)
		case p.HeldBy != "":
			t.Errorf("a held item: %+v", p)
		}
		if p.Origin == model.OriginRecurring && p.Open() {
			recurring[p.Client]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		c := Client(i)
		want := 0
		if c.ContactEvery > 0 && !c.Archived {
			want = 1
		}
		if recurring[c.ID] > want {
			t.Errorf("client %d has %d open recurring items, at most %d", i, recurring[c.ID], want)
		}
	}
	if origins[model.OriginManual] == 0 || origins[model.OriginWeeklyPlan] == 0 || origins[model.OriginOffPlan] == 0 {
		t.Errorf("the plan's origins: %v", origins)
	}
}
