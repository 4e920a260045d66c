package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"
)

// errOrderBulkStopped is the cause orderBulkUndo is given at Open.
var errOrderBulkStopped = errors.New("store: an order load was cut short")

// clearInterruptedOrderBulk removes what a bulk load of orders cut short by
// a crash wrote. The load sets the sequences in its last transaction and
// every single writer takes ids from them, so a product, version, order or
// payment above its bucket's sequence was never acknowledged: left there,
// a new order would take a stray one's id and its index entries (a
// phantom debt in receivables) would stay. Checking costs one Last per bucket.
func (db *DB) clearInterruptedOrderBulk() error {
	if db.ro {
		return nil
	}
	var start bulkStart
	stray := false
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		for _, r := range []struct {
			name []byte
			seq  *uint64
		}{{bucketProducts, &start.product}, {bucketPriceVersions, &start.version},
			{bucketOrders, &start.order}, {bucketPayments, &start.payment}} {
			b := tx.Bucket(r.name)
			if b == nil {
				continue
			}
			*r.seq = b.Sequence()
			if k, _ := b.Cursor().Last(); len(k) == 8 && btoi(k) > *r.seq {
				stray = true
			}
		}
		return nil
	})
	if !stray {
		return nil
	}
	if err := db.orderBulkUndo(errOrderBulkStopped, start); err != errOrderBulkStopped {
		return err
	}
	return nil
}
