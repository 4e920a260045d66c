package exchange

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/encoding/charmap"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The pane's room in an 80×24 terminal: the tab bar above, the status bar
// and the key footer below.
const paneW, paneH = 80, 21

var testNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// pane is the open pane on a real department (storetest.Department: the
// director boss, managers petrov and jonaitis, n clients) as user as, with
// ~ at a fresh temporary folder; r drives it as the root would.
type pane struct {
	t    *testing.T
	m    *Model
	r    uitest.Root
	home string
	db   *store.DB
	msgs []tea.Msg
}

func newPane(t *testing.T, n int, role model.Role) *pane {
	t.Helper()
	boss, _ := storetest.Department(t, n)
	db := boss.DB()
	me := model.User{Name: "boss", Role: model.RoleDirector}
	if role != model.RoleDirector {
		u, err := boss.SaveUser(model.User{Name: "someone", FullName: "Some One", Role: role})
		if err != nil {
			t.Fatal(err)
		}
		me = u
	}
	s := db.As(me)
	env := common.Env{Store: s, Me: me, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return testNow }}
	p := &pane{t: t, home: t.TempDir(), db: db}
	p.m = New(env, nil)
	p.m.home = p.home
	p.m.epath.SetValue(p.m.defaultExportPath())
	p.m.SetSize(paneW, paneH)
	p.r = uitest.Root{T: t, Update: p.m.Update}
	p.msgs = append(p.msgs, p.r.Run(p.m.Init())...)
	return p
}

func (p *pane) press(keys ...string) { p.t.Helper(); p.msgs = append(p.msgs, p.r.Press(keys...)...) }
func (p *pane) typeText(s string)    { p.t.Helper(); p.msgs = append(p.msgs, p.r.Type(s)...) }

func (p *pane) view() string {
	p.t.Helper()
	v := p.m.View()
	uitest.RequireSize(p.t, p.t.Name(), v, paneW, paneH)
	return ansi.Strip(v)
}

func (p *pane) write(name, text string) string {
	p.t.Helper()
	path := filepath.Join(p.home, name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		p.t.Fatal(err)
	}
	return path
}

// skipWhileStub skips while the exchange drivers are still stubs (H1).
func (p *pane) skipWhileStub() {
	p.t.Helper()
	for _, l := range []string{p.m.fieldErr, p.m.note} {
		if strings.Contains(l, csvio.ErrNotImplemented.Error()) {
			p.t.Skipf("the exchange driver is a stub: %s", l)
		}
	}
}

// badClients is a file of three good clients and one with a tax id whose
// check digit is wrong (line 4).
const badClients = "External code;Short name;Tax ID;Phones\n" +
	"C-1;ООО Берёза;7707083893;+7 495 111-22-33\n" +
	"C-2;ООО Клён;;+7 495 222-33-44\n" +
	"C-3;ИП Сосна;7707083894;\n" +
	"C-4;АО Дуб;;+7 812 333-44-55\n"

func TestGoldenExportForm(t *testing.T) {
	p := newPane(t, 3, model.RoleDirector)
	p.press("ctrl+t")
	if p.m.Mode() != ModeExport {
		t.Fatal("ctrl+t did not switch to export")
	}
	p.press("down", "right") // format: CSV → CSV for Excel
	v := p.view()
	for _, want := range []string{model.T("exch.ui.format.excel"), "~/clientbase-clients-2026-11-23.csv"} {
		if !strings.Contains(v, want) {
			t.Errorf("the export form lacks %q:\n%s", want, v)
		}
	}
	uitest.Golden(t, "export_form", v, *update)
}

// The default path follows the kind and the format until the user types one.
func TestExportPathFollowsKindAndFormat(t *testing.T) {
	p := newPane(t, 0, model.RoleDirector)
	p.press("ctrl+t", "right") // kind: contacts
	p.press("down", "right", "right", "right")
	if got, want := p.m.epath.Value(), "~/clientbase-contacts-2026-11-23.vcf"; got != want {
		t.Fatalf("path %q, want %q (contacts as vCard)", got, want)
	}
	p.press("down", "backspace", "backspace", "backspace")
	p.typeText("txt")
	p.press("up", "right")
	if got := p.m.epath.Value(); got != "~/clientbase-contacts-2026-11-23.txt" {
		t.Fatalf("a typed path changed with the format: %q", got)
	}
}

func TestGoldenImportMissingFile(t *testing.T) {
	p := newPane(t, 0, model.RoleDirector)
	p.press("down")
	p.typeText("~/nowhere.csv")
	p.press("enter")
	v := p.view()
	if want := model.T("exch.ui.err.no_file", "~/nowhere.csv"); !strings.Contains(v, want) {
		t.Fatalf("no sentence %q next to the field:\n%s", want, v)
	}
	if !p.m.InputFocused() {
		t.Error("the file field lost the cursor after the error")
	}
	uitest.Golden(t, "import_missing_file", v, *update)
}

// A preview reads the file and writes nothing; the rejected row shows with
// its line and reason.
func TestGoldenImportPreviewWithRejectedRows(t *testing.T) {
	p := newPane(t, 0, model.RoleDirector)
	p.write("in.csv", badClients)
	p.press("down")
	p.typeText("~/in.csv")
	p.press("enter")
	p.skipWhileStub()
	if p.m.stage != stPreview {
		t.Fatalf("no preview (stage %d), field: %q", p.m.stage, p.m.fieldErr)
	}
	r := p.m.Report()
	if !r.DryRun || r.Rows != 4 || r.Created != 3 || r.Rejected != 1 {
		t.Fatalf("report %+v, want a dry run of 4 rows: 3 created, 1 rejected", r)
	}
	page, err := p.db.As(model.User{Name: "boss", Role: model.RoleDirector}).List(t.Context(), model.ClientFilter{}, 0, 10)
	if err != nil || page.Total != 0 {
		t.Fatalf("the preview wrote: %d clients, %v", page.Total, err)
	}
	// The cursor starts on the rejected row: its reason in full under the table.
	if got := p.m.report.Lines[p.m.cursor]; got.Action != model.ImportReject || got.Line != 4 {
		t.Fatalf("the cursor is on %+v, want the rejected line 4", got)
	}
	v := p.view()
	for _, want := range []string{"C-3", model.T("exch.ui.action.reject"), model.T("exch.ui.col.reason"), "Line 4: "} {
		if !strings.Contains(v, want) {
			t.Errorf("the preview lacks %q:\n%s", want, v)
		}
	}
	uitest.Golden(t, "import_preview", v, *update)
}

// ctrl+s after a preview with rejected rows asks first; yes imports the
// good rows, tells the screens and names the report file.
func TestImportAfterPreviewAsksAndImports(t *testing.T) {
	p := newPane(t, 0, model.RoleDirector)
	p.write("in.csv", badClients)
	p.press("down")
	p.typeText("~/in.csv")
	p.press("enter")
	p.skipWhileStub()
	p.press("ctrl+s")
	if p.m.asking == nil || !strings.Contains(p.view(), model.T("exch.ui.confirm_one", 1, 3)) {
		t.Fatalf("no question before skipping a row:\n%s", p.view())
	}
	p.press("n")
	if p.m.stage != stPreview {
		t.Fatal("no did not go back to the preview")
	}
	p.press("ctrl+s", "y")
	if p.m.stage != stDone {
		t.Fatalf("stage %d after the import, field %q", p.m.stage, p.m.fieldErr)
	}
	r := p.m.Report()
	if r.DryRun || r.Created != 3 || r.Rejected != 1 {
		t.Fatalf("report %+v", r)
	}
	if ch, ok := uitest.First[common.DataChangedMsg](p.msgs); !ok || ch.Kind != "*" {
		t.Errorf("no DataChangedMsg{*} after the import: %+v", p.msgs)
	}
	st, ok := uitest.First[common.StatusMsg](p.msgs)
	switch {
	case !ok:
		t.Error("no status after the import")
	case r.ReportFile == "":
		if st.Text != model.T("exch.ui.imported", 3, 0, 0, 1) {
			t.Errorf("status %q", st.Text)
		}
	case !strings.HasPrefix(st.Text, model.T("exch.ui.imported_report", 3, 4, "")) || !strings.HasSuffix(st.Text, filepath.Base(r.ReportFile)):
		t.Errorf("the status does not name the report %s: %q", r.ReportFile, st.Text)
	}
	if !strings.Contains(p.view(), model.T("exch.ui.did", 3, 0, 0, 1)) {
		t.Errorf("the pane does not show the counts:\n%s", p.view())
	}
	uitest.Golden(t, "import_done", p.view(), *update)
	page, err := p.db.As(model.User{Name: "boss", Role: model.RoleDirector}).List(t.Context(), model.ClientFilter{}, 0, 10)
	if err != nil || page.Total != 3 {
		t.Fatalf("%d clients after the import, %v; want 3", page.Total, err)
	}
	p.press("esc", "esc")
	if !p.m.Closed() {
		t.Fatal("esc esc did not close the pane")
	}
}

// enter on the export form writes the file and says how many records went
// where; a folder that is not there is a sentence next to the field.
func TestExportWritesTheFile(t *testing.T) {
	p := newPane(t, 5, model.RoleDirector)
	p.press("ctrl+t", "down", "down")
	p.press("enter")
	p.skipWhileStub()
	if p.m.fieldErr != "" {
		t.Fatalf("export failed: %s", p.m.fieldErr)
	}
	want := model.T("exch.ui.exported", 5, "~/clientbase-clients-2026-11-23.csv")
	if !strings.Contains(p.view(), want) {
		t.Fatalf("no %q:\n%s", want, p.view())
	}
	file := filepath.Join(p.home, "clientbase-clients-2026-11-23.csv")
	st, err := os.Stat(file)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the file: %v, %v", st, err)
	}
	left, _ := filepath.Glob(filepath.Join(p.home, ".*.part"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestExportToAMissingFolderSaysSo(t *testing.T) {
	p := newPane(t, 1, model.RoleDirector)
	p.press("ctrl+t", "down", "down")
	for range len(p.m.epath.Value()) {
		p.press("backspace")
	}
	p.typeText("~/no/such/folder/x.csv")
	p.press("enter")
	if want := model.T("exch.ui.err.no_file", "~/no/such/folder/x.csv"); !strings.Contains(p.view(), want) {
		t.Fatalf("no %q next to the field:\n%s", want, p.view())
	}
}

// tab in the file field completes the path.
func TestTabCompletesThePath(t *testing.T) {
	p := newPane(t, 0, model.RoleDirector)
	p.write("clients-november.csv", "x")
	if err := os.Mkdir(filepath.Join(p.home, "reports"), 0o755); err != nil {
		t.Fatal(err)
	}
	p.press("down")
	p.typeText("~/cl")
	p.press("tab")
	if got := p.m.ipath.Value(); got != "~/clients-november.csv" {
		t.Fatalf("tab gave %q", got)
	}
	for range len("clients-november.csv") {
		p.press("backspace")
	}
	p.typeText("re")
	p.press("tab")
	if got := p.m.ipath.Value(); got != "~/reports/" {
		t.Fatalf("tab gave %q, want the folder with its /", got)
	}
}

// A manager who somehow has the pane cannot import: the sentence, not a run.
func TestImportRefusedWithoutTheRight(t *testing.T) {
	p := newPane(t, 0, model.RoleManager)
	p.write("in.csv", badClients)
	p.press("down")
	p.typeText("~/in.csv")
	p.press("enter")
	if p.m.stage != stForm || p.m.fieldErr != model.T("exch.ui.err.import_forbidden") {
		t.Fatalf("stage %d, field %q", p.m.stage, p.m.fieldErr)
	}
}

// Every key the footer offers is documented, and ? lists them.
func TestHelpDocumented(t *testing.T) {
	p := newPane(t, 0, model.RoleDirector)
	for _, b := range p.m.ShortHelp() {
		if b.Help().Key == "" || b.Help().Desc == "" {
			t.Errorf("undocumented footer key %+v", b.Keys())
		}
	}
	for _, g := range p.m.FullHelp() {
		for _, b := range g {
			if b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("undocumented key %+v", b.Keys())
			}
		}
	}
}

// esc while the import runs cancels its context: the run stops between
// batches and the pane says so; a preview stopped goes back to the form.
func TestEscStopsARun(t *testing.T) {
	p := newPane(t, 0, model.RoleDirector)
	p.write("in.csv", badClients)
	p.press("down")
	p.typeText("~/in.csv")
	cmd := p.m.Update(uitest.Key("enter")) // the preview's command, not run yet
	if !p.m.Busy() {
		t.Fatal("enter started no preview")
	}
	p.press("esc") // stops it: the pane stays open
	if p.m.Closed() {
		t.Fatal("esc during a preview closed the pane")
	}
	p.msgs = append(p.msgs, p.r.Run(cmd)...)
	p.skipWhileStub()
	if p.m.stage != stForm {
		t.Fatalf("a stopped preview left stage %d (field %q)", p.m.stage, p.m.fieldErr)
	}
	if st, _ := uitest.First[common.StatusMsg](p.msgs); st.Text != model.T("exch.ui.preview_stopped") {
		t.Errorf("status %q", st.Text)
	}

	p.press("enter")
	cmd = p.m.Update(uitest.Key("ctrl+s"))
	p.msgs = nil
	if cmd == nil {
		cmd = p.m.Update(uitest.Key("y"))
	}
	p.press("esc")
	p.msgs = append(p.msgs, p.r.Run(cmd)...)
	if p.m.stage != stDone {
		t.Fatalf("a stopped import left stage %d (field %q)", p.m.stage, p.m.fieldErr)
	}
	st, _ := uitest.First[common.StatusMsg](p.msgs)
	r := p.m.Report()
	if want := model.T("exch.ui.import_stopped", r.Created, r.Updated, r.Unchanged, r.Rejected); st.Text != want {
		t.Errorf("status %q, want %q", st.Text, want)
	}
	// Cancelled before its first batch, the import wrote nothing.
	page, err := p.db.As(model.User{Name: "boss", Role: model.RoleDirector}).List(t.Context(), model.ClientFilter{}, 0, 10)
	if err != nil || page.Total != r.Created {
		t.Errorf("%d clients written, the report says %d (%v)", page.Total, r.Created, err)
	}
	t.Logf("stopped: %q, %d clients", st.Text, page.Total)
}

// A Windows-1251 file (1C's) is detected and read: Cyrillic names intact.
func TestPreviewOfAWindows1251File(t *testing.T) {
	p := newPane(t, 0, model.RoleDirector)
	text, err := charmap.Windows1251.NewEncoder().String("Short name;Tax ID\nООО Берёза;\nЗАО Ёлка;\n")
	if err != nil {
		t.Fatal(err)
	}
	p.write("1c.csv", text)
	p.press("down")
	p.typeText("~/1c.csv")
	p.press("enter")
	p.skipWhileStub()
	r := p.m.Report()
	if r.Encoding != "windows-1251" || r.Created != 2 {
		t.Fatalf("report %+v, want windows-1251 and 2 to create", r)
	}
	if v := p.view(); !strings.Contains(v, "windows-1251") {
		t.Errorf("the preview does not name the encoding:\n%s", v)
	}
}
