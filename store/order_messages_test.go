package store

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"clientbase/model"
)

// Every "storeorder.…" key written in the order store's sources is in the
// catalogue, and so is every key composed from a value (actions, statuses).
func TestOrderMessageKeys(t *testing.T) {
	var files []string
	for _, g := range []string{"order*.go", "product*.go"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	key := regexp.MustCompile(`"(storeorder\.[a-z_.]+)"`)
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			found++
			if k := m[1]; !strings.HasSuffix(k, ".") && !model.HasMessage(k) {
				t.Errorf("%s: key %q is not in the catalogue", f, k)
			}
		}
	}
	if found < 30 {
		t.Fatalf("only %d keys found: the pattern or the files moved", found)
	}
	for _, a := range []model.Action{model.ActOrderEdit, model.ActOrderApprove, model.ActCreditOverride, model.ActOrderFulfil, model.ActPriceEdit} {
		if !model.HasMessage("storeorder.act." + string(a)) {
			t.Errorf("no sentence for action %s", a)
		}
	}
	for _, s := range model.OrderStatuses {
		if !model.HasMessage("storeorder.status." + string(s)) {
			t.Errorf("no name for status %s", s)
		}
	}
}
