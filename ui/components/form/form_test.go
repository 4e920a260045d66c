package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/ui/styles"
)

func press(m Model, keys ...string) Model {
	named := map[string]tea.KeyPressMsg{
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"enter":     {Code: tea.KeyEnter},
		"space":     {Code: tea.KeySpace, Text: " "},
		"backspace": {Code: tea.KeyBackspace},
	}
	for _, k := range keys {
		msg, ok := named[k]
		if !ok {
			for _, r := range k {
				m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		m, _ = m.Update(msg)
	}
	return m
}

func sample() Model {
	ro := Text("id", "Number", "42")
	ro.ReadOnly = true
	hid := Text("secret", "Secret", "")
	hid.Hidden = true
	m := New(styles.New(false), "yes", "no",
		Text("name", "Name", "Ромашка"),
		ro,
		Choice("kind", "Kind", []Option{{"legal", "legal entity"}, {"private", "private person"}, {"chain", "retail chain"}}, "legal"),
		hid,
		Toggle("key", "Key client", false),
		Notes("notes", "Notes", "first line\nsecond line"),
	)
	m.SetSize(60, 12)
	return m
}

func TestNavigationSkipsReadOnlyAndHiddenFields(t *testing.T) {
	m := sample()
	if m.Focused() != "name" {
		t.Fatalf("starts at %q, want the first editable field", m.Focused())
	}
	steps := []struct{ key, want string }{
		{"tab", "kind"}, {"tab", "key"}, {"tab", "notes"}, {"tab", "name"}, // wraps, skips id and secret
		{"shift+tab", "notes"}, {"shift+tab", "key"}, {"up", "kind"}, {"down", "key"}, {"enter", "notes"},
	}
	for i, s := range steps {
		m = press(m, s.key)
		if m.Focused() != s.want {
			t.Fatalf("step %d (%s): focus on %q, want %q", i, s.key, m.Focused(), s.want)
		}
	}
	// Inside the notes, arrows move between lines until the edge.
	m = press(m, "enter") // a new line inside the notes, not the next field
	if m.Focused() != "notes" || !strings.Contains(m.Value("notes"), "\n") {
		t.Fatalf("enter in the notes left them: focus %q", m.Focused())
	}
	if !m.TextFocused() {
		t.Error("TextFocused is false in the notes")
	}
	m = press(m, "up") // the cursor is on the second line: up stays inside
	if m.Focused() != "notes" {
		t.Fatalf("up from the second line left the notes: focus %q", m.Focused())
	}
	m = press(m, "up")
	if m.Focused() != "key" {
		t.Errorf("up from the first line of the notes: focus %q, want key", m.Focused())
	}
	if m.TextFocused() {
		t.Error("TextFocused is true on a toggle")
	}
}

func TestChoiceAndToggleCycle(t *testing.T) {
	m := press(sample(), "tab")
	m = press(m, "right")
	if v := m.Value("kind"); v != "private" {
		t.Errorf("right: %q", v)
	}
	m = press(m, "space", "space")
	if v := m.Value("kind"); v != "legal" {
		t.Errorf("space twice wraps around: %q", v)
	}
	m = press(m, "left")
	if v := m.Value("kind"); v != "chain" {
		t.Errorf("left wraps backwards: %q", v)
	}
	m = press(m, "tab", "space")
	if !m.Bool("key") {
		t.Error("space did not switch the toggle on")
	}
	if c := Choice("k", "K", []Option{{"a", "A"}}, "zzz"); c.options[len(c.options)-1].Value != "zzz" {
		t.Error("a value outside the options is dropped by Choice")
	}
}

func TestDirty(t *testing.T) {
	m := sample()
	if m.Dirty() {
		t.Fatal("a fresh form is dirty")
	}
	m = press(m, "!")
	if !m.Dirty() {
		t.Fatal("typing did not make the form dirty")
	}
	m = press(m, "backspace")
	if m.Dirty() {
		t.Error("typing back the original value leaves the form dirty")
	}
	m = press(m, "tab", "right")
	if !m.Dirty() {
		t.Error("a changed choice is not dirty")
	}
	m = press(m, "left", "tab", "space", "space")
	if m.Dirty() {
		t.Error("a choice and toggle switched back are still dirty")
	}
}

func TestErrorsGoUnderTheirField(t *testing.T) {
	m := press(sample(), "tab", "tab")
	unplaced := m.SetErrors(map[string]string{"kind": "Pick a kind.", "nowhere": "Lost.", "secret": "Hidden."})
	if len(unplaced) != 2 || unplaced["nowhere"] != "Lost." || unplaced["secret"] != "Hidden." {
		t.Errorf("unplaced %v, want the unknown and the hidden key back", unplaced)
	}
	if m.Focused() != "kind" {
		t.Errorf("the focus is on %q, want the first bad field", m.Focused())
	}
	lines := m.Lines()
	at := -1
	for i, l := range lines {
		if strings.Contains(ansi.Strip(l), "Kind") {
			at = i
		}
	}
	if at < 0 || at+1 >= len(lines) || !strings.Contains(ansi.Strip(lines[at+1]), "✗ Pick a kind.") {
		t.Fatalf("the error is not on the line under Kind:\n%s", ansi.Strip(strings.Join(lines, "\n")))
	}
	if got := lipgloss.Width(lines[at+1]) - lipgloss.Width(strings.TrimLeft(ansi.Strip(lines[at+1]), " ")); got != labelWidth {
		t.Errorf("the error starts at column %d, want %d (under the input)", got, labelWidth)
	}
	if m.Error("kind") != "Pick a kind." || m.Error("name") != "" {
		t.Error("Error() disagrees with SetErrors")
	}
	m.SetErrors(nil)
	if strings.Contains(ansi.Strip(m.View()), "✗") {
		t.Error("SetErrors(nil) left an error on screen")
	}
}

func TestViewIsExactlyItsSizeAndFollowsTheFocus(t *testing.T) {
	var fields []Field
	for _, k := range strings.Split("a b c d e f g h i j k l m n o p", " ") {
		fields = append(fields, Text(k, "Field "+k, "value "+k))
	}
	m := New(styles.New(true), "yes", "no", fields...)
	m.SetSize(40, 5)
	for i := range 12 {
		v := m.View()
		lines := strings.Split(v, "\n")
		if len(lines) != 5 {
			t.Fatalf("step %d: %d lines", i, len(lines))
		}
		for _, l := range lines {
			if lipgloss.Width(l) != 40 {
				t.Fatalf("step %d: a line %d wide: %q", i, lipgloss.Width(l), ansi.Strip(l))
			}
		}
		if !strings.Contains(ansi.Strip(v), "▸ Field "+m.Focused()) {
			t.Fatalf("step %d: the focused field %q is off screen:\n%s", i, m.Focused(), ansi.Strip(v))
		}
		m = press(m, "tab")
	}
}

func TestHiddenFieldLosesTheFocus(t *testing.T) {
	m := New(styles.New(true), "yes", "no", Text("a", "A", ""), Text("b", "B", ""))
	m = press(m, "tab")
	m.SetHidden("b", true)
	if m.Focused() != "a" {
		t.Errorf("hiding the focused field left the focus on %q", m.Focused())
	}
	if !m.Hidden("b") || m.Hidden("a") {
		t.Error("Hidden disagrees with SetHidden")
	}
	m.Blur()
	if m.TextFocused() {
		t.Error("a blurred form still claims the keys")
	}
	before := m.Value("a")
	m = press(m, "x")
	if m.Value("a") != before {
		t.Error("a blurred form took a key")
	}
	m.Refocus()
	m = press(m, "x")
	if m.Value("a") != "x" {
		t.Errorf("after Refocus the key went nowhere: %q", m.Value("a"))
	}
}

// A value longer than its field: the field left behind shows how the value
// starts (a long name is recognised by its start), the field entered puts
// the cursor at the end, where typing goes on.
func TestLongValueShowsItsStartWhenLeft(t *testing.T) {
	long := "Общество с ограниченной ответственностью «Ромашка и партнёры»"
	m := New(styles.New(true), "yes", "no", Text("a", "A", ""), Text("b", "B", ""))
	m.SetSize(40, 6)
	m, _ = m.Update(tea.PasteMsg{Content: long})
	m = press(m, "tab")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Общество с") {
		t.Errorf("the field left behind does not show its start:\n%s", v)
	}
	m = press(m, "shift+tab")
	m = press(m, "!")
	if got := m.Value("a"); got != long+"!" {
		t.Errorf("typing after coming back gave %q, want the text then !", got)
	}
}

// An error stays under its field until the user edits that field: once they
// are fixing it, the old sentence would say the fix was not taken.
func TestEditingAFieldClearsItsError(t *testing.T) {
	m := New(styles.New(true), "yes", "no", Text("phone", "Phone", "abc"), Text("mail", "Mail", "x@"))
	m.SetSize(60, 8)
	m.SetErrors(map[string]string{"phone": "A phone number cannot contain letters.", "mail": "Not an e-mail."})
	m = press(m, "backspace", "backspace", "backspace", "8 912")
	if m.Error("phone") != "" || strings.Contains(ansi.Strip(m.View()), "cannot contain letters") {
		t.Errorf("the phone's error stayed after it was edited:\n%s", ansi.Strip(m.View()))
	}
	if m.Error("mail") == "" {
		t.Error("editing the phone cleared the e-mail's error")
	}
	m = press(m, "tab", "left")
	if m.Error("mail") == "" {
		t.Error("moving the cursor, without a change, cleared the error")
	}
}
