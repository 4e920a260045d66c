package receivables

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// decision is what the head does with an order that waits.
type decision int

const (
	decideApprove decision = iota
	decideReject
	decideOverride
)

// name is the decision's word in message keys.
func (d decision) name() string {
	switch d {
	case decideReject:
		return "reject"
	case decideOverride:
		return "override"
	}
	return "approve"
}

// commentRequired: a rejection and an override must say why; an approval may.
func (d decision) commentRequired() bool { return d != decideApprove }

// fComment is the comment field's key (and the store's validation key).
const fComment = "comment"

// commentDialog asks for the comment of an approval, a rejection or a
// credit override, saves it and reports what the store answered.
type commentDialog struct {
	env    common.Env
	what   decision
	order  model.Order
	client string
	keys   keymap.Comment
	form   form.Model
	banner string
	saving bool
	wait   uint64
	inner  int  // the box's inner width
	done   bool // the store took the decision
}

func newCommentDialog(env common.Env, what decision, o model.Order, client string) *commentDialog {
	label := model.T("receivables.comment.optional")
	if what.commentRequired() {
		label = model.T("receivables.comment.required")
	}
	d := &commentDialog{env: env, what: what, order: o, client: client, keys: keymap.NewComment()}
	d.form = form.New(env.Styles, model.T("receivables.yes"), model.T("receivables.no"), form.Text(fComment, label, ""))
	return d
}

func (d *commentDialog) init() tea.Cmd { return d.form.Focus(fComment) }

// setSize fits the box to a pane width cells wide.
func (d *commentDialog) setSize(width int) {
	d.inner = max(20, min(width-6, 72))
	d.form.SetSize(d.inner, 2)
}

// update handles a key or a paste; closed reports the dialog was left or saved.
func (d *commentDialog) update(msg tea.Msg) (cmd tea.Cmd, closed bool) {
	switch msg := msg.(type) {
	case decidedMsg:
		return d.onDecided(msg)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, d.keys.Back):
			// Not while saving: the answer must land here to be reported.
			return nil, !d.saving
		case key.Matches(msg, d.keys.Submit):
			if d.saving {
				return nil, false
			}
			return d.submit(), false
		}
		d.form, cmd = d.form.Update(msg)
		return cmd, false
	case tea.PasteMsg:
		d.form, cmd = d.form.Update(msg)
		return cmd, false
	}
	return nil, false
}

func (d *commentDialog) submit() tea.Cmd {
	comment := strings.TrimSpace(d.form.Value(fComment))
	if d.what.commentRequired() && comment == "" {
		d.form.SetErrors(map[string]string{fComment: model.T("receivables.comment.missing." + d.what.name())})
		return nil
	}
	d.form.SetErrors(nil)
	d.banner = ""
	d.saving = true
	d.wait = nextGen()
	return decideCmd(d.env.Store, d.wait, d.what, d.order, comment)
}

func (d *commentDialog) onDecided(msg decidedMsg) (tea.Cmd, bool) {
	if msg.gen != d.wait {
		return nil, false
	}
	d.saving = false
	if msg.err != nil {
		var ve *model.ValidationError
		if errors.As(msg.err, &ve) {
			rest := d.form.SetErrors(ve.Fields)
			if len(rest) > 0 {
				d.banner = errorSentence(&model.ValidationError{Fields: rest})
			}
			return nil, false
		}
		d.banner = errorSentence(msg.err)
		return nil, false
	}
	d.done = true
	text := model.TSentence("receivables.done."+d.what.name(), d.order.Number, d.client)
	return changed(d.order.ID, text), true
}

// view draws the dialog centred in width×height: what is decided, why the
// order waits, the comment field and what went wrong.
func (d *commentDialog) view(st styles.Styles, width, height int) string {
	inner := d.inner
	var ls []string
	ls = append(ls, textfit.Fit(st.Title.Render(model.T("receivables.dialog."+d.what.name(), d.order.Number)), inner))
	who := plain(d.client)
	if d.order.Totals.Gross.Minor != 0 {
		who += " · " + model.FormatMoney(d.order.Totals.Gross)
	}
	ls = append(ls, textfit.Fit(st.Value.Render(who), inner))
	if d.order.HoldReason != "" {
		for _, l := range textfit.Wrap(plain(d.order.HoldReason), inner) {
			ls = append(ls, textfit.Fit(st.Warning.Render(l), inner))
		}
	}
	ls = append(ls, "")
	for _, l := range d.form.Lines() {
		ls = append(ls, textfit.Fit(l, inner))
	}
	switch {
	case d.saving:
		ls = append(ls, textfit.Fit(st.Subtle.Render(model.T("receivables.saving")), inner))
	case d.banner != "":
		for _, l := range textfit.Wrap(d.banner, inner) {
			ls = append(ls, textfit.Fit(st.Danger.Render(l), inner))
		}
	}
	box := st.Dialog.Render(strings.Join(ls, "\n"))
	return textfit.Pad(strings.Split(lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box), "\n"), width, height)
}

// help is the dialog's footer.
func (d *commentDialog) help() []key.Binding { return d.keys.ShortHelp() }
