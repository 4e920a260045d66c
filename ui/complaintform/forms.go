// Package complaintform holds the complaint forms: intake (registering a
// complaint from the tab, a card, a call or an order), closing, and the
// head's complaint settings.
package complaintform

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUBS — the forms helper replaces this package.

// stub is the shared do-nothing pane of the stubs.
type stub struct {
	env    common.Env
	w, h   int
	closed bool
}

func (p *stub) Init() tea.Cmd             { return nil }
func (p *stub) Update(tea.Msg) tea.Cmd    { return nil }
func (p *stub) SetSize(w, h int)          { p.w, p.h = w, h }
func (p *stub) SetStyles(s styles.Styles) { p.env.Styles = s }
func (p *stub) View() string              { return "" }
func (p *stub) InputFocused() bool        { return true }
func (p *stub) ShortHelp() []key.Binding  { return nil }
func (p *stub) FullHelp() [][]key.Binding { return nil }
func (p *stub) Closed() bool              { return p.closed }

// Intake registers a new complaint. It is a Pane and a Closer; after it
// closes, Result says what was saved (ok false: cancelled).
type Intake struct {
	stub
	saved model.Complaint
	ok    bool
}

// NewIntake starts the form with what the caller knows (client, contact,
// order and its preselected lines, channel).
func NewIntake(env common.Env, pre common.NewComplaintMsg) *Intake {
	return &Intake{stub: stub{env: env}}
}

func (f *Intake) Result() (model.Complaint, bool) { return f.saved, f.ok }

// Closing closes a complaint (decision, satisfied amount, remedy, reason,
// fault party, feedback, and the justified verdict for head and director).
type Closing struct {
	stub
	saved model.Complaint
	ok    bool
}

func NewClosing(env common.Env, c model.Complaint) *Closing { return &Closing{stub: stub{env: env}} }

func (f *Closing) Result() (model.Complaint, bool) { return f.saved, f.ok }

// Settings edits the service levels and the working calendar (head, director).
type Settings struct{ stub }

func NewSettings(env common.Env) *Settings { return &Settings{stub: stub{env: env}} }

var (
	_ common.Pane   = (*Intake)(nil)
	_ common.Closer = (*Intake)(nil)
	_ common.Pane   = (*Closing)(nil)
	_ common.Pane   = (*Settings)(nil)
)
