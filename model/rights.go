package model

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Action is something a user may or may not do; the rights table maps
// role × action to a scope.
type Action string

const (
	ActClientCreate       Action = "client.create"
	ActClientEditCard     Action = "client.edit_card"     // any field but contacts and notes
	ActClientEditContacts Action = "client.edit_contacts" // contacts and notes
	ActClientCategory     Action = "client.category"      // change category (with a reason)
	ActClientTradingHall  Action = "client.trading_hall"  // move to the walk-in pool
	ActClientReassign     Action = "client.reassign"      // change the responsible manager
	ActClientArchive      Action = "client.archive"       // archive / restore
	ActUserManage         Action = "user.manage"
	ActPlanEdit           Action = "plan.edit"       // plan, reschedule, cancel items (own: assigned to the user)
	ActPlanAssign         Action = "plan.assign"     // plan for someone else, reassign
	ActPlanViewAll        Action = "plan.view_all"   // everyone's plan: the supervisor's grid and adherence
	ActCallSettings       Action = "call.settings"   // the retry policy, working hours, pester limit
	ActCallPool           Action = "call.pool"       // work the operators' shared pool: its calls are in one's queue
	ActPlanLogUnheld      Action = "plan.log_unheld" // log an outcome on an item without taking it first (own: assigned to the user)
	ActOrderEdit          Action = "order.edit"      // enter and change orders (own: taken by the user)
	ActOrderApprove       Action = "order.approve"   // approve or reject a discount above the limit; return goods
	ActCreditOverride     Action = "order.credit"    // confirm an order on credit hold
	ActOrderFulfil        Action = "order.fulfil"    // record shipments and issue invoices (own: taken by the user)
	ActPaymentRecord      Action = "payment.record"  // record payments (own: orders taken by the user)
	ActPriceEdit          Action = "price.edit"      // products, price lists, discount limits
	ActReceivablesAll     Action = "receivables.all" // everyone's receivables list
	ActBackup             Action = "db.backup"
	ActComplaintRegister  Action = "complaint.register" // register a complaint (own: for clients the user may see, i.e. any)
	ActComplaintEdit      Action = "complaint.edit"     // own and work complaints (own: owned, unassigned, escalated to the user)
	ActComplaintJustify   Action = "complaint.justify"  // the "justified" verdict; a satisfied amount above the claimed one
	ActComplaintSettings  Action = "complaint.settings" // service levels and the working calendar
	ActComplaintReport    Action = "complaint.report"   // the head's report, everyone's complaints
	ActDataImport         Action = "data.import"        // import clients, products, orders, payments, contacts from files
	ActDataExport         Action = "data.export"        // bulk export (the client base is a trade secret); one's own plan needs no right
)

// Actions lists every action, in the order the rights table is shown.
var Actions = []Action{ActClientCreate, ActClientEditCard, ActClientEditContacts, ActClientCategory,
	ActClientTradingHall, ActClientReassign, ActClientArchive, ActUserManage, ActBackup,
	ActPlanEdit, ActPlanAssign, ActPlanViewAll, ActCallSettings, ActCallPool, ActPlanLogUnheld,
	ActOrderEdit, ActOrderApprove, ActCreditOverride, ActOrderFulfil, ActPaymentRecord, ActPriceEdit, ActReceivablesAll,
	ActComplaintRegister, ActComplaintEdit, ActComplaintJustify, ActComplaintSettings, ActComplaintReport,
	ActDataImport, ActDataExport}

// Scope is how far a right reaches.
type Scope int

const (
	ScopeNone Scope = iota
	ScopeOwn        // clients whose Manager is the user, and unassigned clients
	ScopeAll
)

// RightsTable decides what each role may do; nothing else in clientbase
// does. Change a role's rights here and every screen and the store follow.
// "Contacts" covers the contact persons and the client's phones, e-mails and fax.
var RightsTable = map[Role]map[Action]Scope{
	RoleOperator: {
		ActClientCreate:       ScopeAll, // only as a prospect without a category
		ActClientEditContacts: ScopeAll,
		ActPlanEdit:           ScopeOwn,
		ActCallPool:           ScopeAll,
		ActOrderEdit:          ScopeOwn, // takes orders on the phone
		ActComplaintRegister:  ScopeAll,
		ActComplaintEdit:      ScopeOwn,
		// no LogUnheld: an operator logs outcomes only on calls they are on
	},
	RoleManager: {
		ActClientCreate:       ScopeAll,
		ActClientEditCard:     ScopeOwn,
		ActClientEditContacts: ScopeOwn,
		ActClientArchive:      ScopeOwn,
		ActPlanEdit:           ScopeOwn,
		ActPlanLogUnheld:      ScopeOwn, // e.g. after a visit
		ActOrderEdit:          ScopeOwn,
		ActOrderFulfil:        ScopeOwn,
		ActPaymentRecord:      ScopeOwn,
		ActComplaintRegister:  ScopeAll,
		ActComplaintEdit:      ScopeOwn,
		// no Reassign: a manager may only take an unassigned client (see CheckClientChange)
	},
	RoleHead: {
		ActClientCreate:       ScopeAll,
		ActClientEditCard:     ScopeAll,
		ActClientEditContacts: ScopeAll,
		ActClientCategory:     ScopeAll,
		ActClientTradingHall:  ScopeAll,
		ActClientReassign:     ScopeAll,
		ActClientArchive:      ScopeAll,
		ActPlanEdit:           ScopeAll,
		ActPlanAssign:         ScopeAll,
		ActPlanViewAll:        ScopeAll,
		ActCallSettings:       ScopeAll,
		ActPlanLogUnheld:      ScopeAll,
		ActOrderEdit:          ScopeAll,
		ActOrderApprove:       ScopeAll,
		ActCreditOverride:     ScopeAll,
		ActOrderFulfil:        ScopeAll,
		ActPaymentRecord:      ScopeAll,
		ActReceivablesAll:     ScopeAll,
		ActComplaintRegister:  ScopeAll,
		ActComplaintEdit:      ScopeAll,
		ActComplaintJustify:   ScopeAll,
		ActComplaintSettings:  ScopeAll,
		ActComplaintReport:    ScopeAll,
		ActDataImport:         ScopeAll,
		ActDataExport:         ScopeAll,
	},
	RoleDirector: {
		ActClientCreate:       ScopeAll,
		ActClientEditCard:     ScopeAll,
		ActClientEditContacts: ScopeAll,
		ActClientCategory:     ScopeAll,
		ActClientTradingHall:  ScopeAll,
		ActClientReassign:     ScopeAll,
		ActClientArchive:      ScopeAll,
		ActUserManage:         ScopeAll,
		ActBackup:             ScopeAll,
		ActPlanEdit:           ScopeAll,
		ActPlanAssign:         ScopeAll,
		ActPlanViewAll:        ScopeAll,
		ActCallSettings:       ScopeAll,
		ActPlanLogUnheld:      ScopeAll,
		ActOrderEdit:          ScopeAll,
		ActOrderApprove:       ScopeAll,
		ActCreditOverride:     ScopeAll,
		ActOrderFulfil:        ScopeAll,
		ActPaymentRecord:      ScopeAll,
		ActReceivablesAll:     ScopeAll,
		ActPriceEdit:          ScopeAll,
		ActComplaintRegister:  ScopeAll,
		ActComplaintEdit:      ScopeAll,
		ActComplaintJustify:   ScopeAll,
		ActComplaintSettings:  ScopeAll,
		ActComplaintReport:    ScopeAll,
		ActDataImport:         ScopeAll,
		ActDataExport:         ScopeAll,
	},
}

// CanOnOrder reports whether u may do a on order o (own: orders the user
// took or typed in — sales support enters what a key-account manager took,
// DOMAIN L156). A nil o asks about a new order.
func CanOnOrder(u User, a Action, o *Order) bool {
	switch ScopeOf(u, a) {
	case ScopeAll:
		return true
	case ScopeOwn:
		return o == nil || o.TakenBy == u.Name || o.EnteredBy == u.Name
	}
	return false
}

// CanOnPlan reports whether u may do a on plan item p (own: items assigned
// to u). A nil p asks about a new item assigned to u.
func CanOnPlan(u User, a Action, p *PlanItem) bool {
	switch ScopeOf(u, a) {
	case ScopeAll:
		return true
	case ScopeOwn:
		return p == nil || p.Assignee == u.Name
	}
	return false
}

// ScopeOf returns how far u may do a; an archived user may do nothing.
func ScopeOf(u User, a Action) Scope {
	if u.Archived {
		return ScopeNone
	}
	return RightsTable[u.Role][a]
}

// Can reports whether u may do a at all (for some record).
func Can(u User, a Action) bool { return ScopeOf(u, a) != ScopeNone }

// CanOnClient reports whether u may do a on client c (own-client scopes).
// A nil c asks about a new client.
func CanOnClient(u User, a Action, c *Client) bool {
	switch ScopeOf(u, a) {
	case ScopeAll:
		return true
	case ScopeOwn:
		return c == nil || c.Manager == "" || c.Manager == u.Name
	}
	return false
}

// CheckClientChange decides whether u may turn old into new (old nil: create).
// It returns a *Sentence wrapping ErrForbidden that names what is refused,
// or a *ValidationError (field "category_reason") when a category changes
// without a reason.
func CheckClientChange(u User, old, new *Client, reason string) error {
	if new == nil {
		return nil
	}
	if old == nil {
		return checkClientCreate(u, new, reason)
	}
	categoryChanged := false
	for _, ch := range DiffClients(old, new) {
		if ch.Field == "category_log" && !categoryLogExtends(old.CategoryLog, new.CategoryLog) {
			return Sentencef(ErrForbidden, "model.rights.category_log")
		}
		if ch.Field == "category" {
			categoryChanged = true
		}
		a := fieldAction(ch.Field, old, new)
		if a == ActClientReassign && old.Manager == "" && new.Manager == u.Name &&
			CanOnClient(u, ActClientEditCard, old) {
			continue // taking an unassigned client for oneself
		}
		if !CanOnClient(u, a, old) {
			return refusal(u, a, ch.Field, old)
		}
	}
	if categoryChanged && strings.TrimSpace(reason) == "" {
		return categoryReasonError()
	}
	return nil
}

func checkClientCreate(u User, c *Client, reason string) error {
	if !Can(u, ActClientCreate) {
		return refusal(u, ActClientCreate, "", nil)
	}
	if c.Category != CategoryNone && !Can(u, ActClientCategory) {
		return refusal(u, ActClientCategory, "category", nil)
	}
	if c.Status == StatusTradingHall && !Can(u, ActClientTradingHall) {
		return refusal(u, ActClientTradingHall, "status", nil)
	}
	if c.Status != "" && c.Status != StatusProspect && !Can(u, ActClientEditCard) {
		return Sentencef(ErrForbidden, "model.rights.create_prospect", rolePhrase(u.Role, true))
	}
	// a new client may name its creator as manager only if the creator edits cards
	ownOK := c.Manager == u.Name && Can(u, ActClientEditCard)
	if c.Manager != "" && !ownOK && ScopeOf(u, ActClientReassign) != ScopeAll {
		return refusal(u, ActClientReassign, "manager", nil)
	}
	if c.Archived && !Can(u, ActClientArchive) {
		return refusal(u, ActClientArchive, "archived", nil)
	}
	if c.Category != CategoryNone && strings.TrimSpace(reason) == "" {
		return categoryReasonError()
	}
	return nil
}

func categoryReasonError() error {
	ve := &ValidationError{}
	ve.Add("category_reason", T("model.rights.category_reason"))
	return ve
}

// fieldAction names the right a changed field needs (field keys as DiffClients gives them).
func fieldAction(field string, old, new *Client) Action {
	switch {
	case field == "contacts" || strings.HasPrefix(field, "contacts.") ||
		field == "notes" || field == "phones" || field == "emails" || field == "fax":
		return ActClientEditContacts
	case field == "category" || field == "category_log":
		return ActClientCategory
	case field == "status" && (old.Status == StatusTradingHall || new.Status == StatusTradingHall):
		return ActClientTradingHall
	case field == "manager":
		return ActClientReassign
	case field == "archived":
		return ActClientArchive
	}
	return ActClientEditCard
}

// refusal builds the sentence for a refused change of field (field "" for
// a refused action as a whole).
func refusal(u User, a Action, field string, c *Client) error {
	who := rolePhrase(u.Role, true)
	if u.Archived {
		return Sentencef(ErrForbidden, "model.rights.archived_user", u.Name)
	}
	if ScopeOf(u, a) == ScopeOwn && c != nil {
		return Sentencef(ErrForbidden, "model.rights.not_own", who, c.Manager)
	}
	if a == ActClientEditCard && Can(u, ActClientEditContacts) {
		return Sentencef(ErrForbidden, "model.rights.only_contacts", who, FieldLabel(field))
	}
	var allowed []string
	for _, r := range Roles {
		if RightsTable[r][a] != ScopeNone {
			allowed = append(allowed, rolePhrase(r, false))
		}
	}
	what := T("model.action." + string(a))
	if len(allowed) == 0 {
		return Sentencef(ErrForbidden, "model.rights.nobody", what)
	}
	list := allowed[len(allowed)-1]
	if n := len(allowed); n > 1 {
		list = strings.Join(allowed[:n-1], ", ") + T("model.rights.or") + list
	}
	if field == "" {
		return Sentencef(ErrForbidden, "model.rights.only", list, what)
	}
	return Sentencef(ErrForbidden, "model.rights.only_field", list, what, FieldLabel(field))
}

// rolePhrase is "an operator", "a head of department"…, capitalised to open a sentence.
func rolePhrase(r Role, capital bool) string {
	s := string(r)
	if HasMessage("model.role." + s) {
		s = T("model.role." + s)
	}
	if capital {
		first, n := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(first)) + s[n:]
	}
	return s
}

func categoryLogExtends(old, new []CategoryChange) bool {
	if len(new) < len(old) {
		return false
	}
	for i := range old {
		if !old[i].At.Equal(new[i].At) || old[i].By != new[i].By || old[i].From != new[i].From ||
			old[i].To != new[i].To || old[i].Reason != new[i].Reason {
			return false
		}
	}
	return true
}

// ApplyCategoryChange sets c's category to `to` and appends the dated entry
// to its history. The store may call it on the old copy or on one whose
// Category already reads `to`; then the history says what it was before.
// Nothing is logged when the category does not change.
func ApplyCategoryChange(c *Client, to Category, by, reason string, at time.Time) {
	from := c.Category
	if from == to {
		from = CategoryNone
		if n := len(c.CategoryLog); n > 0 {
			from = c.CategoryLog[n-1].To
		}
	}
	c.Category = to
	if from == to {
		return
	}
	c.CategoryLog = append(c.CategoryLog, CategoryChange{
		At: at.UTC(), By: by, From: from, To: to, Reason: strings.TrimSpace(reason),
	})
}
