package store

import (
	"encoding/json"
	"testing"

	"clientbase/model"
)

// FuzzOrderNumberOf: the number read from the head of a record is always
// the one a full decode gives, whatever the number holds (quotes,
// escapes, long text, no number at all).
func FuzzOrderNumberOf(f *testing.F) {
	for _, s := range []string{"2026-000123", "", `a"b`, `\`, "номер", "x\u2028y", string(make([]byte, 200))} {
		f.Add(s, uint64(7))
	}
	f.Fuzz(func(t *testing.T, number string, id uint64) {
		v, err := json.Marshal(model.Order{ID: model.ID(id), Number: number})
		if err != nil {
			t.Skip()
		}
		var o model.Order
		if err := json.Unmarshal(v, &o); err != nil {
			t.Fatal(err)
		}
		if got := orderNumberOf(v); got != o.Number {
			t.Fatalf("orderNumberOf(%s) = %q, decode gives %q", v, got, o.Number)
		}
	})
}
