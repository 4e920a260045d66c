package store

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"clientbase/model"
)

// takeAndLog has operator s take a fresh pool call on client c and log ix on it.
func takeAndLog(t *testing.T, d *planDept, s *Session, c model.Client, ix model.Interaction) (model.PlanItem, model.OutcomeResult, error) {
	t.Helper()
	p := mustPlan(t, d.head, d.call(c, "", 0))
	if _, err := s.Take(p.ID); err != nil {
		t.Fatal(err)
	}
	ix.PlanItem = p.ID
	res, err := s.LogOutcome(ix)
	return p, res, err
}

func TestLogOutcomeEachKind(t *testing.T) {
	d := newPlanDept(t)
	now := planT0
	tomorrow := now.Add(24 * time.Hour)
	cases := []struct {
		ix    model.Interaction
		check func(t *testing.T, p model.PlanItem, res model.OutcomeResult)
	}{
		{model.Interaction{Outcome: model.OutcomeReached, Notes: "all good"}, func(t *testing.T, p model.PlanItem, res model.OutcomeResult) {
			if res.Item.Status != model.PlanDone || res.Item.DoneBy != "olga" || res.Next != nil || res.Item.Attempts != 1 {
				t.Errorf("reached: %+v next %v", res.Item, res.Next)
			}
		}},
		{model.Interaction{Outcome: model.OutcomeNoAnswer}, func(t *testing.T, p model.PlanItem, res model.OutcomeResult) {
			if !res.Item.Open() || !res.Item.Due.Equal(now.Add(2*time.Hour)) || res.Item.Attempts != 1 || res.Item.HeldBy != "" {
				t.Errorf("no answer: %+v", res.Item)
			}
			if res.Next == nil || res.Next.ID != p.ID || res.Interaction.NextItem != p.ID {
				t.Errorf("no answer: the next step is the same item: %+v", res.Next)
			}
		}},
		{model.Interaction{Outcome: model.OutcomeBusy}, func(t *testing.T, p model.PlanItem, res model.OutcomeResult) {
			if !res.Item.Due.Equal(now.Add(15*time.Minute)) || res.Item.Attempts != 1 {
				t.Errorf("busy: %+v", res.Item)
			}
		}},
		{model.Interaction{Outcome: model.OutcomeCallBack, CallBack: now.Add(5 * time.Hour)}, func(t *testing.T, p model.PlanItem, res model.OutcomeResult) {
			if !res.Item.Due.Equal(now.Add(5*time.Hour)) || !res.Item.Open() {
				t.Errorf("call back: %+v", res.Item)
			}
		}},
		{model.Interaction{Outcome: model.OutcomeRefused, Reason: "has a supplier"}, func(t *testing.T, p model.PlanItem, res model.OutcomeResult) {
			if res.Item.Status != model.PlanDone || res.Interaction.Reason != "has a supplier" {
				t.Errorf("refused: %+v", res.Item)
			}
		}},
		{model.Interaction{Outcome: model.OutcomePromisedToPay, Promised: model.Money{Minor: 150000, Currency: "EUR"}, PromiseBy: tomorrow}, func(t *testing.T, p model.PlanItem, res model.OutcomeResult) {
			if res.Item.Status != model.PlanDone || res.Next == nil || res.Next.Origin != model.OriginPaymentCheck || !res.Next.Due.After(tomorrow) {
				t.Errorf("promised to pay: %+v next %+v", res.Item, res.Next)
			}
		}},
		{model.Interaction{Outcome: model.OutcomeOrderTaken}, func(t *testing.T, p model.PlanItem, res model.OutcomeResult) {
			if res.Item.Status != model.PlanDone || res.Next != nil {
				t.Errorf("order taken: %+v", res.Item)
			}
		}},
		{model.Interaction{Outcome: model.OutcomeEscalated, Notes: "wants the manager"}, func(t *testing.T, p model.PlanItem, res model.OutcomeResult) {
			if res.Item.Status != model.PlanDone || res.Next == nil || res.Next.Assignee != "petrov" || res.Next.Origin != model.OriginEscalation {
				t.Errorf("escalated: %+v next %+v", res.Item, res.Next)
			}
		}},
		{model.Interaction{Outcome: model.OutcomeWrongNumber}, func(t *testing.T, p model.PlanItem, res model.OutcomeResult) {
			if res.FlaggedPhone != "+37065555555" || res.Interaction.Phone != "+37065555555" {
				t.Errorf("wrong number flagged %q (dialled %q)", res.FlaggedPhone, res.Interaction.Phone)
			}
			c, _ := d.boss.Client(d.vilnius.ID)
			if !c.Contacts[1].Phones[0].WrongNumber || c.Phones[0].WrongNumber {
				t.Errorf("the client card after a wrong number: %+v / %+v", c.Contacts[1].Phones, c.Phones)
			}
			// the client's own number is still there: call again on it
			if !res.Item.Open() {
				t.Errorf("wrong number with another number left: %+v", res.Item)
			}
			cc, err := d.olga.Take(p.ID)
			if err != nil || cc.Dial.E164 != "+37061234567" {
				t.Errorf("the next dial after a wrong number: %+v %v", cc.Dial, err)
			}
			if err := d.olga.Release(p.ID); err != nil {
				t.Error(err)
			}
			hist, _ := d.boss.History(d.vilnius.ID)
			if last := hist[len(hist)-1]; last.User != "olga" || last.Reason == "" {
				t.Errorf("the card's audit entry for the flag: %+v", last)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(string(tc.ix.Outcome), func(t *testing.T) {
			p, res, err := takeAndLog(t, d, d.olga, d.vilnius, tc.ix)
			if err != nil {
				t.Fatal(err)
			}
			if res.Interaction.ID == 0 || res.Interaction.User != "olga" || !res.Interaction.At.Equal(now) ||
				res.Interaction.PlanItem != p.ID || res.Interaction.NextStep == "" || res.Interaction.OffPlan {
				t.Errorf("interaction: %+v", res.Interaction)
			}
			tc.check(t, p, res)
			checkPlanConsistency(t, d.db)
			checkConsistency(t, d.db)
		})
	}
}

func TestNoAnswerThreeTimesGoesToTheManager(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	var res model.OutcomeResult
	for i := 1; i <= 3; i++ {
		cc, err := d.olga.TakeNext()
		if err != nil || cc.Item.ID != p.ID {
			t.Fatalf("attempt %d: took %d, %v", i, cc.Item.ID, err)
		}
		res, err = d.olga.LogOutcome(model.Interaction{PlanItem: p.ID, Outcome: model.OutcomeNoAnswer})
		if err != nil {
			t.Fatal(err)
		}
		if i < 3 && (res.Item.Attempts != i || !res.Item.Open()) {
			t.Fatalf("after attempt %d: %+v", i, res.Item)
		}
		d.clock.Advance(2 * time.Hour)
	}
	if res.Item.Status != model.PlanDone || res.Item.Attempts != 3 {
		t.Fatalf("after the third no answer: %+v", res.Item)
	}
	if res.Next == nil || res.Next.Assignee != "petrov" || res.Next.Origin != model.OriginEscalation {
		t.Fatalf("the manager's item: %+v", res.Next)
	}
	checkPlanConsistency(t, d.db)
}

func TestLogOutcomeBadInputSavesNothing(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	if _, err := d.olga.Take(p.ID); err != nil {
		t.Fatal(err)
	}
	saturday := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	before := fileState(t, d.db)
	for _, tc := range []struct {
		ix    model.Interaction
		field string
	}{
		{model.Interaction{Outcome: model.OutcomeCallBack, CallBack: saturday}, "call_back"},
		{model.Interaction{Outcome: model.OutcomeCallBack}, "call_back"},
		{model.Interaction{Outcome: model.OutcomeCallBack, CallBack: planT0.Add(-time.Hour)}, "call_back"},
		{model.Interaction{Outcome: model.OutcomePromisedToPay, PromiseBy: planT0.Add(24 * time.Hour)}, "promised"},
		{model.Interaction{Outcome: model.OutcomeRefused}, "reason"},
		{model.Interaction{Outcome: "shrug"}, "outcome"},
		{model.Interaction{Outcome: model.OutcomeReached, At: planT0.Add(time.Hour)}, "at"},
		{model.Interaction{Outcome: model.OutcomeReached, Client: d.orphan.ID}, "client"},
		{model.Interaction{Outcome: model.OutcomeReached, Contact: 99}, "contact"},
	} {
		ix := tc.ix
		ix.PlanItem = p.ID
		_, err := d.olga.LogOutcome(ix)
		fieldError(t, err, tc.field)
	}
	// off-plan on an unknown client
	_, err := d.olga.LogOutcome(model.Interaction{Client: 999, Outcome: model.OutcomeReached})
	fieldError(t, err, "client")
	if fileState(t, d.db) != before {
		t.Fatal("a refused outcome changed the file")
	}
	got, _ := d.olga.PlanItem(p.ID)
	if got.HeldBy != "olga" {
		t.Errorf("a refused outcome let the call go: %+v", got)
	}
}

func TestLogOutcomeRights(t *testing.T) {
	d := newPlanDept(t)
	pool := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	olgas := mustPlan(t, d.head, d.call(d.vilnius, "olga", 0))
	petrovs := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 0))
	reached := func(id model.ID) model.Interaction {
		return model.Interaction{PlanItem: id, Outcome: model.OutcomeReached}
	}
	// an operator logs only on calls she holds, even her own
	for _, id := range []model.ID{pool.ID, olgas.ID} {
		if _, err := d.olga.LogOutcome(reached(id)); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("olga logging on %d without holding it: %v", id, err)
		}
	}
	// a manager only on own items; another's is refused
	if _, err := d.jonaitis.LogOutcome(reached(petrovs.ID)); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("jonaitis on petrov's item: %v", err)
	}
	if _, err := d.petrov.LogOutcome(reached(pool.ID)); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("petrov on a pool item: %v", err)
	}
	// held by someone else: a conflict naming them, for the head too
	if _, err := d.olga.Take(pool.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := d.head.LogOutcome(reached(pool.ID)); !errors.Is(err, model.ErrConflict) {
		t.Errorf("the head on olga's held call: %v", err)
	}
	if _, err := d.oleg.LogOutcome(reached(pool.ID)); !errors.Is(err, model.ErrConflict) {
		t.Errorf("oleg on olga's held call: %v", err)
	}
	if _, err := d.olga.LogOutcome(model.Interaction{PlanItem: pool.ID, User: "oleg", Outcome: model.OutcomeReached}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("olga logging under oleg's name: %v", err)
	}
	if _, err := d.olga.LogOutcome(reached(pool.ID)); err != nil {
		t.Errorf("olga on her held call: %v", err)
	}
	if _, err := d.olga.LogOutcome(reached(pool.ID)); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a second outcome on a done call: %v", err)
	}
	if _, err := d.petrov.LogOutcome(reached(petrovs.ID)); err != nil {
		t.Errorf("petrov on his own free item: %v", err)
	}
	if _, err := d.head.LogOutcome(reached(olgas.ID)); err != nil {
		t.Errorf("the head on olga's free item: %v", err)
	}
	checkPlanConsistency(t, d.db)
}

func TestLogOffPlanContacts(t *testing.T) {
	d := newPlanDept(t)
	res, err := d.olga.LogOutcome(model.Interaction{Client: d.vilnius.ID, Direction: model.DirIncoming, Outcome: model.OutcomeReached, Notes: "asked for prices"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Interaction.OffPlan || res.Interaction.PlanItem == 0 || res.Item.ID != 0 {
		t.Fatalf("off-plan call: %+v item %+v", res.Interaction, res.Item)
	}
	op, err := d.olga.PlanItem(res.Interaction.PlanItem)
	if err != nil || op.Origin != model.OriginOffPlan || op.Status != model.PlanDone || op.Assignee != "olga" || op.Kind != model.PlanCall {
		t.Fatalf("the off-plan record: %+v %v", op, err)
	}
	// a manager's visit yesterday, logged today
	res, err = d.petrov.LogOutcome(model.Interaction{Client: d.vilnius.ID, Channel: model.ChannelVisit, At: planT0.Add(-20 * time.Hour), Outcome: model.OutcomeOrderTaken})
	if err != nil {
		t.Fatal(err)
	}
	op, _ = d.petrov.PlanItem(res.Interaction.PlanItem)
	if op.Kind != model.PlanVisit || op.Address == "" || !op.Due.Equal(planT0.Add(-20*time.Hour)) {
		t.Errorf("the off-plan visit: %+v", op)
	}
	// an off-plan call unanswered: a new item for the caller
	res, err = d.olga.LogOutcome(model.Interaction{Client: d.orphan.ID, Outcome: model.OutcomeNoAnswer})
	if err != nil {
		t.Fatal(err)
	}
	if res.Next == nil || res.Next.Assignee != "olga" || !res.Next.Open() || res.Interaction.NextItem != res.Next.ID {
		t.Errorf("an unanswered off-plan call's next step: %+v", res.Next)
	}
	checkPlanConsistency(t, d.db)
}

// Eight operators (each with two sessions) take the next call at once, over
// and over: no call is ever handed to two of them.
func TestConcurrentTakeNextNeverSharesACall(t *testing.T) {
	d := newPlanDept(t)
	const items = 240
	for i := range items {
		c := []model.Client{d.vilnius, d.orphan}[i%2]
		p := d.call(c, "", 0)
		p.Priority = model.Priorities[i%3]
		mustPlan(t, d.head, p)
	}
	var ops []*Session
	for i := range 8 {
		s := addUser(t, d.boss, fmt.Sprintf("op%d", i), model.RoleOperator)
		ops = append(ops, s, d.db.As(s.me))
	}
	var mu sync.Mutex
	taken := map[model.ID]string{}
	var wg sync.WaitGroup
	errs := make(chan error, len(ops))
	for _, s := range ops {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				cc, err := s.TakeNext()
				if errors.Is(err, model.ErrNotFound) {
					return
				}
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				if who, dup := taken[cc.Item.ID]; dup {
					errs <- fmt.Errorf("item %d handed to %s and %s", cc.Item.ID, who, s.me.Name)
				}
				taken[cc.Item.ID] = s.me.Name
				mu.Unlock()
				if cc.Item.HeldBy != s.me.Name {
					errs <- fmt.Errorf("item %d held by %q, taken by %s", cc.Item.ID, cc.Item.HeldBy, s.me.Name)
				}
				// half of them are done at once, the rest stay held
				if cc.Item.ID%2 == 0 {
					if _, err := s.LogOutcome(model.Interaction{PlanItem: cc.Item.ID, Outcome: model.OutcomeReached}); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if len(taken) != items {
		t.Errorf("%d of %d calls were taken", len(taken), items)
	}
	checkPlanConsistency(t, d.db)
}
