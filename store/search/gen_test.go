package search

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"

	"clientbase/model"
	"clientbase/model/demo"
)

// A deterministic generator of a realistic department's clients for the
// benchmarks: Russian, Lithuanian and English companies and sole traders,
// full legal names, tax ids, mixed phones, e-mails, cities and contacts.

var (
	ruAdj         = []string{"Северный", "Южный", "Восточный", "Западный", "Новый", "Старый", "Большой", "Белый", "Красный", "Зелёный", "Уральский", "Сибирский", "Волжский", "Невский", "Первый", "Городской", "Русский", "Тёплый", "Светлый", "Золотой"}
	ruNoun        = []string{"Текстиль", "Трикотаж", "Ткани", "Стиль", "Мануфактура", "Пряжа", "Лён", "Шёлк", "Дом", "Торг", "Снаб", "Комплект", "Партнёр", "Альянс", "Мир", "Двор", "Ряд", "Купец", "Базар", "Склад", "Ателье", "Швейник", "Фабрика", "Нить"}
	ruSur         = []string{"Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Волков", "Алексеев", "Фёдоров", "Семёнов", "Егоров", "Павлов", "Степанов", "Николаев", "Орлов"}
	ruFirst       = []string{"Иван", "Пётр", "Сергей", "Алексей", "Дмитрий", "Андрей", "Михаил", "Николай", "Ольга", "Елена", "Анна", "Мария", "Наталья", "Татьяна", "Светлана", "Юлия"}
	ruCity        = []string{"Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань", "Нижний Новгород", "Самара", "Омск", "Ростов-на-Дону", "Уфа", "Красноярск", "Пермь", "Воронеж", "Волгоград", "Иваново", "Владивосток", "Орёл"}
	ltAdj         = []string{"Baltijos", "Šiaurės", "Vakarų", "Rytų", "Naujoji", "Žalioji", "Gintarinė", "Lietuvos", "Senoji", "Didžioji"}
	ltNoun        = []string{"Tekstilė", "Audiniai", "Siūlai", "Prekyba", "Mada", "Linas", "Drabužiai", "Pynė", "Gija", "Austė", "Verpalai", "Ūkis"}
	ltSur         = []string{"Kazlauskas", "Jankauskas", "Petrauskas", "Stankevičius", "Vasiliauskas", "Žukauskas", "Butkus", "Paulauskas", "Urbonas", "Kavaliauskas", "Šimkus", "Navickas"}
	ltFirst       = []string{"Jonas", "Petras", "Antanas", "Tomas", "Mindaugas", "Darius", "Rūta", "Jūratė", "Aušra", "Eglė", "Giedrė", "Inga"}
	ltCity        = []string{"Vilnius", "Kaunas", "Klaipėda", "Šiauliai", "Panevėžys", "Alytus", "Marijampolė", "Mažeikiai", "Utena", "Kėdainiai"}
	enAdj         = []string{"Northern", "Southern", "Royal", "Golden", "Silver", "Baltic", "Atlantic", "Premier", "United", "Classic", "Modern", "Green"}
	enNoun        = []string{"Textiles", "Fabrics", "Yarns", "Linen", "Cotton", "Wool", "Trading", "Supplies", "Mills", "Weavers", "Apparel", "Looms"}
	enSur         = []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans"}
	enFirst       = []string{"John", "David", "Michael", "James", "Robert", "Sarah", "Emma", "Laura", "Claire", "Helen"}
	enCity        = []string{"London", "Manchester", "Leeds", "Bristol", "Glasgow", "Riga", "Tallinn", "Warsaw", "Gdańsk", "Łódź"}
	translitWords = []string{"tekstil", "tkani", "stil", "sever", "yug", "vostok", "zapad", "dom", "torg", "snab", "baltic", "audiniai", "linas", "mada", "north", "royal", "fabric", "yarn", "prekyba", "manufaktura"}
)

func oneOf[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	if b[0] == '0' {
		b[0] = '1'
	}
	return string(b)
}

func genPhone(r *rand.Rand, country string) model.Phone {
	switch country {
	case "LT":
		d := "6" + digits(r, 7)
		return model.Phone{E164: "+370" + d, Raw: "8 " + d[:3] + " " + d[3:]}
	case "EN":
		d := "7" + digits(r, 9)
		return model.Phone{E164: "+44" + d, Raw: "+44 " + d}
	}
	d := "9" + digits(r, 9)
	return model.Phone{E164: "+7" + d, Raw: "8 (" + d[:3] + ") " + d[3:6] + "-" + d[6:8] + "-" + d[8:]}
}

func genEmail(r *rand.Rand, tld string) string {
	return fmt.Sprintf("%s@%s-%s.%s", oneOf(r, []string{"info", "sales", "office", "zakaz", "buh"}), oneOf(r, translitWords), oneOf(r, translitWords), tld)
}

// genClient makes client number i (ids 1..n) deterministically.
func genClient(r *rand.Rand, i int) model.Client {
	c := model.Client{ID: model.ID(i + 1), Status: oneOf(r, model.ClientStatuses)}
	if r.IntN(4) > 0 {
		c.Category = oneOf(r, model.Categories)
	}
	c.Archived = r.IntN(20) == 0
	country := "RU"
	switch x := r.IntN(100); {
	case x < 40:
		name := oneOf(r, ruAdj) + " " + oneOf(r, ruNoun)
		c.Kind, c.TaxCountry, c.TaxID, c.KPP = model.KindLegal, model.TaxRU, digits(r, 10), digits(r, 9)
		c.ShortName, c.FullName = "ООО «"+name+"»", "Общество с ограниченной ответственностью «"+name+"»"
		c.City = oneOf(r, ruCity)
	case x < 55:
		sur, first, mid := oneOf(r, ruSur), oneOf(r, ruFirst), oneOf(r, ruFirst)
		c.Kind, c.TaxCountry, c.TaxID = model.KindSoleTrader, model.TaxRU, digits(r, 12)
		c.ShortName = "ИП " + sur + " " + first[:2] + ". " + mid[:2] + "."
		c.FullName = "Индивидуальный предприниматель " + sur + " " + first + " " + mid + "ович"
		c.City = oneOf(r, ruCity)
	case x < 80:
		country = "LT"
		name := oneOf(r, ltAdj) + " " + oneOf(r, ltNoun)
		c.Kind, c.TaxCountry, c.TaxID = model.KindLegal, model.TaxLT, digits(r, 9)
		c.ShortName, c.FullName = "UAB „"+name+"“", "Uždaroji akcinė bendrovė „"+name+"“"
		c.City = oneOf(r, ltCity)
	default:
		country = "EN"
		name := oneOf(r, enAdj) + " " + oneOf(r, enNoun)
		c.Kind, c.TaxID = model.KindLegal, "GB"+digits(r, 9)
		c.ShortName, c.FullName = name+" Ltd", name+" Limited"
		c.City = oneOf(r, enCity)
	}
	tld := map[string]string{"RU": "ru", "LT": "lt", "EN": "co.uk"}[country]
	for range 1 + r.IntN(2) {
		c.Phones = append(c.Phones, genPhone(r, country))
	}
	c.Emails = []string{genEmail(r, tld)}
	for k := range 1 + r.IntN(3) {
		var name string
		switch country {
		case "LT":
			name = oneOf(r, ltFirst) + " " + oneOf(r, ltSur)
		case "EN":
			name = oneOf(r, enFirst) + " " + oneOf(r, enSur)
		default:
			name = oneOf(r, ruSur) + " " + oneOf(r, ruFirst)
		}
		ct := model.Contact{ID: model.ID(k + 1), Name: name, Left: r.IntN(5) == 0}
		ct.Phones = []model.Phone{genPhone(r, country)}
		if r.IntN(2) == 0 {
			ct.Email = strings.ToLower(oneOf(r, translitWords)) + fmt.Sprint(k) + "@" + oneOf(r, translitWords) + "." + tld
		}
		c.Contacts = append(c.Contacts, ct)
	}
	return c
}

// testEntry is one name-index entry as the store would hand it to Build.
type testEntry struct {
	id   uint64
	key  string // stands in for the store's collation key
	blob []byte
}

func entriesOf(cs []model.Client) []testEntry {
	es := make([]testEntry, len(cs))
	for i := range cs {
		c := &cs[i]
		es[i] = testEntry{
			id:   uint64(c.ID),
			key:  string(model.FoldSearch(nil, c.ShortName)) + "\x00" + fmt.Sprintf("%016x", c.ID),
			blob: ClientBlob(c, managerOf(c)),
		}
	}
	slices.SortFunc(es, func(a, b testEntry) int { return strings.Compare(a.key, b.key) })
	return es
}

// managerOf gives each client one of 40 managers (user ids 1..40) or none.
func managerOf(c *model.Client) uint32 { return uint32(c.ID*7919) % 41 }

func buildFrom(es []testEntry) *Index {
	i := 0
	return Build(len(es), func() (uint64, []byte, bool) {
		if i == len(es) {
			return 0, nil, false
		}
		e := es[i]
		i++
		return e.id, e.blob, true
	})
}

func newRand() *rand.Rand { return rand.New(rand.NewPCG(2026, 11)) }

// dataset holds entries in name order in flat arrays, so the garbage
// collector has no million small objects to scan while queries are timed.
type dataset struct {
	ids   []uint64
	blobs []byte
	ends  []uint32
}

func (d *dataset) build() *Index {
	i := 0
	return Build(len(d.ids), func() (uint64, []byte, bool) {
		if i == len(d.ids) {
			return 0, nil, false
		}
		start := uint32(0)
		if i > 0 {
			start = d.ends[i-1]
		}
		id, blob := d.ids[i], d.blobs[start:d.ends[i]]
		i++
		return id, blob, true
	})
}

var (
	millionOnce sync.Once
	millionSet  *dataset
	demoOnce    sync.Once
	demoSet     *dataset
)

// demoMillion is the same size of data set from model/demo, the generator
// behind `--demo` and the store's benchmarks.
func demoMillion() *dataset {
	demoOnce.Do(func() {
		managers := map[string]uint32{}
		for i, u := range demo.Users() {
			managers[u.Name] = uint32(i + 1)
		}
		var cs []model.Client
		if err := demo.Clients(1, 1_000_000, func(c model.Client) error {
			cs = append(cs, c)
			return nil
		}); err != nil {
			panic(err)
		}
		es := make([]testEntry, len(cs))
		for i := range cs {
			c := &cs[i]
			es[i] = testEntry{id: uint64(c.ID), key: string(model.FoldSearch(nil, c.ShortName)) + fmt.Sprintf("\x00%016x", c.ID),
				blob: ClientBlob(c, managers[c.Manager])}
		}
		cs = nil
		slices.SortFunc(es, func(a, b testEntry) int { return strings.Compare(a.key, b.key) })
		demoSet = flatten(es)
	})
	runtime.GC()
	return demoSet
}

func flatten(es []testEntry) *dataset {
	d := &dataset{ids: make([]uint64, len(es)), ends: make([]uint32, len(es))}
	for i, e := range es {
		d.ids[i] = e.id
		d.blobs = append(d.blobs, e.blob...)
		d.ends[i] = uint32(len(d.blobs))
	}
	return d
}

// million returns the benchmark data set: 1,000,000 entries in name order.
func million() *dataset {
	millionOnce.Do(func() {
		r := newRand()
		cs := make([]model.Client, 1_000_000)
		for i := range cs {
			cs[i] = genClient(r, i)
		}
		millionSet = flatten(entriesOf(cs))
	})
	runtime.GC()
	return millionSet
}
