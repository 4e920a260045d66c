package store

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"clientbase/model"
)

// A committed change reaches every subscriber with its kind, record and
// author; a refused (rolled back) one reaches none.
func TestFeedDeliversCommittedChanges(t *testing.T) {
	db, boss := openDirector(t)
	a, stopA := db.Subscribe(8)
	defer stopA()
	b, stopB := db.Subscribe(8)
	defer stopB()
	op := addUser(t, boss, "ona", model.RoleManager)
	for _, ch := range []<-chan []model.Change{a, b} {
		got := <-ch
		if len(got) != 1 || got[0].Kind != "user" || got[0].By != "boss" || got[0].ID == 0 {
			t.Fatalf("user batch = %+v", got)
		}
	}

	c := mustSave(t, op, newClient("Alfa"), "")
	for _, ch := range []<-chan []model.Change{a, b} {
		got := <-ch
		if len(got) == 0 || got[0] != (model.Change{Kind: "client", ID: c.ID, By: "ona"}) {
			t.Fatalf("client batch = %+v", got)
		}
	}

	// refused inside the transaction: a stale version rolls it back
	stale := c
	stale.Version = 99
	stale.ShortName = "Beta"
	if _, err := op.SaveClient(stale, ""); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("stale save: %v", err)
	}
	// the next thing on the channels is the next committed change
	if _, err := op.SetArchived(c.ID, c.Version, true); err != nil {
		t.Fatal(err)
	}
	for _, ch := range []<-chan []model.Change{a, b} {
		got := <-ch
		if len(got) == 0 || got[0].Kind != "client" || got[0].ID != c.ID {
			t.Fatalf("after the refused save got %+v, want the archive", got)
		}
		for _, ch := range got {
			if ch.Kind == "*" {
				t.Fatalf("unexpected reload in %+v", got)
			}
		}
	}
	select {
	case got := <-a:
		t.Fatalf("nothing more expected, got %+v", got)
	default:
	}

	stopA()
	if _, ok := <-a; ok {
		t.Fatal("the channel stays open after unsubscribing")
	}
	stopA() // twice is harmless
}

// Writers never wait for a subscriber that does not read: its pending
// batches become one "*" (reload everything).
func TestFeedFullSubscriberGetsReload(t *testing.T) {
	db, boss := openDirector(t)
	slow, stop := db.Subscribe(2)
	defer stop()
	fast, stopFast := db.Subscribe(1000)
	defer stopFast()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				if _, err := boss.SaveClient(newClient(fmt.Sprintf("C%d-%d", w, i)), ""); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait() // returns: nobody read slow, yet no writer blocked
	// Delivery follows the commits (a dispatcher hands the batches over):
	// wait for it, as a session's screen would.
	deadline := time.After(10 * time.Second)
	n := 0
	for n < 100 {
		select {
		case b := <-fast:
			for _, c := range b {
				if c.Kind == "*" {
					t.Fatal("a subscriber with room got a reload")
				}
				n++
			}
		case <-deadline:
			t.Fatalf("fast subscriber saw %d client changes, want 100", n)
		}
	}
	for sawReload := false; !sawReload; {
		select {
		case got := <-slow:
			sawReload = len(got) == 1 && got[0].Kind == "*"
		case <-deadline:
			t.Fatal("a full subscriber did not get the reload batch")
		}
	}
	select {
	case b := <-fast:
		t.Fatalf("fast subscriber got more than the 100 changes: %+v", b)
	default:
	}
}

// A Via session's audit entries carry the key fingerprint; the plain
// session's do not.
func TestViaStampsAudit(t *testing.T) {
	_, boss := openDirector(t)
	const fp = "SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	remote := boss.Via(fp)
	if remote.Me().Name != "boss" {
		t.Fatal("Via changed the user")
	}
	c, err := remote.SaveClient(newClient("Gama"), "")
	if err != nil {
		t.Fatal(err)
	}
	if c, err = boss.SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
	h, err := boss.History(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Via != fp || h[1].Via != "" {
		t.Fatalf("history Via = %+v", h)
	}
}
