package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"clientbase/model"
)

// The demo's complaints: half a year of claims from the clients (and a few
// of ours against buyers), most closed with a decision, some still open —
// overdue, waiting for the client, escalated.

// ComplaintClient is what the complaint generator needs of a client.
type ComplaintClient struct {
	ID       model.ID
	Manager  string
	Category model.Category
	Key      bool
	Chain    bool
	Language string     // "ru", "lt", "en"
	Contacts []model.ID // contacts who have not left
}

// ComplaintClientOf is the part of c the complaints read; ok is false for an
// archived client (nobody complains through an archived card).
func ComplaintClientOf(c model.Client) (ComplaintClient, bool) {
	if c.Archived {
		return ComplaintClient{}, false
	}
	cc := ComplaintClient{ID: c.ID, Manager: c.Manager, Category: c.Category, Key: c.Flags.KeyClient,
		Chain: c.Kind == model.KindChain, Language: c.Language}
	for _, ct := range c.Contacts {
		if !ct.Left {
			cc.Contacts = append(cc.Contacts, ct.ID)
		}
	}
	return cc, true
}

// client is the part of a model.Client the service levels read.
func (c ComplaintClient) client() model.Client {
	return model.Client{ID: c.ID, Manager: c.Manager, Category: c.Category, Flags: model.ClientFlags{KeyClient: c.Key}}
}

// complaintGen draws the complaints.
type complaintGen struct {
	r        *rand.Rand
	now      time.Time
	limit    time.Time // nothing happens after it: a minute before now
	scale    float64   // shrinks the steps of a complaint received lately to fit before now
	set      model.ComplaintSettings
	w        model.WorkCalendar
	clients  []ComplaintClient
	ordered  []int                       // indexes of clients with an order one can complain about
	orders   map[model.ID][]*model.Order // by client, in date order
	ops      []string
	managers []string
	heads    []string
	role     map[string]model.Role
}

// Complaints generates about one complaint per eight clients received over
// the last six months up to now, in received order (IDs 1, 2, … as a fresh
// file gives them): about one in eight still open — unassigned, in work,
// waiting for the client (the deadline paused), escalated with an open
// escalation, answered, reopened; some of them overdue, a few serious
// incidents — the rest closed with a decision, remedy, reason and fault
// party that fit the type, a head's justified verdict on some. Five to ten
// are our claims against buyers (penalties, owned by managers). Complaints
// about goods name a shipped order of the client (orders as the store holds
// them: IDs and numbers set) and its lines; the claimed amount never exceeds
// the order's gross. Deadlines come from settings (model.StartDeadline,
// pauses as Pause/ResumeDeadline move them). Deterministic for the inputs.
func Complaints(seed int64, now time.Time, clients []ComplaintClient, orders []model.Order, users []model.User,
	settings model.ComplaintSettings) []model.Complaint {
	g := &complaintGen{r: rand.New(rand.NewPCG(uint64(seed), 0xc0319a17)), now: now, limit: now.Add(-time.Minute),
		set: settings, w: settings.Calendar(), clients: clients, orders: map[model.ID][]*model.Order{},
		role: map[string]model.Role{}}
	for _, u := range users {
		if u.Archived {
			continue
		}
		g.role[u.Name] = u.Role
		switch u.Role {
		case model.RoleOperator:
			g.ops = append(g.ops, u.Name)
		case model.RoleManager:
			g.managers = append(g.managers, u.Name)
		case model.RoleHead:
			g.heads = append(g.heads, u.Name)
		}
	}
	if len(g.ops) == 0 || len(g.managers) == 0 || len(g.heads) == 0 || len(clients) == 0 {
		return nil
	}
	for i := range orders {
		o := &orders[i]
		if o.ID != 0 && !shippedAt(o).IsZero() {
			g.orders[o.Client] = append(g.orders[o.Client], o)
		}
	}
	for i, c := range clients {
		if len(g.orders[c.ID]) > 0 {
			g.ordered = append(g.ordered, i)
		}
	}
	n := len(clients) / 8
	nOpen := max(n*13/100, min(n, 6))
	nOut := min(max(n/40, 5), 10, n/4)
	var out []model.Complaint
	for i := range n {
		open := i < nOpen
		var c model.Complaint
		var ok bool
		switch {
		case i >= n-nOut:
			// our claims: the first two open, the rest settled
			c, ok = g.outgoing(i-(n-nOut) < 2)
		default:
			c, ok = g.incoming(i, open)
		}
		if ok {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Complaint) int { return a.Received.Compare(b.Received) })
	for i := range out {
		out[i].ID = model.ID(i + 1)
	}
	return out
}

// shippedAt is when an order's goods left (its first shipment), zero when not shipped.
func shippedAt(o *model.Order) time.Time {
	for _, e := range o.Events {
		if e.To == model.OrderShipped || e.To == model.OrderShippedPartly {
			return e.At
		}
	}
	return time.Time{}
}

// openStatuses is the mix of statuses an open complaint is in.
var openStatuses = []model.ComplaintStatus{
	model.ComplaintRegistered, model.ComplaintRegistered, model.ComplaintRegistered,
	model.ComplaintAssigned, model.ComplaintAssigned, model.ComplaintAssigned,
	model.ComplaintInvestigating, model.ComplaintInvestigating, model.ComplaintInvestigating,
	model.ComplaintInvestigating, model.ComplaintInvestigating,
	model.ComplaintWaiting, model.ComplaintWaiting, model.ComplaintWaiting, model.ComplaintWaiting,
	model.ComplaintEscalated, model.ComplaintEscalated, model.ComplaintEscalated,
	model.ComplaintAnswered, model.ComplaintAnswered, model.ComplaintAnswered,
	model.ComplaintRemedyDone, model.ComplaintFeedback, model.ComplaintFeedback, model.ComplaintReopened,
}

// receivedAt draws when a complaint came: an open one in the last weeks
// (a third of them long enough ago to be overdue), a closed one within six
// months but not in the last week; during the working day, now and then an
// e-mail of the evening.
func (g *complaintGen) receivedAt(open bool) time.Time {
	var age int // days
	switch {
	case !open:
		age = 8 + g.r.IntN(175)
	case g.r.IntN(3) == 0:
		age = 8 + g.r.IntN(25)
	default:
		age = g.r.IntN(8)
	}
	t := g.now.In(moscowZone).AddDate(0, 0, -age)
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, -1)
	}
	y, m, d := t.Date()
	minute := 9*60 + g.r.IntN(9*60)
	if g.r.IntN(12) == 0 {
		minute = 18*60 + 10 + g.r.IntN(150)
	}
	at := time.Date(y, m, d, 0, minute, 0, 0, moscowZone).UTC()
	if at.After(g.limit) {
		at = g.limit.Add(-time.Duration(30+g.r.IntN(600)) * time.Minute)
	}
	return at
}

// orderFor picks a client's order shipped before received and not long
// before it (the latest such), nil when none.
func (g *complaintGen) orderFor(c ComplaintClient, received time.Time, within time.Duration) *model.Order {
	var best *model.Order
	for _, o := range g.orders[c.ID] {
		s := shippedAt(o)
		if s.Before(received.Add(-12*time.Hour)) && s.After(received.Add(-within)) {
			best = o
		}
	}
	return best
}

// incomingTypes weighs the types of the clients' complaints.
var incomingTypes = []model.ComplaintType{
	model.TypeQuality, model.TypeQuality, model.TypeQuality, model.TypeQuality, model.TypeQuality, model.TypeQuality, model.TypeQuality,
	model.TypeDelivery, model.TypeDelivery, model.TypeDelivery, model.TypeDelivery, model.TypeDelivery,
	model.TypeService, model.TypeService, model.TypeService,
	model.TypeSettlement, model.TypeSettlement, model.TypeSettlement,
	model.TypeAfterAct, model.TypeAfterAct,
}

func (g *complaintGen) incoming(i int, open bool) (model.Complaint, bool) {
	received := g.receivedAt(open)
	t := pick2(g.r, incomingTypes)
	var cl ComplaintClient
	var o *model.Order
	// a complaint about goods needs an order shipped in the weeks before
	for try := 0; try < 30 && o == nil && len(g.ordered) > 0; try++ {
		cl = g.clients[g.ordered[g.r.IntN(len(g.ordered))]]
		o = g.orderFor(cl, received, 75*24*time.Hour)
	}
	if o == nil {
		t = model.TypeService
		cl = g.clients[g.r.IntN(len(g.clients))]
	} else if cl.Chain && g.r.IntN(2) == 0 {
		t = model.TypeChainPenalty
	} else if t == model.TypeService && g.r.IntN(2) == 0 {
		o = nil // a service complaint about no order in particular
	}
	c := model.Complaint{Direction: model.DirectionIncoming, Type: t, Client: cl.ID, Received: received,
		Channel: pick2(g.r, []model.Channel{model.ChannelPhone, model.ChannelPhone, model.ChannelPhone, model.ChannelEmail,
			model.ChannelEmail, model.ChannelVisit, model.ChannelFax}),
		Priority: model.PriorityNormal}
	if len(cl.Contacts) > 0 {
		c.Contact = pick2(g.r, cl.Contacts)
	}
	switch {
	case cl.Key || g.r.IntN(6) == 0:
		c.Priority = model.PriorityHigh
	case g.r.IntN(5) == 0:
		c.Priority = model.PriorityLow
	}
	// a few serious incidents: two open ones always, one in thirty of the rest
	if (open && i < 2) || (!open && g.r.IntN(30) == 0) {
		c.Serious, c.Priority = true, model.PriorityHigh
	}

	// the verdict decides the reason and fault party, which decide what the
	// client complained about
	decision := pick2(g.r, []model.Decision{model.DecisionFull, model.DecisionFull, model.DecisionFull,
		model.DecisionPartly, model.DecisionPartly, model.DecisionRejected, model.DecisionRejected})
	if o != nil && o.Status == model.OrderReturned {
		t, decision = model.TypeQuality, model.DecisionFull
		c.Type = t
	}
	rf := pickCause(g.r, t, decision == model.DecisionRejected)
	if o != nil {
		g.onOrder(&c, o, rf.reason)
	}
	c.Description = describe(g.r, cl.Language, t, rf.reason, c.Lines, c.OrderNo)
	if c.Serious {
		c.Description += " " + seriousNote[langIndex(cl.Language)]
	}

	// who handles it: the client's manager for money and chains, an
	// operator or the manager for the rest
	owner := cl.Manager
	if owner == "" {
		owner = pick2(g.r, g.managers)
	}
	if (t == model.TypeQuality || t == model.TypeDelivery || t == model.TypeService) && g.r.IntN(5) < 3 {
		owner = pick2(g.r, g.ops)
	}
	registrar := owner
	if c.Channel == model.ChannelPhone || g.r.IntN(2) == 0 {
		registrar = pick2(g.r, g.ops)
	}

	status := model.ComplaintClosed
	if open {
		status = openStatuses[i%len(openStatuses)]
		if c.Serious && status == model.ComplaintRegistered {
			status = model.ComplaintInvestigating // nobody leaves a serious incident lying
		}
	}
	var closing *model.Closing
	if status == model.ComplaintClosed || status == model.ComplaintReopened {
		closing = g.closing(&c, decision, rf, o)
	}
	g.life(&c, cl, status, owner, registrar, closing, open)
	return c, true
}

// outgoing is one of our claims against a buyer: a penalty for late
// payment or a breached contract term, through the legal department,
// owned by the client's manager.
func (g *complaintGen) outgoing(open bool) (model.Complaint, bool) {
	received := g.receivedAt(open)
	var cl ComplaintClient
	var o *model.Order
	for try := 0; try < 60 && o == nil && len(g.ordered) > 0; try++ {
		cl = g.clients[g.ordered[g.r.IntN(len(g.ordered))]]
		if o = g.orderFor(cl, received, 150*24*time.Hour); o != nil && o.InvoiceNo == "" {
			o = nil
		}
	}
	if o == nil {
		return model.Complaint{}, false
	}
	t, reason := model.TypeSettlement, model.ReasonNonPayment
	if g.r.IntN(3) == 0 {
		t, reason = model.TypeAfterAct, model.ReasonContractTerm
	}
	c := model.Complaint{Direction: model.DirectionOutgoing, Type: t, Client: cl.ID, Received: received,
		Channel: model.ChannelEmail, Priority: model.PriorityNormal, Order: o.ID, OrderNo: o.Number}
	gross := o.Totals.Gross.Minor
	pct := int64(2 + g.r.IntN(9)) // a penalty of 2–10 % of the invoice
	c.Claimed = model.Money{Minor: min(gross, gross*pct/100/100*100), Currency: o.Totals.Gross.Currency}
	if reason == model.ReasonNonPayment {
		c.Description = fmt.Sprintf("Penalty claim to the buyer: invoice %s of order %s paid late; 0.1 %% a day under the contract, %s.",
			o.InvoiceNo, o.Number, model.FormatMoney(c.Claimed))
	} else {
		c.Description = fmt.Sprintf("Claim to the buyer: the goods of order %s were not accepted on the agreed date (contract, clause 5.2); penalty %s.",
			o.Number, model.FormatMoney(c.Claimed))
	}
	owner := cl.Manager
	if owner == "" {
		owner = pick2(g.r, g.managers)
	}
	status := model.ComplaintClosed
	if open {
		status = pick2(g.r, []model.ComplaintStatus{model.ComplaintInvestigating, model.ComplaintWaiting})
	}
	var closing *model.Closing
	if status == model.ComplaintClosed {
		decision := pick2(g.r, []model.Decision{model.DecisionFull, model.DecisionFull, model.DecisionPartly, model.DecisionRejected})
		closing = g.closing(&c, decision, cause{reason: reason, fault: model.FaultClient}, o)
		if decision == model.DecisionRejected {
			closing.Reason, closing.Fault = model.ReasonContractTerm, model.FaultOurs // our claim did not stand
		}
	}
	g.life(&c, cl, status, owner, owner, closing, open)
	return c, true
}

// onOrder links c to o: the lines complained about (part of what was
// shipped) and the amount claimed for them.
func (g *complaintGen) onOrder(c *model.Complaint, o *model.Order, reason model.ReasonCode) {
	c.Order, c.OrderNo = o.ID, o.Number
	gross := o.Totals.Gross.Minor
	cur := o.Totals.Gross.Currency
	var claimed int64
	switch reason {
	case model.ReasonLate, model.ReasonContractTerm, model.ReasonStaff, model.ReasonDocuments:
		// no goods in question: a penalty or compensation on the order
		if reason != model.ReasonStaff {
			claimed = gross * int64(1+g.r.IntN(8)) / 100
		}
	default:
		var lines []int
		for i, l := range o.Lines {
			if l.Shipped > 0 {
				lines = append(lines, i)
			}
		}
		n := 1
		if reason == model.ReasonDefect && g.r.IntN(3) == 0 {
			n = 2
		}
		if o.Status == model.OrderReturned {
			n = len(lines) // the whole lot came back
		}
		g.r.Shuffle(len(lines), func(a, b int) { lines[a], lines[b] = lines[b], lines[a] })
		for _, li := range lines[:min(n, len(lines))] {
			l := o.Lines[li]
			q := l.Shipped
			if o.Status != model.OrderReturned && g.r.IntN(3) != 0 {
				q = q * model.Qty(10+g.r.IntN(80)) / 100 // part of the line
				if l.Unit == model.UnitPiece {
					q = max(q/model.QtyScale, 1) * model.QtyScale
				}
				q = max(q, 1)
			}
			c.Lines = append(c.Lines, model.ComplaintLine{Line: li, SKU: l.SKU, Name: l.Name, Qty: q})
			share := l.Gross.Minor * int64(q) / int64(max(l.Qty, 1))
			if reason == model.ReasonPriceError {
				share = share * int64(3+g.r.IntN(10)) / 100 // the overcharge only
			}
			claimed += share
		}
		slices.SortFunc(c.Lines, func(a, b model.ComplaintLine) int { return a.Line - b.Line })
	}
	claimed = min(claimed/100*100, gross) // whole roubles, never above the order
	c.Claimed = model.Money{Minor: max(claimed, 0), Currency: cur}
}

// closing is how c ends: the decision with an amount and remedy that fit it.
func (g *complaintGen) closing(c *model.Complaint, d model.Decision, rf cause, o *model.Order) *model.Closing {
	cl := &model.Closing{Decision: d, Reason: rf.reason, Fault: rf.fault, Remedy: model.RemedyNone,
		Satisfied: model.Money{Currency: c.Claimed.Currency}}
	if cl.Satisfied.Currency == "" {
		cl.Satisfied.Currency = "RUB"
	}
	switch d {
	case model.DecisionFull:
		cl.Satisfied.Minor = c.Claimed.Minor
	case model.DecisionPartly:
		cl.Satisfied.Minor = c.Claimed.Minor * int64(30+g.r.IntN(50)) / 100 / 100 * 100
	}
	if d != model.DecisionRejected {
		cl.Remedy = remedyFor(g.r, rf.reason, c.Direction)
		if o != nil && o.Status == model.OrderReturned && c.Direction == model.DirectionIncoming {
			cl.Remedy = model.RemedyReturn // the order's return is on record
		}
	}
	lang := 2
	if cc := g.clientOf(c.Client); cc != nil {
		lang = langIndex(cc.Language)
	}
	if c.Direction == model.DirectionIncoming && g.r.IntN(4) != 0 {
		cl.Feedback = feedbacks[lang][d][g.r.IntN(len(feedbacks[lang][d]))]
	}
	return cl
}

func (g *complaintGen) clientOf(id model.ID) *ComplaintClient {
	i, ok := slices.BinarySearchFunc(g.clients, id, func(c ComplaintClient, id model.ID) int {
		return int(c.ID) - int(id)
	})
	if ok {
		return &g.clients[i]
	}
	for i := range g.clients { // not in id order
		if g.clients[i].ID == id {
			return &g.clients[i]
		}
	}
	return nil
}

// step is the moment minutes of working time (a random amount in
// [lo, hi)) after t, never after the limit.
func (g *complaintGen) step(t time.Time, lo, hi int) time.Time {
	if t.After(g.limit) {
		return g.limit
	}
	lo, hi = int(float64(lo)*g.scale), int(float64(hi)*g.scale)
	at := g.w.Add(t, lo+g.r.IntN(max(hi-lo, 1))).UTC()
	if at.Before(t) {
		at = t
	}
	if at.After(g.limit) {
		at = g.limit
	}
	return at
}

// life runs c from registration to status: the events of each step with
// who took it, the escalations, forwards and pauses on the way, the answer
// and the closing.
func (g *complaintGen) life(c *model.Complaint, cl ComplaintClient, status model.ComplaintStatus, owner, registrar string,
	closing *model.Closing, open bool) {
	model.StartDeadline(g.set, c, cl.client())
	// an open complaint's steps share the working time since it came (about
	// 3,000 minutes would they all take their time)
	g.scale = 1
	if open {
		g.scale = min(1, g.w.Between(c.Received, g.limit).Minutes()/3000)
	}
	lang := langIndex(cl.Language)
	t := c.Received
	ev := func(by string, from, to model.ComplaintStatus, action, note string) {
		c.Events = append(c.Events, model.ComplaintEvent{At: t, By: by, From: from, To: to, Action: action, Note: note})
		c.Status = to
	}
	c.Meta = model.Meta{CreatedAt: t, CreatedBy: registrar}
	ev(registrar, "", model.ComplaintRegistered, "register", "")
	if status == model.ComplaintRegistered {
		g.stamp(c)
		return
	}
	// a head hands some out; the rest take their own
	assigner := owner
	if g.r.IntN(4) == 0 {
		assigner = pick2(g.r, g.heads)
	}
	t = g.step(t, 5, 240)
	c.Owner = owner
	ev(assigner, model.ComplaintRegistered, model.ComplaintAssigned, "assign", "")
	if status == model.ComplaintAssigned {
		g.stamp(c)
		return
	}
	t = g.step(t, 10, 300)
	ev(owner, model.ComplaintAssigned, model.ComplaintInvestigating, "move", "")

	// forwarded for an opinion: goods to purchasing or the warehouse, money to legal
	if d, ok := forwardTo(c); ok && g.r.IntN(3) == 0 {
		t = g.step(t, 20, 400)
		note := forwardNotes[d]
		c.Forwards = append(c.Forwards, model.Forward{At: t, By: owner, Department: d, Note: note})
		ev(owner, model.ComplaintInvestigating, model.ComplaintInvestigating, "forward", note)
	}
	if status == model.ComplaintInvestigating {
		g.stamp(c)
		return
	}

	// escalated: still open, or answered from above on the way
	if status == model.ComplaintEscalated || g.r.IntN(10) == 0 {
		to, level := g.upper(owner, cl)
		t = g.step(t, 30, 600)
		reason := pick2(g.r, escalationReasons)
		c.Escalations = append(c.Escalations, model.Escalation{At: t, By: owner, To: to, Level: level, Reason: reason})
		ev(owner, model.ComplaintInvestigating, model.ComplaintEscalated, "escalate", reason)
		if status == model.ComplaintEscalated {
			g.stamp(c)
			return
		}
		t = g.step(t, 60, 1200)
		e := &c.Escalations[len(c.Escalations)-1]
		e.Answered, e.Answer = t, pick2(g.r, escalationAnswers)
		ev(to, model.ComplaintEscalated, model.ComplaintInvestigating, "answer_escalation", e.Answer)
	}

	// waiting for the client: the deadline pauses, and moves on when it resumes
	if status == model.ComplaintWaiting || g.r.IntN(4) == 0 {
		t = g.step(t, 30, 600)
		note := waitingNotes[lang][g.r.IntN(len(waitingNotes[lang]))]
		ev(owner, model.ComplaintInvestigating, model.ComplaintWaiting, "move", note)
		model.PauseDeadline(c, t)
		if status == model.ComplaintWaiting {
			g.stamp(c)
			return
		}
		t = g.step(t, 120, 2400)
		model.ResumeDeadline(g.w, c, t)
		ev(owner, model.ComplaintWaiting, model.ComplaintInvestigating, "move", "")
	}

	// the first answer: most in time, one in six after the deadline
	if g.r.IntN(6) == 0 && c.Deadline.Before(g.limit) || open && c.Deadline.Before(t) {
		t = g.step(maxTime(t, c.Deadline), 30, 1200)
	} else if left := g.w.Between(t, c.Deadline); left > time.Hour {
		m := int(left.Minutes())
		t = g.step(t, m/5, m*9/10)
	} else {
		t = g.step(t, 20, 240)
	}
	var answer string
	if closing != nil {
		answer = answers[lang][closing.Decision][g.r.IntN(len(answers[lang][closing.Decision]))]
	} else {
		answer = pick2(g.r, answers[lang][model.DecisionFull])
	}
	if c.Direction == model.DirectionOutgoing {
		answer = "The buyer's reply received and passed to the legal department."
	}
	c.Answered, c.Answer = t, answer
	ev(owner, model.ComplaintInvestigating, model.ComplaintAnswered, "move", answer)
	if status == model.ComplaintAnswered {
		g.stamp(c)
		return
	}
	if status == model.ComplaintRemedyDone || status == model.ComplaintFeedback ||
		closing != nil && closing.Remedy != model.RemedyNone && g.r.IntN(3) != 0 {
		t = g.step(t, 120, 2400)
		ev(owner, model.ComplaintAnswered, model.ComplaintRemedyDone, "move", "")
		if status == model.ComplaintRemedyDone {
			g.stamp(c)
			return
		}
	}
	if status == model.ComplaintFeedback || closing != nil && closing.Feedback != "" && g.r.IntN(2) == 0 {
		t = g.step(t, 60, 1500)
		ev(owner, c.Status, model.ComplaintFeedback, "move", "")
		if status == model.ComplaintFeedback {
			g.stamp(c)
			return
		}
	}
	t = g.step(t, 30, 900)
	c.Closing, c.Closed = closing, t
	ev(owner, c.Status, model.ComplaintClosed, "close", closingNote(closing))
	if status == model.ComplaintReopened {
		// the client came back: the closing stays in the history only
		t = g.step(t, 240, 2400)
		c.Closing, c.Closed, c.Reopened = nil, time.Time{}, 1
		ev(owner, model.ComplaintClosed, model.ComplaintReopened, "reopen", reopenNotes[lang])
		g.stamp(c)
		return
	}
	// the heads' verdict on a part of the clients' complaints
	if c.Direction == model.DirectionIncoming && g.r.IntN(3) == 0 {
		head := pick2(g.r, g.heads)
		justified := closing.Decision != model.DecisionRejected && closing.Fault == model.FaultOurs
		closing.Justified = &justified
		t = g.step(t, 60, 2400)
		note := "not justified"
		if justified {
			note = "justified"
		}
		ev(head, model.ComplaintClosed, model.ComplaintClosed, "justified", note)
	}
	g.stamp(c)
}

// stamp sets the record's meta from its history.
func (g *complaintGen) stamp(c *model.Complaint) {
	last := c.Events[len(c.Events)-1]
	c.Version = uint64(len(c.Events))
	c.UpdatedAt, c.UpdatedBy = last.At, last.By
}

// upper is who an owner escalates to: an operator to the client's manager,
// a manager to a head.
func (g *complaintGen) upper(owner string, cl ComplaintClient) (string, model.Role) {
	if g.role[owner] == model.RoleOperator {
		if cl.Manager != "" && g.role[cl.Manager] == model.RoleManager {
			return cl.Manager, model.RoleManager
		}
		return pick2(g.r, g.managers), model.RoleManager
	}
	return pick2(g.r, g.heads), model.RoleHead
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// forwardTo is the department a complaint of c's kind goes to for an opinion.
func forwardTo(c *model.Complaint) (model.Department, bool) {
	switch {
	case c.Direction == model.DirectionOutgoing || c.Type == model.TypeChainPenalty:
		return model.DeptLegal, true
	case c.Type == model.TypeQuality:
		return model.DeptPurchasing, true
	case c.Type == model.TypeDelivery || c.Type == model.TypeAfterAct:
		return model.DeptWarehouse, true
	}
	return "", false
}

// cause is a reason with the party at fault.
type cause struct {
	reason model.ReasonCode
	fault  model.FaultParty
}

// causes are the reasons and fault parties that fit each type, for a claim
// upheld and for one rejected (repeats weigh).
var causes = map[model.ComplaintType][2][]cause{
	model.TypeQuality: {
		{{model.ReasonDefect, model.FaultManufacturer}, {model.ReasonDefect, model.FaultManufacturer},
			{model.ReasonDefect, model.FaultManufacturer}, {model.ReasonDefect, model.FaultOurs}, {model.ReasonWrongItem, model.FaultOurs}},
		{{model.ReasonDefect, model.FaultClient}, {model.ReasonDefect, model.FaultClient}, {model.ReasonOther, model.FaultClient}},
	},
	model.TypeDelivery: {
		{{model.ReasonShortage, model.FaultOurs}, {model.ReasonShortage, model.FaultCarrier}, {model.ReasonDamaged, model.FaultCarrier},
			{model.ReasonDamaged, model.FaultCarrier}, {model.ReasonLate, model.FaultCarrier}, {model.ReasonLate, model.FaultOurs},
			{model.ReasonWrongItem, model.FaultOurs}},
		{{model.ReasonShortage, model.FaultClient}, {model.ReasonLate, model.FaultClient}},
	},
	model.TypeService: {
		{{model.ReasonStaff, model.FaultOurs}, {model.ReasonStaff, model.FaultOurs}, {model.ReasonDocuments, model.FaultOurs},
			{model.ReasonLate, model.FaultOurs}},
		{{model.ReasonStaff, model.FaultClient}, {model.ReasonOther, model.FaultClient}},
	},
	model.TypeSettlement: {
		{{model.ReasonPriceError, model.FaultOurs}, {model.ReasonPriceError, model.FaultOurs}, {model.ReasonDocuments, model.FaultOurs}},
		{{model.ReasonPriceError, model.FaultClient}, {model.ReasonDocuments, model.FaultClient}},
	},
	model.TypeAfterAct: {
		{{model.ReasonShortage, model.FaultOurs}, {model.ReasonDocuments, model.FaultOurs}, {model.ReasonWrongItem, model.FaultOurs}},
		{{model.ReasonShortage, model.FaultClient}, {model.ReasonDocuments, model.FaultClient}},
	},
	model.TypeChainPenalty: {
		{{model.ReasonLate, model.FaultCarrier}, {model.ReasonLate, model.FaultOurs}, {model.ReasonShortage, model.FaultOurs},
			{model.ReasonContractTerm, model.FaultOurs}, {model.ReasonDocuments, model.FaultOurs}},
		{{model.ReasonContractTerm, model.FaultClient}, {model.ReasonLate, model.FaultClient}},
	},
}

func pickCause(r *rand.Rand, t model.ComplaintType, rejected bool) cause {
	k := 0
	if rejected {
		k = 1
	}
	return pick2(r, causes[t][k])
}

// remedyFor is what is done for a claim upheld for reason.
func remedyFor(r *rand.Rand, reason model.ReasonCode, d model.ComplaintDirection) model.Remedy {
	if d == model.DirectionOutgoing {
		return model.RemedyRefund // the buyer pays the penalty
	}
	switch reason {
	case model.ReasonDefect, model.ReasonWrongItem, model.ReasonDamaged:
		return pick2(r, []model.Remedy{model.RemedyReplacement, model.RemedyReplacement, model.RemedyRefund, model.RemedyDiscount})
	case model.ReasonShortage:
		return pick2(r, []model.Remedy{model.RemedyReplacement, model.RemedyRefund})
	case model.ReasonPriceError, model.ReasonContractTerm:
		return model.RemedyRefund
	}
	return model.RemedyDiscount // late, documents, staff: a discount on the next order
}

func closingNote(cl *model.Closing) string {
	if cl == nil {
		return ""
	}
	return fmt.Sprintf("%s, %s, %s, %s", cl.Decision, model.FormatMoney(cl.Satisfied), cl.Reason, cl.Fault)
}

func langIndex(l string) int {
	switch l {
	case "ru":
		return 0
	case "lt":
		return 1
	}
	return 2
}

// The texts, by language: ru, lt, en.

// describe writes a client's complaint in the client's language.
func describe(r *rand.Rand, lang string, t model.ComplaintType, reason model.ReasonCode, lines []model.ComplaintLine, orderNo string) string {
	li := langIndex(lang)
	what := [3]string{"товар", "prekės", "the goods"}[li]
	if len(lines) > 0 {
		what = lines[0].Name
		if len(lines) > 1 {
			what += [3]string{" и другие позиции", " ir kitos prekės", " and other lines"}[li]
		}
	}
	order := orderNo
	if order == "" {
		order = [3]string{"последний заказ", "paskutinis užsakymas", "the last order"}[li]
	}
	tpl := descriptions[reason][li]
	s := tpl[r.IntN(len(tpl))]
	s = strings.ReplaceAll(s, "{what}", what)
	s = strings.ReplaceAll(s, "{order}", order)
	if t == model.TypeChainPenalty {
		s = [3]string{"Претензия сети: ", "Tinklo pretenzija: ", "The chain's claim: "}[li] + s
	}
	return s
}

var descriptions = map[model.ReasonCode][3][]string{
	model.ReasonDefect: {
		{"{what}: брак — затяжки и пятна, к продаже непригодно.",
			"{what}: после первой стирки ткань села и полиняла, покупатели возвращают изделия.",
			"{what}: неравномерный прокрас, разнотон в одной партии."},
		{"{what}: broko — trūkę siūlai ir dėmės.",
			"{what}: po pirmo skalbimo audinys susitraukė ir išbluko."},
		{"{what}: flaws — snags and stains, not fit for sale.",
			"{what}: shrank and faded after the first wash; our customers bring it back."},
	},
	model.ReasonWrongItem: {
		{"Заказ {order}: вместо заказанного пришло «{what}» другого цвета.", "Заказ {order}: пересорт — {what} не того артикула."},
		{"Užsakymas {order}: vietoj užsakytos prekės atvežta „{what}“ kitos spalvos."},
		{"Order {order}: {what} came in the wrong colour.", "Order {order}: wrong article delivered instead of {what}."},
	},
	model.ReasonShortage: {
		{"Заказ {order}: недостача — {what} пришло меньше, чем в накладной.", "Заказ {order}: при приёмке не хватило части позиции «{what}»."},
		{"Užsakymas {order}: trūkumas — {what} atvežta mažiau nei sąskaitoje."},
		{"Order {order}: short delivery — less {what} than invoiced.", "Order {order}: part of {what} missing at acceptance."},
	},
	model.ReasonDamaged: {
		{"Заказ {order}: {what} — упаковка порвана, товар намок при перевозке.", "Заказ {order}: повреждение при доставке, {what} испачкано."},
		{"Užsakymas {order}: {what} — pažeista pakuotė, prekė sušlapo gabenant."},
		{"Order {order}: {what} arrived wet, the packaging torn in transit."},
	},
	model.ReasonLate: {
		{"Заказ {order} привезли на три дня позже обещанного, сорвали нам поставку в магазины.", "Заказ {order}: доставка опоздала, машину ждали весь день."},
		{"Užsakymas {order} pristatytas trimis dienomis vėliau nei žadėta."},
		{"Order {order} came three days after the promised date; our shops ran out.", "Order {order}: the delivery was late, we waited all day."},
	},
	model.ReasonPriceError: {
		{"Заказ {order}: {what} выставлено не по нашей цене, скидка не учтена.", "Заказ {order}: цена в счёте выше согласованной."},
		{"Užsakymas {order}: {what} kaina sąskaitoje didesnė nei sutarta."},
		{"Order {order}: {what} invoiced above the agreed price, our discount missing."},
	},
	model.ReasonDocuments: {
		{"Заказ {order}: в счёте-фактуре ошибка в реквизитах, бухгалтерия не может провести.", "Заказ {order}: акт сверки не сходится с накладными."},
		{"Užsakymas {order}: sąskaitoje faktūroje klaidingi rekvizitai."},
		{"Order {order}: the invoice has wrong company details, accounts cannot book it."},
	},
	model.ReasonStaff: {
		{"Менеджер грубо разговаривал по телефону и не перезвонил, как обещал.", "Оператор дважды не передал заявку, никто не перезвонил."},
		{"Vadybininkas nemandagiai kalbėjo telefonu ir nepaskambino, kaip žadėjo."},
		{"Your staff were rude on the phone and never called back as promised."},
	},
	model.ReasonContractTerm: {
		{"Заказ {order}: нарушены условия договора поставки, выставляем штраф.", "Заказ {order}: не соблюдено окно поставки на склад сети."},
		{"Užsakymas {order}: pažeistos tiekimo sutarties sąlygos, taikome baudą."},
		{"Order {order}: the supply contract's terms were breached; a penalty is charged."},
	},
	model.ReasonOther: {
		{"{what}: товар не соответствует ожиданиям, просим разобраться.", "{what}: претензия к качеству, подробности в письме."},
		{"{what}: prekė neatitinka lūkesčių, prašome išsiaiškinti."},
		{"{what}: not what we expected, please look into it."},
	},
}

var seriousNote = [3]string{"Клиент грозит расторгнуть договор.", "Klientas grasina nutraukti sutartį.",
	"The client threatens to end the contract."}

var waitingNotes = [3][]string{
	{"Запросили фото брака и номер партии.", "Ждём акт приёмки от клиента.", "Попросили вернуть образец на экспертизу."},
	{"Paprašėme defekto nuotraukų ir partijos numerio.", "Laukiame priėmimo akto."},
	{"Asked for photos of the defect and the batch number.", "Waiting for the client's acceptance report."},
}

var answers = [3]map[model.Decision][]string{
	{
		model.DecisionFull:     {"Претензию признаём, заменим товар за наш счёт.", "Признаём ошибку, деньги вернём в течение пяти дней."},
		model.DecisionPartly:   {"Признаём частично: компенсируем часть суммы.", "Готовы возместить половину, остальное — к перевозчику."},
		model.DecisionRejected: {"По результатам проверки претензия не подтвердилась.", "Нарушены условия хранения, претензию отклоняем."},
	},
	{
		model.DecisionFull:     {"Pretenziją pripažįstame, prekes pakeisime."},
		model.DecisionPartly:   {"Pripažįstame iš dalies, kompensuosime dalį sumos."},
		model.DecisionRejected: {"Patikrinus pretenzija nepasitvirtino."},
	},
	{
		model.DecisionFull:     {"We accept the claim and will replace the goods at our cost.", "Our mistake: the money will be refunded within five days."},
		model.DecisionPartly:   {"We accept the claim in part and will compensate part of the amount."},
		model.DecisionRejected: {"Our inspection did not confirm the claim.", "Storage conditions were not met; we cannot accept the claim."},
	},
}

var feedbacks = [3]map[model.Decision][]string{
	{
		model.DecisionFull:     {"Спасибо, вопрос решён.", "Всё получили, претензий нет."},
		model.DecisionPartly:   {"Согласны, хотя рассчитывали на большее.", "Принимаем компромисс."},
		model.DecisionRejected: {"Не согласны, но спорить не будем.", "Недовольны решением."},
	},
	{
		model.DecisionFull:     {"Ačiū, klausimas išspręstas."},
		model.DecisionPartly:   {"Sutinkame su kompromisu."},
		model.DecisionRejected: {"Nesutinkame, bet ginčytis nebūsime."},
	},
	{
		model.DecisionFull:     {"Thank you, all sorted.", "Received everything, no further claims."},
		model.DecisionPartly:   {"We accept the compromise."},
		model.DecisionRejected: {"We disagree but will leave it there."},
	},
}

var reopenNotes = [3]string{"Клиент не согласен с решением, просит пересмотреть.", "Klientas nesutinka su sprendimu.",
	"The client disagrees with the decision and asks to look again."}

var escalationReasons = []string{
	"The client asks for more than I may grant.",
	"A key client: the amount needs a decision above me.",
	"The client threatens to stop ordering; needs a word from above.",
	"Fault disputed between the warehouse and the carrier.",
}

var escalationAnswers = []string{
	"Agreed: settle it in full.", "Offer half and a discount on the next order.", "Reject: the storage terms were broken.",
}

var forwardNotes = map[model.Department]string{
	model.DeptPurchasing: "Claim to the supplier: the batch's certificate and photos attached.",
	model.DeptWarehouse:  "Please check the packing list and the loading photos.",
	model.DeptLegal:      "Please check the contract's penalty clause.",
}
