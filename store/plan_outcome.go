package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Logging an outcome, the retry policy's effects, and the recurring contact.

// LogOutcome records ix and applies the retry policy in one transaction:
// the interaction, the worked item (done, or moved with one more attempt),
// the retry policy's new item, a wrong number flagged on the client card,
// and the recurring contact re-planned after a real contact. ix.PlanItem 0
// is an off-plan call: a done off-plan item is recorded for it. A
// *model.ValidationError from the policy saves nothing.
func (s *Session) LogOutcome(ix model.Interaction) (model.OutcomeResult, error) {
	db := s.db
	if db.ro {
		return model.OutcomeResult{}, db.readOnlyErr()
	}
	if !model.Can(s.me, model.ActPlanEdit) {
		return model.OutcomeResult{}, forbidden(s.me, "storeplan.act."+string(model.ActPlanEdit))
	}
	switch ix.User {
	case "":
		ix.User = s.me.Name
	case s.me.Name:
	default:
		return model.OutcomeResult{}, model.Sentencef(model.ErrForbidden, "storeplan.log_as_other", ix.User)
	}
	ix.Notes, ix.Reason = strings.TrimSpace(ix.Notes), strings.TrimSpace(ix.Reason)
	if ix.Channel == "" {
		ix.Channel = model.ChannelPhone
	}
	if ix.Direction == "" {
		ix.Direction = model.DirOutgoing
	}
	// The client record may change (a wrong number): the search index must
	// see it in commit order, as for SaveClient.
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	db.waitIndexed()
	var res model.OutcomeResult
	var flagged *model.Client
	err := s.update(func(tx *bolt.Tx) error {
		now := db.now()
		ve := &model.ValidationError{}
		if ix.At.IsZero() {
			ix.At = now
		} else if ix.At.After(now.Add(time.Minute)) {
			ve.Add("at", model.T("storeplan.at_future"))
			return ve
		}
		ix.At = ix.At.UTC()
		cs, err := settingsTx(tx)
		if err != nil {
			return err
		}
		var item *model.PlanItem
		if ix.PlanItem != 0 {
			old, err := getPlan(tx, ix.PlanItem)
			if err != nil {
				return err
			}
			switch {
			case !old.Open():
				return notOpen(&old)
			case old.HeldBy != "" && old.HeldBy != s.me.Name:
				return heldConflict(&old)
			case old.HeldBy == s.me.Name:
				if !mayTake(s.me, &old) {
					return s.planRefusal(&old)
				}
			// an item nobody holds: logging on it without taking it is a right
			// of its own (plan.log_unheld: e.g. a manager after a visit)
			case !model.Can(s.me, model.ActPlanLogUnheld):
				return model.Sentencef(model.ErrForbidden, "storeplan.take_first")
			case !model.CanOnPlan(s.me, model.ActPlanLogUnheld, &old) || !model.CanOnPlan(s.me, model.ActPlanEdit, &old):
				return s.planRefusal(&old)
			}
			if ix.Client == 0 {
				ix.Client = old.Client
			} else if ix.Client != old.Client {
				ve.Add("client", model.T("storeplan.ix_other_client", uint64(old.ID)))
				return ve
			}
			if ix.Contact == 0 {
				ix.Contact = old.Contact
			}
			item = &old
		}
		c, err := getClient(tx, ix.Client)
		switch {
		case errors.Is(err, model.ErrNotFound):
			ve.Add("client", model.T("storeplan.no_client", uint64(ix.Client)))
			return ve
		case err != nil:
			return err
		case c.Archived:
			ve.Add("client", model.T("storeplan.client_archived", c.ShortName))
			return ve
		case ix.Contact != 0 && contactOf(&c, ix.Contact) == nil:
			ve.Add("contact", model.T("storeplan.no_contact", uint64(ix.Contact), c.ShortName))
			return ve
		}
		if ix.Phone == "" && ix.Channel == model.ChannelPhone && ix.Direction == model.DirOutgoing {
			ix.Phone = dialPhone(&c, chosenContact(&c, item)).E164
		}
		worked := model.PlanItem{}
		if item != nil {
			worked = *item
		}
		dec, err := model.DecideRetry(cs, worked, c, ix, now)
		if err != nil {
			return err
		}
		ix.NextStep = dec.Step

		if item == nil { // the off-plan record the interaction points at
			op := offPlanItem(&c, &ix, s.me.Name, now)
			if err := db.planTx(tx, s.me.Name, &op); err != nil {
				return err
			}
			ix.PlanItem, ix.OffPlan = op.ID, true
		} else {
			p := *item
			p.HeldBy, p.HeldAt = "", time.Time{}
			if dec.Close {
				p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.PlanDone, now, s.me.Name, item.Attempts+1
			} else {
				// a call-back named by the client starts the count of unanswered calls over
				p.Due, p.Until, p.Attempts = dec.Due.UTC(), time.Time{}, item.Attempts+1
				if dec.Action == model.RetryAt {
					p.Attempts = 0
				}
				ix.NextItem = p.ID
			}
			if err := changePlan(tx, now, s.me.Name, item, &p, "outcome", string(ix.Outcome)); err != nil {
				return err
			}
			res.Item = p
			if !dec.Close {
				next := p
				res.Next = &next
			}
		}
		if dec.NewItem != nil {
			n := *dec.NewItem
			if n.Assignee != "" && !liveUser(tx, n.Assignee) {
				n.Assignee = "" // the client's manager left: the operators' pool takes it
			}
			if n.Due.Before(now) {
				n.Due = now
			}
			n.Due = n.Due.UTC()
			if err := db.planTx(tx, s.me.Name, &n); err != nil {
				return err
			}
			ix.NextItem, res.Next = n.ID, &n
		}
		// only a number we dialled is flagged: a caller's own number stays as it is
		if dec.FlagPhone && ix.Phone != "" && ix.Direction == model.DirOutgoing {
			old := cloneClient(c)
			if flagWrongNumber(&c, ix.Phone) {
				if err := db.rewriteClientTx(tx, now, s.me.Name, &old, &c, model.T("storeplan.wrong_number_reason")); err != nil {
					return err
				}
				flagged, res.FlaggedPhone = &c, ix.Phone
			}
		}
		if err := db.putInteraction(tx, now, s.me.Name, &ix); err != nil {
			return err
		}
		// a real contact re-plans the recurring contact; closing the recurring
		// item itself without one (e.g. to the manager) needs its successor
		closedRecurring := item != nil && item.Origin == model.OriginRecurring && dec.Close
		if (ix.Outcome.Reached() || closedRecurring) && c.ContactEvery > 0 {
			keep := model.ID(0)
			if res.Next != nil && res.Next.ID == ix.PlanItem {
				keep = ix.PlanItem // a retry moved it; the recurring slot waits for it
			}
			if err := db.syncRecurringTx(tx, cs, s.me.Name, &c, keep, false, now); err != nil {
				return err
			}
		}
		res.Interaction = ix
		return nil
	})
	if err != nil {
		return model.OutcomeResult{}, err
	}
	if flagged != nil {
		db.queueIndex(*flagged)
	}
	return res, nil
}

// offPlanItem is the done item an off-plan contact is recorded on.
func offPlanItem(c *model.Client, ix *model.Interaction, by string, now time.Time) model.PlanItem {
	p := model.PlanItem{Kind: model.PlanCall, Client: c.ID, Contact: ix.Contact, Assignee: by,
		Due: ix.At, Purpose: model.PurposeFollowUp, Priority: model.PriorityNormal,
		Origin: model.OriginOffPlan, Status: model.PlanDone, Attempts: 1, DoneAt: now, DoneBy: by}
	if ix.Channel == model.ChannelVisit || ix.Channel == model.ChannelMeeting {
		p.Kind = model.PlanVisit
		for _, a := range []string{c.ActualAddress, c.LegalAddress, c.City} {
			if strings.TrimSpace(a) != "" {
				p.Address = a
				break
			}
		}
		if p.Address == "" {
			p.Address = model.T("storeplan.address_unknown")
		}
	}
	return p
}

// putInteraction writes a new interaction with its index entry, counter
// and audit entry.
func (db *DB) putInteraction(tx *bolt.Tx, now time.Time, by string, ix *model.Interaction) error {
	b := tx.Bucket(bucketInteractions)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	ix.ID = model.ID(seq)
	ix.Meta = model.Meta{Version: 1, CreatedAt: now, CreatedBy: by, UpdatedAt: now, UpdatedBy: by}
	v, err := json.Marshal(ix)
	if err != nil {
		return err
	}
	if err := b.Put(itob(seq), v); err != nil {
		return err
	}
	if err := tx.Bucket(bucketIxClient).Put(ixClientKey(ix), nil); err != nil {
		return err
	}
	if err := addCounter(tx, keyInteractions, 1); err != nil {
		return err
	}
	changes := []model.FieldChange{
		{Field: "client", New: itoa(uint64(ix.Client))},
		{Field: "plan_item", New: itoa(uint64(ix.PlanItem))},
		{Field: "outcome", New: string(ix.Outcome)},
	}
	if ix.NextStep != "" {
		changes = append(changes, model.FieldChange{Field: "next_step", New: ix.NextStep})
	}
	return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "interaction", Record: ix.ID, Action: "create", Changes: changes})
}

// flagWrongNumber marks e164 wrong on c's phones and its contacts' phones;
// it reports whether anything changed.
func flagWrongNumber(c *model.Client, e164 string) bool {
	changed := false
	mark := func(ps []model.Phone) {
		for i := range ps {
			if ps[i].E164 == e164 && !ps[i].WrongNumber {
				ps[i].WrongNumber, changed = true, true
			}
		}
	}
	mark(c.Phones)
	for i := range c.Contacts {
		mark(c.Contacts[i].Phones)
	}
	return changed
}

// rewriteClientTx writes a change the store makes to a client (old → c)
// through SaveClient's path: version, stamp, record, name index and blob,
// audit. The caller holds writeMu and hands c to queueIndex after commit.
func (db *DB) rewriteClientTx(tx *bolt.Tx, now time.Time, by string, old, c *model.Client, reason string) error {
	c.Version = old.Version + 1
	c.UpdatedAt, c.UpdatedBy = now, by
	oldKeys, newKeys := db.keysOf(old), db.keysOf(c)
	if err := putClient(tx, old, c, &oldKeys, &newKeys); err != nil {
		return err
	}
	return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "client", Record: c.ID, Action: "update",
		Reason: reason, Changes: model.DiffClients(old, c)})
}

// lastContact is when client was last really reached (an interaction whose
// outcome Reached), or false when never.
func lastContact(tx *bolt.Tx, client model.ID) (time.Time, bool, error) {
	prefix := itob(uint64(client))
	cur := tx.Bucket(bucketIxClient).Cursor()
	ixs := tx.Bucket(bucketInteractions)
	k, _ := cur.Seek(itob(uint64(client) + 1))
	if k == nil {
		k, _ = cur.Last()
	} else {
		k, _ = cur.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix) && len(k) == 24; k, _ = cur.Prev() {
		v := ixs.Get(k[16:])
		if v == nil {
			continue
		}
		var ix model.Interaction
		if err := json.Unmarshal(v, &ix); err != nil {
			return time.Time{}, false, err
		}
		if ix.Outcome.Reached() {
			return ix.At, true, nil
		}
	}
	return time.Time{}, false, nil
}

// syncRecurringTx keeps client c's recurring contact: with ContactEvery > 0
// (and not archived) exactly one open recurring call, due ContactEvery days
// after the last real contact (since its creation when never reached), not
// before now, placed in the next calling slot; none otherwise. keep is an
// item a retry just moved, left where it is; a held item is left too.
// reassign moves the item to the client's (new) manager.
func (db *DB) syncRecurringTx(tx *bolt.Tx, cs model.CallSettings, by string, c *model.Client, keep model.ID, reassign bool, now time.Time) error {
	rec, err := openItems(tx, c.ID, model.OriginRecurring, 0)
	if err != nil {
		return err
	}
	cancel := func(old model.PlanItem, why string) error {
		p := old
		p.Status, p.CancelReason, p.HeldBy, p.HeldAt = model.PlanCancelled, why, "", time.Time{}
		return changePlan(tx, now, by, &old, &p, "cancel", why)
	}
	if c.ContactEvery <= 0 || c.Archived {
		for _, p := range rec {
			if err := cancel(p, model.T("storeplan.recurring_stopped")); err != nil {
				return err
			}
		}
		return nil
	}
	base, ok, err := lastContact(tx, c.ID)
	if err != nil {
		return err
	}
	if !ok {
		base = c.CreatedAt
	}
	due := base.AddDate(0, 0, c.ContactEvery)
	if due.Before(now) {
		due = now
	}
	if slot, ok := model.NextCallSlot(cs, model.ClientLocation(cs, *c), c.CallWindow, due); ok {
		due = slot
	}
	due = due.UTC().Truncate(time.Second)
	assignee := ""
	if c.Manager != "" && liveUser(tx, c.Manager) {
		assignee = c.Manager
	}
	kept := false
	for _, old := range rec {
		if kept {
			if err := cancel(old, model.T("storeplan.recurring_duplicate")); err != nil {
				return err
			}
			continue
		}
		kept = true
		if old.ID == keep || old.HeldBy != "" {
			continue
		}
		p := old
		p.Due, p.Until = due, time.Time{}
		if reassign {
			p.Assignee = assignee
		}
		if p.Due.Equal(old.Due) && p.Assignee == old.Assignee {
			continue
		}
		if err := changePlan(tx, now, by, &old, &p, "replan", model.T("storeplan.recurring_replanned")); err != nil {
			return err
		}
	}
	if kept {
		return nil
	}
	p := model.PlanItem{Kind: model.PlanCall, Client: c.ID, Assignee: assignee, Due: due,
		Purpose: model.PurposeFollowUp, Priority: model.PriorityNormal, Origin: model.OriginRecurring,
		Note: model.T("storeplan.recurring_note", c.ContactEvery)}
	return db.planTx(tx, by, &p)
}

// recurringTouched reports whether a client save may change its recurring
// contact: the frequency, or with one set, the manager, zone or window.
func recurringTouched(old, c *model.Client) bool {
	if old == nil {
		return c.ContactEvery > 0
	}
	if old.ContactEvery != c.ContactEvery {
		return true
	}
	return c.ContactEvery > 0 && (old.Manager != c.Manager || old.TimeZone != c.TimeZone || old.CallWindow != c.CallWindow)
}

// saveClientRecurring is SaveClient's hook, in its transaction: the
// recurring contact follows the card. A plan refusal (e.g. a frequency so
// long the item would be due too far ahead) is the frequency field's.
func (db *DB) saveClientRecurring(tx *bolt.Tx, by string, old, c *model.Client, now time.Time) error {
	if !recurringTouched(old, c) {
		return nil
	}
	cs, err := settingsTx(tx)
	if err != nil {
		return err
	}
	reassign := old != nil && old.Manager != c.Manager
	err = db.syncRecurringTx(tx, cs, by, c, 0, reassign, now)
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		out := &model.ValidationError{}
		for _, s := range ve.Fields {
			out.Add("contact_every", s)
			break
		}
		return out
	}
	return err
}

// setArchivedPlanTx is SetArchived's hook, in its transaction: an archived
// client's open items (the recurring one and held calls too: nobody may
// call it now) are cancelled, each with its audit entry; a restored client
// with a contact frequency gets its recurring contact back.
func (db *DB) setArchivedPlanTx(tx *bolt.Tx, by string, c *model.Client, now time.Time) error {
	if !c.Archived {
		if c.ContactEvery <= 0 {
			return nil
		}
		cs, err := settingsTx(tx)
		if err != nil {
			return err
		}
		return db.syncRecurringTx(tx, cs, by, c, 0, false, now)
	}
	open, err := openItems(tx, c.ID, "", 0)
	if err != nil {
		return err
	}
	why := model.T("storeplan.archived_cancel")
	for _, old := range open {
		p := old
		p.Status, p.CancelReason, p.HeldBy, p.HeldAt = model.PlanCancelled, why, "", time.Time{}
		if err := changePlan(tx, now, by, &old, &p, "cancel", why); err != nil {
			return err
		}
	}
	return nil
}
