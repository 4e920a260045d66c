package clients

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/store"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

func TestEnterOpensTheCardAndEscComesBackToTheSameRow(t *testing.T) {
	m := newList(t, 60)
	press(t, m, k("j"), k("j"), k("j"), k("j"))
	want, _ := m.Current()
	press(t, m, k("enter"))
	if !m.CardOpen() {
		t.Fatal("enter did not open the card")
	}
	if !strings.Contains(ansi.Strip(m.View()), want.ShortName) {
		t.Fatalf("the card does not show %q:\n%s", want.ShortName, ansi.Strip(m.View()))
	}
	if len(m.ShortHelp()) == 0 || len(m.FullHelp()) == 0 {
		t.Fatal("the open card gives no help for the footer and the overlay")
	}
	press(t, m, k("esc"))
	if m.CardOpen() {
		t.Fatal("esc did not close the card")
	}
	if c, _ := m.Current(); c.ID != want.ID {
		t.Fatalf("back on the list at %q, want %q", c.ShortName, want.ShortName)
	}
}

func TestNewAndEditOpenFormsThatKeepTheKeys(t *testing.T) {
	m := newList(t, 20)
	press(t, m, k("n"))
	if !m.CardOpen() || !m.InputFocused() {
		t.Fatalf("n: card open %v, input focused %v; want the create form with the keys", m.CardOpen(), m.InputFocused())
	}
	m = newList(t, 20)
	press(t, m, k("e"))
	if !m.CardOpen() || !m.InputFocused() {
		t.Fatalf("e: card open %v, input focused %v; want the edit form", m.CardOpen(), m.InputFocused())
	}
}

// Before the search index is built, a filter waits and says so; the
// shell's IndexReadyMsg makes it ask again.
func TestFilterWaitsForTheIndex(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "clientbase.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(boss)
	for i := 1; i <= 12; i++ {
		if _, err := s.SaveClient(testClient(i), "test data"); err != nil {
			t.Fatal(err)
		}
	}
	db2, err := reopen(t, db)
	if err != nil {
		t.Fatal(err)
	}
	s = db2.As(boss)
	m := New(Deps{Store: s, Me: boss, Styles: styles.New(true), Loc: time.UTC})
	m.SetSize(80, 21)
	run(t, m, m.Init())
	if _, total := m.Cursor(); total != 12 {
		t.Fatalf("unfiltered list before the index: %d rows, want 12", total)
	}
	press(t, m, k("c"))
	view := ansi.Strip(m.View())
	if !strings.Contains(view, model.T("ui.list.indexing")) {
		t.Fatalf("no indexing notice:\n%s", view)
	}
	if strings.Contains(view, model.T("ui.list.no_match")) {
		t.Fatal("claims no match while the index is being built")
	}
	if err := db2.BuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	run(t, m, m.Update(common.IndexReadyMsg{}))
	if _, total := m.Cursor(); total != 4 {
		t.Fatalf("category A after the index: %d rows, want 4", total)
	}
	if strings.Contains(ansi.Strip(m.View()), model.T("ui.list.indexing")) {
		t.Fatal("indexing notice stayed after the index was ready")
	}
}

// reopen closes db and opens its file again, so no search index is built.
func reopen(t *testing.T, db *store.DB) (*store.DB, error) {
	t.Helper()
	path := db.Path()
	if err := db.Close(); err != nil {
		return nil, err
	}
	db2, err := store.Open(path, store.Options{})
	if err == nil {
		t.Cleanup(func() { db2.Close() })
	}
	return db2, err
}

// Read-only: n says why nothing can be created instead of opening a form
// whose every field is locked, e shows the card to read, and the footer
// offers neither.
func TestReadOnlyOffersNoForms(t *testing.T) {
	st, me := newTestStore(t, 20)
	m := New(Deps{Store: st, Me: me, Styles: styles.New(true), Loc: time.UTC, ReadOnly: true})
	m.SetSize(80, 21)
	run(t, m, m.Init())
	cmd := m.Update(k("n"))
	if m.CardOpen() {
		t.Fatal("n opened a create form on a read-only database")
	}
	var said common.StatusMsg
	if cmd != nil {
		said, _ = cmd().(common.StatusMsg)
	}
	if !said.Err || !strings.Contains(said.Text, "read-only") {
		t.Errorf("n said %+v, want a read-only error", said)
	}
	press(t, m, k("e"))
	if !m.CardOpen() || m.InputFocused() {
		t.Fatalf("e: card open %v, input focused %v; want the card to read", m.CardOpen(), m.InputFocused())
	}
	press(t, m, k("esc"))
	for _, b := range m.ShortHelp() {
		if h := b.Help().Key; b.Enabled() && (h == "n" || h == "e") {
			t.Errorf("the read-only footer offers %q", h)
		}
	}
}
