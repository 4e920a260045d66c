package table

// Cache is the part of a long list held in memory around the window: a
// contiguous slice of rows starting at Off, the span asked of the store and
// not yet answered, and whether an answer for the current query came.
type Cache[R any] struct {
	Off     int
	Rows    []R
	Pending *Span
	Loaded  bool
}

// At is row i of the list, when it is in memory.
func (c *Cache[R]) At(i int) (R, bool) {
	j := i - c.Off
	if j < 0 || j >= len(c.Rows) {
		var zero R
		return zero, false
	}
	return c.Rows[j], true
}

// Visible are the window's rows that are in memory.
func (c *Cache[R]) Visible(w Window) []R {
	from, to := w.Visible()
	var out []R
	for i := from; i < to; i++ {
		if r, ok := c.At(i); ok {
			out = append(out, r)
		}
	}
	return out
}

// Ask is the span to fetch for w (Window.Around), noted as on its way.
func (c *Cache[R]) Ask(w Window, margin int) Span {
	s := w.Around(c.Loaded, margin)
	c.Pending = &s
	return s
}

// Needs reports that w shows rows neither in memory nor on their way.
func (c *Cache[R]) Needs(w Window) bool { return w.NeedsRows(c.Off, len(c.Rows), c.Pending) }

// Answered ends the wait for the span an answer (off, want) was asked for;
// call it for failed answers too.
func (c *Cache[R]) Answered(off, want int) {
	if c.Pending != nil && c.Pending.Off == off && c.Pending.Limit == want {
		c.Pending = nil
	}
}

// Fill keeps the rows of an answer, the list's rows from off.
func (c *Cache[R]) Fill(off int, rows []R) {
	c.Off, c.Rows, c.Loaded = off, rows, true
}

// Index is where the first row in memory that match accepts stands in the list.
func (c *Cache[R]) Index(match func(R) bool) (int, bool) {
	for j, r := range c.Rows {
		if match(r) {
			return c.Off + j, true
		}
	}
	return 0, false
}

// Restart drops the span on its way, for a new query of w. fromTop puts the
// cursor on the first row; otherwise it stays and the row under it, when in
// memory, is returned (the one to follow while the list loads again).
func (c *Cache[R]) Restart(w *Window, fromTop bool) (R, bool) {
	c.Pending = nil
	if fromTop {
		w.GoTo(0)
		w.Top = 0
		var zero R
		return zero, false
	}
	return c.At(w.Cursor)
}
