// Package table is a table window: it knows the columns, the cursor and the
// visible slice of a list that may hold a million rows, and renders only the
// rows on screen. Where the rows come from is the screen's business.
package table

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// Column describes one column and how it gives way on a narrow terminal.
type Column struct {
	Title string
	Min   int // narrowest useful width
	Want  int // width it gets before any column grows past its Want
	Max   int // widest; 0 = takes whatever is left
	Drop  int // drop order on a narrow terminal: highest first; 0 = never
}

// Gap is the space between two columns; Marker is the cursor column's width.
const (
	Gap    = textfit.Gap
	Marker = 2
)

// Fit returns the width of each column for a table width cells wide; a
// dropped column gets 0.
func Fit(cols []Column, width int) []int {
	w := make([]int, len(cols))
	on := make([]bool, len(cols))
	for i := range cols {
		on[i] = true
	}
	need := func() int {
		n, sum := 0, Marker
		for i, c := range cols {
			if on[i] {
				sum += c.Min
				n++
			}
		}
		if n > 1 {
			sum += (n - 1) * Gap
		}
		return sum
	}
	for need() > width {
		worst := -1
		for i, c := range cols {
			if on[i] && c.Drop > 0 && (worst < 0 || c.Drop > cols[worst].Drop) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		on[worst] = false
	}
	extra := width - need()
	for i, c := range cols {
		if on[i] {
			w[i] = c.Min
		}
	}
	grow := func(limit func(Column) int) {
		for i, c := range cols {
			if !on[i] || extra <= 0 {
				continue
			}
			if add := min(extra, limit(c)-w[i]); add > 0 {
				w[i] += add
				extra -= add
			}
		}
	}
	grow(func(c Column) int { return max(c.Want, c.Min) })
	grow(func(c Column) int {
		if c.Max == 0 {
			return 0
		}
		return c.Max
	})
	for i, c := range cols {
		if on[i] && c.Max == 0 && extra > 0 {
			w[i] += extra
			extra = 0
		}
	}
	return w
}

// Window is the cursor and the first visible row of a list of Total rows
// shown Height rows at a time.
type Window struct {
	Cursor, Top, Height, Total int
}

func (w *Window) clamp() {
	if w.Cursor >= w.Total {
		w.Cursor = w.Total - 1
	}
	if w.Cursor < 0 {
		w.Cursor = 0
	}
	if w.Height < 1 {
		w.Top = w.Cursor
		return
	}
	if w.Cursor < w.Top {
		w.Top = w.Cursor
	}
	if w.Cursor >= w.Top+w.Height {
		w.Top = w.Cursor - w.Height + 1
	}
	if maxTop := max(0, w.Total-w.Height); w.Top > maxTop {
		w.Top = maxTop
	}
	if w.Top < 0 {
		w.Top = 0
	}
}

// SetTotal changes the number of rows, keeping the cursor inside.
func (w *Window) SetTotal(n int) { w.Total = n; w.clamp() }

// SetHeight changes how many rows are visible.
func (w *Window) SetHeight(h int) { w.Height = h; w.clamp() }

// Move moves the cursor by delta rows.
func (w *Window) Move(delta int) { w.Cursor += delta; w.clamp() }

// GoTo puts the cursor on row i.
func (w *Window) GoTo(i int) { w.Cursor = i; w.clamp() }

// Visible returns the rows on screen: [from, to).
func (w Window) Visible() (from, to int) {
	return w.Top, min(w.Total, w.Top+w.Height)
}

// Span is a slice of a list asked of the store: rows [Off, Off+Limit).
type Span struct{ Off, Limit int }

// Around is the slice to keep in memory for the cursor: the visible rows and
// margin rows (at least a screenful) either side. Before the total is known
// (loaded false) it asks for a screenful from the top row.
func (w Window) Around(loaded bool, margin int) Span {
	from, to := w.Visible()
	if !loaded && to <= from {
		to = from + w.Height
	}
	margin = max(margin, w.Height)
	off := max(0, from-margin)
	return Span{Off: off, Limit: to + margin - off}
}

// NeedsRows reports whether the visible rows and half a screen either side
// lie outside both the n rows held from off and the request on its way
// (pending, nil if none): only then is another page worth asking for.
func (w Window) NeedsRows(off, n int, pending *Span) bool {
	from, to := w.Visible()
	if to <= from {
		return false
	}
	slack := w.Height / 2
	lo, hi := max(0, from-slack), min(w.Total, to+slack)
	covered := func(off, n int) bool { return lo >= off && hi <= off+n }
	return !covered(off, n) && (pending == nil || !covered(pending.Off, pending.Limit))
}

// Navigate moves the cursor for a key of nav and reports whether it was one.
func (w *Window) Navigate(k tea.KeyPressMsg, nav Nav) bool {
	switch {
	case key.Matches(k, nav.Up):
		w.Move(-1)
	case key.Matches(k, nav.Down):
		w.Move(1)
	case key.Matches(k, nav.PageUp):
		w.Move(-w.Height)
	case key.Matches(k, nav.PageDown):
		w.Move(w.Height)
	case key.Matches(k, nav.Top):
		w.GoTo(0)
	case key.Matches(k, nav.Bottom):
		w.GoTo(w.Total - 1)
	default:
		return false
	}
	return true
}

// MoveCursor is a short list's cursor (count rows, page a screen) after a
// key of nav — Navigate for a list that keeps its cursor as a number.
func MoveCursor(k tea.KeyPressMsg, nav Nav, cur, count, page int) int {
	w := Window{Cursor: cur, Height: max(1, page), Total: count}
	w.clamp()
	w.Navigate(k, nav)
	return max(0, w.Cursor)
}

// Nav is the keys that move a list's cursor.
type Nav struct{ Up, Down, PageUp, PageDown, Top, Bottom key.Binding }

// Row is one row's cells (plain text, see Plain); a row not yet loaded is drawn as a quiet placeholder.
type Row struct {
	Cells  []string
	Loaded bool
	Muted  bool // archived
}

// Plain makes user text safe for a cell: a control character (an escape
// sequence typed or imported into a name) would redraw the terminal, so it becomes "�".
// It lives in textfit (which table now imports for Width).
func Plain(s string) string { return textfit.Plain(s) }

// cell fits text into exactly n cells, cutting with "…".
func cell(text string, n int) string {
	text = ansi.Truncate(text, n, "…")
	if pad := n - textfit.Width(text); pad > 0 {
		text += strings.Repeat(" ", pad)
	}
	return text
}

func line(cells []string, widths []int) string {
	var b strings.Builder
	first := true
	for i, w := range widths {
		if w == 0 {
			continue
		}
		if !first {
			b.WriteString(strings.Repeat(" ", Gap))
		}
		first = false
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		b.WriteString(cell(text, w))
	}
	return b.String()
}

// Render draws the header and win.Height rows (blank lines below the last
// row), each exactly width cells wide. row is asked only for visible rows.
func Render(s styles.Styles, cols []Column, widths []int, win Window, row func(i int) Row, placeholder string, width int) string {
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
	}
	out := make([]string, 0, win.Height+1)
	out = append(out, s.Header.Render(cell(strings.Repeat(" ", Marker)+line(titles, widths), width)))
	from, to := win.Visible()
	for i := from; i < to; i++ {
		r := row(i)
		var text string
		if r.Loaded {
			text = line(r.Cells, widths)
		} else {
			text = placeholder
		}
		st := s.Row
		switch {
		case i == win.Cursor:
			st = s.RowCursor
			text = cell("› "+text, width)
		case !r.Loaded:
			st = s.Subtle
			text = cell("  "+text, width)
		case r.Muted:
			st = s.RowArchive
			text = cell("  "+text, width)
		default:
			text = cell("  "+text, width)
		}
		out = append(out, st.Render(text))
	}
	for len(out) < win.Height+1 {
		out = append(out, strings.Repeat(" ", width))
	}
	return strings.Join(out, "\n")
}
