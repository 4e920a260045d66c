package complaintreport

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Every store call and the file write run in a command built from plain
// values; the answer carries the generation it was asked under.

type reportMsg struct {
	gen uint64
	rep model.ComplaintReport
	err error
}

type usersMsg struct {
	users []model.User
	err   error
}

type exportedMsg struct {
	gen  uint64
	path string
	rows int
	err  error
}

func reportCmd(ctx context.Context, st common.ComplaintStore, gen uint64, from, to time.Time) tea.Cmd {
	return func() tea.Msg {
		rep, err := st.ComplaintReport(ctx, from, to)
		if errors.Is(err, context.Canceled) {
			return nil // a newer period took over
		}
		return reportMsg{gen: gen, rep: rep, err: err}
	}
}

func usersCmd(st common.ClientStore) tea.Cmd {
	return func() tea.Msg {
		u, err := st.Users()
		return usersMsg{users: u, err: err}
	}
}

func exportCmd(gen uint64, rep model.ComplaintReport, path string) tea.Cmd {
	return func() tea.Msg {
		rows, err := writeReport(rep, path, true)
		return exportedMsg{gen: gen, path: path, rows: rows, err: err}
	}
}

func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: isErr} }
}
