package complaintreport

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testNow is Wednesday 25.11.2026 11:00 UTC, the store's clock and the screen's.
var testNow = time.Date(2026, 11, 25, 11, 0, 0, 0, time.UTC)

// office is a database in t.TempDir() whose clock stands at testNow, with
// the director "boss", the head, a manager and an operator.
func office(t testing.TB) (*store.DB, map[string]model.User) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "clientbase.db"), store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	users := map[string]model.User{"boss": boss}
	for _, u := range []model.User{
		{Name: "volkova", FullName: "Ирина Волкова", Role: model.RoleHead},
		{Name: "petrova", FullName: "Анна Петрова", Role: model.RoleManager},
		{Name: "sidorova", FullName: "Мария Сидорова", Role: model.RoleOperator},
	} {
		saved, err := db.As(boss).SaveUser(u)
		if err != nil {
			t.Fatal(err)
		}
		users[u.Name] = saved
	}
	return db, users
}

func envFor(db *store.DB, u model.User) common.Env {
	return common.Env{Store: db.As(u), Me: u, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return testNow }}
}

// run executes cmd and what it leads to, handing every message to the report.
func run(t *testing.T, r *Report, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	var msgs []tea.Msg
	uitest.Run(t, cmd, func(msg tea.Msg) tea.Cmd {
		msgs = append(msgs, msg)
		return r.Update(msg)
	})
	return msgs
}

func press(t *testing.T, r *Report, keys ...string) []tea.Msg {
	t.Helper()
	var msgs []tea.Msg
	uitest.Press(r.Update, func(c tea.Cmd) { msgs = append(msgs, run(t, r, c)...) }, keys...)
	return msgs
}

// sample is a month's report as the store gives it.
func sample() model.ComplaintReport {
	m := func(minor int64) model.Money { return model.Money{Minor: minor, Currency: "RUB"} }
	l := func(key string, recv, sat, rej int, claimed, paid int64, just int) model.ReportLine {
		return model.ReportLine{Key: key, Received: recv, Satisfied: sat, Rejected: rej, Claimed: m(claimed), Paid: m(paid), Justified: just}
	}
	return model.ComplaintReport{
		From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		Total: l("", 42, 20, 9, 1254000, 612550, 7),
		ByReason: []model.ReportLine{l("", 13, 0, 0, 120000, 0, 0), l("defect", 11, 8, 2, 540000, 320000, 4),
			l("shortage", 8, 6, 1, 300000, 180000, 2), l("damaged", 5, 3, 2, 200000, 90550, 1), l("late", 5, 1, 4, 94000, 22000, 0)},
		ByFault: []model.ReportLine{l("", 13, 0, 0, 120000, 0, 0), l("manufacturer", 12, 9, 2, 600000, 400000, 5),
			l("carrier", 10, 7, 3, 300000, 150000, 1), l("ours", 4, 3, 1, 200000, 62550, 1), l("client", 3, 1, 2, 34000, 0, 0)},
		ByType: []model.ReportLine{l("quality", 20, 11, 4, 800000, 420000, 5), l("delivery", 15, 7, 3, 354000, 170000, 2),
			l("chain_penalty", 4, 1, 1, 90000, 22550, 0), l("service", 3, 1, 1, 10000, 0, 0)},
		ByOwner: []model.ReportLine{l("petrova", 18, 10, 3, 600000, 300000, 4), l("volkova", 14, 7, 4, 500000, 290000, 3),
			l("", 6, 0, 0, 100000, 0, 0), l("sidorova", 4, 3, 2, 54000, 22550, 0)},
		ByDirection: []model.ReportLine{l("incoming", 39, 19, 8, 1150000, 600000, 7), l("outgoing", 3, 1, 1, 104000, 12550, 0)},
		Answered:    29, AvgAnswer: 790 * time.Minute, WorstAnswer: 4210 * time.Minute, WorstID: 117, AnsweredLate: 5, AvgSLA: 1320 * time.Minute,
		OpenNow: 57, OverdueNow: 6, EscalatedNow: 2, WaitingNow: 4, Currency: "RUB",
	}
}

// loaded is the head's report at w×h showing rep as if the store had answered.
func loaded(t *testing.T, w, h int, rep model.ComplaintReport) (*Report, *store.DB) {
	t.Helper()
	db, users := office(t)
	r := New(envFor(db, users["volkova"]))
	r.SetSize(w, h)
	run(t, r, r.Init())
	run(t, r, r.load())
	r.Update(reportMsg{gen: r.wait, rep: rep})
	return r, db
}

func TestReportGolden(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		w, h := size[0], size[1]
		r, _ := loaded(t, w, h, sample())
		v := r.View()
		uitest.CheckSize(t, "report", v, w, h)
		name := fmt.Sprintf("report_%dx%d", w, h)
		uitest.Golden(t, name, ansi.Strip(v), *update)

		// scrolled to the bottom: the last breakdown shows, only the lines on screen
		press(t, r, "G")
		v = r.View()
		uitest.CheckSize(t, "report end", v, w, h)
		uitest.Golden(t, name+"_end", ansi.Strip(v), *update)
		if !strings.Contains(ansi.Strip(v), model.T("complaintreport.section.direction")) {
			t.Errorf("%dx%d: the end of the report does not show the directions:\n%s", w, h, ansi.Strip(v))
		}
	}
}

// Owners show by full name, the unassigned ones as such, the bars scale to the most.
func TestReportShowsNamesAndBars(t *testing.T) {
	r, _ := loaded(t, 100, 60, sample())
	v := ansi.Strip(r.View())
	for _, want := range []string{"Анна Петрова", "Ирина Волкова", model.T("complaintreport.unassigned"),
		"Received 42", "overdue 6", "worst 70h 10m (#117)", "late 5 of 29", "12,540.00 RUB"} {
		if !strings.Contains(v, want) {
			t.Errorf("the report lacks %q:\n%s", want, v)
		}
	}
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "Анна Петрова") {
			if n := strings.Count(l, "█") + strings.Count(l, "▒"); n < 10 {
				t.Errorf("the busiest owner's bar is %d cells: %q", n, l)
			}
		}
	}
}

// m, q, y, p, [, ] and t change the period and load it from the store.
func TestReportPeriodKeys(t *testing.T) {
	db, users := office(t)
	r := New(envFor(db, users["boss"]))
	r.SetSize(100, 30)
	run(t, r, r.Init())
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, step := range []struct {
		keys     []string
		from, to time.Time
	}{
		{nil, day(2026, 11, 1), day(2026, 12, 1)},
		{[]string{"["}, day(2026, 10, 1), day(2026, 11, 1)},
		{[]string{"p"}, day(2026, 10, 1), day(2027, 1, 1)},
		{[]string{"]"}, day(2027, 1, 1), day(2027, 4, 1)},
		{[]string{"y"}, day(2027, 1, 1), day(2028, 1, 1)},
		{[]string{"[", "["}, day(2025, 1, 1), day(2026, 1, 1)},
		{[]string{"t"}, day(2026, 1, 1), day(2027, 1, 1)},
		// narrowing a period that holds today goes to today's month or quarter, not its first
		{[]string{"m"}, day(2026, 11, 1), day(2026, 12, 1)},
		{[]string{"p"}, day(2026, 10, 1), day(2027, 1, 1)},
		{[]string{"p", "p"}, day(2026, 11, 1), day(2026, 12, 1)},
		// a period in the past keeps its start
		{[]string{"y", "[", "m"}, day(2025, 1, 1), day(2025, 2, 1)},
		{[]string{"p"}, day(2025, 1, 1), day(2025, 4, 1)},
		{[]string{"t", "m"}, day(2026, 11, 1), day(2026, 12, 1)},
		{[]string{"y", "t", "p"}, day(2026, 11, 1), day(2026, 12, 1)},
	} {
		press(t, r, step.keys...)
		from, to := r.Period()
		if !from.Equal(step.from) || !to.Equal(step.to) {
			t.Errorf("after %q: %v – %v, want %v – %v", step.keys, from, to, step.from, step.to)
		}
		if r.rep == nil || !r.rep.From.Equal(step.from) || !r.rep.To.Equal(step.to) || r.wait != 0 || r.err != "" {
			t.Fatalf("after %q the report shown is not the period's: %+v (err %q)", step.keys, r.rep, r.err)
		}
	}
}

// An answer for a period the user has left is dropped.
func TestReportDropsStaleAnswers(t *testing.T) {
	r, _ := loaded(t, 100, 30, sample())
	stale := r.wait
	cmd := r.setPeriod(r.period.shift(-1))
	old := sample()
	old.Total.Received = 999
	r.Update(reportMsg{gen: stale, rep: old})
	if r.wait == 0 || r.rep.Total.Received == 999 {
		t.Fatal("a stale answer replaced the report")
	}
	run(t, r, cmd)
	if r.wait != 0 || !r.rep.From.Equal(time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("October's report did not arrive: %+v", r.rep)
	}
}

// A manager or an operator reads who sees the report; nothing is asked of the store.
func TestReportForbidden(t *testing.T) {
	db, users := office(t)
	for _, name := range []string{"petrova", "sidorova"} {
		r := New(envFor(db, users[name]))
		r.SetSize(80, 24)
		if cmd := r.Init(); cmd != nil {
			t.Errorf("%s: the report loads for someone who may not see it", name)
		}
		press(t, r, "x", "[", "y")
		v := r.View()
		uitest.CheckSize(t, name, v, 80, 24)
		if !strings.Contains(ansi.Strip(v), "Only the head and the director") || r.exporter != nil || r.rep != nil {
			t.Errorf("%s sees:\n%s", name, ansi.Strip(v))
		}
		if len(r.ShortHelp()) != 0 {
			t.Errorf("%s: keys offered on a report they may not see", name)
		}
	}
	uitest.Golden(t, "forbidden_80x24", ansi.Strip(New(envFor(db, users["sidorova"])).sized(80, 24).View()), *update)
}

func (r *Report) sized(w, h int) *Report { r.SetSize(w, h); return r }

// x asks for a file, writes the Excel form there and says where and how many rows.
func TestReportExport(t *testing.T) {
	r, _ := loaded(t, 100, 30, sample())
	dir := t.TempDir()
	r.dir = dir
	press(t, r, "x")
	if r.exporter == nil || !r.InputFocused() {
		t.Fatal("x did not open the file prompt")
	}
	want := filepath.Join(dir, "complaints-2026-11-01_2026-11-30.csv")
	if got := r.exporter.form.Value(fPath); got != want {
		t.Errorf("proposed %q, want %q", got, want)
	}
	uitest.CheckSize(t, "prompt", r.View(), 100, 30)
	msgs := press(t, r, "enter")
	st, ok := uitest.First[common.StatusMsg](msgs)
	if !ok || st.Err || !strings.Contains(st.Text, want) {
		t.Fatalf("status %+v, want the path %s", st, want)
	}
	if r.exporter != nil {
		t.Error("the prompt stayed open after writing")
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Error("the Excel form has no byte order mark")
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n := model.ComplaintReportCSVRows(sample()); len(rows)-1 != n || !strings.Contains(st.Text, model.T("complaintreport.export.done", n, want)) {
		t.Errorf("%d rows after the header, status %q; want %d", len(rows)-1, st.Text, n)
	}
	var owner bool
	for _, row := range rows {
		owner = owner || (row[1] == "Анна Петрова" && row[2] == "18" && row[5] == "6000,00")
	}
	if !owner {
		t.Errorf("no row for Анна Петрова with her figures:\n%s", data)
	}
}

// A path in a folder that does not exist gets a sentence under the field; nothing is written.
func TestReportExportBadPath(t *testing.T) {
	r, _ := loaded(t, 80, 24, sample())
	// relative to the package's folder, where no such folder is
	press(t, r, "x", "ctrl+u")
	uitest.Type(r.Update, func(c tea.Cmd) { run(t, r, c) }, filepath.Join("no-such-folder", "r.csv"))
	press(t, r, "enter")
	if r.exporter == nil {
		t.Fatal("the prompt closed on a failed write")
	}
	if e := r.exporter.form.Error(fPath); !strings.Contains(e, "does not exist") {
		t.Errorf("error under the field: %q", e)
	}
	uitest.Golden(t, "export_error_80x24", ansi.Strip(r.View()), *update)
	press(t, r, "ctrl+u")
	press(t, r, "enter")
	if e := r.exporter.form.Error(fPath); e != model.T("complaintreport.export.no_path") {
		t.Errorf("empty path: %q", e)
	}
	press(t, r, "esc")
	if r.exporter != nil || r.InputFocused() {
		t.Error("esc did not close the prompt")
	}
	if _, err := os.Stat("no-such-folder"); err == nil {
		t.Error("the export made a folder")
	}
}

// ExportCSV (the command line's export) writes the store's report with owners' names.
func TestExportCSV(t *testing.T) {
	db, users := office(t)
	path := filepath.Join(t.TempDir(), "out.csv")
	n, err := ExportCSV(db.As(users["volkova"]), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), path, false)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(rows)-1 != n || n == 0 {
		t.Fatalf("%d rows (%v), ExportCSV said %d:\n%s", len(rows), err, n, data)
	}
	if _, err := ExportCSV(db.As(users["sidorova"]), time.Time{}, testNow, filepath.Join(t.TempDir(), "x.csv"), true); err == nil ||
		!strings.Contains(err.Error(), "Only the head") {
		t.Errorf("an operator's export: %v", err)
	}
}

// The report's keys reach it: none is one the root or the Complaints tab takes first.
func TestReportKeysDoNotCollide(t *testing.T) {
	taken := map[string]string{}
	g := keymap.NewGlobal()
	for _, b := range []keymap.Global{g} {
		for _, kb := range [][]string{b.Tab1.Keys(), b.Tab2.Keys(), b.Tab3.Keys(), b.Tab4.Keys(), b.NextTab.Keys(), b.PrevTab.Keys(), b.Help.Keys(), b.ForceQuit.Keys(), b.Backup.Keys()} {
			for _, k := range kb {
				taken[k] = "root"
			}
		}
	}
	for _, k := range []string{"Q", "R", "S"} { // the Complaints tab's views
		taken[k] = "views"
	}
	k := keymap.NewComplaintReport()
	for _, group := range k.FullHelp() {
		for _, b := range group {
			if b.Help().Desc == "" {
				t.Errorf("%v has no help", b.Keys())
			}
			for _, s := range b.Keys() {
				if who, ok := taken[s]; ok {
					t.Errorf("report key %q (%s) is the %s's", s, b.Help().Desc, who)
				}
			}
		}
	}
	_ = context.Background
}

// On the store's demo department (a dozen complaints in every state) the
// head's month shows what the store counts.
func TestReportOnTheComplaintDepartment(t *testing.T) {
	now := time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)
	db, _ := storetest.ComplaintDepartment(t, now)
	head, err := db.SignIn(storetest.PlanHead)
	if err != nil {
		t.Fatal(err)
	}
	env := envFor(db, head)
	env.Now = func() time.Time { return now }
	r := New(env)
	r.SetSize(100, 30)
	run(t, r, r.Init())
	if r.rep == nil || r.err != "" {
		t.Fatalf("no report: %q", r.err)
	}
	want, err := db.As(head).ComplaintReport(context.Background(), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if want.Total.Received != 12 || r.rep.Total != want.Total || r.rep.OpenNow != want.OpenNow {
		t.Fatalf("the screen shows %+v (open %d), the store counts %+v (open %d)", r.rep.Total, r.rep.OpenNow, want.Total, want.OpenNow)
	}
	v := ansi.Strip(r.View())
	uitest.CheckSize(t, "department", v, 100, 30)
	for _, s := range []string{"Received 12", fmt.Sprintf("open %d", want.OpenNow), "Ирина Волкова"} {
		if !strings.Contains(v, s) && !strings.Contains(strings.Join(r.body(), "\n"), s) {
			t.Errorf("the report lacks %q:\n%s", s, v)
		}
	}
}

// A complaint or settings changed elsewhere: the report is computed again.
func TestReportReloadsOnChange(t *testing.T) {
	r, _ := loaded(t, 100, 30, sample())
	for _, kind := range []string{"complaint", "complaint_settings"} {
		run(t, r, func() tea.Msg { return common.DataChangedMsg{Kind: kind} })
		if r.rep == nil || r.rep.Total.Received != 0 || r.wait != 0 {
			t.Errorf("after a %s change the report is not the store's (an empty one): %+v", kind, r.rep)
		}
		r.Update(reportMsg{gen: r.wait, rep: sample()})
	}
	r.rep = nil
	if cmd := r.Update(common.DataChangedMsg{Kind: "client"}); cmd != nil || r.wait != 0 {
		t.Error("a client's change reloads the report")
	}
}

// An existing file is never replaced unasked: a CSV asks for a second
// enter, anything else (the database file itself, say) is refused.
func TestReportExportKeepsExistingFiles(t *testing.T) {
	r, _ := loaded(t, 100, 30, sample())
	dir := t.TempDir()
	db := filepath.Join(dir, "clientbase.db")
	if err := os.WriteFile(db, []byte("the department's records"), 0o600); err != nil {
		t.Fatal(err)
	}
	typePath := func(p string) {
		press(t, r, "x", "ctrl+u")
		uitest.Type(r.Update, func(c tea.Cmd) { run(t, r, c) }, p)
	}
	typePath(db)
	press(t, r, "enter", "enter")
	if data, _ := os.ReadFile(db); string(data) != "the department's records" {
		t.Fatalf("the export replaced %s", db)
	}
	if r.exporter == nil || !strings.Contains(r.exporter.form.Error(fPath), "not a CSV") {
		t.Fatalf("no sentence under the field for a non-CSV file: %+v", r.exporter)
	}
	press(t, r, "esc")

	old := filepath.Join(dir, "last.csv")
	if err := os.WriteFile(old, []byte("last month"), 0o644); err != nil {
		t.Fatal(err)
	}
	typePath(old)
	press(t, r, "enter")
	if data, _ := os.ReadFile(old); string(data) != "last month" || r.exporter == nil ||
		!strings.Contains(r.exporter.form.Error(fPath), "already exists") {
		t.Fatalf("the first enter replaced %s or said nothing (%q)", old, r.exporter.form.Error(fPath))
	}
	msgs := press(t, r, "enter")
	if st, ok := uitest.First[common.StatusMsg](msgs); !ok || st.Err || r.exporter != nil {
		t.Fatalf("the second enter did not write: %+v", st)
	}
	if data, _ := os.ReadFile(old); !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("%s was not replaced by the report", old)
	}
}

// countingStore is the real store, counting the report's queries.
type countingStore struct {
	common.Store
	reports int
}

func (c *countingStore) ComplaintReport(ctx context.Context, from, to time.Time) (model.ComplaintReport, error) {
	c.reports++
	return c.Store.ComplaintReport(ctx, from, to)
}

// Hidden (the tab on its queue), the report does not query the store, at
// start or on a change (every session hears every change on the team
// server): it is marked stale and loads once when shown.
func TestReportHiddenWaitsUntilShown(t *testing.T) {
	db, users := office(t)
	st := &countingStore{Store: db.As(users["volkova"])}
	env := envFor(db, users["volkova"])
	env.Store = st
	r := New(env)
	r.SetSize(100, 30)
	if cmd := r.SetVisible(false); cmd != nil {
		t.Error("hiding a report that never loaded loads it")
	}
	run(t, r, r.Init())
	if st.reports != 0 || r.rep != nil || r.names == nil {
		t.Fatalf("hidden at start: %d queries, report %v, names %v", st.reports, r.rep, r.names)
	}
	for _, kind := range []string{"complaint", "complaint_settings", "*"} {
		if cmd := r.Update(common.DataChangedMsg{Kind: kind}); cmd != nil || r.wait != 0 {
			t.Errorf("a %s change while hidden starts a load", kind)
		}
	}
	if st.reports != 0 {
		t.Fatalf("changes while hidden queried the store %d times", st.reports)
	}
	run(t, r, r.SetVisible(true))
	if st.reports != 1 || r.rep == nil || r.err != "" {
		t.Fatalf("shown: %d queries, report %v, error %q", st.reports, r.rep, r.err)
	}
	// hidden and shown again with nothing changed: the figures stand
	r.SetVisible(false)
	run(t, r, r.SetVisible(true))
	if st.reports != 1 {
		t.Errorf("showing an unchanged report queried again (%d)", st.reports)
	}
	// hidden, a change, shown: one load
	r.SetVisible(false)
	run(t, r, func() tea.Msg { return common.DataChangedMsg{Kind: "complaint"} })
	if st.reports != 1 {
		t.Errorf("a change while hidden queried the store (%d)", st.reports)
	}
	run(t, r, r.SetVisible(true))
	if st.reports != 2 {
		t.Errorf("showing a stale report: %d queries, want 2", st.reports)
	}
	// on screen, a change reloads at once as before
	run(t, r, func() tea.Msg { return common.DataChangedMsg{Kind: "complaint"} })
	if st.reports != 3 {
		t.Errorf("a change on screen: %d queries, want 3", st.reports)
	}
}
