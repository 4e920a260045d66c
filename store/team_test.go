package store

import (
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

const (
	testKey1   = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICqFmW8gQt4rqulUvgZFREk3R6iBVndvPQhQThhGFSiU ona@laptop"
	testKey1FP = "SHA256:JMuN27I+dtedfKbgV7BmyHZTcPMGtad19nRfF1bstJo" // ssh-keygen -lf
	testKey2   = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAksRVhI5hw5inV4IcsnI9Rio3mWpZQt+R3rVFtmDi6m"
)

func TestParseKeyLine(t *testing.T) {
	k, err := ParseKeyLine(`no-pty,command="x" ` + testKey1 + "\n")
	if err != nil {
		t.Fatal(err)
	}
	if k.Type != "ssh-ed25519" || k.Fingerprint != testKey1FP || k.Comment != "ona@laptop" || k.Line != testKey1 {
		t.Fatalf("parsed %+v", k)
	}
	for _, bad := range []string{"", "   ", "hello", "ssh-ed25519 AAAA", "ssh-ed25519 !!!! x", testKey1 + "\n" + testKey2} {
		_, err := ParseKeyLine(bad)
		var ve *model.ValidationError
		if !errors.As(err, &ve) || ve.Fields["key"] == "" {
			t.Errorf("%q: %v, want a sentence on field key", bad, err)
		}
	}
}

func FuzzParseKeyLine(f *testing.F) {
	for _, s := range []string{testKey1, testKey2, "", "ssh-rsa AAAAB3NzaC1yc2E", "command=\"a\" " + testKey2, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAksRVhI5hw5inV4IcsnI9Rio3mWpZQt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		k, err := ParseKeyLine(line)
		if err != nil {
			var ve *model.ValidationError
			if !errors.As(err, &ve) || ve.Fields["key"] == "" {
				t.Fatalf("%q: error without a sentence: %v", line, err)
			}
			return
		}
		if !strings.HasPrefix(k.Fingerprint, "SHA256:") || k.Type == "" || strings.ContainsAny(k.Line, "\r\n") {
			t.Fatalf("%q: parsed %+v", line, k)
		}
		// the stored line parses again to the same key
		again, err := ParseKeyLine(k.Line)
		if err != nil || again.Fingerprint != k.Fingerprint || again.Line != k.Line {
			t.Fatalf("%q: stored line %q reparses to %+v, %v", line, k.Line, again, err)
		}
	})
}

func TestUserKeys(t *testing.T) {
	db, boss := openDirector(t)
	ona := addUser(t, boss, "ona", model.RoleManager)
	addUser(t, boss, "jonas", model.RoleOperator)

	if _, err := db.UserByKey(testKey1FP); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("unknown key: %v", err)
	}
	if _, err := ona.AddUserKey("ona", testKey1); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("a manager adding a key: %v", err)
	}
	k, err := boss.AddUserKey("ona", testKey1)
	if err != nil || k.Fingerprint != testKey1FP || k.Added.IsZero() {
		t.Fatalf("add: %+v %v", k, err)
	}
	u, err := db.UserByKey(testKey1FP)
	if err != nil || u.Name != "ona" || len(u.Keys) != 1 {
		t.Fatalf("by key: %+v %v", u, err)
	}
	if again, err := boss.AddUserKey("ona", testKey1); err != nil || again.Added != k.Added {
		t.Fatalf("adding the same key again: %+v %v", again, err)
	}
	// another user's key: refused with a sentence naming the owner, nothing saved
	before := fileState(t, db)
	_, err = boss.AddUserKey("jonas", testKey1)
	if err == nil || !strings.Contains(err.Error(), "ona") {
		t.Fatalf("someone else's key: %v", err)
	}
	if _, err := boss.AddUserKey("jonas", "not a key"); err == nil || !strings.Contains(err.Error(), "SSH public key") {
		t.Fatalf("bad key text: %v", err)
	}
	if _, err := boss.AddUserKey("nobody", testKey2); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("unknown user: %v", err)
	}
	if fileState(t, db) != before {
		t.Fatal("a refused key changed the file")
	}
	// a save of the user form keeps the keys (it does not carry them)
	u.Keys, u.FullName = nil, "Ona O."
	if u, err = boss.SaveUser(u); err != nil || len(u.Keys) != 1 {
		t.Fatalf("save keeps keys: %+v %v", u, err)
	}
	users, _ := boss.Users()
	for _, cu := range users {
		if cu.Name == "ona" && len(cu.Keys) != 1 {
			t.Fatalf("cached user lost keys: %+v", cu)
		}
	}
	h, _ := boss.UserHistory(u.ID)
	sawKey := false
	for _, e := range h {
		for _, c := range e.Changes {
			sawKey = sawKey || (c.Field == "keys" && c.New == testKey1FP)
		}
	}
	if !sawKey {
		t.Errorf("no audit entry of the key: %+v", h)
	}

	// archived: the key signs nobody in
	u.Archived = true
	if u, err = boss.SaveUser(u); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UserByKey(testKey1FP); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("archived user's key: %v", err)
	}
	u.Archived = false
	if u, err = boss.SaveUser(u); err != nil {
		t.Fatal(err)
	}

	if err := boss.RemoveUserKey("ona", "SHA256:nope"); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("removing a key she does not have: %v", err)
	}
	if err := boss.RemoveUserKey("ona", testKey1FP); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UserByKey(testKey1FP); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("removed key: %v", err)
	}
	// now free for jonas
	if _, err := boss.AddUserKey("jonas", testKey1); err != nil {
		t.Fatal(err)
	}
	if u, err := db.UserByKey(testKey1FP); err != nil || u.Name != "jonas" {
		t.Fatalf("%+v %v", u, err)
	}
}

// A new user may come with keys, checked in the same transaction.
func TestSaveNewUserWithKey(t *testing.T) {
	db, boss := openDirector(t)
	u, err := boss.SaveUser(model.User{Name: "ona", Role: model.RoleOperator, Keys: []model.UserKey{{Line: testKey1}}})
	if err != nil || len(u.Keys) != 1 || u.Keys[0].Fingerprint != testKey1FP {
		t.Fatalf("%+v %v", u, err)
	}
	before := fileState(t, db)
	if _, err := boss.SaveUser(model.User{Name: "jonas", Role: model.RoleOperator, Keys: []model.UserKey{{Line: testKey1}}}); err == nil {
		t.Fatal("a second user with ona's key")
	}
	if _, err := boss.SaveUser(model.User{Name: "jonas", Role: model.RoleOperator, Keys: []model.UserKey{{Line: "garbage"}}}); err == nil {
		t.Fatal("a user with a bad key")
	}
	if fileState(t, db) != before {
		t.Fatal("a refused new user changed the file")
	}
}

// Migration 6→7 creates idx_user_key from the users' keys.
func TestMigrateUserKeys(t *testing.T) {
	path := tempPath(t)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	boss, _ := db.SignIn("boss")
	if _, err := db.As(boss).SaveUser(model.User{Name: "ona", Role: model.RoleOperator, Keys: []model.UserKey{{Line: testKey1}}}); err != nil {
		t.Fatal(err)
	}
	// back to schema 6: no index
	if err := db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketUserKey); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, itob(6))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if u, err := db.UserByKey(testKey1FP); err != nil || u.Name != "ona" {
		t.Fatalf("after migration: %+v %v", u, err)
	}
	var schema uint64
	db.bolt.View(func(tx *bolt.Tx) error { schema = counter(tx, keySchema); return nil })
	if schema != SchemaVersion {
		t.Fatalf("schema %d", schema)
	}
}
