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

// The operator's queue: taking calls, letting them go, the caller's context.

// queuePrefixes are the idx_plan_queue prefixes of u's queue.
func queuePrefixes(u model.User) [][]byte {
	p := [][]byte{userPrefix(u.Name)}
	if model.Can(u, model.ActCallPool) && u.Name != "" { // the rights table says who works the pool
		p = append(p, userPrefix(""))
	}
	return p
}

// queueEntry is one idx_plan_queue entry: the suffix after the assignee
// (due(8) priority(1) id(8)) and the holder.
type queueEntry struct {
	suffix []byte
	holder []byte
}

func (e queueEntry) due() uint64        { return binary.BigEndian.Uint64(e.suffix) }
func (e queueEntry) id() model.ID       { return model.ID(binary.BigEndian.Uint64(e.suffix[9:])) }
func (e queueEntry) valid() bool        { return len(e.suffix) == 17 }
func (e queueEntry) dueTime() time.Time { return time.Unix(int64(e.due()), 0).UTC() }

// walkQueue calls fn on the queue entries under prefixes merged in queue
// order (due, priority, id) until fn returns false.
func walkQueue(tx *bolt.Tx, prefixes [][]byte, fn func(e queueEntry) (bool, error)) error {
	type head struct {
		cur    *bolt.Cursor
		prefix []byte
		k, v   []byte
	}
	heads := make([]*head, 0, len(prefixes))
	b := tx.Bucket(bucketPlanQueue)
	for _, p := range prefixes {
		h := &head{cur: b.Cursor(), prefix: p}
		h.k, h.v = h.cur.Seek(p)
		heads = append(heads, h)
	}
	for {
		var best *head
		for _, h := range heads {
			if h.k == nil || !bytes.HasPrefix(h.k, h.prefix) {
				continue
			}
			if best == nil || bytes.Compare(h.k[len(h.prefix):], best.k[len(best.prefix):]) < 0 {
				best = h
			}
		}
		if best == nil {
			return nil
		}
		e := queueEntry{suffix: best.k[len(best.prefix):], holder: best.v}
		if e.valid() {
			more, err := fn(e)
			if err != nil || !more {
				return err
			}
		}
		best.k, best.v = best.cur.Next()
	}
}

// Queue returns a window of my queue: my open calls (an operator's also the
// pool's) by due time, priority, then age, each with its client's name,
// category and flags.
func (s *Session) Queue(ctx context.Context, offset, limit int) (model.QueuePage, error) {
	var page model.QueuePage
	offset = max(offset, 0)
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		var ids []model.ID
		n := 0
		err := walkQueue(tx, queuePrefixes(s.me), func(e queueEntry) (bool, error) {
			// a call someone else is on is not in my queue (it comes back
			// if they let it go): the team sees a taken call disappear
			if len(e.holder) > 0 && string(e.holder) != s.me.Name {
				return true, nil
			}
			if n >= offset {
				ids = append(ids, e.id())
			}
			n++
			return len(ids) < limit, nil
		})
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, p := range queuePrefixes(s.me) {
			page.Total += s.db.qmemo.count(tx, p, s.me.Name)
		}
		page.Rows, err = s.db.planRows(tx, ids)
		return err
	})
	if err != nil {
		return model.QueuePage{}, err
	}
	return page, nil
}

// TakeNext takes the first call of my queue that is due, free, and whose
// client may be called now (its local time inside the calling window and
// working hours), in one write transaction: two operators never get the
// same call.
func (s *Session) TakeNext() (model.CallContext, error) {
	db := s.db
	if db.ro {
		return model.CallContext{}, db.readOnlyErr()
	}
	if !model.Can(s.me, model.ActPlanEdit) {
		return model.CallContext{}, forbidden(s.me, "storeplan.act."+string(model.ActPlanEdit))
	}
	var cc model.CallContext
	err := s.update(func(tx *bolt.Tx) error {
		cs, err := settingsTx(tx)
		if err != nil {
			return err
		}
		now := db.now()
		nowKey := unixKey(now)
		var found *model.PlanItem
		var client *model.Client
		var next time.Time
		outside := 0
		fits := map[model.ID]*model.Client{} // client → itself when callable now, nil when not
		err = walkQueue(tx, queuePrefixes(s.me), func(e queueEntry) (bool, error) {
			if len(e.holder) != 0 {
				return true, nil
			}
			if e.due() > nowKey {
				next = e.dueTime()
				return false, nil
			}
			p, err := getPlan(tx, e.id())
			if err != nil {
				return false, err
			}
			c, seen := fits[p.Client]
			if !seen {
				cl, err := getClient(tx, p.Client)
				if err != nil {
					return false, err
				}
				if !cl.Archived && model.InCallWindow(cs, model.ClientLocation(cs, cl), cl.CallWindow, now) {
					c = &cl
				}
				fits[p.Client] = c
			}
			if c == nil {
				outside++
				return true, nil
			}
			found, client = &p, c
			return false, nil
		})
		if err != nil {
			return err
		}
		if found == nil {
			switch {
			case outside > 0 && !next.IsZero():
				return model.Sentencef(model.ErrNotFound, "storeplan.none_window_next", outside, model.FormatDateTime(next, time.Local))
			case outside > 0:
				return model.Sentencef(model.ErrNotFound, "storeplan.none_window", outside)
			case !next.IsZero():
				return model.Sentencef(model.ErrNotFound, "storeplan.none_due", model.FormatDateTime(next, time.Local))
			}
			return model.Sentencef(model.ErrNotFound, "storeplan.queue_empty")
		}
		p := *found
		p.HeldBy, p.HeldAt = s.me.Name, now
		if err := changePlan(tx, now, s.me.Name, found, &p, "take", ""); err != nil {
			return err
		}
		cc, err = callContextTx(tx, cs, client, &p, now)
		return err
	})
	return cc, err
}

// mayTake reports whether u may take p: an item u may edit, or a call in
// the operators' pool.
func mayTake(u model.User, p *model.PlanItem) bool {
	return model.CanOnPlan(u, model.ActPlanEdit, p) || (p.Assignee == "" && model.Can(u, model.ActPlanEdit))
}

// Take takes one given call (held by someone else: model.ErrConflict
// naming who); taking a call one already holds is harmless.
func (s *Session) Take(id model.ID) (model.CallContext, error) {
	db := s.db
	if db.ro {
		return model.CallContext{}, db.readOnlyErr()
	}
	var cc model.CallContext
	err := s.update(func(tx *bolt.Tx) error {
		old, err := getPlan(tx, id)
		if err != nil {
			return err
		}
		if !mayTake(s.me, &old) {
			return s.planRefusal(&old)
		}
		if !old.Open() {
			return notOpen(&old)
		}
		if old.Kind != model.PlanCall {
			return model.Sentencef(model.ErrConflict, "storeplan.take_visit")
		}
		if old.HeldBy != "" && old.HeldBy != s.me.Name {
			return heldConflict(&old)
		}
		cs, err := settingsTx(tx)
		if err != nil {
			return err
		}
		c, err := getClient(tx, old.Client)
		if err != nil {
			return err
		}
		now := db.now()
		p := old
		if old.HeldBy == "" {
			p.HeldBy, p.HeldAt = s.me.Name, now
			if err := changePlan(tx, now, s.me.Name, &old, &p, "take", ""); err != nil {
				return err
			}
		}
		cc, err = callContextTx(tx, cs, &c, &p, now)
		return err
	})
	return cc, err
}

// Release lets a held call go back to the queue unchanged: its holder may,
// and whoever may edit every item (head, director). A free item is left as it is.
func (s *Session) Release(id model.ID) error {
	db := s.db
	if db.ro {
		return db.readOnlyErr()
	}
	return s.update(func(tx *bolt.Tx) error {
		old, err := getPlan(tx, id)
		if err != nil {
			return err
		}
		if old.HeldBy == "" {
			return nil
		}
		if old.HeldBy != s.me.Name && model.ScopeOf(s.me, model.ActPlanEdit) != model.ScopeAll {
			return model.Sentencef(model.ErrForbidden, "storeplan.release_other", old.HeldBy)
		}
		p := old
		p.HeldBy, p.HeldAt = "", time.Time{}
		return changePlan(tx, db.now(), s.me.Name, &old, &p, "release", "")
	})
}

// clearStaleHolds lets go every held call: in local mode one process has
// the file, so a hold found at a writable Open was left by a crash. The
// counter plan_held says whether there is any (one Get when none); the
// holds are found through the queue index values, without decoding items.
// A file from before the counter is scanned once and then has it.
func (db *DB) clearStaleHolds() error {
	none := false
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketMeta).Get(keyPlanHeld)
		none = v != nil && btoi(v) == 0
		return nil
	})
	if none {
		return nil
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		var held []model.ID
		if b := tx.Bucket(bucketPlanQueue); b != nil {
			if err := b.ForEach(func(k, v []byte) error {
				if len(v) != 0 {
					held = append(held, model.ID(compositeID(k)))
				}
				return nil
			}); err != nil {
				return err
			}
		}
		// each release below takes one off
		if err := tx.Bucket(bucketMeta).Put(keyPlanHeld, itob(uint64(len(held)))); err != nil {
			return err
		}
		now := db.now()
		for _, id := range held {
			old, err := getPlan(tx, id)
			if err != nil {
				return err
			}
			if old.HeldBy == "" {
				continue
			}
			p := old
			p.HeldBy, p.HeldAt = "", time.Time{}
			if err := changePlan(tx, now, old.HeldBy, &old, &p, "release", model.T("storeplan.stale_hold")); err != nil {
				return err
			}
		}
		// none is held now, whatever an index entry without a held record left
		return tx.Bucket(bucketMeta).Put(keyPlanHeld, itob(0))
	})
}

// releaseHoldsOf lets go, in tx, every call user holds (found through the
// queue index values), each with its audit entry under by's name, and
// says how many.
func (db *DB) releaseHoldsOf(tx *bolt.Tx, user, by, reason string) (int, error) {
	var held []model.ID
	err := tx.Bucket(bucketPlanQueue).ForEach(func(k, v []byte) error {
		if string(v) == user {
			held = append(held, model.ID(compositeID(k)))
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	n := 0
	now := db.now()
	for _, id := range held {
		old, err := getPlan(tx, id)
		if err != nil {
			return n, err
		}
		if old.HeldBy != user {
			continue
		}
		p := old
		p.HeldBy, p.HeldAt = "", time.Time{}
		if err := changePlan(tx, now, by, &old, &p, "release", reason); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// CallContext loads a client's context for a call without taking an item
// (item 0: an incoming or off-plan call).
func (s *Session) CallContext(client, item model.ID) (model.CallContext, error) {
	var cc model.CallContext
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		cs, err := settingsTx(tx)
		if err != nil {
			return err
		}
		c, err := getClient(tx, client)
		if err != nil {
			return err
		}
		var p *model.PlanItem
		if item != 0 {
			it, err := getPlan(tx, item)
			if err != nil {
				return err
			}
			if it.Client != client {
				return model.Sentencef(model.ErrNotFound, "storeplan.item_other_client", uint64(item), c.ShortName)
			}
			p = &it
		}
		cc, err = callContextTx(tx, cs, &c, p, s.db.now())
		return err
	})
	return cc, err
}

// lastShown is how many interactions the call screen shows.
const lastShown = 5

// callContextTx builds what the call screen shows about client c for item
// (nil: an off-plan call) at now.
func callContextTx(tx *bolt.Tx, cs model.CallSettings, c *model.Client, item *model.PlanItem, now time.Time) (model.CallContext, error) {
	cc := model.CallContext{Client: *c}
	if item != nil {
		cc.Item = *item
	}
	contact := chosenContact(c, item)
	if contact != nil {
		k := *contact
		cc.Contact = &k
	}
	cc.Dial = dialPhone(c, contact)
	loc := model.ClientLocation(cs, *c)
	cc.LocalTime = now.In(loc)
	cc.InWindow = model.InCallWindow(cs, loc, c.CallWindow, now)
	// the overdue debt and open orders, from the order summaries (receivables_call.go)
	cc.OverdueDebt, cc.OpenOrders = orderCallContext(tx, cs, c.ID, now)
	// the open complaints, from the complaint summaries (complaint_views.go)
	var err error
	if cc.OpenComplaints, err = complaintLines(tx, c.ID, now); err != nil {
		return cc, err
	}

	// The client's interactions, newest first: the last five, and the
	// reached outgoing ones within the pester period.
	since := now.AddDate(0, 0, -cs.PesterDays)
	prefix := itob(uint64(c.ID))
	cur := tx.Bucket(bucketIxClient).Cursor()
	ixs := tx.Bucket(bucketInteractions)
	k, _ := cur.Seek(itob(uint64(c.ID) + 1))
	if k == nil {
		k, _ = cur.Last()
	} else {
		k, _ = cur.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix) && len(k) == 24; k, _ = cur.Prev() {
		at := time.Unix(int64(binary.BigEndian.Uint64(k[8:16])), 0)
		inPester := cs.PesterDays > 0 && !at.Before(since)
		if len(cc.Last) >= lastShown && !inPester {
			break
		}
		v := ixs.Get(k[16:])
		if v == nil {
			continue
		}
		var ix model.Interaction
		if err := json.Unmarshal(v, &ix); err != nil {
			return cc, err
		}
		if len(cc.Last) < lastShown {
			cc.Last = append(cc.Last, ix)
		}
		if inPester && ix.Direction == model.DirOutgoing && ix.Outcome.Reached() {
			cc.Contacts++
		}
	}
	cc.Pester = cs.PesterMax > 0 && cc.Contacts > cs.PesterMax

	open, err := openItems(tx, c.ID, "", openShown+1)
	if err != nil {
		return cc, err
	}
	for _, p := range open {
		if (item == nil || p.ID != item.ID) && len(cc.Open) < openShown {
			cc.Open = append(cc.Open, p)
		}
	}
	slices.SortFunc(cc.Open, func(a, b model.PlanItem) int { return a.Due.Compare(b.Due) })
	return cc, nil
}

// openShown caps the other open items the call context carries: a client
// planned for thousands of times would otherwise cost a decode each.
const openShown = 20

// openItems are client's open plan items in id order (of origin o, ""
// any), the first limit of them (0: all).
func openItems(tx *bolt.Tx, client model.ID, o model.Origin, limit int) ([]model.PlanItem, error) {
	var origin []byte
	if o != "" {
		origin = []byte(`"origin":"` + string(o) + `"`)
	}
	var out []model.PlanItem
	prefix := itob(uint64(client))
	cur := tx.Bucket(bucketPlanClient).Cursor()
	plan := tx.Bucket(bucketPlan)
	for k, _ := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = cur.Next() {
		v := plan.Get(k[8:])
		if v == nil {
			continue
		}
		// status is the record's, but only open ones are decoded in full
		if !bytes.Contains(v, []byte(`"status":"planned"`)) || (origin != nil && !bytes.Contains(v, origin)) {
			continue
		}
		var p model.PlanItem
		if err := json.Unmarshal(v, &p); err != nil {
			return nil, err
		}
		if p.Open() && (o == "" || p.Origin == o) {
			out = append(out, p)
			if limit > 0 && len(out) >= limit {
				break
			}
		}
	}
	return out, nil
}

// chosenContact is the item's contact, else the first who has not left.
func chosenContact(c *model.Client, item *model.PlanItem) *model.Contact {
	if item != nil && item.Contact != 0 {
		if k := contactOf(c, item.Contact); k != nil {
			return k
		}
	}
	for i := range c.Contacts {
		if !c.Contacts[i].Left {
			return &c.Contacts[i]
		}
	}
	return nil
}

// dialPhone is the contact's first number not marked wrong, else the client's.
func dialPhone(c *model.Client, contact *model.Contact) model.Phone {
	usable := func(ps []model.Phone) (model.Phone, bool) {
		for _, p := range ps {
			if !p.WrongNumber && (p.E164 != "" || p.Raw != "") {
				return p, true
			}
		}
		return model.Phone{}, false
	}
	if contact != nil && !contact.DoNotContact {
		if p, ok := usable(contact.Phones); ok {
			return p
		}
	}
	p, _ := usable(c.Phones)
	return p
}
