package clients

import (
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
	"clientbase/ui/uitest"
)

// run executes cmd and everything it leads to, synchronously, feeding each
// message back into m.Update, the way the program's loop would (one at a time).
func run(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
				for i := 0; i < v.Len(); i++ { // tea.Sequence
					queue = append(queue, v.Index(i).Interface().(tea.Cmd))
				}
				continue
			}
			queue = append(queue, m.Update(msg))
		}
	}
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
	for _, r := range s {
		press(t, m, k(string(r)))
	}
}
