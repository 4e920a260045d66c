package callsettings

import (
	"errors"
	"flag"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/components/settingsedit"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// department is a real bbolt department (storetest.Department) with a head
// and an operator besides its director "boss" and managers.
type department struct {
	t                    *testing.T
	db                   *store.DB
	boss, head, operator model.User
}

func newDepartment(t *testing.T) *department {
	t.Helper()
	s, boss := storetest.Department(t, 0)
	head, err := s.SaveUser(model.User{Name: "volkova", FullName: "Ирина Волкова", Role: model.RoleHead})
	if err != nil {
		t.Fatal(err)
	}
	op, err := s.SaveUser(model.User{Name: "ivanova", FullName: "Ольга Иванова", Role: model.RoleOperator})
	if err != nil {
		t.Fatal(err)
	}
	return &department{t: t, db: s.DB(), boss: boss, head: head, operator: op}
}

func (d *department) env(u model.User) common.Env {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	return common.Env{Store: d.db.As(u), Me: u, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return now }}
}

// stored is what the database holds now.
func (d *department) stored() model.CallSettings {
	d.t.Helper()
	cs, err := d.db.As(d.boss).CallSettings()
	if err != nil {
		d.t.Fatal(err)
	}
	return cs
}

// driver feeds keys to the editor as its owner does (uitest.Owner).
type driver struct {
	uitest.Owner
	m *Model
}

func open(t *testing.T, env common.Env) *driver {
	m := New(env)
	d := &driver{Owner: uitest.Owner{T: t, Pane: m, Form: func() *form.Model { return m.form }}, m: m}
	d.m.SetSize(80, 20)
	d.Run(d.m.Init())
	return d
}

// setField replaces the text of the open form's field k.
func (d *driver) setField(k, text string) {
	d.T.Helper()
	d.FieldTo(k)
	d.m.form.SetValue(k, "")
	d.Type(text)
}

// toRow moves the cursor to row with j/k.
func (d *driver) toRow(row int) {
	d.Press("g")
	for range row {
		d.Press("j")
	}
	if d.m.cursor != row {
		d.T.Fatalf("cursor %d, want %d", d.m.cursor, row)
	}
}

func (d *driver) statuses() (texts []string, changed int) {
	for _, m := range d.Out {
		switch m := m.(type) {
		case common.StatusMsg:
			texts = append(texts, m.Text)
		case common.DataChangedMsg:
			if m.Kind == "settings" {
				changed++
			}
		}
	}
	return texts, changed
}

func row(o model.Outcome) int {
	for i, x := range model.Outcomes {
		if x == o {
			return i
		}
	}
	panic(o)
}

func generalRow(key string) int { return rowOf(key) }

func TestDirectorEditsARuleAndSaves(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.boss))
	if d.m.loading || !d.m.canEdit {
		t.Fatalf("loading %v canEdit %v", d.m.loading, d.m.canEdit)
	}
	v := d.View()
	for _, want := range []string{"No answer", "again", "2h", "to the manager", "15m", "09:00–18:00", "Mon Tue Wed Thu Fri", "3 in 7 days", "Europe/Moscow"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	d.toRow(row(model.OutcomeBusy))
	d.Press("e")
	if d.m.form == nil {
		t.Fatal("e opened no form")
	}
	d.setField("delay", "20m")
	d.setField("max", "4")
	d.Press("ctrl+s")
	if d.m.form != nil {
		t.Fatalf("the row did not apply: %s", d.View())
	}
	if !d.m.Dirty() || !strings.Contains(d.View(), "changed") {
		t.Errorf("no changed mark:\n%s", d.View())
	}
	if dep.stored().Rule(model.OutcomeBusy).Delay != 15*time.Minute {
		t.Fatal("applying a row saved it already")
	}
	d.Press("ctrl+s")
	if !d.m.Closed() {
		t.Fatalf("not closed after saving: %s", d.View())
	}
	got := dep.stored()
	if r := got.Rule(model.OutcomeBusy); r.Delay != 20*time.Minute || r.MaxAttempts != 4 || r.Action != model.RetryAgain {
		t.Errorf("stored busy rule %+v", r)
	}
	if got.Version != 1 || len(got.Rules) != len(model.Outcomes) {
		t.Errorf("stored %+v", got)
	}
	texts, changed := d.statuses()
	if changed != 1 || len(texts) != 1 || texts[0] != model.T("callsettings.saved") {
		t.Errorf("messages %v, changed %d", texts, changed)
	}
}

func TestHeadEditsWorkingTime(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.head))
	d.toRow(generalRow("work_hours"))
	d.Press("enter")
	d.setField("work_hours", "8:30-17")
	d.Press("ctrl+s")
	d.toRow(generalRow("work_days"))
	d.Press("enter")
	for range 5 { // to Saturday
		d.Press("tab")
	}
	if d.m.form.Focused() != settingsedit.DayKey(time.Saturday) {
		t.Fatalf("focus %q", d.m.form.Focused())
	}
	d.Press("space", "ctrl+s")
	d.toRow(generalRow("holidays"))
	d.Press("e")
	d.setField("holidays", "31.12.2026, 1.1.2027")
	d.Press("ctrl+s")
	d.toRow(generalRow("pester"))
	d.Press("e")
	d.setField("pester_max", "5")
	d.setField("pester_days", "14")
	d.Press("ctrl+s")
	d.toRow(generalRow("default_zone"))
	d.Press("e")
	d.setField("default_zone", "Europe/Vilnius")
	d.Press("ctrl+s")
	v := d.View()
	for _, want := range []string{"08:30–17:00", "Mon Tue Wed Thu Fri Sat", "31.12.2026, 01.01.2027", "5 in 14 days", "Europe/Vilnius"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	d.Press("ctrl+s")
	got := dep.stored()
	if got.WorkFrom != 510 || got.WorkTo != 1020 || !got.WorkDays[time.Saturday] || got.WorkDays[time.Sunday] ||
		strings.Join(got.Holidays, ",") != "2026-12-31,2027-01-01" || got.PesterMax != 5 || got.PesterDays != 14 || got.DefaultZone != "Europe/Vilnius" {
		t.Errorf("stored %+v", got)
	}
}

// Bad input: a sentence next to the field, nothing applied or saved.
func TestBadInputStaysInTheForm(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.boss))
	cases := []struct {
		row          int
		field, typed string
		says         string
	}{
		{row(model.OutcomeNoAnswer), "delay", "2 hours", "is not a delay"},
		{row(model.OutcomeNoAnswer), "delay", "40d", "at most 30 days"},
		{row(model.OutcomeNoAnswer), "max", "three", "whole number"},
		{row(model.OutcomeNoAnswer), "max", "-1", "from 0 (no limit) to 100"}, // not "at most 100" for a negative
		{row(model.OutcomeNoAnswer), "max", "101", "from 0 (no limit) to 100"},
		{generalRow("work_hours"), "work_hours", "18:00-09:00", "09:00"},
		{generalRow("work_hours"), "work_hours", "", "Working hours start before they end"},
		{generalRow("holidays"), "holidays", "31.02.2026", "is not a date"},
		{generalRow("pester"), "pester_max", "0", "pester limit"},
		{generalRow("default_zone"), "default_zone", "Mars/Base", "does not exist"},
	}
	for _, c := range cases {
		d.toRow(c.row)
		d.Press("e")
		d.setField(c.field, c.typed)
		d.Press("ctrl+s")
		if d.m.form == nil {
			t.Fatalf("%s %q was applied", c.field, c.typed)
		}
		if got := d.m.form.Error(c.field); !strings.Contains(got, c.says) {
			t.Errorf("%s %q: error %q, want %q", c.field, c.typed, got, c.says)
		}
		if !strings.Contains(strings.Join(strings.Fields(d.View()), " "), strings.Join(strings.Fields(c.says), " ")) {
			t.Errorf("%s %q: the sentence is not on screen:\n%s", c.field, c.typed, d.View())
		}
		d.Press("esc")
		if d.m.form != nil || d.m.Closed() {
			t.Fatal("esc did not drop the row")
		}
	}
	if d.m.Dirty() {
		t.Error("refused rows changed the draft")
	}
	// no working day at all: refused by ValidateCallSettings, shown in the form
	d.toRow(generalRow("work_days"))
	d.Press("e")
	for range 5 {
		d.Press("space", "tab")
	}
	d.Press("ctrl+s")
	if d.m.form == nil || !strings.Contains(d.m.form.Error(settingsedit.DayKey(time.Monday)), "at least one working day") {
		t.Fatalf("no working day accepted:\n%s", d.View())
	}
	d.Press("esc", "esc")
	if !d.m.Closed() || dep.stored().Version != 0 {
		t.Error("esc without changes should close, nothing saved")
	}
}

// The store's refusals appear next to the row (a validation error) or under
// the title (someone else saved first); nothing is saved and the editor stays.
func TestStoreRefusals(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.boss))
	// someone else saves first
	other := dep.stored()
	other.PesterMax = 9
	if _, err := dep.db.As(dep.head).SaveCallSettings(other); err != nil {
		t.Fatal(err)
	}
	d.toRow(row(model.OutcomeNoAnswer))
	d.Press("e")
	d.setField("delay", "3h")
	d.Press("ctrl+s", "ctrl+s")
	if d.m.Closed() || d.m.errTop == "" || !strings.Contains(d.View(), d.m.errTop[:20]) {
		t.Fatalf("conflict not shown (closed %v, %q):\n%s", d.m.Closed(), d.m.errTop, d.View())
	}
	if got := dep.stored(); got.PesterMax != 9 || got.Rule(model.OutcomeNoAnswer).Delay != 2*time.Hour {
		t.Errorf("the other save was overwritten: %+v", got)
	}
	// a validation error from the store lands next to its row
	d.m.showError(&model.ValidationError{Fields: map[string]string{"rules.2": "Busy: the delay is from 0 to 30 days."}})
	if d.m.cursor != row(model.OutcomeBusy) || !strings.Contains(d.View(), "↳ Busy: the delay is from 0 to 30 days.") {
		t.Errorf("validation error not next to the row:\n%s", d.View())
	}
}

func TestDiscardQuestion(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.boss))
	d.toRow(row(model.OutcomeBusy))
	d.Press("e")
	d.setField("delay", "30m")
	d.Press("ctrl+s", "esc")
	if d.m.ask == nil || !strings.Contains(d.View(), model.T("callsettings.discard")) {
		t.Fatalf("no question:\n%s", d.View())
	}
	if !d.m.InputFocused() {
		t.Error("the question lets the root take its keys (q would quit under it)")
	}
	d.Press("n")
	if d.m.ask != nil || d.m.Closed() || !d.m.Dirty() {
		t.Fatal("answering no should keep the changes")
	}
	d.Press("esc", "y")
	if !d.m.Closed() {
		t.Fatal("answering yes should close")
	}
	if dep.stored().Rule(model.OutcomeBusy).Delay != 15*time.Minute || dep.stored().Version != 0 {
		t.Error("discarded changes were saved")
	}
}

// An operator (and a manager) may only look: a line says why, e and ctrl+s
// change nothing, and the store refuses them too.
func TestWithoutTheRightReadOnly(t *testing.T) {
	dep := newDepartment(t)
	manager, err := dep.db.SignIn("petrov")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []model.User{dep.operator, manager} {
		d := open(t, dep.env(u))
		if d.m.canEdit || !strings.Contains(d.View(), model.T("callsettings.no_right")) {
			t.Errorf("%s: not read-only:\n%s", u.Name, d.View())
		}
		d.Press("j", "e")
		if d.m.form != nil {
			t.Errorf("%s: e opened the editor", u.Name)
		}
		d.Press("ctrl+s")
		texts, changed := d.statuses()
		if changed != 0 || len(texts) != 2 || texts[1] != model.T("callsettings.no_right") {
			t.Errorf("%s: messages %v", u.Name, texts)
		}
		if _, err := dep.db.As(u).SaveCallSettings(model.DefaultCallSettings()); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s: the store let the save through: %v", u.Name, err)
		}
		d.Press("esc")
		if !d.m.Closed() {
			t.Errorf("%s: esc did not close", u.Name)
		}
	}
	ro := dep.env(dep.boss)
	ro.ReadOnly = true
	d := open(t, ro)
	if d.m.canEdit || !strings.Contains(d.View(), model.T("callsettings.read_only")) {
		t.Errorf("read-only database:\n%s", d.View())
	}
	if dep.stored().Version != 0 {
		t.Error("something was saved")
	}
}

func TestStaleAnswersAreDropped(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.boss))
	old := d.m.gen
	d.m.Init() // a second load is in flight: the first answer is stale
	cs := model.DefaultCallSettings()
	cs.DefaultZone = "Asia/Vladivostok"
	d.m.Update(loadedMsg{gen: old, cs: cs})
	if d.m.draft.DefaultZone != "Europe/Moscow" {
		t.Error("a stale load replaced the rules")
	}
	d.m.Update(loadedMsg{gen: d.m.gen, err: errors.New("disk on fire")})
	if !strings.Contains(d.View(), "Could not load the call rules: disk on fire") {
		t.Errorf("load error not shown:\n%s", d.View())
	}
}

func TestHelpIsDocumented(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.boss))
	check := func(state string) {
		for _, g := range d.m.FullHelp() {
			for _, b := range g {
				if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
					t.Errorf("%s: a binding without keys or help: %+v", state, b.Help())
				}
			}
		}
		if len(d.m.ShortHelp()) == 0 {
			t.Errorf("%s: no footer", state)
		}
	}
	check("list")
	d.toRow(row(model.OutcomeNoAnswer))
	d.Press("e")
	check("form")
	// The rule form starts on the action choice: tab and the digits must
	// reach the form there too, not switch the root's tabs.
	for i := 0; i < 5; i++ {
		if !d.m.InputFocused() {
			t.Fatalf("field %d of the rule form lets the root take tab and 1–4", i)
		}
		d.Press("tab")
	}
	d.Press("esc")
	if d.m.InputFocused() {
		t.Error("the list keeps the keys after the form closed")
	}
}

// golden compares the stripped 80×20 view with testdata/name.golden (-update rewrites it).
func golden(t *testing.T, name string, view string) {
	t.Helper()
	view = ansi.Strip(view)
	uitest.CheckSize(t, name, view, 80, 20)
	uitest.Golden(t, name, view, *update)
}

func TestGoldenViews(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.boss))
	golden(t, "TestGoldenRules", d.m.View())

	d.toRow(row(model.OutcomeNoAnswer))
	d.Press("e")
	d.setField("delay", "2 hours")
	d.Press("ctrl+s")
	golden(t, "TestGoldenRuleFormError", d.m.View())

	d.Press("esc")
	d.m.showError(&model.ValidationError{Fields: map[string]string{"default_zone": "Time zone \"Mars/Base\" does not exist; use a name like Europe/Vilnius."}})
	golden(t, "TestGoldenRulesStoreError", d.m.View())

	op := open(t, dep.env(dep.operator))
	golden(t, "TestGoldenRulesReadOnly", op.m.View())
}

func TestGoldenDiscardQuestion(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.head))
	d.toRow(row(model.OutcomeBusy))
	d.Press("e")
	d.setField("delay", "30m")
	d.Press("ctrl+s", "esc")
	golden(t, "TestGoldenRulesDiscard", d.m.View())
}

// The rule form shows the delay, attempts and what follows only for actions that use them.
func TestRuleFormHidesUnusedFields(t *testing.T) {
	dep := newDepartment(t)
	d := open(t, dep.env(dep.boss))
	d.toRow(row(model.OutcomeReached))
	d.Press("e")
	if !d.m.form.Hidden("delay") || !d.m.form.Hidden("max") || !d.m.form.Hidden("then") || d.m.form.Hidden("flag") {
		t.Fatalf("a done rule shows its delay or attempts:\n%s", d.View())
	}
	d.Press("right") // done → again
	if d.m.form.Value("action") != string(model.RetryAgain) || d.m.form.Hidden("delay") || d.m.form.Hidden("max") || d.m.form.Hidden("then") {
		t.Fatalf("again hides its fields:\n%s", d.View())
	}
	d.setField("delay", "1h")
	d.setField("max", "2")
	d.Press("ctrl+s", "ctrl+s")
	if r := dep.stored().Rule(model.OutcomeReached); r.Action != model.RetryAgain || r.Delay != time.Hour || r.MaxAttempts != 2 || r.Then != model.RetryClose {
		t.Errorf("stored %+v", r)
	}
}
