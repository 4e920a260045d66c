package store

import (
	"bytes"
	"crypto/sha256"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// orderDept is the call schedule's department (plan_fixture_test.go) with
// a catalogue of three products (pieces, metres, kilograms) priced in all
// three columns since a month before planT0, and the orphan client given a
// small credit limit.
type orderDept struct {
	*planDept
	chair, cloth, nails model.Product
	version             model.PriceVersion
}

// prices per column: retail, wholesale, dealer (minor units)
var fixturePrices = map[string][3]int64{
	"CH-1":   {250000, 230000, 210000}, // 2 500.00 a chair
	"TX-100": {45050, 41000, 39990},    // 450.50 a metre
	"NL-5":   {12345, 11000, 10001},    // 123.45 a kilogram
}

func newOrderDept(t testing.TB) *orderDept {
	t.Helper()
	d := &orderDept{planDept: newPlanDept(t)}
	d.chair = mustProduct(t, d.boss, model.Product{SKU: "CH-1", Name: "Chair Oslo", Unit: model.UnitPiece, VAT: 2000, Active: true})
	d.cloth = mustProduct(t, d.boss, model.Product{SKU: "TX-100", Name: "Cotton fabric, white", Unit: model.UnitMetre, VAT: 2000, Active: true})
	d.nails = mustProduct(t, d.boss, model.Product{SKU: "NL-5", Name: "Гвозди строительные", Unit: model.UnitKilogram, VAT: 1000, Active: true})
	v := model.PriceVersion{Effective: planT0.AddDate(0, -1, 0), Note: "autumn"}
	for _, p := range []model.Product{d.chair, d.cloth, d.nails} {
		for i, col := range []string{"retail", "wholesale", "dealer"} {
			v.Prices = append(v.Prices, model.PriceEntry{Product: p.ID, Column: col, Price: model.Money{Minor: fixturePrices[p.SKU][i]}})
		}
	}
	var err error
	if d.version, _, err = d.boss.SavePriceVersion(v, 0); err != nil {
		t.Fatal(err)
	}
	d.orphan.CreditLimit = model.Money{Minor: 100, Currency: "RUB"}
	d.orphan = mustSave(t, d.boss, d.orphan, "")
	return d
}

func mustProduct(t testing.TB, s *Session, p model.Product) model.Product {
	t.Helper()
	out, err := s.SaveProduct(p)
	if err != nil {
		t.Fatalf("product %s: %v", p.SKU, err)
	}
	return out
}

// qty is n whole units.
func qty(n int64) model.Qty { return model.Qty(n * model.QtyScale) }

// draft is an order for client with one line per product, n units each.
func (d *orderDept) draft(client model.ID, takenBy string, products ...model.Product) model.Order {
	o := model.Order{Client: client, TakenBy: takenBy, Channel: model.OrderByPhone}
	for i, p := range products {
		o.Lines = append(o.Lines, model.OrderLine{Product: p.ID, Qty: qty(int64(i + 1))})
	}
	return o
}

func mustOrder(t testing.TB, s *Session, o model.Order) model.Order {
	t.Helper()
	out, err := s.SaveOrder(o)
	if err != nil {
		t.Fatalf("save order: %v", err)
	}
	return out
}

// dbDigest hashes every bucket's keys and values: equal digests mean
// nothing was written.
func dbDigest(t testing.TB, db *DB) [32]byte {
	t.Helper()
	h := sha256.New()
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			h.Write(name)
			return b.ForEach(func(k, v []byte) error {
				h.Write(k)
				h.Write([]byte{0})
				h.Write(v)
				h.Write([]byte{1})
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// unchanged fails the test when fn writes anything; it returns fn's error.
func unchanged(t testing.TB, db *DB, fn func() error) error {
	t.Helper()
	before := dbDigest(t, db)
	err := fn()
	if after := dbDigest(t, db); !bytes.Equal(before[:], after[:]) {
		t.Errorf("the database changed although the step was refused (%v)", err)
	}
	return err
}

var _ = time.Second
