package calls

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/ui/clientcard"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// cardPane shows a client card (clientcard, a value model) as a pane inside
// the tab: the new-prospect form, whose ClientID the tab watches to go on to
// the call once saved, or the card of the client on the line, which esc
// closes back to the call screen.
type cardPane struct {
	card     clientcard.Model
	prospect bool
}

func (p *cardPane) Init() tea.Cmd { return nil }

func (p *cardPane) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.card, cmd = p.card.Update(msg)
	return cmd
}

func (p *cardPane) SetSize(w, h int)          { p.card.SetSize(w, h) }
func (p *cardPane) SetStyles(styles.Styles)   {} // the form keeps its styles until it closes
func (p *cardPane) View() string              { return p.card.View() }
func (p *cardPane) InputFocused() bool        { return p.card.InputFocused() }
func (p *cardPane) ShortHelp() []key.Binding  { return p.card.ShortHelp() }
func (p *cardPane) FullHelp() [][]key.Binding { return p.card.FullHelp() }
func (p *cardPane) Closed() bool              { return p.card.Closed() }

var (
	_ common.Pane   = (*cardPane)(nil)
	_ common.Closer = (*cardPane)(nil)
)
