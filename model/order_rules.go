package model

import "time"

// STUBS: the order-model helper (O1) replaces the bodies; the signatures are the contract.

// UnitDecimals is how many decimals a quantity of u may have.
func UnitDecimals(u Unit) int { return 0 } // STUB

// ParseQty reads a quantity typed with a decimal comma or dot ("1,5", "2.25",
// "10") for unit u; zero or below, or more decimals than the unit allows, is
// an error with a sentence.
func ParseQty(s string, u Unit) (Qty, error) { return 0, nil } // STUB

// FormatQty writes q with u's decimals ("1.50").
func FormatQty(q Qty, u Unit) string { return "" } // STUB

// ParseRate reads a percentage ("5", "5,5", "5.5 %"); below 0 or above 100 % is an error.
func ParseRate(s string) (Rate, error) { return 0, nil } // STUB

// FormatRate writes r as "5.5 %".
func FormatRate(r Rate) string { return "" } // STUB

// ComputeLine fills l's Net, VATAmount, Gross and DiscountAm from Qty, Price,
// Discount and VAT, for a price list with (vatIncluded) or without VAT. One
// rounding per line, half away from zero, to minor units (the rule is
// documented on the implementation); totals are sums of the rounded lines.
func ComputeLine(l *OrderLine, vatIncluded bool) {} // STUB

// ComputeTotals sums the lines' computed amounts.
func ComputeTotals(lines []OrderLine, currency string) OrderTotals { return OrderTotals{} } // STUB

// CanTransition reports whether an order may go from one status to another.
func CanTransition(from, to OrderStatus) bool { return false } // STUB

// CheckTransition returns a *Sentence (wrapping ErrConflict) naming both
// statuses when o may not move to to, else nil.
func CheckTransition(o Order, to OrderStatus) error { return nil } // STUB

// LinesEditable reports whether an order's lines may still change (not once confirmed).
func LinesEditable(s OrderStatus) bool { return true } // STUB

// NeedsApproval reports whether a line's discount exceeds what role may give
// (ps.DiscountLimits) and says which line and by how much, in words.
func NeedsApproval(ps PriceSettings, role Role, lines []OrderLine) (bool, string) { return false, "" } // STUB

// CreditGate decides whether confirming an order of amount for client c,
// whose receivables are r, must wait on credit hold; reason in words
// (overdue debt and its days, or the limit and the balance it would reach).
func CreditGate(c Client, r ClientReceivables, amount Money) (bool, string) { return false, "" } // STUB

// AgingBucket is the aging bucket (0 current … 4 more than 90 days) of a debt overdue by days.
func AgingBucket(daysOverdue int) int { return 0 } // STUB

// DefaultPriceSettings: columns retail, wholesale, dealer; VAT excluded;
// RUB; discount limits operator 0 %, manager 5 %, head 15 %, director 100 %.
func DefaultPriceSettings() PriceSettings { return PriceSettings{} } // STUB

// ValidateProduct: SKU and name required, known unit, VAT 0–100 %. Field keys
// "sku", "name", "unit", "vat".
func ValidateProduct(p Product) error { return nil } // STUB

// ValidatePriceSettings: at least one column, unique non-empty names,
// currency known, limits 0–100 %. Keys "columns", "currency", "limits".
func ValidatePriceSettings(ps PriceSettings) error { return nil } // STUB

// ValidatePriceVersion: an effective date, prices not negative, columns known.
// Keys "effective", "prices.N".
func ValidatePriceVersion(v PriceVersion, ps PriceSettings) error { return nil } // STUB

// ValidateOrder checks an order before it is saved: a client, at least one
// line to submit (a draft may be empty), quantities positive with the unit's
// decimals, discounts 0–100 %, a delivery date not before the order date, an
// address for delivery. Keys "client", "lines", "lines.N.qty",
// "lines.N.discount", "lines.N.price", "requested", "promised", "address", "channel".
func ValidateOrder(o Order) error { return nil } // STUB

// CheckPayment checks a payment against its order: positive amount, a date,
// the order invoiced or partly paid (not cancelled); it returns the mismatch
// ("over" / "under" / "") of the amount against what is still due.
func CheckPayment(p Payment, o Order) (mismatch string, err error) { return "", nil } // STUB

// DueDate is an invoice's due date: invoice date + deferral days.
func DueDate(invoice time.Time, deferralDays int) time.Time {
	return invoice.AddDate(0, 0, deferralDays)
}
