package store

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"clientbase/model"
)

const complaintCrashEnv = "CLIENTBASE_COMPLAINT_CRASH_DB"

// TestComplaintCrashChild is the child of TestComplaintCrashKeepsAcknowledged:
// it registers complaints and closes every other one (with its follow-up
// call), printing each acknowledged step, until killed.
func TestComplaintCrashChild(t *testing.T) {
	db, fail := crashChild(t, complaintCrashEnv, "complaint crash test's", Options{})
	s := childSession(db, "boss", fail)
	client := newClient("Crash complaints Ltd")
	client.Phones = []model.Phone{{Raw: "+370 600 22222"}}
	cl, err := s.SaveClient(client, "")
	if err != nil {
		fail(err)
	}
	for i := 0; i < 100000; i++ {
		c := incoming(cl, model.ComplaintTypes[i%len(model.ComplaintTypes)])
		c.Owner = "boss"
		c, err := s.RegisterComplaint(c)
		if err != nil {
			fail(err)
		}
		if i%2 == 0 {
			fmt.Printf("registered %d 0\n", c.ID)
			continue
		}
		if c, err = s.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, "refunded"); err != nil {
			fail(err)
		}
		if c, err = s.CloseComplaint(c.ID, c.Version, fullRefund); err != nil {
			fail(err)
		}
		fmt.Printf("closed %d %d\n", c.ID, c.FollowUp)
	}
	os.Exit(0)
}

func TestComplaintCrashKeepsAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	path := tempPath(t)
	type ack struct {
		closed   bool
		followUp model.ID
	}
	acked := map[model.ID]ack{}
	killChildWhen(t, "TestComplaintCrashChild", complaintCrashEnv, path, func(f []string) bool {
		if len(f) != 3 || (f[0] != "registered" && f[0] != "closed") {
			return false
		}
		id, _ := strconv.ParseUint(f[1], 10, 64)
		fu, _ := strconv.ParseUint(f[2], 10, 64)
		acked[model.ID(id)] = ack{f[0] == "closed", model.ID(fu)}
		return len(acked) == 120
	})
	db := reopenChecked(t, path, Options{})
	s := db.As(model.User{Name: "boss", Role: model.RoleDirector})
	for id, a := range acked {
		c, err := s.Complaint(id)
		switch {
		case err != nil:
			t.Errorf("complaint %d was acknowledged: %v", id, err)
		case a.closed && (c.Status != model.ComplaintClosed || c.FollowUp != a.followUp):
			t.Errorf("complaint %d acknowledged closed with follow-up %d: %s, %d", id, a.followUp, c.Status, c.FollowUp)
		case a.closed:
			if p, err := s.PlanItem(a.followUp); err != nil || p.Origin != model.OriginComplaintClosure {
				t.Errorf("follow-up %d of complaint %d: %+v, %v", a.followUp, id, p, err)
			}
		}
	}
	checkComplaintConsistency(t, db)
	checkPlanConsistency(t, db)
	t.Logf("%d acknowledged complaint steps survived the kill", len(acked))
}
