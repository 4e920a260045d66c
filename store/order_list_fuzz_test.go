package store

import (
	"encoding/json"
	"testing"

	"clientbase/model"
)

// FuzzOrderTakenBy: the taker read from a record's head is the one a full
// decode gives, or the reader says it could not tell.
func FuzzOrderTakenBy(f *testing.F) {
	for _, s := range []string{"petrov", "", `a"b`, `\`, "Пётр", "x\u2028y"} {
		f.Add(s, "2026-000001", uint64(3), uint64(0))
	}
	f.Fuzz(func(t *testing.T, by, number string, id, contact uint64) {
		v, err := json.Marshal(model.Order{ID: model.ID(id), Number: number, Contact: model.ID(contact), TakenBy: by,
			Lines: []model.OrderLine{{SKU: by}}})
		if err != nil {
			t.Skip()
		}
		var o model.Order
		if err := json.Unmarshal(v, &o); err != nil {
			t.Fatal(err)
		}
		got, ok := orderTakenBy(v)
		if !ok || got != o.TakenBy {
			t.Fatalf("orderTakenBy(%s) = %q %v, decode gives %q", v, got, ok, o.TakenBy)
		}
	})
}
