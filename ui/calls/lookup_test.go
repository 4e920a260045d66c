package calls

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"clientbase/model"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

// i opens the lookup; a part of the caller's number finds the client; enter
// opens an incoming, off-plan call; an outcome logs it as such.
func TestGoldenIncomingLookup(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	d.press("i")
	if !d.m.LookupOpen() || !d.m.InputFocused() {
		t.Fatal("i did not open the lookup with the keys")
	}
	want := storetest.Client(5)
	d.typeText("105-05")
	view := d.screen()
	mustContain(t, view, "Incoming call", want.ShortName, "+7 912 105-05-35")
	golden.RequireEqual(t, view)

	d.press("enter")
	id, open := d.m.OnCall()
	if !open || id != 0 || d.m.LookupOpen() {
		t.Fatalf("enter: on call %v item %d lookup %v", open, id, d.m.LookupOpen())
	}
	mustContain(t, d.screen(), want.ShortName, "incoming · off-plan")
	d.press("1")
	if _, open := d.m.OnCall(); open {
		t.Fatal("1 did not log the incoming call")
	}
	page, err := d.session().List(context.Background(), model.ClientFilter{Text: want.TaxID}, 0, 1)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("client %s: %v", want.TaxID, err)
	}
	ctx, err := d.session().CallContext(page.Rows[0].ID, 0)
	if err != nil || len(ctx.Last) == 0 {
		t.Fatalf("nothing logged: %v", err)
	}
	if ix := ctx.Last[0]; ix.Direction != model.DirIncoming || !ix.OffPlan || ix.Outcome != model.OutcomeReached || ix.User != "ivanova" {
		t.Fatalf("logged %+v, want an incoming off-plan reached call by ivanova", ix)
	}
}

// A caller who is not in the database: ctrl+n starts a prospect with the
// number typed; once saved, the call screen opens for it.
func TestIncomingNewProspect(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	d.press("i")
	d.typeText("+7 999 123-45-67")
	mustContain(t, d.screen(), "No client matches")
	d.press("ctrl+n")
	if !d.m.SubOpen() || !d.m.InputFocused() {
		t.Fatal("ctrl+n did not open the new-client form")
	}
	mustContain(t, d.screen(), "+7 999 123-45-67")
	d.typeText("ИП Новиков")
	d.press("ctrl+s")
	id, open := d.m.OnCall()
	if !open || id != 0 || d.m.SubOpen() {
		t.Fatalf("after saving: on call %v item %d form %v\n%s", open, id, d.m.SubOpen(), d.screen())
	}
	mustContain(t, d.screen(), "ИП Новиков", "incoming · off-plan", "+7 999 123-45-67")
	page, err := d.session().List(context.Background(), model.ClientFilter{Text: "Новиков"}, 0, 2)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("the prospect is not in the store: %+v %v", page, err)
	}
	c := page.Rows[0]
	if c.Source != model.SourceIncomingCall || c.Status != model.StatusProspect || len(c.Phones) != 1 || c.Phones[0].E164 != "+79991234567" {
		t.Fatalf("saved %+v", c)
	}
}

// esc in the prospect form goes back to the lookup, esc there to the queue.
func TestIncomingEscGoesBack(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	d.press("i")
	d.typeText("ромашка")
	d.press("ctrl+n", "esc")
	if d.m.SubOpen() {
		d.press("y") // discard what was prefilled
	}
	if d.m.SubOpen() || !d.m.LookupOpen() {
		t.Fatalf("esc in the form: form %v lookup %v", d.m.SubOpen(), d.m.LookupOpen())
	}
	d.press("esc")
	if d.m.LookupOpen() || d.m.InputFocused() {
		t.Fatal("esc did not close the lookup")
	}
}

// An answer to an older query is dropped: the list shows what was typed last.
func TestLookupDropsStaleAnswers(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	d.press("i")
	d.typeText("ромашка")
	l := d.m.lookup
	fresh := append([]model.Client(nil), l.rows...)
	d.send(lookupMsg{gen: l.gen - 1, page: model.ClientPage{Total: 1, Rows: []model.Client{{ShortName: "stale"}}}})
	if len(l.rows) != len(fresh) || strings.Contains(d.screen(), "stale") {
		t.Fatal("a stale answer replaced the list")
	}
	if len(fresh) == 0 {
		t.Fatal("ромашка found nothing")
	}
}

// What the operator typed becomes the prospect: letters the name, digits the phone.
func TestProspectFromTypedText(t *testing.T) {
	for _, c := range []struct{ typed, name, phone string }{
		{"8 912 555", "", "8 912 555"},
		{"  Ромашка ", "Ромашка", ""},
		{"", "", ""},
	} {
		l := newLookup(uitest.EnvAs(t, department(t), "ivanova", testNow))
		l.input.SetValue(c.typed)
		p := l.prospect()
		gotPhone := ""
		if len(p.Phones) > 0 {
			gotPhone = p.Phones[0].Raw
		}
		if p.ShortName != c.name || gotPhone != c.phone || p.Source != model.SourceIncomingCall {
			t.Errorf("%q: name %q phone %q source %q", c.typed, p.ShortName, gotPhone, p.Source)
		}
	}
}

// A prospect typed for a number the database knows: the duplicate warning
// opens the existing client, and the call goes on with that client.
func TestIncomingProspectTurnsOutToExist(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	want := storetest.Client(5)
	d.press("i")
	d.typeText(want.Phones[0].Raw)
	d.press("ctrl+n")
	d.typeText("Кто-то новый")
	d.press("ctrl+s")
	mustContain(t, d.screen(), "may already exist")
	d.press("o")
	id, open := d.m.OnCall()
	if !open || id != 0 || d.m.SubOpen() {
		t.Fatalf("after opening the existing client: on call %v item %d form %v", open, id, d.m.SubOpen())
	}
	mustContain(t, d.screen(), want.ShortName, "incoming · off-plan")
}

// Another screen asking for a call while an incoming call is being looked
// up here gets a sentence, and the lookup stays.
func TestCallRequestWhileLookupOpen(t *testing.T) {
	d := newDriver(t, uitest.EnvAs(t, department(t), "ivanova", testNow))
	d.press("i")
	d.typeText("ромашка")
	d.send(common.CallClientMsg{Client: 1})
	if _, open := d.m.OnCall(); open || !d.m.LookupOpen() || !d.status.Err {
		t.Fatalf("on call %v, lookup %v, status %+v", open, d.m.LookupOpen(), d.status)
	}
}
