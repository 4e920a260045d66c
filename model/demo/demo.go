// Package demo generates a realistic department with a fixed seed: users and
// clients with Russian, Lithuanian and English names, valid tax ids, phones in
// mixed formats.
package demo

import (
	"math/rand/v2"
	"strconv"
	"time"

	"clientbase/model"
)

// Clients generates n clients from seed and hands each to emit, in id order
// 1..n (IDs set). Managers are names from Users(). Deterministic for a seed.
// Every client passes model.PrepareClient unchanged: phones carry both the
// text as typed and the E.164 form.
func Clients(seed int64, n int, emit func(model.Client) error) error {
	g := newGen(seed, n)
	for id := 1; id <= n; id++ {
		if err := emit(g.client(id)); err != nil {
			return err
		}
	}
	return nil
}

// span is a piece of the per-client text buffer that becomes a string field.
// All of a client's generated text is one string (one allocation); fields
// are substrings of it.
type span struct {
	dst  *string
	a, b int
}

type gen struct {
	r     *rand.PCG // used directly: no interface call per number
	spare uint64    // the unused half of the last draw
	half  int
	cur   model.Client
	n     int
	off   uint64 // offset of the tax-id permutation
	buf   []byte
	spans []span

	phoneChunk   []model.Phone
	contactChunk []model.Contact
	strChunk     []string
	logChunk     []model.CategoryChange

	ruCity, ltCity, forCity []int // weighted picks
	ruManagers, ltManagers  []string
	enManagers, heads, ops  []string
}

const (
	langRU = iota
	langLT
	langEN
)

var (
	demoStart   = time.Date(2016, 1, 11, 0, 0, 0, 0, time.UTC)
	demoSpanSec = int64(3900 * 24 * 3600) // about ten and a half years of clients
)

func newGen(seed int64, n int) *gen {
	g := &gen{
		r:   rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15),
		n:   n,
		buf: make([]byte, 0, 2048),
	}
	g.off = g.r.Uint64() % 10_000_000
	weights := func(cs []city) []int {
		var out []int
		for i, c := range cs {
			for k := 0; k < c.weight; k++ {
				out = append(out, i)
			}
		}
		return out
	}
	g.ruCity = weights(ruCities)
	g.ltCity = weights(ltCities)
	fc := make([]city, len(foreignCities))
	for i := range foreignCities {
		fc[i] = foreignCities[i].city
	}
	g.forCity = weights(fc)
	isRU := func(l string) bool { return l == "petrova" || l == "smirnov" || l == "baranov" }
	g.ruManagers = loginsOf(model.RoleManager, isRU)
	g.ltManagers = loginsOf(model.RoleManager, func(l string) bool { return l == "jankauskiene" || l == "zukauskas" })
	g.enManagers = loginsOf(model.RoleManager, func(l string) bool { return l == "miller" })
	g.heads = loginsOf(model.RoleHead, nil)
	g.ops = loginsOf(model.RoleOperator, nil)
	return g
}

// intn returns a number in [0, n) from the high bits (Lemire's multiply,
// without the rejection step: the bias is below 2^-32 for these small n).
// Each 64-bit draw serves two numbers.
func (g *gen) intn(n int) int {
	if g.half == 0 {
		x := g.r.Uint64()
		g.spare, g.half = x&0xffffffff, 1
		return int(((x >> 32) * uint64(n)) >> 32)
	}
	g.half = 0
	return int((g.spare * uint64(n)) >> 32)
}

func (g *gen) pct(p int) bool { return g.intn(100) < p }

func pick[T any](g *gen, list []T) T { return list[g.intn(len(list))] }

// Slices of several clients share chunks: one allocation per chunk instead of
// several per client. Each client's slice is capped, so appending to it copies.
const chunk = 1024

func (g *gen) phones(n int) []model.Phone {
	if len(g.phoneChunk) < n {
		g.phoneChunk = make([]model.Phone, chunk)
	}
	s := g.phoneChunk[:n:n]
	g.phoneChunk = g.phoneChunk[n:]
	return s
}

func (g *gen) contacts(n int) []model.Contact {
	if len(g.contactChunk) < n {
		g.contactChunk = make([]model.Contact, chunk)
	}
	s := g.contactChunk[:n:n]
	g.contactChunk = g.contactChunk[n:]
	return s
}

func (g *gen) strs(n int) []string {
	if len(g.strChunk) < n {
		g.strChunk = make([]string, chunk)
	}
	s := g.strChunk[:n:n]
	g.strChunk = g.strChunk[n:]
	return s
}

func (g *gen) catLog(n int) []model.CategoryChange {
	if len(g.logChunk) < n {
		g.logChunk = make([]model.CategoryChange, chunk)
	}
	s := g.logChunk[:n:n]
	g.logChunk = g.logChunk[n:]
	return s
}

func (g *gen) s(str string) { g.buf = append(g.buf, str...) }

func (g *gen) done(dst *string, a int) { g.spans = append(g.spans, span{dst, a, len(g.buf)}) }

// copyText appends the text of an earlier span again.
func (g *gen) copyText(a, b int) { g.buf = append(g.buf, g.buf[a:b]...) }

// digits fills d with random decimal digits.
func (g *gen) digits(d []byte) {
	var x uint64
	for i := range d {
		if i%19 == 0 {
			x = g.r.Uint64()
		}
		d[i] = byte('0' + x%10)
		x /= 10
	}
}

// person is a generated name, with the slugs e-mail addresses need.
type person struct {
	first, last, middle word
	female              bool
}

func (g *gen) person(lang int) person {
	var p person
	p.female = g.pct(40)
	switch lang {
	case langRU:
		i := g.intn(len(ruMaleSurnames))
		pat := pick(g, ruPatronymics)
		if p.female {
			p.first, p.last, p.middle = pick(g, ruFemaleNames), ruFemaleSurnames[i], word{text: pat[1]}
		} else {
			p.first, p.last, p.middle = pick(g, ruMaleNames), ruMaleSurnames[i], word{text: pat[0]}
		}
	case langLT:
		sn := pick(g, ltSurnames)
		if p.female {
			p.first, p.last = pick(g, ltFemaleNames), sn[1]
		} else {
			p.first, p.last = pick(g, ltMaleNames), sn[0]
		}
	default:
		if p.female {
			p.first = pick(g, enFirstFemale)
		} else {
			p.first = pick(g, enFirstMale)
		}
		p.last = pick(g, enSurnames)
	}
	return p
}

// writePerson writes "Фамилия Имя Отчество" (Russian) or "First Last".
func (g *gen) writePerson(p person, lang int) {
	if lang == langRU {
		g.s(p.last.text)
		g.s(" ")
		g.s(p.first.text)
		g.s(" ")
		g.s(p.middle.text)
		return
	}
	g.s(p.first.text)
	g.s(" ")
	g.s(p.last.text)
}

// client is the per-client plan the country writers fill in.
type client struct {
	c        *model.Client
	lang     int
	phoneNat string // "RU", "LT" or "": which national formats PrepareClient reads back
	ru, lt   *city
	fc       *foreign
	domA     int // the company's e-mail domain in buf (domA == domB: none)
	domB     int
	mailA    int // a private person's own mailbox in buf (mailA == mailB: none)
	mailB    int
}

func (g *gen) client(id int) model.Client {
	g.buf = g.buf[:0]
	g.spans = g.spans[:0]
	g.cur = model.Client{ID: model.ID(id)}
	c := &g.cur
	k := client{c: c}
	c.Status = g.status()
	switch u := g.intn(100); {
	case u < 45:
		g.russian(&k, id)
	case u < 80:
		g.lithuanian(&k, id)
	default:
		g.foreign(&k)
	}
	g.contactDetails(&k)
	g.terms(&k, id)
	s := string(g.buf)
	for _, sp := range g.spans {
		*sp.dst = s[sp.a:sp.b]
	}
	return g.cur
}

func (g *gen) status() model.ClientStatus {
	switch u := g.intn(100); {
	case u < 58:
		return model.StatusActive
	case u < 70:
		return model.StatusInactive
	case u < 82:
		return model.StatusProspect
	case u < 90:
		return model.StatusNegotiating
	case u < 95:
		return model.StatusTradingHall
	}
	return model.StatusLost
}

// permuted gives each client id a distinct number below 10^7 (10^8 for
// 12-digit INNs), so tax ids do not repeat within 10 million clients.
func (g *gen) permuted(id int, mod uint64) uint64 {
	return (uint64(id)*7_919_993 + g.off) % mod
}

func (g *gen) russian(k *client, id int) {
	c := k.c
	k.lang, k.phoneNat = langRU, "RU"
	k.ru = &ruCities[pick(g, g.ruCity)]
	c.TaxCountry, c.Language = model.TaxRU, "ru"
	c.City, c.TimeZone, c.Region, c.Branch = k.ru.name, k.ru.tz, k.ru.region, k.ru.branch
	withTax := c.Status != model.StatusProspect || g.pct(60)
	year := 2000 + g.intn(25)

	switch u := g.intn(100); {
	case u < 60 || u >= 93: // companies and chains
		c.Kind = model.KindLegal
		var name, slug1, slug2 string
		form := pick(g, ruForms)
		if u >= 93 {
			c.Kind = model.KindChain
			w := pick(g, ruChains)
			name, slug1 = w.text, w.slug
			form = ruForms[0]
		} else if g.pct(60) {
			adj, noun := pick(g, ruAdjectives), pick(g, ruNouns)
			name, slug1, slug2 = adj.text+" "+noun.text, adj.slug, noun.slug
		} else {
			w := pick(g, ruBrands)
			name, slug1 = w.text, w.slug
		}
		a := len(g.buf)
		g.s(form.short)
		g.s(" «")
		g.s(name)
		g.s("»")
		g.done(&c.ShortName, a)
		a = len(g.buf)
		g.s(form.full)
		g.s(" «")
		g.s(name)
		g.s("»")
		g.done(&c.FullName, a)
		k.domA = len(g.buf)
		g.s(slug1)
		g.s(slug2)
		g.s(pick(g, ruTLDs))
		k.domB = len(g.buf)
		if withTax {
			a = len(g.buf)
			g.buf = appendINN10(g.buf, k.ru.taxRegion, g.permuted(id, 10_000_000))
			g.done(&c.TaxID, a)
			a = len(g.buf)
			g.s(k.ru.taxRegion)
			g.buf = appendPadded(g.buf, uint64(1+g.intn(40)), 2)
			g.s("01001")
			g.done(&c.KPP, a)
			if g.pct(60) {
				a = len(g.buf)
				g.buf = appendOGRN(g.buf, false, year, k.ru.taxRegion, g.uint64n(10_000_000))
				g.done(&c.OGRN, a)
			}
		}
	default: // sole traders and private persons
		p := g.person(langRU)
		a := len(g.buf)
		if u < 85 {
			c.Kind = model.KindSoleTrader
			g.s("ИП ")
			g.writePerson(p, langRU)
			g.done(&c.ShortName, a)
			a = len(g.buf)
			g.s("Индивидуальный предприниматель ")
			g.writePerson(p, langRU)
			g.done(&c.FullName, a)
		} else {
			c.Kind = model.KindPrivate
			g.writePerson(p, langRU)
			g.done(&c.ShortName, a)
			withTax = withTax && g.pct(50)
		}
		g.personalMailbox(k, p, langRU)
		if withTax {
			a = len(g.buf)
			g.buf = appendINN12(g.buf, k.ru.taxRegion, g.permuted(id, 100_000_000))
			g.done(&c.TaxID, a)
			if c.Kind == model.KindSoleTrader && g.pct(50) {
				a = len(g.buf)
				g.buf = appendOGRN(g.buf, true, year, k.ru.taxRegion, g.uint64n(1_000_000_000))
				g.done(&c.OGRN, a)
			}
		}
	}
	g.ruAddress(k)
}

func (g *gen) ruAddress(k *client) {
	var d [8]byte
	a := len(g.buf)
	g.s(k.ru.post)
	g.digits(d[:6-len(k.ru.post)])
	g.buf = append(g.buf, d[:6-len(k.ru.post)]...)
	g.s(", г. ")
	g.s(k.ru.name)
	g.s(", ")
	g.s(pick(g, ruStreets))
	g.s(", д. ")
	g.buf = appendPadded(g.buf, uint64(1+g.intn(9)), 1)
	g.buf = appendPadded(g.buf, uint64(g.intn(10)), 1)
	if g.pct(50) {
		g.s(", оф. ")
		g.buf = appendPadded(g.buf, uint64(100+g.intn(400)), 3)
	}
	g.done(&k.c.LegalAddress, a)
	if g.pct(70) { // the same text: share it
		g.spans = append(g.spans, span{&k.c.ActualAddress, a, len(g.buf)})
	}
}

func (g *gen) lithuanian(k *client, id int) {
	c := k.c
	k.lang, k.phoneNat = langLT, "LT"
	k.lt = &ltCities[pick(g, g.ltCity)]
	c.TaxCountry, c.Language = model.TaxLT, "lt"
	if g.pct(10) {
		c.Language = "ru"
	}
	c.City, c.TimeZone, c.Region, c.Branch = k.lt.name, k.lt.tz, k.lt.region, k.lt.branch
	withTax := c.Status != model.StatusProspect || g.pct(60)

	switch u := g.intn(100); {
	case u < 80 || u >= 95:
		c.Kind = model.KindLegal
		form := pick(g, ltForms)
		var name, slug1, slug2 string
		if u >= 95 {
			c.Kind = model.KindChain
			w := pick(g, ltChains)
			name, slug1 = w.text, w.slug
			form = ltForms[0]
		} else if g.pct(65) {
			pl, no := pick(g, ltPlaces), pick(g, ltNouns)
			name, slug1, slug2 = pl.text+" "+no.text, pl.slug, no.slug
		} else {
			w := pick(g, ltBrands)
			name, slug1 = w.text, w.slug
		}
		a := len(g.buf)
		g.s(form.short)
		if g.pct(85) {
			g.s(" „")
			g.s(name)
			g.s("“")
		} else {
			g.s(" ")
			g.s(name)
		}
		g.done(&c.ShortName, a)
		a = len(g.buf)
		g.s(form.full)
		g.s(" „")
		g.s(name)
		g.s("“")
		g.done(&c.FullName, a)
		k.domA = len(g.buf)
		g.s(slug1)
		g.s(slug2)
		g.s(".lt")
		k.domB = len(g.buf)
		if withTax {
			a = len(g.buf)
			first := byte('3')
			if g.pct(30) {
				first = '1'
			}
			g.buf = appendLTCode(g.buf, first, g.permuted(id, 10_000_000))
			g.done(&c.TaxID, a)
		}
	default:
		p := g.person(langLT)
		a := len(g.buf)
		g.writePerson(p, langLT)
		if u < 88 {
			c.Kind = model.KindSoleTrader
			g.s(", individuali veikla")
		} else {
			c.Kind = model.KindPrivate
		}
		g.done(&c.ShortName, a)
		g.personalMailbox(k, p, langLT)
	}
	// "Gedimino pr. 12-5, LT-01103 Vilnius"
	var d [4]byte
	a := len(g.buf)
	g.s(pick(g, ltStreets))
	g.s(" ")
	g.buf = appendPadded(g.buf, uint64(1+g.intn(9)), 1)
	g.buf = appendPadded(g.buf, uint64(g.intn(10)), 1)
	if g.pct(40) {
		g.s("-")
		g.buf = appendPadded(g.buf, uint64(1+g.intn(9)), 1)
	}
	g.s(", LT-")
	g.s(k.lt.post)
	g.digits(d[:])
	g.buf = append(g.buf, d[:]...)
	g.s(" ")
	g.s(k.lt.name)
	g.done(&c.LegalAddress, a)
	if g.pct(60) {
		g.spans = append(g.spans, span{&c.ActualAddress, a, len(g.buf)})
	}
}

func (g *gen) foreign(k *client) {
	c := k.c
	k.lang = langEN
	k.fc = &foreignCities[pick(g, g.forCity)]
	c.TaxCountry, c.Language = model.TaxOther, "en"
	if k.fc.cc == "371" && g.pct(30) {
		c.Language = "ru"
	}
	c.City, c.TimeZone, c.Region, c.Branch = k.fc.name, k.fc.tz, k.fc.region, k.fc.branch
	if u := g.intn(100); u < 88 {
		c.Kind = model.KindLegal
		if u >= 83 {
			c.Kind = model.KindChain
		}
		pre, noun := pick(g, enPrefixes), pick(g, enNouns)
		a := len(g.buf)
		g.s(pre.text)
		g.s(" ")
		if c.Kind == model.KindChain {
			g.s("Stores")
		} else {
			g.s(noun.text)
		}
		g.s(" ")
		g.s(k.fc.form)
		g.done(&c.ShortName, a)
		k.domA = len(g.buf)
		g.s(pre.slug)
		g.s(noun.slug)
		g.s(k.fc.tld)
		k.domB = len(g.buf)
		if c.Status != model.StatusProspect || g.pct(60) {
			var d [12]byte
			a = len(g.buf)
			g.s(k.fc.taxPrefix)
			g.digits(d[:k.fc.taxDigits])
			g.buf = append(g.buf, d[:k.fc.taxDigits]...)
			g.done(&c.TaxID, a)
		}
	} else {
		c.Kind = model.KindPrivate
		p := g.person(langEN)
		a := len(g.buf)
		g.writePerson(p, langEN)
		g.done(&c.ShortName, a)
		g.personalMailbox(k, p, langEN)
	}
	// "12 High Street, London EC1A 1BB" in Britain, "Friedrichstraße 12, 10117 Berlin" elsewhere
	a := len(g.buf)
	house := uint64(1 + g.intn(99))
	if k.fc.cc == "44" {
		g.buf = strconv.AppendUint(g.buf, house, 10)
		g.s(" ")
		g.s(k.fc.street)
		g.s(", ")
		g.s(k.fc.name)
		g.s(" ")
		g.s(k.fc.postcode)
	} else {
		g.s(k.fc.street)
		g.s(" ")
		g.buf = strconv.AppendUint(g.buf, house, 10)
		g.s(", ")
		g.s(k.fc.postcode)
		g.s(" ")
		g.s(k.fc.name)
	}
	g.done(&c.LegalAddress, a)
}

// personalMailbox writes a private address like "kuznetsov.ivan@mail.ru".
func (g *gen) personalMailbox(k *client, p person, lang int) {
	a := len(g.buf)
	if lang == langRU {
		g.s(p.last.slug)
		g.s(".")
		g.s(p.first.slug)
	} else {
		g.s(p.first.slug)
		g.s(".")
		g.s(p.last.slug)
	}
	if g.pct(30) {
		g.buf = appendPadded(g.buf, uint64(g.intn(100)), 2)
	}
	g.s("@")
	switch lang {
	case langRU:
		g.s(pick(g, ruMailHosts))
	case langLT:
		g.s(pick(g, ltMailHosts))
	default:
		g.s(pick(g, enMailHosts))
	}
	k.mailA, k.mailB = a, len(g.buf)
}

func (g *gen) uint64n(n uint64) uint64 { return g.r.Uint64() % n }
