package statusbar

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/styles"
)

func TestShortenPath(t *testing.T) {
	tests := []struct {
		path, home string
		width      int
		want       string
	}{
		{"/home/anna/.local/share/clientbase/clientbase.db", "/home/anna", 60, "~/.local/share/clientbase/clientbase.db"},
		{"/home/anna/.local/share/clientbase/clientbase.db", "/home/anna", 20, "…tbase/clientbase.db"},
		{"/srv/db/clientbase.db", "/home/anna", 40, "/srv/db/clientbase.db"},
		{"/srv/db/clientbase.db", "", 1, "…"},
		{"/srv/db/clientbase.db", "", 0, ""},
	}
	for _, tc := range tests {
		if got := ShortenPath(tc.path, tc.home, tc.width); got != tc.want {
			t.Errorf("ShortenPath(%q, %q, %d) = %q, want %q", tc.path, tc.home, tc.width, got, tc.want)
		}
	}
}

func FuzzShortenPathFitsAndKeepsTheEnd(f *testing.F) {
	f.Add("/home/anna/.local/share/clientbase/clientbase.db", 20)
	f.Add("/данные/база клиентов.db", 7)
	f.Add("", 3)
	f.Fuzz(func(t *testing.T, path string, width int) {
		if width < 0 || width > 500 {
			return
		}
		got := ShortenPath(path, "", width)
		path = Printable(path)
		if w := lipgloss.Width(got); w > width {
			t.Fatalf("%q is %d wide, want ≤ %d", got, w, width)
		}
		// What is kept is the end of the path (the file name), after an ellipsis.
		if got != path && width > 1 {
			rest := strings.TrimPrefix(got, "…")
			if rest == got || !strings.HasSuffix(path, rest) {
				t.Fatalf("%q is not …+end of %q", got, path)
			}
		}
	})
}

func TestViewFitsAndKeepsWhatMatters(t *testing.T) {
	s := styles.New(true)
	m := Model{User: "ivanova · manager", DBPath: "/srv/department/clientbase.db", Counts: "2000 clients · 8 users",
		Badges: []string{"read-only"}, Message: "Saved ООО «Ромашка».", HomeDir: "/home/x"}
	for _, w := range []int{40, 80, 120} {
		line := ansi.Strip(m.View(s, w))
		if lipgloss.Width(line) != w {
			t.Errorf("width %d: bar is %d wide: %q", w, lipgloss.Width(line), line)
		}
		if !strings.Contains(line, "ivanova · manager") {
			t.Errorf("width %d: no user: %q", w, line)
		}
	}
	line := ansi.Strip(m.View(s, 120))
	for _, want := range []string{"/srv/department/clientbase.db", "2000 clients", "read-only", "Saved ООО «Ромашка»."} {
		if !strings.Contains(line, want) {
			t.Errorf("120 columns: %q lacks %q", line, want)
		}
	}
	m.IsError = true
	m.Message = strings.Repeat("A very long error sentence. ", 10)
	line = ansi.Strip(m.View(s, 80))
	if lipgloss.Width(line) != 80 || !strings.HasSuffix(strings.TrimSpace(line), "…") {
		t.Errorf("a long message is not cut to fit: %q", line)
	}
}
