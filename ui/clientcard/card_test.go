package clientcard

import (
	"strings"
	"testing"
)

func TestCardShowsEveryGroupAndScrolls(t *testing.T) {
	e := newEnv(t)
	e.seed(t)
	m, cmd := Open(e.deps(e.ivan), e.clientID)
	d := drive(t, m, cmd)
	golden(t, "card", d.m)

	d.press("G")
	v := d.view()
	for _, want := range []string{"Calls, orders and complaints of this client will appear here.", "Пётр Иванов", "(left)"} {
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
