package store

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"clientbase/model"
)

// Whatever bytes a client value holds (damaged, truncated, JSON or not),
// decode answers without panicking. A refused binary record leaves no field
// set; an accepted one gives back the same client after encoding again; and
// an accepted prefix of a real record is exactly the encoding of what it
// gave back (nothing invented from the cut).
func FuzzDecodeClient(f *testing.F) {
	full := model.Client{ID: 7, ShortName: "ООО «Ромашка»", Phones: []model.Phone{{E164: "+37060000000", Label: "x"}},
		Emails: []string{"a@b.lt"}, CategoryLog: []model.CategoryChange{{At: time.Unix(1700000000, 5).UTC(), By: "b", To: "A"}},
		Contacts: []model.Contact{{ID: 1, Name: "n", Phones: []model.Phone{{Raw: "1"}}, Left: true}}, Archived: true,
		Meta: model.Meta{Version: 3, CreatedAt: time.Unix(1, 0).UTC(), CreatedBy: "boss"}}
	rec, _ := appendClientRecord(nil, &full)
	if rec[0] != clientBinV1 {
		f.Fatal("the sample client is not stored in binary")
	}
	js, _ := appendClientJSON(nil, &full)
	f.Add(rec)
	f.Add(js)
	f.Add([]byte{})
	f.Add([]byte{clientBinV1, tcPhones, 0xff, 0xff, 0xff, 0xff, 0x0f})
	decodeBin := func(t *testing.T, v []byte) (model.Client, bool) {
		var c model.Client
		err := decode(v, &c)
		if len(v) == 0 || v[0] != clientBinV1 {
			return c, false // JSON: encoding/json's own robustness
		}
		if err != nil && !reflect.DeepEqual(c, model.Client{}) {
			t.Fatalf("a refused record left fields set: %+v", c)
		}
		return c, err == nil
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if c, ok := decodeBin(t, raw); ok {
			var back model.Client
			if err := decode(appendClientBin(nil, &c), &back); err != nil || !reflect.DeepEqual(back, c) {
				t.Fatalf("accepted record does not survive encoding again: %v\n%+v\n%+v", err, c, back)
			}
		}
		n := len(raw) % len(rec)
		if c, ok := decodeBin(t, rec[:n]); ok && !bytes.Equal(appendClientBin(nil, &c), rec[:n]) {
			t.Fatalf("prefix % x of a record decodes to %+v", rec[:n], c)
		}
	})
}
