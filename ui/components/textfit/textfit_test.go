package textfit

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestFitRightSpread(t *testing.T) {
	cases := []struct{ got, want string }{
		{Fit("Acme Trading", 6), "Acme …"},
		{Fit("Acme", 6), "Acme  "},
		{Fit("Acme", 0), ""},
		{Right("12.50", 8), "   12.50"},
		{Right("1234567.50", 6), "12345…"},
		{Spread("Orders", "3 open", 14), "Orders  3 open"},
		{Spread("Complaints", "3 open", 12), "Comp… 3 open"},
		{OneLine(" two\n lines\t here "), "two lines here"},
		{Date(time.Time{}, time.UTC), "—"},
		{Date(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), time.UTC), "23.11.2026"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: %q, want %q", i, c.got, c.want)
		}
	}
	if Wrap("", 10) != nil {
		t.Error("an empty sentence should give no lines")
	}
}

// Pad makes every view exactly w×h and leaves the caller's lines alone.
func TestPad(t *testing.T) {
	lines := []string{"a long first line", "b", "c", "d"}
	got := strings.Split(Pad(lines, 5, 3), "\n")
	if len(got) != 3 || got[0] != "a lo…" || got[1] != "b    " {
		t.Errorf("Pad gave %q", got)
	}
	if lines[0] != "a long first line" {
		t.Errorf("Pad changed the caller's line to %q", lines[0])
	}
	if got := Pad(nil, 3, 2); got != "   \n   " {
		t.Errorf("Pad of nothing: %q", got)
	}
	if got := Lines([]string{"a", "b"}, 2, 0); len(got) != 0 {
		t.Errorf("no room gave %q", got)
	}
}

func FuzzFit(f *testing.F) {
	f.Add("Acme Trading", 6)
	f.Add("日本語のテキスト", 5)
	f.Add("\x1b[31mred\x1b[0m text", 4)
	f.Fuzz(func(t *testing.T, s string, w int) {
		w %= 200
		s = OneLine(s)
		// exactly w cells for plain ASCII; never more for anything (a format
		// character such as U+0601 joins the pad's first space into one cell)
		exact := strings.IndexFunc(s, func(r rune) bool { return r > 126 }) < 0
		for name, got := range map[string]string{"Fit": Fit(s, w), "Right": Right(s, max(w, 1))} {
			n, want := lipgloss.Width(got), max(w, 0)
			if name == "Right" {
				want = max(w, 1)
			}
			if n > want || exact && n != want {
				t.Fatalf("%s(%q, %d) is %d cells: %q", name, s, w, n, got)
			}
		}
	})
}

// Pack breaks between parts, never inside one; Cells aligns the marked columns right.
func TestPackAndCells(t *testing.T) {
	got := Pack(20, " · ", "Received 12", "Satisfied 7", "Paid 3")
	want := []string{"Received 12         ", "Satisfied 7 · Paid 3"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Pack gave %q, want %q", got, want)
	}
	if got := Cells([]string{"Acme", "12.50", "x"}, []int{6, 7, 0}, []bool{false, true}); got != "Acme     12.50" {
		t.Errorf("Cells gave %q", got)
	}
}

// widthCases are lines Width must measure as lipgloss.Width does: plain and
// styled ASCII, every kind of escape sequence, control characters, text
// beyond ASCII, combining marks after ASCII, wide characters, line breaks.
func widthCases() []string {
	red := lipgloss.NewStyle().Foreground(lipgloss.Color("#ff0000")).Bold(true)
	cases := []string{
		"", "a", "Acme Trading", " \t ", "\x00\x01\x7f", "\r\n", "a\rb",
		red.Render("Acme") + " 12.50", red.Render("› Müller ★"),
		"\x1b[38;2;1;2;3mx\x1b[0m", "\x1b]8;;https://x.test\x1b\\link\x1b]8;;\x1b\\",
		"\x1b]0;title\x07after", "\x1bPq#0\x1b\\dcs", "\x1b_apc\x1b\\z", "\x1b^pm\x1b\\z",
		"\x1b[?25l\x1b[2Jab", "\x1b(Bcd", "\x1b7\x1b8ef", "\x1b", "\x1b[", "\x1b[31", "\x1b]0;open",
		"e\u0301", "a\u200db", "日本語", "🇩🇪 x", "👍🏽", "line one\nlonger line two", "\n", "x\n\x1b[1mbold\x1b[0m",
		"\x9b31mc1", "a\xffb", "\xc3", "0\xe8\n0", "a\u0600b", "1\ufe0f\u20e3 x", "\x1b[1m› Müller\x1b[0m — ok", strings.Repeat("wide 漢 ", 20),
	}
	return cases
}

func TestWidthIsLipglossWidth(t *testing.T) {
	for _, s := range widthCases() {
		if got, want := Width(s), lipgloss.Width(s); got != want {
			t.Errorf("Width(%q) = %d, lipgloss.Width %d", s, got, want)
		}
	}
	// every ASCII byte after every short ASCII prefix: the parser's states
	for _, pre := range []string{"", "x", "\x1b", "\x1b[", "\x1b[1;", "\x1b]", "\x1b]0;t", "\x1bP", "\x1bP1", "\x1b_", "\x1b(", "\x1b[?"} {
		for c := range 0x80 {
			s := pre + string(rune(c)) + "yz"
			if got, want := Width(s), lipgloss.Width(s); got != want {
				t.Errorf("Width(%q) = %d, lipgloss.Width %d", s, got, want)
			}
		}
	}
}

// lipglossFit is Fit as it was, measuring with lipgloss.Width.
func lipglossFit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(line) > w {
		line = ansi.Truncate(line, w, "…")
	}
	if p := w - lipgloss.Width(line); p > 0 {
		line += strings.Repeat(" ", p)
	}
	return line
}

func FuzzWidth(f *testing.F) {
	for _, s := range widthCases() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Width(s), lipgloss.Width(s); got != want {
			t.Errorf("Width(%q) = %d, lipgloss.Width %d", s, got, want)
		}
		for _, w := range []int{0, 1, 3, 8} {
			if got, want := Fit(s, w), lipglossFit(s, w); got != want {
				t.Errorf("Fit(%q, %d) = %q, measured by lipgloss %q", s, w, got, want)
			}
		}
	})
}
