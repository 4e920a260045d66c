package store

import (
	"encoding/json"

	"clientbase/model"
)

// Users and audit entries are stored as JSON: readable with bbolt's own
// tools and tolerant of added fields between schema versions. Client
// records are binary (clientbin.go) and read in either form.
func encode(v any) ([]byte, error) { return json.Marshal(v) }

func decode(b []byte, v any) error {
	if c, ok := v.(*model.Client); ok && len(b) > 0 && b[0] == clientBinV1 {
		return decodeClientBin(b, c)
	}
	return json.Unmarshal(b, v)
}
