package store

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"clientbase/model"
)

// Every "storeplan.…" key written in the call schedule's store sources is
// in the catalogue, and so is every key composed from a value.
func TestPlanMessageKeys(t *testing.T) {
	files, _ := filepath.Glob("plan*.go")
	key := regexp.MustCompile(`"(storeplan\.[a-z_.]+)"`)
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
	if found < 20 {
		t.Fatalf("only %d keys found: the pattern or the files moved", found)
	}
	for _, a := range []model.Action{model.ActPlanEdit, model.ActPlanAssign, model.ActCallSettings} {
		if !model.HasMessage("storeplan.act." + string(a)) {
			t.Errorf("no sentence for action %s", a)
		}
	}
	for _, s := range model.PlanStatuses {
		if !model.HasMessage("storeplan.status." + string(s)) {
			t.Errorf("no name for status %s", s)
		}
	}
}
