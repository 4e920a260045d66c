package uitest

import (
	"testing"
	"time"

	"clientbase/store"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// EnvAs signs user in to db and builds the screens' Env as the root would:
// the dark styles, UTC, and a clock standing at now.
func EnvAs(t testing.TB, db *store.DB, user string, now time.Time) common.Env {
	t.Helper()
	u, err := db.SignIn(user)
	if err != nil {
		t.Fatal(err)
	}
	return common.Env{Store: db.As(u), Me: u, Styles: styles.New(true), Loc: time.UTC,
		Now: func() time.Time { return now }}
}
