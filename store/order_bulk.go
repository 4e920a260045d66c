package store

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// orderBulkTx is how many records (or index entries) one transaction of a
// bulk load of orders writes.
const orderBulkTx = 40_000

// BulkLoadOrders appends a catalogue, its price versions and the orders the
// generator emits, each with its payments, far faster than the single
// writers (the demo and the benchmarks). Products keep the ids they come
// with, which must be above the products sequence (a fresh file: 1, 2, …):
// versions' prices and order lines name them. Versions, orders and
// payments get ids from their sequences; an order without a number gets
// the next of its date's year, as putOrder gives them; a payment belongs to
// the order it is emitted with, and the order's Paid must be their sum.
// Every record and index entry is written as the single writers write it
// (order_layout.go's key functions), with the counters and the year
// counters of order numbers; one audit entry records the load. The load is
// held in memory (a demo's year, a benchmark's client: tens of thousands of
// orders), encoded on every core and written in id and key order. A failed
// load removes what it wrote. Nobody else may write orders meanwhile.
func BulkLoadOrders(db *DB, by string, products []model.Product, versions []model.PriceVersion,
	gen func(emit func(o model.Order, pays []model.Payment) error) error) (orders, payments int, err error) {
	if db.ro {
		return 0, 0, db.readOnlyErr()
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	now := db.now()

	var start bulkStart
	clientSeq := uint64(0)
	numbers := map[string]bool{}
	yearSeq := map[int]uint64{}
	invoiceSeq := map[int]uint64{} // the store's invoice numbers given, so Invoice never repeats one
	err = db.bolt.View(func(tx *bolt.Tx) error {
		start = bulkStart{
			product: tx.Bucket(bucketProducts).Sequence(),
			version: tx.Bucket(bucketPriceVersions).Sequence(),
			order:   tx.Bucket(bucketOrders).Sequence(),
			payment: tx.Bucket(bucketPayments).Sequence(),
		}
		clientSeq = tx.Bucket(bucketClients).Sequence()
		return nil
	})
	if err != nil {
		return 0, 0, err
	}

	// Products: ids as given, above the sequence, SKUs unique.
	bad := func(key string, args ...any) error { return fmt.Errorf("store: %s", model.T(key, args...)) }
	prodSeq := start.product
	known := map[model.ID]bool{}
	skus := map[string]bool{}
	for i := range products {
		p := &products[i]
		switch {
		case uint64(p.ID) <= start.product || known[p.ID]:
			return 0, 0, bad("storepay.bad_product", p.SKU, uint64(p.ID), start.product)
		case skus[skuKey(p.SKU)] || skuKey(p.SKU) == "":
			return 0, 0, bad("storepay.bad_product", p.SKU, uint64(p.ID), start.product)
		}
		known[p.ID], skus[skuKey(p.SKU)] = true, true
		prodSeq = max(prodSeq, uint64(p.ID))
		stampMeta(&p.Meta, now, by)
	}
	err = db.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketProductSKU)
		for sku := range skus {
			if b.Get([]byte(sku)) != nil {
				return bad("storepay.bad_product", sku, 0, start.product)
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	verSeq := start.version
	for i := range versions {
		verSeq++
		versions[i].ID = model.ID(verSeq)
		stampMeta(&versions[i].Meta, now, by)
	}

	// Orders and payments, numbered as they come.
	var all []model.Order
	var pays []model.Payment
	ordSeq, paySeq := start.order, start.payment
	genErr := gen(func(o model.Order, ps []model.Payment) error {
		ordSeq++
		o.ID = model.ID(ordSeq)
		if o.Client == 0 || uint64(o.Client) > clientSeq {
			return bad("storepay.bad_order", uint64(o.ID), uint64(o.Client), model.T("storeviews.no_client", uint64(o.Client)))
		}
		if !slices.Contains(model.OrderStatuses, o.Status) {
			return bad("storepay.bad_order", uint64(o.ID), uint64(o.Client), "status "+string(o.Status))
		}
		if o.Number == "" {
			y := o.Date.In(time.Local).Year()
			yearSeq[y]++
			o.Number = fmt.Sprintf("%04d-%06d", y, yearSeq[y])
		} else if y, n, ok := splitOrderNumber(o.Number); ok {
			yearSeq[y] = max(yearSeq[y], n)
		}
		if numbers[o.Number] {
			return bad("storepay.bad_order", uint64(o.ID), uint64(o.Client), model.T("storeorder.number_taken", o.Number))
		}
		numbers[o.Number] = true
		if y, n, ok := splitInvoiceNumber(o.InvoiceNo); ok {
			invoiceSeq[y] = max(invoiceSeq[y], n)
		}
		var sum int64
		for _, p := range ps {
			paySeq++
			p.ID, p.Order, p.Client = model.ID(paySeq), o.ID, o.Client
			if p.Amount.Minor <= 0 || p.Date.IsZero() {
				return bad("storepay.bad_payment", uint64(p.ID), uint64(o.ID), model.FormatMoney(p.Amount))
			}
			sum += p.Amount.Minor
			if p.CreatedAt.IsZero() {
				p.CreatedAt = p.Date
			}
			stampMeta(&p.Meta, p.CreatedAt, by)
			pays = append(pays, p)
		}
		if sum != o.Paid.Minor {
			return bad("storepay.bad_order", uint64(o.ID), uint64(o.Client), "paid "+model.FormatMoney(o.Paid)+" ≠ payments "+strconv.FormatInt(sum, 10))
		}
		if o.CreatedAt.IsZero() {
			o.CreatedAt = o.Date
		}
		stampMeta(&o.Meta, o.CreatedAt, cmp.Or(o.EnteredBy, by))
		all = append(all, o)
		return nil
	})
	if genErr != nil {
		return 0, 0, genErr
	}
	// the numbers given must not collide with stored ones, nor the year
	// counters fall behind the stored ones
	err = db.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOrderNumber)
		for i := range all {
			if b.Get([]byte(all[i].Number)) != nil {
				return bad("storepay.bad_order", uint64(all[i].ID), uint64(all[i].Client), model.T("storeorder.number_taken", all[i].Number))
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}

	// Records, encoded on every core.
	ordRecs, err := encodeAll(all)
	if err != nil {
		return 0, 0, err
	}
	payRecs, err := encodeAll(pays)
	if err != nil {
		return 0, 0, err
	}
	prodRecs, err := encodeAll(products)
	if err != nil {
		return 0, 0, err
	}
	verRecs, err := encodeAll(versions)
	if err != nil {
		return 0, 0, err
	}

	// Index entries, per bucket, sorted.
	idx := map[string][]kv{}
	add := func(b []byte, k, v []byte) { idx[string(b)] = append(idx[string(b)], kv{k, v}) }
	for i := range all {
		o := &all[i]
		for _, e := range orderIndex(o) {
			add(e.bucket, e.key, e.value)
		}
	}
	for i := range pays {
		add(bucketPaymentOrder, paymentOrderKey(pays[i].Order, pays[i].ID), nil)
	}
	for i := range products {
		add(bucketProductSKU, []byte(skuKey(products[i].SKU)), itob(uint64(products[i].ID)))
	}
	// external codes: unique within the load and against the stored ones
	codes := map[string]bool{}
	extErr := func(code string) error {
		return fmt.Errorf("store: %s", model.T("store.external_taken", strings.TrimSpace(code)))
	}
	for i := range products {
		if k := extKey(products[i].External); k != nil {
			if codes["p"+string(k)] {
				return 0, 0, extErr(products[i].External)
			}
			codes["p"+string(k)] = true
			add(bucketProductExt, k, itob(uint64(products[i].ID)))
		}
	}
	for i := range all {
		if k := extKey(all[i].External); k != nil {
			if codes["o"+string(k)] {
				return 0, 0, extErr(all[i].External)
			}
			codes["o"+string(k)] = true
			add(bucketOrderExt, k, itob(uint64(all[i].ID)))
		}
	}
	if len(codes) > 0 {
		err = db.bolt.View(func(tx *bolt.Tx) error {
			for c := range codes {
				b := tx.Bucket(bucketProductExt)
				if c[0] == 'o' {
					b = tx.Bucket(bucketOrderExt)
				}
				if b.Get([]byte(c[1:])) != nil {
					return extErr(c[1:])
				}
			}
			return nil
		})
		if err != nil {
			return 0, 0, err
		}
	}
	for _, v := range versions {
		for _, e := range v.Prices {
			add(bucketPrices, priceKey(e.Product, e.Column, unixKey(v.Effective)), priceValue(e.Price.Minor, v.ID))
		}
	}

	undo := func(cause error) (int, int, error) { return 0, 0, db.orderBulkUndo(cause, start) }
	put := func(bucket []byte, keys, vals [][]byte) error {
		for len(keys) > 0 {
			n := min(len(keys), orderBulkTx)
			err := db.bolt.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket(bucket)
				b.FillPercent = 1.0 // appended in key order
				for i := range n {
					if err := b.Put(keys[i], vals[i]); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			keys, vals = keys[n:], vals[n:]
		}
		return nil
	}
	ids := func(n int, id func(i int) uint64) [][]byte {
		out := make([][]byte, n)
		for i := range out {
			out[i] = itob(id(i))
		}
		return out
	}
	steps := []struct {
		bucket     []byte
		keys, vals [][]byte
	}{
		{bucketProducts, ids(len(products), func(i int) uint64 { return uint64(products[i].ID) }), prodRecs},
		{bucketPriceVersions, ids(len(versions), func(i int) uint64 { return uint64(versions[i].ID) }), verRecs},
		{bucketOrders, ids(len(all), func(i int) uint64 { return uint64(all[i].ID) }), ordRecs},
		{bucketPayments, ids(len(pays), func(i int) uint64 { return uint64(pays[i].ID) }), payRecs},
	}
	// products arrive in any id order
	slices.SortFunc(steps[0].keys, bytes.Compare)
	prodByKey := map[string][]byte{}
	for i := range products {
		prodByKey[string(itob(uint64(products[i].ID)))] = prodRecs[i]
	}
	for i, k := range steps[0].keys {
		steps[0].vals[i] = prodByKey[string(k)]
	}
	for _, name := range [][]byte{bucketProductSKU, bucketProductExt, bucketPrices, bucketOrderNumber, bucketOrderExt, bucketOrderClient, bucketOrderStatus, bucketOrderDate, bucketPaymentOrder} {
		es := idx[string(name)]
		slices.SortFunc(es, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		keys, vals := make([][]byte, len(es)), make([][]byte, len(es))
		for i, e := range es {
			keys[i], vals[i] = e.k, e.v
		}
		steps = append(steps, struct {
			bucket     []byte
			keys, vals [][]byte
		}{name, keys, vals})
	}
	for _, s := range steps {
		if err := put(s.bucket, s.keys, s.vals); err != nil {
			return undo(err)
		}
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		for _, s := range []struct {
			b   []byte
			seq uint64
		}{{bucketProducts, prodSeq}, {bucketPriceVersions, verSeq}, {bucketOrders, ordSeq}, {bucketPayments, paySeq}} {
			if err := tx.Bucket(s.b).SetSequence(s.seq); err != nil {
				return err
			}
		}
		if err := addCounter(tx, keyOrders, int64(len(all))); err != nil {
			return err
		}
		if err := addCounter(tx, keyProducts, int64(len(products))); err != nil {
			return err
		}
		for y, n := range yearSeq {
			if n > counter(tx, orderSeqKey(y)) {
				if err := tx.Bucket(bucketMeta).Put(orderSeqKey(y), itob(n)); err != nil {
					return err
				}
			}
		}
		for y, n := range invoiceSeq {
			if n > counter(tx, invoiceSeqKey(y)) {
				if err := tx.Bucket(bucketMeta).Put(invoiceSeqKey(y), itob(n)); err != nil {
					return err
				}
			}
		}
		return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "order", Action: "bulk_load",
			Reason: model.T("storepay.bulk_load", len(all), len(pays))})
	})
	if err != nil {
		return undo(err)
	}
	if len(products) > 0 {
		db.dropProductIndex()
	}
	return len(all), len(pays), nil
}

// bulkStart is the sequences a bulk load of orders started from.
type bulkStart struct{ product, version, order, payment uint64 }

func stampMeta(m *model.Meta, at time.Time, by string) {
	if m.Version == 0 {
		m.Version = 1
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = at
	}
	if m.CreatedBy == "" {
		m.CreatedBy = by
	}
	if m.UpdatedAt.IsZero() {
		m.UpdatedAt, m.UpdatedBy = m.CreatedAt, m.CreatedBy
	}
}

// splitOrderNumber reads "2026-000123" as its year and number.
func splitOrderNumber(s string) (int, uint64, bool) {
	y, n, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, false
	}
	year, err1 := strconv.Atoi(y)
	num, err2 := strconv.ParseUint(n, 10, 64)
	return year, num, err1 == nil && err2 == nil
}

// encodeAll encodes records as JSON on every core, in order.
func encodeAll[T any](recs []T) ([][]byte, error) {
	out := make([][]byte, len(recs))
	workers := runtime.GOMAXPROCS(0)
	chunk := max(256, (len(recs)+workers-1)/workers)
	var wg sync.WaitGroup
	errs := make([]error, (len(recs)+chunk-1)/chunk)
	for c := 0; c*chunk < len(recs); c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c * chunk; i < min(len(recs), (c+1)*chunk); i++ {
				v, err := json.Marshal(&recs[i])
				if err != nil {
					errs[c] = err
					return
				}
				out[i] = v
			}
		}(c)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// orderBulkUndo removes what a failed load wrote: records above the
// sequences it started from and the index entries that name them.
func (db *DB) orderBulkUndo(cause error, s bulkStart) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		drop := func(name []byte, stale func(k, v []byte) bool) error {
			b := tx.Bucket(name)
			var keys [][]byte
			c := b.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if stale(k, v) {
					keys = append(keys, bytes.Clone(k))
				}
			}
			for _, k := range keys {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			return nil
		}
		keyAfter := func(start uint64) func(k, v []byte) bool {
			return func(k, _ []byte) bool { return len(k) >= 8 && btoi(k[len(k)-8:]) > start }
		}
		valAfter := func(start uint64, at int) func(k, v []byte) bool {
			return func(_, v []byte) bool { return len(v) >= at+8 && btoi(v[at:at+8]) > start }
		}
		steps := []struct {
			b     []byte
			stale func(k, v []byte) bool
		}{
			{bucketProducts, keyAfter(s.product)}, {bucketProductSKU, valAfter(s.product, 0)},
			{bucketPriceVersions, keyAfter(s.version)}, {bucketPrices, valAfter(s.version, 8)},
			{bucketOrders, keyAfter(s.order)}, {bucketOrderNumber, valAfter(s.order, 0)},
			{bucketProductExt, valAfter(s.product, 0)}, {bucketOrderExt, valAfter(s.order, 0)},
			{bucketOrderClient, keyAfter(s.order)}, {bucketOrderStatus, keyAfter(s.order)},
			{bucketOrderDate, keyAfter(s.order)},
			{bucketPayments, keyAfter(s.payment)}, {bucketPaymentOrder, keyAfter(s.payment)},
		}
		for _, st := range steps {
			if err := drop(st.b, st.stale); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%w (and removing the half-loaded orders failed: %v)", cause, err)
	}
	return cause
}
