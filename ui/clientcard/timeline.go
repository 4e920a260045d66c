package clientcard

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/planform"
)

// cardTimeline is how many timeline entries the card itself shows; T opens all.
const cardTimeline = 8

type timelineMsg struct {
	gen     uint64
	id      model.ID
	entries []model.TimelineEntry
	err     error
}

func timelineCmd(st common.ClientStore, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		es, err := st.Timeline(id)
		return timelineMsg{gen: gen, id: id, entries: es, err: err}
	}
}

// loadTimeline asks for the client's timeline (after the record loads and
// whenever the plan or an interaction changes).
func (m *Model) loadTimeline() tea.Cmd {
	if m.id == 0 {
		return nil
	}
	m.waitTimeline = m.next()
	return timelineCmd(m.deps.Store, m.waitTimeline, m.id)
}

// env is what the plan form needs, built from the card's own deps.
func (m Model) env() common.Env {
	d := m.deps
	return common.Env{Store: d.Store, Me: d.Me, Styles: d.Styles, ReadOnly: d.ReadOnly, Loc: d.Loc, Now: d.Now}
}

// canPlan: the user plans calls or visits (their own at least) and the client is not archived.
func (m Model) canPlan() bool {
	return !m.deps.ReadOnly && !m.client.Archived && model.ScopeOf(m.deps.Me, model.ActPlanEdit) != model.ScopeNone
}

// openPlan shows the plan form for this client inside the card.
func (m *Model) openPlan() tea.Cmd {
	m.plan = planform.New(m.env(), model.PlanItem{Client: m.id})
	m.plan.SetSize(m.width, m.height)
	m.mode = modePlan
	return m.plan.Init()
}

// timelineEntryLines renders one entry: a line of when, what and who, and
// (full) its notes under it.
func (m Model) timelineEntryLines(e model.TimelineEntry, full bool) []string {
	st := m.deps.Styles
	loc := m.deps.Loc
	now := m.deps.Now()
	var head string
	var more []string
	switch {
	case e.Interaction != nil:
		ix := e.Interaction
		oc := enumText("plan.outcome.", string(ix.Outcome))
		ocStyle := st.Value
		if ix.Outcome.Reached() {
			ocStyle = st.Success
		}
		head = st.Label.Render(model.FormatDateTime(ix.At, loc)) + "  " + ocStyle.Render(oc) + "  " + st.Value.Render(ix.User)
		if ix.OffPlan {
			head += "  " + st.Warning.Render(model.T("plan.card.off_plan"))
		}
		if ix.Outcome == model.OutcomePromisedToPay && ix.Promised.Minor != 0 {
			head += "  " + st.Subtle.Render(model.T("plan.card.promised", model.FormatMoney(ix.Promised), model.FormatDate(ix.PromiseBy, loc)))
		}
		if ix.Outcome == model.OutcomeCallBack && !ix.CallBack.IsZero() {
			head += "  " + st.Subtle.Render(model.T("plan.card.call_back", model.FormatDateTime(ix.CallBack, loc)))
		}
		for _, s := range []string{ix.Reason, ix.Notes, ix.NextStep} {
			if s = strings.TrimSpace(s); s != "" {
				more = append(more, s)
			}
		}
	case e.Item != nil:
		it := e.Item
		what := planform.KindName(it.Kind) + " · " + planform.PurposeName(it.Purpose)
		who := it.Assignee
		if who == "" {
			who = model.T("plan.pool")
		}
		status := planform.StatusName(it.Status)
		stStyle := st.Subtle
		switch {
		case it.Overdue(now):
			status, stStyle = model.T("plan.status.overdue"), st.Danger
		case it.Open() && sameDay(it.Due, now, loc):
			stStyle = st.Warning
		case it.Open():
			stStyle = st.Value
		case it.Status == model.PlanDone:
			stStyle = st.Success
		}
		if it.Attempts > 0 && it.Open() {
			status += ", " + model.T("plan.card.attempts", it.Attempts)
		}
		head = st.Label.Render(model.FormatDateTime(it.Due, loc)) + "  " + st.Value.Render(what) + "  " + st.Value.Render(who) + "  " + stStyle.Render(status)
		for _, s := range []string{it.Address, it.Note, it.CancelReason} {
			if s = strings.TrimSpace(s); s != "" {
				more = append(more, s)
			}
		}
	default:
		return nil
	}
	if !full {
		if len(more) > 0 {
			head += "  " + st.Subtle.Render(strings.Join(more, " · "))
		}
		return []string{"  " + head}
	}
	ls := []string{head}
	for _, s := range more {
		for _, l := range wrap(s, m.width-4) {
			ls = append(ls, "    "+st.Subtle.Render(l))
		}
	}
	return ls
}

func sameDay(a, b time.Time, loc *time.Location) bool {
	ay, am, ad := a.In(loc).Date()
	by, bm, bd := b.In(loc).Date()
	return ay == by && am == bm && ad == bd
}

// cardTimelineLines is the card's timeline section: the newest entries, one line each.
func (m Model) cardTimelineLines() []string {
	st := m.deps.Styles
	switch {
	case m.tlErr != "":
		return []string{"  " + st.Danger.Render(m.tlErr)}
	case !m.tlLoaded:
		return []string{"  " + st.Subtle.Render(model.T("card.loading"))}
	case len(m.timeline) == 0:
		if m.canPlan() {
			return []string{"  " + st.Subtle.Render(model.T("plan.card.timeline_empty"))}
		}
		return []string{"  " + st.Subtle.Render(model.T("plan.card.timeline_none"))}
	}
	var ls []string
	for i, e := range m.timeline {
		if i == cardTimeline {
			ls = append(ls, "  "+st.Subtle.Render(model.T("plan.card.timeline_more", len(m.timeline)-cardTimeline)))
			break
		}
		ls = append(ls, m.timelineEntryLines(e, false)...)
	}
	return ls
}

// timelineLines is the whole timeline (T), an entry with its notes.
func (m Model) timelineLines() []string {
	if m.tlErr != "" || !m.tlLoaded || len(m.timeline) == 0 {
		return m.cardTimelineLines()
	}
	var ls []string
	for _, e := range m.timeline {
		ls = append(ls, m.timelineEntryLines(e, true)...)
	}
	return ls
}
