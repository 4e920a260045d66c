package store

import (
	"bytes"
	"context"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"weak"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The catalogue in memory: every product in SKU order with one haystack of
// their folded "SKU name" texts, so a keystroke is a bytes.Index over a few
// megabytes instead of a bucket scan. Loaded at first use, replaced (copy on
// write) after each product save; readers never lock.

// productSnap is one immutable state of the catalogue.
type productSnap struct {
	rows   []*model.Product // by upper-cased SKU; pointers, so a save copies 8 bytes a product
	active []bool           // rows[i].Active, packed: a search touches only this and hay
	hay    []byte           // seg(0) seg(1) … each folded "SKU name" and a 0x00
	offs   []int            // offs[i] is where seg(i) starts; offs[len(rows)] = len(hay)
}

// productIndex is a database's catalogue in memory.
type productIndex struct {
	mu   sync.Mutex // serialises the load and product saves with their update
	snap atomic.Pointer[productSnap]
}

// productIndexes holds each open database's catalogue; the entry goes when
// the DB is collected (the DB struct is not this file's to extend).
var productIndexes sync.Map // weak.Pointer[DB] → *productIndex

func (db *DB) productIndex() *productIndex {
	k := weak.Make(db)
	if v, ok := productIndexes.Load(k); ok {
		return v.(*productIndex)
	}
	v, loaded := productIndexes.LoadOrStore(k, &productIndex{})
	if !loaded {
		runtime.AddCleanup(db, func(k weak.Pointer[DB]) { productIndexes.Delete(k) }, k)
	}
	return v.(*productIndex)
}

// dropProductIndex forgets the catalogue in memory: the next lookup reloads
// it. A bulk load of products calls it after its commit.
func (db *DB) dropProductIndex() {
	pi := db.productIndex()
	pi.mu.Lock()
	pi.snap.Store(nil)
	pi.mu.Unlock()
}

// productSnapshot returns the catalogue, loading it on first use.
func (db *DB) productSnapshot() (*productSnap, error) {
	pi := db.productIndex()
	if s := pi.snap.Load(); s != nil {
		return s, nil
	}
	pi.mu.Lock()
	defer pi.mu.Unlock()
	if s := pi.snap.Load(); s != nil {
		return s, nil
	}
	s, err := db.loadProducts()
	if err != nil {
		return nil, err
	}
	pi.snap.Store(s)
	return s, nil
}

// loadProducts reads every product in SKU order (idx_product_sku's order).
func (db *DB) loadProducts() (*productSnap, error) {
	s := &productSnap{}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		products := tx.Bucket(bucketProducts)
		return tx.Bucket(bucketProductSKU).ForEach(func(_, id []byte) error {
			v := products.Get(id)
			if v == nil {
				return nil
			}
			var p model.Product
			if err := decode(v, &p); err != nil {
				return err
			}
			s.rows = append(s.rows, &p)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	// the index orders by bytes of the upper-cased SKU, as skuLess does
	s.offs = make([]int, 0, len(s.rows)+1)
	s.active = make([]bool, 0, len(s.rows))
	for i := range s.rows {
		s.offs = append(s.offs, len(s.hay))
		s.hay = appendProductSeg(s.hay, s.rows[i])
		s.active = append(s.active, s.rows[i].Active)
	}
	s.offs = append(s.offs, len(s.hay))
	return s, nil
}

func appendProductSeg(dst []byte, p *model.Product) []byte {
	dst = model.FoldSearch(dst, p.SKU)
	dst = append(dst, ' ')
	dst = model.FoldSearch(dst, p.Name)
	// a 0x00 never comes out of the fold: no match spans two products
	return append(dst, 0)
}

func skuKey(sku string) string { return strings.ToUpper(strings.TrimSpace(sku)) }

// with returns a copy of s with p added or replaced (by ID; old is p's
// previous state, nil for a new product).
func (s *productSnap) with(old *model.Product, p model.Product) *productSnap {
	n := &productSnap{}
	rows, active, offs, hay := s.rows, s.active, s.offs, s.hay
	if old != nil { // take the old row out
		i := s.find(old)
		if i >= 0 {
			cut := offs[i+1] - offs[i]
			nr := make([]*model.Product, 0, len(rows))
			nr = append(append(nr, rows[:i]...), rows[i+1:]...)
			na := make([]bool, 0, len(active))
			active = append(append(na, active[:i]...), active[i+1:]...)
			nh := make([]byte, 0, len(hay))
			nh = append(append(nh, hay[:offs[i]]...), hay[offs[i+1]:]...)
			no := make([]int, 0, len(offs))
			no = append(no, offs[:i]...)
			for _, o := range offs[i+1:] {
				no = append(no, o-cut)
			}
			rows, hay, offs = nr, nh, no
		}
	}
	key := skuKey(p.SKU)
	i := sort.Search(len(rows), func(j int) bool { return skuKey(rows[j].SKU) >= key })
	seg := appendProductSeg(nil, &p)
	n.rows = make([]*model.Product, 0, len(rows)+1)
	n.rows = append(append(append(n.rows, rows[:i]...), &p), rows[i:]...)
	n.active = make([]bool, 0, len(active)+1)
	n.active = append(append(append(n.active, active[:i]...), p.Active), active[i:]...)
	n.hay = make([]byte, 0, len(hay)+len(seg))
	n.hay = append(append(append(n.hay, hay[:offs[i]]...), seg...), hay[offs[i]:]...)
	n.offs = make([]int, 0, len(offs)+1)
	n.offs = append(n.offs, offs[:i+1]...)
	for _, o := range offs[i:] {
		n.offs = append(n.offs, o+len(seg))
	}
	return n
}

// find is old's row, by SKU then ID; -1 when absent.
func (s *productSnap) find(old *model.Product) int {
	key := skuKey(old.SKU)
	i := sort.Search(len(s.rows), func(j int) bool { return skuKey(s.rows[j].SKU) >= key })
	for ; i < len(s.rows) && skuKey(s.rows[i].SKU) == key; i++ {
		if s.rows[i].ID == old.ID {
			return i
		}
	}
	for j := range s.rows { // an SKU stored unfolded differently: a full look
		if s.rows[j].ID == old.ID {
			return j
		}
	}
	return -1
}

// productSaved brings the catalogue in memory up to a committed save; the
// caller holds pi.mu. A catalogue not loaded yet stays unloaded.
func (pi *productIndex) productSaved(old *model.Product, p model.Product) {
	if s := pi.snap.Load(); s != nil {
		pi.snap.Store(s.with(old, p))
	}
}

// search returns the window [offset, offset+limit) of the products whose
// folded "SKU name" holds every word of query, and how many match.
func (s *productSnap) search(ctx context.Context, query string, inactive bool, offset, limit int) (model.ProductPage, error) {
	var page model.ProductPage
	take := func(i int) {
		if !inactive && !s.active[i] {
			return
		}
		if page.Total >= offset && len(page.Rows) < limit {
			page.Rows = append(page.Rows, *s.rows[i])
		}
		page.Total++
	}
	q := model.FoldSearch(nil, query)
	words := bytes.Fields(q)
	if len(words) == 0 {
		for i := range s.rows {
			if i&4095 == 0 && ctx.Err() != nil {
				return model.ProductPage{}, ctx.Err()
			}
			take(i)
		}
		return page, nil
	}
	// the longest word finds candidates fast; the others confirm each one
	sort.Slice(words, func(a, b int) bool { return len(words[a]) > len(words[b]) })
	lead, rest := words[0], words[1:]
	pos, checks, i := 0, 0, 0
	for pos < len(s.hay) {
		j := bytes.Index(s.hay[pos:], lead)
		if j < 0 {
			break
		}
		at := pos + j
		// the segment holding at: hits only move forward, so walking the
		// offsets costs one compare per product over the whole search
		for s.offs[i+1] <= at {
			i++
		}
		seg := s.hay[s.offs[i]:s.offs[i+1]]
		ok := true
		for _, w := range rest {
			if !bytes.Contains(seg, w) {
				ok = false
				break
			}
		}
		if ok && (inactive || s.active[i]) { // take(i), inline: this runs once per hit
			if page.Total >= offset && len(page.Rows) < limit {
				page.Rows = append(page.Rows, *s.rows[i])
			}
			page.Total++
		}
		pos = s.offs[i+1]
		if checks++; checks&1023 == 0 && ctx.Err() != nil {
			return model.ProductPage{}, ctx.Err()
		}
	}
	return page, nil
}

// LoadCatalogue reads the catalogue into memory now (main may run it in
// the background at start), so the first product lookup does not wait for
// it: 100,000 products take about half a second.
func (db *DB) LoadCatalogue() error {
	_, err := db.productSnapshot()
	return err
}
