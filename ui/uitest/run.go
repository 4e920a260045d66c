package uitest

import (
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Run executes cmd and every command it leads to, as the program's loop
// would, without a terminal: batches and sequences are unfolded and each
// message goes to handle, which returns the next command (usually the
// screen's Update(msg)) or nil for messages meant for someone else. A loop
// that never settles fails the test.
func Run(t testing.TB, cmd tea.Cmd, handle func(tea.Msg) tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 100_000 {
			t.Fatal("uitest.Run: the commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			// tea.Sequence's message is an unexported []tea.Cmd
			if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
				for i := 0; i < v.Len(); i++ {
					queue = append(queue, v.Index(i).Interface().(tea.Cmd))
				}
				continue
			}
			queue = append(queue, handle(msg))
		}
	}
}

// First is the first message of type M among msgs, as a test reads what a
// screen told its owner (a status sentence, a data change).
func First[M tea.Msg](msgs []tea.Msg) (M, bool) {
	for _, m := range msgs {
		if m, ok := m.(M); ok {
			return m, true
		}
	}
	var zero M
	return zero, false
}
