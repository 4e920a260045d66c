package model

import (
	"testing"
	"time"
)

// The ladder is climbed one rung at a time, from the escalator's rung or
// the open escalation's, whichever is higher.
func TestEscalationRung(t *testing.T) {
	open := func(level Role) *Complaint {
		return &Complaint{Escalations: []Escalation{{By: "olga", To: "x", Level: level}}}
	}
	answered := &Complaint{Escalations: []Escalation{{By: "olga", To: "x", Level: RoleHead, Answer: "no", Answered: time.Unix(1, 0)}}}
	for _, tc := range []struct {
		name     string
		role     Role
		c        *Complaint
		from, to Role
		ok       bool
	}{
		{"operator", RoleOperator, &Complaint{}, RoleOperator, RoleManager, true},
		{"manager", RoleManager, &Complaint{}, RoleManager, RoleHead, true},
		{"head", RoleHead, &Complaint{}, RoleHead, RoleDirector, true},
		{"director", RoleDirector, &Complaint{}, RoleDirector, "", false},
		{"owner while a manager has it", RoleOperator, open(RoleManager), RoleManager, RoleHead, true},
		{"the manager escalating on", RoleManager, open(RoleManager), RoleManager, RoleHead, true},
		{"a head over a manager's escalation", RoleHead, open(RoleManager), RoleHead, RoleDirector, true},
		{"nobody above the director's", RoleOperator, open(RoleDirector), RoleDirector, "", false},
		{"an answered escalation counts no more", RoleOperator, answered, RoleOperator, RoleManager, true},
	} {
		from, to, ok := EscalationRung(User{Name: "u", Role: tc.role}, tc.c)
		if from != tc.from || to != tc.to || ok != tc.ok {
			t.Errorf("%s: %s → %s %v, want %s → %s %v", tc.name, from, to, ok, tc.from, tc.to, tc.ok)
		}
	}
}
