package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The schedule's read side: the week view, the supervisor's grid and
// adherence, and the client's timeline.

// mayViewPlanOf refuses another user's plan to whom may not see everyone's.
func (s *Session) mayViewPlanOf(users ...string) error {
	if model.Can(s.me, model.ActPlanViewAll) {
		return nil
	}
	for _, u := range users {
		if u != s.me.Name {
			return forbidden(s.me, "storeviews.act.plan_view")
		}
	}
	return nil
}

// PlanItems returns user's items (all statuses) due in [from, to), by due.
// Own items always; another's (or the pool's, user "") need plan.view_all.
func (s *Session) PlanItems(user string, from, to time.Time) ([]model.PlanRow, error) {
	if err := s.mayViewPlanOf(user); err != nil {
		return nil, err
	}
	var rows []model.PlanRow
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		plan := tx.Bucket(bucketPlan)
		clients := map[model.ID]*model.Client{}
		return scanPlanUser(tx, user, unixKey(from), unixKey(to), func(_, id uint64, _ []byte) error {
			v := plan.Get(itob(id))
			if v == nil {
				return nil // an index entry without its record: never written so
			}
			var row model.PlanRow
			if err := decode(v, &row.Item); err != nil {
				return err
			}
			c, ok := clients[row.Item.Client]
			if !ok {
				if got, err := getClient(tx, row.Item.Client); err == nil {
					c = &got
				}
				clients[row.Item.Client] = c
			}
			if c != nil {
				row.ClientName, row.Category, row.Flags = c.ShortName, c.Category, c.Flags
			}
			rows = append(rows, row)
			return nil
		})
	})
	return rows, err
}

// scanPlanUser calls fn for user's idx_plan_user entries with due in
// [lo, hi) (Unix seconds), in due order; v is the entry's value.
func scanPlanUser(tx *bolt.Tx, user string, lo, hi uint64, fn func(due, id uint64, v []byte) error) error {
	if hi <= lo {
		return nil
	}
	prefix := userPrefix(user)
	n := len(prefix)
	c := tx.Bucket(bucketPlanUser).Cursor()
	for k, v := c.Seek(binary.BigEndian.AppendUint64(bytes.Clone(prefix), lo)); k != nil && len(k) == n+16 && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		due := binary.BigEndian.Uint64(k[n:])
		if due >= hi {
			break
		}
		if err := fn(due, binary.BigEndian.Uint64(k[n+8:]), v); err != nil {
			return err
		}
	}
	return nil
}

// countEntry adds one idx_plan_user entry to a cell: off-plan calls apart;
// planned = still planned or done; overdue = still planned and due before now.
func countEntry(cell *model.GridCell, due, now uint64, v []byte) {
	if len(v) < 3 {
		return
	}
	status := planStatusOf(v[0])
	if v[2] == 1 {
		if status != model.PlanCancelled && status != model.PlanRescheduled {
			cell.OffPlan++
		}
		return
	}
	switch status {
	case model.PlanPlanned:
		cell.Planned++
		if due < now {
			cell.Overdue++
		}
	case model.PlanDone:
		cell.Planned++
		cell.Done++
	}
}

// Grid counts users' plans per day; days are local midnights, each cell
// covering [day, next day's midnight). Only index entries are read (one
// range scan per user), never a record. Others' plans need plan.view_all.
func (s *Session) Grid(users []string, days []time.Time) (model.PlanGrid, error) {
	g := model.PlanGrid{Users: users, Days: days, Cells: make([][]model.GridCell, len(users))}
	for i := range g.Cells {
		g.Cells[i] = make([]model.GridCell, len(days))
	}
	if len(days) == 0 || len(users) == 0 {
		return g, nil
	}
	if err := s.mayViewPlanOf(users...); err != nil {
		return model.PlanGrid{}, err
	}
	starts, ends := make([]uint64, len(days)), make([]uint64, len(days))
	lo, hi := ^uint64(0), uint64(0)
	for j, d := range days {
		starts[j], ends[j] = unixKey(d), unixKey(d.AddDate(0, 0, 1))
		lo, hi = min(lo, starts[j]), max(hi, ends[j])
	}
	// Days usually ascend and touch; then a cell is found by search.
	contiguous := slices.IsSorted(starts)
	for j := 1; contiguous && j < len(days); j++ {
		contiguous = starts[j] == ends[j-1]
	}
	now := unixKey(s.db.now())
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		for i, u := range users {
			row := g.Cells[i]
			err := scanPlanUser(tx, u, lo, hi, func(due, _ uint64, v []byte) error {
				if contiguous {
					j, found := slices.BinarySearch(starts, due)
					if !found {
						j--
					}
					countEntry(&row[j], due, now, v)
					return nil
				}
				for j := range days {
					if due >= starts[j] && due < ends[j] {
						countEntry(&row[j], due, now, v)
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return model.PlanGrid{}, err
	}
	return g, nil
}

// Adherence is planned vs done per user for items due in [from, to), with
// the same counts as Grid summed over the period.
func (s *Session) Adherence(users []string, from, to time.Time) ([]model.Adherence, error) {
	if err := s.mayViewPlanOf(users...); err != nil {
		return nil, err
	}
	out := make([]model.Adherence, len(users))
	now := unixKey(s.db.now())
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		for i, u := range users {
			var cell model.GridCell
			err := scanPlanUser(tx, u, unixKey(from), unixKey(to), func(due, _ uint64, v []byte) error {
				countEntry(&cell, due, now, v)
				return nil
			})
			if err != nil {
				return err
			}
			out[i] = model.Adherence{User: u, Planned: cell.Planned, Done: cell.Done, OffPlan: cell.OffPlan, Overdue: cell.Overdue}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Timeline returns a client's interactions and plan items, newest first
// (by the interaction's time, the item's due time). Off-plan items are
// left out: their interaction is the entry.
func (s *Session) Timeline(client model.ID) ([]model.TimelineEntry, error) {
	var out []model.TimelineEntry
	prefix := itob(uint64(client))
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		ixs := tx.Bucket(bucketInteractions)
		c := tx.Bucket(bucketIxClient).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			v := ixs.Get(k[len(k)-8:])
			if v == nil {
				continue
			}
			ix := new(model.Interaction)
			if err := decode(v, ix); err != nil {
				return err
			}
			out = append(out, model.TimelineEntry{At: ix.At, Interaction: ix})
		}
		plan := tx.Bucket(bucketPlan)
		c = tx.Bucket(bucketPlanClient).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			v := plan.Get(k[len(k)-8:])
			if v == nil {
				continue
			}
			p := new(model.PlanItem)
			if err := decode(v, p); err != nil {
				return err
			}
			if p.Origin == model.OriginOffPlan {
				continue
			}
			out = append(out, model.TimelineEntry{At: p.Due, Item: p})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Newest first; at the same moment what happened (the interaction)
	// before what was planned, then the later record first.
	slices.SortStableFunc(out, func(a, b model.TimelineEntry) int {
		if c := b.At.Compare(a.At); c != 0 {
			return c
		}
		if (a.Interaction == nil) != (b.Interaction == nil) {
			if a.Interaction != nil {
				return -1
			}
			return 1
		}
		return cmp.Compare(entryID(b), entryID(a))
	})
	return out, nil
}

func entryID(e model.TimelineEntry) model.ID {
	if e.Interaction != nil {
		return e.Interaction.ID
	}
	return e.Item.ID
}
