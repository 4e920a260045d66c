package orders

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/components/table"
)

// fit pads or cuts a styled line to exactly w cells.
func fit(line string, w int) string {
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

// fitRight right-aligns plain text in w cells (amounts).
func fitRight(s string, w int) string {
	if lipgloss.Width(s) >= w {
		return fit(s, w)
	}
	return strings.Repeat(" ", w-lipgloss.Width(s)) + s
}

// pad makes lines exactly w×h.
func pad(lines []string, w, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	out := make([]string, 0, h)
	for _, l := range lines {
		out = append(out, fit(l, w))
	}
	for len(out) < h {
		out = append(out, strings.Repeat(" ", w))
	}
	return strings.Join(out, "\n")
}

// spread puts left and right on one line w cells wide, left cut first.
func spread(left, right string, w int) string {
	room := w - lipgloss.Width(right) - 1
	if room < 1 {
		return fit(right, w)
	}
	return fit(fit(left, room)+" "+right, w)
}

// plain makes user text safe on one line.
func plain(s string) string { return table.Plain(strings.Join(strings.Fields(s), " ")) }

func statusText(s model.OrderStatus) string { return model.T("orders.status." + string(s)) }

func channelText(c model.OrderChannel) string { return model.T("orders.channel." + string(c)) }

func sourceText(s model.LineSource) string { return model.T("orders.source." + string(s)) }

func dateText(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return model.FormatDate(t, loc)
}

// parseDay reads a date typed in a header field: "dd.mm.yyyy", "dd.mm"
// (this year), "+N" (N days after base), or nothing (no date). The result
// is midnight in loc.
func parseDay(s string, base time.Time, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	bad := errors.New(model.T("orders.error.date", s))
	if strings.HasPrefix(s, "+") {
		n, err := strconv.Atoi(s[1:])
		if err != nil || n < 0 || n > 3660 {
			return time.Time{}, bad
		}
		b := base.In(loc)
		return time.Date(b.Year(), b.Month(), b.Day()+n, 0, 0, 0, 0, loc), nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '/' || r == '-' })
	if len(parts) != 2 && len(parts) != 3 {
		return time.Time{}, bad
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return time.Time{}, bad
		}
		nums[i] = n
	}
	year := base.In(loc).Year()
	if len(nums) == 3 {
		year = nums[2]
		if len(parts[2]) == 2 {
			year += 2000
		}
	}
	if year < 1900 || year > 2200 {
		return time.Time{}, bad
	}
	d := time.Date(year, time.Month(nums[1]), nums[0], 0, 0, 0, 0, loc)
	if d.Day() != nums[0] || int(d.Month()) != nums[1] {
		return time.Time{}, bad // 31.02 does not roll over into March
	}
	return d, nil
}

// amount is an amount without its currency, for columns (the totals line names it).
func amount(m model.Money) string { return model.FormatMoney(model.Money{Minor: m.Minor}) }
