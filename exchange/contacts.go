package exchange

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// Contacts: one row per contact person, after its client's code and tax
// id (how an import finds the client) and name (for the reader; an import
// ignores it). Within its client a contact is found by name, so a second
// run updates the person instead of adding them twice.

const (
	colContactClientCode = "Client code"
	colContactClientTax  = "Client tax ID"
	colContactClient     = "Client"
	colContactName       = "Name"
	colContactPosition   = "Position"
	colContactRole       = "Role"
	colContactPhones     = "Phones"
	colContactEmail      = "E-mail"
	colContactChannel    = "Preferred channel"
	colContactHours      = "Preferred hours"
	colContactConsent    = "Consent"
	colContactDNC        = "Do not contact"
	colContactLeft       = "Left"
	colContactID         = "Contact ID"
)

var contactColumns = []csvio.Column{
	{Name: colContactClientCode, Aliases: []string{"client_code", "client_external", "external", "Код клиента", "Код контрагента", "Код", "Внешний код", "Код 1С"}},
	{Name: colContactClientTax, Aliases: []string{"client_tax_id", "tax_id", "inn", "ИНН", "ИНН клиента", "ИНН контрагента"}},
	{Name: colContactClient, Aliases: []string{"client", "company", "Клиент", "Контрагент", "Организация"}},
	{Name: colContactName, Required: true, Aliases: []string{"name", "contact", "contact_name", "ФИО", "Контактное лицо", "Имя"}},
	{Name: colContactPosition, Aliases: []string{"position", "title", "Должность"}},
	{Name: colContactRole, Aliases: []string{"role", "Роль"}},
	{Name: colContactPhones, Aliases: []string{"phone", "phones", "telephone", "Телефон", "Телефоны"}},
	{Name: colContactEmail, Aliases: []string{"email", "e-mail", "mail", "Электронная почта", "Эл. почта", "Почта", "Email"}},
	{Name: colContactChannel, Aliases: []string{"preferred_channel", "channel", "Канал связи", "Предпочтительный канал"}},
	{Name: colContactHours, Aliases: []string{"preferred_hours", "hours", "Удобное время", "Часы связи"}},
	{Name: colContactConsent, Aliases: []string{"consent", "Согласие", "Согласие на обработку"}},
	{Name: colContactDNC, Aliases: []string{"do_not_contact", "Не звонить", "Не беспокоить"}},
	{Name: colContactLeft, Aliases: []string{"left", "Уволен", "Уволился", "Не работает"}},
	{Name: colContactID, Aliases: []string{"contact_id", "ID контакта", "Код контакта"}},
}

func init() {
	registerImport(Contacts, importer{columns: contactColumns, batch: 20_000, parse: parseContactRow, write: writeContacts})
	registerExport(Contacts, exporter{columns: columnNames(contactColumns), each: eachContactRow})
}

type contactField struct {
	col  string
	bit  store.ContactFields
	read func(k *model.Contact, v string) error
}

var contactFields = []contactField{
	{colContactPosition, store.CKPosition, func(k *model.Contact, v string) error { k.Position = v; return nil }},
	{colContactRole, store.CKRole, func(k *model.Contact, v string) (err error) { k.Role, err = parseRole(v); return }},
	{colContactPhones, store.CKPhones, func(k *model.Contact, v string) error { k.Phones = rawPhones(v); return nil }},
	{colContactEmail, store.CKEmail, func(k *model.Contact, v string) error { k.Email = v; return nil }},
	{colContactChannel, store.CKPreferredChan, func(k *model.Contact, v string) error { k.PreferredChan = v; return nil }},
	{colContactHours, store.CKPreferredHours, func(k *model.Contact, v string) error { k.PreferredHours = v; return nil }},
	{colContactConsent, store.CKConsent, func(k *model.Contact, v string) (err error) { k.Consent, err = parseYes(v); return }},
	{colContactDNC, store.CKDoNotContact, func(k *model.Contact, v string) (err error) { k.DoNotContact, err = parseYes(v); return }},
	{colContactLeft, store.CKLeft, func(k *model.Contact, v string) (err error) { k.Left, err = parseYes(v); return }},
}

// parseContactRow reads one contact row. Phones are checked in the
// client's country by the store (the row does not say it); the e-mail here.
func parseContactRow(row csvio.Row, _ ImportOptions) (any, string, error) {
	imp := store.ContactImport{
		ClientExternal: row.Get(colContactClientCode),
		ClientTaxID:    row.Get(colContactClientTax),
	}
	imp.Contact.Name = row.Get(colContactName)
	key := imp.ClientExternal
	if key == "" {
		key = imp.ClientTaxID
	}
	if key != "" {
		key += " / " + imp.Contact.Name
	}
	for _, f := range contactFields {
		v, ok := row.Values[f.col]
		if !ok {
			continue
		}
		imp.Carries |= f.bit
		if err := f.read(&imp.Contact, v); err != nil {
			return nil, key, cellError(f.col, v, err)
		}
	}
	if v := row.Get(colContactID); v != "" {
		id, err := strconv.ParseUint(v, 10, 64)
		if err != nil || id == 0 {
			return nil, key, cellError(colContactID, v, model.Sentencef(nil, "exch.clients.contact_id"))
		}
		imp.ContactID = model.ID(id)
	}
	if imp.ClientExternal == "" && imp.ClientTaxID == "" {
		return nil, key, model.Sentencef(nil, "exch.clients.contact_client")
	}
	if imp.Contact.Name == "" {
		return nil, key, model.Sentencef(nil, "exch.clients.contact_name")
	}
	if e := imp.Contact.Email; e != "" {
		if err := model.ValidateEmail(e); err != nil {
			return nil, key, cellError(colContactEmail, e, err)
		}
	}
	return imp, key, nil
}

// rawPhones splits a phones cell; the store normalises each in the
// client's country.
func rawPhones(v string) []model.Phone {
	var out []model.Phone
	for _, p := range splitList(v) {
		out = append(out, model.Phone{Raw: p})
	}
	return out
}

func writeContacts(s *store.Session, items []any, dryRun bool) ([]store.ImportResult, error) {
	batch := make([]store.ContactImport, len(items))
	for i, it := range items {
		batch[i] = it.(store.ContactImport)
	}
	res, err := s.ImportContacts(batch, dryRun)
	if err != nil {
		return nil, err
	}
	for i := range res {
		var ve *model.ValidationError
		if errors.As(res[i].Err, &ve) {
			k := &batch[i].Contact
			res[i].Err = fieldsReason(ve, func(field string) (string, string) {
				switch field[strings.LastIndexByte(field, '.')+1:] {
				case "name":
					return colContactName, k.Name
				case "phones":
					return colContactPhones, phonesCell(k.Phones)
				case "email":
					return colContactEmail, k.Email
				case "role":
					return colContactRole, string(k.Role)
				}
				return "", ""
			})
		}
	}
	return res, nil
}

func eachContactRow(ctx context.Context, s *store.Session, _ ExportOptions, emit func([]string) error) error {
	row := make([]string, len(contactColumns))
	return s.EachClient(ctx, func(c model.Client) error {
		for i := range c.Contacts {
			k := &c.Contacts[i]
			row[0] = store.ExternalOrOwn(&c)
			row[1] = c.TaxID
			row[2] = c.ShortName
			row[3] = k.Name
			row[4] = k.Position
			row[5] = string(k.Role)
			row[6] = phonesCell(k.Phones)
			row[7] = k.Email
			row[8] = k.PreferredChan
			row[9] = k.PreferredHours
			row[10] = yesNo(k.Consent)
			row[11] = yesNo(k.DoNotContact)
			row[12] = yesNo(k.Left)
			row[13] = strconv.FormatUint(uint64(k.ID), 10)
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

var roleWords = map[string]model.ContactRole{
	"лпр": model.ContactDecisionMaker, "decision maker": model.ContactDecisionMaker, "руководитель": model.ContactDecisionMaker,
	"закупщик": model.ContactBuyer, "снабженец": model.ContactBuyer,
	"бухгалтер": model.ContactAccountant, "кладовщик": model.ContactReceiver, "приёмщик": model.ContactReceiver, "приемщик": model.ContactReceiver,
	"другое": model.ContactOther,
}

func parseRole(v string) (model.ContactRole, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" {
		return "", nil
	}
	for _, r := range model.ContactRoles {
		if v == string(r) || v == strings.ToLower(model.ValueLabel("contact_role", string(r))) {
			return r, nil
		}
	}
	if r, ok := roleWords[v]; ok {
		return r, nil
	}
	return "", model.Sentencef(nil, "exch.clients.role")
}
