package complaintform

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"time"

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

// The rows after the service levels, in screen order; each is also the
// field key model.ValidateComplaintSettings uses for it.
var generalRows = []string{"default_hours", "serious_hours", "work_days", "work_hours", "holidays", "zone", "follow_up_days"}

// categories a service level may name: any, a key client, A, B, C.
var categories = []string{"", "key", string(model.CategoryA), string(model.CategoryB), string(model.CategoryC)}

// newLevel is the row number of a level being added (not yet in the draft).
const newLevel = -1

// Settings edits the service levels and the working calendar deadlines
// count in (head, director; others see them read-only with a sentence).
// The screen is a table of rows; enter opens a small form for the row whose
// ctrl+s puts it into the draft; ctrl+s on the table saves the draft
// (common.StatusMsg, common.DataChangedMsg{Kind: "complaint_settings"}) and
// closes; esc leaves (asking when something changed).
type Settings struct {
	env    common.Env
	keys   keymap.ComplaintSettings
	width  int
	height int
	closed bool

	gen     uint64 // the load or save in flight; older answers are dropped
	loading bool
	saving  bool
	loadErr string

	saved model.ComplaintSettings
	draft model.ComplaintSettings

	cursor int
	offset int
	errs   map[string]string // row key → sentence
	errTop string

	editing int // the row the form edits (newLevel: a level being added)
	form    *form.Model
	ask     *confirm.Model

	canEdit bool
	why     string
}

// NewSettings opens the editor; Init loads the settings.
func NewSettings(env common.Env) *Settings {
	env.Loc = env.Zone()
	m := &Settings{env: env, keys: keymap.NewComplaintSettings(), width: 80, height: 24, loading: true}
	m.canEdit, m.why = settingsedit.Access(env, model.ActComplaintSettings,
		model.T("complaintform.settings.read_only"), model.T("complaintform.settings.no_right"))
	return m
}

// Init loads the settings.
func (m *Settings) Init() tea.Cmd {
	m.gen++
	m.loading = true
	return loadSettingsCmd(m.env.Store, m.gen)
}

// Closed reports that the editor saved or was left.
func (m *Settings) Closed() bool { return m.closed }

// SetSize gives the editor its space.
func (m *Settings) SetSize(w, h int) {
	m.width, m.height = max(w, 20), max(h, 6)
	if m.form != nil {
		m.form.SetSize(m.width, m.bodyHeight())
	}
	m.keepVisible()
}

// SetStyles hands over styles rebuilt for a new terminal background.
func (m *Settings) SetStyles(s styles.Styles) {
	m.env.Styles = s
	if m.form != nil {
		m.openForm(m.editing, m.form)
	}
}

// InputFocused: the row editor and the discard question keep every key.
func (m *Settings) InputFocused() bool { return m.form != nil || m.ask != nil }

// Dirty reports whether the draft differs from what the store holds.
func (m *Settings) Dirty() bool { return !m.loading && !reflect.DeepEqual(m.saved, m.draft) }

// ShortHelp is the footer for the editor's state.
func (m *Settings) ShortHelp() []key.Binding {
	return settingsedit.ShortHelp(m.ask, m.form, m.canEdit, m.keys.ReadOnlyHelp(), m.keys.ShortHelp())
}

// FullHelp is the ? overlay for the editor's state.
func (m *Settings) FullHelp() [][]key.Binding {
	return settingsedit.FullHelp(m.ask, m.form, m.canEdit, m.keys.ReadOnlyHelp(), m.keys.FullHelp())
}

func normaliseSettings(s model.ComplaintSettings) model.ComplaintSettings {
	s.Levels = append([]model.ServiceLevel{}, s.Levels...)
	s.Holidays = append([]string{}, s.Holidays...)
	return s
}

func (m *Settings) rowCount() int { return len(m.draft.Levels) + len(generalRows) }

// rowKey is the field key of row i.
func (m *Settings) rowKey(i int) string {
	if i < len(m.draft.Levels) {
		return "levels." + strconv.Itoa(i)
	}
	return generalRows[i-len(m.draft.Levels)]
}

// rowOf is the row a validation key names ("levels.2.hours" is level 2,
// "work_from" the working hours), -1 for none.
func (m *Settings) rowOf(k string) int {
	switch k {
	case "work_from", "work_to":
		k = "work_hours"
	case "levels":
		if len(m.draft.Levels) > 0 {
			return 0
		}
	}
	if rest, ok := strings.CutPrefix(k, "levels."); ok {
		if j := strings.IndexByte(rest, '.'); j >= 0 {
			rest = rest[:j]
		}
		if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < len(m.draft.Levels) {
			return i
		}
		return -1
	}
	for i, g := range generalRows {
		if g == k {
			return len(m.draft.Levels) + i
		}
	}
	return -1
}

// rowErrors are a validation error's sentences by row key; the rest joined.
func (m *Settings) rowErrors(err error) (map[string]string, string) {
	fields := validationFields(err)
	if fields == nil {
		return nil, ""
	}
	byRow, rest := map[string]string{}, map[string]string{}
	for k, s := range fields {
		if r := m.rowOf(k); r >= 0 {
			if _, ok := byRow[m.rowKey(r)]; !ok {
				byRow[m.rowKey(r)] = s
			}
		} else {
			rest[k] = s
		}
	}
	return byRow, joinUnplaced(rest)
}

// Update handles a message and returns the commands to run.
func (m *Settings) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case settingsMsg:
		if msg.gen != m.gen {
			return nil
		}
		wasSaving := m.saving
		m.loading, m.saving = false, false
		if msg.err != nil {
			if !wasSaving {
				m.loadErr = model.T("complaintform.settings.load_error", errorSentence(msg.err))
				return nil
			}
			return m.saveFailed(msg.err)
		}
		m.saved, m.draft = normaliseSettings(msg.s), normaliseSettings(msg.s)
		m.cursor = min(m.cursor, m.rowCount()-1)
		if wasSaving {
			m.errs, m.errTop = nil, ""
			m.closed = true
			return doneCmds("complaint_settings", 0, model.T("complaintform.settings.saved"))
		}
		m.errs, _ = m.rowErrors(model.ValidateComplaintSettings(m.draft)) // settings saved before a check existed
		m.keepVisible()
		return nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	if m.form != nil {
		f, cmd := m.form.Update(msg)
		m.form = &f
		return cmd
	}
	return nil
}

// saveFailed: a stale version reloads what was saved meanwhile; a refusal
// goes under its rows.
func (m *Settings) saveFailed(err error) tea.Cmd {
	if errors.Is(err, model.ErrConflict) {
		m.errTop = model.T("complaintform.settings.stale")
		m.errs = nil
		m.gen++
		m.loading = true
		return tea.Batch(loadSettingsCmd(m.env.Store, m.gen), msgCmd(common.StatusMsg{Text: m.errTop, Err: true}))
	}
	if byRow, rest := m.rowErrors(err); byRow != nil || rest != "" {
		m.errs, m.errTop = byRow, rest
		m.toFirstError()
		return msgCmd(common.StatusMsg{Text: model.T("complaintform.settings.refused"), Err: true})
	}
	m.errTop = errorSentence(err)
	return msgCmd(common.StatusMsg{Text: m.errTop, Err: true})
}

func (m *Settings) toFirstError() {
	for i := 0; i < m.rowCount(); i++ {
		if m.errs[m.rowKey(i)] != "" {
			m.cursor = i
			break
		}
	}
	m.keepVisible()
}

func (m *Settings) onKey(k tea.KeyPressMsg) tea.Cmd {
	if m.ask != nil {
		var leave bool
		m.ask, leave = settingsedit.Answer(m.ask, k)
		m.closed = m.closed || leave
		return nil
	}
	if m.form != nil {
		return m.formKey(k)
	}
	if m.loading || m.loadErr != "" {
		if key.Matches(k, m.keys.Back) {
			m.closed = true
		}
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, m.rowCount()-1)
	case key.Matches(k, m.keys.Top):
		m.cursor = 0
	case key.Matches(k, m.keys.Bottom):
		m.cursor = m.rowCount() - 1
	case key.Matches(k, m.keys.Edit):
		if !m.canEdit {
			return msgCmd(common.StatusMsg{Text: m.why, Err: true})
		}
		m.openForm(m.cursor, nil)
		return nil
	case key.Matches(k, m.keys.Add):
		if !m.canEdit {
			return msgCmd(common.StatusMsg{Text: m.why, Err: true})
		}
		m.openForm(newLevel, nil)
		return nil
	case key.Matches(k, m.keys.Delete):
		if !m.canEdit {
			return msgCmd(common.StatusMsg{Text: m.why, Err: true})
		}
		if m.cursor >= len(m.draft.Levels) {
			return msgCmd(common.StatusMsg{Text: model.T("complaintform.settings.not_a_level"), Err: true})
		}
		m.draft.Levels = append(append([]model.ServiceLevel{}, m.draft.Levels[:m.cursor]...), m.draft.Levels[m.cursor+1:]...)
		m.errs, _ = m.rowErrors(model.ValidateComplaintSettings(m.draft))
		m.cursor = min(m.cursor, m.rowCount()-1)
	case key.Matches(k, m.keys.Save):
		return m.save()
	case key.Matches(k, m.keys.Back):
		if m.Dirty() && m.canEdit {
			a := confirm.New(model.T("complaintform.settings.discard"))
			m.ask = &a
			return nil
		}
		m.closed = true
		return nil
	default:
		return nil
	}
	m.keepVisible()
	return nil
}

func (m *Settings) save() tea.Cmd {
	switch {
	case !m.canEdit:
		return msgCmd(common.StatusMsg{Text: m.why, Err: true})
	case m.saving:
		return nil
	case !m.Dirty():
		return msgCmd(common.StatusMsg{Text: model.T("complaintform.settings.unchanged")})
	}
	if err := model.ValidateComplaintSettings(m.draft); err != nil {
		return m.saveFailed(err)
	}
	m.saving, m.errTop = true, ""
	m.gen++
	return saveSettingsCmd(m.env.Store, m.gen, m.draft)
}

func (m *Settings) formKey(k tea.KeyPressMsg) tea.Cmd {
	keys := m.form.Keys()
	switch {
	case key.Matches(k, keys.Submit):
		m.apply()
		return nil
	case key.Matches(k, keys.Back):
		m.form = nil
		return nil
	}
	f, cmd := m.form.Update(k)
	m.form = &f
	return cmd
}

func typeName(t model.ComplaintType) string {
	if t == "" {
		return model.T("complaintform.settings.any_type")
	}
	return model.ComplaintTypeLabel(t)
}

func categoryName(c string) string {
	switch c {
	case "":
		return model.T("complaintform.settings.any_category")
	case "key":
		return model.T("complaintform.settings.key_client")
	}
	return model.T("complaintform.settings.category", c)
}

// openForm opens the editor of row (newLevel: a level to add); prev (a
// form rebuilt for new styles) gives the typed values.
func (m *Settings) openForm(row int, prev *form.Model) {
	s := m.draft
	var fields []form.Field
	if row == newLevel || row < len(s.Levels) {
		l := model.ServiceLevel{Hours: s.DefaultHours}
		if row != newLevel {
			l = s.Levels[row]
		}
		types := []form.Option{{Value: "", Label: typeName("")}}
		types = append(types, enumOptions(model.ComplaintTypes, model.ComplaintTypeLabel)...)
		cats := make([]form.Option, 0, len(categories))
		for _, c := range categories {
			cats = append(cats, form.Option{Value: c, Label: categoryName(c)})
		}
		fields = []form.Field{
			form.Choice("type", model.T("complaintform.settings.f.type"), types, string(l.Type)),
			form.Choice("category", model.T("complaintform.settings.f.category"), cats, l.Category),
			form.Text("hours", model.T("complaintform.settings.f.hours"), strconv.Itoa(l.Hours)),
		}
	} else {
		switch k := m.rowKey(row); k {
		case "default_hours", "serious_hours", "follow_up_days":
			v := map[string]int{"default_hours": s.DefaultHours, "serious_hours": s.SeriousHours, "follow_up_days": s.FollowUpDays}[k]
			fields = []form.Field{form.Text(k, model.T("complaintform.settings."+k), strconv.Itoa(v))}
		case "work_days":
			fields = settingsedit.DayToggles("complaintform.settings.day_long.", s.WorkDays)
		case "work_hours":
			fields = []form.Field{form.Text(k, model.T("complaintform.settings.work_hours"), settingsedit.HoursText(s.WorkFrom, s.WorkTo))}
		case "holidays":
			fields = []form.Field{form.Text(k, model.T("complaintform.settings.holidays"), model.FormatHolidays(s.Holidays))}
		case "zone":
			fields = []form.Field{form.Text(k, model.T("complaintform.settings.zone"), s.Zone)}
		}
	}
	f := form.New(m.env.Styles, yes(), no(), fields...)
	if prev != nil {
		for _, fl := range fields {
			f.SetValue(fl.Key, prev.Value(fl.Key))
		}
		f.Focus(prev.Focused())
	}
	f.SetSize(m.width, m.bodyHeight())
	m.form, m.editing = &f, row
	if row != newLevel {
		if err := m.errs[m.rowKey(row)]; err != "" {
			f.SetErrors(map[string]string{m.errorField(row, fields[0].Key): err})
		}
	}
}

// errorField is the row form's field a sentence about the row goes under:
// a level's hours when they are not positive, else its first field.
func (m *Settings) errorField(row int, first string) string {
	if row == newLevel || row < len(m.draft.Levels) {
		if row == newLevel || m.draft.Levels[row].Hours <= 0 {
			return "hours"
		}
		return "type"
	}
	return first
}

// apply reads the row editor into the draft; a value that does not read,
// or settings model.ValidateComplaintSettings refuses for this row, keep the
// form open with the sentence under the field.
func (m *Settings) apply() {
	f := m.form
	next := m.draft
	next.Levels = append([]model.ServiceLevel{}, m.draft.Levels...)
	next.Holidays = append([]string{}, m.draft.Holidays...)
	bad := map[string]string{}
	number := func(k string) int {
		n, err := strconv.Atoi(trim(f.Value(k)))
		if err != nil {
			bad[k] = model.T("complaintform.settings.number")
		}
		return n
	}
	row := m.editing
	first := "type"
	if row == newLevel || row < len(next.Levels) {
		l := model.ServiceLevel{Type: model.ComplaintType(f.Value("type")), Category: f.Value("category"), Hours: number("hours")}
		if row == newLevel {
			next.Levels = append(next.Levels, l)
			row = len(next.Levels) - 1
		} else {
			next.Levels[row] = l
		}
		if l.Hours <= 0 {
			first = "hours"
		}
	} else {
		first = m.rowKey(row)
		switch first {
		case "default_hours":
			next.DefaultHours = number(first)
		case "serious_hours":
			next.SeriousHours = number(first)
		case "follow_up_days":
			next.FollowUpDays = number(first)
		case "work_days":
			first = settingsedit.DayKey(time.Monday)
			next.WorkDays = settingsedit.ReadDays(f)
		case "work_hours":
			var ok bool
			if next.WorkFrom, next.WorkTo, ok = settingsedit.ParseHours(f.Value(first)); !ok {
				bad[first] = model.T("complaintform.settings.bad_hours")
			}
		case "holidays":
			days, err := model.ParseHolidays(f.Value(first))
			if err != nil {
				bad[first] = err.Error()
			}
			next.Holidays = append([]string{}, days...)
		case "zone":
			next.Zone = trim(f.Value(first))
		}
	}
	if len(bad) == 0 {
		probe := &Settings{draft: next}
		byRow, _ := probe.rowErrors(model.ValidateComplaintSettings(next))
		if s := byRow[probe.rowKey(row)]; s != "" {
			bad[first] = s
		}
	}
	if len(bad) > 0 {
		f.SetErrors(bad)
		return
	}
	m.draft = next
	m.errs, _ = m.rowErrors(model.ValidateComplaintSettings(next))
	m.errTop = ""
	m.form = nil
	m.cursor = row
	m.keepVisible()
}

var (
	_ common.Pane   = (*Intake)(nil)
	_ common.Closer = (*Intake)(nil)
	_ common.Pane   = (*Closing)(nil)
	_ common.Closer = (*Closing)(nil)
	_ common.Pane   = (*Settings)(nil)
	_ common.Closer = (*Settings)(nil)
)
