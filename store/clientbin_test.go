package store

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/model/demo"
)

// roundTrip checks that c's record decodes to c, and to what JSON storage
// would have given back (JSON turns invalid UTF-8 into U+FFFD, the binary
// form keeps the bytes: that comparison is for valid text).
func roundTrip(t *testing.T, c *model.Client) []byte {
	t.Helper()
	rec, err := appendClientRecord(nil, c)
	if err != nil {
		t.Fatal(err)
	}
	var back model.Client
	if err := decode(rec, &back); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if !reflect.DeepEqual(&back, c) {
		t.Fatalf("round trip differs\n got %+v\nwant %+v", back, *c)
	}
	js, _ := json.Marshal(c)
	if bytes.Contains(js, []byte(`\ufffd`)) { // json.Marshal's mark of invalid UTF-8
		return rec
	}
	var viaJSON model.Client
	if err := json.Unmarshal(js, &viaJSON); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, &viaJSON) {
		t.Fatalf("binary and JSON storage give different clients\n bin %+v\njson %+v", back, viaJSON)
	}
	if name, ok := recordShortName(rec); !ok || name != c.ShortName {
		t.Fatalf("recordShortName = %q %v, want %q", name, ok, c.ShortName)
	}
	return rec
}

func TestClientRecordRoundTrip(t *testing.T) {
	var bin, js int
	now := time.Date(2026, 11, 23, 14, 2, 3, 120000000, time.UTC)
	err := demo.Clients(7, 3000, func(c model.Client) error {
		c.Version, c.CreatedAt, c.UpdatedAt = 3, now, time.Now().UTC()
		rec := roundTrip(t, &c)
		if rec[0] != clientBinV1 {
			t.Fatalf("demo client %d stored as JSON", c.ID)
		}
		j, _ := appendClientJSON(nil, &c)
		bin, js = bin+len(rec), js+len(j)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if bin*10 > js*7 {
		t.Fatalf("binary records %d bytes, JSON %d: not clearly smaller", bin, js)
	}
	t.Logf("binary %d bytes per client, JSON %d", bin/3000, js/3000)
	full := model.Client{
		ID: 1<<64 - 1, ShortName: "<b>&\"x\"\\\u2028\u2029\x00\x1f\t\n\r\b\f", FullName: "Ёлка", Kind: model.KindChain,
		TaxCountry: model.TaxLT, TaxID: "1", KPP: "2", OGRN: "3", LegalAddress: "a", ActualAddress: "b", City: "c", Region: "d", Branch: "e",
		Phones: []model.Phone{{E164: "+1", Raw: "1", Label: "x", WrongNumber: true}, {}}, Emails: []string{"", "a@b"}, Fax: "f",
		Language: "lt", TimeZone: "Europe/Vilnius", CallWindow: model.CallWindow{From: -1, To: 1440}, Source: model.SourceFax,
		Manager: "m", Category: model.CategoryC, CategoryLog: []model.CategoryChange{{At: time.Date(1920, 1, 2, 3, 4, 5, 6, time.UTC), By: "b", From: "A", To: "B", Reason: "r"}, {}},
		Status: model.StatusLost, Flags: model.ClientFlags{KeyClient: true, CreditHold: true, Dissatisfied: true, LegalDispute: true, DoNotContact: true},
		CreditLimit: model.Money{Minor: -5, Currency: "EUR"}, DeferralDays: -3, PriceColumn: "p", Competitors: "q", Notes: "r",
		Contacts: []model.Contact{{ID: 2, Name: "n", Position: "p", Role: model.ContactBuyer, Phones: []model.Phone{{E164: "+2"}}, Email: "e",
			PreferredChan: "c", PreferredHours: "h", Consent: true, DoNotContact: true, Left: true}, {}},
		Archived: true, Meta: model.Meta{Version: 9, CreatedAt: time.Unix(-1, 999999999).UTC(), CreatedBy: "x", UpdatedBy: "y"},
	}
	if rec := roundTrip(t, &full); rec[0] != clientBinV1 {
		t.Fatal("every field set: stored as JSON")
	}
	roundTrip(t, &model.Client{})
	// A time outside UTC keeps its zone only in JSON, so the record falls back.
	odd := full
	odd.UpdatedAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("x", 3*3600))
	if rec, _ := appendClientRecord(nil, &odd); rec[0] != '{' {
		t.Fatal("a zoned time was stored in binary")
	}
	if rec, _ := appendClientRecord(nil, &model.Client{Meta: model.Meta{UpdatedAt: time.Now()}}); rec[0] != '{' {
		t.Fatal("a time with a monotonic reading was stored in binary")
	}
}

// Whatever the text and numbers, a record gives back the client; whatever
// the bytes, decoding does not panic, and what it accepts encodes back to
// the same bytes' meaning.
func FuzzClientRecord(f *testing.F) {
	f.Add("ООО «Ромашка»", "a<b>&c", "\u2028\xff", int64(-1), uint64(7), int64(1700000000), []byte{clientBinV1, tcID, 5})
	f.Fuzz(func(t *testing.T, name, notes, email string, minor int64, version uint64, sec int64, raw []byte) {
		c := model.Client{ShortName: name, Notes: notes, Emails: []string{email}, CreditLimit: model.Money{Minor: minor, Currency: notes},
			CallWindow:  model.CallWindow{From: int(minor), To: int(version)},
			CategoryLog: []model.CategoryChange{{At: time.Unix(sec%(1<<40), minor%1e9&0x3fffffff).UTC(), Reason: email}},
			Contacts:    []model.Contact{{Name: notes, Phones: []model.Phone{{Raw: name}}, Left: version%2 == 0}}, Meta: model.Meta{Version: version, CreatedBy: email}}
		if c.CategoryLog[0].At.IsZero() {
			c.CategoryLog[0].At = time.Time{}
		}
		roundTrip(t, &c)

		raw = append([]byte{clientBinV1}, raw...)
		var got model.Client
		if err := decodeClientBin(raw, &got); err != nil {
			if !reflect.DeepEqual(got, model.Client{}) {
				t.Fatal("a failed decode left fields set")
			}
			return
		}
		again := appendClientBin(nil, &got)
		var twice model.Client
		if err := decodeClientBin(again, &twice); err != nil || !reflect.DeepEqual(got, twice) {
			t.Fatalf("re-encoded record differs: %v\n%+v\n%+v", err, got, twice)
		}
	})
}
