package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// reportNow is Wednesday 25.11.2026 11:00 UTC, the store's clock in the report tests.
var reportNow = time.Date(2026, 11, 25, 11, 0, 0, 0, time.UTC)

// putSummaries writes complaints' index entries as the store keeps them:
// every one in idx_complaint_received, the open ones in idx_complaint_queue.
func putSummaries(t testing.TB, db *DB, cs []reportCase) {
	t.Helper()
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for _, rc := range cs {
			c := rc.c
			v := summarize(&c, rc.answerMin)
			v.Late = rc.late
			enc := v.encode()
			if err := tx.Bucket(bucketComplaintReceived).Put(complaintReceivedKey(&c), enc); err != nil {
				return err
			}
			if c.Status != model.ComplaintClosed {
				if err := tx.Bucket(bucketComplaintQueue).Put(complaintQueueKey(&c), enc); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

type reportCase struct {
	c         model.Complaint
	answerMin int
	late      bool
}

func rub(units int64) model.Money { return model.Money{Minor: units * 100} }

func closing(d model.Decision, paid int64, reason model.ReasonCode, fault model.FaultParty, justified *bool) *model.Closing {
	return &model.Closing{Decision: d, Satisfied: rub(paid), Remedy: model.RemedyRefund, Reason: reason, Fault: fault, Justified: justified}
}

// reportSet is a known month of complaints and a few outside it.
func reportSet() []reportCase {
	yes, no := true, false
	nov := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	in, out := model.DirectionIncoming, model.DirectionOutgoing
	return []reportCase{
		// the second before the period
		{c: model.Complaint{ID: 1, Direction: in, Type: model.TypeQuality, Received: nov(1, 0).Add(-time.Second),
			Status: model.ComplaintClosed, Claimed: rub(7000), Owner: "petrov", Closing: closing(model.DecisionFull, 7000, model.ReasonDefect, model.FaultOurs, nil)}, answerMin: 9000},
		// its first second
		{c: model.Complaint{ID: 2, Direction: in, Type: model.TypeQuality, Received: nov(1, 0), Status: model.ComplaintClosed,
			Claimed: rub(1000), Owner: "petrov", SLA: 1620, Closing: closing(model.DecisionFull, 1000, model.ReasonDefect, model.FaultManufacturer, &yes)}, answerMin: 300},
		{c: model.Complaint{ID: 3, Direction: in, Type: model.TypeDelivery, Received: nov(5, 10), Status: model.ComplaintClosed,
			Claimed: rub(500), Owner: "Иванова", SLA: 1620, Closing: closing(model.DecisionPartly, 200, model.ReasonShortage, model.FaultCarrier, &no)}, answerMin: 2000, late: true},
		{c: model.Complaint{ID: 4, Direction: out, Type: model.TypeSettlement, Received: nov(10, 12), Status: model.ComplaintClosed,
			Claimed: rub(300), Owner: "petrov", SLA: 540, Closing: closing(model.DecisionRejected, 0, model.ReasonNonPayment, model.FaultClient, nil)}, answerMin: 60},
		// open, unassigned, overdue since Monday
		{c: model.Complaint{ID: 5, Direction: in, Type: model.TypeQuality, Received: nov(20, 9), Status: model.ComplaintRegistered,
			Claimed: rub(100), SLA: 540, Deadline: nov(23, 9)}},
		// waiting for the client: past its deadline, but the clock stands still
		{c: model.Complaint{ID: 6, Direction: in, Type: model.TypeService, Received: nov(24, 9), Status: model.ComplaintWaiting,
			Owner: "petrov", SLA: 540, Deadline: nov(20, 9), PausedAt: nov(24, 12)}},
		// the period's end is not in it: open, escalated to the head, not due yet
		{c: model.Complaint{ID: 7, Direction: in, Type: model.TypeQuality, Received: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
			Status: model.ComplaintEscalated, Owner: "petrov", SLA: 540, Deadline: time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC),
			Escalations: []model.Escalation{{By: "petrov", To: "volkova", Level: model.RoleHead, Reason: "the client wants the head"}}}},
		// long before, serious and long overdue
		{c: model.Complaint{ID: 8, Direction: in, Type: model.TypeQuality, Received: time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC),
			Status: model.ComplaintInvestigating, Owner: "jonaitis", Serious: true, SLA: 480, Deadline: time.Date(2026, 9, 2, 9, 0, 0, 0, time.UTC)}},
	}
}

func openReportDB(t testing.TB) (*DB, *Session) {
	t.Helper()
	return openDirectorAt(t, func() time.Time { return reportNow })
}

func TestComplaintReportKnownMonth(t *testing.T) {
	db, boss := openReportDB(t)
	putSummaries(t, db, reportSet())
	head := addUser(t, boss, "volkova", model.RoleHead)
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	r, err := head.ComplaintReport(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	cur := model.DefaultPriceSettings().Currency
	money := func(units int64) model.Money { return model.Money{Minor: units * 100, Currency: cur} }
	line := func(key string, recv, sat, rej int, claimed, paid int64, just int) model.ReportLine {
		return model.ReportLine{Key: key, Received: recv, Satisfied: sat, Rejected: rej, Claimed: money(claimed), Paid: money(paid), Justified: just}
	}
	if r.Currency != cur || !r.From.Equal(from) || !r.To.Equal(to) {
		t.Errorf("currency %q period %v–%v, want %q %v–%v", r.Currency, r.From, r.To, cur, from, to)
	}
	if want := line("", 5, 2, 1, 1900, 1200, 1); r.Total != want {
		t.Errorf("total %+v, want %+v", r.Total, want)
	}
	checkLines(t, "reason", r.ByReason, []model.ReportLine{
		line("", 2, 0, 0, 100, 0, 0), line("defect", 1, 1, 0, 1000, 1000, 1),
		line("non_payment", 1, 0, 1, 300, 0, 0), line("shortage", 1, 1, 0, 500, 200, 0)})
	checkLines(t, "fault", r.ByFault, []model.ReportLine{
		line("", 2, 0, 0, 100, 0, 0), line("carrier", 1, 1, 0, 500, 200, 0),
		line("client", 1, 0, 1, 300, 0, 0), line("manufacturer", 1, 1, 0, 1000, 1000, 1)})
	checkLines(t, "type", r.ByType, []model.ReportLine{
		line("quality", 2, 1, 0, 1100, 1000, 1), line("delivery", 1, 1, 0, 500, 200, 0),
		line("service", 1, 0, 0, 0, 0, 0), line("settlement", 1, 0, 1, 300, 0, 0)})
	checkLines(t, "owner", r.ByOwner, []model.ReportLine{
		line("petrov", 3, 1, 1, 1300, 1000, 1), line("", 1, 0, 0, 100, 0, 0), line("Иванова", 1, 1, 0, 500, 200, 0)})
	checkLines(t, "direction", r.ByDirection, []model.ReportLine{
		line("incoming", 4, 2, 0, 1600, 1200, 1), line("outgoing", 1, 0, 1, 300, 0, 0)})

	if r.Answered != 3 || r.AvgAnswer != 786*time.Minute || r.WorstAnswer != 2000*time.Minute || r.WorstID != 3 ||
		r.AnsweredLate != 1 || r.AvgSLA != 1260*time.Minute {
		t.Errorf("answers: %d avg %v worst %v (#%d) late %d avg deadline %v; want 3, 13h6m, 33h20m (#3), 1, 21h",
			r.Answered, r.AvgAnswer, r.WorstAnswer, r.WorstID, r.AnsweredLate, r.AvgSLA)
	}
	if r.OpenNow != 4 || r.WaitingNow != 1 || r.EscalatedNow != 1 {
		t.Errorf("now: open %d waiting %d escalated %d; want 4 1 1", r.OpenNow, r.WaitingNow, r.EscalatedNow)
	}
	// #5 (due Monday) and #8 (due in September) are overdue; #6 is paused, #7 due in December.
	if want := overdueOneByOne(reportSet()); r.OverdueNow != want {
		t.Errorf("overdue now %d, asking the calendar one by one %d", r.OverdueNow, want)
	}
	if r.OverdueNow != 2 {
		t.Errorf("overdue now %d, want 2", r.OverdueNow)
	}
}

// overdueOneByOne counts the open complaints not paused whose time left is
// negative at reportNow, asking the calendar for each.
func overdueOneByOne(cs []reportCase) int {
	cal := model.DefaultComplaintSettings().Calendar()
	n := 0
	for _, rc := range cs {
		if !model.ClockStopped(rc.c.Status) && rc.c.PausedAt.IsZero() && model.TimeLeft(cal, rc.c.Deadline, time.Time{}, reportNow) < 0 {
			n++
		}
	}
	return n
}

func checkLines(t *testing.T, name string, got, want []model.ReportLine) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("by %s: %d lines %+v, want %d %+v", name, len(got), got, len(want), want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("by %s line %d: %+v, want %+v", name, i, got[i], want[i])
		}
	}
}

// The breakdowns add up to the total, whatever the period.
func TestComplaintReportBreakdownsAddUp(t *testing.T) {
	db, boss := openReportDB(t)
	putSummaries(t, db, reportSet())
	for _, p := range [][2]time.Time{
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2026, 11, 5, 10, 0, 0, 0, time.UTC), time.Date(2026, 11, 5, 10, 0, 1, 0, time.UTC)},
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}, // backwards: empty
	} {
		r, err := boss.ComplaintReport(context.Background(), p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		for name, lines := range map[string][]model.ReportLine{"reason": r.ByReason, "fault": r.ByFault,
			"type": r.ByType, "owner": r.ByOwner, "direction": r.ByDirection} {
			var sum model.ReportLine
			for _, l := range lines {
				sum.Received += l.Received
				sum.Satisfied += l.Satisfied
				sum.Rejected += l.Rejected
				sum.Claimed.Minor += l.Claimed.Minor
				sum.Paid.Minor += l.Paid.Minor
				sum.Justified += l.Justified
			}
			tot := r.Total
			if sum.Received != tot.Received || sum.Satisfied != tot.Satisfied || sum.Rejected != tot.Rejected ||
				sum.Claimed.Minor != tot.Claimed.Minor || sum.Paid.Minor != tot.Paid.Minor || sum.Justified != tot.Justified {
				t.Errorf("%v–%v by %s sums to %+v, total %+v", p[0], p[1], name, sum, tot)
			}
		}
	}
	r, _ := boss.ComplaintReport(context.Background(), time.Date(2026, 11, 5, 10, 0, 0, 0, time.UTC), time.Date(2026, 11, 5, 10, 0, 1, 0, time.UTC))
	if r.Total.Received != 1 || r.WorstID != 3 {
		t.Errorf("one second's report: %d received, worst #%d; want 1, #3", r.Total.Received, r.WorstID)
	}
}

// Only the head and the director see the report.
func TestComplaintReportRights(t *testing.T) {
	db, boss := openReportDB(t)
	putSummaries(t, db, reportSet())
	for _, u := range []struct {
		name string
		role model.Role
		ok   bool
	}{{"sidorova", model.RoleOperator, false}, {"petrova", model.RoleManager, false}, {"volkova", model.RoleHead, true}, {"boss", "", true}} {
		s := boss
		if u.role != "" {
			s = addUser(t, boss, u.name, u.role)
		}
		r, err := s.ComplaintReport(context.Background(), time.Time{}, reportNow)
		switch {
		case u.ok && err != nil:
			t.Errorf("%s: %v", u.name, err)
		case u.ok && r.Total.Received != 7:
			t.Errorf("%s sees %d complaints, want 7", u.name, r.Total.Received)
		case !u.ok && !errors.Is(err, model.ErrForbidden):
			t.Errorf("%s: err %v, want forbidden", u.name, err)
		case !u.ok && (r.Total.Received != 0 || r.OpenNow != 0):
			t.Errorf("%s was refused but got figures %+v", u.name, r)
		case !u.ok && err.Error() != model.T("complaintreport.forbidden"):
			t.Errorf("%s: %q, want the report's sentence", u.name, err)
		}
	}
}

// A cancelled request stops the walk.
func TestComplaintReportCancelled(t *testing.T) {
	db, boss := openReportDB(t)
	var cs []reportCase
	for i := 1; i <= 2*reportCheckEvery; i++ {
		cs = append(cs, reportCase{c: model.Complaint{ID: model.ID(i), Direction: model.DirectionIncoming, Type: model.TypeService,
			Received: reportNow.Add(-time.Duration(i) * time.Minute), Status: model.ComplaintClosed}})
	}
	putSummaries(t, db, cs)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := boss.ComplaintReport(ctx, time.Time{}, reportNow); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	r, err := boss.ComplaintReport(context.Background(), time.Time{}, reportNow)
	if err != nil || r.Total.Received != len(cs) {
		t.Fatalf("%d received, %v; want %d", r.Total.Received, err, len(cs))
	}
}

// The overdue count (a binary search over the sorted deadlines) agrees with
// asking the calendar complaint by complaint, deadlines on working days,
// weekends and nights around now.
func TestComplaintReportOverdueAgrees(t *testing.T) {
	db, boss := openReportDB(t)
	var cs []reportCase
	for i := 1; i <= 400; i++ {
		c := model.Complaint{ID: model.ID(i), Direction: model.DirectionIncoming, Type: model.TypeDelivery,
			Received: reportNow.AddDate(0, 0, -40), Status: model.ComplaintInvestigating, Serious: i%7 == 0,
			Deadline: reportNow.Add(time.Duration(i*37-7400) * 7 * time.Minute)}
		if i%11 == 0 {
			c.Status, c.PausedAt = model.ComplaintWaiting, reportNow.AddDate(0, 0, -1)
		}
		if i%13 == 0 { // answered: the clock stopped, never overdue
			c.Status, c.Answered = model.ComplaintAnswered, reportNow.AddDate(0, 0, -2)
		}
		cs = append(cs, reportCase{c: c})
	}
	putSummaries(t, db, cs)
	r, err := boss.ComplaintReport(context.Background(), time.Time{}, reportNow)
	if err != nil {
		t.Fatal(err)
	}
	if want := overdueOneByOne(cs); r.OverdueNow != want || r.OpenNow != 400 || r.WaitingNow != 400/11-400/143 {
		t.Errorf("overdue %d open %d waiting %d; want %d, 400, %d", r.OverdueNow, r.OpenNow, r.WaitingNow, want, 400/11-400/143)
	}
}

// The report over complaints made through the store as people make them:
// registered, answered and closed at their own times, a verdict, a pause,
// an escalation; the figures agree with the records.
func TestComplaintReportThroughTheStore(t *testing.T) {
	clock := time.Date(2026, 10, 31, 23, 59, 59, 0, time.UTC)
	_, boss := openDirectorAt(t, func() time.Time { return clock })
	petrov := addUser(t, boss, "petrov", model.RoleManager)
	ivanova := addUser(t, boss, "ivanova", model.RoleOperator)
	volkova := addUser(t, boss, "volkova", model.RoleHead)
	client := mustSave(t, boss, newClient("ООО Ромашка"), "")

	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	ok := func(c model.Complaint, err error) model.Complaint {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	register := func(s *Session, when time.Time, d model.ComplaintDirection, tp model.ComplaintType, owner string, claimed int64) model.Complaint {
		t.Helper()
		clock = when
		return ok(s.RegisterComplaint(model.Complaint{Direction: d, Type: tp, Client: client.ID, Channel: model.ChannelPhone,
			Received: when, Owner: owner, Description: "претензия", Claimed: rub(claimed)}))
	}
	move := func(s *Session, c model.Complaint, when time.Time, to model.ComplaintStatus) model.Complaint {
		t.Helper()
		clock = when
		return ok(s.MoveComplaint(c.ID, c.Version, to, "ответ клиенту"))
	}
	closeAs := func(s *Session, c model.Complaint, when time.Time, cl *model.Closing) model.Complaint {
		t.Helper()
		clock = when
		if cl.Decision == model.DecisionRejected {
			cl.Remedy = model.RemedyNone
		}
		return ok(s.CloseComplaint(c.ID, c.Version, *cl))
	}
	in, out := model.DirectionIncoming, model.DirectionOutgoing

	// the last second of October: outside the period
	c0 := register(petrov, clock, in, model.TypeQuality, "petrov", 7000)
	c0 = move(petrov, c0, at(2, 9, 0), model.ComplaintInvestigating)
	c0 = move(petrov, c0, at(2, 10, 0), model.ComplaintAnswered)
	closeAs(petrov, c0, at(2, 11, 0), closing(model.DecisionFull, 7000, model.ReasonDefect, model.FaultOurs, nil))

	c1 := register(ivanova, at(2, 9, 0), in, model.TypeQuality, "ivanova", 1000)
	c1 = move(ivanova, c1, at(2, 10, 0), model.ComplaintInvestigating)
	c1 = move(ivanova, c1, at(2, 14, 0), model.ComplaintAnswered)
	closeAs(ivanova, c1, at(3, 9, 0), closing(model.DecisionFull, 1000, model.ReasonDefect, model.FaultManufacturer, nil))

	c2 := register(petrov, at(3, 10, 0), in, model.TypeDelivery, "petrov", 500)
	c2 = move(petrov, c2, at(3, 11, 0), model.ComplaintInvestigating)
	c2 = move(petrov, c2, at(12, 15, 0), model.ComplaintAnswered) // long after its deadline
	c2 = closeAs(petrov, c2, at(13, 9, 0), closing(model.DecisionPartly, 200, model.ReasonShortage, model.FaultCarrier, nil))
	clock = at(13, 10, 0)
	ok(volkova.SetJustified(c2.ID, c2.Version, true))

	c3 := register(petrov, at(10, 12, 0), out, model.TypeSettlement, "petrov", 300)
	c3 = move(petrov, c3, at(10, 13, 0), model.ComplaintInvestigating)
	c3 = move(petrov, c3, at(11, 9, 0), model.ComplaintAnswered)
	closeAs(petrov, c3, at(11, 10, 0), closing(model.DecisionRejected, 0, model.ReasonNonPayment, model.FaultClient, nil))

	register(ivanova, at(20, 9, 0), in, model.TypeQuality, "", 100) // open, unassigned, overdue by December

	c5 := register(petrov, at(24, 9, 0), in, model.TypeService, "petrov", 0)
	c5 = move(petrov, c5, at(24, 10, 0), model.ComplaintInvestigating)
	move(petrov, c5, at(24, 12, 0), model.ComplaintWaiting)

	// the period's end is not in it
	c6 := register(petrov, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), in, model.TypeQuality, "petrov", 50)
	clock = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	c6 = move(petrov, c6, clock, model.ComplaintInvestigating)
	ok(petrov.EscalateComplaint(c6.ID, c6.Version, "volkova", "клиент просит руководителя"))

	clock = time.Date(2026, 12, 2, 11, 0, 0, 0, time.UTC)
	from, to := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	r, err := volkova.ComplaintReport(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	cur := r.Currency
	money := func(units int64) model.Money { return model.Money{Minor: units * 100, Currency: cur} }
	if want := (model.ReportLine{Received: 5, Satisfied: 2, Rejected: 1, Claimed: money(1900), Paid: money(1200), Justified: 1}); r.Total != want {
		t.Errorf("total %+v, want %+v", r.Total, want)
	}
	checkLines(t, "owner", r.ByOwner, []model.ReportLine{
		{Key: "petrov", Received: 3, Satisfied: 1, Rejected: 1, Claimed: money(800), Paid: money(200), Justified: 1},
		{Key: "", Received: 1, Claimed: money(100), Paid: money(0)},
		{Key: "ivanova", Received: 1, Satisfied: 1, Claimed: money(1000), Paid: money(1000)}})
	checkLines(t, "direction", r.ByDirection, []model.ReportLine{
		{Key: "incoming", Received: 4, Satisfied: 2, Claimed: money(1600), Paid: money(1200), Justified: 1},
		{Key: "outgoing", Received: 1, Rejected: 1, Claimed: money(300), Paid: money(0)}})

	// The answer figures against the records: working time from received to
	// the first answer in the settings' calendar, none of them paused.
	cs, err := volkova.ComplaintSettings()
	if err != nil {
		t.Fatal(err)
	}
	cal := cs.Calendar()
	var sum, sla, worst time.Duration
	var worstID model.ID
	late := 0
	for _, id := range []model.ID{c1.ID, c2.ID, c3.ID} {
		c, err := volkova.Complaint(id)
		if err != nil {
			t.Fatal(err)
		}
		took := cal.Between(c.Received, c.Answered).Truncate(time.Minute)
		sum += took
		sla += time.Duration(c.SLA) * time.Minute
		if took > worst {
			worst, worstID = took, id
		}
		if c.Answered.After(c.Deadline) {
			late++
		}
	}
	if late == 0 {
		t.Fatal("the fixture meant #2 to be answered late")
	}
	if r.Answered != 3 || r.AvgAnswer != (sum/3).Truncate(time.Minute) || r.WorstAnswer != worst || r.WorstID != worstID ||
		r.AnsweredLate != late || r.AvgSLA != (sla/3).Truncate(time.Minute) {
		t.Errorf("answers %d avg %v worst %v #%d late %d deadline %v; want 3 %v %v #%d %d %v", r.Answered, r.AvgAnswer,
			r.WorstAnswer, r.WorstID, r.AnsweredLate, r.AvgSLA, (sum / 3).Truncate(time.Minute), worst, worstID, late, (sla / 3).Truncate(time.Minute))
	}
	if r.OpenNow != 3 || r.WaitingNow != 1 || r.EscalatedNow != 1 || r.OverdueNow != 1 {
		t.Errorf("now: open %d waiting %d escalated %d overdue %d; want 3 1 1 1", r.OpenNow, r.WaitingNow, r.EscalatedNow, r.OverdueNow)
	}
}

// The report reads only: a database opened read-only gives it in full.
func TestComplaintReportReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "clientbase.db")
	db, err := Open(path, Options{Now: func() time.Time { return reportNow }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SignIn("boss"); err != nil {
		t.Fatal(err)
	}
	putSummaries(t, db, reportSet())
	db.Close()
	ro, err := Open(path, Options{ReadOnly: true, Now: func() time.Time { return reportNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	u, err := ro.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	r, err := ro.As(u).ComplaintReport(context.Background(), time.Time{}, reportNow)
	if err != nil || r.Total.Received != 7 || r.OpenNow != 4 {
		t.Fatalf("read-only report: %d received, %d open, %v; want 7, 4", r.Total.Received, r.OpenNow, err)
	}
}
