package store

import (
	"path/filepath"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/ui/common"
)

// The session is what the UI is handed.
var _ common.Store = (*Session)(nil)

func tempPath(t testing.TB) string {
	return filepath.Join(t.TempDir(), "data", "clientbase.db")
}

// openDirector opens a fresh database and signs in its first user, the director.
func openDirector(t testing.TB) (*DB, *Session) {
	t.Helper()
	return openDirectorAt(t, nil)
}

// openDirectorAt is openDirector with the store's clock at now (nil: the real one).
func openDirectorAt(t testing.TB, now func() time.Time) (*DB, *Session) {
	t.Helper()
	db, err := Open(tempPath(t), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	u, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	return db, db.As(u)
}

func addUser(t testing.TB, s *Session, name string, role model.Role) *Session {
	t.Helper()
	u, err := s.SaveUser(model.User{Name: name, FullName: name, Role: role})
	if err != nil {
		t.Fatal(err)
	}
	return s.db.As(u)
}

func newClient(name string) model.Client {
	return model.Client{
		ShortName: name,
		Kind:      model.KindLegal,
		Status:    model.StatusActive,
	}
}

func mustSave(t testing.TB, s *Session, c model.Client, reason string) model.Client {
	t.Helper()
	out, err := s.SaveClient(c, reason)
	if err != nil {
		t.Fatalf("save %q: %v", c.ShortName, err)
	}
	return out
}
