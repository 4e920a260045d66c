package clientcard

import (
	"strings"
	"testing"

	"clientbase/model"
)

func TestContactsAddEditAndMarkLeft(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	// The operator may change contacts (and notes) only.
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	d.press("c")
	if d.m.mode != modeContacts {
		t.Fatalf("c opened mode %d", d.m.mode)
	}
	golden(t, "contacts", d.m)

	d.press("a")
	if d.m.mode != modeContactForm {
		t.Fatalf("a opened mode %d", d.m.mode)
	}
	d.setField(cEmail, "not an e-mail")
	d.press("ctrl+s")
	if d.m.form.Error(cName) == "" || d.m.form.Error(cEmail) == "" {
		t.Fatalf("contact errors not under their fields: name %q email %q\n%s", d.m.form.Error(cName), d.m.form.Error(cEmail), d.view())
	}
	golden(t, "contact_form_errors", d.m)
	d.setField(cName, "Мария Кузнецова")
	d.setField(cEmail, "maria@romashka.ru")
	d.setField(cPhones, "8 912 000-11-22")
	d.fieldTo(cRole)
	d.press("right") // decision-maker
	d.press("ctrl+s")
	if d.m.mode != modeContacts {
		t.Fatalf("a valid contact did not save: mode %d banner %q", d.m.mode, d.m.formBanner)
	}
	c, _ := e.db.As(e.boss).Client(e.clientID)
	if len(c.Contacts) != 3 {
		t.Fatalf("%d contacts stored, want 3", len(c.Contacts))
	}
	added := c.Contacts[2]
	if added.Name != "Мария Кузнецова" || added.Role != model.ContactDecisionMaker || len(added.Phones) != 1 || added.Phones[0].E164 != "+79120001122" {
		t.Errorf("stored contact %+v", added)
	}
	if d.m.contactCursor != 2 {
		t.Errorf("the cursor is on contact %d, want the new one", d.m.contactCursor)
	}

	// Edit the first contact with enter.
	d.press("g", "k", "k", "enter")
	if d.m.mode != modeContactForm || d.m.contactIdx != 0 {
		t.Fatalf("enter opened mode %d contact %d", d.m.mode, d.m.contactIdx)
	}
	d.setField(cPosition, "финансовый директор")
	d.press("ctrl+s")
	c, _ = e.db.As(e.boss).Client(e.clientID)
	if c.Contacts[0].Position != "финансовый директор" {
		t.Errorf("edited position %q", c.Contacts[0].Position)
	}

	// x marks the contact as left; it stays, dimmed; x again brings it back.
	d.press("x")
	c, _ = e.db.As(e.boss).Client(e.clientID)
	if len(c.Contacts) != 3 || !c.Contacts[0].Left {
		t.Fatalf("x: %d contacts, first left=%v", len(c.Contacts), c.Contacts[0].Left)
	}
	if !strings.Contains(d.view(), "Анна Смирнова · финансовый директор · accountant · anna@romashka.ru  (left)") {
		t.Errorf("a contact who left is not shown as left:\n%s", d.view())
	}
	d.press("x")
	c, _ = e.db.As(e.boss).Client(e.clientID)
	if c.Contacts[0].Left {
		t.Error("x again did not bring the contact back")
	}
	d.press("esc")
	if d.m.mode != modeCard {
		t.Errorf("esc from contacts: mode %d", d.m.mode)
	}
}

func TestOperatorFormIsLimitedToNotes(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	if d.m.cardKeys().Archive.Enabled() {
		t.Error("an operator is offered archive")
	}
	d.press("e")
	if d.m.mode != modeForm {
		t.Fatalf("e opened mode %d for an operator", d.m.mode)
	}
	if got := d.m.form.Focused(); got != fNotes {
		t.Fatalf("the operator's form starts at %q, want only the notes editable", got)
	}
	d.press("tab")
	if got := d.m.form.Focused(); got != fNotes {
		t.Errorf("tab moved the operator to %q", got)
	}
	d.typ("Перезвонить в пятницу. ")
	d.press("ctrl+s")
	c, _ := e.db.As(e.boss).Client(e.clientID)
	if d.m.mode != modeCard || !strings.HasPrefix(c.Notes, "Перезвонить в пятницу. ") {
		t.Errorf("the operator's note: mode %d banner %q notes %q", d.m.mode, d.m.formBanner, c.Notes)
	}
}

func TestStoreRefusalIsShownInTheForm(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	// The card offers what the rights table allows; a stale user record
	// (a manager pretending to be head) meets the store's own check.
	pretend := e.ivan
	pretend.Role = model.RoleHead
	d := e.deps(pretend)
	d.Store = e.db.As(e.ivan)
	m, cmd := Open(d, e.clientID)
	dr := drive(t, m, cmd)
	dr.press("e")
	dr.fieldTo(fCategory)
	dr.press("right")
	if dr.m.form.Value(fCategory) == string(model.CategoryB) {
		t.Fatal("the category did not change")
	}
	dr.setField(fReason, "ordered more")
	dr.press("ctrl+s")
	if dr.m.mode != modeForm || dr.m.formBanner == "" {
		t.Fatalf("the store's refusal is not shown: mode %d banner %q", dr.m.mode, dr.m.formBanner)
	}
	if !strings.Contains(dr.view(), dr.m.formBanner[:20]) {
		t.Errorf("the banner is not on screen:\n%s", dr.view())
	}
	c, _ := e.db.As(e.boss).Client(e.clientID)
	if c.Category != model.CategoryB {
		t.Errorf("a refused category change was stored: %q", c.Category)
	}
}

func TestCategoryChangeAsksForAReason(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.boss), e.clientID)
	d := drive(t, m, cmd)
	d.press("e")
	if !d.m.form.Hidden(fReason) {
		t.Fatal("the reason field shows before the category changes")
	}
	d.fieldTo(fCategory)
	d.press("left") // B → A
	if d.m.form.Hidden(fReason) {
		t.Fatal("a changed category does not ask for a reason")
	}
	d.press("ctrl+s")
	if d.m.form.Error(fReason) == "" {
		t.Fatalf("a category change without a reason was accepted: mode %d", d.m.mode)
	}
	d.setField(fReason, "volume doubled this year")
	d.press("ctrl+s")
	c, _ := e.db.As(e.boss).Client(e.clientID)
	if d.m.mode != modeCard || c.Category != model.CategoryA {
		t.Fatalf("mode %d category %q banner %q", d.m.mode, c.Category, d.m.formBanner)
	}
	last := c.CategoryLog[len(c.CategoryLog)-1]
	if last.From != model.CategoryB || last.To != model.CategoryA || last.Reason != "volume doubled this year" {
		t.Errorf("category history %+v", c.CategoryLog)
	}
	if !strings.Contains(strings.Join(d.m.lines, "\n"), "volume doubled this year") {
		t.Error("the card does not show the dated category history")
	}
}

func TestManagerIsPickedFromTheDepartmentsUsers(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.boss), e.clientID)
	d := drive(t, m, cmd)
	d.press("e")
	d.fieldTo(fManager)
	seen := map[string]bool{}
	for range 4 {
		seen[d.m.form.Value(fManager)] = true
		d.press("right")
	}
	if !seen["boss"] || !seen["ivan"] || !seen[""] || seen["olga"] {
		t.Errorf("manager choices %v: want boss, ivan and none, never the operator", seen)
	}
	if !strings.Contains(d.view(), "Ivan Petrov (ivan)") && d.m.form.Value(fManager) == "ivan" {
		t.Errorf("the manager is not shown by name:\n%s", d.view())
	}
	// An operator cannot reassign: the field is read-only for her.
	m, cmd = Open(e.deps(e.olga), e.clientID)
	d = drive(t, m, cmd)
	d.press("e")
	for range 40 {
		if d.m.form.Focused() == fManager {
			t.Fatal("an operator reached the manager field")
		}
		d.press("tab")
	}
}

func TestContactFormConflictReloadsTheContact(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	d.press("c", "enter")
	d.setField(cPosition, "бухгалтер")

	other, _ := e.db.As(e.boss).Client(e.clientID)
	other.Contacts[0].Email = "anna.s@romashka.ru"
	if _, err := e.db.As(e.boss).SaveClient(other, ""); err != nil {
		t.Fatal(err)
	}
	d.press("ctrl+s")
	if d.m.dialog != dlgConflict {
		t.Fatalf("no conflict dialog: dialog %d banner %q", d.m.dialog, d.m.formBanner)
	}
	d.press("r")
	if d.m.mode != modeContactForm || d.m.form.Value(cEmail) != "anna.s@romashka.ru" || d.m.form.Value(cPosition) != "главный бухгалтер" {
		t.Fatalf("r: mode %d email %q position %q", d.m.mode, d.m.form.Value(cEmail), d.m.form.Value(cPosition))
	}
	d.press("esc")
	if d.m.mode != modeContacts {
		t.Errorf("esc on the reloaded, unchanged contact form: mode %d", d.m.mode)
	}
}

func TestMarkLeftOnAStaleCardReloads(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	other, _ := e.db.As(e.boss).Client(e.clientID)
	other.Notes = "changed elsewhere"
	if _, err := e.db.As(e.boss).SaveClient(other, ""); err != nil {
		t.Fatal(err)
	}
	d.press("c", "x")
	if d.m.banner == "" || d.m.client.Notes != "changed elsewhere" {
		t.Fatalf("a stale x: banner %q notes %q", d.m.banner, d.m.client.Notes)
	}
	c, _ := e.db.As(e.boss).Client(e.clientID)
	if c.Contacts[0].Left {
		t.Error("a stale x reached the store")
	}
	d.press("x")
	if c, _ = e.db.As(e.boss).Client(e.clientID); !c.Contacts[0].Left {
		t.Errorf("x on the fresh record did not mark the contact: banner %q", d.m.banner)
	}
}

// Who may not add a contact person is not told to press a key that does nothing.
func TestNoContactsHintOnlyForWhoMayAdd(t *testing.T) {
	e := newEnv(t)
	c := e.seed(t)
	lena, err := e.db.As(e.boss).SaveUser(model.User{Name: "lena", FullName: "Lena Orlova", Role: model.RoleManager})
	if err != nil {
		t.Fatal(err)
	}
	c.Contacts = nil
	c.Manager = lena.Name // not ivan's any more: he may not touch its contacts
	if _, err := e.db.As(e.boss).SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		who  model.User
		want bool
	}{{e.ivan, false}, {e.olga, true}} {
		m, cmd := Open(e.deps(tc.who), e.clientID)
		d := drive(t, m, cmd)
		card := stripANSI(strings.Join(d.m.lines, "\n"))
		d.press("c")
		list := stripANSI(d.view())
		for what, v := range map[string]string{"card": card, "contacts": list} {
			if got := strings.Contains(v, "No contact persons yet. Press"); got != tc.want {
				t.Errorf("%s on the %s: how-to shown %v, want %v", tc.who.Name, what, got, tc.want)
			}
		}
	}
}
