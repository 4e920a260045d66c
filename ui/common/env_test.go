package common

import (
	"testing"
	"time"
)

// An Env without a clock or a zone falls back to the machine's.
func TestEnvClockAndZoneFallBack(t *testing.T) {
	var bare Env
	if bare.Zone() != time.Local || bare.Clock().IsZero() {
		t.Fatalf("a bare Env: zone %v, clock %v", bare.Zone(), bare.Clock())
	}
	at := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	set := Env{Loc: time.UTC, Now: func() time.Time { return at }}
	if set.Zone() != time.UTC || !set.Clock().Equal(at) {
		t.Fatalf("a set Env: zone %v, clock %v", set.Zone(), set.Clock())
	}
}
