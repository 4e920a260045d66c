package model

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Limits that keep order arithmetic exact in int64 with room to sum lines.
const (
	// MaxQty is the largest quantity a line may have: a billion units.
	MaxQty Qty = 1_000_000_000 * QtyScale
	// MaxAmountMinor bounds one line's amounts and an order's totals (10^15
	// minor units, ten trillion roubles): far above any real order, far
	// below int64, so sums of thousands of lines cannot wrap.
	MaxAmountMinor int64 = 1_000_000_000_000_000
	// rateWhole is Rate's value of 100 %.
	rateWhole = 100 * RateScale
)

// decimalText is a number as typed, split at its decimal comma or dot.
// Quantities and percentages are never grouped with commas or dots (unlike
// ParseMoney): "1,234 m" must read as 1.234 and be refused, not as 1234.
type decimalText struct {
	neg         bool
	whole, frac string // digits only; frac "" when no separator was typed
}

// readDecimal splits s ("1,5", " 2 ", "1 000.25", "-3") into sign, whole
// and fractional digits. Spaces (also no-break and thin ones) may group the
// whole part by thousands; the key of a sentence comes back when s is not a number.
func readDecimal(s string) (decimalText, string) {
	var d decimalText
	s = strings.TrimSpace(s)
	if s == "" {
		return d, "empty"
	}
	switch {
	case strings.HasPrefix(s, "-"):
		d.neg, s = true, strings.TrimSpace(s[1:])
	case strings.HasPrefix(s, "−"): // the minus sign a word processor types
		d.neg, s = true, strings.TrimSpace(s[len("−"):])
	case strings.HasPrefix(s, "+"):
		s = strings.TrimSpace(s[1:])
	}
	var whole, frac []byte
	groups := []int{0} // digits in each space-separated group of the whole part
	sep, lastSpace := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if sep {
				frac = append(frac, byte(r))
			} else {
				whole = append(whole, byte(r))
				groups[len(groups)-1]++
			}
			lastSpace = false
		case r == '.' || r == ',':
			if sep || lastSpace {
				return d, "invalid"
			}
			sep = true
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009':
			if sep || lastSpace || len(whole) == 0 {
				return d, "invalid"
			}
			groups = append(groups, 0)
			lastSpace = true
		default:
			return d, "invalid"
		}
	}
	if len(whole)+len(frac) == 0 || lastSpace || (sep && len(frac) == 0) {
		return d, "invalid"
	}
	if len(groups) > 1 { // "1 000": groups of three after the first
		if groups[0] > 3 {
			return d, "invalid"
		}
		for _, g := range groups[1:] {
			if g != 3 {
				return d, "invalid"
			}
		}
	}
	d.whole, d.frac = string(whole), string(frac)
	return d, ""
}

// fixed turns d's digits into an integer with scale decimals (len(d.frac)
// must be ≤ scale); ok is false above max.
func (d decimalText) fixed(scale int, max int64) (int64, bool) {
	digits := d.whole + d.frac + strings.Repeat("0", scale-len(d.frac))
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		return 0, true
	}
	if len(digits) > 18 {
		return 0, false
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || v > max {
		return 0, false
	}
	return v, true
}

// appendFixed writes the non-negative v with scale implied decimals, showing
// show of them ("1500", 3, 2 → "1.50"); show 0 writes no separator.
func appendFixed(b []byte, v int64, scale, show int) []byte {
	if v < 0 {
		b = append(b, '-')
	}
	mag := uint64(v)
	if v < 0 {
		mag = -mag
	}
	pow := uint64(1)
	for i := 0; i < scale; i++ {
		pow *= 10
	}
	b = strconv.AppendUint(b, mag/pow, 10)
	if show == 0 {
		return b
	}
	frac := strconv.FormatUint(mag%pow, 10)
	frac = strings.Repeat("0", scale-len(frac)) + frac
	b = append(b, '.')
	return append(b, frac[:show]...)
}

// mulDivRound is round(a×b×c / d), half away from zero, exact for any
// int64 inputs (d > 0); ok is false when the result does not fit |x| ≤ MaxAmountMinor.
// The int64 path covers everyday lines; big.Int takes over only when a
// product would overflow, so a huge line is refused, never wrapped.
func mulDivRound(a, b, c, d int64) (int64, bool) {
	if p, ok := mul64(a, b); ok {
		if p, ok = mul64(p, c); ok {
			q := divRound(p, d)
			return q, inAmountRange(q)
		}
	}
	return mulDivRoundBig(a, b, c, d)
}

func mulDivRoundBig(a, b, c, d int64) (int64, bool) {
	n := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	n.Mul(n, big.NewInt(c))
	den := big.NewInt(d)
	q, r := new(big.Int).QuoRem(n, den, new(big.Int)) // truncated towards zero
	r.Abs(r).Lsh(r, 1)
	if r.Cmp(den) >= 0 {
		q.Add(q, big.NewInt(int64(n.Sign())))
	}
	if !q.IsInt64() {
		return 0, false
	}
	return q.Int64(), inAmountRange(q.Int64())
}

// divRound is n/d rounded half away from zero (d > 0).
func divRound(n, d int64) int64 {
	q, r := n/d, n%d
	if r < 0 {
		r = -r
	}
	if r >= d-r { // 2r ≥ d without overflow
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

// mul64 is a×b, ok false on overflow.
func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	hi, lo := bits.Mul64(absU(a), absU(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

func absU(a int64) uint64 {
	if a < 0 {
		return -uint64(a)
	}
	return uint64(a)
}

func inAmountRange(v int64) bool { return v >= -MaxAmountMinor && v <= MaxAmountMinor }

// addSat is a+b, pinned to the int64 range instead of wrapping; ok false when pinned.
func addSat(a, b int64) (int64, bool) {
	s := a + b
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) {
		if a >= 0 {
			return math.MaxInt64, false
		}
		return math.MinInt64, false
	}
	return s, true
}
