package model

import (
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
)

// rub is an amount in kopecks.
func rub(minor int64) Money { return Money{Minor: minor, Currency: "RUB"} }

func TestComputeLine(t *testing.T) {
	cases := []struct {
		name                     string
		incl                     bool
		qty                      Qty
		price                    int64
		disc, vat                Rate
		net, vatAm, gross, given int64
	}{
		{"exclusive, whole pieces", false, 3000, 10000, 0, 2000, 30000, 6000, 36000, 0},
		// 1.5 m × 333.33 = 499.995 → 500.00; less 5 % = 474.99525 → 475.00
		{"exclusive, metres and a discount", false, 1500, 33333, 500, 2000, 47500, 9500, 57000, 2500},
		{"exclusive, VAT half a kopeck rounds away from zero", false, 1000, 5, 0, 1000, 5, 1, 6, 0},
		{"exclusive, no VAT", false, 2000, 12345, 0, 0, 24690, 0, 24690, 0},
		{"exclusive, 100 % discount", false, 4000, 2500, 10000, 2000, 0, 0, 0, 10000},
		{"exclusive, a correction line rounds symmetrically", false, -1000, 5, 0, 1000, -5, -1, -6, 0},
		{"inclusive, VAT divides evenly", true, 2000, 12000, 0, 2000, 20000, 4000, 24000, 0},
		// 100.00 with 20 % VAT: net 83.333… → 83.33, VAT the rest
		{"inclusive, VAT from gross", true, 1000, 10000, 0, 2000, 8333, 1667, 10000, 0},
		// 7 kg × 19.99 = 139.93; less 3 % = 135.7321 → 135.73; net 135.73 / 1.1 = 123.39…
		{"inclusive, kilograms and a discount", true, 7000, 1999, 300, 1000, 12339, 1234, 13573, 420},
		{"inclusive, 0.125 kg", true, 125, 999, 0, 2000, 104, 21, 125, 0},
		// 1,000,000 pieces × 1,000,000.00: exact, through big.Int (q×p×(1−d) overflows int64)
		{"a very large line is exact", false, 1_000_000 * QtyScale, 100_000_000, 0, 2000,
			100_000_000_000_000, 20_000_000_000_000, 120_000_000_000_000, 0},
		{"a very large inclusive line with a discount", true, 1_000_000 * QtyScale, 100_000_000, 150, 2000,
			82_083_333_333_333, 16_416_666_666_667, 98_500_000_000_000, 1_500_000_000_000},
		// 10,000,000 × 1,000,000,000.00 is beyond MaxAmountMinor: no amounts, ValidateOrder refuses
		{"beyond the limit", false, 10_000_000 * QtyScale, 100_000_000_000, 0, 2000, 0, 0, 0, 0},
		{"a discount above 100 % is not computed", false, 1000, 100, 10001, 0, 0, 0, 0, 0},
		{"a negative VAT is not computed", true, 1000, 100, 0, -20000, 0, 0, 0, 0},
	}
	for _, c := range cases {
		l := OrderLine{Qty: c.qty, Price: rub(c.price), Discount: c.disc, VAT: c.vat}
		ComputeLine(&l, c.incl)
		got := [4]int64{l.Net.Minor, l.VATAmount.Minor, l.Gross.Minor, l.DiscountAm.Minor}
		want := [4]int64{c.net, c.vatAm, c.gross, c.given}
		if got != want {
			t.Errorf("%s: net, VAT, gross, discount = %v, want %v", c.name, got, want)
		}
		if l.Gross.Currency != "RUB" || l.DiscountAm.Currency != "RUB" {
			t.Errorf("%s: amounts lost the currency: %+v", c.name, l)
		}
		checkLine(t, l, c.incl)
	}
}

// ratRound rounds r half away from zero.
func ratRound(r *big.Rat) *big.Int {
	num, den := new(big.Int).Set(r.Num()), r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	m.Abs(m).Lsh(m, 1)
	if m.Cmp(den) >= 0 {
		q.Add(q, big.NewInt(int64(num.Sign())))
	}
	return q
}

func rat(n int64, d int64) *big.Rat { return big.NewRat(n, d) }

// lineRat is the line's exact undiscounted and discounted amounts.
func lineRat(l OrderLine) (base, disc *big.Rat) {
	base = new(big.Rat).Mul(rat(int64(l.Qty), QtyScale), new(big.Rat).SetInt64(l.Price.Minor))
	disc = new(big.Rat).Mul(base, rat(int64(10000-l.Discount), 10000))
	return base, disc
}

// checkLine recomputes l by the documented rule in exact rationals,
// independently of the implementation, and checks the amounts hold together.
func checkLine(t *testing.T, l OrderLine, incl bool) {
	t.Helper()
	if l.Gross.Minor != l.Net.Minor+l.VATAmount.Minor {
		t.Fatalf("gross %d ≠ net %d + VAT %d", l.Gross.Minor, l.Net.Minor, l.VATAmount.Minor)
	}
	if l.Discount < 0 || l.Discount > 10000 || l.VAT < 0 || l.VAT > 10000 {
		return
	}
	base, disc := lineRat(l)
	var net, vat, gross *big.Int
	if incl {
		gross = ratRound(disc)
		net = ratRound(new(big.Rat).Mul(new(big.Rat).SetInt(gross), rat(10000, int64(10000+l.VAT))))
		vat = new(big.Int).Sub(gross, net)
	} else {
		net = ratRound(disc)
		vat = ratRound(new(big.Rat).Mul(new(big.Rat).SetInt(net), rat(int64(l.VAT), 10000)))
		gross = new(big.Int).Add(net, vat)
	}
	given := new(big.Int).Sub(ratRound(base), ratRound(disc))
	limit := big.NewInt(MaxAmountMinor)
	if new(big.Int).Abs(gross).Cmp(limit) > 0 || new(big.Int).Abs(ratRound(base)).Cmp(limit) > 0 {
		if l.Net.Minor != 0 || l.Gross.Minor != 0 || l.DiscountAm.Minor != 0 {
			t.Fatalf("a line beyond the limit was computed: %+v", l)
		}
		return
	}
	want := [4]int64{net.Int64(), vat.Int64(), gross.Int64(), given.Int64()}
	got := [4]int64{l.Net.Minor, l.VATAmount.Minor, l.Gross.Minor, l.DiscountAm.Minor}
	if got != want {
		t.Fatalf("qty %d × %d, discount %d, VAT %d, inclusive %v: got %v, exact rule %v",
			l.Qty, l.Price.Minor, l.Discount, l.VAT, incl, got, want)
	}
	if l.Qty > 0 && l.Price.Minor > 0 && l.DiscountAm.Minor < 0 {
		t.Fatalf("a negative discount given: %+v", l)
	}
}

// exactTotals computes a whole order exactly and rounds once, at the end:
// what line rounding is compared against.
func exactTotals(lines []OrderLine, incl bool) [4]int64 {
	sumBase, sumDisc, other := new(big.Rat), new(big.Rat), new(big.Rat)
	for _, l := range lines {
		base, disc := lineRat(l)
		sumBase.Add(sumBase, base)
		sumDisc.Add(sumDisc, disc)
		if incl { // net of each line's gross
			other.Add(other, new(big.Rat).Mul(disc, rat(10000, int64(10000+l.VAT))))
		} else { // VAT of each line's net
			other.Add(other, new(big.Rat).Mul(disc, rat(int64(l.VAT), 10000)))
		}
	}
	d, o, b := ratRound(sumDisc).Int64(), ratRound(other).Int64(), ratRound(sumBase).Int64()
	if incl {
		return [4]int64{o, d - o, d, b - d}
	}
	return [4]int64{d, o, d + o, b - d}
}

func manyLines(n int, l OrderLine) []OrderLine {
	out := make([]OrderLine, n)
	for i := range out {
		out[i] = l
	}
	return out
}

// Totals are sums of rounded lines (the documented rule): with many small
// lines they drift from the order computed exactly; with round figures they agree.
func TestComputeTotalsLineRounding(t *testing.T) {
	line := func(q Qty, price int64, disc, vat Rate) OrderLine {
		return OrderLine{Qty: q, Price: rub(price), Discount: disc, VAT: vat}
	}
	cases := []struct {
		name   string
		incl   bool
		lines  []OrderLine
		totals [4]int64 // net, VAT, gross, discount: sums of the rounded lines
		exact  [4]int64 // the same order computed exactly, rounded once
	}{
		{"100 × 0.33 m at 1.02, VAT on top: each line 33.66 kopecks → 34", false,
			manyLines(100, line(330, 102, 0, 2000)),
			[4]int64{3400, 700, 4100, 0}, [4]int64{3366, 673, 4039, 0}},
		{"100 × 1 piece at 1.00 with VAT inside: each net 83.33 → 83", true,
			manyLines(100, line(1000, 100, 0, 2000)),
			[4]int64{8300, 1700, 10000, 0}, [4]int64{8333, 1667, 10000, 0}},
		{"3 × 0.10 at 15 % off: each 8.5 kopecks → 9", false,
			manyLines(3, line(1000, 10, 1500, 0)),
			[4]int64{27, 0, 27, 3}, [4]int64{26, 0, 26, 4}},
		{"round figures, VAT on top: line rounding changes nothing", false,
			[]OrderLine{line(3000, 10000, 0, 2000), line(2000, 4550, 0, 1000), line(1500, 2000, 1000, 2000)},
			[4]int64{41800, 7450, 49250, 300}, [4]int64{41800, 7450, 49250, 300}},
		{"round figures, VAT inside: line rounding changes nothing", true,
			[]OrderLine{line(2000, 12000, 0, 2000), line(1000, 11000, 0, 1000)},
			[4]int64{30000, 5000, 35000, 0}, [4]int64{30000, 5000, 35000, 0}},
	}
	for _, c := range cases {
		lines := append([]OrderLine(nil), c.lines...)
		for i := range lines {
			ComputeLine(&lines[i], c.incl)
		}
		tot := ComputeTotals(lines, "RUB")
		got := [4]int64{tot.Net.Minor, tot.VAT.Minor, tot.Gross.Minor, tot.Discount.Minor}
		if got != c.totals {
			t.Errorf("%s: totals %v, want %v", c.name, got, c.totals)
		}
		if ex := exactTotals(c.lines, c.incl); ex != c.exact {
			t.Errorf("%s: exact %v, want %v (test arithmetic)", c.name, ex, c.exact)
		}
		if tot.Gross.Currency != "RUB" {
			t.Errorf("%s: totals in %q", c.name, tot.Gross.Currency)
		}
	}
}

func TestRecomputeOrder(t *testing.T) {
	o := Order{VATIncluded: true, Currency: "RUB", Lines: []OrderLine{
		{Qty: 2000, Price: rub(12000), VAT: 2000}, {Qty: 1000, Price: rub(11000), VAT: 1000},
	}}
	RecomputeOrder(&o)
	if o.Totals != (OrderTotals{Net: rub(30000), VAT: rub(5000), Gross: rub(35000), Discount: rub(0)}) {
		t.Fatalf("totals %+v", o.Totals)
	}
	if o.Lines[1].Net != rub(10000) {
		t.Fatalf("line not computed: %+v", o.Lines[1])
	}
}

// ComputeTotals pins a sum that would leave int64 instead of wrapping to a
// negative total (ValidateOrder refuses it anyway).
func TestComputeTotalsNoWrap(t *testing.T) {
	lines := manyLines(3, OrderLine{Net: rub(math.MaxInt64 / 2), Gross: rub(math.MaxInt64 / 2)})
	tot := ComputeTotals(lines, "RUB")
	if tot.Gross.Minor != math.MaxInt64 || tot.Net.Minor != math.MaxInt64 {
		t.Fatalf("totals wrapped: %+v", tot)
	}
}

func TestValidateOrderAmountLimits(t *testing.T) {
	o := validOrder()
	o.Lines = []OrderLine{{Product: 1, SKU: "BIG", Unit: UnitPiece, Qty: 1_000_000 * QtyScale,
		Price: rub(100_000_000), VAT: 2000}}
	RecomputeOrder(&o)
	if err := ValidateOrder(o); err != nil {
		t.Fatalf("1,000,000 × 1,000,000.00 refused: %v", err)
	}
	if o.Totals.Gross.Minor != 120_000_000_000_000 {
		t.Fatalf("gross %d", o.Totals.Gross.Minor)
	}
	o.Lines[0].Qty = 10_000_000 * QtyScale
	o.Lines[0].Price = rub(100_000_000_000)
	RecomputeOrder(&o)
	ve := validationFields(t, ValidateOrder(o))
	if !strings.Contains(ve["lines.0.qty"], "more than 10,000,000,000,000.00 RUB") {
		t.Fatalf("a line beyond the limit: %v", ve)
	}
	// each line within the limit, the order beyond it
	o.Lines = manyLines(2, OrderLine{Product: 1, SKU: "HALF", Unit: UnitPiece, Qty: QtyScale,
		Price: rub(MaxAmountMinor/2 + 1)})
	RecomputeOrder(&o)
	ve = validationFields(t, ValidateOrder(o))
	if len(ve) != 1 || !strings.Contains(ve["lines"], "The order comes to more than") {
		t.Fatalf("an order beyond the limit: %v", ve)
	}
}

// FuzzComputeLine: any line, computed or not, obeys the documented rule
// (checked in exact rationals) and never panics.
func FuzzComputeLine(f *testing.F) {
	f.Add(int64(1500), int64(33333), int64(500), int64(2000), false)
	f.Add(int64(1_000_000_000), int64(100_000_000), int64(150), int64(2000), true)
	f.Add(int64(-1000), int64(5), int64(0), int64(1000), false)
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(10000), int64(10000), true)
	f.Fuzz(func(t *testing.T, q, p, d, v int64, incl bool) {
		l := OrderLine{Qty: Qty(q), Price: rub(p), Discount: Rate(d), VAT: Rate(v)}
		ComputeLine(&l, incl)
		checkLine(t, l, incl)
	})
}

// FuzzMulDivRound: the int64 path and the big.Int path agree.
func FuzzMulDivRound(f *testing.F) {
	f.Add(int64(1500), int64(33333), int64(9500), int64(10_000_000))
	f.Add(int64(-7), int64(1), int64(1), int64(2))
	f.Add(int64(math.MinInt64), int64(-1), int64(1), int64(1))
	f.Fuzz(func(t *testing.T, a, b, c, d int64) {
		if d <= 0 {
			return
		}
		x, ok1 := mulDivRound(a, b, c, d)
		y, ok2 := mulDivRoundBig(a, b, c, d)
		if ok1 != ok2 || (ok1 && x != y) {
			t.Fatalf("mulDivRound(%d, %d, %d, %d) = %d %v, big %d %v", a, b, c, d, x, ok1, y, ok2)
		}
	})
}

// BenchmarkOrderRecompute200: the order screen recomputes every line and the
// totals after a keystroke on an order of 200 lines (budget for the whole
// keystroke with the render: 2 ms).
func BenchmarkOrderRecompute200(b *testing.B) {
	o := Order{Currency: "RUB", Date: time.Now()}
	for i := 0; i < 200; i++ {
		o.Lines = append(o.Lines, OrderLine{Product: ID(i + 1), Unit: UnitMetre,
			Qty: Qty(1000 + 10*i), Price: rub(int64(1999 + 37*i)), Discount: Rate(i % 700), VAT: 2000})
	}
	for _, incl := range []bool{false, true} {
		name := "vat_excluded"
		if incl {
			name = "vat_included"
		}
		b.Run(name, func(b *testing.B) {
			o.VATIncluded = incl
			b.ReportAllocs()
			for b.Loop() {
				for i := range o.Lines {
					ComputeLine(&o.Lines[i], o.VATIncluded)
				}
				o.Totals = ComputeTotals(o.Lines, o.Currency)
			}
		})
	}
}
