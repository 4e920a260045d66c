// Package planform is the form that plans a call or visit, and the small
// dialogs that reschedule, cancel and reassign plan items. The card, the
// week view, the team view and the call screen open it.
package planform

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/styles"
)

// what is which form or dialog a Model is.
type what int

const (
	whatPlan what = iota
	whatReschedule
	whatCancel
	whatReassign
)

// Field keys: the validation keys of model.ValidatePlanItem and the store,
// so their sentences land under the right field.
const (
	fClient   = "client"
	fContact  = "contact"
	fKind     = "kind"
	fDue      = "due"
	fUntil    = "until"
	fPurpose  = "purpose"
	fPriority = "priority"
	fAddress  = "address"
	fAssignee = "assignee"
	fNote     = "note"
	fReason   = "reason"
)

// maxMatches is how many clients the lookup shows under the form.
const maxMatches = 5

// Model is one open form or dialog. When it saves it returns
// common.DataChangedMsg{Kind: "plan"} and a common.StatusMsg, then Closed()
// is true; esc (with a discard question when something was typed) closes it too.
type Model struct {
	env    common.Env
	what   what
	keys   keymap.PlanForm
	closed bool
	width  int
	height int

	base  model.PlanItem   // New: the preset; Reschedule, Cancel: the item
	items []model.PlanItem // Reassign: the items to give away

	client    model.Client
	hasClient bool
	settings  model.CallSettings
	users     []model.User // sorted by login
	usersErr  string

	form    form.Model
	built   bool // the plan form was built once (its typed values carry over)
	banner  string
	discard bool // "discard what you typed?" is asked
	saving  bool

	// The client lookup (New without a client): matches for what was typed.
	lookup   bool
	query    string
	matches  []model.Client
	total    int
	cursor   int
	indexing bool // the search index was still being built when asked

	// Reassign: whom to give the items to.
	choices []choice
	choice  int

	gen                                               uint64
	waitClient, waitSearch, waitUsers, waitSave, wait uint64
}

// choice is one line of the reassign list: a user, or the operators' pool ("").
type choice struct {
	login string
	label string
	name  string // for the sentence after: "2 items reassigned to Jonas Jonaitis"
}

func newModel(env common.Env, w what) *Model {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Loc == nil {
		env.Loc = time.Local
	}
	return &Model{env: env, what: w, keys: keymap.NewPlanForm(), width: 80, height: 20, settings: model.DefaultCallSettings()}
}

// New plans a new item; p presets what is known (Client, Kind, Assignee,
// Purpose…). Client 0 lets the user find the client by name, tax id or phone.
func New(env common.Env, p model.PlanItem) *Model {
	m := newModel(env, whatPlan)
	if p.Kind == "" {
		p.Kind = model.PlanCall
	}
	if p.Purpose == "" {
		p.Purpose = model.PurposeFollowUp
	}
	if p.Priority == 0 {
		p.Priority = model.PriorityNormal
	}
	if p.Origin == "" {
		p.Origin = model.OriginManual
	}
	if !m.canAssign() || p.Assignee == "" {
		// Without the right to plan for others the item is the user's own; who
		// may choose starts from themselves and picks the pool on purpose.
		p.Assignee = env.Me.Name
	}
	m.base = p
	m.lookup = p.Client == 0
	m.buildPlanForm(false)
	if !m.lookup {
		// The client is known: "when" is what is left to say.
		m.form.Focus(fDue)
	}
	return m
}

// Reschedule asks for a new time (and window end) and a reason.
func Reschedule(env common.Env, item model.PlanItem) *Model {
	m := newModel(env, whatReschedule)
	m.base = item
	until := ""
	if !item.Until.IsZero() {
		until = model.FormatDateTime(item.Until, m.env.Loc)
	}
	m.form = form.New(env.Styles, model.T("plan.yes"), model.T("plan.no"),
		form.Text(fDue, label(fDue), model.FormatDateTime(item.Due, m.env.Loc)),
		form.Text(fUntil, label(fUntil), until),
		form.Text(fReason, label(fReason), ""),
	)
	m.layout()
	return m
}

// Cancel asks for a reason.
func Cancel(env common.Env, item model.PlanItem) *Model {
	m := newModel(env, whatCancel)
	m.base = item
	m.form = form.New(env.Styles, model.T("plan.yes"), model.T("plan.no"),
		form.Text(fReason, label(fReason), ""),
	)
	m.layout()
	return m
}

// Reassign asks whom to give the items to (a list of the department's users).
func Reassign(env common.Env, items []model.PlanItem) *Model {
	m := newModel(env, whatReassign)
	m.items = append([]model.PlanItem(nil), items...)
	m.layout()
	return m
}

// Init starts the loads the form needs: the call rules (for reading times),
// the client, the users.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{}
	if m.what != whatCancel && m.what != whatReassign {
		m.wait = m.next()
		cmds = append(cmds, settingsCmd(m.env.Store, m.wait))
	}
	if m.what == whatPlan && !m.lookup {
		m.waitClient = m.next()
		cmds = append(cmds, clientCmd(m.env.Store, m.waitClient, m.base.Client))
	}
	if m.what == whatReassign || m.what == whatPlan && m.canAssign() {
		m.waitUsers = m.next()
		cmds = append(cmds, usersCmd(m.env.Store, m.waitUsers))
	}
	if m.what != whatReassign {
		cmds = append(cmds, m.form.Focus(m.form.Focused()))
	}
	return tea.Batch(cmds...)
}

// canAssign reports whether the user plans for others (and reassigns).
func (m *Model) canAssign() bool {
	return !m.env.ReadOnly && model.ScopeOf(m.env.Me, model.ActPlanAssign) != model.ScopeNone
}

func (m *Model) next() uint64 {
	m.gen++
	return m.gen
}

// Closed reports that the form saved or was left.
func (m *Model) Closed() bool { return m.closed }

// SetSize gives the form its space.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 20), max(height, 5)
	m.layout()
}

// SetStyles hands over styles for a new terminal background; the form is
// rebuilt with them, keeping what was typed.
func (m *Model) SetStyles(s styles.Styles) {
	m.env.Styles = s
	switch m.what {
	case whatPlan:
		m.buildPlanForm(false)
	case whatReschedule, whatCancel:
		old := m.form
		fields := m.rebuildFields(old)
		m.form = form.New(s, model.T("plan.yes"), model.T("plan.no"), fields...)
		for _, f := range fields {
			if v := old.Value(f.Key); v != old.Initial(f.Key) {
				m.form.SetValue(f.Key, v)
			}
		}
		m.form.Focus(old.Focused())
	}
	m.layout()
}

// InputFocused: a form or dialog keeps every key.
func (m *Model) InputFocused() bool { return !m.closed }

// ShortHelp is the footer for the form's state.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.discard:
		return []key.Binding{m.keys.Yes, m.keys.No}
	case m.what == whatReassign:
		return m.keys.ShortHelp()
	case m.showMatches():
		fk := m.form.Keys()
		return []key.Binding{m.keys.Prev, m.keys.Next, m.keys.Pick, fk.Submit, fk.Back}
	}
	return m.form.Keys().ShortHelp()
}

// FullHelp is the ? overlay for the form's state.
func (m *Model) FullHelp() [][]key.Binding {
	switch {
	case m.discard:
		return [][]key.Binding{m.ShortHelp()}
	case m.what == whatReassign:
		return m.keys.FullHelp()
	case m.lookup:
		return append(m.form.Keys().FullHelp(), []key.Binding{m.keys.Prev, m.keys.Next, m.keys.Pick})
	}
	return m.form.Keys().FullHelp()
}

func label(k string) string { return model.T("plan.field." + k) }

// PurposeName is a purpose in words ("debt reminder").
func PurposeName(p model.Purpose) string { return enumText("plan.purpose.", string(p)) }

// KindName is "call" or "visit" in words.
func KindName(k model.PlanKind) string { return enumText("plan.kind.", string(k)) }

// PriorityName is a priority in words ("high").
func PriorityName(p model.Priority) string {
	return enumText("plan.priority.", strconv.Itoa(int(p)))
}

// StatusName is a plan status in words.
func StatusName(s model.PlanStatus) string { return enumText("plan.status.", string(s)) }

func enumText(prefix, v string) string {
	if model.HasMessage(prefix + v) {
		return model.T(prefix + v)
	}
	return v
}

// buildPlanForm (re)builds the plan form from what is known: the preset,
// the client, the users. Values the user already changed are carried over,
// so a client or the users arriving never undo typing, and the form stays
// "unchanged" until the user changes something.
func (m *Model) buildPlanForm(clientChanged bool) {
	p, c := m.base, m.client
	clientText := ""
	if m.hasClient {
		clientText = c.ShortName
	} else if !m.lookup {
		clientText = model.T("plan.loading")
	}
	contactOpts := []form.Option{{Value: "0", Label: model.T("plan.any_contact")}}
	for _, ct := range c.Contacts {
		if ct.Left && ct.ID != p.Contact {
			continue
		}
		l := ct.Name
		if ct.Position != "" {
			l += " · " + ct.Position
		}
		contactOpts = append(contactOpts, form.Option{Value: idText(ct.ID), Label: l})
	}
	kindOpts := make([]form.Option, 0, len(model.PlanKinds))
	for _, k := range model.PlanKinds {
		kindOpts = append(kindOpts, form.Option{Value: string(k), Label: KindName(k)})
	}
	purposeOpts := make([]form.Option, 0, len(model.Purposes))
	for _, pu := range model.Purposes {
		purposeOpts = append(purposeOpts, form.Option{Value: string(pu), Label: PurposeName(pu)})
	}
	prioOpts := make([]form.Option, 0, len(model.Priorities))
	for _, pr := range model.Priorities {
		prioOpts = append(prioOpts, form.Option{Value: strconv.Itoa(int(pr)), Label: PriorityName(pr)})
	}
	due, until := "", ""
	if !p.Due.IsZero() {
		due = model.FormatDateTime(p.Due, m.env.Loc)
	}
	if !p.Until.IsZero() {
		until = model.FormatDateTime(p.Until, m.env.Loc)
	}
	address := p.Address
	if address == "" {
		address = clientAddress(c)
	}
	var assignee form.Field
	if m.canAssign() {
		assignee = form.Choice(fAssignee, label(fAssignee), m.assigneeOptions(), p.Assignee)
	} else {
		assignee = form.Text(fAssignee, label(fAssignee), userLabel(m.env.Me))
		assignee.ReadOnly = true
	}
	client := form.Text(fClient, label(fClient), clientText)
	client.ReadOnly = !m.lookup
	fields := []form.Field{
		client,
		form.Choice(fContact, label(fContact), contactOpts, idText(p.Contact)),
		form.Choice(fKind, label(fKind), kindOpts, string(p.Kind)),
		form.Text(fDue, label(fDue), due),
		form.Text(fUntil, label(fUntil), until),
		form.Choice(fPurpose, label(fPurpose), purposeOpts, string(p.Purpose)),
		form.Choice(fPriority, label(fPriority), prioOpts, strconv.Itoa(int(p.Priority))),
		form.Text(fAddress, label(fAddress), address),
		assignee,
		form.Notes(fNote, label(fNote), p.Note),
	}
	old, had := m.form, m.built
	m.form = form.New(m.env.Styles, model.T("plan.yes"), model.T("plan.no"), fields...)
	m.built = true
	if had {
		// What the user changed is set again over the new initial values, so
		// the form still knows what it started from.
		for _, f := range fields {
			k := f.Key
			if k == fClient && !m.lookup || clientChanged && (k == fContact || k == fAddress) {
				continue
			}
			if v := old.Value(k); v != old.Initial(k) {
				m.form.SetValue(k, v)
			}
		}
		m.form.Focus(old.Focused())
	}
	m.form.SetHidden(fAddress, m.form.Value(fKind) != string(model.PlanVisit))
	m.layout()
}

// rebuildFields are the reschedule and cancel fields with what was typed in old.
func (m *Model) rebuildFields(old form.Model) []form.Field {
	var fields []form.Field
	if m.what == whatReschedule {
		fields = append(fields, form.Text(fDue, label(fDue), old.Initial(fDue)), form.Text(fUntil, label(fUntil), old.Initial(fUntil)))
	}
	fields = append(fields, form.Text(fReason, label(fReason), ""))
	return fields
}

// clientAddress is where a visit goes: the actual address, else the legal one.
func clientAddress(c model.Client) string {
	if c.ActualAddress != "" {
		return c.ActualAddress
	}
	return c.LegalAddress
}

func idText(id model.ID) string { return strconv.FormatUint(uint64(id), 10) }

func userLabel(u model.User) string {
	if u.FullName == "" {
		return u.Name
	}
	return u.FullName + " (" + u.Name + ")"
}

// assigneeOptions: the operators' pool (calls only), then every active user.
func (m *Model) assigneeOptions() []form.Option {
	var opts []form.Option
	if m.form.Value(fKind) != string(model.PlanVisit) {
		opts = append(opts, form.Option{Value: "", Label: model.T("plan.pool")})
	}
	seenMe := false
	for _, u := range m.users {
		if u.Archived {
			continue
		}
		seenMe = seenMe || u.Name == m.env.Me.Name
		opts = append(opts, form.Option{Value: u.Name, Label: userLabel(u)})
	}
	if !seenMe {
		opts = append(opts, form.Option{Value: m.env.Me.Name, Label: userLabel(m.env.Me)})
	}
	return opts
}

// reassignChoices: the operators' pool when every item is a call, then the active users.
func (m *Model) reassignChoices() []choice {
	var out []choice
	calls := len(m.items) > 0
	for _, it := range m.items {
		calls = calls && it.Kind != model.PlanVisit
	}
	if calls {
		out = append(out, choice{login: "", label: model.T("plan.pool"), name: model.T("plan.to_pool")})
	}
	for _, u := range m.users {
		if u.Archived {
			continue
		}
		out = append(out, choice{login: u.Name, label: userLabel(u) + " · " + model.T("ui.role."+string(u.Role)), name: userLabel(u)})
	}
	return out
}

func sortUsers(us []model.User) []model.User {
	us = append([]model.User(nil), us...)
	sort.Slice(us, func(i, j int) bool { return us[i].Name < us[j].Name })
	return us
}

func trim(s string) string { return strings.TrimSpace(s) }
