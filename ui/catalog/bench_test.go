package catalog

import (
	"fmt"
	"sort"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

// BenchmarkProductSearchKeystroke is one keystroke in the product list's
// search over 100,000 products priced today: the new query, its window of
// rows, their prices in the default column, and the screen rendered.
// Reports p50/p95 per keystroke.
//
//	go test ./ui/catalog -run XXX -bench ProductSearchKeystroke -benchtime 300x
func BenchmarkProductSearchKeystroke(b *testing.B) {
	const n = 100_000
	s, boss := storetest.Department(b, 0)
	products := make([]model.Product, n)
	prices := make([]model.PriceEntry, 0, n)
	for i := range products {
		products[i] = model.Product{ID: model.ID(i + 1), SKU: fmt.Sprintf("P%06d", i+1), Name: fmt.Sprintf("Article %d bolt nut %d", i+1, i%977),
			Unit: model.UnitPiece, VAT: 2000, Active: true}
		prices = append(prices, model.PriceEntry{Product: model.ID(i + 1), Column: "retail", Price: model.Money{Minor: int64(100 + i), Currency: "RUB"}})
	}
	versions := []model.PriceVersion{{Effective: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Prices: prices}}
	if _, _, err := store.BulkLoadOrders(s.DB(), boss.Name, products, versions, func(func(model.Order, []model.Payment) error) error { return nil }); err != nil {
		b.Fatal(err)
	}
	env := common.Env{Store: s.DB().As(boss), Me: boss, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return now }}
	p := NewProducts(env)
	p.SetSize(80, 24)
	d := &driver{uitest.Owner{T: b, Pane: p}}
	d.Run(p.Init())
	d.Run(p.Update(tea.KeyPressMsg{Code: '/', Text: "/"}))
	queries := []rune("article 9")
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := queries[i%len(queries)]
		k := tea.KeyPressMsg{Code: r, Text: string(r)}
		if i%len(queries) == 0 && i > 0 {
			p.input.SetValue("")
		}
		start := time.Now()
		d.Run(p.Update(k))
		_ = p.View()
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	if p.win.Total == 0 {
		b.Fatal("the search found nothing")
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
}
