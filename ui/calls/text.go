package calls

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
)

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
