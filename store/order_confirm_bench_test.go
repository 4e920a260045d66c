package store

import (
	"fmt"
	"testing"
	"time"

	"clientbase/model"
)

// BenchmarkConfirmOrder50 confirms a draft of 50 lines: one transaction
// with fsync that reads the order, runs the discount check and the credit
// gate (the client's receivables), and writes the order, its index entries
// and the audit entry. The drafts are written with the timer stopped.
func BenchmarkConfirmOrder50(b *testing.B) {
	d := &orderDept{planDept: newPlanDept(b)}
	v := model.PriceVersion{Effective: planT0.AddDate(0, -1, 0)}
	var products []model.Product
	for i := 0; i < 50; i++ {
		p := mustProduct(b, d.boss, model.Product{SKU: fmt.Sprintf("B-%03d", i), Name: fmt.Sprintf("Bench product %d", i),
			Unit: model.Units[i%3], VAT: 2000, Active: true})
		products = append(products, p)
		v.Prices = append(v.Prices, model.PriceEntry{Product: p.ID, Column: "retail", Price: model.Money{Minor: int64(1000 + 37*i)}})
	}
	if _, _, err := d.boss.SavePriceVersion(v, 0); err != nil {
		b.Fatal(err)
	}
	draft := func() model.Order {
		o := model.Order{Client: d.vilnius.ID, TakenBy: "petrov", Channel: model.OrderByPhone}
		for i, p := range products {
			o.Lines = append(o.Lines, model.OrderLine{Product: p.ID, Qty: qty(int64(1 + i%7)), Discount: model.Rate(i % 3 * 100)})
		}
		return mustOrder(b, d.petrov, o)
	}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		o := draft()
		b.StartTimer()
		t0 := time.Now()
		got, err := d.petrov.SubmitOrder(o.ID, o.Version)
		times = append(times, time.Since(t0))
		if err != nil || got.Status != model.OrderConfirmed {
			b.Fatalf("%s %v", got.Status, err)
		}
	}
	b.StopTimer()
	reportPercentiles(b, times)
}
