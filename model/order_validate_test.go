package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// validationFields returns err's field sentences, failing unless err is a *ValidationError.
func validationFields(t *testing.T, err error) map[string]string {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a *ValidationError, got %T %v", err, err)
	}
	return ve.Fields
}

func day(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.Local) }

// validOrder is a confirmed-ready order of two lines, computed.
func validOrder() Order {
	o := Order{
		Client: 7, TakenBy: "petrova", EnteredBy: "sidorova", Channel: OrderByPhone,
		Date: day(2026, 11, 23, 14), Requested: day(2026, 11, 23, 0), Promised: day(2026, 11, 27, 0),
		Delivery: true, Address: "Vilnius, Gedimino pr. 1", DeferralDays: 30, PriceColumn: "wholesale",
		Currency: "RUB", Status: OrderDraft,
		Lines: []OrderLine{
			{Product: 1, SKU: "TX-100", Unit: UnitMetre, Qty: 12500, Price: rub(45000), Discount: 500, VAT: 2000, Source: SourceBranch},
			{Product: 2, SKU: "BTN-7", Unit: UnitPiece, Qty: 40000, Price: rub(1250), VAT: 2000, Source: SourceCentral},
		},
	}
	RecomputeOrder(&o)
	return o
}

func TestValidateOrder(t *testing.T) {
	if err := ValidateOrder(validOrder()); err != nil {
		t.Fatalf("a valid order refused: %v", err)
	}
	cases := []struct {
		name  string
		edit  func(o *Order)
		field string
		says  string
	}{
		{"no client", func(o *Order) { o.Client = 0 }, "client", "Choose the client"},
		{"no date", func(o *Order) { o.Date = time.Time{} }, "date", "order date"},
		{"unknown status", func(o *Order) { o.Status = "lost" }, "status", `"lost" is not an order status`},
		{"no channel", func(o *Order) { o.Channel = "" }, "channel", "phone, walk-in or field"},
		{"bad currency", func(o *Order) { o.Currency = "rub" }, "currency", "three-letter"},
		{"deferral", func(o *Order) { o.DeferralDays = 400 }, "deferral_days", "0 to 365"},
		{"submitted without lines", func(o *Order) { o.Status = OrderConfirmed; o.Lines = nil }, "lines", "at least one line"},
		{"no product", func(o *Order) { o.Lines[0].Product = 0 }, "lines.0.sku", "Choose a product"},
		{"zero quantity", func(o *Order) { o.Lines[1].Qty = 0 }, "lines.1.qty", "more than zero"},
		{"negative quantity", func(o *Order) { o.Lines[1].Qty = -1000 }, "lines.1.qty", "more than zero"},
		{"pieces with decimals", func(o *Order) { o.Lines[1].Qty = 1500 }, "lines.1.qty", "whole numbers"},
		{"metres with three decimals", func(o *Order) { o.Lines[0].Qty = 1234 }, "lines.0.qty", "Metres take at most 2 decimals"},
		{"quantity too large", func(o *Order) { o.Lines[0].Qty = MaxQty + 10 }, "lines.0.qty", "too large"},
		{"unknown unit", func(o *Order) { o.Lines[0].Unit = "box" }, "lines.0.qty", `"box"`},
		{"discount above 100 %", func(o *Order) { o.Lines[0].Discount = 10001 }, "lines.0.discount", "from 0 to 100 %"},
		{"negative discount", func(o *Order) { o.Lines[0].Discount = -1 }, "lines.0.discount", "from 0 to 100 %"},
		{"VAT above 100 %", func(o *Order) { o.Lines[0].VAT = 12000 }, "lines.0.vat", "VAT"},
		{"no price", func(o *Order) { o.Lines[1].Price = Money{} }, "lines.1.price", "no price for BTN-7"},
		{"negative price", func(o *Order) { o.Lines[1].Price = rub(-1) }, "lines.1.price", "cannot be negative"},
		{"price in another currency", func(o *Order) { o.Lines[1].Price.Currency = "EUR" }, "lines.1.price", "in EUR but the order is in RUB"},
		{"shipped more than ordered", func(o *Order) { o.Lines[1].Shipped = 41000 }, "lines.1.shipped", "shipped quantity"},
		{"returned more than shipped", func(o *Order) { o.Lines[1].Shipped = 1000; o.Lines[1].Returned = 2000 }, "lines.1.returned", "returned quantity"},
		{"requested before the order date", func(o *Order) { o.Requested = day(2026, 11, 22, 0) }, "requested", "before the order date (23.11.2026)"},
		{"promised before the order date", func(o *Order) { o.Promised = day(2026, 11, 20, 0) }, "promised", "before the order date"},
		{"delivery without an address", func(o *Order) { o.Address = "  " }, "address", "delivery address"},
		{"control characters in the address", func(o *Order) { o.Address = "a\x00b" }, "address", "control characters"},
		{"notes too long", func(o *Order) { o.Notes = strings.Repeat("x", maxNotes+1) }, "notes", "longer than"},
	}
	for _, c := range cases {
		o := validOrder()
		c.edit(&o)
		RecomputeOrder(&o)
		err := ValidateOrder(o)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		f := validationFields(t, err)
		if !strings.Contains(f[c.field], c.says) {
			t.Errorf("%s: %s = %q, want %q (all: %v)", c.name, c.field, f[c.field], c.says, f)
		}
	}

	// a draft may be empty; pick-up needs no address; same-day delivery is fine
	o := validOrder()
	o.Lines, o.Delivery, o.Address = nil, false, ""
	o.Promised = day(2026, 11, 23, 0)
	RecomputeOrder(&o)
	if err := ValidateOrder(o); err != nil {
		t.Fatalf("an empty pick-up draft refused: %v", err)
	}
	f := validationFields(t, CheckSubmit(o))
	if !strings.Contains(f["lines"], "at least one line") {
		t.Fatalf("CheckSubmit on an empty order: %v", f)
	}
	if err := CheckSubmit(validOrder()); err != nil {
		t.Fatalf("CheckSubmit refused an order with lines: %v", err)
	}
}

func TestValidateProduct(t *testing.T) {
	good := Product{SKU: "TX-100", Name: "Linen, natural", Unit: UnitMetre, VAT: 2000, Active: true}
	if err := ValidateProduct(good); err != nil {
		t.Fatalf("a valid product refused: %v", err)
	}
	p := good
	p.SKU, p.Name, p.Unit, p.VAT = " ", "", "box", 10001
	f := validationFields(t, ValidateProduct(p))
	for field, says := range map[string]string{"sku": "Type the SKU", "name": "Name is required",
		"unit": `"box" is not one`, "vat": "VAT is from 0 to 100 %"} {
		if !strings.Contains(f[field], says) {
			t.Errorf("%s = %q, want %q", field, f[field], says)
		}
	}
	p = good
	p.SKU = strings.Repeat("A", maxSKU+1)
	if f := validationFields(t, ValidateProduct(p)); f["sku"] == "" {
		t.Errorf("an over-long SKU accepted")
	}
}

func TestValidatePriceSettings(t *testing.T) {
	if err := ValidatePriceSettings(DefaultPriceSettings()); err != nil {
		t.Fatalf("the default settings refused: %v", err)
	}
	ps := DefaultPriceSettings()
	ps.Columns = []string{"retail", "Retail", " "}
	ps.Currency = "roubles"
	ps.DiscountLimits[RoleManager] = 10001
	ps.DiscountLimits["intern"] = 100
	f := validationFields(t, ValidatePriceSettings(ps))
	for field, says := range map[string]string{"columns": `"Retail" is listed twice`,
		"currency": "three-letter", "limits": "a manager must be from 0 to 100 %"} {
		if !strings.Contains(f[field], says) {
			t.Errorf("%s = %q, want %q", field, f[field], says)
		}
	}
	ps = DefaultPriceSettings()
	ps.Columns = nil
	ps.DiscountLimits = map[Role]Rate{"intern": 0}
	f = validationFields(t, ValidatePriceSettings(ps))
	if !strings.Contains(f["columns"], "at least one") || !strings.Contains(f["limits"], `"intern" is not a role`) {
		t.Errorf("no columns, unknown role: %v", f)
	}
}

func TestDefaultPriceSettings(t *testing.T) {
	ps := DefaultPriceSettings()
	if strings.Join(ps.Columns, ",") != "retail,wholesale,dealer" || ps.VATIncluded || ps.Currency != "RUB" {
		t.Fatalf("defaults: %+v", ps)
	}
	want := map[Role]Rate{RoleOperator: 0, RoleManager: 500, RoleHead: 1500, RoleDirector: 10000}
	for r, lim := range want {
		if got, ok := ps.DiscountLimits[r]; !ok || got != lim {
			t.Errorf("limit of %s = %d, want %d", r, got, lim)
		}
	}
	// a fresh map each time: the director editing one copy changes no other
	ps.DiscountLimits[RoleManager] = 0
	if DefaultPriceSettings().DiscountLimits[RoleManager] != 500 {
		t.Fatal("DefaultPriceSettings shares its map")
	}
}

func TestValidatePriceVersion(t *testing.T) {
	ps := DefaultPriceSettings()
	v := PriceVersion{Effective: day(2027, 1, 1, 0), Prices: []PriceEntry{
		{Product: 1, Column: "retail", Price: rub(50000)},
		{Product: 1, Column: "dealer", Price: rub(40000)},
		{Product: 2, Column: "retail", Price: rub(1)},
	}}
	if err := ValidatePriceVersion(v, ps); err != nil {
		t.Fatalf("a valid version refused: %v", err)
	}
	v.Effective = time.Time{}
	v.Prices = append(v.Prices,
		PriceEntry{Product: 0, Column: "retail", Price: rub(1)},
		PriceEntry{Product: 3, Column: "vip", Price: rub(1)},
		PriceEntry{Product: 3, Column: "retail", Price: rub(-1)},
		PriceEntry{Product: 3, Column: "dealer", Price: Money{Minor: 1, Currency: "EUR"}},
		PriceEntry{Product: 1, Column: "retail", Price: rub(1)},
	)
	f := validationFields(t, ValidatePriceVersion(v, ps))
	for field, says := range map[string]string{
		"effective": "take effect", "prices.3": "Choose the product", "prices.4": `no column "vip"`,
		"prices.5": "cannot be negative", "prices.6": "Prices are in RUB, not EUR",
		"prices.7": `already has a price in the column "retail"`,
	} {
		if !strings.Contains(f[field], says) {
			t.Errorf("%s = %q, want %q", field, f[field], says)
		}
	}
	if _, bad := f["prices.0"]; bad {
		t.Errorf("the first of a duplicate pair is flagged: %v", f)
	}
}

// invoicedOrder is validOrder shipped and invoiced: gross 6,412.50 + 600.00.
func invoicedOrder() Order {
	o := validOrder()
	o.Status = OrderInvoiced
	for i := range o.Lines {
		o.Lines[i].Shipped = o.Lines[i].Qty
	}
	o.InvoiceDate = day(2026, 11, 25, 0)
	return o
}

func TestCheckPayment(t *testing.T) {
	o := invoicedOrder()
	gross := o.Totals.Gross.Minor
	// 12.5 m × 450.00 = 5,625.00, less 5 % = 5,343.75, + VAT 1,068.75; 40 × 12.50 = 500.00 + VAT 100.00
	if gross != 641250+60000 {
		t.Fatalf("gross %d", gross)
	}
	pay := func(minor int64) Payment {
		return Payment{Amount: rub(minor), Date: day(2026, 12, 1, 0), Reference: "PP 118"}
	}

	for _, c := range []struct {
		name   string
		paid   int64
		amount int64
		want   string
	}{
		{"exact", 0, gross, ""},
		{"under", 0, gross - 1, PaymentUnder},
		{"over", 0, gross + 1, PaymentOver},
		{"the rest after a part", 100000, gross - 100000, ""},
		{"more than the rest", 100000, gross, PaymentOver},
	} {
		o := invoicedOrder()
		o.Paid = rub(c.paid)
		if c.paid > 0 {
			o.Status = OrderPaidPartly
		}
		got, err := CheckPayment(pay(c.amount), o)
		if err != nil || got != c.want {
			t.Errorf("%s: mismatch %q, %v; want %q", c.name, got, err, c.want)
		}
	}

	// a paid order: anything more is an overpayment, flagged
	paid := invoicedOrder()
	paid.Status, paid.Paid = OrderPaid, rub(gross)
	if got, err := CheckPayment(pay(100), paid); err != nil || got != PaymentOver {
		t.Errorf("payment on a paid order: %q, %v", got, err)
	}
	// a returned line lowers what is due
	ret := invoicedOrder()
	ret.Status = OrderReturned
	ret.Lines[1].Returned = 40000 // all the buttons: 600.00
	if got, err := CheckPayment(pay(gross-60000), ret); err != nil || got != "" {
		t.Errorf("payment on a returned order: %q, %v", got, err)
	}

	for _, c := range []struct {
		status OrderStatus
		says   string
	}{
		{OrderCancelled, "A cancelled order cannot take a payment."},
		{OrderClosed, "A closed order cannot take a payment."},
		{OrderDraft, "A draft order has no invoice yet"},
		{OrderConfirmed, "A confirmed order has no invoice yet"},
		{OrderShipped, "A shipped order has no invoice yet"},
		{"lost", `"lost" is not an order status`},
	} {
		o := invoicedOrder()
		o.Status = c.status
		got, err := CheckPayment(pay(gross), o)
		var s *Sentence
		if !errors.As(err, &s) || !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), c.says) || got != "" {
			t.Errorf("payment on %s: %q, %v; want a conflict saying %q", c.status, got, err, c.says)
		}
	}

	bad := Payment{Amount: rub(0), Reference: "a\x01"}
	f := validationFields(t, func() error { _, err := CheckPayment(bad, invoicedOrder()); return err }())
	if !strings.Contains(f["amount"], "above zero") || !strings.Contains(f["date"], "payment date") ||
		!strings.Contains(f["reference"], "control") {
		t.Errorf("bad payment: %v", f)
	}
	f = validationFields(t, func() error {
		_, err := CheckPayment(Payment{Amount: Money{Minor: 100, Currency: "EUR"}, Date: day(2026, 12, 1, 0)}, invoicedOrder())
		return err
	}())
	if !strings.Contains(f["amount"], "in EUR but the order is in RUB") {
		t.Errorf("payment in another currency: %v", f)
	}
}

func TestOrderDueAndPaymentStatus(t *testing.T) {
	o := invoicedOrder()
	gross := o.Totals.Gross.Minor
	if d := OrderDue(o); d != rub(gross) {
		t.Fatalf("due %v, want %d", d, gross)
	}
	if s := PaymentStatus(o, rub(gross-1)); s != OrderPaidPartly {
		t.Errorf("a part leaves %s", s)
	}
	if s := PaymentStatus(o, rub(gross)); s != OrderPaid {
		t.Errorf("the whole leaves %s", s)
	}
	o.Status, o.Paid = OrderPaidPartly, rub(gross-500)
	if s := PaymentStatus(o, rub(500)); s != OrderPaid {
		t.Errorf("the rest leaves %s", s)
	}
	if s := PaymentStatus(o, rub(499)); s != OrderPaidPartly {
		t.Errorf("less than the rest leaves %s", s)
	}
	o.Status = OrderReturned
	if s := PaymentStatus(o, rub(500)); s != OrderReturned {
		t.Errorf("a returned order became %s", s)
	}
	o.Lines[0].Returned = 2500 // 2.5 m of 12.5: 1,282.50 with VAT (450 × 2.5 = 1125, −5 % = 1068.75, +20 %)
	if d := OrderDue(o); d != rub(500-128250) {
		t.Errorf("due after a return %v", d)
	}
}

func TestLabels(t *testing.T) {
	if OrderStatusLabel(OrderAwaitingApproval) != "awaiting approval" || OrderStatusLabel("x") != "x" {
		t.Error("status labels")
	}
	if UnitLabel(UnitMetre) != "m" || OrderChannelLabel(OrderWalkIn) != "walk-in" ||
		LineSourceLabel(SourceMadeToOrder) != "made to order" {
		t.Error("unit, channel or source labels")
	}
	for _, s := range OrderStatuses {
		for _, fam := range []string{"order.label.status.", "order.subject.", "order.verb.", "order.state."} {
			if !HasMessage(fam + string(s)) {
				t.Errorf("no %s%s", fam, s)
			}
		}
	}
	for _, u := range Units {
		for _, k := range []string{"order.label.unit.", "order.qty.invalid.", "order.qty.decimals."} {
			if !HasMessage(k + string(u)) {
				t.Errorf("no %s%s", k, u)
			}
		}
	}
	for _, c := range OrderChannels {
		if !HasMessage("order.label.channel." + string(c)) {
			t.Errorf("no label for channel %s", c)
		}
	}
	for _, s := range LineSources {
		if !HasMessage("order.label.source." + string(s)) {
			t.Errorf("no label for source %s", s)
		}
	}
}
