package model

import (
	"strconv"
	"strings"
)

// Limits of a client's commercial terms.
const (
	MaxDeferralDays = 365
	MaxContactEvery = 366 // days between recurring contacts
	maxShortText    = 500 // addresses, region, branch, competitors…
	maxNotes        = 20000
)

// PrepareClient normalises a client in place (trims text, parses every
// Phone.Raw into Phone.E164, lower-cases e-mails, fills defaults) and
// validates it. Field keys: "short_name", "full_name", "tax_id", "kpp", "ogrn",
// "phones", "emails", "fax", "time_zone", "call_window", "language",
// "credit_limit", "deferral_days", "contacts.N.name", "contacts.N.phones",
// "contacts.N.email" (N is the contact's index).
// Also, for values a form picks from a list: "kind", "status", "category",
// "source", and "text" for an over-long or binary free-text field.
func PrepareClient(c *Client) *ValidationError {
	ve := &ValidationError{}
	normaliseClient(c)
	country := PhoneCountry(c.TaxCountry, c.Language)

	if err := ValidateName(c.ShortName); err != nil {
		ve.Add("short_name", err.Error())
	}
	if err := validateOptionalText(c.FullName, MaxNameRunes); err != nil {
		ve.Add("full_name", err.Error())
	}
	if c.TaxID != "" {
		if err := ValidateTaxID(c.TaxCountry, c.TaxID); err != nil {
			ve.Add("tax_id", err.Error())
		}
	}
	if c.KPP != "" {
		if err := ValidateKPP(c.KPP); err != nil {
			ve.Add("kpp", err.Error())
		}
	}
	if c.OGRN != "" {
		if err := ValidateOGRN(c.OGRN); err != nil {
			ve.Add("ogrn", err.Error())
		}
	}
	if msg := preparePhones(c.Phones, country); msg != "" {
		ve.Add("phones", msg)
	}
	for i, e := range c.Emails {
		if err := ValidateEmail(e); err != nil {
			ve.Add("emails", itemSentence("model.email.item", i, len(c.Emails), err))
		}
	}
	if c.Fax != "" {
		if _, err := ParsePhone(c.Fax, country); err != nil {
			ve.Add("fax", err.Error())
		}
	}
	if err := ValidateTimeZone(c.TimeZone); err != nil {
		ve.Add("time_zone", err.Error())
	}
	if err := ValidateCallWindow(c.CallWindow); err != nil {
		ve.Add("call_window", err.Error())
	}
	if !validLanguage(c.Language) {
		ve.Add("language", T("model.language", c.Language))
	}
	if c.CreditLimit.Minor < 0 {
		ve.Add("credit_limit", T("model.credit.negative"))
	} else if !validCurrency(c.CreditLimit.Currency) {
		ve.Add("credit_limit", T("model.credit.currency", c.CreditLimit.Currency))
	}
	if c.DeferralDays < 0 || c.DeferralDays > MaxDeferralDays {
		ve.Add("deferral_days", T("model.deferral.range", MaxDeferralDays))
	}
	if c.ContactEvery < 0 || c.ContactEvery > MaxContactEvery {
		ve.Add("contact_every", T("model.contact_every.range", MaxContactEvery))
	}
	if !oneOf(c.Kind, ClientKinds) {
		ve.Add("kind", T("model.kind.unknown", string(c.Kind)))
	}
	if !oneOf(c.Status, ClientStatuses) {
		ve.Add("status", T("model.status.unknown", string(c.Status)))
	}
	if c.Category != CategoryNone && !oneOf(c.Category, Categories) {
		ve.Add("category", T("model.category.unknown", string(c.Category)))
	}
	if c.Source != "" && !oneOf(c.Source, Sources) {
		ve.Add("source", T("model.source.unknown", string(c.Source)))
	}
	for _, s := range []string{c.LegalAddress, c.ActualAddress, c.City, c.Region, c.Branch,
		c.Manager, c.PriceColumn, c.Competitors} {
		if err := validateOptionalText(s, maxShortText); err != nil {
			ve.Add("text", err.Error())
		}
	}
	if err := validateNotes(c.Notes); err != nil {
		ve.Add("text", err.Error())
	}
	for i := range c.Contacts {
		prepareContact(ve, i, &c.Contacts[i], country)
	}
	if len(ve.Fields) == 0 {
		return nil
	}
	return ve
}

// normaliseClient trims text, drops empty list rows and fills defaults.
func normaliseClient(c *Client) {
	for _, p := range []*string{&c.ShortName, &c.FullName, &c.LegalAddress, &c.ActualAddress,
		&c.City, &c.Region, &c.Branch, &c.Fax, &c.TimeZone, &c.Manager, &c.PriceColumn,
		&c.Competitors, &c.Notes, &c.KPP, &c.OGRN} {
		*p = strings.TrimSpace(*p)
	}
	c.Language = strings.ToLower(strings.TrimSpace(c.Language))
	if c.TaxCountry == TaxRU || c.TaxCountry == TaxLT {
		c.TaxID = normaliseTaxDigits(c.TaxID)
	} else {
		c.TaxID = strings.TrimSpace(c.TaxID)
	}
	c.KPP = normaliseTaxDigits(c.KPP)
	c.OGRN = normaliseTaxDigits(c.OGRN)
	if c.Kind == "" {
		c.Kind = KindLegal
	}
	if c.Status == "" {
		c.Status = StatusProspect
	}
	c.Phones = dropEmptyPhones(c.Phones)
	emails := c.Emails[:0]
	for _, e := range c.Emails {
		if e = normaliseEmail(e); e != "" {
			emails = append(emails, e)
		}
	}
	c.Emails = nilIfEmpty(emails)
	c.CreditLimit.Currency = strings.ToUpper(strings.TrimSpace(c.CreditLimit.Currency))
	if c.CreditLimit.Currency == "" {
		switch {
		case c.TaxCountry == TaxRU:
			c.CreditLimit.Currency = "RUB"
		case c.TaxCountry == TaxLT:
			c.CreditLimit.Currency = "EUR"
		case c.CreditLimit.Minor != 0:
			c.CreditLimit.Currency = "EUR"
		}
	}
	for i := range c.Contacts {
		k := &c.Contacts[i]
		for _, p := range []*string{&k.Name, &k.Position, &k.PreferredChan, &k.PreferredHours} {
			*p = strings.TrimSpace(*p)
		}
		k.Email = normaliseEmail(k.Email)
		k.Phones = dropEmptyPhones(k.Phones)
	}
	assignContactIDs(c.Contacts)
}

// assignContactIDs numbers new contacts (ID 0) after the highest ID in use,
// so IDs stay unique within the client and old ones never change.
func assignContactIDs(cs []Contact) {
	var max ID
	for _, k := range cs {
		if k.ID > max {
			max = k.ID
		}
	}
	for i := range cs {
		if cs[i].ID == 0 {
			max++
			cs[i].ID = max
		}
	}
}

func dropEmptyPhones(ps []Phone) []Phone {
	out := ps[:0]
	for _, p := range ps {
		p.Raw = strings.TrimSpace(p.Raw)
		p.Label = strings.TrimSpace(p.Label)
		if p.Raw != "" || p.E164 != "" {
			out = append(out, p)
		}
	}
	return nilIfEmpty(out)
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// preparePhones fills E164 from Raw (a phone with only E164 is checked as
// it is) and returns the first problem as a sentence, or "".
func preparePhones(ps []Phone, country string) string {
	var buf [24]byte
	for i := range ps {
		src := ps[i].Raw
		if src == "" {
			src = strings.TrimSpace(ps[i].E164)
		}
		e, err := appendE164(buf[:0], src, country)
		if err != nil {
			return itemSentence("model.phone.item", i, len(ps), err)
		}
		if string(e) != ps[i].E164 { // keep the stored string when it is already right
			ps[i].E164 = string(e)
		}
	}
	return ""
}

// itemSentence names the item of a list when there are several ("Phone 2: …").
func itemSentence(key string, i, n int, err error) string {
	if n <= 1 {
		return err.Error()
	}
	return T(key, i+1, err.Error())
}

func prepareContact(ve *ValidationError, i int, k *Contact, country string) {
	prefix := contactPrefix(i)
	if err := ValidateName(k.Name); err != nil {
		ve.Add(prefix+"name", err.Error())
	}
	if err := validateOptionalText(k.Position, maxShortText); err != nil {
		ve.Add(prefix+"name", err.Error())
	}
	if msg := preparePhones(k.Phones, country); msg != "" {
		ve.Add(prefix+"phones", msg)
	}
	if k.Email != "" {
		if err := ValidateEmail(k.Email); err != nil {
			ve.Add(prefix+"email", err.Error())
		}
	}
	if k.Role != "" && !oneOf(k.Role, ContactRoles) {
		ve.Add(prefix+"role", T("model.contact.role", string(k.Role)))
	}
}

// contactPrefix is "contacts.N." without an allocation for the usual few contacts.
func contactPrefix(i int) string {
	if i < len(contactPrefixes) {
		return contactPrefixes[i]
	}
	return "contacts." + strconv.Itoa(i) + "."
}

var contactPrefixes = func() []string {
	out := make([]string, 16)
	for i := range out {
		out[i] = "contacts." + strconv.Itoa(i) + "."
	}
	return out
}()

// ValidateCallWindow checks a calling window: the zero value means working
// hours; otherwise both ends lie within the day and it ends after it starts.
func ValidateCallWindow(w CallWindow) error {
	if w == (CallWindow{}) {
		return nil
	}
	if w.From < 0 || w.From > 24*60 || w.To < 0 || w.To > 24*60 {
		return Sentencef(nil, "model.callwindow.range")
	}
	if w.To <= w.From {
		return Sentencef(nil, "model.callwindow.order")
	}
	return nil
}

func validateNotes(s string) error {
	if len(s) > maxNotes*4 || strings.ContainsRune(s, 0) {
		return Sentencef(nil, "model.notes.invalid", maxNotes)
	}
	return nil
}

// validLanguage accepts "" or a two-letter ISO 639-1 code in lower case.
func validLanguage(s string) bool {
	if s == "" {
		return true
	}
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

// validCurrency accepts "" (no amount) or a three-letter ISO 4217 code.
func validCurrency(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func oneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
