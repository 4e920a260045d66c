package orders

import (
	"sort"
	"testing"
	"time"

	"clientbase/model"
)

// BenchmarkAddLine200 adds a line to an order of 200 lines: the product and
// its price as the store answers them, the line computed, the totals
// recomputed and the screen re-rendered (80×24).
func BenchmarkAddLine200(b *testing.B) {
	sh := newShop(b, 8)
	d := newTabDriver(b, sh.as(b, "petrov"), 80, 24)
	d.run(d.m.Update(newOrderFor(sh)))
	e := d.m.Entry()
	p := sh.products[0]
	price := model.Money{Minor: 10000, Currency: "RUB"}
	for len(e.lines) < 200 {
		e.Update(lineReadyMsg{entry: e.id, product: p, price: price})
	}
	times := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		e.Update(lineReadyMsg{entry: e.id, product: p, price: price})
		_ = d.m.View()
		times = append(times, time.Since(start))
		if len(e.lines) > 201 {
			b.StopTimer()
			e.lines = e.lines[:200]
			b.StartTimer()
		}
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	ms := func(q float64) float64 {
		return float64(times[int(q*float64(len(times)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}
