package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/calls"
	"clientbase/ui/common"
	"clientbase/ui/complaints"
)

// other signs name in on db: another operator's session on the same file.
func other(t testing.TB, db *store.DB, name string) *store.Session {
	t.Helper()
	u, err := db.SignIn(name)
	if err != nil {
		t.Fatal(err)
	}
	return db.As(u)
}

// rename saves client id under a new short name through s.
func rename(t testing.TB, s *store.Session, id model.ID, name string) {
	t.Helper()
	c, err := s.Client(id)
	if err != nil {
		t.Fatal(err)
	}
	c.ShortName = name
	if _, err := s.SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
}

// feed hands the harness one batch of the change feed, as waitChanges would.
func (h *harness) feed(batch ...model.Change) {
	h.t.Helper()
	h.send(changesMsg{batch: batch, ok: true})
}

func TestLiveMessagesDeduplicateAndTranslate(t *testing.T) {
	got := liveMessages([]model.Change{
		{Kind: "client", ID: 3}, {Kind: "plan", ID: 7}, {Kind: "client", ID: 3}, {Kind: "plan", ID: 8},
		{Kind: "price_version", ID: 2}, {Kind: "settings"},
	})
	want := []common.DataChangedMsg{{Kind: "client", ID: 3}, {Kind: "plan", ID: 7}, {Kind: "plan", ID: 8},
		{Kind: "price", ID: 2}, {Kind: "settings"}, {Kind: "price_settings"}, {Kind: "complaint_settings"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	got = liveMessages([]model.Change{{Kind: "client", ID: 1}, {Kind: "*"}})
	if len(got) != 1 || got[0].Kind != "*" {
		t.Fatalf("a missed batch: %v, want one \"*\"", got)
	}
	if got := liveMessages(nil); len(got) != 0 {
		t.Fatalf("an empty batch: %v", got)
	}
}

// The whole program on a real change feed: another session renames a client
// and the open list shows the new name without a key pressed.
func TestLiveClientRenamedElsewhereUpdatesTheList(t *testing.T) {
	st, me := newTestStore(t, 5)
	db := st.(*store.Session).DB()
	ch := make(chan []model.Change, 4)
	app := New(Config{Store: st, Me: me, DBPath: shownPath, Loc: time.UTC, IndexReady: func() bool { return true }, Changes: ch})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(100, 24))
	waitText(t, tm, "5 clients")

	rename(t, other(t, db, "petrov"), 2, "Renamed Elsewhere")
	ch <- []model.Change{{Kind: "client", ID: 2, By: "petrov"}}
	waitText(t, tm, "Renamed Elsewhere")

	// "*" (the feed lost batches) reloads too.
	rename(t, other(t, db, "petrov"), 4, "Missed Batch Name")
	ch <- []model.Change{{Kind: "*"}}
	waitText(t, tm, "Missed Batch Name")

	close(ch) // the feed ends: the program goes on
	tm.Send(keyPress("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}

func TestLiveClientListRowAndCounts(t *testing.T) {
	h := newHarness(t, 5, func(c *Config) {})
	db := h.app.cfg.Store.(*store.Session).DB()
	rename(t, other(t, db, "petrov"), 2, "Row Changed Elsewhere")
	if strings.Contains(h.screen(), "Row Changed Elsewhere") {
		t.Fatal("the list changed before the feed said so")
	}
	h.feed(model.Change{Kind: "client", ID: 2, By: "petrov"}, model.Change{Kind: "client", ID: 2, By: "petrov"})
	if !strings.Contains(h.screen(), "Row Changed Elsewhere") {
		t.Fatalf("the row did not follow the change:\n%s", h.screen())
	}
	// A new client by another session: the count follows.
	if _, err := other(t, db, "boss").SaveClient(storetest.Client(77), "test data"); err != nil {
		t.Fatal(err)
	}
	h.feed(model.Change{Kind: "client", ID: 6, By: "boss"})
	if !strings.Contains(h.screen(), "6 clients") {
		t.Fatalf("the count did not follow a new client:\n%s", h.screen())
	}
}

// A complaint registered by another operator appears in the queue (and on
// the Complaints tab while another tab is on screen).
func TestLiveComplaintRegisteredElsewhereAppears(t *testing.T) {
	db, _ := storetest.ComplaintDepartment(t, complaintsNow)
	h := &harness{t: t, app: New(complaintsConfig(t, db, "ivanova"))}
	h.app.tabs[TabCalls].(*calls.Model).SetRefresh(0)
	h.app.tabs[TabComplaints].(*complaints.Tab).SetRefresh(0)
	h.send(tea.WindowSizeMsg{Width: 140, Height: 40})
	h.run(h.app.Init())

	c, err := other(t, db, "kazlauskaite").RegisterComplaint(model.Complaint{Direction: model.DirectionIncoming,
		Type: model.TypeQuality, Client: 3, Channel: model.ChannelPhone, Received: complaintsNow.Add(-time.Minute),
		Description: "Банки разбиты при доставке", Priority: model.PriorityNormal, Serious: true})
	if err != nil {
		t.Fatal(err)
	}
	h.feed(model.Change{Kind: "complaint", ID: c.ID, By: "kazlauskaite"}) // the Clients tab is on screen
	h.press("4")
	if !strings.Contains(h.screen(), fmt.Sprintf("#%d ", c.ID)) {
		t.Fatalf("the queue lacks the complaint registered elsewhere:\n%s", h.screen())
	}
}

// cardForm opens client id's card on a wide screen and its form.
func cardForm(t *testing.T) (*harness, *store.DB) {
	h := newHarness(t, 5, nil)
	h.send(tea.WindowSizeMsg{Width: 200, Height: 40})
	h.send(common.OpenClientMsg{Client: 2})
	h.press("e")
	if !strings.Contains(h.screen(), "N002") {
		t.Fatalf("the form of client 2 is not on screen:\n%s", h.screen())
	}
	return h, h.app.cfg.Store.(*store.Session).DB()
}

const noticeText = "This record was changed by someone else"

// A form with edits is never overwritten: the notice shows, the text stays;
// ctrl+r takes the fresh record.
func TestLiveClientFormWithEditsKeepsTheText(t *testing.T) {
	h, db := cardForm(t)
	h.typeText(" Mine")
	rename(t, other(t, db, "petrov"), 2, "Theirs Elsewhere")
	h.feed(model.Change{Kind: "client", ID: 2, By: "petrov"})
	view := h.screen()
	if !strings.Contains(view, noticeText) || !strings.Contains(view, "N002 Mine") {
		t.Fatalf("want the notice and the typed text:\n%s", view)
	}
	if strings.Contains(view, "Theirs Elsewhere") {
		t.Fatalf("the form took the other session's record over the edits:\n%s", view)
	}
	h.send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	view = h.screen()
	if strings.Contains(view, noticeText) || strings.Contains(view, "N002 Mine") || !strings.Contains(view, "Theirs Elsewhere") {
		t.Fatalf("ctrl+r did not reload the fresh record:\n%s", view)
	}
}

// Saving over the notice meets the conflict dialog (the foundation's).
func TestLiveClientFormSaveOverTheNoticeConflicts(t *testing.T) {
	h, db := cardForm(t)
	h.typeText(" Mine")
	rename(t, other(t, db, "petrov"), 2, "Theirs Elsewhere")
	h.feed(model.Change{Kind: "client", ID: 2, By: "petrov"})
	h.send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if !strings.Contains(h.screen(), model.T("card.dlg.conflict_title")) {
		t.Fatalf("no conflict dialog:\n%s", h.screen())
	}
}

// Without edits the form follows the fresh record silently; this session's
// own change coming back through the feed changes nothing.
func TestLiveClientFormWithoutEditsReloads(t *testing.T) {
	h, db := cardForm(t)
	rename(t, other(t, db, "petrov"), 2, "Theirs Elsewhere")
	h.feed(model.Change{Kind: "client", ID: 2, By: "petrov"})
	view := h.screen()
	if strings.Contains(view, noticeText) || !strings.Contains(view, "Theirs Elsewhere") {
		t.Fatalf("the untouched form did not follow the record:\n%s", view)
	}
	h.typeText(" Mine")
	h.send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	h.feed(model.Change{Kind: "client", ID: 2, By: "boss"}) // our own save's echo
	view = h.screen()
	if strings.Contains(view, noticeText) || !strings.Contains(view, "Theirs Elsewhere Mine") {
		t.Fatalf("after our own save:\n%s", view)
	}
}

// A call taken by another operator leaves this operator's queue as free
// work: gone, or marked as held by the other, without a key pressed.
func TestLiveCallTakenElsewhereLeavesTheQueue(t *testing.T) {
	cfg, _ := callsConfig(t, "ivanova")
	db := cfg.Store.(*store.Session).DB()
	h := &harness{t: t, app: New(cfg)}
	cm := h.app.tabs[TabCalls].(*calls.Model)
	cm.SetRefresh(0)
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.app.Init())
	h.press("2")
	rows, _ := cm.QueueRows()
	var item model.ID
	for _, r := range rows {
		if r.Item.HeldBy == "" && r.Item.Assignee == "" {
			item = r.Item.ID
			break
		}
	}
	if item == 0 {
		t.Fatalf("no free pool call in ivanova's queue: %d rows", len(rows))
	}
	if _, err := other(t, db, "sidorov").Take(item); err != nil {
		t.Fatal(err)
	}
	rows, _ = cm.QueueRows()
	stillFree := false
	for _, r := range rows {
		stillFree = stillFree || (r.Item.ID == item && r.Item.HeldBy == "")
	}
	if !stillFree {
		t.Fatal("the queue changed before the feed said so: the test proves nothing")
	}
	h.feed(model.Change{Kind: "plan", ID: item, By: "sidorov"})
	rows, _ = cm.QueueRows()
	for _, r := range rows {
		if r.Item.ID == item {
			t.Fatalf("call %d taken by sidorov is still in ivanova's queue (held by %q)", item, r.Item.HeldBy)
		}
	}
}

// An open complaint moved on by another session shows its new state.
func TestLiveOpenComplaintFollowsAnotherSession(t *testing.T) {
	db, cs := storetest.ComplaintDepartment(t, complaintsNow)
	h := &harness{t: t, app: New(complaintsConfig(t, db, "ivanova"))}
	h.app.tabs[TabCalls].(*calls.Model).SetRefresh(0)
	h.app.tabs[TabComplaints].(*complaints.Tab).SetRefresh(0)
	h.send(tea.WindowSizeMsg{Width: 140, Height: 40})
	h.run(h.app.Init())
	h.send(common.OpenComplaintMsg{Complaint: cs.Assigned})
	if !strings.Contains(h.screen(), "Assigned") {
		t.Fatalf("the complaint is not on screen:\n%s", h.screen())
	}
	head := other(t, db, storetest.PlanHead)
	c, err := head.Complaint(cs.Assigned)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := head.MoveComplaint(c.ID, c.Version, model.ComplaintInvestigating, ""); err != nil {
		t.Fatal(err)
	}
	h.feed(model.Change{Kind: "complaint", ID: c.ID, By: storetest.PlanHead})
	if view := h.screen(); !strings.Contains(view, "Investigating") {
		t.Fatalf("the open complaint did not follow the change:\n%s", view)
	}
}

// An open client card shows the record another session saved.
func TestLiveOpenCardFollowsAnotherSession(t *testing.T) {
	h := newHarness(t, 5, nil)
	h.send(tea.WindowSizeMsg{Width: 200, Height: 40})
	h.send(common.OpenClientMsg{Client: 2})
	rename(t, other(t, h.app.cfg.Store.(*store.Session).DB(), "petrov"), 2, "Card Changed Elsewhere")
	if strings.Contains(h.screen(), "Card Changed Elsewhere") {
		t.Fatal("the card changed before the feed said so")
	}
	h.feed(model.Change{Kind: "client", ID: 2, By: "petrov"})
	if !strings.Contains(h.screen(), "Card Changed Elsewhere") {
		t.Fatalf("the card did not follow the change:\n%s", h.screen())
	}
}

// Two programs on one database, each on its own subscription to the
// store's change feed (as the team server runs them): a complaint
// registered by a third session appears in both queues without a key
// pressed there.
func TestLiveTwoProgramsOnTheStoreFeed(t *testing.T) {
	db, _ := storetest.ComplaintDepartment(t, complaintsNow)
	program := func(user string) *teatest.TestModel {
		cfg := complaintsConfig(t, db, user)
		ch, stop := db.Subscribe(16)
		t.Cleanup(stop)
		cfg.Changes = ch
		return teatest.NewTestModel(t, New(cfg), teatest.WithInitialTermSize(140, 40))
	}
	a, b := program("ivanova"), program("sidorov")
	for _, tm := range []*teatest.TestModel{a, b} {
		tm.Send(keyPress("4"))
		waitText(t, tm, "Awaiting feedback")
	}
	// Client 11 has no complaint: its name in a queue is the new one's row.
	if _, err := other(t, db, "kazlauskaite").RegisterComplaint(model.Complaint{Direction: model.DirectionIncoming,
		Type: model.TypeQuality, Client: 11, Channel: model.ChannelPhone, Received: complaintsNow.Add(-time.Minute),
		Description: "Банки разбиты при доставке", Priority: model.PriorityNormal, Serious: true}); err != nil {
		t.Fatal(err)
	}
	for _, tm := range []*teatest.TestModel{a, b} {
		waitText(t, tm, "N011")
	}
	for _, tm := range []*teatest.TestModel{a, b} {
		tm.Send(keyPress("q"))
		tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	}
}

// A client added above the cursor by another session leaves the cursor on
// the client it was on.
func TestLiveClientListCursorStaysOnItsClient(t *testing.T) {
	h := newHarness(t, 5, nil)
	h.press("down", "down")
	before, ok := h.app.Clients().Current()
	if !ok {
		t.Fatal("no client under the cursor")
	}
	c := storetest.Client(90)
	c.ShortName = "AAA First Of All"
	saved, err := other(t, h.app.cfg.Store.(*store.Session).DB(), "boss").SaveClient(c, "test data")
	if err != nil {
		t.Fatal(err)
	}
	h.feed(model.Change{Kind: "client", ID: saved.ID, By: "boss"})
	after, ok := h.app.Clients().Current()
	if cur, total := h.app.Clients().Cursor(); !ok || after.ID != before.ID || total != 6 {
		t.Fatalf("cursor %d of %d on %q, want %q", cur, total, after.ShortName, before.ShortName)
	}
}
