package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// extHolder is the client idx_client_ext holds under code (0: none).
func extHolder(t *testing.T, db *DB, code string) model.ID {
	t.Helper()
	var id model.ID
	_ = db.bolt.View(func(tx *bolt.Tx) error { id = extLookup(tx, bucketClientExt, code); return nil })
	return id
}

func extCount(t *testing.T, db *DB) int {
	t.Helper()
	n := 0
	_ = db.bolt.View(func(tx *bolt.Tx) error { n = tx.Bucket(bucketClientExt).Stats().KeyN; return nil })
	return n
}

func TestClientExternalCodeUpkeep(t *testing.T) {
	db, s := openDirector(t)
	a := newClient("Alpha")
	a.External = " 1C-0001 "
	a = mustSave(t, s, a, "")
	if a.External != "1C-0001" {
		t.Fatalf("stored code %q, want trimmed", a.External)
	}
	if got := extHolder(t, db, "1c-0001"); got != a.ID {
		t.Fatalf("code held by %d, want %d", got, a.ID)
	}
	b := newClient("Beta")
	b.External = "1C-0001"
	_, err := s.SaveClient(b, "")
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["external"] == "" {
		t.Fatalf("duplicate code: got %v, want a validation error on external", err)
	}
	if !strings.Contains(ve.Fields["external"], "1C-0001") {
		t.Fatalf("sentence %q does not name the code", ve.Fields["external"])
	}
	if st, _ := db.Stats(); st.Clients != 1 {
		t.Fatalf("refused save wrote a client: %d clients", st.Clients)
	}
	// A changed code moves the entry.
	a.External = "1C-0002"
	a = mustSave(t, s, a, "")
	if extHolder(t, db, "1C-0001") != 0 || extHolder(t, db, "1C-0002") != a.ID {
		t.Fatal("changed code did not move the entry")
	}
	// Now the old code is free for another client.
	b = mustSave(t, s, b, "")
	if extHolder(t, db, "1C-0001") != b.ID {
		t.Fatal("freed code not taken")
	}
	// Archive and restore keep it.
	a, err = s.SetArchived(a.ID, a.Version, true)
	if err != nil {
		t.Fatal(err)
	}
	if extHolder(t, db, "1C-0002") != a.ID {
		t.Fatal("archive lost the code")
	}
	if _, err := s.SetArchived(a.ID, a.Version, false); err != nil {
		t.Fatal(err)
	}
	if extHolder(t, db, "1C-0002") != a.ID {
		t.Fatal("restore lost the code")
	}
	// Clearing the code removes its entry.
	b.External = ""
	b = mustSave(t, s, b, "")
	if extHolder(t, db, "1C-0001") != 0 || extCount(t, db) != 1 {
		t.Fatalf("cleared code left its entry (%d entries)", extCount(t, db))
	}
}

func TestBulkLoadKeepsExternalCodes(t *testing.T) {
	db, err := Open(tempPath(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, err := BulkLoad(db, nil, func(emit func(model.Client) error) error {
		for i := range 5000 {
			c := newClient(fmt.Sprintf("Client %d", i))
			if i%2 == 0 {
				c.External = fmt.Sprintf("X%05d", i)
			}
			if err := emit(c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || n != 5000 {
		t.Fatalf("load: %d, %v", n, err)
	}
	if extCount(t, db) != 2500 {
		t.Fatalf("%d codes, want 2500", extCount(t, db))
	}
	if id := extHolder(t, db, "x00042"); id != 43 {
		t.Fatalf("X00042 held by %d, want 43", id)
	}

	// Two clients claiming one code fail the load, which leaves nothing.
	db2, err := Open(tempPath(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	_, err = BulkLoad(db2, nil, func(emit func(model.Client) error) error {
		for i := range 3 {
			c := newClient(fmt.Sprintf("Dup %d", i))
			c.External = "same"
			if err := emit(c); err != nil {
				return err
			}
		}
		return nil
	})
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["external"] == "" {
		t.Fatalf("duplicate codes in a load: %v", err)
	}
	if extCount(t, db2) != 0 {
		t.Fatal("failed load left codes")
	}
}

func imp(c model.Client, carries ClientFields) *ClientImport {
	return &ClientImport{Client: c, Carries: carries}
}

const allFields = ^ClientFields(0)

func actions(res []ImportResult) string {
	var b strings.Builder
	for i, r := range res {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(r.Action))
	}
	return b.String()
}

func TestImportClientsMatchesAndMerges(t *testing.T) {
	db, s := openDirector(t)
	addUser(t, s, "petrov", model.RoleManager)
	// An existing client, found by tax id; another, by code.
	old := newClient("Ромашка")
	old.TaxCountry, old.TaxID = model.TaxRU, "7707083893"
	old.Notes = "keep me"
	old.Phones = []model.Phone{{Raw: "+7 912 345-67-89", Label: "office", WrongNumber: true}}
	old = mustSave(t, s, old, "")
	coded := newClient("Coded")
	coded.External = "C-1"
	coded = mustSave(t, s, coded, "")
	auditBefore := auditCount(t, db)

	byTax := newClient("Ромашка")
	byTax.TaxCountry, byTax.TaxID = model.TaxRU, "7707 083 893"
	byTax.City = "Москва"
	byTax.Phones = []model.Phone{{Raw: "89123456789"}}
	byCode := model.Client{External: "c-1", ShortName: "Coded Ltd", Manager: "petrov"}
	fresh := newClient("Новый")
	fresh.External = "N-1"
	bad := newClient("Bad")
	bad.TaxCountry, bad.TaxID = model.TaxRU, "7707083894"
	unknownMgr := newClient("Nobody's")
	unknownMgr.Manager = "ghost"
	taken := newClient("Taken")
	taken.External = "N-1" // the fresh row's code, created just before in this batch: an update of it
	res, err := s.ImportClients([]*ClientImport{
		imp(byTax, CFShortName|CFTaxCountry|CFTaxID|CFCity|CFPhones),
		imp(byCode, CFExternal|CFShortName|CFManager),
		imp(fresh, allFields),
		imp(bad, allFields),
		imp(unknownMgr, CFShortName|CFManager),
		imp(taken, CFExternal|CFShortName),
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := actions(res), "update update create reject reject update"; got != want {
		t.Fatalf("actions %q, want %q (%v)", got, want, res)
	}
	if res[3].Err == nil || !strings.Contains(res[3].Err.Error(), "check") {
		t.Errorf("bad tax id: %v", res[3].Err)
	}
	if res[4].Err == nil || !strings.Contains(res[4].Err.Error(), "ghost") {
		t.Errorf("unknown manager: %v", res[4].Err)
	}
	got, _ := s.Client(old.ID)
	if got.City != "Москва" || got.Notes != "keep me" {
		t.Errorf("merge: city %q notes %q", got.City, got.Notes)
	}
	if len(got.Phones) != 1 || got.Phones[0].Label != "office" || !got.Phones[0].WrongNumber {
		t.Errorf("the card's phone lost its label or mark: %+v", got.Phones)
	}
	c2, _ := s.Client(coded.ID)
	if c2.ShortName != "Coded Ltd" || c2.Manager != "petrov" || c2.External != "C-1" {
		t.Errorf("by code: %+v", c2)
	}
	if res[5].ID != res[2].ID {
		t.Errorf("same code twice in a batch: ids %d and %d", res[2].ID, res[5].ID)
	}
	// Audit: one entry per update (3), one for the batch's creations.
	if n := auditCount(t, db) - auditBefore; n != 4 {
		t.Errorf("%d audit entries, want 4", n)
	}
	h, _ := s.History(old.ID)
	if last := h[len(h)-1]; last.Action != "update" || len(last.Changes) == 0 {
		t.Errorf("history of an imported update: %+v", last)
	}

	// The same rows again change nothing and write no audit.
	auditBefore = auditCount(t, db)
	res, err = s.ImportClients([]*ClientImport{
		imp(byTax, CFShortName|CFTaxCountry|CFTaxID|CFCity|CFPhones),
		imp(byCode, CFExternal|CFShortName|CFManager),
		imp(fresh, allFields),
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	// "fresh" was later renamed "Taken" by the batch's last row: it changes back.
	if got, want := actions(res), "unchanged unchanged update"; got != want {
		t.Fatalf("re-import: %q, want %q", got, want)
	}
	if n := auditCount(t, db) - auditBefore; n != 1 {
		t.Errorf("re-import wrote %d audit entries, want 1", n)
	}
}

func TestImportClientsDryRunWritesNothing(t *testing.T) {
	db, s := openDirector(t)
	var batch []*ClientImport
	for i := range 3000 { // a big batch: the search index path too
		c := newClient(fmt.Sprintf("Dry %d", i))
		c.External = fmt.Sprintf("D%d", i)
		batch = append(batch, imp(c, allFields))
	}
	before := auditCount(t, db)
	res, err := s.ImportClients(batch, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Action != model.ImportCreate {
			t.Fatalf("dry: %v", r)
		}
	}
	st, _ := db.Stats()
	if st.Clients != 0 || extCount(t, db) != 0 || auditCount(t, db) != before {
		t.Fatalf("dry run wrote: %d clients, %d codes", st.Clients, extCount(t, db))
	}
	// The real run then finds them by code the second time.
	if _, err := s.ImportClients(batch, false); err != nil {
		t.Fatal(err)
	}
	res, err = s.ImportClients(batch[:10], false)
	if err != nil {
		t.Fatal(err)
	}
	if actions(res) != strings.TrimSpace(strings.Repeat("unchanged ", 10)) {
		t.Fatalf("after the load: %s", actions(res))
	}
	if err := db.BuildIndex(context.Background()); err != nil { // as main does after Open (and the import after a quiet moment)
		t.Fatal(err)
	}
	page, err := s.List(context.Background(), model.ClientFilter{Text: "Dry 2999"}, 0, 10)
	if err != nil || page.Total != 1 {
		t.Fatalf("search after a big import: %+v %v", page.Total, err)
	}
}

func TestImportClientsTaxIndexFollowsSaves(t *testing.T) {
	_, s := openDirector(t)
	// The tax index is built by the first import...
	if _, err := s.ImportClients(nil, false); err != nil {
		t.Fatal(err)
	}
	// ...and a client saved afterwards is found by its tax id.
	c := newClient("Later")
	c.TaxCountry, c.TaxID = model.TaxRU, "7707083893"
	c = mustSave(t, s, c, "")
	row := newClient("Later")
	row.TaxCountry, row.TaxID, row.City = model.TaxRU, "7707083893", "Тверь"
	res, err := s.ImportClients([]*ClientImport{imp(row, CFTaxCountry|CFTaxID|CFCity)}, false)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Action != model.ImportUpdate || res[0].ID != c.ID {
		t.Fatalf("got %+v, want an update of %d", res[0], c.ID)
	}
	// Its tax id changed by hand: the index no longer sends rows to it.
	c, _ = s.Client(c.ID)
	c.TaxID = "500100732259"
	c = mustSave(t, s, c, "")
	res, err = s.ImportClients([]*ClientImport{imp(row, CFShortName|CFTaxCountry|CFTaxID|CFCity)}, false)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Action != model.ImportCreate {
		t.Fatalf("stale tax entry matched: %+v", res[0])
	}
}

func TestImportClientsNeedsTheRight(t *testing.T) {
	_, s := openDirector(t)
	mgr := addUser(t, s, "petrov", model.RoleManager)
	_, err := mgr.ImportClients([]*ClientImport{imp(newClient("X"), allFields)}, false)
	if !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("manager import: %v", err)
	}
}

func TestEachClientInIDOrder(t *testing.T) {
	_, s := openDirector(t)
	for i := range 10 {
		mustSave(t, s, newClient(fmt.Sprintf("Z%d", 9-i)), "")
	}
	var ids []model.ID
	err := s.EachClient(context.Background(), func(c model.Client) error { ids = append(ids, c.ID); return nil })
	if err != nil || len(ids) != 10 {
		t.Fatal(err, len(ids))
	}
	for i := range ids {
		if ids[i] != model.ID(i+1) {
			t.Fatalf("order %v", ids)
		}
	}
}

func auditCount(t *testing.T, db *DB) int {
	t.Helper()
	n := 0
	_ = db.bolt.View(func(tx *bolt.Tx) error { n = tx.Bucket(bucketAudit).Stats().KeyN; return nil })
	return n
}

// The records a batch encodes in parallel (without their ids) are the
// records a save would write.
func TestImportedRecordsAreCanonical(t *testing.T) {
	db, s := openDirector(t)
	var batch []*ClientImport
	for i := range 600 {
		r := benchImportRow(i)
		r.Client.Category = model.Categories[i%3]
		r.Carries |= CFCategory
		batch = append(batch, r)
	}
	if _, err := s.ImportClients(batch, false); err != nil {
		t.Fatal(err)
	}
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketClients).ForEach(func(k, v []byte) error {
			var c model.Client
			if err := decode(v, &c); err != nil {
				t.Fatal(err)
			}
			want, _ := appendClientRecord(nil, &c)
			if string(want) != string(v) {
				t.Fatalf("client %d: record differs from its canonical encoding", c.ID)
			}
			if c.ID != model.ID(btoi(k)) || c.Category == "" || len(c.CategoryLog) != 1 {
				t.Fatalf("client %d: %+v", btoi(k), c)
			}
			return nil
		})
	})
}

// A company's branches share its INN: a row finds its branch by KPP, and a
// row that cannot say which is refused, naming the tax id.
func TestImportClientsBranchesByKPP(t *testing.T) {
	_, s := openDirector(t)
	var ids []model.ID
	for _, kpp := range []string{"770701001", "780201001"} {
		c := newClient("Ромашка " + kpp)
		c.TaxCountry, c.TaxID, c.KPP = model.TaxRU, "7707083893", kpp
		ids = append(ids, mustSave(t, s, c, "").ID)
	}
	row := model.Client{TaxCountry: model.TaxRU, TaxID: "7707083893", KPP: "780201001", City: "Санкт-Петербург"}
	vague := model.Client{TaxCountry: model.TaxRU, TaxID: "7707083893", City: "Тверь"}
	res, err := s.ImportClients([]*ClientImport{
		imp(row, CFTaxCountry|CFTaxID|CFKPP|CFCity),
		imp(vague, CFTaxCountry|CFTaxID|CFCity),
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Action != model.ImportUpdate || res[0].ID != ids[1] {
		t.Fatalf("by KPP: %+v", res[0])
	}
	if res[1].Action != model.ImportReject || res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "7707083893") {
		t.Fatalf("ambiguous: %+v", res[1])
	}
	c, _ := s.Client(ids[0])
	if c.City != "" {
		t.Fatal("the other branch changed")
	}
}

// A wrong number logged on a call rewrites the client (rewriteClientTx):
// its external code stays with it.
func TestWrongNumberKeepsExternalCode(t *testing.T) {
	d := newPlanDept(t)
	c := d.vilnius
	c.External = "1C-777"
	c = mustSave(t, d.boss, c, "")
	_, res, err := takeAndLog(t, d, d.olga, c, model.Interaction{Outcome: model.OutcomeWrongNumber})
	if err != nil {
		t.Fatal(err)
	}
	if res.FlaggedPhone == "" {
		t.Fatal("no phone flagged: the client was not rewritten")
	}
	after, _ := d.boss.Client(c.ID)
	if after.Version == c.Version || after.External != "1C-777" || extHolder(t, d.db, "1c-777") != c.ID {
		t.Fatalf("after a wrong number: version %d→%d, code %q held by %d", c.Version, after.Version, after.External, extHolder(t, d.db, "1c-777"))
	}
}

// A code one row gives an existing client (found by tax id) is found by
// the next row of the same batch, even past every code stored before.
func TestImportClientsCodeGivenThenUsed(t *testing.T) {
	db, s := openDirector(t)
	a := newClient("Alpha")
	a.External = "A-1"
	mustSave(t, s, a, "")
	b := newClient("Beta")
	b.TaxCountry, b.TaxID = model.TaxRU, "7707083893"
	b = mustSave(t, s, b, "")
	give := model.Client{TaxCountry: model.TaxRU, TaxID: "7707083893", External: "ZZ-9"}
	use := model.Client{External: "zz-9", City: "Тверь"}
	res, err := s.ImportClients([]*ClientImport{
		imp(give, CFTaxCountry|CFTaxID|CFExternal),
		imp(use, CFExternal|CFCity),
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	if actions(res) != "update update" || res[1].ID != b.ID {
		t.Fatalf("%s %+v", actions(res), res)
	}
	if extHolder(t, db, "ZZ-9") != b.ID || extCount(t, db) != 2 {
		t.Fatalf("codes: ZZ-9 held by %d, %d codes", extHolder(t, db, "ZZ-9"), extCount(t, db))
	}
}

// Two contacts of one name in a client are two people: rows that carry
// their ids (as an export writes them) create both in an empty client and
// update each its own afterwards; a foreign id with a known name still
// finds the person by name.
func TestImportContactsTellsNamesakesApartByID(t *testing.T) {
	_, s := openDirector(t)
	c := mustSave(t, s, newClient("Alpha"), "")
	code := ExternalOrOwn(&c)
	row := func(id model.ID, position string) ContactImport {
		return ContactImport{ClientExternal: code, ContactID: id, Contact: model.Contact{Name: "Laura Smith", Position: position}, Carries: CKPosition}
	}
	res, err := s.ImportContacts([]ContactImport{row(1, "Director"), row(2, "Buyer")}, false)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Action != model.ImportCreate || res[1].Action != model.ImportCreate {
		t.Fatalf("two namesakes with their ids: %+v, want two created", res)
	}
	got, err := s.Client(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Contacts) != 2 {
		t.Fatalf("%d contacts, want 2: %+v", len(got.Contacts), got.Contacts)
	}
	again := []ContactImport{row(got.Contacts[0].ID, "Director"), row(got.Contacts[1].ID, "Buyer")}
	if res, err = s.ImportContacts(again, false); err != nil || res[0].Action != model.ImportUnchanged || res[1].Action != model.ImportUnchanged {
		t.Fatalf("the same rows again: %+v, %v; want both unchanged", res, err)
	}
	if res, err = s.ImportContacts([]ContactImport{row(got.Contacts[1].ID, "Chief buyer")}, false); err != nil || res[0].Action != model.ImportUpdate {
		t.Fatalf("the second namesake's row: %+v, %v", res, err)
	}
	if got, _ = s.Client(c.ID); got.Contacts[0].Position != "Director" || got.Contacts[1].Position != "Chief buyer" {
		t.Fatalf("the update landed on the wrong namesake: %+v", got.Contacts)
	}
	if res, err = s.ImportContacts([]ContactImport{row(99, "Director")}, false); err != nil || res[0].Action != model.ImportUnchanged || len(mustClient(t, s, c.ID).Contacts) != 2 {
		t.Fatalf("a foreign id with a known name: %+v, %v; want the first namesake, unchanged", res, err)
	}
}

func mustClient(t *testing.T, s *Session, id model.ID) model.Client {
	t.Helper()
	c, err := s.Client(id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
