// Package catalog is the product list with its search and form, and the
// director's price editor (columns, VAT, discount limits, price versions).
package catalog

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// STUB: the catalogue helper (O5) replaces this file (and may split it).

// Products is the product list (/ search; n, e for the director).
type Products struct{ env common.Env }

func NewProducts(env common.Env) *Products { return &Products{env: env} }

func (p *Products) Init() tea.Cmd              { return nil }
func (p *Products) Update(msg tea.Msg) tea.Cmd { return nil }
func (p *Products) SetSize(width, height int)  {}
func (p *Products) SetStyles(s styles.Styles)  {}
func (p *Products) View() string               { return "products" }
func (p *Products) InputFocused() bool         { return false }
func (p *Products) ShortHelp() []key.Binding   { return nil }
func (p *Products) FullHelp() [][]key.Binding  { return nil }

// Prices is the price settings and the price versions (the director edits).
type Prices struct{ env common.Env }

func NewPrices(env common.Env) *Prices { return &Prices{env: env} }

func (p *Prices) Init() tea.Cmd              { return nil }
func (p *Prices) Update(msg tea.Msg) tea.Cmd { return nil }
func (p *Prices) SetSize(width, height int)  {}
func (p *Prices) SetStyles(s styles.Styles)  {}
func (p *Prices) View() string               { return "prices" }
func (p *Prices) InputFocused() bool         { return false }
func (p *Prices) ShortHelp() []key.Binding   { return nil }
func (p *Prices) FullHelp() [][]key.Binding  { return nil }
