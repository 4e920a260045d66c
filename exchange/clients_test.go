package exchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
)

// Tests of the clients and contacts kinds. The row-level ones call the
// kinds' parse, write and each functions directly; the file-level ones go
// through Import and Export and skip while the CSV driver is a stub.

func emptyDB(t testing.TB) *store.Session {
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
	for _, u := range []model.User{
		{Name: "petrov", FullName: "Пётр Петров", Role: model.RoleManager},
		{Name: "jonaitis", FullName: "Jonas Jonaitis", Role: model.RoleManager},
	} {
		if _, err := s.SaveUser(u); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// richDepartment is storetest's department with contacts, codes, flags,
// money and Cyrillic everywhere.
func richDepartment(t testing.TB, n int) *store.Session {
	t.Helper()
	s, _ := storetest.Department(t, n)
	for i := 1; i <= n; i++ {
		c, err := s.Client(model.ID(i))
		if err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			c.External = fmt.Sprintf("000%04d", i)
		}
		c.FullName = "Общество с ограниченной ответственностью «" + c.ShortName + "»"
		c.LegalAddress = "г. Москва, ул. Ленина, д. " + fmt.Sprint(i) + ", офис 5"
		c.Emails = []string{fmt.Sprintf("info%d@example.ru", i)}
		c.CreditLimit = model.Money{Minor: int64(i) * 123456, Currency: "RUB"}
		c.DeferralDays = i % 30
		c.Flags.KeyClient = i%3 == 0
		c.Notes = "Первая строка\nвторая; с \"кавычками\", запятой"
		c.Contacts = []model.Contact{
			{Name: "Иванова Мария Петровна", Position: "Главный бухгалтер", Role: model.ContactAccountant,
				Phones: []model.Phone{{Raw: "+7 495 123-45-67"}}, Email: "buh@example.ru", Consent: true},
			{Name: "Jonas Petraitis", Role: model.ContactBuyer, Left: i%4 == 0},
		}
		if _, err := s.SaveClient(c, "category"); err != nil {
			t.Fatalf("client %d: %v", i, err)
		}
	}
	return s
}

// exportRows runs kind's exporter and returns its rows (header first).
func exportRows(t testing.TB, s *store.Session, kind Kind) [][]string {
	t.Helper()
	ex := exporters[kind]
	out := [][]string{ex.columns}
	err := ex.each(context.Background(), s, ExportOptions{}, func(row []string) error {
		out = append(out, append([]string(nil), row...))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// importRows parses rows (header first) with kind's importer and writes
// them in one batch; it returns the results of the rows parsed and the
// reasons of those refused by parse.
func importRows(t testing.TB, s *store.Session, kind Kind, rows [][]string, dry bool) ([]store.ImportResult, []string) {
	t.Helper()
	im := importers[kind]
	var items []any
	var refused []string
	for i, r := range rows[1:] {
		row := csvio.Row{Line: i + 2, Values: map[string]string{}}
		for j, h := range rows[0] {
			row.Values[h] = r[j]
		}
		item, _, err := im.parse(row, ImportOptions{})
		if err != nil {
			refused = append(refused, fmt.Sprintf("line %d: %v", row.Line, err))
			continue
		}
		items = append(items, item)
	}
	res, err := im.write(s, items, dry)
	if err != nil {
		t.Fatal(err)
	}
	return res, refused
}

func counts(res []store.ImportResult) map[model.ImportAction]int {
	m := map[model.ImportAction]int{}
	for _, r := range res {
		m[r.Action]++
	}
	return m
}

func TestClientsRoundTripRows(t *testing.T) {
	src := richDepartment(t, 40)
	clients := exportRows(t, src, Clients)
	contacts := exportRows(t, src, Contacts)
	if len(clients) != 41 || len(contacts) != 81 {
		t.Fatalf("%d client rows, %d contact rows", len(clients), len(contacts))
	}
	dst := emptyDB(t)
	res, refused := importRows(t, dst, Clients, clients, false)
	if len(refused) > 0 || counts(res)[model.ImportCreate] != 40 {
		t.Fatalf("clients: %v %v", counts(res), refused)
	}
	res, refused = importRows(t, dst, Contacts, contacts, false)
	if len(refused) > 0 || counts(res)[model.ImportCreate] != 80 {
		t.Fatalf("contacts: %v %v", counts(res), refused)
	}
	if got := exportRows(t, dst, Clients); !equalRows(got, clients) {
		t.Fatalf("clients differ after the round trip:\n%s", firstDiff(got, clients))
	}
	if got := exportRows(t, dst, Contacts); !equalRows(got, contacts) {
		t.Fatalf("contacts differ after the round trip:\n%s", firstDiff(got, contacts))
	}
	// Cyrillic intact.
	if !strings.Contains(strings.Join(clients[2], "|"), "Общество с ограниченной ответственностью") {
		t.Fatalf("row: %v", clients[2])
	}

	// The same files again, into either database: nothing changes.
	for name, s := range map[string]*store.Session{"source": src, "copy": dst} {
		res, _ = importRows(t, s, Clients, clients, false)
		if c := counts(res); c[model.ImportUnchanged] != 40 {
			t.Errorf("%s: re-import of clients: %v", name, c)
		}
		res, _ = importRows(t, s, Contacts, contacts, false)
		if c := counts(res); c[model.ImportUnchanged] != 80 {
			t.Errorf("%s: re-import of contacts: %v", name, c)
		}
	}
	if got := exportRows(t, src, Clients); !equalRows(got, clients) {
		t.Fatalf("re-import changed the source:\n%s", firstDiff(got, clients))
	}
}

func TestClientsReimportWritesNoAudit(t *testing.T) {
	src := richDepartment(t, 10)
	rows := exportRows(t, src, Clients)
	before, err := src.History(3)
	if err != nil {
		t.Fatal(err)
	}
	res, _ := importRows(t, src, Clients, rows, false)
	if c := counts(res); c[model.ImportUnchanged] != 10 {
		t.Fatalf("%v", c)
	}
	after, _ := src.History(3)
	if len(after) != len(before) {
		t.Fatalf("an unchanged re-import added %d history entries", len(after)-len(before))
	}
}

func TestClientsDryRunWritesNothing(t *testing.T) {
	src := richDepartment(t, 10)
	rows := exportRows(t, src, Clients)
	dst := emptyDB(t)
	res, _ := importRows(t, dst, Clients, rows, true)
	if c := counts(res); c[model.ImportCreate] != 10 {
		t.Fatalf("dry: %v", c)
	}
	if got := exportRows(t, dst, Clients); len(got) != 1 {
		t.Fatalf("dry run wrote %d clients", len(got)-1)
	}
	// A change in the file is reported, not made.
	rows[3][colIndex(t, rows[0], colCity)] = "Тверь"
	res, _ = importRows(t, src, Clients, rows, true)
	if c := counts(res); c[model.ImportUpdate] != 1 || c[model.ImportUnchanged] != 9 {
		t.Fatalf("dry update: %v", c)
	}
	if c, _ := src.Client(res[2].ID); c.City == "Тверь" {
		t.Fatal("dry run changed the city")
	}
}

func TestClientsBadRowsRejectedGoodKept(t *testing.T) {
	s := emptyDB(t)
	rows := [][]string{
		{colExternal, colShortName, colTaxID, colPhones, colCreditLimit, colManager, colKeyClient},
		{"A1", "ООО Альфа", "7707083893", "+7 912 345-67-89", "1 234,56", "petrov", "да"},
		{"A2", "ООО Бета", "7707083894", "", "", "", ""},   // check digit
		{"A3", "ООО Гамма", "", "12", "", "", ""},          // phone
		{"A4", "ООО Дельта", "", "", "сто рублей", "", ""}, // money
		{"A5", "ООО Эпсилон", "", "", "", "ghost", ""},     // manager
		{"A6", "ООО Зета", "", "", "", "", "может быть"},   // yes/no
		{"A7", "", "", "", "", "", ""},                     // no name
		{"A8", "ИП Ёлкин", "500100732259", "8 (912) 000-11-22", "", "", "нет"},
	}
	res, refused := importRows(t, s, Clients, rows, false)
	if c := counts(res); c[model.ImportCreate] != 2 {
		t.Fatalf("created %v; refused %v; results %v", c, refused, res)
	}
	reasons := strings.Join(refused, "\n")
	for _, r := range res {
		if r.Err != nil {
			reasons += "\n" + r.Err.Error()
		}
	}
	for _, want := range []string{"7707083894", "сто рублей", "ghost", "может быть", "12", "no name"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("no reason names %q:\n%s", want, reasons)
		}
	}
	for _, bad := range []string{"%!", "strconv", "<nil>"} {
		if strings.Contains(reasons, bad) {
			t.Errorf("a reason is not a sentence (%q):\n%s", bad, reasons)
		}
	}
	c, err := s.Client(res[0].ID)
	if err != nil || c.CreditLimit.Minor != 123456 || c.Manager != "petrov" || !c.Flags.KeyClient || c.Phones[0].E164 != "+79123456789" {
		t.Fatalf("good row: %+v %v", c, err)
	}
}

func TestClientsRussianHeadersAndMatchByTaxID(t *testing.T) {
	s := richDepartment(t, 5)
	one, _ := s.Client(1) // no code: a 1C file finds it by INN
	rows := [][]string{
		{"Наименование", "ИНН", "Город", "Телефон", "Электронная почта"},
		{one.ShortName, one.TaxID, "Казань", "+7 843 000-00-01", "kazan@example.ru"},
	}
	// The header names are matched by csvio; here the canonical names stand in.
	hdr := map[string]string{"Наименование": colShortName, "ИНН": colTaxID, "Город": colCity, "Телефон": colPhones, "Электронная почта": colEmails}
	for i, h := range rows[0] {
		rows[0][i] = hdr[h]
	}
	res, refused := importRows(t, s, Clients, rows, false)
	if len(refused) > 0 || len(res) != 1 || res[0].Action != model.ImportUpdate || res[0].ID != 1 {
		t.Fatalf("%v %v", res, refused)
	}
	c, _ := s.Client(1)
	if c.City != "Казань" || len(c.Contacts) != 2 || c.Notes != one.Notes {
		t.Fatalf("merge lost what the file does not carry: %+v", c)
	}
	// Every alias of a column is known to it.
	for _, col := range clientColumns {
		if len(col.Aliases) == 0 {
			t.Errorf("%s has no aliases", col.Name)
		}
	}
}

func TestContactsMatchByNameWithinClient(t *testing.T) {
	s := richDepartment(t, 3)
	two, _ := s.Client(2)
	rows := [][]string{
		{colContactClientCode, colContactName, colContactPosition, colContactPhones},
		{two.External, "  иванова  мария петровна ", "Финансовый директор", "+7 495 123-45-67"},
		{two.External, "Новый Человек", "Кладовщик", "8 912 111-22-33"},
		{"no-such-code", "Кто-то", "", ""},
	}
	res, refused := importRows(t, s, Contacts, rows, false)
	if len(refused) > 0 {
		t.Fatal(refused)
	}
	if got := []model.ImportAction{res[0].Action, res[1].Action, res[2].Action}; got[0] != model.ImportUpdate || got[1] != model.ImportCreate || got[2] != model.ImportReject {
		t.Fatalf("actions %v (%v)", got, res)
	}
	if !strings.Contains(res[2].Err.Error(), "no-such-code") {
		t.Errorf("reason %q", res[2].Err)
	}
	c, _ := s.Client(2)
	if len(c.Contacts) != 3 || c.Contacts[0].Position != "Финансовый директор" || c.Contacts[0].Email != "buh@example.ru" {
		t.Fatalf("contacts %+v", c.Contacts)
	}
	if c.Contacts[2].Phones[0].E164 != "+79121112233" {
		t.Fatalf("new contact's phone %+v", c.Contacts[2].Phones)
	}
	// Again: nothing new.
	res, _ = importRows(t, s, Contacts, rows[:3], false)
	if c := counts(res); c[model.ImportUnchanged] != 2 {
		t.Fatalf("re-import: %v", c)
	}
}

func TestParseClientRowNeverPanics(t *testing.T) {
	vals := []string{"", " ", "0", "-1", "да", "x", "7707083893", "+7 (912) 345-67-89; 8 800 100 00 00", "1 234 567,89", "А", "legal", "RU", "abc@", "\xff\xfe", "9-18", "cb:1"}
	for _, col := range clientColumns {
		for _, v := range vals {
			row := csvio.Row{Line: 2, Values: map[string]string{colShortName: "X", col.Name: v}}
			item, _, err := parseClientRow(row, ImportOptions{})
			if err == nil {
				if _, ok := item.(*store.ClientImport); !ok {
					t.Fatalf("%s=%q: item %T", col.Name, v, item)
				}
			} else if errors.Is(err, csvio.ErrNotImplemented) || err.Error() == "" {
				t.Fatalf("%s=%q: %v", col.Name, v, err)
			}
		}
	}
}

func FuzzParseClientRow(f *testing.F) {
	f.Add("ООО Ромашка", "7707083893", "+7 912 345-67-89", "1 234,56", "да")
	f.Add("", "", "", "", "")
	f.Add("X", "12", "abc", "-5", "maybe")
	f.Fuzz(func(t *testing.T, name, tax, phones, money, yes string) {
		row := csvio.Row{Line: 2, Values: map[string]string{colShortName: name, colTaxID: tax, colPhones: phones, colCreditLimit: money, colKeyClient: yes}}
		item, _, err := parseClientRow(row, ImportOptions{})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty reason")
			}
			return
		}
		c := item.(*store.ClientImport).Client
		// What was read is written back as the exporter writes it, and reads the same.
		out := make([]string, len(clientColumns))
		clientRow(out, &c)
		vals := map[string]string{}
		for i, col := range clientColumns {
			vals[col.Name] = out[i]
		}
		again, _, err := parseClientRow(csvio.Row{Line: 2, Values: vals}, ImportOptions{})
		if err != nil {
			t.Fatalf("exported row does not read back: %v (%v)", err, vals)
		}
		c2 := again.(*store.ClientImport).Client
		if c2.CreditLimit.Minor != c.CreditLimit.Minor || c2.Flags != c.Flags || len(c2.Phones) != len(c.Phones) || c2.TaxID != c.TaxID {
			t.Fatalf("read back differs: %+v vs %+v", c2, c)
		}
	})
}

// --- through the CSV driver (skipped while it is a stub) ---

func skipStub(t testing.TB, err error) {
	t.Helper()
	if errors.Is(err, csvio.ErrNotImplemented) {
		t.Skip("the CSV driver is not written yet")
	}
}

func exportFile(t testing.TB, s *store.Session, kind Kind, excel bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	_, err := Export(context.Background(), s, kind, &buf, ExportOptions{Format: CSV, Excel: excel})
	skipStub(t, err)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func importFile(t testing.TB, s *store.Session, kind Kind, data []byte, dry bool) model.ImportReport {
	t.Helper()
	rep, err := Import(context.Background(), s, kind, bytes.NewReader(data), ImportOptions{DryRun: dry})
	skipStub(t, err)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestClientsFileRoundTrip(t *testing.T) {
	for _, excel := range []bool{false, true} {
		t.Run(fmt.Sprint("excel=", excel), func(t *testing.T) {
			src := richDepartment(t, 30)
			clients := exportFile(t, src, Clients, excel)
			contacts := exportFile(t, src, Contacts, excel)
			dst := emptyDB(t)
			if rep := importFile(t, dst, Clients, clients, false); rep.Created != 30 || rep.Rejected != 0 {
				t.Fatalf("clients: %+v", rep)
			}
			if rep := importFile(t, dst, Contacts, contacts, false); rep.Created != 60 || rep.Rejected != 0 {
				t.Fatalf("contacts: %+v", rep)
			}
			if got := exportFile(t, dst, Clients, excel); !bytes.Equal(got, clients) {
				t.Fatalf("clients file differs:\n%s\n---\n%s", got, clients)
			}
			if got := exportFile(t, dst, Contacts, excel); !bytes.Equal(got, contacts) {
				t.Fatalf("contacts file differs")
			}
			if !bytes.Contains(clients, []byte("Общество с ограниченной ответственностью")) {
				t.Fatal("Cyrillic not intact")
			}
			if rep := importFile(t, src, Clients, clients, false); rep.Unchanged != 30 {
				t.Fatalf("re-import: %+v", rep)
			}
			if rep := importFile(t, dst, Contacts, contacts, true); rep.Unchanged != 60 || !rep.DryRun {
				t.Fatalf("dry re-import of contacts: %+v", rep)
			}
		})
	}
}

func TestClientsFileBadRowsWithLines(t *testing.T) {
	s := emptyDB(t)
	data := "Наименование;ИНН;Кредитный лимит\n" +
		"ООО Альфа;7707083893;1 234,56\n" +
		"ООО Бета;7707083894;\n" +
		"ООО Гамма;;сто\n" +
		"ООО Дельта;;\n"
	rep := importFile(t, s, Clients, []byte(data), false)
	if rep.Created != 2 || rep.Rejected != 2 {
		t.Fatalf("%+v", rep)
	}
	lines := map[int]string{}
	for _, l := range rep.Lines {
		if l.Action == model.ImportReject {
			lines[l.Line] = l.Reason
		}
	}
	if !strings.Contains(lines[3], "7707083894") || !strings.Contains(lines[4], "сто") {
		t.Fatalf("reasons by line: %v", lines)
	}
}

func colIndex(t testing.TB, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q", name)
	return -1
}

func equalRows(a, b [][]string) bool { return firstDiff(a, b) == "" }

func firstDiff(a, b [][]string) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d rows vs %d", len(a), len(b))
	}
	for i := range a {
		if strings.Join(a[i], "\x1f") != strings.Join(b[i], "\x1f") {
			for j := range a[i] {
				if j < len(b[i]) && a[i][j] != b[i][j] {
					return fmt.Sprintf("row %d column %q: %q vs %q", i, a[0][j], a[i][j], b[i][j])
				}
			}
			return fmt.Sprintf("row %d: %q vs %q", i, a[i], b[i])
		}
	}
	return ""
}
