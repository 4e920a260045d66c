package catalog

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"clientbase/keymap"
	"clientbase/model"
)

// Every key the catalogue screens show has keys and a description in the
// catalogue, and none is one of the root's own keys (q, ?, 1–4, tab, B).
func TestCatalogKeysAreDocumentedAndLeaveTheRootsKeys(t *testing.T) {
	groups := map[string][][]key.Binding{
		"products": keymap.NewProducts().FullHelp(),
		"prices":   keymap.NewPrices().FullHelp(),
		"grid":     keymap.NewPriceGrid().FullHelp(),
		"version":  keymap.NewVersionView().FullHelp(),
	}
	root := map[string]bool{"q": true, "?": true, "1": true, "2": true, "3": true, "4": true, "B": true, "ctrl+c": true}
	for name, g := range groups {
		for _, col := range g {
			for _, b := range col {
				h := b.Help()
				if len(b.Keys()) == 0 || h.Key == "" || h.Desc == "" || model.HasMessage(h.Desc) {
					t.Errorf("%s: binding %+v", name, h)
				}
				if name == "grid" {
					continue // the editor has the keys (InputFocused)
				}
				for _, k := range b.Keys() {
					if root[k] || k == "tab" {
						t.Errorf("%s: %q is the root's key", name, k)
					}
				}
			}
		}
	}
}
