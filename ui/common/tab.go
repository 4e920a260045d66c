package common

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/styles"
)

// Pane is a screen or a sub-screen: the root's tabs are panes with a title,
// and a tab may hold panes of its own (the call schedule's queue, week and
// team views, a form). Pointer receivers; the owner calls them directly.
type Pane interface {
	// Init starts the pane's first loads.
	Init() tea.Cmd
	// Update handles a message and returns the commands to run.
	Update(msg tea.Msg) tea.Cmd
	// SetSize gives the pane its space.
	SetSize(width, height int)
	// SetStyles hands over styles rebuilt for a new terminal background.
	SetStyles(s styles.Styles)
	// View renders exactly width×height.
	View() string
	// InputFocused reports that a text field has the keys: the root must not
	// treat q, 1–4, ?, / or tab as its own keys then.
	InputFocused() bool
	// ShortHelp is the one-line footer for the pane's current state.
	ShortHelp() []key.Binding
	// FullHelp is the ? overlay for the pane's current state.
	FullHelp() [][]key.Binding
}

// Tab is one screen under the tab bar. The root routes keys to the active
// tab only and every other message to all tabs.
type Tab interface {
	Pane
	// Title is the tab bar's label.
	Title() string
}

// KeyClaimer is a pane that, in some states, takes keys the root would
// otherwise handle itself (the call screen's outcome keys 1–9). The root asks
// before its own keys; ctrl+c stays the root's.
type KeyClaimer interface {
	ClaimsKey(k tea.KeyPressMsg) bool
}

// Closer is a pane that ends itself (a form saved or cancelled, a dialog
// answered); its owner checks Closed after each Update and drops it.
type Closer interface {
	Closed() bool
}

// Env is what every screen gets from the root.
type Env struct {
	Store    Store
	Me       model.User
	Styles   styles.Styles
	ReadOnly bool
	Loc      *time.Location   // the user's zone for showing times
	Now      func() time.Time // the clock; never nil once the root built it
}

// Clock is Now, or the wall clock where a test or tool built an Env without one.
func (e Env) Clock() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// Zone is Loc, or the machine's zone where none was given.
func (e Env) Zone() *time.Location {
	if e.Loc != nil {
		return e.Loc
	}
	return time.Local
}
