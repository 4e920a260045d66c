package model

import "time"

// PlanKind is what a plan item asks for: a call or a visit.
type PlanKind string

const (
	PlanCall  PlanKind = "call"
	PlanVisit PlanKind = "visit"
)

var PlanKinds = []PlanKind{PlanCall, PlanVisit}

// Purpose is why a call or visit is planned (DOMAIN.md: Call-plan item).
type Purpose string

const (
	PurposeSale              Purpose = "sale"
	PurposeFollowUp          Purpose = "follow_up"
	PurposeDebtReminder      Purpose = "debt_reminder"
	PurposePriceChange       Purpose = "price_change"
	PurposeNewProduct        Purpose = "new_product"
	PurposeSurvey            Purpose = "survey"
	PurposeComplaintFollowUp Purpose = "complaint_follow_up"
	PurposeReconciliation    Purpose = "reconciliation"
	PurposeProlongation      Purpose = "prolongation"
	PurposeEventInvitation   Purpose = "event_invitation"
)

var Purposes = []Purpose{PurposeSale, PurposeFollowUp, PurposeDebtReminder, PurposePriceChange,
	PurposeNewProduct, PurposeSurvey, PurposeComplaintFollowUp, PurposeReconciliation,
	PurposeProlongation, PurposeEventInvitation}

// Origin records where a plan item came from. Every plan item is created by
// one store function that requires it.
type Origin string

const (
	OriginManual           Origin = "manual"
	OriginWeeklyPlan       Origin = "weekly_plan"
	OriginOffPlan          Origin = "off_plan" // a call made outside the plan, recorded as done
	OriginOverdueDebt      Origin = "overdue_debt"
	OriginContractExpiry   Origin = "contract_expiry"
	OriginPriceChange      Origin = "price_change"
	OriginComplaintClosure Origin = "complaint_closure"
	OriginLapsedClient     Origin = "lapsed_client"
	OriginRecurring        Origin = "recurring"     // the client's contact frequency
	OriginEscalation       Origin = "escalation"    // an operator escalated a call to the manager
	OriginPaymentCheck     Origin = "payment_check" // check call after a promise to pay
)

var Origins = []Origin{OriginManual, OriginWeeklyPlan, OriginOffPlan, OriginOverdueDebt,
	OriginContractExpiry, OriginPriceChange, OriginComplaintClosure, OriginLapsedClient,
	OriginRecurring, OriginEscalation, OriginPaymentCheck}

// PlanStatus is where a plan item stands. "Overdue" is derived (planned and
// due before now), never stored.
type PlanStatus string

const (
	PlanPlanned     PlanStatus = "planned"
	PlanDone        PlanStatus = "done"
	PlanRescheduled PlanStatus = "rescheduled" // moved by a person: NextID is the new item
	PlanCancelled   PlanStatus = "cancelled"
)

var PlanStatuses = []PlanStatus{PlanPlanned, PlanDone, PlanRescheduled, PlanCancelled}

// Priority orders items due at the same time: 1 high, 2 normal, 3 low.
type Priority int

const (
	PriorityHigh   Priority = 1
	PriorityNormal Priority = 2
	PriorityLow    Priority = 3
)

var Priorities = []Priority{PriorityHigh, PriorityNormal, PriorityLow}

// PlanItem is a planned call or visit.
type PlanItem struct {
	ID       ID       `json:"id"`
	Kind     PlanKind `json:"kind"`
	Client   ID       `json:"client"`
	Contact  ID       `json:"contact,omitempty"`  // contact person id within the client; 0 = any
	Assignee string   `json:"assignee,omitempty"` // user name; "" = the operators' shared pool
	// Due is when the call or visit should happen (or the window's start);
	// Until, when set, is the end of the window.
	Due      time.Time  `json:"due"`
	Until    time.Time  `json:"until,omitempty"`
	Purpose  Purpose    `json:"purpose"`
	Priority Priority   `json:"priority"`
	Origin   Origin     `json:"origin"`
	Address  string     `json:"address,omitempty"` // visits: where
	Note     string     `json:"note,omitempty"`    // what the call is about, in words
	Status   PlanStatus `json:"status"`
	Attempts int        `json:"attempts,omitempty"` // contact attempts logged so far
	// HeldBy is the user who took the call and is on it now; nobody else can
	// take it until an outcome is logged or it is let go.
	HeldBy string    `json:"held_by,omitempty"`
	HeldAt time.Time `json:"held_at,omitempty"`
	// DoneAt/DoneBy are set when an outcome closes the item; CancelReason
	// when it is cancelled.
	DoneAt       time.Time `json:"done_at,omitempty"`
	DoneBy       string    `json:"done_by,omitempty"`
	CancelReason string    `json:"cancel_reason,omitempty"`
	PrevID       ID        `json:"prev_id,omitempty"` // the item this one was rescheduled from
	NextID       ID        `json:"next_id,omitempty"` // the item this one was rescheduled to
	Ref          string    `json:"ref,omitempty"`     // origin's record, e.g. "complaint:12", "order:7"
	Meta
}

// Open reports whether the item still waits to be done.
func (p PlanItem) Open() bool { return p.Status == PlanPlanned }

// Overdue reports whether an open item's time has passed (the window's end
// when there is one).
func (p PlanItem) Overdue(now time.Time) bool {
	if !p.Open() {
		return false
	}
	end := p.Due
	if !p.Until.IsZero() {
		end = p.Until
	}
	return end.Before(now)
}

// Channel is how an interaction happened.
type Channel string

const (
	ChannelPhone   Channel = "phone"
	ChannelEmail   Channel = "email"
	ChannelFax     Channel = "fax"
	ChannelVisit   Channel = "visit"
	ChannelMeeting Channel = "meeting"
	ChannelOnline  Channel = "online"
)

var Channels = []Channel{ChannelPhone, ChannelEmail, ChannelFax, ChannelVisit, ChannelMeeting, ChannelOnline}

// Direction says who called whom.
type Direction string

const (
	DirOutgoing Direction = "out"
	DirIncoming Direction = "in"
)

// Outcome is what came of a contact attempt. The order of Outcomes is the
// order of the keys 1–9 on the call screen.
type Outcome string

const (
	OutcomeReached       Outcome = "reached"
	OutcomeNoAnswer      Outcome = "no_answer"
	OutcomeBusy          Outcome = "busy"
	OutcomeCallBack      Outcome = "call_back" // call back at CallBackAt
	OutcomeWrongNumber   Outcome = "wrong_number"
	OutcomeRefused       Outcome = "refused"         // + Reason
	OutcomePromisedToPay Outcome = "promised_to_pay" // + PromisedAmount, PromisedDate
	OutcomeOrderTaken    Outcome = "order_taken"
	OutcomeEscalated     Outcome = "escalated"
)

var Outcomes = []Outcome{OutcomeReached, OutcomeNoAnswer, OutcomeBusy, OutcomeCallBack,
	OutcomeWrongNumber, OutcomeRefused, OutcomePromisedToPay, OutcomeOrderTaken, OutcomeEscalated}

// Reached reports whether the outcome is a real conversation with the client
// (it counts as the last contact for recurring plans and the pester warning).
func (o Outcome) Reached() bool {
	switch o {
	case OutcomeReached, OutcomeCallBack, OutcomeRefused, OutcomePromisedToPay, OutcomeOrderTaken, OutcomeEscalated:
		return true
	}
	return false
}

// Interaction is one contact attempt, incoming or outgoing.
type Interaction struct {
	ID        ID        `json:"id"`
	At        time.Time `json:"at"`
	Channel   Channel   `json:"channel"`
	Direction Direction `json:"direction"`
	Client    ID        `json:"client"`
	Contact   ID        `json:"contact,omitempty"`
	Phone     string    `json:"phone,omitempty"` // E.164 of the number dialled or calling
	User      string    `json:"user"`
	PlanItem  ID        `json:"plan_item,omitempty"` // the item it worked on (an off-plan item for calls outside the plan)
	OffPlan   bool      `json:"off_plan,omitempty"`
	Outcome   Outcome   `json:"outcome"`
	Reason    string    `json:"reason,omitempty"`       // refused: why
	CallBack  time.Time `json:"call_back_at,omitempty"` // call back at: when
	Promised  Money     `json:"promised,omitempty"`     // promised to pay: how much
	PromiseBy time.Time `json:"promise_by,omitempty"`   // promised to pay: by which date
	Notes     string    `json:"notes,omitempty"`
	Recording string    `json:"recording,omitempty"` // call-recording reference
	NextStep  string    `json:"next_step,omitempty"` // the retry policy's decision, in words
	NextItem  ID        `json:"next_item,omitempty"` // the plan item that carries the next step
	Meta
}

// RetryAction is what the retry policy does after an outcome.
type RetryAction string

const (
	RetryClose     RetryAction = "close"      // the item is done
	RetryAgain     RetryAction = "again"      // the same item, Delay later, attempts+1
	RetryAt        RetryAction = "at"         // the same item at the time the client named
	RetryCheckCall RetryAction = "check_call" // done; a payment check call Delay after the promised date
	RetryToManager RetryAction = "to_manager" // done; a new item for the client's manager
)

// RetryRule is the policy for one outcome. After MaxAttempts attempts
// (0: no limit) a RetryAgain rule does Then instead.
type RetryRule struct {
	Outcome     Outcome       `json:"outcome"`
	Action      RetryAction   `json:"action"`
	Delay       time.Duration `json:"delay,omitempty"`
	MaxAttempts int           `json:"max_attempts,omitempty"`
	Then        RetryAction   `json:"then,omitempty"`
	FlagPhone   bool          `json:"flag_phone,omitempty"` // mark the dialled number wrong on the client card
}

// CallSettings are the department's call rules, kept in the database and
// edited by the head.
type CallSettings struct {
	Rules []RetryRule `json:"rules"`
	// Working hours, minutes after local midnight, and working weekdays
	// (index time.Weekday). Retries land inside them and the client's window.
	WorkFrom int      `json:"work_from"`
	WorkTo   int      `json:"work_to"`
	WorkDays [7]bool  `json:"work_days"`
	Holidays []string `json:"holidays,omitempty"` // "2026-12-31", not working days
	// Do not pester: warn when a client was contacted more than PesterMax
	// times in PesterDays days.
	PesterMax  int `json:"pester_max"`
	PesterDays int `json:"pester_days"`
	// DefaultZone is the IANA zone for clients without one.
	DefaultZone string `json:"default_zone"`
	Version     uint64 `json:"version"`
}

// PlanRow is one line of a queue, week or cell list: the item and what the row shows of its client.
type PlanRow struct {
	Item       PlanItem
	ClientName string
	Category   Category
	Flags      ClientFlags
}

// QueuePage is a window of the queue.
type QueuePage struct {
	Total int // open call items in the queue
	Rows  []PlanRow
}

// CallContext is everything the call screen shows about the caller.
type CallContext struct {
	Item      PlanItem // zero ID for an off-plan (incoming) call
	Client    Client
	Contact   *Contact // the item's contact, or the first who has not left; nil when none
	Dial      Phone    // the number to dial (contact's first usable phone, else the client's)
	LocalTime time.Time
	InWindow  bool          // the client's local time is inside its calling window and working hours
	Last      []Interaction // the last five, newest first
	Open      []PlanItem    // the client's other open plan items
	// OpenOrders and OpenComplaints are one-line summaries, filled once those records exist.
	OpenOrders     []string
	OpenComplaints []string
	OverdueDebt    Money
	// Contacts is how many contacts the client had in the pester period; Pester
	// is set when it is above the limit.
	Contacts int
	Pester   bool
}

// OutcomeResult is what logging an outcome did.
type OutcomeResult struct {
	Interaction  Interaction
	Item         PlanItem  // the worked item after the change (zero for off-plan)
	Next         *PlanItem // the item that carries the next step, if any
	FlaggedPhone string    // E.164 marked wrong on the client card
}

// TimelineEntry is one line of a client's timeline: an interaction or a plan item.
type TimelineEntry struct {
	At          time.Time
	Interaction *Interaction
	Item        *PlanItem
}

// GridCell counts one person's plan for one day.
type GridCell struct {
	Planned int // items due that day (not cancelled or rescheduled away), off-plan excluded
	Done    int // of those, done
	Overdue int // of those, still open and past due
	OffPlan int // calls made that day outside the plan
}

// PlanGrid is the supervisor's person × day table.
type PlanGrid struct {
	Users []string    // row order
	Days  []time.Time // local midnights, column order
	Cells [][]GridCell
}

// Adherence is planned vs done for one person over a period.
type Adherence struct {
	User    string
	Planned int
	Done    int
	OffPlan int
	Overdue int
}

// DoneShare is done/planned in percent (0 when nothing was planned).
func (a Adherence) DoneShare() int {
	if a.Planned == 0 {
		return 0
	}
	return a.Done * 100 / a.Planned
}

// OffPlanShare is the off-plan calls' share of all calls made, in percent.
func (a Adherence) OffPlanShare() int {
	if a.Done+a.OffPlan == 0 {
		return 0
	}
	return a.OffPlan * 100 / (a.Done + a.OffPlan)
}
