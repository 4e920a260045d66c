package complaints

import (
	"slices"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/uitest"
)

// BenchmarkOpenQueue opens the tab on 20,000 open complaints (of 200,000) and draws the
// first screen: New, Init (settings, users, the first page and the footer
// counts from the store) and View, as the user waits for it after 4.
func BenchmarkOpenQueue(b *testing.B) {
	s, _ := storetest.PlanDepartment(b, 2000, 10, testNow)
	db := s.DB()
	types := model.ComplaintTypes
	// the figure: 200,000 complaints, 20,000 of them open
	cs := make([]model.Complaint, 0, 200_000)
	for i := range 200_000 {
		c := model.Complaint{Direction: model.DirectionIncoming, Type: types[i%len(types)],
			Client: model.ID(1 + i%2000), Channel: model.ChannelPhone, Received: testNow.Add(-time.Duration(i%500) * time.Hour),
			Description: "bench", Priority: model.PriorityNormal, Status: model.ComplaintRegistered, Serious: i%997 == 0,
			Claimed: model.Money{Minor: int64(i) * 100}}
		if i%10 != 0 {
			c.Received = c.Received.AddDate(0, 0, -30-i%700)
			c.Status, c.Closed = model.ComplaintClosed, c.Received.Add(48*time.Hour)
			c.Closing = &model.Closing{Decision: model.DecisionRejected, Remedy: model.RemedyNone,
				Reason: model.ReasonOther, Fault: model.FaultClient}
		}
		cs = append(cs, c)
	}
	if err := db.BulkLoadComplaints(cs); err != nil {
		b.Fatal(err)
	}
	env := uitest.EnvAs(b, db, "ivanova", testNow)
	var took []time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		d := newDriver(b, env, 120, 32)
		_ = d.tab.View()
		took = append(took, time.Since(start))
		if d.tab.queue.win.Total != 20_000 {
			b.Fatalf("%d rows, want 20,000", d.tab.queue.win.Total)
		}
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
}

// BenchmarkQueueView draws a frame of a long queue: only the visible rows.
func BenchmarkQueueView(b *testing.B) {
	db, _ := department(b)
	d := newDriver(b, uitest.EnvAs(b, db, "ivanova", testNow), 120, 32)
	b.ResetTimer()
	for b.Loop() {
		_ = d.tab.View()
	}
}
