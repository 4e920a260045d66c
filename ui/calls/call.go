package calls

import (
	"errors"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/form"
	"clientbase/ui/styles"
)

// callScreen is one call on the phone: the caller's context, an optional
// notes line, the outcome keys and the small form some outcomes ask for.
type callScreen struct {
	env   common.Env
	keys  keymap.CallScreen
	ikeys keymap.CallInput
	width int
	// height is the room for the screen (the tab's body less its sub-header).
	height int

	ctx      model.CallContext
	dir      model.Direction
	loc      *time.Location // the client's zone (from the context's local time)
	settings model.CallSettings

	notes      textinput.Model
	notesFocus bool
	form       *outcomeForm
	confirm    *confirm.Model // "let the call go?"
	busy       bool           // an outcome or a release is on its way to the store
	banner     string         // a store answer not tied to a field
}

// outcomeForm asks what an outcome needs: when (call back at…), why
// (refused), how much and by when (promised to pay).
type outcomeForm struct {
	outcome model.Outcome
	f       form.Model
}

// Field keys are the store's ValidationError keys, so its sentences land
// under the right field.
const (
	fCallBack  = "call_back"
	fReason    = "reason"
	fPromised  = "promised"
	fPromiseBy = "promise_by"
)

func newCallScreen(env common.Env, ctx model.CallContext, dir model.Direction, cs model.CallSettings) *callScreen {
	c := &callScreen{env: env, keys: keymap.NewCallScreen(), ikeys: keymap.NewCallInput(), ctx: ctx, dir: dir, settings: cs}
	c.loc = env.Loc
	if !ctx.LocalTime.IsZero() && ctx.LocalTime.Location() != nil {
		c.loc = ctx.LocalTime.Location()
	}
	// The other open items by due time, once, not on every frame.
	c.ctx.Open = append([]model.PlanItem(nil), ctx.Open...)
	sort.SliceStable(c.ctx.Open, func(i, j int) bool { return c.ctx.Open[i].Due.Before(c.ctx.Open[j].Due) })
	c.notes = textinput.New()
	c.notes.Prompt = ""
	c.notes.Placeholder = model.T("calls.notes.placeholder")
	c.notes.CharLimit = 2000
	c.applyInputStyles()
	return c
}

func (c *callScreen) applyInputStyles() {
	st := textinput.DefaultStyles(c.env.Styles.IsDark)
	st.Cursor.Blink = false
	st.Focused.Text = c.env.Styles.Value
	st.Blurred.Text = c.env.Styles.Value
	c.notes.SetStyles(st)
}

func (c *callScreen) setSize(w, h int) {
	c.width, c.height = w, h
	c.notes.SetWidth(max(8, w-labelWidth-2))
	if c.form != nil {
		c.form.f.SetSize(w-2, 10)
	}
}

func (c *callScreen) setStyles(s styles.Styles) {
	c.env.Styles = s
	c.applyInputStyles()
	if c.form != nil {
		c.form = c.buildForm(c.form.outcome, &c.form.f)
	}
}

// inputFocused reports that typing goes to a field or a question is open:
// the root must not read digits as tabs then.
func (c *callScreen) inputFocused() bool {
	return c.notesFocus || c.form != nil || c.confirm != nil
}

func (c *callScreen) shortHelp() []key.Binding {
	switch {
	case c.confirm != nil:
		return c.confirm.ShortHelp()
	case c.form != nil:
		return c.ikeys.FormHelp()
	case c.notesFocus:
		return c.ikeys.NotesHelp()
	}
	return c.helpKeys().ShortHelp()
}

func (c *callScreen) fullHelp() [][]key.Binding {
	switch {
	case c.confirm != nil:
		return c.confirm.FullHelp()
	case c.form != nil:
		return [][]key.Binding{c.ikeys.FormHelp()}
	case c.notesFocus:
		return [][]key.Binding{c.ikeys.NotesHelp()}
	}
	return c.helpKeys().FullHelp()
}

// helpKeys are the call screen's keys; read-only leaves looking and leaving.
func (c *callScreen) helpKeys() keymap.CallScreen {
	k := c.keys
	if c.env.ReadOnly {
		k.Outcome.SetEnabled(false)
		k.Notes.SetEnabled(false)
		k.Plan.SetEnabled(false)
		k.LetGo.SetEnabled(false)
		k.Complaint.SetEnabled(false)
		for i := range k.Outcomes {
			k.Outcomes[i].SetEnabled(false)
		}
	}
	if c.ctx.Item.ID == 0 {
		k.LetGo.SetEnabled(false) // nothing is held
	}
	return k
}

// held reports that the call works on a plan item this user holds.
func (c *callScreen) held() bool { return c.ctx.Item.ID != 0 }

// outcomeFor maps a key press to its outcome.
func (c *callScreen) outcomeFor(k interface{ String() string }) (model.Outcome, bool) {
	s := k.String()
	if len(s) != 1 || s[0] < '1' || s[0] > '9' {
		return "", false
	}
	i := int(s[0] - '1')
	if i >= len(model.Outcomes) {
		return "", false
	}
	return model.Outcomes[i], true
}

// openForm shows the fields outcome o asks for.
func (c *callScreen) openForm(o model.Outcome) {
	c.form = c.buildForm(o, nil)
	c.banner = ""
}

// buildForm makes the outcome's form; old carries typed values over (new styles).
func (c *callScreen) buildForm(o model.Outcome, old *form.Model) *outcomeForm {
	var fields []form.Field
	switch o {
	case model.OutcomeCallBack:
		fields = []form.Field{form.Text(fCallBack, model.T("calls.field.call_back"), "")}
	case model.OutcomeRefused:
		fields = []form.Field{form.Text(fReason, model.T("calls.field.reason"), "")}
	case model.OutcomePromisedToPay:
		fields = []form.Field{
			form.Text(fPromised, model.T("calls.field.promised", c.currency()), ""),
			form.Text(fPromiseBy, model.T("calls.field.promise_by"), ""),
		}
	}
	f := form.New(c.env.Styles, model.T("calls.yes"), model.T("calls.no"), fields...)
	if old != nil {
		for _, fl := range fields {
			f.SetValue(fl.Key, old.Value(fl.Key))
		}
	}
	f.SetSize(max(20, c.width-2), 10)
	return &outcomeForm{outcome: o, f: f}
}

// currency is the one a promise is counted in: the debt's, else the client's terms'.
func (c *callScreen) currency() string {
	switch {
	case c.ctx.OverdueDebt.Currency != "":
		return c.ctx.OverdueDebt.Currency
	case c.ctx.Client.CreditLimit.Currency != "":
		return c.ctx.Client.CreditLimit.Currency
	}
	return "RUB"
}

// interaction is what logging outcome o records, the form's values aside.
func (c *callScreen) interaction(o model.Outcome) model.Interaction {
	ix := model.Interaction{
		Channel:   model.ChannelPhone,
		Direction: c.dir,
		Client:    c.ctx.Client.ID,
		Phone:     c.ctx.Dial.E164,
		PlanItem:  c.ctx.Item.ID,
		OffPlan:   c.ctx.Item.ID == 0,
		Outcome:   o,
		Notes:     strings.TrimSpace(c.notes.Value()),
	}
	if c.ctx.Contact != nil {
		ix.Contact = c.ctx.Contact.ID
	}
	return ix
}

// readForm turns the form's text into the interaction's fields; what cannot
// be read comes back as a sentence per field and nothing is logged.
func (c *callScreen) readForm(now time.Time) (model.Interaction, map[string]string) {
	o := c.form.outcome
	ix := c.interaction(o)
	errs := map[string]string{}
	f := &c.form.f
	when := func(field string) time.Time {
		text := strings.TrimSpace(f.Value(field))
		if text == "" {
			errs[field] = model.T("calls.error.when_empty")
			return time.Time{}
		}
		t, err := model.ParseWhen(text, now, c.loc, c.settings)
		if err != nil {
			errs[field] = fieldSentence(err)
		}
		return t
	}
	switch o {
	case model.OutcomeCallBack:
		ix.CallBack = when(fCallBack)
	case model.OutcomeRefused:
		ix.Reason = strings.TrimSpace(f.Value(fReason))
		if ix.Reason == "" {
			errs[fReason] = model.T("calls.error.reason_empty")
		}
	case model.OutcomePromisedToPay:
		text := strings.TrimSpace(f.Value(fPromised))
		if text == "" {
			errs[fPromised] = model.T("calls.error.amount_empty")
		} else if m, err := model.ParseMoney(text, c.currency()); err != nil {
			errs[fPromised] = fieldSentence(err)
		} else if m.Minor <= 0 {
			errs[fPromised] = model.T("calls.error.amount_positive")
		} else {
			ix.Promised = m
		}
		ix.PromiseBy = when(fPromiseBy)
	}
	if len(errs) == 0 {
		return ix, nil
	}
	return ix, errs
}

// showErrors puts the store's sentences under their fields; the rest goes
// in the banner above the outcome keys.
func (c *callScreen) showErrors(err error) {
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		c.banner = errorSentence(err)
		return
	}
	rest := ve.Fields
	if c.form != nil {
		rest = c.form.f.SetErrors(ve.Fields)
	}
	keys := make([]string, 0, len(rest))
	for k := range rest {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, rest[k])
	}
	c.banner = strings.Join(parts, " ")
}

// fieldSentence is the user's sentence in a parser's error.
func fieldSentence(err error) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		keys := make([]string, 0, len(ve.Fields))
		for k := range ve.Fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, ve.Fields[k])
		}
		return strings.Join(parts, " ")
	}
	return err.Error()
}
