package search

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/model/demo"
)

// go test ./store/search -run '^$' -bench 'Query(Demo)?1M$' -benchtime 30x -count 2
// go test ./store/search -run '^$' -bench '(Build|Heap)(Demo)?1M$' -benchtime 20x
// go test ./store/search -run '^$' -bench 'Upsert1M$' -benchtime 3000x
//
// On a shared machine whole runs of the query benchmarks have come out up
// to twice slower than a quiet run; -count 2 shows whether a run was quiet.

// The 1M benchmarks run on this package's generator; the Demo1M ones on
// model/demo's clients (what `--demo` and the store's benchmarks use).

func BenchmarkBuild1M(b *testing.B)     { benchBuild(b, million()) }
func BenchmarkBuildDemo1M(b *testing.B) { benchBuild(b, demoMillion()) }
func BenchmarkQuery1M(b *testing.B)     { benchQueries(b, million()) }
func BenchmarkQueryDemo1M(b *testing.B) { benchQueries(b, demoMillion()) }
func BenchmarkHeap1M(b *testing.B)      { benchHeap(b, million()) }
func BenchmarkHeapDemo1M(b *testing.B)  { benchHeap(b, demoMillion()) }

func benchBuild(b *testing.B, es *dataset) {
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		ix := es.build()
		if ix.Len() != len(es.ids) {
			b.Fatalf("Len %d", ix.Len())
		}
	}
}

func benchQueries(b *testing.B, es *dataset) {
	ix := es.build()
	runtime.GC()
	cases := []struct{ name, text string }{
		{"latin-1-letter", "a"},
		{"latin-word", "baltic"},
		{"latin-2-letters", "ta"},
		{"cyrillic-word", "текстиль"},
		{"cyrillic-name", "иванов"},
		{"cyrillic-1-letter", "о"},
		{"cyrillic-2-letters", "ст"},
		{"phone-digits", "912 345"},
		{"phone-8-prefix", "8 (912) 345-67"},
		{"tax-id", "7701"},
		{"multi-word", "текстиль северный"},
		{"lithuanian", "šiauliai"},
		{"cyrillic-yo", "семёнов"},
		{"one-digit", "5"},
		{"two-digits", "12"},
		{"three-digits", "912"},
		{"at-sign", "@"},
		{"email-part", "@baltic"},
		{"empty", ""},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			f := model.ClientFilter{Text: tc.text}
			var durs []time.Duration
			matches := 0
			for b.Loop() {
				t0 := time.Now()
				r, err := ix.Query(context.Background(), f, 0)
				durs = append(durs, time.Since(t0))
				if err != nil {
					b.Fatal(err)
				}
				matches = r.Len()
			}
			reportPercentiles(b, durs)
			b.ReportMetric(float64(matches), "matches")
		})
	}
}

func reportPercentiles(b *testing.B, durs []time.Duration) {
	slices.Sort(durs)
	at := func(p float64) float64 {
		return float64(durs[int(p*float64(len(durs)-1))]) / 1e6
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
}

func benchHeap(b *testing.B, es *dataset) {
	var ix *Index
	var before, built, updated runtime.MemStats
	for b.Loop() {
		ix = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix = es.build()
		runtime.GC()
		runtime.ReadMemStats(&built)
		// The first save adds the name-order and id arrays (8 MB at 1M).
		ix.Upsert(es.ids[0], ClientBlob(&model.Client{ShortName: "Аврора"}, 0), func(uint64) bool { return true })
		runtime.GC()
		runtime.ReadMemStats(&updated)
	}
	b.ReportMetric(float64(built.HeapAlloc-before.HeapAlloc)/1e6, "MB")
	b.ReportMetric(float64(updated.HeapAlloc-before.HeapAlloc)/1e6, "MB-after-save")
	b.ReportMetric(float64(ix.arenaBytes)/float64(ix.live), "arena-B/client")
	runtime.KeepAlive(ix)
}

// BenchmarkUpsert1M times saving one changed client into a built index of a
// million (tombstone, append, place by binary search), compactions included
// as they fall due.
func BenchmarkUpsert1M(b *testing.B) {
	es := million()
	ix := es.build()
	rank := make(map[uint64]int, len(es.ids))
	for i, id := range es.ids {
		rank[id] = 2 * i // room between neighbours for moved entries
	}
	blob := func(i int) []byte {
		start := uint32(0)
		if i > 0 {
			start = es.ends[i-1]
		}
		return es.blobs[start:es.ends[i]]
	}
	i := 0
	var durs []time.Duration
	for b.Loop() {
		// Move a client to a new place in the name order, as a rename does.
		k := (i * 7919) % len(es.ids)
		to := (i*104729)%(2*len(es.ids)) | 1
		id := es.ids[k]
		t0 := time.Now()
		ix.Upsert(id, blob(k), func(other uint64) bool { return to < rank[other] })
		durs = append(durs, time.Since(t0))
		rank[id] = to
		i++
	}
	reportPercentiles(b, durs)
}

// BenchmarkClientBlob times making one client's blob, as the bulk load does
// for every client (ns/op and allocs are per client).
//
//	go test ./store/search -run '^$' -bench 'ClientBlob$' -benchmem
func BenchmarkClientBlob(b *testing.B) {
	var cs []model.Client
	if err := demo.Clients(1, 20000, func(c model.Client) error { cs = append(cs, c); return nil }); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i, size := 0, 0
	for b.Loop() {
		size += len(ClientBlob(&cs[i], 7))
		if i++; i == len(cs) {
			i = 0
		}
	}
	b.ReportMetric(float64(size)/float64(b.N), "blob-B")
}
