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
