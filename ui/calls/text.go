package calls

import (
	"strings"

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

// pad makes lines exactly w×h.
func pad(lines []string, w, h int) string {
	if len(lines) > h {
		lines = lines[:h]
	}
	for i := range lines {
		lines[i] = fit(lines[i], w)
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines, "\n")
}

// spread puts left and right on one line w cells wide, left cut first.
func spread(left, right string, w int) string {
	room := w - lipgloss.Width(right) - 1
	if room < 1 {
		return fit(right, w)
	}
	return fit(fit(left, room)+" "+right, w)
}

// shorten cuts plain text to w cells at a word boundary where one is near
// enough (a name cut mid-word reads as another name), ending in "…".
func shorten(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	if w <= 0 {
		return ""
	}
	if w == 1 {
		return "…"
	}
	cut := ansi.Truncate(s, w-1, "")
	if i := strings.LastIndexAny(cut, " ,;·"); i > 0 && lipgloss.Width(cut[:i]) >= w/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;·") + "…"
}

// plain makes user text safe on one line: control characters and line breaks go.
func plain(s string) string {
	return table.Plain(strings.Join(strings.Fields(s), " "))
}

func purposeText(p model.Purpose) string {
	if p == "" {
		return ""
	}
	return model.T("calls.purpose." + string(p))
}

func priorityText(p model.Priority) string {
	switch p {
	case model.PriorityHigh:
		return model.T("calls.priority.high")
	case model.PriorityLow:
		return model.T("calls.priority.low")
	}
	return ""
}

func outcomeText(o model.Outcome) string { return model.T("calls.outcome." + string(o)) }

// outcomeNeedsForm reports that an outcome asks for more before it is logged.
func outcomeNeedsForm(o model.Outcome) bool {
	switch o {
	case model.OutcomeCallBack, model.OutcomeRefused, model.OutcomePromisedToPay:
		return true
	}
	return false
}
