package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"clientbase/model"
)

// The lock sentence tells whether --read-only will get in: yes while only
// viewers hold the file, no while someone has it open for changes.
func TestLockSentenceNamesWhoHoldsTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "held.db")
	w, err := Open(path, Options{LockTimeout: 50e6})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{LockTimeout: 50e6})
	var s *model.Sentence
	if !errors.As(err, &s) || !errors.Is(err, ErrLocked) || !strings.Contains(s.Text, "open for changes") || !strings.Contains(s.Text, path) {
		t.Fatalf("a writer holds it: %v", err)
	}
	w.Close()

	r, err := Open(path, Options{ReadOnly: true, LockTimeout: 50e6})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	r2, err := Open(path, Options{ReadOnly: true, LockTimeout: 50e6})
	if err != nil {
		t.Fatalf("two read-only viewers cannot share the file: %v", err)
	}
	r2.Close()
	_, err = Open(path, Options{LockTimeout: 50e6})
	if !errors.As(err, &s) || !errors.Is(err, ErrLocked) || strings.Contains(s.Text, "open for changes") || !strings.Contains(s.Text, "--read-only") {
		t.Fatalf("only viewers hold it: %v", err)
	}
}
