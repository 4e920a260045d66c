package store

import (
	"context"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Products: the catalogue's records, its SKU index and the list that
// answers from memory (product_search.go).

func getProduct(tx *bolt.Tx, id model.ID) (model.Product, error) {
	return getRecord[model.Product](tx, bucketProducts, id, "storeorder.product_missing")
}

// productBySKU finds a product (active or not) by SKU, case-insensitively.
func productBySKU(tx *bolt.Tx, sku string) (model.Product, bool, error) {
	id := tx.Bucket(bucketProductSKU).Get([]byte(skuKey(sku)))
	if id == nil {
		return model.Product{}, false, nil
	}
	p, err := getProduct(tx, model.ID(btoi(id)))
	return p, err == nil, err
}

// Products returns a window of the catalogue; see common.OrderStore.
func (s *Session) Products(ctx context.Context, query string, inactive bool, offset, limit int) (model.ProductPage, error) {
	snap, err := s.db.productSnapshot()
	if err != nil {
		return model.ProductPage{}, err
	}
	if offset < 0 {
		offset = 0
	}
	return snap.search(ctx, query, inactive, offset, limit)
}

// Product loads one product.
func (s *Session) Product(id model.ID) (model.Product, error) {
	return readRecord(s.db, id, getProduct)
}

// ProductBySKU finds an active product by its exact SKU, case-insensitively.
func (s *Session) ProductBySKU(sku string) (model.Product, error) {
	var p model.Product
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		var ok bool
		var err error
		p, ok, err = productBySKU(tx, sku)
		if err != nil {
			return err
		}
		if !ok || !p.Active {
			return model.Sentencef(model.ErrNotFound, "storeorder.sku_missing", strings.TrimSpace(sku))
		}
		return nil
	})
	if err != nil {
		return model.Product{}, err
	}
	return p, nil
}

// SaveProduct creates (ID 0) or updates a product: price.edit, validation,
// a unique SKU, the record, the SKU index, the counter and the audit entry
// in one transaction, then the catalogue in memory.
func (s *Session) SaveProduct(p model.Product) (model.Product, error) {
	db := s.db
	if db.ro {
		return model.Product{}, db.readOnlyErr()
	}
	if !model.Can(s.me, model.ActPriceEdit) {
		return model.Product{}, forbidden(s.me, "storeorder.act.price.edit")
	}
	p.SKU, p.Name, p.External = strings.TrimSpace(p.SKU), strings.TrimSpace(p.Name), strings.TrimSpace(p.External)
	if err := model.ValidateProduct(p); err != nil {
		return model.Product{}, err
	}
	pi := db.productIndex()
	pi.mu.Lock()
	defer pi.mu.Unlock()
	var old *model.Product
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		old, err = db.putProduct(tx, p.ID, &p, s.me.Name, p.Version)
		return err
	})
	if err != nil {
		return model.Product{}, err
	}
	pi.productSaved(old, p)
	return p, nil
}

// putProduct writes p (id 0: new; else a change of the stored product, whose
// Version must be version) with its SKU index entry, counter and audit. It
// returns the old state (nil for a new product).
func (db *DB) putProduct(tx *bolt.Tx, id model.ID, p *model.Product, by string, version uint64) (*model.Product, error) {
	now := db.now()
	products := tx.Bucket(bucketProducts)
	skus := tx.Bucket(bucketProductSKU)
	var old *model.Product
	action := "create"
	if id != 0 {
		o, err := getProduct(tx, id)
		if err != nil {
			return nil, err
		}
		if o.Version != version {
			return nil, model.Sentencef(model.ErrConflict, "storeorder.conflict", model.FormatDateTime(o.UpdatedAt, time.Local), o.UpdatedBy)
		}
		old, action = &o, "update"
	}
	key := []byte(skuKey(p.SKU))
	if v := skus.Get(key); v != nil && (old == nil || btoi(v) != uint64(old.ID)) {
		other, _ := getProduct(tx, model.ID(btoi(v)))
		ve := &model.ValidationError{}
		ve.Add("sku", model.T("storeorder.sku_taken", p.SKU, other.Name))
		return nil, ve
	}
	if old == nil {
		seq, err := products.NextSequence()
		if err != nil {
			return nil, err
		}
		p.ID, p.Version, p.CreatedAt, p.CreatedBy = model.ID(seq), 1, now, by
		if err := addCounter(tx, keyProducts, 1); err != nil {
			return nil, err
		}
	} else {
		p.Version, p.CreatedAt, p.CreatedBy = old.Version+1, old.CreatedAt, old.CreatedBy
		if oldKey := skuKey(old.SKU); oldKey != string(key) {
			if err := skus.Delete([]byte(oldKey)); err != nil {
				return nil, err
			}
		}
	}
	oldExt := ""
	if old != nil {
		oldExt = old.External
	}
	if old == nil || string(extKey(oldExt)) != string(extKey(p.External)) {
		if err := putExt(tx, bucketProductExt, p.ID, oldExt, p.External); err != nil {
			return nil, err
		}
	}
	p.UpdatedAt, p.UpdatedBy = now, by
	v, err := encode(p)
	if err != nil {
		return nil, err
	}
	if err := products.Put(itob(uint64(p.ID)), v); err != nil {
		return nil, err
	}
	if err := skus.Put(key, itob(uint64(p.ID))); err != nil {
		return nil, err
	}
	before := model.Product{}
	if old != nil {
		before = *old
	}
	return old, writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "product", Record: p.ID, Action: action,
		Changes: diffProduct(&before, p)})
}

func diffProduct(old, p *model.Product) []model.FieldChange {
	var out changeList
	add := out.add
	add("sku", old.SKU, p.SKU)
	add("name", old.Name, p.Name)
	add("unit", string(old.Unit), string(p.Unit))
	if old.ID == 0 || old.VAT != p.VAT {
		add("vat", rateText(old.VAT, old.ID == 0), rateText(p.VAT, false))
	}
	if old.ID == 0 || old.Active != p.Active {
		add("active", yesNo(old.Active && old.ID != 0), yesNo(p.Active))
	}
	add("external", old.External, p.External)
	return out
}

func rateText(r model.Rate, none bool) string {
	if none {
		return ""
	}
	return model.FormatRate(r)
}

// ProductHistory returns a product's audit entries, oldest first.
func (s *Session) ProductHistory(id model.ID) ([]model.AuditEntry, error) {
	return s.db.history("product", uint64(id))
}
