// Package keymap holds every key binding of clientbase, grouped per screen.
// Each group is a help.KeyMap built by a constructor, so no screen shares or
// mutates a global keymap.
package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// Global are the keys the shell handles on every screen outside text fields.
type Global struct {
	Tab1, Tab2, Tab3, Tab4 key.Binding
	Tabs                   key.Binding // help-only: "1–4"
	NextTab, PrevTab       key.Binding
	Help                   key.Binding
	Quit                   key.Binding
	ForceQuit              key.Binding
	Backup                 key.Binding
}

// NewGlobal builds the shell's keys.
func NewGlobal() Global {
	return Global{
		Tab1:      key.NewBinding(key.WithKeys("1"), key.WithHelp("1", model.T("key.clients"))),
		Tab2:      key.NewBinding(key.WithKeys("2"), key.WithHelp("2", model.T("key.calls"))),
		Tab3:      key.NewBinding(key.WithKeys("3"), key.WithHelp("3", model.T("key.orders"))),
		Tab4:      key.NewBinding(key.WithKeys("4"), key.WithHelp("4", model.T("key.complaints"))),
		Tabs:      key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", model.T("key.tabs"))),
		NextTab:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", model.T("key.next_tab"))),
		PrevTab:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", model.T("key.previous_tab"))),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", model.T("key.help"))),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", model.T("key.quit"))),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", model.T("key.quit_anywhere"))),
		// B as well: ctrl+b is the prefix key of tmux, where many people work.
		Backup: key.NewBinding(key.WithKeys("B", "ctrl+b"), key.WithHelp("B/ctrl+b", model.T("key.backup_now"))),
	}
}

// ShortHelp is the shell's part of the footer.
func (k Global) ShortHelp() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// FullHelp is the shell's column of the ? overlay.
func (k Global) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Tabs, k.NextTab, k.PrevTab, k.Backup, k.Help, k.Quit, k.ForceQuit}}
}

// Nav moves a cursor through a list.
type Nav struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
}

// NewNav builds the list movement keys.
func NewNav() Nav {
	return Nav{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", model.T("key.up"))),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", model.T("key.down"))),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", model.T("key.page_up"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", model.T("key.page_down"))),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", model.T("key.first"))),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", model.T("key.last"))),
	}
}

// ShortHelp is the movement part of a footer.
func (k Nav) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down} }

// FullHelp is the movement column of the ? overlay.
func (k Nav) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}

// Overlay closes the full help overlay.
type Overlay struct {
	Close key.Binding
}

// NewOverlay builds the help overlay's keys.
func NewOverlay() Overlay {
	return Overlay{Close: key.NewBinding(key.WithKeys("?", "esc", "q"), key.WithHelp("?/esc", model.T("key.close_help")))}
}

// ShortHelp is the overlay's footer.
func (k Overlay) ShortHelp() []key.Binding { return []key.Binding{k.Close} }

// FullHelp is the overlay's own column.
func (k Overlay) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Close}} }
