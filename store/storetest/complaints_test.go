package storetest

import (
	"context"
	"testing"
	"time"

	"clientbase/model"
)

func TestComplaintDepartmentStates(t *testing.T) {
	now := time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)
	db, cs := ComplaintDepartment(t, now)
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(boss)
	want := map[model.ID]model.ComplaintStatus{
		cs.Unassigned: model.ComplaintRegistered, cs.Serious: model.ComplaintRegistered, cs.Outgoing: model.ComplaintRegistered,
		cs.Assigned: model.ComplaintAssigned, cs.Overdue: model.ComplaintInvestigating, cs.Waiting: model.ComplaintWaiting,
		cs.Escalated: model.ComplaintEscalated, cs.Answered: model.ComplaintAnswered, cs.Feedback: model.ComplaintFeedback,
		cs.Closed: model.ComplaintClosed, cs.Rejected: model.ComplaintClosed, cs.Reopened: model.ComplaintReopened,
	}
	if len(want) != 12 {
		t.Fatalf("%d distinct complaints, want 12", len(want))
	}
	for id, st := range want {
		c, err := s.Complaint(id)
		if err != nil || c.Status != st {
			t.Errorf("complaint %d: %s, want %s (%v)", id, c.Status, st, err)
		}
	}
	page, err := s.Complaints(context.Background(), model.ComplaintFilter{}, 0, 40)
	if err != nil || page.Total != 10 || page.Rows[0].ID != cs.Serious {
		t.Fatalf("queue: total %d, first %+v, %v", page.Total, page.Rows[0], err)
	}
	overdue, _ := s.Complaints(context.Background(), model.ComplaintFilter{Overdue: true}, 0, 40)
	found := false
	for _, r := range overdue.Rows {
		found = found || r.ID == cs.Overdue
	}
	if !found || overdue.Total == 0 {
		t.Errorf("the overdue complaint is not overdue: %+v", overdue.Rows)
	}
	if c, _ := s.Complaint(cs.Closed); c.FollowUp == 0 {
		t.Error("the closed complaint has no follow-up call")
	}
	if c, _ := s.Complaint(cs.Escalated); c.OpenEscalation() == nil || c.OpenEscalation().To != PlanHead {
		t.Errorf("escalation %+v", c.Escalations)
	}
}
