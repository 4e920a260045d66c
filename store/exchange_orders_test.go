package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

func extID(t *testing.T, db *DB, bucket []byte, code string) model.ID {
	t.Helper()
	var id model.ID
	if err := db.bolt.View(func(tx *bolt.Tx) error { id = extLookup(tx, bucket, code); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

func wantExternalRefused(t *testing.T, err error) {
	t.Helper()
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["external"] == "" {
		t.Fatalf("a code another record holds: want a validation error on external, got %v", err)
	}
}

func TestProductExternalCodeKept(t *testing.T) {
	d := newOrderDept(t)
	d.chair.External = "1C-CH1"
	chair := mustProduct(t, d.boss, d.chair)
	if got := extID(t, d.db, bucketProductExt, " 1c-ch1 "); got != chair.ID {
		t.Fatalf("lookup: %d, want %d", got, chair.ID)
	}
	d.cloth.External = "1C-CH1"
	_, err := d.boss.SaveProduct(d.cloth)
	wantExternalRefused(t, err)
	if _, err := d.boss.SaveProduct(model.Product{SKU: "NEW-1", Name: "New", Unit: model.UnitPiece, Active: true, External: "1c-ch1"}); err == nil {
		t.Fatal("a new product took a code another holds")
	}
	chair.External = "1C-CH2"
	chair = mustProduct(t, d.boss, chair)
	if extID(t, d.db, bucketProductExt, "1C-CH1") != 0 || extID(t, d.db, bucketProductExt, "1C-CH2") != chair.ID {
		t.Fatal("a changed code did not move")
	}
	d.cloth.External = "1C-CH1" // free again
	mustProduct(t, d.boss, d.cloth)
}

func TestOrderExternalCodeKept(t *testing.T) {
	d := newOrderDept(t)
	o := d.draft(d.vilnius.ID, "petrov", d.chair)
	o.External = "ЗК-0001"
	o = mustOrder(t, d.boss, o)
	if got := extID(t, d.db, bucketOrderExt, "зк-0001"); got != o.ID {
		t.Fatalf("lookup: %d, want %d", got, o.ID)
	}
	o2 := d.draft(d.vilnius.ID, "petrov", d.cloth)
	o2.External = "зк-0001"
	_, err := d.boss.SaveOrder(o2)
	wantExternalRefused(t, err)
	o.External = "ЗК-0002"
	o = mustOrder(t, d.boss, o)
	if extID(t, d.db, bucketOrderExt, "ЗК-0001") != 0 || extID(t, d.db, bucketOrderExt, "ЗК-0002") != o.ID {
		t.Fatal("a changed code did not move")
	}
	mustOrder(t, d.boss, o2) // the old code is free
}

func versionsCount(t *testing.T, s *Session) int {
	t.Helper()
	vs, err := s.PriceVersions()
	if err != nil {
		t.Fatal(err)
	}
	return len(vs)
}

func ordActions(res []ImportResult) string {
	var b strings.Builder
	for i, r := range res {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(r.Action))
	}
	return b.String()
}

func TestImportProducts(t *testing.T) {
	d := newOrderDept(t)
	batch := []ProductImport{
		{Product: model.Product{SKU: "ch-1", Name: "Chair Oslo", External: "П-1"}, Carries: PFName | PFExternal,
			Prices: map[string]int64{"retail": 250000}}, // the same price: only the code is new
		{Product: model.Product{SKU: "LMP-7", Name: "Лампа настольная", Unit: model.UnitPiece, VAT: 2000}, Carries: PFName | PFUnit | PFVAT,
			Prices: map[string]int64{"retail": 99900, "wholesale": 89900}},
		{Product: model.Product{SKU: "BAD-1", Name: "Bad", Unit: "box"}, Carries: PFName | PFUnit},
		{Product: model.Product{SKU: "BAD-2", Name: "Bad price", Unit: model.UnitPiece}, Carries: PFName | PFUnit, Prices: map[string]int64{"vip": 100}},
	}
	before := versionsCount(t, d.boss)
	res, err := d.boss.ImportProducts(append([]ProductImport(nil), batch...), true)
	if err != nil {
		t.Fatal(err)
	}
	if got := ordActions(res); got != "update create reject reject" {
		t.Fatalf("dry run: %s", got)
	}
	if versionsCount(t, d.boss) != before {
		t.Fatal("a dry run wrote a version")
	}
	res, err = d.boss.ImportProducts(append([]ProductImport(nil), batch...), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := ordActions(res); got != "update create reject reject" {
		t.Fatalf("import: %s (%v %v)", got, res[2].Err, res[3].Err)
	}
	if !strings.Contains(res[3].Err.Error(), `"vip"`) {
		t.Errorf("unknown column reason: %v", res[3].Err)
	}
	if versionsCount(t, d.boss) != before+1 {
		t.Fatalf("versions: %d, want %d", versionsCount(t, d.boss), before+1)
	}
	lamp, err := d.boss.ProductBySKU("lmp-7")
	if err != nil || !lamp.Active {
		t.Fatalf("lamp: %+v %v", lamp, err)
	}
	if m, err := d.boss.PriceFor(lamp.ID, "wholesale", planT0); err != nil || m.Minor != 89900 {
		t.Fatalf("lamp's wholesale price: %v %v", m, err)
	}
	if extID(t, d.db, bucketProductExt, "п-1") != d.chair.ID {
		t.Fatal("the chair's new code is not indexed")
	}
	// again: nothing changes, no version
	res, err = d.boss.ImportProducts(append([]ProductImport(nil), batch[:2]...), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := ordActions(res); got != "unchanged unchanged" || versionsCount(t, d.boss) != before+1 {
		t.Fatalf("re-import: %s, versions %d", got, versionsCount(t, d.boss))
	}
	// a new price only: an update and a version; matched by code though the SKU changed
	res, err = d.boss.ImportProducts([]ProductImport{{Product: model.Product{SKU: "CH-1X", External: "п-1"}, Prices: map[string]int64{"retail": 260000}}}, false)
	if err != nil || ordActions(res) != "update" {
		t.Fatalf("price change: %s %v", ordActions(res), err)
	}
	if m, _ := d.boss.PriceFor(d.chair.ID, "retail", planT0); m.Minor != 260000 {
		t.Fatalf("new price %d", m.Minor)
	}
	if p, _ := d.boss.Product(d.chair.ID); p.SKU != "CH-1X" {
		t.Fatalf("SKU %q", p.SKU)
	}
	// a row taking another product's SKU is refused, the batch's others kept
	res, err = d.boss.ImportProducts([]ProductImport{
		{Product: model.Product{SKU: "TX-100", External: "п-1"}},
		{Product: model.Product{SKU: "NEW-9", Name: "Новый", Unit: model.UnitKilogram}, Carries: PFName | PFUnit},
	}, false)
	if err != nil || ordActions(res) != "reject create" {
		t.Fatalf("SKU taken: %s %v", ordActions(res), err)
	}
	// rights
	if _, err := d.petrov.ImportProducts(batch[:1], true); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("a manager imported: %v", err)
	}
}

// orderImport is an order of the file with the given lines (SKU, qty in
// whole units, price in minor units).
func orderImport(number string, date time.Time, client string, lines ...any) OrderImport {
	in := OrderImport{Order: model.Order{Number: number, Date: date}, ClientCode: client}
	for i := 0; i+2 < len(lines); i += 3 {
		in.Lines = append(in.Lines, OrderLineImport{Line: 2 + i/3, SKU: lines[i].(string), Qty: qty(int64(lines[i+1].(int))), Price: int64(lines[i+2].(int))})
	}
	return in
}

func TestImportOrdersKeepsFilePrices(t *testing.T) {
	d := newOrderDept(t)
	d.vilnius.External = "K-001"
	d.vilnius = mustSave(t, d.boss, d.vilnius, "")
	day := planT0.AddDate(0, 0, -40)
	a := orderImport("1C-0001", day, "k-001", "CH-1", 2, 199900, "tx-100", 3, 40000)
	a.Lines[1].Discount = 500
	b := orderImport("1C-0002", day, "NOPE", "CH-1", 1, 100)
	c := orderImport("1C-0003", day, "K-001", "CH-1", 1, 100, "ZZ-9", 1, 100)
	e := orderImport("1C-0004", day, OwnCodePrefix+itoa(uint64(d.vlad.ID)), "NL-5", 1, 10000)
	res, err := d.boss.ImportOrders([]OrderImport{a, b, c, e}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := ordActions(res); got != "create reject reject create" {
		t.Fatalf("actions %s (%v, %v)", got, res[1].Err, res[2].Err)
	}
	if !strings.Contains(res[1].Err.Error(), `"NOPE"`) || !strings.Contains(res[2].Err.Error(), `"ZZ-9"`) ||
		!strings.Contains(res[2].Err.Error(), "line 3") {
		t.Fatalf("reasons: %v / %v", res[1].Err, res[2].Err)
	}
	o, err := d.boss.Order(res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Lines[0].Price.Minor != 199900 || o.Lines[1].Price.Minor != 40000 || o.Status != model.OrderConfirmed || o.Client != d.vilnius.ID {
		t.Fatalf("order: %+v", o)
	}
	want := model.Order{VATIncluded: o.VATIncluded, Currency: o.Currency, Lines: []model.OrderLine{
		{Qty: qty(2), Price: model.Money{Minor: 199900, Currency: "RUB"}, VAT: 2000},
		{Qty: qty(3), Price: model.Money{Minor: 40000, Currency: "RUB"}, VAT: 2000, Discount: 500}}}
	model.RecomputeOrder(&want)
	if o.Totals != want.Totals {
		t.Fatalf("totals %+v, want %+v", o.Totals, want.Totals)
	}
	// today's price list changes; re-importing the same file changes nothing
	if _, err := d.boss.ImportProducts([]ProductImport{{Product: model.Product{SKU: "CH-1"}, Prices: map[string]int64{"retail": 999900}}}, false); err != nil {
		t.Fatal(err)
	}
	res, err = d.boss.ImportOrders([]OrderImport{a, e}, false)
	if err != nil || ordActions(res) != "unchanged unchanged" {
		t.Fatalf("re-import: %s %v", ordActions(res), err)
	}
	if o2, _ := d.boss.Order(o.ID); o2.Version != o.Version || o2.Lines[0].Price.Minor != 199900 {
		t.Fatal("the re-import touched the order")
	}
	// a corrected file updates a confirmed order...
	a.Lines[0].Qty = qty(5)
	res, err = d.boss.ImportOrders([]OrderImport{a}, false)
	if err != nil || ordActions(res) != "update" {
		t.Fatalf("update: %s %v", ordActions(res), err)
	}
	// ...but not a shipped one
	e.Order.Status, e.Carries = model.OrderShipped, OFStatus
	if res, err = d.boss.ImportOrders([]OrderImport{e}, false); err != nil || ordActions(res) != "update" {
		t.Fatalf("to shipped: %s %v", ordActions(res), err)
	}
	e.Lines[0].Qty = qty(7)
	res, err = d.boss.ImportOrders([]OrderImport{e}, false)
	if err != nil || ordActions(res) != "reject" || !strings.Contains(res[0].Err.Error(), "1C-0004") {
		t.Fatalf("shipped order changed: %s %v", ordActions(res), res[0].Err)
	}
	// the year counter stays ahead of imported numbers
	n := orderImport("2026-000500", planT0, "K-001", "CH-1", 1, 100)
	if res, err = d.boss.ImportOrders([]OrderImport{n}, false); err != nil || ordActions(res) != "create" {
		t.Fatalf("numbered: %s %v", ordActions(res), err)
	}
	typed := mustOrder(t, d.boss, d.draft(d.vilnius.ID, "petrov", d.chair))
	if typed.Number != "2026-000501" {
		t.Fatalf("next typed number %s", typed.Number)
	}
	checkOrders(t, d.db)
	// a batch that creates an order and matches it again by its code
	x := orderImport("X-1", planT0, "K-001", "CH-1", 1, 100)
	x.Order.External, x.Carries = "X-EXT", OFExternal
	y := orderImport("X-2", planT0, "K-001", "CH-1", 2, 100)
	y.Order.External, y.Carries = "x-ext", OFExternal
	res, err = d.boss.ImportOrders([]OrderImport{x, y}, false)
	if err != nil || ordActions(res) != "create update" || res[0].ID != res[1].ID {
		t.Fatalf("create then match: %s %v %+v", ordActions(res), err, res)
	}
	if o, _ := d.boss.Order(res[0].ID); o.Number != "X-2" || o.Lines[0].Qty != qty(2) {
		t.Fatalf("matched order %+v", o)
	}
	checkOrders(t, d.db)
}

func TestImportOrdersDryRunWritesNothing(t *testing.T) {
	d := newOrderDept(t)
	in := orderImport("X-1", planT0, OwnCodePrefix+itoa(uint64(d.vilnius.ID)), "CH-1", 1, 100)
	err := unchanged(t, d.db, func() error {
		res, err := d.boss.ImportOrders([]OrderImport{in}, true)
		if err == nil && ordActions(res) != "create" {
			t.Errorf("dry: %s", ordActions(res))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestImportPayments(t *testing.T) {
	d := newOrderDept(t)
	in := orderImport("INV-1", planT0.AddDate(0, 0, -20), OwnCodePrefix+itoa(uint64(d.vilnius.ID)), "CH-1", 1, 100000)
	in.Order.Status, in.Order.InvoiceNo, in.Order.InvoiceDate = model.OrderInvoiced, "С-15", planT0.AddDate(0, 0, -19)
	in.Order.External = "ext-inv-1"
	in.Carries = OFStatus | OFInvoice | OFExternal
	res, err := d.boss.ImportOrders([]OrderImport{in}, false)
	if err != nil || ordActions(res) != "create" {
		t.Fatalf("order: %s %v %v", ordActions(res), err, res[0].Err)
	}
	gross := func() int64 { o, _ := d.boss.Order(res[0].ID); return o.Totals.Gross.Minor }()
	pays := []PaymentImport{
		{OrderNumber: "INV-1", Amount: model.Money{Minor: 50000}, Date: planT0.AddDate(0, 0, -5), Reference: "п/п 101"},
		{OrderExternal: "EXT-INV-1", Amount: model.Money{Minor: gross - 50000}, Date: planT0.AddDate(0, 0, -1), Reference: "п/п 102"},
		{OrderNumber: "NOPE", Amount: model.Money{Minor: 1}, Date: planT0},
	}
	pr, err := d.boss.ImportPayments(pays, false)
	if err != nil || ordActions(pr) != "create create reject" {
		t.Fatalf("payments: %s %v", ordActions(pr), err)
	}
	o, _ := d.boss.Order(res[0].ID)
	if o.Status != model.OrderPaid || o.Paid.Minor != gross {
		t.Fatalf("order after payments: %s paid %d of %d", o.Status, o.Paid.Minor, gross)
	}
	pr, err = d.boss.ImportPayments(pays[:2], false)
	if err != nil || ordActions(pr) != "unchanged unchanged" {
		t.Fatalf("re-import: %s %v", ordActions(pr), err)
	}
	changed := pays[0]
	changed.Amount.Minor++
	pr, err = d.boss.ImportPayments([]PaymentImport{changed}, false)
	if err != nil || ordActions(pr) != "reject" || !strings.Contains(pr[0].Err.Error(), "101") {
		t.Fatalf("changed amount: %s %v", ordActions(pr), pr[0].Err)
	}
	if o2, _ := d.boss.Order(o.ID); o2.Paid != o.Paid {
		t.Fatal("a re-import paid again")
	}
	checkOrders(t, d.db)
	var n int
	if err := d.boss.EachPayment(t.Context(), time.Time{}, time.Time{}, func(p PaymentExport) error {
		n++
		if p.OrderNumber != "INV-1" || p.OrderExt != "ext-inv-1" {
			t.Errorf("export row %+v", p)
		}
		return nil
	}); err != nil || n != 2 {
		t.Fatalf("EachPayment: %d %v", n, err)
	}
}

func TestBulkLoadOrdersKeepsExternalCodes(t *testing.T) {
	d := newOrderDept(t)
	next := d.nails.ID + 1
	prods := []model.Product{{ID: next, SKU: "BULK-1", Name: "Bulk", Unit: model.UnitPiece, Active: true, External: "B-1"}}
	gen := func(code string) func(emit func(model.Order, []model.Payment) error) error {
		return func(emit func(model.Order, []model.Payment) error) error {
			o := model.Order{Client: d.vilnius.ID, Date: planT0, Status: model.OrderConfirmed, Channel: model.OrderByPhone,
				Currency: "RUB", External: code, Lines: []model.OrderLine{{Product: d.chair.ID, SKU: "CH-1", Unit: model.UnitPiece,
					Qty: qty(1), Price: model.Money{Minor: 100, Currency: "RUB"}}}}
			model.RecomputeOrder(&o)
			return emit(o, nil)
		}
	}
	if _, _, err := BulkLoadOrders(d.db, "boss", prods, nil, gen("BO-1")); err != nil {
		t.Fatal(err)
	}
	if extID(t, d.db, bucketProductExt, "b-1") != next {
		t.Fatal("the bulk-loaded product's code is not indexed")
	}
	id := extID(t, d.db, bucketOrderExt, "bo-1")
	if o, err := d.boss.Order(id); err != nil || o.External != "BO-1" {
		t.Fatalf("the bulk-loaded order's code: %d %v", id, err)
	}
	if _, _, err := BulkLoadOrders(d.db, "boss", nil, nil, gen("bo-1")); err == nil {
		t.Fatal("a bulk load took a code another order holds")
	}
}
