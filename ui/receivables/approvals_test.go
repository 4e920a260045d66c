package receivables

import (
	"strings"
	"testing"

	"clientbase/model"
	"clientbase/store"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

func approvalsAs(t *testing.T, db *store.DB, user string) *Approvals {
	t.Helper()
	a := NewApprovals(uitest.EnvAs(t, db, user, testNow))
	a.SetSize(80, 24)
	run(t, a, a.Init())
	return a
}

func numbers(rows []model.OrderRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Order.Number)
	}
	return out
}

func TestApprovalListOldestFirstWithTheReason(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	want := []string{d.discount.Number, d.held.Number, d.discount2.Number}
	if got := numbers(a.Rows()); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("rows %v, want %v (oldest first)", got, want)
	}
	v := view(a)
	uitest.CheckSize(t, "view", v, 80, 24)
	golden(t, "approvals", v)
	if !strings.Contains(v, d.discount.HoldReason[:20]) {
		t.Errorf("the highlighted order's reason is not shown:\n%s", v)
	}
	press(t, a, "j")
	if !strings.Contains(view(a), "Why it waits: "+d.held.HoldReason[:20]) {
		t.Errorf("the credit hold's reason does not follow the cursor:\n%s", view(a))
	}
}

func TestEnterShowsTheOrdersLinesReadOnly(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	press(t, a, "enter")
	v := view(a)
	uitest.CheckSize(t, "view", v, 80, 24)
	golden(t, "approvals_order", v)
	for _, s := range []string{d.discount.Number, "TX-100", "10 %", "Why it waits"} {
		if !strings.Contains(v, s) {
			t.Errorf("%q missing from the order:\n%s", s, v)
		}
	}
	if !a.Inside() {
		t.Error("the opened order does not claim esc")
	}
	// Typing in the order changes nothing: no field takes the keys.
	press(t, a, "x", "delete", "backspace")
	if got, _ := d.boss.Order(d.discount.ID); got.Version != d.discount.Version {
		t.Fatal("keys in the read-only order changed it")
	}
	press(t, a, "esc")
	if a.Inside() || !strings.Contains(view(a), "Orders waiting for the head") {
		t.Fatalf("esc did not go back to the list:\n%s", view(a))
	}
}

func TestApproveWithoutCommentFromTheOrder(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	press(t, a, "enter", "a")
	if !a.InputFocused() {
		t.Fatal("the comment dialog does not hold the keys")
	}
	out := press(t, a, "enter")
	st, ok := statusOf(out)
	if !ok || st.Err || !strings.Contains(st.Text, d.discount.Number+" of ЗАО Север N006 approved") {
		t.Fatalf("status %+v after approving", st)
	}
	if ch, ok := changedOf(out); !ok || ch.Kind != "order" || ch.ID != d.discount.ID {
		t.Fatalf("data changed %+v, want the order", ch)
	}
	got, err := d.boss.Order(d.discount.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != model.OrderConfirmed {
		t.Fatalf("order is %s after the approval, want confirmed", got.Status)
	}
	if a.Inside() {
		t.Fatal("the approved order stays open over the list")
	}
	if got := numbers(a.Rows()); len(got) != 2 || got[0] != d.held.Number {
		t.Fatalf("rows after the approval %v", got)
	}
}

func TestRejectNeedsAComment(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	press(t, a, "G", "r")
	out := press(t, a, "enter")
	if _, ok := statusOf(out); ok {
		t.Fatal("an empty rejection was sent")
	}
	v := view(a)
	uitest.CheckSize(t, "view", v, 80, 24)
	golden(t, "approvals_reject_empty", v)
	if !strings.Contains(v, "Say why the order is rejected") {
		t.Fatalf("no sentence under the comment:\n%s", v)
	}
	if got, _ := d.boss.Order(d.discount2.ID); got.Status != model.OrderAwaitingApproval {
		t.Fatalf("order is %s after an empty rejection", got.Status)
	}
	typeText(t, a, "20 % is too much for this client")
	out = press(t, a, "enter")
	st, ok := statusOf(out)
	if !ok || !strings.Contains(st.Text, "rejected") {
		t.Fatalf("status %+v after rejecting", st)
	}
	got, _ := d.boss.Order(d.discount2.ID)
	if got.Status == model.OrderAwaitingApproval {
		t.Fatal("the rejected order still waits")
	}
	last := got.Events[len(got.Events)-1]
	if last.Comment != "20 % is too much for this client" || last.By != "volkova" {
		t.Fatalf("the rejection's event %+v", last)
	}
}

func TestOverrideACreditHold(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	press(t, a, "j")
	// a and r are for discounts: the hold says so and opens nothing.
	out := press(t, a, "a")
	if st, ok := statusOf(out); !ok || !st.Err || a.InputFocused() {
		t.Fatalf("approve on a credit hold: %+v, dialog %v", st, a.InputFocused())
	}
	press(t, a, "o", "enter")
	if !strings.Contains(view(a), "Say why the credit hold is overridden") {
		t.Fatalf("an override without a comment was not refused:\n%s", view(a))
	}
	typeText(t, a, "paid by bank guarantee")
	out = press(t, a, "enter")
	st, ok := statusOf(out)
	if !ok || !strings.Contains(st.Text, "overridden") {
		t.Fatalf("status %+v after the override", st)
	}
	got, _ := d.boss.Order(d.held.ID)
	if got.Status != model.OrderConfirmed {
		t.Fatalf("order is %s after the override, want confirmed", got.Status)
	}
	// o on a discount order is refused with a sentence.
	out = press(t, a, "g", "o")
	if st, ok := statusOf(out); !ok || !st.Err || a.InputFocused() {
		t.Fatalf("override on a discount: %+v", st)
	}
}

func TestEscLeavesTheDialogWithoutDeciding(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	press(t, a, "r")
	typeText(t, a, "no")
	out := press(t, a, "esc")
	if len(out) != 0 || a.InputFocused() {
		t.Fatalf("esc: %v, dialog open %v", out, a.InputFocused())
	}
	if got, _ := d.boss.Order(d.discount.ID); got.Version != d.discount.Version {
		t.Fatal("leaving the dialog changed the order")
	}
}

func TestAManagerSeesTheListReadOnly(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "petrov")
	v := view(a)
	if !strings.Contains(v, "Read-only: approvals and credit overrides are the head's or the director's.") {
		t.Fatalf("no sentence why the list is read-only:\n%s", v)
	}
	for _, k := range []string{"a", "r", "o"} {
		out := press(t, a, k)
		if st, ok := statusOf(out); !ok || !st.Err || a.InputFocused() {
			t.Fatalf("%s as a manager: %+v", k, st)
		}
	}
	for _, b := range a.ShortHelp() {
		if b.Enabled() && (b.Help().Key == "a" || b.Help().Key == "r" || b.Help().Key == "o") {
			t.Errorf("the footer offers %s to a manager", b.Help().Key)
		}
	}
	if got, _ := d.boss.Order(d.discount.ID); got.Status != model.OrderAwaitingApproval {
		t.Fatal("a manager's keys changed the order")
	}
}

// Someone else decided first: the store's conflict is shown in the dialog,
// which stays open; the list is asked again when the dialog is left.
func TestAStaleDecisionShowsTheConflict(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	if _, err := d.boss.Approve(d.discount.ID, d.discount.Version, "director was quicker"); err != nil {
		t.Fatal(err)
	}
	press(t, a, "a")
	out := press(t, a, "enter")
	if _, ok := statusOf(out); ok {
		t.Fatalf("a stale approval reported success: %v", out)
	}
	if !a.InputFocused() || !strings.Contains(view(a), "changed") {
		t.Fatalf("the conflict is not shown in the dialog:\n%s", view(a))
	}
	press(t, a, "esc")
	run(t, a, a.Update(commonChanged(d.discount.ID)))
	if got := numbers(a.Rows()); len(got) != 2 {
		t.Fatalf("rows after a refresh %v", got)
	}
}

func TestApprovalViewsKeepTheirSize(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	for _, size := range [][2]int{{80, 24}, {60, 12}, {120, 40}, {40, 10}} {
		a.SetSize(size[0], size[1])
		uitest.CheckSize(t, "view", view(a), size[0], size[1])
		press(t, a, "enter")
		uitest.CheckSize(t, "view", view(a), size[0], size[1])
		press(t, a, "r")
		uitest.CheckSize(t, "view", view(a), size[0], size[1])
		press(t, a, "esc", "esc")
	}
}

// A long order scrolls under its fixed head; G shows its last line.
func TestALongOrderScrolls(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	press(t, a, "enter")
	o := a.detail.order
	for i := 2; i <= 40; i++ {
		l := o.Lines[0]
		l.SKU = "TX-" + string(rune('A'+i%26)) + string(rune('0'+i%10))
		o.Lines = append(o.Lines, l)
	}
	a.detail.order = o
	press(t, a, "G")
	v := view(a)
	uitest.CheckSize(t, "view", v, 80, 24)
	if !strings.Contains(v, " 40 ") || strings.Contains(v, " 1 TX-100") {
		t.Fatalf("G does not show the last line alone:\n%s", v)
	}
	press(t, a, "g")
	if !strings.Contains(view(a), " 1 TX-100") {
		t.Fatalf("g does not show the first line:\n%s", view(a))
	}
}

// An answer to an older question is dropped: it would put back a list that
// is no longer true.
func TestAStaleListIsDropped(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	a.Update(approvalsMsg{gen: a.gen - 1, rows: nil})
	if len(a.Rows()) != 3 {
		t.Fatalf("a stale answer replaced the list: %d rows", len(a.Rows()))
	}
}

// New styles (the terminal's background changed) keep the comment typed.
func TestStylesKeepTheComment(t *testing.T) {
	d := department(t)
	a := approvalsAs(t, d.db, "volkova")
	press(t, a, "r")
	typeText(t, a, "too much")
	a.SetStyles(styles.New(false))
	if got := a.dialog.form.Value(fComment); got != "too much" {
		t.Fatalf("comment after new styles %q", got)
	}
}
