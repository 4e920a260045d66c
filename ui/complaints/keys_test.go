package complaints

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"

	"clientbase/keymap"
	"clientbase/ui/uitest"
)

// Every key of the tab has keys and help words, and no screen binds a key
// twice or takes one the shell owns (it would never arrive).
func TestKeysDocumentedAndDistinct(t *testing.T) {
	g := keymap.NewGlobal()
	shell := map[string]bool{}
	for _, b := range []key.Binding{g.Tab1, g.Tab2, g.Tab3, g.Tab4, g.NextTab, g.PrevTab, g.Help, g.Quit, g.ForceQuit, g.Backup} {
		for _, k := range b.Keys() {
			shell[k] = true
		}
	}
	v, q, c := keymap.NewComplaintViews(), keymap.NewComplaintQueue(), keymap.NewComplaint()
	views := []key.Binding{v.Queue, v.Report, v.Settings}
	screens := map[string][]key.Binding{
		"queue":     append(append(views, q.Up, q.Down, q.PageUp, q.PageDown, q.Top, q.Bottom), flat(q.FullHelp()[1:])...),
		"complaint": append(append(views, c.Up, c.Down, c.Top, c.Bottom, c.Client, c.Order, c.Back), c.Actions()...),
	}
	for name, bs := range screens {
		seen := map[string]string{}
		for _, b := range bs {
			if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s: a binding without keys or help: %+v", name, b.Help())
			}
			for _, k := range b.Keys() {
				if shell[k] {
					t.Errorf("%s: key %q (%s) is the shell's", name, k, b.Help().Desc)
				}
				if d, ok := seen[k]; ok {
					t.Errorf("%s: key %q bound twice: %s and %s", name, k, d, b.Help().Desc)
				}
				seen[k] = b.Help().Desc
			}
		}
	}
	a := keymap.NewAsk()
	for _, b := range a.ShortHelp() {
		if b.Help().Desc == "" {
			t.Errorf("ask: %q without help", b.Help().Key)
		}
	}
}

func flat(groups [][]key.Binding) []key.Binding {
	var out []key.Binding
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// While a question is open the tab reports InputFocused, so the shell's
// keys (q, 1–4, ?) reach the question as text.
func TestQuestionHasTheKeys(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Assigned))
	if d.tab.InputFocused() {
		t.Fatal("the complaint screen claims the keys without a question")
	}
	d.press("A")
	if !d.tab.InputFocused() {
		t.Fatal("the answer question does not have the keys")
	}
	d.typeText("q1?")
	if got := d.tab.screen.ask.answer(); got != "q1?" {
		t.Fatalf("typed %q, want q1?", got)
	}
	d.press("esc")
	if d.tab.InputFocused() || d.tab.Open() == 0 {
		t.Fatal("esc should leave the question and stay on the complaint")
	}
}

// A question's footer offers ↑/↓ only while there is a list to move in:
// not for a line of text (the answer), yes for the people to escalate to.
func TestQuestionFooterFitsTheQuestion(t *testing.T) {
	db, cs := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.openComplaint(uint64(cs.Assigned))
	has := func(k string) bool {
		for _, b := range d.tab.ShortHelp() {
			if b.Enabled() && slices.Contains(b.Keys(), k) {
				return true
			}
		}
		return false
	}
	d.press("A")
	if has("up") || has("down") || !has("enter") || !has("esc") {
		t.Fatalf("the answer's footer: %v", d.tab.ShortHelp())
	}
	d.press("esc", "E")
	if !has("up") || !has("down") {
		t.Fatalf("the escalation's list has no ↑/↓ in the footer: %v", d.tab.ShortHelp())
	}
}
