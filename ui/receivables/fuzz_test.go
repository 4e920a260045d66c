package receivables

import (
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// ParseDate never panics; a date it reads is a local midnight that reads
// back the same when written as the screens write dates.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"25.11.2026", "5.3.2026", "2026-03-05", "31.02.2026", "", " 01.01.1900 ", "1.1.99999", "29.02.2024", "..", "٣.٣.٢٠٢٦"} {
		f.Add(s)
	}
	vilnius, err := time.LoadLocation("Europe/Vilnius")
	if err != nil {
		vilnius = time.UTC
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range []*time.Location{time.UTC, vilnius} {
			d, err := ParseDate(s, l)
			if err != nil {
				if d != (time.Time{}) || err.Error() == "" {
					t.Fatalf("%q: error %v with a date %v", s, err, d)
				}
				continue
			}
			if d.Location() != l || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 {
				t.Fatalf("%q read as %v, not a midnight in %v", s, d, l)
			}
			back, err := ParseDate(model.FormatDate(d, l), l)
			if err != nil || !back.Equal(d) {
				t.Fatalf("%q → %v → %q → %v, %v", s, d, model.FormatDate(d, l), back, err)
			}
		}
	})
}

// Whatever is typed as the amount, the form either puts a sentence under
// the field and saves nothing, or reads a positive amount whose flag says
// exactly how it differs from what is due.
func FuzzPaymentAmount(f *testing.F) {
	for _, s := range []string{"1 621,80", "1,621.80", "1621.8", "-5", "0", "abc", "1.234,56 RUB", "₽100", "9999999999999999999", "1,2,3", " "} {
		f.Add(s)
	}
	due := model.Money{Minor: 162180, Currency: "RUB"}
	o := model.Order{ID: 9, Client: 2, Number: "2026-000009", Status: model.OrderInvoiced, Currency: "RUB",
		Totals: model.OrderTotals{Gross: due}}
	env := envFor(time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\n\r") {
			return // a one-line field
		}
		pf := NewPaymentForm(env, o)
		pf.form.SetValue(fAmount, s)
		p, errs := pf.read()
		if msg, bad := errs[fAmount]; bad {
			if msg == "" || p.Amount.Minor != 0 {
				t.Fatalf("%q: error %q with amount %v", s, msg, p.Amount)
			}
			if flag, _ := pf.Flag(); flag != "" {
				t.Fatalf("%q: unreadable but flagged %q", s, flag)
			}
			return
		}
		if p.Amount.Minor <= 0 || p.Amount.Currency != "RUB" {
			t.Fatalf("%q: accepted %v", s, p.Amount)
		}
		flag, diff := pf.Flag()
		switch {
		case p.Amount.Minor > due.Minor:
			if flag != model.PaymentOver || diff.Minor != p.Amount.Minor-due.Minor {
				t.Fatalf("%q: %v over %v flagged %q by %v", s, p.Amount, due, flag, diff)
			}
		case p.Amount.Minor < due.Minor:
			if flag != model.PaymentUnder || diff.Minor != due.Minor-p.Amount.Minor {
				t.Fatalf("%q: %v under %v flagged %q by %v", s, p.Amount, due, flag, diff)
			}
		default:
			if flag != "" {
				t.Fatalf("%q: the exact amount flagged %q", s, flag)
			}
		}
	})
}

func envFor(l *time.Location) common.Env {
	return common.Env{Styles: styles.New(true), Loc: l, Now: func() time.Time { return testNow }}
}
