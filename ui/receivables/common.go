// Package receivables is the head's approval list (discounts and credit
// holds), the receivables list with a client's open invoices, the payment
// form, and the few lines of a client's debt the card and the call screen show.
package receivables

import (
	"errors"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/table"
)

// lastGen numbers every load and save of every pane of this package: an
// answer whose number is not its pane's latest is dropped.
var lastGen atomic.Uint64

func nextGen() uint64 { return lastGen.Add(1) }

// now is the env's clock, or the wall clock when the root gave none.
func now(env common.Env) time.Time { return env.Clock() }

func loc(env common.Env) *time.Location { return env.Zone() }

// plain makes user text safe for one line of the screen.
func plain(s string) string { return table.Plain(s) }

// amount is money without its currency: the list's title names the currency once.
func amount(m model.Money) string { return model.FormatMoney(model.Money{Minor: m.Minor}) }

func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: isErr} }
}

func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// errorSentence turns a store error into the sentence the user reads.
func errorSentence(err error) string {
	var s *model.Sentence
	var ve *model.ValidationError
	if !errors.As(err, &s) && errors.As(err, &ve) {
		return common.FieldSentences(ve.Fields)
	}
	return common.ErrorSentence(err, "receivables")
}

// personName is a user's full name when known, else the login.
func personName(names map[string]string, user string) string {
	if n := names[user]; n != "" {
		return n
	}
	return user
}

// ParseDate reads a date typed as people there write it: dd.mm.yyyy (one-digit
// day and month too, "5.3.2026"), or yyyy-mm-dd; it is midnight in loc.
func ParseDate(s string, l *time.Location) (time.Time, error) {
	if l == nil {
		l = time.Local
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, model.Sentencef(nil, "receivables.date.empty")
	}
	for _, layout := range []string{"2.1.2006", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, l); err == nil {
			if t.Year() < 1900 || t.Year() > 9999 {
				break
			}
			return t, nil
		}
	}
	return time.Time{}, model.Sentencef(nil, "receivables.date.invalid")
}

// dayStart is local midnight of t's day.
func dayStart(t time.Time, l *time.Location) time.Time {
	t = t.In(l)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, l)
}

// titles are the columns' titles.
func titles(cols []table.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Title
	}
	return out
}

// scroll keeps cursor inside [top, top+h) and returns the new top.
func scroll(cursor, top, h, total int) int {
	if h < 1 {
		return cursor
	}
	if cursor < top {
		top = cursor
	}
	if cursor >= top+h {
		top = cursor - h + 1
	}
	return max(0, min(top, total-h))
}

// amountWidth is the width of the widest of the amounts as the lists write
// them, at least w: a money column is sized to its amounts, never cut.
func amountWidth(w int, ms ...model.Money) int {
	for _, m := range ms {
		w = max(w, len(amount(m)))
	}
	return w
}

// minAmount is a money column's width before any amount is known.
const minAmount = 8

// sizeMoney makes the columns marked in money as wide as their widest
// amount (or their title): table.Fit then drops a column rather than
// cutting digits.
func sizeMoney(cols []table.Column, money []bool, w int) []table.Column {
	for i := range cols {
		if i < len(money) && money[i] {
			cols[i].Min = max(w, lipgloss.Width(cols[i].Title))
			cols[i].Want = cols[i].Min
			cols[i].Max = max(cols[i].Min, cols[i].Max)
		}
	}
	return cols
}
