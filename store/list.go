package store

import (
	"context"
	"errors"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
	"clientbase/store/search"
)

// List returns rows [offset, offset+limit) of the clients matching f in name
// order. Without the search index only the unfiltered list (live, archived or
// both) is answered, from idx_client_name; any other filter comes back with
// Indexing set and no rows.
func (s *Session) List(ctx context.Context, f model.ClientFilter, offset, limit int) (model.ClientPage, error) {
	if err := ctx.Err(); err != nil {
		return model.ClientPage{}, err
	}
	if offset < 0 {
		offset = 0
	}
	if limit < 0 {
		limit = 0
	}
	if ix := s.db.idx.Load(); ix != nil {
		s.db.waitIndexed() // a list after a save shows the save
		return s.db.listIndexed(ctx, ix, f, offset, limit)
	}
	if f.Text != "" || f.Category != "" || f.Status != "" || f.Manager != "" {
		return model.ClientPage{Indexing: true}, nil
	}
	return s.db.listByName(ctx, f, offset, limit)
}

func (db *DB) listIndexed(ctx context.Context, ix *search.Index, f model.ClientFilter, offset, limit int) (model.ClientPage, error) {
	var mid uint32
	if f.Manager != "" {
		if mid = db.managerID(f.Manager); mid == 0 {
			return model.ClientPage{}, nil // nobody by that name manages anything
		}
	}
	db.idxMu.Lock()
	key := cacheKey{f: f, mid: mid, gen: db.gen}
	res := db.cache[key]
	db.idxMu.Unlock()
	if res == nil {
		var err error
		if res, err = ix.Query(ctx, f, mid); err != nil {
			return model.ClientPage{}, err
		}
		db.idxMu.Lock()
		if db.gen == key.gen {
			if db.cache == nil || len(db.cache) >= 16 {
				db.cache = map[cacheKey]*search.Result{}
			}
			db.cache[key] = res
		}
		db.idxMu.Unlock()
	}
	page := model.ClientPage{Total: res.Len()}
	end := min(offset+limit, res.Len())
	if offset >= end {
		return page, nil
	}
	ids := make([]uint64, 0, end-offset)
	for i := offset; i < end; i++ {
		ids = append(ids, res.ID(i))
	}
	rows, err := db.loadClients(ids)
	page.Rows = rows
	return page, err
}

// loadClients reads the clients of ids in order, skipping vanished ones.
func (db *DB) loadClients(ids []uint64) ([]model.Client, error) {
	rows := make([]model.Client, 0, len(ids))
	err := db.bolt.View(func(tx *bolt.Tx) error {
		for _, id := range ids {
			c, err := getClient(tx, model.ID(id))
			if errors.Is(err, model.ErrNotFound) {
				continue
			} else if err != nil {
				return err
			}
			rows = append(rows, c)
		}
		return nil
	})
	return rows, err
}

// listByName pages over idx_client_name with a cursor, from the front or,
// past the middle, from the back; the total comes from the counters.
func (db *DB) listByName(ctx context.Context, f model.ClientFilter, offset, limit int) (model.ClientPage, error) {
	var page model.ClientPage
	err := db.bolt.View(func(tx *bolt.Tx) error {
		live, archived := int(counter(tx, keyClientsLive)), int(counter(tx, keyClientsArchived))
		switch {
		case f.OnlyArchived:
			page.Total = archived
		case f.IncludeArchived:
			page.Total = live + archived
		default:
			page.Total = live
		}
		end := min(offset+limit, page.Total)
		if offset >= end {
			return nil
		}
		db.archivedMu.RLock()
		defer db.archivedMu.RUnlock()
		match := func(id uint64) bool {
			_, isArchived := db.archived[id]
			switch {
			case f.OnlyArchived:
				return isArchived
			case f.IncludeArchived:
				return true
			}
			return !isArchived
		}
		cur := tx.Bucket(bucketClientName).Cursor()
		ids := make([]uint64, 0, end-offset)
		steps := 0
		if offset <= page.Total/2 {
			i := 0
			for k, _ := cur.First(); k != nil && i < end; k, _ = cur.Next() {
				if steps++; steps&1023 == 0 && ctx.Err() != nil {
					return ctx.Err()
				}
				id := compositeID(k)
				if !match(id) {
					continue
				}
				if i >= offset {
					ids = append(ids, id)
				}
				i++
			}
		} else {
			i := page.Total - 1 // index of the match under the cursor, counted from the front
			for k, _ := cur.Last(); k != nil && i >= offset; k, _ = cur.Prev() {
				if steps++; steps&1023 == 0 && ctx.Err() != nil {
					return ctx.Err()
				}
				id := compositeID(k)
				if !match(id) {
					continue
				}
				if i < end {
					ids = append(ids, id)
				}
				i--
			}
			for l, r := 0, len(ids)-1; l < r; l, r = l+1, r-1 {
				ids[l], ids[r] = ids[r], ids[l]
			}
		}
		page.Rows = make([]model.Client, 0, len(ids))
		for _, id := range ids {
			c, err := getClient(tx, model.ID(id))
			if errors.Is(err, model.ErrNotFound) {
				continue
			} else if err != nil {
				return err
			}
			page.Rows = append(page.Rows, c)
		}
		return nil
	})
	if err != nil {
		return model.ClientPage{}, err
	}
	return page, nil
}
