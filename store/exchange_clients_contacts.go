package store

import (
	"strings"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// ContactFields says which of a contact's fields an import row carries.
type ContactFields uint32

const (
	CKPosition ContactFields = 1 << iota
	CKRole
	CKPhones
	CKEmail
	CKPreferredChan
	CKPreferredHours
	CKConsent
	CKDoNotContact
	CKLeft
)

// ContactImport is one contact-person row of a file: the client it belongs
// to (by external code, else tax id) and the contact's values.
type ContactImport struct {
	ClientExternal string
	ClientTaxID    string
	// ContactID is the contact's id within its client as an export wrote
	// it (0: none): it tells apart two contacts of the same name.
	ContactID model.ID
	Contact   model.Contact
	Carries   ContactFields
}

// ImportContacts writes one batch of contact rows in one transaction (dry:
// rolled back). A row's client is found by its external code (or the
// "cb:<id>" an export writes), else by tax id; the contact within the
// client by its name (case and spaces aside), so a second run updates the
// person instead of adding them twice. A new name adds a contact. Each
// client changed gets one audit entry with its changes, as a save does.
func (s *Session) ImportContacts(batch []ContactImport, dryRun bool) ([]ImportResult, error) {
	db := s.db
	if err := s.importAllowed("exch.clients.act_import"); err != nil {
		return nil, err
	}
	out := make([]ImportResult, len(batch))
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	db.waitIndexed()
	now := db.now()
	var written importWritten
	committed, err := s.importUpdate(dryRun, func(tx *bolt.Tx) error {
		written = importWritten{keep: len(batch) < importBigBatch}
		w := newImportWriter(db, tx, s.me.Name, now)
		type work struct {
			old, c model.Client
			rows   []int
			made   map[int]model.ID // contacts this batch added, by index: the file's id of each
		}
		touched := map[model.ID]*work{}
		var order []model.ID
		for i := range batch {
			row := &batch[i]
			id, err := w.contactClient(row)
			if err != nil {
				out[i] = ImportResult{Action: model.ImportReject, Err: err}
				continue
			}
			wk := touched[id]
			if wk == nil {
				old, err := getClient(tx, id)
				if err != nil {
					return err
				}
				wk = &work{old: old, c: cloneClient(old), made: map[int]model.ID{}}
				touched[id] = wk
				order = append(order, id)
			}
			k, err := prepareContactRow(&wk.c, row)
			if err != nil {
				out[i] = ImportResult{Action: model.ImportReject, ID: id, Err: err}
				continue
			}
			out[i] = ImportResult{Action: mergeContact(&wk.c, k, row.ContactID, row.Carries, wk.made), ID: id}
			wk.rows = append(wk.rows, i)
		}
		for _, id := range order {
			wk := touched[id]
			if len(model.DiffClients(&wk.old, &wk.c)) == 0 {
				continue
			}
			c := &wk.c
			if ve := model.PrepareClient(c); ve != nil && len(ve.Fields) > 0 {
				for _, i := range wk.rows {
					out[i] = ImportResult{Action: model.ImportReject, ID: id, Err: ve}
				}
				continue
			}
			c.Version = wk.old.Version + 1
			c.UpdatedAt, c.UpdatedBy = now, s.me.Name
			if res, ok := w.put(&wk.old, c); !ok {
				for _, i := range wk.rows {
					out[i] = ImportResult{Action: model.ImportReject, ID: id, Err: res.Err}
				}
				continue
			}
			if err := writeAudit(tx, &model.AuditEntry{At: now, User: s.me.Name, Kind: "client", Record: id, Action: "update",
				Reason: model.T("exch.clients.reason"), Changes: model.DiffClients(&wk.old, c)}); err != nil {
				return err
			}
			written.add(c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if committed {
		db.afterImport(written)
	}
	return out, nil
}

// contactClient finds the client a contact row names.
func (w *importWriter) contactClient(row *ContactImport) (model.ID, error) {
	code, tax := strings.TrimSpace(row.ClientExternal), strings.TrimSpace(row.ClientTaxID)
	if code == "" && tax == "" {
		return 0, model.Sentencef(nil, "exch.clients.contact_client")
	}
	if code != "" {
		if id, err := w.match(&model.Client{External: code}); err != nil || id != 0 {
			return id, err
		}
	}
	if tax != "" {
		for _, country := range []model.TaxCountry{model.TaxRU, model.TaxLT, model.TaxOther} {
			if id, err := w.match(&model.Client{TaxCountry: country, TaxID: tax}); err != nil || id != 0 {
				return id, err
			}
		}
	}
	return 0, model.Sentencef(nil, "exch.clients.no_client", code, tax)
}

// prepareContactRow normalises and checks a row's contact as a card's
// contact of client c is checked (phones in the client's country).
func prepareContactRow(c *model.Client, row *ContactImport) (model.Contact, error) {
	k := row.Contact
	k.Phones = append([]model.Phone(nil), k.Phones...)
	if strings.TrimSpace(k.Name) == "" {
		return k, model.Sentencef(nil, "exch.clients.contact_name")
	}
	probe := model.Client{ShortName: "probe", Kind: model.KindLegal, Status: model.StatusProspect,
		TaxCountry: c.TaxCountry, Language: c.Language, Contacts: []model.Contact{k}}
	if ve := model.PrepareClient(&probe); ve != nil && len(ve.Fields) > 0 {
		return k, ve // fields "contacts.0.*"
	}
	k = probe.Contacts[0]
	k.ID = 0
	return k, nil
}

func contactNameKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// mergeContact puts k into c: over the contact of the same name (only the
// fields the row carries) — the one with id when the row gives it and two
// share the name — else as a new contact at the end. An id whose contact
// has another name is someone else's (a file from another database): the
// name decides. made notes the contacts this batch added with the file's
// id of each: two rows of one name and different ids are two people.
func mergeContact(c *model.Client, k model.Contact, id model.ID, carries ContactFields, made map[int]model.ID) model.ImportAction {
	name := contactNameKey(k.Name)
	match := -1
	for i := range c.Contacts {
		if contactNameKey(c.Contacts[i].Name) != name {
			continue
		}
		from, added := made[i]
		if added && from != id {
			continue // another row's new contact
		}
		if match < 0 || (id != 0 && (c.Contacts[i].ID == id || added)) {
			match = i
		}
	}
	if match >= 0 {
		o := &c.Contacts[match]
		before := cloneContact(*o)
		has := func(bit ContactFields) bool { return carries&bit != 0 }
		if has(CKPosition) {
			o.Position = k.Position
		}
		if has(CKRole) {
			o.Role = k.Role
		}
		if has(CKPhones) {
			o.Phones = mergePhones(o.Phones, k.Phones)
		}
		if has(CKEmail) {
			o.Email = k.Email
		}
		if has(CKPreferredChan) {
			o.PreferredChan = k.PreferredChan
		}
		if has(CKPreferredHours) {
			o.PreferredHours = k.PreferredHours
		}
		if has(CKConsent) {
			o.Consent = k.Consent
		}
		if has(CKDoNotContact) {
			o.DoNotContact = k.DoNotContact
		}
		if has(CKLeft) {
			o.Left = k.Left
		}
		if sameContact(&before, o) {
			return model.ImportUnchanged
		}
		return model.ImportUpdate
	}
	c.Contacts = append(c.Contacts, k)
	made[len(c.Contacts)-1] = id
	return model.ImportCreate
}

func cloneContact(k model.Contact) model.Contact {
	k.Phones = append([]model.Phone(nil), k.Phones...)
	return k
}

func sameContact(a, b *model.Contact) bool {
	if len(a.Phones) != len(b.Phones) {
		return false
	}
	for i := range a.Phones {
		if a.Phones[i] != b.Phones[i] {
			return false
		}
	}
	x, y := *a, *b
	x.Phones, y.Phones = nil, nil
	return x.ID == y.ID && x.Name == y.Name && x.Position == y.Position && x.Role == y.Role && x.Email == y.Email &&
		x.PreferredChan == y.PreferredChan && x.PreferredHours == y.PreferredHours &&
		x.Consent == y.Consent && x.DoNotContact == y.DoNotContact && x.Left == y.Left
}
