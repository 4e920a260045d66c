// Package search is the resident in-memory client search index: compact,
// built from the store's name index in the background, queried per keystroke.
// It does not import bbolt. API STUB written by the lead; the search helper
// implements it (and may split files) keeping these signatures.
package search

import (
	"context"

	"clientbase/model"
)

// ClientBlob is the value the store keeps in its name-index entry for c:
// quick-filter attributes (category, status, archived, managerID) and the folded
// haystack (name, tax id, phone digits, e-mails, city). managerID is the
// user id of c.Manager (0: none).
func ClientBlob(c *model.Client, managerID uint32) []byte { return nil }

// Index is safe for concurrent use: queries run in background goroutines
// while the UI goroutine applies saved changes.
type Index struct{}

// Build makes an index from entries handed over in name (sort) order by next,
// which returns ok=false at the end. sizeHint may be 0.
func Build(sizeHint int, next func() (id uint64, blob []byte, ok bool)) *Index { return &Index{} }

// Len is the number of entries (archived included).
func (ix *Index) Len() int { return 0 }

// Query filters by f (Text folded with model.FoldSearch, phone-like text also
// matched as digits; Manager is given as managerID, 0 = any) and returns the
// matches in name order. It checks ctx often and returns ctx.Err() when a
// newer keystroke cancelled it.
func (ix *Index) Query(ctx context.Context, f model.ClientFilter, managerID uint32) (*Result, error) {
	return &Result{}, nil
}

// Upsert adds or replaces the entry of id. before(other) reports whether the
// entry being placed sorts before the existing entry other (the store answers
// it from its collation keys).
func (ix *Index) Upsert(id uint64, blob []byte, before func(other uint64) bool) {}

// Result is an immutable list of matching ids in name order.
type Result struct{}

// Len is the number of matches.
func (r *Result) Len() int { return 0 }

// ID returns the id of the i-th match.
func (r *Result) ID(i int) uint64 { return 0 }
