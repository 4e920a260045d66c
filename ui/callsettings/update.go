package callsettings

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/form"
	"clientbase/ui/components/settingsedit"
)

// Update handles a message and returns the commands to run.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.gen != m.gen {
			return nil
		}
		m.loading = false
		if msg.err != nil {
			m.loadErr = model.T("callsettings.load_error", msg.err.Error())
			return nil
		}
		m.saved, m.draft = normalise(msg.cs), normalise(msg.cs)
		m.errs = fieldErrors(model.ValidateCallSettings(m.draft)) // rules saved before a check existed
		return nil
	case savedMsg:
		if msg.gen != m.gen {
			return nil
		}
		m.saving = false
		if msg.err != nil {
			return m.showError(msg.err)
		}
		m.saved, m.draft = normalise(msg.cs), normalise(msg.cs)
		m.errs, m.errTop = nil, ""
		m.closed = true
		return tea.Batch(status(model.T("callsettings.saved"), false), changed())
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return nil
}

// showError puts the store's refusal next to the fields it names, or on
// the line under the title when it names none.
func (m *Model) showError(err error) tea.Cmd {
	var v *model.ValidationError
	if errors.As(err, &v) {
		m.errs, m.errTop = map[string]string{}, ""
		for k, s := range v.Fields {
			if rowOf(k) >= 0 {
				m.errs[k] = s
			} else if m.errTop == "" {
				m.errTop = s
			}
		}
		if r := m.firstErrorRow(); r >= 0 {
			m.cursor = r
			m.keepVisible()
		}
		return status(err.Error(), true)
	}
	m.errTop = err.Error()
	return status(m.errTop, true)
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
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
		m.cursor = min(m.cursor+1, rowCount()-1)
	case key.Matches(k, m.keys.Top):
		m.cursor = 0
	case key.Matches(k, m.keys.Bottom):
		m.cursor = rowCount() - 1
	case key.Matches(k, m.keys.Edit):
		if !m.canEdit {
			return status(m.why, true)
		}
		m.openForm(m.cursor, nil)
		return nil
	case key.Matches(k, m.keys.Save):
		return m.save()
	case key.Matches(k, m.keys.Back):
		if m.Dirty() && m.canEdit {
			a := confirm.New(model.T("callsettings.discard"))
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

func (m *Model) save() tea.Cmd {
	switch {
	case !m.canEdit:
		return status(m.why, true)
	case m.saving:
		return nil
	case !m.Dirty():
		return status(model.T("callsettings.unchanged"), false)
	}
	if err := model.ValidateCallSettings(m.draft); err != nil {
		return m.showError(err)
	}
	m.saving, m.errTop = true, ""
	m.gen++
	return save(m.env.Store, m.gen, m.draft)
}

func (m *Model) formKey(k tea.KeyPressMsg) tea.Cmd {
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
	m.hideUnused()
	return cmd
}

// hideUnused shows a rule's delay, attempts and what follows them only for
// the actions that use them.
func (m *Model) hideUnused() {
	if m.form == nil || m.editing >= len(model.Outcomes) {
		return
	}
	a := model.RetryAction(m.form.Value("action"))
	m.form.SetHidden("delay", a != model.RetryAgain && a != model.RetryCheckCall)
	m.form.SetHidden("max", a != model.RetryAgain)
	m.form.SetHidden("then", a != model.RetryAgain)
}

// fieldErrors is a validation error's sentences by field (nil when none).
func fieldErrors(err error) map[string]string {
	var v *model.ValidationError
	if errors.As(err, &v) {
		return v.Fields
	}
	return nil
}

// rowOf is the row a field key names, -1 for none.
func rowOf(field string) int {
	for i := 0; i < rowCount(); i++ {
		if rowKey(i) == field {
			return i
		}
	}
	return -1
}

func (m *Model) firstErrorRow() int {
	for i := 0; i < rowCount(); i++ {
		if m.errs[rowKey(i)] != "" {
			return i
		}
	}
	return -1
}

// actionsFor lists the actions an outcome's rule may take (ValidateCallSettings
// keeps "at" for call-backs and the check call for promises).
func actionsFor(o model.Outcome) []form.Option {
	var opts []form.Option
	for _, a := range model.RetryActions {
		if (a == model.RetryAt && o != model.OutcomeCallBack) || (a == model.RetryCheckCall && o != model.OutcomePromisedToPay) {
			continue
		}
		opts = append(opts, form.Option{Value: string(a), Label: model.RetryActionLabel(a)})
	}
	return opts
}

// openForm opens the editor of row; values typed in prev (a form being
// rebuilt for new styles) are kept.
func (m *Model) openForm(row int, prev *form.Model) {
	var fields []form.Field
	if row < len(model.Outcomes) {
		r := m.draft.Rules[row]
		then := r.Then
		if then == "" {
			then = model.RetryClose
		}
		fields = []form.Field{
			form.Choice("action", model.T("callsettings.f.action"), actionsFor(r.Outcome), string(r.Action)),
			form.Text("delay", model.T("callsettings.f.delay"), model.FormatDelay(r.Delay)),
			form.Text("max", model.T("callsettings.f.max"), strconv.Itoa(r.MaxAttempts)),
			form.Choice("then", model.T("callsettings.f.then"), []form.Option{
				{Value: string(model.RetryClose), Label: model.RetryActionLabel(model.RetryClose)},
				{Value: string(model.RetryToManager), Label: model.RetryActionLabel(model.RetryToManager)},
			}, string(then)),
			form.Toggle("flag", model.T("callsettings.f.flag"), r.FlagPhone),
		}
	} else {
		s := m.draft
		switch rowKey(row) {
		case "work_hours":
			fields = []form.Field{form.Text("work_hours", model.T("callsettings.work_hours"), settingsedit.HoursText(s.WorkFrom, s.WorkTo))}
		case "work_days":
			fields = settingsedit.DayToggles("callsettings.day_long.", s.WorkDays)
		case "holidays":
			fields = []form.Field{form.Text("holidays", model.T("callsettings.holidays"), model.FormatHolidays(s.Holidays))}
		case "pester":
			fields = []form.Field{
				form.Text("pester_max", model.T("callsettings.pester_max"), strconv.Itoa(s.PesterMax)),
				form.Text("pester_days", model.T("callsettings.pester_days"), strconv.Itoa(s.PesterDays)),
			}
		case "default_zone":
			fields = []form.Field{form.Text("default_zone", model.T("callsettings.zone"), s.DefaultZone)}
		}
	}
	f := form.New(m.st, model.T("callsettings.yes"), model.T("callsettings.no"), fields...)
	if prev != nil {
		for _, fl := range fields {
			f.SetValue(fl.Key, prev.Value(fl.Key))
		}
	}
	f.SetSize(m.width, m.formHeight())
	m.form, m.editing = &f, row
	m.hideUnused()
	if err := m.errs[rowKey(row)]; err != "" {
		f.SetErrors(map[string]string{fields[0].Key: err})
	}
}

// apply reads the row editor into the draft; a value that does not read, or
// settings ValidateCallSettings refuses for this row, keep the form open
// with the sentence under the field.
func (m *Model) apply() {
	f := m.form
	next := m.draft
	next.Rules = append([]model.RetryRule(nil), m.draft.Rules...)
	bad := map[string]string{}
	number := func(k string) int {
		n, err := strconv.Atoi(strings.TrimSpace(f.Value(k)))
		if err != nil {
			bad[k] = model.T("callsettings.number")
		}
		return n
	}
	first := "" // the form's first field, where a sentence about the whole row goes
	if m.editing < len(model.Outcomes) {
		first = "action"
		r := next.Rules[m.editing]
		r.Action = model.RetryAction(f.Value("action"))
		d, err := model.ParseDelay(f.Value("delay"))
		if err != nil {
			bad["delay"] = err.Error()
		}
		r.Delay = d
		r.MaxAttempts = number("max")
		r.Then = model.RetryAction(f.Value("then"))
		r.FlagPhone = f.Bool("flag")
		next.Rules[m.editing] = r
	} else {
		switch rowKey(m.editing) {
		case "work_hours":
			first = "work_hours"
			var ok bool
			if next.WorkFrom, next.WorkTo, ok = settingsedit.ParseHours(f.Value("work_hours")); !ok {
				bad["work_hours"] = model.T("retry.settings.work_hours")
			}
		case "work_days":
			first = settingsedit.DayKey(time.Monday)
			next.WorkDays = settingsedit.ReadDays(f)
		case "holidays":
			first = "holidays"
			days, err := model.ParseHolidays(f.Value("holidays"))
			if err != nil {
				bad["holidays"] = err.Error()
			}
			next.Holidays = append([]string{}, days...)
		case "pester":
			first = "pester_max"
			next.PesterMax, next.PesterDays = number("pester_max"), number("pester_days")
		case "default_zone":
			first = "default_zone"
			next.DefaultZone = strings.TrimSpace(f.Value("default_zone"))
		}
	}
	if len(bad) == 0 {
		if s := fieldErrors(model.ValidateCallSettings(next))[rowKey(m.editing)]; s != "" {
			if m.editing < len(model.Outcomes) {
				first = ruleField(next.Rules[m.editing])
			}
			bad[first] = s
		}
	}
	if len(bad) > 0 {
		f.SetErrors(bad)
		return
	}
	m.draft = next
	m.errs = fieldErrors(model.ValidateCallSettings(next))
	m.errTop = ""
	m.form = nil
	m.keepVisible()
}

// ruleField is the rule editor's field a refusal of rule r is about.
func ruleField(r model.RetryRule) string {
	one := model.DefaultCallSettings()
	one.Rules = []model.RetryRule{r}
	probe := r
	probe.MaxAttempts = 0
	one.Rules[0] = probe
	if model.ValidateCallSettings(one) == nil {
		return "max"
	}
	probe.Delay = 0
	one.Rules[0] = probe
	if model.ValidateCallSettings(one) == nil {
		return "delay"
	}
	return "action"
}
