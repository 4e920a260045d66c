package complaints

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/complaintform"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

// Every filter key narrows the queue to rows that match it, the filter line
// says so, and x clears them all.
func TestQueueFilters(t *testing.T) {
	db, _ := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	all := len(d.tab.QueueRows())
	if all == 0 {
		t.Fatal("the queue is empty")
	}
	check := func(name string, ok func(r model.ComplaintRow) bool) {
		t.Helper()
		rows := d.tab.QueueRows()
		for _, r := range rows {
			if !ok(r) {
				t.Errorf("%s: row #%d (%s, owner %q) does not match", name, r.ID, r.Status, r.Owner)
			}
		}
	}
	d.press("m")
	if !d.tab.Filter().Mine || !strings.Contains(d.screen(), "mine") {
		t.Fatalf("m: filter %+v", d.tab.Filter())
	}
	check("mine", func(r model.ComplaintRow) bool { return r.Owner == "ivanova" || r.Escalated == "ivanova" })
	d.press("m", "u")
	check("unassigned", func(r model.ComplaintRow) bool { return r.Owner == "" })
	if len(d.tab.QueueRows()) == 0 {
		t.Fatal("u: no unassigned complaints shown")
	}
	d.press("u", "l")
	check("overdue", func(r model.ComplaintRow) bool { return r.Left < 0 && r.PausedAt.IsZero() })
	if len(d.tab.QueueRows()) == 0 {
		t.Fatal("l: the overdue complaint is missing")
	}
	d.press("x")
	if d.tab.Filter() != (model.ComplaintFilter{}) || len(d.tab.QueueRows()) != all {
		t.Fatalf("x: filter %+v, %d rows, want none and %d", d.tab.Filter(), len(d.tab.QueueRows()), all)
	}
	d.press("s")
	want := model.ComplaintStatuses[0]
	if d.tab.Filter().Status != want {
		t.Fatalf("s: status %q, want %q", d.tab.Filter().Status, want)
	}
	check("status", func(r model.ComplaintRow) bool { return r.Status == want })
	d.press("esc", "t")
	check("type", func(r model.ComplaintRow) bool { return r.Type == model.ComplaintTypes[0] })
	d.press("esc", "d", "d")
	check("outgoing", func(r model.ComplaintRow) bool { return r.Direction == model.DirectionOutgoing })
	d.press("d")
	if d.tab.Filter().Direction != "" {
		t.Fatalf("d thrice: direction %q, want any", d.tab.Filter().Direction)
	}
	// c: this client's complaints, open and closed
	first := d.tab.QueueRows()[0]
	d.press("c")
	check("this client", func(r model.ComplaintRow) bool { return r.Client == first.Client })
	if !strings.Contains(d.screen(), first.ClientName) {
		t.Fatalf("the filter line does not name %s", first.ClientName)
	}
	// o: the owner chosen from the users
	d.press("x", "o")
	if !d.tab.InputFocused() {
		t.Fatal("o: the owner question does not have the keys")
	}
	d.press("down")
	for d.tab.queue.ask.value() != "sidorov" {
		d.press("down")
	}
	d.press("enter")
	if d.tab.Filter().Owner != "sidorov" || d.tab.InputFocused() {
		t.Fatalf("o: owner %q", d.tab.Filter().Owner)
	}
	check("owner", func(r model.ComplaintRow) bool { return r.Owner == "sidorov" })
}

// The footer counts open, overdue and shown complaints from the store.
func TestQueueFooterCounts(t *testing.T) {
	db, _ := department(t)
	env := uitest.EnvAs(t, db, storetest.PlanHead, testNow)
	d := newDriver(t, env, 120, 32)
	open, err := env.Store.Complaints(t.Context(), model.ComplaintFilter{}, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	late, err := env.Store.Complaints(t.Context(), model.ComplaintFilter{Overdue: true}, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := model.T("complaints.queue.footer", open.Total, late.Total, open.Total)
	if !strings.Contains(d.screen(), want) {
		t.Fatalf("footer lacks %q:\n%s", want, d.screen())
	}
	if late.Total == 0 {
		t.Fatal("the department has no overdue complaint to count")
	}
}

// space pulls the most urgent unassigned complaint she may handle, opens it
// as hers, and says so; when none is left the store's sentence shows.
func TestNextComplaint(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.press("space")
	c, ok := d.tab.Complaint()
	if !ok || c.ID != cs.Serious || c.Owner != "ivanova" || c.Status != model.ComplaintAssigned {
		t.Fatalf("space opened %+v (%v), want the serious incident #%d assigned to ivanova", c.ID, ok, cs.Serious)
	}
	if len(d.events) == 0 || d.events[len(d.events)-1].Kind != "complaint" {
		t.Fatalf("no data change after taking it: %+v", d.events)
	}
	d.press("esc")
	if d.tab.Open() != 0 {
		t.Fatal("esc did not go back to the queue")
	}
	for i := 0; i < 20 && !d.status.Err; i++ {
		d.press("space")
		if c, ok := d.tab.Complaint(); ok && c.Direction == model.DirectionOutgoing {
			t.Fatalf("an operator was given the outgoing claim #%d", c.ID)
		}
		d.press("esc")
	}
	if !d.status.Err || d.status.Text == "" {
		t.Fatalf("after the unassigned ran out: status %+v, want the store's sentence", d.status)
	}
}

// The working moves by key on her own complaint: investigate, wait (the
// deadline pauses), resume, answer (text required).
func TestComplaintMoves(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Assigned))
	status := func(want model.ComplaintStatus) model.Complaint {
		t.Helper()
		c, _ := d.tab.Complaint()
		if c.Status != want {
			t.Fatalf("status %s, want %s (status bar %q)", c.Status, want, d.status.Text)
		}
		return c
	}
	d.press("i")
	status(model.ComplaintInvestigating)
	d.press("w")
	if !d.tab.InputFocused() {
		t.Fatal("w asks what we wait for")
	}
	d.typeText("photos of the waybill")
	d.press("enter")
	if c := status(model.ComplaintWaiting); c.PausedAt.IsZero() {
		t.Fatal("waiting did not pause the deadline")
	}
	if !strings.Contains(d.screen(), "paused") {
		t.Fatalf("the screen does not say the deadline is paused:\n%s", d.screen())
	}
	d.press("i")
	if c := status(model.ComplaintInvestigating); !c.PausedAt.IsZero() {
		t.Fatal("resuming kept the pause")
	}
	d.press("A", "enter")
	if !strings.Contains(d.screen(), model.T("complaints.ask.required")) {
		t.Fatalf("an empty answer was not refused:\n%s", d.screen())
	}
	status(model.ComplaintInvestigating)
	d.typeText("We replace the goods on Thursday")
	d.press("enter")
	if c := status(model.ComplaintAnswered); c.Answer != "We replace the goods on Thursday" {
		t.Fatalf("answer %q", c.Answer)
	}
	stored, err := uitest.EnvAs(t, db, storetest.PlanHead, testNow).Store.Complaint(cs.Assigned)
	if err != nil || stored.Status != model.ComplaintAnswered {
		t.Fatalf("in the store: %s %v", stored.Status, err)
	}
	if d.tab.InputFocused() {
		t.Fatal("the answer question stayed open")
	}
}

// A stale version: someone else moved the complaint; the move says so and
// the screen shows the complaint as it is now.
func TestStaleComplaintReloads(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Assigned))
	other := uitest.EnvAs(t, db, storetest.PlanHead, testNow).Store
	c, _ := other.Complaint(cs.Assigned)
	if _, err := other.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""); err != nil {
		t.Fatal(err)
	}
	d.press("w", "enter")
	if !d.status.Err || d.status.Text != model.T("complaints.error.changed") {
		t.Fatalf("status %+v, want the changed sentence", d.status)
	}
	if now, _ := d.tab.Complaint(); now.Status != model.ComplaintInvestigating {
		t.Fatalf("the screen was not reloaded: %s", now.Status)
	}
}

// Someone else's complaint: the moves are not offered, and a move key says why.
func TestMovesRefusedOnSomeoneElses(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Overdue)) // sidorov's
	for _, k := range d.tab.ShortHelp() {
		if k.Help().Key == "i" || k.Help().Key == "A" || k.Help().Key == "C" {
			t.Errorf("the footer offers %s on sidorov's complaint", k.Help().Key)
		}
	}
	d.press("i")
	if !d.status.Err || !strings.Contains(d.status.Text, "sidorov") {
		t.Fatalf("status %+v, want a sentence naming the owner", d.status)
	}
	if c, _ := d.tab.Complaint(); c.Status != model.ComplaintInvestigating || c.Owner != "sidorov" {
		t.Fatalf("the complaint changed: %+v", c.Status)
	}
}

// Escalation: the operator chooses the receiver (the client's manager
// first) and must give a reason; the receiver answers with y.
func TestEscalateAndReply(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Assigned))
	c, _ := d.tab.Complaint()
	client, err := d.tab.env.Store.Client(c.Client)
	if err != nil {
		t.Fatal(err)
	}
	d.press("E")
	a := d.tab.screen.ask
	if a == nil || len(a.options) == 0 {
		t.Fatal("E did not ask for the receiver")
	}
	if client.Manager != "" && a.options[0].value != client.Manager {
		t.Fatalf("the first receiver is %s, want the client's manager %s", a.options[0].value, client.Manager)
	}
	for _, o := range a.options {
		if o.value == "ivanova" || o.value == "sidorov" || o.value == "kazlauskaite" {
			t.Fatalf("an operator may escalate to %s, an operator", o.value)
		}
	}
	to := a.options[0].value
	d.press("enter", "enter")
	if d.tab.screen.ask == nil {
		t.Fatal("an escalation without a reason was sent")
	}
	d.typeText("The client wants a discount above my limit")
	d.press("enter")
	c, _ = d.tab.Complaint()
	e := c.OpenEscalation()
	if c.Status != model.ComplaintEscalated || e == nil || e.To != to {
		t.Fatalf("after E: %s, escalation %+v (status %q)", c.Status, e, d.status.Text)
	}
	if !strings.Contains(d.screen(), model.T("complaints.escalation.open")) {
		t.Fatalf("the open escalation is not shown:\n%s", d.screen())
	}

	r := newDriver(t, uitest.EnvAs(t, db, to, testNow), 120, 32)
	r.openComplaint(uint64(c.ID))
	r.press("y")
	r.typeText("Give 3 %, no more")
	r.press("enter")
	c, _ = r.tab.Complaint()
	if c.OpenEscalation() != nil || c.Status != model.ComplaintInvestigating {
		t.Fatalf("after the reply: %s, open escalation %+v (status %q)", c.Status, c.OpenEscalation(), r.status.Text)
	}
}

// Forward to a department with a note; c and o ask the root for the card and the order.
func TestForwardAndLinks(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Assigned))
	d.press("F", "down", "enter")
	d.typeText("need their opinion")
	d.press("enter")
	c, _ := d.tab.Complaint()
	if len(c.Forwards) != 1 || c.Forwards[0].Department != model.Departments[1] || c.Forwards[0].Note != "need their opinion" {
		t.Fatalf("forwards %+v (status %q)", c.Forwards, d.status.Text)
	}
	d.press("c")
	if len(d.clients) != 1 || d.clients[0] != c.Client {
		t.Fatalf("c asked for %v, want the client %d", d.clients, c.Client)
	}
	d.press("o")
	if c.Order == 0 && len(d.orders) != 0 {
		t.Fatal("o opened an order the complaint has not")
	}
}

// C opens the closing form; the head's J gives the verdict on a closed one;
// O reopens with a reason.
func TestCloseJustifyReopen(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "jonaitis", testNow), 120, 32)
	d.openComplaint(uint64(cs.Answered))
	d.press("C")
	if _, ok := d.tab.Form().(*complaintform.Closing); !ok {
		t.Fatalf("C opened %T, want the closing form", d.tab.Form())
	}

	h := newDriver(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 120, 32)
	h.openComplaint(uint64(cs.Closed))
	h.press("J", "enter")
	c, _ := h.tab.Complaint()
	if c.Closing == nil || c.Closing.Justified == nil || !*c.Closing.Justified {
		t.Fatalf("J yes: closing %+v (status %q)", c.Closing, h.status.Text)
	}
	h.press("O", "enter")
	if c, _ := h.tab.Complaint(); c.Status != model.ComplaintClosed {
		t.Fatal("reopened without a reason")
	}
	h.typeText("the client called again")
	h.press("enter")
	if c, _ := h.tab.Complaint(); c.Status != model.ComplaintReopened || len(c.Events) < 2 {
		t.Fatalf("O: %s (status %q)", c.Status, h.status.Text)
	}

	o := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	o.openComplaint(uint64(cs.Rejected))
	o.press("J")
	if !o.status.Err || o.tab.screen.ask != nil {
		t.Fatalf("an operator was asked for the verdict (status %+v)", o.status)
	}
}

// The views: the report and settings only for those with the right.
func TestViewsByRight(t *testing.T) {
	db, _ := department(t)
	op := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	op.press("R")
	if op.tab.ActiveView() != ViewQueue || !op.status.Err {
		t.Fatalf("R for an operator: view %d, status %+v", op.tab.ActiveView(), op.status)
	}
	op.press("S")
	if op.tab.ActiveView() != ViewQueue || strings.Contains(op.screen(), "Settings") {
		t.Fatal("an operator was offered the settings")
	}
	head := newDriver(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 120, 32)
	head.press("R")
	if head.tab.ActiveView() != ViewReport {
		t.Fatal("R did not show the head the report")
	}
	head.press("S")
	if head.tab.ActiveView() != ViewSettings {
		t.Fatal("S did not show the head the settings")
	}
	head.press("Q")
	if head.tab.ActiveView() != ViewQueue {
		t.Fatal("Q did not go back to the queue")
	}
}

// NewComplaintMsg from another screen opens the intake form on the queue view;
// n does the same from the queue.
func TestNewComplaintOpensIntake(t *testing.T) {
	db, _ := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.send(common.NewComplaintMsg{Client: 3})
	if _, ok := d.tab.Form().(*complaintform.Intake); !ok || !d.tab.InputFocused() {
		t.Fatalf("NewComplaintMsg opened %T", d.tab.Form())
	}
	d2 := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d2.press("n")
	if _, ok := d2.tab.Form().(*complaintform.Intake); !ok {
		t.Fatalf("n opened %T", d2.tab.Form())
	}
}

// A data change from elsewhere reloads the queue: a complaint registered by
// another session appears.
func TestDataChangedRefreshes(t *testing.T) {
	db, _ := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	before := d.tab.queue.win.Total
	other := uitest.EnvAs(t, db, "sidorov", testNow).Store
	c, err := other.RegisterComplaint(model.Complaint{Direction: model.DirectionIncoming, Type: model.TypeService,
		Client: 4, Channel: model.ChannelPhone, Received: testNow.Add(-time.Minute), Description: "Нет ответа",
		Priority: model.PriorityNormal})
	if err != nil {
		t.Fatal(err)
	}
	d.send(common.DataChangedMsg{Kind: "complaint", ID: c.ID})
	if d.tab.queue.win.Total != before+1 {
		t.Fatalf("after the change %d rows, want %d", d.tab.queue.win.Total, before+1)
	}
}

// The head gives a complaint to a person of her choice; a letter jumps to
// the first name starting with it.
func TestHeadAssignsToAPerson(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, storetest.PlanHead, testNow), 120, 32)
	d.openComplaint(uint64(cs.Unassigned))
	d.press("a")
	a := d.tab.screen.ask
	if a == nil {
		t.Fatal("a did not ask the head for the person")
	}
	for a.value() != "sidorov" {
		d.press("down")
		if a.cur == len(a.options)-1 && a.value() != "sidorov" {
			t.Fatal("sidorov is not offered")
		}
	}
	d.press("enter")
	c, _ := d.tab.Complaint()
	if c.Owner != "sidorov" || c.Status != model.ComplaintAssigned {
		t.Fatalf("after a: owner %q status %s (status bar %q)", c.Owner, c.Status, d.status.Text)
	}
	// An operator takes it herself, without a question.
	o := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	o.openComplaint(uint64(cs.Outgoing))
	o.press("a")
	if o.tab.screen.ask != nil {
		t.Fatal("an operator was asked whom to give it to")
	}
	if c, _ := o.tab.Complaint(); c.Owner == "ivanova" {
		t.Fatal("an operator took an outgoing claim")
	} else if !o.status.Err || o.status.Text == "" {
		t.Fatalf("the refusal has no sentence: %+v", o.status)
	}
}

// The questions on screen, as goldens: the receiver of an escalation, and an
// empty answer refused under the line.
func TestGoldenQuestions(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 80, 21)
	d.openComplaint(uint64(cs.Assigned))
	d.press("E")
	uitest.CheckSize(t, "escalate", d.tab.View(), 80, 21)
	uitest.Golden(t, "screen_ask_escalate_80x21", d.screen(), *update)
	d.press("esc", "A", "enter")
	uitest.Golden(t, "screen_ask_answer_empty_80x21", d.screen(), *update)
}

// A long choice shows a window of options that follows the cursor.
func TestLongChoiceFollowsTheCursor(t *testing.T) {
	var opts []option
	for i := range 30 {
		opts = append(opts, option{label: fmt.Sprintf("person %02d", i), value: fmt.Sprint(i)})
	}
	a := newChoice(styles.New(true), "who?", opts, false, false)
	for range 20 {
		a.update(uitest.Key("down"))
	}
	lines := a.lines(40)
	if len(lines) != 1+askRows {
		t.Fatalf("%d lines, want the title and %d options", len(lines), askRows)
	}
	if !strings.Contains(ansi.Strip(strings.Join(lines, "\n")), "› person 20") {
		t.Fatalf("the cursor's option is not shown:\n%s", strings.Join(lines, "\n"))
	}
	if done, _ := a.update(uitest.Key("enter")); !done || a.value() != "20" {
		t.Fatalf("enter chose %q", a.value())
	}
}

// e opens the intake form on the complaint in edit mode; leaving it keeps the screen.
func TestEditOpensTheIntakeOnIt(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Assigned))
	d.press("e")
	if _, ok := d.tab.Form().(*complaintform.Intake); !ok {
		t.Fatalf("e opened %T", d.tab.Form())
	}
	for i := 0; i < 3 && d.tab.Form() != nil; i++ {
		d.press("esc")
	}
	if d.tab.Form() != nil || d.tab.Open() != cs.Assigned {
		t.Fatalf("after leaving the form: form %T, complaint %d", d.tab.Form(), d.tab.Open())
	}
}

// Read-only: nothing is offered that would write, and the keys say why.
func TestReadOnlyOffersNoChange(t *testing.T) {
	db, cs := department(t)
	env := uitest.EnvAs(t, db, "ivanova", testNow)
	env.ReadOnly = true
	d := newDriver(t, env, 120, 32)
	d.press("n")
	if d.tab.Form() != nil || !d.status.Err {
		t.Fatalf("n on a read-only file: form %T, status %+v", d.tab.Form(), d.status)
	}
	d.status = common.StatusMsg{}
	d.press("space")
	if d.tab.Open() != 0 || !d.status.Err {
		t.Fatalf("space on a read-only file opened %d (status %+v)", d.tab.Open(), d.status)
	}
	d.openComplaint(uint64(cs.Assigned))
	for _, k := range d.tab.ShortHelp() {
		switch k.Help().Key {
		case "c", "o", "esc":
		default:
			t.Errorf("read-only footer offers %s %s", k.Help().Key, k.Help().Desc)
		}
	}
	d.press("i")
	if c, _ := d.tab.Complaint(); c.Status != model.ComplaintAssigned || d.status.Text != model.T("complaints.error.read_only") {
		t.Fatalf("i on a read-only file: %s, status %+v", c.Status, d.status)
	}
}

// The minute tick asks the queue again (the countdowns move) and keeps the
// cursor on its complaint; a tick from before SetRefresh(0) is void.
func TestTickRefreshesTheQueue(t *testing.T) {
	db, _ := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.press("j", "j")
	at, _ := d.tab.queue.current()
	d.tab.queue.every = time.Minute
	d.tab.queue.armTick()
	gen := d.tab.queue.gen
	d.send(tickMsg{gen: d.tab.queue.tickGen - 1})
	if d.tab.queue.gen != gen {
		t.Fatal("a stale tick asked the queue again")
	}
	d.tab.queue.every = 0 // the next page must not arm another (the loop would wait for it)
	d.send(tickMsg{gen: d.tab.queue.tickGen})
	if d.tab.queue.gen == gen {
		t.Fatal("the tick did not ask the queue again")
	}
	if now, _ := d.tab.queue.current(); now.ID != at.ID {
		t.Fatalf("the cursor moved from #%d to #%d", at.ID, now.ID)
	}
}
