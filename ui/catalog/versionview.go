package catalog

import (
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// versionView shows one stored version's prices, a product a line, the
// columns side by side (read-only).
type versionView struct {
	env      common.Env
	st       styles.Styles
	keys     keymap.VersionView
	settings model.PriceSettings
	v        model.PriceVersion
	width    int
	height   int
	loading  bool
	err      string
	rows     []gridRow
	cursor   int
	top      int
}

// versionLoadedMsg carries a version with its products.
type versionLoadedMsg struct {
	id   model.ID
	v    model.PriceVersion
	rows []gridRow
	err  error
}

func newVersionView(env common.Env, ps model.PriceSettings, v model.PriceVersion) *versionView {
	return &versionView{env: env, st: env.Styles, keys: keymap.NewVersionView(), settings: ps, v: v, loading: true, width: 80, height: 20}
}

func (w *versionView) setSize(width, height int) { w.width, w.height = width, height }

// load reads the version and names its products, a product a row in SKU order.
func (w *versionView) load() tea.Cmd {
	st, id, cols := w.env.Store, w.v.ID, w.settings.Columns
	return func() tea.Msg {
		v, err := st.PriceVersion(id)
		if err != nil {
			return versionLoadedMsg{id: id, err: err}
		}
		byProduct := map[model.ID]*gridRow{}
		var order []model.ID
		for _, e := range v.Prices {
			r := byProduct[e.Product]
			if r == nil {
				pr, err := st.Product(e.Product)
				if err != nil {
					pr = model.Product{ID: e.Product, SKU: "#" + itoa(int(e.Product))}
				}
				r = &gridRow{p: pr, cells: make([]string, len(cols))}
				byProduct[e.Product] = r
				order = append(order, e.Product)
			}
			for i, c := range cols {
				if c == e.Column {
					r.cells[i] = money(e.Price)
				}
			}
		}
		rows := make([]gridRow, 0, len(order))
		for _, id := range order {
			rows = append(rows, *byProduct[id])
		}
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].p.SKU < rows[j].p.SKU })
		return versionLoadedMsg{id: id, v: v, rows: rows}
	}
}

func (w *versionView) loaded(msg versionLoadedMsg) {
	if msg.id != w.v.ID {
		return
	}
	w.loading = false
	if msg.err != nil {
		w.err = model.T("catalog.load_failed", msg.err.Error())
		return
	}
	w.v, w.rows = msg.v, msg.rows
}

func (w *versionView) bodyHeight() int { return max(1, w.height-3) }

func (w *versionView) key(k tea.KeyPressMsg) {
	n := len(w.rows)
	switch {
	case key.Matches(k, w.keys.Up):
		w.cursor--
	case key.Matches(k, w.keys.Down):
		w.cursor++
	case key.Matches(k, w.keys.PageUp):
		w.cursor -= w.bodyHeight()
	case key.Matches(k, w.keys.PageDown):
		w.cursor += w.bodyHeight()
	case key.Matches(k, w.keys.Top):
		w.cursor = 0
	case key.Matches(k, w.keys.Bottom):
		w.cursor = n - 1
	}
	w.cursor = max(0, min(w.cursor, n-1))
	h := w.bodyHeight()
	if w.cursor < w.top {
		w.top = w.cursor
	}
	if w.cursor >= w.top+h {
		w.top = w.cursor - h + 1
	}
}

// View renders exactly width×height.
func (w *versionView) View() string {
	s := w.st
	title := model.T("catalog.version_title", model.FormatDate(w.v.Effective, w.env.Loc))
	if w.v.Effective.After(nowOf(w.env)) {
		title += "  " + s.Warning.Render(model.T("catalog.future"))
	}
	lines := []string{s.Title.Render(title)}
	switch {
	case w.loading:
		lines = append(lines, s.Subtle.Render(model.T("catalog.loading")))
		return screen(lines, w.width, w.height)
	case w.err != "":
		lines = append(lines, s.Danger.Render(w.err))
		return screen(lines, w.width, w.height)
	}
	lines = append(lines, s.Subtle.Render(oneLine(w.v.Note)))
	g := gridLayout(w.width, len(w.settings.Columns))
	lines = append(lines, s.Header.Render(textfit.Fit(g.header(w.settings), w.width)))
	for i := w.top; i < len(w.rows) && i < w.top+w.bodyHeight(); i++ {
		r := w.rows[i]
		text := g.left(r.p, i == w.cursor)
		for _, c := range r.cells {
			text += padLeft(c, g.cell) + "  "
		}
		text = textfit.Fit(text, w.width)
		if i == w.cursor {
			text = s.RowCursor.Render(text)
		} else {
			text = s.Row.Render(text)
		}
		lines = append(lines, text)
	}
	return screen(lines, w.width, w.height)
}
