package uitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

type ping int

// Run unfolds batches and sequences and feeds what handle returns back in.
func TestRunUnfoldsAndFeedsBack(t *testing.T) {
	var seen []int
	send := func(n int) tea.Cmd { return func() tea.Msg { return ping(n) } }
	Run(t, tea.Batch(send(1), tea.Sequence(send(2), send(3))), func(msg tea.Msg) tea.Cmd {
		n := int(msg.(ping))
		seen = append(seen, n)
		if n == 3 {
			return send(4) // an answer that leads to another message
		}
		return nil
	})
	if len(seen) != 4 || seen[3] != 4 {
		t.Fatalf("seen %v, want 1, 2, 3 and then 4", seen)
	}
}
