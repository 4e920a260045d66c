package receivables

import (
	"strconv"

	"clientbase/model"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
)

// The list's layout: title, note and column titles above the rows, the
// highlighted client's summary (figures and aging) below them.
const (
	listHead    = 3
	listSummary = 4 // three lines at 80 columns, four for large amounts
)

func (l *List) bodyHeight() int { return max(1, l.height-listHead-listSummary) }

// The invoices' layout: title, the client's summary, a blank, column titles.
const invHead = 1 + listSummary + 2

func (l *List) invRows() int { return max(1, l.height-invHead) }

func listColumns() []table.Column {
	return []table.Column{
		// The client's name takes whatever width the figures leave.
		{Title: model.T("receivables.col.client"), Min: 14, Want: 24},
		{Title: model.T("receivables.col.manager"), Min: 8, Want: 12, Max: 16, Drop: 3},
		// Narrow, paid goes before invoiced: outstanding of what was invoiced reads; of what was paid, not.
		{Title: model.T("receivables.col.invoiced"), Min: 12, Want: 13, Max: 15, Drop: 4},
		{Title: model.T("receivables.col.paid"), Min: 12, Want: 13, Max: 15, Drop: 5},
		{Title: model.T("receivables.col.outstanding"), Min: 12, Want: 13, Max: 15},
		{Title: model.T("receivables.col.overdue"), Min: 12, Want: 13, Max: 15},
		{Title: model.T("receivables.col.days"), Min: 4, Want: 4, Max: 5},
		{Title: model.T("receivables.col.limit"), Min: 5, Want: 5, Max: 6, Drop: 2},
		// The aging buckets have columns of their own on a wide terminal, all
		// five or none (see fitList); narrower, the summary under the list has them.
		{Title: model.T("receivables.col.current"), Min: 10, Want: 12, Max: 14, Drop: 10},
		{Title: model.T("receivables.bucket.1_30"), Min: 10, Want: 12, Max: 14, Drop: 9},
		{Title: model.T("receivables.bucket.31_60"), Min: 10, Want: 12, Max: 14, Drop: 8},
		{Title: model.T("receivables.bucket.61_90"), Min: 10, Want: 12, Max: 14, Drop: 7},
		{Title: model.T("receivables.bucket.over_90"), Min: 10, Want: 12, Max: 14, Drop: 6},
	}
}

// firstBucket is the index of the first aging column.
const firstBucket = 8

// fitList sizes the list's columns. The aging buckets come all together or
// not at all: two of five would not add up to the overdue figure beside them.
func fitList(cols []table.Column, width int) []int {
	// Past their Want the figures only gain blanks; the client's name gets the rest.
	for i := 1; i < len(cols); i++ {
		cols[i].Max = max(cols[i].Min, cols[i].Want)
	}
	widths := table.Fit(cols, width)
	for _, w := range widths[firstBucket:] {
		if w == 0 {
			return append(table.Fit(cols[:firstBucket], width), make([]int, len(cols)-firstBucket)...)
		}
	}
	return widths
}

var listRight = []bool{false, false, true, true, true, true, true, false, true, true, true, true, true}

// listMoney marks the amount columns.
var listMoney = []bool{false, false, true, true, true, true, false, false, true, true, true, true, true}

// overLimit: a balance above a credit limit that is set.
func overLimit(r model.ClientReceivables) bool {
	return r.CreditLimit.Minor > 0 && r.Outstanding.Minor > r.CreditLimit.Minor
}

func (l *List) cells(r model.ClientReceivables) []string {
	days, limit := "", ""
	if r.Overdue.Minor > 0 && r.MaxOverdue > 0 {
		days = strconv.Itoa(r.MaxOverdue)
	}
	if overLimit(r) {
		limit = model.T("receivables.over")
	}
	overdue := ""
	if r.Overdue.Minor != 0 {
		overdue = amount(r.Overdue)
	}
	out := []string{plain(r.ClientName), plain(r.Manager), amount(r.Invoiced), amount(r.Paid),
		amount(r.Outstanding), overdue, days, limit}
	for _, m := range r.Aging {
		b := ""
		if m.Minor != 0 {
			b = amount(m)
		}
		out = append(out, b)
	}
	return out
}

// View renders the list, a client's invoices or the payment form, exactly width×height.
func (l *List) View() string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	switch {
	case l.pay != nil:
		return l.pay.View()
	case l.inv != nil:
		return l.invoicesView()
	}
	st := l.env.Styles
	lines := make([]string, 0, l.height)
	title := model.T("receivables.list.title_loading")
	if l.cache.Loaded {
		title = model.T("receivables.list.title", l.win.Total, model.T("receivables.sort."+Sorts[l.sort]))
	}
	cur := ""
	if r, ok := l.cache.At(l.cache.Off); ok && r.Outstanding.Currency != "" {
		cur = st.Subtle.Render(model.T("receivables.amounts_in", r.Outstanding.Currency))
	}
	lines = append(lines, spread(st.Title.Render(title), cur, l.width))
	switch {
	case l.loadErr != "":
		lines = append(lines, st.Danger.Render(l.loadErr))
	case model.ScopeOf(l.env.Me, model.ActReceivablesAll) == model.ScopeNone:
		lines = append(lines, st.Subtle.Render(model.T("receivables.list.own_only")))
	default:
		lines = append(lines, "")
	}
	cols := sizeMoney(listColumns(), listMoney, l.moneyW)
	widths := fitList(cols, l.width)
	lines = append(lines, st.Header.Render(textfit.Fit("  "+textfit.Cells(titles(cols), widths, listRight), l.width)))
	from, to := l.win.Visible()
	if l.cache.Loaded && l.win.Total == 0 {
		lines = append(lines, st.Subtle.Render(textfit.Fit("  "+model.T("receivables.list.empty"), l.width)))
	}
	for i := from; i < to; i++ {
		r, ok := l.cache.At(i)
		if !ok {
			lines = append(lines, st.Subtle.Render(textfit.Fit("  "+model.T("receivables.loading"), l.width)))
			continue
		}
		text := textfit.Cells(l.cells(r), widths, listRight)
		switch {
		case i == l.win.Cursor:
			lines = append(lines, st.RowCursor.Render(textfit.Fit("› "+text, l.width)))
		case r.Overdue.Minor > 0:
			lines = append(lines, st.Danger.Render(textfit.Fit("  "+text, l.width)))
		case overLimit(r):
			lines = append(lines, st.Warning.Render(textfit.Fit("  "+text, l.width)))
		default:
			lines = append(lines, st.Row.Render(textfit.Fit("  "+text, l.width)))
		}
	}
	for len(lines) < listHead+l.bodyHeight() {
		lines = append(lines, "")
	}
	if r, ok := l.Current(); ok {
		sum := Summary(r, l.width, st)
		if len(sum) > listSummary {
			sum = sum[:listSummary]
		}
		lines = append(lines, sum...)
	}
	return textfit.Pad(lines, l.width, l.height)
}

func invoiceColumns() []table.Column {
	return []table.Column{
		{Title: model.T("receivables.col.order"), Min: 11, Want: 12, Max: 14},
		{Title: model.T("receivables.col.invoiced_on"), Min: 10, Want: 10, Max: 11},
		{Title: model.T("receivables.col.due"), Min: 10, Want: 10, Max: 11},
		{Title: model.T("receivables.col.invoiced"), Min: 12, Want: 13, Max: 15, Drop: 3},
		{Title: model.T("receivables.col.paid"), Min: 12, Want: 13, Max: 15, Drop: 2},
		{Title: model.T("receivables.col.outstanding"), Min: 12, Want: 13, Max: 15},
		{Title: model.T("receivables.col.days"), Min: 4, Want: 5, Max: 5},
	}
}

var invoiceRight = []bool{false, false, false, true, true, true, true}

var invoiceMoney = []bool{false, false, false, true, true, true, false}

// invoicesView is one client's open invoices, oldest first, under the
// client's summary; an overdue invoice is red.
func (l *List) invoicesView() string {
	st := l.env.Styles
	in := l.inv
	w := l.width
	lc := loc(l.env)
	var lines []string
	mgr := ""
	if in.r.Manager != "" {
		mgr = st.Subtle.Render(model.T("receivables.invoices.manager", plain(personName(l.names, in.r.Manager))))
	}
	lines = append(lines, spread(st.Title.Render(model.T("receivables.invoices.title", plain(in.name))), mgr, w))
	var sum []string
	switch {
	case in.err != "":
		sum = []string{st.Danger.Render(in.err)}
	case !in.loaded:
		sum = []string{st.Subtle.Render(model.T("receivables.loading"))}
	default:
		sum = Summary(in.r, w, st)
	}
	for i := 0; i < listSummary; i++ {
		s := ""
		if i < len(sum) {
			s = sum[i]
		}
		lines = append(lines, s)
	}
	lines = append(lines, "")
	cols := sizeMoney(invoiceColumns(), invoiceMoney, in.moneyW)
	widths := table.Fit(cols, w)
	lines = append(lines, st.Header.Render(textfit.Fit("  "+textfit.Cells(titles(cols), widths, invoiceRight), w)))
	if in.loaded && len(in.r.Items) == 0 {
		lines = append(lines, st.Subtle.Render(textfit.Fit("  "+model.T("receivables.invoices.empty"), w)))
	}
	h := l.invRows()
	for i := in.top; i < len(in.r.Items) && i < in.top+h; i++ {
		it := in.r.Items[i]
		days := ""
		if it.DaysOverdue > 0 {
			days = strconv.Itoa(it.DaysOverdue)
		}
		cells := []string{plain(it.Number), model.FormatDate(it.InvoiceDate, lc), model.FormatDate(it.DueDate, lc),
			amount(it.Invoiced), amount(it.Paid), amount(it.Outstanding), days}
		text := textfit.Cells(cells, widths, invoiceRight)
		switch {
		case i == in.cursor:
			lines = append(lines, st.RowCursor.Render(textfit.Fit("› "+text, w)))
		case it.DaysOverdue > 0:
			lines = append(lines, st.Danger.Render(textfit.Fit("  "+text, w)))
		default:
			lines = append(lines, st.Row.Render(textfit.Fit("  "+text, w)))
		}
	}
	return textfit.Pad(lines, w, l.height)
}
