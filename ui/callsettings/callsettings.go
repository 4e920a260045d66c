// Package callsettings is the head's editor of the call rules: the retry
// policy per outcome, working hours and days, holidays, the pester limit.
//
// The screen is a list of rows (one per outcome, then the working time and
// limits); enter or e opens a small form for the row, whose ctrl+s puts the
// row into the draft; ctrl+s on the list saves the draft to the store.
package callsettings

import (
	"reflect"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/form"
	"clientbase/ui/components/settingsedit"
	"clientbase/ui/styles"
)

// The rows after the outcomes' rules, in screen order; each is also the
// field key ValidateCallSettings uses for it.
var generalRows = []string{"work_hours", "work_days", "holidays", "pester", "default_zone"}

// Model is the open editor. It loads the settings itself, saves with ctrl+s
// (common.StatusMsg, common.DataChangedMsg{Kind: "settings"}), and is
// Closed() after saving or esc. Without the right it shows them read-only.
type Model struct {
	env    common.Env
	st     styles.Styles
	keys   keymap.CallSettings
	width  int
	height int
	closed bool

	gen     uint64 // the generation of the load or save in flight; older answers are dropped
	loading bool
	saving  bool
	loadErr string

	saved model.CallSettings // as the store last gave them, normalised
	draft model.CallSettings // what the head is editing

	cursor int               // row: 0..len(Outcomes)-1 rules, then generalRows
	offset int               // first body line shown
	errs   map[string]string // field key ("rules.N", "work_hours", …) → sentence
	errTop string            // a sentence for no field (refused, changed by someone else)

	editing int         // the row the form edits
	form    *form.Model // the row editor while open
	ask     *confirm.Model

	canEdit bool
	why     string // why the rules are read-only
}

// New opens the editor.
func New(env common.Env) *Model {
	m := &Model{env: env, st: env.Styles, keys: keymap.NewCallSettings(), width: 80, height: 20, loading: true}
	m.canEdit, m.why = settingsedit.Access(env, model.ActCallSettings, model.T("callsettings.read_only"), model.T("callsettings.no_right"))
	return m
}

// Init loads the settings.
func (m *Model) Init() tea.Cmd {
	m.gen++
	m.loading = true
	return load(m.env.Store, m.gen)
}

// SetSize gives the editor its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 6)
	if m.form != nil {
		m.form.SetSize(m.width, m.formHeight())
	}
}

// SetStyles hands over styles rebuilt for a new terminal background.
func (m *Model) SetStyles(s styles.Styles) {
	m.st = s
	m.env.Styles = s
	if m.form != nil {
		m.openForm(m.editing, m.form) // rebuild with the new styles, keeping typed values
	}
}

// InputFocused reports that the row editor or the discard question is open:
// they keep every key, so tab moves between the rule's fields (also from a
// choice) and 1–4 do not switch tabs under an open form.
func (m *Model) InputFocused() bool { return m.form != nil || m.ask != nil }

// Closed reports that the editor ended (saved, or left with esc).
func (m *Model) Closed() bool { return m.closed }

// Dirty reports whether the draft differs from what the store holds.
func (m *Model) Dirty() bool { return !m.loading && !reflect.DeepEqual(m.saved, m.draft) }

// ShortHelp is the footer for the editor's state.
func (m *Model) ShortHelp() []key.Binding {
	return settingsedit.ShortHelp(m.ask, m.form, m.canEdit, m.keys.ReadOnlyHelp(), m.keys.ShortHelp())
}

// FullHelp is the ? overlay for the editor's state.
func (m *Model) FullHelp() [][]key.Binding {
	return settingsedit.FullHelp(m.ask, m.form, m.canEdit, m.keys.ReadOnlyHelp(), m.keys.FullHelp())
}

// normalise gives the settings one rule per outcome in the order of
// model.Outcomes (a missing rule is the "done" rule it means), so row N is
// field "rules.N", and holidays as a non-nil list.
func normalise(s model.CallSettings) model.CallSettings {
	rules := make([]model.RetryRule, len(model.Outcomes))
	for i, o := range model.Outcomes {
		rules[i] = s.Rule(o)
	}
	s.Rules = rules
	s.Holidays = append([]string{}, s.Holidays...)
	return s
}

// rowKey is the field key of row i.
func rowKey(i int) string {
	if i < len(model.Outcomes) {
		return "rules." + itoa(i)
	}
	return generalRows[i-len(model.Outcomes)]
}

func rowCount() int { return len(model.Outcomes) + len(generalRows) }
