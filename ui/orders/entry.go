package orders

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// productRows is how many product matches show under the product input.
const productRows = 5

type focusArea int

const (
	focusLookup  focusArea = iota // finding the client of a new order
	focusProduct                  // the product input (SKU or part of a name)
	focusCell                     // a cell of a line: quantity, discount, source
	focusHeader                   // the header form (ctrl+e)
	focusPrompt                   // a reason for a cancel or a return
	focusView                     // a stored order whose lines are read-only: action keys
)

type cellKind int

const (
	cellQty cellKind = iota
	cellDiscount
	cellSource
)

// lineRow is one line with what was typed into its cells and their errors.
type lineRow struct {
	l                 model.OrderLine
	qtyText, discText string // "" until typed: the cell shows the stored value
	qtyErr, discErr   string
	err               string // a sentence from the store about the line (price, …)
}

// unsure: the line's cells say something its figures do not (a quantity
// or discount being typed or refused), so its gross is not to be read out.
func (r lineRow) unsure() bool {
	if r.qtyErr != "" || r.discErr != "" {
		return true
	}
	if t := strings.TrimSpace(r.qtyText); t != "" {
		if q, err := model.ParseQty(t, r.l.Unit); err != nil || q != r.l.Qty {
			return true
		}
	}
	if t := strings.TrimSpace(r.discText); t != "" {
		if d, err := model.ParseRate(t); err != nil || d != r.l.Discount {
			return true
		}
	}
	return false
}

type msgKind int

const (
	msgInfo msgKind = iota
	msgErr
	msgWarn
	msgOK
)

// Entry is one order being entered or viewed (lines, header, totals, actions).
type Entry struct {
	env   common.Env
	id    uint64
	keys  keymap.OrderEntry
	pkeys keymap.Prompt
	width int
	// height is the entry's whole room.
	height int

	order      model.Order
	client     model.Client
	haveClient bool
	ps         model.PriceSettings
	havePS     bool
	users      []model.User
	loading    bool

	lines  []lineRow
	cursor int // the line under the cursor
	// lineChosen: the cursor was moved on a stored order, so a complaint
	// is about that line rather than the whole order
	lineChosen bool
	top        int // the first line on screen

	focus     focusArea
	cell      cellKind
	product   textinput.Model
	cellIn    textinput.Model
	matches   []model.Product
	mcursor   int
	mgen      uint64
	masked    uint64
	mcancel   context.CancelFunc
	adding    bool // a line is on its way from the store
	lookup    *clientLookup
	header    *form.Model
	prompt    textinput.Model
	promptAct string
	pay       common.Pane

	fieldErrs map[string]string // header errors from the last save ("client", "promised", …)
	message   string
	msgKind   msgKind
	addErr    bool // the message says why the typed text added no line
	busy      bool
	closed    bool
	dirty     bool // lines or header changed since the last save
	leaving   bool // esc was pressed once on unsaved changes
	headerEsc bool // esc was pressed once on a header with a refused value
	showHelp  bool // the entry's keys over the lines (? on an empty product line)
	stale     bool // the order changed elsewhere while edits are on screen
}

// NewEntry opens order o: ID 0 is a new order (o.Client preset when known,
// else the client is looked up first); otherwise the stored order is loaded.
func NewEntry(env common.Env, o model.Order) *Entry {
	if env.Loc == nil {
		env.Loc = time.Local
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	e := &Entry{env: env, id: entrySeq.Add(1), keys: keymap.NewOrderEntry(), pkeys: keymap.NewPrompt()}
	e.product = newInput(env.Styles, model.T("orders.entry.add_prompt"), model.T("orders.entry.add_place"))
	e.cellIn = newInput(env.Styles, "", "")
	e.prompt = newInput(env.Styles, model.T("orders.entry.reason_prompt"), "")
	if o.ID != 0 {
		e.order = o
		e.loading = true
		e.focus = focusView
		return e
	}
	now := env.Now()
	e.order = model.Order{Client: o.Client, TakenBy: env.Me.Name, EnteredBy: env.Me.Name, Channel: model.OrderByPhone,
		Date: now, Status: model.OrderDraft}
	if o.TakenBy != "" {
		e.order.TakenBy = o.TakenBy
	}
	if o.Client == 0 {
		e.focus = focusLookup
		e.lookup = newClientLookup(env, e.id, model.T("orders.entry.client_prompt"))
	} else {
		e.loading = true
		e.focus = focusProduct
		e.product.Focus()
	}
	if msg := e.editRefusal(); msg != "" {
		e.setMessage(msg, msgErr)
	}
	return e
}

func newInput(s styles.Styles, prompt, place string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = place
	in.SetStyles(s.Input())
	return in
}

// Init loads the price settings and users, and the client or the order.
func (e *Entry) Init() tea.Cmd {
	cmds := []tea.Cmd{loadSetup(e.env.Store, e.id)}
	switch {
	case e.order.ID != 0:
		cmds = append(cmds, loadOrder(e.env.Store, e.id, e.order.ID))
	case e.order.Client != 0:
		cmds = append(cmds, loadClient(e.env.Store, e.id, e.order.Client))
	}
	return tea.Batch(cmds...)
}

// SetSize gives the entry its room.
func (e *Entry) SetSize(w, h int) {
	e.width, e.height = w, h
	e.product.SetWidth(max(1, w-len([]rune(e.product.Prompt))-1))
	e.prompt.SetWidth(max(1, w-len([]rune(e.prompt.Prompt))-1))
	if e.lookup != nil {
		e.lookup.setWidth(w)
	}
	if e.header != nil {
		e.header.SetSize(w, max(1, h-2))
	}
	if e.pay != nil {
		e.pay.SetSize(w, h)
	}
	e.keepCursorVisible()
}

// SetStyles takes styles rebuilt for a new background.
func (e *Entry) SetStyles(s styles.Styles) {
	e.env.Styles = s
	if e.lookup != nil {
		e.lookup.setStyles(s)
	}
	if e.pay != nil {
		e.pay.SetStyles(s)
	}
}

// Closed reports that the user left the order (esc).
func (e *Entry) Closed() bool { return e.closed }

// InputFocused: while lines are entered every key is the entry's (tab moves
// between cells, letters are text).
func (e *Entry) InputFocused() bool {
	if e.pay != nil {
		return e.pay.InputFocused()
	}
	return e.focus != focusView
}

// Order is the order as it stands on screen (lines and totals recomputed).
func (e *Entry) Order() model.Order {
	o := e.order
	o.Lines = make([]model.OrderLine, len(e.lines))
	for i := range e.lines {
		o.Lines[i] = e.lines[i].l
	}
	o.Totals = model.ComputeTotals(o.Lines, o.Currency)
	return o
}

// Dirty reports lines or header changes not saved yet.
func (e *Entry) Dirty() bool { return e.dirty }

// Message is the sentence the entry shows under the totals (tests read it).
func (e *Entry) Message() string { return e.message }

// LineErrors are the sentences under line i's quantity and discount cells.
func (e *Entry) LineErrors(i int) (qty, discount string) {
	if i < 0 || i >= len(e.lines) {
		return "", ""
	}
	return e.lines[i].qtyErr, e.lines[i].discErr
}

// editable reports whether lines and header may change here.
func (e *Entry) editable() bool {
	return e.editRefusal() == "" && model.LinesEditable(e.order.Status)
}

// editRefusal says why this user may not change the order ("" when they may).
func (e *Entry) editRefusal() string {
	switch {
	case e.env.ReadOnly:
		return model.T("orders.error.read_only")
	case e.order.ID == 0 && !model.CanOnOrder(e.env.Me, model.ActOrderEdit, nil):
		return model.T("orders.error.no_edit")
	case e.order.ID != 0 && !model.CanOnOrder(e.env.Me, model.ActOrderEdit, &e.order):
		return model.T("orders.error.not_yours", e.order.TakenBy)
	}
	return ""
}

func (e *Entry) setMessage(text string, k msgKind) { e.message, e.msgKind, e.addErr = text, k, false }

// column is the client's price column (the price list's first when unset).
func (e *Entry) column() string {
	if e.order.PriceColumn != "" {
		return e.order.PriceColumn
	}
	if len(e.ps.Columns) > 0 {
		return e.ps.Columns[0]
	}
	return ""
}

// Update handles a key or an answer from the store.
func (e *Entry) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if e.pay != nil {
			cmd := e.pay.Update(msg)
			return tea.Batch(cmd, e.afterPay())
		}
		if e.showHelp {
			e.showHelp = false
			return nil
		}
		if cmd := e.liveKey(msg); cmd != nil {
			return cmd
		}
		return e.onKey(msg)
	case tea.PasteMsg:
		if e.pay != nil {
			// A paste is typing: it goes where the keys go.
			return tea.Batch(e.pay.Update(msg), e.afterPay())
		}
		return e.onText(msg)
	case setupMsg:
		if msg.entry == e.id {
			e.onSetup(msg)
		}
		return nil
	case orderLoadedMsg:
		if msg.entry == e.id {
			e.onOrder(msg)
		}
		return nil
	case clientLoadedMsg:
		if msg.entry == e.id {
			e.loading = false
			if msg.err != nil {
				e.setMessage(errText(msg.err), msgErr)
				return nil
			}
			e.applyClient(msg.client)
		}
		return nil
	case clientMatchesMsg:
		if msg.owner == e.id && e.lookup != nil {
			if c := e.lookup.onMatches(msg); c != nil {
				e.applyClient(*c)
			}
		}
		return nil
	case productMatchesMsg:
		if msg.entry == e.id && msg.gen == e.mgen {
			e.masked = msg.gen
			e.matches, e.mcursor = msg.rows, 0
		}
		return nil
	case lineReadyMsg:
		if msg.entry == e.id {
			return e.onLine(msg)
		}
		return nil
	case savedMsg:
		if msg.entry == e.id {
			return e.onSaved(msg)
		}
		return nil
	case actedMsg:
		if msg.entry == e.id {
			return e.onActed(msg)
		}
		return nil
	case common.DataChangedMsg:
		cmd := e.onChanged(msg)
		if e.pay != nil {
			return tea.Batch(cmd, e.pay.Update(msg), e.afterPay())
		}
		return cmd
	case liveOrderMsg:
		if msg.entry == e.id {
			e.onLive(msg)
		}
		return nil
	}
	if e.pay != nil {
		return tea.Batch(e.pay.Update(msg), e.afterPay())
	}
	return nil
}

func (e *Entry) afterPay() tea.Cmd {
	if c, ok := e.pay.(common.Closer); ok && c.Closed() {
		if p, ok := e.pay.(interface{ Saved() (model.Payment, bool) }); ok {
			if _, saved := p.Saved(); saved {
				// The status bar has the payment's sentence; the last action's is out of date.
				e.setMessage("", msgInfo)
			}
		}
		e.pay = nil
		e.loading = true
		return loadOrder(e.env.Store, e.id, e.order.ID)
	}
	return nil
}

func (e *Entry) onSetup(m setupMsg) {
	if m.err != nil {
		e.setMessage(errText(m.err), msgErr)
		return
	}
	e.ps, e.havePS, e.users = m.ps, true, m.users
	if e.order.ID == 0 || e.order.Currency == "" {
		e.order.VATIncluded, e.order.Currency = m.ps.VATIncluded, m.ps.Currency
	}
}

func (e *Entry) onOrder(m orderLoadedMsg) {
	e.loading = false
	if m.err != nil {
		e.setMessage(errText(m.err), msgErr)
		return
	}
	e.order, e.client, e.haveClient = m.order, m.client, true
	e.setLines(m.order.Lines)
	e.settleFocus()
	if why := e.backToDraft(); why != "" && e.message == "" {
		e.setMessage(why, msgWarn)
	}
	// Lines that could change but not by this user: say so before a key is pressed,
	// or typing a SKU into the locked order goes to the tabs and views.
	if why := e.editRefusal(); why != "" && model.LinesEditable(e.order.Status) && e.message == "" {
		e.setMessage(why, msgInfo)
	}
}

// backToDraft says who sent a submitted order back to a draft, when and
// why (the head's rejection comment): the taker opening it must read it.
func (e *Entry) backToDraft() string {
	o := e.order
	if o.Status != model.OrderDraft || len(o.Events) == 0 {
		return ""
	}
	ev := o.Events[len(o.Events)-1]
	if ev.To != model.OrderDraft || (ev.From != model.OrderAwaitingApproval && ev.From != model.OrderCreditHold) {
		return ""
	}
	by := ev.By
	for _, u := range e.users {
		if u.Name == ev.By && u.FullName != "" {
			by = u.FullName
		}
	}
	return model.T("orders.entry.back_to_draft", textfit.OneLine(by), model.FormatDateTime(ev.At, e.env.Loc), textfit.OneLine(ev.Comment))
}

// setLines puts stored lines on screen, the typed texts forgotten.
func (e *Entry) setLines(ls []model.OrderLine) {
	e.lines = make([]lineRow, len(ls))
	for i, l := range ls {
		e.lines[i] = lineRow{l: l}
	}
	e.cursor = min(e.cursor, max(0, len(e.lines)-1))
	e.keepCursorVisible()
}

// settleFocus puts the keys where the order's state allows: the product
// input while lines may change, the action keys otherwise.
func (e *Entry) settleFocus() {
	if e.editable() {
		if e.focus == focusView || e.focus == focusLookup {
			e.focus = focusProduct
			e.product.Focus()
		}
		return
	}
	e.product.Blur()
	e.cellIn.Blur()
	e.focus = focusView
}

func (e *Entry) applyClient(c model.Client) {
	e.client, e.haveClient = c, true
	e.order.Client = c.ID
	e.order.PriceColumn = c.PriceColumn
	e.order.DeferralDays = c.DeferralDays
	if e.order.Address == "" {
		e.order.Address = c.ActualAddress
	}
	if e.lookup != nil {
		e.lookup.close()
		e.lookup = nil
	}
	e.settleFocus()
}

func (e *Entry) onKey(k tea.KeyPressMsg) tea.Cmd {
	if !key.Matches(k, e.keys.Back) {
		e.leaving = false
	}
	switch e.focus {
	case focusLookup:
		if key.Matches(k, e.lookup.keys.Back) {
			e.lookup.close()
			e.closed = true
			return nil
		}
		cmd, chosen := e.lookup.update(k)
		if chosen != nil {
			e.applyClient(*chosen)
		}
		return cmd
	case focusHeader:
		return e.headerKey(k)
	case focusPrompt:
		return e.promptKey(k)
	case focusView:
		return e.viewKey(k)
	}
	// Lines are being entered.
	switch {
	case key.Matches(k, e.keys.Save):
		return e.save(false)
	case key.Matches(k, e.keys.Submit):
		return e.save(true)
	case key.Matches(k, e.keys.Header):
		return e.openHeader()
	case key.Matches(k, e.keys.CancelOrder):
		if e.order.ID == 0 {
			// Nothing is stored: leaving is cancelling.
			e.setMessage(model.T("orders.error.not_stored"), msgErr)
			return nil
		}
		return e.start(e.actions()[4])
	}
	if e.focus == focusCell {
		return e.cellKey(k)
	}
	return e.productKey(k)
}

func (e *Entry) onText(msg tea.Msg) tea.Cmd {
	switch e.focus {
	case focusProduct:
		return e.typeProduct(msg)
	case focusCell:
		if e.cell != cellSource {
			var cmd tea.Cmd
			e.cellIn, cmd = e.cellIn.Update(msg)
			e.liveCell()
			return cmd
		}
	case focusLookup:
		cmd, _ := e.lookup.update(msg)
		return cmd
	case focusPrompt:
		var cmd tea.Cmd
		e.prompt, cmd = e.prompt.Update(msg)
		return cmd
	case focusHeader:
		var cmd tea.Cmd
		*e.header, cmd = e.header.Update(msg)
		return cmd
	}
	return nil
}

// productKey: typing looks products up live; enter adds the highlighted
// match or the typed SKU.
func (e *Entry) productKey(k tea.KeyPressMsg) tea.Cmd {
	text := strings.TrimSpace(e.product.Value())
	current := e.masked == e.mgen && text != ""
	switch {
	case key.Matches(k, e.keys.Add):
		if text == "" || e.adding {
			return nil
		}
		var chosen *model.Product
		if current && e.mcursor < len(e.matches) {
			p := e.matches[e.mcursor]
			// The highlighted match, unless the text is exactly another's SKU.
			chosen = &p
			for _, q := range e.matches {
				if strings.EqualFold(q.SKU, text) {
					q := q
					chosen = &q
					break
				}
			}
		}
		e.adding = true
		return findLine(e.env.Store, e.id, chosen, text, e.column(), e.order.Date)
	case key.Matches(k, e.keys.Back):
		if e.product.Value() != "" {
			e.product.SetValue("")
			e.matches = nil
			e.mgen++
			if e.addErr {
				e.setMessage("", msgInfo)
			}
			return nil
		}
		if e.dirty && !e.leaving {
			e.leaving = true
			e.setMessage(model.T("orders.entry.unsaved"), msgWarn)
			return nil
		}
		e.closed = true
		return nil
	case key.Matches(k, e.keys.Up):
		if current && len(e.matches) > 0 {
			e.mcursor = max(0, e.mcursor-1)
			return nil
		}
		if len(e.lines) > 0 {
			e.cursor = len(e.lines) - 1
			return e.enterCell(cellQty)
		}
		return nil
	case key.Matches(k, e.keys.Down):
		if current && len(e.matches) > 0 {
			e.mcursor = min(len(e.matches)-1, e.mcursor+1)
		}
		return nil
	case key.Matches(k, e.keys.NextCell):
		if len(e.lines) > 0 {
			return e.enterCell(cellQty)
		}
		return nil
	case key.Matches(k, e.keys.PrevCell):
		if len(e.lines) > 0 {
			return e.enterCell(cellSource)
		}
		return nil
	case key.Matches(k, e.keys.Delete) && e.product.Value() == "":
		e.deleteLine()
		return nil
	case key.Matches(k, e.keys.Help) && text == "":
		// The root's ? never gets here while the product line has the keys.
		e.showHelp = true
		return nil
	}
	return e.typeProduct(k)
}

func (e *Entry) typeProduct(msg tea.Msg) tea.Cmd {
	before := e.product.Value()
	var cmd tea.Cmd
	e.product, cmd = e.product.Update(msg)
	if e.product.Value() == before {
		return cmd
	}
	if e.mcancel != nil {
		e.mcancel()
	}
	e.mgen++
	if e.addErr {
		// Why the last text added no line is about that text, not the new one.
		e.setMessage("", msgInfo)
	}
	text := strings.TrimSpace(e.product.Value())
	if text == "" {
		e.matches = nil
		return cmd
	}
	ctx, cancel := context.WithCancel(context.Background())
	e.mcancel = cancel
	return tea.Batch(cmd, lookupProducts(ctx, e.env.Store, e.id, e.mgen, text))
}

// onLine adds the line the store found, or says why there is none.
func (e *Entry) onLine(m lineReadyMsg) tea.Cmd {
	e.adding = false
	if m.err != nil {
		text := errText(m.err)
		if errors.Is(m.err, model.ErrNotFound) && m.product.ID != 0 {
			text = model.T("orders.error.no_price", m.product.SKU, e.column())
			var s *model.Sentence
			if errors.As(m.err, &s) {
				text = s.Text
			}
		}
		e.setMessage(text, msgErr)
		e.addErr = true
		return nil
	}
	p := m.product
	l := model.OrderLine{Product: p.ID, SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: model.QtyScale,
		Price: m.price, VAT: p.VAT, Source: model.SourceBranch}
	model.ComputeLine(&l, e.order.VATIncluded)
	e.lines = append(e.lines, lineRow{l: l})
	e.dirty = true
	e.cursor = len(e.lines) - 1
	e.keepCursorVisible()
	e.product.SetValue("")
	e.matches = nil
	e.mgen++
	e.setMessage("", msgInfo)
	// Quantity next: the product is chosen, how many is what the caller says now.
	return e.enterCell(cellQty)
}

func (e *Entry) enterCell(c cellKind) tea.Cmd {
	if len(e.lines) == 0 {
		return nil
	}
	e.cursor = min(max(0, e.cursor), len(e.lines)-1)
	e.focus, e.cell = focusCell, c
	e.product.Blur()
	r := &e.lines[e.cursor]
	e.cellIn.SetValue("")
	switch c {
	case cellQty:
		e.cellIn.SetValue(r.qtyText)
		e.cellIn.Placeholder = model.FormatQty(r.l.Qty, r.l.Unit)
	case cellDiscount:
		e.cellIn.SetValue(r.discText)
		e.cellIn.Placeholder = model.FormatRate(r.l.Discount)
	case cellSource:
		e.cellIn.Blur()
		e.keepCursorVisible()
		return nil
	}
	e.cellIn.SetWidth(e.cellWidth(c))
	e.cellIn.CursorEnd()
	e.keepCursorVisible()
	return e.cellIn.Focus()
}

func (e *Entry) toProduct() tea.Cmd {
	e.cellIn.Blur()
	e.focus = focusProduct
	return e.product.Focus()
}

func (e *Entry) cellKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, e.keys.NextCell):
		e.commitCell()
		if e.cell == cellSource {
			return e.toProduct()
		}
		return e.enterCell(e.cell + 1)
	case key.Matches(k, e.keys.PrevCell):
		e.commitCell()
		if e.cell == cellQty {
			return e.toProduct()
		}
		return e.enterCell(e.cell - 1)
	case key.Matches(k, e.keys.Add), key.Matches(k, e.keys.Back):
		e.commitCell()
		return e.toProduct()
	case key.Matches(k, e.keys.Up):
		e.commitCell()
		if e.cursor > 0 {
			e.cursor--
		}
		return e.enterCell(e.cell)
	case key.Matches(k, e.keys.Down):
		e.commitCell()
		if e.cursor < len(e.lines)-1 {
			e.cursor++
			return e.enterCell(e.cell)
		}
		return e.toProduct()
	case key.Matches(k, e.keys.Delete):
		e.deleteLine()
		if len(e.lines) == 0 {
			return e.toProduct()
		}
		return e.enterCell(e.cell)
	}
	if e.cell == cellSource {
		if key.Matches(k, e.keys.Cycle) {
			e.cycleSource(k.String() != "left")
		}
		return nil
	}
	var cmd tea.Cmd
	e.cellIn, cmd = e.cellIn.Update(k)
	e.liveCell()
	return cmd
}

func (e *Entry) cycleSource(forward bool) {
	r := &e.lines[e.cursor]
	at := 0
	for i, s := range model.LineSources {
		if s == r.l.Source {
			at = i
		}
	}
	n := len(model.LineSources)
	if forward {
		at = (at + 1) % n
	} else {
		at = (at + n - 1) % n
	}
	r.l.Source = model.LineSources[at]
	e.dirty = true
}

// liveCell takes the cell's text as it is typed: a valid value updates the
// line and the totals at once; a sentence waits until the cell is left.
func (e *Entry) liveCell() {
	r := &e.lines[e.cursor]
	text := e.cellIn.Value()
	e.dirty = true
	switch e.cell {
	case cellQty:
		r.qtyText, r.qtyErr = text, ""
		if q, err := model.ParseQty(text, r.l.Unit); err == nil && strings.TrimSpace(text) != "" {
			r.l.Qty = q
		}
	case cellDiscount:
		r.discText, r.discErr = text, ""
		if d, err := model.ParseRate(text); err == nil && strings.TrimSpace(text) != "" {
			r.l.Discount = d
		} else if strings.TrimSpace(text) == "" {
			r.l.Discount = 0
		}
	}
	model.ComputeLine(&r.l, e.order.VATIncluded)
}

// commitCell judges the cell being left: a bad value gets its sentence under the cell.
func (e *Entry) commitCell() {
	if e.cursor >= len(e.lines) {
		return
	}
	r := &e.lines[e.cursor]
	switch e.cell {
	case cellQty:
		r.qtyText = e.cellIn.Value()
		if strings.TrimSpace(r.qtyText) == "" {
			r.qtyText, r.qtyErr = "", ""
			break
		}
		q, err := model.ParseQty(r.qtyText, r.l.Unit)
		if err != nil {
			r.qtyErr = err.Error()
			break
		}
		r.l.Qty, r.qtyErr = q, ""
	case cellDiscount:
		r.discText = e.cellIn.Value()
		if strings.TrimSpace(r.discText) == "" {
			r.l.Discount, r.discText, r.discErr = 0, "", ""
			break
		}
		d, err := model.ParseRate(r.discText)
		if err != nil {
			r.discErr = err.Error()
			break
		}
		r.l.Discount, r.discErr = d, ""
	}
	model.ComputeLine(&r.l, e.order.VATIncluded)
	e.keepCursorVisible()
}

func (e *Entry) deleteLine() {
	if len(e.lines) == 0 {
		return
	}
	i := e.cursor
	e.lines = append(e.lines[:i], e.lines[i+1:]...)
	e.dirty = true
	if e.cursor >= len(e.lines) {
		e.cursor = max(0, len(e.lines)-1)
	}
	e.keepCursorVisible()
}

// save stores the draft (ctrl+s) and, with submit, asks to confirm it.
func (e *Entry) save(submit bool) tea.Cmd {
	if e.focus == focusCell {
		e.commitCell()
	}
	if why := e.editRefusal(); why != "" {
		e.setMessage(why, msgErr)
		return nil
	}
	if e.busy {
		return nil
	}
	if !e.haveClient {
		e.setMessage(model.T("orders.error.no_client"), msgErr)
		return nil
	}
	for i, r := range e.lines {
		if r.qtyErr != "" || r.discErr != "" {
			e.cursor = i
			e.keepCursorVisible()
			e.setMessage(model.T("orders.error.fix_lines", i+1), msgErr)
			return nil
		}
	}
	if submit && len(e.lines) == 0 {
		e.setMessage(model.T("orders.error.no_lines"), msgErr)
		return nil
	}
	e.busy = true
	e.fieldErrs = nil
	e.setMessage(model.T("orders.entry.saving"), msgInfo)
	return saveOrder(e.env.Store, e.id, e.Order(), submit)
}

func (e *Entry) onSaved(m savedMsg) tea.Cmd {
	e.busy = false
	changed := msgCmd(common.DataChangedMsg{Kind: "order", ID: m.order.ID})
	if m.err != nil {
		if m.order.ID != 0 {
			e.order = m.order
			e.setLines(m.order.Lines)
		}
		e.placeErrors(m.err)
		if m.order.ID != 0 {
			return changed
		}
		return nil
	}
	e.order = m.order
	e.setLines(m.order.Lines)
	e.dirty, e.leaving = false, false
	e.settleFocus()
	if !m.submit {
		e.setMessage(model.T("orders.entry.saved", m.order.Number), msgOK)
		return changed
	}
	e.showOutcome()
	return changed
}

// showOutcome says clearly where a submitted order stands.
func (e *Entry) showOutcome() {
	o := e.order
	switch o.Status {
	case model.OrderAwaitingApproval:
		e.setMessage(model.T("orders.outcome.awaiting", o.Number, o.HoldReason), msgWarn)
	case model.OrderCreditHold:
		e.setMessage(model.T("orders.outcome.credit_hold", o.Number, o.HoldReason), msgWarn)
	case model.OrderConfirmed:
		e.setMessage(model.T("orders.outcome.confirmed", o.Number), msgOK)
	default:
		e.setMessage(model.T("orders.outcome.other", o.Number, statusText(o.Status)), msgInfo)
	}
}

// placeErrors puts a validation error's sentences under their cells and
// fields; any other error is the message.
func (e *Entry) placeErrors(err error) {
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		e.setMessage(errText(err), msgErr)
		return
	}
	e.fieldErrs = map[string]string{}
	first := -1
	for k, v := range ve.Fields {
		var n int
		var cell string
		if _, scanErr := fmt.Sscanf(k, "lines.%d.%s", &n, &cell); scanErr == nil && n >= 0 && n < len(e.lines) {
			switch cell {
			case "qty":
				e.lines[n].qtyErr = v
			case "discount":
				e.lines[n].discErr = v
			default:
				e.lines[n].err = v
			}
			if first < 0 || n < first {
				first = n
			}
			continue
		}
		e.fieldErrs[k] = v
	}
	if first >= 0 {
		e.cursor = first
		e.keepCursorVisible()
	}
	e.setMessage(model.T("orders.error.invalid"), msgErr)
}

// openHeader shows the header form in place of the lines.
func (e *Entry) openHeader() tea.Cmd {
	o := e.order
	var takers []form.Option
	seen := map[string]bool{}
	for _, u := range e.users {
		if u.Archived || u.Role == model.RoleDirector && u.Name != e.env.Me.Name {
			continue
		}
		takers = append(takers, form.Option{Value: u.Name, Label: textfit.OneLine(u.FullName) + " (" + u.Name + ")"})
		seen[u.Name] = true
	}
	if !seen[o.TakenBy] {
		takers = append(takers, form.Option{Value: o.TakenBy, Label: o.TakenBy})
	}
	var channels []form.Option
	for _, c := range model.OrderChannels {
		channels = append(channels, form.Option{Value: string(c), Label: channelText(c)})
	}
	contacts := []form.Option{{Value: "0", Label: "—"}}
	for _, c := range e.client.Contacts {
		contacts = append(contacts, form.Option{Value: strconv.FormatUint(uint64(c.ID), 10), Label: textfit.OneLine(c.Name)})
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return model.FormatDate(t, e.env.Loc)
	}
	f := form.New(e.env.Styles, model.T("orders.header.delivery"), model.T("orders.header.pickup"),
		form.Choice("taken_by", model.T("orders.header.taken_by"), takers, o.TakenBy),
		form.Choice("contact", model.T("orders.header.contact"), contacts, strconv.FormatUint(uint64(o.Contact), 10)),
		form.Choice("channel", model.T("orders.header.channel"), channels, string(o.Channel)),
		form.Text("requested", model.T("orders.header.requested"), day(o.Requested)),
		form.Text("promised", model.T("orders.header.promised"), day(o.Promised)),
		form.Toggle("delivery", model.T("orders.header.delivery_label"), o.Delivery),
		form.Text("address", model.T("orders.header.address"), o.Address),
	)
	f.SetSize(e.width, max(1, e.height-2))
	if len(e.fieldErrs) > 0 {
		f.SetErrors(e.fieldErrs)
	}
	e.header = &f
	e.product.Blur()
	e.focus = focusHeader
	return nil
}

func (e *Entry) headerKey(k tea.KeyPressMsg) tea.Cmd {
	back := key.Matches(k, e.keys.Back)
	if !back {
		e.headerEsc = false
	}
	switch {
	case key.Matches(k, e.keys.Header), back, key.Matches(k, e.keys.Save), key.Matches(k, e.keys.Submit):
		if !e.applyHeader() {
			if !back {
				return nil
			}
			// esc must get out of a header changed by mistake: the second
			// one leaves it as it was before the form was opened.
			if !e.headerEsc {
				e.headerEsc = true
				e.setMessage(model.T("orders.header.esc_again"), msgWarn)
				return nil
			}
			e.header, e.headerEsc = nil, false
			e.setMessage(model.T("orders.header.discarded"), msgInfo)
			return e.toProduct()
		}
		e.header, e.headerEsc = nil, false
		if e.message == model.T("orders.header.esc_again") {
			e.setMessage("", msgInfo)
		}
		cmd := e.toProduct()
		switch {
		case key.Matches(k, e.keys.Save):
			return tea.Batch(cmd, e.save(false))
		case key.Matches(k, e.keys.Submit):
			return tea.Batch(cmd, e.save(true))
		}
		return cmd
	}
	var cmd tea.Cmd
	*e.header, cmd = e.header.Update(k)
	return cmd
}

// applyHeader takes the header form's values; a bad date keeps the form
// open with its sentence.
func (e *Entry) applyHeader() bool {
	f := e.header
	errs := map[string]string{}
	req, err := parseDay(f.Value("requested"), e.order.Date, e.env.Loc)
	if err != nil {
		errs["requested"] = err.Error()
	}
	prom, err := parseDay(f.Value("promised"), e.order.Date, e.env.Loc)
	if err != nil {
		errs["promised"] = err.Error()
	}
	orderDay := e.order.Date.In(e.env.Loc)
	orderDay = time.Date(orderDay.Year(), orderDay.Month(), orderDay.Day(), 0, 0, 0, 0, e.env.Loc)
	if !req.IsZero() && req.Before(orderDay) {
		errs["requested"] = model.T("orders.error.before_order")
	}
	if !prom.IsZero() && prom.Before(orderDay) {
		errs["promised"] = model.T("orders.error.before_order")
	}
	if f.Bool("delivery") && strings.TrimSpace(f.Value("address")) == "" {
		errs["address"] = model.T("orders.error.address")
	}
	if len(errs) > 0 {
		f.SetErrors(errs)
		return false
	}
	o := &e.order
	o.TakenBy = f.Value("taken_by")
	c, _ := strconv.ParseUint(f.Value("contact"), 10, 64)
	o.Contact = model.ID(c)
	o.Channel = model.OrderChannel(f.Value("channel"))
	o.Requested, o.Promised = req, prom
	o.Delivery = f.Bool("delivery")
	o.Address = strings.TrimSpace(f.Value("address"))
	e.dirty = true
	e.fieldErrs = nil
	return true
}

// keepCursorVisible scrolls the lines so the cursor's line is on screen.
func (e *Entry) keepCursorVisible() {
	rows := e.gridRows()
	if e.cursor < e.top {
		e.top = e.cursor
	}
	if rows > 0 && e.cursor >= e.top+rows {
		e.top = e.cursor - rows + 1
	}
	e.top = max(0, min(e.top, len(e.lines)-1))
	// Error sentences take lines of their own: the cursor's line must still fit.
	for e.top < e.cursor && e.linesBetween(e.top, e.cursor) > rows {
		e.top++
	}
}

// linesBetween is how many screen lines lines [from, to] take with their sentences.
func (e *Entry) linesBetween(from, to int) int {
	n := 0
	for i := from; i <= to && i < len(e.lines); i++ {
		n++
		if r := e.lines[i]; r.qtyErr != "" || r.discErr != "" || r.err != "" {
			n++
		}
	}
	return n
}

// cellWidth is the room of the input in cell c (the column less the cursor).
func (e *Entry) cellWidth(c cellKind) int {
	widths := table.Fit(gridColumns, e.width)
	col := colQty
	if c == cellDiscount {
		col = colDiscount
	}
	return max(1, widths[col]-1)
}
