package store

import (
	"errors"
	"path/filepath"
	"testing"

	"clientbase/model"
)

// The store enforces the rights table whatever screen asks.
func TestRightsRefusedInTheStore(t *testing.T) {
	db, boss := openDirector(t)
	operator := addUser(t, boss, "olga", model.RoleOperator)
	manager := addUser(t, boss, "petrov", model.RoleManager)
	head := addUser(t, boss, "head", model.RoleHead)

	c := newClient("Омега")
	c.Manager = "petrov"
	c = mustSave(t, boss, c, "")

	// An operator may change notes and contacts, not the card.
	notes := c
	notes.Notes = "prefers e-mail"
	c = mustSave(t, operator, notes, "")
	// The archive mark and category history are the store's: a form that
	// sends them changed neither archives nor trips the rights check.
	sneaky := c
	sneaky.Notes = "new notes"
	sneaky.Archived = true
	sneaky.CategoryLog = []model.CategoryChange{{To: model.CategoryA, Reason: "forged"}}
	c = mustSave(t, operator, sneaky, "")
	if c.Archived || len(c.CategoryLog) != 0 || c.Notes != "new notes" {
		t.Fatalf("store-kept fields taken from the form: %+v", c)
	}
	limit := c
	limit.CreditLimit = model.Money{Minor: 100000_00, Currency: "RUB"}
	if _, err := operator.SaveClient(limit, ""); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("operator changing the credit limit: %v", err)
	}

	// Only head and director decide a category, and never without a reason.
	cat := c
	cat.Category = model.CategoryA
	if _, err := manager.SaveClient(cat, "big orders"); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("manager changing the category: %v", err)
	}
	var ve *model.ValidationError
	if _, err := head.SaveClient(cat, ""); !errors.As(err, &ve) || ve.Fields["category_reason"] == "" {
		t.Fatalf("category change without a reason: %v", err)
	}
	c = mustSave(t, head, cat, "big orders")
	if c.Category != model.CategoryA || len(c.CategoryLog) != 1 {
		t.Fatalf("category log %+v", c.CategoryLog)
	}
	if e := c.CategoryLog[0]; e.By != "head" || e.From != model.CategoryNone || e.To != model.CategoryA || e.Reason != "big orders" {
		t.Fatalf("category entry %+v", e)
	}

	// Only the director manages users.
	if _, err := head.SaveUser(model.User{Name: "intruder", Role: model.RoleDirector}); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("head adding a user: %v", err)
	}
	if _, err := operator.SetArchived(c.ID, c.Version, true); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("operator archiving: %v", err)
	}
	if err := operator.Backup(filepath.Join(t.TempDir(), "copy.db")); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("operator making a backup: %v", err)
	}
	got, _ := boss.Client(c.ID)
	if got.CreditLimit.Minor != 0 || got.Archived || got.Version != c.Version {
		t.Fatalf("a refused change leaked: %+v", got)
	}
	checkConsistency(t, db)
}
