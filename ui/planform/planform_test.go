package planform

import (
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/styles"
)

// From the card: the client is known, the user types when and saves; the
// store holds the call and the screens hear about it.
func TestPlanACallForAKnownClient(t *testing.T) {
	dep := newDepartment(t)
	c := dep.client(3)
	petrov := dep.user("petrov")
	d := drive(t, New(dep.env(petrov), model.PlanItem{Client: c.ID}))
	if v := d.View(); !strings.Contains(v, c.ShortName) || !strings.Contains(v, "Plan a call or visit") {
		t.Fatalf("the form does not name the client:\n%s", v)
	}
	golden(t, "new_for_client", d.m)
	d.Set(fDue, "24.11 14:30")
	d.Set(fNote, "спросить про акт сверки")
	d.Press("ctrl+s")
	if !d.m.Closed() {
		t.Fatalf("the form stayed open after ctrl+s:\n%s", d.View())
	}
	if got, want := d.Status(), "Call planned for 24.11.2026 14:30"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	if !d.changed() {
		t.Error("the form did not say the plan changed")
	}
	tl := dep.timeline(c.ID)
	if len(tl) != 1 || tl[0].Item == nil {
		t.Fatalf("the store holds %+v", tl)
	}
	it := tl[0].Item
	want := time.Date(2026, 11, 24, 14, 30, 0, 0, time.UTC)
	if !it.Due.Equal(want) || it.Kind != model.PlanCall || it.Assignee != "petrov" || it.Origin != model.OriginManual ||
		it.Note != "спросить про акт сверки" || it.Priority != model.PriorityNormal || it.Status != model.PlanPlanned {
		t.Errorf("saved %+v", *it)
	}
}

// Without a client the user finds one by a part of its name, picks it with
// the arrows and enter, and plans a visit; the visit needs an address, and
// the sentence says so under the field until one is typed.
func TestLookupPicksTheClientAndAVisitNeedsAnAddress(t *testing.T) {
	dep := newDepartment(t)
	d := drive(t, New(dep.env(dep.dir), model.PlanItem{}))
	d.Press("ctrl+s")
	if got := d.m.form.Error(fClient); got != model.T("plan.error.client_required") {
		t.Errorf("saving without a client: %q under the client", got)
	}
	d.Type("N00")
	v := d.View()
	if !strings.Contains(v, "Clients found: 9") || !strings.Contains(v, "N001") {
		t.Fatalf("typing N00 lists no matches:\n%s", v)
	}
	golden(t, "lookup", d.m)
	second := d.m.matches[1]
	d.Press("down", "enter")
	picked := d.m.client
	if !d.m.hasClient || picked.ID != second.ID || !strings.Contains(d.View(), second.ShortName) {
		t.Fatalf("down, enter picked %q", picked.ShortName)
	}
	if d.m.form.Focused() != fContact {
		t.Errorf("after the pick the keys are in %q, want the contact", d.m.form.Focused())
	}
	d.FieldTo(fKind)
	d.Press("space") // call → visit
	if d.m.form.Hidden(fAddress) {
		t.Fatal("a visit shows no address field")
	}
	d.Set(fDue, "25.11.2026 11:00")
	d.Set(fUntil, "13:00")
	d.Press("ctrl+s")
	if d.m.Closed() || d.m.form.Error(fAddress) == "" {
		t.Fatalf("a visit without an address was saved or has no sentence:\n%s", d.View())
	}
	if tl := dep.timeline(picked.ID); len(tl) != 0 {
		t.Fatalf("a refused form saved %+v", tl)
	}
	golden(t, "visit_without_address", d.m)
	d.Set(fAddress, "Москва, ул. Вавилова, 19")
	d.Press("ctrl+s")
	if !d.m.Closed() {
		t.Fatalf("the visit was not saved:\n%s", d.View())
	}
	if got := d.Status(); got != "Visit planned for 25.11.2026 11:00" {
		t.Errorf("status %q", got)
	}
	tl := dep.timeline(picked.ID)
	if len(tl) != 1 || tl[0].Item.Kind != model.PlanVisit || tl[0].Item.Address != "Москва, ул. Вавилова, 19" ||
		!tl[0].Item.Until.Equal(time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)) {
		t.Fatalf("the store holds %+v", tl)
	}
}

// Changing the typed name after a pick drops the client: the form asks to pick again.
func TestRetypingTheClientUndoesThePick(t *testing.T) {
	dep := newDepartment(t)
	d := drive(t, New(dep.env(dep.dir), model.PlanItem{}))
	d.Type("N005")
	d.Press("enter")
	if !d.m.hasClient {
		t.Fatalf("enter did not pick the only match:\n%s", d.View())
	}
	d.FieldTo(fClient)
	d.Press("backspace")
	if d.m.hasClient {
		t.Error("the client stayed picked after its name was changed")
	}
	d.Set(fDue, "+2h")
	d.Press("ctrl+s")
	if got := d.m.form.Error(fClient); got != model.T("plan.error.pick_client") {
		t.Errorf("under the client: %q", got)
	}
}

// Bad times give sentences next to their fields and nothing is saved.
func TestBadTimesAreSentencesAndNothingIsSaved(t *testing.T) {
	dep := newDepartment(t)
	c := dep.client(1)
	cases := []struct{ due, until, field, want string }{
		{"", "", fDue, model.T("plan.error.due_required")},
		{"23.11.2026 08:00", "", fDue, model.T("retry.item.due_past")},
		{"32.13", "", fDue, ""},
		{"ёлки", "", fDue, ""},
		{"24.11 15:00", "14:00", fUntil, model.T("retry.item.until")},
		{"24.11 15:00", "когда-нибудь", fUntil, ""},
	}
	for _, tc := range cases {
		d := drive(t, New(dep.env(dep.dir), model.PlanItem{Client: c.ID}))
		d.Set(fDue, tc.due)
		d.Set(fUntil, tc.until)
		d.Press("ctrl+s")
		got := d.m.form.Error(tc.field)
		if d.m.Closed() || got == "" || tc.want != "" && got != tc.want {
			t.Errorf("when %q until %q: closed %v, under %s %q, want %q", tc.due, tc.until, d.m.Closed(), tc.field, got, tc.want)
		}
		if strings.Contains(got, "%!") || !strings.HasSuffix(got, ".") {
			t.Errorf("when %q until %q: %q is not a sentence", tc.due, tc.until, got)
		}
	}
	if tl := dep.timeline(c.ID); len(tl) != 0 {
		t.Fatalf("bad input saved %+v", tl)
	}
	d := drive(t, New(dep.env(dep.dir), model.PlanItem{Client: c.ID}))
	d.Set(fDue, "23.11.2026 08:00")
	d.Press("ctrl+s")
	golden(t, "errors", d.m)
}

// An operator plans only for themselves: the assignee is shown, not chosen.
// A head chooses anyone, or the operators' pool for a call.
func TestWhoChoosesTheAssignee(t *testing.T) {
	dep := newDepartment(t)
	c := dep.client(2)
	op := dep.user(storetest.PlanOperators[0])
	d := drive(t, New(dep.env(op), model.PlanItem{Client: c.ID}))
	d.FieldTo(fNote)
	for range 12 {
		if d.m.form.Focused() == fAssignee {
			t.Fatal("an operator's form lets the keys into the assignee")
		}
		d.Press("tab")
	}
	if !strings.Contains(d.View(), op.FullName) {
		t.Errorf("the operator's form does not show them as the assignee:\n%s", d.View())
	}
	d.Set(fDue, "+1h")
	d.Press("ctrl+s")
	if !d.m.Closed() {
		t.Fatalf("the operator's call was not saved:\n%s", d.View())
	}
	if tl := dep.timeline(c.ID); len(tl) != 1 || tl[0].Item.Assignee != op.Name {
		t.Fatalf("saved %+v", tl)
	}

	head := dep.user(storetest.PlanHead)
	d = drive(t, New(dep.env(head), model.PlanItem{Client: c.ID}))
	d.FieldTo(fAssignee)
	d.m.form.SetValue(fAssignee, "") // the pool, as ←/→ would choose it
	d.Set(fDue, "+3h")
	d.Press("ctrl+s")
	if !d.m.Closed() {
		t.Fatalf("the head's pool call was not saved:\n%s", d.View())
	}
	pool := 0
	for _, e := range dep.timeline(c.ID) {
		if e.Item != nil && e.Item.Assignee == "" {
			pool++
		}
	}
	if pool != 1 {
		t.Errorf("%d pool items, want 1", pool)
	}
}

// esc with nothing typed closes; with something typed it asks first.
func TestEscAsksBeforeDiscarding(t *testing.T) {
	dep := newDepartment(t)
	c := dep.client(1)
	d := drive(t, New(dep.env(dep.dir), model.PlanItem{Client: c.ID}))
	d.Press("esc")
	if !d.m.Closed() {
		t.Fatal("esc on an untouched form did not close it")
	}
	d = drive(t, New(dep.env(dep.dir), model.PlanItem{Client: c.ID}))
	d.Set(fDue, "+2h")
	d.Press("esc")
	if d.m.Closed() || !strings.Contains(d.View(), "Discard what you typed? y/n") {
		t.Fatalf("esc after typing did not ask:\n%s", d.View())
	}
	golden(t, "discard", d.m)
	d.Press("n")
	if d.m.Closed() || d.m.form.Value(fDue) != "+2h" {
		t.Fatal("n lost what was typed")
	}
	d.Press("esc", "y")
	if !d.m.Closed() || d.changed() {
		t.Error("y did not close without saving")
	}
}

// planOne stores a call for client id due at due through the director.
func (dep *department) planOne(id model.ID, assignee string, due time.Time) model.PlanItem {
	dep.t.Helper()
	p, err := dep.db.As(dep.dir).Plan(model.PlanItem{Kind: model.PlanCall, Client: id, Assignee: assignee, Due: due,
		Purpose: model.PurposeFollowUp, Priority: model.PriorityNormal, Origin: model.OriginManual})
	if err != nil {
		dep.t.Fatal(err)
	}
	return p
}

func TestRescheduleMovesTheCall(t *testing.T) {
	dep := newDepartment(t)
	c := dep.client(4)
	it := dep.planOne(c.ID, "petrov", now.Add(2*time.Hour))
	d := drive(t, Reschedule(dep.env(dep.dir), it))
	if got := d.m.form.Value(fDue); got != "23.11.2026 12:00" {
		t.Errorf("the when field starts at %q", got)
	}
	golden(t, "reschedule", d.m)
	d.Set(fDue, "26.11 09:30")
	d.Set(fReason, "клиент просил в четверг")
	d.Press("ctrl+s")
	if !d.m.Closed() {
		t.Fatalf("not saved:\n%s", d.View())
	}
	if got := d.Status(); got != "Call moved to 26.11.2026 09:30" {
		t.Errorf("status %q", got)
	}
	old, err := dep.db.As(dep.dir).PlanItem(it.ID)
	if err != nil {
		t.Fatal(err)
	}
	moved, err := dep.db.As(dep.dir).PlanItem(old.NextID)
	if err != nil {
		t.Fatal(err)
	}
	if old.Status != model.PlanRescheduled || !moved.Due.Equal(time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)) || !moved.Open() {
		t.Errorf("old %+v, new %+v", old, moved)
	}

	// Into the past: a sentence, nothing moved.
	d = drive(t, Reschedule(dep.env(dep.dir), moved))
	d.Set(fDue, "20.11.2026 09:30")
	d.Press("ctrl+s")
	if d.m.Closed() || d.m.form.Error(fDue) == "" {
		t.Fatalf("a time in the past was taken:\n%s", d.View())
	}
}

func TestCancelNeedsAReason(t *testing.T) {
	dep := newDepartment(t)
	c := dep.client(5)
	it := dep.planOne(c.ID, "petrov", now.Add(2*time.Hour))
	d := drive(t, Cancel(dep.env(dep.dir), it))
	d.Press("ctrl+s")
	if d.m.Closed() || d.m.form.Error(fReason) != model.T("plan.error.reason_required") {
		t.Fatalf("cancel without a reason:\n%s", d.View())
	}
	golden(t, "cancel_no_reason", d.m)
	d.Type("клиент закрылся на ремонт")
	d.Press("ctrl+s")
	if !d.m.Closed() || d.Status() != "Call of 23.11.2026 12:00 cancelled" {
		t.Fatalf("closed %v, status %q", d.m.Closed(), d.Status())
	}
	got, err := dep.db.As(dep.dir).PlanItem(it.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != model.PlanCancelled || got.CancelReason != "клиент закрылся на ремонт" {
		t.Errorf("stored %+v", got)
	}
}

func TestReassignGivesItemsToSomeoneElse(t *testing.T) {
	dep := newDepartment(t)
	a := dep.planOne(dep.client(1).ID, "petrov", now.Add(time.Hour))
	b := dep.planOne(dep.client(2).ID, "petrov", now.Add(3*time.Hour))
	d := drive(t, Reassign(dep.env(dep.dir), []model.PlanItem{a, b}))
	v := d.View()
	if !strings.Contains(v, "operators' pool") || !strings.Contains(v, "Jonas Jonaitis (jonaitis)") {
		t.Fatalf("the list lacks the pool or a user:\n%s", v)
	}
	golden(t, "reassign", d.m)
	for range 20 {
		if d.m.choices[d.m.choice].login == "jonaitis" {
			break
		}
		d.Press("j")
	}
	d.Press("enter")
	if !d.m.Closed() || d.Status() != "2 items reassigned to Jonas Jonaitis (jonaitis)" || !d.changed() {
		t.Fatalf("closed %v, status %q", d.m.Closed(), d.Status())
	}
	for _, it := range []model.PlanItem{a, b} {
		got, err := dep.db.As(dep.dir).PlanItem(it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Assignee != "jonaitis" {
			t.Errorf("item %d is %q's", got.ID, got.Assignee)
		}
	}
}

// A visit never goes to the operators' pool: the list does not offer it.
func TestReassignAVisitOffersNoPool(t *testing.T) {
	dep := newDepartment(t)
	v, err := dep.db.As(dep.dir).Plan(model.PlanItem{Kind: model.PlanVisit, Client: 1, Assignee: "petrov", Due: now.Add(time.Hour),
		Address: "Vilnius, Gedimino pr. 1", Purpose: model.PurposeSale, Priority: model.PriorityNormal, Origin: model.OriginManual})
	if err != nil {
		t.Fatal(err)
	}
	d := drive(t, Reassign(dep.env(dep.dir), []model.PlanItem{v}))
	if strings.Contains(d.View(), "operators' pool") {
		t.Errorf("a visit may go to the pool:\n%s", d.View())
	}
}

// Every purpose, kind, priority and status has words.
func TestEnumsHaveWords(t *testing.T) {
	for _, p := range model.Purposes {
		if PurposeName(p) == string(p) && strings.Contains(string(p), "_") {
			t.Errorf("purpose %s has no words", p)
		}
		check(t, "plan.purpose."+string(p))
	}
	for _, k := range model.PlanKinds {
		check(t, "plan.kind."+string(k))
	}
	for _, p := range model.Priorities {
		check(t, "plan.priority."+string(rune('0'+p)))
	}
	for _, s := range model.PlanStatuses {
		check(t, "plan.status."+string(s))
	}
	for _, o := range model.Outcomes {
		check(t, "plan.outcome."+string(o))
	}
}

func check(t *testing.T, key string) {
	t.Helper()
	if !model.HasMessage(key) {
		t.Errorf("no message %q", key)
	}
}

// A new terminal background rebuilds the form's styles, never what was typed.
func TestNewStylesKeepWhatWasTyped(t *testing.T) {
	dep := newDepartment(t)
	it := dep.planOne(dep.client(1).ID, "petrov", now.Add(time.Hour))
	d := drive(t, Reschedule(dep.env(dep.dir), it))
	d.Set(fReason, "просили позже")
	d.m.SetStyles(styles.New(false))
	if got := d.m.form.Value(fReason); got != "просили позже" || d.m.form.Focused() != fReason {
		t.Errorf("after SetStyles the reason is %q, focus %q", got, d.m.form.Focused())
	}
	p := drive(t, New(dep.env(dep.dir), model.PlanItem{Client: 1}))
	p.Set(fDue, "+2h")
	p.m.SetStyles(styles.New(false))
	if got := p.m.form.Value(fDue); got != "+2h" || !strings.Contains(p.View(), "UAB Žalgiris N001") {
		t.Errorf("after SetStyles the plan form has when %q:\n%s", got, p.View())
	}
}

// A name nobody has says so under the field, and enter picks nothing.
func TestLookupWithoutMatches(t *testing.T) {
	dep := newDepartment(t)
	d := drive(t, New(dep.env(dep.dir), model.PlanItem{}))
	d.Type("Несуществующий")
	if v := d.View(); !strings.Contains(v, "No client matches") || !strings.Contains(v, "Clients found: 0") {
		t.Fatalf("no matches, yet:\n%s", v)
	}
	d.Press("enter")
	if d.m.hasClient || d.m.form.Focused() == fClient {
		t.Errorf("enter without matches: picked %v, focus %q (enter moves on to the next field)", d.m.hasClient, d.m.form.Focused())
	}
}

// The pool takes calls only: switching a pool call to a visit gives it to the planner.
func TestAVisitLeavesThePool(t *testing.T) {
	dep := newDepartment(t)
	head := dep.user(storetest.PlanHead)
	d := drive(t, New(dep.env(head), model.PlanItem{Client: 1}))
	d.m.form.SetValue(fAssignee, "")
	d.FieldTo(fKind)
	d.Press("space")
	if got := d.m.form.Value(fAssignee); got != head.Name {
		t.Errorf("a visit assigned to %q", got)
	}
	d.FieldTo(fAssignee)
	for range 12 {
		if d.m.form.Value(fAssignee) == "" {
			t.Fatal("the assignee choice offers the pool for a visit")
		}
		d.Press("right")
	}
}

// Back to the pool the sentence reads "… to the operators' pool".
func TestReassignToThePoolSaysSo(t *testing.T) {
	dep := newDepartment(t)
	a := dep.planOne(dep.client(1).ID, "petrov", now.Add(time.Hour))
	d := drive(t, Reassign(dep.env(dep.dir), []model.PlanItem{a}))
	if d.m.choices[d.m.choice].login != "" {
		t.Fatalf("the list does not start with the pool: %+v", d.m.choices[0])
	}
	d.Press("enter")
	if got := d.Status(); got != "1 item reassigned to the operators' pool" {
		t.Fatalf("status %q", got)
	}
}
