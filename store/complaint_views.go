package store

import (
	"bytes"
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The complaint queue and a client's complaints, read from the index
// summaries: only the rows shown look up their client's name, and no
// complaint record is decoded.

// complaintMatcher applies a filter to encoded summaries in place: the
// total counts every match and only the page's rows are decoded.
type complaintMatcher struct {
	f                       model.ComplaintFilter
	me, owner               []byte
	status, kind, direction byte
	now                     uint64
}

func newComplaintMatcher(f model.ComplaintFilter, me string, now time.Time) complaintMatcher {
	return complaintMatcher{f: f, me: []byte(summaryName(me)), owner: []byte(summaryName(f.Owner)),
		status: enumCode(f.Status, model.ComplaintStatuses), kind: enumCode(f.Type, model.ComplaintTypes),
		direction: enumCode(f.Direction, model.ComplaintDirections), now: unixKey(now)}
}

// match applies f (Mine: owned by me, the open escalation is to me, or I
// escalated in its chain and the upper level has not answered yet).
func (m *complaintMatcher) match(r rawSummary) bool {
	f := &m.f
	switch {
	case !r.valid():
		return false
	case f.Status != "" && r.status() != m.status:
		return false
	case f.Type != "" && r.kind() != m.kind:
		return false
	case f.Direction != "" && r.direction() != m.direction:
		return false
	case f.Unassigned && len(r.owner()) != 0:
		return false
	case f.Owner != "" && !bytes.Equal(r.owner(), m.owner):
		return false
	case f.Mine && !bytes.Equal(r.owner(), m.me) && !bytes.Equal(r.escalated(), m.me) && !hasName(r.escalators(), m.me):
		return false
	case f.Overdue && (clockStopped[r.status()] || r.paused() != 0 || r.deadline() >= m.now):
		return false
	}
	return true
}

// complaintHit is one matching index entry's id and summary.
type complaintHit struct {
	id  model.ID
	sum complaintSummary
}

// Complaints returns rows [offset, offset+limit) of the queue matching f;
// see common.ComplaintStore. The queue is shared: everyone sees every open
// complaint; what they may do with one is the moves' business.
func (s *Session) Complaints(ctx context.Context, f model.ComplaintFilter, offset, limit int) (model.ComplaintPage, error) {
	var page model.ComplaintPage
	offset, limit = max(offset, 0), max(limit, 0)
	db := s.db
	err := db.bolt.View(func(tx *bolt.Tx) error {
		env, err := db.complaintEnv(tx)
		if err != nil {
			return err
		}
		var hits []complaintHit
		n, seen := 0, 0
		m := newComplaintMatcher(f, s.me.Name, env.now)
		visit := func(k, v []byte) (bool, error) {
			if seen%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return false, err
				}
			}
			seen++
			if len(k) < 8 || !m.match(v) {
				return true, nil
			}
			if n >= offset && len(hits) < limit {
				if sum, ok := decodeSummary(v); ok {
					hits = append(hits, complaintHit{id: model.ID(btoi(k[len(k)-8:])), sum: sum})
				}
			}
			n++
			return true, nil
		}
		switch {
		case f.Client != 0:
			err = eachBackward(tx.Bucket(bucketComplaintClient), itob(uint64(f.Client)), visit)
		case f.Status == model.ComplaintClosed:
			// nothing but the status filter: the counters give the total
			// and the scan stops at the page's end
			if f == (model.ComplaintFilter{Status: model.ComplaintClosed}) {
				total := int(counter(tx, keyComplaints)) - int(counter(tx, keyComplaintsOpen))
				inner := visit
				visit = func(k, v []byte) (bool, error) {
					more, err := inner(k, v)
					return more && n < offset+limit, err
				}
				err = eachBackward(tx.Bucket(bucketComplaintReceived), nil, visit)
				n = max(n, total)
			} else {
				err = eachBackward(tx.Bucket(bucketComplaintReceived), nil, visit)
			}
		default:
			cur := tx.Bucket(bucketComplaintQueue).Cursor()
			for k, v := cur.First(); k != nil; k, v = cur.Next() {
				more, e := visit(k, v)
				if e != nil || !more {
					err = e
					break
				}
			}
		}
		if err != nil {
			return err
		}
		page.Total = n
		page.Rows = complaintRows(tx, env, hits)
		return nil
	})
	if err != nil {
		return model.ComplaintPage{}, err
	}
	return page, nil
}

// eachBackward calls fn on b's entries under prefix (nil: all) from the
// last to the first, until fn returns false.
func eachBackward(b *bolt.Bucket, prefix []byte, fn func(k, v []byte) (bool, error)) error {
	cur := b.Cursor()
	var k, v []byte
	if prefix == nil {
		k, v = cur.Last()
	} else {
		end := append(bytes.Clone(prefix), bytes.Repeat([]byte{0xFF}, 17)...)
		if k, v = cur.Seek(end); k == nil {
			k, v = cur.Last()
		} else {
			k, v = cur.Prev()
		}
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Prev() {
		more, err := fn(k, v)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// complaintRows makes the rows of hits, each client's name read once
// without decoding its record.
func complaintRows(tx *bolt.Tx, env complaintEnv, hits []complaintHit) []model.ComplaintRow {
	rows := make([]model.ComplaintRow, 0, len(hits))
	names := map[model.ID]string{}
	clients := tx.Bucket(bucketClients)
	orders := tx.Bucket(bucketOrders)
	for _, h := range hits {
		s := &h.sum
		name, ok := names[s.Client]
		if !ok {
			if v := clients.Get(itob(uint64(s.Client))); v != nil {
				name, _ = recordShortName(v)
			}
			names[s.Client] = name
		}
		row := model.ComplaintRow{ID: h.id, Direction: s.Direction, Type: s.Type, Status: s.Status, Client: s.Client,
			ClientName: name, Owner: s.Owner, Escalated: s.Escalated, Priority: s.Priority, Serious: s.Serious,
			Received: s.Received, Deadline: s.Deadline, PausedAt: s.PausedAt, SLA: s.SLA,
			Claimed: model.Money{Minor: s.Claimed}}
		if s.Order != 0 {
			if v := orders.Get(itob(uint64(s.Order))); v != nil {
				row.OrderNo = orderNumberOf(v)
			}
		}
		if s.Status != model.ComplaintClosed {
			row.Left = model.TimeLeft(env.cal, s.Deadline, s.PausedAt, env.now)
		}
		rows = append(rows, row)
	}
	return rows
}

// openComplaintHits is client's open complaints (about order, 0: any),
// newest first.
func openComplaintHits(tx *bolt.Tx, client, order model.ID) []complaintHit {
	var hits []complaintHit
	_ = eachBackward(tx.Bucket(bucketComplaintClient), itob(uint64(client)), func(k, v []byte) (bool, error) {
		sum, ok := decodeSummary(v)
		if ok && sum.Status != model.ComplaintClosed && (order == 0 || sum.Order == order) {
			hits = append(hits, complaintHit{id: model.ID(btoi(k[len(k)-8:])), sum: sum})
		}
		return true, nil
	})
	return hits
}

// OpenComplaintsAbout lists client's open complaints about order (0: any
// order), newest first: the intake form's warning.
func (s *Session) OpenComplaintsAbout(client, order model.ID) ([]model.ComplaintRow, error) {
	var rows []model.ComplaintRow
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		env, err := s.db.complaintEnv(tx)
		if err != nil {
			return err
		}
		rows = complaintRows(tx, env, openComplaintHits(tx, client, order))
		return nil
	})
	return rows, err
}

// complaintLines are the one-line summaries of client's open complaints
// the call screen shows ("#123 quality · investigating · 2d 3h left"; an
// answered one, model.ClockStopped, says answered instead of a countdown).
func complaintLines(tx *bolt.Tx, client model.ID, now time.Time) ([]string, error) {
	hits := openComplaintHits(tx, client, 0)
	if len(hits) == 0 {
		return nil, nil
	}
	_, cal, err := complaintPolicy(tx)
	if err != nil {
		return nil, err
	}
	day := cal.DayMinutes()
	out := make([]string, 0, len(hits))
	for _, h := range hits {
		if model.ClockStopped(h.sum.Status) {
			// answered: the deadline's business is done, no countdown
			out = append(out, model.T("storecomplaint.line_answered", uint64(h.id), model.ComplaintTypeLabel(h.sum.Type),
				model.ComplaintStatusLabel(h.sum.Status)))
			continue
		}
		left := model.TimeLeft(cal, h.sum.Deadline, h.sum.PausedAt, now)
		key := "storecomplaint.line_left"
		switch {
		case !h.sum.PausedAt.IsZero():
			key = "storecomplaint.line_paused"
		case left < 0:
			key = "storecomplaint.line_overdue"
		}
		out = append(out, model.T(key, uint64(h.id), model.ComplaintTypeLabel(h.sum.Type),
			model.ComplaintStatusLabel(h.sum.Status), model.FormatLeft(left, day)))
	}
	return out, nil
}
