package catalog

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/components/table"
)

// listHead are the lines above the table rows: search line, notice, column titles.
const listHead = 3

// formHead are the lines above the product form: title, notice.
const formHead = 2

// countRoom is the room kept right of the search line for the count.
const countRoom = 24

func (p *Products) columns() []table.Column {
	price := model.T("catalog.col.price")
	if len(p.settings.Columns) > 0 {
		price = p.settings.Columns[0]
	}
	return []table.Column{
		{Title: model.T("catalog.col.sku"), Min: 8, Want: 12, Max: 14},
		{Title: model.T("catalog.col.name"), Min: 16, Want: 30},
		{Title: model.T("catalog.col.unit"), Min: 4, Want: 4, Max: 4, Drop: 3},
		{Title: model.T("catalog.col.vat"), Min: 6, Want: 6, Max: 6, Drop: 2},
		{Title: model.T("catalog.col.active"), Min: 6, Want: 6, Max: 6, Drop: 4},
		{Title: padLeft(price, 12), Min: 12, Want: 14, Max: 16, Drop: 1},
	}
}

func (p *Products) cells(pr model.Product) []string {
	active := model.T("catalog.yes")
	if !pr.Active {
		active = model.T("catalog.no")
	}
	price, ok := p.prices[pr.ID]
	if !ok {
		price = "…"
	}
	out := []string{pr.SKU, pr.Name, model.T("catalog.unit_short." + string(pr.Unit)), model.FormatRate(pr.VAT), active, price}
	for i := range out {
		out[i] = table.Plain(out[i])
	}
	out[5] = padLeft(out[5], 12)
	return out
}

// View renders the list (or the product form) exactly width×height.
func (p *Products) View() string {
	if p.form != nil {
		return p.formView()
	}
	s := p.st
	lines := []string{p.searchLine(), p.noticeLine()}
	cols := p.columns()
	widths := table.Fit(cols, p.width)
	placeholder := s.Subtle.Render(model.T("catalog.loading"))
	body := table.Render(s, cols, widths, p.win, func(i int) table.Row {
		pr, ok := p.cache.At(i)
		if !ok {
			return table.Row{}
		}
		return table.Row{Cells: p.cells(pr), Loaded: true, Muted: !pr.Active}
	}, placeholder, p.width)
	bodyLines := strings.Split(body, "\n")
	if p.cache.Loaded && p.win.Total == 0 && len(bodyLines) > 1 {
		empty := model.T("catalog.no_match")
		if p.query == "" {
			empty = model.T("catalog.empty")
		}
		bodyLines[1] = s.Subtle.Render("  " + empty)
	}
	return screen(append(lines, bodyLines...), p.width, p.height)
}

// searchLine is the live search (or its hint) on the left and the count on the right.
func (p *Products) searchLine() string {
	s := p.st
	count := model.T("catalog.loading")
	if p.cache.Loaded {
		count = model.T("catalog.count", p.win.Total)
	}
	right := s.Subtle.Render(count)
	var left string
	switch {
	case p.filtering:
		left = p.input.View()
	case p.query != "":
		left = s.FilterBar.Render(model.T("catalog.search_prompt") + p.query)
	default:
		left = s.Subtle.Render(model.T("catalog.search_hint"))
	}
	room := p.width - lipgloss.Width(right) - 1
	if room < 1 {
		return right
	}
	left = ansi.Truncate(left, room, "")
	if gap := room - lipgloss.Width(left); gap > 0 {
		left += strings.Repeat(" ", gap)
	}
	return left + " " + right
}

// noticeLine says what the list shows and why it cannot be changed.
func (p *Products) noticeLine() string {
	s := p.st
	if p.loadErr != "" {
		return s.Danger.Render(p.loadErr)
	}
	var parts []string
	if p.inactive {
		parts = append(parts, s.Title.Render(model.T("catalog.with_inactive")))
	}
	if !p.canEdit {
		parts = append(parts, s.Warning.Render(p.why))
	}
	return strings.Join(parts, "  ")
}

func (p *Products) formView() string {
	s := p.st
	pf := p.form
	title := model.T("catalog.new_product")
	if pf.orig.ID != 0 {
		title = model.T("catalog.edit_product", pf.orig.SKU)
	}
	head := s.Title.Render(title)
	if pf.saving {
		head += "  " + s.Subtle.Render(model.T("catalog.saving"))
	}
	notice := s.Subtle.Render(model.T("catalog.form_hint"))
	if pf.errTop != "" {
		notice = s.FieldError.Render(pf.errTop)
	}
	lines := []string{head, notice}
	if pf.ask != nil {
		lines = append(lines, strings.Split(pf.ask.View(s, p.width, p.height-formHead), "\n")...)
	} else {
		lines = append(lines, strings.Split(pf.f.View(), "\n")...)
	}
	return screen(lines, p.width, p.height)
}
