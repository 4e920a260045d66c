package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// placeholder is an honest panel for a screen that a later issue builds.
type placeholder struct {
	title, text string
	styles      styles.Styles
	w, h        int
}

func newPlaceholder(title, text string, s styles.Styles) *placeholder {
	return &placeholder{title: title, text: text, styles: s}
}

func (p *placeholder) Title() string             { return p.title }
func (p *placeholder) Init() tea.Cmd             { return nil }
func (p *placeholder) Update(tea.Msg) tea.Cmd    { return nil }
func (p *placeholder) SetSize(w, h int)          { p.w, p.h = w, h }
func (p *placeholder) SetStyles(s styles.Styles) { p.styles = s }
func (p *placeholder) InputFocused() bool        { return false }
func (p *placeholder) ShortHelp() []key.Binding  { return nil }
func (p *placeholder) FullHelp() [][]key.Binding { return nil }

func (p *placeholder) View() string {
	if p.w <= 0 || p.h <= 0 {
		return ""
	}
	box := p.styles.Panel.Width(min(p.w, 60)).Render(
		p.styles.Title.Render(p.title) + "\n\n" + p.text + "\n\n" + p.styles.Subtle.Render(model.T("ui.next.hint")))
	return lipgloss.Place(p.w, p.h, lipgloss.Center, lipgloss.Center, box)
}

var _ common.Tab = (*placeholder)(nil)
