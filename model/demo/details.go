package demo

import (
	"time"

	"clientbase/model"
)

// contactDetails writes the client's phones, e-mails and contact persons.
// Phones for the client and its contacts share one backing array.
func (g *gen) contactDetails(k *client) {
	c := k.c
	nPhones := 1
	if g.pct(40) {
		nPhones = 2
	}
	nContacts := 0
	switch c.Kind {
	case model.KindLegal, model.KindChain:
		nContacts = 1 + g.intn(3)
	case model.KindSoleTrader:
		nContacts = g.intn(2)
	}
	phones := g.phones(nPhones + nContacts)
	c.Phones = phones[:nPhones:nPhones]
	for i := range c.Phones {
		mobile := c.Kind == model.KindPrivate || c.Kind == model.KindSoleTrader || i == 1
		g.phone(k, &c.Phones[i], mobile)
		switch {
		case i == 0 && !mobile, k.fc != nil:
			c.Phones[i].Label = "office"
		case mobile:
			c.Phones[i].Label = "mobile"
		}
	}
	if c.Kind == model.KindLegal && k.lang == langRU && g.pct(8) {
		var fax model.Phone
		g.phone(k, &fax, false)
		raw := g.spans[len(g.spans)-1] // keep the text as typed, drop the E.164 span
		raw.dst = &c.Fax
		g.spans = append(g.spans[:len(g.spans)-2], raw)
	}

	switch {
	case k.domA != k.domB:
		n := 1
		if g.pct(35) {
			n = 2
		}
		c.Emails = g.strs(n)
		for i := range c.Emails {
			a := len(g.buf)
			g.s(g.mailLocal(k.lang, i))
			g.s("@")
			g.copyText(k.domA, k.domB)
			g.done(&c.Emails[i], a)
		}
	case k.mailA != k.mailB && g.pct(85):
		c.Emails = g.strs(1)
		g.spans = append(g.spans, span{&c.Emails[0], k.mailA, k.mailB})
	}

	if nContacts == 0 {
		return
	}
	c.Contacts = g.contacts(nContacts)
	for i := range c.Contacts {
		ct := &c.Contacts[i]
		ct.ID = model.ID(i + 1)
		role := roleDecisionMaker
		if c.Kind == model.KindSoleTrader {
			role = roleAccountant
		} else if i > 0 {
			role = pick(g, contactRolesAfterFirst)
		}
		ct.Role = contactRoles[role]
		p := g.person(k.lang)
		a := len(g.buf)
		g.writePerson(p, k.lang)
		g.done(&ct.Name, a)
		switch k.lang {
		case langRU:
			ct.Position = pick(g, ruPositions[role])
		case langLT:
			pos := ltPositions[role]
			ct.Position = pos[0]
			if p.female {
				ct.Position = pos[1]
			}
		default:
			ct.Position = pick(g, enPositions[role])
		}
		if g.pct(80) {
			ct.Phones = phones[nPhones+i : nPhones+i+1 : nPhones+i+1]
			g.phone(k, &ct.Phones[0], true)
		}
		if k.domA != k.domB && g.pct(75) {
			a := len(g.buf)
			g.buf = append(g.buf, p.first.slug[0])
			g.s(".")
			g.s(p.last.slug)
			g.s("@")
			g.copyText(k.domA, k.domB)
			g.done(&ct.Email, a)
		}
		ct.Consent = g.pct(70)
		ct.DoNotContact = g.pct(2)
		ct.Left = i > 0 && g.pct(12)
		if g.pct(40) {
			ct.PreferredChan = "phone"
			if g.pct(35) {
				ct.PreferredChan = "email"
			}
		}
		if g.pct(20) {
			ct.PreferredHours = pick(g, preferredHours)
		}
	}
}

func (g *gen) mailLocal(lang, i int) string {
	if i > 0 {
		switch lang {
		case langRU:
			return "buh"
		case langLT:
			return "buhalterija"
		}
		return "accounts"
	}
	switch lang {
	case langRU:
		return pick(g, ruMailLocals)
	case langLT:
		return pick(g, ltMailLocals)
	}
	return pick(g, enMailLocals)
}

// phone writes a phone's E.164 and its text as a person would type it, in one
// of several formats; national formats only where PrepareClient reads them
// back with the client's default country.
func (g *gen) phone(k *client, p *model.Phone, mobile bool) {
	var nsn [12]byte
	var cc string
	var area, n int
	switch {
	case k.ru != nil:
		cc, n = "7", 10
		code := k.ru.area
		if mobile {
			code = pick(g, ruMobileCodes)
		}
		area = copy(nsn[:], code)
	case k.lt != nil:
		cc, n = "370", 8
		if mobile {
			nsn[0] = '6'
			area = 3
			g.digits(nsn[1:3])
		} else {
			area = copy(nsn[:], k.lt.area)
		}
	default:
		cc = k.fc.cc
		area = copy(nsn[:], k.fc.area)
		n = area + k.fc.localDigits
	}
	if area < n {
		g.digits(nsn[area:n])
		if nsn[area] == '0' { // local numbers do not start with 0
			nsn[area] = '2'
		}
	}
	d := nsn[:n]
	code, rest := d[:area], d[area:]

	a := len(g.buf)
	g.s("+")
	g.s(cc)
	g.buf = append(g.buf, d...)
	g.done(&p.E164, a)

	a = len(g.buf)
	f := g.intn(6)
	switch {
	case k.ru != nil:
		if k.phoneNat != "RU" && f != 3 {
			f = 0
		}
		switch f {
		case 0:
			g.s("+7 ")
			g.buf = append(g.buf, code...)
			g.s(" ")
			g.ruGroups(rest)
		case 1:
			g.s("8 (")
			g.buf = append(g.buf, code...)
			g.s(") ")
			g.ruGroups(rest)
		case 2:
			g.s("8")
			g.buf = append(g.buf, d...)
		case 3:
			g.s("+7")
			g.buf = append(g.buf, d...)
		case 4:
			g.s("8-")
			g.buf = append(g.buf, code...)
			g.s("-")
			g.ruGroups(rest)
		default:
			g.s("(")
			g.buf = append(g.buf, code...)
			g.s(") ")
			g.ruGroups(rest)
		}
	case k.lt != nil:
		switch f {
		case 0:
			g.s("+370 ")
			g.buf = append(g.buf, code...)
			g.s(" ")
			g.ltGroups(rest)
		case 1:
			if mobile {
				g.s("8 ")
				g.buf = append(g.buf, code...)
				g.s(" ")
				g.buf = append(g.buf, rest...)
			} else {
				g.s("(8 ")
				g.buf = append(g.buf, code...)
				g.s(") ")
				g.ltGroups(rest)
			}
		case 2:
			g.s("8-")
			g.buf = append(g.buf, code...)
			g.s("-")
			g.buf = append(g.buf, rest...)
		case 3:
			g.s("00370 ")
			g.buf = append(g.buf, code...)
			g.s(" ")
			g.ltGroups(rest)
		case 4:
			g.s("8")
			g.buf = append(g.buf, d...)
		default:
			g.s("+370")
			g.buf = append(g.buf, d...)
		}
	default:
		switch f % 3 {
		case 0:
			g.s("+")
			g.s(cc)
			g.s(" ")
			g.buf = append(g.buf, code...)
			g.s(" ")
			g.ltGroups(rest)
		case 1:
			g.s("00")
			g.s(cc)
			g.s(" ")
			g.buf = append(g.buf, code...)
			g.s(" ")
			g.ltGroups(rest)
		default:
			g.s("+")
			g.s(cc)
			g.buf = append(g.buf, d...)
		}
	}
	g.done(&p.Raw, a)
}

// ruGroups writes "345-67-89" (7 digits) or "12-34-56" (6 digits).
func (g *gen) ruGroups(d []byte) {
	if len(d) == 7 {
		g.buf = append(g.buf, d[0], d[1], d[2], '-', d[3], d[4], '-', d[5], d[6])
		return
	}
	g.buf = append(g.buf, d[0], d[1], '-', d[2], d[3], '-', d[4], d[5])
}

// ltGroups writes "212 3456", "21 34 56", "34567" or "1234 5678" as numbers are printed there.
func (g *gen) ltGroups(d []byte) {
	switch len(d) {
	case 7:
		g.buf = append(g.buf, d[0], d[1], d[2], ' ', d[3], d[4], d[5], d[6])
	case 6:
		g.buf = append(g.buf, d[0], d[1], ' ', d[2], d[3], ' ', d[4], d[5])
	case 8:
		g.buf = append(g.buf, d[0], d[1], d[2], d[3], ' ', d[4], d[5], d[6], d[7])
	default:
		g.buf = append(g.buf, d...)
	}
}

// terms fills who manages the client, its category and history, flags,
// commercial terms and the record's dates.
func (g *gen) terms(k *client, id int) {
	c := k.c
	switch k.lang {
	case langRU:
		c.Manager = pick(g, g.ruManagers)
	case langLT:
		c.Manager = pick(g, g.ltManagers)
	default:
		c.Manager = pick(g, g.enManagers)
	}
	if c.Status == model.StatusTradingHall || g.pct(8) ||
		(c.Status == model.StatusProspect && g.pct(30)) {
		c.Manager = ""
	}
	c.Source = pick(g, model.Sources)

	created := demoStart.Add(time.Duration(int64(id-1)*(demoSpanSec/int64(max(g.n, 1)))+int64(g.uint64n(uint64(max(demoSpanSec/int64(max(g.n, 1)), 1))))) * time.Second)
	updated := created.Add(time.Duration(int64(g.uint64n(400*24*3600))) * time.Second)
	c.Version = 1
	c.CreatedAt, c.UpdatedAt = created, updated
	c.CreatedBy = c.Manager
	if c.CreatedBy == "" || (c.Status == model.StatusProspect && g.pct(50)) {
		c.CreatedBy = pick(g, g.ops)
	}
	c.UpdatedBy = c.CreatedBy

	var cat model.Category
	switch c.Status {
	case model.StatusActive, model.StatusInactive:
		switch u := g.intn(100); {
		case u < 15:
			cat = model.CategoryA
		case u < 50:
			cat = model.CategoryB
		case u < 95:
			cat = model.CategoryC
		}
	case model.StatusNegotiating, model.StatusLost, model.StatusTradingHall:
		if g.pct(40) {
			cat = model.CategoryC
		}
	}
	if cat != model.CategoryNone {
		head := pick(g, g.heads)
		reasons := ruReasons
		if head == "kazlauskas" {
			reasons = ltReasons
		}
		at := created.Add(time.Duration(1+g.intn(30)) * 24 * time.Hour)
		if g.pct(20) && cat != model.CategoryC {
			prev := model.Category("C")
			if cat == model.CategoryC {
				prev = model.CategoryB
			}
			c.CategoryLog = g.catLog(2)
			c.CategoryLog[0] = model.CategoryChange{At: at, By: head, To: prev, Reason: reasons[0]}
			c.CategoryLog[1] = model.CategoryChange{At: updated, By: head, From: prev, To: cat, Reason: pick(g, reasons[1:])}
		} else {
			c.CategoryLog = g.catLog(1)
			c.CategoryLog[0] = model.CategoryChange{At: at, By: head, To: cat, Reason: pick(g, reasons)}
		}
		c.Category = cat
	}

	c.Flags.KeyClient = cat == model.CategoryA && g.pct(40) || g.pct(2)
	c.Flags.CreditHold = c.Status == model.StatusActive && g.pct(4)
	c.Flags.Dissatisfied = g.pct(4)
	c.Flags.LegalDispute = g.pct(1)
	c.Flags.DoNotContact = g.pct(1)

	switch {
	case c.TaxCountry == model.TaxRU:
		c.CreditLimit.Currency = "RUB"
	case k.fc != nil:
		c.CreditLimit.Currency = k.fc.currency
	default:
		c.CreditLimit.Currency = "EUR"
	}
	if c.Status == model.StatusActive || c.Status == model.StatusInactive {
		if c.CreditLimit.Currency == "RUB" {
			c.CreditLimit.Minor = int64(5+g.intn(500)) * 10_000 * 100
		} else {
			c.CreditLimit.Minor = int64(2+g.intn(200)) * 500 * 100
		}
		c.DeferralDays = pick(g, deferrals)
		c.PriceColumn = pick(g, priceCols)
	} else if g.pct(50) {
		c.PriceColumn = "retail"
	}
	if !g.pct(55) {
		w := pick(g, callWindows)
		c.CallWindow = model.CallWindow{From: w.from, To: w.to}
	}
	if g.pct(3) {
		c.TimeZone = "" // the department's default zone
	}
	if g.pct(12) {
		c.Competitors = pick(g, competitors)
	}
	if g.pct(20) {
		switch k.lang {
		case langRU:
			c.Notes = pick(g, ruNotes)
		case langLT:
			c.Notes = pick(g, ltNotes)
		default:
			c.Notes = pick(g, enNotes)
		}
	}
	c.Archived = c.Status == model.StatusLost && g.pct(30)
}
