package planform

import (
	"errors"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Update handles keys and the answers of its own commands.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if m.closed {
		return nil
	}
	switch msg := msg.(type) {
	case settingsMsg:
		if msg.gen == m.wait && msg.err == nil {
			m.settings = msg.s
		}
		return nil
	case clientMsg:
		if msg.gen != m.waitClient {
			return nil
		}
		if msg.err != nil {
			m.setBanner(ErrorSentence(msg.err))
			return nil
		}
		m.client, m.hasClient = msg.c, true
		m.buildPlanForm(true)
		return nil
	case usersMsg:
		if msg.gen != m.waitUsers {
			return nil
		}
		if msg.err != nil {
			m.usersErr = ErrorSentence(msg.err)
			m.layout()
			return nil
		}
		m.users = sortUsers(msg.users)
		if m.what == whatReassign {
			m.choices = m.reassignChoices()
			m.choice = 0
		} else {
			m.form.SetOptions(fAssignee, m.assigneeOptions())
		}
		m.layout()
		return nil
	case matchesMsg:
		if msg.gen != m.waitSearch {
			return nil
		}
		if msg.err != nil {
			m.matches, m.total = nil, 0
			m.setBanner(ErrorSentence(msg.err))
			return nil
		}
		m.matches, m.total, m.cursor = msg.page.Rows, msg.page.Total, 0
		m.indexing = msg.page.Indexing
		m.layout()
		return nil
	case common.IndexReadyMsg:
		if m.indexing && m.query != "" && !m.hasClient {
			// Asked while the index was building: ask again now it is there.
			m.indexing = false
			m.waitSearch = m.next()
			return matchesCmd(m.env.Store, m.waitSearch, m.query)
		}
		return nil
	case savedMsg:
		return m.onSaved(msg)
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	if m.what == whatReassign || m.discard {
		return nil
	}
	// Anything else (pastes) belongs to the form's inputs.
	return m.updateForm(msg)
}

func (m *Model) setBanner(s string) {
	m.banner = s
	m.layout()
}

func (m *Model) onKey(kp tea.KeyPressMsg) tea.Cmd {
	if m.discard {
		switch {
		case key.Matches(kp, m.keys.Yes):
			m.closed = true
		case key.Matches(kp, m.keys.No):
			m.discard = false
			m.layout()
			return m.form.Refocus()
		}
		return nil
	}
	if m.what == whatReassign {
		return m.onReassignKey(kp)
	}
	fk := m.form.Keys()
	switch {
	case key.Matches(kp, fk.Submit):
		if m.saving {
			return nil
		}
		return m.submit()
	case key.Matches(kp, fk.Back):
		if m.form.Dirty() {
			m.discard = true
			m.form.Blur()
			m.layout()
			return nil
		}
		m.closed = true
		return nil
	}
	if m.showMatches() {
		switch {
		case key.Matches(kp, m.keys.Prev):
			m.cursor = max(0, m.cursor-1)
			return nil
		case key.Matches(kp, m.keys.Next):
			m.cursor = min(len(m.matches)-1, m.cursor+1)
			return nil
		case key.Matches(kp, m.keys.Pick):
			return m.pick(m.matches[m.cursor])
		}
	}
	return m.updateForm(kp)
}

// updateForm hands a message to the form, then follows what changed: the
// kind shows or hides the address, typing in the client field asks for matches.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	kind := m.form.Value(fKind)
	m.form, cmd = m.form.Update(msg)
	if m.what != whatPlan {
		return cmd
	}
	if k := m.form.Value(fKind); k != kind {
		m.form.SetHidden(fAddress, k != string(model.PlanVisit))
		if m.canAssign() {
			if k == string(model.PlanVisit) && m.form.Value(fAssignee) == "" {
				m.form.SetValue(fAssignee, m.env.Me.Name) // a visit is never the pool's
			}
			m.form.SetOptions(fAssignee, m.assigneeOptions())
		}
		m.layout()
	}
	if !m.lookup {
		return cmd
	}
	q := trim(m.form.Value(fClient))
	if q == m.query {
		return cmd
	}
	m.query = q
	if m.hasClient && q != m.client.ShortName {
		// The text no longer names the picked client: pick again.
		m.hasClient, m.client = false, model.Client{}
		m.buildPlanForm(true)
	}
	if q == "" || m.hasClient {
		m.matches, m.total = nil, 0
		m.waitSearch = m.next() // an answer still on its way is stale
		m.layout()
		return cmd
	}
	m.waitSearch = m.next()
	m.layout()
	return tea.Batch(cmd, matchesCmd(m.env.Store, m.waitSearch, q))
}

// showMatches: the lookup list is under the client field and has the arrows.
func (m *Model) showMatches() bool {
	return m.lookup && !m.hasClient && len(m.matches) > 0 && m.form.Focused() == fClient && !m.discard
}

// pick takes a client from the matches: its contacts and address fill the form.
func (m *Model) pick(c model.Client) tea.Cmd {
	m.client, m.hasClient = c, true
	m.matches, m.total, m.cursor = nil, 0, 0
	m.form.SetValue(fClient, c.ShortName)
	m.query = trim(c.ShortName)
	m.buildPlanForm(true)
	m.form.SetErrors(nil)
	return m.form.Focus(fContact)
}

// submit checks what was typed and, when it is valid, saves it.
func (m *Model) submit() tea.Cmd {
	switch m.what {
	case whatPlan:
		p, errs := m.itemFrom()
		if len(errs) == 0 {
			mergeErrors(errs, model.ValidatePlanItem(p, m.env.Now(), true))
		}
		if m.showErrors(errs) {
			return nil
		}
		m.saving = true
		m.waitSave = m.next()
		return planCmd(m.env.Store, m.waitSave, p)
	case whatReschedule:
		due, until, errs := m.times(m.env.Now())
		if len(errs) == 0 {
			p := m.base
			p.Due, p.Until = due, until
			var ve *model.ValidationError
			if err := model.ValidatePlanItem(p, m.env.Now(), true); errors.As(err, &ve) {
				// Only the time can be wrong here: the rest was valid when planned.
				for _, k := range []string{fDue, fUntil} {
					if s, ok := ve.Fields[k]; ok {
						errs[k] = s
					}
				}
			}
		}
		if m.showErrors(errs) {
			return nil
		}
		m.saving = true
		m.waitSave = m.next()
		return rescheduleCmd(m.env.Store, m.waitSave, m.base, due, until, trim(m.form.Value(fReason)))
	case whatCancel:
		reason := trim(m.form.Value(fReason))
		if reason == "" {
			m.showErrors(map[string]string{fReason: model.T("plan.error.reason_required")})
			return nil
		}
		m.form.SetErrors(nil)
		m.saving = true
		m.waitSave = m.next()
		return cancelCmd(m.env.Store, m.waitSave, m.base, reason)
	}
	return nil
}

// showErrors puts sentences under their fields (the rest above the form)
// and reports whether there were any.
func (m *Model) showErrors(errs map[string]string) bool {
	rest := m.form.SetErrors(errs)
	m.banner = ""
	for _, k := range sortedKeys(rest) {
		if m.banner != "" {
			m.banner += " "
		}
		m.banner += rest[k]
	}
	m.layout()
	return len(errs) > 0
}

func mergeErrors(dst map[string]string, err error) {
	if err == nil {
		return
	}
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		for k, v := range ve.Fields {
			if _, ok := dst[k]; !ok {
				dst[k] = v
			}
		}
		return
	}
	dst[""] = ErrorSentence(err)
}

// times reads the when and window-end fields; the window's end is read
// relative to the start, so "16:00" is that day's and "+2h" two hours after.
func (m *Model) times(now time.Time) (due, until time.Time, errs map[string]string) {
	errs = map[string]string{}
	loc := m.env.Loc
	if s := trim(m.form.Value(fDue)); s == "" {
		errs[fDue] = model.T("plan.error.due_required")
	} else if t, err := model.ParseWhen(s, now, loc, m.settings); err != nil {
		errs[fDue] = fieldSentence(err, fDue)
	} else {
		due = t
	}
	if s := trim(m.form.Value(fUntil)); s != "" && !due.IsZero() {
		if t, err := model.ParseWhen(s, due, loc, m.settings); err != nil {
			errs[fUntil] = fieldSentence(err, fUntil)
		} else {
			until = t
		}
	}
	return due, until, errs
}

// fieldSentence is a parse error in words (a validation error's sentence for the field).
func fieldSentence(err error, k string) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		if s, ok := ve.Fields[k]; ok {
			return s
		}
	}
	return ErrorSentence(err)
}

// itemFrom reads the plan form into an item.
func (m *Model) itemFrom() (model.PlanItem, map[string]string) {
	p := m.base
	due, until, errs := m.times(m.env.Now())
	p.Due, p.Until = due, until
	if m.hasClient {
		p.Client = m.client.ID
	} else if m.lookup {
		p.Client = 0
		if trim(m.form.Value(fClient)) == "" {
			errs[fClient] = model.T("plan.error.client_required")
		} else {
			errs[fClient] = model.T("plan.error.pick_client")
		}
	}
	ct, _ := strconv.ParseUint(m.form.Value(fContact), 10, 64)
	p.Contact = model.ID(ct)
	p.Kind = model.PlanKind(m.form.Value(fKind))
	p.Purpose = model.Purpose(m.form.Value(fPurpose))
	pr, _ := strconv.Atoi(m.form.Value(fPriority))
	p.Priority = model.Priority(pr)
	p.Address = ""
	if p.Kind == model.PlanVisit {
		p.Address = trim(m.form.Value(fAddress))
	}
	if m.canAssign() {
		p.Assignee = m.form.Value(fAssignee)
	} else {
		p.Assignee = m.env.Me.Name
	}
	p.Note = trim(m.form.Value(fNote))
	if p.Origin == "" {
		p.Origin = model.OriginManual
	}
	return p, errs
}

func (m *Model) onSaved(msg savedMsg) tea.Cmd {
	if msg.gen != m.waitSave {
		return nil
	}
	m.saving = false
	if msg.err != nil {
		var ve *model.ValidationError
		if errors.As(msg.err, &ve) && m.what != whatReassign {
			m.showErrors(ve.Fields)
			return nil
		}
		m.setBanner(ErrorSentence(msg.err))
		return nil
	}
	m.closed = true
	it := msg.item
	loc := m.env.Loc
	switch m.what {
	case whatPlan:
		return doneCmds(it.ID, model.T("plan.done.planned."+string(it.Kind), model.FormatDateTime(it.Due, loc)))
	case whatReschedule:
		return doneCmds(it.ID, model.T("plan.done.rescheduled."+string(m.base.Kind), model.FormatDateTime(it.Due, loc)))
	case whatCancel:
		return doneCmds(it.ID, model.T("plan.done.cancelled."+string(m.base.Kind), model.FormatDateTime(m.base.Due, loc)))
	}
	name := m.choices[m.choice].name
	if msg.n == 1 {
		return doneCmds(0, model.T("plan.done.reassigned_one", name))
	}
	return doneCmds(0, model.T("plan.done.reassigned", msg.n, name))
}

func (m *Model) onReassignKey(kp tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(kp, k.Back):
		m.closed = true
	case key.Matches(kp, k.Up):
		m.choice = max(0, m.choice-1)
	case key.Matches(kp, k.Down):
		m.choice = max(0, min(len(m.choices)-1, m.choice+1))
	case key.Matches(kp, k.Pick):
		if m.saving || len(m.choices) == 0 || len(m.items) == 0 {
			return nil
		}
		ids := make([]model.ID, len(m.items))
		for i, it := range m.items {
			ids[i] = it.ID
		}
		m.saving = true
		m.waitSave = m.next()
		return reassignCmd(m.env.Store, m.waitSave, ids, m.choices[m.choice].login)
	}
	return nil
}
