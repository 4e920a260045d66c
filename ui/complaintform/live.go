package complaintform

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Another session's change of the complaint being edited (the team
// server's change feed): an untouched form starts again from the fresh
// complaint; a form with edits keeps them and says so (ctrl+r reloads, a
// save meets the store's conflict).

// liveReloadKey takes the fresh complaint over the edits.
var liveReloadKey = key.NewBinding(key.WithKeys("ctrl+r"))

// liveMsg is the complaint read after a change was announced.
type liveMsg struct {
	gen uint64
	c   model.Complaint
	err error
}

// onChanged answers a DataChangedMsg: in edit mode, one about this complaint (or "*").
func (f *Intake) onChanged(msg common.DataChangedMsg) tea.Cmd {
	if !f.edit || f.saving || !(msg.Kind == "*" || (msg.Kind == "complaint" && msg.ID == f.base.ID)) {
		return nil
	}
	f.gen++
	f.waitLive = f.gen
	st, gen, id := f.env.Store, f.waitLive, f.base.ID
	return func() tea.Msg {
		c, err := st.Complaint(id)
		return liveMsg{gen: gen, c: c, err: err}
	}
}

func (f *Intake) onLive(msg liveMsg) tea.Cmd {
	if msg.gen != f.waitLive || msg.err != nil || f.saving || msg.c.Version == f.base.Version {
		return nil // an older read, or nothing new (our own change)
	}
	if f.form.Dirty() {
		f.fresh, f.stale = msg.c, true
		f.setBanner(model.T("live.changed_elsewhere"))
		return nil
	}
	f.reload(msg.c)
	return nil
}

// reload builds the form again from c, dropping what was typed.
func (f *Intake) reload(c model.Complaint) {
	focus := f.form.Focused()
	f.base, f.stale, f.fresh = c, false, model.Complaint{}
	f.banner, f.discard, f.open = "", false, nil
	f.built = false
	f.build("")
	f.form.Focus(focus)
	if f.form.Focused() == "" {
		f.form.Focus(fType)
	}
}

// Stale reports whether the complaint changed elsewhere under the edits.
func (f *Intake) Stale() bool { return f.stale }

// liveKey is ctrl+r on a stale form.
func (f *Intake) liveKey(kp tea.KeyPressMsg) bool {
	if !f.stale || f.discard || !key.Matches(kp, liveReloadKey) {
		return false
	}
	f.reload(f.fresh)
	return true
}
