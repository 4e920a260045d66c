package model

import (
	"strings"
	"testing"
)

func validRUClient() Client {
	return Client{
		ShortName:  `  ООО «Северный текстиль» `,
		TaxCountry: TaxRU,
		TaxID:      "7707 083 893",
		KPP:        "773601001",
		OGRN:       "1027700132195",
		Phones:     []Phone{{Raw: "8 (912) 345-67-89"}, {}, {E164: "+74951234567"}},
		Emails:     []string{" Info@Sever-TEX.ru ", ""},
		TimeZone:   "Europe/Moscow",
		CallWindow: CallWindow{From: 9 * 60, To: 18 * 60},
		Language:   "RU",
		Contacts: []Contact{
			{ID: 4, Name: "Иванова Мария", Phones: []Phone{{Raw: "+7 912 000-00-01"}}, Email: "m@Sever.RU"},
			{Name: " Петров Пётр "},
		},
		CreditLimit:  Money{Minor: 100000_00},
		DeferralDays: 30,
	}
}

func TestPrepareClientNormalises(t *testing.T) {
	c := validRUClient()
	if ve := PrepareClient(&c); ve != nil {
		t.Fatalf("valid client refused: %v", ve)
	}
	if c.ShortName != "ООО «Северный текстиль»" || c.TaxID != "7707083893" || c.Language != "ru" {
		t.Errorf("not trimmed: %q %q %q", c.ShortName, c.TaxID, c.Language)
	}
	if len(c.Phones) != 2 || c.Phones[0].E164 != "+79123456789" || c.Phones[0].Raw != "8 (912) 345-67-89" || c.Phones[1].E164 != "+74951234567" {
		t.Errorf("phones: %+v", c.Phones)
	}
	if len(c.Emails) != 1 || c.Emails[0] != "Info@sever-tex.ru" {
		t.Errorf("emails: %q", c.Emails)
	}
	if c.Kind != KindLegal || c.Status != StatusProspect || c.CreditLimit.Currency != "RUB" {
		t.Errorf("defaults: %q %q %q", c.Kind, c.Status, c.CreditLimit.Currency)
	}
	if c.Contacts[0].ID != 4 || c.Contacts[1].ID != 5 || c.Contacts[1].Name != "Петров Пётр" {
		t.Errorf("contacts: %+v", c.Contacts)
	}
	if c.Contacts[0].Phones[0].E164 != "+79120000001" || c.Contacts[0].Email != "m@sever.ru" {
		t.Errorf("contact phone/email: %+v", c.Contacts[0])
	}
	// preparing twice changes nothing
	before := c
	if ve := PrepareClient(&c); ve != nil || len(DiffClients(&before, &c)) != 0 {
		t.Errorf("second PrepareClient: %v %v", ve, DiffClients(&before, &c))
	}
}

func TestPrepareClientDefaults(t *testing.T) {
	lt := Client{ShortName: "UAB „Linas“", TaxCountry: TaxLT, Phones: []Phone{{Raw: "8 612 34567"}}}
	if ve := PrepareClient(&lt); ve != nil {
		t.Fatal(ve)
	}
	if lt.CreditLimit.Currency != "EUR" || lt.Phones[0].E164 != "+37061234567" {
		t.Errorf("LT defaults: %+v", lt)
	}
	// no tax country: the language decides the phone country
	ru := Client{ShortName: "Kuznetsov", Language: "ru", Phones: []Phone{{Raw: "89123456789"}}}
	if ve := PrepareClient(&ru); ve != nil || ru.Phones[0].E164 != "+79123456789" {
		t.Errorf("language ru: %v %+v", ve, ru.Phones)
	}
	en := Client{ShortName: "Northwind", Language: "en", Phones: []Phone{{Raw: "020 7946 0958"}}}
	ve := PrepareClient(&en)
	if ve == nil || ve.Fields["phones"] != T("model.phone.need_country") {
		t.Errorf("national number without a country: %v", ve)
	}
}

func TestPrepareClientFieldErrors(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(c *Client)
		field string
		want  string
	}{
		{"empty name", func(c *Client) { c.ShortName = "  " }, "short_name", "Name is required."},
		{"long full name", func(c *Client) { c.FullName = strings.Repeat("я", 201) }, "full_name", T("model.name.too_long", 200)},
		{"bad INN", func(c *Client) { c.TaxID = "7707083894" }, "tax_id", "The INN check digit is wrong: check the number."},
		{"bad LT code", func(c *Client) {
			c.TaxCountry = TaxLT
			c.TaxID = "110053843"
			c.Phones = nil
			c.Contacts[0].Phones = nil
		}, "tax_id", T("model.tax.lt_check")},
		{"bad KPP", func(c *Client) { c.KPP = "12" }, "kpp", T("model.tax.kpp")},
		{"bad OGRN", func(c *Client) { c.OGRN = "1027700132196" }, "ogrn", T("model.tax.ogrn_check")},
		{"short phone", func(c *Client) { c.Phones = []Phone{{Raw: "912 34"}} }, "phones", "This phone number has too few digits."},
		{"second phone", func(c *Client) { c.Phones = append(c.Phones, Phone{Raw: "abc"}) }, "phones", "Phone 3: A phone number cannot contain letters."},
		{"bad e-mail", func(c *Client) { c.Emails = []string{"info.sever.ru"} }, "emails", T("model.email.at")},
		{"bad fax", func(c *Client) { c.Fax = "12" }, "fax", T("model.phone.too_few")},
		{"time zone", func(c *Client) { c.TimeZone = "Mars/Base" }, "time_zone", `Time zone "Mars/Base" does not exist; use a name like Europe/Vilnius.`},
		{"window order", func(c *Client) { c.CallWindow = CallWindow{From: 18 * 60, To: 9 * 60} }, "call_window", T("model.callwindow.order")},
		{"window range", func(c *Client) { c.CallWindow = CallWindow{From: 9 * 60, To: 25 * 60} }, "call_window", T("model.callwindow.range")},
		{"language", func(c *Client) { c.Language = "russian" }, "language", T("model.language", "russian")},
		{"negative credit", func(c *Client) { c.CreditLimit.Minor = -1 }, "credit_limit", T("model.credit.negative")},
		{"currency", func(c *Client) { c.CreditLimit.Currency = "RUBLES" }, "credit_limit", T("model.credit.currency", "RUBLES")},
		{"deferral", func(c *Client) { c.DeferralDays = 366 }, "deferral_days", T("model.deferral.range", 365)},
		{"negative deferral", func(c *Client) { c.DeferralDays = -1 }, "deferral_days", T("model.deferral.range", 365)},
		{"kind", func(c *Client) { c.Kind = "alien" }, "kind", T("model.kind.unknown", "alien")},
		{"status", func(c *Client) { c.Status = "dead" }, "status", T("model.status.unknown", "dead")},
		{"category", func(c *Client) { c.Category = "D" }, "category", T("model.category.unknown", "D")},
		{"contact name", func(c *Client) { c.Contacts[1].Name = "" }, "contacts.1.name", "Name is required."},
		{"contact phone", func(c *Client) { c.Contacts[0].Phones[0].Raw = "+7 912" }, "contacts.0.phones", T("model.phone.too_few")},
		{"contact email", func(c *Client) { c.Contacts[0].Email = "m@" }, "contacts.0.email", T("model.email.no_domain")},
		{"notes", func(c *Client) { c.Notes = "a\x00b" }, "text", T("model.notes.invalid", maxNotes)},
	}
	for _, tt := range tests {
		c := validRUClient()
		tt.edit(&c)
		ve := PrepareClient(&c)
		if ve == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		if got := ve.Fields[tt.field]; got != tt.want {
			t.Errorf("%s: field %s = %q, want %q (all: %v)", tt.name, tt.field, got, tt.want, ve)
		}
		if len(ve.Fields) != 1 {
			t.Errorf("%s: more fields than expected: %v", tt.name, ve)
		}
	}
}

func TestValidateCallWindow(t *testing.T) {
	for _, w := range []CallWindow{{}, {0, 1440}, {540, 1080}} {
		if err := ValidateCallWindow(w); err != nil {
			t.Errorf("%+v: %v", w, err)
		}
	}
	for _, w := range []CallWindow{{600, 600}, {-1, 60}, {60, 1441}, {1080, 540}} {
		if ValidateCallWindow(w) == nil {
			t.Errorf("%+v accepted", w)
		}
	}
}

// A prepared client is a fixed point: preparing it again changes nothing and
// finds nothing wrong; a refusal always names a known field with a sentence.
func FuzzPrepareClient(f *testing.F) {
	f.Add("ООО «Север»", "8 (912) 345-67-89", " Info@Sever.RU ", "7707083893", uint8(0), "9:00-18:00")
	f.Add("UAB „Linas“", "8 612 34567", "a@b.lt", "110053842", uint8(1), "")
	f.Add("Northwind Ltd", "+44 20 7946 0958", "x@y", "GB1", uint8(2), "25-26")
	f.Fuzz(func(t *testing.T, name, phone, email, tax string, country uint8, window string) {
		c := Client{ShortName: name, TaxID: tax, Phones: []Phone{{Raw: phone}}, Emails: []string{email},
			TaxCountry: []TaxCountry{TaxRU, TaxLT, TaxOther}[int(country)%3], Language: "ru",
			Contacts: []Contact{{Name: name, Email: email, Phones: []Phone{{Raw: phone}}}}}
		c.CallWindow, _ = ParseCallWindow(window)
		ve := PrepareClient(&c)
		if ve != nil {
			known := map[string]bool{"short_name": true, "tax_id": true, "phones": true, "emails": true,
				"contacts.0.name": true, "contacts.0.phones": true, "contacts.0.email": true}
			for k, v := range ve.Fields {
				if !known[k] || v == "" {
					t.Fatalf("unexpected field %q: %q", k, v)
				}
			}
			return
		}
		before := c
		before.Phones = append([]Phone(nil), c.Phones...)
		if ve := PrepareClient(&c); ve != nil {
			t.Fatalf("prepared client refused on a second pass: %v", ve)
		}
		if d := DiffClients(&before, &c); len(d) != 0 {
			t.Fatalf("second pass changed %+v", d)
		}
	})
}
