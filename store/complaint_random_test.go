package store

import (
	"errors"
	"slices"
	"testing"
	"time"

	"clientbase/model"
)

// complaintOps runs the complaint operations ops spells (what, who, which)
// against a fresh department and checks records, indexes and counters
// after each one. Refusals (rights, conflicts, the flow, validation) are
// expected; any other error is a defect.
func complaintOps(t *testing.T, ops []byte) (done [14]int) {
	d := newPlanDept(t)
	sessions := []*Session{d.boss, d.head, d.petrov, d.jonaitis, d.olga, d.oleg}
	names := []string{"boss", "head", "petrov", "jonaitis", "olga", "oleg", ""}
	clients := []model.Client{d.vilnius, d.vlad, d.orphan}
	var ids []model.ID
	next := func(i *int) int {
		if *i >= len(ops) {
			return 0
		}
		*i++
		return int(ops[*i-1])
	}
	pick := func(b int) model.ID {
		if len(ids) == 0 {
			return 1
		}
		return ids[b%len(ids)]
	}
	for i := 0; i < len(ops); {
		op, who, which := next(&i)%14, sessions[next(&i)%len(sessions)], next(&i)
		var err error
		var c model.Complaint
		load := func() bool {
			c, err = who.Complaint(pick(which))
			return err == nil
		}
		switch op {
		case 0, 1:
			n := incoming(clients[which%3], model.ComplaintTypes[which%len(model.ComplaintTypes)])
			n.Serious = which%11 == 0
			n.Owner = names[which%len(names)]
			n.Received = d.clock.Now().Add(-time.Duration(which) * time.Hour)
			if which%7 == 0 {
				n.Direction = model.DirectionOutgoing
			}
			if c, err = who.RegisterComplaint(n); err == nil {
				ids = append(ids, c.ID)
			}
		case 2:
			_, err = who.NextComplaint()
		case 3:
			if load() {
				_, err = who.AssignComplaint(c.ID, c.Version, names[which%len(names)])
			}
		case 4, 5, 6:
			if load() {
				to := model.ComplaintStatuses[which%len(model.ComplaintStatuses)]
				note := "the answer"
				if which%13 == 0 {
					note = ""
				}
				_, err = who.MoveComplaint(c.ID, c.Version, to, note)
			}
		case 7:
			if load() {
				_, err = who.ForwardComplaint(c.ID, c.Version, model.Departments[which%3], "look")
			}
		case 8:
			if load() {
				// half the time someone on the next rung (the ladder goes
				// one rung at a time), else anyone
				to := names[which%len(names)]
				if _, next, ok := model.EscalationRung(who.Me(), &c); ok && which%2 == 0 {
					for k, s := range sessions {
						if s.Me().Role == next && (which/2)%2 == k%2 {
							to = names[k]
						}
					}
				}
				_, err = who.EscalateComplaint(c.ID, c.Version, to, "stuck")
			}
		case 9:
			if load() {
				// half the time the receiver answers, else whoever drew the op
				if e := c.OpenEscalation(); e != nil && which%2 == 0 {
					if i := slices.Index(names, e.To); i >= 0 && i < len(sessions) {
						who = sessions[i]
					}
				}
				_, err = who.AnswerEscalation(c.ID, c.Version, "do it")
			}
		case 10:
			if load() {
				cl := fullRefund
				cl.Decision = model.Decisions[which%3]
				if cl.Decision == model.DecisionRejected {
					cl.Satisfied, cl.Remedy = model.Money{Currency: "RUB"}, model.RemedyNone
				}
				if cl.Decision == model.DecisionPartly {
					cl.Satisfied.Minor -= 100
				}
				if which%2 == 0 && c.Status != model.ComplaintAnswered { // most closings come after an answer
					if c, err = who.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, "answered"); err != nil {
						break
					}
				}
				_, err = who.CloseComplaint(c.ID, c.Version, cl)
			}
		case 11: // the verdict is for closed ones: look for one
			for k := range ids {
				if c, err = who.Complaint(pick(which + k)); err == nil && c.Status == model.ComplaintClosed {
					break
				}
			}
			if err == nil {
				_, err = who.SetJustified(c.ID, c.Version, which%2 == 0)
			}
		case 12:
			if load() {
				c.Type, c.Serious = model.ComplaintTypes[which%len(model.ComplaintTypes)], which%3 == 0
				_, err = who.SaveComplaint(c)
			}
		case 13:
			d.clock.Advance(time.Duration(which) * 11 * time.Minute)
		}
		if err == nil {
			done[op]++
		}
		var ve *model.ValidationError
		if err != nil && !errors.Is(err, model.ErrForbidden) && !errors.Is(err, model.ErrConflict) &&
			!errors.Is(err, model.ErrNotFound) && !errors.Is(err, model.ErrBadMove) && !errors.As(err, &ve) {
			t.Fatalf("op %d by %s: %v", op, who.me.Name, err)
		}
		if probs := complaintProblems(d.db); len(probs) > 0 {
			t.Fatalf("after op %d by %s (%v): %v", op, who.me.Name, err, probs)
		}
	}
	checkPlanConsistency(t, d.db)
	return done
}

func TestRandomComplaintOperationsKeepIndexesConsistent(t *testing.T) {
	ops := make([]byte, 2400)
	x := uint32(88172645)
	for i := range ops {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		ops[i] = byte(x)
	}
	done := complaintOps(t, ops)
	t.Logf("operations done: %v", done)
	for op, n := range done {
		if n == 0 {
			t.Errorf("operation %d never succeeded: the program does not reach it", op)
		}
	}
}

func FuzzComplaintOperations(f *testing.F) {
	f.Add([]byte{0, 4, 0, 2, 4, 0, 4, 4, 1, 4, 4, 4, 10, 4, 0, 5, 4, 7})
	f.Add([]byte{1, 1, 3, 2, 2, 0, 8, 2, 3, 9, 1, 2, 13, 0, 200, 6, 5, 1})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 300 {
			ops = ops[:300]
		}
		complaintOps(t, ops)
	})
}
