package clientcard

import (
	"context"
	"strings"
	"testing"

	"clientbase/model"
	"clientbase/ui/common"
)

func countClients(t *testing.T, e *env) int {
	t.Helper()
	page, err := e.db.As(e.boss).List(context.Background(), model.ClientFilter{IncludeArchived: true}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	return page.Total
}

func TestNewClientFormShowsEveryErrorAndSavesNothing(t *testing.T) {
	e := newEnv(t)
	m, cmd := NewClient(e.deps(e.ivan), model.Client{})
	d := drive(t, m, cmd)
	if !d.m.InputFocused() {
		t.Error("the form must keep q and digits from the root")
	}
	d.setField(fTaxID, "7707083894") // the check digit of 7707083893 is 3
	d.setField(fPhones, "+7 912 CALL-ME")
	d.setField(fEmails, "anna@@romashka")
	d.setField(fTimeZone, "Mars/Base")
	d.press("ctrl+s")

	for _, k := range []string{fShortName, fTaxID, fPhones, fEmails, fTimeZone} {
		if d.m.form.Error(k) == "" {
			t.Errorf("no error under %s", k)
		}
	}
	if d.m.form.Focused() != fShortName {
		t.Errorf("the focus went to %q, want the first bad field", d.m.form.Focused())
	}
	if n := countClients(t, e); n != 0 {
		t.Fatalf("an invalid form saved %d clients", n)
	}
	golden(t, "form_errors", d.m)
	d.fieldTo(fTimeZone)
	golden(t, "form_errors_time_zone", d.m)

	// Fixing every field saves the client and goes to its card.
	d.setField(fShortName, "ООО «Василёк»")
	d.setField(fTaxID, "7707083893")
	d.setField(fPhones, "+7 912 345-67-80")
	d.setField(fEmails, "anna@vasilek.ru")
	d.setField(fTimeZone, "Europe/Moscow")
	d.press("ctrl+s")
	if d.m.mode != modeCard {
		t.Fatalf("after a valid save the mode is %d, want the card; banner %q, errors %q", d.m.mode, d.m.formBanner, d.view())
	}
	if n := countClients(t, e); n != 1 {
		t.Fatalf("%d clients stored, want 1", n)
	}
	saved, err := e.db.As(e.boss).Client(d.m.ClientID())
	if err != nil {
		t.Fatal(err)
	}
	if saved.ShortName != "ООО «Василёк»" || saved.Manager != "ivan" || len(saved.Phones) != 1 || saved.Phones[0].E164 != "+79123456780" {
		t.Errorf("stored %+v", saved)
	}
	var changed, status bool
	for _, msg := range d.out {
		switch msg := msg.(type) {
		case common.DataChangedMsg:
			changed = msg.Kind == "client" && msg.ID == saved.ID
		case common.StatusMsg:
			status = strings.HasPrefix(msg.Text, "Saved") && !msg.Err
		}
	}
	if !changed || !status {
		t.Errorf("after the save the root got %v, want DataChangedMsg and a Saved status", d.out)
	}
}

func TestDuplicateWarningOpensTheExistingClient(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := NewClient(e.deps(e.ivan), model.Client{})
	d := drive(t, m, cmd)
	d.setField(fShortName, "Ромашка ООО")
	d.setField(fTaxID, "7707083893")
	d.setField(fTimeZone, "Europe/Moscow")
	d.press("ctrl+s")
	if d.m.dialog != dlgDuplicates || len(d.m.dups) == 0 {
		t.Fatalf("no duplicate warning; dialog %d, view:\n%s", d.m.dialog, d.view())
	}
	golden(t, "duplicates", d.m)

	// esc goes back to the form, nothing saved.
	d.press("esc")
	if d.m.dialog != dlgNone || d.m.mode != modeForm {
		t.Fatalf("esc left dialog %d mode %d", d.m.dialog, d.m.mode)
	}
	if n := countClients(t, e); n != 1 {
		t.Fatalf("%d clients after esc, want 1", n)
	}
	// enter opens the existing client instead.
	d.press("ctrl+s", "enter")
	if d.m.mode != modeCard || d.m.ClientID() != e.clientID {
		t.Fatalf("enter opened mode %d client %d, want the card of %d", d.m.mode, d.m.ClientID(), e.clientID)
	}
	if n := countClients(t, e); n != 1 {
		t.Fatalf("%d clients after opening the existing one, want 1", n)
	}
	d.press("esc")
	if !d.m.Closed() {
		t.Error("esc on the card opened from the warning did not close it")
	}
}

func TestDuplicateWarningSaveAnyway(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := NewClient(e.deps(e.ivan), model.Client{})
	d := drive(t, m, cmd)
	d.setField(fShortName, "Ромашка (филиал)")
	d.setField(fPhones, "+7 912 345-67-89")
	d.setField(fTimeZone, "Europe/Moscow")
	d.press("ctrl+s")
	if d.m.dialog != dlgDuplicates {
		t.Fatalf("the same phone raised no warning:\n%s", d.view())
	}
	d.press("s")
	if d.m.mode != modeCard || d.m.ClientID() == e.clientID || d.m.ClientID() == 0 {
		t.Fatalf("s did not save a new client: mode %d id %d", d.m.mode, d.m.ClientID())
	}
	if n := countClients(t, e); n != 2 {
		t.Fatalf("%d clients, want 2", n)
	}
}

func TestDiscardAsksBeforeLeavingAChangedForm(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	d.press("e")
	if d.m.mode != modeForm {
		t.Fatalf("e opened mode %d", d.m.mode)
	}
	d.press("esc") // unchanged: leaves at once
	if d.m.mode != modeCard || d.m.dialog != dlgNone {
		t.Fatalf("esc on an unchanged form: mode %d dialog %d", d.m.mode, d.m.dialog)
	}
	d.press("e")
	d.setField(fCity, "Тверь")
	d.press("esc")
	if d.m.dialog != dlgDiscard {
		t.Fatalf("esc on a changed form did not ask; dialog %d", d.m.dialog)
	}
	golden(t, "discard", d.m)
	d.press("n")
	if d.m.mode != modeForm || d.m.form.Value(fCity) != "Тверь" {
		t.Fatalf("n lost the edit: mode %d city %q", d.m.mode, d.m.form.Value(fCity))
	}
	d.press("esc", "y")
	if d.m.mode != modeCard {
		t.Fatalf("y did not go back to the card: mode %d", d.m.mode)
	}
	c, _ := e.db.As(e.boss).Client(e.clientID)
	if c.City != "Москва" {
		t.Errorf("a discarded edit reached the store: city %q", c.City)
	}
}

func TestConflictDialogReloadsTheFreshRecord(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	d.press("e")
	d.setField(fCity, "Тверь")

	// Someone else saves the client in the meantime.
	other, _ := e.db.As(e.boss).Client(e.clientID)
	other.Region = "Северо-Запад"
	if _, err := e.db.As(e.boss).SaveClient(other, ""); err != nil {
		t.Fatal(err)
	}
	d.press("ctrl+s")
	if d.m.dialog != dlgConflict {
		t.Fatalf("a stale save raised no conflict dialog: dialog %d banner %q", d.m.dialog, d.m.formBanner)
	}
	golden(t, "conflict", d.m)
	d.press("esc")
	if d.m.dialog != dlgNone || d.m.form.Value(fCity) != "Тверь" {
		t.Fatalf("esc did not keep editing: dialog %d city %q", d.m.dialog, d.m.form.Value(fCity))
	}
	d.press("ctrl+s", "r")
	if d.m.mode != modeForm || d.m.dialog != dlgNone {
		t.Fatalf("r left mode %d dialog %d", d.m.mode, d.m.dialog)
	}
	if d.m.form.Value(fRegion) != "Северо-Запад" || d.m.form.Value(fCity) != "Москва" || d.m.form.Dirty() {
		t.Errorf("r did not reload the fresh record: region %q city %q dirty %v",
			d.m.form.Value(fRegion), d.m.form.Value(fCity), d.m.form.Dirty())
	}
	// The reloaded form saves over the fresh version.
	d.setField(fCity, "Тверь")
	d.press("ctrl+s")
	c, _ := e.db.As(e.boss).Client(e.clientID)
	if d.m.mode != modeCard || c.City != "Тверь" || c.Region != "Северо-Запад" {
		t.Errorf("save after reload: mode %d city %q region %q", d.m.mode, c.City, c.Region)
	}
}

// The reason (which phone, which tax id) is what the user checks before
// saving anyway; it must be readable whole, not cut at the dialog's edge.
func TestDuplicateWarningShowsTheWholeReason(t *testing.T) {
	e := newEnv(t)
	c := e.seed(t)
	c.ShortName = "ООО «Ромашка — оптовая торговля тканями и фурнитурой»"
	if _, err := e.db.As(e.boss).SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
	m, cmd := NewClient(e.deps(e.ivan), model.Client{})
	d := drive(t, m, cmd)
	d.setField(fShortName, "Лютик")
	d.setField(fPhones, "+7 912 345-67-89")
	d.setField(fTimeZone, "Europe/Moscow")
	d.press("ctrl+s")
	if d.m.dialog != dlgDuplicates || len(d.m.dups) == 0 {
		t.Fatalf("no duplicate warning; dialog %d, view:\n%s", d.m.dialog, d.view())
	}
	if r := d.m.dups[0].Reason; !strings.Contains(stripANSI(d.view()), r) {
		t.Errorf("the reason %q is not shown whole:\n%s", r, stripANSI(d.view()))
	}
}

// Fields a role may not change are skipped by tab; the form says why, so an
// operator or a manager does not take it for a fault.
func TestFormSaysWhyFieldsAreLocked(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	for _, tc := range []struct {
		who  model.User
		want string
	}{
		{e.olga, "As operator you change only the notes here"},
		{e.ivan, "Category and manager: the head of department or the director only."},
		{e.boss, ""},
	} {
		m, cmd := OpenEdit(e.deps(tc.who), e.clientID)
		d := drive(t, m, cmd)
		lines := strings.Split(stripANSI(d.view()), "\n")
		if tc.want == "" {
			if strings.Contains(lines[1], "only") {
				t.Errorf("%s: a hint where nothing is locked: %q", tc.who.Name, lines[1])
			}
			continue
		}
		if !strings.Contains(lines[1], tc.want) {
			t.Errorf("%s: under the title %q, want %q", tc.who.Name, lines[1], tc.want)
		}
		if len(lines) != 20 {
			t.Errorf("%s: the form is %d lines, want 20", tc.who.Name, len(lines))
		}
	}
}

// A new client's form offers only what the store will accept from this role:
// an operator creates prospects and hands them to nobody, a manager's new
// client is their own, a head picks any manager and status.
func TestNewClientFormOffersOnlyWhatTheRoleMaySave(t *testing.T) {
	e := newEnv(t)
	head, err := e.db.As(e.boss).SaveUser(model.User{Name: "nina", FullName: "Nina Head", Role: model.RoleHead})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		who                  model.User
		wantStatus, wantMngr bool
	}{
		{e.olga, false, false},
		{e.ivan, true, false},
		{head, true, true},
	} {
		m, cmd := NewClient(e.deps(tc.who), model.Client{})
		d := drive(t, m, cmd)
		seen := map[string]bool{}
		for range 60 {
			seen[d.m.form.Focused()] = true
			d.press("tab")
		}
		if seen[fStatus] != tc.wantStatus || seen[fManager] != tc.wantMngr {
			t.Errorf("%s (%s): tab reaches status %v, manager %v; want %v, %v",
				tc.who.Name, tc.who.Role, seen[fStatus], seen[fManager], tc.wantStatus, tc.wantMngr)
		}
	}
}

// "Saved Northwind Mills Sp. z o.o." ends with the name's own stop, not two.
func TestSavedStatusKeepsTheNamesOwnStop(t *testing.T) {
	e := newEnv(t)
	m, cmd := NewClient(e.deps(e.ivan), model.Client{})
	d := drive(t, m, cmd)
	d.setField(fShortName, "Northwind Mills Sp. z o.o.")
	d.setField(fPhones, "+48 22 123 45 67")
	d.setField(fTimeZone, "Europe/Warsaw")
	d.press("ctrl+s")
	var got string
	for _, msg := range d.out {
		if s, ok := msg.(common.StatusMsg); ok {
			got = s.Text
		}
	}
	if want := "Saved Northwind Mills Sp. z o.o."; got != want {
		t.Fatalf("status %q, want %q (banner %q)", got, want, d.m.formBanner)
	}
}
