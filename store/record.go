package store

import (
	"bytes"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// getRecord loads the record id of bucket in tx; a missing one is
// ErrNotFound with the sentence missing (which takes the number).
func getRecord[T any](tx *bolt.Tx, bucket []byte, id model.ID, missing string) (T, error) {
	var r T
	v := tx.Bucket(bucket).Get(itob(uint64(id)))
	if v == nil {
		return r, model.Sentencef(model.ErrNotFound, missing, uint64(id))
	}
	err := decode(v, &r)
	return r, err
}

// readRecord loads one record with get in a read transaction of its own.
func readRecord[T any](db *DB, id model.ID, get func(*bolt.Tx, model.ID) (T, error)) (T, error) {
	var r T
	err := db.bolt.View(func(tx *bolt.Tx) (err error) {
		r, err = get(tx, id)
		return err
	})
	return r, err
}

// replaceIndex puts a record's index entries next in place of its old
// ones, prev (nil for a new record): an entry it no longer has is deleted,
// and one already stored with the same value is not written again (a put
// dirties its page, and every dirty page is written at commit).
func replaceIndex(tx *bolt.Tx, prev, next []planEntry) error {
	for _, o := range prev {
		kept := false
		for _, n := range next {
			kept = kept || (bytes.Equal(n.bucket, o.bucket) && bytes.Equal(n.key, o.key))
		}
		if !kept {
			if err := tx.Bucket(o.bucket).Delete(o.key); err != nil {
				return err
			}
		}
	}
	for _, n := range next {
		// Get is nil for a missing key (and for one put earlier in this
		// transaction with an empty value: that one is put again, harmlessly)
		b := tx.Bucket(n.bucket)
		if len(prev) > 0 {
			if v := b.Get(n.key); v != nil && bytes.Equal(v, n.value) {
				continue
			}
		}
		if err := b.Put(n.key, n.value); err != nil {
			return err
		}
	}
	return nil
}

// changeList collects the fields that differ between two versions of a
// record, as display text, for the audit entry.
type changeList []model.FieldChange

func (l *changeList) add(field, old, new string) {
	if old != new {
		*l = append(*l, model.FieldChange{Field: field, Old: old, New: new})
	}
}

// idText is a reference as audit text ("" for none).
func idText(v model.ID) string {
	if v == 0 {
		return ""
	}
	return itoa(uint64(v))
}

// countText is a count as audit text ("" for none).
func countText(v int) string {
	if v == 0 {
		return ""
	}
	return itoa(uint64(max(v, 0)))
}

// momentText is a date and time as audit text ("" for none).
func momentText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return model.FormatDateTime(t, time.Local)
}
