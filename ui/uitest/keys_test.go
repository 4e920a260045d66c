package uitest

import "testing"

// Each key reads back as the keymap spells it.
func TestKeyRoundTrip(t *testing.T) {
	for _, s := range []string{"j", "G", "/", "?", "enter", "esc", "tab", "shift+tab", "ctrl+s", "ctrl+c", "pgdown", "home", "backspace", "space", "ю"} {
		if got := Key(s).String(); got != s {
			t.Errorf("Key(%q).String() = %q", s, got)
		}
	}
}
