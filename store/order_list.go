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
		orders := tx.Bucket(bucketOrders)
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
				if by, ok := orderTakenBy(orders.Get(itob(uint64(c.id)))); ok {
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
			ck := make([]byte, 0, 24) // the client index key, reused
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
					ck = append(ck[:0], v[:8]...)
					ck = binary.BigEndian.AppendUint64(ck, c.unix)
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
// before the lines) by walking the scalar fields ahead of it, without a
// decoder; ok is false when the record is not read that way.
func orderTakenBy(v []byte) (string, bool) {
	if len(v) == 0 || v[0] != '{' {
		return "", false
	}
	v = v[1:]
	for range 8 {
		key, rest, ok := headString(v)
		if !ok || len(rest) == 0 || rest[0] != ':' {
			return "", false
		}
		v = rest[1:]
		if len(v) == 0 || v[0] == '{' || v[0] == '[' {
			return "", false
		}
		var val []byte
		if v[0] == '"' {
			val, v, ok = headString(v)
			if !ok {
				return "", false
			}
			if string(key) == `"taken_by"` {
				if bytes.IndexByte(val, '\\') < 0 {
					return string(val[1 : len(val)-1]), true
				}
				var by string
				if json.Unmarshal(val, &by) != nil {
					return "", false
				}
				return by, true
			}
		} else {
			n := bytes.IndexAny(v, ",}")
			if n < 0 {
				return "", false
			}
			v = v[n:]
		}
		if len(v) == 0 || v[0] != ',' {
			return "", false
		}
		v = v[1:]
	}
	return "", false
}

// headString splits the JSON string at the start of v (quotes included)
// from what follows it.
func headString(v []byte) (str, rest []byte, ok bool) {
	if len(v) == 0 || v[0] != '"' {
		return nil, v, false
	}
	for i := 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			return v[:i+1], v[i+1:], true
		}
	}
	return nil, v, false
}
