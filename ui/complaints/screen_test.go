package complaints

import (
	"clientbase/ui/common"
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/uitest"
)

// A closed complaint names its retention call by day and person (the
// call is in that person's plan), not by a bare number.
func TestClosedComplaintShowsTheFollowUpCall(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 120, 40)
	d.openComplaint(uint64(cs.Closed))
	c, _ := d.tab.Complaint()
	if c.FollowUp == 0 {
		t.Fatal("the department's closed complaint planned no follow-up call")
	}
	item, err := db.As(mustUser(t, db, storetest.PlanHead)).PlanItem(c.FollowUp)
	if err != nil {
		t.Fatal(err)
	}
	want := model.FormatDateTime(item.Due, time.UTC) + " · " + item.Assignee + " · planned"
	if v := d.screen(); !strings.Contains(v, want) {
		t.Fatalf("the follow-up call is not shown as %q:\n%s", want, v)
	}
}

// The complaint says who complained and how to call them back, and a
// complained quantity reads as typed: 4 pieces, not 4.000.
func TestComplaintShowsTheContactAndPlainQuantities(t *testing.T) {
	db, _ := department(t)
	boss := db.As(mustUser(t, db, "boss"))
	client, err := boss.Client(1)
	if err != nil {
		t.Fatal(err)
	}
	client.Contacts = append(client.Contacts, model.Contact{Name: "Орлова Нина Петровна", Position: "завхоз",
		Phones: []model.Phone{{Raw: "+7 495 123-45-67", E164: "+74951234567", Label: "office"}}})
	if client, err = boss.SaveClient(client, ""); err != nil {
		t.Fatal(err)
	}
	ct := client.Contacts[len(client.Contacts)-1]
	o := orderOf(t, boss, client.ID)
	reg, err := boss.RegisterComplaint(model.Complaint{Direction: model.DirectionIncoming, Type: model.TypeQuality,
		Client: client.ID, Contact: ct.ID, Order: o.ID, Lines: []model.ComplaintLine{{Line: 0, Qty: 4 * model.QtyScale}},
		Channel: model.ChannelPhone, Received: testNow, Description: "Четыре пачки порваны", Priority: model.PriorityNormal})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 40)
	d.openComplaint(uint64(reg.ID))
	v := d.screen()
	phone := ct.Phones[0].Raw
	if phone == "" {
		phone = ct.Phones[0].E164
	}
	if !strings.Contains(v, "Contact") || !strings.Contains(v, ct.Name) || !strings.Contains(v, phone) {
		t.Fatalf("the contact %q (%s) is not shown:\n%s", ct.Name, phone, v)
	}
	if !strings.Contains(v, "SKU-001  Печенье  4\n") && !strings.Contains(v, "SKU-001  Печенье  4 ") {
		t.Fatalf("the complained line does not read 4:\n%s", v)
	}
	if strings.Contains(v, "4.000") {
		t.Fatalf("the quantity carries the unit-less padding:\n%s", v)
	}
}

func mustUser(t testing.TB, db *store.DB, name string) model.User {
	t.Helper()
	u, err := db.SignIn(name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// orderOf saves an order of client: 10 pieces of SKU-001 (Печенье).
func orderOf(t testing.TB, boss *store.Session, client model.ID) model.Order {
	t.Helper()
	p, err := boss.SaveProduct(model.Product{SKU: "SKU-001", Name: "Печенье", Unit: model.UnitPiece, VAT: 2000, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := boss.SavePriceVersion(model.PriceVersion{Effective: testNow.AddDate(0, -2, 0), Note: "test",
		Prices: []model.PriceEntry{{Product: p.ID, Column: "retail", Price: model.Money{Minor: 15000}}}}, 0); err != nil {
		t.Fatal(err)
	}
	o, err := boss.SaveOrder(model.Order{Client: client, TakenBy: "petrov", Channel: model.OrderByPhone, Date: testNow.AddDate(0, 0, -7),
		Lines: []model.OrderLine{{Product: p.ID, Qty: 10 * model.QtyScale}}})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// Closing plans the retention call: the call schedule hears of the new
// plan item (its week and queue reload), and the screen's line under the
// complaint no longer repeats the move made before the closing.
func TestClosingTellsTheCallScheduleAndTheScreen(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "jonaitis", testNow), 120, 40)
	d.openComplaint(uint64(cs.Answered))
	d.press("f") // awaiting feedback: the screen says so under the complaint
	if !strings.Contains(d.screen(), "Awaiting") {
		t.Fatalf("f did not move it:\n%s", d.screen())
	}
	d.press("C", "tab", "tab", "tab", "right", "tab", "right", "ctrl+s")
	c, _ := d.tab.Complaint()
	if c.Status != model.ComplaintClosed || c.FollowUp == 0 {
		t.Fatalf("not closed with a follow-up: %s %d (status %q)\n%s", c.Status, c.FollowUp, d.status.Text, d.screen())
	}
	planned := false
	for _, e := range d.events {
		planned = planned || e.Kind == "plan" && e.ID == c.FollowUp
	}
	if !planned {
		t.Fatalf("the call schedule was not told of follow-up call #%d: %+v", c.FollowUp, d.events)
	}
	lines := strings.Split(strings.TrimRight(d.screen(), " \n"), "\n")
	if last := lines[len(lines)-1]; strings.Contains(last, "Awaiting") {
		t.Fatalf("the screen still reports the move before the closing: %q", last)
	}
}

// J on a complaint with a verdict starts on that verdict: enter keeps it.
func TestJustifiedQuestionStartsOnTheVerdict(t *testing.T) {
	db, cs := department(t)
	h := newDriver(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 120, 32)
	h.openComplaint(uint64(cs.Rejected)) // the head found it not justified
	h.press("J", "enter")
	c, _ := h.tab.Complaint()
	if c.Closing == nil || c.Closing.Justified == nil || *c.Closing.Justified {
		t.Fatalf("J, enter changed the verdict: %+v (status %q)", c.Closing, h.status.Text)
	}
}

// A move on someone else's complaint says whom to ask, not to "take it":
// there is no key that takes a complaint someone works on.
func TestRefusalSaysWhomToAsk(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Overdue)) // sidorov's, under investigation
	d.press("i")
	if !d.status.Err || !strings.Contains(d.status.Text, "ask sidorov") || strings.Contains(d.status.Text, "take") {
		t.Fatalf("status %q, want the owner to ask and no offer to take it", d.status.Text)
	}
}

// Asked to open another complaint (enter on a card) while editing one, the
// tab keeps the form and the complaint under it, and says why; saving the
// edit then says "saved", not "registered".
func TestOpenAnotherWhileEditingKeepsTheForm(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Assigned))
	d.press("e")
	if d.tab.Form() == nil {
		t.Fatal("e opened no form")
	}
	d.send(common.OpenComplaintMsg{Complaint: cs.Waiting})
	if d.tab.Form() == nil || d.tab.Open() != cs.Assigned || !d.status.Err {
		t.Fatalf("form %T, complaint %d, status %+v", d.tab.Form(), d.tab.Open(), d.status)
	}
	d.press("tab", "tab", "tab", "tab", "tab", "x", "ctrl+s")
	if d.tab.Form() != nil || strings.Contains(d.status.Text, "registered") {
		t.Fatalf("after saving the edit: form %T, status %q", d.tab.Form(), d.status.Text)
	}
}

// An answered complaint's deadline says whether the answer was in time,
// and no longer counts down (model.ClockStopped).
func TestAnsweredComplaintStopsTheClock(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 120, 40)
	d.openComplaint(uint64(cs.Answered))
	c, _ := d.tab.Complaint()
	want := "answered in time"
	if c.Answered.After(c.Deadline) {
		want = "answered late"
	}
	var line string
	for _, l := range strings.Split(d.screen(), "\n") {
		if strings.HasPrefix(l, "Deadline") {
			line = l
		}
	}
	if !strings.Contains(line, want) || strings.Contains(line, "overdue") {
		t.Fatalf("deadline line %q, want %q", line, want)
	}
}
