package model

import (
	"errors"
	"sort"
	"strings"
)

// Sentinel errors. Wrapped errors carry a sentence for the user; test with errors.Is.
var (
	ErrNotFound  = errors.New("not found")
	ErrConflict  = errors.New("the record was changed by someone else")
	ErrForbidden = errors.New("not allowed")
	ErrReadOnly  = errors.New("the database is open read-only")
)

// ValidationError lists field-level problems, each a sentence for the user,
// keyed by the field name used in forms (e.g. "short_name", "tax_id", "phones").
type ValidationError struct {
	Fields map[string]string
}

func (e *ValidationError) Error() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+e.Fields[k])
	}
	return strings.Join(parts, "; ")
}

// Add records a problem with a field; the first sentence for a field wins.
func (e *ValidationError) Add(field, sentence string) {
	if e.Fields == nil {
		e.Fields = map[string]string{}
	}
	if _, ok := e.Fields[field]; !ok {
		e.Fields[field] = sentence
	}
}

// Err returns e as an error when it holds problems, else nil.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}

// Sentence is an error whose text is meant for the user as it is, wrapping a
// sentinel (ErrForbidden, ErrConflict, ...) so callers can still test the kind.
type Sentence struct {
	Text string
	Kind error
}

func (e *Sentence) Error() string { return e.Text }
func (e *Sentence) Unwrap() error { return e.Kind }

// Sentencef builds a Sentence from a catalogue key.
func Sentencef(kind error, key string, args ...any) error {
	return &Sentence{Text: T(key, args...), Kind: kind}
}
