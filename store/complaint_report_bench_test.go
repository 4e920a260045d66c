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

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// BenchmarkComplaintReportYear computes the head's report for the last
// twelve months of a file of 200,000 complaints received over two years,
// 20,000 of them open (issue 5: ≤ 200 ms). The file is built once and kept
// as $TMPDIR/clientbase-complaint-report-bench-v<N>.db (or the path in
// CLIENTBASE_COMPLAINT_BENCH_DB); remove it to build it again. It holds the
// index entries the report reads, written as the store writes them.
const complaintReportBenchVersion = 1

var complaintReportBenchNow = time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)

const (
	complaintReportBenchTotal = 200_000
	complaintReportBenchOpen  = 20_000
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
// queue is, with a few older ones still open.
func benchComplaint(rng *rand.Rand, i int, owners []string) (model.Complaint, int) {
	span := 2 * 365 * 24 * time.Hour
	received := complaintReportBenchNow.Add(-span + time.Duration(i)*(span/complaintReportBenchTotal))
	c := model.Complaint{ID: model.ID(i + 1), Received: received, Client: model.ID(1 + rng.IntN(50_000)),
		Direction: model.DirectionIncoming, Type: model.ComplaintTypes[rng.IntN(len(model.ComplaintTypes))],
		Priority: model.Priority(rng.IntN(3)), Claimed: model.Money{Minor: int64(rng.IntN(5_000_000))},
		SLA: 540 * (1 + rng.IntN(5)), Owner: owners[rng.IntN(len(owners))], Serious: rng.IntN(200) == 0}
	if rng.IntN(20) == 0 {
		c.Direction = model.DirectionOutgoing
	}
	c.Deadline = received.Add(time.Duration(c.SLA) * time.Minute * 8 / 3)
	// 19,819 newest and 181 older ones (every thousandth): 20,000 open
	open := i >= complaintReportBenchTotal-complaintReportBenchOpen+181 || i%1000 == 0
	if open {
		c.Status = model.ComplaintStatuses[rng.IntN(7)]
		if c.Status == model.ComplaintRegistered {
			c.Owner = ""
		}
		if c.Status == model.ComplaintWaiting {
			c.PausedAt = received.Add(time.Hour)
		}
		if rng.IntN(30) == 0 {
			c.Status = model.ComplaintEscalated
			c.Escalations = []model.Escalation{{By: c.Owner, To: "volkova", Level: model.RoleHead, Reason: "bench"}}
		}
		return c, 0
	}
	c.Status = model.ComplaintClosed
	d := model.Decisions[rng.IntN(3)]
	cl := &model.Closing{Decision: d, Reason: model.ReasonCodes[rng.IntN(len(model.ReasonCodes))],
		Fault: model.FaultParties[rng.IntN(len(model.FaultParties))], Remedy: model.RemedyRefund}
	switch d {
	case model.DecisionFull:
		cl.Satisfied = c.Claimed
	case model.DecisionPartly:
		cl.Satisfied = model.Money{Minor: c.Claimed.Minor / 2}
	}
	if rng.IntN(3) == 0 {
		j := rng.IntN(2) == 0
		cl.Justified = &j
	}
	c.Closing = cl
	return c, 1 + rng.IntN(c.SLA*3/2)
}

func buildComplaintReportBench(path string) error {
	db, err := Open(path, Options{Now: func() time.Time { return complaintReportBenchNow }})
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.SignIn("boss"); err != nil {
		return err
	}
	owners := []string{""}
	for i := 1; i <= 80; i++ {
		owners = append(owners, fmt.Sprintf("user%02d", i))
	}
	rng := rand.New(rand.NewPCG(5, 2026))
	const batch = 20_000
	for start := 0; start < complaintReportBenchTotal; start += batch {
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			recv, queue := tx.Bucket(bucketComplaintReceived), tx.Bucket(bucketComplaintQueue)
			recv.FillPercent, queue.FillPercent = 1, 0.9
			for i := start; i < min(start+batch, complaintReportBenchTotal); i++ {
				c, answer := benchComplaint(rng, i, owners)
				s := summarize(&c, answer)
				s.Late = answer > c.SLA
				v := s.encode()
				if err := recv.Put(complaintReceivedKey(&c), v); err != nil {
					return err
				}
				if c.Status != model.ComplaintClosed {
					if err := queue.Put(complaintQueueKey(&c), v); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
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
	if r.Total.Received < 90_000 || r.OpenNow != complaintReportBenchOpen {
		b.Fatalf("the year holds %d complaints and %d are open; the fixture is not what it should be", r.Total.Received, r.OpenNow)
	}
	b.ReportMetric(float64(r.Total.Received), "complaints")
	percentiles(b, took)
}
