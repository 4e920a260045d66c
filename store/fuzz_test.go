package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"clientbase/model"
)

// The trimmed name key never contradicts the collator: when the collator
// (case ignored) orders two names, the keys order them the same way or tie
// (a tie is broken by the id).
func FuzzNameKeyOrder(f *testing.F) {
	for _, s := range [][2]string{{"Ёлка", "Елка"}, {"Yla", "Ila"}, {"Čia", "Cukrus"}, {"éa", "eá"}, {"ООО Ромашка", "ооо ромашка"}, {"a b", "ab"}, {"", "Ž"}} {
		f.Add(s[0], s[1])
	}
	col := collate.New(language.Lithuanian, collate.IgnoreCase)
	f.Fuzz(func(t *testing.T, a, b string) {
		ka, kb := appendNameKey(nil, a), appendNameKey(nil, b)
		if !bytes.Equal(ka, appendNameKey(nil, a)) {
			t.Fatal("the key of a name is not stable")
		}
		want := col.CompareString(a, b)
		got := bytes.Compare(ka, kb)
		if got != 0 && want != 0 && got != want {
			t.Fatalf("collator says %d, keys say %d for %q, %q (% x | % x)", want, got, a, b, ka, kb)
		}
		if want == 0 && got != 0 {
			t.Fatalf("collator ties %q and %q but keys differ", a, b)
		}
		// The id suffix keeps composite keys unique and in name order.
		if ca, cb := nameIndexKey(a, 1), nameIndexKey(a, 2); bytes.Compare(ca, cb) >= 0 || compositeID(cb) != 2 {
			t.Fatal("the id does not order equal names")
		}
	})
}

// Whatever the file holds, Open answers with a database or a sentence and
// never changes a file it refuses.
func FuzzOpenAnyFile(f *testing.F) {
	f.Add([]byte("not a database"))
	f.Add(make([]byte, 8192))
	good := filepath.Join(f.TempDir(), "good.db")
	if db, err := Open(good, Options{}); err == nil {
		db.Close()
		b, _ := os.ReadFile(good)
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		if len(content) == 0 {
			return // bbolt initialises an empty file; that is the one write allowed
		}
		path := filepath.Join(t.TempDir(), "any.db")
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		before := sha256.Sum256(content)
		db, err := Open(path, Options{LockTimeout: 50e6})
		if err == nil {
			db.Close()
			return
		}
		var s *model.Sentence
		if !errors.As(err, &s) || s.Text == "" {
			t.Fatalf("not a sentence: %v", err)
		}
		after, _ := os.ReadFile(path)
		if sha256.Sum256(after) != before {
			t.Fatalf("a refused file was changed (%v)", err)
		}
	})
}
