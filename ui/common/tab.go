package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/ui/styles"
)

// Tab is one screen under the tab bar. The root owns the tabs and calls them
// directly (pointer receivers): it routes keys to the active tab only and every
// other message to all tabs.
type Tab interface {
	// Title is the tab bar's label.
	Title() string
	// Init starts the tab's first loads.
	Init() tea.Cmd
	// Update handles a message and returns the commands to run.
	Update(msg tea.Msg) tea.Cmd
	// SetSize gives the tab the space between the tab bar and the status bar.
	SetSize(width, height int)
	// SetStyles hands over styles rebuilt for a new terminal background.
	SetStyles(s styles.Styles)
	// View renders exactly width×height.
	View() string
	// InputFocused reports that a text field has the keys: the root must not
	// treat q, 1–4, ?, / or tab as its own keys then.
	InputFocused() bool
	// ShortHelp is the one-line footer for the tab's current state.
	ShortHelp() []key.Binding
	// FullHelp is the ? overlay for the tab's current state.
	FullHelp() [][]key.Binding
}
