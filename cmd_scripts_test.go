package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
)

// demoDB makes a small demo department in a temporary directory: its file
// and the directory (the tests' HOME).
func demoDB(t *testing.T, clients int) (path, home string) {
	t.Helper()
	home = t.TempDir()
	path = filepath.Join(home, "d.db")
	if _, err := makeDemo(path, clients, demoSeed); err != nil {
		t.Fatal(err)
	}
	return path, home
}

// withStore opens path read-only as user for fn and closes it before the
// binary needs the file.
func withStore(t *testing.T, path, user string, fn func(db *store.DB, s *store.Session)) {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	me, err := db.SignIn(user)
	if err != nil {
		t.Fatal(err)
	}
	fn(db, db.As(me))
}

// Caller id: a client's own phone is found as the PBX gives it, in the
// international form and in the national 8… form; a number nobody has exits
// 1; a contact person's phone is found with --contacts only.
func TestFindByPhone(t *testing.T) {
	path, home := demoDB(t, 300)
	var client model.Client
	var contactOf model.Client
	var contactPhone string
	withStore(t, path, "orlov", func(_ *store.DB, s *store.Session) {
		owners := map[string]int{} // E.164 → clients and contacts holding it
		var cands []model.Client
		err := s.EachClient(context.Background(), func(c model.Client) error {
			for _, p := range c.Phones {
				owners[p.E164]++
			}
			for _, k := range c.Contacts {
				for _, p := range k.Phones {
					owners[p.E164]++
				}
			}
			cands = append(cands, c)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cands {
			if client.ID == 0 && !c.Archived && len(c.Phones) > 0 && strings.HasPrefix(c.Phones[0].E164, "+79") && owners[c.Phones[0].E164] == 1 {
				client = c
			}
			for _, k := range c.Contacts {
				if contactPhone == "" && len(k.Phones) > 0 && strings.HasPrefix(k.Phones[0].E164, "+79") && owners[k.Phones[0].E164] == 1 {
					contactOf, contactPhone = c, k.Phones[0].E164
				}
			}
		}
	})
	if client.ID == 0 || contactPhone == "" {
		t.Fatal("the demo has no client or contact with a Russian mobile number of its own")
	}
	e164 := client.Phones[0].E164
	id := strconv.FormatUint(uint64(client.ID), 10)
	for _, number := range []string{model.FormatPhone(e164), "8" + e164[2:], e164[2:]} {
		out, errOut, code := runBinary(t, home, "find", "--phone", number, "--db", path, "--user", "sidorova", "--read-only")
		if code != 0 {
			t.Fatalf("find --phone %q: exit %d, %q", number, code, errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 1 || !strings.HasPrefix(lines[0], id+"\t"+client.ShortName+"\t") {
			t.Errorf("find --phone %q gave\n%s\nwant client %s %s", number, out, id, client.ShortName)
		}
	}
	out, _, code := runBinary(t, home, "find", "--phone", "8"+e164[2:], "--json", "--db", path, "--user", "sidorova")
	var found []foundClient
	if err := json.Unmarshal([]byte(out), &found); code != 0 || err != nil || len(found) != 1 || found[0].ID != uint64(client.ID) || found[0].Phone != model.FormatPhone(e164) {
		t.Errorf("find --json: exit %d, %v, %+v", code, err, found)
	}

	// nobody has it: exit 1 and a sentence; JSON says [] and exits 1 too
	out, errOut, code := runBinary(t, home, "find", "--phone", "+7 999 000-00-00", "--db", path, "--user", "sidorova")
	if code != 1 || out != "" || !strings.Contains(errOut, "Nobody has the phone") {
		t.Errorf("an unknown number: exit %d, %q, %q", code, out, errOut)
	}
	out, _, code = runBinary(t, home, "find", "--phone", "+7 999 000-00-00", "--json", "--db", path, "--user", "sidorova")
	if code != 1 || strings.TrimSpace(out) != "[]" {
		t.Errorf("an unknown number in JSON: exit %d, %q", code, out)
	}
	// not a number, no number: usage errors
	if _, errOut, code := runBinary(t, home, "find", "--phone", "Иванов", "--db", path); code != 2 || !strings.Contains(errOut, "not a phone number") {
		t.Errorf("a name as the phone: exit %d, %q", code, errOut)
	}
	if _, _, code := runBinary(t, home, "find", "--db", path); code != 2 {
		t.Errorf("find without --phone: exit %d", code)
	}

	// a contact person's phone: not a client's own, found with --contacts
	if _, _, code := runBinary(t, home, "find", "--phone", "8"+contactPhone[2:], "--db", path, "--user", "sidorova"); code != 1 {
		t.Errorf("a contact's phone without --contacts: exit %d, want 1 (the clients' own phones only)", code)
	}
	out, errOut, code = runBinary(t, home, "find", "--phone", "8"+contactPhone[2:], "--contacts", "--db", path, "--user", "sidorova")
	if code != 0 || !strings.HasPrefix(out, strconv.FormatUint(uint64(contactOf.ID), 10)+"\t") || !strings.Contains(out, "contact ") {
		t.Errorf("a contact's phone with --contacts: exit %d, %q, %q", code, out, errOut)
	}
}

// `clientbase plan --user NAME --date D` prints that person's items of the
// day by time, as the store has them; another person's plan is refused to an
// operator; a bad date is a usage error.
func TestPlanScript(t *testing.T) {
	path, home := demoDB(t, 500)
	var day time.Time
	var want []store.PlanExport
	withStore(t, path, "petrova", func(_ *store.DB, s *store.Session) {
		now := time.Now()
		today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local)
		for i := 0; i < 14 && len(want) < 2; i++ {
			for _, d := range []time.Time{today.AddDate(0, 0, -i), today.AddDate(0, 0, i)} {
				items, err := s.PlanOf("petrova", d, d.AddDate(0, 0, 1))
				if err != nil {
					t.Fatal(err)
				}
				if len(items) >= 2 {
					day, want = d, items
					break
				}
			}
		}
	})
	if len(want) < 2 {
		t.Fatal("petrova has no day with two items in the demo's four weeks")
	}
	date := day.Format("2006-01-02")
	out, errOut, code := runBinary(t, home, "plan", "--user", "petrova", "--date", date, "--db", path)
	if code != 0 {
		t.Fatalf("plan: exit %d, %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("plan printed %d lines, the store has %d items:\n%s", len(lines), len(want), out)
	}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) < 4 || f[0][:5] != want[i].Item.Due.In(time.Local).Format("15:04") || f[1] != string(want[i].Item.Kind) || f[3] != want[i].ClientName {
			t.Errorf("line %d %q, want the item due %v for %s", i+1, l, want[i].Item.Due, want[i].ClientName)
		}
	}
	out, _, code = runBinary(t, home, "plan", "--user", "petrova", "--date", day.Format("02.01.2006"), "--json", "--db", path)
	var got []planLine
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil || len(got) != len(want) {
		t.Fatalf("plan --json: exit %d, %v, %d items", code, err, len(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i].Due.Before(got[i-1].Due) {
			t.Errorf("item %d is due before the one above it", i+1)
		}
	}
	for i := range got {
		if got[i].Assignee != "petrova" || got[i].Purpose == "" || got[i].Client == "" {
			t.Errorf("item %d: %+v", i+1, got[i])
		}
	}
	// the director may look at petrova's plan; an operator may not
	if out, _, code := runBinary(t, home, "plan", "--user", "petrova", "--as", "orlov", "--date", date, "--db", path); code != 0 || len(strings.Split(strings.TrimRight(out, "\n"), "\n")) != len(want) {
		t.Errorf("the director's look at petrova's plan: exit %d\n%s", code, out)
	}
	if _, errOut, code := runBinary(t, home, "plan", "--user", "petrova", "--as", "sidorova", "--date", date, "--db", path); code != 1 || errOut == "" || strings.Contains(errOut, "goroutine") {
		t.Errorf("an operator's look at petrova's plan: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runBinary(t, home, "plan", "--user", "petrova", "--date", "31.02.2026", "--db", path); code != 2 || !strings.Contains(errOut, "YYYY-MM-DD") {
		t.Errorf("a bad date: exit %d, %q", code, errOut)
	}
	if _, _, code := runBinary(t, home, "plan", "--db", path); code != 2 {
		t.Errorf("plan without --user: exit %d", code)
	}
}

// `clientbase complaints --overdue --count` is the queue's overdue count;
// the list has as many lines, and its JSON as many objects.
func TestComplaintsOverdueScript(t *testing.T) {
	path, home := demoDB(t, 600)
	count := func() int {
		n := -1
		withStore(t, path, "volkova", func(_ *store.DB, s *store.Session) {
			p, err := s.Complaints(context.Background(), model.ComplaintFilter{Overdue: true}, 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			n = p.Total
		})
		return n
	}
	before := count()
	if before == 0 {
		t.Fatal("the demo has no overdue complaint; the test needs some")
	}
	out, errOut, code := runBinary(t, home, "complaints", "--overdue", "--count", "--db", path, "--user", "volkova")
	after := count() // a complaint may fall overdue between the two looks
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	n, err := strconv.Atoi(strings.TrimSpace(out))
	if err != nil || n < before || n > after {
		t.Fatalf("complaints --overdue --count printed %q; the store counts %d (then %d)", out, before, after)
	}
	out, _, code = runBinary(t, home, "complaints", "--overdue", "--db", path, "--user", "volkova")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if code != 0 || len(lines) < before || len(lines) > count() || !strings.HasPrefix(lines[0], "#") || !strings.Contains(lines[0], "overdue") {
		t.Errorf("the list: exit %d, %d lines for %d overdue:\n%s", code, len(lines), before, out)
	}
	out, _, code = runBinary(t, home, "complaints", "--overdue", "--count", "--json", "--db", path, "--user", "volkova")
	var c map[string]int
	if err := json.Unmarshal([]byte(out), &c); code != 0 || err != nil || c["overdue"] < before {
		t.Errorf("--count --json: exit %d, %v, %q", code, err, out)
	}
	out, _, _ = runBinary(t, home, "complaints", "--overdue", "--json", "--db", path, "--user", "volkova")
	var list []overdueLine
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) < before {
		t.Errorf("--json: %v, %d objects", err, len(list))
	}
	if _, _, code := runBinary(t, home, "complaints", "--db", path); code != 2 {
		t.Errorf("complaints without --overdue: exit %d", code)
	}
}

// Every new command's --help exits 0 and documents its flags and exit
// codes; clientbase help lists the commands.
func TestExchangeCommandsHelp(t *testing.T) {
	home := t.TempDir()
	for cmd, flags := range map[string][]string{
		"import":     {"--dry-run", "--encoding", "--delimiter", "--map", "--batch", "--json", "Exit codes", "Example"},
		"export":     {"--format", "--excel", "--out", "--user", "--as", "--from", "--to", "ics", "vcard", "Exit codes", "Example"},
		"find":       {"--phone", "--contacts", "--json", "Exit codes", "Example"},
		"plan":       {"--user", "--date", "--as", "--json", "Exit codes", "Example"},
		"complaints": {"--overdue", "--count", "--json", "Exit codes", "Example"},
	} {
		for _, h := range []string{"--help", "-h"} {
			out, errOut, code := runBinary(t, home, cmd, h)
			if code != 0 || errOut != "" {
				t.Errorf("%s %s: exit %d, %q", cmd, h, code, errOut)
			}
			if !strings.HasPrefix(out, "clientbase "+cmd) {
				t.Errorf("%s %s is not the command's own help:\n%s", cmd, h, out)
			}
			for _, f := range flags {
				if !strings.Contains(out, f) {
					t.Errorf("%s %s does not mention %s", cmd, h, f)
				}
			}
		}
	}
	out, _, code := runBinary(t, home, "help")
	for _, want := range []string{"clientbase import KIND FILE", "clientbase export KIND", "clientbase find --phone", "clientbase plan --user", "clientbase complaints --overdue"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("clientbase help does not list %q", want)
		}
	}
}
