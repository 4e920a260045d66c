package keymap

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

// X opens the data in/out pane from any screen: no screen's list may bind
// it (the root sees it first), and no shell key may be X.
func TestExchangeKeyIsFree(t *testing.T) {
	x := NewExchange()
	allHelp(t, "exchange", [][]key.Binding{{x.Open, x.Mode, x.Field, x.Prev, x.Next, x.Choose, x.Complete, x.Preview, x.Write, x.Import, x.Cancel, x.Back}})
	g := NewGlobal()
	for _, b := range []key.Binding{g.Tab1, g.Tab2, g.Tab3, g.Tab4, g.NextTab, g.PrevTab, g.Help, g.Quit, g.ForceQuit, g.Backup, NewUsers().Open} {
		for _, k := range b.Keys() {
			if k == "X" {
				t.Errorf("the shell's %q is X", b.Help().Desc)
			}
		}
	}
	l := NewClientList()
	for _, b := range []key.Binding{l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom, l.Filter, l.Open, l.New, l.Edit, l.Category, l.Status, l.Manager, l.Mine, l.Archived, l.Clear} {
		for _, k := range b.Keys() {
			if k == "X" {
				t.Errorf("the client list's %q is X", b.Help().Desc)
			}
		}
	}
}
