package calls

import (
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// shorten never exceeds its width, keeps text that fits, and marks a cut.
func FuzzShorten(f *testing.F) {
	for _, s := range []string{"ООО «Ромашка» Приморье", "Acme Trading N002", "", "a b c d e f", "日本語のテキスト", "x"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		if !utf8.ValidString(s) || w < 0 || w > 200 {
			return
		}
		s = textfit.OneLine(s)
		got := shorten(s, w)
		if lipgloss.Width(got) > w {
			t.Fatalf("shorten(%q, %d) = %q is %d wide", s, w, got, lipgloss.Width(got))
		}
		if lipgloss.Width(s) <= w && got != s {
			t.Fatalf("shorten(%q, %d) = %q changed text that fits", s, w, got)
		}
		if lipgloss.Width(s) > w && w > 0 && !strings.HasSuffix(got, "…") {
			t.Fatalf("shorten(%q, %d) = %q hides the cut", s, w, got)
		}
	})
}

// Whatever the operator types into the lookup, the prospect is an incoming-call
// prospect carrying the text either as its name or as its phone, never both.
func FuzzProspect(f *testing.F) {
	for _, s := range []string{"8 912 555-01-02", "Ромашка", "+7 (912) 1", "", "ООО 1", "   "} {
		f.Add(s)
	}
	env := common.Env{Styles: styles.New(true)}
	f.Fuzz(func(t *testing.T, typed string) {
		l := newLookup(env)
		l.input.SetValue(typed)
		p := l.prospect()
		if p.Source != model.SourceIncomingCall || p.Status != model.StatusProspect {
			t.Fatalf("%q: source %q status %q", typed, p.Source, p.Status)
		}
		q := strings.TrimSpace(l.input.Value())
		if p.ShortName != "" && len(p.Phones) > 0 {
			t.Fatalf("%q: both a name and a phone", typed)
		}
		if p.ShortName != "" && p.ShortName != q || len(p.Phones) > 0 && p.Phones[0].Raw != q {
			t.Fatalf("%q: prospect %q / %+v is not what was typed", typed, p.ShortName, p.Phones)
		}
	})
}
