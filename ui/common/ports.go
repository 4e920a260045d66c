package common

import (
	"context"
	"time"

	"clientbase/model"
)

// ClientStore is what the client screens (list, card, form) need from the database. main wires a
// store session (bound to the signed-in user, rights enforced there) into it.
// Every method may block on the disk: call them only from a tea.Cmd.
type ClientStore interface {
	// List returns rows [offset, offset+limit) of the client list matching f,
	// in name (collation) order, and the total number of matches. With an
	// empty filter it answers from the name index at once, even while the
	// search index is still being built. A cancelled ctx returns ctx.Err().
	List(ctx context.Context, f model.ClientFilter, offset, limit int) (model.ClientPage, error)
	// Client loads one client.
	Client(id model.ID) (model.Client, error)
	// SaveClient creates (ID == 0) or updates a client in one transaction.
	// reason is required when the category changes. Errors: *model.ValidationError,
	// model.ErrConflict (stale Version), model.ErrForbidden, model.ErrReadOnly.
	SaveClient(c model.Client, reason string) (model.Client, error)
	// SetArchived archives or restores a client (no hard delete).
	SetArchived(id model.ID, version uint64, archived bool) (model.Client, error)
	// Duplicates finds existing clients sharing the tax id, a phone, an
	// e-mail, or a near-identical name with c (c itself excluded).
	Duplicates(c model.Client) ([]model.DuplicateClient, error)
	// History returns the audit entries of a client, oldest first.
	History(id model.ID) ([]model.AuditEntry, error)
	// Users lists the department's users (managers for the manager field).
	Users() ([]model.User, error)
	// Stats returns record counts for the status bar.
	Stats() (model.Stats, error)
	// Backup writes a consistent copy of the database to path.
	Backup(path string) error
	// Timeline returns a client's interactions and plan items, newest first.
	Timeline(client model.ID) ([]model.TimelineEntry, error)
	// Plan creates a plan item (origin required, e.g. model.OriginManual):
	// the one way every screen plans a call or visit. Errors as SaveClient.
	Plan(p model.PlanItem) (model.PlanItem, error)
	// CallSettings returns the department's call rules (the defaults when
	// none were saved).
	CallSettings() (model.CallSettings, error)
}

// CallStore is what the call schedule screens need besides ClientStore.
// Times come from the store's clock. Every method may block on the disk.
type CallStore interface {
	// Queue returns rows [offset, offset+limit) of my open calls (and, for
	// operators, the shared pool's), by due time, priority, then age; a call
	// someone else holds is left out until they let it go.
	Queue(ctx context.Context, offset, limit int) (model.QueuePage, error)
	// TakeNext takes the first call of my queue that is due and nobody holds,
	// marks it held by me and loads its context; model.ErrNotFound (with a
	// sentence naming the next due time) when nothing is due.
	TakeNext() (model.CallContext, error)
	// Take takes one given item (held by someone else: model.ErrConflict).
	Take(id model.ID) (model.CallContext, error)
	// Release lets a held item go back to the queue unchanged.
	Release(id model.ID) error
	// CallContext loads a client's context for a call without taking an item
	// (item 0: an incoming or off-plan call).
	CallContext(client, item model.ID) (model.CallContext, error)
	// LogOutcome records ix and applies the retry policy in one transaction.
	// ix.PlanItem 0 is an off-plan call: a done off-plan item is recorded.
	LogOutcome(ix model.Interaction) (model.OutcomeResult, error)
	// PlanItem loads one item.
	PlanItem(id model.ID) (model.PlanItem, error)
	// Reschedule moves an item: the old one becomes "rescheduled" and the
	// returned new one is planned at due (until: the window's end, or zero).
	Reschedule(id model.ID, version uint64, due, until time.Time, reason string) (model.PlanItem, error)
	// CancelPlan cancels an item with a reason.
	CancelPlan(id model.ID, version uint64, reason string) (model.PlanItem, error)
	// Reassign gives open items to user to ("" is the operators' pool) in one
	// transaction; it returns how many moved.
	Reassign(ids []model.ID, to string) (int, error)
	// PlanItems returns user's items (all statuses) due in [from, to), by due.
	PlanItems(user string, from, to time.Time) ([]model.PlanRow, error)
	// Grid counts users' plans per day; days are local midnights, each cell
	// covering [day, next day's midnight).
	Grid(users []string, days []time.Time) (model.PlanGrid, error)
	// Adherence is planned vs done per user for items due in [from, to).
	Adherence(users []string, from, to time.Time) ([]model.Adherence, error)
	// SaveCallSettings stores new call rules (head and director).
	SaveCallSettings(cs model.CallSettings) (model.CallSettings, error)
}

// OrderStore is what the order, catalogue and receivables screens need.
// Rights are the store's (model.RightsTable); every method may block on the disk.
type OrderStore interface {
	// Products returns rows [offset, offset+limit) of the catalogue whose SKU or
	// name contains query (folded like the client search), active ones unless
	// inactive is set, in SKU order. Answers from memory; ctx cancels.
	Products(ctx context.Context, query string, inactive bool, offset, limit int) (model.ProductPage, error)
	Product(id model.ID) (model.Product, error)
	// ProductBySKU finds an active product by its exact SKU (case-insensitive).
	ProductBySKU(sku string) (model.Product, error)
	// SaveProduct creates (ID 0) or updates a product (director).
	SaveProduct(p model.Product) (model.Product, error)
	PriceSettings() (model.PriceSettings, error)
	SavePriceSettings(ps model.PriceSettings) (model.PriceSettings, error)
	// PriceVersions lists the versions, newest effective first, without their Prices.
	PriceVersions() ([]model.PriceVersion, error)
	PriceVersion(id model.ID) (model.PriceVersion, error)
	// SavePriceVersion stores a new version (director). With noticeMonths > 0 and
	// a future effective date, it plans price-change notice calls (origin
	// price_change) for the clients who bought its products in the last
	// noticeMonths months, and returns how many it planned.
	SavePriceVersion(v model.PriceVersion, noticeMonths int) (model.PriceVersion, int, error)
	// PriceFor is product's price in column at date (model.ErrNotFound sentence when none).
	PriceFor(product model.ID, column string, date time.Time) (model.Money, error)

	// Orders returns a window of the order list, newest first.
	Orders(ctx context.Context, f model.OrderFilter, offset, limit int) (model.OrderPage, error)
	Order(id model.ID) (model.Order, error)
	// SaveOrder creates (ID 0: number given) or updates an order while its
	// lines may change; lines are recomputed by the store. Errors as SaveClient.
	SaveOrder(o model.Order) (model.Order, error)
	// SubmitOrder asks to confirm an order: it becomes awaiting approval (a
	// discount above the taker's limit), credit hold (the credit gate), or confirmed.
	SubmitOrder(id model.ID, version uint64) (model.Order, error)
	// Approve / Reject an order awaiting approval (head), with a comment.
	Approve(id model.ID, version uint64, comment string) (model.Order, error)
	Reject(id model.ID, version uint64, comment string) (model.Order, error)
	// OverrideCredit confirms an order on credit hold (head), with a comment.
	OverrideCredit(id model.ID, version uint64, comment string) (model.Order, error)
	// Ship records shipped quantities per line index (partly or fully shipped).
	Ship(id model.ID, version uint64, shipped map[int]model.Qty) (model.Order, error)
	// Invoice issues the invoice (number given by the store, dated date).
	Invoice(id model.ID, version uint64, date time.Time) (model.Order, error)
	CancelOrder(id model.ID, version uint64, reason string) (model.Order, error)
	// ReturnOrder records returned quantities per line index with a reason (head).
	ReturnOrder(id model.ID, version uint64, returned map[int]model.Qty, reason string) (model.Order, error)
	CloseOrder(id model.ID, version uint64) (model.Order, error)
	// Approvals lists orders awaiting approval or on credit hold, oldest first.
	Approvals(ctx context.Context) ([]model.OrderRow, error)

	// RecordPayment records a payment against an invoiced order; the returned
	// payment's Mismatch says "over" or "under" when the amount is not what was due.
	RecordPayment(p model.Payment) (model.Payment, error)
	Payments(order model.ID) ([]model.Payment, error)
	// Receivables is one client's debt with its open invoices.
	Receivables(client model.ID) (model.ClientReceivables, error)
	// ReceivablesList is every client with an outstanding balance, sorted by
	// "outstanding", "overdue", "days" or "name"; total counts them.
	ReceivablesList(ctx context.Context, sortBy string, offset, limit int) ([]model.ClientReceivables, int, error)
}

// ComplaintStore is what the complaint screens need. Rights are the store's
// (model.RightsTable, model.CanOnComplaint); every method may block on the
// disk. Moves check the version the screen started from (model.ErrConflict)
// and the status flow (model.CheckComplaintMove's sentence).
type ComplaintStore interface {
	// Complaints returns rows [offset, offset+limit) of the queue matching f:
	// open complaints, serious incidents first, then by deadline, priority and
	// age (f.Status closed or f.Client: newest received first). Row.Left is
	// the working time left at the store's clock. ctx cancels.
	Complaints(ctx context.Context, f model.ComplaintFilter, offset, limit int) (model.ComplaintPage, error)
	Complaint(id model.ID) (model.Complaint, error)
	// ComplaintHistory is the complaint's audit entries, oldest first.
	ComplaintHistory(id model.ID) ([]model.AuditEntry, error)
	// OpenComplaintsAbout lists client's open complaints about order (0: any
	// order): the intake form's warning.
	OpenComplaintsAbout(client, order model.ID) ([]model.ComplaintRow, error)
	// RegisterComplaint creates a complaint (ID 0): registered, or assigned
	// when Owner is set; the deadline from the service level. Errors as SaveClient.
	RegisterComplaint(c model.Complaint) (model.Complaint, error)
	// SaveComplaint changes an open complaint's fields (type, contact, lines,
	// claimed, description, priority, serious); the deadline follows type and
	// seriousness.
	SaveComplaint(c model.Complaint) (model.Complaint, error)
	// NextComplaint gives me the most urgent unassigned complaint I may handle
	// (it becomes mine, assigned); model.ErrNotFound with a sentence when none.
	NextComplaint() (model.Complaint, error)
	// AssignComplaint gives a complaint to owner (head: anyone; others: themselves).
	AssignComplaint(id model.ID, version uint64, owner string) (model.Complaint, error)
	// MoveComplaint moves along the flow: investigating, waiting (pauses the
	// deadline), investigating again (resumes it), answered (note is the answer),
	// remedy done, feedback, reopened. Closing and escalating have their own calls.
	MoveComplaint(id model.ID, version uint64, to model.ComplaintStatus, note string) (model.Complaint, error)
	// ForwardComplaint records sending it to a department.
	ForwardComplaint(id model.ID, version uint64, d model.Department, note string) (model.Complaint, error)
	// EscalateComplaint sends it one or more rungs up to the person to, with why.
	EscalateComplaint(id model.ID, version uint64, to, reason string) (model.Complaint, error)
	// AnswerEscalation is the upper level's answer: the escalation closes and
	// the complaint goes back to investigating.
	AnswerEscalation(id model.ID, version uint64, answer string) (model.Complaint, error)
	// CloseComplaint closes with a decision, amount, remedy, reason, fault and
	// feedback (model.CheckClosing), plans the retention call (origin
	// complaint_closure) and, for a return, records it on the order.
	CloseComplaint(id model.ID, version uint64, cl model.Closing) (model.Complaint, error)
	// SetJustified gives the head's verdict (head, director).
	SetJustified(id model.ID, version uint64, justified bool) (model.Complaint, error)
	ComplaintSettings() (model.ComplaintSettings, error)
	SaveComplaintSettings(cs model.ComplaintSettings) (model.ComplaintSettings, error)
	// ComplaintReport is the head's report for complaints received in [from, to).
	ComplaintReport(ctx context.Context, from, to time.Time) (model.ComplaintReport, error)
}

// Store is everything the interface asks of the database.
type Store interface {
	ClientStore
	CallStore
	OrderStore
	ComplaintStore
	UserStore
}

// UserStore is what the director's users pane needs besides ClientStore's
// Users: the SSH keys users sign in to the team server with. Every method may
// block on the disk; rights are the store's (model.ActUserManage, director).
type UserStore interface {
	// AddUserKey gives user name the key of an authorized_keys line. Bad
	// text is a *model.ValidationError (field "key") and a key on another
	// user is refused with a sentence; nothing is saved on refusal. A key the
	// user already has is returned as it is.
	AddUserKey(name, line string) (model.UserKey, error)
	// RemoveUserKey takes the key with fingerprint ("SHA256:…") from user
	// name; a key the user does not have is model.ErrNotFound.
	RemoveUserKey(name, fingerprint string) error
}
