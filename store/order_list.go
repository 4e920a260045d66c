package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The order list and the approval list, answered from the order indexes:
// by client (idx_order_client), by status (idx_order_status) or by date
// (idx_order_date), newest first.

// orderCand is one index hit: the order, its date and client and, when the
// index says it, its status.
type orderCand struct {
	id, client model.ID
	unix       uint64
	status     model.OrderStatus
}

// Orders returns rows [offset, offset+limit) of the orders matching f,
// newest first (order date, then id), and how many match. The period is
// From ≤ date < To. Rows carry no lines.
func (s *Session) Orders(ctx context.Context, f model.OrderFilter, offset, limit int) (model.OrderPage, error) {
	var page model.OrderPage
	if offset < 0 {
		offset = 0
	}
	now := s.db.now()
	from, to := uint64(0), ^uint64(0)
	if !f.From.IsZero() {
		from = unixKey(f.From)
	}
	if !f.To.IsZero() {
		to = unixKey(f.To)
	}
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		names := map[model.ID]string{}
		n := 0
		visit := func(c orderCand) (bool, error) {
			if n++; n&1023 == 0 && ctx.Err() != nil {
				return false, ctx.Err()
			}
			if c.unix < from || c.unix >= to || (f.Client != 0 && c.client != f.Client) {
				return true, nil
			}
			if c.status != "" && !statusMatches(f, c.status) {
				return true, nil
			}
			inWindow := page.Total >= offset && len(page.Rows) < limit
			if f.Manager != "" && c.status != "" && !inWindow {
				// counting "mine" reads the taker from the record's head, not the lines
				if by, ok := orderTakenBy(tx.Bucket(bucketOrders).Get(itob(uint64(c.id)))); ok {
					if by == f.Manager {
						page.Total++
					}
					return true, nil
				}
			}
			var o model.Order
			if c.status == "" || f.Manager != "" || inWindow {
				var err error
				if o, err = getOrder(tx, c.id); err != nil {
					return false, err
				}
				if !statusMatches(f, o.Status) || (f.Manager != "" && o.TakenBy != f.Manager) {
					return true, nil
				}
			}
			if inWindow {
				page.Rows = append(page.Rows, s.db.orderRow(tx, o, names, now))
			}
			page.Total++
			return true, nil
		}
		switch {
		case f.Client != 0:
			prefix := itob(uint64(f.Client))
			return scanBack(tx.Bucket(bucketOrderClient), prefix, func(k, v []byte) (bool, error) {
				if len(k) != 24 {
					return true, nil
				}
				c := orderCand{client: f.Client, unix: binary.BigEndian.Uint64(k[8:16]), id: model.ID(binary.BigEndian.Uint64(k[16:]))}
				if sm, ok := summaryOf(v); ok {
					c.status = sm.status
				}
				return visit(c)
			})
		case f.Status != "":
			prefix := append([]byte(f.Status), 0)
			return scanBack(tx.Bucket(bucketOrderStatus), prefix, func(k, _ []byte) (bool, error) {
				if len(k) != len(prefix)+16 {
					return true, nil
				}
				r := k[len(prefix):]
				return visit(orderCand{status: f.Status, unix: binary.BigEndian.Uint64(r[:8]), id: model.ID(binary.BigEndian.Uint64(r[8:]))})
			})
		default:
			clientIdx := tx.Bucket(bucketOrderClient)
			cur := tx.Bucket(bucketOrderDate).Cursor()
			var k, v []byte
			if to == ^uint64(0) {
				k, v = cur.Last()
			} else if k, v = cur.Seek(itob(to)); k == nil {
				k, v = cur.Last()
			} else {
				k, v = cur.Prev()
			}
			for ; k != nil; k, v = cur.Prev() {
				if len(k) != 16 || len(v) < 8 {
					continue
				}
				c := orderCand{unix: binary.BigEndian.Uint64(k[:8]), id: model.ID(binary.BigEndian.Uint64(k[8:])), client: model.ID(binary.BigEndian.Uint64(v))}
				if c.unix < from {
					break
				}
				if f.Open || f.Manager != "" { // the status from the client index's summary, without a decode
					ck := binary.BigEndian.AppendUint64(bytes.Clone(v[:8]), c.unix)
					ck = binary.BigEndian.AppendUint64(ck, uint64(c.id))
					if sm, ok := summaryOf(clientIdx.Get(ck)); ok {
						c.status = sm.status
					}
				}
				if ok, err := visit(c); !ok || err != nil {
					return err
				}
			}
			return nil
		}
	})
	if err != nil {
		return model.OrderPage{}, err
	}
	return page, nil
}

// scanBack walks the keys under prefix from the last to the first.
func scanBack(b *bolt.Bucket, prefix []byte, fn func(k, v []byte) (bool, error)) error {
	cur := b.Cursor()
	end := append(bytes.Clone(prefix), 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)
	k, v := cur.Seek(end)
	if k == nil {
		k, v = cur.Last()
	} else {
		k, v = cur.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Prev() {
		ok, err := fn(k, v)
		if !ok || err != nil {
			return err
		}
	}
	return nil
}

// statusMatches applies the filter's status and "open" parts.
func statusMatches(f model.OrderFilter, st model.OrderStatus) bool {
	if f.Status != "" && st != f.Status {
		return false
	}
	if f.Open && (st == model.OrderClosed || st == model.OrderCancelled || st == model.OrderReturned) {
		return false
	}
	return true
}

// orderRow is o as a list row: without lines, with its client's name.
func (db *DB) orderRow(tx *bolt.Tx, o model.Order, names map[model.ID]string, now time.Time) model.OrderRow {
	name, ok := names[o.Client]
	if !ok {
		if c, err := getClient(tx, o.Client); err == nil {
			name = c.ShortName
		}
		names[o.Client] = name
	}
	o.Lines = nil
	return model.OrderRow{Order: o, ClientName: name, LateDelivery: lateDelivery(&o, now)}
}

// lateDelivery: the promised day is over and the goods have not all gone.
func lateDelivery(o *model.Order, now time.Time) bool {
	if o.Promised.IsZero() {
		return false
	}
	switch o.Status {
	case model.OrderDraft, model.OrderAwaitingApproval, model.OrderCreditHold, model.OrderConfirmed, model.OrderShippedPartly:
		return dateOnly(now).After(dateOnly(o.Promised))
	}
	return false
}

// Approvals lists the orders awaiting approval or on credit hold, oldest
// first, with their clients' names.
func (s *Session) Approvals(ctx context.Context) ([]model.OrderRow, error) {
	var out []model.OrderRow
	now := s.db.now()
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		var hits [][]byte // date(8) id(8) of both statuses
		cur := tx.Bucket(bucketOrderStatus).Cursor()
		for _, st := range []model.OrderStatus{model.OrderAwaitingApproval, model.OrderCreditHold} {
			prefix := append([]byte(st), 0)
			for k, _ := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = cur.Next() {
				if len(k) == len(prefix)+16 {
					hits = append(hits, bytes.Clone(k[len(prefix):]))
				}
			}
		}
		slices.SortFunc(hits, bytes.Compare)
		names := map[model.ID]string{}
		for i, k := range hits {
			if i&255 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			o, err := getOrder(tx, model.ID(binary.BigEndian.Uint64(k[8:])))
			if err != nil {
				return err
			}
			out = append(out, s.db.orderRow(tx, o, names, now))
		}
		return nil
	})
	return out, err
}

// orderTakenBy reads taken_by from the head of an order record (it comes
// before the lines); ok is false when the record is not read that way.
func orderTakenBy(v []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(v))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", false
	}
	for i := 0; i < 8 && dec.More(); i++ {
		k, err := dec.Token()
		if err != nil {
			return "", false
		}
		if k == "taken_by" {
			var by string
			if err := dec.Decode(&by); err != nil {
				return "", false
			}
			return by, true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "", false
		}
	}
	return "", false
}
