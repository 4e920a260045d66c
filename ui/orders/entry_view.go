package orders

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"charm.land/bubbles/v2/key"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/helpview"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
)

func changedOrder(id model.ID) common.DataChangedMsg {
	return common.DataChangedMsg{Kind: "order", ID: id}
}

// Line grid columns: #, SKU, name, quantity, unit, price, discount, source, gross.
var gridColumns = []table.Column{
	{Min: 3, Want: 3, Max: 4},
	{Min: 8, Want: 10, Max: 14},
	{Min: 8, Want: 20},
	{Min: 8, Want: 9, Max: 10},
	{Min: 4, Want: 4, Max: 4, Drop: 2},
	{Min: 9, Want: 11, Max: 12, Drop: 3},
	{Min: 6, Want: 7, Max: 8},
	{Min: 7, Want: 8, Max: 14, Drop: 1},
	{Min: 10, Want: 12, Max: 14},
}

const (
	colQty      = 3
	colDiscount = 6
	colSource   = 7
	colGross    = 8
)

// fixedLines is the entry's lines outside the grid: title, header, input,
// grid titles, totals, message.
const fixedLines = 6

// matchLines is how many lines the product matches take now.
func (e *Entry) matchLines() int {
	if e.focus != focusProduct || strings.TrimSpace(e.product.Value()) == "" || e.masked != e.mgen {
		return 0
	}
	return min(productRows, len(e.matches))
}

// gridRows is how many lines the grid has for its rows (error lines included).
func (e *Entry) gridRows() int {
	return max(1, e.height-fixedLines-e.matchLines()-(len(e.messageLines())-1))
}

// View renders the entry exactly width×height; only the lines on screen are drawn.
func (e *Entry) View() string {
	if e.width <= 0 || e.height <= 0 {
		return ""
	}
	if e.pay != nil {
		return e.pay.View()
	}
	if e.showHelp {
		return helpview.Overlay(e.env.Styles, model.T("ui.help.title"), e.FullHelp(), model.T("orders.help.close"), e.width, e.height)
	}
	out := []string{e.titleLine()}
	switch e.focus {
	case focusLookup:
		out = append(out, e.lookup.lines(e.width)...)
		out = append(out, e.messageLines()...)
		return textfit.Pad(out, e.width, e.height)
	case focusHeader:
		out = append(out, e.headerLine())
		if e.headerEsc {
			// Above the form, which fills the rest of the screen.
			out = append(out, e.messageLines()...)
		}
		out = append(out, e.header.View())
		return textfit.Pad(strings.Split(strings.Join(out, "\n"), "\n"), e.width, e.height)
	}
	out = append(out, e.headerLine(), e.inputLine())
	out = append(out, e.matchView()...)
	out = append(out, e.grid()...)
	out = append(out, e.totalsLine())
	out = append(out, e.messageLines()...)
	return textfit.Pad(out, e.width, e.height)
}

func (e *Entry) titleLine() string {
	s := e.env.Styles
	var left string
	if e.order.ID == 0 {
		left = s.Title.Render(model.T("orders.entry.new"))
	} else {
		left = s.Title.Render(model.T("orders.entry.title", e.order.Number)) + " · " + e.statusStyled()
	}
	left += s.Subtle.Render(" · " + textfit.Date(e.order.Date, e.env.Loc))
	right := ""
	switch {
	case e.haveClient:
		right = s.Value.Render(textfit.OneLine(e.client.ShortName))
	case e.loading:
		right = s.Subtle.Render(model.T("orders.list.loading"))
	default:
		right = s.Subtle.Render(model.T("orders.entry.no_client"))
	}
	return textfit.Spread(left, right, e.width)
}

func (e *Entry) statusStyled() string {
	s := e.env.Styles
	text := statusText(e.order.Status)
	switch e.order.Status {
	case model.OrderAwaitingApproval, model.OrderCreditHold:
		return s.Warning.Render(text)
	case model.OrderCancelled, model.OrderReturned:
		return s.Danger.Render(text)
	case model.OrderConfirmed, model.OrderPaid, model.OrderClosed:
		return s.Success.Render(text)
	}
	return s.Value.Render(text)
}

// headerLine is the order's header in one line: taken by, channel, dates,
// delivery, terms, column.
func (e *Entry) headerLine() string {
	s := e.env.Styles
	o := e.order
	way := model.T("orders.header.pickup")
	if o.Delivery {
		way = model.T("orders.header.delivery") + " " + textfit.OneLine(o.Address)
	}
	parts := []string{
		model.T("orders.header.taken", o.TakenBy),
	}
	if o.EnteredBy != "" && o.EnteredBy != o.TakenBy {
		parts = append(parts, model.T("orders.header.entered", o.EnteredBy))
	}
	parts = append(parts,
		channelText(o.Channel),
		model.T("orders.header.dates", textfit.Date(o.Requested, e.env.Loc), textfit.Date(o.Promised, e.env.Loc)),
		model.T("orders.header.terms", o.DeferralDays),
		e.column(),
		way)
	line := s.Subtle.Render(strings.Join(parts, " · "))
	if len(e.fieldErrs) > 0 {
		var errs []string
		for _, k := range []string{"client", "lines", "requested", "promised", "address", "channel"} {
			if v, ok := e.fieldErrs[k]; ok {
				errs = append(errs, v)
			}
		}
		if len(errs) > 0 {
			line = s.FieldError.Render("✗ " + strings.Join(errs, " "))
		}
	}
	return line
}

// inputLine is the product input while lines may change, else the keys of
// the order's actions (or the reason being typed).
func (e *Entry) inputLine() string {
	s := e.env.Styles
	switch e.focus {
	case focusPrompt:
		return e.prompt.View()
	case focusProduct, focusCell:
		return e.product.View()
	}
	var parts []string
	for _, a := range e.offeredActions() {
		h := a.binding.Help()
		st := s.HelpKey
		if e.refusal(a) != "" {
			st = s.Subtle
		}
		parts = append(parts, st.Render(h.Key)+" "+s.HelpDesc.Render(h.Desc))
	}
	if len(parts) == 0 {
		parts = append(parts, s.Subtle.Render(model.T("orders.entry.no_actions", statusText(e.order.Status))))
	}
	if e.order.ID != 0 {
		h := e.keys.Complaint.Help()
		st := s.HelpKey
		if e.env.ReadOnly {
			st = s.Subtle
		}
		parts = append(parts, st.Render(h.Key)+" "+s.HelpDesc.Render(h.Desc))
	}
	return strings.Join(parts, "  ")
}

func (e *Entry) matchView() []string {
	n := e.matchLines()
	if n == 0 {
		return nil
	}
	s := e.env.Styles
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		p := e.matches[i]
		text := textfit.Fit(textfit.OneLine(p.SKU), 12) + " " + textfit.OneLine(p.Name)
		if i == e.mcursor {
			out = append(out, s.RowCursor.Render(textfit.Fit("  › "+text, e.width)))
		} else {
			out = append(out, s.Subtle.Render("    "+text))
		}
	}
	return out
}

// grid renders the column titles and the visible lines, each bad cell's
// sentence on a line under it.
func (e *Entry) grid() []string {
	s := e.env.Styles
	widths := table.Fit(gridColumns, e.width)
	titles := []string{"#", model.T("orders.col.sku"), model.T("orders.col.name"), model.T("orders.col.qty"),
		model.T("orders.col.unit"), model.T("orders.col.price"), model.T("orders.col.discount"),
		model.T("orders.col.source"), model.T("orders.col.gross")}
	out := []string{s.Header.Render(textfit.Fit("  "+gridCells(titles, widths, -1, ""), e.width))}
	room := e.gridRows()
	if len(e.lines) == 0 {
		hint := model.T("orders.entry.empty")
		if !e.editable() {
			hint = model.T("orders.entry.no_lines")
		}
		return append(out, s.Subtle.Render("  "+hint))
	}
	used := 0
	for i := e.top; i < len(e.lines) && used < room; i++ {
		r := e.lines[i]
		l := r.l
		qty := model.FormatQty(l.Qty, l.Unit)
		if r.qtyText != "" {
			qty = r.qtyText
		}
		disc := ""
		if l.Discount != 0 {
			disc = model.FormatRate(l.Discount)
		}
		if r.discText != "" {
			disc = r.discText
		}
		texts := []string{
			itoa(i + 1), textfit.OneLine(l.SKU), textfit.OneLine(l.Name), qty, string(l.Unit),
			amount(l.Price), disc, sourceText(l.Source), amount(l.Gross),
		}
		if r.unsure() {
			texts[colGross] = "—"
		}
		editing := -1
		editText := ""
		if e.focus == focusCell && i == e.cursor {
			switch e.cell {
			case cellQty:
				editing, editText = colQty, e.cellIn.View()
			case cellDiscount:
				editing, editText = colDiscount, e.cellIn.View()
			case cellSource:
				editing, editText = colSource, s.Focused.Render("‹"+sourceText(l.Source)+"›")
			}
		}
		text := gridCells(texts, widths, editing, editText)
		marked := i == e.cursor && (e.focus == focusCell || e.focus == focusView)
		if marked {
			out = append(out, s.RowCursor.Render(textfit.Fit("› ", 2))+textfit.Fit(text, e.width-2))
		} else {
			out = append(out, textfit.Fit("  "+text, e.width))
		}
		used++
		if errLine := e.errorLine(r, widths); errLine != "" && used < room {
			out = append(out, s.FieldError.Render(textfit.Fit(errLine, e.width)))
			used++
		}
	}
	return out
}

// errorLine puts a line's sentences under their cells.
func (e *Entry) errorLine(r lineRow, widths []int) string {
	var msgs []string
	at := 0
	if r.qtyErr != "" {
		msgs = append(msgs, r.qtyErr)
		at = colQty
	}
	if r.discErr != "" {
		if len(msgs) == 0 {
			at = colDiscount
		}
		msgs = append(msgs, r.discErr)
	}
	if r.err != "" {
		msgs = append(msgs, r.err)
	}
	if len(msgs) == 0 {
		return ""
	}
	indent := 2
	for i := 0; i < at; i++ {
		if widths[i] > 0 {
			indent += widths[i] + 1
		}
	}
	text := "✗ " + strings.Join(msgs, " ")
	// A long sentence starts further left rather than being cut.
	indent = max(2, min(indent, e.width-len([]rune(text))))
	return strings.Repeat(" ", indent) + text
}

func gridCells(texts []string, widths []int, editing int, editText string) string {
	var b strings.Builder
	first := true
	for i, w := range widths {
		if w == 0 {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		switch {
		case i == editing:
			b.WriteString(textfit.Fit(editText, w))
		case i == colQty || i == 5 || i == colGross || i == colDiscount:
			b.WriteString(textfit.Right(texts[i], w))
		default:
			b.WriteString(textfit.Fit(texts[i], w))
		}
	}
	return b.String()
}

func (e *Entry) totalsLine() string {
	s := e.env.Styles
	// A line whose cell is refused or half-typed is left out of the totals
	// ("2/3 lines"): its old figures would be read out as the order's.
	sure := make([]model.OrderLine, 0, len(e.lines))
	for _, r := range e.lines {
		if !r.unsure() {
			sure = append(sure, r.l)
		}
	}
	t := model.ComputeTotals(sure, e.order.Currency)
	count := model.T("orders.entry.lines", len(e.lines))
	if len(e.lines) == 1 {
		count = model.T("orders.entry.lines_one")
	}
	if len(sure) < len(e.lines) {
		count = s.Warning.Render(model.T("orders.entry.lines_sure", len(sure), len(e.lines)))
	}
	text := model.T("orders.entry.totals", count, model.FormatMoney(t.Net), model.FormatMoney(t.VAT),
		model.FormatMoney(t.Gross), model.FormatMoney(t.Discount))
	return s.Value.Bold(true).Render(text)
}

// orderLines are the lines' order records (shared with Order, without a copy of the order).
func (e *Entry) orderLines() []model.OrderLine {
	ls := make([]model.OrderLine, len(e.lines))
	for i := range e.lines {
		ls[i] = e.lines[i].l
	}
	return ls
}

// messageLines is the entry's sentence, wrapped on two lines at most (a
// hold reason is long and must be read whole).
func (e *Entry) messageLines() []string {
	if e.message == "" {
		return []string{""}
	}
	s := e.env.Styles
	text, st := e.message, s.Subtle
	switch e.msgKind {
	case msgErr:
		text, st = "✗ "+e.message, s.FieldError
	case msgWarn:
		st = s.Warning
	case msgOK:
		st = s.Success
	}
	lines := strings.Split(ansi.Wrap(text, max(1, e.width), " "), "\n")
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = ansi.Truncate(lines[1], max(1, e.width-1), "") + "…"
	}
	for i := range lines {
		lines[i] = st.Render(strings.TrimRight(lines[i], " "))
	}
	return lines
}

// ShortHelp is the footer for the entry's state.
func (e *Entry) ShortHelp() []key.Binding {
	switch {
	case e.pay != nil:
		return e.pay.ShortHelp()
	case e.focus == focusLookup:
		return e.lookup.keys.ShortHelp()
	case e.focus == focusHeader:
		k := e.header.Keys()
		return []key.Binding{k.Next, k.Cycle, e.keys.Header, e.keys.Save, e.keys.Submit}
	case e.focus == focusPrompt:
		return []key.Binding{e.pkeys.Confirm, e.pkeys.Back}
	case e.focus == focusView:
		return []key.Binding{e.keys.Up, e.keys.Down, e.complaintKey(), e.keys.Back}
	}
	return e.keys.EditingHelp()
}

// FullHelp is the ? overlay for the entry's state.
func (e *Entry) FullHelp() [][]key.Binding {
	switch {
	case e.pay != nil:
		return e.pay.FullHelp()
	case e.focus == focusLookup:
		return e.lookup.keys.FullHelp()
	case e.focus == focusHeader:
		return append(e.header.Keys().FullHelp(), []key.Binding{e.keys.Header, e.keys.Save, e.keys.Submit})
	case e.focus == focusView:
		var acts []key.Binding
		for _, a := range e.offeredActions() {
			acts = append(acts, a.binding)
		}
		return [][]key.Binding{{e.keys.Up, e.keys.Down, e.keys.Back}, append(acts, e.complaintKey())}
	}
	return e.keys.EditingFullHelp()
}

func itoa(n int) string { return strconv.Itoa(n) }
