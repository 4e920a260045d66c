package complaintform

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Every store call runs in a command built from plain values; its answer
// carries the generation it was asked under, and a stale answer is dropped.

// maxMatches is how many clients the lookup shows; recentOrders how many of
// the client's orders the order field offers.
const (
	maxMatches   = 5
	recentOrders = 20
)

// setupMsg answers the intake's first loads: the complaint settings, the
// department's currency and the users.
type setupMsg struct {
	gen      uint64
	settings model.ComplaintSettings
	currency string
	users    []model.User
	err      error
}

type clientMsg struct {
	gen uint64
	c   model.Client
	err error
}

type matchesMsg struct {
	gen  uint64
	page model.ClientPage
	err  error
}

type ordersMsg struct {
	gen  uint64
	rows []model.OrderRow
	err  error
}

type orderMsg struct {
	gen uint64
	o   model.Order
	err error
}

type openMsg struct {
	gen  uint64
	rows []model.ComplaintRow
	err  error
}

type savedMsg struct {
	gen uint64
	c   model.Complaint
	err error
}

type settingsMsg struct {
	gen uint64
	s   model.ComplaintSettings
	err error
}

func setupCmd(st common.Store, gen uint64, users bool) tea.Cmd {
	return func() tea.Msg {
		s, err := st.ComplaintSettings()
		msg := setupMsg{gen: gen, settings: s, err: err}
		if ps, perr := st.PriceSettings(); perr == nil {
			msg.currency = ps.Currency
		}
		if users {
			// Without the users the owner field still offers me and nobody.
			msg.users, _ = st.Users()
		}
		return msg
	}
}

func clientCmd(st common.Store, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		c, err := st.Client(id)
		return clientMsg{gen: gen, c: c, err: err}
	}
}

func matchesCmd(ctx context.Context, st common.Store, gen uint64, query string) tea.Cmd {
	return func() tea.Msg {
		page, err := st.List(ctx, model.ClientFilter{Text: query}, 0, maxMatches)
		if ctx.Err() != nil {
			return nil
		}
		return matchesMsg{gen: gen, page: page, err: err}
	}
}

func ordersCmd(st common.Store, gen uint64, client model.ID) tea.Cmd {
	return func() tea.Msg {
		page, err := st.Orders(context.Background(), model.OrderFilter{Client: client}, 0, recentOrders)
		return ordersMsg{gen: gen, rows: page.Rows, err: err}
	}
}

func orderCmd(st common.Store, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		o, err := st.Order(id)
		return orderMsg{gen: gen, o: o, err: err}
	}
}

func openCmd(st common.Store, gen uint64, client, order model.ID) tea.Cmd {
	return func() tea.Msg {
		rows, err := st.OpenComplaintsAbout(client, order)
		return openMsg{gen: gen, rows: rows, err: err}
	}
}

func registerCmd(st common.Store, gen uint64, c model.Complaint) tea.Cmd {
	return func() tea.Msg {
		out, err := st.RegisterComplaint(c)
		return savedMsg{gen: gen, c: out, err: err}
	}
}

func saveCmd(st common.Store, gen uint64, c model.Complaint) tea.Cmd {
	return func() tea.Msg {
		out, err := st.SaveComplaint(c)
		return savedMsg{gen: gen, c: out, err: err}
	}
}

func closeCmd(st common.Store, gen uint64, c model.Complaint, cl model.Closing) tea.Cmd {
	return func() tea.Msg {
		out, err := st.CloseComplaint(c.ID, c.Version, cl)
		return savedMsg{gen: gen, c: out, err: err}
	}
}

func loadSettingsCmd(st common.Store, gen uint64) tea.Cmd {
	return func() tea.Msg {
		s, err := st.ComplaintSettings()
		return settingsMsg{gen: gen, s: s, err: err}
	}
}

func saveSettingsCmd(st common.Store, gen uint64, s model.ComplaintSettings) tea.Cmd {
	return func() tea.Msg {
		out, err := st.SaveComplaintSettings(s)
		return settingsMsg{gen: gen, s: out, err: err}
	}
}

func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// doneCmds tells the other screens a complaint changed and says so in the status bar.
func doneCmds(kind string, id model.ID, status string) tea.Cmd {
	return tea.Batch(
		msgCmd(common.DataChangedMsg{Kind: kind, ID: id}),
		msgCmd(common.StatusMsg{Text: status}),
	)
}
