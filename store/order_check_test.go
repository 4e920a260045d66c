package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// checkOrders verifies the order, product and price indexes against the
// records: every order's entries exist with the right values, no entry
// without its order, the counters match; every product has its SKU entry
// and no SKU entry is stray; every prices entry belongs to a version that
// holds that price, and every version's prices are indexed (unless a later
// version took the same key).
func checkOrders(t testing.TB, db *DB) {
	t.Helper()
	err := db.bolt.View(func(tx *bolt.Tx) error {
		want := map[string]map[string][]byte{}
		for _, b := range [][]byte{bucketOrderNumber, bucketOrderClient, bucketOrderStatus, bucketOrderDate} {
			want[string(b)] = map[string][]byte{}
		}
		n := 0
		err := tx.Bucket(bucketOrders).ForEach(func(k, v []byte) error {
			var o model.Order
			if err := json.Unmarshal(v, &o); err != nil {
				return err
			}
			n++
			if btoi(k) != uint64(o.ID) {
				t.Errorf("order under key %d says id %d", btoi(k), o.ID)
			}
			if tot := model.ComputeTotals(o.Lines, o.Currency); tot != o.Totals {
				t.Errorf("order %s: totals %+v, lines sum to %+v", o.Number, o.Totals, tot)
			}
			for _, e := range orderIndex(&o) {
				want[string(e.bucket)][string(e.key)] = e.value
			}
			return nil
		})
		if err != nil {
			return err
		}
		for bucket, entries := range want {
			got := 0
			_ = tx.Bucket([]byte(bucket)).ForEach(func(k, v []byte) error {
				got++
				w, ok := entries[string(k)]
				switch {
				case !ok:
					t.Errorf("%s: stray entry %x", bucket, k)
				case !bytes.Equal(w, v) && !(len(w) == 0 && len(v) == 0):
					t.Errorf("%s: entry %x is %x, want %x", bucket, k, v, w)
				}
				return nil
			})
			if got != len(entries) {
				t.Errorf("%s: %d entries for %d orders", bucket, got, len(entries))
			}
		}
		if c := counter(tx, keyOrders); c != uint64(n) {
			t.Errorf("orders counter %d, %d orders", c, n)
		}

		skus := map[string]uint64{}
		np := 0
		err = tx.Bucket(bucketProducts).ForEach(func(k, v []byte) error {
			var p model.Product
			if err := decode(v, &p); err != nil {
				return err
			}
			np++
			skus[skuKey(p.SKU)] = uint64(p.ID)
			return nil
		})
		if err != nil {
			return err
		}
		ns := 0
		_ = tx.Bucket(bucketProductSKU).ForEach(func(k, v []byte) error {
			ns++
			if id, ok := skus[string(k)]; !ok || id != btoi(v) {
				t.Errorf("idx_product_sku: %q → %d does not match a product", k, btoi(v))
			}
			return nil
		})
		if ns != np || len(skus) != np {
			t.Errorf("%d products, %d distinct SKUs, %d SKU entries", np, len(skus), ns)
		}
		if c := counter(tx, keyProducts); c != uint64(np) {
			t.Errorf("products counter %d, %d products", c, np)
		}

		versions := map[model.ID]model.PriceVersion{}
		err = tx.Bucket(bucketPriceVersions).ForEach(func(k, v []byte) error {
			var pv model.PriceVersion
			if err := json.Unmarshal(v, &pv); err != nil {
				return err
			}
			versions[pv.ID] = pv
			return nil
		})
		if err != nil {
			return err
		}
		prices := tx.Bucket(bucketPrices)
		_ = prices.ForEach(func(k, v []byte) error {
			if len(v) != 16 {
				t.Errorf("prices: value %x", v)
				return nil
			}
			pv, ok := versions[model.ID(binary.BigEndian.Uint64(v[8:]))]
			found := false
			for _, e := range pv.Prices {
				found = found || (bytes.Equal(priceKey(e.Product, e.Column, unixKey(pv.Effective)), k) && e.Price.Minor == int64(btoi(v[:8])))
			}
			if !ok || !found {
				t.Errorf("prices: stray entry %x → %x", k, v)
			}
			return nil
		})
		for _, pv := range versions {
			for _, e := range pv.Prices {
				if prices.Get(priceKey(e.Product, e.Column, unixKey(pv.Effective))) == nil {
					t.Errorf("price version %d: %d/%s not indexed", pv.ID, e.Product, e.Column)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
