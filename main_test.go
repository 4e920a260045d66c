package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
)

// binary is the real clientbase, built once for these tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "clientbase-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "clientbase")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBinary runs clientbase with args in a clean environment rooted at home.
func runBinary(t *testing.T, home string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runBinaryEnv(t, home, nil, args...)
}

// runBinaryEnv is runBinary with extra environment variables.
func runBinaryEnv(t *testing.T, home string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = []string{"HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"), "USER=tester", "PATH=" + os.Getenv("PATH")}
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("clientbase %v did not finish: %v", args, ctx.Err())
	}
	code = 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("clientbase %v: %v", args, err)
	}
	return out.String(), errb.String(), code
}

func TestHelpListsEveryFlagAndCommand(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		out, _, code := runBinary(t, home, args...)
		if code != 0 {
			t.Fatalf("%v exited %d", args, code)
		}
		for _, want := range []string{"--db", "--user", "--read-only", "--demo", "demo", "backup", "user add", "user list", "CLIENTBASE_DB", "XDG_DATA_HOME"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v does not mention %q:\n%s", args, want, out)
			}
		}
	}
	_, errOut, code := runBinary(t, home, "frobnicate")
	if code == 0 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("an unknown command: exit %d, %q", code, errOut)
	}
}

func TestDemoDatabaseAtStablePathAndUsers(t *testing.T) {
	home := t.TempDir()
	out, errOut, code := runBinary(t, home, "demo", "--clients", "300")
	if code != 0 {
		t.Fatalf("demo exited %d: %s", code, errOut)
	}
	path := filepath.Join(home, "data", "clientbase", "demo.db")
	if !strings.Contains(out, path) {
		t.Errorf("demo does not name %s: %q", path, out)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("demo database mode %v, want 0600", st.Mode().Perm())
	}
	// A second run refuses to overwrite without --force.
	if _, errOut, code := runBinary(t, home, "demo", "--clients", "10"); code == 0 || !strings.Contains(errOut, "--force") {
		t.Errorf("demo over an existing file: exit %d, %q", code, errOut)
	}
	out, errOut, code = runBinary(t, home, "user", "list", "--demo")
	if code != 0 {
		t.Fatalf("user list exited %d: %s", code, errOut)
	}
	for _, role := range []string{"director", "head", "manager", "operator"} {
		if !strings.Contains(out, role) {
			t.Errorf("the demo staff has no %s:\n%s", role, out)
		}
	}
}

func TestUserAddIsForTheDirector(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "own.db")
	// The first user of an empty database becomes its director.
	if _, errOut, code := runBinary(t, home, "user", "add", "petrova", "--role", "manager", "--db", db, "--user", "orlov"); code != 0 {
		t.Fatalf("the first user could not add a manager: %s", errOut)
	}
	out, _, _ := runBinary(t, home, "user", "list", "--db", db, "--user", "orlov")
	if !strings.Contains(out, "orlov") || !strings.Contains(out, "director") || !strings.Contains(out, "petrova") {
		t.Fatalf("user list:\n%s", out)
	}
	_, errOut, code := runBinary(t, home, "user", "add", "sidorov", "--role", "operator", "--db", db, "--user", "petrova")
	if code == 0 || errOut == "" {
		t.Errorf("a manager added a user: exit %d, %q", code, errOut)
	}
	_, errOut, code = runBinary(t, home, "user", "add", "x", "--role", "emperor", "--db", db, "--user", "orlov")
	if code == 0 || !strings.Contains(errOut, "operator, manager, head, director") {
		t.Errorf("a bad role: exit %d, %q", code, errOut)
	}
	// CLIENTBASE_DB overrides the XDG path.
	out, errOut, _ = runBinaryEnv(t, home, []string{"CLIENTBASE_DB=" + db}, "user", "list", "--user", "orlov")
	if !strings.Contains(out, "petrova") {
		t.Errorf("CLIENTBASE_DB was not used: %q %q", out, errOut)
	}
	if _, err := os.Stat(filepath.Join(home, "data", "clientbase", "clientbase.db")); err == nil {
		t.Error("the XDG database was created although CLIENTBASE_DB named another")
	}
}

func TestSecondProcessGetsASentence(t *testing.T) {
	home := t.TempDir()
	path := filepath.Join(home, "busy.db")
	held, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	_, errOut, code := runBinary(t, home, "user", "add", "x", "--role", "operator", "--db", path, "--user", "orlov")
	if code == 0 {
		t.Fatal("a second writer opened a locked database")
	}
	if !strings.Contains(errOut, path) || !strings.Contains(errOut, "--read-only") {
		t.Errorf("the refusal does not name the file and --read-only: %q", errOut)
	}
	if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
		t.Errorf("a stack trace instead of a sentence: %q", errOut)
	}
}

func TestForeignFileIsRefusedAndUntouched(t *testing.T) {
	home := t.TempDir()
	path := filepath.Join(home, "notes.db")
	junk := bytes.Repeat([]byte("this is not a database\n"), 4000)
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	before := sha256.Sum256(junk)
	_, errOut, code := runBinary(t, home, "--db", path, "--user", "orlov")
	if code == 0 {
		t.Fatal("a foreign file was opened")
	}
	if !strings.Contains(errOut, path) || !strings.Contains(errOut, "untouched") {
		t.Errorf("the refusal is not a clear sentence: %q", errOut)
	}
	after, _ := os.ReadFile(path)
	if sha256.Sum256(after) != before {
		t.Error("the foreign file was changed")
	}
}

func TestBackupCommandWritesAnOpenableCopy(t *testing.T) {
	home := t.TempDir()
	if _, errOut, code := runBinary(t, home, "demo", "--clients", "200"); code != 0 {
		t.Fatal(errOut)
	}
	target := filepath.Join(home, "copy.db")
	if _, errOut, code := runBinary(t, home, "backup", target, "--demo"); code != 0 {
		t.Fatalf("backup exited %d: %s", code, errOut)
	}
	db, err := store.Open(target, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	me, err := db.SignIn("orlov")
	if err != nil {
		t.Fatal(err)
	}
	stats, err := db.As(me).Stats()
	if err != nil {
		t.Fatal(err)
	}
	if stats.Clients+stats.Archived != 200 {
		t.Errorf("the backup holds %d clients, want 200", stats.Clients+stats.Archived)
	}
}

func TestOwnDatabaseAtTheXDGPathWithMode0600(t *testing.T) {
	home := t.TempDir()
	// The OS user is the first user, so it becomes the director.
	if _, errOut, code := runBinary(t, home, "user", "add", "petrova", "--role", "manager"); code != 0 {
		t.Fatalf("user add on a new database: %s", errOut)
	}
	path := filepath.Join(home, "data", "clientbase", "clientbase.db")
	st, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no database at the XDG data path: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	out, _, _ := runBinary(t, home, "user", "list")
	me, err := user.Current()
	if err != nil {
		t.Skip("no OS user to sign in as")
	}
	if !strings.Contains(out, me.Username) || !strings.Contains(out, "director") {
		t.Errorf("the first user is not the director:\n%s", out)
	}
}

// The demo department comes with its call plan: operators and managers have
// calls for today and the weeks around it, past ones with their outcomes.
func TestDemoHasALivelyPlan(t *testing.T) {
	home := t.TempDir()
	start := time.Now()
	if _, errOut, code := runBinary(t, home, "demo", "--clients", "500"); code != 0 {
		t.Fatalf("demo exited %d: %s", code, errOut)
	}
	db, err := store.Open(filepath.Join(home, "data", "clientbase", "demo.db"), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	director, err := db.SignIn("orlov")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(director)
	from, to := start.AddDate(0, 0, -15), start.AddDate(0, 0, 15)
	for _, who := range []string{"sidorova", "petrova"} {
		rows, err := s.PlanItems(who, from, to)
		if err != nil {
			t.Fatal(err)
		}
		done, open := 0, 0
		for _, r := range rows {
			switch {
			case r.Item.Status == model.PlanDone:
				done++
			case r.Item.Open():
				open++
			}
		}
		if done < 10 || open < 10 {
			t.Errorf("%s has %d done and %d open items in the demo's four weeks", who, done, open)
		}
	}
}

// The program plans the debt-reminder calls of invoices that became overdue
// since the last run, at start: three months on, the demo's invoices are
// overdue, and once remindOverdue has run nothing is left to plan.
func TestRemindOverdueAtStart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.db")
	if _, err := makeDemo(path, 300, demoSeed); err != nil {
		t.Fatal(err)
	}
	later := time.Now().AddDate(0, 3, 0)
	open := func(p string) *store.DB {
		db, err := store.Open(p, store.Options{Now: func() time.Time { return later }})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	db := open(path)
	copyPath := filepath.Join(dir, "copy.db")
	if err := db.Backup(copyPath); err != nil {
		t.Fatal(err)
	}
	if n, err := open(copyPath).PlanOverdueReminders(); err != nil || n == 0 {
		t.Fatalf("three months on, the copy had %d reminders to plan (%v); the test needs some", n, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // one round, then it sees the end
	remindOverdue(ctx, db, time.Hour)
	if n, err := db.PlanOverdueReminders(); err != nil || n != 0 {
		t.Errorf("after remindOverdue %d reminders were still to plan (%v)", n, err)
	}
}
