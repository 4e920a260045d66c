package exchange

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// benchINN is a valid 10-digit INN made from i.
func benchINN(i int) string {
	body := fmt.Sprintf("%09d", 100000000+i)
	w := []int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	sum := 0
	for j, r := range body {
		sum += int(r-'0') * w[j]
	}
	return body + fmt.Sprint(sum%11%10)
}

var benchHeader = []string{colExternal, colShortName, colKind, colTaxCountry, colTaxID, colCity, colPhones, colEmails, colManager, colStatus, colCreditLimit, colNotes}

// benchRow is the i-th row of a 1C-like clients file.
func benchRow(i int) []string {
	return []string{
		fmt.Sprintf("1C-%07d", i),
		fmt.Sprintf("ООО Клиент %d", i),
		"legal", "RU", benchINN(i),
		[]string{"Москва", "Тверь", "Казань", "Санкт-Петербург"}[i%4],
		fmt.Sprintf("+7 912 %03d-%02d-%02d", i%1000, i/1000%100, i/100000%100),
		fmt.Sprintf("client%d@example.ru", i),
		[]string{"petrov", "jonaitis", ""}[i%3],
		"active",
		fmt.Sprintf("%d,%02d", i%100000, i%100),
		"Договор поставки №" + fmt.Sprint(i),
	}
}

// writeBenchCSV writes n rows to a file in dir (UTF-8, ";", quoted where needed).
func writeBenchCSV(b *testing.B, dir string, n int) string {
	b.Helper()
	path := filepath.Join(dir, "clients.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	line := func(fields []string) {
		for i, v := range fields {
			if i > 0 {
				w.WriteByte(';')
			}
			if strings.ContainsAny(v, ";\"\n") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			w.WriteString(v)
		}
		w.WriteString("\r\n")
	}
	line(benchHeader)
	for i := range n {
		line(benchRow(i))
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkImportClients1M: a generated 1,000,000-row CSV into a fresh
// database through Import (the figure: ≥ 150,000 rows/s).
func BenchmarkImportClients1M(b *testing.B) {
	if testing.Short() {
		b.Skip("a million clients")
	}
	const n = 1_000_000
	path := writeBenchCSV(b, b.TempDir(), n)
	for range b.N {
		b.StopTimer()
		s := emptyDB(b)
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		rep, err := Import(context.Background(), s, Clients, f, ImportOptions{})
		el := time.Since(start)
		f.Close()
		skipStub(b, err)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Created != n {
			b.Fatalf("%+v", rep)
		}
		b.ReportMetric(float64(n)/el.Seconds(), "rows/s")
	}
}

// BenchmarkImportClientRows1M is the kind's share of an import without the
// CSV reader: a million rows parsed and written in batches of the kind's
// size into a fresh database. Each batch's rows are made untimed, just
// before it (a reader streams them: a million rows held at once would
// make the collector's work, not the import's).
func BenchmarkImportClientRows1M(b *testing.B) {
	if testing.Short() {
		b.Skip("a million clients")
	}
	const n = 1_000_000
	im := importers[Clients]
	for range b.N {
		b.StopTimer()
		s := emptyDB(b)
		var el time.Duration
		rows := make([]csvio.Row, 0, im.batch)
		items := make([]any, 0, im.batch)
		for from := 0; from < n; from += im.batch {
			rows = rows[:0]
			for i := from; i < min(from+im.batch, n); i++ {
				vals := make(map[string]string, len(benchHeader))
				for j, v := range benchRow(i) {
					vals[benchHeader[j]] = v
				}
				rows = append(rows, csvio.Row{Line: i + 2, Values: vals})
			}
			b.StartTimer()
			start := time.Now()
			items = items[:0]
			for _, row := range rows {
				it, _, err := im.parse(row, ImportOptions{})
				if err != nil {
					b.Fatal(err)
				}
				items = append(items, it)
			}
			res, err := im.write(s, items, false)
			if err != nil {
				b.Fatal(err)
			}
			el += time.Since(start)
			b.StopTimer()
			for _, r := range res {
				if r.Action != model.ImportCreate {
					b.Fatalf("%+v", r)
				}
			}
		}
		b.ReportMetric(float64(n)/el.Seconds(), "rows/s")
	}
}

// loadedDB is a fresh database with n clients (bulk loaded, as the demo is).
func loadedDB(b *testing.B, n int) *store.Session {
	b.Helper()
	s := emptyDB(b)
	if _, err := store.BulkLoad(s.DB(), nil, func(emit func(model.Client) error) error {
		for i := range n {
			r := benchRow(i)
			c := model.Client{External: r[0], ShortName: r[1], Kind: model.KindLegal, TaxCountry: model.TaxRU, TaxID: r[4],
				City: r[5], Phones: []model.Phone{{Raw: r[6]}}, Emails: []string{r[7]}, Manager: r[8], Status: model.StatusActive, Notes: r[11],
				CreditLimit: model.Money{Minor: int64(i % 10000000), Currency: "RUB"}}
			if err := emit(c); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkExportClients1M: a million clients to CSV through Export (the
// issue's figure: ≥ 300,000 rows/s).
func BenchmarkExportClients1M(b *testing.B) {
	if testing.Short() {
		b.Skip("a million clients")
	}
	const n = 1_000_000
	s := loadedDB(b, n)
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		w := bufio.NewWriterSize(io.Discard, 1<<16)
		got, err := Export(context.Background(), s, Clients, w, ExportOptions{Format: CSV})
		skipStub(b, err)
		if err != nil || got != n {
			b.Fatal(got, err)
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "rows/s")
	}
}

// BenchmarkExportClientRows1M is the kind's share of an export without the
// CSV writer: a million clients read and made rows.
func BenchmarkExportClientRows1M(b *testing.B) {
	if testing.Short() {
		b.Skip("a million clients")
	}
	const n = 1_000_000
	s := loadedDB(b, n)
	ex := exporters[Clients]
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		count := 0
		err := ex.each(context.Background(), s, ExportOptions{}, func(row []string) error { count++; return nil })
		if err != nil || count != n {
			b.Fatal(count, err)
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "rows/s")
	}
}
