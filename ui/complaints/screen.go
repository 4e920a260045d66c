package complaints

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/textfit"
)

// screenSeq numbers complaint screens: an answer for a screen that is gone is dropped.
var screenSeq atomic.Uint64

// screen is one complaint: what it is about, its deadline, the escalations,
// forwards, the closing and the history, with the moves the flow and the
// user's rights allow.
type screen struct {
	env    common.Env
	keys   keymap.Complaint
	seq    uint64
	id     model.ID
	width  int
	height int
	cs     model.ComplaintSettings
	dept   *time.Location // cs's zone: received and deadline are shown in it
	users  []model.User

	c        model.Complaint
	client   model.Client
	followUp model.PlanItem // the closing's retention call, when loaded
	loaded   bool
	loadErr  string
	busy     bool
	scroll   int
	msg      string
	msgErr   bool

	ask    *ask
	askFor string // the action the question is for

	closed    bool // esc: back to the queue
	wantClose bool // C: the tab opens the closing form
	wantEdit  bool // e: the tab opens the intake form on it
}

func newScreen(env common.Env, id model.ID, cs model.ComplaintSettings, users []model.User) *screen {
	return &screen{env: env, keys: keymap.NewComplaint(), seq: screenSeq.Add(1), id: id, cs: cs, dept: deptZone(cs), users: users}
}

// showing starts a screen on a complaint already in hand (after next, a registration).
func (s *screen) showing(c model.Complaint) {
	s.c, s.loaded = c, true
}

func (s *screen) init() tea.Cmd { return loadComplaint(s.env.Store, s.seq, s.id) }

func (s *screen) setSize(w, h int) {
	s.width, s.height = w, h
	if s.ask != nil {
		s.ask.setWidth(w)
	}
}

func (s *screen) inputFocused() bool { return s.ask != nil }

func (s *screen) onLoaded(m loadedMsg) tea.Cmd {
	if m.screen != s.seq {
		return nil
	}
	if m.err != nil {
		s.loadErr = errText(m.err)
		return statusErr(s.loadErr)
	}
	s.c, s.client, s.followUp, s.loaded, s.loadErr = m.c, m.client, m.followUp, true, ""
	return nil
}

func (s *screen) onActed(m actedMsg) tea.Cmd {
	if m.screen != s.seq {
		return nil
	}
	s.busy = false
	if m.err != nil {
		if errors.Is(m.err, model.ErrConflict) {
			s.setMessage(model.T("complaints.error.changed"), true)
			return tea.Batch(statusErr(s.msg), s.init())
		}
		s.setMessage(errText(m.err), true)
		return statusErr(s.msg)
	}
	s.c = m.c
	s.setMessage(model.T("complaints.done."+m.act, m.c.ID, model.ComplaintStatusLabel(m.c.Status)), false)
	return tea.Batch(statusOK(s.msg), changed(m.c.ID))
}

func (s *screen) setMessage(text string, isErr bool) { s.msg, s.msgErr = text, isErr }

// may reports whether the flow and the user's rights allow moving to to.
func (s *screen) may(to model.ComplaintStatus) bool {
	return s.canWork() && model.CanMoveComplaint(s.c.Status, to)
}

// canWork: loaded, writable, nothing on its way, and the complaint is the user's to work.
func (s *screen) canWork() bool {
	return s.loaded && !s.busy && !s.env.ReadOnly && model.CanOnComplaint(s.env.Me, model.ActComplaintEdit, &s.c)
}

func (s *screen) canAssign() bool {
	if !s.canWork() || !s.c.IsOpen() {
		return false
	}
	if model.ScopeOf(s.env.Me, model.ActComplaintEdit) == model.ScopeAll {
		return true // the head gives it to anyone, even reassigning
	}
	return s.c.Owner != s.env.Me.Name && model.CanMoveComplaint(s.c.Status, model.ComplaintAssigned)
}

func (s *screen) canReply() bool {
	e := s.c.OpenEscalation()
	return s.loaded && !s.busy && !s.env.ReadOnly && e != nil && e.To == s.env.Me.Name
}

func (s *screen) canForward() bool { return s.canWork() && s.c.IsOpen() }

func (s *screen) canJustify() bool {
	return s.loaded && !s.busy && !s.env.ReadOnly && s.c.Status == model.ComplaintClosed &&
		model.Can(s.env.Me, model.ActComplaintJustify)
}

// helpKeys are the screen's keys with the moves not allowed now switched off.
func (s *screen) helpKeys() keymap.Complaint {
	k := s.keys
	k.Assign.SetEnabled(s.canAssign())
	k.Investigate.SetEnabled(s.may(model.ComplaintInvestigating))
	if s.c.Status == model.ComplaintWaiting {
		k.Investigate.SetHelp("i", model.T("complaints.key.resume"))
	}
	k.Wait.SetEnabled(s.may(model.ComplaintWaiting))
	k.Answer.SetEnabled(s.may(model.ComplaintAnswered))
	k.RemedyDone.SetEnabled(s.may(model.ComplaintRemedyDone))
	k.Feedback.SetEnabled(s.may(model.ComplaintFeedback))
	k.Close.SetEnabled(s.may(model.ComplaintClosed))
	k.Escalate.SetEnabled(s.may(model.ComplaintEscalated) && len(s.receivers()) > 0)
	k.Reply.SetEnabled(s.canReply())
	k.Forward.SetEnabled(s.canForward())
	k.Reopen.SetEnabled(s.may(model.ComplaintReopened))
	k.Justified.SetEnabled(s.canJustify())
	k.Edit.SetEnabled(s.canWork() && s.c.IsOpen())
	k.Client.SetEnabled(s.loaded && s.c.Client != 0)
	k.Order.SetEnabled(s.loaded && s.c.Order != 0)
	return k
}

// receivers are who an escalation may go to: the people on the next rung
// up (model.EscalationRung: one rung at a time), the client's manager first
// for an operator (the one who knows the client).
func (s *screen) receivers() []model.User {
	_, next, ok := model.EscalationRung(s.env.Me, &s.c)
	var out []model.User
	for _, u := range s.users {
		if !ok || u.Archived || u.Name == s.env.Me.Name || u.Role != next {
			continue
		}
		out = append(out, u)
	}
	manager := s.client.Manager
	slices.SortStableFunc(out, func(a, b model.User) int {
		switch {
		case a.Name == manager && b.Name != manager:
			return -1
		case b.Name == manager && a.Name != manager:
			return 1
		}
		return slices.Index(model.Roles, a.Role) - slices.Index(model.Roles, b.Role)
	})
	return out
}

// assignees are who the head may give a complaint to.
func (s *screen) assignees() []option {
	var out []option
	for _, u := range s.users {
		if !u.Archived && u.Role != model.RoleDirector {
			out = append(out, option{label: userLabel(u), value: u.Name})
		}
	}
	return out
}

func (s *screen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		return s.onLoaded(msg)
	case actedMsg:
		return s.onActed(msg)
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.PasteMsg:
		if s.ask != nil {
			s.ask.update(msg)
		}
	}
	return nil
}

func (s *screen) open(a *ask, forAct string) {
	a.setWidth(s.width)
	s.ask, s.askFor = a, forAct
	s.msg = ""
}

func (s *screen) key(k tea.KeyPressMsg) tea.Cmd {
	if s.ask != nil {
		done, cancelled := s.ask.update(k)
		switch {
		case cancelled:
			s.ask = nil
		case done:
			a := s.ask
			s.ask = nil
			return s.answered(a)
		}
		return nil
	}
	h := s.helpKeys()
	st := s.env.Store
	c := s.c
	on := func(b key.Binding) bool { return key.Matches(k, b) && b.Enabled() }
	move := func(name string, to model.ComplaintStatus, note string) tea.Cmd {
		s.busy = true
		return act(s.seq, name, func() (model.Complaint, error) { return st.MoveComplaint(c.ID, c.Version, to, note) })
	}
	switch {
	case key.Matches(k, s.keys.Back):
		s.closed = true
	case key.Matches(k, s.keys.Up):
		s.scroll = max(0, s.scroll-1)
	case key.Matches(k, s.keys.Down):
		s.scroll++
	case key.Matches(k, s.keys.Top):
		s.scroll = 0
	case key.Matches(k, s.keys.Bottom):
		s.scroll = 1 << 20
	case on(h.Client):
		return msgCmd(common.OpenClientMsg{Client: c.Client})
	case on(h.Order):
		return msgCmd(common.OpenOrderMsg{Order: c.Order})
	case on(h.Assign):
		if model.ScopeOf(s.env.Me, model.ActComplaintEdit) == model.ScopeAll {
			s.open(newChoice(s.env.Styles, model.T("complaints.ask.assign"), s.assignees(), false, false), "assign")
			return nil
		}
		s.busy = true
		me := s.env.Me.Name
		return act(s.seq, "assign", func() (model.Complaint, error) { return st.AssignComplaint(c.ID, c.Version, me) })
	case on(h.Investigate):
		name := "investigate"
		if c.Status == model.ComplaintWaiting {
			name = "resume"
		}
		return move(name, model.ComplaintInvestigating, "")
	case on(h.Wait):
		s.open(newText(s.env.Styles, model.T("complaints.ask.wait"), false), "wait")
	case on(h.Answer):
		s.open(newText(s.env.Styles, model.T("complaints.ask.answer"), true), "answer")
	case on(h.RemedyDone):
		return move("remedy_done", model.ComplaintRemedyDone, "")
	case on(h.Feedback):
		return move("feedback", model.ComplaintFeedback, "")
	case on(h.Close):
		s.wantClose = true
	case on(h.Escalate):
		var opts []option
		for _, u := range s.receivers() {
			opts = append(opts, option{label: userLabel(u), value: u.Name})
		}
		s.open(newChoice(s.env.Styles, model.T("complaints.ask.escalate"), opts, true, true), "escalate")
	case on(h.Reply):
		s.open(newText(s.env.Styles, model.T("complaints.ask.reply"), true), "reply")
	case on(h.Forward):
		var opts []option
		for _, d := range model.Departments {
			opts = append(opts, option{label: model.DepartmentLabel(d), value: string(d)})
		}
		s.open(newChoice(s.env.Styles, model.T("complaints.ask.forward"), opts, true, false), "forward")
	case on(h.Reopen):
		s.open(newText(s.env.Styles, model.T("complaints.ask.reopen"), true), "reopen")
	case on(h.Justified):
		a := newChoice(s.env.Styles, model.T("complaints.ask.justified"), []option{
			{label: model.T("complaints.justified.yes"), value: "yes"},
			{label: model.T("complaints.justified.no"), value: "no"}}, false, false)
		if cl := c.Closing; cl != nil && cl.Justified != nil && !*cl.Justified {
			a.cur = 1 // the verdict given: a look and enter keeps it
		}
		s.open(a, "justified")
	case on(h.Edit):
		s.wantEdit = true
	default:
		if slices.ContainsFunc(s.keys.Actions(), func(b key.Binding) bool { return key.Matches(k, b) }) {
			// a move the flow or the rights do not allow now: say why instead of nothing
			return statusErr(s.refusal())
		}
	}
	return nil
}

// refusal says why a move key did nothing.
func (s *screen) refusal() string {
	switch {
	case !s.loaded:
		return model.T("complaints.error.loading")
	case s.busy:
		return model.T("complaints.error.busy")
	case s.env.ReadOnly:
		return model.T("complaints.error.read_only")
	case !model.CanOnComplaint(s.env.Me, model.ActComplaintEdit, &s.c):
		return model.T("complaints.error.not_yours", orDash(s.c.Owner))
	}
	return model.T("complaints.error.not_now", model.ComplaintStatusLabel(s.c.Status))
}

// answered runs the action a question was for.
func (s *screen) answered(a *ask) tea.Cmd {
	st, c, text, value := s.env.Store, s.c, a.answer(), a.value()
	var f func() (model.Complaint, error)
	switch s.askFor {
	case "assign":
		f = func() (model.Complaint, error) { return st.AssignComplaint(c.ID, c.Version, value) }
	case "wait":
		f = func() (model.Complaint, error) {
			return st.MoveComplaint(c.ID, c.Version, model.ComplaintWaiting, text)
		}
	case "answer":
		f = func() (model.Complaint, error) {
			return st.MoveComplaint(c.ID, c.Version, model.ComplaintAnswered, text)
		}
	case "escalate":
		f = func() (model.Complaint, error) { return st.EscalateComplaint(c.ID, c.Version, value, text) }
	case "reply":
		f = func() (model.Complaint, error) { return st.AnswerEscalation(c.ID, c.Version, text) }
	case "forward":
		f = func() (model.Complaint, error) {
			return st.ForwardComplaint(c.ID, c.Version, model.Department(value), text)
		}
	case "reopen":
		f = func() (model.Complaint, error) {
			return st.MoveComplaint(c.ID, c.Version, model.ComplaintReopened, text)
		}
	case "justified":
		yes := value == "yes"
		f = func() (model.Complaint, error) { return st.SetJustified(c.ID, c.Version, yes) }
	default:
		return nil
	}
	s.busy = true
	return act(s.seq, s.askFor, f)
}

// lines is the complaint's body, top to bottom, each at most w cells.
func (s *screen) lines(w int) []string {
	st := s.env.Styles
	c := s.c
	loc, abbr := shownZone(s.dept, s.env.Zone(), s.env.Clock())
	label := func(l, v string) string { return st.Label.Render(textfit.Fit(l, 14)) + " " + v }
	var out []string
	add := func(l ...string) { out = append(out, l...) }
	heading := func(t string) { add("", st.Title.Render(t)) }
	// para adds text wrapped under a marker, the continuation lines indented.
	para := func(mark, text string, style *lipgloss.Style) {
		for i, l := range wrap(text, w-4) {
			if i == 0 {
				l = mark + l
			} else {
				l = "    " + l
			}
			if style != nil {
				l = style.Render(textfit.Fit(l, w))
			}
			add(l)
		}
	}

	client := textfit.OneLine(s.client.ShortName)
	if client == "" {
		client = fmt.Sprintf("#%d", c.Client)
	}
	add(label(model.T("complaints.f.client"), client+st.Subtle.Render("  c")))
	if who := s.contactText(w - 15); who != "" {
		add(label(model.T("complaints.f.contact"), who))
	}
	if c.Order != 0 {
		add(label(model.T("complaints.f.order"), orDash(textfit.OneLine(c.OrderNo))+st.Subtle.Render("  o")))
	}
	add(label(model.T("complaints.f.owner"), orDash(c.Owner)),
		label(model.T("complaints.f.received"), withZone(dateTimeText(c.Received, loc), abbr)+"  "+model.T("complaints.f.channel", channelText(c.Channel))))
	u := urgencyOf(c.Status, c.Deadline, c.PausedAt, s.left(), c.SLA)
	left := leftText(c.Status, c.Deadline, c.PausedAt, s.left(), dayMinutes(s.cs))
	if model.ClockStopped(c.Status) && !c.Answered.IsZero() && !c.Deadline.IsZero() {
		// the deadline was for the answer: say whether it came in time
		left = model.T("complaints.left.in_time")
		if c.Answered.After(c.Deadline) {
			left, u = model.T("complaints.left.late"), urgencyOverdue
		}
	}
	add(label(model.T("complaints.f.deadline"), withZone(dateTimeText(c.Deadline, loc), abbr)+"  "+u.style(st, false).Render(left)))
	add(label(model.T("complaints.f.claimed"), amountFull(c.Claimed)))
	if len(c.Lines) > 0 {
		heading(model.T("complaints.h.lines"))
		for _, l := range c.Lines {
			add(textfit.Fit(fmt.Sprintf("  %s  %s  %s", textfit.OneLine(l.SKU), textfit.OneLine(l.Name), qtyText(l.Qty)), w))
		}
	}
	heading(model.T("complaints.h.description"))
	for _, l := range wrap(c.Description, w-2) {
		add("  " + l)
	}
	if c.Answer != "" {
		heading(model.T("complaints.h.answer", dateTimeText(c.Answered, loc)))
		for _, l := range wrap(c.Answer, w-2) {
			add("  " + l)
		}
	}
	if len(c.Escalations) > 0 {
		heading(model.T("complaints.h.escalations"))
		open := c.OpenEscalation()
		for i := range c.Escalations {
			e := &c.Escalations[i]
			line := model.T("complaints.escalation", dateTimeText(e.At, loc), e.By, e.To, textfit.OneLine(e.Reason))
			if e == open {
				para("▶ ", line+"  "+model.T("complaints.escalation.open"), &st.Warning)
				continue
			}
			para("  ", line, nil)
			if e.Answer != "" {
				para("    ", model.T("complaints.escalation.answer", dateTimeText(e.Answered, loc), textfit.OneLine(e.Answer)), &st.Subtle)
			}
		}
	}
	if len(c.Forwards) > 0 {
		heading(model.T("complaints.h.forwards"))
		for _, f := range c.Forwards {
			line := model.T("complaints.forward", dateTimeText(f.At, loc), f.By, model.DepartmentLabel(f.Department))
			if f.Note != "" {
				line += ": " + textfit.OneLine(f.Note)
			}
			para("  ", line, nil)
		}
	}
	if cl := c.Closing; cl != nil {
		heading(model.T("complaints.h.closing", dateTimeText(c.Closed, loc)))
		add(label(model.T("complaints.f.decision"), model.DecisionLabel(cl.Decision)+"  "+amountFull(cl.Satisfied)),
			label(model.T("complaints.f.remedy"), model.RemedyLabel(cl.Remedy)),
			label(model.T("complaints.f.reason"), model.ReasonLabel(cl.Reason)),
			label(model.T("complaints.f.fault"), model.FaultLabel(cl.Fault)))
		j := model.T("complaints.justified.none")
		if cl.Justified != nil {
			j = model.T("complaints.justified.no")
			if *cl.Justified {
				j = model.T("complaints.justified.yes")
			}
		}
		add(label(model.T("complaints.f.justified"), j))
		if cl.Feedback != "" {
			add(label(model.T("complaints.f.feedback"), textfit.OneLine(cl.Feedback)))
		}
	}
	if c.FollowUp != 0 {
		add(label(model.T("complaints.f.follow_up"), s.followUpText()))
	}
	if len(c.Events) > 0 {
		heading(model.T("complaints.h.history"))
		for i := len(c.Events) - 1; i >= 0; i-- {
			e := c.Events[i]
			what, note := eventText(e)
			line := model.T("complaints.event", dateTimeText(e.At, loc), e.By, what)
			if note != "" {
				line += " — " + textfit.OneLine(note)
			}
			para("  ", line, nil)
		}
	}
	return out
}

// left is the working time left now (paused: as it stood when it paused).
func (s *screen) left() time.Duration {
	return model.TimeLeft(s.cs.Calendar(), s.c.Deadline, s.c.PausedAt, s.env.Clock())
}

// eventText is one history line's words and its note; a reopening's
// "closing" event carries the old closing as JSON and reads as its decision.
func eventText(e model.ComplaintEvent) (string, string) {
	switch e.Action {
	case "move", "":
		return model.T("complaints.event.move", model.ComplaintStatusLabel(e.From), model.ComplaintStatusLabel(e.To)), e.Note
	case "register":
		return model.T("complaints.event.register", model.ComplaintStatusLabel(e.To)), e.Note
	case "closing":
		var cl model.Closing
		if json.Unmarshal([]byte(e.Note), &cl) != nil {
			return model.T("complaints.event.closing"), ""
		}
		return model.T("complaints.event.closing"), model.T("complaints.event.closing_was", model.DecisionLabel(cl.Decision),
			model.ReasonLabel(cl.Reason), model.FaultLabel(cl.Fault))
	}
	if k := "complaints.event." + e.Action; model.HasMessage(k) {
		return model.T(k), e.Note
	}
	return e.Action, e.Note
}

// contactText is the person the complaint came from with their first
// working phone, to call them back ("" when nobody is named).
func (s *screen) contactText(w int) string {
	if s.c.Contact == 0 {
		return ""
	}
	for _, ct := range s.client.Contacts {
		if ct.ID != s.c.Contact {
			continue
		}
		parts := []string{textfit.OneLine(ct.Name)}
		if ct.Position != "" {
			parts = append(parts, textfit.OneLine(ct.Position))
		}
		for _, p := range ct.Phones {
			if !p.WrongNumber {
				parts = append(parts, orDash(textfit.OneLine(cmp.Or(p.Raw, p.E164))))
				break
			}
		}
		if ct.Left {
			parts = append(parts, model.T("complaints.contact.left"))
		}
		return textfit.Fit(strings.Join(parts, " · "), max(1, w))
	}
	return fmt.Sprintf("#%d", s.c.Contact) // a person the card no longer has
}

// followUpText is the retention call's day, person and state; its number
// while it is not loaded.
func (s *screen) followUpText() string {
	it := s.followUp
	if it.ID == 0 || it.ID != s.c.FollowUp {
		return fmt.Sprintf("#%d", s.c.FollowUp)
	}
	who := it.Assignee
	if who == "" {
		who = model.T("complaints.pool")
	}
	return model.T("complaints.follow_up", model.FormatDateTime(it.Due, s.env.Loc), who, model.T("plan.status."+string(it.Status)))
}

// qtyText is a complained quantity without the unit's padding: the line
// keeps no unit, so 40 pieces read "40", not "40.000".
func qtyText(q model.Qty) string {
	s := model.FormatQty(q, "")
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func amountFull(m model.Money) string {
	if m.Minor == 0 && m.Currency == "" {
		return "—"
	}
	return model.FormatMoney(m)
}

// view draws the screen: the title line, the body from scroll, a question
// or a message at the bottom.
func (s *screen) view() string {
	if s.width <= 0 || s.height <= 0 {
		return ""
	}
	st := s.env.Styles
	if !s.loaded {
		text := model.T("complaints.screen.loading")
		if s.loadErr != "" {
			text = st.FieldError.Render(s.loadErr)
		}
		return textfit.Pad([]string{text}, s.width, s.height)
	}
	c := s.c
	title := st.Title.Render(model.T("complaints.screen.title", c.ID, model.ComplaintTypeLabel(c.Type),
		model.ComplaintDirectionLabel(c.Direction)))
	if c.Serious {
		title += " " + st.Danger.Render(model.T("complaints.serious"))
	}
	head := textfit.Spread(title, st.Value.Render(model.ComplaintStatusLabel(c.Status)), s.width)
	var bottom []string
	if s.ask != nil {
		bottom = s.ask.lines(s.width)
	} else if s.msg != "" {
		m := st.Success
		if s.msgErr {
			m = st.FieldError
		}
		bottom = []string{m.Render(textfit.Fit(s.msg, s.width))}
	}
	room := max(0, s.height-1-len(bottom))
	body := s.lines(s.width)
	s.scroll = min(s.scroll, max(0, len(body)-room))
	body = body[s.scroll:]
	if len(body) > room {
		body = body[:room]
	}
	out := append([]string{head}, body...)
	for len(out) < 1+room {
		out = append(out, "")
	}
	return textfit.Pad(append(out, bottom...), s.width, s.height)
}

func channelText(c model.Channel) string {
	if k := "complaints.channel." + string(c); model.HasMessage(k) {
		return model.T(k)
	}
	return string(c)
}
