package orders

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// qtyRow is one order line in the dialog: room is what may move now
// (left to ship, or shipped and not yet returned); 0 means no input.
type qtyRow struct {
	line int
	l    model.OrderLine
	room model.Qty
	in   textinput.Model
	err  string
}

// qtyDialog asks, line by line, how much is shipped (or returned) now and
// hands the store each line's quantity in all after the step. It sits in
// the entry's sub-pane slot, so the entry routes keys, size and help to it.
type qtyDialog struct {
	env    common.Env
	id     uint64 // answers from the store for this dialog only
	entry  uint64
	act    string // "ship" or "return"
	order  model.Order
	keys   keymap.OrderEntry
	pkeys  keymap.Prompt
	rows   []qtyRow
	reason textinput.Model
	rsnErr string
	focus  int // index into the focusable inputs (rows with room, then the reason)
	msg    string
	busy   bool
	closed bool
	width  int
	height int
}

// qtyDoneMsg is the store's answer to the dialog's step.
type qtyDoneMsg struct {
	dialog uint64
	order  model.Order
	err    error
}

// newQtyDialog opens the dialog for act ("ship" or "return") on order o,
// each input prefilled with all that may move now.
func newQtyDialog(env common.Env, entry uint64, act string, o model.Order) *qtyDialog {
	d := &qtyDialog{env: env, id: entrySeq.Add(1), entry: entry, act: act, order: o,
		keys: keymap.NewOrderEntry(), pkeys: keymap.NewPrompt()}
	for i, l := range o.Lines {
		r := qtyRow{line: i, l: l, room: l.Qty - l.Shipped}
		if act == "return" {
			r.room = l.Shipped - l.Returned
		}
		r.room = max(0, r.room)
		r.in = newInput(env.Styles, "", "")
		if r.room > 0 {
			r.in.SetValue(model.FormatQty(r.room, l.Unit))
		}
		d.rows = append(d.rows, r)
	}
	if act == "return" {
		d.reason = newInput(env.Styles, model.T("orders.qty.reason"), "")
	}
	d.setFocus(0)
	return d
}

// inputs are the rows that take a quantity, by index into d.rows; the reason follows them.
func (d *qtyDialog) inputs() []int {
	var out []int
	for i, r := range d.rows {
		if r.room > 0 {
			out = append(out, i)
		}
	}
	return out
}

func (d *qtyDialog) focusCount() int {
	n := len(d.inputs())
	if d.act == "return" {
		n++
	}
	return n
}

func (d *qtyDialog) setFocus(f int) tea.Cmd {
	n := d.focusCount()
	if n == 0 {
		return nil
	}
	d.focus = ((f % n) + n) % n
	ins := d.inputs()
	var cmd tea.Cmd
	for j, i := range ins {
		if j == d.focus {
			cmd = d.rows[i].in.Focus()
		} else {
			d.rows[i].in.Blur()
		}
	}
	if d.act == "return" {
		if d.focus == len(ins) {
			cmd = d.reason.Focus()
		} else {
			d.reason.Blur()
		}
	}
	return cmd
}

func (d *qtyDialog) Init() tea.Cmd { return nil }

func (d *qtyDialog) SetSize(w, h int) {
	d.width, d.height = w, h
	for i := range d.rows {
		d.rows[i].in.SetWidth(layoutFor(w).in - 1)
	}
	d.reason.SetWidth(max(1, w-len([]rune(d.reason.Prompt))-1))
}

func (d *qtyDialog) SetStyles(s styles.Styles) { d.env.Styles = s }

// InputFocused: the dialog is all inputs.
func (d *qtyDialog) InputFocused() bool { return true }

// Closed reports that the dialog is done (stored or given up).
func (d *qtyDialog) Closed() bool { return d.closed }

func (d *qtyDialog) ShortHelp() []key.Binding {
	return []key.Binding{d.pkeys.Confirm, d.keys.NextCell, d.keys.PrevCell, d.pkeys.Back}
}

func (d *qtyDialog) FullHelp() [][]key.Binding {
	return [][]key.Binding{{d.pkeys.Confirm, d.pkeys.Back}, {d.keys.NextCell, d.keys.PrevCell, d.keys.Up, d.keys.Down}}
}

func (d *qtyDialog) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case qtyDoneMsg:
		if msg.dialog == d.id {
			return d.onDone(msg)
		}
		return nil
	case tea.KeyPressMsg:
		if d.busy {
			return nil
		}
		switch {
		case key.Matches(msg, d.pkeys.Back):
			d.closed = true
			return nil
		case key.Matches(msg, d.pkeys.Confirm):
			return d.confirm()
		case key.Matches(msg, d.keys.NextCell), key.Matches(msg, d.keys.Down):
			return d.setFocus(d.focus + 1)
		case key.Matches(msg, d.keys.PrevCell), key.Matches(msg, d.keys.Up):
			return d.setFocus(d.focus - 1)
		}
		return d.typeIn(msg)
	case tea.PasteMsg:
		if !d.busy {
			return d.typeIn(msg)
		}
	}
	return nil
}

// typeIn hands text to the focused input and checks a quantity as it is typed.
func (d *qtyDialog) typeIn(msg tea.Msg) tea.Cmd {
	ins := d.inputs()
	var cmd tea.Cmd
	if d.focus < len(ins) {
		r := &d.rows[ins[d.focus]]
		r.in, cmd = r.in.Update(msg)
		_, r.err = d.parse(*r)
		return cmd
	}
	if d.act == "return" {
		d.reason, cmd = d.reason.Update(msg)
		if strings.TrimSpace(d.reason.Value()) != "" {
			d.rsnErr = ""
		}
	}
	return cmd
}

// zeroQty: "0", "0,00", "0.0" mean none of the line now (ParseQty refuses zero).
func zeroQty(s string) bool {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	return strings.Contains(s, "0") && strings.Trim(s, "0,.") == ""
}

// parse reads a row's quantity for now; the sentence when it is refused.
func (d *qtyDialog) parse(r qtyRow) (model.Qty, string) {
	t := r.in.Value()
	if zeroQty(t) {
		return 0, ""
	}
	q, err := model.ParseQty(t, r.l.Unit)
	if err != nil {
		return 0, errText(err)
	}
	if q > r.room {
		return 0, model.T("orders.qty.too_much."+d.act, model.FormatQty(r.room, r.l.Unit))
	}
	return q, ""
}

// confirm checks every row and hands the store each line's quantity in all.
func (d *qtyDialog) confirm() tea.Cmd {
	d.msg = ""
	all := map[int]model.Qty{}
	bad := false
	for i := range d.rows {
		r := &d.rows[i]
		if r.room == 0 {
			continue
		}
		q, why := d.parse(*r)
		r.err = why
		switch {
		case why != "":
			bad = true
		case q > 0 && d.act == "return":
			all[r.line] = r.l.Returned + q
		case q > 0:
			all[r.line] = r.l.Shipped + q
		}
	}
	reason := strings.TrimSpace(d.reason.Value())
	if d.act == "return" && reason == "" {
		d.rsnErr, bad = model.T("orders.error.reason"), true
	}
	if bad {
		return nil
	}
	if len(all) == 0 {
		d.msg = model.T("orders.qty.nothing." + d.act)
		return nil
	}
	d.busy = true
	st, o, id := d.env.Store, d.order, d.id
	if d.act == "return" {
		return func() tea.Msg {
			got, err := st.ReturnOrder(o.ID, o.Version, all, reason)
			return qtyDoneMsg{dialog: id, order: got, err: err}
		}
	}
	return func() tea.Msg {
		got, err := st.Ship(o.ID, o.Version, all)
		return qtyDoneMsg{dialog: id, order: got, err: err}
	}
}

// onDone closes on success and lets the entry show the order's new status;
// a refusal stays in the dialog, each sentence under its line.
func (d *qtyDialog) onDone(m qtyDoneMsg) tea.Cmd {
	d.busy = false
	if m.err == nil {
		d.closed = true
		return msgCmd(actedMsg{entry: d.entry, act: d.act, order: m.order})
	}
	var ve *model.ValidationError
	if !errors.As(m.err, &ve) {
		d.msg = errText(m.err)
		return nil
	}
	field := ".shipped"
	if d.act == "return" {
		field = ".returned"
	}
	for i := range d.rows {
		if s := ve.Fields["lines."+itoa(d.rows[i].line)+field]; s != "" {
			d.rows[i].err = s
		}
	}
	if s := ve.Fields["reason"]; s != "" {
		d.rsnErr = s
	}
	d.msg = ve.Fields["lines"]
	if d.msg == "" {
		d.msg = model.T("orders.error.invalid")
	}
	return nil
}

// cell fits s into w cells, on the right when right.
func cell(s string, w int, right bool) string {
	s = ansi.Truncate(s, w, "…")
	gap := strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
	if right {
		return gap + s
	}
	return s + gap
}

// qtyLayout are the dialog's column widths for its room: below 60 cells
// the SKU, figures and input narrow and the name goes.
type qtyLayout struct{ sku, name, num, in int }

func layoutFor(w int) qtyLayout {
	l := qtyLayout{sku: 10, num: 10, in: 11}
	if w < 60 {
		l = qtyLayout{sku: 8, num: 8, in: 8}
	}
	// #, SKU, name, two figures, the input, with their gaps.
	l.name = w - 3 - l.sku - 1 - 1 - l.num - 1 - l.num - 2 - l.in
	if l.name < 4 {
		l.name = 0
	}
	return l
}

// row is one line of the grid; name is left out when the layout has no room for it.
func (l qtyLayout) row(no, sku, name, total, done, in string) string {
	out := cell(no, 3, false) + cell(sku, l.sku, false) + " "
	if l.name > 0 {
		out += cell(name, l.name, false) + " "
	}
	return out + cell(total, l.num, true) + " " + cell(done, l.num, true) + "  " + cell(in, l.in, false)
}

// View: the title, a row per line with its sentence under it (scrolled so
// the focused line shows), the reason (returns) and the store's sentence;
// exactly width×height.
func (d *qtyDialog) View() string {
	if d.width <= 0 || d.height <= 0 {
		return ""
	}
	s := d.env.Styles
	lay := layoutFor(d.width)
	head := []string{s.Title.Render(model.T("orders.qty.title."+d.act, d.order.Number)), ""}
	done, now := model.T("orders.qty.col.shipped"), model.T("orders.qty.col.ship_now")
	total := model.T("orders.qty.col.ordered")
	if d.act == "return" {
		total, done, now = model.T("orders.qty.col.shipped"), model.T("orders.qty.col.returned"), model.T("orders.qty.col.return_now")
	}
	head = append(head, s.Header.Render(lay.row("#", model.T("orders.qty.col.sku"), model.T("orders.qty.col.name"), total, done, now)))
	var body []string
	focusAt, ins := -1, d.inputs()
	for i, r := range d.rows {
		tot, dn := r.l.Qty, r.l.Shipped
		if d.act == "return" {
			tot, dn = r.l.Shipped, r.l.Returned
		}
		in := "—"
		if r.room > 0 {
			in = r.in.View()
		}
		if d.focus < len(ins) && ins[d.focus] == i {
			focusAt = len(body)
		}
		body = append(body, lay.row(itoa(i+1), r.l.SKU, r.l.Name, model.FormatQty(tot, r.l.Unit), model.FormatQty(dn, r.l.Unit), in))
		if r.err != "" {
			body = append(body, "   "+s.FieldError.Render("✗ "+r.err))
		}
	}
	var foot []string
	if d.act == "return" {
		foot = append(foot, "", d.reason.View())
		if d.rsnErr != "" {
			foot = append(foot, s.FieldError.Render("✗ "+d.rsnErr))
		}
	}
	if d.msg != "" {
		foot = append(foot, "", s.FieldError.Render(d.msg))
	}
	if d.busy {
		foot = append(foot, "", s.Subtle.Render(model.T("orders.qty.busy")))
	}
	// The focused line and its sentence stay on screen; the reason and the store's sentence too.
	room := max(1, d.height-len(head)-len(foot))
	if len(body) > room {
		top := 0
		if focusAt >= 0 {
			end := focusAt
			if focusAt+1 < len(body) && d.rows[ins[d.focus]].err != "" {
				end++ // its sentence
			}
			top = max(0, min(len(body)-room, end-room+1))
		} else {
			top = len(body) - room
		}
		body = body[top : top+room]
	}
	out := append(head, body...)
	return textfit.Pad(append(out, foot...), d.width, d.height)
}
