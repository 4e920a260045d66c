package complaintform

import (
	"strings"
	"testing"

	"clientbase/model"
)

func TestClosingByAManagerHasNoJustifiedFieldAndPlansTheCall(t *testing.T) {
	d := newDept(t)
	c := d.answered("petrov", 1, 9_900_00)
	f := NewClosing(d.env("petrov"), c)
	dr := driveClosing(t, f, 100, 30)
	if !f.form.Hidden(fJustified) || !f.form.Hidden(fOver) || strings.Contains(dr.View(), label(fJustified)) {
		t.Fatalf("a manager sees the head's fields:\n%s", dr.View())
	}
	if f.form.Value(fSatisfied) != "9,900.00" {
		t.Fatalf("satisfied prefilled %q, want the claimed amount", f.form.Value(fSatisfied))
	}
	dr.Choose(fReason, string(model.ReasonDefect))
	dr.Choose(fFault, string(model.FaultManufacturer))
	dr.Set(fFeedback, "Спасибо")
	dr.Press("ctrl+s")
	got, ok := f.Result()
	if !ok || !f.Closed() {
		t.Fatalf("not closed: %q\n%s", f.banner, dr.View())
	}
	stored := d.complaint(got.ID)
	if stored.Status != model.ComplaintClosed || stored.Closing == nil || stored.Closing.Satisfied.Minor != 9_900_00 ||
		stored.Closing.Reason != model.ReasonDefect || stored.Closing.Fault != model.FaultManufacturer ||
		stored.Closing.Justified != nil || stored.Closing.Feedback != "Спасибо" {
		t.Fatalf("stored %+v %+v", stored, stored.Closing)
	}
	if got.FollowUp == 0 {
		t.Fatal("Result has no follow-up call")
	}
}

func TestClosingWithoutReasonOrFaultSavesNothing(t *testing.T) {
	d := newDept(t)
	c := d.answered("petrov", 1, 9_900_00)
	f := NewClosing(d.env("petrov"), c)
	dr := driveClosing(t, f, 100, 30)
	dr.Press("ctrl+s")
	if f.Closed() || f.form.Error(fReason) == "" || f.form.Error(fFault) == "" {
		t.Fatalf("closed %v, reason %q, fault %q", f.Closed(), f.form.Error(fReason), f.form.Error(fFault))
	}
	if d.complaint(c.ID).Status != model.ComplaintAnswered {
		t.Fatal("saved without reason and fault")
	}
}

func TestClosingAboveTheClaimedAmount(t *testing.T) {
	d := newDept(t)
	// A manager may not satisfy more than was claimed: the sentence is under the amount.
	c := d.answered("petrov", 1, 9_900_00)
	f := NewClosing(d.env("petrov"), c)
	dr := driveClosing(t, f, 100, 30)
	dr.Set(fSatisfied, "12000")
	dr.Choose(fReason, string(model.ReasonDefect))
	dr.Choose(fFault, string(model.FaultOurs))
	if !f.form.Hidden(fOver) {
		t.Fatal("a manager is offered the confirmation")
	}
	dr.Press("ctrl+s")
	if f.Closed() || f.form.Error(fSatisfied) == "" {
		t.Fatalf("manager over the claim: closed %v, sentence %q", f.Closed(), f.form.Error(fSatisfied))
	}
	if d.complaint(c.ID).Status != model.ComplaintAnswered {
		t.Fatal("a manager's over-claimed closing was saved")
	}

	// The head confirms it; without the confirmation the amount is refused too.
	h := NewClosing(d.env("volkova"), d.complaint(c.ID))
	dh := driveClosing(t, h, 100, 30)
	dh.Set(fSatisfied, "12000")
	if h.form.Hidden(fOver) || h.form.Hidden(fJustified) {
		t.Fatal("the head is not offered the confirmation and the verdict")
	}
	dh.Choose(fReason, string(model.ReasonDefect))
	dh.Choose(fFault, string(model.FaultOurs))
	dh.Choose(fJustified, "yes")
	dh.Press("ctrl+s")
	if h.Closed() || h.form.Error(fSatisfied) == "" && h.form.Error(fOver) == "" {
		t.Fatalf("unconfirmed: closed %v", h.Closed())
	}
	dh.FieldTo(fOver)
	dh.Press("space")
	dh.Press("ctrl+s")
	if _, ok := h.Result(); !ok {
		t.Fatalf("confirmed closing refused: %q %q %q", h.banner, h.form.Error(fSatisfied), h.form.Error(fOver))
	}
	stored := d.complaint(c.ID)
	if stored.Closing == nil || stored.Closing.Satisfied.Minor != 12_000_00 || !stored.Closing.OverClaimed ||
		stored.Closing.Justified == nil || !*stored.Closing.Justified {
		t.Fatalf("stored closing %+v", stored.Closing)
	}
}

func TestClosingDecisionFillsTheAmountAndRemedy(t *testing.T) {
	d := newDept(t)
	f := NewClosing(d.env("petrov"), d.answered("petrov", 1, 9_900_00))
	dr := driveClosing(t, f, 100, 30)
	dr.Choose(fDecision, string(model.DecisionRejected))
	if f.form.Value(fSatisfied) != "0.00" || f.form.Value(fRemedy) != string(model.RemedyNone) {
		t.Fatalf("rejected: satisfied %q remedy %q", f.form.Value(fSatisfied), f.form.Value(fRemedy))
	}
	dr.Choose(fDecision, string(model.DecisionFull))
	if f.form.Value(fSatisfied) != "9,900.00" || f.form.Value(fRemedy) != string(model.RemedyRefund) {
		t.Fatalf("full again: satisfied %q remedy %q", f.form.Value(fSatisfied), f.form.Value(fRemedy))
	}
	// A typed amount is the user's: the decision leaves it alone.
	dr.Set(fSatisfied, "5000")
	dr.Choose(fDecision, string(model.DecisionPartly))
	if f.form.Value(fSatisfied) != "5000" {
		t.Fatalf("typed amount replaced by %q", f.form.Value(fSatisfied))
	}
	// Without an order, no return is offered.
	if got := dr.Options(fRemedy); strings.Contains(strings.Join(got, " "), string(model.RemedyReturn)) {
		t.Fatalf("remedies without an order: %q", got)
	}
}

// The head, above the claim without the confirmation, is told to tick the
// box under the amount, not that "only the head" may do it.
func TestClosingAboveTheClaimTellsTheHeadWhatToTick(t *testing.T) {
	d := newDept(t)
	c := d.answered("petrov", 1, 9_900_00)
	h := NewClosing(d.env("volkova"), c)
	dh := driveClosing(t, h, 100, 30)
	dh.Set(fSatisfied, "12000")
	dh.Choose(fReason, string(model.ReasonDefect))
	dh.Choose(fFault, string(model.FaultOurs))
	dh.Press("ctrl+s")
	e := h.form.Error(fSatisfied)
	if h.Closed() || strings.Contains(e, "only the head") || !strings.Contains(e, model.T("complaintform.field.over_claimed")) {
		t.Fatalf("the head reads %q under the amount", e)
	}
}
