package model_test

import (
	"testing"

	"clientbase/model"
	"clientbase/model/demo"
)

func demoClients(b *testing.B, n int) []model.Client {
	out := make([]model.Client, 0, n)
	if err := demo.Clients(42, n, func(c model.Client) error { out = append(out, c); return nil }); err != nil {
		b.Fatal(err)
	}
	return out
}

// PrepareClient runs on every client of a bulk import, so its cost per
// client bounds the import rate.
func BenchmarkPrepareClient(b *testing.B) {
	clients := demoClients(b, 10000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := clients[i%len(clients)]
		if ve := model.PrepareClient(&c); ve != nil {
			b.Fatal(ve)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "clients/s")
}

func BenchmarkNameSkeleton(b *testing.B) {
	clients := demoClients(b, 1000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = model.NameSkeleton(clients[i%len(clients)].ShortName)
		i++
	}
}

func BenchmarkParsePhone(b *testing.B) {
	raws := []string{"+7 912 345-67-89", "8 (912) 345-67-89", "89123456789", "(8 5) 212 3456"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_, _ = model.ParsePhone(raws[i%len(raws)], "RU")
		i++
	}
}
