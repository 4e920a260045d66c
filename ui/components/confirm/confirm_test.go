package confirm

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/styles"
)

func press(m Model, keys ...tea.KeyPressMsg) Model {
	for _, k := range keys {
		m = m.Update(k)
	}
	return m
}

func TestAnswers(t *testing.T) {
	y := tea.KeyPressMsg{Code: 'y', Text: "y"}
	n := tea.KeyPressMsg{Code: 'n', Text: "n"}
	esc := tea.KeyPressMsg{Code: tea.KeyEscape}
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	tab := tea.KeyPressMsg{Code: tea.KeyTab}
	tests := []struct {
		name     string
		keys     []tea.KeyPressMsg
		answered bool
		yes      bool
	}{
		{"y", []tea.KeyPressMsg{y}, true, true},
		{"n", []tea.KeyPressMsg{n}, true, false},
		{"esc", []tea.KeyPressMsg{esc}, true, false},
		{"enter on the safe default", []tea.KeyPressMsg{enter}, true, false},
		{"tab enter", []tea.KeyPressMsg{tab, enter}, true, true},
		{"tab only", []tea.KeyPressMsg{tab}, false, true},
		{"an answer is final", []tea.KeyPressMsg{n, y}, true, false},
	}
	for _, tc := range tests {
		m := press(New("Discard the changes?"), tc.keys...)
		if m.Answered != tc.answered || m.Yes != tc.yes {
			t.Errorf("%s: answered %v yes %v, want %v %v", tc.name, m.Answered, m.Yes, tc.answered, tc.yes)
		}
	}
}

func TestViewShowsQuestionAndAnswers(t *testing.T) {
	m := New("Discard the changes?")
	out := ansi.Strip(m.View(styles.New(true), 80, 10))
	if !strings.Contains(out, "Discard the changes?") || !strings.Contains(out, "[no]") || !strings.Contains(out, "yes") {
		t.Fatalf("dialog:\n%s", out)
	}
	if len(strings.Split(out, "\n")) != 10 {
		t.Fatal("dialog does not fill its room")
	}
	if len(m.ShortHelp()) == 0 || len(m.FullHelp()) == 0 {
		t.Fatal("no help for the dialog")
	}
}
