// Package styles holds every colour and style of the interface, built once
// for a light or a dark terminal. No other package picks colours.
package styles

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is the one set of styles the screens draw with.
type Styles struct {
	IsDark bool

	App        lipgloss.Style
	TabActive  lipgloss.Style
	TabIdle    lipgloss.Style
	TabBar     lipgloss.Style
	StatusBar  lipgloss.Style
	StatusKey  lipgloss.Style // user/role chip in the status bar
	StatusMsg  lipgloss.Style
	StatusErr  lipgloss.Style
	Help       lipgloss.Style // footer key help
	HelpKey    lipgloss.Style
	HelpDesc   lipgloss.Style
	Title      lipgloss.Style
	Subtle     lipgloss.Style
	Header     lipgloss.Style // table header
	Row        lipgloss.Style
	RowCursor  lipgloss.Style
	RowArchive lipgloss.Style
	Label      lipgloss.Style // form / card field label
	Value      lipgloss.Style
	FieldError lipgloss.Style // the sentence next to a bad field
	Focused    lipgloss.Style // focused form field
	Warning    lipgloss.Style
	Danger     lipgloss.Style
	Success    lipgloss.Style
	Panel      lipgloss.Style // bordered box
	Dialog     lipgloss.Style // modal dialog box
	FilterBar  lipgloss.Style

	Accent, Muted, Red, Yellow, Green color.Color
}

// New builds the styles for a dark (isDark) or light background.
func New(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FD6"), lipgloss.Color("#9D8CFF"))
	muted := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A"))
	fg := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E6E6E6"))
	barBg := ld(lipgloss.Color("#E4E4EC"), lipgloss.Color("#2A2A36"))
	cursorBg := ld(lipgloss.Color("#D6D0FA"), lipgloss.Color("#3C3470"))
	red := ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF6B6B"))
	yellow := ld(lipgloss.Color("#8A6D00"), lipgloss.Color("#F2C94C"))
	green := ld(lipgloss.Color("#1B7F3B"), lipgloss.Color("#6FCF97"))

	s := Styles{IsDark: isDark, Accent: accent, Muted: muted, Red: red, Yellow: yellow, Green: green}
	s.App = lipgloss.NewStyle()
	s.TabActive = lipgloss.NewStyle().Bold(true).Foreground(accent).Padding(0, 1).Underline(true)
	s.TabIdle = lipgloss.NewStyle().Foreground(muted).Padding(0, 1)
	s.TabBar = lipgloss.NewStyle()
	s.StatusBar = lipgloss.NewStyle().Background(barBg).Foreground(fg)
	s.StatusKey = lipgloss.NewStyle().Background(accent).Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#14141C"))).Bold(true).Padding(0, 1)
	s.StatusMsg = lipgloss.NewStyle().Background(barBg).Foreground(fg).Padding(0, 1)
	s.StatusErr = lipgloss.NewStyle().Background(barBg).Foreground(red).Bold(true).Padding(0, 1)
	s.Help = lipgloss.NewStyle().Foreground(muted)
	s.HelpKey = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.HelpDesc = lipgloss.NewStyle().Foreground(muted)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Subtle = lipgloss.NewStyle().Foreground(muted)
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.Row = lipgloss.NewStyle().Foreground(fg)
	s.RowCursor = lipgloss.NewStyle().Background(cursorBg).Foreground(fg).Bold(true)
	s.RowArchive = lipgloss.NewStyle().Foreground(muted).Italic(true)
	s.Label = lipgloss.NewStyle().Foreground(muted)
	s.Value = lipgloss.NewStyle().Foreground(fg)
	s.FieldError = lipgloss.NewStyle().Foreground(red)
	s.Focused = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Warning = lipgloss.NewStyle().Foreground(yellow).Bold(true)
	s.Danger = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Success = lipgloss.NewStyle().Foreground(green)
	s.Panel = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(muted).Padding(0, 1)
	s.Dialog = lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(accent).Padding(0, 1)
	s.FilterBar = lipgloss.NewStyle().Foreground(accent)
	return s
}
