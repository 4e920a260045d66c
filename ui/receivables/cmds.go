package receivables

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Every store call runs in a command built from plain values; its answer
// carries the generation it was asked under, and a stale answer is dropped.

type approvalsMsg struct {
	gen  uint64
	rows []model.OrderRow
	err  error
}

type orderMsg struct {
	gen   uint64
	order model.Order
	err   error
}

type usersMsg struct {
	gen   uint64
	users []model.User
	err   error
}

type listMsg struct {
	gen       uint64
	off, want int
	rows      []model.ClientReceivables
	total     int
	err       error
}

type clientDebtMsg struct {
	gen uint64
	r   model.ClientReceivables
	err error
}

// decidedMsg answers an approve, reject or override.
type decidedMsg struct {
	gen   uint64
	what  decision
	order model.Order
	err   error
}

type paidMsg struct {
	gen     uint64
	payment model.Payment
	err     error
}

func approvalsCmd(st common.OrderStore, gen uint64) tea.Cmd {
	return func() tea.Msg {
		rows, err := st.Approvals(context.Background())
		return approvalsMsg{gen: gen, rows: rows, err: err}
	}
}

func orderCmd(st common.OrderStore, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		o, err := st.Order(id)
		return orderMsg{gen: gen, order: o, err: err}
	}
}

func usersCmd(st common.ClientStore, gen uint64) tea.Cmd {
	return func() tea.Msg {
		u, err := st.Users()
		return usersMsg{gen: gen, users: u, err: err}
	}
}

func listCmd(ctx context.Context, st common.OrderStore, gen uint64, sortBy string, off, limit int) tea.Cmd {
	return func() tea.Msg {
		rows, total, err := st.ReceivablesList(ctx, sortBy, off, limit)
		if errors.Is(err, context.Canceled) {
			return nil // a newer sort or refresh took over
		}
		return listMsg{gen: gen, off: off, want: limit, rows: rows, total: total, err: err}
	}
}

func clientDebtCmd(st common.OrderStore, gen uint64, client model.ID) tea.Cmd {
	return func() tea.Msg {
		r, err := st.Receivables(client)
		return clientDebtMsg{gen: gen, r: r, err: err}
	}
}

func decideCmd(st common.OrderStore, gen uint64, what decision, o model.Order, comment string) tea.Cmd {
	return func() tea.Msg {
		var saved model.Order
		var err error
		switch what {
		case decideApprove:
			saved, err = st.Approve(o.ID, o.Version, comment)
		case decideReject:
			saved, err = st.Reject(o.ID, o.Version, comment)
		case decideOverride:
			saved, err = st.OverrideCredit(o.ID, o.Version, comment)
		}
		return decidedMsg{gen: gen, what: what, order: saved, err: err}
	}
}

func payCmd(st common.OrderStore, gen uint64, p model.Payment) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.RecordPayment(p)
		return paidMsg{gen: gen, payment: saved, err: err}
	}
}

// changed tells the other screens an order changed and says what happened.
func changed(id model.ID, text string) tea.Cmd {
	return tea.Batch(
		msgCmd(common.DataChangedMsg{Kind: "order", ID: id}),
		msgCmd(common.StatusMsg{Text: text}),
	)
}
