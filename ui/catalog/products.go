// Package catalog is the product list with its search and form, and the
// director's price editor (columns, VAT, discount limits, price versions).
// Both panes live inside the Orders tab (ui/orders holds them under P and $).
package catalog

import (
	"context"
	"errors"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/form"
	"clientbase/ui/components/table"
	"clientbase/ui/styles"
)

// rowsAround is how many rows are fetched beyond the visible window on each
// side: j/k and a page jump then find their rows in memory.
const rowsAround = 40

// Products is the product list: a window over env.Store.Products (only the
// rows near the screen are asked for), / live search, i for inactive ones,
// and for the director n / e with the product form. esc with nothing to
// clear makes Closed() true, so the holder may go back (Init re-arms it).
type Products struct {
	env    common.Env
	st     styles.Styles
	keys   keymap.Products
	fkeys  keymap.FilterInput
	width  int
	height int
	closed bool

	query     string
	inactive  bool
	input     textinput.Model
	filtering bool

	win table.Window
	// gen numbers the list's queries: a result of an older one is dropped.
	gen     uint64
	ctx     context.Context
	cancel  context.CancelFunc
	cache   table.Cache[model.Product] // the rows in memory
	loadErr string

	settings model.PriceSettings
	prices   map[model.ID]string // the default column's price now ("" none), by product

	canEdit bool
	why     string

	form *productForm
}

// productForm is a product being created or edited.
type productForm struct {
	f      form.Model
	orig   model.Product
	gen    uint64
	saving bool
	errTop string
	ask    *confirm.Model
}

// NewProducts builds the product list; Init starts its first loads.
func NewProducts(env common.Env) *Products {
	p := &Products{env: env, st: env.Styles, keys: keymap.NewProducts(), fkeys: keymap.NewFilterInput(), width: 80, height: 20,
		prices: map[model.ID]string{}}
	p.canEdit, p.why = rights(env)
	if !p.canEdit {
		p.keys.New.SetEnabled(false)
		p.keys.Edit.SetEnabled(false)
	}
	p.input = textinput.New()
	p.input.Prompt = model.T("catalog.search_prompt")
	p.input.Placeholder = model.T("catalog.search_place")
	p.applyInputStyles()
	p.ctx, p.cancel = context.WithCancel(context.Background())
	return p
}

func (p *Products) applyInputStyles() {
	p.input.SetStyles(p.st.Input())
}

// Init loads the first window and the price settings (the default column).
func (p *Products) Init() tea.Cmd {
	p.closed = false
	return tea.Batch(p.requery(true), loadSettings(p.env.Store))
}

// Closed reports that esc was pressed with nothing left to clear or close.
func (p *Products) Closed() bool { return p.closed }

// SetSize gives the list its room.
func (p *Products) SetSize(width, height int) {
	p.width, p.height = max(width, 20), max(height, 5)
	p.win.SetHeight(max(1, p.height-listHead))
	p.input.SetWidth(max(1, p.width-len([]rune(p.input.Prompt))-countRoom))
	if p.form != nil {
		p.form.f.SetSize(p.width, p.height-formHead)
	}
}

// SetStyles takes styles rebuilt for a new background.
func (p *Products) SetStyles(s styles.Styles) {
	p.st, p.env.Styles = s, s
	p.applyInputStyles()
	if p.form != nil {
		p.openForm(p.form.orig, &p.form.f)
	}
}

// InputFocused reports that the search line or the form has the keys.
func (p *Products) InputFocused() bool { return p.filtering || p.form != nil }

// Editing reports whether the product form is open.
func (p *Products) Editing() bool { return p.form != nil }

// Query is the search text in force and whether inactive products show.
func (p *Products) Query() (string, bool) { return p.query, p.inactive }

// Current returns the highlighted product when its row is in memory.
func (p *Products) Current() (model.Product, bool) { return p.cache.At(p.win.Cursor) }

// ShortHelp is the footer for the list, the search line or the form.
func (p *Products) ShortHelp() []key.Binding {
	switch {
	case p.form != nil && p.form.ask != nil:
		return p.form.ask.ShortHelp()
	case p.form != nil:
		return p.form.f.Keys().ShortHelp()
	case p.filtering:
		return p.fkeys.ShortHelp()
	}
	return p.keys.ShortHelp()
}

// FullHelp is the ? overlay for the list, the search line or the form.
func (p *Products) FullHelp() [][]key.Binding {
	switch {
	case p.form != nil && p.form.ask != nil:
		return p.form.ask.FullHelp()
	case p.form != nil:
		return p.form.f.Keys().FullHelp()
	case p.filtering:
		return p.fkeys.FullHelp()
	}
	return p.keys.FullHelp()
}

// pageMsg is one window of the product list as asked for by query gen.
type pageMsg struct {
	gen       uint64
	off, want int
	page      model.ProductPage
	err       error
}

// rowPricesMsg carries the default column's current prices of some products.
type rowPricesMsg struct {
	gen    uint64
	prices map[model.ID]string
}

// settingsMsg carries the price settings.
type settingsMsg struct {
	ps  model.PriceSettings
	err error
}

// productSavedMsg is the store's answer to a product save.
type productSavedMsg struct {
	gen uint64
	p   model.Product
	err error
}

func loadSettings(st common.Store) tea.Cmd {
	return func() tea.Msg {
		ps, err := st.PriceSettings()
		return settingsMsg{ps: ps, err: err}
	}
}

// fetchPage reads rows [off, off+limit) of the list; values only, so nothing
// of the model is touched off the UI goroutine.
func fetchPage(ctx context.Context, st common.Store, query string, inactive bool, gen uint64, off, limit int) tea.Cmd {
	return func() tea.Msg {
		pg, err := st.Products(ctx, query, inactive, off, limit)
		if errors.Is(err, context.Canceled) || ctx.Err() != nil {
			return nil // a newer keystroke took over
		}
		return pageMsg{gen: gen, off: off, want: limit, page: pg, err: err}
	}
}

// fetchRowPrices asks the price of each product in column at now; a product
// without one shows a dash.
func fetchRowPrices(ctx context.Context, st common.Store, gen uint64, ids []model.ID, column string, env common.Env) tea.Cmd {
	now := nowOf(env)
	return func() tea.Msg {
		out := make(map[model.ID]string, len(ids))
		for _, id := range ids {
			if ctx.Err() != nil {
				return nil
			}
			m, err := st.PriceFor(id, column, now)
			if err != nil {
				out[id] = "—"
				continue
			}
			out[id] = money(m)
		}
		return rowPricesMsg{gen: gen, prices: out}
	}
}
