package uitest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Golden compares got with testdata/name.golden; with rewrite (the
// package's -update flag) it writes the file instead.
func Golden(t testing.TB, name, got string, rewrite bool) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if rewrite {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

// CheckSize fails unless the view v (styled or not) is exactly w×h cells,
// naming every line that is not; it reports whether the view was right.
func CheckSize(t testing.TB, name, v string, w, h int) bool {
	t.Helper()
	ok := true
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%s: view is %d lines, want %d", name, len(lines), h)
		ok = false
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n != w {
			t.Errorf("%s: line %d is %d cells, want %d: %q", name, i, n, w, ansi.Strip(l))
			ok = false
		}
	}
	return ok
}

// RequireSize is CheckSize that stops the test, showing the whole view.
func RequireSize(t testing.TB, name, v string, w, h int) {
	t.Helper()
	if !CheckSize(t, name, v, w, h) {
		t.Fatalf("%s:\n%s", name, ansi.Strip(v))
	}
}
