package demo

import (
	"math/rand/v2"
	"time"

	"clientbase/model"
)

// PlanClient is what the demo's plan needs to know of a client.
type PlanClient struct {
	ID           model.ID
	Manager      string
	Address      string     // where a visit goes
	Contacts     []model.ID // contact persons who have not left
	Phone        string     // E.164 of the first phone
	Zone         string     // the client's time zone
	Currency     string     // of promised payments
	ContactEvery int
	Skip         bool // lost, or do not contact: nobody plans a call
}

// PlanClientOf is the part of c the plan generator reads.
func PlanClientOf(c model.Client) PlanClient {
	pc := PlanClient{ID: c.ID, Manager: c.Manager, Address: c.ActualAddress, Zone: c.TimeZone,
		Currency: "RUB", ContactEvery: c.ContactEvery,
		Skip: c.Status == model.StatusLost || c.Flags.DoNotContact || c.Archived || len(c.Phones) == 0}
	if pc.Address == "" {
		pc.Address = c.LegalAddress
	}
	if c.TaxCountry == model.TaxLT {
		pc.Currency = "EUR"
	}
	if len(c.Phones) > 0 {
		pc.Phone = c.Phones[0].E164
	}
	for _, ct := range c.Contacts {
		if !ct.Left && !ct.DoNotContact {
			pc.Contacts = append(pc.Contacts, ct.ID)
		}
	}
	return pc
}

// Recurring gives about one active client with a manager in twelve a contact
// frequency (7, 14 or 30 days), the same for a given id every time.
func Recurring(c *model.Client) {
	if c.Manager == "" || c.Status != model.StatusActive || PlanClientOf(*c).Skip {
		return // the plan can call only these: a frequency elsewhere would have no item
	}
	h := uint64(c.ID)*0x9e3779b97f4a7c15 ^ 0x5bd1e995
	h ^= h >> 29
	if h%12 != 0 {
		return
	}
	c.ContactEvery = []int{7, 14, 14, 30}[(h>>8)%4]
}

// PlanDays is how far the demo's plan reaches on each side of its creation day.
const PlanDays = 14

// Plan generates the demo department's calls and visits over the PlanDays
// working days before and after now: operators work through debt reminders,
// surveys and notices (their own and the shared pool's), managers call and
// visit their own clients; past items carry their outcomes (reached, no
// answer and the retries, wrong numbers, promises to pay and their check
// calls, escalations to the manager), a few are left overdue, and there are
// calls made outside the plan. Deterministic for seed, now and clients.
func Plan(seed int64, now time.Time, clients []PlanClient, emit func(model.PlanItem, []model.Interaction) error) error {
	g := &planGen{
		r:     rand.New(rand.NewPCG(uint64(seed), 0x7f4a7c159e3779b9)),
		now:   now,
		zones: map[string]*time.Location{},
		out:   emit,
		own:   map[string][]int{},
	}
	for i, c := range clients {
		if c.Skip {
			continue
		}
		g.callable = append(g.callable, i)
		if c.Manager != "" {
			g.own[c.Manager] = append(g.own[c.Manager], i)
		}
	}
	if len(g.callable) == 0 {
		return nil
	}
	g.clients = clients
	g.ops = loginsOf(model.RoleOperator, nil)
	g.managers = loginsOf(model.RoleManager, nil)
	g.heads = loginsOf(model.RoleHead, nil)
	g.bosses = append(loginsOf(model.RoleDirector, nil), g.heads...)

	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	for d := -PlanDays; d <= PlanDays; d++ {
		date := day.AddDate(0, 0, d)
		if wd := date.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		if err := g.day(date); err != nil {
			return err
		}
	}
	return g.recurring(day)
}

type planGen struct {
	r        *rand.Rand
	now      time.Time
	zones    map[string]*time.Location
	out      func(model.PlanItem, []model.Interaction) error
	clients  []PlanClient
	callable []int            // indexes of clients someone may call
	own      map[string][]int // a manager's callable clients
	ops      []string
	managers []string
	heads    []string
	bosses   []string // the director and the heads
}

// emit hands an item on with every time in UTC, as the store keeps them.
func (g *planGen) emit(p model.PlanItem, ixs []model.Interaction) error {
	utc := func(t *time.Time) {
		if !t.IsZero() {
			*t = t.UTC()
		}
	}
	for _, t := range []*time.Time{&p.Due, &p.Until, &p.DoneAt, &p.HeldAt, &p.CreatedAt, &p.UpdatedAt} {
		utc(t)
	}
	for i := range ixs {
		x := &ixs[i]
		for _, t := range []*time.Time{&x.At, &x.CallBack, &x.PromiseBy, &x.CreatedAt, &x.UpdatedAt} {
			utc(t)
		}
	}
	return g.out(p, ixs)
}

func (g *planGen) pct(p int) bool { return g.r.IntN(100) < p }

func (g *planGen) zone(name string) *time.Location {
	if loc, ok := g.zones[name]; ok {
		return loc
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" {
		loc, _ = time.LoadLocation("Europe/Moscow")
		if loc == nil {
			loc = time.UTC
		}
	}
	g.zones[name] = loc
	return loc
}

// at is a moment of working hours (9:00–17:45, quarter hours) on date in the client's zone.
func (g *planGen) at(date time.Time, c PlanClient) time.Time {
	loc := g.zone(c.Zone)
	mins := 9*60 + 15*g.r.IntN(36)
	return time.Date(date.Year(), date.Month(), date.Day(), mins/60, mins%60, 0, 0, loc)
}

// nextWorkday is the first Monday–Friday after t, same clock time.
func nextWorkday(t time.Time, days int) time.Time {
	t = t.AddDate(0, 0, days)
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

var (
	opPurposes = []model.Purpose{model.PurposeDebtReminder, model.PurposeDebtReminder, model.PurposeDebtReminder,
		model.PurposeFollowUp, model.PurposeFollowUp, model.PurposeSurvey, model.PurposePriceChange,
		model.PurposeNewProduct, model.PurposeReconciliation, model.PurposeEventInvitation}
	managerPurposes = []model.Purpose{model.PurposeSale, model.PurposeSale, model.PurposeFollowUp,
		model.PurposeFollowUp, model.PurposeProlongation, model.PurposeReconciliation, model.PurposeComplaintFollowUp}
	cancelReasons = []string{"клиент в отпуске до конца месяца", "дубль: уже звонили по этому вопросу",
		"бухгалтер сама прислала акт сверки", "the buyer asked to write instead", "встреча перенесена клиентом"}
	notesReached = []string{"договорились о поставке в четверг", "просит прислать прайс на почту",
		"всё устраивает, заказ как обычно", "interested in the new range, samples by mail",
		"уточнили реквизиты для счёта", "ждут акт сверки до пятницы", ""}
	refusals = []string{"нашли поставщика дешевле", "закрывают точку", "no budget this quarter"}
)

func originFor(p model.Purpose) model.Origin {
	switch p {
	case model.PurposeDebtReminder:
		return model.OriginOverdueDebt
	case model.PurposePriceChange:
		return model.OriginPriceChange
	case model.PurposeProlongation:
		return model.OriginContractExpiry
	case model.PurposeComplaintFollowUp:
		return model.OriginComplaintClosure
	}
	return model.OriginWeeklyPlan
}

// day plans one working day for everybody.
func (g *planGen) day(date time.Time) error {
	past := date.Before(g.now)
	for oi, op := range g.ops {
		n := 10 + g.r.IntN(7)
		for range n {
			c := g.clients[g.callable[g.r.IntN(len(g.callable))]]
			pu := opPurposes[g.r.IntN(len(opPurposes))]
			p := g.item(model.PlanCall, c, g.at(date, c), pu)
			p.Assignee = op
			if g.pct(40) {
				p.Assignee = "" // the operators' pool: whoever is free takes it
			}
			p.CreatedBy = g.heads[oi%len(g.heads)]
			if err := g.finish(p, c, op); err != nil {
				return err
			}
		}
		if past || date.Equal(g.today()) {
			for range g.r.IntN(3) {
				if err := g.offPlan(date, op); err != nil {
					return err
				}
			}
		}
	}
	// The heads and the director keep a few calls of their own (key
	// clients, complaints), so their own queue and week are not empty.
	for _, boss := range g.bosses {
		for range 1 + g.r.IntN(2) {
			c := g.clients[g.callable[g.r.IntN(len(g.callable))]]
			pu := []model.Purpose{model.PurposeComplaintFollowUp, model.PurposeFollowUp, model.PurposeProlongation}[g.r.IntN(3)]
			p := g.item(model.PlanCall, c, g.at(date, c), pu)
			p.Assignee, p.CreatedBy = boss, boss
			if err := g.finish(p, c, boss); err != nil {
				return err
			}
		}
	}
	for _, mg := range g.managers {
		own := g.own[mg]
		if len(own) == 0 {
			continue
		}
		for range 3 + g.r.IntN(4) {
			c := g.clients[own[g.r.IntN(len(own))]]
			p := g.item(model.PlanCall, c, g.at(date, c), managerPurposes[g.r.IntN(len(managerPurposes))])
			p.Assignee, p.CreatedBy = mg, mg
			if err := g.finish(p, c, mg); err != nil {
				return err
			}
		}
		for range g.r.IntN(3) {
			c := g.clients[own[g.r.IntN(len(own))]]
			if c.Address == "" {
				continue
			}
			due := g.at(date, c)
			p := g.item(model.PlanVisit, c, due, managerPurposes[g.r.IntN(len(managerPurposes))])
			p.Assignee, p.CreatedBy, p.Address = mg, mg, c.Address
			p.Until = due.Add(time.Duration(1+g.r.IntN(2)) * time.Hour)
			if err := g.finish(p, c, mg); err != nil {
				return err
			}
		}
		if past && g.pct(50) {
			if err := g.offPlan(date, mg); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *planGen) today() time.Time {
	return time.Date(g.now.Year(), g.now.Month(), g.now.Day(), 0, 0, 0, 0, time.UTC)
}

func (g *planGen) item(kind model.PlanKind, c PlanClient, due time.Time, pu model.Purpose) model.PlanItem {
	p := model.PlanItem{Kind: kind, Client: c.ID, Due: due, Purpose: pu, Origin: originFor(pu),
		Priority: model.PriorityNormal, Status: model.PlanPlanned}
	switch {
	case pu == model.PurposeDebtReminder && g.pct(40), pu == model.PurposeComplaintFollowUp:
		p.Priority = model.PriorityHigh
	case pu == model.PurposeSurvey || pu == model.PurposeEventInvitation:
		p.Priority = model.PriorityLow
	}
	if len(c.Contacts) > 0 && g.pct(70) {
		p.Contact = c.Contacts[g.r.IntN(len(c.Contacts))]
	}
	if kind == model.PlanCall && p.Origin == model.OriginWeeklyPlan && g.pct(30) {
		p.Origin = model.OriginManual
	}
	// Planned a few days ahead; what is still to come was planned before now.
	p.CreatedAt = due.Add(-time.Duration(1+g.r.IntN(6)) * 24 * time.Hour)
	if p.CreatedAt.After(g.now) {
		p.CreatedAt = g.now.Add(-time.Duration(1+g.r.IntN(72)) * time.Hour)
	}
	return p
}

// ix is a contact attempt on p by user at at.
func (g *planGen) ix(p model.PlanItem, c PlanClient, user string, at time.Time, o model.Outcome) model.Interaction {
	x := model.Interaction{At: at, Channel: model.ChannelPhone, Direction: model.DirOutgoing, Client: c.ID,
		Contact: p.Contact, Phone: c.Phone, User: user, Outcome: o}
	if p.Kind == model.PlanVisit {
		x.Channel, x.Phone = model.ChannelVisit, "" // nobody dialled
	}
	return x
}

// finish gives a past item its outcome (or leaves it overdue, or cancels
// it), emits it, and emits what the outcome planned next.
func (g *planGen) finish(p model.PlanItem, c PlanClient, doer string) error {
	if p.Assignee != "" {
		doer = p.Assignee
	} else {
		doer = g.ops[g.r.IntN(len(g.ops))]
	}
	if !p.Due.Before(g.now) {
		return g.emit(p, nil)
	}
	recent := g.now.Sub(p.Due) < 72*time.Hour
	switch {
	case recent && g.pct(12) || g.pct(2): // nobody got to it: overdue
		return g.emit(p, nil)
	case g.pct(5):
		p.Status, p.CancelReason = model.PlanCancelled, cancelReasons[g.r.IntN(len(cancelReasons))]
		p.UpdatedAt, p.UpdatedBy = p.Due.Add(-2*time.Hour), doer
		return g.emit(p, nil)
	}
	at := p.Due.Add(time.Duration(g.r.IntN(40)) * time.Minute)
	if at.After(g.now) {
		return g.emit(p, nil) // due a moment ago: nobody has rung yet
	}
	var ixs []model.Interaction
	if p.Kind == model.PlanCall {
		// No answer or busy first; each retry follows the default policy.
		for len(ixs) < 3 {
			u := g.r.IntN(100)
			if u >= 22 {
				break
			}
			o, wait := model.OutcomeNoAnswer, 2*time.Hour
			if u < 5 {
				o, wait = model.OutcomeBusy, 15*time.Minute
			}
			ixs = append(ixs, g.ix(p, c, doer, at, o))
			at = at.Add(wait)
			if at.After(g.now) {
				// The retry is still ahead: the item waits for it.
				p.Due, p.Attempts = at, len(ixs)
				p.UpdatedAt, p.UpdatedBy = ixs[len(ixs)-1].At, doer
				return g.emit(p, ixs)
			}
		}
		if len(ixs) == 3 {
			// Three times no answer: the policy hands it to the manager.
			last := &ixs[2]
			last.NextStep = "to the manager"
			p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.PlanDone, last.At, doer, 3
			if err := g.emit(p, ixs); err != nil {
				return err
			}
			return g.followUp(p, c, model.OriginEscalation, nextWorkday(last.At, 1))
		}
	}
	var o model.Outcome
	switch u := g.r.IntN(100); {
	case p.Kind == model.PlanVisit:
		o = []model.Outcome{model.OutcomeReached, model.OutcomeReached, model.OutcomeOrderTaken}[g.r.IntN(3)]
	case u < 4:
		o = model.OutcomeWrongNumber
	case p.Purpose == model.PurposeDebtReminder && u < 55:
		o = model.OutcomePromisedToPay
	case u < 62:
		o = model.OutcomeReached
	case u < 78:
		o = model.OutcomeOrderTaken
	case u < 86:
		o = model.OutcomeCallBack
	case u < 94:
		o = model.OutcomeRefused
	default:
		o = model.OutcomeEscalated
	}
	x := g.ix(p, c, doer, at, o)
	if o.Reached() {
		x.Notes = notesReached[g.r.IntN(len(notesReached))]
	}
	var next func() error
	switch o {
	case model.OutcomeRefused:
		x.Reason = refusals[g.r.IntN(len(refusals))]
	case model.OutcomePromisedToPay:
		x.Promised = model.Money{Minor: int64(5_000+g.r.IntN(300_000)) * 100, Currency: c.Currency}
		x.PromiseBy = nextWorkday(time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, at.Location()), 2+g.r.IntN(6))
		check := nextWorkday(x.PromiseBy, 1).Add(10 * time.Hour)
		next = func() error { return g.followUp(p, c, model.OriginPaymentCheck, check) }
	case model.OutcomeEscalated:
		next = func() error { return g.followUp(p, c, model.OriginEscalation, nextWorkday(at, 1)) }
	case model.OutcomeCallBack:
		// The client named a time: the same item waits for it.
		x.CallBack = nextWorkday(at, 1)
		ixs = append(ixs, x)
		p.Attempts = len(ixs)
		if x.CallBack.After(g.now) {
			p.Due, p.UpdatedAt, p.UpdatedBy = x.CallBack, x.At, doer
			return g.emit(p, ixs)
		}
		x = g.ix(p, c, doer, x.CallBack.Add(time.Duration(g.r.IntN(20))*time.Minute), model.OutcomeReached)
		x.Notes = notesReached[g.r.IntN(len(notesReached))]
	}
	if x.At.After(g.now) {
		x.At = g.now
	}
	ixs = append(ixs, x)
	p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.PlanDone, x.At, doer, len(ixs)
	p.UpdatedAt, p.UpdatedBy = x.At, doer
	if err := g.emit(p, ixs); err != nil {
		return err
	}
	if next != nil {
		return next()
	}
	return nil
}

// followUp plans what an outcome asked for: a payment check call (the same
// operator, or the pool) or an escalation to the client's manager.
func (g *planGen) followUp(prev model.PlanItem, c PlanClient, origin model.Origin, due time.Time) error {
	p := model.PlanItem{Kind: model.PlanCall, Client: c.ID, Contact: prev.Contact, Due: due, Purpose: prev.Purpose,
		Priority: model.PriorityHigh, Origin: origin, Status: model.PlanPlanned, Assignee: prev.Assignee,
		Meta: model.Meta{CreatedAt: prev.DoneAt, CreatedBy: prev.DoneBy}}
	switch origin {
	case model.OriginPaymentCheck:
		p.Purpose = model.PurposeDebtReminder
	case model.OriginEscalation:
		p.Assignee = c.Manager
		if p.Assignee == "" {
			p.Assignee = g.heads[int(c.ID)%len(g.heads)]
		}
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = prev.Due
	}
	return g.finish(p, c, p.Assignee)
}

// offPlan is a call outside the plan: the client rang, or the user called on their own.
func (g *planGen) offPlan(date time.Time, user string) error {
	var c PlanClient
	if own := g.own[user]; len(own) > 0 {
		c = g.clients[own[g.r.IntN(len(own))]]
	} else {
		c = g.clients[g.callable[g.r.IntN(len(g.callable))]]
	}
	at := g.at(date, c)
	if !at.Before(g.now) {
		return nil
	}
	p := model.PlanItem{Kind: model.PlanCall, Client: c.ID, Due: at, Purpose: model.PurposeFollowUp,
		Priority: model.PriorityNormal, Origin: model.OriginOffPlan, Status: model.PlanDone, Assignee: user,
		Attempts: 1, DoneAt: at, DoneBy: user, Meta: model.Meta{CreatedAt: at, CreatedBy: user}}
	x := g.ix(p, c, user, at, []model.Outcome{model.OutcomeReached, model.OutcomeReached, model.OutcomeOrderTaken}[g.r.IntN(3)])
	if g.pct(70) {
		x.Direction = model.DirIncoming
	}
	x.Notes = notesReached[g.r.IntN(len(notesReached))]
	return g.emit(p, []model.Interaction{x})
}

// recurring plans the clients with a contact frequency: done contacts every
// N days back to the plan's start and the next one open.
func (g *planGen) recurring(today time.Time) error {
	for _, i := range g.callable {
		c := g.clients[i]
		if c.ContactEvery <= 0 || c.Manager == "" {
			continue
		}
		start := today.AddDate(0, 0, -PlanDays)
		first := start.AddDate(0, 0, g.r.IntN(c.ContactEvery))
		for d := first; ; d = d.AddDate(0, 0, c.ContactEvery) { // until the next contact, however far
			date := nextWorkday(d, 0)
			p := g.item(model.PlanCall, c, g.at(date, c), model.PurposeFollowUp)
			p.Origin, p.Assignee, p.CreatedBy = model.OriginRecurring, c.Manager, c.Manager
			if !p.Due.Before(g.now) {
				// the plan holds only the next contact, one open recurring item
				if err := g.emit(p, nil); err != nil {
					return err
				}
				break
			}
			// A past contact happened: the next one counts from it, so it
			// cannot be left open beside the next (the store keeps one).
			x := g.ix(p, c, c.Manager, p.Due, model.OutcomeReached)
			p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.PlanDone, x.At, c.Manager, 1
			if err := g.emit(p, []model.Interaction{x}); err != nil {
				return err
			}
		}
	}
	return nil
}
