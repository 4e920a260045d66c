package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"clientbase/model"
)

// Who works the pool and who may log an outcome without taking the call
// are rights-table data (call.pool, plan.log_unheld): the store follows
// the table, and a change of the table changes the store's answer.
func TestPlanRulesFollowTheRightsTable(t *testing.T) {
	d := newPlanDept(t)
	pool := mustPlan(t, d.head, d.call(d.orphan, "", 0))
	mine := mustPlan(t, d.head, d.call(d.vilnius, "petrov", 0))
	jons := mustPlan(t, d.head, d.call(d.vlad, "jonaitis", 0))
	olgas := mustPlan(t, d.head, d.call(d.orphan, "olga", 0))
	queueHas := func(s *Session, id model.ID) bool {
		t.Helper()
		q, err := s.Queue(context.Background(), 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range q.Rows {
			if r.Item.ID == id {
				return true
			}
		}
		return false
	}
	if !queueHas(d.olga, pool.ID) || queueHas(d.petrov, pool.ID) || queueHas(d.head, pool.ID) {
		t.Error("only operators' queues hold the pool")
	}
	// an operator takes the call first, even their own
	_, err := d.olga.LogOutcome(model.Interaction{PlanItem: olgas.ID, Outcome: model.OutcomeReached})
	if !errors.Is(err, model.ErrForbidden) || err.Error() != model.T("storeplan.take_first") {
		t.Errorf("an operator logging on a call not taken: %v", err)
	}
	// a manager logs on their own items untaken, not on another's
	if _, err := d.jonaitis.LogOutcome(model.Interaction{PlanItem: mine.ID, Outcome: model.OutcomeReached}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a manager logging on another's item: %v", err)
	}
	if _, err := d.petrov.LogOutcome(model.Interaction{PlanItem: mine.ID, Outcome: model.OutcomeReached}); err != nil {
		t.Errorf("a manager logging on their own item: %v", err)
	}
	// the head on anyone's
	if _, err := d.head.LogOutcome(model.Interaction{PlanItem: jons.ID, Outcome: model.OutcomeReached}); err != nil {
		t.Errorf("the head logging on a manager's item: %v", err)
	}

	// the table decides: managers work the pool, operators log untaken
	saved := map[model.Role]map[model.Action]model.Scope{}
	for _, r := range []model.Role{model.RoleManager, model.RoleOperator} {
		saved[r] = model.RightsTable[r]
		m := map[model.Action]model.Scope{}
		for a, s := range saved[r] {
			m[a] = s
		}
		model.RightsTable[r] = m
	}
	t.Cleanup(func() {
		for r, m := range saved {
			model.RightsTable[r] = m
		}
	})
	model.RightsTable[model.RoleManager][model.ActCallPool] = model.ScopeAll
	model.RightsTable[model.RoleOperator][model.ActPlanLogUnheld] = model.ScopeOwn
	if !queueHas(d.petrov, pool.ID) {
		t.Error("a manager given call.pool does not see the pool")
	}
	d.clock.Advance(time.Minute)
	if _, err := d.olga.LogOutcome(model.Interaction{PlanItem: olgas.ID, Outcome: model.OutcomeReached}); err != nil {
		t.Errorf("an operator given plan.log_unheld: %v", err)
	}
	checkPlanConsistency(t, d.db)
}
