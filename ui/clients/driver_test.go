package clients

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"clientbase/ui/uitest"
)

// run executes cmd and everything it leads to, synchronously, feeding each
// message back into m.Update, the way the program's loop would (one at a time).
func run(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	uitest.Run(t, cmd, m.Update)
}

// press sends one key and runs what follows.
func press(t testing.TB, m *Model, keys ...tea.KeyPressMsg) {
	t.Helper()
	for _, k := range keys {
		run(t, m, m.Update(k))
	}
}

func k(s string) tea.KeyPressMsg { return uitest.Key(s) }

func typeText(t testing.TB, m *Model, s string) {
	t.Helper()
	press(t, m, uitest.Text(s)...)
}
