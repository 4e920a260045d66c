package demo

import (
	"reflect"
	"strings"
	"testing"

	"clientbase/model"
)

func TestUsers(t *testing.T) {
	users := Users()
	count := map[model.Role]int{}
	seen := map[string]bool{}
	for i, u := range users {
		count[u.Role]++
		if u.ID != model.ID(i+1) || u.Version != 1 || u.CreatedAt.IsZero() {
			t.Errorf("user %d: %+v", i, u)
		}
		if seen[u.Name] || u.Name != strings.ToLower(u.Name) || strings.ContainsFunc(u.Name, func(r rune) bool { return r < 'a' || r > 'z' }) {
			t.Errorf("login %q is not unique lower-case Latin", u.Name)
		}
		seen[u.Name] = true
		if err := model.ValidateName(u.FullName); err != nil {
			t.Errorf("%s: %v", u.Name, err)
		}
	}
	want := map[model.Role]int{model.RoleDirector: 1, model.RoleHead: 2, model.RoleManager: 6, model.RoleOperator: 8}
	if !reflect.DeepEqual(count, want) {
		t.Errorf("staff %v, want %v", count, want)
	}
}

func collect(t testing.TB, seed int64, n int) []model.Client {
	out := make([]model.Client, 0, n)
	if err := Clients(seed, n, func(c model.Client) error { out = append(out, c); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// The first 20,000 clients pass PrepareClient as they are: PrepareClient
// changes nothing a bulk import relies on (E.164 phones, tax ids, defaults).
func TestClientsPassPrepareClient(t *testing.T) {
	const n = 20000
	clients := collect(t, 42, n)
	managers := map[string]bool{"": true}
	for _, u := range Users() {
		managers[u.Name] = true
	}
	var (
		lang    = map[string]int{}
		status  = map[model.ClientStatus]int{}
		taxIDs  = map[string]bool{}
		kinds   = map[model.ClientKind]int{}
		formats = map[string]bool{}
	)
	for i, c := range clients {
		if c.ID != model.ID(i+1) || c.Version != 1 || c.CreatedAt.IsZero() {
			t.Fatalf("client %d: id %d meta %+v", i, c.ID, c.Meta)
		}
		before := cloneClient(c)
		if ve := model.PrepareClient(&c); ve != nil {
			t.Fatalf("client %d %q refused: %v\n%+v", c.ID, c.ShortName, ve, before)
		}
		if d := model.DiffClients(&before, &c); len(d) != 0 {
			t.Fatalf("client %d %q changed by PrepareClient: %+v", c.ID, c.ShortName, d)
		}
		for j, p := range c.Phones {
			if p.E164 != before.Phones[j].E164 {
				t.Fatalf("client %d phone %q: E164 %s, generated %s", c.ID, p.Raw, p.E164, before.Phones[j].E164)
			}
			formats[phoneShape(p.Raw)] = true
		}
		if c.TaxID != "" {
			if taxIDs[string(c.TaxCountry)+c.TaxID] {
				t.Fatalf("tax id %s repeats", c.TaxID)
			}
			taxIDs[string(c.TaxCountry)+c.TaxID] = true
		}
		if !managers[c.Manager] {
			t.Fatalf("manager %q is not a user", c.Manager)
		}
		if (c.Category != model.CategoryNone) != (len(c.CategoryLog) > 0) ||
			(len(c.CategoryLog) > 0 && c.CategoryLog[len(c.CategoryLog)-1].To != c.Category) {
			t.Fatalf("client %d category %q log %+v", c.ID, c.Category, c.CategoryLog)
		}
		lang[c.Language]++
		status[c.Status]++
		kinds[c.Kind]++
	}
	share := func(k int) float64 { return float64(k) / n }
	if s := share(lang["ru"]); s < 0.40 || s > 0.55 {
		t.Errorf("Russian share %.2f", s)
	}
	if s := share(lang["lt"]); s < 0.28 || s > 0.38 {
		t.Errorf("Lithuanian share %.2f", s)
	}
	if s := share(status[model.StatusActive]); s < 0.5 {
		t.Errorf("active share %.2f", s)
	}
	for _, k := range model.ClientKinds {
		if kinds[k] == 0 {
			t.Errorf("no client of kind %s", k)
		}
	}
	if len(formats) < 10 {
		t.Errorf("only %d phone formats: %v", len(formats), formats)
	}
}

// phoneShape reduces a phone as typed to its format: digits become 9.
func phoneShape(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '9'
		}
		return r
	}, s)
}

func cloneClient(c model.Client) model.Client {
	d := c
	d.Phones = append([]model.Phone(nil), c.Phones...)
	d.Emails = append([]string(nil), c.Emails...)
	d.CategoryLog = append([]model.CategoryChange(nil), c.CategoryLog...)
	d.Contacts = make([]model.Contact, len(c.Contacts))
	for i, k := range c.Contacts {
		k.Phones = append([]model.Phone(nil), k.Phones...)
		d.Contacts[i] = k
	}
	if c.Phones == nil {
		d.Phones = nil
	}
	if c.Emails == nil {
		d.Emails = nil
	}
	if c.Contacts == nil {
		d.Contacts = nil
	}
	return d
}

func TestClientsDeterministic(t *testing.T) {
	a, b := collect(t, 7, 3000), collect(t, 7, 3000)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different clients")
	}
	c := collect(t, 8, 3000)
	if reflect.DeepEqual(a, c) {
		t.Fatal("different seeds gave the same clients")
	}
	// a shorter run is a different department (dates spread over n), but its names follow the same stream
	if a[0].ShortName != collect(t, 7, 3000)[0].ShortName {
		t.Fatal("first client differs")
	}
}

func TestClientsStopOnEmitError(t *testing.T) {
	calls := 0
	stop := errString("stop")
	err := Clients(1, 100, func(model.Client) error {
		calls++
		if calls == 5 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 5 {
		t.Fatalf("err %v after %d calls", err, calls)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestSamples(t *testing.T) {
	// The brief's examples of shapes appear among the generated names.
	clients := collect(t, 42, 5000)
	want := []string{"ООО «", "ИП ", "АО «", "UAB „", "MB ", " Ltd"}
	for _, w := range want {
		found := false
		for _, c := range clients {
			if strings.Contains(c.ShortName, w) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no client name contains %q", w)
		}
	}
}

func BenchmarkDemoClients(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		_ = Clients(42, 100_000, func(model.Client) error { n++; return nil })
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "clients/s")
}
