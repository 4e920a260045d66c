package uitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"clientbase/ui/common"
)

// The root keeps status sentences and what Keep names, and hands the screen
// its own answers and the data changes (which it also returns).
func TestRoot(t *testing.T) {
	var changes int
	screen := func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case tea.KeyPressMsg:
			if msg.String() == "s" {
				return tea.Batch(
					func() tea.Msg { return common.StatusMsg{Text: "saved"} },
					func() tea.Msg { return common.DataChangedMsg{Kind: "order", ID: 7} },
					func() tea.Msg { return common.OpenOrderMsg{Order: 7} })
			}
		case common.DataChangedMsg:
			changes++
		case common.OpenOrderMsg:
			t.Fatal("a message Keep names reached the screen")
		}
		return nil
	}
	r := Root{T: t, Update: screen, Keep: func(msg tea.Msg) bool { _, ok := msg.(common.OpenOrderMsg); return ok }}
	out := r.Press("x", "s")
	if len(out) != 3 || changes != 1 {
		t.Fatalf("the root got %v; the screen saw %d data changes, want 1", out, changes)
	}
	if s, _ := First[common.StatusMsg](out); s.Text != "saved" {
		t.Fatalf("status %q", s.Text)
	}
	if out := r.Type("ab"); len(out) != 0 {
		t.Fatalf("typing gave the root %v", out)
	}
}
