package store

import (
	"bytes"
	"strings"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Schema 8: external codes (issue 7, data in and out).
//
//	idx_client_ext   external code → client id(8)
//	idx_product_ext  external code → product id(8)
//	idx_order_ext    external code → order id(8)
//
// An external code is the record's id in 1C or another system; it is
// unique per kind, compared as extKey gives it (trimmed, case folded), so
// re-importing a file updates the records it matches instead of
// duplicating them. A record without a code has no entry. Every save of a
// client, product or order keeps its entry (the save paths call putExt).
var (
	bucketClientExt  = []byte("idx_client_ext")
	bucketProductExt = []byte("idx_product_ext")
	bucketOrderExt   = []byte("idx_order_ext")
	exchangeBuckets  = [][]byte{bucketClientExt, bucketProductExt, bucketOrderExt}
)

// extKey is the index key of an external code; nil for none.
func extKey(code string) []byte {
	code = strings.ToLower(strings.TrimSpace(code))
	if code == "" {
		return nil
	}
	return []byte(code)
}

// extLookup is the id stored under code in bucket, 0 for none.
func extLookup(tx *bolt.Tx, bucket []byte, code string) model.ID {
	k := extKey(code)
	if k == nil {
		return 0
	}
	if v := tx.Bucket(bucket).Get(k); len(v) == 8 {
		return model.ID(btoi(v))
	}
	return 0
}

// putExt moves record id's entry from old to code: the old code's entry
// goes, the new one is written. A code another record holds is refused
// with a sentence naming the field "external".
func putExt(tx *bolt.Tx, bucket []byte, id model.ID, old, code string) error {
	b := tx.Bucket(bucket)
	ok, nk := extKey(old), extKey(code)
	if nk != nil {
		if v := b.Get(nk); len(v) == 8 && model.ID(btoi(v)) != id {
			ve := &model.ValidationError{}
			ve.Add("external", model.T("store.external_taken", strings.TrimSpace(code)))
			return ve
		}
	}
	if ok != nil && !bytes.Equal(ok, nk) {
		if v := b.Get(ok); len(v) == 8 && model.ID(btoi(v)) == id {
			if err := b.Delete(ok); err != nil {
				return err
			}
		}
	}
	if nk != nil {
		return b.Put(nk, itob(uint64(id)))
	}
	return nil
}

// migrateExternalCodes creates schema 8's buckets and fills them from the
// products' and orders' codes (clients had none before).
func migrateExternalCodes(tx *bolt.Tx) error {
	for _, name := range exchangeBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	fill := func(records, index []byte, code func(v []byte) (string, error)) error {
		b := tx.Bucket(index)
		return tx.Bucket(records).ForEach(func(k, v []byte) error {
			c, err := code(v)
			if err != nil {
				return err
			}
			if key := extKey(c); key != nil && b.Get(key) == nil { // the first record keeps a code two claim
				return b.Put(key, bytes.Clone(k))
			}
			return nil
		})
	}
	if err := fill(bucketProducts, bucketProductExt, func(v []byte) (string, error) {
		var p model.Product
		return p.External, decode(v, &p)
	}); err != nil {
		return err
	}
	return fill(bucketOrders, bucketOrderExt, func(v []byte) (string, error) {
		var o model.Order
		return o.External, decode(v, &o)
	})
}

// ImportResult is what an import batch did with one record: the action,
// the record's id, and for a rejected one the reason (a sentence).
type ImportResult struct {
	Action model.ImportAction
	ID     model.ID
	Err    error
}
