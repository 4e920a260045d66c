package demo

// Valid tax ids for demo clients. The check-digit rules mirror model's
// validators (which the tests run over every generated id).

var (
	inn10Weights  = [...]int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	inn12Weights1 = [...]int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
	inn12Weights2 = [...]int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
)

func weighted(d []byte, w []int) byte {
	s := 0
	for i, x := range w {
		s += int(d[i]-'0') * x
	}
	return byte('0' + s%11%10)
}

// appendINN10 appends a 10-digit organisation INN: region, 7 body digits, check.
func appendINN10(b []byte, region string, body uint64) []byte {
	start := len(b)
	b = append(b, region...)
	b = appendPadded(b, body%10_000_000, 7)
	return append(b, weighted(b[start:], inn10Weights[:]))
}

// appendINN12 appends a 12-digit personal INN: region, 8 body digits, two checks.
func appendINN12(b []byte, region string, body uint64) []byte {
	start := len(b)
	b = append(b, region...)
	b = appendPadded(b, body%100_000_000, 8)
	b = append(b, weighted(b[start:], inn12Weights1[:]))
	return append(b, weighted(b[start:], inn12Weights2[:]))
}

// appendLTCode appends a 9-digit Lithuanian company code.
func appendLTCode(b []byte, first byte, body uint64) []byte {
	start := len(b)
	b = append(b, first)
	b = appendPadded(b, body%10_000_000, 7)
	d := b[start:]
	s := 0
	for i := 0; i < 8; i++ {
		s += int(d[i]-'0') * (i + 1)
	}
	r := s % 11
	if r == 10 {
		s = 0
		for i := 0; i < 8; i++ {
			w := i + 3
			if w > 9 {
				w -= 9
			}
			s += int(d[i]-'0') * w
		}
		if r = s % 11; r == 10 {
			r = 0
		}
	}
	return append(b, byte('0'+r))
}

// appendOGRN appends an OGRN (13 digits, first 1) or OGRNIP (15 digits, first 3).
func appendOGRN(b []byte, ip bool, year int, region string, body uint64) []byte {
	start := len(b)
	n, m := 7, 11
	if ip {
		b = append(b, '3')
		n, m = 9, 13
	} else {
		b = append(b, '1')
	}
	b = appendPadded(b, uint64(year%100), 2)
	b = append(b, region...)
	b = appendPadded(b, body, n)
	r := 0
	for _, c := range b[start:] {
		r = (r*10 + int(c-'0')) % m
	}
	return append(b, byte('0'+r%10))
}

// appendPadded appends the last width digits of v, zero-padded.
func appendPadded(b []byte, v uint64, width int) []byte {
	var tmp [20]byte
	for i := width - 1; i >= 0; i-- {
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[:width]...)
}
