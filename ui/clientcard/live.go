package clientcard

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Another session's change of the client on screen (the team server's
// change feed, or this session's own save coming back): the card reloads;
// a form without edits starts again from the fresh record; a form with
// edits keeps them and says so (ctrl+r reloads, a save meets the conflict).

// liveReloadKey reloads a form whose record another session changed.
var liveReloadKey = key.NewBinding(key.WithKeys("ctrl+r"))

// liveClientMsg is the record read after a change was announced.
type liveClientMsg struct {
	gen    uint64
	client model.Client
	err    error
}

// onClientChanged answers a DataChangedMsg for this client (or "*").
func (m *Model) onClientChanged() tea.Cmd {
	switch m.mode {
	case modeForm, modeContactForm:
		if m.saving {
			return nil // our own save: its answer says what happened
		}
		m.waitLive = m.next()
		st, gen, id := m.deps.Store, m.waitLive, m.id
		return func() tea.Msg {
			c, err := st.Client(id)
			return liveClientMsg{gen: gen, client: c, err: err}
		}
	case modeCard, modeContacts:
		return m.load()
	}
	return nil
}

// onLiveClient compares the fresh record with the one the form was built on.
func (m Model) onLiveClient(msg liveClientMsg) (Model, tea.Cmd) {
	if msg.gen != m.waitLive || msg.err != nil || (m.mode != modeForm && m.mode != modeContactForm) || m.saving {
		return m, nil
	}
	if msg.client.Version == m.client.Version {
		return m, nil // nothing new (our own change)
	}
	if m.form.Dirty() {
		m.stale = true
		m.setFormBanner(model.T("live.changed_elsewhere"))
		return m, nil
	}
	m.client = msg.client
	m.rebuild()
	if m.mode == modeContactForm {
		return m, m.openContactForm(m.contactIdx)
	}
	return m, m.openForm()
}

// Stale reports whether the form's record was changed by someone else
// while it has edits.
func (m Model) Stale() bool { return m.stale }

// liveKey is ctrl+r on a stale form: the fresh record replaces the edits.
func (m Model) liveKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	if !m.stale || m.dialog != dlgNone || (m.mode != modeForm && m.mode != modeContactForm) || !key.Matches(msg, liveReloadKey) {
		return m, nil, false
	}
	m.stale = false
	m.reloadForm = true
	return m, m.load(), true
}

// isMine reports whether a change is about the client on screen.
func (m Model) isMine(msg common.DataChangedMsg) bool {
	return msg.Kind == "*" || (msg.Kind == "client" && msg.ID == m.id)
}
