package model

import (
	"errors"
	"strings"
	"testing"
)

// The lifecycle, written out independently of orderLifecycle: every pair of
// statuses not listed here must be refused.
var wantTransitions = map[OrderStatus]string{
	OrderDraft:            "awaiting_approval credit_hold confirmed cancelled",
	OrderAwaitingApproval: "draft credit_hold confirmed cancelled",
	OrderCreditHold:       "confirmed cancelled draft",
	OrderConfirmed:        "shipped_partly shipped cancelled",
	OrderShippedPartly:    "shipped returned",
	OrderShipped:          "invoiced returned",
	OrderInvoiced:         "paid_partly paid returned",
	OrderPaidPartly:       "paid returned",
	OrderPaid:             "closed returned",
	OrderReturned:         "closed",
	OrderClosed:           "",
	OrderCancelled:        "",
}

func TestOrderLifecycleEveryPair(t *testing.T) {
	if len(wantTransitions) != len(OrderStatuses) {
		t.Fatalf("the table covers %d statuses of %d", len(wantTransitions), len(OrderStatuses))
	}
	allowed := 0
	for _, from := range OrderStatuses {
		tos := map[OrderStatus]bool{}
		for _, s := range strings.Fields(wantTransitions[from]) {
			tos[OrderStatus(s)] = true
		}
		for _, to := range OrderStatuses {
			want := tos[to]
			if got := CanTransition(from, to); got != want {
				t.Errorf("CanTransition(%s, %s) = %v, want %v", from, to, got, want)
			}
			err := CheckTransition(Order{Status: from}, to)
			if want {
				allowed++
				if err != nil {
					t.Errorf("CheckTransition(%s → %s) = %v", from, to, err)
				}
				continue
			}
			var s *Sentence
			if !errors.As(err, &s) || !errors.Is(err, ErrConflict) {
				t.Errorf("CheckTransition(%s → %s) = %v, want a *Sentence wrapping ErrConflict", from, to, err)
				continue
			}
			if from != to && (!strings.Contains(s.Text, T("order.subject."+string(from))) ||
				!strings.Contains(s.Text, T("order.verb."+string(to)))) {
				t.Errorf("%s → %s: %q does not name both statuses", from, to, s.Text)
			}
		}
		if got := strings.Join(statusNames(NextStatuses(from)), " "); got != wantTransitions[from] {
			t.Errorf("NextStatuses(%s) = %q, want %q", from, got, wantTransitions[from])
		}
	}
	if allowed != 26 {
		t.Errorf("%d allowed transitions, want 26", allowed)
	}
}

func statusNames(ss []OrderStatus) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

func TestCheckTransitionSentences(t *testing.T) {
	for _, c := range []struct {
		from, to OrderStatus
		want     string
	}{
		{OrderCancelled, OrderShipped, "A cancelled order cannot be shipped."},
		{OrderConfirmed, OrderDraft, "A confirmed order cannot go back to draft."},
		{OrderDraft, OrderInvoiced, "A draft order cannot be invoiced."},
		{OrderShippedPartly, OrderCancelled, "A partly shipped order cannot be cancelled."},
		{OrderClosed, OrderReturned, "A closed order cannot be returned."},
		{OrderCreditHold, OrderAwaitingApproval, "An order on credit hold cannot be sent for approval."},
		{OrderShipped, OrderShipped, "The order is already shipped."},
		{OrderDraft, OrderDraft, "The order is already a draft."},
		{OrderCreditHold, OrderCreditHold, "The order is already on credit hold."},
		{"", OrderConfirmed, `"" is not an order status.`},
		{OrderDraft, "sent", `"sent" is not an order status.`},
	} {
		err := CheckTransition(Order{Status: c.from}, c.to)
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrConflict) {
			t.Errorf("%s → %s: %v, want %q", c.from, c.to, err, c.want)
		}
	}
}

func TestLinesEditable(t *testing.T) {
	for _, s := range OrderStatuses {
		want := s == OrderDraft || s == OrderAwaitingApproval || s == OrderCreditHold
		if LinesEditable(s) != want {
			t.Errorf("LinesEditable(%s) = %v", s, !want)
		}
	}
	if LinesEditable("") {
		t.Error("an unknown status is editable")
	}
}

func TestShipmentStatus(t *testing.T) {
	lines := func(shipped ...Qty) []OrderLine {
		out := make([]OrderLine, len(shipped))
		for i, s := range shipped {
			out[i] = OrderLine{Qty: 2000, Shipped: s}
		}
		return out
	}
	for _, c := range []struct {
		lines []OrderLine
		want  OrderStatus
	}{
		{lines(0, 0), OrderConfirmed},
		{lines(1000, 0), OrderShippedPartly},
		{lines(2000, 1999), OrderShippedPartly},
		{lines(2000, 2000), OrderShipped},
		{nil, OrderConfirmed},
	} {
		if got := ShipmentStatus(c.lines); got != c.want {
			t.Errorf("ShipmentStatus(%+v) = %s, want %s", c.lines, got, c.want)
		}
	}
}
