package store

import (
	"bytes"
	"context"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The exports of issue 7 that read the department's working records:
// complaints, the plan, interactions (exchange/complaints.go, plan.go,
// interactions.go, ical.go) and the contacts of vCard (exchange/vcard.go).
// Each walks its bucket in id order in one read transaction, decoding
// straight from the records, and joins the client's name from a small
// cache (a client's records come in runs).

// mayExport refuses a bulk export to whom lacks data.export.
func (s *Session) mayExport() error {
	if !model.Can(s.me, model.ActDataExport) {
		return forbidden(s.me, "exch.views.act_export")
	}
	return nil
}

// clientNames is a read transaction's cache of clients by id (nil for a
// client that is gone).
type clientNames struct {
	tx   *bolt.Tx
	seen map[model.ID]*model.Client
}

func (cn *clientNames) get(id model.ID) *model.Client {
	if c, ok := cn.seen[id]; ok {
		return c
	}
	if len(cn.seen) > 50_000 {
		clear(cn.seen)
	}
	var p *model.Client
	if c, err := getClient(cn.tx, id); err == nil {
		p = &c
	}
	cn.seen[id] = p
	return p
}

func (cn *clientNames) name(id model.ID) string {
	if c := cn.get(id); c != nil {
		return c.ShortName
	}
	return ""
}

// inPeriod says whether t is in [from, to) (a zero bound is open).
func inPeriod(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || t.Before(to))
}

// each walks bucket in id order, stopping at fn's error or ctx's end.
func eachRecord(ctx context.Context, tx *bolt.Tx, bucket []byte, fn func(v []byte) error) error {
	cur := tx.Bucket(bucket).Cursor()
	n := 0
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if n++; n&1023 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// ComplaintExport is one complaint with its client's name and code.
type ComplaintExport struct {
	Complaint  model.Complaint
	ClientName string
	ClientCode string // the external code, or "cb:<id>"
}

// EachComplaint calls fn with every complaint received in [from, to) (zero
// bounds: open) in id order. Bulk export: data.export.
func (s *Session) EachComplaint(ctx context.Context, from, to time.Time, fn func(*ComplaintExport) error) error {
	if err := s.mayExport(); err != nil {
		return err
	}
	return s.db.bolt.View(func(tx *bolt.Tx) error {
		cn := clientNames{tx: tx, seen: map[model.ID]*model.Client{}}
		return eachRecord(ctx, tx, bucketComplaints, func(v []byte) error {
			var e ComplaintExport
			if err := decode(v, &e.Complaint); err != nil {
				return err
			}
			if !inPeriod(e.Complaint.Received, from, to) {
				return nil
			}
			if c := cn.get(e.Complaint.Client); c != nil {
				e.ClientName, e.ClientCode = c.ShortName, ExternalOrOwn(c)
			}
			return fn(&e)
		})
	})
}

// PlanExport is one plan item with its client and the contact it names.
type PlanExport struct {
	Item       model.PlanItem
	ClientName string
	ClientCode string
	Contact    *model.Contact // the item's contact, else the first who has not left; nil when none
	Phone      model.Phone    // the contact's first usable phone, else the client's
	Address    string         // the visit's address, else the client's
}

// EachPlanItem calls fn with the plan items due in [from, to) (zero
// bounds: open) in id order: user's, or everyone's (the pool's too) for
// user "". Bulk export: data.export.
func (s *Session) EachPlanItem(ctx context.Context, user string, from, to time.Time, fn func(*PlanExport) error) error {
	if err := s.mayExport(); err != nil {
		return err
	}
	return s.db.bolt.View(func(tx *bolt.Tx) error {
		cn := clientNames{tx: tx, seen: map[model.ID]*model.Client{}}
		return eachRecord(ctx, tx, bucketPlan, func(v []byte) error {
			var e PlanExport
			if err := decode(v, &e.Item); err != nil {
				return err
			}
			if (user != "" && e.Item.Assignee != user) || !inPeriod(e.Item.Due, from, to) {
				return nil
			}
			fillPlanExport(&e, cn.get(e.Item.Client))
			return fn(&e)
		})
	})
}

// PlanOf is user's plan items due in [from, to) (all statuses) with their
// clients, in due order: one's own always, another's with plan.view_all —
// the iCalendar export (no bulk-export right needed for one's own).
func (s *Session) PlanOf(user string, from, to time.Time) ([]PlanExport, error) {
	if err := s.mayViewPlanOf(user); err != nil {
		return nil, err
	}
	var out []PlanExport
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		plan := tx.Bucket(bucketPlan)
		cn := clientNames{tx: tx, seen: map[model.ID]*model.Client{}}
		return scanPlanUser(tx, user, unixKey(from), unixKey(to), func(_, id uint64, _ []byte) error {
			v := plan.Get(itob(id))
			if v == nil {
				return nil
			}
			var e PlanExport
			if err := decode(v, &e.Item); err != nil {
				return err
			}
			fillPlanExport(&e, cn.get(e.Item.Client))
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

func fillPlanExport(e *PlanExport, c *model.Client) {
	e.Address = e.Item.Address
	if c == nil {
		return
	}
	e.ClientName, e.ClientCode = c.ShortName, ExternalOrOwn(c)
	for i := range c.Contacts {
		k := &c.Contacts[i]
		if (e.Item.Contact != 0 && k.ID == e.Item.Contact) || (e.Item.Contact == 0 && e.Contact == nil && !k.Left) {
			kk := *k
			e.Contact = &kk
		}
	}
	usable := func(ps []model.Phone) (model.Phone, bool) {
		for _, p := range ps {
			if !p.WrongNumber {
				return p, true
			}
		}
		return model.Phone{}, false
	}
	ok := false
	if e.Contact != nil {
		e.Phone, ok = usable(e.Contact.Phones)
	}
	if !ok {
		e.Phone, _ = usable(c.Phones)
	}
	if e.Address == "" && e.Item.Kind == model.PlanVisit {
		e.Address = c.ActualAddress
		if e.Address == "" {
			e.Address = c.LegalAddress
		}
	}
}

// InteractionExport is one interaction with its client and contact names.
type InteractionExport struct {
	Interaction model.Interaction
	ClientName  string
	ClientCode  string
	ContactName string
}

// EachInteraction calls fn with the interactions at [from, to) (zero
// bounds: open) in id order, user's only when user is given. Bulk export:
// data.export.
func (s *Session) EachInteraction(ctx context.Context, user string, from, to time.Time, fn func(*InteractionExport) error) error {
	if err := s.mayExport(); err != nil {
		return err
	}
	return s.db.bolt.View(func(tx *bolt.Tx) error {
		cn := clientNames{tx: tx, seen: map[model.ID]*model.Client{}}
		return eachRecord(ctx, tx, bucketInteractions, func(v []byte) error {
			var e InteractionExport
			if err := decode(v, &e.Interaction); err != nil {
				return err
			}
			ix := &e.Interaction
			if (user != "" && ix.User != user) || !inPeriod(ix.At, from, to) {
				return nil
			}
			if c := cn.get(ix.Client); c != nil {
				e.ClientName, e.ClientCode = c.ShortName, ExternalOrOwn(c)
				for _, k := range c.Contacts {
					if k.ID == ix.Contact && ix.Contact != 0 {
						e.ContactName = k.Name
					}
				}
			}
			return fn(&e)
		})
	})
}

// EachContactClient calls fn with every client that has contact persons,
// in id order (archived ones too): the vCard export. Bulk export:
// data.export.
func (s *Session) EachContactClient(ctx context.Context, fn func(*model.Client) error) error {
	if err := s.mayExport(); err != nil {
		return err
	}
	return s.db.bolt.View(func(tx *bolt.Tx) error {
		return eachRecord(ctx, tx, bucketClients, func(v []byte) error {
			var c model.Client
			if err := decode(v, &c); err != nil {
				return err
			}
			if len(c.Contacts) == 0 {
				return nil
			}
			return fn(&c)
		})
	})
}

// ClientsNamed is the clients whose short name is name (case and spaces
// aside), at most limit of them: a vCard's ORG finds its client so.
func (s *Session) ClientsNamed(name string, limit int) ([]model.Client, error) {
	want := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if want == "" {
		return nil, nil
	}
	var out []model.Client
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		prefix := append(appendNameKey(nil, model.SortName(name)), 0)
		cur := tx.Bucket(bucketClientName).Cursor()
		for k, _ := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+8; k, _ = cur.Next() {
			c, err := getClient(tx, model.ID(compositeID(k)))
			if err != nil {
				continue
			}
			if strings.ToLower(strings.Join(strings.Fields(c.ShortName), " ")) != want {
				continue
			}
			out = append(out, c)
			if len(out) >= limit {
				break
			}
		}
		return nil
	})
	return out, err
}

// ClientByCode is the client an external code names (or the "cb:<id>" an
// export writes for a client without one); nil for none.
func (s *Session) ClientByCode(code string) (*model.Client, error) {
	var out *model.Client
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		if id := extLookup(tx, bucketClientExt, code); id != 0 {
			if c, err := getClient(tx, id); err == nil {
				out = &c
			}
			return nil
		}
		if id, ok := parseOwnCode(code); ok {
			if c, err := getClient(tx, id); err == nil && c.External == "" {
				out = &c
			}
		}
		return nil
	})
	return out, err
}

// Now is the database's clock (the exports' default periods).
func (s *Session) Now() time.Time { return s.db.now() }
