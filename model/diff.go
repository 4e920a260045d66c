package model

import (
	"strconv"
	"strings"
	"time"
)

// DiffClients lists every field that differs between old and new, with old
// and new values as display text, in card order. The store writes it to the
// audit log; the rights check reads it. Field keys are those of PrepareClient
// plus "kind", "status", "category", "category_log", "manager", "flags.*",
// "archived"…; a contact's fields are "contacts.<contact id>.<field>", and a
// contact added or removed is one change of "contacts". ID and Meta are the
// store's business and never listed. A nil old or new reads as an empty client.
func DiffClients(old, new *Client) []FieldChange {
	created := old == nil
	if created {
		old = &Client{}
	}
	if new == nil {
		new = &Client{}
	}
	var out []FieldChange
	add := func(field, o, n string) {
		if o != n {
			out = append(out, FieldChange{Field: field, Old: o, New: n})
		}
	}
	add("short_name", old.ShortName, new.ShortName)
	add("full_name", old.FullName, new.FullName)
	add("kind", ValueLabel("kind", string(old.Kind)), ValueLabel("kind", string(new.Kind)))
	oldTaxCountry := ValueLabel("tax_country", string(old.TaxCountry))
	if created && new.TaxCountry != "" { // a new client had no tax rules before, not "other"
		oldTaxCountry = ""
	}
	add("tax_country", oldTaxCountry, ValueLabel("tax_country", string(new.TaxCountry)))
	add("tax_id", old.TaxID, new.TaxID)
	add("kpp", old.KPP, new.KPP)
	add("ogrn", old.OGRN, new.OGRN)
	add("legal_address", old.LegalAddress, new.LegalAddress)
	add("actual_address", old.ActualAddress, new.ActualAddress)
	add("city", old.City, new.City)
	add("region", old.Region, new.Region)
	add("branch", old.Branch, new.Branch)
	add("phones", phonesText(old.Phones), phonesText(new.Phones))
	add("emails", strings.Join(old.Emails, ", "), strings.Join(new.Emails, ", "))
	add("fax", old.Fax, new.Fax)
	add("language", ValueLabel("language", old.Language), ValueLabel("language", new.Language))
	add("time_zone", old.TimeZone, new.TimeZone)
	add("call_window", FormatCallWindow(old.CallWindow), FormatCallWindow(new.CallWindow))
	add("source", ValueLabel("source", string(old.Source)), ValueLabel("source", string(new.Source)))
	add("manager", old.Manager, new.Manager)
	add("category", string(old.Category), string(new.Category))
	if len(old.CategoryLog) != len(new.CategoryLog) || !categoryLogExtends(old.CategoryLog, new.CategoryLog) {
		out = append(out, FieldChange{Field: "category_log",
			Old: categoryLogText(old.CategoryLog), New: categoryLogText(new.CategoryLog)})
	}
	add("status", ValueLabel("status", string(old.Status)), ValueLabel("status", string(new.Status)))
	add("flags.key_client", yesNo(old.Flags.KeyClient), yesNo(new.Flags.KeyClient))
	add("flags.credit_hold", yesNo(old.Flags.CreditHold), yesNo(new.Flags.CreditHold))
	add("flags.dissatisfied", yesNo(old.Flags.Dissatisfied), yesNo(new.Flags.Dissatisfied))
	add("flags.legal_dispute", yesNo(old.Flags.LegalDispute), yesNo(new.Flags.LegalDispute))
	add("flags.do_not_contact", yesNo(old.Flags.DoNotContact), yesNo(new.Flags.DoNotContact))
	if old.CreditLimit != new.CreditLimit {
		out = append(out, FieldChange{Field: "credit_limit", Old: FormatMoney(old.CreditLimit), New: FormatMoney(new.CreditLimit)})
	}
	add("deferral_days", strconv.Itoa(old.DeferralDays), strconv.Itoa(new.DeferralDays))
	add("contact_every", strconv.Itoa(old.ContactEvery), strconv.Itoa(new.ContactEvery))
	add("price_column", old.PriceColumn, new.PriceColumn)
	add("competitors", old.Competitors, new.Competitors)
	add("notes", old.Notes, new.Notes)
	add("external", old.External, new.External)
	out = diffContacts(out, old.Contacts, new.Contacts)
	add("archived", yesNo(old.Archived), yesNo(new.Archived))
	return out
}

func diffContacts(out []FieldChange, old, new []Contact) []FieldChange {
	byID := make(map[ID]*Contact, len(old))
	for i := range old {
		if old[i].ID != 0 {
			byID[old[i].ID] = &old[i]
		}
	}
	matched := make(map[ID]bool, len(new))
	for i := range new {
		n := &new[i]
		o, ok := byID[n.ID]
		if !ok || n.ID == 0 || matched[n.ID] {
			out = append(out, FieldChange{Field: "contacts", New: contactText(n)})
			continue
		}
		matched[n.ID] = true
		p := "contacts." + strconv.FormatUint(uint64(n.ID), 10) + "."
		add := func(field, a, b string) {
			if a != b {
				out = append(out, FieldChange{Field: p + field, Old: a, New: b})
			}
		}
		add("name", o.Name, n.Name)
		add("position", o.Position, n.Position)
		add("role", ValueLabel("contact_role", string(o.Role)), ValueLabel("contact_role", string(n.Role)))
		add("phones", phonesText(o.Phones), phonesText(n.Phones))
		add("email", o.Email, n.Email)
		add("preferred_channel", o.PreferredChan, n.PreferredChan)
		add("preferred_hours", o.PreferredHours, n.PreferredHours)
		add("consent", yesNo(o.Consent), yesNo(n.Consent))
		add("do_not_contact", yesNo(o.DoNotContact), yesNo(n.DoNotContact))
		add("left", yesNo(o.Left), yesNo(n.Left))
	}
	for i := range old {
		if old[i].ID == 0 || !matched[old[i].ID] {
			out = append(out, FieldChange{Field: "contacts", Old: contactText(&old[i])})
		}
	}
	return out
}

func contactText(k *Contact) string {
	parts := []string{k.Name}
	if k.Position != "" {
		parts = append(parts, k.Position)
	}
	if k.Role != "" {
		parts = append(parts, ValueLabel("contact_role", string(k.Role)))
	}
	if len(k.Phones) > 0 {
		parts = append(parts, phonesText(k.Phones))
	}
	if k.Email != "" {
		parts = append(parts, k.Email)
	}
	if k.Left {
		parts = append(parts, T("model.contact.left"))
	}
	return strings.Join(parts, ", ")
}

func phonesText(ps []Phone) string {
	parts := make([]string, 0, len(ps))
	for _, p := range ps {
		s := FormatPhone(p.E164)
		if s == "" {
			s = p.Raw
		}
		if p.Label != "" {
			s += " (" + p.Label + ")"
		}
		if p.WrongNumber {
			s += " " + T("model.phone.wrong_mark")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func categoryLogText(log []CategoryChange) string {
	if len(log) == 0 {
		return ""
	}
	e := log[len(log)-1]
	from, to := string(e.From), string(e.To)
	if from == "" {
		from = "—"
	}
	if to == "" {
		to = "—"
	}
	return T("model.category.entry", from, to, FormatDate(e.At, time.UTC), e.By, e.Reason)
}

func yesNo(b bool) string {
	if b {
		return T("model.yes")
	}
	return T("model.no")
}

// FieldLabel names a field key (as in ValidationError and FieldChange) in
// plain words for sentences and the history view: "credit_limit" → "credit limit".
func FieldLabel(field string) string {
	if strings.HasPrefix(field, "contacts.") {
		rest := field[len("contacts."):]
		if i := strings.IndexByte(rest, '.'); i >= 0 {
			return T("model.field.contact_field", rest[:i], FieldLabel("contact."+rest[i+1:]))
		}
	}
	if HasMessage("model.field." + field) {
		return T("model.field." + field)
	}
	return strings.ReplaceAll(field, "_", " ")
}

// ValueLabel shows an enum value in words: ValueLabel("status", "trading_hall")
// = "trading hall". Kinds: "kind", "status", "source", "contact_role", "tax_country", "language".
func ValueLabel(kind, value string) string {
	if value == "" && kind != "tax_country" {
		return ""
	}
	if key := "model.label." + kind + "." + value; HasMessage(key) {
		return T(key)
	}
	return value
}
