package catalog

import (
	"strings"

	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/components/textfit"
)

// searchLabel is the width of the "Add product" label before the search line.
const searchLabel = 22

// grid is the width of the grid's parts: SKU, name and each price cell.
type grid struct{ sku, name, cell int }

// gridLayout shares width between the SKU, the name and ncols price cells
// (each followed by two spaces); the name gives way first.
func gridLayout(width, ncols int) grid {
	g := grid{sku: 12, cell: 12}
	g.name = width - 2 - g.sku - ncols*(g.cell+2)
	if g.name < 14 {
		g.cell = 10
		g.name = width - 2 - g.sku - ncols*(g.cell+2)
	}
	g.name = max(g.name, 6)
	return g
}

func (g grid) header(ps model.PriceSettings) string {
	h := "  " + pad(model.T("catalog.col.sku"), g.sku) + pad(model.T("catalog.col.name"), g.name)
	for _, c := range ps.Columns {
		h += padLeft(c, g.cell) + "  "
	}
	return h
}

func (g grid) left(p model.Product, cursor bool) string {
	marker := "  "
	if cursor {
		marker = "› "
	}
	return marker + pad(plain(p.SKU), g.sku) + pad(plain(p.Name), g.name)
}

// View renders exactly width×height.
func (e *VersionEditor) View() string {
	s := e.st
	title := s.Title.Render(model.T("catalog.version.new_title"))
	if e.saving {
		title += "  " + s.Subtle.Render(model.T("catalog.saving"))
	}
	notice := s.Subtle.Render(model.T("catalog.version.hint"))
	if e.errTop != "" {
		notice = s.FieldError.Render(e.errTop)
	}
	lines := []string{title, notice}
	if e.ask != nil {
		lines = append(lines, strings.Split(e.ask.View(s, e.width, e.height-2), "\n")...)
		return screen(lines, e.width, e.height)
	}
	lines = append(lines, e.head.Lines()...)
	lines = append(lines, strings.Repeat(" ", 22)+s.Subtle.Render(model.T("catalog.version.notice_hint")))
	lines = append(lines, e.searchLines()...)
	lines = append(lines, "")
	g := gridLayout(e.width, len(e.settings.Columns))
	lines = append(lines, s.Header.Render(textfit.Fit(g.header(e.settings), e.width)))
	room := e.height - len(lines)
	lines = append(lines, e.gridLines(g, room)...)
	return screen(lines, e.width, e.height)
}

// searchLines are the search line, its sentence and the products it offers.
func (e *VersionEditor) searchLines() []string {
	s := e.st
	label := s.Label
	marker := "  "
	if e.zone == zoneSearch {
		label, marker = s.Focused, s.Focused.Render("▸ ")
	}
	head := marker + label.Render(model.T("catalog.version.add"))
	head += strings.Repeat(" ", max(1, searchLabel-lipgloss.Width(head)))
	out := []string{head + e.search.View()}
	if e.addErr != "" {
		out = append(out, strings.Repeat(" ", searchLabel)+s.FieldError.Render("✗ "+e.addErr))
	}
	if e.zone == zoneSearch {
		for i, p := range e.matches {
			text := pad(plain(p.SKU), 14) + plain(p.Name)
			if i == e.mcur {
				out = append(out, strings.Repeat(" ", searchLabel-2)+s.RowCursor.Render(textfit.Fit("› "+text, max(10, e.width-searchLabel))))
			} else {
				out = append(out, strings.Repeat(" ", searchLabel)+s.Row.Render(text))
			}
		}
	}
	return out
}

// gridLines are the grid's rows (and each bad cell's sentence under its row)
// in room lines, scrolled so the cursor's row shows. Only the lines on screen
// are drawn: a version may hold thousands of rows and this runs every frame.
func (e *VersionEditor) gridLines(g grid, room int) []string {
	s := e.st
	if len(e.rows) == 0 {
		return []string{s.Subtle.Render("  " + model.T("catalog.version.empty"))}
	}
	// line is a grid row (col -1) or the sentence under its bad cell col.
	type line struct{ row, col int }
	var all []line
	for i, r := range e.rows {
		all = append(all, line{row: i, col: -1})
		for j := range r.cells {
			if e.cellErrs[[2]int{i, j}] != "" {
				all = append(all, line{row: i, col: j})
			}
		}
	}
	// the cursor's row and its sentences: first and last line
	first, last := -1, 0
	for k, l := range all {
		if l.row == e.row {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	first = max(first, 0)
	top := 0
	if last >= room {
		top = last - room + 1
	}
	if first < top {
		top = first
	}
	var out []string
	for k := top; k < len(all) && k < top+room; k++ {
		out = append(out, e.gridLine(g, all[k].row, all[k].col))
	}
	return out
}

// gridLine draws row i of the grid, or with col ≥ 0 the sentence under its bad cell col.
func (e *VersionEditor) gridLine(g grid, i, col int) string {
	s := e.st
	if col >= 0 {
		return "    " + s.FieldError.Render("↳ "+e.settings.Columns[col]+": "+e.cellErrs[[2]int{i, col}])
	}
	r := e.rows[i]
	text := s.Row.Render(g.left(r.p, e.zone == zoneGrid && i == e.row))
	for j, c := range r.cells {
		cell := padLeft(c, g.cell)
		switch {
		case e.zone == zoneGrid && i == e.row && j == e.col:
			cell = s.Focused.Render(padLeft(c+"▏", g.cell))
		case e.cellErrs[[2]int{i, j}] != "":
			cell = s.FieldError.Render(cell)
		case r.loading:
			cell = s.Subtle.Render(padLeft("…", g.cell))
		case j < len(r.was) && strings.TrimSpace(c) != r.was[j]:
			cell = s.Warning.Render(cell)
		default:
			cell = s.Value.Render(cell)
		}
		text += cell + "  "
	}
	return text
}
