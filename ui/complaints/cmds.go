package complaints

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Messages of the tab. gen numbers a queue load; screen numbers a complaint screen.
type (
	pageMsg struct {
		gen       uint64
		off, want int
		page      model.ComplaintPage
		err       error
	}
	countsMsg struct {
		gen           uint64
		open, overdue int
		err           error
	}
	setupMsg struct {
		cs    model.ComplaintSettings
		users []model.User
		err   error
	}
	nextMsg struct {
		c   model.Complaint
		err error
	}
	loadedMsg struct {
		screen   uint64
		c        model.Complaint
		client   model.Client
		followUp model.PlanItem // the retention call a closing planned (ID 0: none or not found)
		err      error
	}
	actedMsg struct {
		screen uint64
		act    string
		c      model.Complaint
		err    error
	}
	tickMsg     struct{ gen uint64 }
	followUpMsg struct {
		c    model.Complaint
		item model.PlanItem
		err  error
	}
)

func msgCmd(m tea.Msg) tea.Cmd { return func() tea.Msg { return m } }

func statusErr(text string) tea.Cmd { return msgCmd(common.StatusMsg{Text: text, Err: true}) }

func statusOK(text string) tea.Cmd { return msgCmd(common.StatusMsg{Text: text}) }

func changed(id model.ID) tea.Cmd {
	return msgCmd(common.DataChangedMsg{Kind: "complaint", ID: id})
}

// errText reads a store error in the complaint screens' words.
func errText(err error) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		if s := common.FieldSentences(ve.Fields); s != "" {
			return s
		}
	}
	return common.ErrorSentence(err, "complaints")
}

func fetchPage(ctx context.Context, st common.ComplaintStore, f model.ComplaintFilter, gen uint64, off, limit int) tea.Cmd {
	return func() tea.Msg {
		p, err := st.Complaints(ctx, f, off, limit)
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return pageMsg{gen: gen, off: off, want: limit, page: p, err: err}
	}
}

// fetchCounts asks for the footer's open and overdue totals (one row each:
// the totals are what counts).
func fetchCounts(ctx context.Context, st common.ComplaintStore, gen uint64) tea.Cmd {
	return func() tea.Msg {
		open, err := st.Complaints(ctx, model.ComplaintFilter{}, 0, 1)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return nil
			}
			return countsMsg{gen: gen, err: err}
		}
		late, err := st.Complaints(ctx, model.ComplaintFilter{Overdue: true}, 0, 1)
		if errors.Is(err, context.Canceled) {
			return nil
		}
		return countsMsg{gen: gen, open: open.Total, overdue: late.Total, err: err}
	}
}

func loadSetup(st common.Store) tea.Cmd {
	return func() tea.Msg {
		cs, err := st.ComplaintSettings()
		if err != nil {
			return setupMsg{err: err}
		}
		users, err := st.Users()
		return setupMsg{cs: cs, users: users, err: err}
	}
}

func takeNext(st common.ComplaintStore) tea.Cmd {
	return func() tea.Msg {
		c, err := st.NextComplaint()
		return nextMsg{c: c, err: err}
	}
}

func loadComplaint(st common.Store, screen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		c, err := st.Complaint(id)
		if err != nil {
			return loadedMsg{screen: screen, err: err}
		}
		cl, err := st.Client(c.Client)
		if err != nil {
			// the complaint shows without its client's name rather than not at all
			cl = model.Client{ID: c.Client}
		}
		var item model.PlanItem
		if c.FollowUp != 0 {
			// the call's day and person, not only its number; the complaint shows without them if it is gone
			if it, err := st.PlanItem(c.FollowUp); err == nil {
				item = it
			}
		}
		return loadedMsg{screen: screen, c: c, client: cl, followUp: item}
	}
}

func act(screen uint64, name string, f func() (model.Complaint, error)) tea.Cmd {
	return func() tea.Msg {
		c, err := f()
		return actedMsg{screen: screen, act: name, c: c, err: err}
	}
}

// loadFollowUp reads the retention call a closing planned, for the status line.
func loadFollowUp(st common.Store, c model.Complaint) tea.Cmd {
	return func() tea.Msg {
		fresh, err := st.Complaint(c.ID)
		if err != nil {
			return followUpMsg{c: c, err: err}
		}
		if fresh.FollowUp == 0 {
			return followUpMsg{c: fresh}
		}
		item, err := st.PlanItem(fresh.FollowUp)
		return followUpMsg{c: fresh, item: item, err: err}
	}
}

// closedInfo is what a closed row shows instead of a deadline: when it
// closed and how (the queue's rows carry neither).
type closedInfo struct {
	at       time.Time
	decision model.Decision
}

type closingsMsg struct {
	gen   uint64
	infos map[model.ID]closedInfo
}

// fetchClosings reads the closing of each closed row in a page (a few dozen
// records: only the rows fetched around the window).
func fetchClosings(ctx context.Context, st common.ComplaintStore, gen uint64, ids []model.ID) tea.Cmd {
	return func() tea.Msg {
		infos := make(map[model.ID]closedInfo, len(ids))
		for _, id := range ids {
			if ctx.Err() != nil {
				return nil
			}
			c, err := st.Complaint(id)
			if err != nil {
				continue // the row keeps saying only "closed"
			}
			info := closedInfo{at: c.Closed}
			if c.Closing != nil {
				info.decision = c.Closing.Decision
			}
			infos[id] = info
		}
		return closingsMsg{gen: gen, infos: infos}
	}
}
