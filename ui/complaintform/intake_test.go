package complaintform

import (
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/ui/common"
)

func TestIntakeFindsTheClientAndRegisters(t *testing.T) {
	d := newDept(t)
	before := len(d.of(3))
	f := NewIntake(d.env("kazlauskaite"), common.NewComplaintMsg{})
	dr := driveIntake(t, f, 100, 30)
	if f.form.Focused() != fClient {
		t.Fatalf("focus on %q, want the client lookup", f.form.Focused())
	}
	dr.Type("N003")
	if len(f.matches) != 1 || !strings.Contains(dr.View(), "N003") {
		t.Fatalf("matches %v; view:\n%s", f.matches, dr.View())
	}
	dr.Press("enter")
	if !f.hasClient || f.client.ID != 3 || f.form.Focused() != fContact {
		t.Fatalf("picked %v (%d), focus %q", f.hasClient, f.client.ID, f.form.Focused())
	}
	dr.Choose(fType, string(model.TypeDelivery))
	dr.Set(fDescription, "Привезли на два дня позже")
	dr.Set(fClaimed, "1 500,50")
	dr.Press("ctrl+s")
	c, ok := f.Result()
	if !ok || !f.Closed() {
		t.Fatalf("not saved: banner %q, view:\n%s", f.banner, dr.View())
	}
	got := d.complaint(c.ID)
	if got.Client != 3 || got.Type != model.TypeDelivery || got.Claimed.Minor != 150050 || got.Description != "Привезли на два дня позже" ||
		got.Received != now || got.Owner != "" || got.Status != model.ComplaintRegistered {
		t.Fatalf("stored %+v", got)
	}
	if len(d.of(3)) != before+1 {
		t.Fatalf("client 3 has %d complaints, want %d", len(d.of(3)), before+1)
	}
	if !strings.Contains(dr.Status(), "registered") {
		t.Fatalf("status %q", dr.Status())
	}
}

func TestIntakeBadInputStaysUnderItsFieldAndSavesNothing(t *testing.T) {
	d := newDept(t)
	before := len(d.of(1))
	f := NewIntake(d.env("petrov"), common.NewComplaintMsg{Client: 1})
	dr := driveIntake(t, f, 100, 30)
	dr.Set(fClaimed, "сто рублей")
	dr.Set(fReceived, "31.02.2026 25:00")
	dr.Press("ctrl+s")
	if f.Closed() {
		t.Fatal("the form closed on bad input")
	}
	for _, k := range []string{fClaimed, fReceived} {
		if f.form.Error(k) == "" {
			t.Errorf("no sentence under %q; view:\n%s", k, dr.View())
		}
	}
	if f.form.Focused() != fReceived && f.form.Focused() != fClaimed {
		t.Errorf("focus %q, want the first bad field", f.form.Focused())
	}
	if len(d.of(1)) != before {
		t.Fatalf("saved on bad input: %d complaints, want %d", len(d.of(1)), before)
	}
	// Fixing the amount clears its sentence; the other stays until the next save.
	dr.Set(fClaimed, "100")
	if f.form.Error(fClaimed) != "" || f.form.Error(fReceived) == "" {
		t.Fatalf("sentences after fixing: claimed %q, received %q", f.form.Error(fClaimed), f.form.Error(fReceived))
	}
}

func TestIntakeWithoutAPickedClientSaysSo(t *testing.T) {
	d := newDept(t)
	f := NewIntake(d.env("kazlauskaite"), common.NewComplaintMsg{})
	dr := driveIntake(t, f, 80, 24)
	dr.Press("ctrl+s")
	if f.form.Error(fClient) != model.T("complaintform.error.client_required") {
		t.Fatalf("client sentence %q", f.form.Error(fClient))
	}
	dr.Type("zzzz-nobody")
	if !strings.Contains(dr.View(), model.T("complaintform.no_matches")) {
		t.Fatalf("no 'no matches' sentence:\n%s", dr.View())
	}
	dr.Press("ctrl+s")
	if f.form.Error(fClient) != model.T("complaintform.error.pick_client") || f.Closed() {
		t.Fatalf("client sentence %q", f.form.Error(fClient))
	}
}

func TestIntakeOffersTheOrderAndItsLines(t *testing.T) {
	d := newDept(t)
	pre := common.NewComplaintMsg{Client: 1, Order: d.order.ID, Lines: []model.ComplaintLine{{Line: 1, SKU: "SKU-002", Qty: 2 * model.QtyScale}}}
	f := NewIntake(d.env("petrov"), pre)
	dr := driveIntake(t, f, 100, 30)
	if f.form.Value(fOrder) != idText(d.order.ID) || f.form.Hidden("line.0") || f.form.Hidden("line.1") {
		t.Fatalf("order %q, lines hidden %v %v", f.form.Value(fOrder), f.form.Hidden("line.0"), f.form.Hidden("line.1"))
	}
	if f.form.Value("line.0") != "" || f.form.Value("line.1") != "2" {
		t.Fatalf("preselected lines %q %q", f.form.Value("line.0"), f.form.Value("line.1"))
	}
	// space marks the first line with its whole quantity; space again takes it out, and in again.
	dr.FieldTo("line.0")
	dr.Press("space")
	if f.form.Value("line.0") != "10" {
		t.Fatalf("marked line 0 holds %q", f.form.Value("line.0"))
	}
	dr.Press("space")
	if f.form.Value("line.0") != "" {
		t.Fatalf("unmarked line 0 holds %q", f.form.Value("line.0"))
	}
	dr.Press("space")
	dr.Set(fDescription, "Две упаковки сока протекли")
	dr.Press("ctrl+s")
	c, ok := f.Result()
	if !ok {
		t.Fatalf("not saved: %q %v\n%s", f.banner, f.form.Error("line.0"), dr.View())
	}
	got := d.complaint(c.ID)
	if got.Order != d.order.ID || got.OrderNo != d.order.Number || len(got.Lines) != 2 ||
		got.Lines[0].Qty != 10*model.QtyScale || got.Lines[1].Qty != 2*model.QtyScale || got.Claimed.Currency != d.order.Currency {
		t.Fatalf("stored %+v", got)
	}
	if got.Owner != "petrov" || got.Status != model.ComplaintAssigned {
		t.Fatalf("a manager's complaint: owner %q status %s", got.Owner, got.Status)
	}
}

func TestIntakeWarnsAboutAnOpenComplaintOnTheSameOrder(t *testing.T) {
	d := newDept(t)
	first, err := d.session("petrov").RegisterComplaint(model.Complaint{Direction: model.DirectionIncoming, Type: model.TypeQuality,
		Client: 1, Order: d.order.ID, Channel: model.ChannelPhone, Received: now.Add(-time.Hour), Description: "Брак",
		Priority: model.PriorityNormal, Claimed: model.Money{Currency: d.order.Currency}})
	if err != nil {
		t.Fatal(err)
	}
	before := len(d.of(1))
	f := NewIntake(d.env("kazlauskaite"), common.NewComplaintMsg{Client: 1, Order: d.order.ID})
	dr := driveIntake(t, f, 100, 30)
	dr.Set(fDescription, "Снова брак")
	dr.Press("ctrl+s")
	want := model.T("complaintform.still_open", int(first.ID), model.FormatDate(first.Received, nil), d.order.Number)
	if f.Closed() || !strings.Contains(strings.Join(strings.Fields(dr.View()), " "), want) {
		t.Fatalf("no warning %q:\n%s", want, dr.View())
	}
	if len(d.of(1)) != before {
		t.Fatal("saved before the second ctrl+s")
	}
	// esc goes back to the form; the next ctrl+s warns again.
	dr.Press("esc")
	if f.Closed() || len(f.open) != 0 {
		t.Fatalf("esc: closed %v, warning %v", f.Closed(), f.open)
	}
	dr.Press("ctrl+s")
	if len(f.open) != 1 || len(d.of(1)) != before {
		t.Fatalf("no warning the second time round (%d), or saved", len(f.open))
	}
	dr.Press("ctrl+s")
	if c, ok := f.Result(); !ok || c.Order != d.order.ID || len(d.of(1)) != before+1 {
		t.Fatalf("the second ctrl+s did not save: %q", f.banner)
	}
}

func TestIntakeDeadlinePreview(t *testing.T) {
	d := newDept(t)
	f := NewIntake(d.env("kazlauskaite"), common.NewComplaintMsg{Client: 1})
	dr := driveIntake(t, f, 100, 30)
	// Client 1 is category B: a quality claim takes 45 working hours, 9:00–18:00 Moscow (UTC+3),
	// shown in Moscow time with its abbreviation to a user in UTC, as the queue shows it.
	want := "deadline: 30.11.2026 14:00 MSK — 5 working days for a category B client's quality claim"
	if !strings.Contains(dr.View(), want) {
		t.Fatalf("no %q in\n%s", want, dr.View())
	}
	dr.FieldTo(fSerious)
	dr.Press("space")
	if !strings.Contains(dr.View(), "deadline: 23.11.2026 18:00 MSK — 4 working hours for a serious incident") {
		t.Fatalf("serious preview:\n%s", dr.View())
	}
	if !strings.Contains(dr.View(), "someone fell ill") {
		t.Fatalf("no explanation of a serious incident:\n%s", dr.View())
	}
}

func TestIntakeOwnerChoices(t *testing.T) {
	d := newDept(t)
	f := NewIntake(d.env("kazlauskaite"), common.NewComplaintMsg{Client: 2})
	if got := driveIntake(t, f, 100, 30).Options(fOwner); len(got) != 2 || got[0] != "" && got[1] != "" {
		t.Fatalf("an operator is offered %q, want themselves and nobody", got)
	}
	h := NewIntake(d.env("volkova"), common.NewComplaintMsg{Client: 2})
	if got := driveIntake(t, h, 100, 30).Options(fOwner); len(got) != 8 {
		t.Fatalf("the head is offered %q, want nobody and the seven staff", got)
	}
}

func TestEditIntakeKeepsDirectionAndClient(t *testing.T) {
	d := newDept(t)
	c := d.register("kazlauskaite", 1, "", 12_400_00)
	f := EditIntake(d.env("volkova"), c)
	dr := driveIntake(t, f, 100, 30)
	for range 30 { // the fixed fields are never focused
		if k := f.form.Focused(); k == fDirection || k == fClient {
			t.Fatalf("the fixed field %q has the focus", k)
		}
		dr.Press("tab")
	}
	dr.Set(fDescription, "Плесень на трёх коробках")
	dr.FieldTo(fSerious)
	dr.Press("space")
	dr.Press("ctrl+s")
	saved, ok := f.Result()
	if !ok {
		t.Fatalf("not saved: %q", f.banner)
	}
	got := d.complaint(saved.ID)
	if got.Description != "Плесень на трёх коробках" || !got.Serious || got.Client != c.Client || got.Direction != c.Direction {
		t.Fatalf("stored %+v", got)
	}
}

// From a client card the order is not known: choosing one in the form shows
// its lines as the checklist, and a marked line is saved with the complaint.
func TestIntakeChosenOrderShowsItsLines(t *testing.T) {
	d := newDept(t)
	f := NewIntake(d.env("petrov"), common.NewComplaintMsg{Client: 1})
	dr := driveIntake(t, f, 100, 30)
	dr.Choose(fOrder, idText(d.order.ID))
	if f.form.Hidden("line.0") || f.form.Hidden("line.1") || !strings.Contains(dr.View(), "SKU-002") {
		t.Fatalf("the chosen order's lines are not offered:\n%s", dr.View())
	}
	dr.FieldTo("line.1")
	dr.Press("space")
	dr.Set(fDescription, "Сок протёк")
	dr.Press("ctrl+s")
	c, ok := f.Result()
	if !ok {
		t.Fatalf("not saved: %q\n%s", f.banner, dr.View())
	}
	if got := d.complaint(c.ID); got.Order != d.order.ID || len(got.Lines) != 1 || got.Lines[0].SKU != "SKU-002" || got.Lines[0].Qty != 4*model.QtyScale {
		t.Fatalf("stored order %d lines %+v", got.Order, got.Lines)
	}
}

// ctrl+s on an edit where nothing was changed leaves the complaint as it
// was: no new version, no "edited" line in its history.
func TestEditIntakeUnchangedSavesNothing(t *testing.T) {
	d := newDept(t)
	c := d.register("kazlauskaite", 1, "", 12_400_00)
	f := EditIntake(d.env("volkova"), c)
	dr := driveIntake(t, f, 100, 30)
	dr.Press("tab", "tab", "ctrl+s")
	if !f.Closed() {
		t.Fatalf("the unchanged form stayed open:\n%s", dr.View())
	}
	if _, ok := f.Result(); ok {
		t.Fatal("an unchanged edit reports a save")
	}
	got := d.complaint(c.ID)
	if got.Version != c.Version || len(got.Events) != len(c.Events) {
		t.Fatalf("an unchanged edit was stored: version %d→%d, events %d→%d", c.Version, got.Version, len(c.Events), len(got.Events))
	}
}
