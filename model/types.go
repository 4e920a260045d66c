// Package model holds the department's records, their validation, lifecycles,
// money and the rights table. Standard library only.
package model

import "time"

// ID identifies a record. Stored as 8-byte big-endian keys.
type ID uint64

// Meta is carried by every record: who made it, who changed it last, and a
// version for optimistic concurrency (a save over a newer version fails).
type Meta struct {
	Version   uint64    `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
	UpdatedAt time.Time `json:"updated_at"`
	UpdatedBy string    `json:"updated_by"`
}

// Role is a user's role in the department. Roles are data: what each may do
// is decided by the rights table (rights.go), nowhere else.
type Role string

const (
	RoleOperator Role = "operator"
	RoleManager  Role = "manager"
	RoleHead     Role = "head"
	RoleDirector Role = "director"
)

// Roles lists the roles from the least to the most powerful.
var Roles = []Role{RoleOperator, RoleManager, RoleHead, RoleDirector}

// User is a person who works with clientbase.
type User struct {
	ID       ID     `json:"id"`
	Name     string `json:"name"` // login, unique, e.g. "ivanova"
	FullName string `json:"full_name"`
	Role     Role   `json:"role"`
	Archived bool   `json:"archived,omitempty"`
	// Keys are the SSH public keys the user signs in to the team server with.
	Keys []UserKey `json:"keys,omitempty"`
	Meta
}

// ClientKind is the legal kind of a counterparty.
type ClientKind string

const (
	KindLegal      ClientKind = "legal"       // legal entity
	KindSoleTrader ClientKind = "sole_trader" // individual entrepreneur
	KindPrivate    ClientKind = "private"     // private person
	KindChain      ClientKind = "chain"       // retail chain
)

var ClientKinds = []ClientKind{KindLegal, KindSoleTrader, KindPrivate, KindChain}

// ClientStatus is where a client stands with the department.
type ClientStatus string

const (
	StatusProspect    ClientStatus = "prospect"
	StatusNegotiating ClientStatus = "negotiating"
	StatusActive      ClientStatus = "active"
	StatusInactive    ClientStatus = "inactive"
	StatusTradingHall ClientStatus = "trading_hall" // moved by the head to the walk-in pool
	StatusLost        ClientStatus = "lost"
)

var ClientStatuses = []ClientStatus{StatusProspect, StatusNegotiating, StatusActive, StatusInactive, StatusTradingHall, StatusLost}

// Category is the A/B/C category the head assigns.
type Category string

const (
	CategoryNone Category = ""
	CategoryA    Category = "A"
	CategoryB    Category = "B"
	CategoryC    Category = "C"
)

var Categories = []Category{CategoryA, CategoryB, CategoryC}

// Source is how the client was acquired.
type Source string

const (
	SourceExhibition   Source = "exhibition"
	SourcePresentation Source = "presentation"
	SourceAd           Source = "ad"
	SourceEmail        Source = "email"
	SourceFax          Source = "fax"
	SourceIndustry     Source = "industry_contact"
	SourceIncomingCall Source = "incoming_call"
)

var Sources = []Source{SourceExhibition, SourcePresentation, SourceAd, SourceEmail, SourceFax, SourceIndustry, SourceIncomingCall}

// TaxCountry says which tax-id rules apply.
type TaxCountry string

const (
	TaxRU    TaxCountry = "RU" // INN, 10 or 12 digits with check digits
	TaxLT    TaxCountry = "LT" // company code, 9 digits with a check digit
	TaxOther TaxCountry = ""   // free text
)

// Phone is a phone number stored normalised (E.164) with the text as typed.
type Phone struct {
	E164        string `json:"e164"`            // "+79123456789"
	Raw         string `json:"raw,omitempty"`   // as the user typed it
	Label       string `json:"label,omitempty"` // "office", "mobile", ...
	WrongNumber bool   `json:"wrong_number,omitempty"`
}

// CallWindow is the part of the client's local day when calling is allowed,
// in minutes after local midnight. Zero value means "working hours".
type CallWindow struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// CategoryChange is one entry of a client's dated category history.
type CategoryChange struct {
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	From   Category  `json:"from"`
	To     Category  `json:"to"`
	Reason string    `json:"reason"`
}

// ContactRole is what a contact person does for the client.
type ContactRole string

const (
	ContactDecisionMaker ContactRole = "decision_maker"
	ContactBuyer         ContactRole = "buyer"
	ContactAccountant    ContactRole = "accountant" // signs reconciliation acts
	ContactReceiver      ContactRole = "receiver"   // receives goods
	ContactOther         ContactRole = "other"
)

var ContactRoles = []ContactRole{ContactDecisionMaker, ContactBuyer, ContactAccountant, ContactReceiver, ContactOther}

// Contact is a contact person of a client. A contact who left stays, marked Left.
type Contact struct {
	ID             ID          `json:"id"` // unique within the client
	Name           string      `json:"name"`
	Position       string      `json:"position,omitempty"`
	Role           ContactRole `json:"role,omitempty"`
	Phones         []Phone     `json:"phones,omitempty"`
	Email          string      `json:"email,omitempty"`
	PreferredChan  string      `json:"preferred_channel,omitempty"`
	PreferredHours string      `json:"preferred_hours,omitempty"`
	Consent        bool        `json:"consent,omitempty"`
	DoNotContact   bool        `json:"do_not_contact,omitempty"`
	Left           bool        `json:"left,omitempty"`
}

// ClientFlags are the yes/no marks on a client card.
type ClientFlags struct {
	KeyClient    bool `json:"key_client,omitempty"`
	CreditHold   bool `json:"credit_hold,omitempty"`
	Dissatisfied bool `json:"dissatisfied,omitempty"`
	LegalDispute bool `json:"legal_dispute,omitempty"`
	DoNotContact bool `json:"do_not_contact,omitempty"`
}

// Client is a counterparty of the department.
type Client struct {
	ID            ID               `json:"id"`
	ShortName     string           `json:"short_name"`
	FullName      string           `json:"full_name,omitempty"`
	Kind          ClientKind       `json:"kind"`
	TaxCountry    TaxCountry       `json:"tax_country,omitempty"`
	TaxID         string           `json:"tax_id,omitempty"`
	KPP           string           `json:"kpp,omitempty"`
	OGRN          string           `json:"ogrn,omitempty"`
	LegalAddress  string           `json:"legal_address,omitempty"`
	ActualAddress string           `json:"actual_address,omitempty"`
	City          string           `json:"city,omitempty"`
	Region        string           `json:"region,omitempty"`
	Branch        string           `json:"branch,omitempty"`
	Phones        []Phone          `json:"phones,omitempty"`
	Emails        []string         `json:"emails,omitempty"`
	Fax           string           `json:"fax,omitempty"`
	Language      string           `json:"language,omitempty"`  // "ru", "lt", "en"
	TimeZone      string           `json:"time_zone,omitempty"` // IANA, e.g. "Asia/Vladivostok"
	CallWindow    CallWindow       `json:"call_window"`
	Source        Source           `json:"source,omitempty"`
	Manager       string           `json:"manager,omitempty"` // user name of the responsible manager
	Category      Category         `json:"category,omitempty"`
	CategoryLog   []CategoryChange `json:"category_log,omitempty"`
	Status        ClientStatus     `json:"status"`
	Flags         ClientFlags      `json:"flags"`
	CreditLimit   Money            `json:"credit_limit"`
	DeferralDays  int              `json:"deferral_days,omitempty"`
	ContactEvery  int              `json:"contact_every_days,omitempty"` // recurring contact: days between contacts; 0 none
	PriceColumn   string           `json:"price_column,omitempty"`
	Competitors   string           `json:"competitors,omitempty"`
	Notes         string           `json:"notes,omitempty"`
	Contacts      []Contact        `json:"contacts,omitempty"`
	Archived      bool             `json:"archived,omitempty"`
	External      string           `json:"external,omitempty"` // the code in 1C or another system, unique among clients
	Meta
}

// AuditEntry is one append-only record of a change: who, acting for whom,
// when, which record, which fields, old and new values.
type AuditEntry struct {
	ID        ID            `json:"id"`
	At        time.Time     `json:"at"`
	User      string        `json:"user"`
	ActingFor string        `json:"acting_for,omitempty"`
	Via       string        `json:"via,omitempty"` // the SSH key fingerprint of a team-server session
	Kind      string        `json:"kind"`          // "client", "user", ...
	Record    ID            `json:"record"`        // id of the changed record
	Action    string        `json:"action"`        // "create", "update", "archive", "restore"
	Reason    string        `json:"reason,omitempty"`
	Changes   []FieldChange `json:"changes,omitempty"`
}

// FieldChange is one field's old and new value, as display text.
type FieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}
