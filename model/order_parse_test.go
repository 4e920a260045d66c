package model

import (
	"strings"
	"testing"
)

func TestParseQty(t *testing.T) {
	cases := []struct {
		in   string
		unit Unit
		want Qty
		err  string // a fragment of the sentence; "" = accepted
	}{
		{"10", UnitPiece, 10 * QtyScale, ""},
		{" 2 ", UnitPiece, 2 * QtyScale, ""},
		{"1 000", UnitPiece, 1000 * QtyScale, ""},
		{"+3", UnitPiece, 3 * QtyScale, ""},
		{"1,5", UnitMetre, 1500, ""},
		{"1.5", UnitMetre, 1500, ""},
		{"12.25", UnitMetre, 12250, ""},
		{"0,05", UnitMetre, 50, ""},
		{",5", UnitMetre, 500, ""},
		{"1 000,5", UnitMetre, 1000500, ""},
		{"1\u00a0000.25", UnitMetre, 1000250, ""},
		{"1\u202f000", UnitKilogram, 1000000, ""},
		{"0,125", UnitKilogram, 125, ""},
		{"2.500", UnitKilogram, 2500, ""},
		{"1000000000", UnitPiece, MaxQty, ""},

		{"", UnitPiece, 0, "Type a quantity"},
		{"   ", UnitMetre, 0, "Type a quantity"},
		{"0", UnitPiece, 0, "more than zero"},
		{"0,00", UnitMetre, 0, "more than zero"},
		{"-1", UnitPiece, 0, "more than zero"},
		{"−2,5", UnitMetre, 0, "more than zero"},
		{"-0", UnitKilogram, 0, "more than zero"},
		{"1,5", UnitPiece, 0, "whole numbers"},
		{"1,0", UnitPiece, 0, "whole numbers"},
		{"1,000", UnitPiece, 0, "whole numbers"}, // never read as a thousand
		{"1,234", UnitMetre, 0, "Metres take at most 2 decimals"},
		{"0,0001", UnitKilogram, 0, "Kilograms take at most 3 decimals"},
		{"1000000001", UnitPiece, 0, "too large"},
		{"99999999999999999999999", UnitMetre, 0, "too large"},
		{"1,2,3", UnitMetre, 0, "like 1,5"},
		{"1.2,3", UnitMetre, 0, "like 1,5"},
		{"1.", UnitMetre, 0, "like 1,5"},
		{".", UnitMetre, 0, "like 1,5"},
		{"1 00", UnitPiece, 0, "whole pieces"}, // a space groups thousands only
		{"1000 000", UnitPiece, 0, "whole pieces"},
		{"1  000", UnitPiece, 0, "whole pieces"},
		{"1 000 ,5", UnitMetre, 0, "like 1,5"},
		{"1,5 m", UnitMetre, 0, "like 1,5"},
		{"abc", UnitKilogram, 0, "like 2,5"},
		{"1e3", UnitPiece, 0, "whole pieces"},
		{"--1", UnitPiece, 0, "whole pieces"},
		{"5", Unit("box"), 0, `"box" is not one`},
	}
	for _, c := range cases {
		got, err := ParseQty(c.in, c.unit)
		if c.err == "" {
			if err != nil || got != c.want {
				t.Errorf("ParseQty(%q, %s) = %d, %v; want %d", c.in, c.unit, got, err, c.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("ParseQty(%q, %s) = %d, %v; want an error with %q", c.in, c.unit, got, err, c.err)
		}
	}
}

func TestFormatQty(t *testing.T) {
	cases := []struct {
		q    Qty
		unit Unit
		want string
	}{
		{10 * QtyScale, UnitPiece, "10"},
		{1500, UnitMetre, "1.50"},
		{50, UnitMetre, "0.05"},
		{125, UnitKilogram, "0.125"},
		{2 * QtyScale, UnitKilogram, "2.000"},
		{1234, UnitMetre, "1.234"},  // finer than a metre allows: shown in full, never rounded
		{1500, UnitPiece, "1.500"},  // likewise
		{-1500, UnitMetre, "-1.50"}, // a correction line
		{MaxQty, UnitPiece, "1000000000"},
		{1500, Unit("box"), "1.500"},
	}
	for _, c := range cases {
		if got := FormatQty(c.q, c.unit); got != c.want {
			t.Errorf("FormatQty(%d, %s) = %q, want %q", c.q, c.unit, got, c.want)
		}
	}
}

func TestParseRate(t *testing.T) {
	cases := []struct {
		in   string
		want Rate
		err  string
	}{
		{"5", 500, ""},
		{"5,5", 550, ""},
		{"5.5", 550, ""},
		{"5.5 %", 550, ""},
		{"5.5%", 550, ""},
		{" 12,25 % ", 1225, ""},
		{"0", 0, ""},
		{"-0", 0, ""},
		{"100", 10000, ""},
		{"100,00 %", 10000, ""},
		{"0,01", 1, ""},

		{"", 0, "Type a percentage"},
		{"%", 0, "Type a percentage"},
		{"-5", 0, "cannot be negative"},
		{"100,01", 0, "at most 100"},
		{"1000", 0, "at most 100"},
		{"99999999999999999999", 0, "at most 100"},
		{"5,555", 0, "two decimals"},
		{"5 %%", 0, "like 5"},
		{"five", 0, "like 5"},
		{"5,5,5", 0, "like 5"},
	}
	for _, c := range cases {
		got, err := ParseRate(c.in)
		if c.err == "" {
			if err != nil || got != c.want {
				t.Errorf("ParseRate(%q) = %d, %v; want %d", c.in, got, err, c.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("ParseRate(%q) = %d, %v; want an error with %q", c.in, got, err, c.err)
		}
	}
}

func TestFormatRate(t *testing.T) {
	for r, want := range map[Rate]string{
		0: "0 %", 500: "5 %", 550: "5.5 %", 1225: "12.25 %", 2000: "20 %",
		10000: "100 %", 1: "0.01 %", 10: "0.1 %", -550: "-5.5 %",
	} {
		if got := FormatRate(r); got != want {
			t.Errorf("FormatRate(%d) = %q, want %q", r, got, want)
		}
	}
}

// FuzzParseQty: never panics; what is accepted is positive, within MaxQty,
// respects the unit's decimals, and its FormatQty reads back to the same value.
func FuzzParseQty(f *testing.F) {
	for _, s := range []string{"1,5", "1.5", "10", " 2 ", "1 000,5", "0,125", "1,234", "-1",
		"0", "1e3", "1\u00a0000.25", "99999999999", ",5", "1.", "1,2,3", "−3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, u := range Units {
			q, err := ParseQty(s, u)
			if err != nil {
				if q != 0 || err.Error() == "" {
					t.Fatalf("ParseQty(%q, %s) = %d with %v", s, u, q, err)
				}
				continue
			}
			if q <= 0 || q > MaxQty {
				t.Fatalf("ParseQty(%q, %s) = %d: out of range", s, u, q)
			}
			if q%qtyStep(u) != 0 {
				t.Fatalf("ParseQty(%q, %s) = %d: finer than the unit", s, u, q)
			}
			out := FormatQty(q, u)
			back, err := ParseQty(out, u)
			if err != nil || back != q {
				t.Fatalf("ParseQty(%q, %s) = %d, formatted %q, read back %d, %v", s, u, q, out, back, err)
			}
			// a decimal comma reads the same as the dot
			if back, err := ParseQty(strings.Replace(out, ".", ",", 1), u); err != nil || back != q {
				t.Fatalf("comma form of %q read as %d, %v", out, back, err)
			}
		}
	})
}

// FuzzParseRate: never panics; accepted rates are 0–100 % and FormatRate
// reads back to the same value.
func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"5", "5,5", "5.5 %", "5.5%", "100", "100,01", "-5", "0,01", "12,345", "%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRate(s)
		if err != nil {
			if r != 0 || err.Error() == "" {
				t.Fatalf("ParseRate(%q) = %d with %v", s, r, err)
			}
			return
		}
		if r < 0 || r > 100*RateScale {
			t.Fatalf("ParseRate(%q) = %d: out of range", s, r)
		}
		out := FormatRate(r)
		back, err := ParseRate(out)
		if err != nil || back != r {
			t.Fatalf("ParseRate(%q) = %d, formatted %q, read back %d, %v", s, r, out, back, err)
		}
	})
}

// FuzzOrderMoney: a price (ParseMoney), quantity and discount typed with a
// comma or a dot give a line whose amounts are the exact values rounded
// once, hold together, and never panic.
func FuzzOrderMoney(f *testing.F) {
	f.Add("333,33", "1,5", "5", uint16(2000), false)
	f.Add("1 234.50", "2", "0", uint16(1000), true)
	f.Add("0,01", "0,33", "12,5", uint16(0), false)
	f.Add("1000000.00", "1000000", "0", uint16(2000), false)
	f.Fuzz(func(t *testing.T, price, qty, disc string, vat uint16, incl bool) {
		p, err := ParseMoney(price, "RUB")
		if err != nil || p.Minor <= 0 {
			return
		}
		q, err := ParseQty(qty, UnitMetre)
		if err != nil {
			return
		}
		d, err := ParseRate(disc)
		if err != nil {
			return
		}
		l := OrderLine{Qty: q, Price: p, Discount: d, VAT: Rate(vat % 10001), Unit: UnitMetre}
		ComputeLine(&l, incl)
		checkLine(t, l, incl)
	})
}
