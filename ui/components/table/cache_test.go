package table

import "testing"

// A cache fetches around the window, waits for its own answer only, and
// finds rows by their place in the whole list.
func TestCache(t *testing.T) {
	var c Cache[int]
	w := Window{Height: 5, Total: 100}
	if !c.Needs(w) {
		t.Fatal("an empty cache needs the visible rows")
	}
	s := c.Ask(w, 10)
	if s.Off != 0 || s.Limit != 15 || c.Needs(w) {
		t.Fatalf("asked %+v; still needs rows while they are on their way: %v", s, c.Needs(w))
	}
	c.Answered(0, 99) // another span's answer
	if c.Pending == nil {
		t.Fatal("an answer for another span ended the wait")
	}
	c.Answered(s.Off, s.Limit)
	rows := make([]int, 15)
	for i := range rows {
		rows[i] = 100 + i
	}
	c.Fill(s.Off, rows)
	if r, ok := c.At(3); !ok || r != 103 || !c.Loaded {
		t.Fatalf("row 3 is %d, %v", r, ok)
	}
	if _, ok := c.At(15); ok {
		t.Fatal("row 15 is not in memory")
	}
	if got := c.Visible(w); len(got) != 5 || got[4] != 104 {
		t.Fatalf("visible %v", got)
	}
	if i, ok := c.Index(func(r int) bool { return r == 112 }); !ok || i != 12 {
		t.Fatalf("112 found at %d, %v", i, ok)
	}
	w.GoTo(60)
	if !c.Needs(w) {
		t.Fatal("the window moved past the rows in memory")
	}
}

// Restart drops the span on its way; from the top it moves the cursor there,
// else it hands back the row under the cursor to follow.
func TestCacheRestart(t *testing.T) {
	c := Cache[int]{Off: 10, Rows: []int{100, 101, 102, 103}, Loaded: true}
	w := Window{Height: 2, Total: 50}
	w.GoTo(12)
	c.Ask(w, 5)
	if r, ok := c.Restart(&w, false); !ok || r != 102 || c.Pending != nil || w.Cursor != 12 {
		t.Fatalf("refresh: row %d %v, pending %v, cursor %d", r, ok, c.Pending, w.Cursor)
	}
	w.GoTo(40)
	if _, ok := c.Restart(&w, false); ok {
		t.Fatal("a row not in memory was handed back")
	}
	c.Ask(w, 5)
	if _, ok := c.Restart(&w, true); ok || c.Pending != nil || w.Cursor != 0 || w.Top != 0 {
		t.Fatalf("from the top: %v, pending %v, cursor %d top %d", ok, c.Pending, w.Cursor, w.Top)
	}
}
