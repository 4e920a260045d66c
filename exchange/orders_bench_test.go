package exchange

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
)

// The target: import 100,000 order lines ≥ 50,000 rows/s.
//
//	go test ./exchange -run '^$' -bench 'ImportOrderLine' -benchtime 3x

const (
	benchOrders     = 20_000
	benchOrderLines = 5
	benchClients    = 2_000
	benchProducts   = 500
)

// tradeBenchDB is a database of benchClients clients and benchProducts products.
func tradeBenchDB(b *testing.B) *store.Session {
	b.Helper()
	s, _ := storetest.Department(b, benchClients)
	batch := make([]store.ProductImport, benchProducts)
	for i := range batch {
		batch[i] = store.ProductImport{Product: model.Product{SKU: fmt.Sprintf("SKU-%05d", i), Name: fmt.Sprintf("Товар №%d", i),
			Unit: model.UnitPiece, VAT: 2000}, Carries: store.PFName | store.PFUnit | store.PFVAT,
			Prices: map[string]int64{"retail": int64(10000 + i)}}
	}
	if _, err := s.ImportProducts(batch, false); err != nil {
		b.Fatal(err)
	}
	return s
}

// orderLinesCSV is a file of benchOrders orders of benchOrderLines lines,
// numbered with prefix, as 1C writes it (";", decimal comma, dd.mm.yyyy).
func orderLinesCSV(prefix string) []byte {
	var buf bytes.Buffer
	buf.WriteString("Номер;Дата;Код клиента;Артикул;Количество;Цена;Скидка %;НДС %\r\n")
	for o := range benchOrders {
		date := time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, o%300).Format("02.01.2006")
		client := fmt.Sprintf("cb:%d", 1+o%benchClients)
		for l := range benchOrderLines {
			fmt.Fprintf(&buf, "%s-%06d;%s;%s;SKU-%05d;%d;%d,%02d;%d;20\r\n", prefix, o, date, client,
				(o*7+l)%benchProducts, 1+l, 100+o%900, l*7%100, l%3*5)
		}
	}
	return buf.Bytes()
}

func BenchmarkImportOrderLines100k(b *testing.B) {
	if testing.Short() {
		b.Skip("-short")
	}
	s := tradeBenchDB(b)
	files := make([][]byte, 0, 4)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		for len(files) <= i {
			files = append(files, orderLinesCSV(fmt.Sprintf("B%d", len(files))))
		}
		b.StartTimer()
		rep, err := Import(context.Background(), s, Orders, bytes.NewReader(files[i]), ImportOptions{})
		if err != nil {
			if strings.Contains(err.Error(), csvio.ErrNotImplemented.Error()) {
				b.Skip("the CSV driver is not written yet")
			}
			b.Fatal(err)
		}
		if rep.Created != benchOrders || rep.Rejected != 0 {
			b.Fatalf("%+v", rep)
		}
	}
	b.ReportMetric(float64(benchOrders*benchOrderLines*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkImportOrderLineRows100k is the same without the CSV driver:
// the kind's parse, merge and write on rows already split.
func BenchmarkImportOrderLineRows100k(b *testing.B) {
	if testing.Short() {
		b.Skip("-short")
	}
	needDates(b)
	s := tradeBenchDB(b)
	im := importers[Orders]
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		lines := strings.Split(strings.TrimSpace(string(orderLinesCSV(fmt.Sprintf("R%d", i)))), "\r\n")
		header := []string{ocNumber, ocDate, ocClient, ocSKU, ocQty, ocPrice, ocDiscount, ocVAT}
		b.StartTimer()
		var items []any
		at := map[string]int{}
		flush := func() {
			if _, err := im.write(s, items, false); err != nil {
				b.Fatal(err)
			}
			items, at = items[:0], map[string]int{}
		}
		for n, line := range lines[1:] {
			f := strings.Split(line, ";")
			row := csvio.Row{Line: n + 2, Values: make(map[string]string, len(header))}
			for j, h := range header {
				row.Values[h] = f[j]
			}
			item, key, err := im.parse(row, ImportOptions{})
			if err != nil {
				b.Fatal(err)
			}
			if k, ok := at[key]; ok {
				if items[k], err = im.merge(items[k], item); err != nil {
					b.Fatal(err)
				}
				continue
			}
			if len(items) == im.batch {
				flush()
			}
			at[key] = len(items)
			items = append(items, item)
		}
		flush()
	}
	b.ReportMetric(float64(benchOrders*benchOrderLines*b.N)/b.Elapsed().Seconds(), "rows/s")
}
