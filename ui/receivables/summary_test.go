package receivables

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/ui/styles"
)

func rub(minor int64) model.Money { return model.Money{Minor: minor, Currency: "RUB"} }

// A client owing old and new invoices, over its limit.
var debtor = model.ClientReceivables{
	Client: 7, ClientName: "ООО Ромашка", Manager: "petrov",
	Invoiced: rub(12_500_000), Paid: rub(2_500_000), Outstanding: rub(10_000_000), Overdue: rub(7_000_000),
	Aging:       [model.AgingBuckets]model.Money{rub(3_000_000), rub(1_000_000), {}, {}, rub(6_000_000)},
	CreditLimit: rub(8_000_000), MaxOverdue: 123,
}

func plainLines(ls []string) string { return ansi.Strip(strings.Join(ls, "\n")) }

func TestSummaryNamesEveryFigure(t *testing.T) {
	got := plainLines(Summary(debtor, 80, styles.New(true)))
	for _, s := range []string{"Invoiced 125,000.00 RUB", "paid 25,000.00", "outstanding 100,000.00",
		"Overdue 70,000.00, oldest 123 days", "credit limit 80,000.00, over by 20,000.00",
		"Aging: current 30,000.00", "1–30 10,000.00", "31–60 –", "61–90 –", ">90 60,000.00"} {
		if !strings.Contains(got, s) {
			t.Errorf("%q missing from the summary:\n%s", s, got)
		}
	}
	if n := len(strings.Split(got, "\n")); n != 3 {
		t.Errorf("the summary takes %d lines at 80 columns, want 3:\n%s", n, got)
	}
}

func TestSummaryStates(t *testing.T) {
	st := styles.New(false)
	if got := plainLines(Summary(model.ClientReceivables{}, 40, st)); strings.TrimSpace(got) != "No invoices." {
		t.Errorf("a client never invoiced: %q", got)
	}
	r := debtor
	r.Overdue, r.MaxOverdue, r.CreditLimit = model.Money{}, 0, model.Money{}
	got := plainLines(Summary(r, 80, st))
	if !strings.Contains(got, "Nothing overdue") || !strings.Contains(got, "no credit limit") || strings.Contains(got, "over by") {
		t.Errorf("nothing overdue, no limit:\n%s", got)
	}
	r.CreditLimit = rub(20_000_000)
	if got := plainLines(Summary(r, 80, st)); !strings.Contains(got, "credit limit 200,000.00") || strings.Contains(got, "over by") {
		t.Errorf("under the limit:\n%s", got)
	}
}

// Every line fits the width it is given, however narrow: the card and the
// call screen give it what they have.
func TestSummaryFitsAnyWidth(t *testing.T) {
	st := styles.New(true)
	for w := 12; w <= 130; w++ {
		for i, l := range Summary(debtor, w, st) {
			if n := ansi.StringWidth(l); n != w {
				t.Fatalf("width %d: line %d is %d cells: %q", w, i, n, ansi.Strip(l))
			}
		}
	}
}
