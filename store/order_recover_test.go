package store

import (
	"encoding/json"
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// TestOpenClearsInterruptedOrderBulk: a bulk load of orders killed before
// its last transaction leaves records above the sequences with their index
// entries. The next writable Open removes them: no phantom debt, and the
// next order takes the stray one's id cleanly.
func TestOpenClearsInterruptedOrderBulk(t *testing.T) {
	d := newOrderDept(t)
	real := d.invoiced(t, d.vilnius.ID)
	if _, err := d.petrov.RecordPayment(model.Payment{Order: real.ID, Amount: model.Money{Minor: 100, Currency: real.Currency}, Date: planT0}); err != nil {
		t.Fatal(err)
	}
	before, err := d.head.Receivables(d.vilnius.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := d.db.Path()
	d.db.Close()

	// what the load's earlier transactions leave behind
	raw, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.Update(func(tx *bolt.Tx) error {
		put := func(bucket []byte, k []byte, rec any) {
			v := []byte(nil)
			if rec != nil {
				var err error
				if v, err = json.Marshal(rec); err != nil {
					t.Fatal(err)
				}
			}
			if err := tx.Bucket(bucket).Put(k, v); err != nil {
				t.Fatal(err)
			}
		}
		p := model.Product{ID: 4, SKU: "STRAY-1", Name: "Stray", Unit: model.UnitPiece, Active: true}
		put(bucketProducts, itob(4), &p)
		if err := tx.Bucket(bucketProductSKU).Put([]byte(skuKey(p.SKU)), itob(4)); err != nil {
			return err
		}
		v := model.PriceVersion{ID: d.version.ID + 1, Effective: planT0, Prices: []model.PriceEntry{{Product: 4, Column: "retail", Price: model.Money{Minor: 5}}}}
		put(bucketPriceVersions, itob(uint64(v.ID)), &v)
		if err := tx.Bucket(bucketPrices).Put(priceKey(4, "retail", unixKey(v.Effective)), priceValue(5, v.ID)); err != nil {
			return err
		}
		o := bulkOrder(d.vilnius.ID, d.chair.ID, planT0.AddDate(0, 0, -60), model.OrderInvoiced, 900_000, 0)
		o.ID, o.Number, o.Version = real.ID+1, "2026-009999", 1
		put(bucketOrders, itob(uint64(o.ID)), &o)
		for _, e := range orderIndex(&o) {
			if err := tx.Bucket(e.bucket).Put(e.key, e.value); err != nil {
				return err
			}
		}
		pay := model.Payment{ID: 2, Order: o.ID, Client: o.Client, Amount: model.Money{Minor: 1, Currency: "RUB"}, Date: planT0}
		put(bucketPayments, itob(2), &pay)
		return tx.Bucket(bucketPaymentOrder).Put(paymentOrderKey(o.ID, 2), nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	raw.Close()

	db, err := Open(path, Options{Now: d.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkOrders(t, db)
	checkPayments(t, db)
	s := db.As(model.User{Name: "head", Role: model.RoleHead})
	if after, _ := s.Receivables(d.vilnius.ID); after.Outstanding != before.Outstanding || after.Invoiced != before.Invoiced {
		t.Errorf("receivables after reopening: %+v, before the load %+v", after, before)
	}
	if _, err := s.ProductBySKU("STRAY-1"); err == nil {
		t.Error("the stray product is still found")
	}
	o := mustOrder(t, s, d.draft(d.vilnius.ID, "petrov", d.chair))
	if o.ID != real.ID+1 {
		t.Errorf("the next order took id %d", o.ID)
	}
	if got, _ := s.Order(real.ID); got.Paid.Minor != 100 || got.Version != real.Version+1 {
		t.Errorf("the acknowledged order changed: %+v", got)
	}
	checkOrders(t, db)
	checkPayments(t, db)
	checkNumbersUnique(t, db)
}
