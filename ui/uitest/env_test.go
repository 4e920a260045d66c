package uitest

import (
	"testing"
	"time"

	"clientbase/store/storetest"
)

// EnvAs signs the user in on a real department file, its clock fixed.
func TestEnvAs(t *testing.T) {
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	s, boss := storetest.Department(t, 1)
	env := EnvAs(t, s.DB(), boss.Name, at)
	if env.Me.Name != boss.Name || !env.Clock().Equal(at) || env.Zone() != time.UTC {
		t.Fatalf("env for %s: me %q, clock %v, zone %v", boss.Name, env.Me.Name, env.Clock(), env.Zone())
	}
	if _, err := env.Store.Client(1); err != nil {
		t.Fatalf("the signed-in store cannot read client 1: %v", err)
	}
}
