package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
)

// A fixed clock, so the card's "local time now" is the same in every run.
func fixedClock(c *Config) {
	c.Now = func() time.Time { return time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) }
}

// The whole screen at 80×24 with a client's card open over the list.
func TestGoldenClientCard(t *testing.T) {
	h := newHarness(t, 30, fixedClock)
	h.press("enter")
	view := h.screen()
	for _, want := range []string{"Requisites", "Tax id", "esc back"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the card lacks %q:\n%s", want, view)
		}
	}
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, view)
}

// The create form after ctrl+s with an empty name and a wrong INN: each
// error under its field, nothing saved.
func TestGoldenFormWithErrors(t *testing.T) {
	h := newHarness(t, 30, fixedClock)
	h.press("n")
	h.press("tab", "tab", "tab", "tab") // to the tax id
	h.typeText("1234567890")
	h.press("ctrl+s")
	view := h.screen()
	for _, want := range []string{"Name is required.", "check digit"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the form lacks %q:\n%s", want, view)
		}
	}
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, view)
}

// Creating a client whose tax id another client already has shows the
// duplicate warning with a key to open the existing one.
func TestGoldenDuplicateWarning(t *testing.T) {
	h := newHarness(t, 30, fixedClock)
	existing := testClient(7)
	h.press("n")
	h.typeText("Совсем другое имя")
	h.press("tab", "tab", "tab", "tab")
	h.typeText(existing.TaxID)
	h.press("ctrl+s")
	view := h.screen()
	if !strings.Contains(view, "may already exist") || !strings.Contains(view, existing.TaxID) {
		t.Fatalf("no duplicate warning:\n%s", view)
	}
	checkFrame(t, view, 80, 24)
	golden.RequireEqual(t, view)
}
