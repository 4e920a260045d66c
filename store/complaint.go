package store

import (
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Complaint records and their moves. Every user action is one write
// transaction: the record, its three index entries (complaint_layout.go),
// the counters, an event in the complaint's own history and an audit entry.

func getComplaint(tx *bolt.Tx, id model.ID) (model.Complaint, error) {
	return getRecord[model.Complaint](tx, bucketComplaints, id, "storecomplaint.missing")
}

// cloneComplaint copies c deeply enough that appending to the copy's lists
// never writes into the original's arrays.
func cloneComplaint(c model.Complaint) model.Complaint {
	c.Lines = slices.Clone(c.Lines)
	c.Forwards = slices.Clone(c.Forwards)
	c.Escalations = slices.Clone(c.Escalations)
	c.Events = slices.Clone(c.Events)
	if c.Closing != nil {
		cl := *c.Closing
		c.Closing = &cl
	}
	return c
}

// complaintIndex is c's index entries, each valued with sum: the queue
// while open, the client's and the received index always.
func complaintIndex(c *model.Complaint, sum []byte) []planEntry {
	out := make([]planEntry, 0, 3)
	if c.IsOpen() {
		out = append(out, planEntry{bucketComplaintQueue, complaintQueueKey(c), sum})
	}
	return append(out, planEntry{bucketComplaintClient, complaintClientKey(c), sum},
		planEntry{bucketComplaintReceived, complaintReceivedKey(c), sum})
}

// answerMinutes is the working minutes from received to c's first answer,
// pauses excluded (0: not answered), and whether it came after the
// deadline. Both are fixed when the answer is given — the minutes are the
// service level less the time left then, which the pauses already moved —
// and carried over from the old summary afterwards, since the deadline and
// the service level (an edited type) may change later.
func answerMinutes(tx *bolt.Tx, cal model.WorkCalendar, old, c *model.Complaint) (minutes int, late bool) {
	if c.Answered.IsZero() {
		return 0, false
	}
	if old != nil && old.Answered.Equal(c.Answered) {
		if s, ok := decodeSummary(tx.Bucket(bucketComplaintReceived).Get(complaintReceivedKey(old))); ok && s.AnswerMin > 0 {
			return s.AnswerMin, s.Late
		}
	}
	am := answerAt(cal, c)
	return am, am > c.SLA
}

// answerAt computes the answer minutes from c's deadline at its answer;
// at least 1, as 0 means "not answered". Past the deadline it is above the
// service level even by seconds (or outside working time, TimeLeft -1ns):
// the minutes round up there, so Late says what the queue said.
func answerAt(cal model.WorkCalendar, c *model.Complaint) int {
	left := model.TimeLeft(cal, c.Deadline, c.PausedAt, c.Answered)
	if left < 0 {
		return c.SLA + int((-left+time.Minute-1)/time.Minute)
	}
	return max(c.SLA-int(left/time.Minute), 1)
}

// putComplaint writes c and its index entries, deleting old's that moved
// (old nil: a new complaint), and keeps the counters.
func putComplaint(tx *bolt.Tx, cal model.WorkCalendar, old, c *model.Complaint) error {
	v, err := json.Marshal(c)
	if err != nil {
		return err
	}
	am, late := answerMinutes(tx, cal, old, c)
	sum := summarize(c, am)
	sum.Late = late
	if err := tx.Bucket(bucketComplaints).Put(itob(uint64(c.ID)), v); err != nil {
		return err
	}
	var prev []planEntry
	if old != nil {
		prev = complaintIndex(old, nil)
	}
	if err := replaceIndex(tx, prev, complaintIndex(c, sum.encode())); err != nil {
		return err
	}
	if old == nil {
		if err := addCounter(tx, keyComplaints, 1); err != nil {
			return err
		}
	}
	wasOpen, isOpen := 0, 0
	if old != nil && old.IsOpen() {
		wasOpen = 1
	}
	if c.IsOpen() {
		isOpen = 1
	}
	if d := isOpen - wasOpen; d != 0 {
		return addCounter(tx, keyComplaintsOpen, int64(d))
	}
	return nil
}

// complaintEnv is what a complaint's change needs besides the record.
type complaintEnv struct {
	cs  model.ComplaintSettings
	cal model.WorkCalendar
	now time.Time
}

func (db *DB) complaintEnv(tx *bolt.Tx) (complaintEnv, error) {
	cs, cal, err := complaintPolicy(tx)
	if err != nil {
		return complaintEnv{}, err
	}
	return complaintEnv{cs: cs, cal: cal, now: db.now()}, nil
}

// changeComplaint writes a change of old into c: an event (action, note),
// version, stamp, record, indexes and the audit entry.
func changeComplaint(tx *bolt.Tx, env complaintEnv, by string, old, c *model.Complaint, action, note string) error {
	note = strings.TrimSpace(note)
	c.Events = append(c.Events, model.ComplaintEvent{At: env.now, By: by, From: old.Status, To: c.Status, Action: action, Note: note})
	c.Version = old.Version + 1
	c.UpdatedAt, c.UpdatedBy = env.now, by
	if err := putComplaint(tx, env.cal, old, c); err != nil {
		return err
	}
	return complaintAudit(tx, env.now, by, old, c, action, note)
}

func complaintAudit(tx *bolt.Tx, at time.Time, by string, old, c *model.Complaint, action, note string) error {
	before := model.Complaint{}
	if old != nil {
		before = *old
	}
	return writeAudit(tx, &model.AuditEntry{At: at, User: by, Kind: "complaint", Record: c.ID, Action: action,
		Reason: note, Changes: diffComplaint(&before, c)})
}

// diffComplaint lists the fields that differ, as display text (the events
// and escalations as their counts: the record keeps them whole).
func diffComplaint(old, c *model.Complaint) []model.FieldChange {
	var out changeList
	add, when, id, num := out.add, momentText, idText, countText
	js := func(v any) string {
		b, _ := json.Marshal(v)
		if string(b) == "null" || string(b) == "[]" {
			return ""
		}
		return string(b)
	}
	add("direction", string(old.Direction), string(c.Direction))
	add("type", string(old.Type), string(c.Type))
	add("client", id(old.Client), id(c.Client))
	add("contact", id(old.Contact), id(c.Contact))
	add("order", id(old.Order), id(c.Order))
	add("lines", js(old.Lines), js(c.Lines))
	add("channel", string(old.Channel), string(c.Channel))
	add("received", when(old.Received), when(c.Received))
	add("owner", old.Owner, c.Owner)
	add("claimed", js(old.Claimed), js(c.Claimed))
	add("description", old.Description, c.Description)
	add("priority", num(int(old.Priority)), num(int(c.Priority)))
	if old.Serious != c.Serious {
		add("serious", js(old.Serious), js(c.Serious))
	}
	add("status", string(old.Status), string(c.Status))
	add("sla", num(old.SLA), num(c.SLA))
	add("deadline", when(old.Deadline), when(c.Deadline))
	add("paused_at", when(old.PausedAt), when(c.PausedAt))
	add("answered", when(old.Answered), when(c.Answered))
	add("answer", old.Answer, c.Answer)
	add("forwards", num(len(old.Forwards)), num(len(c.Forwards)))
	add("escalations", js(old.Escalations), js(c.Escalations))
	add("closing", js(old.Closing), js(c.Closing))
	add("closed", when(old.Closed), when(c.Closed))
	add("follow_up", id(old.FollowUp), id(c.FollowUp))
	add("reopened", num(old.Reopened), num(c.Reopened))
	return out
}

// complaintConflict is the sentence for a stale version.
func complaintConflict(c *model.Complaint) error {
	return model.Sentencef(model.ErrConflict, "storecomplaint.conflict", uint64(c.ID), model.FormatDateTime(c.UpdatedAt, time.Local), c.UpdatedBy)
}

// complaintRefusal says why s may not work on c.
func (s *Session) complaintRefusal(c *model.Complaint) error {
	if s.me.Archived {
		return model.Sentencef(model.ErrForbidden, "model.rights.archived_user", s.me.Name)
	}
	if model.ScopeOf(s.me, model.ActComplaintEdit) == model.ScopeOwn && c != nil && c.Owner != "" {
		return model.Sentencef(model.ErrForbidden, "storecomplaint.not_own", uint64(c.ID), c.Owner)
	}
	return forbidden(s.me, "model.action."+string(model.ActComplaintEdit))
}

func complaintFieldError(field, key string, args ...any) error {
	ve := &model.ValidationError{}
	ve.Add(field, model.T(key, args...))
	return ve
}

// mergeFields adds err's field sentences to ve (the first for a field
// wins) and returns err when it is not a validation error.
func mergeFields(ve *model.ValidationError, err error) error {
	var v *model.ValidationError
	if err == nil {
		return nil
	}
	if !errors.As(err, &v) {
		return err
	}
	for f, s := range v.Fields {
		ve.Add(f, s)
	}
	return nil
}

// userNamed is the cached user called name, ok false when missing or archived.
func (db *DB) userNamed(name string) (model.User, bool) {
	db.usersMu.RLock()
	u, ok := db.usersByNm[name]
	db.usersMu.RUnlock()
	return u, ok && !u.Archived
}

// complaintStep runs one change of complaint id in one write transaction:
// it loads it, checks the version the screen started from (0: any) and
// that it is open (unless closedToo), and hands a copy to fn, which checks
// its rights and the move, changes it and returns the audit action and note.
func (s *Session) complaintStep(id model.ID, version uint64, closedToo bool,
	fn func(tx *bolt.Tx, env complaintEnv, old model.Complaint, c *model.Complaint) (action, note string, err error)) (model.Complaint, error) {
	db := s.db
	if db.ro {
		return model.Complaint{}, db.readOnlyErr()
	}
	var c model.Complaint
	err := s.update(func(tx *bolt.Tx) error {
		old, err := getComplaint(tx, id)
		if err != nil {
			return err
		}
		if version != 0 && old.Version != version {
			return complaintConflict(&old)
		}
		if !closedToo && !old.IsOpen() {
			return model.Sentencef(model.ErrConflict, "storecomplaint.closed", uint64(old.ID))
		}
		env, err := db.complaintEnv(tx)
		if err != nil {
			return err
		}
		c = cloneComplaint(old)
		action, note, err := fn(tx, env, old, &c)
		if err != nil {
			return err
		}
		return changeComplaint(tx, env, s.me.Name, &old, &c, action, note)
	})
	if err != nil {
		return model.Complaint{}, err
	}
	return c, nil
}

// mayWork checks that s may work on c: complaint.edit on it, and its
// direction (an operator handles no outgoing claim, even an unassigned one).
func (s *Session) mayWork(c *model.Complaint) error {
	if !model.CanOnComplaint(s.me, model.ActComplaintEdit, c) {
		return s.complaintRefusal(c)
	}
	if !model.CanHandleComplaint(s.me, c) {
		return model.Sentencef(model.ErrForbidden, "storecomplaint.owner_cannot", s.me.Name)
	}
	return nil
}

// Complaint loads one complaint.
func (s *Session) Complaint(id model.ID) (model.Complaint, error) {
	return readRecord(s.db, id, getComplaint)
}

// ComplaintHistory is the complaint's audit entries, oldest first.
func (s *Session) ComplaintHistory(id model.ID) ([]model.AuditEntry, error) {
	return s.db.history("complaint", uint64(id))
}

// loadComplaintOrder loads the order c is about (model.ValidateComplaint
// checks it is the client's); lines are copied with the order's SKU and name.
func loadComplaintOrder(tx *bolt.Tx, c *model.Complaint) (*model.Order, error) {
	if c.Order == 0 {
		c.OrderNo = ""
		return nil, nil
	}
	o, err := getOrder(tx, c.Order)
	if err != nil {
		return nil, complaintFieldError("order", "storecomplaint.no_order", uint64(c.Order))
	}
	c.OrderNo = o.Number
	for i := range c.Lines {
		if l := c.Lines[i].Line; l >= 0 && l < len(o.Lines) {
			c.Lines[i].SKU, c.Lines[i].Name = o.Lines[l].SKU, o.Lines[l].Name
		}
	}
	return &o, nil
}

// complaintClient loads c's client for a new complaint or an edit: it must
// exist and not be archived.
func complaintClient(tx *bolt.Tx, c *model.Complaint) (model.Client, error) {
	cl, err := getClient(tx, c.Client)
	switch {
	case err != nil && c.Client == 0:
		return cl, complaintFieldError("client", "storecomplaint.client_required")
	case err != nil:
		return cl, complaintFieldError("client", "storeplan.no_client", uint64(c.Client))
	case cl.Archived:
		return cl, complaintFieldError("client", "storecomplaint.client_archived", cl.ShortName)
	case c.Contact != 0 && contactOf(&cl, c.Contact) == nil:
		return cl, complaintFieldError("contact", "storeplan.no_contact", uint64(c.Contact), cl.ShortName)
	}
	return cl, nil
}

// RegisterComplaint creates a complaint: registered, or assigned when Owner
// is set; the deadline from the service level. A second complaint about
// the same order is not refused (the form warns through OpenComplaintsAbout).
func (s *Session) RegisterComplaint(c model.Complaint) (model.Complaint, error) {
	db := s.db
	if db.ro {
		return model.Complaint{}, db.readOnlyErr()
	}
	if !model.Can(s.me, model.ActComplaintRegister) {
		return model.Complaint{}, forbidden(s.me, "model.action."+string(model.ActComplaintRegister))
	}
	c.Owner = strings.TrimSpace(c.Owner)
	c.Description = strings.TrimSpace(c.Description)
	if c.Owner != "" && c.Owner != s.me.Name && model.ScopeOf(s.me, model.ActComplaintEdit) != model.ScopeAll {
		return model.Complaint{}, complaintFieldError("owner", "storecomplaint.owner_other")
	}
	if c.Priority == 0 {
		c.Priority = model.PriorityNormal
	}
	err := s.update(func(tx *bolt.Tx) error {
		env, err := db.complaintEnv(tx)
		if err != nil {
			return err
		}
		if c.Received.IsZero() {
			c.Received = env.now
		}
		c.Received = c.Received.UTC()
		// every field's sentence at once: the form shows each under its field
		ve := &model.ValidationError{}
		client, err := complaintClient(tx, &c)
		if err := mergeFields(ve, err); err != nil {
			return err
		}
		order, err := loadComplaintOrder(tx, &c)
		if err := mergeFields(ve, err); err != nil {
			return err
		}
		if err := mergeFields(ve, model.ValidateComplaint(c, order, env.now)); err != nil {
			return err
		}
		if c.Owner != "" {
			u, ok := db.userNamed(c.Owner)
			switch {
			case !ok:
				ve.Add("owner", model.T("storeplan.no_user", c.Owner))
			case !model.CanHandleComplaint(u, &model.Complaint{Direction: c.Direction}):
				ve.Add("owner", model.T("storecomplaint.owner_cannot", c.Owner))
			}
		}
		if err := ve.Err(); err != nil {
			return err
		}
		seq, err := tx.Bucket(bucketComplaints).NextSequence()
		if err != nil {
			return err
		}
		c.ID = model.ID(seq)
		c.Status = model.ComplaintRegistered
		if c.Owner != "" {
			c.Status = model.ComplaintAssigned
		}
		c.PausedAt, c.Answered, c.Answer, c.Closing, c.Closed, c.FollowUp, c.Reopened = time.Time{}, time.Time{}, "", nil, time.Time{}, 0, 0
		c.Forwards, c.Escalations = nil, nil
		model.StartDeadline(env.cs, &c, client)
		c.Events = []model.ComplaintEvent{{At: env.now, By: s.me.Name, To: c.Status, Action: "register"}}
		c.Meta = model.Meta{Version: 1, CreatedAt: env.now, CreatedBy: s.me.Name, UpdatedAt: env.now, UpdatedBy: s.me.Name}
		if err := putComplaint(tx, env.cal, nil, &c); err != nil {
			return err
		}
		return complaintAudit(tx, env.now, s.me.Name, nil, &c, "create", "")
	})
	if err != nil {
		return model.Complaint{}, err
	}
	return c, nil
}

// SaveComplaint changes an open complaint's fields (type, contact, lines,
// claimed, description, priority, serious, channel); the deadline follows
// the type and seriousness, keeping the time the pauses added.
func (s *Session) SaveComplaint(next model.Complaint) (model.Complaint, error) {
	return s.complaintStep(next.ID, next.Version, false, func(tx *bolt.Tx, env complaintEnv, old model.Complaint, c *model.Complaint) (string, string, error) {
		if err := s.mayWork(&old); err != nil {
			return "", "", err
		}
		c.Type, c.Contact, c.Lines, c.Claimed = next.Type, next.Contact, slices.Clone(next.Lines), next.Claimed
		c.Description, c.Priority, c.Serious, c.Channel = strings.TrimSpace(next.Description), next.Priority, next.Serious, next.Channel
		if c.Priority == 0 {
			c.Priority = model.PriorityNormal
		}
		client, err := getClient(tx, c.Client)
		if err != nil {
			return "", "", err
		}
		ve := &model.ValidationError{}
		if c.Contact != 0 && contactOf(&client, c.Contact) == nil {
			ve.Add("contact", model.T("storeplan.no_contact", uint64(c.Contact), client.ShortName))
		}
		order, err := loadComplaintOrder(tx, c)
		if err := mergeFields(ve, err); err != nil {
			return "", "", err
		}
		if err := mergeFields(ve, model.ValidateComplaint(*c, order, env.now)); err != nil {
			return "", "", err
		}
		if err := ve.Err(); err != nil {
			return "", "", err
		}
		if c.Type != old.Type || c.Serious != old.Serious {
			// the working time the deadline was moved on by (pauses, a
			// reopening) stays on top of the new service level
			extra := int(env.cal.Between(old.Received, old.Deadline)/time.Minute) - old.SLA
			model.StartDeadline(env.cs, c, client)
			if extra > 0 {
				c.Deadline = env.cal.Add(c.Received, c.SLA+extra)
			}
		}
		return "edit", "", nil
	})
}

// NextComplaint gives s's user the most urgent unassigned complaint they
// may handle, in one write transaction: two people pulling at once never
// get the same one. The queue's summaries say which are free, so only the
// one taken is decoded.
func (s *Session) NextComplaint() (model.Complaint, error) {
	db := s.db
	if db.ro {
		return model.Complaint{}, db.readOnlyErr()
	}
	if !model.Can(s.me, model.ActComplaintEdit) {
		return model.Complaint{}, forbidden(s.me, "model.action."+string(model.ActComplaintEdit))
	}
	var c model.Complaint
	err := s.update(func(tx *bolt.Tx) error {
		var found model.ID
		registered := enumCode(model.ComplaintRegistered, model.ComplaintStatuses)
		reopened := enumCode(model.ComplaintReopened, model.ComplaintStatuses)
		// whether s may handle a complaint depends on its direction alone
		mayHandle := map[byte]bool{}
		for _, d := range model.ComplaintDirections {
			mayHandle[enumCode(d, model.ComplaintDirections)] = model.CanHandleComplaint(s.me, &model.Complaint{Direction: d})
		}
		cur := tx.Bucket(bucketComplaintQueue).Cursor()
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			r := rawSummary(v)
			if len(k) < 8 || !r.valid() || len(r.owner()) != 0 || (r.status() != registered && r.status() != reopened) || !mayHandle[r.direction()] {
				continue
			}
			found = model.ID(btoi(k[len(k)-8:]))
			break
		}
		if found == 0 {
			return model.Sentencef(model.ErrNotFound, "storecomplaint.none_waiting")
		}
		old, err := getComplaint(tx, found)
		if err != nil {
			return err
		}
		env, err := db.complaintEnv(tx)
		if err != nil {
			return err
		}
		c = cloneComplaint(old)
		c.Owner, c.Status = s.me.Name, model.ComplaintAssigned
		return changeComplaint(tx, env, s.me.Name, &old, &c, "assign", model.T("storecomplaint.pulled"))
	})
	if err != nil {
		return model.Complaint{}, err
	}
	return c, nil
}

// AssignComplaint gives a complaint to owner: whoever works on every
// complaint (head, director) to any active user who may handle it; the
// others only to themselves, and only an unassigned one or their own.
func (s *Session) AssignComplaint(id model.ID, version uint64, owner string) (model.Complaint, error) {
	owner = strings.TrimSpace(owner)
	return s.complaintStep(id, version, false, func(tx *bolt.Tx, env complaintEnv, old model.Complaint, c *model.Complaint) (string, string, error) {
		all := model.ScopeOf(s.me, model.ActComplaintEdit) == model.ScopeAll
		switch {
		case !model.Can(s.me, model.ActComplaintEdit):
			return "", "", s.complaintRefusal(&old)
		case owner == "":
			return "", "", complaintFieldError("owner", "storecomplaint.owner_required")
		case !all && owner != s.me.Name:
			return "", "", complaintFieldError("owner", "storecomplaint.owner_other")
		case !all && old.Owner != "" && old.Owner != s.me.Name:
			return "", "", s.complaintRefusal(&old)
		}
		u, ok := s.db.userNamed(owner)
		if !ok {
			return "", "", complaintFieldError("owner", "storeplan.no_user", owner)
		}
		if !model.CanHandleComplaint(u, &model.Complaint{Direction: old.Direction}) {
			return "", "", complaintFieldError("owner", "storecomplaint.owner_cannot", owner)
		}
		if old.Owner == owner {
			return "", "", complaintFieldError("owner", "storecomplaint.owner_same", owner)
		}
		c.Owner = owner
		if old.Status == model.ComplaintRegistered || old.Status == model.ComplaintReopened {
			c.Status = model.ComplaintAssigned
		}
		return "assign", "", nil
	})
}

// MoveComplaint moves a complaint along the flow; see common.ComplaintStore.
func (s *Session) MoveComplaint(id model.ID, version uint64, to model.ComplaintStatus, note string) (model.Complaint, error) {
	note = strings.TrimSpace(note)
	switch to {
	case model.ComplaintClosed:
		return model.Complaint{}, model.Sentencef(model.ErrConflict, "storecomplaint.move_close")
	case model.ComplaintEscalated:
		return model.Complaint{}, model.Sentencef(model.ErrConflict, "storecomplaint.move_escalate")
	}
	return s.complaintStep(id, version, to == model.ComplaintReopened, func(tx *bolt.Tx, env complaintEnv, old model.Complaint, c *model.Complaint) (string, string, error) {
		if err := s.mayWork(&old); err != nil {
			return "", "", err
		}
		if err := model.CheckComplaintMove(&old, to); err != nil {
			return "", "", err
		}
		if old.Status == model.ComplaintWaiting && to != model.ComplaintWaiting {
			model.ResumeDeadline(env.cal, c, env.now)
		}
		c.Status = to
		action := "move"
		switch to {
		case model.ComplaintWaiting:
			model.PauseDeadline(c, env.now)
		case model.ComplaintAnswered:
			if note == "" {
				return "", "", complaintFieldError("answer", "storecomplaint.answer_required")
			}
			c.Answer = note
			if c.Answered.IsZero() {
				c.Answered = env.now
			}
			action = "answer"
		case model.ComplaintReopened:
			if note == "" {
				return "", "", complaintFieldError("note", "storecomplaint.reopen_reason")
			}
			// the closing goes into the history; the deadline restarts
			// from now with the same service level
			if old.Closing != nil {
				b, _ := json.Marshal(old.Closing)
				c.Events = append(c.Events, model.ComplaintEvent{At: env.now, By: s.me.Name, From: old.Status, To: old.Status,
					Action: "closing", Note: string(b)})
			}
			c.Closing, c.Closed, c.PausedAt = nil, time.Time{}, time.Time{}
			// the retention call the closing planned is moot while the
			// complaint is open again: a re-close plans a new one
			if err := cancelFollowUp(tx, env, s.me.Name, c); err != nil {
				return "", "", err
			}
			c.Reopened++
			c.Deadline = env.cal.Add(env.now, c.SLA)
			action = "reopen"
		}
		// whoever moves an unassigned complaint on takes it
		if c.Owner == "" && to != model.ComplaintReopened && model.CanHandleComplaint(s.me, c) {
			c.Owner = s.me.Name
		}
		return action, note, nil
	})
}

// ForwardComplaint records sending a complaint to a department.
func (s *Session) ForwardComplaint(id model.ID, version uint64, d model.Department, note string) (model.Complaint, error) {
	if !slices.Contains(model.Departments, d) {
		return model.Complaint{}, complaintFieldError("department", "storecomplaint.department_required")
	}
	note = strings.TrimSpace(note)
	return s.complaintStep(id, version, false, func(tx *bolt.Tx, env complaintEnv, old model.Complaint, c *model.Complaint) (string, string, error) {
		if err := s.mayWork(&old); err != nil {
			return "", "", err
		}
		c.Forwards = append(c.Forwards, model.Forward{At: env.now, By: s.me.Name, Department: d, Note: note})
		return "forward", strings.TrimSpace(model.DepartmentLabel(d) + ": " + note), nil
	})
}

// roleRank is r's rung on the ladder (-1 unknown).
func roleRank(r model.Role) int { return slices.Index(model.Roles, r) }

// EscalateComplaint sends a complaint one rung up the ladder
// (model.EscalationRung) to the person to, with why; the owner keeps it (and sees it) until the upper level answers. A
// receiver who escalates further answers their own step with that.
func (s *Session) EscalateComplaint(id model.ID, version uint64, to, reason string) (model.Complaint, error) {
	to, reason = strings.TrimSpace(to), strings.TrimSpace(reason)
	if reason == "" {
		return model.Complaint{}, complaintFieldError("reason", "storecomplaint.escalate_reason")
	}
	return s.complaintStep(id, version, false, func(tx *bolt.Tx, env complaintEnv, old model.Complaint, c *model.Complaint) (string, string, error) {
		if err := s.mayWork(&old); err != nil {
			return "", "", err
		}
		if err := model.CheckComplaintMove(&old, model.ComplaintEscalated); err != nil {
			return "", "", err
		}
		// one rung at a time: the receiver is exactly the next level up
		level, next, ok := model.EscalationRung(s.me, &old)
		if !ok {
			return "", "", complaintFieldError("to", "storecomplaint.escalate_top")
		}
		u, ok := s.db.userNamed(to)
		switch {
		case to == "":
			return "", "", complaintFieldError("to", "storecomplaint.escalate_to")
		case !ok:
			return "", "", complaintFieldError("to", "storeplan.no_user", to)
		case u.Role != next:
			return "", "", complaintFieldError("to", "storecomplaint.escalate_rung",
				model.T("model.role."+string(next)), model.T("model.role."+string(level)))
		}
		if old.Status == model.ComplaintWaiting {
			model.ResumeDeadline(env.cal, c, env.now)
		}
		if e := c.OpenEscalation(); e != nil {
			e.Answered, e.Answer, e.EscalatedOn = env.now, model.T("storecomplaint.escalated_on", to), true
		}
		c.Escalations = append(c.Escalations, model.Escalation{At: env.now, By: s.me.Name, To: to, Level: u.Role, Reason: reason})
		c.Status = model.ComplaintEscalated
		return "escalate", to + ": " + reason, nil
	})
}

// AnswerEscalation is the upper level's answer: the receiver's (or that of
// whoever works on every complaint, from the receiver's rung up); an escalated complaint goes back to
// investigating.
func (s *Session) AnswerEscalation(id model.ID, version uint64, answer string) (model.Complaint, error) {
	answer = strings.TrimSpace(answer)
	return s.complaintStep(id, version, false, func(tx *bolt.Tx, env complaintEnv, old model.Complaint, c *model.Complaint) (string, string, error) {
		e := c.OpenEscalation()
		if e == nil {
			return "", "", model.Sentencef(model.ErrConflict, "storecomplaint.no_escalation", uint64(old.ID))
		}
		// whoever works on every complaint answers for the receiver, but
		// not above their own rung: the head does not answer the director's
		if e.To != s.me.Name && (model.ScopeOf(s.me, model.ActComplaintEdit) != model.ScopeAll || roleRank(s.me.Role) < roleRank(e.Level)) {
			return "", "", model.Sentencef(model.ErrForbidden, "storecomplaint.escalation_other", e.To)
		}
		if answer == "" {
			return "", "", complaintFieldError("answer", "storecomplaint.answer_required")
		}
		e.Answered, e.Answer = env.now, answer
		// the owner may have moved on meanwhile (escalated → answered is a
		// move of its own): the answer is recorded and the status stays
		if old.Status == model.ComplaintEscalated {
			c.Status = model.ComplaintInvestigating
		}
		return "escalation_answer", answer, nil
	})
}

// SetJustified gives the head's verdict on a closed complaint (complaint.justify).
func (s *Session) SetJustified(id model.ID, version uint64, justified bool) (model.Complaint, error) {
	if !model.Can(s.me, model.ActComplaintJustify) {
		return model.Complaint{}, forbidden(s.me, "model.action."+string(model.ActComplaintJustify))
	}
	return s.complaintStep(id, version, true, func(tx *bolt.Tx, env complaintEnv, old model.Complaint, c *model.Complaint) (string, string, error) {
		if c.Closing == nil {
			return "", "", complaintFieldError("justified", "storecomplaint.justify_open")
		}
		j := justified
		c.Closing.Justified = &j
		// the history says which verdict, not only that one was given
		verdict := "storecomplaint.verdict.no"
		if justified {
			verdict = "storecomplaint.verdict.yes"
		}
		return "justified", model.T(verdict), nil
	})
}

// CloseComplaint closes a complaint (model.CheckClosing) and, in the same
// transaction, plans the retention call and records a return on the order.
// Any refusal saves nothing.
func (s *Session) CloseComplaint(id model.ID, version uint64, cl model.Closing) (model.Complaint, error) {
	cl.Feedback = strings.TrimSpace(cl.Feedback)
	return s.complaintStep(id, version, false, func(tx *bolt.Tx, env complaintEnv, old model.Complaint, c *model.Complaint) (string, string, error) {
		if err := s.mayWork(&old); err != nil {
			return "", "", err
		}
		if err := model.CheckComplaintMove(&old, model.ComplaintClosed); err != nil {
			return "", "", err
		}
		if err := model.CheckClosing(s.me, old, cl); err != nil {
			return "", "", err
		}
		if cl.Remedy == model.RemedyReturn && old.Order != 0 && len(old.Lines) > 0 && !returnedBefore(&old) {
			if err := s.complaintReturn(tx, &old); err != nil {
				return "", "", err
			}
		}
		closing := cl
		c.Status, c.Closing, c.Closed, c.PausedAt = model.ComplaintClosed, &closing, env.now, time.Time{}
		// the closing settles what the upper level was asked: no closed
		// complaint waits on an escalation (Mine, the escalated counts)
		if e := c.OpenEscalation(); e != nil {
			e.Answered, e.Answer = env.now, model.T("storecomplaint.escalation_closed", s.me.Name)
		}
		follow, err := s.db.planFollowUp(tx, s.me.Name, env, c)
		if err != nil {
			return "", "", err
		}
		c.FollowUp = follow
		return "close", "", nil
	})
}

// cancelFollowUp cancels c's retention call (or what it was rescheduled
// to) if it is still planned — a held one too: nobody should call about a
// closing that no longer stands — and forgets it, so a complaint has at
// most one open follow-up.
func cancelFollowUp(tx *bolt.Tx, env complaintEnv, by string, c *model.Complaint) error {
	if c.FollowUp == 0 {
		return nil
	}
	p, err := getPlan(tx, c.FollowUp)
	// a rescheduled call lives on in the item it points to
	for err == nil && p.Status == model.PlanRescheduled && p.NextID != 0 {
		p, err = getPlan(tx, p.NextID)
	}
	switch {
	case errors.Is(err, model.ErrNotFound):
	case err != nil:
		return err
	case p.Open():
		if _, err := cancelPlanTx(tx, env.now, by, p, model.T("storecomplaint.follow_up_cancelled", uint64(c.ID))); err != nil {
			return err
		}
	}
	c.FollowUp = 0
	return nil
}

// returnedBefore reports whether an earlier closing of c (kept in its
// history by the reopening) already recorded a return on the order: a
// re-close with a return must not return the same goods twice.
func returnedBefore(c *model.Complaint) bool {
	for _, e := range c.Events {
		var cl model.Closing
		if e.Action == "closing" && json.Unmarshal([]byte(e.Note), &cl) == nil && cl.Remedy == model.RemedyReturn {
			return true
		}
	}
	return false
}

// complaintReturn records the complaint's lines as returned on its order
// through the order's return step (order.approve: the head).
func (s *Session) complaintReturn(tx *bolt.Tx, c *model.Complaint) error {
	if !model.Can(s.me, model.ActOrderApprove) {
		return complaintFieldError("remedy", "storecomplaint.return_head")
	}
	o, err := getOrder(tx, c.Order)
	if err != nil {
		return complaintFieldError("remedy", "storecomplaint.no_order", uint64(c.Order))
	}
	returned := map[int]model.Qty{}
	for _, l := range c.Lines {
		if l.Line < 0 || l.Line >= len(o.Lines) {
			return complaintFieldError("remedy", "storeorder.ship_line", l.Line+1)
		}
		if _, ok := returned[l.Line]; !ok {
			returned[l.Line] = o.Lines[l.Line].Returned
		}
		returned[l.Line] += l.Qty
	}
	_, err = s.stepTx(tx, o.ID, o.Version, model.ActOrderApprove, "return", model.OrderReturned,
		returnLines(returned, model.T("storecomplaint.return_reason", uint64(c.ID))))
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		// the order's field names mean nothing on the closing form
		var all []string
		for _, f := range slices.Sorted(maps.Keys(ve.Fields)) {
			all = append(all, ve.Fields[f])
		}
		return complaintFieldError("remedy", "storecomplaint.return_refused", strings.Join(all, " "))
	}
	return err
}

// planFollowUp plans the retention call after closing c: for the client's
// manager (else the complaint's owner, else the operators' pool), in the
// client's first calling slot FollowUpDays working days on. An archived
// client gets none (0).
func (db *DB) planFollowUp(tx *bolt.Tx, by string, env complaintEnv, c *model.Complaint) (model.ID, error) {
	client, err := getClient(tx, c.Client)
	if err != nil {
		return 0, err
	}
	if client.Archived {
		return 0, nil
	}
	calls, err := settingsTx(tx)
	if err != nil {
		return 0, err
	}
	start := env.cal.Add(env.now, env.cs.FollowUpDays*env.cal.DayMinutes())
	due, ok := model.NextCallSlot(calls, model.ClientLocation(calls, client), client.CallWindow, start)
	if !ok {
		due = start
	}
	assignee := ""
	switch {
	case client.Manager != "" && liveUser(tx, client.Manager):
		assignee = client.Manager
	case c.Owner != "" && liveUser(tx, c.Owner):
		assignee = c.Owner
	}
	contact := c.Contact
	if contact != 0 && contactOf(&client, contact) == nil {
		contact = 0
	}
	p := model.PlanItem{Kind: model.PlanCall, Client: c.Client, Contact: contact, Assignee: assignee, Due: due.UTC(),
		Purpose: model.PurposeComplaintFollowUp, Origin: model.OriginComplaintClosure, Priority: model.PriorityNormal,
		Note: model.T("storecomplaint.follow_up_note", uint64(c.ID))}
	if err := db.planTx(tx, by, &p); err != nil {
		return 0, err
	}
	return p.ID, nil
}

// complaintSettings is the head's complaint policy (kind "settings",
// action complaint_settings in the audit).
var complaintSettings = settingsKind[model.ComplaintSettings]{
	key:      keyComplaintSettings,
	defaults: model.DefaultComplaintSettings,
	version:  func(cs *model.ComplaintSettings) *uint64 { return &cs.Version },
	validate: model.ValidateComplaintSettings,
	diff:     diffComplaintSettings,
	right:    model.ActComplaintSettings,
	refused:  "model.action." + string(model.ActComplaintSettings),
	conflict: "storecomplaint.settings_conflict",
	action:   "complaint_settings",
}

// ComplaintSettings returns the complaint policy (the defaults when none was saved).
func (s *Session) ComplaintSettings() (model.ComplaintSettings, error) {
	return complaintSettings.view(s.db)
}

// SaveComplaintSettings stores a new policy (complaint.settings), checked
// against the version the editor started from. Deadlines already running
// keep theirs.
func (s *Session) SaveComplaintSettings(cs model.ComplaintSettings) (model.ComplaintSettings, error) {
	return complaintSettings.save(s, cs)
}

func diffComplaintSettings(old, cs *model.ComplaintSettings) []model.FieldChange {
	var d settingsDiff
	d.add("levels", old.Levels, cs.Levels)
	d.add("default_hours", old.DefaultHours, cs.DefaultHours)
	d.add("serious_hours", old.SeriousHours, cs.SeriousHours)
	d.add("work_hours", [2]int{old.WorkFrom, old.WorkTo}, [2]int{cs.WorkFrom, cs.WorkTo})
	d.add("work_days", old.WorkDays, cs.WorkDays)
	d.add("holidays", old.Holidays, cs.Holidays)
	d.add("zone", old.Zone, cs.Zone)
	d.add("follow_up_days", old.FollowUpDays, cs.FollowUpDays)
	return d
}
