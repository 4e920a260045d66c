package clientcard

import (
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"

	"clientbase/model"
)

func TestCardShowsEveryGroupAndScrolls(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	golden(t, "card", d.m)
	// 09:30 UTC is 19:30 in Vladivostok, after the client's 10:00–17:00 window.
	if body := stripANSI(strings.Join(d.m.lines, "\n")); !strings.Contains(body, "23.11.2026 19:30  outside the calling window") {
		t.Errorf("the card does not show the client's local time against its window:\n%s", body)
	}

	d.press("G")
	v := d.view()
	for _, want := range []string{"No calls or visits yet. Press p to plan one.", "Пётр Иванов", "(left)"} {
		if !strings.Contains(v, want) {
			t.Errorf("the bottom of the card lacks %q:\n%s", want, v)
		}
	}
	golden(t, "card_bottom", d.m)
	d.press("g")
	if !strings.Contains(d.view(), "Requisites") {
		t.Errorf("g did not go back to the top:\n%s", d.view())
	}
	d.press("esc")
	if !d.m.Closed() {
		t.Error("esc on the card did not close it")
	}
}

func TestInCallWindow(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }
	cases := []struct {
		t    time.Time
		w    model.CallWindow
		want bool
	}{
		{at(9, 0), model.CallWindow{}, true},
		{at(18, 0), model.CallWindow{}, false},
		{at(8, 59), model.CallWindow{}, false},
		{at(10, 0), model.CallWindow{From: 10 * 60, To: 17 * 60}, true},
		{at(17, 0), model.CallWindow{From: 10 * 60, To: 17 * 60}, false},
		{at(23, 30), model.CallWindow{From: 22 * 60, To: 2 * 60}, true},
		{at(1, 0), model.CallWindow{From: 22 * 60, To: 2 * 60}, true},
		{at(12, 0), model.CallWindow{From: 22 * 60, To: 2 * 60}, false},
	}
	for _, c := range cases {
		if got := inCallWindow(c.t, c.w); got != c.want {
			t.Errorf("inCallWindow(%s, %+v) = %v, want %v", c.t.Format("15:04"), c.w, got, c.want)
		}
	}
}

// A long address, a long note line or a category reason is read on the
// card, not guessed: it wraps under its column instead of being cut.
func TestCardWrapsLongValues(t *testing.T) {
	e := newEnv(t)
	c := e.seed(t)
	c.LegalAddress = "Российская Федерация, 115088, город Москва, улица Угрешская, дом 2, строение 147, этаж 3, помещение 12"
	c.Notes = "Звонить главному бухгалтеру только после обеда, в пятницу не звонить, склад принимает до 16:00, пропуск заказывать за день."
	c.Contacts[0].Name = "Анна Константиновна Смирнова-Переподвысокомногорассмотрительствующая"
	c.Contacts[0].Phones = []model.Phone{{Raw: "+7 912 000-11-22"}}
	if _, err := e.db.As(e.boss).SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	for _, l := range d.m.lines {
		if strings.Contains(l, "\n") || lipgloss.Width(l) > 80 {
			t.Errorf("card line does not fit one 80-column line: %q", stripANSI(l))
		}
	}
	flat := strings.Join(strings.Fields(stripANSI(strings.Join(d.m.lines, "\n"))), " ")
	for _, want := range []string{"этаж 3, помещение 12", "пропуск заказывать за день.", "anna@romashka.ru"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the card lacks %q", want)
		}
	}
}

// A long name must not push [archived] off the title line: a user editing
// an archived client has to see that it is archived.
func TestLongNameKeepsTheArchivedMark(t *testing.T) {
	e := newEnv(t)
	c := e.seed(t)
	c.ShortName = "ООО «Ромашка — оптовая торговля тканями, фурнитурой и швейными принадлежностями»"
	c, err := e.db.As(e.boss).SaveClient(c, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.As(e.boss).SetArchived(c.ID, c.Version, true); err != nil {
		t.Fatal(err)
	}
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	title := strings.Split(stripANSI(d.view()), "\n")[0]
	for _, want := range []string{"ООО «Ромашка", "[archived]", "active", "lines 1–"} {
		if !strings.Contains(title, want) {
			t.Errorf("the title %q lacks %q", title, want)
		}
	}
}

// The form's "changed" mark stays in sight whatever the client's name.
func TestLongNameKeepsTheChangedMark(t *testing.T) {
	e := newEnv(t)
	c := e.seed(t)
	c.ShortName = "ООО «Ромашка — оптовая торговля тканями, фурнитурой и швейными принадлежностями»"
	if _, err := e.db.As(e.boss).SaveClient(c, ""); err != nil {
		t.Fatal(err)
	}
	m, cmd := OpenEdit(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	d.setField(fCity, "Тверь")
	if title := strings.Split(stripANSI(d.view()), "\n")[0]; !strings.Contains(title, "changed") {
		t.Errorf("the form's title %q lacks the changed mark", title)
	}
}
