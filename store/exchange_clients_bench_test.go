package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"clientbase/model"
)

// benchImportRow is the i-th client of an import benchmark: a code, a
// valid INN, a phone, an e-mail, a city: what a 1C export carries.
func benchImportRow(i int) *ClientImport {
	body := fmt.Sprintf("%09d", 100000000+i)
	w := []int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	sum := 0
	for j, r := range body {
		sum += int(r-'0') * w[j]
	}
	c := model.Client{
		External:   fmt.Sprintf("1C-%07d", i),
		ShortName:  fmt.Sprintf("ООО Клиент %d", i),
		Kind:       model.KindLegal,
		TaxCountry: model.TaxRU,
		TaxID:      body + fmt.Sprint(sum%11%10),
		City:       []string{"Москва", "Тверь", "Казань", "Vilnius"}[i%4],
		Phones:     []model.Phone{{Raw: fmt.Sprintf("+7 912 %03d-%02d-%02d", i%1000, i/1000%100, i/100000%100)}},
		Emails:     []string{fmt.Sprintf("client%d@example.ru", i)},
		Status:     model.StatusActive,
	}
	return &ClientImport{Client: c, Carries: CFExternal | CFShortName | CFKind | CFTaxCountry | CFTaxID | CFCity | CFPhones | CFEmails | CFStatus}
}

// BenchmarkImportClientsStore1M: a million rows through ImportClients in
// batches of 50,000 into a fresh database (the store's share of an import).
func BenchmarkImportClientsStore1M(b *testing.B) {
	if testing.Short() {
		b.Skip("a million clients")
	}
	const n, batch = 1_000_000, 100_000
	rows := make([]*ClientImport, n)
	for i := range rows {
		rows[i] = benchImportRow(i)
	}
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		db, s := openDirector(b)
		b.StartTimer()
		start := time.Now()
		for from := 0; from < n; from += batch {
			res, err := s.ImportClients(rows[from:min(from+batch, n)], false)
			if err != nil {
				b.Fatal(err)
			}
			if res[0].Action != model.ImportCreate {
				b.Fatal(res[0])
			}
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "rows/s")
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}

// BenchmarkEachClient1M: reading a million clients for an export.
func BenchmarkEachClient1M(b *testing.B) {
	if testing.Short() {
		b.Skip("a million clients")
	}
	const n = 1_000_000
	db, s := openDirector(b)
	if _, err := BulkLoad(db, nil, func(emit func(model.Client) error) error {
		for i := range n {
			if err := emit(benchImportRow(i).Client); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		count := 0
		if err := s.EachClient(context.Background(), func(model.Client) error { count++; return nil }); err != nil {
			b.Fatal(err)
		}
		if count != n {
			b.Fatal(count)
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "rows/s")
	}
}
