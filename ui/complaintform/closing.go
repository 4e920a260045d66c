package complaintform

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/styles"
)

// Field keys of the closing form: model.CheckClosing's keys.
const (
	fDecision  = "decision"
	fSatisfied = "satisfied"
	fRemedy    = "remedy"
	fReason    = "reason"
	fFault     = "fault"
	fFeedback  = "feedback"
	fJustified = "justified"
	fOver      = "over_claimed"
)

// Closing closes a complaint: decision, satisfied amount, remedy, reason,
// fault party, the client's final feedback, and for head and director the
// justified verdict and the confirmation of an amount above the claimed one.
// After it closes, Result is the closed complaint (FollowUp names the
// retention call the store planned). Saving sends
// common.DataChangedMsg{Kind: "complaint"} and a common.StatusMsg.
type Closing struct {
	env    common.Env
	keys   keymap.ComplaintForm
	width  int
	height int
	closed bool

	c       model.Complaint
	form    form.Model
	banner  string
	prefill string // the satisfied amount the decision put in; a typed one is left alone
	discard bool
	saving  bool

	saved model.Complaint
	ok    bool

	gen, waitSave uint64
}

// NewClosing opens the closing form for c.
func NewClosing(env common.Env, c model.Complaint) *Closing {
	if env.Now == nil {
		env.Now = time.Now
	}
	env.Loc = env.Zone()
	f := &Closing{env: env, keys: keymap.NewComplaintForm(), width: 80, height: 24, c: c}
	f.build(nil)
	return f
}

// Init focuses the first field.
func (f *Closing) Init() tea.Cmd { return f.form.Focus(f.form.Focused()) }

// Result is the closed complaint; ok false when the form was left without saving.
func (f *Closing) Result() (model.Complaint, bool) { return f.saved, f.ok }

// Closed reports that the form saved or was left.
func (f *Closing) Closed() bool { return f.closed }

// SetSize gives the form its space.
func (f *Closing) SetSize(w, h int) {
	f.width, f.height = max(w, 20), max(h, 6)
	f.layout()
}

// SetStyles rebuilds the form with new styles, keeping what was typed.
func (f *Closing) SetStyles(s styles.Styles) {
	f.env.Styles = s
	old := f.form
	f.build(&old)
}

// InputFocused: the form keeps every key while it is open.
func (f *Closing) InputFocused() bool { return !f.closed }

// ShortHelp is the footer for the form's state.
func (f *Closing) ShortHelp() []key.Binding {
	if f.discard {
		return f.keys.DiscardHelp()
	}
	return f.form.Keys().ShortHelp()
}

// FullHelp is the ? overlay for the form's state.
func (f *Closing) FullHelp() [][]key.Binding {
	if f.discard {
		return [][]key.Binding{f.keys.DiscardHelp()}
	}
	return f.form.Keys().FullHelp()
}

// amount shows money without its currency, as it is typed.
func amount(m model.Money) string { return model.FormatMoney(model.Money{Minor: m.Minor}) }

// build makes the form; prev (a form rebuilt for new styles) gives the typed values.
func (f *Closing) build(prev *form.Model) {
	boss := isBoss(f.env.Me)
	remedies := []model.Remedy{model.RemedyNone, model.RemedyRefund, model.RemedyReplacement, model.RemedyDiscount}
	if f.c.Order != 0 && model.Can(f.env.Me, model.ActOrderApprove) {
		// A return goes back on the order through its return step, which is the head's.
		remedies = append(remedies, model.RemedyReturn)
	}
	reasons := append([]form.Option{{Value: "", Label: model.T("complaintform.choose")}}, enumOptions(model.ReasonCodes, model.ReasonLabel)...)
	faults := append([]form.Option{{Value: "", Label: model.T("complaintform.choose")}}, enumOptions(model.FaultParties, model.FaultLabel)...)
	f.prefill = amount(f.c.Claimed)
	fields := []form.Field{
		form.Choice(fDecision, label(fDecision), enumOptions(model.Decisions, model.DecisionLabel), string(model.DecisionFull)),
		form.Text(fSatisfied, model.T("complaintform.field.satisfied_in", f.c.Claimed.Currency), f.prefill),
		form.Choice(fRemedy, label(fRemedy), enumOptions(remedies, model.RemedyLabel), string(model.RemedyRefund)),
		form.Choice(fReason, label(fReason), reasons, ""),
		form.Choice(fFault, label(fFault), faults, ""),
		form.Notes(fFeedback, label(fFeedback), ""),
	}
	if boss {
		fields = append(fields,
			form.Choice(fJustified, label(fJustified), []form.Option{
				{Value: "", Label: model.T("complaintform.not_set")},
				{Value: "yes", Label: yes()},
				{Value: "no", Label: no()},
			}, ""),
			form.Toggle(fOver, label(fOver), false),
		)
	}
	f.form = form.New(f.env.Styles, yes(), no(), fields...)
	if prev != nil {
		for _, fl := range fields {
			if v := prev.Value(fl.Key); v != prev.Initial(fl.Key) {
				f.form.SetValue(fl.Key, v)
			}
		}
		f.form.Focus(prev.Focused())
	}
	f.follow("")
}

// follow keeps the fields in step with the decision: full puts the claimed
// amount in, rejected 0 and no remedy (unless the user typed their own);
// the confirmation shows only when the amount is above the claimed one.
func (f *Closing) follow(before string) {
	d := model.Decision(f.form.Value(fDecision))
	if before != "" && string(d) != before {
		if trim(f.form.Value(fSatisfied)) == f.prefill {
			switch d {
			case model.DecisionFull:
				f.prefill = amount(f.c.Claimed)
				f.form.SetValue(fSatisfied, f.prefill)
			case model.DecisionRejected:
				f.prefill = amount(model.Money{})
				f.form.SetValue(fSatisfied, f.prefill)
			}
		}
		switch {
		case d == model.DecisionRejected:
			f.form.SetValue(fRemedy, string(model.RemedyNone))
		case model.DecisionRejected == model.Decision(before) && f.form.Value(fRemedy) == string(model.RemedyNone):
			f.form.SetValue(fRemedy, string(model.RemedyRefund))
		}
	}
	over := false
	if m, err := model.ParseMoney(f.form.Value(fSatisfied), f.c.Claimed.Currency); err == nil {
		over = m.Minor > f.c.Claimed.Minor
	}
	f.form.SetHidden(fOver, !over)
	f.layout()
}

// Update handles keys and the store's answer.
func (f *Closing) Update(msg tea.Msg) tea.Cmd {
	if f.closed {
		return nil
	}
	switch msg := msg.(type) {
	case savedMsg:
		return f.onSaved(msg)
	case tea.KeyPressMsg:
		if f.discard {
			switch {
			case key.Matches(msg, f.keys.Yes):
				f.closed = true
			case key.Matches(msg, f.keys.No):
				f.discard = false
				f.layout()
				return f.form.Refocus()
			}
			return nil
		}
		switch {
		case key.Matches(msg, f.keys.Save):
			if f.saving {
				return nil
			}
			return f.submit()
		case key.Matches(msg, f.keys.Back):
			if f.form.Dirty() {
				f.discard = true
				f.form.Blur()
				f.layout()
				return nil
			}
			f.closed = true
			return nil
		}
	}
	if f.discard {
		return nil
	}
	before := f.form.Value(fDecision)
	var cmd tea.Cmd
	f.form, cmd = f.form.Update(msg)
	f.follow(before)
	return cmd
}

// closingFrom reads the form; an amount that does not read is a sentence.
func (f *Closing) closingFrom() (model.Closing, map[string]string) {
	errs := map[string]string{}
	cl := model.Closing{
		Decision: model.Decision(f.form.Value(fDecision)),
		Remedy:   model.Remedy(f.form.Value(fRemedy)),
		Reason:   model.ReasonCode(f.form.Value(fReason)),
		Fault:    model.FaultParty(f.form.Value(fFault)),
		Feedback: trim(f.form.Value(fFeedback)),
	}
	if m, err := model.ParseMoney(f.form.Value(fSatisfied), f.c.Claimed.Currency); err != nil {
		errs[fSatisfied] = err.Error()
	} else {
		cl.Satisfied = m
	}
	switch f.form.Value(fJustified) {
	case "yes":
		t := true
		cl.Justified = &t
	case "no":
		b := false
		cl.Justified = &b
	}
	cl.OverClaimed = !f.form.Hidden(fOver) && f.form.Bool(fOver)
	return cl, errs
}

func (f *Closing) submit() tea.Cmd {
	cl, errs := f.closingFrom()
	if len(errs) == 0 {
		for k, s := range validationFields(model.CheckClosing(f.env.Me, f.c, cl)) {
			errs[k] = s
		}
		if errs[fSatisfied] != "" && !f.form.Hidden(fOver) && !cl.OverClaimed && cl.Satisfied.Minor > f.c.Claimed.Minor {
			// the head is the one who confirms: say where, not "only the head"
			errs[fSatisfied] = model.T("complaintform.err.over_tick", model.FormatMoney(cl.Satisfied),
				model.FormatMoney(f.c.Claimed), model.T("complaintform.field.over_claimed"))
		}
	}
	if f.showErrors(errs) {
		return nil
	}
	f.saving = true
	f.gen++
	f.waitSave = f.gen
	f.layout()
	return closeCmd(f.env.Store, f.waitSave, f.c, cl)
}

// showErrors puts sentences under their fields; one about the confirmation
// of a manager (who has no such field) goes under the amount.
func (f *Closing) showErrors(errs map[string]string) bool {
	placed := map[string]string{}
	for k, s := range errs {
		if f.form.Hidden(k) && (k == fOver || k == "overclaimed" || k == "claimed") {
			k = fSatisfied
		}
		if _, ok := placed[k]; !ok {
			placed[k] = s
		}
	}
	f.banner = joinUnplaced(f.form.SetErrors(placed))
	f.layout()
	return len(errs) > 0
}

func (f *Closing) onSaved(msg savedMsg) tea.Cmd {
	if msg.gen != f.waitSave {
		return nil
	}
	f.saving = false
	if msg.err != nil {
		if fields := validationFields(msg.err); fields != nil {
			f.showErrors(fields)
			return nil
		}
		f.banner = errorSentence(msg.err)
		f.layout()
		return nil
	}
	f.saved, f.ok, f.closed = msg.c, true, true
	return doneCmds("complaint", msg.c.ID, model.T("complaintform.done.closed", int(msg.c.ID)))
}

func (f *Closing) layout() {
	f.form.SetSize(f.width, max(1, f.height-len(f.headLines())))
}

// headLines: the title, what is being closed, the question or the store's
// sentence, and what a return does.
func (f *Closing) headLines() []string {
	st := f.env.Styles
	ls := []string{titleLine(st, model.T("complaintform.title.close", int(f.c.ID)), f.width, f.saving, f.form.Dirty())}
	about := model.T("complaintform.closing_about", model.ComplaintTypeLabel(f.c.Type), model.FormatMoney(f.c.Claimed))
	if f.c.OrderNo != "" {
		about += " · " + model.T("complaintform.closing_order", f.c.OrderNo)
	}
	ls = append(ls, st.Subtle.Render(ansi.Truncate(about, f.width, "…")))
	if f.discard {
		ls = append(ls, st.Warning.Render(model.T("complaintform.discard")))
	}
	for _, l := range wrapIf(f.banner, f.width) {
		ls = append(ls, st.Danger.Render(l))
	}
	var hint string
	switch {
	case f.form.Value(fRemedy) == string(model.RemedyReturn):
		hint = model.T("complaintform.hint.return", f.c.OrderNo)
	case f.form.Focused() == fJustified:
		hint = model.T("complaintform.hint.justified")
	case f.form.Focused() == fOver:
		hint = model.T("complaintform.hint.over")
	}
	for _, l := range wrapIf(hint, f.width) {
		ls = append(ls, st.Subtle.Render(l))
	}
	return ls
}

// View renders the form, exactly width×height.
func (f *Closing) View() string {
	ls := append(f.headLines(), strings.Split(f.form.View(), "\n")...)
	return strings.Join(fit(ls, f.width, f.height), "\n")
}
