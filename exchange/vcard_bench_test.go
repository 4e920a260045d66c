package exchange

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
)

// BenchmarkExportVCards writes 100,000 clients' 200,000 contact persons as
// vCard 3.0 (the export's share: the store's walk and the encoder).
func BenchmarkExportVCards(b *testing.B) {
	const clients = 100_000
	db, err := store.Open(filepath.Join(b.TempDir(), "clientbase.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	boss, err := db.SignIn("boss")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := store.BulkLoad(db, []model.User{boss}, func(emit func(model.Client) error) error {
		for i := 1; i <= clients; i++ {
			c := storetest.Client(i)
			c.Contacts = []model.Contact{
				{ID: 1, Name: "Ольга Иванова", Position: "Главный бухгалтер", Email: fmt.Sprintf("olga%d@example.ru", i),
					Phones: []model.Phone{{E164: fmt.Sprintf("+7912%07d", i), Label: "mobile"}}},
				{ID: 2, Name: "Пётр Сидоров", Phones: []model.Phone{{E164: fmt.Sprintf("+7495%07d", i), Label: "office"}}},
			}
			if err := emit(c); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	s := db.As(boss)
	b.ResetTimer()
	start := time.Now()
	cards := 0
	for b.Loop() {
		n, err := WriteVCards(context.Background(), s, io.Discard, VCard3)
		if err != nil {
			b.Fatal(err)
		}
		cards += n
	}
	b.ReportMetric(float64(cards)/time.Since(start).Seconds(), "cards/s")
}

// BenchmarkExportPlanRows walks 100,000 plan items into CSV rows (the
// kind's share, without the CSV writer).
func BenchmarkExportPlanRows(b *testing.B) {
	boss, _ := storetest.PlanDepartment(b, 1000, 100_000, time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC))
	b.ResetTimer()
	start := time.Now()
	rows := 0
	for b.Loop() {
		if err := eachPlanRow(context.Background(), boss, ExportOptions{Loc: time.UTC}, func([]string) error { rows++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)/time.Since(start).Seconds(), "rows/s")
}
