// Package complaintform holds the complaint forms: intake (registering a
// complaint from the tab, a card, a call or an order, or editing one),
// closing, and the head's complaint settings. Each is a common.Pane and a
// common.Closer: its owner drops it once Closed, then reads Result.
package complaintform

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/components/settingsedit"
	"clientbase/ui/styles"
)

// label is a field's label in the department's words.
func label(k string) string { return model.T("complaintform.field." + k) }

func yes() string { return model.T("complaintform.yes") }
func no() string  { return model.T("complaintform.no") }

func idText(id model.ID) string { return strconv.FormatUint(uint64(id), 10) }

func parseID(s string) model.ID {
	n, _ := strconv.ParseUint(s, 10, 64)
	return model.ID(n)
}

func trim(s string) string { return strings.TrimSpace(s) }

func userLabel(u model.User) string {
	if u.FullName == "" {
		return u.Name
	}
	return u.FullName + " (" + u.Name + ")"
}

// isBoss reports whether u decides over everyone's complaints (head, director):
// the owner may be anyone, the justified verdict and the over-claimed confirmation.
func isBoss(u model.User) bool { return model.Can(u, model.ActComplaintJustify) }

// enumOptions lists values with their labels.
func enumOptions[T ~string](vals []T, labelOf func(T) string) []form.Option {
	opts := make([]form.Option, 0, len(vals))
	for _, v := range vals {
		opts = append(opts, form.Option{Value: string(v), Label: labelOf(v)})
	}
	return opts
}

func priorityLabel(p model.Priority) string {
	return model.T("complaintform.priority." + strconv.Itoa(int(p)))
}

func channelLabel(c model.Channel) string {
	if k := "complaintform.channel." + string(c); model.HasMessage(k) {
		return model.T(k)
	}
	return string(c)
}

func priorityOptions() []form.Option {
	opts := make([]form.Option, 0, len(model.Priorities))
	for _, p := range model.Priorities {
		opts = append(opts, form.Option{Value: strconv.Itoa(int(p)), Label: priorityLabel(p)})
	}
	return opts
}

// errorSentence is a store error in the form's words; a validation error
// that names no field of the form reads as its sentences.
func errorSentence(err error) string {
	var s *model.Sentence
	var ve *model.ValidationError
	if !errors.As(err, &s) && errors.As(err, &ve) {
		return common.FieldSentences(ve.Fields)
	}
	return common.ErrorSentence(err, "complaintform")
}

// validationFields is a validation error's sentences by field (nil otherwise).
func validationFields(err error) map[string]string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	return nil
}

// joinUnplaced joins the sentences that name no field, in key order.
func joinUnplaced(rest map[string]string) string {
	if len(rest) == 0 {
		return ""
	}
	return common.FieldSentences(rest)
}

// titleLine is a form's title with "saving…" or "changed" after it; a long
// title is cut to leave them room.
func titleLine(st styles.Styles, t string, width int, saving, dirty bool) string {
	tail := ""
	switch {
	case saving:
		tail = "  " + st.Subtle.Render(model.T("complaintform.saving"))
	case dirty:
		tail = "  " + st.Warning.Render(model.T("complaintform.changed"))
	}
	if room := width - lipgloss.Width(tail); lipgloss.Width(t) > room && room >= 12 {
		t = ansi.Truncate(t, room, "…")
	}
	return st.Title.Render(t) + tail
}

func wrap(s string, w int) []string {
	return strings.Split(ansi.Wrap(s, max(1, w), ""), "\n")
}

// fit cuts or pads every line to exactly w cells and the whole to h lines.
func fit(lines []string, w, h int) []string {
	out := make([]string, 0, h)
	for _, l := range lines {
		if len(out) == h {
			break
		}
		out = append(out, fitLine(l, w))
	}
	for len(out) < h {
		out = append(out, strings.Repeat(" ", w))
	}
	return out
}

func fitLine(l string, w int) string {
	if lipgloss.Width(l) > w {
		l = ansi.Truncate(l, w, "…")
	}
	return l + strings.Repeat(" ", max(0, w-lipgloss.Width(l)))
}

// pad cuts or fills s to exactly w cells (a column of a table).
var pad = settingsedit.Pad
