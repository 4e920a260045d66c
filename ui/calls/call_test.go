package calls

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

// romashka is a client with everything the call screen shows: a contact
// person with her own number, flags, a far-away time zone.
// onRomashkasCall is ivanova on the call planned for Romashka in half an hour.
func onRomashkasCall(t testing.TB) (*driver, *store.DB, model.Client, model.PlanItem) {
	t.Helper()
	db := department(t)
	c := romashka(t, db)
	item := planFor(t, db, c.ID, "ivanova", testNow.Add(30*time.Minute), "")
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.send(common.TakeCallMsg{Item: item.ID})
	return d, db, c, item
}

// resave saves the boss's change to client c and returns it as stored.
func resave(t testing.TB, db *store.DB, c model.Client) model.Client {
	t.Helper()
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	saved, err := db.As(boss).SaveClient(c, "")
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

func romashka(t testing.TB, db *store.DB) model.Client {
	t.Helper()
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	c := storetest.Client(97)
	c.ShortName = "ООО «Ромашка» Приморье"
	c.TimeZone = "Asia/Vladivostok"
	c.Category = model.CategoryA
	c.Flags = model.ClientFlags{KeyClient: true, CreditHold: true}
	c.Contacts = []model.Contact{{Name: "Анна Смирнова", Position: "главный бухгалтер", Role: model.ContactAccountant,
		Phones: []model.Phone{{Raw: "+7 423 222-33-44"}}, PreferredHours: "10–12"}}
	saved, err := db.As(boss).SaveClient(c, "test data")
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

// planFor plans a call for client c assigned to user, due at due.
func planFor(t testing.TB, db *store.DB, c model.ID, user string, due time.Time, note string) model.PlanItem {
	t.Helper()
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.As(boss).Plan(model.PlanItem{Kind: model.PlanCall, Client: c, Assignee: user, Due: due,
		Purpose: model.PurposeDebtReminder, Priority: model.PriorityHigh, Origin: model.OriginManual, Note: note})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The call screen with everything on it, at 80×24.
func TestGoldenCallScreen(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	item := planFor(t, db, c.ID, "ivanova", testNow.Add(30*time.Minute), "Счёт 1234 просрочен на 12 дней; напомнить и договориться о сверке")
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.send(common.TakeCallMsg{Item: item.ID})
	if id, open := d.m.OnCall(); !open || id != item.ID {
		t.Fatalf("on call %v with item %d, want %d", open, id, item.ID)
	}
	view := d.screen()
	mustContain(t, view, "ООО «Ромашка» Приморье", "cat. A", "key client", "credit hold",
		"Анна Смирнова", "+7 423 222-33-44", "+74232223344", "Asia/Vladivostok", "outside the calling window",
		"debt reminder", "Счёт 1234", "Open orders", "none yet", "Open complaints",
		"1 reached", "2 no answer", "4 call back at…", "9 escalated")
	golden.RequireEqual(t, view)
	got, err := d.session().PlanItem(item.ID)
	if err != nil || got.HeldBy != "ivanova" {
		t.Fatalf("the item in the store is held by %q (%v), want ivanova", got.HeldBy, err)
	}
	if !d.m.ClaimsKey(keyOf("2")) || d.m.ClaimsKey(keyOf("q")) {
		t.Fatal("the call screen must claim 1–9 and nothing else")
	}
}

// A do-not-contact client says so on its own line, in words.
func TestCallScreenSaysDoNotContact(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	c.Flags.DoNotContact = true
	c = resave(t, db, c)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.send(common.CallClientMsg{Client: c.ID})
	mustContain(t, d.screen(), "DO NOT CONTACT", "off-plan call")
}

// Pressing 2 logs "no answer" at once: the store's next step in the status
// bar, the call moved to its retry, the queue shown again.
func TestOutcomeNoAnswerLogsAndShowsTheStep(t *testing.T) {
	db := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.press("space")
	id, open := d.m.OnCall()
	if !open || id == 0 {
		t.Fatalf("space did not take a call: %+v", d.status)
	}
	d.press("2")
	if _, open := d.m.OnCall(); open {
		t.Fatalf("still on the call after 2:\n%s", d.screen())
	}
	item, err := d.session().PlanItem(id)
	if err != nil {
		t.Fatal(err)
	}
	if item.Attempts != 1 || item.HeldBy != "" || !item.Open() {
		t.Fatalf("after no answer the item is %+v", item)
	}
	if d.status.Err || !strings.Contains(d.status.Text, "again") {
		t.Fatalf("status %+v, want the next step", d.status)
	}
	if len(d.events) == 0 || d.events[len(d.events)-1].Kind != "interaction" {
		t.Fatalf("no DataChangedMsg{interaction}: %+v", d.events)
	}
	mustContain(t, d.screen(), "My queue")
}

// 8 "order taken" logs the outcome and asks for a new order for the caller;
// other outcomes do not.
func TestOrderTakenOpensANewOrder(t *testing.T) {
	d, db, c, _ := onRomashkasCall(t)
	d.press("8")
	if len(d.orders) != 1 || d.orders[0] != c.ID {
		t.Fatalf("order taken asked for orders %v, want one for client %d", d.orders, c.ID)
	}
	other := planFor(t, db, c.ID, "ivanova", testNow.Add(40*time.Minute), "")
	d.send(common.TakeCallMsg{Item: other.ID})
	if _, open := d.m.OnCall(); !open {
		t.Fatal("the second call was not taken")
	}
	d.press("1")
	if _, open := d.m.OnCall(); open || len(d.orders) != 1 {
		t.Fatalf("reached asked for a new order too: %v", d.orders)
	}
}

// 4 opens the call-back form; a time that cannot be read shows its sentence
// under the field and logs nothing; a good one logs the call back.
func TestCallBackFormRefusesABadTime(t *testing.T) {
	d, _, _, item := onRomashkasCall(t)
	d.press("4")
	if !d.m.InputFocused() || d.m.ClaimsKey(keyOf("1")) {
		t.Fatal("the call-back form must have the keys")
	}
	d.typeText("25:99")
	d.press("enter")
	view := d.screen()
	mustContain(t, view, "Call back at…", "25:99", "✗")
	golden.RequireEqual(t, view)
	if got, _ := d.session().PlanItem(item.ID); got.Attempts != 0 || got.HeldBy != "ivanova" {
		t.Fatalf("a bad time changed the item: %+v", got)
	}
	for range 5 {
		d.press("backspace")
	}
	// Tuesday 10:00 in Vladivostok, inside working hours there.
	d.typeText("24.11 10:00")
	d.press("enter")
	if _, open := d.m.OnCall(); open {
		t.Fatalf("a good time did not log:\n%s", d.screen())
	}
	got, err := d.session().PlanItem(item.ID)
	if err != nil {
		t.Fatal(err)
	}
	vl, _ := time.LoadLocation("Asia/Vladivostok")
	if want := time.Date(2026, 11, 24, 10, 0, 0, 0, vl); !got.Due.Equal(want) || !got.Open() {
		t.Fatalf("the call back is due %v (open %v), want %v", got.Due, got.Open(), want)
	}
}

// esc leaves the form without logging; the outcome keys work again.
func TestOutcomeFormEscCancels(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	d.press("space", "6")
	mustContain(t, d.screen(), "Refused: why?")
	d.press("esc")
	if d.m.InputFocused() {
		t.Fatal("esc did not close the form")
	}
	if _, open := d.m.OnCall(); !open {
		t.Fatal("esc in the form left the call")
	}
	mustContain(t, d.screen(), "1 reached")
}

// Refused needs a reason; promised to pay needs an amount and a date.
func TestOutcomeFormsNeedTheirValues(t *testing.T) {
	db := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.press("space")
	id, _ := d.m.OnCall()
	d.press("6", "enter")
	mustContain(t, d.screen(), "Say why the client refused.")
	d.press("esc", "7")
	d.typeText("много")
	d.press("enter")
	view := d.screen()
	mustContain(t, view, "Promised to pay", "✗")
	if strings.Count(view, "✗") != 2 {
		t.Fatalf("want a sentence under the amount and the date:\n%s", view)
	}
	if got, _ := d.session().PlanItem(id); got.Attempts != 0 {
		t.Fatalf("a refused form logged: %+v", got)
	}
	for range 5 {
		d.press("backspace")
	}
	d.typeText("12 500,50")
	d.press("tab")
	d.typeText("30.11.2026")
	d.press("enter")
	if _, open := d.m.OnCall(); open {
		t.Fatalf("the promise did not log:\n%s", d.screen())
	}
	got, err := d.session().PlanItem(id)
	if err != nil || got.Open() {
		t.Fatalf("after the promise the item is %+v (%v), want done", got, err)
	}
	if !strings.Contains(d.status.Text, "12,500.50") {
		t.Fatalf("status %q does not name the promise", d.status.Text)
	}
}

// Notes typed after n go with the outcome.
func TestNotesGoWithTheOutcome(t *testing.T) {
	d, _, c, item := onRomashkasCall(t)
	d.press("n")
	if !d.m.InputFocused() {
		t.Fatal("n did not focus the notes")
	}
	d.typeText("перезвонит сама 1")
	d.press("enter")
	if d.m.InputFocused() {
		t.Fatal("enter did not leave the notes")
	}
	d.press("1")
	ctx, err := d.session().CallContext(c.ID, 0)
	if err != nil || len(ctx.Last) == 0 {
		t.Fatalf("no interaction in the store: %v", err)
	}
	if ix := ctx.Last[0]; ix.Notes != "перезвонит сама 1" || ix.Outcome != model.OutcomeReached || ix.PlanItem != item.ID ||
		ix.Phone != "+74232223344" || ix.Contact == 0 || ix.Direction != model.DirOutgoing {
		t.Fatalf("logged %+v", ix)
	}
}

// x lets the call go at once; esc asks first, and n keeps the call.
func TestLetTheCallGo(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	d.press("space")
	id, _ := d.m.OnCall()
	d.press("esc")
	mustContain(t, d.screen(), "Let the call to")
	d.press("n")
	if _, open := d.m.OnCall(); !open {
		t.Fatal("n let the call go")
	}
	d.press("esc", "y")
	if _, open := d.m.OnCall(); open {
		t.Fatal("y did not let the call go")
	}
	if got, _ := d.session().PlanItem(id); got.HeldBy != "" {
		t.Fatalf("still held by %q", got.HeldBy)
	}
	d.press("space")
	id2, _ := d.m.OnCall()
	d.press("x")
	if got, _ := d.session().PlanItem(id2); got.HeldBy != "" || got.Attempts != 0 {
		t.Fatalf("x left %+v", got)
	}
	if !strings.Contains(d.status.Text, "back in the queue") {
		t.Fatalf("status %q", d.status.Text)
	}
}

// e asks the root to open the client's card; p opens the plan form in the tab.
func TestCardAndFollowUpFromTheCall(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.send(common.CallClientMsg{Client: c.ID})
	// e opens the card inside the tab: esc comes back to the call, not to
	// the Clients tab's list with the call left held out of sight.
	d.press("e")
	if !d.m.SubOpen() || len(d.opened) != 0 {
		t.Fatalf("e did not open the card on the Calls tab (asked the root for %v)", d.opened)
	}
	mustContain(t, d.screen(), "ООО «Ромашка» Приморье", "Requisites")
	d.press("C") // the card's "call": the root would hand the CallClientMsg back
	d.send(common.CallClientMsg{Client: c.ID})
	if !d.status.Err || d.status.Text != model.T("calls.error.on_call") {
		t.Fatalf("a call asked for from the card on the call: status %+v", d.status)
	}
	d.press("esc")
	if _, open := d.m.OnCall(); !open || d.m.SubOpen() {
		t.Fatalf("esc from the card: on call %v, card open %v", open, d.m.SubOpen())
	}
	mustContain(t, d.screen(), "1 reached")
	d.press("p")
	if !d.m.SubOpen() {
		t.Fatal("p did not open the plan form")
	}
	d.press("esc")
	if d.m.SubOpen() {
		d.press("y") // the form asks before it drops what was preset
	}
	if _, open := d.m.OnCall(); !open || d.m.SubOpen() {
		t.Fatalf("after the plan form: on call %v, form open %v", open, d.m.SubOpen())
	}
}

// A second take while on a call is refused with a sentence.
func TestOneCallAtATime(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.press("space")
	id, _ := d.m.OnCall()
	d.send(common.CallClientMsg{Client: c.ID})
	if got, _ := d.m.OnCall(); got != id || !d.status.Err {
		t.Fatalf("a second call replaced the first: item %d, status %+v", got, d.status)
	}
}

// Read-only: the queue shows; taking and logging say why not.
func TestReadOnlyQueue(t *testing.T) {
	env := uitest.EnvAs(t, department(t), "ivanova", testNow)
	env.ReadOnly = true
	d := newDriver(t, env)
	if _, total := d.m.QueueRows(); total == 0 {
		t.Fatal("the read-only queue is empty")
	}
	for _, k := range []string{"space", "enter", "i"} {
		d.status = common.StatusMsg{}
		d.press(k)
		if _, open := d.m.OnCall(); open || d.m.LookupOpen() || !strings.Contains(d.status.Text, "Read-only") {
			t.Fatalf("%s in read-only: call %v lookup %v status %q", k, open, d.m.LookupOpen(), d.status.Text)
		}
	}
}

// The call screen fits small terminals: the frame holds, the name and the
// outcome keys stay while the panels give way.
func TestCallScreenDegrades(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	item := planFor(t, db, c.ID, "ivanova", testNow.Add(30*time.Minute), "note")
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.send(common.TakeCallMsg{Item: item.ID})
	for _, sz := range [][2]int{{80, 14}, {60, 12}, {40, 10}, {120, 40}, {20, 4}} {
		d.m.SetSize(sz[0], sz[1])
		v := strings.Split(stripped(d.m.View()), "\n")
		if len(v) != sz[1] {
			t.Fatalf("%v: %d lines", sz, len(v))
		}
		if sz[1] >= 10 && !strings.Contains(strings.Join(v, "\n"), "Ромаш") {
			t.Fatalf("%v: the client's name gave way:\n%s", sz, strings.Join(v, "\n"))
		}
		if sz[1] >= 12 && !strings.Contains(strings.Join(v, "\n"), "1 reached") {
			t.Fatalf("%v: the outcome keys gave way:\n%s", sz, strings.Join(v, "\n"))
		}
	}
}

// A sentence the store gives for a field lands under that field: a call-back
// time that has passed is read fine here and refused by the retry policy.
func TestStoreSentenceLandsUnderItsField(t *testing.T) {
	d, _, _, item := onRomashkasCall(t)
	d.press("4")
	d.typeText("08:00") // 08:00 today in Vladivostok is 22:00 UTC yesterday
	d.press("enter")
	view := d.screen()
	mustContain(t, view, "✗", "already passed")
	if _, open := d.m.OnCall(); !open {
		t.Fatal("a refused call back closed the call")
	}
	if got, _ := d.session().PlanItem(item.ID); got.Attempts != 0 {
		t.Fatalf("a refused call back was saved: %+v", got)
	}
}

// After more real contacts than the rules allow in the period, the call
// screen warns not to pester.
func TestPesterWarning(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	for range 4 {
		d.send(common.CallClientMsg{Client: c.ID})
		if strings.Contains(d.screen(), "do not pester") {
			t.Fatal("the warning came before the limit")
		}
		d.press("1")
	}
	d.send(common.CallClientMsg{Client: c.ID})
	mustContain(t, d.screen(), "contacted 4 times in the last 7 days")
}

// A call planned for a window shows the window; a do-not-contact client is
// marked in the queue too.
func TestWindowAndDoNotContactMarks(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	c.Flags.DoNotContact = true
	c = resave(t, db, c)
	boss, _ := db.SignIn("boss")
	due := testNow.Add(30 * time.Minute)
	p, err := db.As(boss).Plan(model.PlanItem{Kind: model.PlanCall, Client: c.ID, Assignee: "ivanova", Due: due, Until: due.Add(2 * time.Hour),
		Purpose: model.PurposeSurvey, Priority: model.PriorityNormal, Origin: model.OriginManual})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	mustContain(t, d.screen(), "⊘ ООО «Ромашка»")
	d.send(common.TakeCallMsg{Item: p.ID})
	mustContain(t, d.screen(), "due 23.11.2026 10:00–12:00", "DO NOT CONTACT")
}

// A client whose name ends with a stop ("Sp. z o.o.") gets no second one in
// the status sentence when its call is taken.
func TestStatusKeepsTheNamesOwnStop(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	c.ShortName = "Northwind Mills Sp. z o.o."
	c = resave(t, db, c)
	item := planFor(t, db, c.ID, "ivanova", testNow.Add(-time.Minute), "")
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.send(common.TakeCallMsg{Item: item.ID})
	if want := "On the call: Northwind Mills Sp. z o.o."; d.status.Text != want {
		t.Fatalf("status %q, want %q", d.status.Text, want)
	}
	for _, s := range []string{"Acme", "Acme!", "Acme…", "Acme..."} {
		got := model.TSentence("calls.status.taken", s)
		if strings.HasSuffix(got, "..") && !strings.HasSuffix(s, "...") || strings.Count(got, ".") > strings.Count(s, ".")+1 {
			t.Errorf("TSentence(%q) = %q", s, got)
		}
	}
	if got := model.TSentence("calls.status.taken", "Acme"); got != "On the call: Acme." {
		t.Errorf("a plain name lost its stop: %q", got)
	}
}
