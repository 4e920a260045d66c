package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/calls"
	"clientbase/ui/complaints"
)

// complaintsNow is Monday 23.11.2026 11:00 UTC: a working morning, the
// clock of storetest's complaint department.
var complaintsNow = time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)

// complaintsConfig opens db as user with the interface's clock fixed too.
func complaintsConfig(t testing.TB, db *store.DB, user string) Config {
	t.Helper()
	u, err := db.SignIn(user)
	if err != nil {
		t.Fatal(err)
	}
	return Config{Store: db.As(u), Me: u, DBPath: shownPath, Loc: time.UTC,
		IndexReady: func() bool { return true }, Now: func() time.Time { return complaintsNow }}
}

// complaintsHarness drives the whole program step by step on the complaint
// department (a dozen complaints in every state) as user.
func complaintsHarness(t testing.TB, user string) *harness {
	t.Helper()
	db, _ := storetest.ComplaintDepartment(t, complaintsNow)
	h := &harness{t: t, app: New(complaintsConfig(t, db, user))}
	h.app.tabs[TabCalls].(*calls.Model).SetRefresh(0) // the harness would wait for their ticks
	h.app.tabs[TabComplaints].(*complaints.Tab).SetRefresh(0)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(h.app.Init())
	return h
}

// The flow end to end through the keys: an operator registers a
// complaint on the intake form, pulls it with space as the next one,
// investigates, answers, closes it with a fault party; the closing plans a
// retention call for the client's manager, which the store's call plan holds.
func TestFlowComplaintRegisterToFollowUp(t *testing.T) {
	// A department without complaints: the one registered here is the next.
	boss, _ := storetest.PlanDepartment(t, 12, 40, complaintsNow)
	db := boss.DB()
	cfg := complaintsConfig(t, db, "kazlauskaite")
	client, err := cfg.Store.Client(3)
	if err != nil {
		t.Fatal(err)
	}
	if client.Manager == "" {
		t.Fatal("client 3 has no manager to plan the follow-up for")
	}
	tm := teatest.NewTestModel(t, New(cfg), teatest.WithInitialTermSize(100, 30))

	tm.Send(keyPress("4"))
	waitText(t, tm, "No complaints match")
	tm.Send(keyPress("n"))
	waitText(t, tm, "New complaint")
	tm.Type(client.TaxID)
	waitText(t, tm, "N003")
	tm.Send(keyPress("enter"))
	waitText(t, tm, "Contact")
	for range 4 { // contact, order, channel, received at
		tm.Send(keyPress("tab"))
	}
	tm.Type("Mould on two boxes of biscuits")
	tm.Send(keyPress("tab"))
	tm.Type("1500")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitText(t, tm, "registered")
	// (no wait for the footer's "1 open": the renderer redraws only the
	// digit that changed, so the phrase need not appear in the output; the
	// keys are handled in order and space asks the store, not the screen)
	tm.Send(keyPress("esc"))
	tm.Send(keyPress("space"))
	waitText(t, tm, "is yours now")
	tm.Send(keyPress("i"))
	waitText(t, tm, "Investigating")
	tm.Send(keyPress("A"))
	waitText(t, tm, "The answer given")
	tm.Type("We refund the two boxes")
	tm.Send(keyPress("enter"))
	waitText(t, tm, "#1 answered")
	tm.Send(keyPress("C"))
	waitText(t, tm, "Whose fault")
	for range 3 { // decision, satisfied, remedy
		tm.Send(keyPress("tab"))
	}
	tm.Send(keyPress("right")) // the first reason
	waitText(t, tm, model.ReasonLabel(model.ReasonCodes[0]))
	tm.Send(keyPress("tab"))
	tm.Send(keyPress("right")) // our department's fault
	waitText(t, tm, model.FaultLabel(model.FaultParties[0]))
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitText(t, tm, "Follow-up call planned")
	tm.Send(keyPress("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	final := tm.FinalModel(t).(*App)
	tab := final.tabs[TabComplaints].(*complaints.Tab)
	c, ok := tab.Complaint()
	if !ok || c.Status != model.ComplaintClosed || c.Closing == nil || c.Closing.Fault == "" || c.Closing.Reason == "" {
		t.Fatalf("on screen: %+v (%v)", c, ok)
	}
	if c.Owner != "kazlauskaite" || c.Answer != "We refund the two boxes" || c.Client != 3 {
		t.Fatalf("the complaint: owner %q answer %q client %d", c.Owner, c.Answer, c.Client)
	}
	// The call plan holds the retention call for the client's manager.
	// asked as the manager: an operator may not read other people's plans
	rows, err := complaintsConfig(t, db, client.Manager).Store.PlanItems(client.Manager, complaintsNow, complaintsNow.AddDate(0, 1, 0))
	if err != nil {
		t.Fatal(err)
	}
	var found *model.PlanRow
	for i, r := range rows {
		if r.Item.Origin == model.OriginComplaintClosure && r.Item.Client == 3 && r.Item.ID == c.FollowUp {
			found = &rows[i]
		}
	}
	if found == nil {
		t.Fatalf("no follow-up call (#%d) in %s's plan: %+v", c.FollowUp, client.Manager, rows)
	}
	text, isErr := final.Status()
	want := model.T("complaints.done.closed_follow_up", model.FormatDate(found.Item.Due, time.UTC), client.Manager)
	if isErr || text != want {
		t.Fatalf("status %q (err %v), want %q", text, isErr, want)
	}
	if !strings.Contains(final.View().Content, "Closed") {
		t.Fatal("the screen does not show the complaint closed")
	}
	// The manager signs in on the same file: his Calls tab (his week) shows the call.
	h := &harness{t: t, app: New(complaintsConfig(t, db, client.Manager))}
	h.app.tabs[TabCalls].(*calls.Model).SetRefresh(0)
	h.app.tabs[TabComplaints].(*complaints.Tab).SetRefresh(0)
	h.send(tea.WindowSizeMsg{Width: 120, Height: 35})
	h.run(h.app.Init())
	h.press("2")
	week := h.screen()
	shown := false
	for _, l := range strings.Split(week, "\n") {
		shown = shown || (strings.Contains(l, client.ShortName) && strings.Contains(l, model.T("plan.purpose.complaint_follow_up")))
	}
	if !shown || !strings.Contains(week, found.Item.Due.In(time.UTC).Format("02.01")) {
		t.Fatalf("%s's week does not show the follow-up with %s on %s:\n%s", client.Manager, client.ShortName,
			model.FormatDate(found.Item.Due, time.UTC), week)
	}
}
