package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func fullyDifferentClient() *Client {
	return &Client{
		ShortName: "ООО «Север»", FullName: "Общество «Север»", Kind: KindChain, TaxCountry: TaxRU,
		TaxID: "7707083893", KPP: "773601001", OGRN: "1027700132195", LegalAddress: "ул. Ленина, 1",
		ActualAddress: "ул. Мира, 2", City: "Москва", Region: "Центр", Branch: "Москва",
		Phones: []Phone{{E164: "+79123456789", Raw: "8 912 345 67 89", Label: "office", WrongNumber: true}},
		Emails: []string{"a@b.ru"}, Fax: "+74951234567", Language: "ru", TimeZone: "Europe/Moscow",
		CallWindow: CallWindow{540, 1080}, Source: SourceFax, Manager: "petrova", Category: CategoryA,
		CategoryLog: []CategoryChange{{At: time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC), By: "volkov", To: CategoryA, Reason: "volume"}},
		Status:      StatusActive,
		Flags:       ClientFlags{KeyClient: true, CreditHold: true, Dissatisfied: true, LegalDispute: true, DoNotContact: true},
		CreditLimit: Money{100, "RUB"}, DeferralDays: 30, ContactEvery: 14, PriceColumn: "dealer", Competitors: "Текстиль-М",
		Notes: "notes", Contacts: []Contact{{ID: 1, Name: "Иванова"}}, Archived: true, External: "000123",
	}
}

// Every field of Client but ID and Meta must show up in the audit diff, so a
// field added to Client later without a line in DiffClients fails here.
func TestDiffClientsCoversEveryField(t *testing.T) {
	base := fullyDifferentClient()
	typ := reflect.TypeOf(*base)
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if f.Name == "ID" || f.Name == "Meta" {
			continue
		}
		changed := fullyDifferentClient()
		reflect.ValueOf(changed).Elem().Field(i).SetZero()
		if len(DiffClients(base, changed)) == 0 {
			t.Errorf("clearing %s gives no change", f.Name)
		}
	}
	for _, sub := range []string{"KeyClient", "CreditHold", "Dissatisfied", "LegalDispute", "DoNotContact"} {
		changed := fullyDifferentClient()
		reflect.ValueOf(&changed.Flags).Elem().FieldByName(sub).SetBool(false)
		d := DiffClients(base, changed)
		if len(d) != 1 || !strings.HasPrefix(d[0].Field, "flags.") || d[0].Old != "yes" || d[0].New != "no" {
			t.Errorf("flag %s: %+v", sub, d)
		}
	}
	// Meta and ID are not user changes
	same := fullyDifferentClient()
	same.ID, same.Version, same.UpdatedBy = 9, 7, "x"
	if d := DiffClients(base, same); len(d) != 0 {
		t.Errorf("store-managed fields listed: %+v", d)
	}
}

func TestDiffClientsValues(t *testing.T) {
	old := fullyDifferentClient()
	nw := fullyDifferentClient()
	nw.CreditLimit.Minor = 123456789
	nw.Status = StatusTradingHall
	nw.Phones = append(nw.Phones, Phone{E164: "+37061234567"})
	nw.CallWindow = CallWindow{}
	ApplyCategoryChange(nw, CategoryB, "volkov", "fewer orders", time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
	got := map[string]FieldChange{}
	for _, ch := range DiffClients(old, nw) {
		got[ch.Field] = ch
	}
	want := map[string][2]string{
		"credit_limit": {"1.00 RUB", "1,234,567.89 RUB"},
		"status":       {"active", "trading hall"},
		"phones":       {"+7 912 345-67-89 (office) (wrong number)", "+7 912 345-67-89 (office) (wrong number); +370 612 34567"},
		"call_window":  {"09:00–18:00", ""},
		"category":     {"A", "B"},
		"category_log": {"— → A on 03.02.2025 by volkov: volume", "A → B on 23.11.2026 by volkov: fewer orders"},
	}
	if len(got) != len(want) {
		t.Errorf("changes: %+v", got)
	}
	for f, w := range want {
		if g := got[f]; g.Old != w[0] || g.New != w[1] {
			t.Errorf("%s: %q → %q, want %q → %q", f, g.Old, g.New, w[0], w[1])
		}
	}
}

func TestDiffClientsContacts(t *testing.T) {
	old := &Client{Contacts: []Contact{
		{ID: 1, Name: "Иванова Мария", Position: "бухгалтер", Role: ContactAccountant},
		{ID: 2, Name: "Петров Пётр"},
	}}
	nw := &Client{Contacts: []Contact{
		{ID: 1, Name: "Иванова Мария", Position: "главный бухгалтер", Role: ContactAccountant, Left: true},
		{ID: 3, Name: "Jonas Petrauskas", Email: "jonas@linas.lt"},
	}}
	d := DiffClients(old, nw)
	want := []FieldChange{
		{"contacts.1.position", "бухгалтер", "главный бухгалтер"},
		{"contacts.1.left", "no", "yes"},
		{"contacts", "", "Jonas Petrauskas, jonas@linas.lt"},
		{"contacts", "Петров Пётр", ""},
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("got  %+v\nwant %+v", d, want)
	}
	if l := FieldLabel("contacts.1.position"); l != "contact #1: position" {
		t.Errorf("FieldLabel = %q", l)
	}
	if d := DiffClients(nil, nil); len(d) != 0 {
		t.Errorf("nil vs nil: %+v", d)
	}
	if d := DiffClients(nil, &Client{ShortName: "X"}); len(d) != 1 || d[0].New != "X" {
		t.Errorf("create diff: %+v", d)
	}
}
