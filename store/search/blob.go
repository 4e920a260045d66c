package search

import (
	"bytes"
	"encoding/binary"
	"slices"
	"sync"

	"clientbase/model"
)

// The blob layout (the value of a name-index entry), chosen so that Build is
// a copy:
//
//	[0:8]   letter mask of the text, little-endian (see maskOf)
//	[8:12]  manager's user id, little-endian (0: none)
//	[12]    packed quick-filter flags (see packFlags)
//	[13:21] digit mask of the numbers (see digitMask)
//	[21:23] length of the text, little-endian
//	[23:27] legal-form words present (bit i: legalWords[i]), little-endian
//	[27:]   the text: folded tokens separated by one space, then the
//	        numbers (phones, tax ids, KPP) packed two digits a byte
//
// Numbers are a third of a client's searchable bytes; packing them halves
// that, and keeping them apart lets a text query scan only the text.
const (
	// BlobFormat numbers the layout below; a store that keeps blobs must
	// rewrite them (from the records) when it changes.
	BlobFormat = 3

	blobHeader  = 27
	maxHaystack = 1<<16 - 1 // the text length is a uint16
	entrySep    = 0x00      // ends every text in the arena; never in folded text
)

// Flag bits of the packed attributes (the low 16 bits hold the manager's slot).
const (
	attrCategoryShift = 16 // 2 bits: 0 none, 1 A, 2 B, 3 C
	attrStatusShift   = 18 // 3 bits: 0 unknown, 1+index in model.ClientStatuses
	attrArchived      = 1 << 21
	attrDead          = 1 << 22 // tombstone: replaced by a newer entry
	attrManagerMask   = 0xFFFF
)

func categoryCode(c model.Category) uint32 {
	if i := slices.Index(model.Categories, c); i >= 0 {
		return uint32(i + 1)
	}
	return 0
}

func statusCode(s model.ClientStatus) uint32 {
	if i := slices.Index(model.ClientStatuses, s); i >= 0 && i < 7 {
		return uint32(i + 1)
	}
	return 0
}

// packFlags is the blob's flag byte: category, status and archived, already
// in the place they take in the index's attributes (shifted down 16 bits).
func packFlags(c *model.Client) byte {
	f := categoryCode(c.Category) | statusCode(c.Status)<<2
	if c.Archived {
		f |= attrArchived >> 16
	}
	return byte(f)
}

// maskBit gives each folded byte its bit in an entry's letter mask. Every
// Latin and Cyrillic letter has a bit of its own, so a one-letter query is
// answered by the mask alone; digits share a bit per pair.
var maskBit = func() (t [256]uint64) {
	for i := range t {
		b := byte(i)
		switch {
		case b >= 'a' && b <= 'z':
			t[i] = 1 << (b - 'a')
		case b >= model.FoldCyrillicA && b < model.FoldCyrillicA+32:
			t[i] = 1 << (26 + b - model.FoldCyrillicA)
		case b >= '0' && b <= '9':
			t[i] = 1 << (58 + (b-'0')/2)
		case b == ' ' || b == entrySep:
		default:
			t[i] = 1 << 63
		}
	}
	return t
}()

// exactBit reports whether the mask bit of b belongs to b alone.
func exactBit(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= model.FoldCyrillicA && b < model.FoldCyrillicA+32
}

func maskOf(s []byte) (m uint64) {
	for _, b := range s {
		m |= maskBit[b]
	}
	return m
}

// trimToken drops the punctuation that wraps words («Ромашка», "Ltd.",
// "(Vilnius)") from both ends; queries get the same treatment, so a token
// is found by the same words either way, and short and full names share tokens.
func trimToken(t []byte) []byte {
	for len(t) > 0 && isWrap(t[0]) {
		t = t[1:]
	}
	for len(t) > 0 && isWrap(t[len(t)-1]) {
		t = t[:len(t)-1]
	}
	return t
}

func isWrap(b byte) bool { return wrapByte[b] }

var wrapByte = func() (t [256]bool) {
	for _, b := range []byte(`"'()[]{}<>,.;:!?`) {
		t[b] = true
	}
	return t
}()

// span is one token or number of a blob being built: where it lies in the
// scratch buffer, and its letter (or digit) mask, which rules out most
// containment tests without looking at the bytes.
type span struct {
	off, n uint32
	mask   uint64 // letter mask (digitMask for numbers)
	pairs  uint64 // pairBit of each two adjacent bytes (0 for numbers)
}

// haystackBuilder collects an entry's tokens; a token contained in another
// is dropped, since a query word (never spanning a space) that matches the
// shorter one matches the longer one too. Builders are reused (blobScratch),
// so a blob costs no allocation but its own.
type haystackBuilder struct {
	buf    []byte // folded text and digits
	tokens []span // text tokens in buf
	nums   []span // numbers (digits only) in buf; mask is the digitMask
	out    []byte // ClientBlob's blob before its copy
}

var blobScratch = sync.Pool{New: func() any { return &haystackBuilder{buf: make([]byte, 0, 512)} }}

func (h *haystackBuilder) reset() {
	h.buf, h.tokens, h.nums, h.out = h.buf[:0], h.tokens[:0], h.nums[:0], h.out[:0]
}

func (h *haystackBuilder) bytesOf(s span) []byte { return h.buf[s.off : s.off+s.n] }

func (h *haystackBuilder) addText(s string) {
	if s == "" {
		return
	}
	start := len(h.buf)
	h.buf = model.FoldSearch(h.buf, s)
	h.splitFrom(start)
}

// addNumber adds the digits of s as one number (phones, tax ids).
func (h *haystackBuilder) addNumber(s string) {
	start := len(h.buf)
	var m uint64
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			h.buf = append(h.buf, c)
			m |= 1 << (c - '0')
			if prev != 0 {
				m |= digitBigramBit(prev, c)
			}
			prev = c
		}
	}
	if len(h.buf) > start {
		h.nums = append(h.nums, span{off: uint32(start), n: uint32(len(h.buf) - start), mask: m})
	}
}

// addTaxID adds a tax id as a number, or as text when it has letters
// (foreign ids such as "GB123456789"; their digits are still found, since
// a number query also looks in the text).
func (h *haystackBuilder) addTaxID(s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80 {
			h.addText(s)
			return
		}
	}
	h.addNumber(s)
}

func (h *haystackBuilder) addPhone(p model.Phone) {
	if p.E164 != "" {
		h.addNumber(p.E164)
	} else {
		h.addNumber(p.Raw)
	}
}

// splitFrom cuts the folded text from start into space-separated tokens,
// trimmed of wrapping punctuation, each with its masks.
func (h *haystackBuilder) splitFrom(start int) {
	b := h.buf
	for i := start; i < len(b); {
		j := i
		var m, pairs uint64
		for ; j < len(b); j++ {
			c := b[j]
			if c == ' ' {
				break
			}
			m |= maskBit[c]
			if j > i {
				pairs |= pairBit(b[j-1], c)
			}
		}
		lo, hi := i, j
		for lo < hi && wrapByte[b[lo]] {
			lo++
		}
		for lo < hi && wrapByte[b[hi-1]] {
			hi--
		}
		if lo < hi {
			if lo > i || hi < j {
				m, pairs = maskOf(b[lo:hi]), pairsOf(b[lo:hi])
			}
			h.tokens = append(h.tokens, span{off: uint32(lo), n: uint32(hi - lo), mask: m, pairs: pairs})
		}
		i = j + 1
	}
}

// pairBit is the bit of two adjacent bytes in a span's pair mask; a span
// inside another has no pair bit the other lacks.
func pairBit(a, b byte) uint64 {
	return 1 << ((uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 26)
}

func pairsOf(t []byte) uint64 {
	var m uint64
	for i := 1; i < len(t); i++ {
		m |= pairBit(t[i-1], t[i])
	}
	return m
}

// finish writes the kept tokens, longest first, separated by spaces, and
// returns the letter mask of all of them and the legal-form words found,
// which are kept as bits rather than text.
func (h *haystackBuilder) finish(dst []byte) ([]byte, uint64, uint32) {
	kept := h.dropContained(h.tokens)
	var mask uint64
	var legal uint32
	start := len(dst)
	for _, s := range kept {
		t := h.bytesOf(s)
		if bit := legalBitOf(t, s.mask); bit != 0 {
			mask |= s.mask
			legal |= bit
			continue
		}
		if len(dst)-start+len(t)+1 > maxHaystack {
			break
		}
		mask |= s.mask
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = append(dst, t...)
	}
	return dst, mask, legal
}

// dropContained sorts spans longest first (stable) and drops those inside
// another. A span whose masks have a bit its would-be container's lack
// cannot be inside it, which spares most byte comparisons.
func (h *haystackBuilder) dropContained(toks []span) []span {
	for i := 1; i < len(toks); i++ { // insertion sort: a client has a dozen tokens
		s := toks[i]
		j := i
		for j > 0 && toks[j-1].n < s.n {
			toks[j] = toks[j-1]
			j--
		}
		toks[j] = s
	}
	kept := toks[:0]
	for _, s := range toks {
		dup := false
		for _, k := range kept {
			if s.mask&^k.mask|s.pairs&^k.pairs != 0 {
				continue
			}
			if t, in := h.bytesOf(s), h.bytesOf(k); s.n == k.n && bytes.Equal(in, t) || s.n < k.n && bytes.Contains(in, t) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, s)
		}
	}
	return kept
}

// Packed numbers: one digit a nibble, each number ended by numEnd, the
// last byte padded with numPad.
const (
	numEnd = 0xA
	numPad = 0xF
)

// packNumbers appends the numbers packed and returns their digit mask.
func packNumbers(dst []byte, nums [][]byte) ([]byte, uint64) {
	var h haystackBuilder
	for _, n := range nums {
		h.addNumber(string(n))
	}
	return h.packNumbers(dst)
}

// packNumbers appends the kept numbers packed and returns their digit mask.
func (h *haystackBuilder) packNumbers(dst []byte) ([]byte, uint64) {
	var dmask uint64
	half := false
	for _, s := range h.dropContained(h.nums) {
		dmask |= s.mask
		for _, c := range h.bytesOf(s) {
			if half {
				dst[len(dst)-1] |= c - '0'
			} else {
				dst = append(dst, (c-'0')<<4)
			}
			half = !half
		}
		if half {
			dst[len(dst)-1] |= numEnd
		} else {
			dst = append(dst, numEnd<<4)
		}
		half = !half
	}
	if half {
		dst[len(dst)-1] |= numPad
	}
	return dst, dmask
}

// digitBigramBit is the bit of a pair of adjacent digits in the digit mask:
// bits 0–9 say which digits occur, bits 10–63 which pairs (folded into 54).
func digitBigramBit(a, b byte) uint64 {
	return 1 << (10 + (uint(a-'0')*10+uint(b-'0'))%54)
}

// digitMask is the digit-mask bits an entry holding the digits d has.
func digitMask(d []byte) uint64 {
	var m uint64
	for i, c := range d {
		m |= 1 << (c - '0')
		if i > 0 {
			m |= digitBigramBit(d[i-1], c)
		}
	}
	return m
}

// numbersContain reports whether the packed numbers hold the digit string
// d. It walks the bytes once, testing each for the first two digits of d
// at both nibble alignments, and compares the rest only there.
func numbersContain(packed []byte, d []byte) bool {
	switch len(d) {
	case 0:
		return true
	case 1:
		v := d[0] - '0'
		for _, b := range packed {
			if b>>4 == v || b&0xF == v {
				return true
			}
		}
		return false
	}
	t := (d[0]-'0')<<4 | (d[1] - '0')
	for i, b := range packed {
		if b == t && restMatches(packed, 2*i, d) {
			return true
		}
		if i+1 < len(packed) && b<<4|packed[i+1]>>4 == t && restMatches(packed, 2*i+1, d) {
			return true
		}
	}
	return false
}

// restMatches compares d[2:] with the nibbles after position p+1.
func restMatches(packed []byte, p int, d []byte) bool {
	if p+len(d) > 2*len(packed) {
		return false
	}
	for j := 2; j < len(d); j++ {
		q := p + j
		v := packed[q>>1]
		if q&1 == 0 {
			v >>= 4
		}
		if v&0xF != d[j]-'0' {
			return false
		}
	}
	return true
}

// legalWords are the long words of legal forms, present in most full names.
// An entry keeps them as bits (a query word inside one of them tests its
// bit), which saves a fifth of the arena and a scan of it per word.
var legalWords = []string{
	"общество", "ограниченной", "ответственностью", "индивидуальный", "предприниматель",
	"акционерное", "публичное", "закрытое", "открытое", "хозяйство", "крестьянское", "фермерское",
	"uzdaroji", "akcine", "bendrove", "individuali", "imone", "mazoji", "bendrija", "viesoji", "istaiga",
	"limited", "liability", "company", "incorporated", "corporation", "partnership",
}

var (
	legalFolded = func() (out [][]byte) {
		if len(legalWords) > 32 {
			panic("search: more legal words than bits")
		}
		for _, w := range legalWords {
			out = append(out, model.FoldSearch(nil, w))
		}
		return out
	}()
	// legalByLen lists, for each length, the indexes of the legal words
	// of that length (finish looks every kept token up).
	legalByLen = func() (t [maxLegalLen + 1][]uint8) {
		for i, f := range legalFolded {
			if len(f) > maxLegalLen {
				panic("search: legal word longer than maxLegalLen")
			}
			t[len(f)] = append(t[len(f)], uint8(i))
		}
		return t
	}()
	legalMasks = func() (out []uint64) {
		for _, f := range legalFolded {
			out = append(out, maskOf(f))
		}
		return out
	}()
)

const maxLegalLen = 16

// legalBitOf is the bit of the legal word t (with letter mask m), or 0.
func legalBitOf(t []byte, m uint64) uint32 {
	if len(t) > maxLegalLen {
		return 0
	}
	for _, i := range legalByLen[len(t)] {
		if legalMasks[i] == m && bytes.Equal(legalFolded[i], t) {
			return 1 << i
		}
	}
	return 0
}

// ClientBlob is the value the store keeps in its name-index entry for c:
// quick-filter attributes (category, status, archived, managerID) and the folded
// haystack (name, tax id, phone digits, e-mails, city). managerID is the
// user id of c.Manager (0: none).
func ClientBlob(c *model.Client, managerID uint32) []byte {
	h := blobScratch.Get().(*haystackBuilder)
	h.out = h.appendBlob(h.out[:0], c, managerID)
	blob := append(make([]byte, 0, len(h.out)), h.out...) // exact size: the bulk load holds a batch of them
	blobScratch.Put(h)
	return blob
}

// AppendClientBlob appends ClientBlob(c, managerID) to dst, for callers
// that reuse a buffer.
func AppendClientBlob(dst []byte, c *model.Client, managerID uint32) []byte {
	h := blobScratch.Get().(*haystackBuilder)
	dst = h.appendBlob(dst, c, managerID)
	blobScratch.Put(h)
	return dst
}

func (h *haystackBuilder) appendBlob(dst []byte, c *model.Client, managerID uint32) []byte {
	h.reset()
	h.addText(c.ShortName)
	h.addText(c.FullName)
	h.addTaxID(c.TaxID)
	h.addTaxID(c.KPP)
	for _, p := range c.Phones {
		h.addPhone(p)
	}
	for _, e := range c.Emails {
		h.addText(e)
	}
	h.addText(c.City)
	if includeContacts {
		for i := range c.Contacts {
			ct := &c.Contacts[i]
			if ct.Left {
				continue
			}
			h.addText(ct.Name)
			for _, p := range ct.Phones {
				h.addPhone(p)
			}
			h.addText(ct.Email)
		}
	}
	base := len(dst)
	dst = append(dst, make([]byte, blobHeader)...)
	dst, mask, legal := h.finish(dst)
	textLen := len(dst) - base - blobHeader
	dst, dmask := h.packNumbers(dst)
	hdr := dst[base : base+blobHeader]
	binary.LittleEndian.PutUint64(hdr[0:8], mask)
	binary.LittleEndian.PutUint32(hdr[8:12], managerID)
	hdr[12] = packFlags(c)
	binary.LittleEndian.PutUint64(hdr[13:21], dmask)
	binary.LittleEndian.PutUint16(hdr[21:23], uint16(textLen))
	binary.LittleEndian.PutUint32(hdr[23:27], legal)
	return dst
}

// includeContacts puts contact persons' names, phones and e-mails in the
// haystack. Off: at a million clients they took the index from about 106 MB
// to 158 MB (contacts' phones alone: about 120 MB), past the 120 MB budget
// with no room for saves (BenchmarkHeap1M).
const includeContacts = false
