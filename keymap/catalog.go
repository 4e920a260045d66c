package keymap

import (
	"charm.land/bubbles/v2/key"

	"clientbase/model"
)

// Products are the keys of the product list (ui/catalog). The product form
// uses Form's keys.
type Products struct {
	Nav
	Filter   key.Binding
	Inactive key.Binding
	New      key.Binding
	Edit     key.Binding
	Back     key.Binding
}

// NewProducts builds the product list's keys.
func NewProducts() Products {
	return Products{
		Nav:      NewNav(),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", model.T("key.filter"))),
		Inactive: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", model.T("catalog.key.inactive"))),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("key.new"))),
		Edit:     key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e/enter", model.T("key.edit"))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("catalog.key.clear_or_back"))),
	}
}

// ShortHelp is the list's footer.
func (k Products) ShortHelp() []key.Binding {
	return []key.Binding{k.Filter, k.Inactive, k.New, k.Edit, k.Back}
}

// FullHelp is the list's columns of the ? overlay.
func (k Products) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Filter, k.Inactive, k.New, k.Edit, k.Back},
	}
}

// Prices are the keys of the price settings and versions view.
type Prices struct {
	Nav
	Open     key.Binding
	New      key.Binding
	Settings key.Binding
	Back     key.Binding
}

// NewPrices builds the price view's keys.
func NewPrices() Prices {
	return Prices{
		Nav:      NewNav(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("catalog.key.show_prices"))),
		New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", model.T("catalog.key.new_version"))),
		Settings: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", model.T("catalog.key.settings"))),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is the price view's footer.
func (k Prices) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.New, k.Settings, k.Back}
}

// FullHelp is the price view's ? overlay.
func (k Prices) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Open, k.New, k.Settings, k.Back}}
}

// PriceGrid are the keys of a new price version being entered: the header
// fields, the product search line and the grid of prices.
type PriceGrid struct {
	Next, Prev key.Binding
	Up, Down   key.Binding
	Add        key.Binding
	Remove     key.Binding
	Save       key.Binding
	Back       key.Binding
}

// NewPriceGrid builds the price version editor's keys.
func NewPriceGrid() PriceGrid {
	return PriceGrid{
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", model.T("key.next_field"))),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", model.T("key.previous_field"))),
		Up:     key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", model.T("key.up"))),
		Down:   key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", model.T("key.down"))),
		Add:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", model.T("catalog.key.add_product"))),
		Remove: key.NewBinding(key.WithKeys("delete"), key.WithHelp("delete", model.T("catalog.key.remove_product"))),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", model.T("key.save"))),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back"))),
	}
}

// ShortHelp is the editor's footer.
func (k PriceGrid) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Add, k.Remove, k.Save, k.Back}
}

// FullHelp is the editor's ? overlay.
func (k PriceGrid) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev, k.Up, k.Down}, {k.Add, k.Remove, k.Save, k.Back}}
}

// VersionView are the keys of a stored price version shown read-only.
type VersionView struct {
	Nav
	Back key.Binding
}

// NewVersionView builds the version view's keys.
func NewVersionView() VersionView {
	return VersionView{Nav: NewNav(), Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", model.T("key.back")))}
}

// ShortHelp is the version view's footer.
func (k VersionView) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Back} }

// FullHelp is the version view's ? overlay.
func (k VersionView) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Back}}
}
