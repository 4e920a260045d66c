package schedule

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// The supervisor's page benchmark runs on a department of 30 people with
// CLIENTBASE_BENCH_CLIENTS clients (default 1,000,000) and
// CLIENTBASE_BENCH_PLAN plan items (default 2,000,000) spread over the year
// before and after now. CLIENTBASE_SCHEDULE_BENCH_DB names a file to keep
// between runs (built on the first).

// benchStaff is the department: 20 operators, 8 managers, 2 heads.
func benchStaff() []model.User {
	var us []model.User
	for i := range 30 {
		u := model.User{Name: fmt.Sprintf("op%02d", i), FullName: fmt.Sprintf("Оператор %02d", i), Role: model.RoleOperator}
		switch {
		case i >= 28:
			u.Name, u.FullName, u.Role = fmt.Sprintf("head%d", i-28), fmt.Sprintf("Руководитель %d", i-28), model.RoleHead
		case i >= 20:
			u.Name, u.FullName, u.Role = fmt.Sprintf("mgr%02d", i-20), fmt.Sprintf("Менеджер %02d", i-20), model.RoleManager
		}
		us = append(us, u)
	}
	return us
}

var benchNow = time.Date(2026, 11, 25, 11, 0, 0, 0, time.UTC)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// benchDB opens (building when missing) the benchmark's department.
func benchDB(b *testing.B) (*store.DB, int, int) {
	b.Helper()
	clients := envInt("CLIENTBASE_BENCH_CLIENTS", 1_000_000)
	items := envInt("CLIENTBASE_BENCH_PLAN", 2_000_000)
	path := os.Getenv("CLIENTBASE_SCHEDULE_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "clientbase.db")
	}
	_, statErr := os.Stat(path)
	db, err := store.Open(path, store.Options{Now: func() time.Time { return benchNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if statErr == nil {
		return db, clients, items
	}
	start := time.Now()
	boss, err := db.SignIn("boss")
	if err != nil {
		b.Fatal(err)
	}
	staff := benchStaff()
	if _, err := store.BulkLoad(db, append([]model.User{boss}, staff...), func(emit func(model.Client) error) error {
		for i := 1; i <= clients; i++ {
			if err := emit(storetest.Client(i)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	// Items over the 730 days around now, 9:00–17:45, a sixth in the pool;
	// the grid reads index entries only, so no interactions are written.
	r := rand.New(rand.NewPCG(1, 2))
	day := benchNow.Truncate(24 * time.Hour)
	if _, _, err := store.BulkLoadPlan(db, boss.Name, func(emit func(model.PlanItem, []model.Interaction) error) error {
		for range items {
			due := day.AddDate(0, 0, r.IntN(730)-365).Add(time.Duration(9*60+15*r.IntN(36)) * time.Minute)
			p := model.PlanItem{Kind: model.PlanCall, Client: model.ID(1 + r.IntN(clients)), Due: due,
				Purpose: model.PurposeFollowUp, Priority: model.PriorityNormal, Origin: model.OriginWeeklyPlan,
				Status: model.PlanPlanned}
			p.CreatedAt = due.Add(-72 * time.Hour)
			if due.After(benchNow) {
				p.CreatedAt = benchNow.Add(-72 * time.Hour)
			}
			if x := r.IntN(6); x > 0 {
				p.Assignee = staff[r.IntN(28)].Name // operators and managers
			}
			if due.Before(benchNow) {
				switch x := r.IntN(10); {
				case x < 1: // overdue
				case x < 2:
					p.Status, p.CancelReason = model.PlanCancelled, "closed"
				case x < 3:
					p.Origin, p.Status, p.DoneAt, p.DoneBy = model.OriginOffPlan, model.PlanDone, due, staff[0].Name
				default:
					p.Status, p.DoneAt, p.DoneBy = model.PlanDone, due, staff[0].Name
				}
			}
			if err := emit(p, nil); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d clients and %d plan items in %v", clients, items, time.Since(start).Round(time.Second))
	return db, clients, items
}

// drain runs cmd and what it leads to, synchronously, into p.
func drain(p pane, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			drain(p, c)
		}
	default:
		drain(p, p.Update(msg))
	}
}

// BenchmarkTeamPage renders a supervisor's page: the Grid call for 30
// people × 7 days and the View of the counts, over eight different weeks.
func BenchmarkTeamPage(b *testing.B) {
	db, clients, items := benchDB(b)
	head, err := db.SignIn("head0")
	if err != nil {
		b.Fatal(err)
	}
	env := common.Env{Store: db.As(head), Me: head, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return benchNow }}
	tm := NewTeam(env)
	tm.SetSize(140, maxPageRows+teamChrome+1)
	drain(tm, tm.Init())
	if len(tm.people) != 31 || tm.pageRows() != 30 {
		b.Fatalf("%d rows, %d on a page; want 30 people and the pool, 30 on a page", len(tm.people), tm.pageRows())
	}
	var cells int
	durs := make([]time.Duration, 0, b.N)
	views := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	i := 0
	for b.Loop() {
		t0 := time.Now()
		tm.start = addDays(weekStart(benchNow, time.UTC), -7*(i%8))
		i++
		drain(tm, tm.reload())
		t1 := time.Now()
		if len(tm.View()) == 0 {
			b.Fatal("empty view")
		}
		durs = append(durs, time.Since(t0))
		views = append(views, time.Since(t1))
		if i == 1 {
			for r := range tm.grid.Cells {
				for _, c := range tm.grid.Cells[r] {
					cells += c.Planned + c.OffPlan
				}
			}
		}
	}
	b.StopTimer()
	slices.Sort(durs)
	slices.Sort(views)
	ms := func(d []time.Duration, q float64) float64 {
		return float64(d[int(q*float64(len(d)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(durs, 0.50), "p50-ms")
	b.ReportMetric(ms(durs, 0.95), "p95-ms")
	b.ReportMetric(ms(views, 0.50), "view-p50-ms")
	b.ReportMetric(float64(cells), "items/page")
	b.Logf("%d clients, %d plan items; a page of this week counts %d items", clients, items, cells)
}
