package receivables

import (
	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
)

// The approval list's layout: a title and a note line above the table, the
// highlighted order's reason in full below it.
const (
	approvalsHead   = 3 // title, note, column titles
	approvalsReason = 3 // the reason, wrapped
)

func (a *Approvals) bodyHeight() int { return max(1, a.height-approvalsHead-approvalsReason) }

func approvalColumns() []table.Column {
	return []table.Column{
		{Title: model.T("receivables.col.number"), Min: 11, Want: 11, Max: 14},
		{Title: model.T("receivables.col.date"), Min: 10, Want: 10, Max: 10, Drop: 3},
		{Title: model.T("receivables.col.client"), Min: 14, Want: 18, Max: 34},
		{Title: model.T("receivables.col.taken_by"), Min: 8, Want: 14, Max: 18, Drop: 2},
		{Title: model.T("receivables.col.gross"), Min: 12, Want: 14, Max: 16},
		{Title: model.T("receivables.col.waits"), Min: 8, Want: 8, Max: 8},
		{Title: model.T("receivables.col.reason"), Min: 20, Want: 30, Drop: 4},
	}
}

var approvalRight = []bool{false, false, false, false, true, false, false}

var approvalMoney = approvalRight

// waitsFor is the short word for why an order waits.
func waitsFor(s model.OrderStatus) string {
	if s == model.OrderCreditHold {
		return model.T("receivables.waits.credit")
	}
	return model.T("receivables.waits.discount")
}

func (a *Approvals) cells(r model.OrderRow) []string {
	o := r.Order
	return []string{
		plain(o.Number),
		model.FormatDate(o.Date, loc(a.env)),
		plain(r.ClientName),
		plain(personName(a.names, o.TakenBy)),
		amount(o.Totals.Gross),
		waitsFor(o.Status),
		plain(o.HoldReason),
	}
}

// View renders the list, the opened order or the dialog, exactly width×height.
func (a *Approvals) View() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	if a.dialog != nil {
		return a.dialog.view(a.env.Styles, a.width, a.height)
	}
	if a.detail != nil {
		return a.detailView()
	}
	st := a.env.Styles
	lines := make([]string, 0, a.height)
	title := st.Title.Render(model.T("receivables.approvals.title", len(a.rows)))
	if !a.loaded {
		title = st.Title.Render(model.T("receivables.approvals.title_loading"))
	}
	cur := ""
	if len(a.rows) > 0 && a.rows[0].Order.Totals.Gross.Currency != "" {
		cur = st.Subtle.Render(model.T("receivables.amounts_in", a.rows[0].Order.Totals.Gross.Currency))
	}
	lines = append(lines, spread(title, cur, a.width))
	lines = append(lines, textfit.Fit(a.noteLine(), a.width))

	cols := sizeMoney(approvalColumns(), approvalMoney, a.moneyW)
	widths := table.Fit(cols, a.width)
	lines = append(lines, st.Header.Render(textfit.Fit("  "+textfit.Cells(titles(cols), widths, approvalRight), a.width)))
	h := a.bodyHeight()
	switch {
	case a.loaded && len(a.rows) == 0:
		lines = append(lines, st.Subtle.Render(textfit.Fit("  "+model.T("receivables.approvals.empty"), a.width)))
	case !a.loaded && a.loadErr == "":
		lines = append(lines, st.Subtle.Render(textfit.Fit("  "+model.T("receivables.loading"), a.width)))
	}
	for i := a.top; i < len(a.rows) && i < a.top+h; i++ {
		text := textfit.Cells(a.cells(a.rows[i]), widths, approvalRight)
		switch {
		case i == a.cursor:
			lines = append(lines, st.RowCursor.Render(textfit.Fit("› "+text, a.width)))
		case a.rows[i].Order.Status == model.OrderCreditHold:
			lines = append(lines, st.Warning.Render(textfit.Fit("  "+text, a.width)))
		default:
			lines = append(lines, st.Row.Render(textfit.Fit("  "+text, a.width)))
		}
	}
	for len(lines) < approvalsHead+h {
		lines = append(lines, "")
	}
	if r, ok := a.Current(); ok && r.Order.HoldReason != "" {
		reason := textfit.Wrap(model.T("receivables.approvals.why", plain(r.Order.HoldReason)), a.width)
		for i := 0; i < approvalsReason && i < len(reason); i++ {
			lines = append(lines, st.Warning.Render(reason[i]))
		}
	}
	return textfit.Pad(lines, a.width, a.height)
}

// noteLine is what went wrong, or why this user only reads the list.
func (a *Approvals) noteLine() string {
	st := a.env.Styles
	if a.loadErr != "" {
		return st.Danger.Render(a.loadErr)
	}
	approve, override := a.mayDecide()
	switch {
	case a.env.ReadOnly:
		return st.Subtle.Render(model.T("receivables.approvals.read_only_db"))
	case !approve && !override:
		return st.Subtle.Render(model.T("receivables.approvals.read_only"))
	}
	return ""
}

// spread puts left and right on one line of w cells, the right part right-aligned.
func spread(left, right string, w int) string {
	lw, rw := lipgloss.Width(left), lipgloss.Width(right)
	if right == "" || lw+1+rw > w {
		return textfit.Fit(left, w)
	}
	return textfit.Fit(left, w-rw-1) + " " + right
}

// lineColumns are the columns of an order's lines.
func lineColumns() []table.Column {
	return []table.Column{
		{Title: "#", Min: 3, Want: 3, Max: 4},
		{Title: model.T("receivables.col.sku"), Min: 8, Want: 12, Max: 16, Drop: 2},
		{Title: model.T("receivables.col.product"), Min: 12, Want: 24},
		{Title: model.T("receivables.col.qty"), Min: 9, Want: 10, Max: 12},
		{Title: model.T("receivables.col.price"), Min: 11, Want: 12, Max: 14},
		{Title: model.T("receivables.col.discount"), Min: 7, Want: 7, Max: 8},
		{Title: model.T("receivables.col.gross"), Min: 12, Want: 13, Max: 16},
	}
}

var lineRight = []bool{true, false, false, true, true, true, true}

var lineMoney = []bool{false, false, false, false, true, false, true}

// detailHead is how many lines stand above an order's lines (their titles included).
const detailHead = 6

// detailRows is how many of an order's lines fit on screen.
func (a *Approvals) detailRows() int { return max(1, a.height-detailHead) }

// detailView is one order read-only: who and when, why it waits, the totals,
// then its lines.
func (a *Approvals) detailView() string {
	st := a.env.Styles
	d := a.detail
	o := d.row.Order
	if d.loaded {
		o = d.order
	}
	w := a.width
	var lines []string
	lines = append(lines, spread(st.Title.Render(model.T("receivables.order.title", plain(o.Number), plain(d.row.ClientName))),
		st.Subtle.Render(model.OrderStatusLabel(o.Status)), w))
	who := model.T("receivables.order.who", model.FormatDate(o.Date, loc(a.env)), plain(personName(a.names, o.TakenBy)))
	if o.EnteredBy != "" && o.EnteredBy != o.TakenBy {
		who += " · " + model.T("receivables.order.entered_by", plain(personName(a.names, o.EnteredBy)))
	}
	lines = append(lines, textfit.Fit(st.Value.Render(who), w))
	reason := textfit.Wrap(model.T("receivables.approvals.why", plain(o.HoldReason)), w)
	if o.HoldReason == "" {
		reason = []string{model.T("receivables.order.no_reason")}
	}
	for i := 0; i < 2; i++ {
		l := ""
		if i < len(reason) {
			l = st.Warning.Render(reason[i])
		}
		lines = append(lines, textfit.Fit(l, w))
	}
	t := o.Totals
	lines = append(lines, textfit.Fit(st.Value.Render(model.T("receivables.order.totals", amount(t.Net), amount(t.VAT),
		model.FormatMoney(t.Gross), amount(t.Discount))), w))
	switch {
	case d.err != "":
		lines = append(lines, st.Danger.Render(d.err))
		return textfit.Pad(lines, w, a.height)
	case !d.loaded:
		lines = append(lines, st.Subtle.Render(model.T("receivables.loading")))
		return textfit.Pad(lines, w, a.height)
	}
	cols := sizeMoney(lineColumns(), lineMoney, d.moneyW)
	widths := table.Fit(cols, w)
	lines = append(lines, st.Header.Render(textfit.Fit("  "+textfit.Cells(titles(cols), widths, lineRight), w)))
	h := a.detailRows()
	for i := d.top; i < len(o.Lines) && i < d.top+h; i++ {
		l := o.Lines[i]
		disc := ""
		if l.Discount != 0 {
			disc = model.FormatRate(l.Discount)
		}
		cells := []string{model.T("receivables.line_no", i+1), plain(l.SKU), plain(l.Name), model.FormatQty(l.Qty, l.Unit) + " " + string(l.Unit),
			amount(l.Price), disc, amount(l.Gross)}
		lines = append(lines, st.Row.Render(textfit.Fit("  "+textfit.Cells(cells, widths, lineRight), w)))
	}
	if len(o.Lines) == 0 {
		lines = append(lines, st.Subtle.Render("  "+model.T("receivables.order.no_lines")))
	}
	return textfit.Pad(lines, w, a.height)
}
