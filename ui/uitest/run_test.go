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

// CheckSize passes a view of exactly w×h cells, styles or not.
func TestCheckSizeExact(t *testing.T) {
	if !CheckSize(t, "plain", "ab\ncd", 2, 2) || !CheckSize(t, "styled", "\x1b[1mab\x1b[0m\ncd", 2, 2) {
		t.Error("an exact view was reported wrong")
	}
	RequireSize(t, "plain", "ab\ncd", 2, 2)
}

type recorder struct {
	testing.TB
	errs int
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.errs++ }

// A line too wide and a missing line are both reported.
func TestCheckSizeNamesEachFault(t *testing.T) {
	r := &recorder{TB: t}
	if CheckSize(r, "short", "abc", 2, 2) || r.errs != 2 {
		t.Fatalf("%d faults reported, want 2 (line count, width)", r.errs)
	}
}

func TestFirstOfType(t *testing.T) {
	msgs := []tea.Msg{"a", ping(1), ping(2)}
	if p, ok := First[ping](msgs); !ok || p != 1 {
		t.Fatalf("First[ping] = %v, %v; want 1, true", p, ok)
	}
	if _, ok := First[int](msgs); ok {
		t.Fatal("First[int] found an int among none")
	}
}
