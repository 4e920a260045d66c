package calls

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/callsettings"
	"clientbase/ui/clientcard"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/textfit"
	"clientbase/ui/planform"
)

// Update routes keys to what is on top (a form, the call screen, the lookup,
// the active view) and hands every other message to everything it holds.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.onKey(msg)
	case tea.PasteMsg:
		return m.onPaste(msg)
	case settingsMsg:
		if msg.err == nil {
			m.settings = msg.cs
			if m.call != nil {
				m.call.settings = msg.cs
			}
		}
		return nil
	case queuePageMsg:
		return m.queue.onPage(msg)
	case queueTickMsg:
		return m.queue.onTick(msg)
	case callMsg:
		return m.onCall(msg)
	case loggedMsg:
		return m.onLogged(msg)
	case releasedMsg:
		return m.onReleased(msg)
	case lookupMsg:
		if m.lookup != nil {
			m.lookup.onResult(msg)
		}
		return nil
	case common.TakeCallMsg, common.CallClientMsg:
		if m.call != nil {
			// Also from the card opened on the call (C): it is a call, not a form, to finish.
			return statusErr(model.T("calls.error.on_call"))
		}
		if m.sub != nil || m.lookup != nil {
			// Another screen asked while a form or an incoming call is open here.
			return statusErr(model.T("calls.error.busy"))
		}
		return m.fromOutside(msg)
	}
	return m.onData(msg)
}

// fromOutside opens the call another screen asked for (the week, the card).
func (m *Model) fromOutside(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.TakeCallMsg:
		return m.startCall(func(gen uint64) tea.Cmd { return take(m.env.Store, gen, msg.Item) })
	case common.CallClientMsg:
		return m.startCall(func(gen uint64) tea.Cmd {
			return callClient(m.env.Store, gen, msg.Client, model.DirOutgoing)
		})
	}
	return nil
}

// onData refreshes the queue or the rules after a change, and hands every
// other message to the panes.
func (m *Model) onData(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		var cmd tea.Cmd
		switch msg.Kind {
		case "plan", "interaction", "client":
			cmd = m.queue.requery(false)
		case "settings":
			cmd = loadSettings(m.env.Store)
		case "complaint":
			cmd = m.complaintChanged()
		case "*":
			cmd = tea.Batch(m.queue.requery(false), loadSettings(m.env.Store), m.complaintChanged())
		}
		return tea.Batch(cmd, m.tellPanes(msg))
	case callComplaintsMsg:
		return m.onCallComplaints(msg)
	}
	return m.broadcast(msg)
}

// broadcast hands a non-key message to every pane the tab holds (they load
// asynchronously) and drops a pane that closed.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range m.panes() {
		cmds = append(cmds, p.Update(msg))
	}
	return tea.Batch(append(cmds, m.afterPanes())...)
}

// tellPanes hands a data change to the panes in sight; the week and the
// team grid out of sight keep it until shown (m.show).
func (m *Model) tellPanes(msg common.DataChangedMsg) tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range m.panes() {
		if l := m.later(p); l != nil {
			l.Add(msg)
			continue
		}
		cmds = append(cmds, p.Update(msg))
	}
	return tea.Batch(append(cmds, m.afterPanes())...)
}

// afterPanes checks the panes that end themselves: a closed one is dropped;
// a new prospect saved goes on to its call screen.
func (m *Model) afterPanes() tea.Cmd {
	var cmd tea.Cmd
	if m.sub != nil {
		if c, ok := m.sub.(*cardPane); ok && c.prospect && c.card.ClientID() != 0 {
			// The prospect is saved: the caller is still on the line.
			m.sub, m.lookup = nil, nil
			id := c.card.ClientID()
			cmd = m.startCall(func(gen uint64) tea.Cmd { return callClient(m.env.Store, gen, id, model.DirIncoming) })
		} else if closed(m.sub) {
			m.sub = nil
		}
	}
	if m.rules != nil && closed(m.rules) {
		m.rules = nil
		if m.view == ViewRules {
			cmd = tea.Batch(cmd, m.show(m.before))
		}
	}
	return cmd
}

func closed(p common.Pane) bool {
	c, ok := p.(common.Closer)
	return ok && c.Closed()
}

func (m *Model) onKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case m.sub != nil:
		return tea.Batch(m.sub.Update(k), m.afterPanes())
	case m.call != nil:
		return m.callKey(k)
	case m.lookup != nil:
		return m.lookupKey(k)
	}
	p := m.activePane()
	if p == nil || !p.InputFocused() {
		if cmd, ok := m.viewKey(k); ok {
			return cmd
		}
	}
	if p != nil {
		return tea.Batch(p.Update(k), m.afterPanes())
	}
	return m.queueKey(k)
}

func (m *Model) onPaste(msg tea.PasteMsg) tea.Cmd {
	switch {
	case m.sub != nil:
		return m.sub.Update(msg)
	case m.call != nil:
		if m.call.notesFocus {
			var cmd tea.Cmd
			m.call.notes, cmd = m.call.notes.Update(msg)
			return cmd
		}
		if m.call.form != nil {
			var cmd tea.Cmd
			m.call.form.f, cmd = m.call.form.f.Update(msg)
			return cmd
		}
		return nil
	case m.lookup != nil:
		return m.lookup.typeIn(msg, m.env.Store)
	}
	if p := m.activePane(); p != nil {
		return p.Update(msg)
	}
	return nil
}

// viewKey switches views with Q, W, T, R.
func (m *Model) viewKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, m.vkeys.Queue):
		m.view = ViewQueue
		return m.queue.requery(false), true
	case key.Matches(k, m.vkeys.Week):
		return m.show(ViewWeek), true
	case key.Matches(k, m.vkeys.Team):
		if m.team == nil {
			return statusErr(model.T("calls.error.no_team")), true
		}
		return m.show(ViewTeam), true
	case key.Matches(k, m.vkeys.Rules):
		if m.view == ViewRules {
			return nil, true
		}
		m.before = m.view
		m.view = ViewRules
		if m.rules == nil {
			m.rules = callsettings.New(m.env)
			m.rules.SetSize(m.width, m.paneHeight())
			return m.rules.Init(), true
		}
		return nil, true
	}
	return nil, false
}

func (m *Model) readOnly() tea.Cmd { return statusErr(model.T("calls.error.read_only")) }

func (m *Model) queueKey(k tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.queue.navKey(k); ok {
		return cmd
	}
	q := m.queue
	switch {
	case key.Matches(k, q.keys.TakeNext):
		if m.env.ReadOnly {
			return m.readOnly()
		}
		return m.startCall(func(gen uint64) tea.Cmd { return takeNext(m.env.Store, gen) })
	case key.Matches(k, q.keys.Take):
		if m.env.ReadOnly {
			return m.readOnly()
		}
		r, ok := q.current()
		if !ok {
			return nil
		}
		return m.startCall(func(gen uint64) tea.Cmd { return take(m.env.Store, gen, r.Item.ID) })
	case key.Matches(k, q.keys.Incoming):
		if m.env.ReadOnly {
			return m.readOnly()
		}
		m.lookup = newLookup(m.env)
		m.lookup.setSize(m.width, m.paneHeight())
		return m.lookup.input.Focus()
	}
	return nil
}

// startCall asks the store for a call unless one is open or on its way.
func (m *Model) startCall(load func(gen uint64) tea.Cmd) tea.Cmd {
	if m.call != nil {
		return statusErr(model.T("calls.error.on_call"))
	}
	if m.env.ReadOnly {
		return m.readOnly()
	}
	if m.taking {
		return nil
	}
	m.taking = true
	m.gen++
	m.waitCall = m.gen
	return load(m.gen)
}

func (m *Model) onCall(msg callMsg) tea.Cmd {
	if msg.gen != m.waitCall {
		return nil
	}
	m.taking = false
	if msg.err != nil {
		if msg.next && errors.Is(msg.err, model.ErrNotFound) {
			return status(errorSentence(msg.err)) // nothing due: the store says when the next one is
		}
		// Someone else may have taken it meanwhile: show the queue as it is now.
		return tea.Batch(statusErr(errorSentence(msg.err)), m.queue.requery(false))
	}
	m.lookup = nil
	m.call = newCallScreen(m.env, msg.ctx, msg.dir, m.settings)
	m.call.setSize(m.width, m.paneHeight())
	cmd := m.queue.requery(false) // the taken row now shows it is held
	if msg.ctx.Item.ID != 0 {
		return tea.Batch(cmd, status(model.TSentence("calls.status.taken", textfit.OneLine(msg.ctx.Client.ShortName))))
	}
	return cmd
}

func (m *Model) callKey(k tea.KeyPressMsg) tea.Cmd {
	c := m.call
	switch {
	case c.confirm != nil:
		a := c.confirm.Update(k)
		c.confirm = &a
		if !a.Answered {
			return nil
		}
		c.confirm = nil
		if a.Yes {
			return m.letGo()
		}
		return nil
	case c.form != nil:
		return m.formKey(k)
	case c.notesFocus:
		if key.Matches(k, c.ikeys.Done) {
			c.notesFocus = false
			c.notes.Blur()
			return nil
		}
		var cmd tea.Cmd
		c.notes, cmd = c.notes.Update(k)
		return cmd
	}
	if o, ok := c.outcomeFor(k); ok {
		if m.env.ReadOnly {
			return m.readOnly()
		}
		if c.busy {
			return nil
		}
		if outcomeNeedsForm(o) {
			c.openForm(o)
			return c.form.f.Refocus()
		}
		return m.log(c.interaction(o))
	}
	switch {
	case key.Matches(k, c.keys.Notes):
		if m.env.ReadOnly {
			return m.readOnly()
		}
		c.notesFocus = true
		c.notes.CursorEnd()
		return c.notes.Focus()
	case key.Matches(k, c.keys.LetGo):
		if m.env.ReadOnly {
			return m.readOnly()
		}
		return m.letGo()
	case key.Matches(k, c.keys.Back):
		if !c.held() || m.env.ReadOnly {
			m.call = nil
			return nil
		}
		q := confirm.New(model.T("calls.confirm.let_go", textfit.OneLine(c.ctx.Client.ShortName)))
		c.confirm = &q
		return nil
	case key.Matches(k, c.keys.Card):
		// Inside the tab, so esc comes back to the call, not to the client list.
		card, cmd := clientcard.Open(m.cardDeps(), c.ctx.Client.ID)
		p := &cardPane{card: card}
		p.SetSize(m.width, m.paneHeight())
		m.sub = p
		return cmd
	case key.Matches(k, c.keys.Complaint):
		if m.env.ReadOnly {
			return m.readOnly()
		}
		return c.newComplaint()
	case key.Matches(k, c.keys.Plan):
		if m.env.ReadOnly {
			return m.readOnly()
		}
		p := planform.New(m.env, model.PlanItem{Client: c.ctx.Client.ID, Kind: model.PlanCall, Origin: model.OriginManual, Purpose: c.ctx.Item.Purpose})
		p.SetSize(m.width, m.paneHeight())
		m.sub = p
		return p.Init()
	}
	return nil
}

func (m *Model) formKey(k tea.KeyPressMsg) tea.Cmd {
	c := m.call
	switch {
	case key.Matches(k, c.ikeys.Cancel):
		c.form, c.banner = nil, ""
		return nil
	case key.Matches(k, c.ikeys.Log):
		if c.busy {
			return nil
		}
		ix, errs := c.readForm(m.env.Now())
		if errs != nil {
			c.form.f.SetErrors(errs)
			return nil
		}
		return m.log(ix)
	}
	var cmd tea.Cmd
	c.form.f, cmd = c.form.f.Update(k)
	return cmd
}

func (m *Model) log(ix model.Interaction) tea.Cmd {
	m.call.busy = true
	m.call.banner = ""
	m.gen++
	return logOutcome(m.env.Store, m.gen, ix)
}

func (m *Model) onLogged(msg loggedMsg) tea.Cmd {
	if m.call == nil || msg.gen != m.gen {
		return nil
	}
	m.call.busy = false
	if msg.err != nil {
		m.call.showErrors(msg.err)
		return nil
	}
	m.call = nil
	m.last, m.logged = msg.res, true
	step := msg.res.Interaction.NextStep
	if step == "" {
		step = model.TSentence("calls.status.logged", outcomeText(msg.outcome))
	}
	cmds := []tea.Cmd{
		status(step),
		msgCmd(common.DataChangedMsg{Kind: "interaction", ID: msg.res.Interaction.ID}),
	}
	if msg.outcome == model.OutcomeOrderTaken && !m.env.ReadOnly {
		// "Order taken": the order is typed in next, the client already known.
		cmds = append(cmds, msgCmd(common.NewOrderMsg{Client: msg.res.Interaction.Client}))
	}
	return tea.Batch(cmds...)
}

// letGo hands a held call back to the queue unchanged.
func (m *Model) letGo() tea.Cmd {
	c := m.call
	if !c.held() {
		m.call = nil
		return nil
	}
	if c.busy {
		return nil
	}
	c.busy = true
	m.gen++
	return release(m.env.Store, m.gen, c.ctx.Item.ID)
}

func (m *Model) onReleased(msg releasedMsg) tea.Cmd {
	if m.call == nil || msg.gen != m.gen {
		return nil
	}
	m.call.busy = false
	if msg.err != nil {
		m.call.banner = errorSentence(msg.err)
		return nil
	}
	name := textfit.OneLine(m.call.ctx.Client.ShortName)
	id := m.call.ctx.Item.ID
	m.call = nil
	return tea.Batch(
		status(model.T("calls.status.let_go", name)),
		msgCmd(common.DataChangedMsg{Kind: "plan", ID: id}),
	)
}
