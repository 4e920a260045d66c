package ui

import (
	"crypto/ed25519"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/crypto/ssh"

	"clientbase/model"
	"clientbase/store"
)

// U opens the users pane over any tab for the director; a pasted key is
// saved (the server then knows its user); esc goes back and closes it.
func TestUsersPaneOpensWithUForTheDirector(t *testing.T) {
	h := newHarness(t, 3, nil)
	h.press("?")
	if !strings.Contains(h.screen(), model.T("key.users.open")) {
		t.Errorf("? does not offer U to the director:\n%s", h.screen())
	}
	h.press("esc", "2", "U")
	if !h.app.UsersOpen() || !strings.Contains(h.screen(), model.T("users.title")) {
		t.Fatalf("U did not open the users pane:\n%s", h.screen())
	}
	h.press("?")
	if !h.app.HelpShown() || !strings.Contains(h.screen(), model.T("key.users.keys")) {
		t.Fatalf("? does not list the pane's keys:\n%s", h.screen())
	}
	h.press("esc")
	h.press("down", "enter", "a") // jonaitis, after boss
	pub, err := ssh.NewPublicKey(ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize)).Public())
	if err != nil {
		t.Fatal(err)
	}
	h.send(tea.PasteMsg{Content: string(ssh.MarshalAuthorizedKey(pub))})
	h.press("q") // typed into the input: q does not quit here
	if h.quit {
		t.Fatal("q in the key input quit the program")
	}
	h.press("backspace", "enter")
	u, err := h.app.cfg.Store.(*store.Session).DB().UserByKey(ssh.FingerprintSHA256(pub))
	if err != nil || u.Name != "jonaitis" {
		t.Fatalf("UserByKey = %q, %v; want jonaitis", u.Name, err)
	}
	h.press("esc", "esc")
	if h.app.UsersOpen() || h.app.ActiveTab() != TabCalls {
		t.Fatalf("esc esc: open %v, tab %d", h.app.UsersOpen(), h.app.ActiveTab())
	}
}

// A manager pressing U is told why; nothing opens, and ? does not offer U.
func TestUsersPaneRefusedToAManager(t *testing.T) {
	h := newHarness(t, 3, func(c *Config) {
		s := c.Store.(*store.Session)
		u, err := s.DB().SignIn("petrov")
		if err != nil {
			t.Fatal(err)
		}
		c.Store, c.Me = s.DB().As(u), u
	})
	h.press("?")
	if strings.Contains(h.screen(), model.T("key.users.open")) {
		t.Errorf("? offers U to a manager:\n%s", h.screen())
	}
	h.press("esc", "U")
	if h.app.UsersOpen() {
		t.Fatal("U opened the users pane for a manager")
	}
	if text, isErr := h.app.Status(); text != model.T("users.forbidden") || !isErr {
		t.Errorf("status %q (%v), want %q", text, isErr, model.T("users.forbidden"))
	}
}
