package store

import "encoding/json"

// Records are stored as JSON: readable with bbolt's own tools and tolerant
// of added fields between schema versions.
func encode(v any) ([]byte, error) { return json.Marshal(v) }

func decode(b []byte, v any) error { return json.Unmarshal(b, v) }
