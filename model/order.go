package model

import "time"

// Unit is how a product is counted. Decimals is how many decimal places a
// quantity may have (pieces 0, metres 2, kilograms 3; never more than Qty's 3).
type Unit string

const (
	UnitPiece    Unit = "pcs"
	UnitMetre    Unit = "m"
	UnitKilogram Unit = "kg"
)

var Units = []Unit{UnitPiece, UnitMetre, UnitKilogram}

// Rate is a percentage in basis points: 2000 = 20 %, 550 = 5.5 %.
type Rate int64

// RateScale is the number of Rate units in 1 %.
const RateScale = 100

// Product is one article of the catalogue.
type Product struct {
	ID       ID     `json:"id"`
	SKU      string `json:"sku"` // unique, as typed (compared case-insensitively)
	Name     string `json:"name"`
	Unit     Unit   `json:"unit"`
	VAT      Rate   `json:"vat"` // e.g. 2000 = 20 %
	Active   bool   `json:"active"`
	External string `json:"external,omitempty"` // the code in 1C or another system
	Meta
}

// PriceSettings describe the department's price list: its columns (the
// client's PriceColumn names one), whether prices include VAT, the currency.
type PriceSettings struct {
	Columns     []string `json:"columns"` // e.g. retail, wholesale, dealer; the first is the default
	VATIncluded bool     `json:"vat_included"`
	Currency    string   `json:"currency"`
	// DiscountLimits is each role's largest line discount without the head's approval.
	DiscountLimits map[Role]Rate `json:"discount_limits"`
	Version        uint64        `json:"version"`
}

// PriceVersion is a set of prices that takes effect on a date (00:00 in the
// department's zone). The price on an order is the client's column in the
// latest version effective on the order date that has that product.
type PriceVersion struct {
	ID        ID           `json:"id"`
	Effective time.Time    `json:"effective"`
	Note      string       `json:"note,omitempty"`
	Prices    []PriceEntry `json:"prices"`
	// Count is how many prices the version holds, filled on the headers
	// PriceVersions lists (their Prices stay nil); never stored.
	Count int `json:"-"`
	Meta
}

// PriceEntry is one product's price in one column.
type PriceEntry struct {
	Product ID     `json:"product"`
	Column  string `json:"column"`
	Price   Money  `json:"price"` // per whole unit
}

// OrderStatus is where an order stands in its lifecycle (order_rules.go has
// the allowed transitions).
type OrderStatus string

const (
	OrderDraft            OrderStatus = "draft"
	OrderAwaitingApproval OrderStatus = "awaiting_approval" // a discount above the taker's limit
	OrderCreditHold       OrderStatus = "credit_hold"       // overdue debt or credit limit exceeded
	OrderConfirmed        OrderStatus = "confirmed"
	OrderShippedPartly    OrderStatus = "shipped_partly"
	OrderShipped          OrderStatus = "shipped"
	OrderInvoiced         OrderStatus = "invoiced"
	OrderPaidPartly       OrderStatus = "paid_partly"
	OrderPaid             OrderStatus = "paid"
	OrderClosed           OrderStatus = "closed"
	OrderCancelled        OrderStatus = "cancelled"
	OrderReturned         OrderStatus = "returned"
)

var OrderStatuses = []OrderStatus{OrderDraft, OrderAwaitingApproval, OrderCreditHold, OrderConfirmed,
	OrderShippedPartly, OrderShipped, OrderInvoiced, OrderPaidPartly, OrderPaid, OrderClosed,
	OrderCancelled, OrderReturned}

// OrderChannel is how the order came in.
type OrderChannel string

const (
	OrderByPhone OrderChannel = "phone"
	OrderWalkIn  OrderChannel = "walk_in"
	OrderInField OrderChannel = "field"
)

var OrderChannels = []OrderChannel{OrderByPhone, OrderWalkIn, OrderInField}

// LineSource is where a line's goods come from.
type LineSource string

const (
	SourceBranch      LineSource = "branch"        // branch stock
	SourceCentral     LineSource = "central"       // central warehouse
	SourceMadeToOrder LineSource = "made_to_order" // a request to production
)

var LineSources = []LineSource{SourceBranch, SourceCentral, SourceMadeToOrder}

// OrderLine is one product on an order. Amounts are computed by
// ComputeLine (one rounding per line, documented there) and stored.
type OrderLine struct {
	Product  ID         `json:"product"`
	SKU      string     `json:"sku"`
	Name     string     `json:"name"`
	Unit     Unit       `json:"unit"`
	Qty      Qty        `json:"qty"`
	Price    Money      `json:"price"`    // per whole unit, from the client's column (VAT as the price list)
	Discount Rate       `json:"discount"` // line discount
	VAT      Rate       `json:"vat"`
	Source   LineSource `json:"source"`
	// Computed:
	Net        Money `json:"net"` // without VAT, after discount
	VATAmount  Money `json:"vat_amount"`
	Gross      Money `json:"gross"`       // with VAT, after discount
	DiscountAm Money `json:"discount_am"` // discount given, with VAT as the price list
	// Fulfilment:
	Shipped  Qty `json:"shipped,omitempty"`
	Returned Qty `json:"returned,omitempty"`
}

// OrderTotals are the sums of an order's lines.
type OrderTotals struct {
	Net      Money `json:"net"`
	VAT      Money `json:"vat"`
	Gross    Money `json:"gross"`
	Discount Money `json:"discount"`
}

// OrderEvent is one step of an order's life: a status change, an approval,
// a rejection, a credit override, a shipment, a return, with who and why.
type OrderEvent struct {
	At      time.Time   `json:"at"`
	By      string      `json:"by"`
	From    OrderStatus `json:"from"`
	To      OrderStatus `json:"to"`
	Comment string      `json:"comment,omitempty"`
}

// Order is a client's order.
type Order struct {
	ID           ID           `json:"id"`
	Number       string       `json:"number"` // "2026-000123", given at creation
	Client       ID           `json:"client"`
	Contact      ID           `json:"contact,omitempty"`
	TakenBy      string       `json:"taken_by"`   // the manager or operator who took it
	EnteredBy    string       `json:"entered_by"` // who typed it in
	Channel      OrderChannel `json:"channel"`
	Date         time.Time    `json:"date"` // order date: prices are taken at it
	Requested    time.Time    `json:"requested,omitempty"`
	Promised     time.Time    `json:"promised,omitempty"`
	Delivery     bool         `json:"delivery"` // false: pick-up
	Address      string       `json:"address,omitempty"`
	DeferralDays int          `json:"deferral_days"` // payment terms, from the client
	PriceColumn  string       `json:"price_column"`
	VATIncluded  bool         `json:"vat_included"`
	Currency     string       `json:"currency"`
	Lines        []OrderLine  `json:"lines"`
	Totals       OrderTotals  `json:"totals"`
	Status       OrderStatus  `json:"status"`
	HoldReason   string       `json:"hold_reason,omitempty"` // why it waits: the discount or the debt, in words
	InvoiceNo    string       `json:"invoice_no,omitempty"`
	InvoiceDate  time.Time    `json:"invoice_date,omitempty"`
	DueDate      time.Time    `json:"due_date,omitempty"` // invoice date + deferral days
	Paid         Money        `json:"paid"`
	Reminded     bool         `json:"reminded,omitempty"` // the overdue debt call is planned
	Events       []OrderEvent `json:"events,omitempty"`
	Notes        string       `json:"notes,omitempty"`
	External     string       `json:"external,omitempty"`
	Meta
}

// Payment is money received against an invoiced order.
type Payment struct {
	ID        ID        `json:"id"`
	Order     ID        `json:"order"`
	Client    ID        `json:"client"`
	Amount    Money     `json:"amount"`
	Date      time.Time `json:"date"`
	Reference string    `json:"reference"`
	// Mismatch is set when the amount is not what was due: "over" or "under".
	Mismatch string `json:"mismatch,omitempty"`
	Meta
}

// Receivable is one invoiced order's debt.
type Receivable struct {
	Order       ID
	Number      string
	InvoiceDate time.Time
	DueDate     time.Time
	Invoiced    Money
	Paid        Money
	Outstanding Money
	DaysOverdue int // 0 when not yet due
}

// Aging buckets: current, 1–30, 31–60, 61–90, more than 90 days overdue.
const AgingBuckets = 5

// ClientReceivables is a client's debt in all.
type ClientReceivables struct {
	Client      ID
	ClientName  string
	Manager     string
	Invoiced    Money
	Paid        Money
	Outstanding Money
	Overdue     Money
	Aging       [AgingBuckets]Money
	CreditLimit Money
	MaxOverdue  int          // days of the oldest overdue invoice
	Items       []Receivable // open invoices, oldest first (only when asked for one client)
}

// OrderFilter narrows the order list. Zero values mean "any".
type OrderFilter struct {
	Status  OrderStatus
	Client  ID
	Manager string // taken by
	From    time.Time
	To      time.Time
	// Open: neither closed, cancelled nor returned.
	Open bool
}

// OrderRow is one line of the order list.
type OrderRow struct {
	Order        Order // without Lines (Lines nil) to keep the list light
	ClientName   string
	LateDelivery bool // promised date passed and not shipped
}

// OrderPage is a window of the order list.
type OrderPage struct {
	Total int
	Rows  []OrderRow
}

// ProductPage is a window of the product list.
type ProductPage struct {
	Total int
	Rows  []Product
}
