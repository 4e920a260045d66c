package complaintform

import (
	"context"
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

// Field keys of the intake form: model.ValidateComplaint's keys, so the
// store's sentences land under the right field. A complained order line is
// "line.N" (N its index in the order); the store's "lines.I" (I the index in
// the complaint's lines) is translated to it.
const (
	fDirection   = "direction"
	fType        = "type"
	fClient      = "client"
	fContact     = "contact"
	fOrder       = "order"
	fChannel     = "channel"
	fReceived    = "received"
	fDescription = "description"
	fClaimed     = "claimed"
	fPriority    = "priority"
	fSerious     = "serious"
	fOwner       = "owner"
	linePrefix   = "line."
)

// Intake registers a new complaint (NewIntake) or changes an open one
// (EditIntake). It is a Pane and a Closer; after it closes, Result says
// what was saved (ok false: cancelled). Saving sends
// common.DataChangedMsg{Kind: "complaint"} and a common.StatusMsg.
type Intake struct {
	env    common.Env
	keys   keymap.ComplaintForm
	width  int
	height int
	closed bool
	edit   bool

	base model.Complaint // new: what the caller knew; edit: the complaint

	client    model.Client
	hasClient bool
	orders    []model.OrderRow // the client's recent orders, newest first
	order     model.Order      // the chosen order with its lines
	hasOrder  bool
	settings  model.ComplaintSettings
	setup     bool // settings, currency and users are in
	currency  string
	users     []model.User

	form     form.Model
	built    bool
	banner   string // the store's refusal, or a sentence that names no field
	deadline string // the deadline preview
	discard  bool
	saving   bool
	checking bool // asking whether the client has an open complaint about the order

	// The "still open" warning: the complaints found for warnedFor (client,
	// order); a second ctrl+s for the same pair saves anyway.
	open      []model.ComplaintRow
	warnedFor [2]model.ID

	// The client lookup (no client given): matches for what was typed.
	lookup   bool
	query    string
	matches  []model.Client
	total    int
	cursor   int
	indexing bool
	cancel   context.CancelFunc

	saved model.Complaint
	ok    bool

	gen                                                      uint64
	waitSetup, waitClient, waitSearch, waitOrders, waitOrder uint64
	waitOpen, waitSave, waitLive                             uint64

	stale bool            // the complaint changed elsewhere while the form has edits
	fresh model.Complaint // that complaint as stored now
}

// NewIntake starts the form with what the caller knows (client, contact,
// order and its preselected lines, channel). Client 0 lets the user find
// the client by part of a name, phone or tax id.
func NewIntake(env common.Env, pre common.NewComplaintMsg) *Intake {
	f := newIntake(env)
	now := f.env.Clock()
	c := model.Complaint{
		Direction: model.DirectionIncoming,
		Type:      model.TypeQuality,
		Client:    pre.Client,
		Contact:   pre.Contact,
		Order:     pre.Order,
		Lines:     append([]model.ComplaintLine(nil), pre.Lines...),
		Channel:   pre.Channel,
		Received:  now,
		Priority:  model.PriorityNormal,
	}
	if c.Channel == "" {
		c.Channel = model.ChannelPhone
	}
	if env.Me.Role == model.RoleManager {
		c.Owner = env.Me.Name // a manager owns the complaints of their clients; the operators' go to the queue
	}
	f.base = c
	f.lookup = pre.Client == 0
	f.build("")
	if !f.lookup {
		f.form.Focus(fType)
	} else {
		f.form.Focus(fClient)
	}
	return f
}

// EditIntake changes an open complaint: its direction and client stay,
// saving goes through SaveComplaint.
func EditIntake(env common.Env, c model.Complaint) *Intake {
	f := newIntake(env)
	f.edit = true
	f.base = c
	f.build("")
	f.form.Focus(fType)
	return f
}

func newIntake(env common.Env) *Intake {
	if env.Now == nil {
		env.Now = time.Now
	}
	env.Loc = env.Zone()
	return &Intake{env: env, keys: keymap.NewComplaintForm(), width: 80, height: 24, settings: model.DefaultComplaintSettings()}
}

// Init loads the settings, the users and what the caller named.
func (f *Intake) Init() tea.Cmd {
	f.waitSetup = f.next()
	cmds := []tea.Cmd{setupCmd(f.env.Store, f.waitSetup, isBoss(f.env.Me) && !f.edit)}
	if f.base.Client != 0 {
		f.waitClient = f.next()
		f.waitOrders = f.next()
		cmds = append(cmds, clientCmd(f.env.Store, f.waitClient, f.base.Client), ordersCmd(f.env.Store, f.waitOrders, f.base.Client))
	}
	if f.base.Order != 0 {
		f.waitOrder = f.next()
		cmds = append(cmds, orderCmd(f.env.Store, f.waitOrder, f.base.Order))
	}
	cmds = append(cmds, f.form.Focus(f.form.Focused()))
	return tea.Batch(cmds...)
}

func (f *Intake) next() uint64 {
	f.gen++
	return f.gen
}

// Result is the saved complaint; ok false when the form was left without saving.
func (f *Intake) Result() (model.Complaint, bool) { return f.saved, f.ok }

// Closed reports that the form saved or was left.
func (f *Intake) Closed() bool { return f.closed }

// SetSize gives the form its space.
func (f *Intake) SetSize(w, h int) {
	f.width, f.height = max(w, 20), max(h, 6)
	f.layout()
}

// SetStyles rebuilds the form with new styles, keeping what was typed.
func (f *Intake) SetStyles(s styles.Styles) {
	f.env.Styles = s
	f.build("")
}

// InputFocused: the form keeps every key while it is open (tab moves
// between fields, digits and letters are typed).
func (f *Intake) InputFocused() bool { return !f.closed }

// ShortHelp is the footer for the form's state.
func (f *Intake) ShortHelp() []key.Binding {
	switch {
	case f.discard:
		return f.keys.DiscardHelp()
	case len(f.open) > 0:
		return f.keys.WarningHelp()
	case f.showMatches():
		return f.keys.LookupHelp()
	case strings.HasPrefix(f.form.Focused(), linePrefix):
		return append([]key.Binding{f.keys.Mark}, f.form.Keys().ShortHelp()...)
	}
	return f.form.Keys().ShortHelp()
}

// FullHelp is the ? overlay for the form's state.
func (f *Intake) FullHelp() [][]key.Binding {
	if f.discard {
		return [][]key.Binding{f.keys.DiscardHelp()}
	}
	return append(f.form.Keys().FullHelp(), f.keys.FullHelp()...)
}

// canAssignAnyone: the head and the director give a complaint to anyone.
func (f *Intake) canAssignAnyone() bool { return isBoss(f.env.Me) }

// build (re)builds the form from what is known. Values the user changed
// are carried over, except those a new client (reset "client": contact,
// order, lines) or a new order (reset "order": lines) make meaningless.
func (f *Intake) build(reset string) {
	c, cl := f.base, f.client
	loc := f.env.Loc

	direction := form.Choice(fDirection, label(fDirection), enumOptions(model.ComplaintDirections, model.ComplaintDirectionLabel), string(c.Direction))
	direction.ReadOnly = f.edit

	clientText := ""
	switch {
	case f.hasClient:
		clientText = cl.ShortName
	case !f.lookup:
		clientText = model.T("complaintform.loading")
	}
	client := form.Text(fClient, label(fClient), clientText)
	client.ReadOnly = !f.lookup

	contactOpts := []form.Option{{Value: "0", Label: model.T("complaintform.no_contact")}}
	contact := c.Contact
	if f.hasClient && cl.ID != c.Client {
		contact = 0
	}
	for _, ct := range cl.Contacts {
		if ct.Left && ct.ID != contact {
			continue // people who left are not offered; one already named stays
		}
		l := ct.Name
		if ct.Position != "" {
			l += " · " + ct.Position
		}
		contactOpts = append(contactOpts, form.Option{Value: idText(ct.ID), Label: l})
	}

	orderOpts := []form.Option{{Value: "0", Label: model.T("complaintform.no_order")}}
	order := c.Order
	if f.built && reset != "client" && f.form.Value(fOrder) != f.form.Initial(fOrder) {
		order = parseID(f.form.Value(fOrder)) // the order the user chose decides which lines are offered
	}
	if f.hasClient && cl.ID != c.Client {
		order = 0
	}
	seen := false
	for _, r := range f.orders {
		seen = seen || r.Order.ID == order
		orderOpts = append(orderOpts, form.Option{Value: idText(r.Order.ID), Label: orderLabel(r.Order, loc)})
	}
	if !seen && order != 0 {
		l := c.OrderNo
		if f.hasOrder && f.order.ID == order {
			l = orderLabel(f.order, loc)
		}
		if l == "" {
			l = model.T("complaintform.order_loading")
		}
		orderOpts = append(orderOpts, form.Option{Value: idText(order), Label: l})
	}

	received := ""
	if !c.Received.IsZero() {
		received = model.FormatDateTime(c.Received, loc)
	}
	claimed := ""
	if c.Claimed.Minor != 0 || f.edit {
		claimed = model.FormatMoney(model.Money{Minor: c.Claimed.Minor})
	}

	fields := []form.Field{
		direction,
		form.Choice(fType, label(fType), enumOptions(model.ComplaintTypes, model.ComplaintTypeLabel), string(c.Type)),
		client,
		form.Choice(fContact, label(fContact), contactOpts, idText(contact)),
		form.Choice(fOrder, label(fOrder), orderOpts, idText(order)),
	}
	fields = append(fields, f.lineFields(order)...)
	fields = append(fields,
		form.Choice(fChannel, label(fChannel), enumOptions(model.Channels, channelLabel), string(c.Channel)),
		form.Text(fReceived, label(fReceived), received),
		form.Notes(fDescription, label(fDescription), c.Description),
		form.Text(fClaimed, f.claimedLabel(), claimed),
		form.Choice(fPriority, label(fPriority), priorityOptions(), strconv.Itoa(int(c.Priority))),
		form.Toggle(fSerious, label(fSerious), c.Serious),
		f.ownerField(),
	)

	old, had := f.form, f.built
	f.form = form.New(f.env.Styles, yes(), no(), fields...)
	f.built = true
	if had {
		for _, fl := range fields {
			k := fl.Key
			switch {
			case k == fClient && !f.lookup:
				continue
			case reset == "client" && (k == fContact || k == fOrder || strings.HasPrefix(k, linePrefix)):
				continue
			case reset == "order" && strings.HasPrefix(k, linePrefix):
				continue
			}
			if v := old.Value(k); v != old.Initial(k) {
				f.form.SetValue(k, v)
			}
		}
		f.form.Focus(old.Focused())
		if old.Focused() == "" || f.form.Focused() != old.Focused() {
			f.form.Focus(fOrder)
		}
	}
	f.preview()
	f.layout()
}

// lineFields are the order's lines, one quantity field each: empty leaves
// the line out of the complaint. The preset lines are filled in.
func (f *Intake) lineFields(order model.ID) []form.Field {
	if !f.hasOrder || f.order.ID != order || order == 0 {
		return nil
	}
	pre := map[int]model.Qty{}
	if order == f.base.Order {
		for _, l := range f.base.Lines {
			pre[l.Line] = l.Qty
		}
	}
	out := make([]form.Field, 0, len(f.order.Lines))
	for i, l := range f.order.Lines {
		v := ""
		if q, ok := pre[i]; ok {
			v = model.FormatQty(q, l.Unit)
		}
		lbl := model.T("complaintform.line", l.SKU, l.Name, model.FormatQty(l.Qty, l.Unit), model.UnitLabel(l.Unit))
		out = append(out, form.Text(linePrefix+strconv.Itoa(i), lbl, v))
	}
	return out
}

func (f *Intake) claimedLabel() string {
	if cur := f.claimCurrency(); cur != "" {
		return model.T("complaintform.field.claimed_in", cur)
	}
	return label(fClaimed)
}

// claimCurrency is the order's currency, else the complaint's (editing),
// else the department's.
func (f *Intake) claimCurrency() string {
	switch {
	case f.hasOrder && f.order.Currency != "" && f.form.Value(fOrder) == idText(f.order.ID):
		return f.order.Currency
	case f.base.Claimed.Currency != "":
		return f.base.Claimed.Currency
	}
	return f.currency
}

// ownerField: me or nobody (the queue); the head and the director may name
// anyone. Editing keeps the owner: assigning is the queue's action.
func (f *Intake) ownerField() form.Field {
	me := f.env.Me
	if f.edit {
		owner := f.base.Owner
		if owner == "" {
			owner = model.T("complaintform.unassigned")
		}
		fl := form.Text(fOwner, label(fOwner), owner)
		fl.ReadOnly = true
		return fl
	}
	opts := []form.Option{
		{Value: me.Name, Label: model.T("complaintform.me", userLabel(me))},
		{Value: "", Label: model.T("complaintform.unassigned")},
	}
	if f.canAssignAnyone() {
		for _, u := range f.users {
			if u.Archived || u.Name == me.Name {
				continue
			}
			opts = append(opts, form.Option{Value: u.Name, Label: userLabel(u) + " · " + model.T("ui.role."+string(u.Role))})
		}
	}
	return form.Choice(fOwner, label(fOwner), opts, f.base.Owner)
}

func orderLabel(o model.Order, loc *time.Location) string {
	return model.T("complaintform.order", o.Number, model.FormatDate(o.Date, loc), model.FormatMoney(o.Totals.Gross), model.OrderStatusLabel(o.Status))
}
