package ui

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/calls"
	"clientbase/ui/common"
)

// A tab out of sight does not reload on every change another session
// makes; it hears the changes it missed when it is shown, and then shows
// the store as it is.
func TestHiddenTabCatchesUpWhenShown(t *testing.T) {
	s, _ := storetest.PlanDepartment(t, 30, 200, callsNow)
	me, err := s.DB().SignIn("ivanova")
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, app: New(Config{Store: s.DB().As(me), Me: me, DBPath: shownPath, Loc: time.UTC,
		IndexReady: func() bool { return true }, Now: func() time.Time { return callsNow }})}
	h.app.tabs[TabCalls].(*calls.Model).SetRefresh(0)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(h.app.Init())
	h.press("2")
	tab := h.app.tabs[TabCalls].(*calls.Model)
	shows := func(id model.ID) bool {
		rows, _ := tab.QueueRows()
		return slices.ContainsFunc(rows, func(r model.PlanRow) bool { return r.Item.ID == id })
	}
	rows, _ := tab.QueueRows()
	i := slices.IndexFunc(rows, func(r model.PlanRow) bool { return r.Item.Assignee == "" })
	if i < 0 {
		t.Fatal("no pool call on the first screen of the queue")
	}
	taken := rows[i].Item.ID

	h.press("1")
	other, err := s.DB().SignIn("sidorov")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().As(other).Take(taken); err != nil {
		t.Fatal(err)
	}
	h.send(common.DataChangedMsg{Kind: "plan", ID: taken}) // as the change feed tells it
	if !shows(taken) {
		t.Fatal("the hidden Calls tab reloaded its queue on a change")
	}
	h.press("2")
	if shows(taken) {
		t.Fatalf("shown again, the queue still offers call %d another operator took:\n%s", taken, h.screen())
	}
}
