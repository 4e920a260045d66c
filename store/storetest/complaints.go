package storetest

import (
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
)

// Complaints names the complaints of ComplaintDepartment by the state each
// was left in.
type Complaints struct {
	Unassigned model.ID // registered, unassigned, quality, client 1, received 2 h before now
	Serious    model.ID // registered, unassigned, serious delivery incident, client 2: the queue's top
	Outgoing   model.ID // registered, unassigned outgoing settlement claim, client 3: operators skip it
	Assigned   model.ID // assigned to the operator ivanova, service, client 4
	Overdue    model.ID // investigating by the operator sidorov, received 15 days before now: overdue
	Waiting    model.ID // waiting for the client (deadline paused), ivanova's, delivery, client 6
	Escalated  model.ID // petrov's (manager), escalated to the head volkova, quality, client 2
	Answered   model.ID // answered by the manager jonaitis, settlement, client 7
	Feedback   model.ID // awaiting the client's feedback, petrov's, after_act, client 8
	Closed     model.ID // closed by ivanova, satisfied fully with a refund, with its follow-up call, client 1
	Rejected   model.ID // closed rejected by volkova, justified: no, service, client 9
	Reopened   model.ID // closed by petrov, then reopened (history kept), delivery, client 10
}

// All lists the complaints in the order above.
func (c Complaints) All() []model.ID {
	return []model.ID{c.Unassigned, c.Serious, c.Outgoing, c.Assigned, c.Overdue, c.Waiting, c.Escalated,
		c.Answered, c.Feedback, c.Closed, c.Rejected, c.Reopened}
}

// ComplaintDepartment is PlanDepartment (12 clients, 40 plan items, the
// clock fixed at now: take a weekday morning inside working hours, e.g.
// Monday 2026-11-23 11:00 UTC) with the default complaint settings and a
// dozen complaints in every state (Complaints says which), each made
// through the sessions of the staff who would make it: complaints
// without an owner are registered by the operator kazlauskaite, the others by
// their owners (the head registers the one she gives to ivanova). The director's session
// is db.As(boss); sign the others in with db.SignIn(name).
func ComplaintDepartment(t testing.TB, now time.Time) (*store.DB, Complaints) {
	t.Helper()
	boss, _ := PlanDepartment(t, 12, 40, now)
	db := boss.DB()
	as := func(name string) *store.Session {
		u, err := db.SignIn(name)
		if err != nil {
			t.Fatal(err)
		}
		return db.As(u)
	}
	ok := func(c model.Complaint, err error) model.Complaint {
		t.Helper()
		if err != nil {
			t.Fatalf("complaint department: %v", err)
		}
		return c
	}
	now = now.UTC()
	reg := as("kazlauskaite")
	ivanova, sidorov, petrov, jonaitis, volkova := as("ivanova"), as("sidorov"), as("petrov"), as("jonaitis"), as(PlanHead)
	register := func(s *store.Session, client int, d model.ComplaintDirection, tp model.ComplaintType, ago time.Duration, owner, text string, claimed int64) model.Complaint {
		t.Helper()
		return ok(s.RegisterComplaint(model.Complaint{Direction: d, Type: tp, Client: model.ID(client),
			Channel: model.ChannelPhone, Received: now.Add(-ago), Owner: owner, Description: text,
			Claimed: model.Money{Minor: claimed * 100}, Priority: model.PriorityNormal}))
	}
	move := func(s *store.Session, c model.Complaint, to model.ComplaintStatus, note string) model.Complaint {
		t.Helper()
		return ok(s.MoveComplaint(c.ID, c.Version, to, note))
	}
	var out Complaints
	in := model.DirectionIncoming

	out.Unassigned = register(reg, 1, in, model.TypeQuality, 2*time.Hour, "", "Плесень на двух коробках печенья", 12_400).ID

	serious := model.Complaint{Direction: in, Type: model.TypeDelivery, Client: 2, Channel: model.ChannelPhone,
		Received: now.Add(-30 * time.Minute), Description: "Водитель повредил витрину при разгрузке", Serious: true,
		Claimed: model.Money{Minor: 85_000_00}, Priority: model.PriorityHigh}
	out.Serious = ok(reg.RegisterComplaint(serious)).ID

	out.Outgoing = register(petrov, 3, model.DirectionOutgoing, model.TypeSettlement, 26*time.Hour, "", "Покупатель не оплатил поставку в срок: пеня по договору", 40_000).ID

	out.Assigned = register(volkova, 4, in, model.TypeService, 3*time.Hour, "ivanova", "Менеджер не перезвонил, как обещал", 0).ID

	c := register(sidorov, 5, in, model.TypeQuality, 15*24*time.Hour, "sidorov", "Недовес в трёх мешках сахара", 3_150)
	out.Overdue = move(sidorov, c, model.ComplaintInvestigating, "").ID

	c = register(ivanova, 6, in, model.TypeDelivery, 28*time.Hour, "ivanova", "Поставка пришла на день позже", 0)
	c = move(ivanova, c, model.ComplaintInvestigating, "")
	out.Waiting = move(ivanova, c, model.ComplaintWaiting, "ждём фото накладной от клиента").ID

	c = register(petrov, 2, in, model.TypeQuality, 50*time.Hour, "petrov", "Пересортица: вместо сорта А пришёл сорт Б", 27_000)
	c = move(petrov, c, model.ComplaintInvestigating, "")
	out.Escalated = ok(petrov.EscalateComplaint(c.ID, c.Version, PlanHead, "Клиент требует скидку больше моего лимита")).ID

	c = register(jonaitis, 7, in, model.TypeSettlement, 30*time.Hour, "jonaitis", "Не учтена предоплата в акте сверки", 18_000)
	c = move(jonaitis, c, model.ComplaintInvestigating, "")
	out.Answered = move(jonaitis, c, model.ComplaintAnswered, "Предоплата учтена, исправленный акт отправлен").ID

	c = register(petrov, 8, in, model.TypeAfterAct, 70*time.Hour, "petrov", "После подписания акта нашли брак", 9_900)
	c = move(petrov, c, model.ComplaintInvestigating, "")
	c = move(petrov, c, model.ComplaintAnswered, "Заменим брак со следующей поставкой")
	out.Feedback = move(petrov, c, model.ComplaintFeedback, "").ID

	c = register(ivanova, 1, in, model.TypeQuality, 6*24*time.Hour, "ivanova", "Битая упаковка соков", 4_800)
	c = move(ivanova, c, model.ComplaintInvestigating, "")
	c = move(ivanova, c, model.ComplaintAnswered, "Вернём деньги за шесть упаковок")
	out.Closed = ok(ivanova.CloseComplaint(c.ID, c.Version, model.Closing{Decision: model.DecisionFull,
		Satisfied: model.Money{Minor: 4_800_00}, Remedy: model.RemedyRefund, Reason: model.ReasonDamaged,
		Fault: model.FaultCarrier, Feedback: "Спасибо, всё в порядке"})).ID

	c = register(volkova, 9, in, model.TypeService, 4*24*time.Hour, PlanHead, "Грубость водителя", 0)
	c = move(volkova, c, model.ComplaintInvestigating, "")
	c = move(volkova, c, model.ComplaintAnswered, "Водитель работает по договору перевозчика; жалоба не подтвердилась")
	no := false
	out.Rejected = ok(volkova.CloseComplaint(c.ID, c.Version, model.Closing{Decision: model.DecisionRejected,
		Remedy: model.RemedyNone, Reason: model.ReasonStaff, Fault: model.FaultCarrier, Justified: &no})).ID

	c = register(petrov, 10, in, model.TypeDelivery, 8*24*time.Hour, "petrov", "Недопоставка двух позиций", 6_000)
	c = move(petrov, c, model.ComplaintInvestigating, "")
	c = move(petrov, c, model.ComplaintAnswered, "Допоставим в четверг")
	c = ok(petrov.CloseComplaint(c.ID, c.Version, model.Closing{Decision: model.DecisionPartly,
		Satisfied: model.Money{Minor: 3_000_00}, Remedy: model.RemedyReplacement, Reason: model.ReasonShortage,
		Fault: model.FaultOurs}))
	out.Reopened = move(petrov, c, model.ComplaintReopened, "Клиент: допоставка тоже неполная").ID

	return db, out
}
