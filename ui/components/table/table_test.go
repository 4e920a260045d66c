package table

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/styles"
)

func listColumns() []Column {
	return []Column{
		{Title: "Name", Min: 24, Want: 30},
		{Title: "Tax id", Min: 12, Want: 12, Max: 14, Drop: 3},
		{Title: "Phone", Min: 16, Want: 16, Max: 17, Drop: 4},
		{Title: "City", Min: 12, Want: 12, Max: 18, Drop: 6},
		{Title: "Cat", Min: 3, Want: 3, Max: 3, Drop: 2},
		{Title: "Status", Min: 12, Want: 12, Max: 12, Drop: 5},
		{Title: "Manager", Min: 8, Want: 10, Max: 14, Drop: 7},
	}
}

func used(w []int) int {
	sum, n := Marker, 0
	for _, x := range w {
		if x > 0 {
			sum += x
			n++
		}
	}
	if n > 1 {
		sum += (n - 1) * Gap
	}
	return sum
}

func TestFitDropsTheLeastImportantFirst(t *testing.T) {
	cols := listColumns()
	tests := []struct {
		width   int
		dropped []string
	}{
		{200, nil},
		{100, nil},
		{80, []string{"City", "Manager"}},
		{60, []string{"City", "Status", "Manager"}},
		{50, []string{"Phone", "City", "Status", "Manager"}},
	}
	for _, tc := range tests {
		w := Fit(cols, tc.width)
		var dropped []string
		for i, x := range w {
			if x == 0 {
				dropped = append(dropped, cols[i].Title)
			} else if x < cols[i].Min {
				t.Errorf("width %d: %s got %d, below its minimum %d", tc.width, cols[i].Title, x, cols[i].Min)
			}
		}
		if strings.Join(dropped, ",") != strings.Join(tc.dropped, ",") {
			t.Errorf("width %d dropped %v, want %v", tc.width, dropped, tc.dropped)
		}
		if u := used(w); u != tc.width {
			t.Errorf("width %d: columns use %d cells, want all of them", tc.width, u)
		}
		if w[0] < 24 {
			t.Errorf("width %d: name only %d wide", tc.width, w[0])
		}
	}
}

func FuzzFitNeverOverflows(f *testing.F) {
	f.Add(80)
	f.Add(0)
	f.Add(31)
	f.Add(500)
	f.Fuzz(func(t *testing.T, width int) {
		if width < 0 || width > 5000 {
			return
		}
		cols := listColumns()
		w := Fit(cols, width)
		if len(w) != len(cols) {
			t.Fatalf("%d widths for %d columns", len(w), len(cols))
		}
		// The name never drops; whenever it fits, the table fills the width exactly.
		if w[0] == 0 {
			t.Fatal("the name column was dropped")
		}
		if width >= Marker+cols[0].Min && used(w) != width {
			t.Fatalf("width %d: used %d", width, used(w))
		}
	})
}

func TestWindowKeepsTheCursorVisible(t *testing.T) {
	w := Window{Height: 10}
	w.SetTotal(100)
	w.Move(15)
	if w.Cursor != 15 || w.Top != 6 {
		t.Fatalf("after 15 down: cursor %d top %d, want 15/6", w.Cursor, w.Top)
	}
	w.Move(-12)
	if w.Cursor != 3 || w.Top != 3 {
		t.Fatalf("after 12 up: cursor %d top %d, want 3/3", w.Cursor, w.Top)
	}
	w.GoTo(1000)
	if w.Cursor != 99 || w.Top != 90 {
		t.Fatalf("past the end: cursor %d top %d, want 99/90", w.Cursor, w.Top)
	}
	w.SetTotal(5)
	if w.Cursor != 4 || w.Top != 0 {
		t.Fatalf("shrunk to 5: cursor %d top %d, want 4/0", w.Cursor, w.Top)
	}
	w.SetTotal(0)
	if w.Cursor != 0 || w.Top != 0 {
		t.Fatalf("empty: cursor %d top %d", w.Cursor, w.Top)
	}
	if from, to := w.Visible(); from != 0 || to != 0 {
		t.Fatalf("empty list shows [%d,%d)", from, to)
	}
}

func TestRenderAsksOnlyForVisibleRows(t *testing.T) {
	cols := listColumns()
	widths := Fit(cols, 80)
	win := Window{Height: 5}
	win.SetTotal(1_000_000)
	win.GoTo(500_000)
	asked := 0
	out := Render(styles.New(true), cols, widths, win, func(i int) Row {
		asked++
		if i < win.Top || i >= win.Top+win.Height {
			t.Fatalf("asked for row %d outside the window", i)
		}
		if i == win.Cursor {
			return Row{} // not loaded yet
		}
		return Row{Loaded: true, Cells: []string{"Очень длинное название клиента, которое не влезает", "7707083893", "+7 912 345-67-89", "Šiauliai", "A", "active", "petrov"}}
	}, "loading…", 80)
	if asked != 5 {
		t.Fatalf("asked for %d rows, want the 5 visible", asked)
	}
	lines := strings.Split(ansi.Strip(out), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines, want header + 5", len(lines))
	}
	for _, l := range lines {
		if lipgloss.Width(l) != 80 {
			t.Fatalf("line %q is %d wide, want 80", l, lipgloss.Width(l))
		}
	}
	if !strings.Contains(lines[1], "…") {
		t.Errorf("a long name is not cut with …: %q", lines[1])
	}
	if !strings.Contains(out, "loading…") {
		t.Error("a row not in memory is not drawn as loading")
	}
}

func TestPlainDefusesEscapes(t *testing.T) {
	if got := Plain("ООО \x1b[2JРомашка\n"); got != "ООО �[2JРомашка�" {
		t.Fatalf("Plain = %q", got)
	}
	if got := Plain("Šiaulių prekyba"); got != "Šiaulių prekyba" {
		t.Fatalf("Plain changed clean text: %q", got)
	}
}

// Around keeps a margin (at least a screenful) either side of the visible
// rows; NeedsRows asks again only when neither the rows held nor the request
// on its way cover the screen and half a screen either side.
func TestWindowAroundAndNeedsRows(t *testing.T) {
	w := Window{Height: 10}
	if got := w.Around(false, 40); got != (Span{Off: 0, Limit: 50}) {
		t.Fatalf("before the total: %+v, want a screenful and the margin", got)
	}
	w.SetTotal(1000)
	w.GoTo(500)
	if got := w.Around(true, 40); got != (Span{Off: 451, Limit: 90}) {
		t.Fatalf("around 500: %+v, want 451+90", got)
	}
	if got := w.Around(true, 4); got.Off != 481 || got.Limit != 30 {
		t.Fatalf("a margin under a screenful: %+v, want a screenful either side", got)
	}
	if w.NeedsRows(451, 90, nil) {
		t.Error("rows in memory cover the screen, yet more were asked for")
	}
	if !w.NeedsRows(0, 100, nil) {
		t.Error("rows far away, yet none were asked for")
	}
	if w.NeedsRows(0, 100, &Span{Off: 451, Limit: 90}) {
		t.Error("a request on its way covers the screen, yet another was asked for")
	}
	if (Window{Height: 10}).NeedsRows(0, 0, nil) {
		t.Error("an empty list asked for rows")
	}
}

func TestWindowNavigate(t *testing.T) {
	b := func(k string) key.Binding { return key.NewBinding(key.WithKeys(k)) }
	nav := Nav{Up: b("k"), Down: b("j"), PageUp: b("pgup"), PageDown: b("pgdown"), Top: b("g"), Bottom: b("G")}
	w := Window{Height: 10}
	w.SetTotal(100)
	for _, step := range []struct {
		k    tea.KeyPressMsg
		want int
	}{
		{tea.KeyPressMsg{Code: 'j', Text: "j"}, 1},
		{tea.KeyPressMsg{Code: tea.KeyPgDown}, 11},
		{tea.KeyPressMsg{Code: 'k', Text: "k"}, 10},
		{tea.KeyPressMsg{Code: 'G', Text: "G"}, 99},
		{tea.KeyPressMsg{Code: tea.KeyPgUp}, 89},
		{tea.KeyPressMsg{Code: 'g', Text: "g"}, 0},
	} {
		if !w.Navigate(step.k, nav) || w.Cursor != step.want {
			t.Fatalf("%s: cursor %d, want %d", step.k, w.Cursor, step.want)
		}
	}
	if w.Navigate(tea.KeyPressMsg{Code: 'x', Text: "x"}, nav) || w.Cursor != 0 {
		t.Fatal("a key not in nav moved the cursor")
	}
}

func TestMoveCursor(t *testing.T) {
	b := func(k string) key.Binding { return key.NewBinding(key.WithKeys(k)) }
	nav := Nav{Up: b("k"), Down: b("j"), PageUp: b("pgup"), PageDown: b("pgdown"), Top: b("g"), Bottom: b("G")}
	j, k := tea.KeyPressMsg{Code: 'j', Text: "j"}, tea.KeyPressMsg{Code: 'k', Text: "k"}
	for _, c := range []struct {
		name                   string
		k                      tea.KeyPressMsg
		cur, count, page, want int
	}{
		{"down", j, 0, 5, 3, 1},
		{"down at the end", j, 4, 5, 3, 4},
		{"up at the top", k, 0, 5, 3, 0},
		{"page down", tea.KeyPressMsg{Code: tea.KeyPgDown}, 1, 20, 6, 7},
		{"page of no room", tea.KeyPressMsg{Code: tea.KeyPgDown}, 1, 20, 0, 2},
		{"bottom", tea.KeyPressMsg{Code: 'G', Text: "G"}, 0, 20, 6, 19},
		{"empty list", j, 0, 0, 6, 0},
		{"a cursor past a list that shrank", k, 9, 3, 6, 1},
	} {
		if got := MoveCursor(c.k, nav, c.cur, c.count, c.page); got != c.want {
			t.Errorf("%s: cursor %d, want %d", c.name, got, c.want)
		}
	}
}
