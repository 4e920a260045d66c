package receivables

import (
	"clientbase/model"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// Summary is a client's receivables in a few lines for the client card and
// the call screen, each at most width cells: invoiced / paid / outstanding,
// overdue with the days of the oldest overdue invoice and the credit limit,
// then the aging buckets. Overdue is drawn in the danger (red) style, a
// balance over the limit in the warning style. A client never invoiced gets one line.
func Summary(r model.ClientReceivables, width int, st styles.Styles) []string {
	if r.Invoiced.Minor == 0 && r.Outstanding.Minor == 0 {
		return []string{textfit.Fit(st.Subtle.Render(model.T("receivables.sum.none")), width)}
	}
	cur := r.Invoiced.Currency
	if cur == "" {
		cur = r.Outstanding.Currency
	}
	withCur := func(m model.Money) string {
		m.Currency = cur
		return model.FormatMoney(m)
	}
	var out []string
	out = append(out, textfit.Pack(width, " · ",
		st.Value.Render(model.T("receivables.sum.invoiced", withCur(r.Invoiced))),
		st.Value.Render(model.T("receivables.sum.paid", amount(r.Paid))),
		st.Title.Render(model.T("receivables.sum.outstanding", amount(r.Outstanding))),
	)...)

	var debt []string
	if r.Overdue.Minor > 0 {
		debt = append(debt, st.Danger.Render(model.T("receivables.sum.overdue", amount(r.Overdue), r.MaxOverdue)))
	} else {
		debt = append(debt, st.Success.Render(model.T("receivables.sum.nothing_overdue")))
	}
	switch {
	case r.CreditLimit.Minor <= 0:
		debt = append(debt, st.Subtle.Render(model.T("receivables.sum.no_limit")))
	case r.Outstanding.Minor > r.CreditLimit.Minor:
		over := model.Money{Minor: r.Outstanding.Minor - r.CreditLimit.Minor}
		debt = append(debt, st.Warning.Render(model.T("receivables.sum.over_limit", amount(r.CreditLimit), amount(over))))
	default:
		debt = append(debt, st.Value.Render(model.T("receivables.sum.limit", amount(r.CreditLimit))))
	}
	out = append(out, textfit.Pack(width, " · ", debt...)...)

	aging := []string{st.Label.Render(model.T("receivables.sum.aging"))}
	for i, m := range r.Aging {
		// An empty bucket is a dash: the line stays short enough for 80 columns.
		text := model.T("receivables.bucket."+bucketKeys[i]) + " –"
		if m.Minor != 0 {
			text = model.T("receivables.bucket."+bucketKeys[i]) + " " + amount(m)
		}
		switch {
		case m.Minor != 0 && i > 0:
			aging = append(aging, st.Danger.Render(text))
		case m.Minor != 0:
			aging = append(aging, st.Value.Render(text))
		default:
			aging = append(aging, st.Subtle.Render(text))
		}
	}
	// The label and the first bucket stay together: "Aging: current 1.00".
	aging[1] = aging[0] + " " + aging[1]
	out = append(out, textfit.Pack(width, " · ", aging[1:]...)...)
	return out
}

// bucketKeys name the aging buckets in message keys, current first.
var bucketKeys = [model.AgingBuckets]string{"current", "1_30", "31_60", "61_90", "over_90"}
