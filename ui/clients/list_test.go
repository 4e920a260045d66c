package clients

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

func newList(t testing.TB, n int) *Model {
	t.Helper()
	st, me := newTestStore(t, n)
	m := New(Deps{Store: st, Me: me, Styles: styles.New(true), Loc: time.UTC})
	m.SetSize(80, 21)
	run(t, m, m.Init())
	return m
}

// nameAt asks the store directly for the name at row i of the unfiltered list.
func nameAt(t testing.TB, m *Model, i int) string {
	t.Helper()
	p, err := m.deps.Store.List(context.Background(), model.ClientFilter{}, i, 1)
	if err != nil || len(p.Rows) != 1 {
		t.Fatalf("row %d: %v (%d rows)", i, err, len(p.Rows))
	}
	return p.Rows[0].ShortName
}

func TestFirstWindowLoadsOnlyAroundTheScreen(t *testing.T) {
	m := newList(t, 300)
	cur, total := m.Cursor()
	if cur != 0 || total != 300 {
		t.Fatalf("cursor %d total %d, want 0 of 300", cur, total)
	}
	if len(m.cache.Rows) == 0 || len(m.cache.Rows) > 200 {
		t.Fatalf("%d rows in memory, want a window (1..200), not the whole list", len(m.cache.Rows))
	}
	first := nameAt(t, m, 0)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, first) {
		t.Fatalf("first client not on screen:\n%s", view)
	}
	if got := len(strings.Split(view, "\n")); got != 21 {
		t.Fatalf("view is %d lines, want 21", got)
	}
}

func TestMovingFetchesRowsAhead(t *testing.T) {
	m := newList(t, 300)
	press(t, m, k("j"), k("j"), k("k"))
	if cur, _ := m.Cursor(); cur != 1 {
		t.Fatalf("cursor %d after j j k, want 1", cur)
	}
	press(t, m, k("G"))
	if cur, _ := m.Cursor(); cur != 299 {
		t.Fatalf("cursor %d after G, want 299", cur)
	}
	last := nameAt(t, m, 299)
	c, ok := m.Current()
	if !ok || c.ShortName != last {
		t.Fatalf("current after G = %q (%v), want %q", c.ShortName, ok, last)
	}
	if !strings.Contains(ansi.Strip(m.View()), last) {
		t.Fatal("last client not on screen after G")
	}
	press(t, m, k("g"))
	if c, _ := m.Current(); c.ShortName != nameAt(t, m, 0) {
		t.Fatalf("current after g = %q", c.ShortName)
	}
	press(t, m, k("pgdown"))
	if cur, _ := m.Cursor(); cur != m.win.Height {
		t.Fatalf("cursor %d after pgdown, want %d", cur, m.win.Height)
	}
	// Every visible row is in memory: no "loading…" placeholders left.
	if strings.Contains(ansi.Strip(m.View()), model.T("ui.list.loading")) {
		t.Fatal("visible rows still loading after the commands settled")
	}
}

func TestLiveFilterAndClear(t *testing.T) {
	m := newList(t, 300)
	press(t, m, k("/"))
	if !m.InputFocused() {
		t.Fatal("filter line not focused after /")
	}
	typeText(t, m, "n042")
	if got := m.Filter().Text; got != "n042" {
		t.Fatalf("filter text %q", got)
	}
	if _, total := m.Cursor(); total != 1 {
		t.Fatalf("%d matches for n042, want 1", total)
	}
	press(t, m, k("enter"))
	if m.InputFocused() {
		t.Fatal("enter did not leave the filter line")
	}
	if m.Filter().Text != "n042" {
		t.Fatal("enter dropped the filter")
	}
	press(t, m, k("esc"))
	if m.Filter() != (model.ClientFilter{}) {
		t.Fatalf("esc left filter %+v", m.Filter())
	}
	if _, total := m.Cursor(); total != 300 {
		t.Fatalf("%d after clearing, want 300", total)
	}
}

func TestStaleResultsAreDropped(t *testing.T) {
	m := newList(t, 300)
	press(t, m, k("/"))
	// Two keystrokes; the first one's query result arrives last and must not win.
	typeText(t, m, "n0")
	first := m.Update(k("4"))
	firstCtx := m.ctx
	second := m.Update(k("2"))
	if firstCtx.Err() != context.Canceled {
		t.Fatal("the next key did not cancel the previous search")
	}
	run(t, m, second)
	want := m.win.Total
	run(t, m, first)
	if m.win.Total != want || m.Filter().Text != "n042" || want != 1 {
		t.Fatalf("stale result replaced the newer one: total %d want %d, text %q", m.win.Total, want, m.Filter().Text)
	}
}

func TestQuickFilters(t *testing.T) {
	m := newList(t, 300)
	press(t, m, k("c"))
	if m.Filter().Category != model.CategoryA {
		t.Fatalf("c gave %q, want A", m.Filter().Category)
	}
	press(t, m, k("c"), k("c"), k("c"))
	if m.Filter().Category != "" {
		t.Fatalf("c×4 gave %q, want all", m.Filter().Category)
	}
	press(t, m, k("s"))
	if m.Filter().Status != model.ClientStatuses[0] {
		t.Fatalf("s gave %q", m.Filter().Status)
	}
	press(t, m, k("M"))
	if m.Filter().Manager != m.deps.Me.Name {
		t.Fatalf("M gave manager %q, want %q", m.Filter().Manager, m.deps.Me.Name)
	}
	press(t, m, k("M"))
	if m.Filter().Manager != "" {
		t.Fatal("second M did not drop mine")
	}
	press(t, m, k("m"))
	if m.Filter().Manager == "" || m.Filter().Manager == m.deps.Me.Name && len(m.managers) > 1 {
		t.Fatalf("m gave manager %q from %v", m.Filter().Manager, m.managers)
	}
	press(t, m, k("a"))
	if !m.Filter().IncludeArchived {
		t.Fatal("a did not show archived")
	}
	if !strings.Contains(ansi.Strip(m.View()), "with archived") {
		t.Fatal("active filters not shown")
	}
	press(t, m, k("esc"))
	if m.Filter() != (model.ClientFilter{}) {
		t.Fatalf("esc kept %+v", m.Filter())
	}
}

func TestDataChangedRefreshesKeepingCursor(t *testing.T) {
	m := newList(t, 100)
	press(t, m, k("j"), k("j"), k("j"))
	c, _ := m.Current()
	c.ShortName = c.ShortName + " renamed"
	if _, err := m.deps.Store.SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
	run(t, m, m.Update(common.DataChangedMsg{Kind: "client", ID: c.ID}))
	if cur, _ := m.Cursor(); cur != 3 {
		t.Fatalf("cursor moved to %d on refresh", cur)
	}
	if !strings.Contains(ansi.Strip(m.View()), "renamed") {
		t.Fatal("refresh did not show the change")
	}
}

func TestArchivedClientsShowOnlyWhenAskedFor(t *testing.T) {
	m := newList(t, 30)
	c, _ := m.Current()
	if _, err := m.deps.Store.SetArchived(c.ID, c.Version, true); err != nil {
		t.Fatal(err)
	}
	run(t, m, m.Update(common.DataChangedMsg{Kind: "client", ID: c.ID}))
	if _, total := m.Cursor(); total != 29 {
		t.Fatalf("%d clients with one archived, want 29", total)
	}
	if strings.Contains(ansi.Strip(m.View()), c.ShortName) {
		t.Fatal("an archived client is listed")
	}
	press(t, m, k("a"))
	if _, total := m.Cursor(); total != 30 {
		t.Fatalf("%d clients with archived shown, want 30", total)
	}
	for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
		if strings.Contains(line, c.ShortName) {
			if !strings.Contains(line, model.T("ui.col.archived")) {
				t.Fatalf("archived row not marked: %q", line)
			}
			return
		}
	}
	t.Fatal("archived client not shown with a")
}

// A phone copied from a letter and pasted (a bracketed paste, not keys)
// filters the list: on the filter line, and on the list itself as / would.
func TestPasteFilters(t *testing.T) {
	m := newList(t, 60)
	want := nameAt(t, m, 7)
	c, err := m.deps.Store.List(context.Background(), model.ClientFilter{}, 7, 1)
	if err != nil || len(c.Rows) != 1 || len(c.Rows[0].Phones) == 0 {
		t.Fatalf("row 7: %+v %v", c, err)
	}
	phone := c.Rows[0].Phones[0].Raw
	for _, filtering := range []bool{true, false} {
		m := newList(t, 60)
		if filtering {
			press(t, m, k("/"))
		}
		run(t, m, m.Update(tea.PasteMsg{Content: " " + phone + "\n"}))
		if !m.filtering || m.filter.Text != phone {
			t.Fatalf("filtering=%v: after the paste filtering %v, filter %q, want %q", filtering, m.filtering, m.filter.Text, phone)
		}
		if got, ok := m.Current(); !ok || got.ShortName != want {
			t.Errorf("filtering=%v: pasting %q found %q, want %q", filtering, phone, got.ShortName, want)
		}
	}
}

// A change to something the list does not show (a call planned, an order
// saved) does not reload the list; a client change does.
func TestListReloadsOnlyForClientChanges(t *testing.T) {
	m := newList(t, 30)
	c, _ := m.Current()
	c.ShortName = c.ShortName + " renamed"
	if _, err := m.deps.Store.SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"plan", "interaction", "order", "complaint"} {
		if cmd := m.Update(common.DataChangedMsg{Kind: kind, ID: 1}); cmd != nil {
			run(t, m, cmd)
		}
	}
	if strings.Contains(ansi.Strip(m.View()), "renamed") {
		t.Fatal("the list reloaded for a change it does not show")
	}
	run(t, m, m.Update(common.DataChangedMsg{Kind: "client", ID: c.ID}))
	if !strings.Contains(ansi.Strip(m.View()), "renamed") {
		t.Fatal("a client change did not reload the list")
	}
}
