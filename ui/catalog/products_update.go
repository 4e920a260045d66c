package catalog

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/form"
	"clientbase/ui/components/table"
)

// Update handles keys (sent only while the pane shows) and every other message.
func (p *Products) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pageMsg:
		return p.onPage(msg)
	case rowPricesMsg:
		if msg.gen == p.gen {
			for id, s := range msg.prices {
				p.prices[id] = s
			}
		}
		return nil
	case settingsMsg:
		if msg.err == nil {
			p.settings = msg.ps
			p.prices = map[model.ID]string{}
			return p.askRowPrices()
		}
		return nil
	case productSavedMsg:
		return p.onSaved(msg)
	case common.DataChangedMsg:
		switch msg.Kind {
		case "product", "price", "price_settings", "*":
			p.prices = map[model.ID]string{}
			return tea.Batch(p.requery(false), loadSettings(p.env.Store))
		}
		return nil
	case tea.KeyPressMsg:
		p.closed = false
		switch {
		case p.form != nil:
			return p.formKey(msg)
		case p.filtering:
			return p.filterKey(msg)
		}
		return p.listKey(msg)
	case tea.PasteMsg:
		if p.form != nil {
			f, cmd := p.form.f.Update(msg)
			p.form.f = f
			return cmd
		}
		var focus tea.Cmd
		if !p.filtering {
			p.filtering = true
			p.input.CursorEnd()
			focus = p.input.Focus()
		}
		msg.Content = strings.TrimSpace(msg.Content)
		return tea.Batch(focus, p.typeInSearch(msg))
	}
	return nil
}

func (p *Products) onPage(msg pageMsg) tea.Cmd {
	if msg.gen != p.gen {
		return nil
	}
	p.cache.Answered(msg.off, msg.want)
	if msg.err != nil {
		p.loadErr = model.T("catalog.load_failed", msg.err.Error())
		return status(p.loadErr, true)
	}
	p.loadErr = ""
	p.cache.Fill(msg.off, msg.page.Rows)
	p.win.SetTotal(msg.page.Total)
	return tea.Batch(p.askRowPrices(), p.ensureRows())
}

// askRowPrices asks the default column's price of the rows in memory that
// have none yet (a few dozen lookups, never the whole catalogue).
func (p *Products) askRowPrices() tea.Cmd {
	if len(p.settings.Columns) == 0 {
		return nil
	}
	var ids []model.ID
	for _, r := range p.cache.Rows {
		if _, ok := p.prices[r.ID]; !ok {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return fetchRowPrices(p.ctx, p.env.Store, p.gen, ids, p.settings.Columns[0], p.env)
}

// requery starts a new query generation: the previous query's context is
// cancelled and its results dropped. fromTop puts the cursor on the first row.
func (p *Products) requery(fromTop bool) tea.Cmd {
	p.cancel()
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.gen++
	p.cache.Restart(&p.win, fromTop)
	return p.fetchAround()
}

func (p *Products) fetchAround() tea.Cmd {
	w := p.cache.Ask(p.win, rowsAround)
	return fetchPage(p.ctx, p.env.Store, p.query, p.inactive, p.gen, w.Off, w.Limit)
}

// ensureRows asks for more rows when the cursor came near the edge of what
// is in memory, unless such a request is already on its way.
func (p *Products) ensureRows() tea.Cmd {
	if !p.cache.Needs(p.win) {
		return nil
	}
	return p.fetchAround()
}

func (p *Products) listKey(k tea.KeyPressMsg) tea.Cmd {
	keys := p.keys
	if p.win.Navigate(k, table.Nav{Up: keys.Up, Down: keys.Down, PageUp: keys.PageUp, PageDown: keys.PageDown, Top: keys.Top, Bottom: keys.Bottom}) {
		return p.ensureRows()
	}
	switch {
	case key.Matches(k, keys.Filter):
		p.filtering = true
		p.input.CursorEnd()
		return p.input.Focus()
	case key.Matches(k, keys.Inactive):
		p.inactive = !p.inactive
		return p.requery(true)
	case k.String() == "n":
		if !p.canEdit {
			return status(p.why, true)
		}
		p.openForm(model.Product{Unit: model.UnitPiece, VAT: 20 * model.RateScale, Active: true}, nil)
		return p.form.f.Focus("sku")
	case k.String() == "e" || k.String() == "enter":
		if !p.canEdit {
			return status(p.why, true)
		}
		cur, ok := p.Current()
		if !ok {
			return nil
		}
		p.openForm(cur, nil)
		return nil
	case key.Matches(k, keys.Back):
		if p.query != "" {
			p.query = ""
			p.input.SetValue("")
			return p.requery(true)
		}
		p.closed = true
		return nil
	}
	return nil
}

func (p *Products) filterKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, p.fkeys.Accept):
		p.filtering = false
		p.input.Blur()
		return nil
	case key.Matches(k, p.fkeys.Cancel):
		p.filtering = false
		p.input.Blur()
		p.input.SetValue("")
		if p.query == "" {
			return nil
		}
		p.query = ""
		return p.requery(true)
	case key.Matches(k, p.fkeys.Up):
		p.win.Move(-1)
		return p.ensureRows()
	case key.Matches(k, p.fkeys.Down):
		p.win.Move(1)
		return p.ensureRows()
	}
	return p.typeInSearch(k)
}

// typeInSearch hands a key or a paste to the search line and asks again
// when its text changed (a new generation: the older answer is dropped).
func (p *Products) typeInSearch(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if v := p.input.Value(); v != p.query {
		p.query = v
		return tea.Batch(cmd, p.requery(true))
	}
	return cmd
}

// unitOptions are the units with their words.
func unitOptions() []form.Option {
	opts := make([]form.Option, 0, len(model.Units))
	for _, u := range model.Units {
		opts = append(opts, form.Option{Value: string(u), Label: model.T("catalog.unit." + string(u))})
	}
	return opts
}

// openForm opens the product form on pr; values typed in prev (a form rebuilt
// for new styles) are kept.
func (p *Products) openForm(pr model.Product, prev *form.Model) {
	f := form.New(p.st, model.T("catalog.yes"), model.T("catalog.no"),
		form.Text("sku", model.T("catalog.f.sku"), pr.SKU),
		form.Text("name", model.T("catalog.f.name"), pr.Name),
		form.Choice("unit", model.T("catalog.f.unit"), unitOptions(), string(pr.Unit)),
		form.Text("vat", model.T("catalog.f.vat"), model.FormatRate(pr.VAT)),
		form.Toggle("active", model.T("catalog.f.active"), pr.Active),
		form.Text("external", model.T("catalog.f.external"), pr.External),
	)
	if prev != nil {
		for _, k := range []string{"sku", "name", "unit", "vat", "active", "external"} {
			f.SetValue(k, prev.Value(k))
		}
	}
	f.SetSize(p.width, p.height-formHead)
	old := p.form
	p.form = &productForm{f: f, orig: pr}
	if old != nil {
		p.form.gen, p.form.saving, p.form.errTop = old.gen, old.saving, old.errTop
	}
}

func (p *Products) formKey(k tea.KeyPressMsg) tea.Cmd {
	pf := p.form
	if pf.ask != nil {
		a := pf.ask.Update(k)
		pf.ask = &a
		if a.Answered {
			pf.ask = nil
			if a.Yes {
				p.form = nil
			} else {
				return pf.f.Refocus()
			}
		}
		return nil
	}
	keys := pf.f.Keys()
	switch {
	case key.Matches(k, keys.Submit):
		return p.saveForm()
	case key.Matches(k, keys.Back):
		if pf.f.Dirty() && !pf.saving {
			a := confirm.New(model.T("catalog.discard"))
			pf.ask = &a
			pf.f.Blur()
			return nil
		}
		p.form = nil
		return nil
	}
	f, cmd := pf.f.Update(k)
	pf.f = f
	return cmd
}

// readForm turns the form into a product and the sentences of what does not read.
func (p *Products) readForm() (model.Product, map[string]string) {
	f := p.form.f
	pr := p.form.orig
	bad := map[string]string{}
	pr.SKU = strings.TrimSpace(f.Value("sku"))
	pr.Name = strings.TrimSpace(f.Value("name"))
	pr.Unit = model.Unit(f.Value("unit"))
	pr.Active = f.Bool("active")
	pr.External = strings.TrimSpace(f.Value("external"))
	if r, err := model.ParseRate(f.Value("vat")); err != nil {
		bad["vat"] = err.Error()
	} else {
		pr.VAT = r
	}
	for k, s := range fieldErrors(model.ValidateProduct(pr)) {
		if _, ok := bad[k]; !ok {
			bad[k] = s
		}
	}
	return pr, bad
}

// saveForm checks the form and, when every field reads, hands it to the store.
func (p *Products) saveForm() tea.Cmd {
	pf := p.form
	if pf.saving {
		return nil
	}
	pr, bad := p.readForm()
	if len(bad) > 0 {
		p.placeErrors(bad)
		return nil
	}
	pf.saving, pf.errTop = true, ""
	pf.gen++
	st, gen := p.env.Store, pf.gen
	return func() tea.Msg {
		out, err := st.SaveProduct(pr)
		return productSavedMsg{gen: gen, p: out, err: err}
	}
}

// placeErrors puts sentences under their fields; one naming no field goes
// on the line under the title.
func (p *Products) placeErrors(bad map[string]string) {
	rest := p.form.f.SetErrors(bad)
	p.form.errTop = ""
	for _, k := range []string{"sku", "name", "unit", "vat", "active", "external"} {
		delete(rest, k)
	}
	for _, s := range rest {
		p.form.errTop = s
		break
	}
}

func (p *Products) onSaved(msg productSavedMsg) tea.Cmd {
	pf := p.form
	if pf == nil || msg.gen != pf.gen {
		return nil
	}
	pf.saving = false
	if msg.err != nil {
		if bad := fieldErrors(msg.err); bad != nil {
			p.placeErrors(bad)
			return status(errSentence(msg.err), true)
		}
		pf.errTop = errSentence(msg.err)
		return status(pf.errTop, true)
	}
	p.form = nil
	return tea.Batch(status(model.T("catalog.product_saved", msg.p.SKU), false), changed("product", msg.p.ID), p.requery(false))
}
