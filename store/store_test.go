package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"clientbase/model"
)

func TestFirstUserBecomesDirector(t *testing.T) {
	db, s := openDirector(t)
	if s.Me().Role != model.RoleDirector || s.Me().ID == 0 {
		t.Fatalf("first user = %+v, want a director with an id", s.Me())
	}
	if _, err := db.SignIn("stranger"); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("unknown user on a database with users: %v", err)
	}
	again, err := db.SignIn("boss")
	if err != nil || again.ID != s.Me().ID {
		t.Fatalf("sign in again: %+v %v", again, err)
	}
	h, err := s.UserHistory(s.Me().ID)
	if err != nil || len(h) != 1 || h[0].Action != "create" {
		t.Fatalf("the first user's creation is audited once: %+v %v", h, err)
	}
	checkConsistency(t, db)
}

func TestClientCRUD(t *testing.T) {
	db, s := openDirector(t)
	c := newClient("ООО Ромашка")
	c.TaxID = "7707083893"
	c.Emails = []string{"Info@Romashka.ru"}
	c.Phones = []model.Phone{{Raw: "+7 912 345-67-89", E164: "+79123456789"}}
	created := mustSave(t, s, c, "")
	if created.ID == 0 || created.Version != 1 || created.CreatedBy != "boss" || created.UpdatedAt.IsZero() {
		t.Fatalf("created = %+v", created)
	}
	got, err := s.Client(created.ID)
	if err != nil || got.ShortName != "ООО Ромашка" || got.Version != 1 {
		t.Fatalf("load: %+v %v", got, err)
	}
	got.City = "Москва"
	got.Notes = "звонить после обеда"
	updated := mustSave(t, s, got, "")
	if updated.Version != 2 || updated.City != "Москва" || !updated.CreatedAt.Equal(created.CreatedAt) {
		t.Fatalf("updated = %+v", updated)
	}
	if _, err := s.Client(12345); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("missing client: %v", err)
	}
	st, _ := s.Stats()
	if st.Clients != 1 || st.Archived != 0 || st.Users != 1 {
		t.Fatalf("stats = %+v", st)
	}
	checkConsistency(t, db)
}

func TestListByNameWithoutIndex(t *testing.T) {
	db, s := openDirector(t)
	names := []string{"Žalgiris", "Čiurlionis", "Cukrus", "Ёлка", "Елена", "Acme", "zeta", "Ąžuolas", "Yla", "Ilona", "Жук", "Bravo"}
	for _, n := range names {
		mustSave(t, s, newClient(n), "")
	}
	want := []string{"Acme", "Ąžuolas", "Bravo", "Cukrus", "Čiurlionis", "Yla", "Ilona", "zeta", "Žalgiris", "Елена", "Ёлка", "Жук"}
	// y sorts with i (Yla before Ilona by the letters after it); ё with е.
	page, err := s.List(context.Background(), model.ClientFilter{}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != len(names) || page.Indexing {
		t.Fatalf("total %d indexing %v", page.Total, page.Indexing)
	}
	got := rowNames(page.Rows)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("order\n got %v\nwant %v", got, want)
	}
	// Every window, from the front and from the back, agrees with the full list.
	for off := 0; off <= len(names); off++ {
		for lim := 1; lim <= 4; lim++ {
			p, err := s.List(context.Background(), model.ClientFilter{}, off, lim)
			if err != nil {
				t.Fatal(err)
			}
			end := min(off+lim, len(want))
			if fmt.Sprint(rowNames(p.Rows)) != fmt.Sprint(want[min(off, end):end]) {
				t.Fatalf("window %d+%d = %v", off, lim, rowNames(p.Rows))
			}
		}
	}
	filtered, err := s.List(context.Background(), model.ClientFilter{Text: "acme"}, 0, 10)
	if err != nil || !filtered.Indexing || len(filtered.Rows) != 0 {
		t.Fatalf("a text filter before the index: %+v %v", filtered, err)
	}
	checkConsistency(t, db)
}

func rowNames(rows []model.Client) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ShortName
	}
	return out
}

func TestArchiveRestoreKeepsIndexes(t *testing.T) {
	db, s := openDirector(t)
	var ids []model.Client
	for i := range 10 {
		ids = append(ids, mustSave(t, s, newClient(fmt.Sprintf("Client %02d", i)), ""))
	}
	a, err := s.SetArchived(ids[3].ID, ids[3].Version, true)
	if err != nil || !a.Archived || a.Version != 2 {
		t.Fatalf("archive: %+v %v", a, err)
	}
	checkConsistency(t, db)
	if _, err := s.SetArchived(ids[3].ID, ids[3].Version, false); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("restore with a stale version: %v", err)
	}
	b, _ := s.SetArchived(ids[5].ID, ids[5].Version, true)
	page, _ := s.List(context.Background(), model.ClientFilter{}, 0, 100)
	if page.Total != 8 || len(page.Rows) != 8 {
		t.Fatalf("live list: total %d rows %d", page.Total, len(page.Rows))
	}
	for _, r := range page.Rows {
		if r.Archived {
			t.Fatalf("archived %q listed", r.ShortName)
		}
	}
	only, _ := s.List(context.Background(), model.ClientFilter{OnlyArchived: true}, 0, 100)
	if fmt.Sprint(rowNames(only.Rows)) != "[Client 03 Client 05]" || only.Total != 2 {
		t.Fatalf("archived list: %v total %d", rowNames(only.Rows), only.Total)
	}
	all, _ := s.List(context.Background(), model.ClientFilter{IncludeArchived: true}, 9, 100)
	if all.Total != 10 || fmt.Sprint(rowNames(all.Rows)) != "[Client 09]" {
		t.Fatalf("all, last page: %v total %d", rowNames(all.Rows), all.Total)
	}
	r, err := s.SetArchived(a.ID, a.Version, false)
	if err != nil || r.Archived {
		t.Fatalf("restore: %+v %v", r, err)
	}
	// An edit of an archived client keeps it archived.
	b.Notes = "moved away"
	if b = mustSave(t, s, b, ""); !b.Archived {
		t.Fatal("saving an archived client restored it")
	}
	st, _ := s.Stats()
	if st.Clients != 9 || st.Archived != 1 {
		t.Fatalf("stats %+v", st)
	}
	checkConsistency(t, db)
	h, _ := s.History(a.ID)
	if len(h) != 3 || h[0].Action != "create" || h[1].Action != "archive" || h[2].Action != "restore" {
		t.Fatalf("history %+v", h)
	}
	if c := h[1].Changes; len(c) != 1 || c[0] != (model.FieldChange{Field: "archived", Old: "no", New: "yes"}) {
		t.Fatalf("archive change %+v", c)
	}
}

func TestStaleVersionConflicts(t *testing.T) {
	db, s := openDirector(t)
	ivanova := addUser(t, s, "ivanova", model.RoleDirector)
	c := mustSave(t, s, newClient("Альфа"), "")
	mine, theirs := c, c
	theirs.City = "Казань"
	mustSave(t, ivanova, theirs, "")
	mine.City = "Пермь"
	_, err := s.SaveClient(mine, "")
	var sent *model.Sentence
	if !errors.Is(err, model.ErrConflict) || !errors.As(err, &sent) {
		t.Fatalf("stale save: %v", err)
	}
	if want := "(ivanova); reload to see their change."; !containsText(sent.Text, want) {
		t.Fatalf("sentence %q lacks %q", sent.Text, want)
	}
	got, _ := s.Client(c.ID)
	if got.City != "Казань" || got.Version != 2 {
		t.Fatalf("the loser's change leaked: %+v", got)
	}
	checkConsistency(t, db)
}

func containsText(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestAuditOldToNew(t *testing.T) {
	_, s := openDirector(t)
	c := mustSave(t, s, newClient("Бета"), "")
	c.City = "Vilnius"
	c = mustSave(t, s, c, "")
	c.City = "Kaunas"
	c.Notes = "new office"
	c = mustSave(t, s, c, "")
	h, err := s.History(c.ID)
	if err != nil || len(h) != 3 {
		t.Fatalf("history %d entries, %v", len(h), err)
	}
	for i, e := range h {
		if e.User != "boss" || e.Kind != "client" || e.Record != c.ID || e.At.IsZero() {
			t.Fatalf("entry %d = %+v", i, e)
		}
		if i > 0 && h[i-1].ID >= e.ID {
			t.Fatal("history is not oldest first")
		}
	}
	changes := map[string]model.FieldChange{}
	for _, ch := range h[2].Changes {
		changes[ch.Field] = ch
	}
	if changes["city"].Old != "Vilnius" || changes["city"].New != "Kaunas" {
		t.Fatalf("city change %+v", changes["city"])
	}
	if changes["notes"].Old != "" || changes["notes"].New != "new office" {
		t.Fatalf("notes change %+v", changes["notes"])
	}
	if len(h[2].Changes) != 2 {
		t.Fatalf("only city and notes changed: %+v", h[2].Changes)
	}
}

func TestDuplicates(t *testing.T) {
	_, s := openDirector(t)
	a := newClient("Romashka LLC")
	a.TaxID = "7707083893"
	a = mustSave(t, s, a, "")
	b := newClient("Vostok")
	b.Phones = []model.Phone{{Raw: "+7 912 345-67-89", E164: "+79123456789"}}
	b = mustSave(t, s, b, "")
	c := newClient("Zapad")
	c.Emails = []string{"sales@zapad.ru"}
	c = mustSave(t, s, c, "")

	probe := newClient("Something else")
	probe.TaxID = "7707083893"
	probe.Phones = []model.Phone{{Raw: "+79123456789", E164: "+79123456789"}}
	probe.Emails = []string{"sales@zapad.ru"}
	dups, err := s.Duplicates(probe)
	if err != nil {
		t.Fatal(err)
	}
	got := map[model.ID]string{}
	for _, d := range dups {
		got[d.Client.ID] = d.Reason
	}
	if len(dups) != 3 || got[a.ID] == "" || got[b.ID] == "" || got[c.ID] == "" {
		t.Fatalf("duplicates %+v", dups)
	}
	// A client is not its own duplicate.
	if self, _ := s.Duplicates(a); len(self) != 0 {
		t.Fatalf("a is its own duplicate: %+v", self)
	}
	same := newClient("Romashka LLC")
	if d, _ := s.Duplicates(same); len(d) != 1 || d[0].Client.ID != a.ID {
		t.Fatalf("same name: %+v", d)
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	path := tempPath(t)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := db.SignIn("boss")
	c := mustSave(t, db.As(u), newClient("Гамма"), "")
	db.Close()

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() || ro.Path() != path {
		t.Fatal("ReadOnly/Path")
	}
	s := ro.As(u)
	if _, err := s.SaveClient(newClient("Дельта"), ""); !errors.Is(err, model.ErrReadOnly) {
		t.Fatalf("save: %v", err)
	}
	if _, err := s.SetArchived(c.ID, c.Version, true); !errors.Is(err, model.ErrReadOnly) {
		t.Fatalf("archive: %v", err)
	}
	if _, err := s.SaveUser(model.User{Name: "x", Role: model.RoleOperator}); !errors.Is(err, model.ErrReadOnly) {
		t.Fatalf("save user: %v", err)
	}
	if got, err := s.Client(c.ID); err != nil || got.ShortName != "Гамма" {
		t.Fatalf("read: %+v %v", got, err)
	}
	if _, err := ro.SignIn("newcomer"); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("sign-in of a stranger read-only: %v", err)
	}
	if _, err := Open(tempPath(t), Options{ReadOnly: true}); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("read-only open of a missing file: %v", err)
	}
}

// The caller's client is the UI's: saving normalises a copy.
func TestSaveLeavesCallersSlicesAlone(t *testing.T) {
	_, s := openDirector(t)
	c := newClient("Копия")
	c.Phones = []model.Phone{{Raw: "+7 912 345-67-89"}}
	c.Emails = []string{"  Sales@Example.RU "}
	saved := mustSave(t, s, c, "")
	if c.Phones[0].E164 != "" || c.Emails[0] != "  Sales@Example.RU " {
		t.Fatalf("the caller's slices were changed: %+v %q", c.Phones, c.Emails)
	}
	if saved.Phones[0].E164 != "+79123456789" || saved.Emails[0] != "Sales@example.ru" {
		t.Fatalf("saved %+v %q", saved.Phones, saved.Emails)
	}
}
