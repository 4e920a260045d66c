package demo

import (
	"strings"

	"clientbase/model"
)

// Name parts, cities and phrases the generator draws from. Everything is
// prepared once (slugs for e-mail domains included) so the hot loop only copies.

// word is a name part with its Latin slug for e-mail addresses.
type word struct{ text, slug string }

func words(list ...string) []word {
	out := make([]word, len(list))
	for i, s := range list {
		out[i] = word{s, slugify(s)}
	}
	return out
}

var (
	ruAdjectives = words("Северный", "Южный", "Уральский", "Сибирский", "Волжский", "Невский", "Балтийский",
		"Восточный", "Западный", "Центральный", "Русский", "Новый", "Первый", "Красный", "Золотой",
		"Серебряный", "Большой", "Деловой", "Текстильный", "Торговый", "Промышленный", "Городской",
		"Дальневосточный", "Камский", "Донской", "Байкальский", "Алтайский", "Ладожский", "Ивановский", "Окский")
	ruNouns = words("текстиль", "стиль", "дом", "двор", "поток", "альянс", "союз", "проект", "мир", "край",
		"ресурс", "базис", "опт", "торг", "трикотаж", "шёлк", "лён", "хлопок", "путь", "швейник", "декор", "уют")
	ruBrands = words("Уралснаб", "Сибтекс", "Волгаторг", "Текстильпром", "Мегаткань", "Росшёлк", "Льнокомбинат",
		"Спецодежда", "Нитекс", "Трикотажница", "Ивтекстиль", "Камтекс", "Балттекс", "Шерстяник", "Ткацкий двор",
		"Полотно", "Швейпром", "Домотканый", "Вышивка", "Пряжа-Центр")
	ruChains = words("Ткани для дома", "Мир тканей", "Лоскуток", "Швейный мир", "Домашний текстиль",
		"Галантерея-Плюс", "Всё для шитья", "Тканевый рай")
	ruMaleSurnames = words("Кузнецов", "Иванов", "Смирнов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
		"Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
		"Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев",
		"Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов",
		"Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин",
		"Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов",
		"Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов")
	ruFemaleSurnames = func() []word {
		out := make([]word, len(ruMaleSurnames))
		for i, w := range ruMaleSurnames {
			out[i] = word{w.text + "а", w.slug + "a"}
		}
		return out
	}()
	ruMaleNames = words("Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валерий",
		"Василий", "Виктор", "Владимир", "Владислав", "Вячеслав", "Геннадий", "Георгий", "Григорий", "Денис",
		"Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Леонид", "Максим",
		"Михаил", "Никита", "Николай", "Олег", "Павел", "Пётр", "Роман", "Руслан", "Сергей", "Станислав",
		"Степан", "Юрий", "Ярослав")
	ruFemaleNames = words("Анна", "Алёна", "Алла", "Валентина", "Вера", "Галина", "Дарья", "Екатерина", "Елена",
		"Жанна", "Ирина", "Кристина", "Лариса", "Любовь", "Людмила", "Марина", "Мария", "Надежда", "Наталья",
		"Нина", "Оксана", "Ольга", "Полина", "Светлана", "Софья", "Тамара", "Татьяна", "Юлия", "Яна")
	ruPatronymics = [][2]string{{"Александрович", "Александровна"}, {"Алексеевич", "Алексеевна"},
		{"Андреевич", "Андреевна"}, {"Борисович", "Борисовна"}, {"Васильевич", "Васильевна"},
		{"Викторович", "Викторовна"}, {"Владимирович", "Владимировна"}, {"Геннадьевич", "Геннадьевна"},
		{"Григорьевич", "Григорьевна"}, {"Дмитриевич", "Дмитриевна"}, {"Евгеньевич", "Евгеньевна"},
		{"Иванович", "Ивановна"}, {"Игоревич", "Игоревна"}, {"Константинович", "Константиновна"},
		{"Леонидович", "Леонидовна"}, {"Михайлович", "Михайловна"}, {"Николаевич", "Николаевна"},
		{"Олегович", "Олеговна"}, {"Павлович", "Павловна"}, {"Петрович", "Петровна"}, {"Романович", "Романовна"},
		{"Сергеевич", "Сергеевна"}, {"Степанович", "Степановна"}, {"Юрьевич", "Юрьевна"},
		{"Анатольевич", "Анатольевна"}, {"Валерьевич", "Валерьевна"}, {"Вячеславович", "Вячеславовна"}}
	ruForms = []struct{ short, full string }{
		{"ООО", "Общество с ограниченной ответственностью"}, {"ООО", "Общество с ограниченной ответственностью"},
		{"ООО", "Общество с ограниченной ответственностью"}, {"АО", "Акционерное общество"},
		{"ПАО", "Публичное акционерное общество"}, {"ЗАО", "Закрытое акционерное общество"},
	}
	ruStreets = []string{"ул. Ленина", "ул. Мира", "ул. Советская", "ул. Гагарина", "ул. Садовая", "ул. Лесная",
		"ул. Центральная", "ул. Пушкина", "ул. Заводская", "ул. Промышленная", "наб. Реки", "ул. Октябрьская",
		"ул. Кирова", "ул. Комсомольская", "ул. Первомайская", "ул. Строителей", "ул. Текстильщиков",
		"ул. Московская", "пр-т Победы", "пр-т Ленина"}

	ltPlaces = words("Baltijos", "Šiaulių", "Kauno", "Vilniaus", "Klaipėdos", "Nemuno", "Žemaitijos", "Aukštaitijos",
		"Dzūkijos", "Panevėžio", "Alytaus", "Neries", "Pajūrio", "Girios", "Ąžuolo", "Gedimino", "Utenos", "Trakų")
	ltNouns = words("audiniai", "prekyba", "tekstilė", "linai", "siūlai", "drabužiai", "baldai", "sprendimai",
		"partneriai", "tiekimas", "verslas", "prekės", "namai", "trikotažas", "siuvykla")
	ltBrands = words("Linas", "Audėja", "Drobė", "Ąžuolas", "Vilkmergė", "Siūlas", "Austėja", "Gija", "Vėjas",
		"Baltas linas", "Rūta", "Gintarinė gija", "Verpstė", "Juosta")
	ltChains = words("Audinių pasaulis", "Siuvimo centras", "Namų tekstilė", "Audinių namai", "Siūlų karalystė")
	ltForms  = []struct{ short, full string }{
		{"UAB", "Uždaroji akcinė bendrovė"}, {"UAB", "Uždaroji akcinė bendrovė"}, {"UAB", "Uždaroji akcinė bendrovė"},
		{"UAB", "Uždaroji akcinė bendrovė"}, {"UAB", "Uždaroji akcinė bendrovė"}, {"UAB", "Uždaroji akcinė bendrovė"},
		{"UAB", "Uždaroji akcinė bendrovė"}, {"AB", "Akcinė bendrovė"}, {"MB", "Mažoji bendrija"},
		{"MB", "Mažoji bendrija"}, {"VšĮ", "Viešoji įstaiga"},
	}
	ltMaleNames = words("Jonas", "Petras", "Antanas", "Tomas", "Mantas", "Darius", "Andrius", "Vytautas", "Marius",
		"Paulius", "Giedrius", "Rimantas", "Saulius", "Kęstutis", "Audrius", "Mindaugas", "Lukas", "Dainius",
		"Arūnas", "Gintaras")
	ltFemaleNames = words("Rūta", "Eglė", "Asta", "Jurgita", "Laura", "Inga", "Rasa", "Kristina", "Aistė", "Simona",
		"Ieva", "Agnė", "Greta", "Dalia", "Vaida", "Lina", "Jolanta", "Neringa", "Birutė", "Ona")
	ltSurnames = [][2]word{}
	ltStreets  = []string{"Gedimino pr.", "Laisvės al.", "Vilniaus g.", "Kauno g.", "Tilžės g.", "Taikos pr.",
		"Savanorių pr.", "Ukmergės g.", "Konstitucijos pr.", "Pramonės g.", "Liepų g.", "Žalgirio g.", "Verkių g.",
		"Šilutės pl.", "Aušros al."}

	enPrefixes = words("Northwind", "Harbour", "Riverside", "Kingsley", "Ashford", "Brightwater", "Oakfield",
		"Pennine", "Thames", "Highland", "Westbrook", "Redhill", "Castle", "Meridian", "Summit", "Greenway",
		"Atlas", "Crown", "Beacon", "Sterling", "Baltic", "Amber", "Nordic", "Hanseatic")
	enNouns = words("Textiles", "Fabrics", "Trading", "Supplies", "Apparel", "Wholesale", "Interiors", "Linen",
		"Mills", "Distribution", "Yarns", "Garments")
	enFirstMale   = words("John", "James", "Oliver", "George", "William", "Harry", "Thomas", "Daniel", "Peter", "Mark")
	enFirstFemale = words("Emily", "Charlotte", "Sophie", "Amelia", "Olivia", "Jessica", "Lucy", "Hannah", "Laura", "Kate")
	enSurnames    = words("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
		"Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke")
)

func init() {
	for _, p := range [][2]string{{"Petrauskas", "Petrauskienė"}, {"Kazlauskas", "Kazlauskienė"},
		{"Jankauskas", "Jankauskienė"}, {"Stankevičius", "Stankevičienė"}, {"Vasiliauskas", "Vasiliauskienė"},
		{"Žukauskas", "Žukauskienė"}, {"Butkus", "Butkienė"}, {"Paulauskas", "Paulauskienė"}, {"Urbonas", "Urbonienė"},
		{"Kavaliauskas", "Kavaliauskienė"}, {"Baranauskas", "Baranauskienė"}, {"Navickas", "Navickienė"},
		{"Rimkus", "Rimkienė"}, {"Sakalauskas", "Sakalauskienė"}, {"Ramanauskas", "Ramanauskienė"},
		{"Šimkus", "Šimkienė"}, {"Vaitkus", "Vaitkienė"}, {"Kairys", "Kairienė"}, {"Mockus", "Mockienė"},
		{"Žilinskas", "Žilinskienė"}, {"Adomaitis", "Adomaitienė"}, {"Grigas", "Grigienė"},
		{"Lukoševičius", "Lukoševičienė"}, {"Jonaitis", "Jonaitienė"}, {"Balčiūnas", "Balčiūnienė"},
		{"Bagdonas", "Bagdonienė"}, {"Mikalauskas", "Mikalauskienė"}, {"Černiauskas", "Černiauskienė"}} {
		ltSurnames = append(ltSurnames, [2]word{{p[0], slugify(p[0])}, {p[1], slugify(p[1])}})
	}
}

// city is where a client sits: time zone, region, branch and the digits
// its phones, tax ids and postcodes start with.
type city struct {
	name, tz, region, branch string
	area                     string // phone area code (national, without trunk prefix)
	taxRegion                string // first two digits of RU tax ids
	post                     string // postcode start
	weight                   int
}

var ruCities = []city{
	{"Москва", "Europe/Moscow", "Центральный ФО", "Москва", "495", "77", "12", 30},
	{"Санкт-Петербург", "Europe/Moscow", "Северо-Западный ФО", "Москва", "812", "78", "19", 14},
	{"Екатеринбург", "Asia/Yekaterinburg", "Уральский ФО", "Екатеринбург", "343", "66", "620", 8},
	{"Новосибирск", "Asia/Novosibirsk", "Сибирский ФО", "Екатеринбург", "383", "54", "630", 6},
	{"Владивосток", "Asia/Vladivostok", "Дальневосточный ФО", "Екатеринбург", "423", "25", "690", 4},
	{"Казань", "Europe/Moscow", "Приволжский ФО", "Москва", "843", "16", "420", 6},
	{"Нижний Новгород", "Europe/Moscow", "Приволжский ФО", "Москва", "831", "52", "603", 5},
	{"Самара", "Europe/Samara", "Приволжский ФО", "Москва", "846", "63", "443", 4},
	{"Красноярск", "Asia/Krasnoyarsk", "Сибирский ФО", "Екатеринбург", "391", "24", "660", 3},
	{"Калининград", "Europe/Kaliningrad", "Северо-Западный ФО", "Москва", "4012", "39", "236", 4},
	{"Иваново", "Europe/Moscow", "Центральный ФО", "Москва", "4932", "37", "153", 7},
	{"Омск", "Asia/Omsk", "Сибирский ФО", "Екатеринбург", "3812", "55", "644", 3},
	{"Иркутск", "Asia/Irkutsk", "Сибирский ФО", "Екатеринбург", "3952", "38", "664", 2},
	{"Ростов-на-Дону", "Europe/Moscow", "Южный ФО", "Москва", "863", "61", "344", 4},
}

var ltCities = []city{
	{"Vilnius", "Europe/Vilnius", "Vilniaus apskritis", "Vilnius", "5", "", "0", 40},
	{"Kaunas", "Europe/Vilnius", "Kauno apskritis", "Vilnius", "37", "", "4", 25},
	{"Klaipėda", "Europe/Vilnius", "Klaipėdos apskritis", "Vilnius", "46", "", "9", 15},
	{"Šiauliai", "Europe/Vilnius", "Šiaulių apskritis", "Vilnius", "41", "", "7", 12},
	{"Panevėžys", "Europe/Vilnius", "Panevėžio apskritis", "Vilnius", "45", "", "3", 8},
}

// foreign is a country outside RU/LT: its city, phone and tax-id shapes.
type foreign struct {
	city
	cc, tld, form, taxPrefix, currency, street, postcode string
	areaDigits, localDigits, taxDigits                   int
}

var foreignCities = []foreign{
	{city{"London", "Europe/London", "England", "Vilnius", "20", "", "", 30}, "44", ".co.uk", "Ltd", "GB", "GBP", "High Street", "EC1A 1BB", 2, 8, 9},
	{city{"Manchester", "Europe/London", "England", "Vilnius", "161", "", "", 15}, "44", ".co.uk", "Limited", "GB", "GBP", "Deansgate", "M3 4LQ", 3, 7, 9},
	{city{"Rīga", "Europe/Riga", "Latvia", "Vilnius", "67", "", "", 25}, "371", ".lv", "SIA", "LV4000", "EUR", "Brīvības iela", "LV-1010", 2, 6, 7},
	{city{"Warszawa", "Europe/Warsaw", "Poland", "Vilnius", "22", "", "", 10}, "48", ".pl", "Sp. z o.o.", "PL", "EUR", "ul. Marszałkowska", "00-001", 2, 7, 10},
	{city{"Berlin", "Europe/Berlin", "Germany", "Vilnius", "30", "", "", 10}, "49", ".de", "GmbH", "DE", "EUR", "Friedrichstraße", "10117", 2, 8, 9},
	{city{"Helsinki", "Europe/Helsinki", "Finland", "Vilnius", "9", "", "", 10}, "358", ".fi", "Oy", "FI", "EUR", "Mannerheimintie", "00100", 1, 7, 8},
}

var ruMobileCodes = []string{"903", "905", "906", "909", "912", "915", "916", "917", "919", "921", "922",
	"925", "926", "950", "952", "960", "961", "977", "981", "985", "999"}

// Contact positions by role; Lithuanian ones have a masculine and a feminine form.
const (
	roleDecisionMaker = iota
	roleBuyer
	roleAccountant
	roleReceiver
	roleOther
)

var (
	contactRoles = [...]model.ContactRole{model.ContactDecisionMaker, model.ContactBuyer,
		model.ContactAccountant, model.ContactReceiver, model.ContactOther}
	contactRolesAfterFirst = []int{roleBuyer, roleAccountant, roleReceiver, roleBuyer, roleOther}
	ruPositions            = [...][]string{
		{"Генеральный директор", "Коммерческий директор", "Директор"},
		{"Менеджер по закупкам", "Начальник отдела снабжения"},
		{"Главный бухгалтер", "Бухгалтер"},
		{"Заведующий складом", "Кладовщик"},
		{"Офис-менеджер", "Секретарь"},
	}
	ltPositions = [...][2]string{
		{"Direktorius", "Direktorė"},
		{"Pirkimų vadybininkas", "Pirkimų vadybininkė"},
		{"Vyr. buhalteris", "Vyr. buhalterė"},
		{"Sandėlininkas", "Sandėlininkė"},
		{"Administratorius", "Administratorė"},
	}
	enPositions = [...][]string{
		{"Managing Director", "Commercial Director"},
		{"Purchasing Manager", "Buyer"},
		{"Chief Accountant", "Accounts Manager"},
		{"Warehouse Supervisor", "Goods-in Manager"},
		{"Office Manager", "Assistant"},
	}
	preferredHours = []string{"10:00–12:00", "14:00–17:00", "9:00–11:00"}
	ruMailLocals   = []string{"info", "zakaz", "office", "sales", "opt"}
	ltMailLocals   = []string{"info", "pardavimai", "office", "uzsakymai"}
	enMailLocals   = []string{"info", "sales", "office", "orders"}
	ruMailHosts    = []string{"mail.ru", "yandex.ru", "gmail.com", "bk.ru"}
	ltMailHosts    = []string{"gmail.com", "one.lt", "takas.lt"}
	enMailHosts    = []string{"gmail.com", "outlook.com", "yahoo.co.uk"}
	deferrals      = []int{0, 7, 14, 21, 30, 30, 45, 60, 90}
)

var (
	ruReasons = []string{"Первичная оценка по объёму закупок", "Регулярные заказы, оплата в срок",
		"Крупный оптовый покупатель", "Снижение объёма закупок", "Рост закупок за полугодие"}
	ltReasons = []string{"Pirminis įvertinimas pagal pirkimų apimtį", "Reguliarūs užsakymai, mokama laiku",
		"Didelis didmeninis pirkėjas", "Sumažėjusi pirkimų apimtis"}
	ruNotes = []string{"Просит звонить после обеда.", "Оплата строго по счёту, бухгалтерия в другом городе.",
		"Интересуются льняными тканями, прислать новый каталог.", "Склад принимает товар до 16:00."}
	ltNotes = []string{"Prašo skambinti po pietų.", "Domisi lininiais audiniais, atsiųsti katalogą.",
		"Prekes priima tik darbo dienomis iki 15 val."}
	enNotes = []string{"Prefers e-mail; call only for urgent matters.", "Ships via Klaipėda port.",
		"Asks for samples before every large order."}
	competitors = []string{"Текстиль-Опт", "Ивановский текстиль", "Audimas", "Linų audiniai", "Baltic Fabrics",
		"Текстиль-Опт, Нитекс", "Drobė"}
	callWindows = []struct{ from, to int }{{540, 1080}, {600, 1020}, {480, 960}, {720, 1200}, {600, 780}}
	priceCols   = []string{"retail", "wholesale", "wholesale", "dealer", "wholesale"}
	ruTLDs      = []string{".ru", ".ru", ".ru", ".com", ".su"}
)

// slugify turns a name into lower-case Latin letters and digits for e-mail addresses.
func slugify(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if t, ok := translit[r]; ok {
			b.WriteString(t)
		} else if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya",
	'ą': "a", 'č': "c", 'ę': "e", 'ė': "e", 'į': "i", 'š': "s", 'ų': "u", 'ū': "u", 'ž': "z", 'ī': "i", 'ā': "a",
}
