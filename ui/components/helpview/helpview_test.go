package helpview

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/keymap"
	"clientbase/ui/styles"
)

func TestFooterIsOneLineOfTheWidth(t *testing.T) {
	s := styles.New(false)
	k := keymap.NewClientList()
	for _, w := range []int{20, 80, 140} {
		line := Footer(s, append(k.ShortHelp(), keymap.NewGlobal().ShortHelp()...), w)
		if strings.Contains(line, "\n") || lipgloss.Width(line) != w {
			t.Errorf("width %d: footer %q is %d wide", w, ansi.Strip(line), lipgloss.Width(line))
		}
	}
	// At 80 columns every list key and the shell's help and quit are shown.
	line := ansi.Strip(Footer(s, append(k.ShortHelp(), keymap.NewGlobal().ShortHelp()...), 80))
	for _, want := range []string{"/ filter", "enter open", "n new", "e edit", "c/s/m/M/a", "? help", "q quit"} {
		if !strings.Contains(line, want) {
			t.Errorf("footer at 80 lacks %q: %q", want, line)
		}
	}
}

func TestColumnsWrapToTheWidth(t *testing.T) {
	s := styles.New(true)
	groups := append(keymap.NewClientList().FullHelp(), keymap.NewGlobal().FullHelp()...)
	out := ansi.Strip(Columns(s, groups, 60))
	for _, l := range strings.Split(out, "\n") {
		if lipgloss.Width(l) > 60 {
			t.Fatalf("line %q is wider than 60", l)
		}
	}
	for _, g := range groups {
		for _, b := range g {
			if !strings.Contains(out, b.Help().Desc) {
				t.Errorf("help lacks %q", b.Help().Desc)
			}
		}
	}
	disabled := key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "secret"), key.WithDisabled())
	if strings.Contains(ansi.Strip(Columns(s, [][]key.Binding{{disabled}}, 60)), "secret") {
		t.Error("a disabled key is shown")
	}
}

func TestOverlayIsCentredInItsRoom(t *testing.T) {
	s := styles.New(true)
	out := ansi.Strip(Overlay(s, "Keys", keymap.NewGlobal().FullHelp(), "? or esc closes this help", 80, 21))
	lines := strings.Split(out, "\n")
	if len(lines) != 21 {
		t.Fatalf("%d lines, want 21", len(lines))
	}
	for _, l := range lines {
		if lipgloss.Width(l) != 80 {
			t.Fatalf("line %q is %d wide", l, lipgloss.Width(l))
		}
	}
	if !strings.Contains(out, "backup now") || !strings.Contains(out, "? or esc closes this help") {
		t.Fatalf("overlay:\n%s", out)
	}
	// A room too small cuts the box instead of overflowing.
	small := strings.Split(ansi.Strip(Overlay(s, "Keys", keymap.NewGlobal().FullHelp(), "close", 30, 5)), "\n")
	if len(small) != 5 {
		t.Fatalf("small overlay is %d lines, want 5", len(small))
	}
}
