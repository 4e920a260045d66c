package ui

import (
	"bytes"
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"clientbase/model"
)

// waitText waits until the program has drawn text. The renderer repaints only
// the changed cells, so the texts waited for are new on screen where they appear.
func waitText(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(text))
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// The whole program as a user meets it: create a client through the form,
// find it with /, quit.
func TestFlowCreateFindQuit(t *testing.T) {
	st, me := newTestStore(t, 30)
	app := New(Config{Store: st, Me: me, DBPath: shownPath, Loc: time.UTC, IndexReady: func() bool { return true }})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))

	waitText(t, tm, "30 clients")
	tm.Send(keyPress("n"))
	waitText(t, tm, "New client")
	tm.Type("ZQXJKWVZ Cargo")
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitText(t, tm, "Saved")
	tm.Send(keyPress("esc"))
	waitText(t, tm, "31 clients")

	tm.Send(keyPress("/"))
	tm.Type("zqxjkwvz")
	waitText(t, tm, "ZQXJKWVZ Cargo")
	tm.Send(keyPress("enter"))
	tm.Send(keyPress("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	final := tm.FinalModel(t).(*App)
	if got := final.Clients().Filter().Text; got != "zqxjkwvz" {
		t.Errorf("filter at the end %q", got)
	}
	if _, total := final.Clients().Cursor(); total != 1 {
		t.Errorf("%d clients match at the end, want 1", total)
	}
	c, ok := final.Clients().Current()
	if !ok || c.ShortName != "ZQXJKWVZ Cargo" {
		t.Errorf("highlighted at the end: %q (%v)", c.ShortName, ok)
	}
	page, err := st.List(context.Background(), model.ClientFilter{Text: "ZQXJKWVZ"}, 0, 5)
	if err != nil || page.Total != 1 || page.Rows[0].CreatedBy != me.Name {
		t.Fatalf("the store holds %+v (%v), want the one new client created by %s", page, err, me.Name)
	}
}
