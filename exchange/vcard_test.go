package exchange

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-vcard"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
)

// vcardDept is a database with the director signed in and three clients:
// ООО «Ромашка» (code 1C-001), ИП Ёлкин (no code, found by ORG) and Baltic
// Foods (code 1C-003); with contacts when withContacts.
func vcardDept(t testing.TB, withContacts bool) *store.Session {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "clientbase.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(boss)
	clients := []model.Client{storetest.Client(1), storetest.Client(2), storetest.Client(3)}
	clients[0].ShortName, clients[0].External = "ООО «Ромашка»", "1C-001"
	clients[1].ShortName = "ИП Ёлкин"
	clients[2].ShortName, clients[2].External = "Baltic Foods", "1C-003"
	if withContacts {
		clients[0].Contacts = []model.Contact{
			{Name: "Ольга Иванова", Position: "Главный бухгалтер", Role: model.ContactRole("accountant"),
				Phones: []model.Phone{{Raw: "+7 912 345-67-89", Label: "mobile"}, {Raw: "+7 495 123-45-67", Label: "office"}},
				Email:  "olga@romashka.ru"},
			{Name: "Пётр Сидоров", Phones: []model.Phone{{Raw: "+7 912 000-11-22"}}, Left: true},
		}
		clients[1].Contacts = []model.Contact{{Name: "Ёлкин Иван Петрович", Position: "Директор", DoNotContact: true}}
		clients[2].Contacts = []model.Contact{{Name: "Jonas Jonaitis", Email: "jonas@baltic.lt"}}
	}
	for _, c := range clients {
		if _, err := s.SaveClient(c, "test data"); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func vcardDecode(t *testing.T, data []byte) []vcard.Card {
	t.Helper()
	dec := vcard.NewDecoder(bytes.NewReader(data))
	var out []vcard.Card
	for {
		c, err := dec.Decode()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("the library cannot read the export: %v\n%s", err, data)
		}
		out = append(out, c)
	}
}

func vcardExport(t *testing.T, s *store.Session, version string) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := WriteVCards(context.Background(), s, &buf, version)
	if err != nil {
		t.Fatal(err)
	}
	if n != strings.Count(buf.String(), "BEGIN:VCARD") {
		t.Fatalf("WriteVCards says %d cards, the file holds %d", n, strings.Count(buf.String(), "BEGIN:VCARD"))
	}
	return buf.Bytes()
}

func TestVCardExportParsesWithCyrillicIntact(t *testing.T) {
	s := vcardDept(t, true)
	for _, version := range []string{VCard3, VCard4} {
		data := vcardExport(t, s, version)
		cards := vcardDecode(t, data)
		if len(cards) != 4 {
			t.Fatalf("%s: %d cards, want one per contact (4)", version, len(cards))
		}
		olga := cards[0]
		if got := olga.PreferredValue(vcard.FieldVersion); got != version {
			t.Errorf("VERSION %q, want %q", got, version)
		}
		if got := olga.PreferredValue(vcard.FieldFormattedName); got != "Ольга Иванова" {
			t.Errorf("FN %q", got)
		}
		if n := olga.Name(); n == nil || n.GivenName != "Ольга" || n.FamilyName != "Иванова" {
			t.Errorf("N %+v", n)
		}
		if got := olga.PreferredValue(vcard.FieldOrganization); got != "ООО «Ромашка»" {
			t.Errorf("ORG %q", got)
		}
		if got := olga.PreferredValue(vcard.FieldTitle); got != "Главный бухгалтер" {
			t.Errorf("TITLE %q", got)
		}
		tels := olga[vcard.FieldTelephone]
		if len(tels) != 2 || tels[0].Value != "+79123456789" || !strings.EqualFold(tels[0].Params.Get(vcard.ParamType), vcard.TypeCell) ||
			!strings.EqualFold(tels[1].Params.Get(vcard.ParamType), vcard.TypeWork) {
			t.Errorf("TEL %v", tels)
		}
		if got := olga.PreferredValue(vcard.FieldEmail); got != "olga@romashka.ru" {
			t.Errorf("EMAIL %q", got)
		}
		if got := olga.PreferredValue(vcardClient); got != "1C-001" {
			t.Errorf("%s %q", vcardClient, got)
		}
		uid := olga.PreferredValue(vcard.FieldUID)
		if cid, kid, ok := parseVCardUID(uid); !ok || cid != 1 || kid == 0 {
			t.Errorf("UID %q", uid)
		}
		petr := cards[1]
		if petr.PreferredValue(vcard.FieldNote) == "" || petr.PreferredValue(vcardLeft) != "yes" {
			t.Errorf("a contact who left has no note: %v", petr)
		}
		elkin := cards[2]
		if n := elkin.Name(); n == nil || n.FamilyName != "Ёлкин" || n.GivenName != "Иван" || n.AdditionalName != "Петрович" {
			t.Errorf("N of a Russian full name %+v", n)
		}
		if got := elkin.PreferredValue(vcardClient); got != "cb:2" {
			t.Errorf("a client without a code: %s %q, want cb:2", vcardClient, got)
		}
		// a re-export is the same file
		if again := vcardExport(t, s, version); !bytes.Equal(again, data) {
			t.Errorf("%s: two exports differ", version)
		}
	}
	if _, err := WriteVCards(context.Background(), s, io.Discard, "2.1"); err == nil {
		t.Error("version 2.1 accepted")
	}
}

func TestVCardExportNeedsTheBulkRight(t *testing.T) {
	ds := vcardDept(t, true)
	if _, err := ds.SaveUser(model.User{Name: "olga", FullName: "Ольга", Role: model.RoleOperator}); err != nil {
		t.Fatal(err)
	}
	u, err := ds.DB().SignIn("olga")
	if err != nil {
		t.Fatal(err)
	}
	op := ds.DB().As(u)
	if _, err := WriteVCards(context.Background(), op, io.Discard, VCard3); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator exported the contacts: %v", err)
	}
	if _, err := ImportVCard(context.Background(), op, strings.NewReader(""), ImportOptions{}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator imported contacts: %v", err)
	}
}

func vcardImport(t *testing.T, s *store.Session, data []byte, opts ImportOptions) model.ImportReport {
	t.Helper()
	rep, err := ImportVCard(context.Background(), s, bytes.NewReader(data), opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != rep.Created+rep.Updated+rep.Unchanged+rep.Rejected {
		t.Fatalf("report does not add up: %+v", rep)
	}
	return rep
}

func vcardCountContacts(t *testing.T, s *store.Session) int {
	t.Helper()
	n := 0
	if err := s.EachContactClient(context.Background(), func(c *model.Client) error { n += len(c.Contacts); return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestVCardRoundTrip(t *testing.T) {
	for _, version := range []string{VCard3, VCard4} {
		t.Run(version, func(t *testing.T) {
			a := vcardDept(t, true)
			data := vcardExport(t, a, version)

			// the same database: every card finds its contact
			if rep := vcardImport(t, a, data, ImportOptions{}); rep.Unchanged != 4 || rep.Rows != 4 {
				t.Fatalf("re-import into the source: %+v", rep)
			}

			// a database with the same clients and no contacts
			b := vcardDept(t, false)
			dry := vcardImport(t, b, data, ImportOptions{DryRun: true})
			if dry.Created != 4 || vcardCountContacts(t, b) != 0 {
				t.Fatalf("dry run: %+v, %d contacts written", dry, vcardCountContacts(t, b))
			}
			rep := vcardImport(t, b, data, ImportOptions{})
			if rep.Created != 4 || rep.Rejected != 0 {
				t.Fatalf("import: %+v", rep)
			}
			if got := vcardExport(t, b, version); !bytes.Equal(got, data) {
				t.Errorf("export → import → export differs:\n%s\n---\n%s", data, got)
			}
			again := vcardImport(t, b, data, ImportOptions{})
			if again.Unchanged != 4 || vcardCountContacts(t, b) != 4 {
				t.Errorf("second import: %+v, %d contacts", again, vcardCountContacts(t, b))
			}
			c, err := b.Client(2)
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Contacts) != 1 || !c.Contacts[0].DoNotContact || c.Contacts[0].Position != "Директор" {
				t.Errorf("ИП Ёлкин's contact: %+v", c.Contacts)
			}
		})
	}
}

const cardOlgaRenamed = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:clientbase-contact-1-1@clientbase\r\nFN:Оля Иванова\r\nORG:ООО «Ромашка»\r\nTITLE:Финансовый директор\r\nEND:VCARD\r\n"

func TestVCardImportMatchesByUIDAndPhone(t *testing.T) {
	s := vcardDept(t, true)
	// the phone's own card: another name, the UID the export wrote
	rep := vcardImport(t, s, []byte(cardOlgaRenamed), ImportOptions{Preview: 10})
	if rep.Updated != 1 {
		t.Fatalf("by UID: %+v", rep)
	}
	c, _ := s.Client(1)
	if len(c.Contacts) != 2 || c.Contacts[0].Position != "Финансовый директор" || c.Contacts[0].Name != "Ольга Иванова" {
		t.Errorf("after the UID's card: %+v", c.Contacts)
	}
	// a card a phone made: no UID, another spelling, the same mobile
	card := "BEGIN:VCARD\nVERSION:3.0\nFN:Петя\nORG:ооо  «ромашка»\nTEL;TYPE=CELL:8 (912) 000-11-22\nEMAIL:petr@romashka.ru\nEND:VCARD\n"
	rep = vcardImport(t, s, []byte(card), ImportOptions{})
	if rep.Updated != 1 {
		t.Fatalf("by phone: %+v", rep)
	}
	c, _ = s.Client(1)
	if len(c.Contacts) != 2 || c.Contacts[1].Email != "petr@romashka.ru" || len(c.Contacts[1].Phones) != 1 || c.Contacts[1].Phones[0].E164 != "+79120001122" {
		t.Errorf("after the phone's card: %+v", c.Contacts)
	}
	// a client whose name has a ";" (the library writes ORG unescaped) is
	// found by the whole ORG; a company;unit ORG by the company
	c3, _ := s.Client(3)
	c3.ShortName = "Baltic Foods; Vilnius"
	if _, err := s.SaveClient(c3, "t"); err != nil {
		t.Fatal(err)
	}
	card = "BEGIN:VCARD\nVERSION:3.0\nFN:Jonas Jonaitis\nORG:Baltic Foods; Vilnius\nEND:VCARD\n"
	if rep = vcardImport(t, s, []byte(card), ImportOptions{}); rep.Unchanged != 1 {
		t.Fatalf("ORG with a semicolon: %+v", rep)
	}
	if _, err := s.SaveClient(func() model.Client { c, _ := s.Client(3); c.ShortName = "Baltic Foods"; return c }(), "t"); err != nil {
		t.Fatal(err)
	}
	// a new person of a client found by ORG
	card = "BEGIN:VCARD\nVERSION:4.0\nFN:Анна Смирнова\nORG:Baltic Foods;Sales\nTEL;VALUE=uri;TYPE=work:tel:+37060012345\nEND:VCARD\n"
	rep = vcardImport(t, s, []byte(card), ImportOptions{})
	if rep.Created != 1 {
		t.Fatalf("new contact: %+v", rep)
	}
	c, _ = s.Client(3)
	if len(c.Contacts) != 2 || c.Contacts[1].Name != "Анна Смирнова" || c.Contacts[1].Phones[0].E164 != "+37060012345" {
		t.Errorf("Baltic Foods: %+v", c.Contacts)
	}
}

func TestVCardImportRejectsBadCardsKeepsGood(t *testing.T) {
	s := vcardDept(t, false)
	if _, err := s.SaveClient(func() model.Client { c := storetest.Client(4); c.ShortName = "Acme"; return c }(), "t"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveClient(func() model.Client { c := storetest.Client(5); c.ShortName = "Acme"; return c }(), "t"); err != nil {
		t.Fatal(err)
	}
	file := strings.Join([]string{
		"BEGIN:VCARD\nVERSION:3.0\nFN:Ольга Иванова\nORG:ООО «Ромашка»\nEND:VCARD",              // 1 good (line 1)
		"BEGIN:VCARD\nVERSION:3.0\nORG:ООО «Ромашка»\nEND:VCARD",                                // 2 no name (line 6)
		"BEGIN:VCARD\nVERSION:3.0\nFN:Некто\nORG:ООО Неизвестно\nEND:VCARD",                     // 3 no client (line 10)
		"BEGIN:VCARD\nVERSION:3.0\nFN:John\nORG:Acme\nEND:VCARD",                                // 4 two clients named so (line 15)
		"BEGIN:VCARD\nVERSION:3.0\nFN;LANGUAGE=\"ru:X\nEND:VCARD",                               // 5 unreadable (line 20)
		"BEGIN:VCARD\nVERSION:3.0\nFN:Bad Mail\nORG:Baltic Foods\nEMAIL:no-at-sign\nEND:VCARD",  // 6 bad e-mail (line 24)
		"BEGIN:VCARD\nVERSION:3.0\nFN:Bad Phone\nX-CLIENTBASE-CLIENT:1c-003\nTEL:12\nEND:VCARD", // 7 bad phone (line 30)
		"BEGIN:VCARD\nVERSION:3.0\nFN:Jonas\nX-CLIENTBASE-CLIENT:1c-003\nEND:VCARD",             // 8 good by code (line 36)
	}, "\n") + "\n"
	rep := vcardImport(t, s, []byte(file), ImportOptions{})
	if rep.Rows != 8 || rep.Created != 2 || rep.Rejected != 6 {
		t.Fatalf("%+v", rep)
	}
	wantLines := []int{6, 10, 15, 20, 24, 30}
	for i, l := range rep.Lines {
		if l.Action != model.ImportReject {
			t.Errorf("line %d: %s", l.Line, l.Action)
			continue
		}
		if i < len(wantLines) && l.Line != wantLines[i] {
			t.Errorf("rejection %d at line %d, want %d", i, l.Line, wantLines[i])
		}
		if !strings.HasPrefix(l.Reason, "card ") || !strings.Contains(l.Reason, "(line ") || strings.Contains(l.Reason, "vcard:") {
			t.Errorf("line %d: reason %q is not a sentence naming the card", l.Line, l.Reason)
		}
		t.Logf("%d: %s", l.Line, l.Reason)
	}
	if vcardCountContacts(t, s) != 2 {
		t.Errorf("%d contacts, want the 2 good cards", vcardCountContacts(t, s))
	}
}

// The driver's path: Export(Contacts, vcard) is WriteVCards with its audit
// entry (skips while H1's driver is a stub).
func TestVCardThroughExport(t *testing.T) {
	s := vcardDept(t, true)
	var buf bytes.Buffer
	n, err := Export(context.Background(), s, Contacts, &buf, ExportOptions{Format: VCard})
	if errors.Is(err, csvio.ErrNotImplemented) {
		t.Skip("the export driver is a stub")
	}
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 || !bytes.Equal(buf.Bytes(), vcardExport(t, s, VCard3)) {
		t.Errorf("Export wrote %d records:\n%s", n, buf.Bytes())
	}
}

func FuzzImportVCard(f *testing.F) {
	s := vcardDept(f, true)
	var buf bytes.Buffer
	if _, err := WriteVCards(context.Background(), s, &buf, VCard3); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	buf.Reset()
	if _, err := WriteVCards(context.Background(), s, &buf, VCard4); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(cardOlgaRenamed))
	f.Add([]byte(androidCard))
	f.Add([]byte("BEGIN:VCARD\nVERSION:3.0\nFN;CHARSET=UTF-8:\xff\xfe\nORG:\nEND:VCARD\nBEGIN:VCARD\n"))
	f.Add([]byte("BEGIN:VCARD\nBEGIN:VCARD\nAGENT:x\nEND:VCARD\n N:;;;\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := ImportVCard(context.Background(), s, bytes.NewReader(data), ImportOptions{DryRun: true})
		if err != nil {
			t.Fatalf("an error instead of rejected cards: %v", err)
		}
		if rep.Rows != len(splitVCards(data)) {
			t.Fatalf("%d rows for %d cards", rep.Rows, len(splitVCards(data)))
		}
		if rep.Rows != rep.Created+rep.Updated+rep.Unchanged+rep.Rejected {
			t.Fatalf("report does not add up: %+v", rep)
		}
		rejected := 0
		for _, l := range rep.Lines {
			if l.Action != model.ImportReject {
				continue
			}
			rejected++
			if !strings.HasPrefix(l.Reason, "card ") {
				t.Fatalf("line %d: reason %q", l.Line, l.Reason)
			}
		}
		if rejected != rep.Rejected {
			t.Fatalf("%d rejected, %d lines say why", rep.Rejected, rejected)
		}
	})
}

// The contacts' and the plan's CSV stay CSV: the driver calls an
// exporter's write for its own format only (skips while the driver is a stub).
func TestOwnFormatsOnlyForTheirFormat(t *testing.T) {
	s := vcardDept(t, true)
	for _, k := range []Kind{Contacts, Plan} {
		var buf bytes.Buffer
		_, err := Export(context.Background(), s, k, &buf, ExportOptions{Format: CSV})
		if errors.Is(err, csvio.ErrNotImplemented) {
			t.Skip("the export driver is a stub")
		}
		if err != nil {
			t.Fatalf("%s as CSV: %v", k, err)
		}
		if strings.Contains(buf.String(), "BEGIN:") || !strings.Contains(strings.SplitN(buf.String(), "\n", 2)[0], ",") {
			t.Errorf("%s as CSV wrote another format:\n%s", k, buf.String())
		}
	}
}

func TestOwnFormatsRefuseTheOthers(t *testing.T) {
	s := vcardDept(t, true)
	for _, c := range []struct {
		k Kind
		f Format
	}{{Contacts, ICS}, {Plan, VCard}} {
		var buf bytes.Buffer
		if _, err := Export(context.Background(), s, c.k, &buf, ExportOptions{Format: c.f}); err == nil || buf.Len() > 0 {
			t.Errorf("%s as %s: %v, %d bytes", c.k, c.f, err, buf.Len())
		}
	}
}
