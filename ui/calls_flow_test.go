package ui

import (
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/calls"
)

// callsNow is Monday 23.11.2026 09:30 UTC, 12:30 in Moscow (the clients'
// default zone): inside working hours, so the queue has calls to take.
var callsNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// callsConfig is the plan department (a real bbolt file whose clock stands
// at callsNow) opened as user, with the interface's clock fixed too.
func callsConfig(t testing.TB, user string) (Config, model.User) {
	t.Helper()
	s, _ := storetest.PlanDepartment(t, 30, 200, callsNow)
	u, err := s.DB().SignIn(user)
	if err != nil {
		t.Fatal(err)
	}
	return Config{Store: s.DB().As(u), Me: u, DBPath: shownPath, Loc: time.UTC,
		IndexReady: func() bool { return true }, Now: func() time.Time { return callsNow }}, u
}

// callsHarness drives the whole program step by step on the plan
// department; the queue's minute tick is off (the harness would wait for it).
func callsHarness(t testing.TB, user string) *harness {
	t.Helper()
	cfg, _ := callsConfig(t, user)
	h := &harness{t: t, app: New(cfg)}
	h.app.tabs[TabCalls].(*calls.Model).SetRefresh(0)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(h.app.Init())
	return h
}

// The operator's working loop end to end: take the next call, log "no
// answer", see the retry planned two hours on inside the client's calling
// window, in the queue and in the store.
func TestFlowTakeNextLogNoAnswer(t *testing.T) {
	cfg, me := callsConfig(t, "ivanova")
	app := &requeued{App: New(cfg)}
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))

	tm.Send(keyPress("2"))
	waitText(t, tm, "My queue")
	tm.Send(keyPress("space"))
	waitText(t, tm, "1 reached")
	tm.Send(keyPress("2"))
	waitText(t, tm, "again")
	// The status comes first; the queue is read again right after. Quit
	// once the program has taken that answer in, as a user would look.
	deadline := time.Now().Add(10 * time.Second)
	for !app.done.Load() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	tm.Send(keyPress("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	final := tm.FinalModel(t).(*requeued).App
	tab := final.tabs[TabCalls].(*calls.Model)
	res, ok := tab.LastOutcome()
	if !ok || res.Interaction.Outcome != model.OutcomeNoAnswer || res.Interaction.User != me.Name {
		t.Fatalf("last outcome %+v (%v), want no answer by %s", res.Interaction, ok, me.Name)
	}
	st := cfg.Store
	cs, err := st.CallSettings()
	if err != nil {
		t.Fatal(err)
	}
	client, err := st.Client(res.Item.Client)
	if err != nil {
		t.Fatal(err)
	}
	want, ok := model.NextCallSlot(cs, model.ClientLocation(cs, client), client.CallWindow, callsNow.Add(2*time.Hour))
	if !ok {
		t.Fatal("no call slot after two hours")
	}
	item, err := st.PlanItem(res.Item.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !item.Due.Equal(want) || item.Attempts != 1 || !item.Open() || item.HeldBy != "" {
		t.Fatalf("in the store the call is %+v, want open, due %v, one attempt, held by nobody", item, want)
	}
	rows, _ := tab.QueueRows()
	found := false
	for _, r := range rows {
		if r.Item.ID == item.ID {
			found = r.Item.Due.Equal(want) && r.Item.Attempts == 1
		}
	}
	if !found {
		t.Fatalf("the queue on screen does not show call %d due %v with one attempt", item.ID, want)
	}
	if text, isErr := final.Status(); isErr || text == "" || text != res.Interaction.NextStep {
		t.Fatalf("status %q (err %v), want the next step %q", text, isErr, res.Interaction.NextStep)
	}
	// The row on screen shows the new time (the operator's zone is UTC here).
	shown := false
	for _, l := range strings.Split(ansi.Strip(final.View().Content), "\n") {
		if strings.Contains(l, client.ShortName) && strings.Contains(l, want.In(time.UTC).Format("15:04")) {
			shown = true
		}
	}
	if !shown {
		t.Fatalf("no queue row shows %s at %s:\n%s", client.ShortName, want.In(time.UTC).Format("15:04"), ansi.Strip(final.View().Content))
	}
}

// requeued is the program with a probe: after every message it notes whether
// the call just logged is back in the queue with its attempt counted.
type requeued struct {
	*App
	done atomic.Bool
}

func (r *requeued) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := r.App.Update(msg)
	tab := r.App.tabs[TabCalls].(*calls.Model)
	if res, ok := tab.LastOutcome(); ok {
		rows, _ := tab.QueueRows()
		for _, row := range rows {
			if row.Item.ID == res.Item.ID && row.Item.Attempts == 1 {
				r.done.Store(true)
			}
		}
	}
	return r, cmd
}

// On the call screen the digits are outcomes, not tabs: the root asks the
// tab (KeyClaimer) before its own keys. In the notes line they are text.
func TestCallScreenClaimsTheDigits(t *testing.T) {
	h := callsHarness(t, "ivanova")
	h.press("2", "space")
	tab := h.app.tabs[TabCalls].(*calls.Model)
	if _, open := tab.OnCall(); !open {
		t.Fatalf("space did not take a call:\n%s", h.screen())
	}
	// The ? overlay does not offer 1–4 as tabs while they are outcomes.
	for _, g := range h.app.fullHelp() {
		for _, b := range g {
			if b.Enabled() && slices.Contains(b.Keys(), "1") && (b.Help().Desc == model.T("key.tabs") || b.Help().Desc == model.T("key.clients")) {
				t.Fatal("the help offers 1 as the clients tab on the call screen")
			}
		}
	}
	h.press("n")
	h.typeText("1 q 3")
	h.press("enter")
	if h.quit || h.app.ActiveTab() != TabCalls {
		t.Fatalf("typing notes reached the shell: quit %v tab %d", h.quit, h.app.ActiveTab())
	}
	h.press("1")
	if h.app.ActiveTab() != TabCalls {
		t.Fatalf("1 on the call screen switched to tab %d", h.app.ActiveTab())
	}
	res, ok := tab.LastOutcome()
	if !ok || res.Interaction.Outcome != model.OutcomeReached || res.Interaction.Notes != "1 q 3" {
		t.Fatalf("1 logged %+v (%v), want reached with the notes", res.Interaction, ok)
	}
	// Back on the queue the digits are the shell's again.
	h.press("1")
	if h.app.ActiveTab() != TabClients {
		t.Fatalf("1 on the queue: tab %d, want the clients", h.app.ActiveTab())
	}
}
