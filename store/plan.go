package store

import (
	"context"
	"errors"
	"time"

	"clientbase/model"
)

// STUBS: the store helper for the call schedule (H2a) replaces this file.

var errPlanTODO = errors.New("call schedule: not built yet")

// CallSettings returns the department's call rules (the defaults when none were saved).
func (s *Session) CallSettings() (model.CallSettings, error) { return model.DefaultCallSettings(), nil }

// SaveCallSettings stores new call rules (head and director).
func (s *Session) SaveCallSettings(cs model.CallSettings) (model.CallSettings, error) {
	return cs, errPlanTODO
}

// Plan creates a plan item; see common.ClientStore.
func (s *Session) Plan(p model.PlanItem) (model.PlanItem, error) { return p, errPlanTODO }

// PlanItem loads one item.
func (s *Session) PlanItem(id model.ID) (model.PlanItem, error) { return model.PlanItem{}, errPlanTODO }

// Reschedule moves an item; see common.CallStore.
func (s *Session) Reschedule(id model.ID, version uint64, due, until time.Time, reason string) (model.PlanItem, error) {
	return model.PlanItem{}, errPlanTODO
}

// CancelPlan cancels an item with a reason.
func (s *Session) CancelPlan(id model.ID, version uint64, reason string) (model.PlanItem, error) {
	return model.PlanItem{}, errPlanTODO
}

// Reassign gives open items to another user in one transaction.
func (s *Session) Reassign(ids []model.ID, to string) (int, error) { return 0, errPlanTODO }

// Queue returns a window of my queue.
func (s *Session) Queue(ctx context.Context, offset, limit int) (model.QueuePage, error) {
	return model.QueuePage{}, nil
}

// TakeNext takes the next due call.
func (s *Session) TakeNext() (model.CallContext, error) { return model.CallContext{}, errPlanTODO }

// Take takes one item.
func (s *Session) Take(id model.ID) (model.CallContext, error) { return model.CallContext{}, errPlanTODO }

// Release lets a held item go.
func (s *Session) Release(id model.ID) error { return errPlanTODO }

// CallContext loads a client's call context.
func (s *Session) CallContext(client, item model.ID) (model.CallContext, error) {
	return model.CallContext{}, errPlanTODO
}

// LogOutcome records an interaction and applies the retry policy.
func (s *Session) LogOutcome(ix model.Interaction) (model.OutcomeResult, error) {
	return model.OutcomeResult{}, errPlanTODO
}
