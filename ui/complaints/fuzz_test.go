package complaints

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// wrap lays out user text (descriptions, answers) on the screen: no line
// wider than asked, no control characters, and every word's letters kept.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"", "Плесень на двух коробках печенья", "a\nb  c", "\x1b[31mred", strings.Repeat("x", 200)} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		if w < -5 || w > 300 {
			return
		}
		lines := wrap(s, w)
		limit := max(w, 4)
		var got strings.Builder
		for _, l := range lines {
			if lipgloss.Width(l) > limit {
				t.Fatalf("line %q is %d cells, limit %d", l, lipgloss.Width(l), limit)
			}
			if strings.ContainsAny(l, "\x1b\n\r") {
				t.Fatalf("line %q keeps a control character", l)
			}
			got.WriteString(strings.ReplaceAll(l, " ", ""))
		}
		if len(lines) > 0 && got.Len() == 0 {
			t.Fatalf("%q wraps into empty lines", s)
		}
	})
}
