package planform

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Every store call runs in a command built from plain values; its answer
// carries the generation it was asked under, and a stale answer is dropped.

type settingsMsg struct {
	gen uint64
	s   model.CallSettings
	err error
}

type clientMsg struct {
	gen uint64
	c   model.Client
	err error
}

type usersMsg struct {
	gen   uint64
	users []model.User
	err   error
}

type matchesMsg struct {
	gen   uint64
	query string
	page  model.ClientPage
	err   error
}

// savedMsg answers any of the four saves: the planned or moved item, or how many moved.
type savedMsg struct {
	gen  uint64
	item model.PlanItem
	n    int
	err  error
}

func settingsCmd(st common.Store, gen uint64) tea.Cmd {
	return func() tea.Msg {
		s, err := st.CallSettings()
		return settingsMsg{gen: gen, s: s, err: err}
	}
}

func clientCmd(st common.Store, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		c, err := st.Client(id)
		return clientMsg{gen: gen, c: c, err: err}
	}
}

func usersCmd(st common.Store, gen uint64) tea.Cmd {
	return func() tea.Msg {
		u, err := st.Users()
		return usersMsg{gen: gen, users: u, err: err}
	}
}

func matchesCmd(st common.Store, gen uint64, query string) tea.Cmd {
	return func() tea.Msg {
		page, err := st.List(context.Background(), model.ClientFilter{Text: query}, 0, maxMatches)
		return matchesMsg{gen: gen, query: query, page: page, err: err}
	}
}

func planCmd(st common.Store, gen uint64, p model.PlanItem) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.Plan(p)
		return savedMsg{gen: gen, item: saved, err: err}
	}
}

func rescheduleCmd(st common.Store, gen uint64, it model.PlanItem, due, until time.Time, reason string) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.Reschedule(it.ID, it.Version, due, until, reason)
		return savedMsg{gen: gen, item: saved, err: err}
	}
}

func cancelCmd(st common.Store, gen uint64, it model.PlanItem, reason string) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.CancelPlan(it.ID, it.Version, reason)
		return savedMsg{gen: gen, item: saved, err: err}
	}
}

func reassignCmd(st common.Store, gen uint64, ids []model.ID, to string) tea.Cmd {
	return func() tea.Msg {
		n, err := st.Reassign(ids, to)
		return savedMsg{gen: gen, n: n, err: err}
	}
}

func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// doneCmds tells the other screens the plan changed and says so in the status bar.
func doneCmds(id model.ID, status string) tea.Cmd {
	return tea.Batch(
		msgCmd(common.DataChangedMsg{Kind: "plan", ID: id}),
		msgCmd(common.StatusMsg{Text: status}),
	)
}

// ErrorSentence turns a store error into the sentence the user reads.
func ErrorSentence(err error) string {
	var s *model.Sentence
	var ve *model.ValidationError
	if !errors.As(err, &s) && errors.As(err, &ve) {
		return common.FieldSentences(ve.Fields)
	}
	return common.ErrorSentence(err, "plan")
}
