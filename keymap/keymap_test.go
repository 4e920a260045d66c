package keymap

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

func allHelp(t *testing.T, name string, groups [][]key.Binding) {
	t.Helper()
	for _, g := range groups {
		for _, b := range g {
			if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s: a binding without keys or help: %+v", name, b.Help())
			}
		}
	}
}

func TestEveryBindingIsDocumented(t *testing.T) {
	allHelp(t, "global", NewGlobal().FullHelp())
	allHelp(t, "nav", NewNav().FullHelp())
	allHelp(t, "client list", NewClientList().FullHelp())
	allHelp(t, "filter", NewFilterInput().FullHelp())
	allHelp(t, "overlay", NewOverlay().FullHelp())
	allHelp(t, "confirm", NewConfirm().FullHelp())
	for _, b := range NewClientList().ShortHelp() {
		if !b.Enabled() {
			t.Errorf("footer item %q is disabled", b.Help().Key)
		}
	}
}

// The shell sees a key before the list does: a list key that the shell also
// binds would never arrive.
func TestListKeysDoNotCollideWithTheShell(t *testing.T) {
	g := NewGlobal()
	shell := map[string]string{}
	for _, b := range []key.Binding{g.Tab1, g.Tab2, g.Tab3, g.Tab4, g.NextTab, g.PrevTab, g.Help, g.Quit, g.ForceQuit, g.Backup} {
		for _, k := range b.Keys() {
			shell[k] = b.Help().Desc
		}
	}
	l := NewClientList()
	seen := map[string]string{}
	for _, b := range []key.Binding{l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom, l.Filter, l.Open, l.New, l.Edit, l.Category, l.Status, l.Manager, l.Mine, l.Archived, l.Clear} {
		for _, k := range b.Keys() {
			if d, ok := shell[k]; ok {
				t.Errorf("list key %q (%s) is the shell's %q", k, b.Help().Desc, d)
			}
			if d, ok := seen[k]; ok {
				t.Errorf("list key %q bound twice: %s and %s", k, d, b.Help().Desc)
			}
			seen[k] = b.Help().Desc
		}
	}
}

// Constructors hand out independent maps: disabling a key in one screen's
// copy leaves the others alone.
func TestKeymapsAreIndependent(t *testing.T) {
	a, b := NewClientList(), NewClientList()
	a.Edit.SetEnabled(false)
	if !b.Edit.Enabled() {
		t.Fatal("disabling a key in one keymap disabled it in another")
	}
}
