package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"clientbase/model"
	"clientbase/store"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

// shownPath is the database path the golden views show (the real file is in t.TempDir()).
const shownPath = "/srv/department/clientbase.db"

type harness struct {
	t    testing.TB
	app  *App
	quit bool
}

func newHarness(t testing.TB, n int, mod func(*Config)) *harness {
	t.Helper()
	st, me := newTestStore(t, n)
	cfg := Config{Store: st, Me: me, DBPath: shownPath, Loc: time.UTC, IndexReady: func() bool { return true }}
	if mod != nil {
		mod(&cfg)
	}
	h := &harness{t: t, app: New(cfg)}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(h.app.Init())
	return h
}

// run executes cmd and what follows synchronously, one message at a time,
// the way the program's loop would.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			h.t.Fatal("commands did not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.QuitMsg:
			h.quit = true
		case indexMsg:
			_, next := h.app.Update(msg)
			if msg.ready {
				queue = append(queue, next)
			} // else: the next poll is a tick; the test says when the index is ready
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
				for i := 0; i < v.Len(); i++ { // tea.Sequence
					queue = append(queue, v.Index(i).Interface().(tea.Cmd))
				}
				continue
			}
			_, next := h.app.Update(msg)
			queue = append(queue, next)
		}
	}
}

func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, s := range keys {
		h.send(keyPress(s))
	}
}

func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (h *harness) screen() string { return ansi.Strip(h.app.View().Content) }

func keyPress(s string) tea.KeyPressMsg { return uitest.Key(s) }

// checkFrame asserts the screen is exactly w×h cells.
func checkFrame(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), h, view)
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			t.Fatalf("line %d is %d cells wide, want ≤ %d: %q", i, lipgloss.Width(l), w, l)
		}
	}
}

func TestGoldenClientList(t *testing.T) {
	h := newHarness(t, 300, nil)
	view := h.screen()
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, view)
}

func TestGoldenClientListFiltered(t *testing.T) {
	h := newHarness(t, 300, nil)
	h.press("/")
	h.typeText("ромашка")
	view := h.screen()
	if !strings.Contains(view, "ООО Ромашка") || strings.Contains(view, "Northwind") {
		t.Fatalf("filter did not narrow the list:\n%s", view)
	}
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, view)
}

func TestGoldenHelpOverlay(t *testing.T) {
	h := newHarness(t, 300, nil)
	h.press("?")
	if !h.app.HelpShown() {
		t.Fatal("? did not open the help")
	}
	view := h.screen()
	for _, want := range []string{"filter", "category", "ctrl+b", "page down"} {
		if !strings.Contains(view, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, view)
}

func goldenTab(t *testing.T, k string, tab int, want string) {
	h := newHarness(t, 30, nil)
	h.press(k)
	if h.app.ActiveTab() != tab {
		t.Fatalf("key %s: tab %d, want %d", k, h.app.ActiveTab(), tab)
	}
	view := h.screen()
	if !strings.Contains(view, want) {
		t.Fatalf("tab %d does not say %q:\n%s", tab, want, view)
	}
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, view)
}

// The Calls tab as an operator meets it: her queue and the pool's, overdue
// first (calls_flow_test.go builds the plan department with a fixed clock).
func TestGoldenCallsTab(t *testing.T) {
	h := callsHarness(t, "ivanova")
	h.press("2")
	if h.app.ActiveTab() != TabCalls {
		t.Fatalf("key 2: tab %d, want %d", h.app.ActiveTab(), TabCalls)
	}
	view := h.screen()
	for _, want := range []string{"My queue", "Due", "space take next call", "ivanova · operator"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the Calls tab lacks %q:\n%s", want, view)
		}
	}
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, view)
}

func TestGoldenOrdersTab(t *testing.T) {
	goldenTab(t, "3", TabOrders, "O Orders")
}

// The Complaints tab as an operator meets it: every open complaint, the
// serious incident on top, hers marked, the countdowns and the counts
// (complaints_flow_test.go builds the complaint department with a fixed clock).
func TestGoldenComplaintsTab(t *testing.T) {
	h := complaintsHarness(t, "ivanova")
	h.press("4")
	if h.app.ActiveTab() != TabComplaints {
		t.Fatalf("key 4: tab %d, want %d", h.app.ActiveTab(), TabComplaints)
	}
	view := h.screen()
	for _, want := range []string{"Queue", "Complaints  all open", "overdue", "paused", "open · 1 overdue", "space take next complaint"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the Complaints tab lacks %q:\n%s", want, view)
		}
	}
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, view)
}

func TestTabKeys(t *testing.T) {
	h := newHarness(t, 10, nil)
	steps := []struct {
		key  string
		want int
	}{{"tab", 1}, {"tab", 2}, {"tab", 3}, {"tab", 0}, {"shift+tab", 3}, {"1", 0}, {"3", 2}, {"shift+tab", 1}}
	for _, s := range steps {
		h.press(s.key)
		if h.app.ActiveTab() != s.want {
			t.Fatalf("after %s: tab %d, want %d", s.key, h.app.ActiveTab(), s.want)
		}
	}
}

func TestKeyRoutingOrder(t *testing.T) {
	h := newHarness(t, 50, nil)
	// A focused text field takes q, digits and ? as text.
	h.press("/")
	h.typeText("q2?")
	if h.quit || h.app.ActiveTab() != TabClients || h.app.HelpShown() {
		t.Fatalf("typing in the filter reached the shell: quit=%v tab=%d help=%v", h.quit, h.app.ActiveTab(), h.app.HelpShown())
	}
	if got := h.app.Clients().Filter().Text; got != "q2?" {
		t.Fatalf("filter text %q, want q2?", got)
	}
	// ctrl+c quits even from a text field.
	h.press("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit from the filter line")
	}

	h = newHarness(t, 50, nil)
	// The open overlay comes first: j does not move the list, esc closes it.
	h.press("?", "j", "2")
	if cur, _ := h.app.Clients().Cursor(); cur != 0 || h.app.ActiveTab() != TabClients {
		t.Fatalf("keys passed the help overlay: cursor %d tab %d", cur, h.app.ActiveTab())
	}
	h.press("esc")
	if h.app.HelpShown() {
		t.Fatal("esc did not close the help")
	}
	h.press("?", "?")
	if h.app.HelpShown() {
		t.Fatal("? did not close the help")
	}
	// Global keys before the active tab; the rest reaches the list.
	h.press("j", "j")
	if cur, _ := h.app.Clients().Cursor(); cur != 2 {
		t.Fatalf("cursor %d after j j, want 2", cur)
	}
	h.press("q")
	if !h.quit {
		t.Fatal("q did not quit outside text fields")
	}
}

func TestStatusBarShowsWhoWhereAndCounts(t *testing.T) {
	ready := false
	h := newHarness(t, 20, func(c *Config) {
		c.ReadOnly = true
		c.IndexReady = func() bool { return ready }
	})
	bar := strings.Split(h.screen(), "\n")[22]
	for _, want := range []string{"boss · director", "20 clients", "read-only", "indexing…"} {
		if !strings.Contains(bar, want) {
			t.Errorf("status bar %q lacks %q", bar, want)
		}
	}
	ready = true
	h.send(indexMsg{ready: true})
	bar = strings.Split(h.screen(), "\n")[22]
	if strings.Contains(bar, "indexing") || !strings.Contains(bar, "index ready") {
		t.Errorf("status bar after the index is ready: %q", bar)
	}
	h.send(common.StatusMsg{Text: "Something failed.", Err: true})
	if text, isErr := h.app.Status(); text != "Something failed." || !isErr {
		t.Errorf("status %q err=%v", text, isErr)
	}
}

func TestBackupWritesACopyNextToTheDatabase(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, 25, func(c *Config) {
		c.DBPath = dir + "/clientbase.db"
	})
	h.press("ctrl+b")
	text, isErr := h.app.Status()
	if isErr || !strings.Contains(text, dir+"/clientbase-backup-") {
		t.Fatalf("status after backup: %q (err=%v)", text, isErr)
	}
	path := text[strings.Index(text, dir):]
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("backup file: %v", err)
	}
	cp, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if st, err := cp.Stats(); err != nil || st.Clients != 25 {
		t.Fatalf("backup holds %+v (%v), want 25 clients", st, err)
	}
}

// At 80 columns the whole message does not fit; the bar cuts the directory,
// not the backup's file name, which is what the user needs to find it.
func TestBackupMessageKeepsTheFileNameAt80Columns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "department", "shared", "databases")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, 5, func(c *Config) {
		c.DBPath = dir + "/clientbase.db"
	})
	h.press("ctrl+b")
	text, _ := h.app.Status()
	name := filepath.Base(text[strings.Index(text, dir):])
	lines := strings.Split(h.screen(), "\n")
	bar := lines[len(lines)-2]
	if !strings.Contains(bar, name) || !strings.Contains(bar, "Backup written") {
		t.Errorf("status bar %q does not show the backup %q", bar, name)
	}
	checkFrame(t, h.screen(), 80, 24)
}

// A paste is typing: on another tab, or under the help overlay, it must not
// open the client list's filter behind the user's back.
func TestPasteGoesOnlyWhereKeysGo(t *testing.T) {
	h := newHarness(t, 20, nil)
	h.press("2")
	h.send(tea.PasteMsg{Content: "8 912"})
	h.press("1")
	if h.app.clients.InputFocused() {
		t.Error("a paste on the Calls tab opened the client filter")
	}
	h.press("?")
	h.send(tea.PasteMsg{Content: "8 912"})
	h.press("esc")
	if h.app.clients.InputFocused() {
		t.Error("a paste under the help overlay opened the client filter")
	}
	h.send(tea.PasteMsg{Content: "8 912"})
	if !h.app.clients.InputFocused() || !strings.Contains(h.screen(), "8 912") {
		t.Errorf("a paste on the list did not reach the filter:\n%s", h.screen())
	}
}

// The help offers B only to those who may make a backup (head, director).
func TestHelpOffersBackupOnlyToThoseWhoMay(t *testing.T) {
	for _, tc := range []struct {
		role model.Role
		want bool
	}{{model.RoleManager, false}, {model.RoleOperator, false}, {model.RoleDirector, true}} {
		h := newHarness(t, 5, func(c *Config) { c.Me.Role = tc.role })
		h.press("?")
		if got := strings.Contains(h.screen(), "backup now"); got != tc.want {
			t.Errorf("%s: help offers backup %v, want %v", tc.role, got, tc.want)
		}
	}
}

func TestResizeAndLightBackground(t *testing.T) {
	h := newHarness(t, 60, nil)
	for _, sz := range [][2]int{{120, 40}, {80, 24}, {100, 30}} {
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFrame(t, h.screen(), sz[0], sz[1])
	}
	h.send(tea.BackgroundColorMsg{Color: lipgloss.Color("#FFFFFF")})
	if h.app.styles.IsDark {
		t.Fatal("a white background kept the dark styles")
	}
	if !h.app.View().AltScreen {
		t.Fatal("the app does not use the alternate screen")
	}
}

func TestBackupPathIsNextToTheDatabase(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	if got, want := BackupPath("/data/x/clientbase.db", at), "/data/x/clientbase-backup-20260304-050607.db"; got != want {
		t.Fatalf("BackupPath = %q, want %q", got, want)
	}
}

// Tiny terminals must not break the frame: every line fits, the height is kept.
func TestSmallTerminalsKeepTheFrame(t *testing.T) {
	h := newHarness(t, 40, nil)
	for _, sz := range [][2]int{{60, 12}, {40, 8}, {20, 5}, {10, 4}, {5, 3}, {1, 1}} {
		for _, keys := range [][]string{nil, {"?"}, {"esc", "2"}, {"1", "/"}} {
			h.press(keys...)
			h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFrame(t, h.screen(), sz[0], sz[1])
		}
		h.press("esc", "esc", "1")
	}
}

// With the create form open, q, digits and ? are text for the form, and the
// footer is the form's own help.
func TestOpenFormKeepsTheKeys(t *testing.T) {
	h := newHarness(t, 10, nil)
	h.press("n")
	if !h.app.Clients().CardOpen() {
		t.Fatal("n did not open the create form")
	}
	h.typeText("q2?")
	if h.quit || h.app.ActiveTab() != TabClients || h.app.HelpShown() {
		t.Fatalf("typing in the form reached the shell: quit=%v tab=%d help=%v", h.quit, h.app.ActiveTab(), h.app.HelpShown())
	}
	if !strings.Contains(h.screen(), "q2?") {
		t.Fatalf("the form did not get the text:\n%s", h.screen())
	}
	footer := strings.Split(h.screen(), "\n")[23]
	if strings.Contains(footer, "q quit") || !strings.Contains(footer, "ctrl+s") {
		t.Fatalf("footer with the form open: %q", footer)
	}
	h.press("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit from the form")
	}
}
