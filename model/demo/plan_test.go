package demo

import (
	"reflect"
	"testing"
	"time"

	"clientbase/model"
)

type planned struct {
	p   model.PlanItem
	ixs []model.Interaction
}

func demoPlan(t testing.TB, n int, now time.Time) ([]planned, []PlanClient) {
	t.Helper()
	var pcs []PlanClient
	if err := Clients(42, n, func(c model.Client) error {
		Recurring(&c)
		pcs = append(pcs, PlanClientOf(c))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var out []planned
	if err := Plan(42, now, pcs, func(p model.PlanItem, ixs []model.Interaction) error {
		out = append(out, planned{p, append([]model.Interaction(nil), ixs...)})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out, pcs
}

// The demo's plan is a lively department: a few thousand items over four
// weeks, outcomes for the past, some overdue, off-plan calls, visits with
// addresses, the pool, recurring clients; and every record is one the store
// accepts.
func TestPlanIsARealisticDepartment(t *testing.T) {
	now := time.Date(2026, 11, 23, 13, 47, 0, 0, time.UTC) // a Monday afternoon
	items, pcs := demoPlan(t, 2500, now)
	if len(items) < 2000 || len(items) > 8000 {
		t.Fatalf("%d items, want a few thousand", len(items))
	}
	users := map[string]model.Role{"": ""}
	for _, u := range Users() {
		users[u.Name] = u.Role
	}
	byID := map[model.ID]PlanClient{}
	recurringClients := 0
	for _, c := range pcs {
		byID[c.ID] = c
		if c.ContactEvery > 0 {
			recurringClients++
		}
	}
	from, to := now.AddDate(0, 0, -PlanDays-2), now.AddDate(0, 0, PlanDays+10)
	count := map[string]int{}
	outcomes := map[model.Outcome]int{}
	perAssignee := map[string]int{}
	for _, it := range items {
		p := it.p
		if err := model.ValidatePlanItem(p, now, false); err != nil {
			t.Fatalf("item %+v: %v", p, err)
		}
		role, ok := users[p.Assignee]
		if !ok {
			t.Fatalf("item assigned to %q, not a demo user", p.Assignee)
		}
		perAssignee[p.Assignee]++
		c, ok := byID[p.Client]
		if !ok || c.Skip {
			t.Fatalf("item for client %d, which nobody may call", p.Client)
		}
		// a recurring client's next contact may lie beyond the plan's weeks (every 30 days)
		beyond := p.Origin == model.OriginRecurring && p.Open() && p.Due.Before(to.AddDate(0, 0, model.MaxContactEvery))
		if p.Due.Before(from) || p.Due.After(to) && !beyond || p.Due.Location() != time.UTC {
			t.Fatalf("due %v outside the plan's weeks or not UTC", p.Due)
		}
		if wd := p.Due.In(loc(t, c.Zone)).Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Fatalf("item due on a %s: %+v", wd, p)
		}
		if p.Kind == model.PlanVisit {
			count["visit"]++
			if p.Address == "" || p.Assignee == "" || role != model.RoleManager {
				t.Fatalf("visit without an address or a manager: %+v", p)
			}
		}
		if p.Assignee == "" {
			count["pool"]++
		}
		if p.Origin == model.OriginOffPlan {
			count["off-plan"]++
		}
		if p.Origin == model.OriginRecurring {
			count["recurring"]++
		}
		if p.Origin == model.OriginPaymentCheck {
			count["payment check"]++
		}
		if p.Origin == model.OriginEscalation {
			count["escalation"]++
		}
		if p.Overdue(now) {
			count["overdue"]++
		}
		if p.Status == model.PlanCancelled {
			count["cancelled"]++
		}
		if p.Status == model.PlanDone {
			count["done"]++
			if len(it.ixs) == 0 || p.DoneAt.After(now) || p.DoneBy == "" {
				t.Fatalf("done item without its interactions: %+v", p)
			}
		}
		if p.Attempts != len(it.ixs) {
			t.Fatalf("item with %d attempts and %d interactions: %+v", p.Attempts, len(it.ixs), p)
		}
		for _, x := range it.ixs {
			outcomes[x.Outcome]++
			if x.Client != p.Client || x.User == "" || x.At.After(now) || x.At.Before(from) {
				t.Fatalf("interaction %+v of item %+v", x, p)
			}
			if x.Outcome == model.OutcomePromisedToPay && (x.Promised.Minor <= 0 || x.PromiseBy.IsZero()) {
				t.Fatalf("a promise without amount or date: %+v", x)
			}
			if x.Outcome == model.OutcomeRefused && x.Reason == "" {
				t.Fatalf("a refusal without a reason: %+v", x)
			}
		}
	}
	t.Logf("%d items: %v; outcomes %v", len(items), count, outcomes)
	for _, k := range []string{"visit", "pool", "off-plan", "recurring", "payment check", "escalation", "overdue", "cancelled", "done"} {
		if count[k] == 0 {
			t.Errorf("no %s items in %d", k, len(items))
		}
	}
	for _, o := range model.Outcomes {
		if outcomes[o] == 0 {
			t.Errorf("no interaction with outcome %s", o)
		}
	}
	if recurringClients == 0 {
		t.Error("no client has a contact frequency")
	}
	for _, u := range Users() {
		if (u.Role == model.RoleDirector || u.Role == model.RoleHead) && perAssignee[u.Name] < 10 {
			t.Errorf("%s (%s) has only %d items of their own", u.Name, u.Role, perAssignee[u.Name])
		}
		if (u.Role == model.RoleOperator || u.Role == model.RoleManager) && perAssignee[u.Name] < 40 {
			t.Errorf("%s (%s) has only %d items", u.Name, u.Role, perAssignee[u.Name])
		}
	}
	if count["overdue"] > len(items)/10 {
		t.Errorf("%d overdue of %d: not a department that works", count["overdue"], len(items))
	}
}

func loc(t testing.TB, name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestPlanIsDeterministic(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	a, _ := demoPlan(t, 400, now)
	b, _ := demoPlan(t, 400, now)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed, clients and time gave two plans")
	}
	c, _ := demoPlan(t, 400, now.AddDate(0, 0, 7))
	if len(c) == 0 || reflect.DeepEqual(a, c) {
		t.Error("a week later the plan is the same")
	}
}

func TestRecurringOnlyForActiveClientsWithAManager(t *testing.T) {
	n := 0
	if err := Clients(7, 3000, func(c model.Client) error {
		before := c
		Recurring(&c)
		if c.ContactEvery != 0 {
			n++
			if before.Manager == "" || before.Status != model.StatusActive || c.ContactEvery > model.MaxContactEvery {
				t.Errorf("client %d (%s, manager %q) got ContactEvery %d", c.ID, c.Status, c.Manager, c.ContactEvery)
			}
			if err := model.PrepareClient(&c); err != nil && len(err.Fields) > 0 {
				t.Errorf("client %d: %v", c.ID, err)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Errorf("only %d of 3000 clients are recurring", n)
	}
}

func BenchmarkPlan(b *testing.B) {
	now := time.Date(2026, 11, 23, 13, 47, 0, 0, time.UTC)
	var pcs []PlanClient
	_ = Clients(42, 2500, func(c model.Client) error { Recurring(&c); pcs = append(pcs, PlanClientOf(c)); return nil })
	for b.Loop() {
		n := 0
		_ = Plan(42, now, pcs, func(model.PlanItem, []model.Interaction) error { n++; return nil })
	}
}

// Every client with a contact frequency has exactly one open recurring item,
// and nobody else has one: the store's own rule for recurring contact.
func TestPlanHoldsOneOpenRecurringItemPerFrequency(t *testing.T) {
	now := time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)
	out, pcs := demoPlan(t, 3000, now)
	open := map[model.ID]int{}
	for _, x := range out {
		if x.p.Origin == model.OriginRecurring && x.p.Open() {
			open[x.p.Client]++
		}
	}
	for _, c := range pcs {
		want := 0
		if c.ContactEvery > 0 {
			want = 1
		}
		if open[c.ID] != want {
			t.Errorf("client %d (every %d days, skip %v): %d open recurring items, want %d", c.ID, c.ContactEvery, c.Skip, open[c.ID], want)
		}
	}
}
