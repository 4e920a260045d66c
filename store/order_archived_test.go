package store

import (
	"errors"
	"testing"

	"clientbase/model"
)

// TestOrderArchivedClientGetsNoNewOrder: a draft whose client was archived
// after it was saved is not submitted, approved or let through a credit
// hold: the archived client gets no new order, and nothing is written.
func TestOrderArchivedClientGetsNoNewOrder(t *testing.T) {
	d := newOrderDept(t)
	draft := mustOrder(t, d.head, d.draft(d.vilnius.ID, "petrov", d.chair))
	waiting := d.draft(d.vilnius.ID, "petrov", d.chair)
	waiting.Lines[0].Discount = 5000
	waiting = mustOrder(t, d.head, waiting)
	waiting, err := d.head.SubmitOrder(waiting.ID, waiting.Version)
	if err != nil || waiting.Status != model.OrderAwaitingApproval {
		t.Fatalf("waiting: %s %v", waiting.Status, err)
	}
	held := mustOrder(t, d.head, d.draft(d.orphan.ID, "petrov", d.chair))
	if held, err = d.head.SubmitOrder(held.ID, held.Version); err != nil || held.Status != model.OrderCreditHold {
		t.Fatalf("held: %s %v", held.Status, err)
	}
	vil, _ := d.boss.Client(d.vilnius.ID)
	if _, err := d.boss.SetArchived(vil.ID, vil.Version, true); err != nil {
		t.Fatal(err)
	}
	orph, _ := d.boss.Client(d.orphan.ID)
	if _, err := d.boss.SetArchived(orph.ID, orph.Version, true); err != nil {
		t.Fatal(err)
	}
	for name, step := range map[string]func() error{
		"submit":   func() error { _, err := d.head.SubmitOrder(draft.ID, draft.Version); return err },
		"approve":  func() error { _, err := d.head.Approve(waiting.ID, waiting.Version, "fine"); return err },
		"override": func() error { _, err := d.head.OverrideCredit(held.ID, held.Version, "fine"); return err },
		"new":      func() error { _, err := d.head.SaveOrder(d.draft(d.vilnius.ID, "petrov", d.chair)); return err },
	} {
		err := unchanged(t, d.db, step)
		var ve *model.ValidationError
		if !errors.Is(err, model.ErrConflict) && !errors.As(err, &ve) {
			t.Errorf("%s for an archived client: %v", name, err)
		}
	}
	// restored, the draft goes through
	vil, _ = d.boss.Client(d.vilnius.ID)
	if _, err := d.boss.SetArchived(vil.ID, vil.Version, false); err != nil {
		t.Fatal(err)
	}
	if o, err := d.head.SubmitOrder(draft.ID, draft.Version); err != nil || o.Status != model.OrderConfirmed {
		t.Errorf("after restoring: %s %v", o.Status, err)
	}
}
