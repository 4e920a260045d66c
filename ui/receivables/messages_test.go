package receivables

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"clientbase/model"
)

// Every "receivables.…" key written in this package and its keymap is in the
// catalogue, and so is every key composed from a prefix here.
func TestEveryMessageKeyIsInTheCatalogue(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	files = append(files, filepath.Join("..", "..", "keymap", "receivables.go"))
	re := regexp.MustCompile(`"(receivables\.[a-z0-9_.]+)"`)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			k := m[1]
			if strings.HasSuffix(k, ".") || strings.HasSuffix(k, "_") {
				continue // a prefix: its keys are listed below
			}
			seen++
			if !model.HasMessage(k) {
				t.Errorf("%s: %q is not in the catalogue", f, k)
			}
		}
	}
	if seen < 50 {
		t.Fatalf("only %d keys found: the scan is broken", seen)
	}
	var composed []string
	for _, d := range []decision{decideApprove, decideReject, decideOverride} {
		composed = append(composed, "receivables.dialog."+d.name(), "receivables.done."+d.name())
		if d.commentRequired() {
			composed = append(composed, "receivables.comment.missing."+d.name())
		} else {
			composed = append(composed, "receivables.approvals.not_awaiting."+d.name())
		}
	}
	composed = append(composed, "receivables.approvals.not_awaiting.reject")
	for _, s := range Sorts {
		composed = append(composed, "receivables.sort."+s)
	}
	for _, b := range bucketKeys {
		composed = append(composed, "receivables.bucket."+b)
	}
	for _, f := range []string{model.PaymentOver, model.PaymentUnder} {
		composed = append(composed, "receivables.pay.flag_"+f, "receivables.pay.ask_"+f, "receivables.pay.done_"+f)
	}
	for _, k := range composed {
		if !model.HasMessage(k) {
			t.Errorf("composed key %q is not in the catalogue", k)
		}
	}
}
