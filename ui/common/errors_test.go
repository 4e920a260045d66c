package common

import (
	"errors"
	"fmt"
	"testing"

	"clientbase/model"
)

// Each store error reads in the area's words; a sentence reads as itself.
func TestErrorSentenceInTheAreasWords(t *testing.T) {
	for _, c := range []struct {
		err        error
		area, want string
	}{
		{fmt.Errorf("save: %w", model.ErrReadOnly), "calls", model.T("calls.error.read_only")},
		{model.ErrForbidden, "plan", model.T("plan.error.forbidden")},
		{fmt.Errorf("x: %w", model.ErrNotFound), "card", model.T("card.error.not_found")},
		{model.ErrConflict, "receivables", model.T("receivables.error.conflict")},
		{errors.New("disk full"), "calls", model.T("calls.error.store", "disk full")},
		{fmt.Errorf("x: %w", &model.Sentence{Text: "As said."}), "plan", "As said."},
	} {
		if got := ErrorSentence(c.err, c.area); got != c.want {
			t.Errorf("%v in %s reads %q, want %q", c.err, c.area, got, c.want)
		}
	}
}

func TestFieldSentencesSortedByField(t *testing.T) {
	if got := FieldSentences(map[string]string{"sku": "B.", "name": "A."}); got != "A. B." {
		t.Fatalf("got %q, want the name's sentence first", got)
	}
	if got := FieldSentences(nil); got != "" {
		t.Fatalf("no fields read %q", got)
	}
}
