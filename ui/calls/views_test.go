package calls

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

// Each role starts on its view; Q W T R switch; the team view needs the right.
func TestViewsByRole(t *testing.T) {
	db := department(t)
	for _, c := range []struct {
		user string
		want View
	}{{"ivanova", ViewQueue}, {"petrov", ViewWeek}, {storetest.PlanHead, ViewTeam}, {"boss", ViewTeam}} {
		d := newDriver(t, uitest.EnvAs(t, db, c.user, testNow))
		if d.m.ActiveView() != c.want {
			t.Errorf("%s starts on view %d, want %d", c.user, d.m.ActiveView(), c.want)
		}
	}
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.press("W")
	if d.m.ActiveView() != ViewWeek {
		t.Fatal("W did not show the week")
	}
	d.press("T")
	if d.m.ActiveView() != ViewWeek || !d.status.Err {
		t.Fatalf("T for an operator: view %d status %+v", d.m.ActiveView(), d.status)
	}
	if strings.Contains(d.screen(), "Team") {
		t.Fatal("the sub-header offers an operator the team view")
	}
	d.press("Q")
	if d.m.ActiveView() != ViewQueue {
		t.Fatal("Q did not show the queue")
	}
	d.press("R")
	if d.m.ActiveView() != ViewRules {
		t.Fatal("R did not open the rules")
	}
	d.press("esc")
	if d.m.ActiveView() == ViewRules {
		// The editor may stay open until esc reaches it; its Closer decides.
		if c, ok := d.m.rules.(common.Closer); ok && c.Closed() {
			t.Fatal("a closed rules pane is still on screen")
		}
	} else if d.m.ActiveView() != ViewQueue {
		t.Fatalf("after the rules closed: view %d, want the queue", d.m.ActiveView())
	}
}

// A manager's week hands "take this call" to the root, which sends it back here.
func TestTakeCallMsgFromAnotherView(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	item := planFor(t, db, c.ID, "petrov", testNow.Add(10*60*1e9), "")
	d := newDriver(t, uitest.EnvAs(t, db, "petrov", testNow))
	d.send(common.TakeCallMsg{Item: item.ID})
	if id, open := d.m.OnCall(); !open || id != item.ID {
		t.Fatalf("TakeCallMsg: on call %v item %d; status %+v", open, id, d.status)
	}
	d.press("3")
	got, err := d.session().PlanItem(item.ID)
	if err != nil || got.Attempts != 1 {
		t.Fatalf("busy on the manager's call: %+v %v", got, err)
	}
	if d.m.ActiveView() != ViewWeek {
		t.Fatal("after the call the manager is not back on the week")
	}
}

// Every binding of the tab has keys and a help text; the call screen's keys
// other than 1–9 are not the shell's (1–9 are claimed through KeyClaimer).
func TestCallKeysAreDocumented(t *testing.T) {
	var groups [][]key.Binding
	groups = append(groups, keymap.NewCallViews().FullHelp()...)
	groups = append(groups, keymap.NewCallQueue().FullHelp()...)
	groups = append(groups, keymap.NewCallScreen().FullHelp()...)
	groups = append(groups, keymap.NewCallLookup().FullHelp()...)
	ik := keymap.NewCallInput()
	groups = append(groups, ik.FormHelp(), ik.NotesHelp())
	for _, g := range groups {
		for _, b := range g {
			h := b.Help()
			if len(b.Keys()) == 0 || h.Key == "" || h.Desc == "" || strings.HasPrefix(h.Desc, "calls.") {
				t.Errorf("binding %q without keys or help: %+v", h.Key, h)
			}
		}
	}
	shell := map[string]bool{}
	for _, b := range keymap.NewGlobal().FullHelp()[0] {
		for _, k := range b.Keys() {
			shell[k] = true
		}
	}
	cs := keymap.NewCallScreen()
	q := keymap.NewCallQueue()
	v := keymap.NewCallViews()
	for _, b := range []key.Binding{cs.Notes, cs.LetGo, cs.Card, cs.Plan, q.TakeNext, q.Take, q.Incoming, v.Queue, v.Week, v.Team, v.Rules} {
		for _, k := range b.Keys() {
			if shell[k] {
				t.Errorf("key %q (%s) is the shell's", k, b.Help().Desc)
			}
		}
	}
	for i, o := range model.Outcomes {
		if got := cs.Outcomes[i].Help().Desc; got != outcomeText(o) {
			t.Errorf("key %d says %q, want %q", i+1, got, outcomeText(o))
		}
	}
}

// Every message key the tab uses is in the catalogue.
func TestCallMessagesExist(t *testing.T) {
	for _, o := range model.Outcomes {
		for _, k := range []string{"calls.outcome." + string(o), "calls.result." + string(o)} {
			if !model.HasMessage(k) {
				t.Errorf("missing %s", k)
			}
		}
	}
	for _, p := range model.Purposes {
		if !model.HasMessage("calls.purpose." + string(p)) {
			t.Errorf("missing purpose %s", p)
		}
	}
	for _, r := range model.ContactRoles {
		if !model.HasMessage("calls.contact_role." + string(r)) {
			t.Errorf("missing contact role %s", r)
		}
	}
	for _, o := range []model.Outcome{model.OutcomeCallBack, model.OutcomeRefused, model.OutcomePromisedToPay} {
		if !model.HasMessage("calls.form.title." + string(o)) {
			t.Errorf("missing form title %s", o)
		}
	}
}
