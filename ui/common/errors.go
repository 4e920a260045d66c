package common

import (
	"errors"
	"sort"
	"strings"

	"clientbase/model"
)

// ErrorSentence turns a store error into the sentence the user reads, in the
// words of a screen's area: area+".error.read_only", ".forbidden",
// ".not_found", ".conflict" and ".store" (which names the error).
func ErrorSentence(err error, area string) string {
	var s *model.Sentence
	switch {
	case errors.As(err, &s):
		return s.Text
	case errors.Is(err, model.ErrReadOnly):
		return model.T(area + ".error.read_only")
	case errors.Is(err, model.ErrForbidden):
		return model.T(area + ".error.forbidden")
	case errors.Is(err, model.ErrNotFound):
		return model.T(area + ".error.not_found")
	case errors.Is(err, model.ErrConflict):
		return model.T(area + ".error.conflict")
	}
	return model.T(area+".error.store", err.Error())
}

// FieldSentences are a validation error's sentences in one line, sorted by
// field and without the field keys (the program's names, not the department's).
func FieldSentences(fields map[string]string) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fields[k])
	}
	return strings.Join(parts, " ")
}
