package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// benchCatalogue writes n products in one transaction through the store's
// own writer (putProduct): names from a textile and hardware vocabulary,
// Latin and Cyrillic, one in ten inactive.
func benchCatalogue(b *testing.B, n int) *Session {
	b.Helper()
	db, err := Open(tempPath(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	u, err := db.SignIn("boss")
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"cotton", "linen", "silk", "wool", "fabric", "white", "black", "red", "chair", "table",
		"lamp", "screw", "nail", "bolt", "oak", "pine", "ткань", "хлопок", "гвозди", "шуруп", "белый", "стол",
		"stalas", "kėdė", "šviestuvas", "velvet", "denim", "satin", "stripe", "check"}
	prefixes := []string{"TX", "HW", "FU", "LM", "NL"}
	r := rand.New(rand.NewPCG(1, 2))
	// batches of 5,000: bbolt splits nodes only at commit, so one huge
	// transaction spends its time moving elements of ever larger nodes
	for start := 0; start < n; start += 5000 {
		err = db.bolt.Update(func(tx *bolt.Tx) error {
			for i := start; i < min(start+5000, n); i++ {
				name := words[r.IntN(len(words))] + " " + words[r.IntN(len(words))] + " " + words[r.IntN(len(words))] + fmt.Sprintf(" %d cm", 10+r.IntN(300))
				p := model.Product{SKU: fmt.Sprintf("%s-%06d", prefixes[i%len(prefixes)], i), Name: name,
					Unit: model.Units[i%3], VAT: 2000, Active: i%10 != 0}
				if _, err := db.putProduct(tx, 0, &p, "boss", 0); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return db.As(u)
}

// BenchmarkProductLookup100k: one keystroke in the product lookup — each
// prefix of what a person types ("c", "co", … "cotton whi", SKU parts) —
// among 100,000 products, answering the first 50 rows and the total.
func BenchmarkProductLookup100k(b *testing.B) {
	t0 := time.Now()
	s := benchCatalogue(b, 100_000)
	b.Logf("catalogue written in %v", time.Since(t0))
	ctx := context.Background()
	t0 = time.Now()
	defer func() { b.Logf("loaded in %v", time.Since(t0)) }()
	if _, err := s.Products(ctx, "", false, 0, 50); err != nil { // the first use loads the catalogue
		b.Fatal(err)
	}
	var queries []string
	for _, typed := range []string{"cotton whi", "TX-0012", "гвозди бел", "kėdė", "oak table 15", "a", "e"} {
		for i := 1; i <= len([]rune(typed)); i++ {
			queries = append(queries, string([]rune(typed)[:i]))
		}
	}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		p, err := s.Products(ctx, queries[i%len(queries)], false, 0, 50)
		times = append(times, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		_ = p
	}
	reportPercentiles(b, times)
}

// reportPercentiles reports the p50 and p95 of times in milliseconds.
func reportPercentiles(b *testing.B, times []time.Duration) {
	if len(times) == 0 {
		return
	}
	slices.Sort(times)
	at := func(q float64) float64 {
		return float64(times[int(q*float64(len(times)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50_ms")
	b.ReportMetric(at(0.95), "p95_ms")
}

// BenchmarkSaveProduct100k: the director renames a product in a loaded
// catalogue of 100,000 — the fsynced save and the copy-on-write update of
// the catalogue in memory.
func BenchmarkSaveProduct100k(b *testing.B) {
	s := benchCatalogue(b, 100_000)
	if err := s.DB().LoadCatalogue(); err != nil {
		b.Fatal(err)
	}
	p, err := s.ProductBySKU("TX-000005")
	if err != nil {
		b.Fatal(err)
	}
	times := make([]time.Duration, 0, b.N)
	for i := 0; b.Loop(); i++ {
		p.Name = fmt.Sprintf("Cotton fabric %d", i)
		t0 := time.Now()
		if p, err = s.SaveProduct(p); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	reportPercentiles(b, times)
}
