package tabs

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/styles"
)

func TestTabBarNumbersTabsAndFits(t *testing.T) {
	s := styles.New(true)
	titles := []string{"Clients", "Calls", "Orders", "Complaints"}
	for _, w := range []int{30, 80, 120} {
		bar := View(s, titles, 1, "clientbase", w)
		if lipgloss.Width(bar) > w || strings.Contains(bar, "\n") {
			t.Errorf("width %d: bar %q is %d wide", w, ansi.Strip(bar), lipgloss.Width(bar))
		}
	}
	bar := ansi.Strip(View(s, titles, 1, "clientbase", 80))
	for _, want := range []string{"1 Clients", "2 Calls", "3 Orders", "4 Complaints", "clientbase"} {
		if !strings.Contains(bar, want) {
			t.Errorf("bar %q lacks %q", bar, want)
		}
	}
	if View(s, titles, 1, "x", 80) == View(s, titles, 2, "x", 80) {
		t.Error("the active tab is not marked")
	}
}

// A tab's row of views leaves out the hidden ones and marks the active one.
func TestViewsHideAndMarkTheActive(t *testing.T) {
	s := styles.New(true)
	row := Views(s, []string{"Queue", "Week", "Team", "Rules"}, []bool{false, false, true, false}, 1)
	if got := ansi.Strip(row); strings.Contains(got, "Team") || !strings.Contains(got, "Queue") || !strings.Contains(got, "Rules") {
		t.Errorf("row %q", got)
	}
	if !strings.Contains(row, s.TabActive.Render("Week")) || strings.Contains(row, s.TabActive.Render("Queue")) {
		t.Errorf("the active view is not Week: %q", row)
	}
}
