package store

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/model/demo"
)

func TestClientShapeIsKnown(t *testing.T) {
	if !clientShapeKnown {
		t.Fatalf("model.Client changed shape; update appendClientJSON and clientShape to:\n%s", shapeOf(reflectClientType()))
	}
}

func sameAsMarshal(t *testing.T, c *model.Client) {
	t.Helper()
	want, werr := json.Marshal(c)
	got, gerr := appendClientJSON(nil, c)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("errors differ: %v vs %v", werr, gerr)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("encodings differ\n got %s\nwant %s", got, want)
	}
}

func TestClientJSONMatchesMarshal(t *testing.T) {
	n := 0
	err := demo.Clients(7, 3000, func(c model.Client) error {
		n++
		c.Version, c.CreatedAt, c.UpdatedAt = 3, time.Date(2026, 11, 23, 14, 2, 3, 120000000, time.UTC), time.Now()
		sameAsMarshal(t, &c)
		return nil
	})
	if err != nil || n != 3000 {
		t.Fatalf("%d demo clients: %v", n, err)
	}
	full := model.Client{
		ID: 1<<64 - 1, ShortName: "<b>&\"x\"\\\u2028\u2029\x00\x1f\t\n\r\b\f", FullName: "Ё\xff\xfe", Kind: model.KindChain,
		TaxCountry: model.TaxLT, TaxID: "1", KPP: "2", OGRN: "3", LegalAddress: "a", ActualAddress: "b", City: "c", Region: "d", Branch: "e",
		Phones: []model.Phone{{E164: "+1", Raw: "1", Label: "x", WrongNumber: true}, {}}, Emails: []string{"", "a@b"}, Fax: "f",
		Language: "lt", TimeZone: "Europe/Vilnius", CallWindow: model.CallWindow{From: -1, To: 1440}, Source: model.SourceFax,
		Manager: "m", Category: model.CategoryC, CategoryLog: []model.CategoryChange{{At: time.Date(2020, 1, 2, 3, 4, 5, 6, time.FixedZone("x", 3*3600))}, {}},
		Status: model.StatusLost, Flags: model.ClientFlags{KeyClient: true, CreditHold: true, Dissatisfied: true, LegalDispute: true, DoNotContact: true},
		CreditLimit: model.Money{Minor: -5, Currency: "EUR"}, DeferralDays: -3, PriceColumn: "p", Competitors: "q", Notes: "r",
		Contacts: []model.Contact{{ID: 2, Name: "n", Position: "p", Role: model.ContactBuyer, Phones: []model.Phone{{E164: "+2"}}, Email: "e",
			PreferredChan: "c", PreferredHours: "h", Consent: true, DoNotContact: true, Left: true}, {}},
		Archived: true, Meta: model.Meta{Version: 9, CreatedBy: "x", UpdatedBy: "y"},
	}
	sameAsMarshal(t, &full)
	sameAsMarshal(t, &model.Client{})
	odd := full
	odd.CreatedAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) // MarshalJSON refuses this year
	sameAsMarshal(t, &odd)
}

// Whatever the text, the fast encoder writes json.Marshal's bytes.
func FuzzClientJSON(f *testing.F) {
	f.Add("ООО «Ромашка»", "a<b>&c", "\u2028\xff", int64(-1), uint64(7))
	f.Fuzz(func(t *testing.T, name, notes, email string, minor int64, version uint64) {
		c := model.Client{ShortName: name, Notes: notes, Emails: []string{email}, CreditLimit: model.Money{Minor: minor, Currency: notes},
			Contacts: []model.Contact{{Name: notes, Phones: []model.Phone{{Raw: name}}}}, Meta: model.Meta{Version: version, CreatedBy: email}}
		sameAsMarshal(t, &c)
		var back model.Client
		if err := json.Unmarshal(mustClientJSON(t, &c), &back); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
	})
}

func mustClientJSON(t *testing.T, c *model.Client) []byte {
	b, err := appendClientJSON(nil, c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
