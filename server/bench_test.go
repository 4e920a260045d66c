package server

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store/storetest"
)

// BenchmarkSessions is the load: 100 operators' sessions on
// loopback, each pressing a key every 200 ms in an operator's loop of eight:
// 2 (the Calls tab), j, k, 1 (Clients), 2, space (take the next call),
// 2 (log "no answer": back to the queue), 1. Every press changes the screen,
// and every take and log is a write the other 99 sessions hear through the
// live feed and reload for.
// Reported: keystroke → first bytes of the new frame (p50, p95, max), the
// p95 of the takes and of the logs alone, presses with no frame within 5 s,
// the calls taken, and the heap per open session (server and test clients
// in one process, so an upper bound).
// Run: go test -run - -bench Sessions -benchtime 50x ./server
func BenchmarkSessions(b *testing.B) {
	const sessions = 100
	const every = 200 * time.Millisecond
	loop := []string{"2", "j", "k", "1", "2", " ", "2", "1"}
	// Wednesday 12:00 in Moscow: the store's clock stands inside working
	// hours, and the plan is big enough to keep ~1,000 calls due in the pool.
	boss, _ := storetest.PlanDepartment(b, 2000, 100000, time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC))
	names := make([]string, sessions)
	for i := range names {
		names[i] = fmt.Sprintf("op%03d", i)
		if _, err := boss.SaveUser(model.User{Name: names[i], FullName: names[i], Role: model.RoleOperator}); err != nil {
			b.Fatal(err)
		}
	}
	tm := serveDept(b, boss, Options{}, names...)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	screens := make([]*screen, sessions)
	for i, name := range names {
		screens[i] = openTUI(b, tm.login(b, name))
	}
	for _, sc := range screens {
		sc.waitText(b, "Clients")
	}
	time.Sleep(time.Second) // first loads settle
	runtime.GC()
	runtime.ReadMemStats(&after)
	perSession := float64(after.HeapInuse-before.HeapInuse) / sessions

	var mu sync.Mutex
	var lat, takeLat, logLat []time.Duration // every press; the takes; the logs
	b.ResetTimer()
	var wg sync.WaitGroup
	for i, sc := range screens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * every * time.Duration(len(loop)) / sessions) // spread the sessions over the loop
			for n := range b.N {
				step := n % len(loop)
				key := loop[step]
				select {
				case <-sc.grew:
				default:
				}
				start := time.Now()
				if _, err := sc.in.Write([]byte(key)); err != nil {
					return
				}
				select {
				case <-sc.grew:
					d := time.Since(start)
					mu.Lock()
					lat = append(lat, d)
					switch step {
					case 5:
						takeLat = append(takeLat, d)
					case 6:
						logLat = append(logLat, d)
					}
					mu.Unlock()
				case <-time.After(5 * time.Second):
				}
				time.Sleep(max(0, every-time.Since(start)))
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
		b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
	}
	for name, l := range map[string][]time.Duration{"take-p95-ms": takeLat, "log-p95-ms": logLat} {
		if len(l) > 0 {
			slices.Sort(l)
			b.ReportMetric(float64(l[len(l)*95/100].Microseconds())/1000, name)
		}
	}
	b.ReportMetric(float64(sessions*b.N-len(lat)), "unanswered")
	b.ReportMetric(perSession/(1<<20), "MB/session")
}
