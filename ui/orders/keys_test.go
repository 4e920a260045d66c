package orders

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"clientbase/keymap"
)

// Every key of the tab is documented, and none of the list's or an order's
// action keys is the shell's or a view key (the shell and the views see it first).
func TestOrderKeys(t *testing.T) {
	g := keymap.NewGlobal()
	taken := map[string]string{}
	for _, b := range []key.Binding{g.Tab1, g.Tab2, g.Tab3, g.Tab4, g.NextTab, g.PrevTab, g.Help, g.Quit, g.ForceQuit, g.Backup} {
		for _, k := range b.Keys() {
			taken[k] = "shell " + b.Help().Desc
		}
	}
	v := keymap.NewOrderViews()
	for _, b := range []key.Binding{v.Orders, v.Products, v.Approvals, v.Debts, v.Prices} {
		for _, k := range b.Keys() {
			if d, ok := taken[k]; ok {
				t.Errorf("view key %q is the %s", k, d)
			}
			taken[k] = "view " + b.Help().Desc
		}
	}
	check := func(group string, bs []key.Binding) {
		seen := map[string]string{}
		for _, b := range bs {
			if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s: a binding without keys or help: %+v", group, b.Help())
			}
			for _, k := range b.Keys() {
				if d, ok := taken[k]; ok {
					t.Errorf("%s key %q (%s) is the %s", group, k, b.Help().Desc, d)
				}
				if d, ok := seen[k]; ok {
					t.Errorf("%s key %q bound twice: %s and %s", group, k, d, b.Help().Desc)
				}
				seen[k] = b.Help().Desc
			}
		}
	}
	l := keymap.NewOrderList()
	check("list", []key.Binding{l.Up, l.Down, l.PageUp, l.PageDown, l.Top, l.Bottom, l.Open, l.New, l.Status,
		l.Client, l.ThisClient, l.Mine, l.PrevMonth, l.NextMonth, l.Clear})
	e := keymap.NewOrderEntry()
	check("order", []key.Binding{e.Up, e.Down, e.CancelOrder, e.Ship, e.Invoice, e.Cancel, e.Return, e.Close, e.Payment, e.Back})
	for _, g := range e.EditingFullHelp() {
		for _, b := range g {
			if b.Help().Desc == "" {
				t.Errorf("entry key %v without help", b.Keys())
			}
		}
	}
}
