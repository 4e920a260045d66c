package uitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"clientbase/ui/common"
)

// echo answers "s" with a status sentence for its owner and a message of
// its own, which must come back to it.
type echo struct{ typed, back string }

type backMsg struct{}

func (e *echo) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "s" {
			return tea.Batch(
				func() tea.Msg { return common.StatusMsg{Text: "saved " + e.typed} },
				func() tea.Msg { return backMsg{} })
		}
		e.typed += msg.Text
	case backMsg:
		e.back += "!"
	}
	return nil
}

func (e *echo) View() string { return "\x1b[1m" + e.typed + "\x1b[0m" }

// The owner keeps what the pane tells it and hands the pane its own answers.
func TestOwner(t *testing.T) {
	e := &echo{}
	o := &Owner{T: t, Pane: e}
	o.Type("ab")
	o.Press("s", "c", "s")
	if e.typed != "abc" || e.back != "!!" {
		t.Fatalf("the pane typed %q and got back %q", e.typed, e.back)
	}
	if len(o.Out) != 2 || o.Status() != "saved abc" {
		t.Fatalf("the owner holds %v, last status %q", o.Out, o.Status())
	}
	if o.View() != "abc" {
		t.Fatalf("view %q, want it without styles", o.View())
	}
}
