package clientcard

import (
	"flag"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/store"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// env is a real bbolt database in t.TempDir() with a director, a manager and an operator.
type env struct {
	db               *store.DB
	boss, ivan, olga model.User
	clientID         model.ID
	now              time.Time
}

func newEnv(t *testing.T) *env {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "clientbase.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(boss)
	ivan, err := s.SaveUser(model.User{Name: "ivan", FullName: "Ivan Petrov", Role: model.RoleManager})
	if err != nil {
		t.Fatal(err)
	}
	olga, err := s.SaveUser(model.User{Name: "olga", FullName: "Olga Sidorova", Role: model.RoleOperator})
	if err != nil {
		t.Fatal(err)
	}
	return &env{db: db, boss: boss, ivan: ivan, olga: olga, now: time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)}
}

// romashka is a complete client as a manager would enter it.
func romashka(manager string) model.Client {
	return model.Client{
		ShortName:     "ООО «Ромашка»",
		FullName:      "Общество с ограниченной ответственностью «Ромашка»",
		Kind:          model.KindLegal,
		TaxCountry:    model.TaxRU,
		TaxID:         "7707083893",
		KPP:           "773601001",
		LegalAddress:  "Москва, ул. Вавилова, 19",
		ActualAddress: "Москва, ул. Вавилова, 19, офис 4",
		City:          "Москва",
		Region:        "Центр",
		Branch:        "Москва",
		Phones:        []model.Phone{{Raw: "+7 912 345-67-89", Label: "office"}, {Raw: "8 (495) 123-45-67", WrongNumber: true}},
		Emails:        []string{"info@romashka.ru"},
		Language:      "ru",
		TimeZone:      "Asia/Vladivostok",
		CallWindow:    model.CallWindow{From: 10 * 60, To: 17 * 60},
		Source:        model.SourceExhibition,
		Manager:       manager,
		Status:        model.StatusActive,
		Flags:         model.ClientFlags{KeyClient: true},
		CreditLimit:   model.Money{Minor: 150000000, Currency: "RUB"},
		DeferralDays:  30,
		PriceColumn:   "Опт 2",
		Competitors:   "Лютик, Василёк",
		Notes:         "Звонить главному бухгалтеру до обеда.",
		Contacts: []model.Contact{
			{ID: 1, Name: "Анна Смирнова", Position: "главный бухгалтер", Role: model.ContactAccountant, Email: "anna@romashka.ru"},
			{ID: 2, Name: "Пётр Иванов", Position: "закупщик", Role: model.ContactBuyer, Left: true},
		},
	}
}

// seed stores romashka through the director's session and gives it category B.
func (e *env) seed(t *testing.T) model.Client {
	t.Helper()
	s := e.db.As(e.boss)
	c, err := s.SaveClient(romashka(e.ivan.Name), "")
	if err != nil {
		t.Fatal(err)
	}
	c.Category = model.CategoryB
	if c, err = s.SaveClient(c, "steady monthly orders"); err != nil {
		t.Fatal(err)
	}
	e.clientID = c.ID
	return c
}

func (e *env) deps(u model.User) Deps {
	return Deps{Store: e.db.As(u), Me: u, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return e.now }}
}

// driver feeds keys to the card and runs its commands at once, feeding their
// answers back; messages for the root are collected in out.
type driver struct {
	t   *testing.T
	m   Model
	out []tea.Msg
}

func drive(t *testing.T, m Model, cmd tea.Cmd) *driver {
	d := &driver{t: t, m: m}
	d.m.SetSize(80, 20)
	d.run(cmd)
	return d
}

func (d *driver) run(cmd tea.Cmd) {
	uitest.Run(d.t, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case common.DataChangedMsg, common.StatusMsg:
			d.out = append(d.out, msg)
			return nil
		}
		return d.update(msg)
	})
}

func keyMsg(s string) tea.KeyPressMsg { return uitest.Key(s) }

// update hands msg to the card (a value model) and keeps the card it returns.
func (d *driver) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	return cmd
}

// press sends keys one by one, running what each returns.
func (d *driver) press(keys ...string) { uitest.Press(d.update, d.run, keys...) }

// typ types text into the focused field.
func (d *driver) typ(text string) { uitest.Type(d.update, d.run, text) }

// fieldTo tabs to the form field with key k.
func (d *driver) fieldTo(k string) {
	d.t.Helper()
	for range 60 {
		if d.m.form.Focused() == k {
			return
		}
		d.press("tab")
	}
	d.t.Fatalf("field %q never got the focus", k)
}

// setField replaces the text of the form field k.
func (d *driver) setField(k, text string) {
	d.fieldTo(k)
	d.m.form.SetValue(k, "")
	d.typ(text)
}

func (d *driver) view() string { return ansi.Strip(d.m.View()) }

var whenRE = regexp.MustCompile(`\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}`)

// golden compares the stripped view with testdata/name.golden; audit times
// come from the store's clock, so they are masked.
func golden(t *testing.T, name string, m Model) {
	t.Helper()
	view := m.View()
	uitest.CheckSize(t, name, view, 80, 20)
	uitest.Golden(t, name, whenRE.ReplaceAllString(ansi.Strip(view), "dd.mm.yyyy hh:mm"), *update)
}

func stripANSI(s string) string { return ansi.Strip(s) }
