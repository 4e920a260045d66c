package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
	"clientbase/model/demo"
)

// The schedule's benchmarks run on one file of 1,000,000 clients and
// 1,000,000 plan items with ~1,000,000 interactions (~100 users, a year
// around planBenchNow). It is built once and kept as
// $TMPDIR/clientbase-bench-plan-v<planBenchVersion>.db (or the path in
// CLIENTBASE_BENCH_PLAN_DB) so later runs start at once; remove it with
//
//	rm "$(go env GOTMPDIR || echo /tmp)"/clientbase-bench-plan-v*.db
//
// (plain /tmp unless TMPDIR is set). Benchmarks that write work on a copy
// in their b.TempDir(), so every run starts from the same plan. Bump
// planBenchVersion when the generator changes (2: no open items for
// archived clients).
const planBenchVersion = 3

// planBenchNow is the store clock of the benchmark file: a Monday morning
// inside every demo client's working hours but the far east's, so taking
// a call measures the usual path (and the same one on every run).
var planBenchNow = time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)

var planBench struct {
	once sync.Once
	path string
	err  error
}

// planBenchFile returns the cached benchmark file, building it when missing.
func planBenchFile(b *testing.B) string {
	planBench.once.Do(func() {
		p := os.Getenv("CLIENTBASE_BENCH_PLAN_DB")
		if p == "" {
			p = filepath.Join(os.TempDir(), fmt.Sprintf("clientbase-bench-plan-v%d.db", planBenchVersion))
		}
		planBench.path = p
		if _, err := os.Stat(p); err == nil {
			return
		}
		// Built under another name, so a build cut short is never taken for the file.
		tmp := p + ".building"
		os.Remove(tmp)
		start := time.Now()
		if planBench.err = buildPlanBench(tmp); planBench.err != nil {
			os.Remove(tmp)
			return
		}
		planBench.err = os.Rename(tmp, p)
		b.Logf("built %s in %v", p, time.Since(start).Round(time.Second))
	})
	if planBench.err != nil {
		b.Fatal(planBench.err)
	}
	return planBench.path
}

// planBenchCopy is a private copy of the benchmark file for a benchmark that writes.
func planBenchCopy(b *testing.B) string {
	src := planBenchFile(b)
	dst := filepath.Join(b.TempDir(), "plan.db")
	copyFile(b, src, dst)
	return dst
}

// planBenchStaff is the demo staff and 64 operators and 16 managers more.
func planBenchStaff() (users []model.User, operators, managers []string) {
	users = demo.Users()
	for i := 1; i <= 64; i++ {
		users = append(users, model.User{Name: fmt.Sprintf("op%02d", i), FullName: fmt.Sprintf("Operator %d", i), Role: model.RoleOperator})
	}
	for i := 1; i <= 16; i++ {
		users = append(users, model.User{Name: fmt.Sprintf("mgr%02d", i), FullName: fmt.Sprintf("Manager %d", i), Role: model.RoleManager})
	}
	for _, u := range users {
		switch u.Role {
		case model.RoleOperator:
			operators = append(operators, u.Name)
		case model.RoleManager:
			managers = append(managers, u.Name)
		}
	}
	return users, operators, managers
}

func buildPlanBench(path string) error {
	db, err := Open(path, Options{Now: func() time.Time { return planBenchNow }})
	if err != nil {
		return err
	}
	defer db.Close()
	_, gen, opts := departmentWith(1_000_000)
	staff, operators, managers := planBenchStaff()
	if _, err := BulkLoadWith(db, staff, opts, gen); err != nil {
		return err
	}
	archived := archivedClients(db)
	_, _, err = BulkLoadPlan(db, staff[0].Name, func(emit func(model.PlanItem, []model.Interaction) error) error {
		return benchPlan(1_000_000, 1_000_000, planBenchNow, operators, managers, archived, emit)
	})
	return err
}

// benchPlan emits n items over clients 1–clients, due 9:00–17:45 UTC on
// the days from 330 before now to 35 after: a quarter in the operators'
// pool, past items mostly done (a quarter of them after a "no answer"),
// some cancelled, a few still open (overdue), an eighth off-plan calls;
// future ones planned. About one interaction per item. An item left open
// for a client in archived is cancelled instead (an archived client has no
// open items), with no other draw, so the rest of the plan is the same.
func benchPlan(clients, n int, now time.Time, operators, managers []string, archived map[model.ID]bool, emit func(model.PlanItem, []model.Interaction) error) error {
	r := rand.New(rand.NewPCG(11, 13))
	day := now.Truncate(24 * time.Hour)
	outcomes := []model.Outcome{model.OutcomeReached, model.OutcomeReached, model.OutcomeOrderTaken, model.OutcomeRefused, model.OutcomePromisedToPay, model.OutcomeCallBack}
	for i := range n {
		client := model.ID(1 + r.IntN(clients))
		due := day.AddDate(0, 0, r.IntN(366)-330).Add(time.Duration(9*60+15*r.IntN(36)) * time.Minute)
		p := model.PlanItem{
			Kind: model.PlanCall, Client: client, Due: due,
			Purpose:  model.Purposes[r.IntN(len(model.Purposes))],
			Priority: model.Priorities[r.IntN(len(model.Priorities))],
			Origin:   []model.Origin{model.OriginManual, model.OriginWeeklyPlan, model.OriginOverdueDebt, model.OriginContractExpiry}[r.IntN(4)],
			Status:   model.PlanPlanned,
		}
		switch x := r.IntN(20); {
		case x < 5:
			p.Assignee = ""
		case x < 16:
			p.Assignee = operators[r.IntN(len(operators))]
		default:
			p.Assignee = managers[r.IntN(len(managers))]
			if r.IntN(4) == 0 {
				p.Kind, p.Address = model.PlanVisit, fmt.Sprintf("Gedimino pr. %d, Vilnius", 1+i%300)
			}
		}
		doer := p.Assignee
		if doer == "" {
			doer = operators[i%len(operators)]
		}
		p.CreatedAt = due.Add(-96 * time.Hour)
		if p.CreatedAt.After(now) {
			p.CreatedAt = now.Add(-time.Hour)
		}
		var ixs []model.Interaction
		ix := func(at time.Time, o model.Outcome) model.Interaction {
			if at.After(now) {
				at = now
			}
			ch := model.ChannelPhone
			if p.Kind == model.PlanVisit {
				ch = model.ChannelVisit
			}
			return model.Interaction{At: at, Channel: ch, Direction: model.DirOutgoing, Client: client, User: doer, Outcome: o}
		}
		if due.Before(now) {
			switch x := r.IntN(100); {
			case x < 2: // still open: overdue
			case x < 8:
				p.Status, p.CancelReason = model.PlanCancelled, "client asked not to call this month"
			case x < 20:
				p.Assignee = doer // an off-plan call is its maker's
				p.Origin, p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.OriginOffPlan, model.PlanDone, due, doer, 1
				in := ix(due, model.OutcomeReached)
				in.Direction = model.DirIncoming
				ixs = append(ixs, in)
			default:
				at := due.Add(time.Duration(r.IntN(40)) * time.Minute)
				if r.IntN(4) == 0 && p.Kind == model.PlanCall {
					ixs = append(ixs, ix(at, model.OutcomeNoAnswer))
					at = at.Add(2 * time.Hour)
				}
				ixs = append(ixs, ix(at, outcomes[r.IntN(len(outcomes))]))
				p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.PlanDone, ixs[len(ixs)-1].At, doer, len(ixs)
			}
		}
		if p.Open() && archived[client] {
			p.Status, p.CancelReason = model.PlanCancelled, "the client was archived"
		}
		if err := emit(p, ixs); err != nil {
			return err
		}
	}
	return nil
}

// archivedClients is the set of db's archived clients, for benchPlan.
func archivedClients(db *DB) map[model.ID]bool {
	out := map[model.ID]bool{}
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketClientArchived).ForEach(func(k, _ []byte) error {
			out[model.ID(btoi(k))] = true
			return nil
		})
	})
	return out
}

// percentiles reports the p50 and p95 of took in milliseconds.
func percentiles(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	pct := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
}

// planBenchSessions opens path at planBenchNow and signs in names.
func planBenchSessions(b *testing.B, path string, ro bool, names []string) (*DB, []*Session) {
	db, err := Open(path, Options{ReadOnly: ro, Now: func() time.Time { return planBenchNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	var ss []*Session
	for _, n := range names {
		u, err := db.SignIn(n)
		if err != nil {
			b.Fatal(err)
		}
		ss = append(ss, db.As(u))
	}
	return db, ss
}

// BenchmarkBulkLoadPlan1M loads 1M items and ~1M interactions into an
// empty plan (clients are not needed by the loader beyond their ids).
func BenchmarkBulkLoadPlan1M(b *testing.B) {
	staff, operators, managers := planBenchStaff()
	var elapsed time.Duration
	var records int
	for b.Loop() {
		b.StopTimer()
		db, err := Open(filepath.Join(b.TempDir(), "plan.db"), Options{Now: func() time.Time { return planBenchNow }})
		if err != nil {
			b.Fatal(err)
		}
		if err := db.bulkUsers(staff, "bench"); err != nil {
			b.Fatal(err)
		}
		_ = db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketClients).SetSequence(1_000_000) })
		b.StartTimer()
		start := time.Now()
		items, ixs, err := BulkLoadPlan(db, "bench", func(emit func(model.PlanItem, []model.Interaction) error) error {
			return benchPlan(1_000_000, 1_000_000, planBenchNow, operators, managers, nil, emit)
		})
		elapsed += time.Since(start)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		records = items + ixs
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(records), "records")
	b.ReportMetric(float64(records)*float64(b.N)/elapsed.Seconds(), "records/s")
}

// BenchmarkTakeNext1M: an operator takes the next call (queue, hold,
// context in one write transaction with fsync); operators take turns, and
// each call is let go after (outside the timing) so the queues stay full.
func BenchmarkTakeNext1M(b *testing.B) {
	_, operators, _ := planBenchStaff()
	_, ss := planBenchSessions(b, planBenchCopy(b), false, operators)
	var took []time.Duration
	i := 0
	for b.Loop() {
		s := ss[i%len(ss)]
		i++
		start := time.Now()
		cc, err := s.TakeNext()
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatalf("%s: %v", s.me.Name, err)
		}
		b.StopTimer()
		if err := s.Release(cc.Item.ID); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	percentiles(b, took)
}

// BenchmarkLogOutcome1M: an operator logs "no answer" on the call they
// took (outside the timing); the retry policy plans it again, all in one
// transaction with fsync.
func BenchmarkLogOutcome1M(b *testing.B) {
	_, operators, _ := planBenchStaff()
	_, ss := planBenchSessions(b, planBenchCopy(b), false, operators)
	var took []time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		s := ss[i%len(ss)]
		i++
		cc, err := s.TakeNext()
		if err != nil {
			b.Fatalf("%s: %v", s.me.Name, err)
		}
		ix := model.Interaction{Client: cc.Client.ID, PlanItem: cc.Item.ID, Channel: model.ChannelPhone,
			Direction: model.DirOutgoing, Phone: cc.Dial.E164, Outcome: model.OutcomeNoAnswer}
		b.StartTimer()
		start := time.Now()
		_, err = s.LogOutcome(ix)
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatalf("%s on item %d: %v", s.me.Name, cc.Item.ID, err)
		}
	}
	percentiles(b, took)
}

// BenchmarkGrid30x7: the supervisor's counts for 30 people × 7 days (the
// week of planBenchNow), from the index alone.
func BenchmarkGrid30x7(b *testing.B) {
	staff, operators, managers := planBenchStaff()
	_, ss := planBenchSessions(b, planBenchFile(b), true, []string{staff[0].Name})
	people := append(slices.Clone(operators[:20]), managers[:10]...)
	week := make([]time.Time, 7)
	for d := range week {
		week[d] = planBenchNow.Truncate(24*time.Hour).AddDate(0, 0, d)
	}
	var took []time.Duration
	var sum int
	for b.Loop() {
		start := time.Now()
		g, err := ss[0].Grid(people, week)
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		sum = 0
		for _, row := range g.Cells {
			for _, c := range row {
				sum += c.Planned + c.OffPlan
			}
		}
	}
	if sum == 0 {
		b.Fatal("an empty grid: the benchmark file has no plan this week")
	}
	b.ReportMetric(float64(sum), "items")
	percentiles(b, took)
}

// BenchmarkWeek1M: a manager's week view (PlanItems over 7 days, records
// and client names decoded).
func BenchmarkWeek1M(b *testing.B) {
	_, _, managers := planBenchStaff()
	_, ss := planBenchSessions(b, planBenchFile(b), true, managers)
	from := planBenchNow.Truncate(24 * time.Hour)
	var took []time.Duration
	rows, i := 0, 0
	for b.Loop() {
		s := ss[i%len(ss)]
		i++
		start := time.Now()
		got, err := s.PlanItems(s.me.Name, from, from.AddDate(0, 0, 7))
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		rows = len(got)
	}
	b.ReportMetric(float64(rows), "rows")
	percentiles(b, took)
}

// BenchmarkCommitFloor1M is the least a durable change costs on this disk:
// a write transaction of one small value on the benchmark file (bbolt
// writes the page and its meta page, two fsyncs). LogOutcome's and
// TakeNext's figures are this much and their own work.
func BenchmarkCommitFloor1M(b *testing.B) {
	db, _ := planBenchSessions(b, planBenchCopy(b), false, nil)
	var took []time.Duration
	i := uint64(0)
	for b.Loop() {
		i++
		start := time.Now()
		err := db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("bench_floor"), itob(i)) })
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
	}
	percentiles(b, took)
}

// BenchmarkAdherence30Month: planned vs done for 30 people over the month
// before planBenchNow (the supervisor's adherence panel), from the index alone.
func BenchmarkAdherence30Month(b *testing.B) {
	staff, operators, managers := planBenchStaff()
	_, ss := planBenchSessions(b, planBenchFile(b), true, []string{staff[0].Name})
	people := append(slices.Clone(operators[:20]), managers[:10]...)
	to := planBenchNow.Truncate(24 * time.Hour)
	var took []time.Duration
	planned := 0
	for b.Loop() {
		start := time.Now()
		got, err := ss[0].Adherence(people, to.AddDate(0, -1, 0), to)
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		planned = 0
		for _, a := range got {
			planned += a.Planned
		}
	}
	b.ReportMetric(float64(planned), "planned")
	percentiles(b, took)
}
