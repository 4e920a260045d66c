package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"clientbase/model"
)

// BenchmarkComplaintReportYear computes the head's report for the last
// twelve months of a file of 200,000 complaints received over two years,
// 20,000 of them open (issue 5: ≤ 200 ms). The file is built once and kept
// as $TMPDIR/clientbase-complaint-report-bench-v<N>.db (or the path in
// CLIENTBASE_COMPLAINT_BENCH_DB); remove it to build it again. It is made
// by the store's bulk loads (5,000 clients, the complaints with records and
// indexes), so it is the file the store would have after registering them.
const complaintReportBenchVersion = 2

var complaintReportBenchNow = time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)

const (
	complaintReportBenchTotal   = 200_000
	complaintReportBenchOpen    = 20_000
	complaintReportBenchClients = 5_000
)

var complaintReportBench struct {
	once sync.Once
	path string
	err  error
}

func complaintReportBenchFile(b *testing.B) string {
	complaintReportBench.once.Do(func() {
		p := os.Getenv("CLIENTBASE_COMPLAINT_BENCH_DB")
		if p == "" {
			p = filepath.Join(os.TempDir(), fmt.Sprintf("clientbase-complaint-report-bench-v%d.db", complaintReportBenchVersion))
		}
		complaintReportBench.path = p
		if _, err := os.Stat(p); err == nil {
			return
		}
		tmp := p + ".building" // a build cut short is never taken for the file
		os.Remove(tmp)
		start := time.Now()
		if complaintReportBench.err = buildComplaintReportBench(tmp); complaintReportBench.err != nil {
			os.Remove(tmp)
			return
		}
		complaintReportBench.err = os.Rename(tmp, p)
		b.Logf("built %s in %v", p, time.Since(start).Round(time.Second))
	})
	if complaintReportBench.err != nil {
		b.Fatal(complaintReportBench.err)
	}
	return complaintReportBench.path
}

// benchComplaint is the i-th of the fixture's complaints (0 the oldest):
// received evenly over two years before now; the newest ones open, as a
// queue is, with a few older ones still open; the closed ones answered
// within 1–72 hours (some after their deadline).
func benchComplaint(rng *rand.Rand, cal model.WorkCalendar, i int, owners []string) model.Complaint {
	span := 2 * 365 * 24 * time.Hour
	received := complaintReportBenchNow.Add(-span + time.Duration(i)*(span/complaintReportBenchTotal)).Truncate(time.Minute)
	c := model.Complaint{Received: received, Client: model.ID(1 + rng.IntN(complaintReportBenchClients)),
		Direction: model.DirectionIncoming, Type: model.ComplaintTypes[rng.IntN(len(model.ComplaintTypes))],
		Channel: model.ChannelPhone, Description: fmt.Sprintf("complaint %d", i),
		Priority: model.Priorities[rng.IntN(3)], Claimed: model.Money{Minor: int64(rng.IntN(50_000)) * 100},
		SLA: 9 * 60 * (1 + rng.IntN(5)), Owner: owners[rng.IntN(len(owners))], Serious: rng.IntN(200) == 0}
	if rng.IntN(20) == 0 {
		c.Direction = model.DirectionOutgoing
	}
	c.Deadline = cal.Add(c.Received, c.SLA)
	// 19,819 newest and 181 older ones (every thousandth): 20,000 open
	open := i >= complaintReportBenchTotal-complaintReportBenchOpen+181 || i%1000 == 0
	if open {
		c.Status = model.ComplaintStatuses[rng.IntN(7)]
		switch c.Status {
		case model.ComplaintRegistered:
			c.Owner = ""
		case model.ComplaintWaiting:
			c.PausedAt = received.Add(time.Hour)
		case model.ComplaintAnswered, model.ComplaintRemedyDone, model.ComplaintFeedback:
			c.Answered, c.Answer = received.Add(3*time.Hour), "answered"
		}
		if c.Owner == "" && c.Status != model.ComplaintRegistered {
			c.Owner = owners[1]
		}
		if rng.IntN(30) == 0 && c.PausedAt.IsZero() {
			c.Status = model.ComplaintEscalated
			c.Escalations = []model.Escalation{{At: received, By: c.Owner, To: "volkova", Level: model.RoleHead, Reason: "bench"}}
		}
		return c
	}
	c.Status = model.ComplaintClosed
	c.Answered, c.Answer = received.Add(time.Duration(1+rng.IntN(72))*time.Hour), "answered"
	c.Closed = c.Answered.Add(24 * time.Hour)
	d := model.Decisions[rng.IntN(3)]
	cl := &model.Closing{Decision: d, Reason: model.ReasonCodes[rng.IntN(len(model.ReasonCodes))],
		Fault: model.FaultParties[rng.IntN(len(model.FaultParties))], Remedy: model.RemedyRefund}
	switch d {
	case model.DecisionFull:
		cl.Satisfied = c.Claimed
	case model.DecisionPartly:
		cl.Satisfied = model.Money{Minor: c.Claimed.Minor / 2}
	case model.DecisionRejected:
		cl.Remedy = model.RemedyNone
	}
	if rng.IntN(3) == 0 {
		j := rng.IntN(2) == 0
		cl.Justified = &j
	}
	c.Closing = cl
	return c
}

// buildComplaintReportBench makes the file through the store's bulk loads:
// the clients, then the complaints (records and all three indexes).
func buildComplaintReportBench(path string) error {
	db, err := Open(path, Options{Now: func() time.Time { return complaintReportBenchNow }})
	if err != nil {
		return err
	}
	defer db.Close()
	boss, err := db.SignIn("boss")
	if err != nil {
		return err
	}
	users := []model.User{boss, {Name: "volkova", FullName: "Ирина Волкова", Role: model.RoleHead}}
	owners := []string{""}
	for i := 1; i <= 80; i++ {
		u := model.User{Name: fmt.Sprintf("user%02d", i), FullName: fmt.Sprintf("Manager %d", i), Role: model.RoleManager}
		users = append(users, u)
		owners = append(owners, u.Name)
	}
	if _, err := BulkLoad(db, users, func(emit func(model.Client) error) error {
		for i := 1; i <= complaintReportBenchClients; i++ {
			if err := emit(newClient(fmt.Sprintf("Client %05d", i))); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	cal := model.DefaultComplaintSettings().Calendar()
	rng := rand.New(rand.NewPCG(5, 2026))
	cs := make([]model.Complaint, complaintReportBenchTotal)
	for i := range cs {
		cs[i] = benchComplaint(rng, cal, i, owners)
	}
	return db.BulkLoadComplaints(cs)
}

func BenchmarkComplaintReportYear(b *testing.B) {
	path := complaintReportBenchFile(b)
	db, err := Open(path, Options{ReadOnly: true, Now: func() time.Time { return complaintReportBenchNow }})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	u, err := db.SignIn("boss")
	if err != nil {
		b.Fatal(err)
	}
	s := db.As(u)
	to := complaintReportBenchNow
	from := to.AddDate(-1, 0, 0)
	ctx := context.Background()
	var took []time.Duration
	var r model.ComplaintReport
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		r, err = s.ComplaintReport(ctx, from, to)
		took = append(took, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
	}
	if r.Total.Received < 90_000 || r.OpenNow != complaintReportBenchOpen || r.Answered < 80_000 || r.AnsweredLate == 0 || r.OverdueNow == 0 {
		b.Fatalf("the year holds %d complaints and %d are open; the fixture is not what it should be", r.Total.Received, r.OpenNow)
	}
	b.ReportMetric(float64(r.Total.Received), "complaints")
	percentiles(b, took)
}
