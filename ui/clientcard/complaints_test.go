package clientcard

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// withComplaints gives the seeded client three complaints: a quality one
// registered two hours ago, a delivery one of olga's received ten days ago
// (overdue), and a service one closed partly satisfied with a discount.
func (e *env) withComplaints(t *testing.T) (fresh, overdue, closed model.ID) {
	t.Helper()
	s := e.db.As(e.boss)
	reg := func(tp model.ComplaintType, ago time.Duration, owner, text string, claimed int64) model.Complaint {
		t.Helper()
		c, err := s.RegisterComplaint(model.Complaint{Direction: model.DirectionIncoming, Type: tp, Client: e.clientID,
			Channel: model.ChannelPhone, Received: e.now.Add(-ago), Owner: owner, Description: text,
			Claimed: model.Money{Minor: claimed, Currency: "RUB"}, Priority: model.PriorityNormal})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	ok := func(c model.Complaint, err error) model.Complaint {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	c := reg(model.TypeService, 20*24*time.Hour, e.ivan.Name, "Менеджер не перезвонил", 50_000)
	c = ok(s.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""))
	c = ok(s.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, "Извинились, скидка на следующий заказ"))
	c = ok(s.CloseComplaint(c.ID, c.Version, model.Closing{Decision: model.DecisionPartly, Satisfied: model.Money{Minor: 20_000, Currency: "RUB"},
		Remedy: model.RemedyDiscount, Reason: model.ReasonStaff, Fault: model.FaultOurs}))
	closed = c.ID
	overdue = reg(model.TypeDelivery, 10*24*time.Hour, e.olga.Name, "Недовоз двух рулонов", 240_000).ID
	fresh = reg(model.TypeQuality, 2*time.Hour, "", "Брак ткани", 120_000).ID
	return fresh, overdue, closed
}

// sent runs cmd and returns the message it asks the root for.
func sent(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

// The card lists the client's complaints, open ones first (the overdue
// one on top), then the closed one with its decision; enter opens the
// marked one, ] and [ move the mark, K asks for a new complaint for the client.
func TestCardComplaintsSection(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	fresh, overdue, closed := e.withComplaints(t)
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	body := stripANSI(strings.Join(d.m.lines, "\n"))
	i, j, k := strings.Index(body, "#"+itoa(overdue)), strings.Index(body, "#"+itoa(fresh)), strings.Index(body, "#"+itoa(closed))
	if !strings.Contains(body, "Complaints (3)") || i < 0 || j < 0 || k < 0 || !(i < j && j < k) {
		t.Fatalf("the complaints section is not open (overdue, fresh) then closed:\n%s", body)
	}
	for _, want := range []string{"overdue", "200.00 RUB"} {
		if !strings.Contains(body, want) {
			t.Errorf("the section has no %q:\n%s", want, body)
		}
	}
	if got, ok := sent(d.update(keyMsg("enter"))).(common.OpenComplaintMsg); !ok || got.Complaint != overdue {
		t.Fatalf("enter opened %#v, want #%d", got, overdue)
	}
	d.press("]")
	if got, _ := sent(d.update(keyMsg("enter"))).(common.OpenComplaintMsg); got.Complaint != fresh {
		t.Fatalf("after ] enter opened #%d, want #%d", got.Complaint, fresh)
	}
	d.press("[", "[")
	if got, _ := sent(d.update(keyMsg("enter"))).(common.OpenComplaintMsg); got.Complaint != closed {
		t.Fatalf("[ twice wraps to #%d, want the last, #%d", got.Complaint, closed)
	}
	if got, ok := sent(d.update(keyMsg("K"))).(common.NewComplaintMsg); !ok || got.Client != e.clientID || got.Order != 0 {
		t.Fatalf("K sent %#v", got)
	}
	help := d.m.FullHelp()
	for _, k := range []string{"K", "enter", "["} {
		if !listed(help, k) {
			t.Errorf("the card's ? help does not list %s", k)
		}
	}
}

// A changed complaint reloads the section; read-only offers no K.
func TestCardComplaintsReloadAndReadOnly(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	if body := stripANSI(strings.Join(d.m.lines, "\n")); !strings.Contains(body, "No complaints. K registers one.") {
		t.Fatalf("no empty complaints section:\n%s", body)
	}
	if _, ok := sent(d.update(keyMsg("enter"))).(common.OpenComplaintMsg); ok {
		t.Fatal("enter opened a complaint on a card without any")
	}
	fresh, _, _ := e.withComplaints(t)
	d.run(d.update(common.DataChangedMsg{Kind: "complaint", ID: fresh}))
	if body := stripANSI(strings.Join(d.m.lines, "\n")); !strings.Contains(body, "Complaints (3)") {
		t.Fatalf("the section did not reload:\n%s", body)
	}
	ro := e.deps(e.boss)
	ro.ReadOnly = true
	m, cmd = Open(ro, e.clientID)
	d = drive(t, m, cmd)
	if d.m.cardKeys().NewComplaint.Enabled() {
		t.Error("read-only card offers K")
	}
	if _, ok := sent(d.update(keyMsg("K"))).(common.NewComplaintMsg); ok {
		t.Error("read-only K asked for a complaint")
	}
	if !d.m.cardKeys().OpenComplaint.Enabled() {
		t.Error("read-only card cannot open a complaint to read")
	}
}

// The section at 80 columns, scrolled to it.
func TestGoldenCardComplaints(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	e.withComplaints(t)
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	d.press("G")
	golden(t, "card_complaints", d.m)
}

func listed(cols [][]key.Binding, k string) bool {
	for _, col := range cols {
		for _, b := range col {
			if b.Enabled() && slices.Contains(b.Keys(), k) {
				return true
			}
		}
	}
	return false
}

func itoa(id model.ID) string { return strconv.FormatUint(uint64(id), 10) }

// An open complaint answered after its deadline says "answered", not
// "overdue": the deadline is the time to answer (model.ClockStopped).
func TestCardAnsweredComplaintIsNotOverdue(t *testing.T) {
	e := newPlanEnv(t)
	e.seed(t)
	_, overdue, _ := e.withComplaints(t)
	s := e.db.As(e.boss)
	c, err := s.Complaint(overdue)
	if err != nil {
		t.Fatal(err)
	}
	if c, err = s.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""); err != nil {
		t.Fatal(err)
	}
	if _, err = s.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, "Довезём в пятницу"); err != nil {
		t.Fatal(err)
	}
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	var line string
	for _, l := range strings.Split(stripANSI(strings.Join(d.m.lines, "\n")), "\n") {
		if strings.Contains(l, "#"+itoa(overdue)+" ") {
			line = l
		}
	}
	if !strings.Contains(line, "answered") || strings.Contains(line, "overdue") {
		t.Fatalf("the answered complaint's line: %q", line)
	}
}
