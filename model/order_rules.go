package model

import (
	"fmt"
	"strings"
	"time"
)

// The order contract: quantities and percentages as typed, line arithmetic,
// the lifecycle, discount authority, the credit gate and validation.

// UnitDecimals is how many decimals a quantity of u may have: pieces 0,
// metres 2, kilograms 3; an unknown unit -1.
func UnitDecimals(u Unit) int {
	switch u {
	case UnitPiece:
		return 0
	case UnitMetre:
		return 2
	case UnitKilogram:
		return 3
	}
	return -1
}

// qtyStep is the smallest quantity of u in Qty units (pieces 1000, metres 10).
func qtyStep(u Unit) Qty {
	step := Qty(1)
	for i := UnitDecimals(u); i < 3; i++ {
		step *= 10
	}
	return step
}

// ParseQty reads a quantity typed with a decimal comma or dot ("1,5",
// "2.25", "10", " 2 ", "1 000,5") for unit u. Only spaces group thousands: a
// comma or dot is always the decimal separator, so "1,234" for metres is
// refused for its three decimals rather than read as 1234. Zero or below,
// more decimals than the unit allows and more than MaxQty are refused with a sentence.
func ParseQty(s string, u Unit) (Qty, error) {
	dec := UnitDecimals(u)
	if dec < 0 {
		return 0, Sentencef(nil, "order.unit.unknown", string(u))
	}
	d, bad := readDecimal(s)
	switch bad {
	case "empty":
		return 0, Sentencef(nil, "order.qty.empty")
	case "invalid":
		return 0, Sentencef(nil, "order.qty.invalid."+string(u))
	}
	if len(d.frac) > dec {
		return 0, &Sentence{Text: qtyDecimalsSentence(u)}
	}
	v, ok := d.fixed(3, int64(MaxQty))
	if !ok && !d.neg {
		return 0, Sentencef(nil, "order.qty.too_large", FormatQty(MaxQty, u))
	}
	if d.neg || v == 0 {
		return 0, Sentencef(nil, "order.qty.positive")
	}
	return Qty(v), nil
}

// qtyDecimalsSentence says how finely u is counted ("Metres take at most 2 decimals.").
func qtyDecimalsSentence(u Unit) string {
	if dec := UnitDecimals(u); dec > 0 {
		return T("order.qty.decimals."+string(u), dec)
	}
	return T("order.qty.decimals." + string(u))
}

// FormatQty writes q with u's decimals ("1.50" m, "3" pcs, "0.250" kg), a
// decimal dot and no grouping, so that ParseQty reads it back. A quantity
// finer than its unit (never one ParseQty gave) shows all three decimals
// rather than a rounded figure.
func FormatQty(q Qty, u Unit) string {
	show := UnitDecimals(u)
	if show < 0 || q%qtyStep(u) != 0 {
		show = 3
	}
	var buf [32]byte
	return string(appendFixed(buf[:0], int64(q), 3, show))
}

// ParseRate reads a percentage ("5", "5,5", "5.5 %", "5.5%", "12,25") with at
// most two decimals; below 0 or above 100 % is an error with a sentence.
func ParseRate(s string) (Rate, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	d, bad := readDecimal(s)
	switch bad {
	case "empty":
		return 0, Sentencef(nil, "order.rate.empty")
	case "invalid":
		return 0, Sentencef(nil, "order.rate.invalid")
	}
	if len(d.frac) > 2 {
		return 0, Sentencef(nil, "order.rate.decimals")
	}
	v, ok := d.fixed(2, rateWhole)
	if d.neg && v != 0 {
		return 0, Sentencef(nil, "order.rate.negative")
	}
	if !ok {
		return 0, Sentencef(nil, "order.rate.range")
	}
	return Rate(v), nil
}

// FormatRate writes r as "5.5 %", "20 %", "12.25 %" (decimal dot, trailing zeros dropped).
func FormatRate(r Rate) string {
	show := 2
	switch {
	case r%RateScale == 0:
		show = 0
	case r%10 == 0:
		show = 1
	}
	var buf [32]byte
	return string(append(appendFixed(buf[:0], int64(r), 2, show), " %"...))
}

// lineAmounts are a line's computed amounts in minor units.
type lineAmounts struct{ net, vat, gross, discount int64 }

// computeAmounts applies ComputeLine's rule; ok is false for a discount or
// VAT outside 0–100 % or an amount beyond MaxAmountMinor (ValidateOrder
// says which).
func computeAmounts(qty Qty, price int64, discount, vat Rate, vatIncluded bool) (lineAmounts, bool) {
	if discount < 0 || discount > rateWhole || vat < 0 || vat > rateWhole {
		return lineAmounts{}, false
	}
	const den = QtyScale * rateWhole // qty and discount scales
	full, ok1 := mulDivRound(int64(qty), price, 1, QtyScale)
	disc, ok2 := mulDivRound(int64(qty), price, int64(rateWhole-discount), den)
	if !ok1 || !ok2 {
		return lineAmounts{}, false
	}
	a := lineAmounts{discount: full - disc}
	if vatIncluded {
		a.gross = disc
		a.net, _ = mulDivRound(disc, rateWhole, 1, int64(rateWhole+vat))
		a.vat = a.gross - a.net
	} else {
		a.net = disc
		a.vat, _ = mulDivRound(disc, int64(vat), 1, rateWhole)
		a.gross = a.net + a.vat
	}
	return a, inAmountRange(a.gross)
}

// ComputeLine fills l's Net, VATAmount, Gross and DiscountAm from Qty, Price,
// Discount and VAT, exactly in integers, rounding half away from zero to
// minor units once per amount:
//
//	VAT-exclusive list: Net = round(qty × price × (1 − discount))
//	                    VATAmount = round(Net × vat); Gross = Net + VATAmount
//	VAT-inclusive list: Gross = round(qty × price × (1 − discount))
//	                    Net = round(Gross / (1 + vat)); VATAmount = Gross − Net
//	both:               DiscountAm = round(qty × price) − the discounted amount
//	                    (Net or Gross: on the list's own VAT basis)
//
// Totals are sums of the rounded lines, so they may differ by a few minor
// units from the whole order computed exactly: that is the rule, as on an
// invoice. A line that cannot be computed (discount or VAT outside 0–100 %,
// or an amount beyond MaxAmountMinor) gets zero amounts; ValidateOrder
// refuses it with a sentence.
func ComputeLine(l *OrderLine, vatIncluded bool) {
	a, ok := computeAmounts(l.Qty, l.Price.Minor, l.Discount, l.VAT, vatIncluded)
	if !ok {
		a = lineAmounts{}
	}
	cur := l.Price.Currency
	l.Net = Money{Minor: a.net, Currency: cur}
	l.VATAmount = Money{Minor: a.vat, Currency: cur}
	l.Gross = Money{Minor: a.gross, Currency: cur}
	l.DiscountAm = Money{Minor: a.discount, Currency: cur}
}

// ComputeTotals sums the lines' computed amounts (ComputeLine first). A sum
// beyond int64 is pinned rather than wrapped; ValidateOrder refuses any
// total above MaxAmountMinor.
func ComputeTotals(lines []OrderLine, currency string) OrderTotals {
	var net, vat, gross, disc int64
	for i := range lines {
		l := &lines[i]
		net, _ = addSat(net, l.Net.Minor)
		vat, _ = addSat(vat, l.VATAmount.Minor)
		gross, _ = addSat(gross, l.Gross.Minor)
		disc, _ = addSat(disc, l.DiscountAm.Minor)
	}
	return OrderTotals{
		Net:      Money{Minor: net, Currency: currency},
		VAT:      Money{Minor: vat, Currency: currency},
		Gross:    Money{Minor: gross, Currency: currency},
		Discount: Money{Minor: disc, Currency: currency},
	}
}

// RecomputeOrder computes every line and the totals of o in place (the
// store calls it before saving, the order screen after each keystroke).
func RecomputeOrder(o *Order) {
	for i := range o.Lines {
		ComputeLine(&o.Lines[i], o.VATIncluded)
	}
	o.Totals = ComputeTotals(o.Lines, o.Currency)
}

// orderLifecycle is the order lifecycle: from → the statuses it may move to.
// Choices made for a distribution department:
//   - Discount approval comes before the credit gate, so an approved order
//     may still land on credit hold; a rejection sends it back to draft for
//     the taker to change the lines.
//   - From credit hold the head confirms (override, with a comment), the
//     order is cancelled, or it goes back to draft to be made smaller.
//   - One invoice per order, issued after the full shipment; the due date
//     counts from it. A partly shipped order is shipped to the end or what
//     left is returned; it cannot be cancelled, since goods are out.
//   - Payments: a payment that leaves something due keeps paid_partly (no
//     transition); paid → closed when the books are closed.
//   - Returns (lines and quantities on the lines, approved by the head) come
//     after goods left: from partly shipped up to paid; a returned order
//     then closes.
//   - closed and cancelled are final. Only draft, awaiting approval and
//     credit hold may change lines (LinesEditable).
var orderLifecycle = map[OrderStatus][]OrderStatus{
	OrderDraft:            {OrderAwaitingApproval, OrderCreditHold, OrderConfirmed, OrderCancelled},
	OrderAwaitingApproval: {OrderDraft, OrderCreditHold, OrderConfirmed, OrderCancelled},
	OrderCreditHold:       {OrderConfirmed, OrderCancelled, OrderDraft},
	OrderConfirmed:        {OrderShippedPartly, OrderShipped, OrderCancelled},
	OrderShippedPartly:    {OrderShipped, OrderReturned},
	OrderShipped:          {OrderInvoiced, OrderReturned},
	OrderInvoiced:         {OrderPaidPartly, OrderPaid, OrderReturned},
	OrderPaidPartly:       {OrderPaid, OrderReturned},
	OrderPaid:             {OrderClosed, OrderReturned},
	OrderReturned:         {OrderClosed},
	OrderClosed:           nil,
	OrderCancelled:        nil,
}

// NextStatuses lists where an order in s may go, in lifecycle order (for a
// screen's menu of actions).
func NextStatuses(s OrderStatus) []OrderStatus {
	return append([]OrderStatus(nil), orderLifecycle[s]...)
}

// ValidOrderStatus reports whether s is one of OrderStatuses.
func ValidOrderStatus(s OrderStatus) bool {
	_, ok := orderLifecycle[s]
	return ok
}

// CanTransition reports whether an order may go from one status to another.
func CanTransition(from, to OrderStatus) bool {
	for _, s := range orderLifecycle[from] {
		if s == to {
			return true
		}
	}
	return false
}

// CheckTransition returns a *Sentence (wrapping ErrConflict) naming both
// statuses when o may not move to to ("A cancelled order cannot be
// shipped."), else nil.
func CheckTransition(o Order, to OrderStatus) error {
	switch {
	case !ValidOrderStatus(o.Status):
		return Sentencef(ErrConflict, "order.status.unknown", string(o.Status))
	case !ValidOrderStatus(to):
		return Sentencef(ErrConflict, "order.status.unknown", string(to))
	case o.Status == to:
		return Sentencef(ErrConflict, "order.transition.same", T("order.state."+string(to)))
	case !CanTransition(o.Status, to):
		return Sentencef(ErrConflict, "order.transition", T("order.subject."+string(o.Status)),
			T("order.verb."+string(to)))
	}
	return nil
}

// LinesEditable reports whether an order's lines may still change: until
// it is confirmed (draft, awaiting approval, credit hold).
func LinesEditable(s OrderStatus) bool {
	return s == OrderDraft || s == OrderAwaitingApproval || s == OrderCreditHold
}

// ShipmentStatus is the status the lines' shipped quantities put a
// confirmed order in: shipped when every line is shipped in full, partly
// shipped when anything is, else confirmed.
func ShipmentStatus(lines []OrderLine) OrderStatus {
	some, all := false, len(lines) > 0
	for _, l := range lines {
		if l.Shipped > 0 {
			some = true
		}
		if l.Shipped < l.Qty {
			all = false
		}
	}
	switch {
	case all:
		return OrderShipped
	case some:
		return OrderShippedPartly
	}
	return OrderConfirmed
}

// NeedsApproval reports whether a line's discount exceeds what role may
// give (ps.DiscountLimits; a role without a limit may give none) and says
// which lines (by SKU), their discounts and the limit, in words.
func NeedsApproval(ps PriceSettings, role Role, lines []OrderLine) (bool, string) {
	limit := ps.DiscountLimits[role]
	var over []string
	for _, l := range lines {
		if l.Discount > limit {
			over = append(over, T("order.approval.item", l.SKU, FormatRate(l.Discount)))
		}
	}
	if len(over) == 0 {
		return false, ""
	}
	who := rolePhrase(role, false)
	if len(over) == 1 {
		l := lines[0]
		for _, x := range lines {
			if x.Discount > limit {
				l = x
				break
			}
		}
		if limit <= 0 {
			return true, T("order.approval.one_none", l.SKU, FormatRate(l.Discount), who)
		}
		return true, T("order.approval.one", l.SKU, FormatRate(l.Discount), who, FormatRate(limit))
	}
	list := strings.Join(over, ", ")
	if limit <= 0 {
		return true, T("order.approval.many_none", len(over), who, list)
	}
	return true, T("order.approval.many", len(over), FormatRate(limit), who, list)
}

// CreditGate decides whether confirming an order of amount for client c,
// whose receivables are r, must wait on credit hold, with the reason in
// words: the card's credit-hold flag; any overdue debt (the amount and the
// oldest invoice's days); or, when c has a credit limit (above zero), a
// balance (outstanding + this order) above it. Every reason that applies is given.
func CreditGate(c Client, r ClientReceivables, amount Money) (bool, string) {
	var reasons []string
	if c.Flags.CreditHold {
		reasons = append(reasons, T("order.credit.flag"))
	}
	if r.Overdue.Minor > 0 {
		reasons = append(reasons, T("order.credit.overdue", FormatMoney(r.Overdue), dayCount(r.MaxOverdue)))
	}
	if c.CreditLimit.Minor > 0 {
		lc, ac := c.CreditLimit.Currency, amount.Currency
		if lc != "" && ac != "" && lc != ac {
			reasons = append(reasons, T("order.credit.currency", lc, ac))
		} else {
			bal, _ := addSat(r.Outstanding.Minor, amount.Minor)
			if bal > c.CreditLimit.Minor {
				reasons = append(reasons, T("order.credit.limit",
					FormatMoney(Money{Minor: bal, Currency: c.CreditLimit.Currency}), FormatMoney(c.CreditLimit)))
			}
		}
	}
	return len(reasons) > 0, strings.Join(reasons, " ")
}

func dayCount(n int) string {
	if n == 1 {
		return T("order.days.one")
	}
	return T("order.days.many", n)
}

// AgingBucket is the aging bucket of a debt overdue by days: 0 current (not
// overdue), 1: 1–30, 2: 31–60, 3: 61–90, 4: more than 90 days.
func AgingBucket(daysOverdue int) int {
	switch {
	case daysOverdue <= 0:
		return 0
	case daysOverdue <= 30:
		return 1
	case daysOverdue <= 60:
		return 2
	case daysOverdue <= 90:
		return 3
	}
	return 4
}

// DefaultPriceSettings: columns retail, wholesale, dealer; VAT excluded;
// RUB; discount limits operator 0 %, manager 5 %, head 15 %, director 100 %.
func DefaultPriceSettings() PriceSettings {
	return PriceSettings{
		Columns:  []string{"retail", "wholesale", "dealer"},
		Currency: "RUB",
		DiscountLimits: map[Role]Rate{
			RoleOperator: 0,
			RoleManager:  5 * RateScale,
			RoleHead:     15 * RateScale,
			RoleDirector: 100 * RateScale,
		},
	}
}

// maxSKU is the longest SKU, in characters.
const maxSKU = 64

// ValidateProduct: SKU and name required, known unit, VAT 0–100 %. Field keys
// "sku", "name", "unit", "vat", "external".
func ValidateProduct(p Product) error {
	ve := &ValidationError{}
	if strings.TrimSpace(p.SKU) == "" {
		ve.Add("sku", T("order.sku.required"))
	} else if err := validateOptionalText(p.SKU, maxSKU); err != nil {
		ve.Add("sku", err.Error())
	}
	if err := ValidateName(p.Name); err != nil {
		ve.Add("name", err.Error())
	}
	if UnitDecimals(p.Unit) < 0 {
		ve.Add("unit", T("order.unit.unknown", string(p.Unit)))
	}
	if p.VAT < 0 || p.VAT > rateWhole {
		ve.Add("vat", T("order.vat.range"))
	}
	if err := validateOptionalText(p.External, maxShortText); err != nil {
		ve.Add("external", err.Error())
	}
	return ve.Err()
}

// ValidatePriceSettings: at least one column, unique non-empty names
// (compared case-insensitively), a three-letter currency, limits 0–100 %
// for known roles. Keys "columns", "currency", "limits".
func ValidatePriceSettings(ps PriceSettings) error {
	ve := &ValidationError{}
	if len(ps.Columns) == 0 {
		ve.Add("columns", T("order.columns.empty"))
	}
	seen := map[string]bool{}
	for _, c := range ps.Columns {
		key := strings.ToLower(strings.TrimSpace(c))
		switch {
		case key == "":
			ve.Add("columns", T("order.columns.blank"))
		case seen[key]:
			ve.Add("columns", T("order.columns.duplicate", c))
		default:
			if err := validateOptionalText(c, MaxNameRunes); err != nil {
				ve.Add("columns", err.Error())
			}
		}
		seen[key] = true
	}
	if ps.Currency == "" || !validCurrency(ps.Currency) {
		ve.Add("currency", T("order.currency.invalid"))
	}
	for _, r := range Roles { // in the roles' order, so the sentence is stable
		if lim, ok := ps.DiscountLimits[r]; ok && (lim < 0 || lim > rateWhole) {
			ve.Add("limits", T("order.limits.range", rolePhrase(r, false)))
		}
	}
	for r := range ps.DiscountLimits {
		if _, ok := RightsTable[r]; !ok {
			ve.Add("limits", T("order.limits.role", string(r)))
		}
	}
	return ve.Err()
}

// ValidatePriceVersion: an effective date, each price for a product in a
// known column, not negative, in the list's currency, once per product and
// column. Keys "effective", "note", "prices.N" (N the entry's index).
func ValidatePriceVersion(v PriceVersion, ps PriceSettings) error {
	ve := &ValidationError{}
	if v.Effective.IsZero() {
		ve.Add("effective", T("order.effective.required"))
	}
	if err := validateOptionalText(v.Note, maxShortText); err != nil {
		ve.Add("note", err.Error())
	}
	columns := map[string]bool{}
	for _, c := range ps.Columns {
		columns[c] = true
	}
	type slot struct {
		p ID
		c string
	}
	seen := make(map[slot]bool, len(v.Prices))
	for i, e := range v.Prices {
		key := fmt.Sprintf("prices.%d", i)
		switch {
		case e.Product == 0:
			ve.Add(key, T("order.price.product"))
		case !columns[e.Column]:
			ve.Add(key, T("order.price.column", e.Column))
		case e.Price.Minor < 0:
			ve.Add(key, T("order.price.negative"))
		case e.Price.Minor == 0:
			// a zero price on an order line means "no price in the list"; free goods are a 100 % discount
			ve.Add(key, T("order.price.zero"))
		case e.Price.Currency != "" && ps.Currency != "" && e.Price.Currency != ps.Currency:
			ve.Add(key, T("order.price.currency", ps.Currency, e.Price.Currency))
		case seen[slot{e.Product, e.Column}]:
			ve.Add(key, T("order.price.duplicate", e.Column))
		}
		seen[slot{e.Product, e.Column}] = true
	}
	return ve.Err()
}

// ValidateOrder checks an order's structure before it is saved (lines are
// computed: RecomputeOrder first). A draft may have no lines; any other
// status needs one (CheckSubmit says so for a draft being submitted).
// Quantities positive with the unit's decimals, discounts and VAT 0–100 %,
// a price on every line, amounts within MaxAmountMinor, shipped and returned
// quantities within what was ordered and shipped, delivery dates not before
// the order date (calendar days in the local zone), an address for delivery.
// Keys "client", "date", "status", "channel", "currency", "deferral_days",
// "lines", "lines.N.sku", "lines.N.qty", "lines.N.discount", "lines.N.vat",
// "lines.N.price", "lines.N.shipped", "lines.N.returned", "requested",
// "promised", "address", "notes" (N the line's index).
func ValidateOrder(o Order) error {
	ve := &ValidationError{}
	if o.Client == 0 {
		ve.Add("client", T("order.client.required"))
	}
	if o.Date.IsZero() {
		ve.Add("date", T("order.date.required"))
	}
	if !ValidOrderStatus(o.Status) {
		ve.Add("status", T("order.status.unknown", string(o.Status)))
	}
	if !validChannel(o.Channel) {
		ve.Add("channel", T("order.channel.invalid"))
	}
	if o.Currency == "" || !validCurrency(o.Currency) {
		ve.Add("currency", T("order.currency.invalid"))
	}
	if o.DeferralDays < 0 || o.DeferralDays > MaxDeferralDays {
		ve.Add("deferral_days", T("model.deferral.range", MaxDeferralDays))
	}
	if len(o.Lines) == 0 && o.Status != OrderDraft {
		ve.Add("lines", T("order.lines.empty"))
	}
	var total int64
	for i, l := range o.Lines {
		validateLine(ve, fmt.Sprintf("lines.%d.", i), l, o)
		a, _ := computeAmounts(l.Qty, l.Price.Minor, l.Discount, l.VAT, o.VATIncluded)
		total, _ = addSat(total, a.gross)
	}
	if !inAmountRange(total) {
		ve.Add("lines", T("order.lines.too_large", FormatMoney(Money{Minor: MaxAmountMinor, Currency: o.Currency})))
	}
	if !o.Date.IsZero() {
		day := localDay(o.Date)
		if !o.Requested.IsZero() && localDay(o.Requested).Before(day) {
			ve.Add("requested", T("order.requested.before", FormatDate(o.Date, nil)))
		}
		if !o.Promised.IsZero() && localDay(o.Promised).Before(day) {
			ve.Add("promised", T("order.promised.before", FormatDate(o.Date, nil)))
		}
	}
	if o.Delivery && strings.TrimSpace(o.Address) == "" {
		ve.Add("address", T("order.address.required"))
	} else if err := validateOptionalText(o.Address, maxShortText); err != nil {
		ve.Add("address", err.Error())
	}
	if err := validateOptionalText(o.Notes, maxNotes); err != nil {
		ve.Add("notes", err.Error())
	}
	return ve.Err()
}

func validateLine(ve *ValidationError, prefix string, l OrderLine, o Order) {
	if l.Product == 0 {
		ve.Add(prefix+"sku", T("order.line.product"))
	}
	qtyOK := false
	switch {
	case UnitDecimals(l.Unit) < 0:
		ve.Add(prefix+"qty", T("order.unit.unknown", string(l.Unit)))
	case l.Qty <= 0:
		ve.Add(prefix+"qty", T("order.qty.positive"))
	case l.Qty > MaxQty:
		ve.Add(prefix+"qty", T("order.qty.too_large", FormatQty(MaxQty, l.Unit)))
	case l.Qty%qtyStep(l.Unit) != 0:
		ve.Add(prefix+"qty", qtyDecimalsSentence(l.Unit))
	default:
		qtyOK = true
	}
	rateOK := true
	if l.Discount < 0 || l.Discount > rateWhole {
		ve.Add(prefix+"discount", T("order.line.discount"))
		rateOK = false
	}
	if l.VAT < 0 || l.VAT > rateWhole {
		ve.Add(prefix+"vat", T("order.vat.range"))
		rateOK = false
	}
	priceOK := false
	switch {
	case l.Price.Minor < 0:
		ve.Add(prefix+"price", T("order.price.negative"))
	case l.Price.Minor == 0: // a gift is a 100 % discount, never a missing price
		ve.Add(prefix+"price", T("order.line.no_price", l.SKU))
	case l.Price.Currency != "" && o.Currency != "" && l.Price.Currency != o.Currency:
		ve.Add(prefix+"price", T("order.line.currency", l.Price.Currency, o.Currency))
	default:
		priceOK = true
	}
	if qtyOK && rateOK && priceOK {
		if _, ok := computeAmounts(l.Qty, l.Price.Minor, l.Discount, l.VAT, o.VATIncluded); !ok {
			ve.Add(prefix+"qty", T("order.line.too_large",
				FormatMoney(Money{Minor: MaxAmountMinor, Currency: o.Currency})))
		}
	}
	if l.Shipped < 0 || l.Shipped > l.Qty {
		ve.Add(prefix+"shipped", T("order.line.shipped"))
	}
	if l.Returned < 0 || l.Returned > l.Shipped {
		ve.Add(prefix+"returned", T("order.line.returned"))
	}
}

// CheckSubmit is the rule for leaving draft: at least one line (key "lines").
func CheckSubmit(o Order) error {
	if len(o.Lines) == 0 {
		ve := &ValidationError{}
		ve.Add("lines", T("order.lines.empty"))
		return ve
	}
	return nil
}

func validChannel(c OrderChannel) bool {
	for _, x := range OrderChannels {
		if c == x {
			return true
		}
	}
	return false
}

// localDay is t's calendar day in the local zone, at midnight UTC (for comparing days).
func localDay(t time.Time) time.Time {
	y, m, d := t.In(time.Local).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Payment mismatches (Payment.Mismatch).
const (
	PaymentOver  = "over"
	PaymentUnder = "under"
)

// OrderDue is what the client still owes on o: Gross, less the returned
// goods (the returned quantities computed as lines of their own), less Paid.
// Negative when overpaid.
func OrderDue(o Order) Money {
	due := o.Totals.Gross.Minor
	for _, l := range o.Lines {
		if l.Returned > 0 {
			a, _ := computeAmounts(l.Returned, l.Price.Minor, l.Discount, l.VAT, o.VATIncluded)
			due -= a.gross
		}
	}
	due -= o.Paid.Minor
	return Money{Minor: due, Currency: o.Currency}
}

// CheckPayment checks a payment against its order: the order invoiced,
// partly paid, paid or returned (a *Sentence wrapping ErrConflict
// otherwise), a positive amount in the order's currency and a date
// (a *ValidationError, keys "amount", "date", "reference"). It returns the
// mismatch (PaymentOver / PaymentUnder / "") of the amount against what is
// still due (OrderDue): flagged, never silently accepted.
func CheckPayment(p Payment, o Order) (mismatch string, err error) {
	switch o.Status {
	case OrderInvoiced, OrderPaidPartly, OrderPaid, OrderReturned:
	case OrderDraft, OrderAwaitingApproval, OrderCreditHold, OrderConfirmed, OrderShippedPartly, OrderShipped:
		return "", Sentencef(ErrConflict, "order.payment.not_invoiced", T("order.subject."+string(o.Status)))
	case OrderCancelled, OrderClosed:
		return "", Sentencef(ErrConflict, "order.payment.refused", T("order.subject."+string(o.Status)))
	default:
		return "", Sentencef(ErrConflict, "order.status.unknown", string(o.Status))
	}
	ve := &ValidationError{}
	switch {
	case p.Amount.Minor <= 0:
		ve.Add("amount", T("order.payment.amount"))
	case p.Amount.Currency != "" && o.Currency != "" && p.Amount.Currency != o.Currency:
		ve.Add("amount", T("order.payment.currency", p.Amount.Currency, o.Currency))
	}
	if p.Date.IsZero() {
		ve.Add("date", T("order.payment.date"))
	}
	if err := validateOptionalText(p.Reference, maxShortText); err != nil {
		ve.Add("reference", err.Error())
	}
	if err := ve.Err(); err != nil {
		return "", err
	}
	due := OrderDue(o).Minor
	switch {
	case p.Amount.Minor > due:
		return PaymentOver, nil
	case p.Amount.Minor < due:
		return PaymentUnder, nil
	}
	return "", nil
}

// PaymentStatus is the status an invoiced or partly paid order takes after
// a payment of amount: paid once nothing is due, else partly paid. Other
// statuses stay as they are.
func PaymentStatus(o Order, amount Money) OrderStatus {
	if o.Status != OrderInvoiced && o.Status != OrderPaidPartly {
		return o.Status
	}
	if OrderDue(o).Minor-amount.Minor <= 0 {
		return OrderPaid
	}
	return OrderPaidPartly
}

// DueDate is an invoice's due date: invoice date + deferral days.
func DueDate(invoice time.Time, deferralDays int) time.Time {
	return invoice.AddDate(0, 0, deferralDays)
}

// OrderStatusLabel, UnitLabel, OrderChannelLabel and LineSourceLabel name
// the order's values in words for lists and choices ("awaiting approval").
func OrderStatusLabel(s OrderStatus) string { return labelOr("order.label.status.", string(s)) }
func UnitLabel(u Unit) string               { return labelOr("order.label.unit.", string(u)) }
func OrderChannelLabel(c OrderChannel) string {
	return labelOr("order.label.channel.", string(c))
}
func LineSourceLabel(s LineSource) string { return labelOr("order.label.source.", string(s)) }

func labelOr(prefix, v string) string {
	if HasMessage(prefix + v) {
		return T(prefix + v)
	}
	return v
}
