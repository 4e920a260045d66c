// Package storetest makes small departments in real bbolt files for the
// tests of other packages (never a mock of the database).
package storetest

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"clientbase/model"
	"clientbase/store"
)

// Test data: a small department in a real bbolt file. Names carry a unique
// "N042" tag so a filter can find exactly one client.
var bases = []string{"ООО Ромашка", "UAB Žalgiris", "Acme Trading", "ИП Ёлкин", "Šiaulių prekyba", "Baltic Foods", "ЗАО Север", "Northwind"}

var cities = []string{"Москва", "Vilnius", "Šiauliai", "London", "Владивосток"}

// inn10 makes a valid 10-digit Russian INN from a 9-digit body.
func inn10(body int) string {
	d := fmt.Sprintf("%09d", body)
	w := []int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	sum := 0
	for i, r := range d {
		sum += int(r-'0') * w[i]
	}
	return d + fmt.Sprint(sum%11%10)
}

// Client is the i-th test client: valid INN and phone, a unique "N042" tag.
func Client(i int) model.Client {
	return model.Client{
		ShortName:  fmt.Sprintf("%s N%03d", bases[i%len(bases)], i),
		Kind:       model.KindLegal,
		TaxCountry: model.TaxRU,
		TaxID:      inn10(770100000 + i),
		Phones:     []model.Phone{{Raw: fmt.Sprintf("+7 912 %03d-%02d-%02d", 100+i%900, i%100, (i*7)%100)}},
		City:       cities[i%len(cities)],
		Category:   model.Categories[i%3],
		Status:     model.ClientStatuses[i%len(model.ClientStatuses)],
		Manager:    []string{"petrov", "jonaitis"}[i%2],
	}
}

// Department opens a database in t.TempDir(), signs in the director
// "boss", saves two managers and n clients, and builds the search index.
func Department(t testing.TB, n int) (*store.Session, model.User) {
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
	director := db.As(boss)
	for _, u := range []model.User{
		{Name: "petrov", FullName: "Пётр Петров", Role: model.RoleManager},
		{Name: "jonaitis", FullName: "Jonas Jonaitis", Role: model.RoleManager},
	} {
		if _, err := director.SaveUser(u); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= n; i++ {
		if _, err := director.SaveClient(Client(i), "test data"); err != nil {
			t.Fatalf("client %d: %v", i, err)
		}
	}
	if err := db.BuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db.As(boss), boss
}
