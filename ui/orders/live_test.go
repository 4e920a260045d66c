package orders

import (
	"strings"
	"testing"

	"clientbase/model"
	"clientbase/ui/common"
)

// hasProduct reports whether the entry shows a line of product p.
func hasProduct(e *Entry, p model.ID) bool {
	for _, r := range e.lines {
		if r.l.Product == p {
			return true
		}
	}
	return false
}

// changedElsewhere opens a stored draft of petrov's in an entry, lets edit
// type on it, then has the director add SKU-002 to it in his own session
// and tells the entry so.
func changedElsewhere(t *testing.T, edit func(*driver)) (*shop, *driver) {
	sh := newShop(t, 8)
	o, err := sh.director.SaveOrder(model.Order{Client: sh.clients[0].ID, TakenBy: "petrov", Channel: model.OrderByPhone,
		Date: fixedNow, Lines: []model.OrderLine{{Product: sh.products[0].ID, Qty: 2 * model.QtyScale}}})
	if err != nil {
		t.Fatal(err)
	}
	d := newEntryDriver(t, sh.as(t, "petrov"), model.Order{ID: o.ID})
	if edit != nil {
		edit(d)
	}
	theirs, err := sh.director.Order(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Lines = append(theirs.Lines, model.OrderLine{Product: sh.products[1].ID, Qty: 3 * model.QtyScale})
	if _, err := sh.director.SaveOrder(theirs); err != nil {
		t.Fatal(err)
	}
	d.run(d.update(common.DataChangedMsg{Kind: "order", ID: o.ID}))
	return sh, d
}

func TestLiveOrderWithoutEditsFollowsTheStore(t *testing.T) {
	sh, d := changedElsewhere(t, nil)
	if !hasProduct(d.e, sh.products[1].ID) || d.e.Stale() {
		t.Fatalf("the open order did not follow the change:\n%s", d.screen())
	}
}

func TestLiveOrderWithEditsKeepsThem(t *testing.T) {
	sh, d := changedElsewhere(t, func(d *driver) { d.addSKU("SKU-003", "1") })
	if !d.e.Stale() || !strings.Contains(d.e.Message(), "changed by someone else") {
		t.Fatalf("no notice: %q\n%s", d.e.Message(), d.screen())
	}
	if !hasProduct(d.e, sh.products[2].ID) || hasProduct(d.e, sh.products[1].ID) {
		t.Fatalf("the edits were overwritten:\n%s", d.screen())
	}
	d.press("ctrl+r")
	if d.e.Stale() || hasProduct(d.e, sh.products[2].ID) || !hasProduct(d.e, sh.products[1].ID) {
		t.Fatalf("ctrl+r did not take the stored order:\n%s", d.screen())
	}
}
