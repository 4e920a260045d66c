package model

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every "model.…" key written in the model's sources is in the catalogue, and
// every model sentence reads as one (capital letter or placeholder first).
func TestModelMessageKeys(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	key := regexp.MustCompile(`"(model\.[a-z_.]+[a-z_])"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			k := m[1]
			if strings.HasSuffix(k, ".") || f == "messages_model.go" {
				continue // a prefix composed with a value, or the catalogue itself
			}
			if !HasMessage(k) {
				t.Errorf("%s: key %q is not in the catalogue", f, k)
			}
		}
	}
	for _, k := range MessageKeys() {
		if !strings.HasPrefix(k, "model.") || strings.HasPrefix(k, "model.field.") ||
			strings.HasPrefix(k, "model.label.") || strings.HasPrefix(k, "model.role.") ||
			strings.HasPrefix(k, "model.action.") || k == "model.yes" || k == "model.no" ||
			k == "model.rights.or" || k == "model.contact.left" || k == "model.phone.wrong_mark" {
			continue
		}
		s := T(k)
		if !(s[0] == '%' || (s[0] >= 'A' && s[0] <= 'Z')) {
			t.Errorf("%s = %q does not start a sentence", k, s)
		}
	}
}
