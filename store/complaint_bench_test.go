package store

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The queue's benchmarks run on the report's fixture
// (complaint_report_bench_test.go: 200,000 complaints, 20,000 open, 5,000
// clients, 80 managers; built once into $TMPDIR or
// CLIENTBASE_COMPLAINT_BENCH_DB). Issue 5: the queue's first screen ≤ 50 ms,
// the next complaint ≤ 10 ms p95.
//
//	go test ./store -run '^$' -bench 'ComplaintQueue|NextComplaint' -benchtime 2s

func openComplaintBench(b *testing.B, path string, ro bool) *DB {
	db, err := Open(path, Options{ReadOnly: ro, Now: func() time.Time { return complaintReportBenchNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkComplaintQueue opens the queue's first screen (40 rows and the
// total) as a manager: all open, mine, overdue, and the closed list.
func BenchmarkComplaintQueue(b *testing.B) {
	db := openComplaintBench(b, complaintReportBenchFile(b), true)
	u, err := db.SignIn("user01")
	if err != nil {
		b.Fatal(err)
	}
	s := db.As(u)
	for _, tc := range []struct {
		name string
		f    model.ComplaintFilter
	}{
		{"open", model.ComplaintFilter{}},
		{"mine", model.ComplaintFilter{Mine: true}},
		{"overdue", model.ComplaintFilter{Overdue: true}},
		{"closed", model.ComplaintFilter{Status: model.ComplaintClosed}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			ctx := context.Background()
			var took []time.Duration
			var page model.ComplaintPage
			b.ReportAllocs()
			for b.Loop() {
				start := time.Now()
				page, err = s.Complaints(ctx, tc.f, 0, 40)
				took = append(took, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
			}
			if len(page.Rows) != 40 || (tc.name == "open" && page.Total != complaintReportBenchOpen) {
				b.Fatalf("first screen: %d rows of %d", len(page.Rows), page.Total)
			}
			b.ReportMetric(float64(page.Total), "matches")
			percentiles(b, took)
		})
	}
}

// BenchmarkNextComplaint pulls the next complaint again and again, each
// time for the next of 8 managers, on a private copy of the fixture: each
// pull walks past the ones taken before it, as the day goes. When the
// copy's ~2,800 unassigned complaints are all taken a fresh copy is made
// (outside the timing).
func BenchmarkNextComplaint(b *testing.B) {
	src := complaintReportBenchFile(b)
	dir := b.TempDir()
	var sessions []*Session
	var db *DB
	fresh := func() {
		if db != nil {
			db.Close()
		}
		dst := filepath.Join(dir, "complaints.db")
		copyFile(b, src, dst)
		db = openComplaintBench(b, dst, false)
		sessions = sessions[:0]
		for _, name := range []string{"user01", "user02", "user03", "user04", "user05", "user06", "user07", "user08"} {
			u, err := db.SignIn(name)
			if err != nil {
				b.Fatal(err)
			}
			sessions = append(sessions, db.As(u))
		}
	}
	fresh()
	var took []time.Duration
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		_, err := sessions[i%len(sessions)].NextComplaint()
		d := time.Since(start)
		i++
		if errors.Is(err, model.ErrNotFound) {
			b.StopTimer()
			fresh()
			b.StartTimer()
			continue
		}
		took = append(took, d)
		if err != nil {
			b.Fatal(err)
		}
	}
	percentiles(b, took)
}

// BenchmarkComplaintCommitFloor is the least a durable change costs on
// this disk on the same file (one small value: the page and the meta
// page, two fsyncs); NextComplaint's figures are this and its own work.
func BenchmarkComplaintCommitFloor(b *testing.B) {
	dst := filepath.Join(b.TempDir(), "complaints.db")
	copyFile(b, complaintReportBenchFile(b), dst)
	db := openComplaintBench(b, dst, false)
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

func copyFile(b *testing.B, src, dst string) {
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
