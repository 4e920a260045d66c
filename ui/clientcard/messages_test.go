package clientcard

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"clientbase/model"
)

// Every sentence the card shows comes from the catalogue: a key used in the
// code but missing there would show up as the bare key.
func TestEveryCardMessageIsInTheCatalogue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	lit := regexp.MustCompile(`T\("(card\.[a-z_.]+[a-z_])"`)
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllSubmatch(src, -1) {
			n++
			if !model.HasMessage(string(m[1])) {
				t.Errorf("%s uses %q, which is not in model/messages_card.go", f, m[1])
			}
		}
	}
	if n < 40 {
		t.Fatalf("found only %d message keys: the pattern is broken", n)
	}
	// Keys built from values: every enum the card names has a label.
	for _, v := range model.ClientKinds {
		check(t, "card.kind."+string(v))
	}
	for _, v := range model.ClientStatuses {
		check(t, "card.status."+string(v))
	}
	for _, v := range model.Sources {
		check(t, "card.source."+string(v))
	}
	for _, v := range model.ContactRoles {
		check(t, "card.crole."+string(v))
	}
	for _, v := range model.Categories {
		check(t, "card.category."+string(v))
	}
	for _, k := range []string{fShortName, fFullName, fKind, fTaxCountry, fTaxID, fKPP, fOGRN, fLegalAddr, fActualAddr,
		fCity, fPhones, fEmails, fFax, fLanguage, fTimeZone, fCallWindow, fRegion, fBranch, fSource, fManager,
		fCategory, fReason, fStatus, fKeyClient, fCreditHold, fDissatisfied, fLegalDispute, fDoNotContact,
		fCreditLimit, fDeferral, fContactEvery, fPriceColumn, fCompetitors, fNotes} {
		check(t, "card.field."+k)
	}
	for _, k := range []string{cName, cPosition, cRole, cPhones, cEmail, cChannel, cHours, cConsent, cDNC} {
		check(t, "card.field.contact."+k)
	}
	for _, a := range []string{"create", "update", "archive", "restore"} {
		check(t, "card.action."+a)
	}
}

func check(t *testing.T, key string) {
	t.Helper()
	if !model.HasMessage(key) {
		t.Errorf("no message %q", key)
	}
}
