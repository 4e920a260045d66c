package catalog

import (
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
)

func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: isErr} }
}

func changed(kind string, id model.ID) tea.Cmd {
	return func() tea.Msg { return common.DataChangedMsg{Kind: kind, ID: id} }
}

// rights says whether env may change the catalogue, and why not.
func rights(env common.Env) (bool, string) {
	switch {
	case env.ReadOnly:
		return false, model.T("catalog.read_only_db")
	case !model.Can(env.Me, model.ActPriceEdit):
		return false, model.T("catalog.no_right")
	}
	return true, ""
}

// fieldErrors is a validation error's sentences by field (nil when none).
func fieldErrors(err error) map[string]string {
	var v *model.ValidationError
	if errors.As(err, &v) {
		return v.Fields
	}
	return nil
}

// errSentence is what the status bar says about a failed save: a validation
// error's sentences (sorted by field) without the field keys, which are
// the program's names ("sku:"), not the department's.
func errSentence(err error) string {
	if bad := fieldErrors(err); bad != nil {
		return common.FieldSentences(bad)
	}
	var s *model.Sentence
	if errors.As(err, &s) {
		return s.Text
	}
	return err.Error()
}

// pad cuts or fills plain s to exactly w cells, keeping a space after a cut.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if n := lipgloss.Width(s); n > w {
		return ansi.Truncate(s, w-1, "…") + " "
	} else if n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// padLeft right-aligns plain s in w cells (amounts).
func padLeft(s string, w int) string {
	if n := lipgloss.Width(s); n >= w {
		return pad(s, w)
	} else {
		return strings.Repeat(" ", w-n) + s
	}
}

// screen pads or cuts lines to exactly width×height.
func screen(lines []string, width, height int) string {
	if len(lines) > height {
		lines = lines[:height]
	}
	for i := range lines {
		lines[i] = textfit.Fit(lines[i], width)
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", width))
	}
	return strings.Join(lines, "\n")
}

// money shows an amount without the currency (the column titles say it).
func money(m model.Money) string {
	m.Currency = ""
	return model.FormatMoney(m)
}

// plainMoney is an amount as one types it: "1234.50", so a prefilled cell
// reads back through ParseMoney unchanged.
func plainMoney(m model.Money) string {
	return strings.ReplaceAll(money(m), ",", "")
}

// nowOf is the screen's clock (time.Now when the root gave none).
func nowOf(env common.Env) time.Time { return env.Clock() }

// plain makes user text safe for a cell.
func plain(s string) string { return table.Plain(s) }
