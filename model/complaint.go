package model

import "time"

// ComplaintDirection says who claims from whom: a client against us, or our
// claim or penalty against a buyer through the legal department (002).
type ComplaintDirection string

const (
	DirectionIncoming ComplaintDirection = "incoming"
	DirectionOutgoing ComplaintDirection = "outgoing"
)

var ComplaintDirections = []ComplaintDirection{DirectionIncoming, DirectionOutgoing}

// ComplaintType is what a complaint is about (DOMAIN.md: Complaint).
type ComplaintType string

const (
	TypeQuality      ComplaintType = "quality"       // product quality
	TypeService      ComplaintType = "service"       // how we served the client
	TypeDelivery     ComplaintType = "delivery"      // delivery, shortage
	TypeSettlement   ComplaintType = "settlement"    // a settlement dispute
	TypeAfterAct     ComplaintType = "after_act"     // after a signed act
	TypeChainPenalty ComplaintType = "chain_penalty" // a retail chain's penalty against us
)

var ComplaintTypes = []ComplaintType{TypeQuality, TypeService, TypeDelivery, TypeSettlement,
	TypeAfterAct, TypeChainPenalty}

// ComplaintStatus is where a complaint stands; the moves are CanMoveComplaint's table.
type ComplaintStatus string

const (
	ComplaintRegistered    ComplaintStatus = "registered"
	ComplaintAssigned      ComplaintStatus = "assigned"
	ComplaintInvestigating ComplaintStatus = "investigating"
	ComplaintWaiting       ComplaintStatus = "waiting" // for the client: the deadline is paused
	ComplaintAnswered      ComplaintStatus = "answered"
	ComplaintRemedyDone    ComplaintStatus = "remedy_done"
	ComplaintFeedback      ComplaintStatus = "feedback" // awaiting the client's feedback
	ComplaintClosed        ComplaintStatus = "closed"
	ComplaintEscalated     ComplaintStatus = "escalated"
	ComplaintReopened      ComplaintStatus = "reopened"
)

// ComplaintStatuses lists the statuses in the order of the flow; the store's
// one-byte status codes are indexes into it (append only).
var ComplaintStatuses = []ComplaintStatus{ComplaintRegistered, ComplaintAssigned,
	ComplaintInvestigating, ComplaintWaiting, ComplaintAnswered, ComplaintRemedyDone,
	ComplaintFeedback, ComplaintClosed, ComplaintEscalated, ComplaintReopened}

// Decision is how a complaint was settled.
type Decision string

const (
	DecisionFull     Decision = "full"     // satisfied fully
	DecisionPartly   Decision = "partly"   // satisfied partly
	DecisionRejected Decision = "rejected" // rejected
)

var Decisions = []Decision{DecisionFull, DecisionPartly, DecisionRejected}

// Remedy is what was done for the client.
type Remedy string

const (
	RemedyNone        Remedy = "none"
	RemedyRefund      Remedy = "refund"
	RemedyReplacement Remedy = "replacement"
	RemedyDiscount    Remedy = "discount"
	RemedyReturn      Remedy = "return" // goods back: the order's return flow
)

var Remedies = []Remedy{RemedyNone, RemedyRefund, RemedyReplacement, RemedyDiscount, RemedyReturn}

// FaultParty is whose fault it was (002: "по чьей вине").
type FaultParty string

const (
	FaultOurs         FaultParty = "ours" // our department
	FaultCarrier      FaultParty = "carrier"
	FaultManufacturer FaultParty = "manufacturer"
	FaultClient       FaultParty = "client"
)

var FaultParties = []FaultParty{FaultOurs, FaultCarrier, FaultManufacturer, FaultClient}

// ReasonCode is why a complaint arose (002: "по каким причинам").
type ReasonCode string

const (
	ReasonDefect       ReasonCode = "defect"        // a defective product
	ReasonWrongItem    ReasonCode = "wrong_item"    // wrong article or grade delivered
	ReasonShortage     ReasonCode = "shortage"      // less than invoiced
	ReasonDamaged      ReasonCode = "damaged"       // damaged in transit
	ReasonLate         ReasonCode = "late"          // delivered late
	ReasonPriceError   ReasonCode = "price_error"   // wrong price or discount
	ReasonDocuments    ReasonCode = "documents"     // errors in invoices or acts
	ReasonStaff        ReasonCode = "staff"         // a staff member's conduct
	ReasonNonPayment   ReasonCode = "non_payment"   // the buyer did not pay (outgoing claims)
	ReasonContractTerm ReasonCode = "contract_term" // a breached contract term (penalties)
	ReasonOther        ReasonCode = "other"
)

var ReasonCodes = []ReasonCode{ReasonDefect, ReasonWrongItem, ReasonShortage, ReasonDamaged,
	ReasonLate, ReasonPriceError, ReasonDocuments, ReasonStaff, ReasonNonPayment,
	ReasonContractTerm, ReasonOther}

// Department is where a complaint can be forwarded for an opinion or action.
type Department string

const (
	DeptPurchasing Department = "purchasing" // product claims go to the supplier
	DeptLegal      Department = "legal"
	DeptWarehouse  Department = "warehouse"
)

var Departments = []Department{DeptPurchasing, DeptLegal, DeptWarehouse}

// ComplaintLine is one order line the complaint is about.
type ComplaintLine struct {
	Line int    `json:"line"` // index into the order's Lines
	SKU  string `json:"sku"`
	Name string `json:"name"`
	Qty  Qty    `json:"qty"` // the quantity complained about
}

// Escalation is one step up the ladder operator → manager → head →
// director. It stays open (Answered zero) until the upper level answers; the
// lower level keeps seeing the complaint meanwhile.
type Escalation struct {
	At       time.Time `json:"at"`
	By       string    `json:"by"`
	To       string    `json:"to"`       // the person who receives it
	Level    Role      `json:"level"`    // the receiver's rung
	Reason   string    `json:"reason"`   // why the lower level could not settle it
	Answered time.Time `json:"answered"` // zero while open
	Answer   string    `json:"answer,omitempty"`
	// EscalatedOn: answered by the receiver's escalating further; the
	// next escalation continues this one's chain (who sees it, "mine").
	EscalatedOn bool `json:"escalated_on,omitempty"`
}

// Forward is a complaint sent to another department for an opinion or action.
type Forward struct {
	At         time.Time  `json:"at"`
	By         string     `json:"by"`
	Department Department `json:"department"`
	Note       string     `json:"note,omitempty"`
}

// ComplaintEvent is one step of a complaint's life, with who and why. The
// history survives reopening.
type ComplaintEvent struct {
	At     time.Time       `json:"at"`
	By     string          `json:"by"`
	From   ComplaintStatus `json:"from"`
	To     ComplaintStatus `json:"to"`
	Action string          `json:"action"` // "register", "assign", "move", "escalate", "forward", "close", "justified", ...
	Note   string          `json:"note,omitempty"`
}

// Closing is what a complaint is closed with.
type Closing struct {
	Decision  Decision   `json:"decision"`
	Satisfied Money      `json:"satisfied"` // never above Claimed without a head's confirmation
	Remedy    Remedy     `json:"remedy"`
	Reason    ReasonCode `json:"reason"`
	Fault     FaultParty `json:"fault"`
	Feedback  string     `json:"feedback,omitempty"` // the client's final word
	// Justified is the head's verdict ("no justified claims" is a manager's
	// KPI); nil when not given. Only head and director set it.
	Justified *bool `json:"justified,omitempty"`
	// OverClaimed confirms a satisfied amount above the claimed one (head, director).
	OverClaimed bool `json:"over_claimed,omitempty"`
}

// Complaint is a claim, quality claim, complaint or serious incident.
type Complaint struct {
	ID        ID                 `json:"id"`
	Direction ComplaintDirection `json:"direction"`
	Type      ComplaintType      `json:"type"`
	Client    ID                 `json:"client"`
	Contact   ID                 `json:"contact,omitempty"`
	Order     ID                 `json:"order,omitempty"`
	OrderNo   string             `json:"order_no,omitempty"`
	Lines     []ComplaintLine    `json:"lines,omitempty"`
	Channel   Channel            `json:"channel"`
	Received  time.Time          `json:"received"`
	// RegisteredBy is Meta.CreatedBy; Owner is who handles it ("" unassigned).
	Owner       string          `json:"owner,omitempty"`
	Claimed     Money           `json:"claimed"`
	Description string          `json:"description"`
	Priority    Priority        `json:"priority"`
	Serious     bool            `json:"serious,omitempty"` // serious incident: always on top
	Status      ComplaintStatus `json:"status"`

	// The deadline in working time: SLA is the service level in working
	// minutes; Deadline the moment it runs out. While waiting for the client
	// PausedAt is set and Deadline is moved on by the paused working time
	// when the complaint resumes.
	SLA      int       `json:"sla"` // working minutes
	Deadline time.Time `json:"deadline"`
	PausedAt time.Time `json:"paused_at,omitempty"`
	Answered time.Time `json:"answered,omitempty"` // first answer to the client
	Answer   string    `json:"answer,omitempty"`

	Forwards    []Forward    `json:"forwards,omitempty"`
	Escalations []Escalation `json:"escalations,omitempty"`

	Closing  *Closing  `json:"closing,omitempty"` // set while closed; kept in Events when reopened
	Closed   time.Time `json:"closed,omitempty"`
	FollowUp ID        `json:"follow_up,omitempty"` // the retention call planned at closing
	Reopened int       `json:"reopened,omitempty"`  // how many times

	Events []ComplaintEvent `json:"events,omitempty"`
	Meta
}

// OpenEscalation returns the escalation waiting for an answer, or nil.
func (c *Complaint) OpenEscalation() *Escalation {
	for i := len(c.Escalations) - 1; i >= 0; i-- {
		if c.Escalations[i].Answered.IsZero() {
			return &c.Escalations[i]
		}
	}
	return nil
}

// IsOpen reports whether a complaint still needs work.
func (c *Complaint) IsOpen() bool { return c.Status != ComplaintClosed }

// ServiceLevel is how long a complaint of a type for a client category may
// take, in working hours. Empty Type or Category matches any; the most
// specific match wins (ComplaintSettings.Level).
type ServiceLevel struct {
	Type     ComplaintType `json:"type,omitempty"`
	Category string        `json:"category,omitempty"` // "A", "B", "C", "key" (a key client), "" any
	Hours    int           `json:"hours"`
}

// ComplaintSettings is the head's complaint policy: service levels, the
// working calendar the deadlines count in, and the retention follow-up.
type ComplaintSettings struct {
	Levels       []ServiceLevel `json:"levels"`
	DefaultHours int            `json:"default_hours"` // when no level matches
	SeriousHours int            `json:"serious_hours"` // a serious incident's deadline
	// The working calendar: minutes after local midnight, working weekdays
	// (index time.Weekday), holidays "2026-12-31", in Zone (IANA).
	WorkFrom int      `json:"work_from"`
	WorkTo   int      `json:"work_to"`
	WorkDays [7]bool  `json:"work_days"`
	Holidays []string `json:"holidays,omitempty"`
	Zone     string   `json:"zone"`
	// FollowUpDays is how many working days after closing the retention call is planned.
	FollowUpDays int    `json:"follow_up_days"`
	Version      uint64 `json:"version"`
}

// ComplaintFilter selects the complaint queue's rows. Zero values mean "any".
type ComplaintFilter struct {
	Mine       bool // owned by me, or escalated to me and not yet answered, or escalated by me and open
	Unassigned bool
	Status     ComplaintStatus // "" open ones; ComplaintClosed lists closed ones, newest first
	Type       ComplaintType
	Direction  ComplaintDirection
	Owner      string
	Overdue    bool
	Client     ID // one client's complaints (open and closed), newest first
}

// ComplaintRow is one line of the queue: what the row shows without the
// description and history.
type ComplaintRow struct {
	ID         ID
	Direction  ComplaintDirection
	Type       ComplaintType
	Status     ComplaintStatus
	Client     ID
	ClientName string
	Owner      string
	Escalated  string // who holds the open escalation, "" none
	Priority   Priority
	Serious    bool
	Received   time.Time
	Deadline   time.Time
	PausedAt   time.Time
	SLA        int // working minutes
	Claimed    Money
	OrderNo    string
	// Left is the working time left at the store's now (negative: overdue;
	// while paused, the time left when it paused).
	Left time.Duration
}

// ComplaintPage is a window of the queue.
type ComplaintPage struct {
	Total int
	Rows  []ComplaintRow
}

// ReportLine is one row of a breakdown: a key (a reason, a fault party, a
// type, an owner, a direction) with counts and amounts.
type ReportLine struct {
	Key       string
	Received  int
	Satisfied int // closed fully or partly satisfied
	Rejected  int
	Claimed   Money
	Paid      Money // satisfied amounts
	Justified int
}

// ComplaintReport is the head's report for a period [From, To) of received dates.
type ComplaintReport struct {
	From, To                  time.Time
	Total                     ReportLine // Key ""
	ByReason, ByFault, ByType []ReportLine
	ByOwner, ByDirection      []ReportLine
	// Time to answer (working time from received to the first answer) of the
	// answered complaints, and how many answered after their deadline.
	Answered     int
	AvgAnswer    time.Duration
	WorstAnswer  time.Duration
	WorstID      ID
	AnsweredLate int
	AvgSLA       time.Duration // the average deadline those had
	OpenNow      int
	OverdueNow   int
	EscalatedNow int
	WaitingNow   int
	Currency     string
}
