package store

import (
	"bytes"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// A department's settings (the call rules, the price settings) are one JSON
// record under a meta key, with a version the editor started from.

// settingsKind describes one settings record for the shared read and save.
type settingsKind[T any] struct {
	key      []byte
	defaults func() T
	version  func(*T) *uint64
	validate func(T) error
	diff     func(old, new *T) []model.FieldChange
	right    model.Action
	refused  string // the forbidden sentence's key
	conflict string // the stale-version sentence's key
	action   string // the audit action ("" : create or update)
}

// settingsDiff collects the changed parts of a settings record for its
// audit entry, each as its JSON text (every settingsKind's diff uses it).
type settingsDiff []model.FieldChange

func (d *settingsDiff) add(field string, o, n any) {
	ob, _ := json.Marshal(o)
	nb, _ := json.Marshal(n)
	if !bytes.Equal(ob, nb) {
		*d = append(*d, model.FieldChange{Field: field, Old: string(ob), New: string(nb)})
	}
}

// read returns the stored settings, or the defaults when none were saved.
func (k settingsKind[T]) read(tx *bolt.Tx) (T, error) {
	v := tx.Bucket(bucketMeta).Get(k.key)
	if v == nil {
		return k.defaults(), nil
	}
	var t T
	err := json.Unmarshal(v, &t)
	return t, err
}

// view reads the settings in a read transaction.
func (k settingsKind[T]) view(db *DB) (T, error) {
	var t T
	err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		t, err = k.read(tx)
		return err
	})
	return t, err
}

// save stores next for s's user: the right, validation, the version the
// editor started from, and an audit entry (kind "settings") in one transaction.
func (k settingsKind[T]) save(s *Session, next T) (T, error) {
	var zero T
	db := s.db
	if db.ro {
		return zero, db.readOnlyErr()
	}
	if !model.Can(s.me, k.right) {
		return zero, forbidden(s.me, k.refused)
	}
	if err := k.validate(next); err != nil {
		return zero, err
	}
	err := s.update(func(tx *bolt.Tx) error {
		old, err := k.read(tx)
		if err != nil {
			return err
		}
		if *k.version(&old) != *k.version(&next) {
			return model.Sentencef(model.ErrConflict, k.conflict)
		}
		*k.version(&next) = *k.version(&old) + 1
		v, err := json.Marshal(next)
		if err != nil {
			return err
		}
		action := k.action
		if action == "" {
			action = "update"
			if tx.Bucket(bucketMeta).Get(k.key) == nil {
				action = "create"
			}
		}
		if err := tx.Bucket(bucketMeta).Put(k.key, v); err != nil {
			return err
		}
		return writeAudit(tx, &model.AuditEntry{At: db.now(), User: s.me.Name, Kind: "settings", Action: action,
			Changes: k.diff(&old, &next)})
	})
	if err != nil {
		return zero, err
	}
	return next, nil
}

var callSettings = settingsKind[model.CallSettings]{
	key:      keyCallSettings,
	defaults: model.DefaultCallSettings,
	version:  func(cs *model.CallSettings) *uint64 { return &cs.Version },
	validate: model.ValidateCallSettings,
	diff:     diffSettings,
	right:    model.ActCallSettings,
	refused:  "storeplan.act." + string(model.ActCallSettings),
	conflict: "storeplan.settings_conflict",
}

// kind "settings" as the call rules; the action tells the two apart
var priceSettings = settingsKind[model.PriceSettings]{
	key:      keyPriceSettings,
	defaults: model.DefaultPriceSettings,
	version:  func(ps *model.PriceSettings) *uint64 { return &ps.Version },
	validate: model.ValidatePriceSettings,
	diff:     diffPriceSettings,
	right:    model.ActPriceEdit,
	refused:  "storeorder.act.price.edit",
	conflict: "storeorder.settings_conflict",
	action:   "price_settings",
}
