package model

import (
	"strings"
	"testing"
)

// Found by trying the program: these read wrong to a user.
func TestQARegressions(t *testing.T) {
	if err := ValidateEmail("x@"); err == nil || !strings.Contains(err.Error(), "after the @") {
		t.Errorf(`"x@": %v`, err)
	}
	if err := ValidateName("Acme \u202eLTR\u202c"); err == nil {
		t.Error("a right-to-left override was accepted in a name")
	}
	if err := ValidateName("Jonas Petrauskas"); err != nil {
		t.Errorf("a plain name refused: %v", err)
	}
	for _, ch := range DiffClients(nil, &Client{ShortName: "X", TaxCountry: TaxRU, Language: "ru"}) {
		switch ch.Field {
		case "tax_country":
			if ch.Old != "" || ch.New != "Russia" {
				t.Errorf("a new client's tax rules: %q → %q", ch.Old, ch.New)
			}
		case "language":
			if ch.New != "Russian" {
				t.Errorf("language shown as %q", ch.New)
			}
		}
	}
}
