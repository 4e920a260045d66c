package users

import (
	"crypto/ed25519"
	"errors"
	"flag"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/crypto/ssh"

	"clientbase/model"
	"clientbase/store"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// now is the store's fixed clock: the keys' Added dates stay steady.
var now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// department is a real bbolt file with the director boss, the manager petrov
// and the operator ivanova.
func department(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "clientbase.db"), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []model.User{
		{Name: "petrov", FullName: "Пётр Петров", Role: model.RoleManager},
		{Name: "ivanova", FullName: "Ольга Иванова", Role: model.RoleOperator},
	} {
		if _, err := db.As(boss).SaveUser(u); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// keyLine is an authorized_keys line of a fixed ed25519 key (seed byte b).
func keyLine(t *testing.T, b byte, comment string) (line, fingerprint string) {
	t.Helper()
	seed := make([]byte, ed25519.SeedSize)
	for i := range seed {
		seed[i] = b
	}
	pub, err := ssh.NewPublicKey(ed25519.NewKeyFromSeed(seed).Public())
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))) + " " + comment, ssh.FingerprintSHA256(pub)
}

func open(t *testing.T, db *store.DB, user string) (*uitest.Owner, *Model) {
	t.Helper()
	m := New(uitest.EnvAs(t, db, user, now))
	m.SetSize(100, 30)
	o := &uitest.Owner{T: t, Pane: m}
	o.Run(m.Init())
	return o, m
}

// toKeys moves to user name's row and opens their keys.
func toKeys(t *testing.T, o *uitest.Owner, m *Model, name string) {
	t.Helper()
	for i, u := range m.users {
		if u.Name == name {
			for ; i > 0; i-- {
				o.Press("down")
			}
			o.Press("enter")
			if m.mode != modeKeys || m.user != name {
				t.Fatalf("enter on %s: mode %d user %q", name, m.mode, m.user)
			}
			return
		}
	}
	t.Fatalf("%s is not listed:\n%s", name, o.View())
}

// paste adds line as the terminal pastes it: a, the paste, enter.
func paste(o *uitest.Owner, line string) {
	o.Press("a")
	o.Run(o.Pane.Update(tea.PasteMsg{Content: line}))
	o.Press("enter")
}

func TestListsUsers(t *testing.T) {
	db := department(t)
	o, _ := open(t, db, "boss")
	v := o.View()
	for _, want := range []string{"boss", "petrov", "Пётр Петров", "ivanova", "Ольга Иванова", model.T("ui.role.manager")} {
		if !strings.Contains(v, want) {
			t.Errorf("the list lacks %q:\n%s", want, v)
		}
	}
}

func TestDirectorAddsAKeyTheServerThenKnows(t *testing.T) {
	db := department(t)
	o, m := open(t, db, "boss")
	toKeys(t, o, m, "ivanova")
	line, fp := keyLine(t, 7, "olga@laptop")
	paste(o, line)
	if m.adding || m.inputErr != "" {
		t.Fatalf("after enter: adding %v, sentence %q", m.adding, m.inputErr)
	}
	u, err := db.UserByKey(fp)
	if err != nil || u.Name != "ivanova" {
		t.Fatalf("UserByKey(%s) = %q, %v; want ivanova", fp, u.Name, err)
	}
	if want := model.T("users.added", fp, "ivanova"); o.Status() != want {
		t.Errorf("status %q, want %q", o.Status(), want)
	}
	v := o.View()
	for _, want := range []string{"ssh-ed25519", fp, "olga@laptop", "2026-11-23"} {
		if !strings.Contains(v, want) {
			t.Errorf("the keys view lacks %q:\n%s", want, v)
		}
	}
	o.Press("esc")
	if !strings.Contains(o.View(), "    1  ") {
		t.Errorf("the list does not count ivanova's key:\n%s", o.View())
	}
}

func TestBadKeyShowsTheStoreSentenceAndSavesNothing(t *testing.T) {
	db := department(t)
	o, m := open(t, db, "boss")
	toKeys(t, o, m, "ivanova")
	o.Press("a")
	o.Type("ssh-ed25519 not-a-key")
	o.Press("enter")
	_, err := store.ParseKeyLine("ssh-ed25519 not-a-key")
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("ParseKeyLine: %v, want a validation error", err)
	}
	if !m.adding || m.inputErr != ve.Fields["key"] {
		t.Fatalf("adding %v, sentence %q, want %q", m.adding, m.inputErr, ve.Fields["key"])
	}
	if !strings.Contains(o.View(), ve.Fields["key"][:40]) {
		t.Errorf("the sentence is not under the input:\n%s", o.View())
	}
	u, err := db.SignIn("ivanova")
	if err != nil || len(u.Keys) != 0 {
		t.Fatalf("ivanova has %d keys (%v), want none", len(u.Keys), err)
	}
	o.Press("esc")
	if m.adding || m.inputErr != "" {
		t.Errorf("esc left the input open")
	}
}

func TestRemoveAsksThenRemoves(t *testing.T) {
	db := department(t)
	boss, _ := db.SignIn("boss")
	line, fp := keyLine(t, 9, "old")
	if _, err := db.As(boss).AddUserKey("petrov", line); err != nil {
		t.Fatal(err)
	}
	o, m := open(t, db, "boss")
	toKeys(t, o, m, "petrov")
	o.Press("x")
	if m.asking == nil || !strings.Contains(o.View(), fp) {
		t.Fatalf("x did not ask:\n%s", o.View())
	}
	o.Press("n")
	if _, err := db.UserByKey(fp); err != nil {
		t.Fatalf("n removed the key: %v", err)
	}
	o.Press("x", "y")
	if _, err := db.UserByKey(fp); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("after y UserByKey = %v, want not found", err)
	}
	if want := model.T("users.removed", fp, "petrov"); o.Status() != want {
		t.Errorf("status %q, want %q", o.Status(), want)
	}
	if !strings.Contains(o.View(), model.T("users.no_keys")[:20]) {
		t.Errorf("the key is still shown:\n%s", o.View())
	}
}

func TestManagerIsRefused(t *testing.T) {
	db := department(t)
	o, m := open(t, db, "petrov")
	toKeys(t, o, m, "petrov")
	line, fp := keyLine(t, 3, "mine")
	paste(o, line)
	if !m.adding || !strings.Contains(m.inputErr, model.T("store.act.users")) {
		t.Fatalf("a manager's add: adding %v, sentence %q", m.adding, m.inputErr)
	}
	if _, err := db.UserByKey(fp); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("a manager's key was saved: %v", err)
	}
}

func TestGoldenKeys(t *testing.T) {
	db := department(t)
	boss, _ := db.SignIn("boss")
	for i, c := range []string{"olga@laptop", "olga@office-desktop"} {
		line, _ := keyLine(t, byte(i+1), c)
		if _, err := db.As(boss).AddUserKey("ivanova", line); err != nil {
			t.Fatal(err)
		}
	}
	o, m := open(t, db, "boss")
	toKeys(t, o, m, "ivanova")
	o.Press("a")
	o.Type("ssh-rsa garbage")
	o.Press("enter")
	v := m.View()
	uitest.CheckSize(t, "keys", v, 100, 30)
	uitest.Golden(t, "TestGoldenKeys", o.View(), *update)
}

func TestKeyOfAnotherUserIsRefusedWithTheirName(t *testing.T) {
	db := department(t)
	boss, _ := db.SignIn("boss")
	line, fp := keyLine(t, 5, "shared")
	if _, err := db.As(boss).AddUserKey("petrov", line); err != nil {
		t.Fatal(err)
	}
	o, m := open(t, db, "boss")
	toKeys(t, o, m, "ivanova")
	paste(o, line)
	if want := model.T("storeteam.key_taken", fp, "petrov"); m.inputErr != want {
		t.Fatalf("sentence %q, want %q", m.inputErr, want)
	}
	if u, err := db.UserByKey(fp); err != nil || u.Name != "petrov" {
		t.Fatalf("the key moved: %q, %v", u.Name, err)
	}
}

// A key another session adds shows once the change feed tells the pane.
func TestAnotherSessionsChangeShows(t *testing.T) {
	db := department(t)
	o, m := open(t, db, "boss")
	toKeys(t, o, m, "ivanova")
	boss, _ := db.SignIn("boss")
	line, fp := keyLine(t, 6, "elsewhere")
	if _, err := db.As(boss).AddUserKey("ivanova", line); err != nil {
		t.Fatal(err)
	}
	o.Run(m.Update(common.DataChangedMsg{Kind: "user"}))
	if !strings.Contains(o.View(), fp) {
		t.Fatalf("the new key is not shown:\n%s", o.View())
	}
}

func TestGoldenUsers(t *testing.T) {
	db := department(t)
	boss, _ := db.SignIn("boss")
	line, _ := keyLine(t, 1, "olga@laptop")
	if _, err := db.As(boss).AddUserKey("ivanova", line); err != nil {
		t.Fatal(err)
	}
	o, m := open(t, db, "boss")
	uitest.CheckSize(t, "users", m.View(), 100, 30)
	uitest.Golden(t, "TestGoldenUsers", o.View(), *update)
}
