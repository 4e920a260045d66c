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

// loops are the presses each session repeats, one every 200 ms, from the
// call queue; every press changes the screen. "queue" is an operator
// working the queue: down, up, space (take the next call), 2 (log "no
// answer": back to the queue), down, up, a look at the Clients tab and
// back. "tabs" switches tabs on half the presses (a whole new screen each
// time): 1, 2, down, up, take, log, 1, 2.
var loops = map[string][]string{
	"queue": {"j", "k", " ", "2", "j", "k", "1", "2"},
	"tabs":  {"1", "2", "j", "k", " ", "2", "1", "2"},
}

// BenchmarkSessions is the load: 100 operators' sessions on
// loopback, each pressing a key every 200 ms in a loop (BENCH_LOOP=queue,
// the default, or tabs) that takes and logs a call every eight presses;
// every take and log is a write the other 99 sessions hear through the
// live feed. The sessions are spread over the loop.
// Reported: keystroke → first bytes of the new frame (p50, p95, max), the
// p95 of the takes and of the logs alone, presses with no frame within 5 s,
// a take → the next redraw of a 101st session that presses nothing (seen:
// how soon the others' screens follow; the "within one second"),
// and the heap per open session (server and test clients in one process,
// so an upper bound).
// Run: go test -run - -bench Sessions -benchtime 50x ./server
func BenchmarkSessions(b *testing.B) {
	const sessions = 100
	const every = 200 * time.Millisecond
	loop := loops["queue"]
	if l := os.Getenv("BENCH_LOOP"); l != "" {
		if loop = loops[l]; loop == nil {
			b.Fatalf("BENCH_LOOP=%s: no such loop (queue, tabs)", l)
		}
	}
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
	if _, err := boss.SaveUser(model.User{Name: "watcher", FullName: "watcher", Role: model.RoleOperator}); err != nil {
		b.Fatal(err)
	}
	tm := serveDept(b, boss, Options{}, append(names, "watcher")...)
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
	for _, sc := range screens { // every loop starts on the call queue
		from := len(sc.text())
		if _, err := sc.in.Write([]byte("2")); err != nil {
			b.Fatal(err)
		}
		sc.waitTextAfter(b, from, "My queue")
	}
	time.Sleep(time.Second) // first loads settle
	runtime.GC()
	runtime.ReadMemStats(&after)
	perSession := float64(after.HeapInuse-before.HeapInuse) / sessions

	// The watcher sits on the call queue pressing nothing: its screen
	// changes only when the live feed brings the others' takes and logs.
	watcher := openTUI(b, tm.login(b, "watcher"))
	watcher.waitText(b, "Clients")
	from := len(watcher.text())
	watcher.in.Write([]byte("2"))
	watcher.waitTextAfter(b, from, "My queue")
	var seenMu sync.Mutex
	var seen []time.Time // the watcher's redraws
	stopWatch := make(chan struct{})
	go func() {
		for {
			select {
			case <-watcher.grew:
				seenMu.Lock()
				seen = append(seen, time.Now())
				seenMu.Unlock()
			case <-stopWatch:
				return
			}
		}
	}()

	var mu sync.Mutex
	var lat, takeLat, logLat []time.Duration // every press; the takes; the logs
	var taken []time.Time                    // when a take's frame came: the call is held
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
					switch {
					case key == " ":
						takeLat = append(takeLat, d)
						taken = append(taken, start.Add(d))
					case loop[(step+len(loop)-1)%len(loop)] == " ":
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
	close(stopWatch)
	seenMu.Lock()
	var reach []time.Duration // a take → the watcher's next redraw
	for _, t := range taken {
		if i, _ := slices.BinarySearchFunc(seen, t, func(a, b time.Time) int { return a.Compare(b) }); i < len(seen) {
			reach = append(reach, seen[i].Sub(t))
		}
	}
	seenMu.Unlock()
	if len(reach) > 0 {
		slices.Sort(reach)
		b.ReportMetric(float64(reach[len(reach)*95/100].Microseconds())/1000, "seen-p95-ms")
		b.ReportMetric(float64(reach[len(reach)-1].Microseconds())/1000, "seen-max-ms")
	}
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
