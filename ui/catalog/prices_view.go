package catalog

import (
	"strings"
	"time"

	"clientbase/model"
	"clientbase/ui/components/textfit"
)

// priceHead are the lines above the version rows: title, notice, three
// lines of settings, a blank line, the versions' title and column header.
const priceHead = 8

// Column widths of the version list (after the two-cell marker).
const (
	colEffective = 12
	colPrices    = 8
	colMark      = 12
)

func (p *Prices) listHeight() int { return max(1, p.height-priceHead) }

// keepVisible scrolls the version list so the cursor is on screen.
func (p *Prices) keepVisible() {
	h := p.listHeight()
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.cursor >= p.top+h {
		p.top = p.cursor - h + 1
	}
	p.top = max(0, min(p.top, len(p.versions)-h))
}

// View renders exactly width×height.
func (p *Prices) View() string {
	switch {
	case p.editor != nil:
		return p.editor.View()
	case p.sform != nil:
		return p.settingsView()
	case p.view != nil:
		return p.view.View()
	}
	s := p.st
	lines := []string{s.Title.Render(model.T("catalog.prices_title"))}
	switch {
	case p.loading:
		lines = append(lines, s.Subtle.Render(model.T("catalog.loading")))
		return screen(lines, p.width, p.height)
	case p.loadErr != "":
		lines = append(lines, s.Danger.Render(p.loadErr))
		return screen(lines, p.width, p.height)
	case !p.canEdit:
		lines = append(lines, s.Warning.Render(p.why))
	default:
		lines = append(lines, "")
	}
	lines = append(lines, p.settingsLines()...)
	lines = append(lines, "", s.Title.Render(model.T("catalog.versions_title")))
	lines = append(lines, s.Header.Render(textfit.Fit("  "+pad(model.T("catalog.col.effective"), colEffective)+
		padLeft(model.T("catalog.col.prices"), colPrices)+"  "+pad(model.T("catalog.col.state"), colMark)+model.T("catalog.col.note"), p.width)))
	if len(p.versions) == 0 {
		lines = append(lines, s.Subtle.Render("  "+model.T("catalog.no_versions")))
	}
	current := p.currentVersion()
	for i := p.top; i < len(p.versions) && i < p.top+p.listHeight(); i++ {
		r := p.versions[i]
		mark := ""
		switch {
		case r.v.Effective.After(p.now()):
			mark = model.T("catalog.future")
		case i == current:
			mark = model.T("catalog.in_force")
		}
		marker := "  "
		if i == p.cursor {
			marker = "› "
		}
		text := textfit.Fit(marker+pad(model.FormatDate(r.v.Effective, p.env.Loc), colEffective)+padLeft(itoa(r.prices), colPrices)+"  "+
			pad(mark, colMark)+oneLine(r.v.Note), p.width)

		switch {
		case i == p.cursor:
			text = s.RowCursor.Render(text)
		case mark == model.T("catalog.future"):
			text = s.Warning.Render(text)
		default:
			text = s.Row.Render(text)
		}
		lines = append(lines, text)
	}
	return screen(lines, p.width, p.height)
}

// currentVersion is the index of the version in force now (-1: none).
func (p *Prices) currentVersion() int {
	now := p.now()
	for i, r := range p.versions { // newest effective first
		if !r.v.Effective.After(now) {
			return i
		}
	}
	return -1
}

func (p *Prices) now() time.Time { return nowOf(p.env) }

// settingsLines are the settings in three lines.
func (p *Prices) settingsLines() []string {
	s := p.st
	ps := p.settings
	label := func(k string) string { return "  " + s.Label.Render(pad(model.T(k), 18)) }
	cols := strings.Join(ps.Columns, " · ")
	if len(ps.Columns) > 0 {
		cols += "  " + s.Subtle.Render(model.T("catalog.default_column", ps.Columns[0]))
	}
	vat := model.T("catalog.vat_excluded", ps.Currency)
	if ps.VATIncluded {
		vat = model.T("catalog.vat_included", ps.Currency)
	}
	var limits []string
	for _, r := range model.Roles {
		limits = append(limits, model.T("catalog.role."+string(r))+" "+model.FormatRate(ps.DiscountLimits[r]))
	}
	return []string{
		label("catalog.f.columns") + s.Value.Render(cols),
		label("catalog.prices_are") + s.Value.Render(vat),
		label("catalog.limits") + s.Value.Render(strings.Join(limits, " · ")),
	}
}

func (p *Prices) settingsView() string {
	s := p.st
	sf := p.sform
	head := s.Title.Render(model.T("catalog.settings_title"))
	if sf.saving {
		head += "  " + s.Subtle.Render(model.T("catalog.saving"))
	}
	notice := s.Subtle.Render(model.T("catalog.settings_hint"))
	if sf.errTop != "" {
		notice = s.FieldError.Render(sf.errTop)
	}
	lines := []string{head, notice}
	if sf.ask != nil {
		lines = append(lines, strings.Split(sf.ask.View(s, p.width, p.height-formHead), "\n")...)
	} else {
		lines = append(lines, strings.Split(sf.f.View(), "\n")...)
	}
	return screen(lines, p.width, p.height)
}

// oneLine keeps a note to its first line, safe for a cell.
func oneLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i] + "…"
	}
	return plain(s)
}
