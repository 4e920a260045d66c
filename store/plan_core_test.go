package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

func TestPlanCreatesItemWithIndexesAndAudit(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", time.Hour))
	if p.ID == 0 || p.Status != model.PlanPlanned || p.Version != 1 || p.CreatedBy != "petrov" {
		t.Fatalf("planned item: %+v", p)
	}
	pool := mustPlan(t, d.head, d.call(d.orphan, "", 2*time.Hour))
	visit := d.call(d.vilnius, "petrov", 24*time.Hour)
	visit.Kind, visit.Address = model.PlanVisit, "Gedimino pr. 1"
	mustPlan(t, d.petrov, visit)
	checkPlanConsistency(t, d.db)

	got, err := d.olga.PlanItem(pool.ID)
	if err != nil || got.Assignee != "" || got.Origin != model.OriginManual {
		t.Fatalf("pool item reads back as %+v, %v", got, err)
	}
	hist, err := d.boss.PlanHistory(p.ID)
	if err != nil || len(hist) != 1 || hist[0].Action != "create" || hist[0].User != "petrov" {
		t.Fatalf("history of a new item: %+v, %v", hist, err)
	}
	fields := map[string]bool{}
	for _, ch := range hist[0].Changes {
		fields[ch.Field] = true
	}
	for _, f := range []string{"kind", "client", "assignee", "due", "purpose", "origin", "status"} {
		if !fields[f] {
			t.Errorf("the creation's audit entry does not list %q: %+v", f, hist[0].Changes)
		}
	}
}

func TestPlanRefusesBadInputAndSavesNothing(t *testing.T) {
	d := newPlanDept(t)
	archived, err := d.boss.SetArchived(d.orphan.ID, d.orphan.Version, true)
	if err != nil {
		t.Fatal(err)
	}
	before := fileState(t, d.db)
	cases := []struct {
		name  string
		edit  func(p *model.PlanItem)
		field string
	}{
		{"past due", func(p *model.PlanItem) { p.Due = planT0.Add(-time.Hour) }, "due"},
		{"unknown client", func(p *model.PlanItem) { p.Client = 999 }, "client"},
		{"archived client", func(p *model.PlanItem) { p.Client = archived.ID }, "client"},
		{"unknown user", func(p *model.PlanItem) { p.Assignee = "nobody" }, "assignee"},
		{"no origin", func(p *model.PlanItem) { p.Origin = "" }, "origin"},
		{"unknown contact", func(p *model.PlanItem) { p.Contact = 77 }, "contact"},
		{"visit without address", func(p *model.PlanItem) { p.Kind = model.PlanVisit }, "address"},
		{"visit for the pool", func(p *model.PlanItem) { p.Kind, p.Address, p.Assignee = model.PlanVisit, "x", "" }, "assignee"},
		{"no purpose", func(p *model.PlanItem) { p.Purpose = "" }, "purpose"},
		{"recurring by hand", func(p *model.PlanItem) { p.Origin = model.OriginRecurring }, "origin"},
		{"off-plan by hand", func(p *model.PlanItem) { p.Origin = model.OriginOffPlan }, "origin"},
	}
	for _, tc := range cases {
		p := d.call(d.vilnius, "petrov", time.Hour)
		tc.edit(&p)
		_, err := d.head.Plan(p)
		if s := fieldError(t, err, tc.field); s == "" {
			t.Errorf("%s: no sentence", tc.name)
		}
	}
	if fileState(t, d.db) != before {
		t.Fatal("a refused plan item changed the file")
	}
}

func TestPlanRights(t *testing.T) {
	d := newPlanDept(t)
	for _, tc := range []struct {
		s        *Session
		assignee string
		ok       bool
	}{
		{d.petrov, "petrov", true},    // own
		{d.petrov, "jonaitis", false}, // someone else's needs plan.assign
		{d.petrov, "", false},         // the pool too
		{d.olga, "olga", true},
		{d.olga, "", false},
		{d.head, "jonaitis", true},
		{d.head, "", true},
		{d.boss, "olga", true},
	} {
		_, err := tc.s.Plan(d.call(d.vilnius, tc.assignee, time.Hour))
		if tc.ok && err != nil {
			t.Errorf("%s planning for %q: %v", tc.s.me.Name, tc.assignee, err)
		}
		if !tc.ok && !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s planning for %q: want forbidden, got %v", tc.s.me.Name, tc.assignee, err)
		}
	}
	checkPlanConsistency(t, d.db)
}

func TestQueueOrderAndTakeNext(t *testing.T) {
	d := newPlanDept(t)
	// due order, then priority, then age; the pool merged into an operator's queue
	late := mustPlan(t, d.head, d.call(d.vilnius, "olga", -0)) // due now
	p := d.call(d.orphan, "", 0)
	p.Priority = model.PriorityHigh
	high := mustPlan(t, d.head, p)
	early := d.call(d.vilnius, "", 0)
	early.Due = planT0.Add(-30 * time.Second) // a minute's grace for "not in the past"
	first := mustPlan(t, d.head, early)
	vlad := mustPlan(t, d.head, d.call(d.vlad, "", 0))                // outside its window now
	future := mustPlan(t, d.head, d.call(d.vilnius, "", 3*time.Hour)) // not due yet
	mustPlan(t, d.head, d.call(d.vilnius, "oleg", 0))                 // oleg's own, not olga's

	page, err := d.olga.Queue(context.Background(), 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []model.ID
	for _, r := range page.Rows {
		ids = append(ids, r.Item.ID)
	}
	want := []model.ID{first.ID, high.ID, late.ID, vlad.ID, future.ID}
	if page.Total != 5 || !equalIDs(ids, want) {
		t.Fatalf("olga's queue: total %d, ids %v, want %v", page.Total, ids, want)
	}
	if page.Rows[0].ClientName != d.vilnius.ShortName {
		t.Errorf("a queue row shows client %q", page.Rows[0].ClientName)
	}
	page, _ = d.olga.Queue(context.Background(), 3, 10)
	if len(page.Rows) != 2 || page.Rows[0].Item.ID != vlad.ID {
		t.Errorf("offset 3: %+v", page.Rows)
	}
	if mine, _ := d.petrov.Queue(context.Background(), 0, 10); mine.Total != 0 {
		t.Errorf("a manager's queue holds the pool: %d", mine.Total)
	}

	for _, want := range []model.ID{first.ID, high.ID, late.ID} {
		cc, err := d.olga.TakeNext()
		if err != nil {
			t.Fatal(err)
		}
		if cc.Item.ID != want || cc.Item.HeldBy != "olga" {
			t.Fatalf("took %d (held by %q), want %d", cc.Item.ID, cc.Item.HeldBy, want)
		}
	}
	_, err = d.olga.TakeNext()
	if !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "calls (1)") {
		t.Fatalf("with only the Vladivostok call due: %v", err)
	}
	if !strings.Contains(err.Error(), model.FormatDateTime(future.Due, time.Local)) {
		t.Errorf("the sentence does not name the next due time: %v", err)
	}
	checkPlanConsistency(t, d.db)

	// Vladivostok opens at 9:00 local = 23:00 UTC
	d.clock.Advance(13*time.Hour + time.Minute)
	cc, err := d.olga.TakeNext()
	if err != nil || cc.Item.ID != vlad.ID || !cc.InWindow {
		t.Fatalf("next morning in Vladivostok: %+v %v", cc.Item, err)
	}
	checkPlanConsistency(t, d.db)
}

func equalIDs(a, b []model.ID) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTakeReleaseAndHolds(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	cc, err := d.olga.Take(p.ID)
	if err != nil || cc.Item.HeldBy != "olga" {
		t.Fatalf("take: %+v %v", cc.Item, err)
	}
	if _, err := d.olga.Take(p.ID); err != nil {
		t.Errorf("taking one's own call again: %v", err)
	}
	_, err = d.oleg.Take(p.ID)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "olga") {
		t.Fatalf("oleg taking olga's call: %v", err)
	}
	if _, err := d.oleg.TakeNext(); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a held call was offered again: %v", err)
	}
	if err := d.oleg.Release(p.ID); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("oleg releasing olga's call: %v", err)
	}
	if _, err := d.petrov.Take(p.ID); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a manager taking a held pool call: %v", err)
	}
	// a held item is neither rescheduled, cancelled nor reassigned by others
	got, _ := d.head.PlanItem(p.ID)
	if _, err := d.head.Reschedule(p.ID, got.Version, planT0.Add(time.Hour), time.Time{}, "later"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("rescheduling a held call: %v", err)
	}
	if _, err := d.head.CancelPlan(p.ID, got.Version, "no"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("cancelling a held call: %v", err)
	}
	if _, err := d.head.Reassign([]model.ID{p.ID}, "oleg"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("reassigning a held call: %v", err)
	}
	checkPlanConsistency(t, d.db)
	if err := d.head.Release(p.ID); err != nil {
		t.Fatalf("the head lets it go: %v", err)
	}
	cc, err = d.oleg.TakeNext()
	if err != nil || cc.Item.ID != p.ID {
		t.Fatalf("after release: %+v %v", cc.Item, err)
	}
	if err := d.oleg.Release(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.oleg.Release(p.ID); err != nil {
		t.Errorf("releasing a free call: %v", err)
	}
	// a manager takes only own items
	own := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 0))
	if _, err := d.jonaitis.Take(own.ID); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("jonaitis taking petrov's call: %v", err)
	}
	if _, err := d.olga.Take(own.ID); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator taking a manager's call: %v", err)
	}
	checkPlanConsistency(t, d.db)
}

func TestCallContext(t *testing.T) {
	d := newPlanDept(t)
	cs, _ := d.boss.CallSettings()
	// six reached contacts over the past days, logged by the manager
	for i := range 6 {
		p := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 0))
		if _, err := d.petrov.LogOutcome(model.Interaction{PlanItem: p.ID, Outcome: model.OutcomeReached, Notes: string(rune('a' + i))}); err != nil {
			t.Fatal(err)
		}
		d.clock.Advance(10 * time.Minute)
	}
	other := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 48*time.Hour))
	item := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	cc, err := d.olga.Take(item.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(cc.Last) != 5 || cc.Last[0].Notes != "f" || cc.Last[4].Notes != "b" {
		t.Fatalf("the last five, newest first: %+v", cc.Last)
	}
	if cc.Contacts != 6 || cc.Pester != (6 > cs.PesterMax) || !cc.Pester {
		t.Errorf("pester: %d contacts, pester %v (limit %d)", cc.Contacts, cc.Pester, cs.PesterMax)
	}
	if cc.Contact == nil || cc.Contact.Name != "Ona Onaitė" {
		t.Errorf("contact: %+v (the first who has not left)", cc.Contact)
	}
	if cc.Dial.E164 != "+37065555555" {
		t.Errorf("dial %+v, want the contact's number", cc.Dial)
	}
	if len(cc.Open) != 1 || cc.Open[0].ID != other.ID {
		t.Errorf("other open items: %+v", cc.Open)
	}
	if cc.LocalTime.Location().String() != "Europe/Vilnius" || !cc.InWindow {
		t.Errorf("local time %v, in window %v", cc.LocalTime, cc.InWindow)
	}
	// seven days later the contacts are out of the pester period
	d.clock.Advance(8 * 24 * time.Hour)
	cc, err = d.olga.CallContext(d.vilnius.ID, 0)
	if err != nil || cc.Contacts != 0 || cc.Pester || len(cc.Last) != 5 || cc.Item.ID != 0 {
		t.Errorf("a week later: %d contacts, pester %v, %d last, item %d, %v", cc.Contacts, cc.Pester, len(cc.Last), cc.Item.ID, err)
	}
	if _, err := d.olga.CallContext(d.orphan.ID, item.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an item of another client: %v", err)
	}
}

func TestCallSettingsSaveRightsAndConflict(t *testing.T) {
	d := newPlanDept(t)
	cs, err := d.olga.CallSettings()
	if err != nil || cs.WorkFrom != 9*60 || cs.Version != 0 {
		t.Fatalf("defaults: %+v %v", cs, err)
	}
	cs.PesterMax = 5
	if _, err := d.petrov.SaveCallSettings(cs); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a manager saving the call rules: %v", err)
	}
	saved, err := d.head.SaveCallSettings(cs)
	if err != nil || saved.Version != 1 {
		t.Fatalf("the head saves: %+v %v", saved, err)
	}
	if _, err := d.boss.SaveCallSettings(cs); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a save over a newer version: %v", err)
	}
	bad := saved
	bad.WorkFrom, bad.WorkTo = 18*60, 9*60
	before := fileState(t, d.db)
	if _, err := d.boss.SaveCallSettings(bad); err == nil {
		t.Error("working hours ending before they start were saved")
	}
	if fileState(t, d.db) != before {
		t.Error("refused settings changed the file")
	}
	got, _ := d.olga.CallSettings()
	if got.PesterMax != 5 || got.Version != 1 {
		t.Errorf("read back: %+v", got)
	}
}

func TestPlanWritesRefusedReadOnly(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.head, d.call(d.vilnius, "", time.Hour))
	path := d.db.Path()
	d.db.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	s := ro.As(d.head.me)
	errs := []error{}
	_, err = s.Plan(d.call(d.vilnius, "", time.Hour))
	errs = append(errs, err)
	_, err = s.TakeNext()
	errs = append(errs, err)
	_, err = s.Take(p.ID)
	errs = append(errs, err)
	errs = append(errs, s.Release(p.ID))
	_, err = s.LogOutcome(model.Interaction{PlanItem: p.ID, Outcome: model.OutcomeReached})
	errs = append(errs, err)
	_, err = s.Reschedule(p.ID, p.Version, planT0.Add(2*time.Hour), time.Time{}, "x")
	errs = append(errs, err)
	_, err = s.CancelPlan(p.ID, p.Version, "x")
	errs = append(errs, err)
	_, err = s.Reassign([]model.ID{p.ID}, "olga")
	errs = append(errs, err)
	_, err = s.SaveCallSettings(model.DefaultCallSettings())
	errs = append(errs, err)
	for i, err := range errs {
		if !errors.Is(err, model.ErrReadOnly) {
			t.Errorf("write %d on a read-only file: %v", i, err)
		}
	}
	// reading works
	if page, err := s.Queue(context.Background(), 0, 5); err != nil || page.Total != 0 {
		t.Errorf("the head's queue read-only: %+v %v", page, err)
	}
	if got, err := s.PlanItem(p.ID); err != nil || got.ID != p.ID {
		t.Errorf("reading an item read-only: %v", err)
	}
}

func TestStaleHoldsClearedAtOpen(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	if _, err := d.olga.Take(p.ID); err != nil {
		t.Fatal(err)
	}
	path := d.db.Path()
	d.db.Close()
	db, err := Open(path, Options{Now: d.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.As(d.oleg.me).PlanItem(p.ID)
	if err != nil || got.HeldBy != "" {
		t.Fatalf("after reopening: held by %q, %v", got.HeldBy, err)
	}
	hist, _ := db.As(d.boss.me).PlanHistory(p.ID)
	if last := hist[len(hist)-1]; last.Action != "release" || last.User != "olga" {
		t.Errorf("the cleared hold's audit entry: %+v", last)
	}
	if cc, err := db.As(d.oleg.me).TakeNext(); err != nil || cc.Item.ID != p.ID {
		t.Errorf("oleg takes it: %v", err)
	}
	checkPlanConsistency(t, db)
}

// A file from before the plan_held counter has a hold and no counter: the
// first writable Open finds the hold by the queue scan and sets the counter.
func TestStaleHoldsClearedInAFileWithoutTheCounter(t *testing.T) {
	d := newPlanDept(t)
	p := mustPlan(t, d.head, d.call(d.vilnius, "", 0))
	if _, err := d.olga.Take(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.db.bolt.Update(func(tx *bolt.Tx) error {
		if n := counter(tx, keyPlanHeld); n != 1 {
			t.Errorf("plan_held is %d with one call taken", n)
		}
		return tx.Bucket(bucketMeta).Delete(keyPlanHeld)
	}); err != nil {
		t.Fatal(err)
	}
	path := d.db.Path()
	d.db.Close()
	db, err := Open(path, Options{Now: d.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, err := db.As(d.oleg.me).PlanItem(p.ID); err != nil || got.HeldBy != "" {
		t.Fatalf("after reopening: held by %q, %v", got.HeldBy, err)
	}
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyPlanHeld); v == nil || btoi(v) != 0 {
			t.Errorf("plan_held after the first Open: %v", v)
		}
		return nil
	})
	checkPlanConsistency(t, db)
}
