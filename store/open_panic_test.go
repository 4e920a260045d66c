package store

import (
	"encoding/binary"
	"errors"
	"os"
	"testing"
)

// A file whose meta pages are sound but whose root bucket page is garbage
// makes bbolt panic after it has taken the file lock. Open answers with a
// sentence, and must let go of the file too: asked again, it says the same,
// not that another process holds the database.
func TestDamagedRootReleasesTheLock(t *testing.T) {
	path := tempPath(t)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The newer of the two meta pages names the root bucket's page.
	ne := binary.NativeEndian
	m0, m1 := b[16:], b[defaultPageSize+16:]
	m := m0
	if ne.Uint64(m1[48:]) > ne.Uint64(m0[48:]) {
		m = m1
	}
	root := ne.Uint64(m[16:])
	page := b[root*defaultPageSize : (root+1)*defaultPageSize]
	for i := range page {
		page[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for try := range 2 {
		db, err := Open(path, Options{LockTimeout: 50e6})
		if err == nil {
			db.Close()
			t.Skip("bbolt read the damaged root without complaint")
		}
		if !errors.Is(err, ErrNotDatabase) {
			t.Fatalf("open %d: %v, want ErrNotDatabase", try+1, err)
		}
	}
}
