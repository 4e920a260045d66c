package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
)

// The plan department's staff besides the director "boss" and the
// managers "petrov" and "jonaitis" of Department.
var (
	PlanHead      = "volkova"
	PlanOperators = []string{"ivanova", "sidorov", "kazlauskaite"}
	PlanManagers  = []string{"petrov", "jonaitis"}
)

// PlanDepartment is Department with a call plan: a database in
// t.TempDir() whose clock stands at now, the director "boss", a head
// (PlanHead), two managers and three operators (PlanOperators), n clients
// and items plan items over the two weeks before and after now's day.
// Past items are mostly done with their interactions (some still open,
// so overdue, some cancelled, some off-plan calls), future ones planned;
// a fifth are in the operators' pool. The same arguments give the same
// plan. It returns the director's session; sign the others in with
// s.DB().SignIn(name).
func PlanDepartment(t testing.TB, n, items int, now time.Time) (*store.Session, model.User) {
	t.Helper()
	now = now.UTC()
	db, err := store.Open(filepath.Join(t.TempDir(), "clientbase.db"), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	director := db.As(boss)
	staff := []model.User{
		{Name: "petrov", FullName: "Пётр Петров", Role: model.RoleManager},
		{Name: "jonaitis", FullName: "Jonas Jonaitis", Role: model.RoleManager},
		{Name: PlanHead, FullName: "Ирина Волкова", Role: model.RoleHead},
		{Name: "ivanova", FullName: "Ольга Иванова", Role: model.RoleOperator},
		{Name: "sidorov", FullName: "Михаил Сидоров", Role: model.RoleOperator},
		{Name: "kazlauskaite", FullName: "Eglė Kazlauskaitė", Role: model.RoleOperator},
	}
	for _, u := range staff {
		if _, err := director.SaveUser(u); err != nil {
			t.Fatal(err)
		}
	}
	// A bulk load is far quicker than n saves, at any size.
	if _, err := store.BulkLoad(db, append([]model.User{boss}, staff...), func(emit func(model.Client) error) error {
		for i := 1; i <= n; i++ {
			if err := emit(Client(i)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.BuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n > 0 && items > 0 {
		if _, _, err := store.BulkLoadPlan(db, boss.Name, func(emit func(model.PlanItem, []model.Interaction) error) error {
			return Plan(n, items, now, emit)
		}); err != nil {
			t.Fatal(err)
		}
	}
	return db.As(boss), boss
}

// Plan emits PlanDepartment's deterministic plan: items over clients 1–n,
// due 9:00–17:45 UTC on the days from 14 before now's day to 14 after.
func Plan(n, items int, now time.Time, emit func(model.PlanItem, []model.Interaction) error) error {
	r := rand.New(rand.NewPCG(uint64(n), uint64(items)))
	day := now.UTC().Truncate(24 * time.Hour)
	outcomes := []model.Outcome{model.OutcomeReached, model.OutcomeReached, model.OutcomeOrderTaken, model.OutcomeRefused, model.OutcomePromisedToPay}
	for i := range items {
		client := model.ID(1 + r.IntN(n))
		due := day.AddDate(0, 0, r.IntN(29)-14).Add(time.Duration(9*60+15*r.IntN(36)) * time.Minute)
		p := model.PlanItem{
			Kind: model.PlanCall, Client: client, Due: due,
			Purpose:  model.Purposes[r.IntN(len(model.Purposes))],
			Priority: model.Priorities[r.IntN(len(model.Priorities))],
			// the same draw as ever (other tests' goldens follow the stream), but no
			// recurring items: Client(i) has no contact frequency to plan them by
			Origin: []model.Origin{model.OriginManual, model.OriginWeeklyPlan, model.OriginLapsedClient}[r.IntN(3)],
			Status: model.PlanPlanned,
		}
		switch x := r.IntN(10); {
		case x < 2:
			p.Assignee = "" // the operators' pool
		case x < 7:
			p.Assignee = PlanOperators[r.IntN(len(PlanOperators))]
		default:
			p.Assignee = PlanManagers[r.IntN(len(PlanManagers))]
			if r.IntN(3) == 0 {
				p.Kind, p.Address = model.PlanVisit, fmt.Sprintf("ул. Ленина, д. %d", 1+i%200)
			}
		}
		doer := p.Assignee
		if doer == "" {
			doer = PlanOperators[i%len(PlanOperators)]
		}
		p.CreatedAt = due.Add(-72 * time.Hour)
		if due.After(now) {
			p.CreatedAt = now.Add(-72 * time.Hour)
		}
		var ixs []model.Interaction
		if due.Before(now) {
			ix := func(at time.Time, o model.Outcome) model.Interaction {
				if at.After(now) { // a retry that would be later than now happened just now
					at = now
				}
				ch := model.ChannelPhone
				if p.Kind == model.PlanVisit {
					ch = model.ChannelVisit
				}
				return model.Interaction{At: at, Channel: ch, Direction: model.DirOutgoing, Client: client, User: doer, Outcome: o}
			}
			switch x := r.IntN(100); {
			case x < 12: // still open: overdue
			case x < 20:
				p.Status, p.CancelReason = model.PlanCancelled, "клиент закрылся на ремонт"
			case x < 28: // a call outside the plan, recorded as done
				p.Origin, p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.OriginOffPlan, model.PlanDone, due, doer, 1
				in := ix(due, model.OutcomeReached)
				in.Direction = model.DirIncoming
				ixs = append(ixs, in)
			default:
				at := due.Add(time.Duration(r.IntN(50)) * time.Minute)
				if r.IntN(4) == 0 && p.Kind == model.PlanCall { // no answer first, the retry reached them
					ixs = append(ixs, ix(at, model.OutcomeNoAnswer))
					at = at.Add(2 * time.Hour)
				}
				ixs = append(ixs, ix(at, outcomes[r.IntN(len(outcomes))]))
				p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.PlanDone, ixs[len(ixs)-1].At, doer, len(ixs)
			}
		}
		if err := emit(p, ixs); err != nil {
			return err
		}
	}
	return nil
}
