package keymap

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

func TestReceivablesKeysAreDocumentedAndDistinct(t *testing.T) {
	a, r, i, c := NewApprovals(), NewReceivables(), NewInvoices(), NewComment()
	allHelp(t, "approvals", a.FullHelp())
	allHelp(t, "receivables", r.FullHelp())
	allHelp(t, "invoices", i.FullHelp())
	allHelp(t, "comment", c.FullHelp())
	g := NewGlobal()
	shell := map[string]bool{}
	for _, b := range []key.Binding{g.Tab1, g.Tab2, g.Tab3, g.Tab4, g.NextTab, g.PrevTab, g.Help, g.Quit, g.ForceQuit, g.Backup} {
		for _, k := range b.Keys() {
			shell[k] = true
		}
	}
	// The Orders tab switches its views with O, P, A, D and $ (keymap.OrderViews).
	for _, k := range []string{"O", "P", "A", "D", "$"} {
		shell[k] = true
	}
	for name, group := range map[string][]key.Binding{
		"approvals":   {a.Up, a.Down, a.PageUp, a.PageDown, a.Top, a.Bottom, a.Open, a.Approve, a.Reject, a.Override, a.Back},
		"receivables": {r.Up, r.Down, r.PageUp, r.PageDown, r.Top, r.Bottom, r.Sort, r.Open},
		"invoices":    {i.Up, i.Down, i.PageUp, i.PageDown, i.Top, i.Bottom, i.Pay, i.Order, i.Back},
	} {
		seen := map[string]string{}
		for _, b := range group {
			for _, k := range b.Keys() {
				if shell[k] {
					t.Errorf("%s: key %q (%s) is taken before the pane sees it", name, k, b.Help().Desc)
				}
				if d, ok := seen[k]; ok {
					t.Errorf("%s: key %q bound twice: %s and %s", name, k, d, b.Help().Desc)
				}
				seen[k] = b.Help().Desc
			}
		}
	}
}
