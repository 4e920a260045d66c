package store

import (
	"time"

	"clientbase/model"
)

// STUBS: the store helper for the schedule views (H2b) replaces this file.

// PlanItems returns user's items due in [from, to), by due.
func (s *Session) PlanItems(user string, from, to time.Time) ([]model.PlanRow, error) {
	return nil, nil
}

// Grid counts users' plans per day.
func (s *Session) Grid(users []string, days []time.Time) (model.PlanGrid, error) {
	return model.PlanGrid{}, nil
}

// Adherence is planned vs done per user.
func (s *Session) Adherence(users []string, from, to time.Time) ([]model.Adherence, error) {
	return nil, nil
}

// Timeline returns a client's interactions and plan items, newest first.
func (s *Session) Timeline(client model.ID) ([]model.TimelineEntry, error) { return nil, nil }
