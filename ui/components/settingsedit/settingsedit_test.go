package settingsedit

import (
	"testing"
	"time"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/styles"
)

// A cursor row below or above the window scrolls it just enough to show
// the row with all its error lines, never past the body's end.
func TestScroll(t *testing.T) {
	body := []Line{{Row: 0}, {Row: 1}, {Row: 1}, {Row: -1}, {Row: 2}, {Row: 3}, {Row: 3}, {Row: 3}}
	for _, c := range []struct{ cursor, offset, h, want int }{
		{0, 0, 3, 0},
		{1, 0, 3, 0},
		{2, 0, 3, 2},
		{3, 0, 3, 5},
		{3, 0, 2, 5}, // a row taller than the window shows its first lines
		{0, 5, 3, 0},
		{1, 4, 3, 1},
		{2, 0, 20, 0}, // a body shorter than the window does not scroll
	} {
		if got := Scroll(body, c.cursor, c.offset, c.h); got != c.want {
			t.Errorf("Scroll(cursor %d, offset %d, h %d) = %d, want %d", c.cursor, c.offset, c.h, got, c.want)
		}
	}
}

// The working-days toggles read back the days they were opened with.
func TestDaysRoundTrip(t *testing.T) {
	for mask := 0; mask < 1<<7; mask++ {
		var days [7]bool
		for d := range days {
			days[d] = mask&(1<<d) != 0
		}
		f := form.New(styles.New(true), "yes", "no", DayToggles("callsettings.day_long.", days)...)
		if got := ReadDays(&f); got != days {
			t.Fatalf("mask %07b: read %v, want %v", mask, got, days)
		}
	}
	if f := DayToggles("callsettings.day_long.", [7]bool{}); f[0].Key != DayKey(time.Monday) || f[6].Key != DayKey(time.Sunday) {
		t.Fatalf("the week starts %q and ends %q, want Monday and Sunday", f[0].Key, f[6].Key)
	}
}

// Working hours read back as typed; empty or unreadable hours are refused.
func TestParseHours(t *testing.T) {
	from, to, ok := ParseHours(HoursText(9*60, 18*60))
	if !ok || from != 9*60 || to != 18*60 {
		t.Fatalf("round trip: %d–%d ok %v", from, to, ok)
	}
	for _, s := range []string{"", "  ", "nine to six", "25:00-26:00"} {
		if _, _, ok := ParseHours(s); ok {
			t.Errorf("%q read as working hours", s)
		}
	}
}

// The head may change the call rules; an operator may not, nor anyone on a
// read-only database, and each is told why.
func TestAccess(t *testing.T) {
	head := model.User{Name: "volkova", Role: model.RoleHead}
	op := model.User{Name: "ivanova", Role: model.RoleOperator}
	for _, c := range []struct {
		env common.Env
		can bool
		why string
	}{
		{common.Env{Me: head}, true, ""},
		{common.Env{Me: op}, false, "no right"},
		{common.Env{Me: head, ReadOnly: true}, false, "read-only"},
	} {
		can, why := Access(c.env, model.ActCallSettings, "read-only", "no right")
		if can != c.can || why != c.why {
			t.Errorf("%s (read-only %v): may %v (%q), want %v (%q)", c.env.Me.Name, c.env.ReadOnly, can, why, c.can, c.why)
		}
	}
}
