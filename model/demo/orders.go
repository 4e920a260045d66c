package demo

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"clientbase/model"
)

// The demo's catalogue and a year of orders: a textile branch sells fabric
// by the metre, yarn by the kilogram and made-up goods by the piece.

var (
	fabrics = []string{"Calico", "Satin", "Poplin", "Chintz", "Flannel", "Linen", "Jacquard", "Terry cloth",
		"Denim", "Gabardine", "Viscose", "Fleece", "Muslin", "Twill", "Crepe de Chine"}
	yarns  = []string{"Merino wool yarn", "Acrylic yarn", "Cotton yarn", "Mohair yarn", "Alpaca blend yarn", "Bamboo yarn"}
	pieces = []struct {
		name     string
		children bool // children's goods: VAT 10 %
	}{
		{"Bath towel 70×140", false}, {"Hand towel 50×90", false}, {"Bed linen set 1.5", false},
		{"Bed linen set 2.0", false}, {"Euro bed linen set", false}, {"Pillowcase 70×70", false},
		{"Duvet cover 200×220", false}, {"Tablecloth 150×220", false}, {"Kitchen towel set", false},
		{"Baby blanket", true}, {"Children's bed linen set", true}, {"Baby hooded towel", true},
	}
	colours = []string{"white", "ivory", "grey", "navy", "bordeaux", "sage", "sky blue", "print"}
)

// Catalogue returns the demo's products (ids 1, 2, … in order) and two
// price versions of their retail, wholesale and dealer prices: one a year
// and a half old, one taking effect about two months before now (prices
// up 4–12 %). Deterministic for seed and now.
func Catalogue(seed int64, now time.Time) ([]model.Product, []model.PriceVersion) {
	r := rand.New(rand.NewPCG(uint64(seed), 0xc47a109e))
	var products []model.Product
	var base []int64 // retail, roubles
	add := func(sku, name string, u model.Unit, vat model.Rate, rub int64) {
		products = append(products, model.Product{ID: model.ID(len(products) + 1), SKU: sku, Name: name,
			Unit: u, VAT: vat, Active: r.IntN(50) != 0})
		base = append(base, rub)
	}
	for i, f := range fabrics {
		for j, c := range colours {
			add(fmt.Sprintf("TK-%02d%02d", i+1, j+1), f+", "+c+", 150 cm", model.UnitMetre, 2000, int64(150+r.IntN(1200)))
		}
	}
	for i, y := range yarns {
		for j, c := range colours {
			add(fmt.Sprintf("YR-%02d%02d", i+1, j+1), y+", "+c, model.UnitKilogram, 2000, int64(800+r.IntN(4000)))
		}
	}
	for i, p := range pieces {
		vat := model.Rate(2000)
		if p.children {
			vat = 1000
		}
		for j, c := range colours {
			add(fmt.Sprintf("PC-%02d%02d", i+1, j+1), p.name+", "+c, model.UnitPiece, vat, int64(200+r.IntN(5000)))
		}
	}
	day := func(t time.Time) time.Time {
		y, m, d := t.In(moscowZone).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, moscowZone)
	}
	v1 := model.PriceVersion{Effective: day(now.AddDate(0, -18, 0)), Note: "Price list 2025"}
	v2 := model.PriceVersion{Effective: day(now.AddDate(0, -2, 0)), Note: "Autumn price list"}
	for i, p := range products {
		up := int64(104 + r.IntN(9))
		for _, v := range []*model.PriceVersion{&v1, &v2} {
			retail := base[i]
			if v == &v2 {
				retail = retail * up / 100
			}
			for _, col := range []struct {
				name string
				pct  int64
			}{{"retail", 100}, {"wholesale", 88}, {"dealer", 80}} {
				v.Prices = append(v.Prices, model.PriceEntry{Product: p.ID, Column: col.name,
					Price: model.Money{Minor: retail * col.pct, Currency: "RUB"}}) // whole roubles × pct / 100 in kopecks
			}
		}
	}
	return products, []model.PriceVersion{v1, v2}
}

var moscowZone = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		return time.FixedZone("MSK", 3*3600)
	}
	return loc
}()

// OrderClient is what the order generator needs of a client.
type OrderClient struct {
	ID           model.ID
	Manager      string
	Status       model.ClientStatus
	Column       string
	DeferralDays int
	CreditHold   bool
}

// OrderClientOf is the part of c the orders read; ok is false for a client
// that never ordered (archived, a prospect, in negotiation).
func OrderClientOf(c model.Client) (OrderClient, bool) {
	switch c.Status {
	case model.StatusActive, model.StatusInactive, model.StatusTradingHall, model.StatusLost:
	default:
		return OrderClient{}, false
	}
	if c.Archived {
		return OrderClient{}, false
	}
	return OrderClient{ID: c.ID, Manager: c.Manager, Status: c.Status, Column: cmp.Or(c.PriceColumn, "retail"),
		DeferralDays: c.DeferralDays, CreditHold: c.Flags.CreditHold}, true
}

// orderGen draws a year of orders.
type orderGen struct {
	r        *rand.Rand
	now      time.Time
	products []model.Product
	active   []int // indexes of active products
	versions []model.PriceVersion
	price    []map[model.ID]map[string]int64 // per version
}

// Orders generates a year of orders up to now for clients, with their
// payments, in date order: active clients order every few weeks, inactive
// and lost ones stopped months ago, the trading hall buys now and then.
// Statuses run the lifecycle by age — last days' drafts, orders awaiting
// approval (a discount above the manager's 5 %) and on credit hold,
// confirmed and shipped ones, invoices paid, partly paid or overdue (one
// client in eight pays late, one in thirty-two has stopped paying), closed, some cancelled and returned.
// Payments are matched as the store matches them: an installment below
// what is due is "under", a rare transfer above it "over". Overdue
// invoices are not yet reminded (the demo's start plans those calls).
// Deterministic for seed, now, the catalogue and clients.
func Orders(seed int64, now time.Time, products []model.Product, versions []model.PriceVersion, clients []OrderClient,
	emit func(model.Order, []model.Payment) error) error {
	g := &orderGen{r: rand.New(rand.NewPCG(uint64(seed), 0x0dde7a11)), now: now, products: products, versions: versions}
	for i, p := range products {
		if p.Active {
			g.active = append(g.active, i)
		}
	}
	for _, v := range versions {
		m := map[model.ID]map[string]int64{}
		for _, e := range v.Prices {
			if m[e.Product] == nil {
				m[e.Product] = map[string]int64{}
			}
			m[e.Product][e.Column] = e.Price.Minor
		}
		g.price = append(g.price, m)
	}
	type pending struct {
		o    model.Order
		pays []model.Payment
	}
	var all []*pending
	for _, c := range clients {
		slow := g.r.IntN(8) == 0        // pays late and in parts
		bad := slow && g.r.IntN(4) == 0 // and has stopped paying
		var every, stopped int          // days between orders; days since the last
		switch c.Status {
		case model.StatusActive:
			every = 14 + g.r.IntN(50)
		case model.StatusInactive:
			every, stopped = 30+g.r.IntN(60), 150+g.r.IntN(120)
		case model.StatusLost:
			every, stopped = 40+g.r.IntN(60), 250+g.r.IntN(90)
		case model.StatusTradingHall:
			every = 60 + g.r.IntN(120)
		}
		for age := stopped + g.r.IntN(every); age < 365; age += every/2 + g.r.IntN(every) {
			o, pays := g.order(c, age, slow, bad && age < 150)
			if len(o.Lines) == 0 {
				continue
			}
			all = append(all, &pending{o, pays})
		}
	}
	// in date order, so numbers follow dates as the single writers give them
	slices.SortStableFunc(all, func(a, b *pending) int { return a.o.Date.Compare(b.o.Date) })
	for _, p := range all {
		if err := emit(p.o, p.pays); err != nil {
			return err
		}
	}
	return nil
}

// workTime is a moment of the working day age days before now (a weekday, 9–18 Moscow).
func (g *orderGen) workTime(age int) time.Time {
	t := g.now.In(moscowZone).AddDate(0, 0, -age)
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, -1)
	}
	y, m, d := t.Date()
	at := time.Date(y, m, d, 9, g.r.IntN(540), 0, 0, moscowZone)
	if at.After(g.now) {
		at = g.now.Add(-time.Duration(1+g.r.IntN(120)) * time.Minute)
	}
	return at.UTC()
}

// priceAt is the product's price in column at t (the latest version in force).
func (g *orderGen) priceAt(p model.ID, column string, t time.Time) (int64, bool) {
	best := -1
	for i, v := range g.versions {
		if !v.Effective.After(t) && (best < 0 || v.Effective.After(g.versions[best].Effective)) {
			best = i
		}
	}
	if best < 0 {
		return 0, false
	}
	m, ok := g.price[best][p][column]
	return m, ok
}

func (g *orderGen) order(c OrderClient, age int, slow, unpaid bool) (model.Order, []model.Payment) {
	date := g.workTime(age)
	taker := c.Manager
	entered := taker
	if taker == "" || g.r.IntN(4) == 0 {
		entered = pick2(g.r, []string{"sidorova", "kuznetsova", "vasiliev", "butkute", "brown"})
		if taker == "" {
			taker = entered
		}
	}
	o := model.Order{Client: c.ID, TakenBy: taker, EnteredBy: entered, Date: date,
		Channel:      pick2(g.r, []model.OrderChannel{model.OrderByPhone, model.OrderByPhone, model.OrderByPhone, model.OrderWalkIn, model.OrderInField}),
		DeferralDays: c.DeferralDays, PriceColumn: c.Column, Currency: "RUB", Delivery: g.r.IntN(3) != 0}
	if o.Delivery {
		o.Address = "по адресу клиента"
	}
	o.Requested = date.AddDate(0, 0, 2+g.r.IntN(10))
	o.Promised = o.Requested.AddDate(0, 0, g.r.IntN(4))
	if c.Status == model.StatusTradingHall {
		o.Channel, o.Delivery, o.Address = model.OrderWalkIn, false, ""
	}
	n := 1 + g.r.IntN(6)
	if g.r.IntN(10) == 0 {
		n += 10 + g.r.IntN(20)
	}
	seen := map[int]bool{}
	bigDiscount := -1
	for range n {
		pi := g.active[g.r.IntN(len(g.active))]
		if seen[pi] {
			continue
		}
		seen[pi] = true
		p := g.products[pi]
		price, ok := g.priceAt(p.ID, c.Column, date)
		if !ok {
			continue
		}
		l := model.OrderLine{Product: p.ID, SKU: p.SKU, Name: p.Name, Unit: p.Unit, VAT: p.VAT,
			Price: model.Money{Minor: price, Currency: "RUB"}, Source: model.SourceBranch}
		switch p.Unit {
		case model.UnitMetre:
			l.Qty = model.Qty(500+g.r.IntN(30000)) * 10 // 5.00–305.00 m
		case model.UnitKilogram:
			l.Qty = model.Qty(500 + g.r.IntN(50000)) // 0.500–50.500 kg
		default:
			l.Qty = model.Qty(1+g.r.IntN(120)) * model.QtyScale
		}
		switch x := g.r.IntN(100); {
		case x < 4:
			l.Source = model.SourceMadeToOrder
		case x < 30:
			l.Source = model.SourceCentral
		}
		if c.Manager != "" && g.r.IntN(6) == 0 {
			l.Discount = model.Rate(1+g.r.IntN(5)) * model.RateScale
		}
		o.Lines = append(o.Lines, l)
	}
	if len(o.Lines) == 0 {
		return o, nil
	}
	// now and then a discount above the manager's 5 %, for the head
	if c.Manager != "" && g.r.IntN(25) == 0 {
		bigDiscount = g.r.IntN(len(o.Lines))
		o.Lines[bigDiscount].Discount = model.Rate(7+g.r.IntN(9)) * model.RateScale
	}
	for i := range o.Lines {
		model.ComputeLine(&o.Lines[i], false)
	}
	o.Totals = model.ComputeTotals(o.Lines, "RUB")
	return g.lifecycle(o, c, age, slow, unpaid, bigDiscount)
}

// lifecycle sets the order's status, fulfilment, invoice and payments by its age.
func (g *orderGen) lifecycle(o model.Order, c OrderClient, age int, slow, unpaid bool, bigDiscount int) (model.Order, []model.Payment) {
	by := o.TakenBy
	ev := func(at time.Time, who string, from, to model.OrderStatus, comment string) {
		if at.After(g.now) {
			at = g.now
		}
		o.Events = append(o.Events, model.OrderEvent{At: at, By: who, From: from, To: to, Comment: comment})
		o.Status = to
	}
	o.Status = model.OrderDraft
	switch {
	case age <= 3 && g.r.IntN(5) == 0:
		return o, nil // still being entered
	case age <= 4 && bigDiscount >= 0:
		o.HoldReason = fmt.Sprintf("Line %d: discount %s is above the manager's 5 %%.", bigDiscount+1, model.FormatRate(o.Lines[bigDiscount].Discount))
		ev(o.Date.Add(10*time.Minute), by, model.OrderDraft, model.OrderAwaitingApproval, "")
		return o, nil
	case age <= 6 && c.CreditHold:
		o.HoldReason = "Overdue debt: the client is on credit hold."
		ev(o.Date.Add(10*time.Minute), by, model.OrderDraft, model.OrderCreditHold, "")
		return o, nil
	case age > 20 && g.r.IntN(30) == 0:
		ev(o.Date.Add(2*time.Hour), by, model.OrderDraft, model.OrderCancelled, pick2(g.r,
			[]string{"The client changed its mind.", "Duplicate order.", "No stock of the main fabric."}))
		return o, nil
	}
	if bigDiscount >= 0 {
		ev(o.Date.Add(10*time.Minute), by, model.OrderDraft, model.OrderAwaitingApproval, "")
		ev(o.Date.Add(3*time.Hour), "volkova", model.OrderAwaitingApproval, model.OrderConfirmed, "Approved: a regular client.")
	} else {
		ev(o.Date.Add(10*time.Minute), by, model.OrderDraft, model.OrderConfirmed, "")
	}
	if age <= 2 {
		return o, nil
	}
	shipAt := o.Date.AddDate(0, 0, 2+g.r.IntN(2))
	if age <= 6 && g.r.IntN(3) == 0 {
		for i := range o.Lines {
			if i%2 == 0 {
				o.Lines[i].Shipped = o.Lines[i].Qty
			}
		}
		ev(shipAt, by, model.OrderConfirmed, model.OrderShippedPartly, "")
		return o, nil
	}
	for i := range o.Lines {
		o.Lines[i].Shipped = o.Lines[i].Qty
	}
	ev(shipAt, by, model.OrderConfirmed, model.OrderShipped, "")
	if age <= 5 {
		return o, nil
	}
	invAt := shipAt.AddDate(0, 0, 1)
	if invAt.After(g.now) {
		invAt = g.now.Add(-time.Hour)
	}
	o.InvoiceNo = fmt.Sprintf("СФ-%s", o.Date.Format("0102")) + fmt.Sprintf("-%04d", g.r.IntN(10000))
	o.InvoiceDate = invAt
	o.DueDate = model.DueDate(invAt, o.DeferralDays)
	ev(invAt, by, model.OrderShipped, model.OrderInvoiced, "")
	if age > 40 && g.r.IntN(80) == 0 {
		for i := range o.Lines {
			o.Lines[i].Returned = o.Lines[i].Qty
		}
		ev(invAt.AddDate(0, 0, 5), "volkova", model.OrderInvoiced, model.OrderReturned, "Quality claim: the whole lot returned.")
		return o, nil
	}
	if unpaid {
		return o, nil
	}
	return g.payments(o, slow, by)
}

// payments pays an invoice as its client pays: on time and in full, or
// late and in parts; what is unpaid by now stays due (and overdue once the
// due date passed).
func (g *orderGen) payments(o model.Order, slow bool, by string) (model.Order, []model.Payment) {
	gross := o.Totals.Gross.Minor
	var pays []model.Payment
	paid := int64(0)
	payAt := func(t time.Time, amount int64) bool {
		if t.Before(o.InvoiceDate) {
			t = o.InvoiceDate
		}
		if t.After(g.now) || amount <= 0 {
			return false
		}
		due := gross - paid
		p := model.Payment{Amount: model.Money{Minor: amount, Currency: "RUB"}, Date: t,
			Reference: fmt.Sprintf("п/п %d", 100+g.r.IntN(9900))}
		switch {
		case amount < due:
			p.Mismatch = model.PaymentUnder
		case amount > due:
			p.Mismatch = model.PaymentOver
		}
		pays = append(pays, p)
		paid += amount
		return true
	}
	lateness := g.r.IntN(5) - 3 // a few days early or late
	if slow {
		lateness = 10 + g.r.IntN(80)
		if g.r.IntN(2) == 0 {
			payAt(o.DueDate.AddDate(0, 0, g.r.IntN(10)), gross*int64(30+g.r.IntN(40))/100)
		}
	}
	final := gross - paid
	if g.r.IntN(100) == 0 {
		final += 100 * int64(1+g.r.IntN(50)) // an over-payment: a rounded transfer
	}
	payAt(o.DueDate.AddDate(0, 0, lateness), final)
	o.Paid = model.Money{Minor: paid, Currency: "RUB"}
	last := o.InvoiceDate
	if len(pays) > 0 {
		last = pays[len(pays)-1].Date
	}
	switch {
	case paid >= gross:
		o.Events = append(o.Events, model.OrderEvent{At: last, By: by, From: o.Status, To: model.OrderPaid})
		o.Status = model.OrderPaid
		if g.now.Sub(last) > 60*24*time.Hour {
			o.Events = append(o.Events, model.OrderEvent{At: last.AddDate(0, 0, 30), By: by, From: model.OrderPaid, To: model.OrderClosed})
			o.Status = model.OrderClosed
		}
	case paid > 0:
		o.Events = append(o.Events, model.OrderEvent{At: last, By: by, From: o.Status, To: model.OrderPaidPartly})
		o.Status = model.OrderPaidPartly
	}
	return o, pays
}

func pick2[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }
