// Package textfit lays text out in terminal cells: the fitting, padding and
// aligning every screen does to make its view exactly width×height.
package textfit

import (
	"strings"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/parser"

	"clientbase/model"
)

// Gap is the space between two table columns (table.Gap).
const Gap = 1

// Plain makes user text safe for a cell: a control character (an escape
// sequence typed or imported into a name) would redraw the terminal, so it becomes "�".
func Plain(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// Width is lipgloss.Width (the cells of the widest line, escape sequences
// taking none), made cheap: it walks the ANSI parser's state table as
// ansi.StringWidth does, but a printable ASCII character followed by ASCII
// (or nothing) is one cell without grapheme segmentation, which only text
// beyond ASCII needs. Every screen measures every line of every frame, and
// a team server draws a hundred screens after each change.
func Width(s string) int {
	st := parser.GroundState
	n, widest := 0, 0
	eol := -1 // where the line of s[i] ends, once a cluster needs it
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' { // lipgloss.Width measures each line afresh
			widest, n, st = max(widest, n), 0, parser.GroundState
			continue
		}
		next, action := parser.Table.Transition(st, c)
		if action == parser.PrintAction || next == parser.Utf8State {
			if c >= 0x20 && c < 0x7f && (i+1 == len(s) || s[i+1] < 0x80) {
				n++
			} else {
				if eol < i {
					eol = strings.IndexByte(s[i:], '\n')
					if eol < 0 {
						eol = len(s)
					} else {
						eol += i
					}
				}
				// a cluster never reaches into the next line (invalid
				// UTF-8 before a line break would)
				cluster, w := ansi.FirstGraphemeCluster(s[i:eol], ansi.GraphemeWidth)
				n += w
				i += len(cluster) - 1
			}
			st = parser.GroundState
			continue
		}
		st = next
	}
	return max(widest, n)
}

// Fit pads or cuts a styled line to exactly w cells ("" when w <= 0).
func Fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	lw := Width(line)
	if lw == w {
		return line
	}
	if lw > w {
		line = ansi.Truncate(line, w, "…")
		lw = Width(line)
	}
	if p := w - lw; p > 0 {
		line += strings.Repeat(" ", p)
	}
	return line
}

// Right right-aligns text in w cells (amounts line up on the decimals);
// wider text is cut like Fit.
func Right(s string, w int) string {
	sw := Width(s)
	if sw >= w {
		return Fit(s, w)
	}
	return strings.Repeat(" ", w-sw) + s
}

// Pad makes a view exactly h lines of w cells: extra lines go, each line is
// fitted, blank lines fill the rest. The caller's slice is left as it was.
func Pad(lines []string, w, h int) string { return strings.Join(Lines(lines, w, h), "\n") }

// Lines is Pad's lines: exactly h of them (none for h <= 0), each w cells.
func Lines(lines []string, w, h int) []string {
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	out := make([]string, 0, max(h, 0))
	for _, l := range lines {
		out = append(out, Fit(l, w))
	}
	for len(out) < h {
		out = append(out, strings.Repeat(" ", w))
	}
	return out
}

// Spread puts left and right on one line w cells wide, left cut first.
func Spread(left, right string, w int) string {
	room := w - Width(right) - 1
	if room < 1 {
		return Fit(right, w)
	}
	return Fit(Fit(left, room)+" "+right, w)
}

// OneLine makes user text safe on one line: runs of white space and line
// breaks become one space, control characters go.
func OneLine(s string) string { return Plain(strings.Join(strings.Fields(s), " ")) }

// Wrap breaks a sentence into lines of at most w cells (nil for "").
func Wrap(s string, w int) []string {
	if s == "" {
		return nil
	}
	return strings.Split(ansi.Wrap(s, max(1, w), ""), "\n")
}

// Date is a date for a column or a field, "—" for none.
func Date(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return model.FormatDate(t, loc)
}

// Pack puts styled parts on lines of at most width cells, sep between two
// parts on a line (figure lines: "Received 12 · Satisfied 7 · …"); a part
// wider than a line is cut.
func Pack(width int, sep string, parts ...string) []string {
	var out []string
	var line strings.Builder
	lw, sw := 0, Width(sep)
	for _, p := range parts {
		pw := Width(p)
		if lw > 0 && lw+sw+pw > width {
			out = append(out, Fit(line.String(), width))
			line.Reset()
			lw = 0
		}
		if lw > 0 {
			line.WriteString(sep)
			lw += sw
		}
		line.WriteString(p)
		lw += pw
	}
	if lw > 0 {
		out = append(out, Fit(line.String(), width))
	}
	return out
}

// Cells lays cells out in columns of widths (0: dropped), the ones marked in
// toRight right-aligned (amounts), one Gap apart.
func Cells(cells []string, widths []int, toRight []bool) string {
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
		if i < len(toRight) && toRight[i] {
			b.WriteString(Right(text, w))
		} else {
			b.WriteString(Fit(text, w))
		}
	}
	return b.String()
}
