package search

import "bytes"

// The arena scan: rather than test every entry, a query looks through the
// text arena for the rarest byte of one clause's needles (bytes.IndexByte runs at
// memory speed), checks the needle around each hit, maps the hit to its
// entry, tests that entry's attributes and other clauses, and jumps to the
// next entry.

// pick is a needle of the driving clause, the position of its rarest byte
// and of its second rarest, tested before the whole needle is compared.
type pick struct {
	b     []byte
	k, k2 int
}

// sampleFreq counts bytes in up to four 256 KiB samples spread over the arena.
func (ix *entries) sampleFreq() {
	ix.freq = [256]uint32{}
	n := len(ix.text)
	for i := range min(n, 4) {
		c := ix.text[i*n/min(n, 4)]
		for _, b := range c[:min(len(c), 1<<18)] {
			ix.freq[b]++
		}
	}
}

// plan chooses the clause to scan the arena for (-1: the letter masks decide
// every clause, so a plain walk over the masks is faster) and the rare byte of
// each of its needles.
func (ix *entries) plan(q *query) (driver int, picks []pick) {
	driver = -1
	best := uint64(0)
	for ci := range q.clauses {
		c := &q.clauses[ci]
		if c.exact || c.digits {
			continue
		}
		var cost uint64
		var ps []pick
		for _, n := range c.needles {
			k := 0
			for i, b := range n.b {
				if ix.freq[b] < ix.freq[n.b[k]] {
					k = i
				}
			}
			k2 := k
			for i, b := range n.b {
				if i != k && (k2 == k || ix.freq[b] < ix.freq[n.b[k2]]) {
					k2 = i
				}
			}
			cost += uint64(ix.freq[n.b[k]]) + 1
			ps = append(ps, pick{b: n.b, k: k, k2: k2})
		}
		if driver < 0 || cost < best {
			driver, best, picks = ci, cost, ps
		}
	}
	return driver, picks
}

// scanArena sets the bitmap bits of the matching slots in [lo, hi), looking
// for the driving clause in the arena bytes of those slots.
func (ix *entries) scanArena(q *query, driver int, picks []pick, fmask, fval uint32, lo, hi int, bitmap []uint64) {
	for s := lo; s < hi; {
		c := ix.tstart[s] >> chunkBits
		e := hi
		if int(c)+1 < len(ix.chunkFirst) {
			e = min(e, int(ix.chunkFirst[c+1]))
		}
		chunk := ix.text[c]
		a, b := ix.tstart[s]&chunkMask, uint32(len(chunk))
		if e < len(ix.tstart) && ix.tstart[e]>>chunkBits == c {
			b = ix.tstart[e] & chunkMask
		}
		region := chunk[a:b]
		for _, p := range picks {
			ix.scanRegion(q, driver, p, region, s, e, fmask, fval, bitmap)
		}
		s = e
	}
	// Entries holding a legal-form word that contains the driving word.
	if want := q.clauses[driver].legal; want != 0 {
		for i, l := range ix.legal[lo:hi] {
			if s := lo + i; l&want != 0 && ix.accept(q, driver, s, fmask, fval) {
				bitmap[s>>6] |= 1 << (s & 63)
			}
		}
	}
}

// scanRegion scans region, the arena bytes of slots [s, e) (one chunk), for p.
func (ix *entries) scanRegion(q *query, driver int, p pick, region []byte, s, e int, fmask, fval uint32, bitmap []uint64) {
	n, k, k2 := p.b, p.k, p.k2
	r, r2 := n[k], n[k2]
	base := ix.tstart[s] // arena offset of region[0]
	cur := s
	for i := k; i < len(region); {
		j := bytes.IndexByte(region[i:], r)
		if j < 0 {
			return
		}
		at := i + j - k // where the needle would start
		if at+len(n) > len(region) || region[at+k2] != r2 || !bytes.Equal(region[at:at+len(n)], n) {
			i += j + 1
			continue
		}
		cur = ix.slotAt(cur, e, base+uint32(at))
		if ix.accept(q, driver, cur, fmask, fval) {
			bitmap[cur>>6] |= 1 << (cur & 63)
		}
		if cur+1 >= e {
			return
		}
		i = int(ix.tstart[cur+1]-base) + k
	}
}

// slotAt returns the slot in [cur, e) whose haystack holds arena offset off:
// a few steps forward, then a binary search.
func (ix *entries) slotAt(cur, e int, off uint32) int {
	starts := ix.tstart
	for range 4 {
		if cur+1 >= e || starts[cur+1] > off {
			return cur
		}
		cur++
	}
	lo, hi := cur+1, e
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if starts[m] <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// accept tests a slot whose haystack holds the driving clause.
func (ix *entries) accept(q *query, driver, slot int, fmask, fval uint32) bool {
	m := ix.masks[slot]
	if ix.attrs[slot]&fmask != fval || m&q.must != q.must {
		return false
	}
	return len(q.clauses) == 1 || ix.match(q, uint32(slot), driver)
}
