package clientcard

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/store"
	"clientbase/ui/common"
)

func TestHistoryShowsEveryChange(t *testing.T) {
	e := newEnv(t)
	c := e.seed(t)
	c.City = "Тверь"
	c.Notes = ""
	if _, err := e.db.As(e.ivan).SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	d.press("h")
	if d.m.mode != modeHistory {
		t.Fatalf("h opened mode %d", d.m.mode)
	}
	v := strings.Join(d.m.histLines, "\n")
	for _, want := range []string{"created", "changed", "City:", "Москва → ", "Тверь", "Category:", "B", "steady monthly orders", "ivan", "boss"} {
		if !strings.Contains(stripANSI(v), want) {
			t.Errorf("history lacks %q:\n%s", want, stripANSI(v))
		}
	}
	golden(t, "history", d.m)
	d.press("G")
	if d.m.histScroll == 0 && len(d.m.histLines) > d.m.bodyHeight() {
		t.Error("G did not scroll the history")
	}
	d.press("esc")
	if d.m.mode != modeCard {
		t.Errorf("esc from history: mode %d", d.m.mode)
	}
}

func TestArchiveAndRestoreAskFirst(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.boss), e.clientID)
	d := drive(t, m, cmd)
	d.press("A")
	if d.m.dialog != dlgArchive {
		t.Fatalf("A opened dialog %d", d.m.dialog)
	}
	golden(t, "archive", d.m)
	d.press("n")
	if c, _ := e.db.As(e.boss).Client(e.clientID); c.Archived || d.m.dialog != dlgNone {
		t.Fatal("n archived the client or kept the dialog")
	}
	d.press("A", "y")
	c, _ := e.db.As(e.boss).Client(e.clientID)
	if !c.Archived || !d.m.client.Archived {
		t.Fatalf("y did not archive: stored %v, card %v, banner %q", c.Archived, d.m.client.Archived, d.m.banner)
	}
	if !strings.Contains(d.view(), "[archived]") {
		t.Errorf("the card does not say archived:\n%s", d.view())
	}
	d.press("A", "y")
	if c, _ = e.db.As(e.boss).Client(e.clientID); c.Archived {
		t.Error("the second A y did not restore")
	}
	var changes int
	for _, msg := range d.out {
		if dc, ok := msg.(common.DataChangedMsg); ok && dc.ID == e.clientID {
			changes++
		}
	}
	if changes != 2 {
		t.Errorf("%d DataChangedMsg for archive + restore, want 2", changes)
	}
}

func TestReadOnlyDatabaseOffersNoChanges(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	deps := e.deps(e.boss)
	deps.ReadOnly = true
	m, cmd := Open(deps, e.clientID)
	d := drive(t, m, cmd)
	k := d.m.cardKeys()
	if k.Edit.Enabled() || k.Archive.Enabled() {
		t.Error("a read-only card offers edit or archive")
	}
	d.press("e", "A")
	if d.m.mode != modeCard || d.m.dialog != dlgNone {
		t.Errorf("keys of a read-only card changed mode %d dialog %d", d.m.mode, d.m.dialog)
	}
}

func TestStaleAnswersAreDropped(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.boss), e.clientID)
	d := drive(t, m, cmd)
	// An answer to an older load must not replace what the card shows.
	old := d.m.waitLoad
	d.press("h") // asks for the history: a newer generation
	d.m, _ = d.m.Update(clientLoadedMsg{gen: old - 1, id: e.clientID, client: model.Client{ShortName: "stale"}})
	if d.m.client.ShortName == "stale" {
		t.Error("a stale load replaced the card")
	}
	d.m, _ = d.m.Update(historyLoadedMsg{gen: d.m.waitHistory - 1, entries: []model.AuditEntry{{Action: "stale"}}})
	for _, h := range d.m.history {
		if h.Action == "stale" {
			t.Error("a stale history answer was shown")
		}
	}
}

func TestOpenEditGoesStraightToTheForm(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := OpenEdit(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	if d.m.mode != modeForm || d.m.form.Value(fShortName) != "ООО «Ромашка»" {
		t.Fatalf("OpenEdit: mode %d name %q", d.m.mode, d.m.form.Value(fShortName))
	}
	d.press("esc")
	if !d.m.Closed() {
		t.Error("esc on an unchanged form opened by OpenEdit did not close the card")
	}
}

func TestHelpFollowsTheState(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.olga), e.clientID)
	d := drive(t, m, cmd)
	has := func(bs []string, k string) bool {
		for _, b := range bs {
			if b == k {
				return true
			}
		}
		return false
	}
	keysOf := func() []string {
		var out []string
		for _, b := range d.m.ShortHelp() {
			if b.Enabled() {
				out = append(out, b.Help().Key)
			}
		}
		return out
	}
	if k := keysOf(); !has(k, "e") || has(k, "A") {
		t.Errorf("an operator's card help %v: want e, not A", k)
	}
	d.press("e")
	if k := keysOf(); !has(k, "ctrl+s") {
		t.Errorf("form help %v lacks ctrl+s", k)
	}
	if len(d.m.FullHelp()) == 0 {
		t.Error("no full help in the form")
	}
}

// Every state of the card fills exactly the space it is given, at any size.
func TestEveryStateFitsItsSize(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	states := map[string][]string{
		"card": nil, "history": {"h"}, "contacts": {"c"}, "contact form": {"c", "a"},
		"form": {"e"}, "archive dialog": {"A"}, "discard dialog": {"e", "x", "esc"},
	}
	for name, keys := range states {
		for _, size := range [][2]int{{80, 20}, {120, 40}, {40, 10}, {200, 8}} {
			m, cmd := Open(e.deps(e.boss), e.clientID)
			d := drive(t, m, cmd)
			d.m.SetSize(size[0], size[1])
			d.press(keys...) // in a form, letters are typed
			lines := strings.Split(d.m.View(), "\n")
			if len(lines) != size[1] {
				t.Errorf("%s at %v: %d lines", name, size, len(lines))
			}
			for i, l := range lines {
				if w := lipgloss.Width(l); w != size[0] {
					t.Errorf("%s at %v: line %d is %d wide", name, size, i, w)
					break
				}
			}
		}
	}
}

func TestAMissingClientSaysSoAndEscCloses(t *testing.T) {
	e := newEnv(t)
	m, cmd := Open(e.deps(e.boss), 4242)
	d := drive(t, m, cmd)
	v := d.view()
	if !strings.Contains(v, "This client cannot be shown") || d.m.banner == "" {
		t.Fatalf("a missing client:\n%s", v)
	}
	d.press("e", "h", "A")
	if d.m.mode != modeLoading || d.m.dialog != dlgNone {
		t.Fatalf("keys acted on a client that is not there: mode %d dialog %d", d.m.mode, d.m.dialog)
	}
	d.press("esc")
	if !d.m.Closed() {
		t.Error("esc did not close")
	}
}

// A client from a bulk load has no audit entries of its own: its history
// says so (with when it was created) instead of waiting forever.
func TestHistoryOfABulkLoadedClient(t *testing.T) {
	e := newEnv(t)
	c := romashka("ivan")
	c.ID = 500
	c.CreatedAt, c.CreatedBy = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC), "import"
	if _, err := store.BulkLoad(e.db, nil, func(emit func(model.Client) error) error { return emit(c) }); err != nil {
		t.Fatal(err)
	}
	m, cmd := Open(e.deps(e.boss), 500)
	d := drive(t, m, cmd)
	d.press("h")
	v := stripANSI(strings.Join(d.m.histLines, "\n"))
	if !strings.Contains(v, "No changes recorded yet") || !strings.Contains(v, "import") || !strings.Contains(v, "01.03.2025") || strings.Contains(v, "Loading") {
		t.Errorf("history of a bulk-loaded client:\n%s", v)
	}
}

// A contact's change in the audit log is keyed by the contact's id; the
// history names the contact instead of showing "contacts.2.left".
func TestHistoryNamesTheContactNotItsID(t *testing.T) {
	e := newEnv(t)
	c := e.seed(t)
	c.Contacts[0].Left = true
	if _, err := e.db.As(e.ivan).SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	d.press("h")
	v := stripANSI(strings.Join(d.m.histLines, "\n"))
	if strings.Contains(v, "contacts.") {
		t.Errorf("history shows a raw field key:\n%s", v)
	}
	if !strings.Contains(v, "Contact Анна Смирнова, Left the company: no → yes") {
		t.Errorf("history does not name the contact who left:\n%s", v)
	}
}

// Notes are long and may hold line breaks; the history wraps a change
// instead of cutting it at the screen's edge, and keeps one screen line per
// line so the window stays in step.
func TestHistoryWrapsLongChanges(t *testing.T) {
	e := newEnv(t)
	c := e.seed(t)
	c.Notes = "Звонить главному бухгалтеру только после обеда, в пятницу не звонить.\nСклад принимает до 16:00, пропуск заказывать за день."
	if _, err := e.db.As(e.ivan).SaveClient(c, "договорились на встрече в офисе клиента о новых условиях поставки тканей"); err != nil {
		t.Fatal(err)
	}
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	d.press("h")
	for _, l := range d.m.histLines {
		if strings.Contains(l, "\n") || lipgloss.Width(l) > 80 {
			t.Errorf("history line does not fit one 80-column line: %q", stripANSI(l))
		}
	}
	flat := strings.Join(strings.Fields(stripANSI(strings.Join(d.m.histLines, "\n"))), " ")
	for _, want := range []string{"пропуск заказывать за день.", "в пятницу не звонить.", "о новых условиях поставки тканей"} {
		if !strings.Contains(flat, want) {
			t.Errorf("history lacks %q:\n%s", want, stripANSI(strings.Join(d.m.histLines, "\n")))
		}
	}
}
