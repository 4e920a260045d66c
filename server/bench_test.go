package server

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store/storetest"
)

// BenchmarkSessions is the load: 100 operators' sessions on
// loopback, each pressing a key every 200 ms (switching between the Clients
// and Calls tabs); with BENCH_TAKES=1 every fifth press is enter on the
// Calls tab (take the call under the cursor; the 1/2 after it then log
// outcomes), so every session's live feed reloads its screens.
// Reported: keystroke → first bytes of the new frame (p50, p95, max),
// with takes the p95 of the enters alone, presses with no frame within 5 s, and the heap per open session (server
// and test clients in one process, so an upper bound).
// Run: go test -run - -bench Sessions -benchtime 20x ./server
func BenchmarkSessions(b *testing.B) {
	const sessions = 100
	const every = 200 * time.Millisecond
	takes := os.Getenv("BENCH_TAKES") != ""
	boss, _ := storetest.PlanDepartment(b, 2000, 4000, time.Now())
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
	var lat, takeLat []time.Duration // every press; the enters (takes) alone
	b.ResetTimer()
	var wg sync.WaitGroup
	for i, sc := range screens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * every / sessions) // spread the presses
			for n := range b.N {
				key := []string{"2", "1"}[n%2]
				if takes && n%5 == 4 && key == "1" {
					key = "\r" // on the Calls tab: take the call under the cursor
				}
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
					if key == "\r" {
						takeLat = append(takeLat, d)
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
	if len(takeLat) > 0 {
		slices.Sort(takeLat)
		b.ReportMetric(float64(takeLat[len(takeLat)*95/100].Microseconds())/1000, "take-p95-ms")
	}
	b.ReportMetric(float64(sessions*b.N-len(lat)), "unanswered")
	b.ReportMetric(perSession/(1<<20), "MB/session")
}
