package store

import (
	"encoding/json"
	"errors"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The call schedule's writes: one function creates every plan item
// (planTx), one writes every change with its index entries (putPlan).

// planEntry is one index entry of a plan item.
type planEntry struct {
	bucket     []byte
	key, value []byte
}

// planIndex is every index entry p has (layout.go): the queue for open
// calls (value: the holder), the user's plan for every item, the due index
// for open items, the client's items for every item.
func planIndex(p *model.PlanItem) []planEntry {
	out := make([]planEntry, 0, 4)
	if p.Open() && p.Kind == model.PlanCall {
		out = append(out, planEntry{bucketPlanQueue, planQueueKey(p), []byte(p.HeldBy)})
	}
	out = append(out, planEntry{bucketPlanUser, planUserKey(p), planUserValue(p)})
	if p.Open() {
		out = append(out, planEntry{bucketPlanDue, planDueKey(p), nil})
	}
	return append(out, planEntry{bucketPlanClient, planClientKey(p.Client, p.ID), nil})
}

// planEntries is planIndex by bucket name (the consistency checker's form).
func planEntries(p *model.PlanItem) map[string]planEntry {
	m := map[string]planEntry{}
	for _, e := range planIndex(p) {
		m[string(e.bucket)] = e
	}
	return m
}

func getPlan(tx *bolt.Tx, id model.ID) (model.PlanItem, error) {
	return getRecord[model.PlanItem](tx, bucketPlan, id, "storeplan.item_missing")
}

// putPlan writes p and its index entries, deleting old's (old nil: a new
// item), and keeps the open-items counter.
func putPlan(tx *bolt.Tx, old, p *model.PlanItem) error {
	v, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketPlan).Put(itob(uint64(p.ID)), v); err != nil {
		return err
	}
	var prev []planEntry
	if old != nil {
		prev = planIndex(old)
	}
	if err := replaceIndex(tx, prev, planIndex(p)); err != nil {
		return err
	}
	wasOpen, isOpen := 0, 0
	if old != nil && old.Open() {
		wasOpen = 1
	}
	if p.Open() {
		isOpen = 1
	}
	if d := isOpen - wasOpen; d != 0 {
		if err := addCounter(tx, keyPlanOpen, int64(d)); err != nil {
			return err
		}
	}
	if d := heldCall(p) - heldCall(old); d != 0 {
		return addCounter(tx, keyPlanHeld, int64(d))
	}
	return nil
}

// heldCall is 1 when p has a queue entry with a holder (what plan_held
// counts), else 0.
func heldCall(p *model.PlanItem) int {
	if p != nil && p.Open() && p.Kind == model.PlanCall && p.HeldBy != "" {
		return 1
	}
	return 0
}

// planAudit writes the audit entry of a plan item's change.
func planAudit(tx *bolt.Tx, at time.Time, by string, old, p *model.PlanItem, action, reason string) error {
	before := model.PlanItem{}
	if old != nil {
		before = *old
	}
	return writeAudit(tx, &model.AuditEntry{
		At: at, User: by, Kind: "plan", Record: p.ID, Action: action,
		Reason: strings.TrimSpace(reason), Changes: diffPlan(&before, p),
	})
}

// changePlan writes a change of old into p: version, stamp, record, indexes, audit.
func changePlan(tx *bolt.Tx, at time.Time, by string, old, p *model.PlanItem, action, reason string) error {
	p.Version = old.Version + 1
	p.UpdatedAt, p.UpdatedBy = at, by
	if err := putPlan(tx, old, p); err != nil {
		return err
	}
	return planAudit(tx, at, by, old, p, action, reason)
}

// diffPlan lists the fields that differ, as display text.
func diffPlan(old, p *model.PlanItem) []model.FieldChange {
	var out changeList
	add, when, id, num := out.add, momentText, idText, countText
	add("kind", string(old.Kind), string(p.Kind))
	add("client", id(old.Client), id(p.Client))
	add("contact", id(old.Contact), id(p.Contact))
	if old.Assignee != p.Assignee || old.ID == 0 {
		add("assignee", assigneeText(old.Assignee, old.ID == 0), assigneeText(p.Assignee, false))
	}
	add("due", when(old.Due), when(p.Due))
	add("until", when(old.Until), when(p.Until))
	add("purpose", string(old.Purpose), string(p.Purpose))
	add("priority", num(int(old.Priority)), num(int(p.Priority)))
	add("origin", string(old.Origin), string(p.Origin))
	add("address", old.Address, p.Address)
	add("note", old.Note, p.Note)
	add("status", string(old.Status), string(p.Status))
	add("attempts", num(old.Attempts), num(p.Attempts))
	add("held_by", old.HeldBy, p.HeldBy)
	add("done_at", when(old.DoneAt), when(p.DoneAt))
	add("done_by", old.DoneBy, p.DoneBy)
	add("cancel_reason", old.CancelReason, p.CancelReason)
	add("prev_id", id(old.PrevID), id(p.PrevID))
	add("next_id", id(old.NextID), id(p.NextID))
	add("ref", old.Ref, p.Ref)
	return out
}

func assigneeText(name string, none bool) string {
	if none {
		return ""
	}
	if name == "" {
		return model.T("storeplan.pool")
	}
	return name
}

func itoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}

// liveUser reports whether name is an existing, non-archived user (read
// in tx, so a user saved in the same transaction counts).
func liveUser(tx *bolt.Tx, name string) bool {
	id := tx.Bucket(bucketUserName).Get([]byte(name))
	if id == nil {
		return false
	}
	v := tx.Bucket(bucketUsers).Get(id)
	if v == nil {
		return false
	}
	var u model.User
	if err := decode(v, &u); err != nil {
		return false
	}
	return !u.Archived
}

// planTx creates plan item p in tx: the one way every plan item comes into
// being (screens through Session.Plan; the retry policy, recurring contact
// and later issues from their own transactions). It checks the item, the
// client (existing, not archived), the contact and the assignee (an
// existing user, or "" — the operators' pool — for calls), assigns the id
// and writes the record, its index entries, the counter and the audit
// entry under by's name. Rights are the caller's business.
func (db *DB) planTx(tx *bolt.Tx, by string, p *model.PlanItem) error {
	now := db.now()
	if p.Status == "" {
		p.Status = model.PlanPlanned
	}
	if p.Priority == 0 {
		p.Priority = model.PriorityNormal
	}
	p.Note, p.Address = strings.TrimSpace(p.Note), strings.TrimSpace(p.Address)
	ve := &model.ValidationError{}
	if err := model.ValidatePlanItem(*p, now, p.Status == model.PlanPlanned); err != nil {
		var v *model.ValidationError
		if !errors.As(err, &v) {
			return err
		}
		for f, s := range v.Fields {
			ve.Add(f, s)
		}
	}
	if p.Origin == "" {
		ve.Add("origin", model.T("storeplan.no_origin"))
	}
	switch {
	case p.Status == model.PlanPlanned:
	case p.Status == model.PlanDone && p.Origin == model.OriginOffPlan:
	default:
		ve.Add("status", model.T("storeplan.new_status", string(p.Status)))
	}
	c, err := getClient(tx, p.Client)
	switch {
	case errors.Is(err, model.ErrNotFound):
		ve.Add("client", model.T("storeplan.no_client", uint64(p.Client)))
	case err != nil:
		return err
	case c.Archived:
		ve.Add("client", model.T("storeplan.client_archived", c.ShortName))
	case p.Contact != 0 && contactOf(&c, p.Contact) == nil:
		ve.Add("contact", model.T("storeplan.no_contact", uint64(p.Contact), c.ShortName))
	}
	switch {
	case p.Assignee == "" && p.Kind == model.PlanVisit:
		ve.Add("assignee", model.T("storeplan.visit_pool"))
	case p.Assignee != "" && !liveUser(tx, p.Assignee):
		ve.Add("assignee", model.T("storeplan.no_user", p.Assignee))
	}
	if err := ve.Err(); err != nil {
		return err
	}
	seq, err := tx.Bucket(bucketPlan).NextSequence()
	if err != nil {
		return err
	}
	p.ID = model.ID(seq)
	p.HeldBy, p.HeldAt, p.NextID = "", time.Time{}, 0
	p.Meta = model.Meta{Version: 1, CreatedAt: now, CreatedBy: by, UpdatedAt: now, UpdatedBy: by}
	if err := putPlan(tx, nil, p); err != nil {
		return err
	}
	return planAudit(tx, now, by, nil, p, "create", "")
}

func contactOf(c *model.Client, id model.ID) *model.Contact {
	for i := range c.Contacts {
		if c.Contacts[i].ID == id {
			return &c.Contacts[i]
		}
	}
	return nil
}

// Plan creates a plan item; see common.ClientStore. Planning for oneself
// needs plan.edit, for anyone else (or the pool) plan.assign.
func (s *Session) Plan(p model.PlanItem) (model.PlanItem, error) {
	db := s.db
	if db.ro {
		return model.PlanItem{}, db.readOnlyErr()
	}
	act := model.ActPlanEdit
	if p.Assignee != s.me.Name {
		act = model.ActPlanAssign
	}
	if !model.CanOnPlan(s.me, act, &p) {
		return model.PlanItem{}, forbidden(s.me, "storeplan.act."+string(act))
	}
	// the recurring contact follows the card, off-plan records follow outcomes
	if p.Origin == model.OriginRecurring || p.Origin == model.OriginOffPlan {
		ve := &model.ValidationError{}
		ve.Add("origin", model.T("storeplan.origin_store", string(p.Origin)))
		return model.PlanItem{}, ve
	}
	p.ID, p.Status, p.Attempts, p.DoneAt, p.DoneBy, p.CancelReason, p.PrevID = 0, model.PlanPlanned, 0, time.Time{}, "", "", 0
	err := s.update(func(tx *bolt.Tx) error { return db.planTx(tx, s.me.Name, &p) })
	if err != nil {
		return model.PlanItem{}, err
	}
	return p, nil
}

// PlanItem loads one item.
func (s *Session) PlanItem(id model.ID) (model.PlanItem, error) {
	return readRecord(s.db, id, getPlan)
}

// PlanHistory returns a plan item's audit entries, oldest first.
func (s *Session) PlanHistory(id model.ID) ([]model.AuditEntry, error) {
	return s.db.history("plan", uint64(id))
}

// planConflict is the sentence for a stale version of an item.
func planConflict(p *model.PlanItem) error {
	return model.Sentencef(model.ErrConflict, "storeplan.conflict", model.FormatDateTime(p.UpdatedAt, time.Local), p.UpdatedBy)
}

// heldConflict names who holds an item someone else wants.
func heldConflict(p *model.PlanItem) error {
	return model.Sentencef(model.ErrConflict, "storeplan.held", p.HeldBy, model.FormatDateTime(p.HeldAt, time.Local))
}

// notOpen is the sentence for a change of an item that is no longer planned.
func notOpen(p *model.PlanItem) error {
	return model.Sentencef(model.ErrConflict, "storeplan.not_open", uint64(p.ID), model.T("storeplan.status."+string(p.Status)))
}

// editable loads item id for a change by s: it must exist, be open, not be
// held by anyone else, be s's to edit, and match version (0: any).
func (s *Session) editable(tx *bolt.Tx, id model.ID, version uint64) (model.PlanItem, error) {
	p, err := getPlan(tx, id)
	if err != nil {
		return p, err
	}
	if !model.CanOnPlan(s.me, model.ActPlanEdit, &p) {
		return p, s.planRefusal(&p)
	}
	if version != 0 && p.Version != version {
		return p, planConflict(&p)
	}
	if !p.Open() {
		return p, notOpen(&p)
	}
	if p.HeldBy != "" && p.HeldBy != s.me.Name {
		return p, heldConflict(&p)
	}
	return p, nil
}

// planRefusal says why s may not change p.
func (s *Session) planRefusal(p *model.PlanItem) error {
	if s.me.Archived {
		return model.Sentencef(model.ErrForbidden, "model.rights.archived_user", s.me.Name)
	}
	if model.ScopeOf(s.me, model.ActPlanEdit) == model.ScopeOwn {
		return model.Sentencef(model.ErrForbidden, "storeplan.not_own", assigneeText(p.Assignee, false))
	}
	return forbidden(s.me, "storeplan.act."+string(model.ActPlanEdit))
}

// Reschedule moves an item; see common.CallStore. The old item becomes
// "rescheduled" and points at the new one, which keeps its fields and
// attempts.
func (s *Session) Reschedule(id model.ID, version uint64, due, until time.Time, reason string) (model.PlanItem, error) {
	db := s.db
	if db.ro {
		return model.PlanItem{}, db.readOnlyErr()
	}
	if strings.TrimSpace(reason) == "" {
		return model.PlanItem{}, reasonRequired()
	}
	var next model.PlanItem
	err := s.update(func(tx *bolt.Tx) error {
		old, err := s.editable(tx, id, version)
		if err != nil {
			return err
		}
		now := db.now()
		next = old
		next.ID, next.Due, next.Until, next.PrevID, next.NextID = 0, due.UTC(), until.UTC(), old.ID, 0
		if until.IsZero() {
			next.Until = time.Time{}
		}
		if err := db.planTx(tx, s.me.Name, &next); err != nil {
			return err
		}
		p := old
		p.Status, p.NextID, p.HeldBy, p.HeldAt = model.PlanRescheduled, next.ID, "", time.Time{}
		return changePlan(tx, now, s.me.Name, &old, &p, "reschedule", reason)
	})
	if err != nil {
		return model.PlanItem{}, err
	}
	return next, nil
}

func reasonRequired() error {
	ve := &model.ValidationError{}
	ve.Add("reason", model.T("storeplan.reason_required"))
	return ve
}

// CancelPlan cancels an item with a reason. A client's recurring contact
// is stopped on the card (its frequency), not here: the plan always holds it.
func (s *Session) CancelPlan(id model.ID, version uint64, reason string) (model.PlanItem, error) {
	db := s.db
	if db.ro {
		return model.PlanItem{}, db.readOnlyErr()
	}
	if strings.TrimSpace(reason) == "" {
		return model.PlanItem{}, reasonRequired()
	}
	var p model.PlanItem
	err := s.update(func(tx *bolt.Tx) error {
		old, err := s.editable(tx, id, version)
		if err != nil {
			return err
		}
		p, err = cancelPlanTx(tx, db.now(), s.me.Name, old, reason)
		return err
	})
	if err != nil {
		return model.PlanItem{}, err
	}
	return p, nil
}

// cancelPlanTx cancels the open item old inside tx, by whoever's change
// causes it (the rights and the version are the caller's to check): a
// client's recurring contact is refused with a sentence, a hold is dropped.
func cancelPlanTx(tx *bolt.Tx, at time.Time, by string, old model.PlanItem, reason string) (model.PlanItem, error) {
	if old.Origin == model.OriginRecurring {
		if c, err := getClient(tx, old.Client); err == nil && c.ContactEvery > 0 && !c.Archived {
			ve := &model.ValidationError{}
			ve.Add("reason", model.T("storeplan.cancel_recurring", c.ContactEvery))
			return old, ve
		}
	}
	p := old
	p.Status, p.CancelReason, p.HeldBy, p.HeldAt = model.PlanCancelled, strings.TrimSpace(reason), "", time.Time{}
	return p, changePlan(tx, at, by, &old, &p, "cancel", reason)
}

// Reassign gives open items to user to ("" is the operators' pool, for
// calls) in one transaction; it needs plan.assign. Items already to's are
// left alone and not counted. Any refusal (a closed or held item, an
// unknown user) saves nothing.
func (s *Session) Reassign(ids []model.ID, to string) (int, error) {
	db := s.db
	if db.ro {
		return 0, db.readOnlyErr()
	}
	to = strings.TrimSpace(to)
	moved := 0
	err := s.update(func(tx *bolt.Tx) error {
		if to != "" && !liveUser(tx, to) {
			ve := &model.ValidationError{}
			ve.Add("assignee", model.T("storeplan.no_user", to))
			return ve
		}
		now := db.now()
		seen := map[model.ID]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			old, err := getPlan(tx, id)
			if err != nil {
				return err
			}
			if !model.CanOnPlan(s.me, model.ActPlanAssign, &old) {
				return forbidden(s.me, "storeplan.act."+string(model.ActPlanAssign))
			}
			if !old.Open() {
				return notOpen(&old)
			}
			if old.HeldBy != "" {
				return heldConflict(&old)
			}
			if to == "" && old.Kind == model.PlanVisit {
				ve := &model.ValidationError{}
				ve.Add("assignee", model.T("storeplan.visit_pool"))
				return ve
			}
			if old.Assignee == to {
				continue
			}
			p := old
			p.Assignee = to
			if err := changePlan(tx, now, s.me.Name, &old, &p, "reassign", ""); err != nil {
				return err
			}
			moved++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return moved, nil
}

// settingsTx reads the call settings (the defaults when none were saved).
func settingsTx(tx *bolt.Tx) (model.CallSettings, error) { return callSettings.read(tx) }

// CallSettings returns the department's call rules (the defaults when none were saved).
func (s *Session) CallSettings() (model.CallSettings, error) { return callSettings.view(s.db) }

// SaveCallSettings stores new call rules (head and director), checked
// against the version the editor started from.
func (s *Session) SaveCallSettings(cs model.CallSettings) (model.CallSettings, error) {
	return callSettings.save(s, cs)
}

// diffSettings lists the changed parts of the call rules as display text.
func diffSettings(old, cs *model.CallSettings) []model.FieldChange {
	var d settingsDiff
	d.add("rules", old.Rules, cs.Rules)
	d.add("work_hours", [2]int{old.WorkFrom, old.WorkTo}, [2]int{cs.WorkFrom, cs.WorkTo})
	d.add("work_days", old.WorkDays, cs.WorkDays)
	d.add("holidays", old.Holidays, cs.Holidays)
	d.add("pester", [2]int{old.PesterMax, old.PesterDays}, [2]int{cs.PesterMax, cs.PesterDays})
	d.add("default_zone", old.DefaultZone, cs.DefaultZone)
	return d
}
