// Package helpview draws key help: the one-line footer and the full ? overlay.
package helpview

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

func helpModel(s styles.Styles, width int) help.Model {
	h := help.New()
	h.Styles = help.Styles{
		Ellipsis:       s.HelpDesc,
		ShortKey:       s.HelpKey,
		ShortDesc:      s.HelpDesc,
		ShortSeparator: s.HelpDesc,
		FullKey:        s.HelpKey,
		FullDesc:       s.HelpDesc,
		FullSeparator:  s.HelpDesc,
	}
	h.SetWidth(width)
	return h
}

// Footer renders bindings on one line of width cells; what does not fit
// becomes "…".
func Footer(s styles.Styles, bindings []key.Binding, width int) string {
	line := helpModel(s, width).ShortHelpView(bindings)
	line = ansi.Truncate(line, width, "…")
	if pad := width - textfit.Width(line); pad > 0 {
		line += strings.Repeat(" ", pad)
	}
	return line
}

// column renders one group as keys and descriptions side by side.
func column(s styles.Styles, group []key.Binding) string {
	var keys, descs []string
	for _, b := range group {
		if !b.Enabled() || b.Help().Key == "" {
			continue
		}
		keys = append(keys, s.HelpKey.Render(b.Help().Key))
		descs = append(descs, s.HelpDesc.Render(b.Help().Desc))
	}
	if len(keys) == 0 {
		return ""
	}
	return lipgloss.JoinHorizontal(lipgloss.Top,
		strings.Join(keys, "\n"), "  ", strings.Join(descs, "\n"))
}

// Columns lays the groups out as columns, wrapping to a new band of columns
// when the next one would pass width.
func Columns(s styles.Styles, groups [][]key.Binding, width int) string {
	const gap = "    "
	var bands []string
	var band []string
	bandW := 0
	for _, g := range groups {
		col := column(s, g)
		if col == "" {
			continue
		}
		w := textfit.Width(col)
		if len(band) > 0 && bandW+len(gap)+w > width {
			bands = append(bands, lipgloss.JoinHorizontal(lipgloss.Top, band...))
			band, bandW = nil, 0
		}
		if len(band) > 0 {
			band = append(band, gap)
			bandW += len(gap)
		}
		band = append(band, col)
		bandW += w
	}
	if len(band) > 0 {
		bands = append(bands, lipgloss.JoinHorizontal(lipgloss.Top, band...))
	}
	return strings.Join(bands, "\n\n")
}

// Overlay renders the full help as a dialog box centred in width×height.
func Overlay(s styles.Styles, title string, groups [][]key.Binding, footer string, width, height int) string {
	inner := width - s.Dialog.GetHorizontalFrameSize() - 2
	if inner < 10 {
		inner = 10
	}
	body := Columns(s, groups, inner)
	content := s.Title.Render(title) + "\n\n" + body + "\n\n" + s.Subtle.Render(footer)
	box := s.Dialog.Render(content)
	// A box taller than the room is cut at the bottom rather than pushing the bars away.
	lines := strings.Split(box, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, width, "")
	}
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}
