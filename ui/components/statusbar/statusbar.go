// Package statusbar draws the bottom status line: who is signed in, which
// database is open, record counts, badges and the last message.
package statusbar

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// Model is the status bar's content; the root fills it.
type Model struct {
	User    string // "ivanova · director"
	DBPath  string
	Counts  string // "2000 clients · 3 archived"
	Extra   string // "8 users": shown only when everything else fits
	Badges  []string
	Message string
	IsError bool
	HomeDir string // shown as ~; empty: the OS user's home
}

// ShortenPath fits path into width cells: the home directory becomes ~ and,
// when still too long, the start is cut so the file name stays visible.
func ShortenPath(path, home string, width int) string {
	if width <= 0 {
		return ""
	}
	path = Printable(path)
	if home != "" {
		if rel, err := filepath.Rel(home, path); err == nil && !strings.HasPrefix(rel, "..") && rel != "." {
			path = "~" + string(filepath.Separator) + rel
		}
	}
	if textfit.Width(path) <= width {
		return path
	}
	if width == 1 {
		return "…"
	}
	// A wide letter at the cut may stay whole: cut one more cell then.
	pw := textfit.Width(path)
	for cut := pw - width + 1; cut <= pw; cut++ {
		if short := ansi.TruncateLeft(path, cut, "…"); textfit.Width(short) <= width {
			return short
		}
	}
	return "…"
}

// Printable makes a file name safe to draw: a name may hold any bytes on
// Linux, escape codes included; invalid UTF-8 and control characters become �.
func Printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

func (m Model) home() string {
	if m.HomeDir != "" {
		return m.HomeDir
	}
	h, _ := os.UserHomeDir()
	return h
}

// View renders the bar exactly width cells wide. The user chip and the
// message come first; counts, badges and then the path give way to them.
// Key tells two bars apart: the same key at the same width draws the same.
func (m Model) Key(width int) string {
	return strings.Join(append([]string{m.User, m.DBPath, m.Counts, m.Extra, m.Message, strconv.FormatBool(m.IsError), m.HomeDir, strconv.Itoa(width)}, m.Badges...), "\x00")
}

func (m Model) View(s styles.Styles, width int) string {
	user := s.StatusKey.Render(m.User)
	msgStyle := s.StatusMsg
	if m.IsError {
		msgStyle = s.StatusErr
	}
	badges := ""
	for _, b := range m.Badges {
		badges += s.StatusMsg.Render(s.Warning.Inherit(s.StatusBar).Render(b))
	}
	counts := ""
	if m.Counts != "" {
		counts = s.StatusMsg.Render(m.Counts)
	}
	used := textfit.Width(user)
	rest := width - used
	msg := ""
	if m.Message != "" {
		// The message may use up to all the remaining room.
		inner := rest - msgStyle.GetHorizontalFrameSize()
		if inner > 0 {
			msg = msgStyle.Render(ansi.Truncate(Printable(m.Message), inner, "…"))
		}
	}
	rest -= textfit.Width(msg)
	if textfit.Width(badges) <= rest {
		rest -= textfit.Width(badges)
	} else {
		badges = ""
	}
	if textfit.Width(counts) <= rest {
		rest -= textfit.Width(counts)
	} else {
		counts = ""
	}
	extra := ""
	if m.Extra != "" {
		extra = s.StatusMsg.Render(m.Extra)
		if textfit.Width(extra) <= rest-30 { // the path needs the room more
			rest -= textfit.Width(extra)
		} else {
			extra = ""
		}
	}
	path := ""
	if pw := rest - s.StatusMsg.GetHorizontalFrameSize(); pw >= 8 && m.DBPath != "" {
		path = s.StatusMsg.Render(ShortenPath(m.DBPath, m.home(), pw))
		rest -= textfit.Width(path)
	}
	fill := ""
	if rest > 0 {
		fill = s.StatusBar.Render(strings.Repeat(" ", rest))
	}
	line := user + path + counts + extra + badges + fill + msg
	return ansi.Truncate(line, width, "")
}
