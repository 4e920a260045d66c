package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Prices: the department's price settings (meta), the price versions and
// the prices index that answers "the price at a date" with one seek.

// priceSettingsTx reads the price settings (the defaults when none were saved).
func priceSettingsTx(tx *bolt.Tx) (model.PriceSettings, error) { return priceSettings.read(tx) }

// PriceSettings returns the price list's columns, VAT basis, currency and
// discount limits (the defaults when none were saved).
func (s *Session) PriceSettings() (model.PriceSettings, error) { return priceSettings.view(s.db) }

// SavePriceSettings stores new price settings (price.edit), checked against
// the version the editor started from.
func (s *Session) SavePriceSettings(ps model.PriceSettings) (model.PriceSettings, error) {
	return priceSettings.save(s, ps)
}

func diffPriceSettings(old, ps *model.PriceSettings) []model.FieldChange {
	var d settingsDiff
	d.add("columns", old.Columns, ps.Columns)
	d.add("vat_included", old.VATIncluded, ps.VATIncluded)
	d.add("currency", old.Currency, ps.Currency)
	d.add("discount_limits", old.DiscountLimits, ps.DiscountLimits)
	return d
}

func getPriceVersion(tx *bolt.Tx, id model.ID) (model.PriceVersion, error) {
	return getRecord[model.PriceVersion](tx, bucketPriceVersions, id, "storeorder.version_missing")
}

// priceVersionHead decodes a stored version without building its prices:
// the list needs only their number.
type priceVersionHead struct {
	ID        model.ID   `json:"id"`
	Effective time.Time  `json:"effective"`
	Note      string     `json:"note,omitempty"`
	Prices    []struct{} `json:"prices"`
	model.Meta
}

// PriceVersions lists the versions, newest effective first, without their
// prices (Prices nil) but with Count, how many they hold.
func (s *Session) PriceVersions() ([]model.PriceVersion, error) {
	var out []model.PriceVersion
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPriceVersions).ForEach(func(_, v []byte) error {
			var h priceVersionHead
			if err := json.Unmarshal(v, &h); err != nil {
				return err
			}
			out = append(out, model.PriceVersion{ID: h.ID, Effective: h.Effective, Note: h.Note, Count: len(h.Prices), Meta: h.Meta})
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Effective.Equal(out[j].Effective) {
			return out[i].Effective.After(out[j].Effective)
		}
		return out[i].ID > out[j].ID
	})
	return out, err
}

// PriceVersion loads one version with its prices.
func (s *Session) PriceVersion(id model.ID) (model.PriceVersion, error) {
	return readRecord(s.db, id, getPriceVersion)
}

// priceValue is a prices entry's value: price minor(8) version id(8).
func priceValue(minor int64, version model.ID) []byte {
	b := binary.BigEndian.AppendUint64(make([]byte, 0, 16), uint64(minor))
	return binary.BigEndian.AppendUint64(b, uint64(version))
}

// SavePriceVersion stores a version (ID 0: new; else a change of the stored
// one at its Version) with one prices entry per price, all in one
// transaction (price.edit). With noticeMonths > 0 and an effective date
// after today, it plans price-change notice calls and returns how many.
func (s *Session) SavePriceVersion(v model.PriceVersion, noticeMonths int) (model.PriceVersion, int, error) {
	db := s.db
	if db.ro {
		return model.PriceVersion{}, 0, db.readOnlyErr()
	}
	if !model.Can(s.me, model.ActPriceEdit) {
		return model.PriceVersion{}, 0, forbidden(s.me, "storeorder.act.price.edit")
	}
	planned := 0
	v.Prices = slices.Clone(v.Prices) // the caller's copy belongs to the UI goroutine
	if !v.Effective.IsZero() {
		v.Effective = v.Effective.UTC()
	}
	err := s.update(func(tx *bolt.Tx) error {
		ps, err := priceSettingsTx(tx)
		if err != nil {
			return err
		}
		if err := model.ValidatePriceVersion(v, ps); err != nil {
			return err
		}
		ve := &model.ValidationError{}
		for i, e := range v.Prices {
			if tx.Bucket(bucketProducts).Get(itob(uint64(e.Product))) == nil {
				ve.Add("prices."+itoa(uint64(i)), model.T("storeorder.product_missing", uint64(e.Product)))
			}
		}
		if err := ve.Err(); err != nil {
			return err
		}
		now := db.now()
		versions, prices := tx.Bucket(bucketPriceVersions), tx.Bucket(bucketPrices)
		var old *model.PriceVersion
		var freed [][]byte // keys whose entry this version held before the change
		action := "create"
		if v.ID != 0 {
			o, err := getPriceVersion(tx, v.ID)
			if err != nil {
				return err
			}
			if o.Version != v.Version {
				return model.Sentencef(model.ErrConflict, "storeorder.version_conflict", model.FormatDateTime(o.UpdatedAt, time.Local), o.UpdatedBy)
			}
			old, action = &o, "update"
			// its own entries go; another version's entry on the same key stays
			for _, e := range o.Prices {
				k := priceKey(e.Product, e.Column, unixKey(o.Effective))
				if val := prices.Get(k); len(val) == 16 && model.ID(btoi(val[8:])) == o.ID {
					if err := prices.Delete(k); err != nil {
						return err
					}
					freed = append(freed, k)
				}
			}
			v.Version, v.CreatedAt, v.CreatedBy = o.Version+1, o.CreatedAt, o.CreatedBy
		} else {
			seq, err := versions.NextSequence()
			if err != nil {
				return err
			}
			v.ID, v.Version, v.CreatedAt, v.CreatedBy = model.ID(seq), 1, now, s.me.Name
		}
		v.UpdatedAt, v.UpdatedBy = now, s.me.Name
		for i := range v.Prices {
			v.Prices[i].Price.Currency = ps.Currency
			e := v.Prices[i]
			if err := prices.Put(priceKey(e.Product, e.Column, unixKey(v.Effective)), priceValue(e.Price.Minor, v.ID)); err != nil {
				return err
			}
		}
		if err := restoreFreedPrices(tx, v.ID, freed); err != nil {
			return err
		}
		rec, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if err := versions.Put(itob(uint64(v.ID)), rec); err != nil {
			return err
		}
		changes := []model.FieldChange{}
		oldEff, oldN := "", ""
		if old != nil {
			oldEff, oldN = model.FormatDate(old.Effective, time.Local), itoa(uint64(len(old.Prices)))
		}
		if e := model.FormatDate(v.Effective, time.Local); e != oldEff {
			changes = append(changes, model.FieldChange{Field: "effective", Old: oldEff, New: e})
		}
		changes = append(changes, model.FieldChange{Field: "prices", Old: oldN, New: itoa(uint64(len(v.Prices)))})
		if old == nil || old.Note != v.Note {
			o := ""
			if old != nil {
				o = old.Note
			}
			changes = append(changes, model.FieldChange{Field: "note", Old: o, New: v.Note})
		}
		if err := writeAudit(tx, &model.AuditEntry{At: now, User: s.me.Name, Kind: "price_version", Record: v.ID,
			Action: action, Changes: changes}); err != nil {
			return err
		}
		if noticeMonths > 0 && v.Effective.After(now) {
			n, err := db.planPriceNotices(tx, v, noticeMonths, s.me.Name)
			if err != nil {
				return err
			}
			planned = n
		}
		return nil
	})
	if err != nil {
		return model.PriceVersion{}, 0, err
	}
	return v, planned, nil
}

// priceAt is product's price in column at date: the last prices entry
// under product|column effective at or before date.
func priceAt(tx *bolt.Tx, product model.ID, column string, date time.Time) (int64, bool) {
	prefix := priceKey(product, column, 0)
	prefix = prefix[:len(prefix)-8]
	c := tx.Bucket(bucketPrices).Cursor()
	k, v := c.Seek(priceKey(product, column, unixKey(date)+1))
	if k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, prefix) || len(k) != len(prefix)+8 || len(v) < 8 {
		return 0, false
	}
	return int64(btoi(v[:8])), true
}

// PriceFor is product's price in column at date (a model.ErrNotFound
// sentence when there is none).
func (s *Session) PriceFor(product model.ID, column string, date time.Time) (model.Money, error) {
	var m model.Money
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		ps, err := priceSettingsTx(tx)
		if err != nil {
			return err
		}
		p, err := getProduct(tx, product)
		if err != nil {
			return err
		}
		minor, ok := priceAt(tx, product, column, date)
		if !ok {
			return model.Sentencef(model.ErrNotFound, "storeorder.no_price", p.SKU, column, model.FormatDate(date, time.Local))
		}
		m = model.Money{Minor: minor, Currency: ps.Currency}
		return nil
	})
	return m, err
}

// restoreFreedPrices gives a key the changed version no longer prices back
// to another version with the same date, product and column (the latest
// such version), so its price is not lost from the index. Versions are
// read only when such a key is left.
func restoreFreedPrices(tx *bolt.Tx, self model.ID, freed [][]byte) error {
	prices := tx.Bucket(bucketPrices)
	left := map[string]bool{}
	for _, k := range freed {
		if prices.Get(k) == nil {
			left[string(k)] = true
		}
	}
	if len(left) == 0 {
		return nil
	}
	best := map[string][]byte{}
	c := tx.Bucket(bucketPriceVersions).Cursor()
	for k, rec := c.First(); k != nil; k, rec = c.Next() {
		if model.ID(btoi(k)) == self {
			continue
		}
		var pv model.PriceVersion
		if err := json.Unmarshal(rec, &pv); err != nil {
			return err
		}
		for _, e := range pv.Prices {
			pk := string(priceKey(e.Product, e.Column, unixKey(pv.Effective)))
			if left[pk] {
				best[pk] = priceValue(e.Price.Minor, pv.ID) // ids ascend: the latest wins
			}
		}
	}
	for k, v := range best {
		if err := prices.Put([]byte(k), v); err != nil {
			return err
		}
	}
	return nil
}
