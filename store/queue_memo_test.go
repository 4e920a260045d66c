package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The queue's caches never show a stale count or row: after every take,
// release, reschedule and new call (a random run by two operators), each
// operator's queue equals one read afresh without them.
func TestQueueMemoFollowsEveryChange(t *testing.T) {
	d := newPlanDept(t)
	var items []model.PlanItem
	for i := range 30 {
		a := ""
		if i%3 == 0 {
			a = "olga"
		}
		items = append(items, mustPlan(t, d.head, d.call([]model.Client{d.orphan, d.vilnius}[i%2], a, time.Duration(i)*time.Minute)))
	}
	fresh := func(s *Session) model.QueuePage {
		t.Helper()
		var page model.QueuePage
		err := s.db.bolt.View(func(tx *bolt.Tx) error {
			var ids []model.ID
			return walkQueue(tx, queuePrefixes(s.me), func(e queueEntry) (bool, error) {
				if len(e.holder) > 0 && string(e.holder) != s.me.Name {
					return true, nil
				}
				if len(ids) < 10 {
					ids = append(ids, e.id())
					p, err := getPlan(tx, e.id())
					if err != nil {
						return false, err
					}
					c, err := getClient(tx, p.Client)
					if err != nil {
						return false, err
					}
					page.Rows = append(page.Rows, model.PlanRow{Item: p, ClientName: c.ShortName, Category: c.Category, Flags: c.Flags})
				}
				page.Total++
				return true, nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		return page
	}
	check := func(step string) {
		t.Helper()
		for _, s := range []*Session{d.olga, d.oleg} {
			for range 2 { // the second read is served from the caches
				got, err := s.Queue(context.Background(), 0, 10)
				if err != nil {
					t.Fatal(err)
				}
				if want := fresh(s); got.Total != want.Total || !reflect.DeepEqual(got.Rows, want.Rows) {
					t.Fatalf("%s: %s's queue total %d rows %d, read afresh %d rows %d", step, s.me.Name, got.Total, len(got.Rows), want.Total, len(want.Rows))
				}
			}
		}
	}
	check("start")
	done := map[string]int{}
	r := rand.New(rand.NewPCG(1, 2))
	for step := range 60 {
		s := []*Session{d.olga, d.oleg}[r.IntN(2)]
		it := items[r.IntN(len(items))]
		switch r.IntN(4) {
		case 0:
			if _, err := s.Take(it.ID); err == nil { // refused when someone else holds it
				done["take"]++
			}
		case 1:
			if s.Release(it.ID) == nil {
				done["release"]++
			}
		case 2:
			cur, err := d.head.PlanItem(it.ID)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.head.Reschedule(it.ID, cur.Version, cur.Due.Add(time.Duration(r.IntN(90)-45)*time.Minute), time.Time{}, "test"); err == nil {
				done["reschedule"]++
			}
		case 3:
			items = append(items, mustPlan(t, d.head, d.call(d.orphan, "", time.Duration(r.IntN(60))*time.Minute)))
		}
		check(fmt.Sprint("step ", step))
	}
	if done["take"] == 0 || done["release"] == 0 || done["reschedule"] == 0 {
		t.Fatalf("the run did not exercise every change: %v", done)
	}
}
