package schedule

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"clientbase/keymap"
)

// The shell and the Calls tab see a key before the schedule panes do: a
// pane key they also bind would never arrive. Within a pane, one key does one thing.
func TestScheduleKeysDoNotCollide(t *testing.T) {
	g, v := keymap.NewGlobal(), keymap.NewCallViews()
	outer := map[string]string{}
	for _, b := range []key.Binding{g.Tab1, g.Tab2, g.Tab3, g.Tab4, g.NextTab, g.PrevTab, g.Help, g.Quit, g.ForceQuit, g.Backup, v.Queue, v.Week, v.Team, v.Rules} {
		for _, k := range b.Keys() {
			outer[k] = b.Help().Desc
		}
	}
	groups := map[string][][]key.Binding{
		"week":   keymap.NewWeek().FullHelp(),
		"team":   keymap.NewTeam().FullHelp(),
		"cell":   keymap.NewTeamCell().FullHelp(),
		"picker": keymap.NewPersonPicker().FullHelp(),
	}
	for name, cols := range groups {
		seen := map[string]string{}
		for _, col := range cols {
			for _, b := range col {
				if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
					t.Errorf("%s: a binding without keys or help: %+v", name, b.Help())
				}
				for _, k := range b.Keys() {
					if d, ok := outer[k]; ok && name != "picker" {
						t.Errorf("%s key %q (%s) is the shell's or the tab's %q", name, k, b.Help().Desc, d)
					}
					if d, ok := seen[k]; ok {
						t.Errorf("%s key %q bound twice: %s and %s", name, k, d, b.Help().Desc)
					}
					seen[k] = b.Help().Desc
				}
			}
		}
	}
}
