package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var (
	operator = User{Name: "sidorova", Role: RoleOperator}
	manager  = User{Name: "petrova", Role: RoleManager}
	other    = User{Name: "kazlauskas", Role: RoleManager}
	head     = User{Name: "volkov", Role: RoleHead}
	director = User{Name: "orlov", Role: RoleDirector}
)

func TestCanEveryRoleAndAction(t *testing.T) {
	// want[role] lists the actions the role may do at all
	want := map[Role][]Action{
		RoleOperator: {ActClientCreate, ActClientEditContacts, ActPlanEdit, ActCallPool, ActOrderEdit,
			ActComplaintRegister, ActComplaintEdit},
		RoleManager: {ActClientCreate, ActClientEditCard, ActClientEditContacts, ActClientArchive, ActPlanEdit, ActPlanLogUnheld,
			ActOrderEdit, ActOrderFulfil, ActPaymentRecord, ActComplaintRegister, ActComplaintEdit},
		RoleHead: {ActClientCreate, ActClientEditCard, ActClientEditContacts, ActClientCategory,
			ActClientTradingHall, ActClientReassign, ActClientArchive,
			ActPlanEdit, ActPlanAssign, ActPlanViewAll, ActCallSettings, ActPlanLogUnheld,
			ActOrderEdit, ActOrderApprove, ActCreditOverride, ActOrderFulfil, ActPaymentRecord, ActReceivablesAll,
			ActComplaintRegister, ActComplaintEdit, ActComplaintJustify, ActComplaintSettings, ActComplaintReport, ActDataImport, ActDataExport},
		// everything but working the operators' pool
		RoleDirector: {ActClientCreate, ActClientEditCard, ActClientEditContacts, ActClientCategory,
			ActClientTradingHall, ActClientReassign, ActClientArchive, ActUserManage, ActBackup,
			ActPlanEdit, ActPlanAssign, ActPlanViewAll, ActCallSettings, ActPlanLogUnheld,
			ActOrderEdit, ActOrderApprove, ActCreditOverride, ActOrderFulfil, ActPaymentRecord, ActReceivablesAll, ActPriceEdit,
			ActComplaintRegister, ActComplaintEdit, ActComplaintJustify, ActComplaintSettings, ActComplaintReport, ActDataImport, ActDataExport},
	}
	for _, r := range Roles {
		for _, a := range Actions {
			u := User{Name: "x", Role: r}
			if got, exp := Can(u, a), oneOf(a, want[r]); got != exp {
				t.Errorf("Can(%s, %s) = %v, want %v", r, a, got, exp)
			}
			u.Archived = true
			if Can(u, a) {
				t.Errorf("archived %s may %s", r, a)
			}
		}
	}
	if Can(User{Role: "intern"}, ActClientCreate) {
		t.Error("a role missing from the table may create clients")
	}
}

func TestCanOnClientScopes(t *testing.T) {
	own := &Client{Manager: "petrova"}
	foreign := &Client{Manager: "kazlauskas"}
	unassigned := &Client{}
	for _, tt := range []struct {
		u    User
		a    Action
		c    *Client
		want bool
	}{
		{manager, ActClientEditCard, own, true},
		{manager, ActClientEditCard, unassigned, true},
		{manager, ActClientEditCard, foreign, false},
		{manager, ActClientEditContacts, foreign, false},
		{manager, ActClientArchive, own, true},
		{manager, ActClientArchive, foreign, false},
		{manager, ActClientCategory, own, false},
		{operator, ActClientEditContacts, foreign, true},
		{operator, ActClientEditCard, unassigned, false},
		{head, ActClientReassign, foreign, true},
		{director, ActClientTradingHall, foreign, true},
		{manager, ActClientCreate, nil, true},
	} {
		if got := CanOnClient(tt.u, tt.a, tt.c); got != tt.want {
			t.Errorf("CanOnClient(%s, %s, %+v) = %v", tt.u.Role, tt.a, tt.c, got)
		}
	}
}

func rightsClient() *Client {
	return &Client{
		ShortName: "ООО «Северный текстиль»", Kind: KindLegal, Status: StatusActive, Manager: "petrova",
		Category: CategoryB, CreditLimit: Money{100000, "RUB"},
		Contacts: []Contact{{ID: 1, Name: "Иванова Мария"}},
	}
}

func TestCheckClientChange(t *testing.T) {
	type edit func(c *Client)
	forbidden := func(s string) string { return s } // readability: expected sentence
	tests := []struct {
		name   string
		u      User
		edit   edit
		reason string
		want   string // "" allowed, "reason" a category-reason validation error, else the sentence
	}{
		{"operator edits notes", operator, func(c *Client) { c.Notes = "called" }, "", ""},
		{"operator adds a contact", operator, func(c *Client) { c.Contacts = append(c.Contacts, Contact{Name: "Петров"}) }, "", ""},
		{"operator edits a contact", operator, func(c *Client) { c.Contacts[0].Position = "бухгалтер" }, "", ""},
		{"operator adds a phone", operator, func(c *Client) { c.Phones = []Phone{{E164: "+79123456789"}} }, "", ""},
		{"operator changes credit", operator, func(c *Client) { c.CreditLimit.Minor = 5 },
			"", forbidden("An operator may change only contacts and notes; the change to the credit limit was refused.")},
		{"operator renames", operator, func(c *Client) { c.ShortName = "X" },
			"", "An operator may change only contacts and notes; the change to the name was refused."},
		{"operator changes category", operator, func(c *Client) { c.Category = CategoryA }, "why",
			"Only a head of department or the director may change a client's category; the change to the category was refused."},
		{"manager edits own card", manager, func(c *Client) { c.City = "Москва"; c.DeferralDays = 30 }, "", ""},
		{"manager edits foreign card", other, func(c *Client) { c.City = "Москва" }, "",
			"A manager may change only their own clients and unassigned ones; this client is managed by petrova."},
		{"manager edits foreign contacts", other, func(c *Client) { c.Notes = "x" }, "",
			"A manager may change only their own clients and unassigned ones; this client is managed by petrova."},
		{"manager archives own", manager, func(c *Client) { c.Archived = true }, "", ""},
		{"manager changes category", manager, func(c *Client) { c.Category = CategoryA }, "big orders",
			"Only a head of department or the director may change a client's category; the change to the category was refused."},
		{"manager to trading hall", manager, func(c *Client) { c.Status = StatusTradingHall }, "",
			"Only a head of department or the director may move a client to or from the trading hall; the change to the status was refused."},
		{"manager sets inactive", manager, func(c *Client) { c.Status = StatusInactive }, "", ""},
		{"manager hands over", manager, func(c *Client) { c.Manager = "kazlauskas" }, "",
			"Only a head of department or the director may hand a client to another manager; the change to the responsible manager was refused."},
		{"manager releases", manager, func(c *Client) { c.Manager = "" }, "",
			"Only a head of department or the director may hand a client to another manager; the change to the responsible manager was refused."},
		{"head reassigns", head, func(c *Client) { c.Manager = "kazlauskas" }, "", ""},
		{"head to trading hall", head, func(c *Client) { c.Status = StatusTradingHall; c.Manager = "" }, "", ""},
		{"head category with reason", head, func(c *Client) { ApplyCategoryChange(c, CategoryA, "volkov", "big orders", time.Now()) }, "big orders", ""},
		{"head category without reason", head, func(c *Client) { c.Category = CategoryA }, " ", "reason"},
		{"director category", director, func(c *Client) { c.Category = CategoryNone }, "closed down", ""},
		{"director archives", director, func(c *Client) { c.Archived = true; c.CreditLimit.Minor = 0 }, "", ""},
		{"archived head", User{Name: "volkov", Role: RoleHead, Archived: true}, func(c *Client) { c.Notes = "x" }, "",
			"User volkov is archived and may change nothing."},
		{"log rewritten", director, func(c *Client) { c.CategoryLog[0].Reason = "other" }, "",
			"The category history cannot be rewritten; only new entries are added."},
		{"nothing changed", operator, func(c *Client) {}, "", ""},
	}
	for _, tt := range tests {
		old := rightsClient()
		old.CategoryLog = []CategoryChange{{At: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), By: "volkov", To: CategoryB, Reason: "first order"}}
		nw := rightsClient()
		nw.CategoryLog = append([]CategoryChange(nil), old.CategoryLog...)
		tt.edit(nw)
		err := CheckClientChange(tt.u, old, nw, tt.reason)
		switch tt.want {
		case "":
			if err != nil {
				t.Errorf("%s: refused: %v", tt.name, err)
			}
		case "reason":
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Fields["category_reason"] != "Give a reason for changing the category." {
				t.Errorf("%s: %v, want a category_reason error", tt.name, err)
			}
		default:
			var s *Sentence
			if !errors.As(err, &s) || !errors.Is(err, ErrForbidden) || err.Error() != tt.want {
				t.Errorf("%s:\n got %v\nwant %q", tt.name, err, tt.want)
			}
		}
	}
}

func TestCheckClientChangeTakeUnassigned(t *testing.T) {
	old := rightsClient()
	old.Manager = ""
	nw := rightsClient()
	nw.Manager = "petrova"
	if err := CheckClientChange(manager, old, nw, ""); err != nil {
		t.Errorf("taking an unassigned client: %v", err)
	}
	nw.Manager = "kazlauskas"
	if err := CheckClientChange(manager, old, nw, ""); !errors.Is(err, ErrForbidden) {
		t.Errorf("giving an unassigned client to a colleague: %v", err)
	}
	if err := CheckClientChange(operator, old, rightsClient(), ""); !errors.Is(err, ErrForbidden) {
		t.Errorf("operator taking a client: %v", err)
	}
}

func TestCheckClientCreate(t *testing.T) {
	prospect := func() *Client { return &Client{ShortName: "Новый", Status: StatusProspect} }
	for _, tt := range []struct {
		name   string
		u      User
		edit   func(c *Client)
		reason string
		want   string
	}{
		{"operator prospect", operator, func(c *Client) {}, "", ""},
		{"operator empty status", operator, func(c *Client) { c.Status = "" }, "", ""},
		{"operator active", operator, func(c *Client) { c.Status = StatusActive }, "",
			"An operator may create a client only as a prospect; a manager sets its status later."},
		{"operator category", operator, func(c *Client) { c.Category = CategoryC }, "x",
			"Only a head of department or the director may change a client's category; the change to the category was refused."},
		{"operator assigns", operator, func(c *Client) { c.Manager = "petrova" }, "",
			"Only a head of department or the director may hand a client to another manager; the change to the responsible manager was refused."},
		{"operator as manager", operator, func(c *Client) { c.Manager = "sidorova" }, "",
			"Only a head of department or the director may hand a client to another manager; the change to the responsible manager was refused."},
		{"manager for self", manager, func(c *Client) { c.Manager = "petrova"; c.Status = StatusActive }, "", ""},
		{"manager for colleague", manager, func(c *Client) { c.Manager = "kazlauskas" }, "",
			"Only a head of department or the director may hand a client to another manager; the change to the responsible manager was refused."},
		{"head with category", head, func(c *Client) { c.Category = CategoryA; c.Manager = "petrova" }, "known buyer", ""},
		{"head category no reason", head, func(c *Client) { c.Category = CategoryA }, "", "reason"},
		{"nobody role", User{Name: "x", Role: "intern"}, func(c *Client) {}, "",
			"Only an operator, a manager, a head of department or the director may create clients."},
	} {
		c := prospect()
		tt.edit(c)
		err := CheckClientChange(tt.u, nil, c, tt.reason)
		switch tt.want {
		case "":
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
		case "reason":
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Fields["category_reason"] == "" {
				t.Errorf("%s: %v", tt.name, err)
			}
		default:
			if err == nil || err.Error() != tt.want || !errors.Is(err, ErrForbidden) {
				t.Errorf("%s:\n got %v\nwant %q", tt.name, err, tt.want)
			}
		}
	}
}

func TestRightsMessagesExist(t *testing.T) {
	for _, a := range Actions {
		if !HasMessage("model.action." + string(a)) {
			t.Errorf("no words for action %s", a)
		}
	}
	for _, r := range Roles {
		if !HasMessage("model.role." + string(r)) {
			t.Errorf("no words for role %s", r)
		}
	}
	for _, ch := range DiffClients(&Client{}, fullyDifferentClient()) {
		if l := FieldLabel(ch.Field); strings.Contains(l, "_") || l == "" {
			t.Errorf("field %s has no label (%q)", ch.Field, l)
		}
	}
}

func TestApplyCategoryChange(t *testing.T) {
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.FixedZone("MSK", 3*3600))
	c := &Client{}
	ApplyCategoryChange(c, CategoryB, "volkov", " first order ", at)
	ApplyCategoryChange(c, CategoryA, "volkov", "volume", at.Add(time.Hour))
	ApplyCategoryChange(c, CategoryA, "volkov", "again", at.Add(2*time.Hour)) // no change, no entry
	if c.Category != CategoryA || len(c.CategoryLog) != 2 {
		t.Fatalf("%+v", c)
	}
	if e := c.CategoryLog[0]; e.From != CategoryNone || e.To != CategoryB || e.Reason != "first order" || e.At.Location() != time.UTC {
		t.Errorf("first entry %+v", e)
	}
	if e := c.CategoryLog[1]; e.From != CategoryB || e.To != CategoryA || e.By != "volkov" {
		t.Errorf("second entry %+v", e)
	}
	// called on a copy whose Category already reads the new value
	c.Category = CategoryC
	ApplyCategoryChange(c, CategoryC, "orlov", "fewer orders", at.Add(3*time.Hour))
	if e := c.CategoryLog[2]; e.From != CategoryA || e.To != CategoryC {
		t.Errorf("entry after a pre-set category %+v", e)
	}
}

// The call schedule's rules are rights-table data: who works the pool, who
// may log an outcome without taking the call, and on whose items.
func TestCanOnPlanScopes(t *testing.T) {
	mine := &PlanItem{Assignee: "petrova"}
	foreign := &PlanItem{Assignee: "kazlauskas"}
	pool := &PlanItem{}
	for _, tt := range []struct {
		u    User
		a    Action
		p    *PlanItem
		want bool
	}{
		{operator, ActCallPool, pool, true},
		{manager, ActCallPool, pool, false},
		{head, ActCallPool, pool, false},
		{director, ActCallPool, pool, false},
		{operator, ActPlanLogUnheld, &PlanItem{Assignee: "sidorova"}, false},
		{manager, ActPlanLogUnheld, mine, true},
		{manager, ActPlanLogUnheld, foreign, false},
		{manager, ActPlanLogUnheld, pool, false},
		{head, ActPlanLogUnheld, foreign, true},
		{director, ActPlanLogUnheld, pool, true},
		{operator, ActPlanEdit, &PlanItem{Assignee: "sidorova"}, true},
		{operator, ActPlanEdit, pool, false},
		{manager, ActPlanAssign, mine, false},
		{head, ActPlanAssign, foreign, true},
	} {
		if got := CanOnPlan(tt.u, tt.a, tt.p); got != tt.want {
			t.Errorf("CanOnPlan(%s, %s, %q) = %v, want %v", tt.u.Role, tt.a, tt.p.Assignee, got, tt.want)
		}
	}
}

// An order is a manager's or an operator's own when they took it or typed it
// in (sales support enters what a manager took); others' orders need ScopeAll.
func TestCanOnOrderOwnMeansTakenOrEntered(t *testing.T) {
	op := User{Name: "ivanova", Role: RoleOperator}
	cases := []struct {
		o    Order
		want bool
	}{
		{Order{TakenBy: "ivanova", EnteredBy: "ivanova"}, true},
		{Order{TakenBy: "petrova", EnteredBy: "ivanova"}, true},
		{Order{TakenBy: "ivanova", EnteredBy: "petrova"}, true},
		{Order{TakenBy: "petrova", EnteredBy: "petrova"}, false},
	}
	for _, c := range cases {
		if got := CanOnOrder(op, ActOrderEdit, &c.o); got != c.want {
			t.Errorf("taken by %s, entered by %s: %v, want %v", c.o.TakenBy, c.o.EnteredBy, got, c.want)
		}
	}
	if CanOnOrder(op, ActOrderApprove, &Order{TakenBy: "ivanova"}) {
		t.Error("an operator approves her own order")
	}
	if !CanOnOrder(User{Name: "volkova", Role: RoleHead}, ActOrderEdit, &Order{TakenBy: "petrova"}) {
		t.Error("the head may not change a manager's order")
	}
}
