package clientcard

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/textfit"
)

// cardComplaints is how many of the client's complaints the card lists: the
// open ones first, then the latest closed ones; the Complaints tab has the rest.
const cardComplaints = 5

// cardComplaint is one line of the card's complaints section; closing is the
// closed one's decision and amount (nil while open).
type cardComplaint struct {
	row     model.ComplaintRow
	closing *model.Closing
}

// complaintsMsg is the store's answer with the client's complaints.
type complaintsMsg struct {
	gen   uint64
	id    model.ID
	list  []cardComplaint
	total int // all the client's complaints
	day   int // the working day in minutes, for the countdowns
	err   error
}

func complaintsCmd(st common.Store, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		msg := complaintsMsg{gen: gen, id: id}
		open, err := st.OpenComplaintsAbout(id, 0)
		if err != nil {
			msg.err = err
			return msg
		}
		page, err := st.Complaints(context.Background(), model.ComplaintFilter{Client: id}, 0, cardComplaints)
		if err != nil {
			msg.err = err
			return msg
		}
		set, err := st.ComplaintSettings()
		if err != nil {
			msg.err = err
			return msg
		}
		msg.total, msg.day = page.Total, set.WorkTo-set.WorkFrom
		// open: serious first, then the least time left
		slices.SortStableFunc(open, func(a, b model.ComplaintRow) int {
			if a.Serious != b.Serious {
				if a.Serious {
					return -1
				}
				return 1
			}
			return cmp.Compare(a.Left, b.Left)
		})
		for _, r := range open[:min(len(open), cardComplaints)] {
			msg.list = append(msg.list, cardComplaint{row: r})
		}
		for _, r := range page.Rows {
			if len(msg.list) >= cardComplaints {
				break
			}
			if r.Status != model.ComplaintClosed {
				continue
			}
			c, err := st.Complaint(r.ID)
			if err != nil {
				msg.err = err
				return msg
			}
			msg.list = append(msg.list, cardComplaint{row: r, closing: c.Closing})
		}
		msg.total = max(msg.total, len(open))
		return msg
	}
}

// loadComplaints asks for the client's complaints (after the record loads
// and whenever a complaint changes).
func (m *Model) loadComplaints() tea.Cmd {
	if m.id == 0 {
		return nil
	}
	m.waitComplaints = m.next()
	return complaintsCmd(m.deps.Store, m.waitComplaints, m.id)
}

func (m Model) onComplaints(msg complaintsMsg) Model {
	if msg.gen != m.waitComplaints {
		return m
	}
	m.complaints, m.complaintsErr, m.complaintsLoaded = nil, "", true
	if msg.err != nil {
		m.complaintsErr = errorSentence(msg.err)
	} else {
		m.complaints, m.complaintsTotal, m.complaintDay = msg.list, msg.total, msg.day
	}
	m.complaintSel = max(0, min(m.complaintSel, len(m.complaints)-1))
	m.rebuild()
	return m
}

// selectedComplaint is the complaint the card's enter opens; false when none is listed.
func (m Model) selectedComplaint() (model.ID, bool) {
	if m.complaintSel < 0 || m.complaintSel >= len(m.complaints) {
		return 0, false
	}
	return m.complaints[m.complaintSel].row.ID, true
}

// canRegisterComplaint: anyone may register one (complaint.register), not
// in a read-only file nor for an archived client.
func (m Model) canRegisterComplaint() bool {
	return !m.deps.ReadOnly && !m.client.Archived && model.Can(m.deps.Me, model.ActComplaintRegister)
}

// complaintLines is the card's complaints section: #id, received, type,
// status and the time left (open) or the decision (closed), the marked one
// with ▸ for enter.
func (m Model) complaintLines() []string {
	st := m.deps.Styles
	switch {
	case m.complaintsErr != "":
		return []string{"  " + st.FieldError.Render(m.complaintsErr)}
	case !m.complaintsLoaded:
		return []string{"  " + st.Subtle.Render(model.T("complaintlinks.card_loading"))}
	case len(m.complaints) == 0 && m.canRegisterComplaint():
		return []string{"  " + st.Subtle.Render(model.T("complaintlinks.card_none"))}
	case len(m.complaints) == 0:
		return []string{"  " + st.Subtle.Render(model.T("complaintlinks.card_none_ro"))}
	}
	// the type and status columns take what a wider screen gives, up to their longest words
	extra := min(max(0, m.width-80), 16)
	tw, sw := 11+extra/2, 13+extra/2
	var out []string
	for i, c := range m.complaints {
		r := c.row
		mark := "  "
		if i == m.complaintSel {
			mark = st.Title.Render("▸ ")
		}
		head := fmt.Sprintf("#%-5d %s  %s %s ", uint64(r.ID), model.FormatDate(r.Received, m.deps.Loc),
			textfit.Fit(model.ComplaintTypeLabel(r.Type), tw), textfit.Fit(model.ComplaintStatusLabel(r.Status), sw))
		var tail string
		if c.closing != nil || r.Status == model.ComplaintClosed {
			tail = st.Value.Render(closingText(c.closing))
		} else {
			tail = m.leftText(r)
		}
		line := "  " + mark + st.Value.Render(head) + tail
		if r.Serious {
			line += " " + st.Danger.Render(model.T("complaintlinks.serious"))
		}
		out = append(out, ansi.Truncate(line, m.width, "…"))
	}
	if more := m.complaintsTotal - len(m.complaints); more > 0 {
		out = append(out, "    "+st.Subtle.Render(model.T("complaintlinks.card_more", more)))
	}
	return out
}

// leftText is an open complaint's countdown: red overdue, yellow with less
// than a quarter of its time left, green otherwise; paused while waiting.
func (m Model) leftText(r model.ComplaintRow) string {
	st := m.deps.Styles
	left := model.FormatLeft(r.Left, m.complaintDay)
	switch {
	case model.ClockStopped(r.Status):
		return st.Subtle.Render(model.T("complaintlinks.answered")) // the time to answer no longer runs
	case !r.PausedAt.IsZero():
		return st.Subtle.Render(model.T("complaintlinks.paused", left))
	case r.Left < 0:
		return st.Danger.Render(left)
	case r.SLA > 0 && r.Left < time.Duration(r.SLA)*time.Minute/4:
		return st.Warning.Render(left)
	}
	return st.Success.Render(left)
}

// closingText is a closed complaint's decision with the amount satisfied.
func closingText(cl *model.Closing) string {
	if cl == nil {
		return model.ComplaintStatusLabel(model.ComplaintClosed)
	}
	parts := []string{model.DecisionLabel(cl.Decision)}
	if cl.Decision != model.DecisionRejected && cl.Satisfied.Minor > 0 {
		parts = append(parts, model.FormatMoney(cl.Satisfied))
	}
	return strings.Join(parts, " · ")
}
