package store

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"clientbase/model"
)

// Sixteen people pull "next complaint" at once until none is left: every
// complaint is taken exactly once, by someone who may handle it (operators
// never get an outgoing claim). Run with -race.
func TestComplaintNextConcurrent(t *testing.T) {
	d := newPlanDept(t)
	var sessions []*Session
	for i := range 16 {
		role := model.RoleOperator
		if i%4 == 3 {
			role = model.RoleManager
		}
		sessions = append(sessions, addUser(t, d.boss, fmt.Sprintf("puller%02d", i), role))
	}
	const n = 240
	outgoing := map[model.ID]bool{}
	clients := []model.Client{d.vilnius, d.vlad, d.orphan}
	for i := range n {
		c := incoming(clients[i%3], model.ComplaintTypes[i%len(model.ComplaintTypes)])
		c.Serious = i%17 == 0
		if i%5 == 0 {
			c.Direction = model.DirectionOutgoing
		}
		c = register(t, d.olga, c)
		outgoing[c.ID] = c.Direction == model.DirectionOutgoing
	}
	var mu sync.Mutex
	taken := map[model.ID][]string{}
	var wg sync.WaitGroup
	for _, s := range sessions {
		wg.Add(1)
		go func(s *Session) {
			defer wg.Done()
			for {
				c, err := s.NextComplaint()
				if errors.Is(err, model.ErrNotFound) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				if c.Owner != s.Me().Name || c.Status != model.ComplaintAssigned {
					t.Errorf("%s got %+v", s.Me().Name, c)
				}
				mu.Lock()
				taken[c.ID] = append(taken[c.ID], s.Me().Name)
				mu.Unlock()
			}
		}(s)
	}
	wg.Wait()
	if len(taken) != n {
		t.Errorf("%d complaints taken, %d registered", len(taken), n)
	}
	for id, by := range taken {
		if len(by) != 1 {
			t.Errorf("complaint %d taken by %v", id, by)
		}
		if outgoing[id] && !isManager(by[0]) {
			t.Errorf("outgoing claim %d went to the operator %s", id, by[0])
		}
	}
	checkComplaintConsistency(t, d.db)
}

func isManager(name string) bool {
	var i int
	fmt.Sscanf(name, "puller%02d", &i)
	return i%4 == 3
}
