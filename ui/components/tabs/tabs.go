// Package tabs draws the tab bar: numbered titles (the number is the key that
// jumps there) and the app's name on the right.
package tabs

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/styles"
)

// View renders the tab bar exactly width cells wide, one line high.
func View(s styles.Styles, titles []string, active int, right string, width int) string {
	var b strings.Builder
	for i, t := range titles {
		label := fmt.Sprintf("%d %s", i+1, t)
		if i == active {
			b.WriteString(s.TabActive.Render(label))
		} else {
			b.WriteString(s.TabIdle.Render(label))
		}
	}
	left := b.String()
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left, width, "")
	}
	return s.TabBar.Render(left + strings.Repeat(" ", gap) + s.Subtle.Render(right))
}

// Views draws a tab's own row of views (the Calls and Orders tabs' Queue ·
// Week …), the active one standing out; titles[i] is left out when hidden[i].
func Views(s styles.Styles, titles []string, hidden []bool, active int) string {
	var b strings.Builder
	for i, t := range titles {
		switch {
		case i < len(hidden) && hidden[i]:
		case i == active:
			b.WriteString(s.TabActive.Render(t))
		default:
			b.WriteString(s.TabIdle.Render(t))
		}
	}
	return b.String()
}
