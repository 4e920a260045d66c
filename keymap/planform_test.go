package keymap

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

func TestPlanFormKeysAreDocumented(t *testing.T) {
	k := NewPlanForm()
	allHelp(t, "plan form", k.FullHelp())
	allHelp(t, "plan form extras", [][]key.Binding{{k.Prev, k.Next, k.Pick, k.Yes, k.No, k.Back}})
	// The lookup's arrows must leave j and k to the typed name.
	for _, b := range []key.Binding{k.Prev, k.Next} {
		for _, s := range b.Keys() {
			if len([]rune(s)) == 1 {
				t.Errorf("the client lookup takes the letter %q from the name being typed", s)
			}
		}
	}
	c := NewCard()
	allHelp(t, "card", c.FullHelp())
	seen := map[string]string{}
	for _, b := range []key.Binding{c.Up, c.Down, c.PageUp, c.PageDown, c.Top, c.Bottom, c.Edit, c.Contacts, c.History, c.Archive, c.Plan, c.CallNow, c.Timeline, c.Back} {
		for _, s := range b.Keys() {
			if d, ok := seen[s]; ok {
				t.Errorf("card key %q bound twice: %s and %s", s, d, b.Help().Desc)
			}
			seen[s] = b.Help().Desc
		}
	}
}
