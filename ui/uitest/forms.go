package uitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/common"
	"clientbase/ui/components/form"
)

// Owner drives a pane as its owner does, without a terminal: keys go to the
// pane, its commands run at once and their answers go back to it; what it
// tells its owner (status sentences, data changes) is kept in Out.
type Owner struct {
	T    testing.TB
	Pane interface {
		Update(tea.Msg) tea.Cmd
		View() string
	}
	Form func() *form.Model // the pane's open form, for FieldTo, Set, Choose, Options
	Out  []tea.Msg
}

// Run runs cmd and everything it leads to.
func (o *Owner) Run(cmd tea.Cmd) {
	o.T.Helper()
	Run(o.T, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case common.DataChangedMsg, common.StatusMsg:
			o.Out = append(o.Out, msg)
			return nil
		}
		return o.Pane.Update(msg)
	})
}

// Press sends keys one by one (spelled as for Key), running what each returns.
func (o *Owner) Press(keys ...string) { Press(o.Pane.Update, o.Run, keys...) }

// Type types text into the focused field.
func (o *Owner) Type(text string) { Type(o.Pane.Update, o.Run, text) }

// View is the pane's view without styles.
func (o *Owner) View() string { return ansi.Strip(o.Pane.View()) }

// Status is the last status-bar sentence the pane sent ("" for none).
func (o *Owner) Status() string {
	for i := len(o.Out) - 1; i >= 0; i-- {
		if s, ok := o.Out[i].(common.StatusMsg); ok {
			return s.Text
		}
	}
	return ""
}

// FieldTo tabs to the open form's field k.
func (o *Owner) FieldTo(k string) {
	o.T.Helper()
	for range 40 {
		if o.Form().Focused() == k {
			return
		}
		o.Press("tab")
	}
	o.T.Fatalf("field %q never got the focus", k)
}

// Set replaces the text of field k as a user would: go there, clear it, type.
func (o *Owner) Set(k, text string) {
	o.T.Helper()
	o.FieldTo(k)
	for range len([]rune(o.Form().Value(k))) + 1 {
		o.Press("backspace", "delete") // a notes field starts with the cursor at its beginning
	}
	o.Type(text)
}

// Choose cycles choice field k until it holds value.
func (o *Owner) Choose(k, value string) {
	o.T.Helper()
	o.FieldTo(k)
	for range 30 {
		if o.Form().Value(k) == value {
			return
		}
		o.Press("right")
	}
	o.T.Fatalf("field %q never offered %q (it holds %q)", k, value, o.Form().Value(k))
}

// Options are the values choice field k offers, found by cycling it round.
func (o *Owner) Options(k string) []string {
	o.T.Helper()
	o.FieldTo(k)
	start := o.Form().Value(k)
	out := []string{start}
	for range 50 {
		o.Press("right")
		if v := o.Form().Value(k); v != start {
			out = append(out, v)
			continue
		}
		return out
	}
	o.T.Fatalf("field %q never came round", k)
	return nil
}

// GoldenView checks that view fills exactly w×h cells and compares it,
// without styles, with testdata/name.golden (rewritten when update).
func GoldenView(t testing.TB, name, view string, w, h int, update bool) {
	t.Helper()
	CheckSize(t, name, view, w, h)
	Golden(t, name, ansi.Strip(view), update)
}
