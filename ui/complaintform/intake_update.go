package complaintform

import (
	"context"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Update handles keys and the answers of its own commands.
func (f *Intake) Update(msg tea.Msg) tea.Cmd {
	if f.closed {
		return nil
	}
	switch msg := msg.(type) {
	case setupMsg:
		if msg.gen != f.waitSetup {
			return nil
		}
		if msg.err != nil {
			f.setBanner(errorSentence(msg.err))
		} else {
			f.settings = msg.settings
		}
		f.setup, f.currency, f.users = true, msg.currency, msg.users
		f.build("")
		return nil
	case clientMsg:
		if msg.gen != f.waitClient {
			return nil
		}
		if msg.err != nil {
			f.setBanner(errorSentence(msg.err))
			return nil
		}
		f.client, f.hasClient = msg.c, true
		f.build("")
		return nil
	case ordersMsg:
		if msg.gen != f.waitOrders {
			return nil
		}
		if msg.err != nil {
			f.setBanner(errorSentence(msg.err))
			return nil
		}
		f.orders = msg.rows
		f.build("")
		return nil
	case orderMsg:
		if msg.gen != f.waitOrder {
			return nil
		}
		if msg.err != nil {
			f.setBanner(errorSentence(msg.err))
			return nil
		}
		f.order, f.hasOrder = msg.o, true
		f.build("order")
		return nil
	case matchesMsg:
		if msg.gen != f.waitSearch {
			return nil
		}
		if msg.err != nil {
			f.matches, f.total = nil, 0
			f.setBanner(errorSentence(msg.err))
			return nil
		}
		f.matches, f.total, f.cursor = msg.page.Rows, msg.page.Total, 0
		f.indexing = msg.page.Indexing
		f.layout()
		return nil
	case common.IndexReadyMsg:
		if f.indexing && f.query != "" && !f.hasClient {
			f.indexing = false
			return f.search()
		}
		return nil
	case openMsg:
		return f.onOpen(msg)
	case savedMsg:
		return f.onSaved(msg)
	case common.DataChangedMsg:
		return f.onChanged(msg)
	case liveMsg:
		return f.onLive(msg)
	case tea.KeyPressMsg:
		return f.onKey(msg)
	}
	if f.discard {
		return nil
	}
	return f.updateForm(msg) // pastes belong to the inputs
}

func (f *Intake) setBanner(s string) {
	f.banner = s
	f.layout()
}

func (f *Intake) onKey(kp tea.KeyPressMsg) tea.Cmd {
	if f.discard {
		switch {
		case key.Matches(kp, f.keys.Yes):
			f.close()
		case key.Matches(kp, f.keys.No):
			f.discard = false
			f.layout()
			return f.form.Refocus()
		}
		return nil
	}
	if f.liveKey(kp) {
		return nil
	}
	switch {
	case key.Matches(kp, f.keys.Save):
		if f.saving || f.checking {
			return nil
		}
		return f.submit()
	case key.Matches(kp, f.keys.Back):
		if len(f.open) > 0 {
			f.open = nil // back to the form; the next ctrl+s asks again
			f.warnedFor = [2]model.ID{}
			f.layout()
			return nil
		}
		if f.form.Dirty() {
			f.discard = true
			f.form.Blur()
			f.layout()
			return nil
		}
		f.close()
		return nil
	}
	if f.showMatches() {
		switch {
		case key.Matches(kp, f.keys.Prev):
			f.cursor = max(0, f.cursor-1)
			return nil
		case key.Matches(kp, f.keys.Next):
			f.cursor = min(len(f.matches)-1, f.cursor+1)
			return nil
		case key.Matches(kp, f.keys.Pick):
			return f.pick(f.matches[f.cursor])
		}
	}
	if k := f.form.Focused(); strings.HasPrefix(k, linePrefix) && key.Matches(kp, f.keys.Mark) {
		f.markLine(k)
		return nil
	}
	return f.updateForm(kp)
}

// markLine is the checklist's space: an empty line takes its whole ordered
// quantity, a marked one is left out again.
func (f *Intake) markLine(k string) {
	i, err := strconv.Atoi(strings.TrimPrefix(k, linePrefix))
	if err != nil || i < 0 || i >= len(f.order.Lines) {
		return
	}
	if trim(f.form.Value(k)) != "" {
		f.form.SetValue(k, "")
	} else {
		l := f.order.Lines[i]
		f.form.SetValue(k, model.FormatQty(l.Qty, l.Unit))
	}
	f.afterChange()
}

func (f *Intake) close() {
	f.closed = true
	if f.cancel != nil {
		f.cancel()
	}
}

// updateForm hands a message to the form, then follows what changed: the
// client typed, the order chosen, the deadline.
func (f *Intake) updateForm(msg tea.Msg) tea.Cmd {
	before := f.form.Value(fOrder)
	var cmd tea.Cmd
	f.form, cmd = f.form.Update(msg)
	var more tea.Cmd
	if v := f.form.Value(fOrder); v != before {
		more = f.orderChanged(parseID(v))
	}
	if f.lookup {
		more = tea.Batch(more, f.clientTyped())
	}
	f.afterChange()
	return tea.Batch(cmd, more)
}

// afterChange keeps the warning, the preview and the layout in step with the fields.
func (f *Intake) afterChange() {
	if len(f.open) > 0 && f.warnedFor != f.pair() {
		f.open = nil // the warning was about another client or order
	}
	f.preview()
	f.layout()
}

// orderChanged loads the chosen order's lines (0: no order, no lines).
func (f *Intake) orderChanged(id model.ID) tea.Cmd {
	if id == 0 || f.hasOrder && f.order.ID == id {
		f.build("order")
		return nil
	}
	f.hasOrder = false
	f.build("order")
	f.waitOrder = f.next()
	return orderCmd(f.env.Store, f.waitOrder, id)
}

// clientTyped searches for what was typed in the client field; a text that
// no longer names the picked client drops it.
func (f *Intake) clientTyped() tea.Cmd {
	q := trim(f.form.Value(fClient))
	if q == f.query {
		return nil
	}
	f.query = q
	if f.hasClient && q != trim(f.client.ShortName) {
		f.hasClient, f.client = false, model.Client{}
		f.orders, f.hasOrder, f.order = nil, false, model.Order{}
		f.base.Client, f.base.Order, f.base.Lines = 0, 0, nil
		f.waitOrders, f.waitOrder = f.next(), f.next() // answers still on their way are stale
		f.build("client")
	}
	if q == "" || f.hasClient {
		f.matches, f.total = nil, 0
		f.waitSearch = f.next()
		if f.cancel != nil {
			f.cancel()
		}
		return nil
	}
	return f.search()
}

func (f *Intake) search() tea.Cmd {
	if f.cancel != nil {
		f.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel = cancel
	f.waitSearch = f.next()
	return matchesCmd(ctx, f.env.Store, f.waitSearch, f.query)
}

// showMatches: the lookup list is under the form and has the arrows.
func (f *Intake) showMatches() bool {
	return f.lookup && !f.hasClient && len(f.matches) > 0 && f.form.Focused() == fClient && !f.discard
}

// pick takes a client from the matches: its contacts and orders fill the form.
func (f *Intake) pick(c model.Client) tea.Cmd {
	f.client, f.hasClient = c, true
	f.matches, f.total, f.cursor = nil, 0, 0
	f.base.Client, f.base.Contact, f.base.Order, f.base.Lines = c.ID, 0, 0, nil
	f.orders, f.hasOrder, f.order = nil, false, model.Order{}
	f.form.SetValue(fClient, c.ShortName)
	f.query = trim(c.ShortName)
	f.build("client")
	f.form.SetErrors(nil)
	f.waitOrders = f.next()
	return tea.Batch(f.form.Focus(fContact), ordersCmd(f.env.Store, f.waitOrders, c.ID))
}

// pair is the (client, order) the form names now.
func (f *Intake) pair() [2]model.ID {
	return [2]model.ID{f.clientID(), parseID(f.form.Value(fOrder))}
}

func (f *Intake) clientID() model.ID {
	if f.hasClient {
		return f.client.ID
	}
	if f.lookup {
		return 0
	}
	return f.base.Client
}

// submit checks what was typed; a new complaint about an order first asks
// whether the client has an open one about it.
func (f *Intake) submit() tea.Cmd {
	if f.edit && !f.form.Dirty() {
		f.close() // nothing typed: no new version, no "edited" line in the history
		return nil
	}
	c, errs := f.complaintFrom()
	// The model's sentences for the rest, so every bad field speaks at once;
	// a field that did not even read keeps its own sentence.
	var o *model.Order
	if f.hasOrder && c.Order == f.order.ID {
		o = &f.order
	}
	for k, s := range validationFields(model.ValidateComplaint(c, o, f.env.Clock())) {
		if k = f.fieldFor(k, c); errs[k] == "" {
			errs[k] = s
		}
	}
	if f.showErrors(errs, c) {
		return nil
	}
	if !f.edit && c.Order != 0 && (len(f.open) == 0 || f.warnedFor != f.pair()) {
		f.checking = true
		f.waitOpen = f.next()
		f.layout()
		return openCmd(f.env.Store, f.waitOpen, c.Client, c.Order)
	}
	return f.save(c)
}

func (f *Intake) save(c model.Complaint) tea.Cmd {
	f.saving = true
	f.waitSave = f.next()
	f.layout()
	if f.edit {
		return saveCmd(f.env.Store, f.waitSave, c)
	}
	return registerCmd(f.env.Store, f.waitSave, c)
}

func (f *Intake) onOpen(msg openMsg) tea.Cmd {
	if msg.gen != f.waitOpen {
		return nil
	}
	f.checking = false
	if msg.err != nil {
		f.setBanner(errorSentence(msg.err))
		return nil
	}
	c, errs := f.complaintFrom()
	if len(errs) > 0 {
		f.showErrors(errs, c) // changed while the store answered
		return nil
	}
	var open []model.ComplaintRow
	for _, r := range msg.rows {
		if r.ID != c.ID {
			open = append(open, r)
		}
	}
	if len(open) == 0 {
		return f.save(c)
	}
	f.open, f.warnedFor = open, f.pair()
	f.layout()
	return nil
}

func (f *Intake) onSaved(msg savedMsg) tea.Cmd {
	if msg.gen != f.waitSave {
		return nil
	}
	f.saving = false
	if msg.err != nil {
		if fields := validationFields(msg.err); fields != nil {
			c, _ := f.complaintFrom()
			f.showErrors(fields, c)
			return nil
		}
		f.setBanner(errorSentence(msg.err))
		return nil
	}
	f.saved, f.ok = msg.c, true
	f.close()
	c := msg.c
	text := model.T("complaintform.done.registered", int(c.ID), model.FormatDateTime(c.Deadline, f.env.Loc))
	if f.edit {
		text = model.T("complaintform.done.saved", int(c.ID))
	}
	return doneCmds("complaint", c.ID, text)
}

// showErrors puts sentences under their fields (the rest above the form)
// and reports whether there were any.
func (f *Intake) showErrors(errs map[string]string, c model.Complaint) bool {
	placed := map[string]string{}
	for k, s := range errs {
		k = f.fieldFor(k, c)
		if _, ok := placed[k]; !ok {
			placed[k] = s
		}
	}
	rest := f.form.SetErrors(placed)
	f.banner = joinUnplaced(rest)
	if len(errs) > 0 {
		f.open = nil
	}
	f.layout()
	return len(errs) > 0
}

// fieldFor is the form field a validation key names: "lines.I" and
// "lines.I.qty" are the I-th complained line's field; "lines" the first line
// (or the order when it has none on screen).
func (f *Intake) fieldFor(k string, c model.Complaint) string {
	if k == "lines" || strings.HasPrefix(k, "lines.") {
		rest := strings.TrimPrefix(strings.TrimPrefix(k, "lines"), ".")
		if j := strings.IndexByte(rest, '.'); j >= 0 {
			rest = rest[:j]
		}
		if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < len(c.Lines) {
			if lk := linePrefix + strconv.Itoa(c.Lines[i].Line); !f.form.Hidden(lk) {
				return lk
			}
		}
		for _, l := range c.Lines {
			if lk := linePrefix + strconv.Itoa(l.Line); !f.form.Hidden(lk) {
				return lk
			}
		}
		return fOrder
	}
	switch k {
	case "received_at":
		return fReceived
	case "amount", "claimed_amount":
		return fClaimed
	}
	return k
}

// complaintFrom reads the form into a complaint; what does not read is a
// sentence by field.
func (f *Intake) complaintFrom() (model.Complaint, map[string]string) {
	errs := map[string]string{}
	c := f.base
	c.Direction = model.ComplaintDirection(f.form.Value(fDirection))
	c.Type = model.ComplaintType(f.form.Value(fType))
	c.Client = f.clientID()
	if c.Client == 0 && f.lookup {
		if trim(f.form.Value(fClient)) == "" {
			errs[fClient] = model.T("complaintform.error.client_required")
		} else {
			errs[fClient] = model.T("complaintform.error.pick_client")
		}
	}
	c.Contact = parseID(f.form.Value(fContact))
	c.Order = parseID(f.form.Value(fOrder))
	c.OrderNo = ""
	c.Lines = nil
	if c.Order != 0 && f.hasOrder && f.order.ID == c.Order {
		c.OrderNo = f.order.Number
		for i, l := range f.order.Lines {
			k := linePrefix + strconv.Itoa(i)
			s := trim(f.form.Value(k))
			if s == "" {
				continue
			}
			q, err := model.ParseQty(s, l.Unit)
			if err != nil {
				errs[k] = err.Error()
				continue
			}
			if q == 0 {
				continue // zero is "not this line"
			}
			c.Lines = append(c.Lines, model.ComplaintLine{Line: i, SKU: l.SKU, Name: l.Name, Qty: q})
		}
	} else if c.Order != 0 {
		c.Lines = f.base.Lines // the order's lines are still loading: keep what was given
		if c.Order != f.base.Order {
			c.Lines = nil
		}
	}
	c.Channel = model.Channel(f.form.Value(fChannel))
	if s := trim(f.form.Value(fReceived)); s == "" {
		errs[fReceived] = model.T("complaintform.error.received_required")
	} else if t, err := model.ParseWhen(s, f.env.Clock(), f.env.Loc, model.CallSettings{WorkFrom: f.settings.WorkFrom}); err != nil {
		errs[fReceived] = err.Error()
	} else {
		c.Received = t
	}
	c.Description = trim(f.form.Value(fDescription))
	cur := f.claimCurrency()
	if s := trim(f.form.Value(fClaimed)); s == "" {
		c.Claimed = model.Money{Currency: cur}
	} else if m, err := model.ParseMoney(s, cur); err != nil {
		errs[fClaimed] = err.Error()
	} else {
		c.Claimed = m
	}
	pr, _ := strconv.Atoi(f.form.Value(fPriority))
	c.Priority = model.Priority(pr)
	c.Serious = f.form.Bool(fSerious)
	if !f.edit {
		c.Owner = f.form.Value(fOwner)
	}
	return c, errs
}

// preview computes the deadline the complaint would get, once the type,
// the client and the settings are known.
func (f *Intake) preview() {
	f.deadline = ""
	if !f.setup || !f.hasClient || f.form.Value(fType) == "" {
		return
	}
	c := model.Complaint{Type: model.ComplaintType(f.form.Value(fType)), Serious: f.form.Bool(fSerious), Client: f.client.ID, Received: f.env.Clock()}
	if t, err := model.ParseWhen(trim(f.form.Value(fReceived)), f.env.Clock(), f.env.Loc, model.CallSettings{WorkFrom: f.settings.WorkFrom}); err == nil {
		c.Received = t
	}
	model.StartDeadline(f.settings, &c, f.client)
	if c.SLA <= 0 || c.Deadline.IsZero() {
		return
	}
	// in the department's zone, as the queue shows it (with "MSK" when it is not the user's)
	loc, abbr := model.ComplaintZone(f.settings.Calendar().Location(), f.env.Zone(), c.Deadline)
	when := model.WithZone(model.FormatDateTime(c.Deadline, loc), abbr)
	f.deadline = model.T("complaintform.deadline", when, spanText(c.SLA, f.settings), forWhat(c, f.client))
}

// spanText is a service level in working days when it is whole days of the
// calendar, else in working hours (minutes when it must).
func spanText(minutes int, s model.ComplaintSettings) string {
	day := s.WorkTo - s.WorkFrom
	switch {
	case day > 0 && minutes%day == 0:
		return plural("complaintform.days", minutes/day)
	case minutes%60 == 0:
		return plural("complaintform.hours", minutes/60)
	}
	return model.FormatLeft(time.Duration(minutes)*time.Minute, day)
}

func plural(k string, n int) string {
	if n == 1 {
		return model.T(k+"_one", n)
	}
	return model.T(k, n)
}

// forWhat says whose claim of which kind the service level is for.
func forWhat(c model.Complaint, cl model.Client) string {
	t := strings.ToLower(model.ComplaintTypeLabel(c.Type)) // inside a sentence
	switch {
	case c.Serious:
		return model.T("complaintform.for.serious")
	case cl.Flags.KeyClient:
		return model.T("complaintform.for.key", t)
	case cl.Category != model.CategoryNone:
		return model.T("complaintform.for.category", string(cl.Category), t)
	}
	return model.T("complaintform.for.any", t)
}
