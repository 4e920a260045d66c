package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/emersion/go-ical"

	"clientbase/store"
)

// export --excel --out: a BOM, ";" between fields, every client one record
// (Cyrillic intact), "N records → FILE" on stderr, the file private; JSON
// has as many objects.
func TestExportExcelFile(t *testing.T) {
	path, home := demoDB(t, 300)
	var clients int
	withStore(t, path, "orlov", func(_ *store.DB, s *store.Session) {
		st, err := s.Stats()
		if err != nil {
			t.Fatal(err)
		}
		clients = st.Clients + st.Archived
	})
	file := filepath.Join(home, "clients.csv")
	out, errOut, code := runBinary(t, home, "export", "clients", "--excel", "--out", file, "--db", path, "--user", "volkova")
	skipWhileStub(t, errOut)
	if code != 0 || out != "" {
		t.Fatalf("export --excel --out: exit %d, %q, %q", code, out, errOut)
	}
	if want := strconv.Itoa(clients) + " records → " + file; strings.TrimSpace(errOut) != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Fatalf("no BOM: %q", b[:min(len(b), 40)])
	}
	header, _, _ := bytes.Cut(b[3:], []byte("\n"))
	if !bytes.Contains(header, []byte("Short name;")) || bytes.Contains(header, []byte(",")) {
		t.Errorf("the header is not ;-separated: %q", header)
	}
	r := csv.NewReader(bytes.NewReader(b[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != clients+1 {
		t.Fatalf("the file reads as %d rows (%v), want a header and %d clients", len(rows), err, clients)
	}
	if !bytes.Contains(b, []byte("ООО")) && !bytes.Contains(b, []byte("ИП ")) {
		t.Error("no Cyrillic name in the file")
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the export's mode: %v %v", st.Mode().Perm(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(home, ".clients.csv.*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}

	out, errOut, code = runBinary(t, home, "export", "clients", "--format", "json", "--db", path, "--user", "volkova")
	var objs []map[string]any
	if err := json.Unmarshal([]byte(out), &objs); code != 0 || err != nil || len(objs) != clients || errOut != "" {
		t.Errorf("export --format json: exit %d, %v, %d objects of %d, %q", code, err, len(objs), clients, errOut)
	}
}

// An operator is refused a bulk export with a sentence and exit code 2, and
// no file is left; her own plan as iCalendar needs no right, another's plan
// does; usage errors exit 2.
func TestExportRefusalsAndOwnPlan(t *testing.T) {
	path, home := demoDB(t, 300)
	file := filepath.Join(home, "secret.csv")
	out, errOut, code := runBinary(t, home, "export", "clients", "--out", file, "--db", path, "--user", "sidorova")
	skipWhileStub(t, errOut)
	if code != 2 || out != "" || !strings.Contains(errOut, "operator") || strings.Contains(errOut, "goroutine") {
		t.Errorf("an operator's bulk export: exit %d, %q, %q", code, out, errOut)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("the refused export left a file")
	}
	if left, _ := filepath.Glob(filepath.Join(home, ".secret.csv.*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// to stdout too: nothing written
	if out, _, code := runBinary(t, home, "export", "contacts", "--format", "vcard", "--db", path, "--user", "sidorova"); code != 2 || out != "" {
		t.Errorf("an operator's vCard export: exit %d, %d bytes", code, len(out))
	}

	// --user names whose plan, and signs in as her: her own plan needs no right
	ics := filepath.Join(home, "sidorova.ics")
	if _, errOut, code := runBinary(t, home, "export", "plan", "--user", "sidorova", "--format", "ics", "--out", ics, "--db", path); code != 0 {
		t.Fatalf("an operator's own plan as ics: exit %d, %q", code, errOut)
	}
	f, err := os.Open(ics)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(f).Decode()
	f.Close()
	if err != nil || len(cal.Events()) == 0 {
		t.Fatalf("the ics: %v, %d events", err, len(cal.Events()))
	}
	// another's plan: the head may (--as), an operator may not
	if out, errOut, code := runBinary(t, home, "export", "plan", "--user", "sidorova", "--as", "volkova", "--format", "ics", "--db", path); code != 0 || !strings.Contains(out, "BEGIN:VEVENT") {
		t.Errorf("the head exports sidorova's plan: exit %d, %q", code, errOut)
	}
	if out, errOut, code := runBinary(t, home, "export", "plan", "--user", "petrova", "--as", "sidorova", "--format", "ics", "--db", path); code != 2 || out != "" || errOut == "" {
		t.Errorf("an operator exports petrova's plan: exit %d, %q", code, errOut)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export"}, "complaint_report"},
		{[]string{"export", "widgets"}, "not a kind"},
		{[]string{"export", "clients", "--format", "xml"}, "--format"},
		{[]string{"export", "clients", "--format", "json", "--excel"}, "--excel"},
		{[]string{"export", "orders", "--from", "31.02.2026"}, "--from"},
		{[]string{"export", "orders", "--from", "2026-11-20", "--to", "2026-11-01"}, "--to"},
		{[]string{"export", "products", "--read-only"}, "audit"},
	} {
		out, errOut, code := runBinary(t, home, append(tc.args, "--db", path, "--user", "orlov")...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q, %q", tc.args, code, out, errOut)
		}
	}
	// a kind in a format it has not: a sentence, non-zero
	if _, errOut, code := runBinary(t, home, "export", "clients", "--format", "ics", "--db", path, "--user", "orlov"); code == 0 || !strings.Contains(errOut, "ics") {
		t.Errorf("clients as ics: exit %d, %q", code, errOut)
	}
}

// Every kind exports for the director, in CSV and JSON.
func TestExportEveryKind(t *testing.T) {
	path, home := demoDB(t, 300)
	for _, k := range exportKinds {
		for _, format := range []string{"csv", "json"} {
			out, errOut, code := runBinary(t, home, "export", string(k), "--format", format, "--db", path, "--user", "orlov")
			skipWhileStub(t, errOut)
			if code != 0 || out == "" {
				t.Errorf("export %s --format %s: exit %d, %q", k, format, code, errOut)
			}
		}
	}
}
