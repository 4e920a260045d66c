package uitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"clientbase/ui/common"
)

// Root drives a screen the way the root does, without a terminal: its
// commands run at once and their messages go back to it, except those meant
// for the root — a StatusMsg and whatever Keep says yes to (nil: nothing
// more) — which are only returned. A DataChangedMsg is returned and also
// goes back, as the root hands it to every screen.
type Root struct {
	T      testing.TB
	Update func(tea.Msg) tea.Cmd
	Keep   func(tea.Msg) bool
}

// Run runs cmd and everything it leads to and returns the messages for the root.
func (r Root) Run(cmd tea.Cmd) []tea.Msg {
	r.T.Helper()
	var out []tea.Msg
	Run(r.T, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case common.StatusMsg:
			out = append(out, msg)
			return nil
		case common.DataChangedMsg:
			out = append(out, msg)
		default:
			if r.Keep != nil && r.Keep(msg) {
				out = append(out, msg)
				return nil
			}
		}
		return r.Update(msg)
	})
	return out
}

// Press sends keys one by one (spelled as for Key), running what each leads
// to, and returns the messages for the root.
func (r Root) Press(keys ...string) []tea.Msg {
	r.T.Helper()
	var out []tea.Msg
	Press(r.Update, func(cmd tea.Cmd) { out = append(out, r.Run(cmd)...) }, keys...)
	return out
}

// Type types text key by key and returns the messages for the root.
func (r Root) Type(text string) []tea.Msg {
	r.T.Helper()
	var out []tea.Msg
	Type(r.Update, func(cmd tea.Cmd) { out = append(out, r.Run(cmd)...) }, text)
	return out
}
