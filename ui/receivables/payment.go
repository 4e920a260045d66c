package receivables

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/form"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// Field keys of the payment form: the validation keys of model.CheckPayment
// and the store, so their sentences land under the right field.
const (
	fAmount    = "amount"
	fDate      = "date"
	fReference = "reference"
)

// PaymentForm records a payment against an invoiced order: amount
// (prefilled with what is due), date (today), bank reference. An amount
// that is not what is due is flagged while typing, asked about before it is
// saved, and reported after. When it saves it returns
// common.DataChangedMsg{Kind: "order", ID: order} and a common.StatusMsg,
// then Closed() is true; esc closes it too (asking when something was typed).
type PaymentForm struct {
	env           common.Env
	order         model.Order
	keys          keymap.Form
	form          form.Model
	width, height int

	banner  string
	refusal string         // why the order takes no payment ("" when it does)
	ask     *confirm.Model // the mismatch question, or the discard question
	asking  askWhat
	pending model.Payment // what the mismatch question would save

	saving bool
	wait   uint64
	closed bool
	saved  *model.Payment
}

type askWhat int

const (
	askMismatch askWhat = iota
	askDiscard
)

// NewPaymentForm opens the form on order o (loaded with its totals and what
// was paid so far).
func NewPaymentForm(env common.Env, o model.Order) *PaymentForm {
	f := &PaymentForm{env: env, order: o, keys: keymap.NewForm(), width: 80, height: 20}
	f.build("", "", "")
	f.refusal = f.blocked()
	if f.refusal != "" {
		// Next to the amount, where the user would type: nothing can go there.
		f.showErrors(map[string]string{fAmount: f.refusal})
	}
	return f
}

// build makes the form's fields; typed values (non-empty) are set over the defaults.
func (f *PaymentForm) build(amountText, dateText, ref string) {
	due := f.Due()
	def := ""
	if due.Minor > 0 {
		def = amount(due)
	}
	f.form = form.New(f.env.Styles, model.T("receivables.yes"), model.T("receivables.no"),
		form.Text(fAmount, model.T("receivables.pay.amount", f.currency()), def),
		form.Text(fDate, model.T("receivables.pay.date"), model.FormatDate(now(f.env), loc(f.env))),
		form.Text(fReference, model.T("receivables.pay.reference"), ""),
	)
	for k, v := range map[string]string{fAmount: amountText, fDate: dateText, fReference: ref} {
		if v != "" {
			f.form.SetValue(k, v)
		}
	}
	f.layout()
}

func (f *PaymentForm) currency() string {
	if f.order.Currency != "" {
		return f.order.Currency
	}
	return f.order.Totals.Gross.Currency
}

// Due is what is still owed on the order (model.OrderDue: gross less
// returns less what was paid; below zero when overpaid).
func (f *PaymentForm) Due() model.Money {
	d := model.OrderDue(f.order)
	d.Currency = f.currency()
	return d
}

// blocked says why no payment can be recorded against the order ("" when
// one can): the model's own rule, asked with a payment that is otherwise fine.
func (f *PaymentForm) blocked() string {
	probe := model.Payment{Order: f.order.ID, Amount: model.Money{Minor: 1, Currency: f.currency()}, Date: now(f.env)}
	_, err := model.CheckPayment(probe, f.order)
	var ve *model.ValidationError
	if err == nil || errors.As(err, &ve) {
		return ""
	}
	return errorSentence(err)
}

// Init focuses the amount.
func (f *PaymentForm) Init() tea.Cmd { return f.form.Focus(fAmount) }

// Closed reports that the form saved or was left.
func (f *PaymentForm) Closed() bool { return f.closed }

// Saved is the payment the store recorded, once it did.
func (f *PaymentForm) Saved() (model.Payment, bool) {
	if f.saved == nil {
		return model.Payment{}, false
	}
	return *f.saved, true
}

// SetSize gives the form its space.
func (f *PaymentForm) SetSize(width, height int) {
	f.width, f.height = max(width, 20), max(height, 6)
	f.layout()
}

// SetStyles rebuilds the form with new styles, keeping what was typed.
func (f *PaymentForm) SetStyles(s styles.Styles) {
	f.env.Styles = s
	focused := f.form.Focused()
	f.build(f.form.Value(fAmount), f.form.Value(fDate), f.form.Value(fReference))
	f.form.Focus(focused)
}

// InputFocused: the form keeps every key.
func (f *PaymentForm) InputFocused() bool { return !f.closed }

// ShortHelp is the footer for the form or its question.
func (f *PaymentForm) ShortHelp() []key.Binding {
	if f.ask != nil {
		return f.ask.ShortHelp()
	}
	return f.keys.ShortHelp()
}

// FullHelp is the ? overlay for the form or its question.
func (f *PaymentForm) FullHelp() [][]key.Binding {
	if f.ask != nil {
		return f.ask.FullHelp()
	}
	return f.keys.FullHelp()
}

// Update handles keys, pastes and the store's answer.
func (f *PaymentForm) Update(msg tea.Msg) tea.Cmd {
	if f.closed {
		return nil
	}
	switch msg := msg.(type) {
	case paidMsg:
		return f.onPaid(msg)
	case tea.KeyPressMsg:
		if f.ask != nil {
			return f.answer(msg)
		}
		switch {
		case key.Matches(msg, f.keys.Submit):
			if f.saving {
				return nil
			}
			return f.submit()
		case key.Matches(msg, f.keys.Back):
			if f.saving {
				return nil
			}
			if f.form.Dirty() {
				q := confirm.New(model.T("receivables.pay.discard"))
				f.ask, f.asking = &q, askDiscard
				f.form.Blur()
				return nil
			}
			f.closed = true
			return nil
		}
		return f.toForm(msg)
	case tea.PasteMsg:
		if f.ask == nil {
			return f.toForm(msg)
		}
	}
	return nil
}

func (f *PaymentForm) toForm(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.form, cmd = f.form.Update(msg)
	return cmd
}

func (f *PaymentForm) answer(k tea.KeyPressMsg) tea.Cmd {
	q := f.ask.Update(k)
	if !q.Answered {
		f.ask = &q
		return nil
	}
	f.ask = nil
	if !q.Yes {
		return f.form.Refocus()
	}
	if f.asking == askDiscard {
		f.closed = true
		return nil
	}
	f.form.Refocus()
	return f.save(f.pending)
}

// Flag is how the typed amount compares with what is due: "over", "under",
// or "" when it matches or cannot be read; diff is the difference's size.
func (f *PaymentForm) Flag() (flag string, diff model.Money) {
	m, err := model.ParseMoney(f.form.Value(fAmount), f.currency())
	if err != nil || m.Minor <= 0 || f.refusal != "" {
		return "", model.Money{}
	}
	return mismatch(m, f.Due())
}

// mismatch compares a payment with what is due.
func mismatch(paid, due model.Money) (string, model.Money) {
	d := paid.Minor - due.Minor
	switch {
	case d > 0:
		return model.PaymentOver, model.Money{Minor: d, Currency: due.Currency}
	case d < 0:
		return model.PaymentUnder, model.Money{Minor: -d, Currency: due.Currency}
	}
	return "", model.Money{}
}

// read checks what was typed and builds the payment; errs are sentences by field.
func (f *PaymentForm) read() (model.Payment, map[string]string) {
	errs := map[string]string{}
	p := model.Payment{Order: f.order.ID, Client: f.order.Client, Reference: strings.TrimSpace(f.form.Value(fReference))}
	if m, err := model.ParseMoney(f.form.Value(fAmount), f.currency()); err != nil {
		errs[fAmount] = errorSentence(err)
	} else if m.Minor <= 0 {
		errs[fAmount] = model.T("receivables.pay.amount_positive")
	} else {
		p.Amount = m
	}
	today := dayStart(now(f.env), loc(f.env))
	if d, err := ParseDate(f.form.Value(fDate), loc(f.env)); err != nil {
		errs[fDate] = errorSentence(err)
	} else if d.After(today) {
		errs[fDate] = model.T("receivables.pay.date_future")
	} else if inv := f.order.InvoiceDate; !inv.IsZero() && d.Before(dayStart(inv, loc(f.env))) {
		// A mistyped year (2020 for 2026) would otherwise be stored as paid years before the invoice.
		errs[fDate] = model.T("receivables.pay.date_early", model.FormatDate(inv, loc(f.env)))
	} else {
		p.Date = d
	}
	if len(errs) == 0 {
		if _, err := model.CheckPayment(p, f.order); err != nil {
			var ve *model.ValidationError
			if errors.As(err, &ve) {
				for k, v := range ve.Fields {
					errs[k] = v
				}
			} else {
				errs[""] = errorSentence(err)
			}
		}
	}
	return p, errs
}

// submit checks the form; a mismatching amount is asked about first.
func (f *PaymentForm) submit() tea.Cmd {
	if f.refusal != "" {
		f.showErrors(map[string]string{fAmount: f.refusal})
		return nil
	}
	p, errs := f.read()
	if f.showErrors(errs) {
		return nil
	}
	if flag, diff := mismatch(p.Amount, f.Due()); flag != "" {
		f.pending = p
		q := confirm.New(f.mismatchQuestion(p.Amount, flag, diff))
		f.ask, f.asking = &q, askMismatch
		f.form.Blur()
		return nil
	}
	return f.save(p)
}

func (f *PaymentForm) mismatchQuestion(paid model.Money, flag string, diff model.Money) string {
	return model.T("receivables.pay.ask_"+flag, model.FormatMoney(paid), model.FormatMoney(diff), model.FormatMoney(f.Due()))
}

func (f *PaymentForm) save(p model.Payment) tea.Cmd {
	f.saving = true
	f.banner = ""
	f.wait = nextGen()
	f.layout()
	return payCmd(f.env.Store, f.wait, p)
}

// showErrors puts sentences under their fields, the rest above the form.
func (f *PaymentForm) showErrors(errs map[string]string) bool {
	rest := f.form.SetErrors(errs)
	f.banner = ""
	if len(rest) > 0 {
		f.banner = errorSentence(&model.ValidationError{Fields: rest})
	}
	f.layout()
	return len(errs) > 0
}

func (f *PaymentForm) onPaid(msg paidMsg) tea.Cmd {
	if msg.gen != f.wait {
		return nil
	}
	f.saving = false
	if msg.err != nil {
		var ve *model.ValidationError
		if errors.As(msg.err, &ve) {
			f.showErrors(ve.Fields)
			return nil
		}
		f.banner = errorSentence(msg.err)
		f.layout()
		return nil
	}
	p := msg.payment
	f.saved = &p
	f.closed = true
	// The store is the judge; the form's own sum stands in when it is silent.
	local, diff := mismatch(p.Amount, f.Due())
	flag := p.Mismatch
	if flag == "" {
		flag = local
	}
	text := model.TSentence("receivables.pay.done", model.FormatMoney(p.Amount), f.order.Number)
	if flag == model.PaymentOver || flag == model.PaymentUnder {
		text = model.T("receivables.pay.done_"+flag, model.FormatMoney(p.Amount), f.order.Number, model.FormatMoney(diff))
	}
	return tea.Batch(
		msgCmd(common.DataChangedMsg{Kind: "order", ID: f.order.ID}),
		msgCmd(common.StatusMsg{Text: text, Err: flag != ""}),
	)
}

// layout gives the form the lines left under the head.
func (f *PaymentForm) layout() {
	f.form.SetSize(f.width, max(1, f.height-len(f.headLines())))
}

// headLines: the title, what is due, the flag on the typed amount, and the
// store's or the form's sentence.
func (f *PaymentForm) headLines() []string {
	st := f.env.Styles
	o := f.order
	title := model.T("receivables.pay.title", plain(o.Number))
	if o.InvoiceNo != "" {
		title = model.T("receivables.pay.title_invoice", plain(o.Number), plain(o.InvoiceNo), model.FormatDate(o.InvoiceDate, loc(f.env)))
	}
	tail := ""
	if f.saving {
		tail = "  " + st.Subtle.Render(model.T("receivables.saving"))
	}
	ls := []string{st.Title.Render(title) + tail}
	ls = append(ls, st.Value.Render(model.T("receivables.pay.due_line", model.FormatMoney(o.Totals.Gross), amount(o.Paid), model.FormatMoney(f.Due()))))
	if flag, diff := f.Flag(); flag != "" {
		ls = append(ls, st.Warning.Render(model.T("receivables.pay.flag_"+flag, model.FormatMoney(diff))))
	} else {
		ls = append(ls, "")
	}
	for _, l := range textfit.Wrap(f.banner, f.width) {
		ls = append(ls, st.Danger.Render(l))
	}
	return ls
}

// View renders the form (or its question), exactly width×height.
func (f *PaymentForm) View() string {
	if f.ask != nil {
		return f.ask.View(f.env.Styles, f.width, f.height)
	}
	ls := f.headLines()
	ls = append(ls, strings.Split(f.form.View(), "\n")...)
	return textfit.Pad(ls, f.width, f.height)
}

var _ common.Pane = (*PaymentForm)(nil)
