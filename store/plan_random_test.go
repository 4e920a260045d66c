package store

import (
	"errors"
	"testing"
	"time"

	"clientbase/model"
)

// planOps runs the operations ops spells (each a few bytes: what, who,
// which) against a fresh department, and after each one checks that every
// plan index matches its records and the recurring rule holds. Refusals
// (rights, conflicts, validation) are expected; any other error is a defect.
func planOps(t *testing.T, ops []byte) {
	d := newPlanDept(t)
	sessions := []*Session{d.boss, d.head, d.petrov, d.jonaitis, d.olga, d.oleg}
	clients := []model.Client{d.vilnius, d.vlad, d.orphan}
	var items []model.ID
	next := func(i *int) int {
		if *i >= len(ops) {
			return 0
		}
		*i++
		return int(ops[*i-1])
	}
	item := func(b int) model.ID {
		if len(items) == 0 {
			return 1
		}
		return items[b%len(items)]
	}
	for i := 0; i < len(ops); {
		op, who, which := next(&i)%13, sessions[next(&i)%len(sessions)], next(&i)
		c := clients[which%len(clients)]
		var err error
		switch op {
		case 0, 1:
			p := d.call(c, []string{"", "petrov", "jonaitis", "olga", "oleg"}[which%5], time.Duration(which%7)*time.Hour)
			if which%4 == 3 {
				p.Kind, p.Address = model.PlanVisit, "Main st. 1"
			}
			var got model.PlanItem
			if got, err = who.Plan(p); err == nil {
				items = append(items, got.ID)
			}
		case 2:
			_, err = who.TakeNext()
		case 3:
			_, err = who.Take(item(which))
		case 4:
			err = who.Release(item(which))
		case 5, 6:
			ix := model.Interaction{PlanItem: item(which), Outcome: model.Outcomes[which%len(model.Outcomes)]}
			switch ix.Outcome {
			case model.OutcomeCallBack:
				ix.CallBack = d.clock.Now().Add(time.Duration(1+which%30) * time.Hour)
			case model.OutcomeRefused:
				ix.Reason = "no"
			case model.OutcomePromisedToPay:
				ix.Promised, ix.PromiseBy = model.Money{Minor: 100, Currency: "EUR"}, d.clock.Now().Add(72*time.Hour)
			}
			if op == 6 && which%3 == 0 {
				ix.PlanItem, ix.Client = 0, c.ID // off-plan
			}
			var res model.OutcomeResult
			if res, err = who.LogOutcome(ix); err == nil {
				items = append(items, res.Interaction.PlanItem)
				if res.Next != nil {
					items = append(items, res.Next.ID)
				}
			}
		case 7:
			var p model.PlanItem
			if p, err = who.PlanItem(item(which)); err == nil {
				var n model.PlanItem
				if n, err = who.Reschedule(p.ID, p.Version, d.clock.Now().Add(time.Duration(1+which%48)*time.Hour), time.Time{}, "moved"); err == nil {
					items = append(items, n.ID)
				}
			}
		case 8:
			var p model.PlanItem
			if p, err = who.PlanItem(item(which)); err == nil {
				_, err = who.CancelPlan(p.ID, p.Version, "not needed")
			}
		case 9:
			_, err = who.Reassign([]model.ID{item(which), item(which / 2)}, []string{"", "petrov", "olga"}[which%3])
		case 10:
			var cl model.Client
			if cl, err = d.boss.Client(c.ID); err == nil {
				cl.ContactEvery = []int{0, 7, 14}[which%3]
				if which%5 == 0 {
					cl.Manager = []string{"petrov", "jonaitis", ""}[which%3]
				}
				_, err = d.head.SaveClient(cl, "")
			}
		case 11:
			d.clock.Advance(time.Duration(which) * 7 * time.Minute)
		case 12: // archive or restore: the client's open items follow
			var cl model.Client
			if cl, err = d.boss.Client(c.ID); err == nil {
				_, err = who.SetArchived(cl.ID, cl.Version, which%2 == 0)
			}
		}
		var ve *model.ValidationError
		if err != nil && !errors.Is(err, model.ErrForbidden) && !errors.Is(err, model.ErrConflict) &&
			!errors.Is(err, model.ErrNotFound) && !errors.As(err, &ve) {
			t.Fatalf("op %d by %s: %v", op, who.me.Name, err)
		}
		if probs := planProblems(d.db); len(probs) > 0 {
			t.Fatalf("after op %d by %s (%v): %v", op, who.me.Name, err, probs)
		}
	}
	checkRecurring(t, d.db)
	checkConsistency(t, d.db)
}

func TestRandomPlanOperationsKeepIndexesConsistent(t *testing.T) {
	// a fixed pseudo-random program, long enough to visit every operation often
	ops := make([]byte, 3600)
	x := uint32(2463534242)
	for i := range ops {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		ops[i] = byte(x)
	}
	planOps(t, ops)
}

func FuzzPlanOperations(f *testing.F) {
	f.Add([]byte{0, 4, 0, 2, 4, 0, 5, 4, 1, 10, 2, 1, 7, 1, 0, 8, 2, 3, 9, 1, 2})
	f.Add([]byte{1, 1, 3, 3, 4, 0, 6, 5, 3, 11, 0, 200, 2, 5, 0, 5, 5, 1})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 300 {
			ops = ops[:300]
		}
		planOps(t, ops)
	})
}
