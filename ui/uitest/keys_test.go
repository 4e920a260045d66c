package uitest

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Each key reads back as the keymap spells it.
func TestKeyRoundTrip(t *testing.T) {
	for _, s := range []string{"j", "G", "/", "?", "enter", "esc", "tab", "shift+tab", "ctrl+s", "ctrl+c", "pgdown", "home", "backspace", "space", "ю"} {
		if got := Key(s).String(); got != s {
			t.Errorf("Key(%q).String() = %q", s, got)
		}
	}
}

// Type sends one key press a rune, each answer handed to run.
func TestTypeAndPress(t *testing.T) {
	var got []string
	var ran int
	update := func(msg tea.Msg) tea.Cmd {
		got = append(got, msg.(tea.KeyPressMsg).String())
		return nil
	}
	run := func(tea.Cmd) { ran++ }
	Type(update, run, "aю ")
	Press(update, run, "enter", "ctrl+s")
	want := []string{"a", "ю", "space", "enter", "ctrl+s"}
	if strings.Join(got, ",") != strings.Join(want, ",") || ran != len(want) {
		t.Fatalf("sent %q and ran %d, want %q and %d", got, ran, want, len(want))
	}
}
