package clientcard

import (
	"errors"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
)

// Update handles keys and the results of its own commands.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m.mode == modePlan && m.plan != nil {
		switch msg.(type) {
		case clientLoadedMsg, clientSavedMsg, historyLoadedMsg, timelineMsg, debtMsg, complaintsMsg, common.DataChangedMsg, liveClientMsg:
			// the card's own answers, while the plan form is open
		default:
			cmd := m.plan.Update(msg)
			if m.plan.Closed() {
				m.plan, m.mode = nil, modeCard
				return m, tea.Batch(cmd, m.loadTimeline())
			}
			return m, cmd
		}
	}
	switch msg := msg.(type) {
	case timelineMsg:
		if msg.gen != m.waitTimeline {
			return m, nil
		}
		m.timeline, m.tlErr, m.tlLoaded = msg.entries, "", true
		if msg.err != nil {
			m.timeline, m.tlErr = nil, errorSentence(msg.err)
		}
		m.rebuild()
		return m, nil
	case debtMsg:
		return m.onDebt(msg), nil
	case complaintsMsg:
		return m.onComplaints(msg), nil
	case common.DataChangedMsg:
		// A save of this client may re-plan its recurring contact (or, archived,
		// cancel its items): the timeline is asked again then too.
		mine := m.isMine(msg)
		if m.id == 0 || m.mode == modeLoading {
			return m, nil
		}
		var cmds []tea.Cmd
		if mine {
			cmds = append(cmds, m.onClientChanged())
		}
		if msg.Kind == "plan" || msg.Kind == "interaction" || mine {
			cmds = append(cmds, m.loadTimeline())
		}
		if msg.Kind == "order" || msg.Kind == "payment" || msg.Kind == "*" {
			cmds = append(cmds, m.loadDebt())
		}
		if msg.Kind == "complaint" || msg.Kind == "*" {
			cmds = append(cmds, m.loadComplaints())
		}
		return m, tea.Batch(cmds...)
	case liveClientMsg:
		return m.onLiveClient(msg)
	case clientLoadedMsg:
		return m.onLoaded(msg)
	case clientSavedMsg:
		return m.onSaved(msg)
	case historyLoadedMsg:
		if msg.gen != m.waitHistory {
			return m, nil
		}
		m.history, m.histErr, m.histLoaded = msg.entries, "", true
		if msg.err != nil {
			m.histErr = errorSentence(msg.err)
		}
		m.rebuild()
		return m, nil
	case duplicatesMsg:
		return m.onDuplicates(msg)
	case usersMsg:
		if msg.gen == m.waitUsers && msg.err == nil && m.mode == modeForm {
			users := append([]model.User(nil), msg.users...)
			sort.Slice(users, func(i, j int) bool { return users[i].Name < users[j].Name })
			m.form.SetOptions(fManager, managerOptions(users))
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	// Anything else (cursor blinks, pastes) belongs to the form's inputs.
	if m.mode == modeForm || m.mode == modeContactForm {
		var cmd tea.Cmd
		m.form, cmd = m.form.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m Model) onLoaded(msg clientLoadedMsg) (Model, tea.Cmd) {
	if msg.gen != m.waitLoad {
		return m, nil
	}
	if msg.err != nil {
		s := errorSentence(msg.err)
		reload := m.reloadForm
		m.reloadForm = false
		if reload && (m.mode == modeForm || m.mode == modeContactForm) {
			// The fresh record could not be read: keep the form, say why.
			m.setFormBanner(s)
			return m, m.form.Refocus()
		}
		// On a card never loaded, the sentence replaces it; esc closes.
		m.setBanner(s, true)
		return m, nil
	}
	m.client, m.clientLoc, m.id = msg.client, msg.loc, msg.client.ID
	m.rebuild()
	if m.reloadForm {
		// After a conflict (or OpenEdit) the form starts again from the fresh record.
		m.reloadForm = false
		if m.mode == modeLoading && !m.canEdit() {
			// Nothing this user may change: OpenEdit shows the card instead.
			m.mode, m.formOnly = modeCard, false
			return m, nil
		}
		if m.mode == modeContactForm {
			return m, m.openContactForm(m.contactIdx)
		}
		return m, m.openForm()
	}
	if m.mode == modeLoading {
		m.mode = modeCard
		return m, tea.Batch(m.loadTimeline(), m.loadDebt(), m.loadComplaints())
	}
	return m, nil
}

func (m Model) onSaved(msg clientSavedMsg) (Model, tea.Cmd) {
	if msg.gen != m.waitSave {
		return m, nil
	}
	m.saving = false
	if msg.err != nil {
		return m.onSaveError(msg)
	}
	c := msg.client
	m.client, m.clientLoc, m.id = c, msg.loc, c.ID
	m.setBanner("", false)
	status := model.TSentence("card.done.saved", c.ShortName)
	switch msg.kind {
	case saveForm:
		m.mode, m.formNew, m.formOnly = modeCard, false, false
		m.form.Blur()
	case saveContact:
		m.mode = modeContacts
		if m.contactIdx >= 0 {
			m.contactCursor = m.contactIdx
		} else {
			m.contactCursor = len(c.Contacts) - 1
		}
	case saveArchive:
		status = model.TSentence("card.done.restored", c.ShortName)
		if msg.archived {
			status = model.TSentence("card.done.archived", c.ShortName)
		}
	}
	m.rebuild()
	return m, changedCmds(c.ID, status)
}

func (m Model) onSaveError(msg clientSavedMsg) (Model, tea.Cmd) {
	inForm := (msg.kind == saveForm && m.mode == modeForm) || (msg.kind == saveContact && m.mode == modeContactForm)
	var ve *model.ValidationError
	switch {
	case inForm && errors.As(msg.err, &ve):
		m.placeErrors(ve.Fields)
		return m, nil
	case inForm && errors.Is(msg.err, model.ErrConflict):
		m.dialog = dlgConflict
		m.form.Blur()
		return m, nil
	case inForm:
		m.setFormBanner(errorSentence(msg.err))
		return m, nil
	case errors.Is(msg.err, model.ErrConflict):
		// Someone else changed the client: show the fresh record rather than act on a stale one.
		m.setBanner(model.T("card.error.conflict_reloaded"), true)
		return m, m.load()
	}
	m.setBanner(errorSentence(msg.err), true)
	return m, nil
}

func (m Model) onDuplicates(msg duplicatesMsg) (Model, tea.Cmd) {
	if msg.gen != m.waitDups || m.mode != modeForm {
		return m, nil
	}
	if msg.err != nil {
		m.saving = false
		m.setFormBanner(errorSentence(msg.err))
		return m, nil
	}
	if len(msg.dups) > 0 {
		m.dups, m.dupCursor = msg.dups, 0
		m.dialog = dlgDuplicates
		m.form.Blur()
		m.saving = false
		return m, nil
	}
	return m, m.save(saveForm, m.pending, m.pendReason)
}

// errorSentence turns a store error into the sentence the user reads.
func errorSentence(err error) string { return common.ErrorSentence(err, "card") }

func (m *Model) setBanner(s string, isErr bool) {
	m.banner, m.bannerErr = s, isErr
	m.clampScroll()
}

func (m *Model) setFormBanner(s string) {
	m.formBanner = s
	m.form.SetSize(m.width, m.formHeight())
}

// placeErrors shows validation errors under their fields; the rest (another
// contact's problem, a field this form lacks) go in the sentence above the form.
func (m *Model) placeErrors(errs map[string]string) {
	var rest map[string]string
	if m.mode == modeContactForm {
		var mine map[string]string
		mine, rest = contactErrors(errs, m.pendingContact())
		m.form.SetErrors(mine)
	} else {
		rest = m.form.SetErrors(errs)
	}
	m.setFormBanner(m.restSentence(rest))
}

// pendingContact is the index the edited contact has in the saved record.
func (m Model) pendingContact() int {
	if m.contactIdx >= 0 {
		return m.contactIdx
	}
	return len(m.client.Contacts)
}

func (m Model) restSentence(rest map[string]string) string {
	if len(rest) == 0 {
		return ""
	}
	keys := make([]string, 0, len(rest))
	for k := range rest {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, m.errorPlace(k)+": "+rest[k])
	}
	return strings.Join(parts, "; ")
}

// errorPlace names where an error belongs: "Contact Petrov, e-mail" or a field label.
func (m Model) errorPlace(k string) string {
	var idx int
	var field string
	if n, _ := parseContactKey(k, &idx, &field); n {
		name := ""
		if idx < len(m.client.Contacts) {
			name = m.client.Contacts[idx].Name
		}
		return model.T("card.form.contact_place", name, label("contact."+field))
	}
	if model.HasMessage("card.field." + k) {
		return label(k)
	}
	return k
}

func parseContactKey(k string, idx *int, field *string) (bool, error) {
	rest, ok := strings.CutPrefix(k, "contacts.")
	if !ok {
		return false, nil
	}
	num, f, ok := strings.Cut(rest, ".")
	if !ok {
		return false, nil
	}
	n := 0
	for _, r := range num {
		if r < '0' || r > '9' {
			return false, nil
		}
		n = n*10 + int(r-'0')
	}
	*idx, *field = n, f
	return true, nil
}

func (m *Model) save(kind saveKind, c model.Client, reason string) tea.Cmd {
	m.saving = true
	m.waitSave = m.next()
	return saveClientCmd(m.deps.Store, m.waitSave, kind, c, reason)
}

// cloneClient copies c deep enough that normalising the copy never touches c.
func cloneClient(c model.Client) model.Client {
	c.Phones = append([]model.Phone(nil), c.Phones...)
	c.Emails = append([]string(nil), c.Emails...)
	c.CategoryLog = append([]model.CategoryChange(nil), c.CategoryLog...)
	cs := make([]model.Contact, len(c.Contacts))
	for i, ct := range c.Contacts {
		ct.Phones = append([]model.Phone(nil), ct.Phones...)
		cs[i] = ct
	}
	if c.Contacts != nil {
		c.Contacts = cs
	}
	return c
}

func (m Model) onKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.dialog != dlgNone {
		return m.onDialogKey(msg)
	}
	switch m.mode {
	case modeLoading:
		if key.Matches(msg, m.keys.Back) {
			m.closed = true
		}
		return m, nil
	case modeCard:
		return m.onCardKey(msg)
	case modeContacts:
		return m.onContactsKey(msg)
	case modeHistory:
		return m.onHistoryKey(msg)
	case modeTimeline:
		if key.Matches(msg, m.keys.Back) {
			m.mode = modeCard
			return m, nil
		}
		m.tlScroll = scrollBy(m.keys, msg, m.tlScroll, len(m.tlLines), m.bodyHeight())
		return m, nil
	}
	return m.onFormKey(msg)
}

func (m Model) onCardKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.cardKeys()
	switch {
	case key.Matches(msg, k.Back):
		m.closed = true
	case key.Matches(msg, k.Edit):
		m.formNew, m.formOnly = false, false
		return m, m.openForm()
	case key.Matches(msg, k.Contacts):
		m.mode = modeContacts
		m.contactCursor = max(0, min(m.contactCursor, len(m.client.Contacts)-1))
	case key.Matches(msg, k.History):
		m.mode = modeHistory
		m.history, m.histErr, m.histScroll, m.histLoaded = nil, "", 0, false
		m.rebuild()
		m.waitHistory = m.next()
		return m, historyCmd(m.deps.Store, m.waitHistory, m.id)
	case key.Matches(msg, k.Archive):
		m.dialog = dlgArchive
	case key.Matches(msg, k.Plan):
		return m, m.openPlan()
	case key.Matches(msg, k.CallNow):
		return m, msgCmd(common.CallClientMsg{Client: m.id})
	case key.Matches(msg, k.NewOrder):
		return m, msgCmd(common.NewOrderMsg{Client: m.id})
	case key.Matches(msg, k.NewComplaint):
		return m, msgCmd(common.NewComplaintMsg{Client: m.id})
	case key.Matches(msg, k.OpenComplaint):
		if id, ok := m.selectedComplaint(); ok {
			return m, msgCmd(common.OpenComplaintMsg{Complaint: id})
		}
	case key.Matches(msg, k.PickComplaint):
		// [ and ] move the mark over the listed complaints, round
		step := 1
		if msg.String() == "[" {
			step = -1
		}
		m.complaintSel = (m.complaintSel + step + len(m.complaints)) % len(m.complaints)
		m.rebuild()
	case key.Matches(msg, k.Timeline):
		m.mode, m.tlScroll = modeTimeline, 0
		m.rebuild()
		if !m.tlLoaded {
			return m, m.loadTimeline()
		}
	default:
		m.scroll = scrollBy(m.keys, msg, m.scroll, len(m.lines), m.bodyHeight())
	}
	return m, nil
}

// scrollBy moves a scroll position by the card's movement keys, kept within
// the lines there are.
func scrollBy(k keymap.Card, msg tea.KeyPressMsg, pos, total, page int) int {
	switch {
	case key.Matches(msg, k.Up):
		pos--
	case key.Matches(msg, k.Down):
		pos++
	case key.Matches(msg, k.PageUp):
		pos -= max(1, page-1)
	case key.Matches(msg, k.PageDown):
		pos += max(1, page-1)
	case key.Matches(msg, k.Top):
		pos = 0
	case key.Matches(msg, k.Bottom):
		pos = total
	}
	return max(0, min(pos, total-page))
}

func (m Model) onContactsKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.contactKeys()
	n := len(m.client.Contacts)
	switch {
	case key.Matches(msg, k.Back):
		m.mode = modeCard
	case key.Matches(msg, k.Up):
		m.contactCursor = max(0, m.contactCursor-1)
	case key.Matches(msg, k.Down):
		m.contactCursor = max(0, min(n-1, m.contactCursor+1))
	case key.Matches(msg, k.Add):
		return m, m.openContactForm(-1)
	case key.Matches(msg, k.Edit):
		return m, m.openContactForm(m.contactCursor)
	case key.Matches(msg, k.MarkLeft):
		if m.saving || m.contactCursor >= n {
			return m, nil
		}
		c := cloneClient(m.client)
		c.Contacts[m.contactCursor].Left = !c.Contacts[m.contactCursor].Left
		return m, m.save(saveLeft, c, "")
	}
	return m, nil
}

func (m Model) onHistoryKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Back) {
		m.mode = modeCard
		return m, nil
	}
	m.histScroll = scrollBy(m.keys, msg, m.histScroll, len(m.histLines), m.bodyHeight())
	return m, nil
}

func (m Model) onFormKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m, cmd, ok := m.liveKey(msg); ok {
		return m, cmd
	}
	k := m.form.Keys()
	switch {
	case key.Matches(msg, k.Submit):
		if m.saving {
			return m, nil
		}
		if m.mode == modeContactForm {
			return m.submitContact()
		}
		return m.submitClient()
	case key.Matches(msg, k.Back):
		if m.form.Dirty() {
			m.dialog = dlgDiscard
			m.form.Blur()
			return m, nil
		}
		return m.leaveForm(), nil
	}
	var cmd tea.Cmd
	m.form, cmd = m.form.Update(msg)
	if m.mode == modeForm {
		// A changed category asks for its reason; changing it back hides the question.
		m.form.SetHidden(fReason, m.form.Value(fCategory) == m.form.Initial(fCategory))
	}
	return m, cmd
}

// leaveForm goes back to where the form was opened from, or closes the card.
func (m Model) leaveForm() Model {
	m.formBanner = ""
	m.saving = false
	m.form.Blur()
	switch {
	case m.mode == modeContactForm:
		m.mode = modeContacts
	case m.formOnly:
		m.closed = true
	default:
		m.mode = modeCard
	}
	return m
}

func (m Model) submitClient() (Model, tea.Cmd) {
	c, reason, errs := clientFrom(m.client, m.form)
	c = cloneClient(c)
	if ve := model.PrepareClient(&c); ve != nil {
		for k, v := range ve.Fields {
			if _, ok := errs[k]; !ok {
				errs[k] = v
			}
		}
	}
	if len(errs) > 0 {
		m.placeErrors(errs)
		return m, nil
	}
	m.form.SetErrors(nil)
	m.setFormBanner("")
	if m.formNew {
		m.pending, m.pendReason = c, reason
		m.saving = true
		m.waitDups = m.next()
		return m, duplicatesCmd(m.deps.Store, m.waitDups, c)
	}
	return m, m.save(saveForm, c, reason)
}

func (m Model) submitContact() (Model, tea.Cmd) {
	var base model.Contact
	if m.contactIdx >= 0 && m.contactIdx < len(m.client.Contacts) {
		base = m.client.Contacts[m.contactIdx]
	}
	ct := contactFrom(base, m.form)
	c, _ := withContact(cloneClient(m.client), m.contactIdx, ct)
	if ve := model.PrepareClient(&c); ve != nil && len(ve.Fields) > 0 {
		m.placeErrors(ve.Fields)
		return m, nil
	}
	m.form.SetErrors(nil)
	m.setFormBanner("")
	return m, m.save(saveContact, c, "")
}

func (m Model) onDialogKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	d := m.dkeys
	switch m.dialog {
	case dlgArchive:
		switch {
		case key.Matches(msg, d.Yes):
			m.dialog = dlgNone
			m.waitSave = m.next()
			m.saving = true
			return m, setArchivedCmd(m.deps.Store, m.waitSave, m.id, m.client.Version, !m.client.Archived)
		case key.Matches(msg, d.No):
			m.dialog = dlgNone
		}
	case dlgDiscard:
		switch {
		case key.Matches(msg, d.Yes):
			m.dialog = dlgNone
			return m.leaveForm(), nil
		case key.Matches(msg, d.No):
			m.dialog = dlgNone
			return m, m.form.Refocus()
		}
	case dlgDuplicates:
		switch {
		case key.Matches(msg, d.Up):
			m.dupCursor = max(0, m.dupCursor-1)
		case key.Matches(msg, d.Down):
			m.dupCursor = min(len(m.dups)-1, m.dupCursor+1)
		case key.Matches(msg, d.OpenExisting):
			// The existing client replaces the half-typed new one.
			existing := m.dups[m.dupCursor].Client
			m.dialog, m.dups = dlgNone, nil
			m.formNew, m.formOnly, m.formBanner = false, false, ""
			m.client, m.id, m.clientLoc = existing, existing.ID, nil
			m.mode = modeLoading
			return m, m.load()
		case key.Matches(msg, d.SaveAnyway):
			m.dialog, m.dups = dlgNone, nil
			return m, tea.Batch(m.form.Refocus(), m.save(saveForm, m.pending, m.pendReason))
		case key.Matches(msg, d.Back):
			m.dialog, m.dups = dlgNone, nil
			return m, m.form.Refocus()
		}
	case dlgConflict:
		switch {
		case key.Matches(msg, d.Reload):
			m.dialog = dlgNone
			m.reloadForm = true
			return m, m.load()
		case key.Matches(msg, d.Back):
			m.dialog = dlgNone
			return m, m.form.Refocus()
		}
	}
	return m, nil
}
