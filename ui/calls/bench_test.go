package calls

import (
	"testing"

	"clientbase/store/storetest"
	"clientbase/ui/uitest"
)

// The queue draws only its visible window, so a frame costs the same with a
// long queue: View with a pool of tens of thousands of open calls.
func BenchmarkQueueView(b *testing.B) {
	s, _ := storetest.PlanDepartment(b, 2000, 60000, testNow)
	d := newDriver(b, uitest.EnvAs(b, s.DB(), "ivanova", testNow))
	if _, total := d.m.QueueRows(); total < 5000 {
		b.Fatalf("queue of %d calls, want a long one", total)
	}
	b.ResetTimer()
	for b.Loop() {
		_ = d.m.View()
	}
}

// Scrolling to the end of a long queue: G fetches only the window around the cursor.
func BenchmarkQueueJumpToEnd(b *testing.B) {
	s, _ := storetest.PlanDepartment(b, 2000, 60000, testNow)
	d := newDriver(b, uitest.EnvAs(b, s.DB(), "ivanova", testNow))
	b.ResetTimer()
	for b.Loop() {
		d.press("G")
		d.press("g")
	}
}
