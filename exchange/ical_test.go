package exchange

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/emersion/go-ical"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
)

// icalDept is a plan department (clock Monday 2026-11-23 08:00 UTC) with
// ivanova's week: a call at 10:00 Moscow to ООО Ромашка N008 (its contact
// Ольга Иванова), a visit with a window, a cancelled call, one far ahead,
// and one call of sidorov's.
type icalFixture struct {
	boss                          *store.Session
	call, visit, cancelled, later model.ID
	other                         model.ID
}

var icalNow = time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)

func icalDept(t *testing.T) icalFixture {
	t.Helper()
	boss, _ := storetest.PlanDepartment(t, 8, 0, icalNow)
	c, err := boss.Client(8)
	if err != nil {
		t.Fatal(err)
	}
	c.Contacts = []model.Contact{{Name: "Ольга Иванова", Position: "Главный бухгалтер", Phones: []model.Phone{{Raw: "+7 912 345-67-89", Label: "mobile"}}}}
	if _, err := boss.SaveClient(c, "test"); err != nil {
		t.Fatal(err)
	}
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	plan := func(p model.PlanItem) model.ID {
		t.Helper()
		if p.Purpose == "" {
			p.Purpose = model.PurposeDebtReminder
		}
		if p.Priority == 0 {
			p.Priority = model.PriorityNormal
		}
		if p.Origin == "" {
			p.Origin = model.OriginManual
		}
		got, err := boss.Plan(p)
		if err != nil {
			t.Fatal(err)
		}
		return got.ID
	}
	f := icalFixture{boss: boss}
	f.call = plan(model.PlanItem{Kind: model.PlanCall, Client: 8, Assignee: "ivanova", Due: time.Date(2026, 11, 24, 10, 0, 0, 0, msk), Note: "Напомнить о счёте №17, " + strings.Repeat("обсудить отгрузку в декабре; ", 5)})
	f.visit = plan(model.PlanItem{Kind: model.PlanVisit, Client: 3, Assignee: "ivanova", Due: time.Date(2026, 11, 25, 14, 0, 0, 0, msk),
		Until: time.Date(2026, 11, 25, 15, 30, 0, 0, msk), Address: "ул. Ленина, д. 1", Purpose: model.PurposeSale})
	f.cancelled = plan(model.PlanItem{Kind: model.PlanCall, Client: 8, Assignee: "ivanova", Due: time.Date(2026, 11, 26, 9, 0, 0, 0, msk)})
	f.later = plan(model.PlanItem{Kind: model.PlanCall, Client: 8, Assignee: "ivanova", Due: icalNow.AddDate(0, 0, 90)})
	f.other = plan(model.PlanItem{Kind: model.PlanCall, Client: 8, Assignee: "sidorov", Due: time.Date(2026, 11, 24, 11, 0, 0, 0, msk)})
	if _, err := boss.CancelPlan(f.cancelled, 1, "клиент в отпуске"); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f icalFixture) as(t *testing.T, name string) *store.Session {
	t.Helper()
	u, err := f.boss.DB().SignIn(name)
	if err != nil {
		t.Fatal(err)
	}
	return f.boss.DB().As(u)
}

func icalExport(t *testing.T, s *store.Session, opts ExportOptions) ([]byte, []ical.Event) {
	t.Helper()
	var buf bytes.Buffer
	n, err := WritePlanICS(context.Background(), s, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(buf.Bytes())).Decode()
	if err != nil {
		t.Fatalf("the library cannot read the export: %v\n%s", err, buf.Bytes())
	}
	evs := cal.Events()
	if len(evs) != n {
		t.Fatalf("WritePlanICS says %d events, the file holds %d", n, len(evs))
	}
	return buf.Bytes(), evs
}

func icalEventByUID(t *testing.T, evs []ical.Event, id model.ID) *ical.Event {
	t.Helper()
	for i := range evs {
		if uid, _ := evs[i].Props.Text(ical.PropUID); uid == ICalUID(id) {
			return &evs[i]
		}
	}
	return nil
}

func TestICalOwnPlanTimesAndText(t *testing.T) {
	f := icalDept(t)
	ivanova := f.as(t, "ivanova")
	data, evs := icalExport(t, ivanova, ExportOptions{})
	if len(evs) != 3 {
		t.Fatalf("%d events, want ivanova's three in the default period (not sidorov's, not 90 days ahead)\n%s", len(evs), data)
	}
	if icalEventByUID(t, evs, f.later) != nil || icalEventByUID(t, evs, f.other) != nil {
		t.Error("an item outside the period or another's is in the file")
	}
	call := icalEventByUID(t, evs, f.call)
	if call == nil {
		t.Fatal("the call has no event")
	}
	// 10:00 in Moscow is 07:00 UTC, written as UTC so every calendar agrees
	if v := call.Props.Get(ical.PropDateTimeStart).Value; v != "20261124T070000Z" {
		t.Errorf("DTSTART %q, want 20261124T070000Z", v)
	}
	if start, err := call.DateTimeStart(nil); err != nil || !start.Equal(time.Date(2026, 11, 24, 7, 0, 0, 0, time.UTC)) {
		t.Errorf("DTSTART reads back as %v (%v)", start, err)
	}
	if end, err := call.DateTimeEnd(nil); err != nil || !end.Equal(time.Date(2026, 11, 24, 7, 30, 0, 0, time.UTC)) {
		t.Errorf("a call's DTEND %v (%v), want half an hour on", end, err)
	}
	summary, _ := call.Props.Text(ical.PropSummary)
	if !strings.Contains(summary, "ООО Ромашка N008") || !strings.HasPrefix(summary, "Call") {
		t.Errorf("SUMMARY %q", summary)
	}
	desc, _ := call.Props.Text(ical.PropDescription)
	for _, want := range []string{"Ольга Иванова", "+79123456789", "Напомнить о счёте №17"} {
		if !strings.Contains(desc, want) {
			t.Errorf("DESCRIPTION %q lacks %q", desc, want)
		}
	}
	if st, _ := call.Status(); st != ical.EventConfirmed {
		t.Errorf("STATUS %q", st)
	}
	if call.Props.Get(ical.PropDateTimeStamp) == nil {
		t.Error("no DTSTAMP")
	}
	for _, l := range strings.SplitAfter(string(data), "\r\n") {
		if len(strings.TrimSuffix(l, "\r\n")) > 75 || (l != "" && !strings.HasSuffix(l, "\r\n")) {
			t.Errorf("a line of %d octets or without CRLF: %q", len(l), l)
		}
	}
	if strings.Contains(string(data), "VALUE=TEXT") {
		t.Error("an integer or X- property is typed as text")
	}
	if seq := call.Props.Get(ical.PropSequence); seq == nil || seq.Value != "1" {
		t.Errorf("SEQUENCE %v, want the item's version 1", seq)
	}
	visit := icalEventByUID(t, evs, f.visit)
	if loc, _ := visit.Props.Text(ical.PropLocation); loc != "ул. Ленина, д. 1" {
		t.Errorf("LOCATION %q", loc)
	}
	if end, _ := visit.DateTimeEnd(nil); !end.Equal(time.Date(2026, 11, 25, 12, 30, 0, 0, time.UTC)) {
		t.Errorf("the visit's window ends %v, want 12:30Z", end)
	}
	if st, _ := icalEventByUID(t, evs, f.cancelled).Status(); st != ical.EventCancelled {
		t.Errorf("a cancelled item's STATUS %q", st)
	}

	// a re-export is the same file: the same UIDs, so a calendar updates
	again, _ := icalExport(t, ivanova, ExportOptions{})
	if !bytes.Equal(again, data) {
		t.Error("two exports of the same plan differ")
	}
	// a change moves the event, keeps its UID and raises SEQUENCE
	if _, err := f.boss.Reschedule(f.call, 1, time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC), time.Time{}, "просили позже"); err != nil {
		t.Fatal(err)
	}
	_, evs = icalExport(t, ivanova, ExportOptions{From: icalNow, To: icalNow.AddDate(0, 0, 7)})
	old := icalEventByUID(t, evs, f.call)
	if old == nil {
		t.Fatal("the rescheduled item's event is gone: the calendar would keep it")
	}
	if st, _ := old.Status(); st != ical.EventCancelled {
		t.Errorf("the rescheduled item's old event is %q, want CANCELLED", st)
	}
	if len(evs) != 4 {
		t.Errorf("%d events after a reschedule, want 4 (the new item's too)", len(evs))
	}
}

func TestICalRights(t *testing.T) {
	f := icalDept(t)
	ivanova := f.as(t, "ivanova")
	if err := planAllowed(ivanova, ExportOptions{Format: ICS}); err != nil {
		t.Errorf("one's own plan refused: %v", err)
	}
	if err := planAllowed(ivanova, ExportOptions{Format: ICS, User: "sidorov"}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator may export another's plan: %v", err)
	}
	if _, err := WritePlanICS(context.Background(), ivanova, &bytes.Buffer{}, ExportOptions{Format: ICS, User: "sidorov"}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("the store let an operator read another's plan: %v", err)
	}
	if err := planAllowed(ivanova, ExportOptions{Format: CSV}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator may export the plan as CSV: %v", err)
	}
	head := f.as(t, storetest.PlanHead)
	if err := planAllowed(head, ExportOptions{Format: ICS, User: "ivanova"}); err != nil {
		t.Errorf("the head may not export ivanova's plan: %v", err)
	}
	_, evs := icalExport(t, head, ExportOptions{User: "ivanova"})
	if len(evs) != 3 {
		t.Errorf("the head sees %d of ivanova's events", len(evs))
	}
}

func TestICalThroughExport(t *testing.T) {
	f := icalDept(t)
	ivanova := f.as(t, "ivanova")
	var buf bytes.Buffer
	n, err := Export(context.Background(), ivanova, Plan, &buf, ExportOptions{Format: ICS})
	if errors.Is(err, csvio.ErrNotImplemented) {
		t.Skip("the export driver is a stub")
	}
	if err != nil {
		t.Fatalf("an operator's own plan: %v", err)
	}
	want, _ := icalExport(t, ivanova, ExportOptions{})
	if n != 3 || !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("Export wrote %d events:\n%s", n, buf.Bytes())
	}
}
