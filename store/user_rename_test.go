package store

import (
	"errors"
	"testing"

	"clientbase/model"
)

// Clients name their manager by login name, and the audit names its authors
// so: renaming a user would leave the manager's clients pointing at nobody
// (and out of the manager's reach). The store refuses the rename in one
// place instead of leaving every reference to chase.
func TestSaveUserRefusesRename(t *testing.T) {
	db, boss := openDirector(t)
	anna := addUser(t, boss, "anna", model.RoleManager)
	c := newClient("Anna's client")
	c.Manager = "anna"
	mustSave(t, boss, c, "")

	renamed := anna.Me()
	renamed.Name = "anya"
	_, err := boss.SaveUser(renamed)
	var ve *model.ValidationError
	if !errors.As(err, &ve) || ve.Fields["name"] == "" {
		t.Fatalf("renaming a user: %v, want a refusal on the name", err)
	}
	if _, err := db.SignIn("anna"); err != nil {
		t.Fatalf("the refused rename changed the user: %v", err)
	}
	// Other changes to the same user still go through.
	other := anna.Me()
	other.FullName = "Anna K."
	if _, err := boss.SaveUser(other); err != nil {
		t.Fatal(err)
	}
	checkConsistency(t, db)
}
