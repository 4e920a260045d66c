package clients

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
)

// columns in screen order; Drop says which give way first on a narrow terminal.
func columns() []table.Column {
	return []table.Column{
		{Title: model.T("ui.col.name"), Min: 24, Want: 30},
		{Title: model.T("ui.col.tax_id"), Min: 12, Want: 12, Max: 14, Drop: 3},
		{Title: model.T("ui.col.phone"), Min: 16, Want: 16, Max: 17, Drop: 4},
		{Title: model.T("ui.col.city"), Min: 12, Want: 12, Max: 18, Drop: 6},
		{Title: model.T("ui.col.category"), Min: 3, Want: 3, Max: 3, Drop: 2},
		{Title: model.T("ui.col.status"), Min: 12, Want: 12, Max: 12, Drop: 5},
		{Title: model.T("ui.col.manager"), Min: 8, Want: 10, Max: 14, Drop: 7},
	}
}

func cells(c model.Client) []string {
	phone := ""
	if len(c.Phones) > 0 {
		phone = c.Phones[0].Raw
		if c.Phones[0].E164 != "" {
			phone = model.FormatPhone(c.Phones[0].E164)
		}
	}
	cat := string(c.Category)
	if cat == "" {
		cat = "·"
	}
	status := ""
	if c.Status != "" {
		status = model.T("ui.client.status." + string(c.Status))
	}
	if c.Archived {
		status = model.T("ui.col.archived")
	}
	out := []string{c.ShortName, c.TaxID, phone, c.City, cat, status, c.Manager}
	for i := range out {
		out[i] = table.Plain(out[i])
	}
	return out
}

// View renders the list (or the open card) exactly width×height.
func (m *Model) View() string {
	if m.card != nil {
		return m.card.View()
	}
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	s := m.deps.Styles
	lines := make([]string, 0, m.height)
	lines = append(lines, m.filterLine())
	lines = append(lines, m.infoLine())

	cols := columns()
	widths := table.Fit(cols, m.width)
	placeholder := s.Subtle.Render(model.T("ui.list.loading"))
	body := table.Render(s, cols, widths, m.win, func(i int) table.Row {
		c, ok := m.cache.At(i)
		if !ok {
			return table.Row{}
		}
		return table.Row{Cells: cells(c), Loaded: true, Muted: c.Archived}
	}, placeholder, m.width)
	bodyLines := strings.Split(body, "\n")
	if m.cache.Loaded && !m.indexing && m.win.Total == 0 && len(bodyLines) > 1 {
		empty := model.T("ui.list.no_match")
		if m.filter == (model.ClientFilter{}) {
			empty = model.T("ui.list.empty")
		}
		bodyLines[1] = textfit.Fit(s.Subtle.Render("  "+empty), m.width)
	}
	lines = append(lines, bodyLines...)
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	for len(lines) < m.height {
		lines = append(lines, strings.Repeat(" ", m.width))
	}
	return strings.Join(lines, "\n")
}

// filterLine is the live filter (or its hint) on the left and the count on the right.
func (m *Model) filterLine() string {
	s := m.deps.Styles
	right := s.Subtle.Render(m.countText())
	var left string
	switch {
	case m.filtering:
		left = m.input.View()
	case m.filter.Text != "":
		left = s.FilterBar.Render(model.T("ui.list.filter_prompt") + m.filter.Text)
	default:
		left = s.Subtle.Render(model.T("ui.list.filter_hint"))
	}
	room := m.width - textfit.Width(right) - 1
	if room < 1 {
		return textfit.Fit(right, m.width)
	}
	left = ansi.Truncate(left, room, "")
	if pad := room - textfit.Width(left); pad > 0 {
		left += strings.Repeat(" ", pad)
	}
	return textfit.Fit(left+" "+right, m.width)
}

func (m *Model) countText() string {
	if !m.cache.Loaded || m.indexing && m.filter != (model.ClientFilter{}) {
		return model.T("ui.list.loading")
	}
	if m.filter == (model.ClientFilter{}) || !m.haveStats {
		return model.T("ui.list.count_only", m.win.Total)
	}
	all := m.stats.Clients
	if m.filter.IncludeArchived || m.filter.OnlyArchived {
		all += m.stats.Archived
	}
	return model.T("ui.list.count", m.win.Total, all)
}

// infoLine names the quick filters in force, or says the index is still building.
func (m *Model) infoLine() string {
	s := m.deps.Styles
	if m.loadErr != "" {
		return textfit.Fit(s.Danger.Render(m.loadErr), m.width)
	}
	if m.indexing && m.filter != (model.ClientFilter{}) {
		return textfit.Fit(s.Warning.Render(model.T("ui.list.indexing")), m.width)
	}
	var parts []string
	f := m.filter
	if f.Category != "" {
		parts = append(parts, model.T("ui.list.f.category", string(f.Category)))
	}
	if f.Status != "" {
		parts = append(parts, model.T("ui.list.f.status", model.T("ui.client.status."+string(f.Status))))
	}
	if f.Manager != "" {
		if f.Manager == m.deps.Me.Name {
			parts = append(parts, model.T("ui.list.f.mine"))
		} else {
			parts = append(parts, model.T("ui.list.f.manager", f.Manager))
		}
	}
	if f.IncludeArchived {
		parts = append(parts, model.T("ui.list.f.archived"))
	}
	if len(parts) == 0 {
		return strings.Repeat(" ", m.width)
	}
	return textfit.Fit(s.Title.Render(model.T("ui.list.filters", strings.Join(parts, " · "))), m.width)
}
