package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"clientbase/model"
	"clientbase/store"
)

const (
	cliKey1   = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICqFmW8gQt4rqulUvgZFREk3R6iBVndvPQhQThhGFSiU ona@laptop"
	cliKey1FP = "SHA256:JMuN27I+dtedfKbgV7BmyHZTcPMGtad19nRfF1bstJo"
	cliKey2   = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAksRVhI5hw5inV4IcsnI9Rio3mWpZQt+R3rVFtmDi6m"
)

// runIn calls run with args and reports its output and exit code.
func runIn(args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// user add --key and user key add|list|remove, through run() on a real file.
func TestUserKeyCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "team.db")
	as := func(user string, args ...string) (string, string, int) {
		return runIn(append(args, "--db", db, "--user", user)...)
	}
	if _, e, code := as("boss", "user", "add", "ona", "--role", "operator", "--key", cliKey1); code != 0 {
		t.Fatalf("add with key: %d %s", code, e)
	}
	// bad key text: a sentence, exit 2, no user
	if _, e, code := as("boss", "user", "add", "jonas", "--role", "operator", "--key", "nonsense"); code != 2 || !strings.Contains(e, "SSH public key") {
		t.Fatalf("bad key: %d %q", code, e)
	}
	out, e, code := as("boss", "user", "key", "list", "ona")
	if code != 0 || !strings.Contains(out, cliKey1FP) || !strings.Contains(out, "ona@laptop") {
		t.Fatalf("list: %d %q %q", code, out, e)
	}
	if _, e, code := as("boss", "user", "key", "add", "ona", cliKey2); code != 0 {
		t.Fatalf("key add: %d %s", code, e)
	}
	// an operator may not; a key on another user is refused
	if _, _, code := as("ona", "user", "key", "add", "ona", cliKey2); code != 1 {
		t.Fatalf("operator adding a key: %d", code)
	}
	if _, e, code := as("boss", "user", "add", "jonas", "--role", "operator"); code != 0 {
		t.Fatal(e)
	}
	if _, e, code := as("boss", "user", "key", "add", "jonas", cliKey1); code != 1 || !strings.Contains(e, "ona") {
		t.Fatalf("someone else's key: %d %q", code, e)
	}
	if _, e, code := as("boss", "user", "key", "remove", "ona", cliKey1FP); code != 0 {
		t.Fatalf("remove: %d %s", code, e)
	}
	if _, _, code := as("boss", "user", "key", "remove", "ona", cliKey1FP); code != 1 {
		t.Fatalf("removing again: %d", code)
	}
	if _, _, code := as("boss", "user", "key", "add", "ona"); code != 2 {
		t.Fatalf("add without a key: %d", code)
	}
	if _, _, code := as("boss", "user", "key", "frobnicate", "ona"); code != 2 {
		t.Fatalf("unknown: %d", code)
	}

	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.UserByKey(cliKey1FP); err == nil {
		t.Fatal("the removed key still signs in")
	}
	u, err := s.UserByKey(mustFP(t, cliKey2))
	if err != nil || u.Name != "ona" || u.Role != model.RoleOperator {
		t.Fatalf("%+v %v", u, err)
	}
}

func mustFP(t *testing.T, line string) string {
	k, err := store.ParseKeyLine(line)
	if err != nil {
		t.Fatal(err)
	}
	return k.Fingerprint
}
