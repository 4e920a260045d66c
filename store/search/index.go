// Package search is the resident in-memory client search index: compact,
// built from the store's name index in the background, queried per keystroke.
// It does not import bbolt.
//
// Every client's folded text (see ClientBlob) lives in a text arena of
// 1 MiB chunks, each text ended by a 0x00 byte, and its numbers, packed two
// digits a byte, in a second arena; beside them sit compact per-entry arrays
// (slot → arena offsets, id, packed quick-filter attributes, letter mask,
// digit mask). A query with a word scans the text arena on every core for
// the word's rarest byte (see scan.go); a query of single letters or numbers
// walks the slots, where the masks reject most entries without touching the
// arenas, and a one-letter query is answered by the mask alone.
package search

import (
	"bytes"
	"context"
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"clientbase/model"
)

const (
	chunkBits = 20
	chunkSize = 1 << chunkBits // an entry never spans two chunks
	chunkMask = chunkSize - 1
	// scanStep is how many slots a query worker takes at a time; between
	// steps it looks at ctx, so a stale query stops within a fraction of a
	// millisecond. A multiple of 64 so workers never share a bitmap word.
	scanStep = 1 << 13
)

// Index is safe for concurrent use: queries run in background goroutines
// while the UI goroutine applies saved changes.
type Index struct {
	mu sync.RWMutex
	entries
}

// entries is the index's data, apart from its lock so compaction can swap it whole.
type entries struct {
	text   [][]byte // the text arena
	tstart []uint32 // slot → text offset: chunk<<chunkBits | offset in chunk
	nums   [][]byte // the numbers arena
	nstart []uint32 // slot → numbers offset, addressed like tstart
	// idLo and idHi hold the client ids; idHi stays nil while every id
	// fits in 32 bits, saving 4 MB at a million clients. An element is
	// never changed once written, so results may keep the arrays.
	idLo   []uint32
	idHi   []uint32
	attrs  []uint32 // slot → manager slot | flags (see attr* constants)
	masks  []uint64 // slot → letter mask of the text
	dmasks []uint64 // slot → digit mask of the numbers
	legal  []uint32 // slot → legal-form words present (see legalWords)

	chunkFirst []uint32 // text chunk → its first slot
	// freq counts bytes in a sample of the text arena: a query scans for
	// the rarest byte of its word.
	freq [256]uint32
	// order lists the live slots in name order; nil while the slots
	// themselves are in name order with none dead (after Build and compaction).
	order []uint32

	live       int
	arenaBytes int // bytes in both arenas
	garbage    int // of which belong to dead slots

	managers    []uint32          // manager slot → user id; slot 0 is "none"
	managerSlot map[uint32]uint16 // user id → manager slot
}

// Build makes an index from entries handed over in name (sort) order by next,
// which returns ok=false at the end. sizeHint may be 0.
func Build(sizeHint int, next func() (id uint64, blob []byte, ok bool)) *Index {
	ix := &Index{}
	ix.reserve(sizeHint)
	for {
		id, blob, ok := next()
		if !ok {
			break
		}
		ix.appendEntry(id, blob)
	}
	ix.clip()
	ix.sampleFreq()
	return ix
}

func (ix *entries) reserve(n int) {
	if n <= 0 {
		return
	}
	ix.tstart = make([]uint32, 0, n)
	ix.nstart = make([]uint32, 0, n)
	ix.idLo = make([]uint32, 0, n)
	ix.attrs = make([]uint32, 0, n)
	ix.masks = make([]uint64, 0, n)
	ix.dmasks = make([]uint64, 0, n)
	ix.legal = make([]uint32, 0, n)
}

// clip drops spare capacity left by append's doubling when sizeHint was
// off: it would count against the index's memory budget.
func (ix *entries) clip() {
	n := len(ix.idLo)
	if cap(ix.idLo) <= n+n/16+64 {
		return
	}
	ix.tstart = slices.Clone(ix.tstart)
	ix.nstart = slices.Clone(ix.nstart)
	ix.idLo = slices.Clone(ix.idLo)
	if ix.idHi != nil {
		ix.idHi = slices.Clone(ix.idHi)
	}
	ix.attrs = slices.Clone(ix.attrs)
	ix.masks = slices.Clone(ix.masks)
	ix.dmasks = slices.Clone(ix.dmasks)
	ix.legal = slices.Clone(ix.legal)
}

// appendEntry adds a slot for (id, blob) at the end of the arenas.
func (ix *entries) appendEntry(id uint64, blob []byte) uint32 {
	var header [blobHeader]byte
	var text, nums []byte
	if len(blob) >= blobHeader {
		copy(header[:], blob)
		tl := min(int(binary.LittleEndian.Uint16(header[21:23])), len(blob)-blobHeader)
		text, nums = blob[blobHeader:blobHeader+tl], blob[blobHeader+tl:]
	}
	return ix.appendParts(id, text, nums,
		uint32(ix.managerSlotOf(binary.LittleEndian.Uint32(header[8:12])))|uint32(header[12])<<16&^attrDead,
		binary.LittleEndian.Uint64(header[0:8]), binary.LittleEndian.Uint64(header[13:21]),
		binary.LittleEndian.Uint32(header[23:27]))
}

func (ix *entries) appendParts(id uint64, text, nums []byte, attrs uint32, mask, dmask uint64, legal uint32) uint32 {
	slot := uint32(len(ix.idLo))
	if len(nums) > chunkSize/2 || len(text) > chunkSize/2 {
		text, nums = nil, nil // never from ClientBlob; keeps an entry within a chunk
	}
	ix.tstart = append(ix.tstart, ix.place(&ix.text, text, true))
	ix.nstart = append(ix.nstart, ix.place(&ix.nums, nums, false))
	ix.idLo = append(ix.idLo, uint32(id))
	if id>>32 != 0 && ix.idHi == nil {
		ix.idHi = make([]uint32, len(ix.idLo)-1, cap(ix.idLo))
	}
	if ix.idHi != nil {
		ix.idHi = append(ix.idHi, uint32(id>>32))
	}
	ix.attrs = append(ix.attrs, attrs)
	ix.masks = append(ix.masks, mask)
	ix.dmasks = append(ix.dmasks, dmask)
	ix.legal = append(ix.legal, legal)
	ix.live++
	return slot
}

// place copies b (and the separator when sep) into an arena and returns its
// offset. A chunk always keeps a free byte, so an offset never reaches the
// next chunk's address.
func (ix *entries) place(arena *[][]byte, b []byte, sep bool) uint32 {
	need := len(b)
	if sep {
		need++
	}
	last := len(*arena) - 1
	if last < 0 || len((*arena)[last])+need >= chunkSize {
		*arena = append(*arena, make([]byte, 0, chunkSize))
		if arena == &ix.text {
			ix.chunkFirst = append(ix.chunkFirst, uint32(len(ix.idLo)))
		}
		last++
	}
	c := (*arena)[last]
	off := uint32(last)<<chunkBits | uint32(len(c))
	c = append(c, b...)
	if sep {
		c = append(c, entrySep)
	}
	(*arena)[last] = c
	ix.arenaBytes += need
	return off
}

func (ix *entries) id(slot uint32) uint64 {
	if ix.idHi != nil {
		return uint64(ix.idHi[slot])<<32 | uint64(ix.idLo[slot])
	}
	return uint64(ix.idLo[slot])
}

// managerSlotOf numbers the managers densely so a slot fits in 16 bits; a
// department has far fewer than 65,535 of them, and any beyond share the
// last slot (their Manager filter then also shows the others' clients).
func (ix *entries) managerSlotOf(userID uint32) uint16 {
	if userID == 0 {
		return 0
	}
	if s, ok := ix.managerSlot[userID]; ok {
		return s
	}
	if ix.managerSlot == nil {
		ix.managerSlot = map[uint32]uint16{}
		ix.managers = []uint32{0}
	}
	if len(ix.managers) >= attrManagerMask {
		return attrManagerMask
	}
	s := uint16(len(ix.managers))
	ix.managers = append(ix.managers, userID)
	ix.managerSlot[userID] = s
	return s
}

// Len is the number of entries (archived included).
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// part returns the bytes of slot in an arena addressed by starts: up to the
// next slot's start in the same chunk, or to the chunk's end.
func part(arena [][]byte, starts []uint32, slot uint32) []byte {
	off := starts[slot]
	c := arena[off>>chunkBits]
	end := uint32(len(c))
	if int(slot)+1 < len(starts) && starts[slot+1]>>chunkBits == off>>chunkBits {
		end = starts[slot+1] & chunkMask
	}
	return c[off&chunkMask : end]
}

// textOf is the folded text of slot, without its separator.
func (ix *entries) textOf(slot uint32) []byte {
	t := part(ix.text, ix.tstart, slot)
	return t[:len(t)-1]
}

// numbersOf is the packed numbers of slot.
func (ix *entries) numbersOf(slot uint32) []byte { return part(ix.nums, ix.nstart, slot) }

// Query filters by f (Text folded with model.FoldSearch, phone-like text also
// matched as digits; Manager is given as managerID, 0 = any) and returns the
// matches in name order. It checks ctx often and returns ctx.Err() when a
// newer keystroke cancelled it.
func (ix *Index) Query(ctx context.Context, f model.ClientFilter, managerID uint32) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q := parseQuery(f.Text)
	ix.mu.RLock()
	defer ix.mu.RUnlock()

	fmask, fval, ok := ix.attrFilter(f, managerID)
	if !ok {
		return &Result{}, nil
	}
	n := len(ix.idLo)
	bitmap := make([]uint64, (n+63)/64)
	steps := (n + scanStep - 1) / scanStep
	driver, picks := ix.plan(&q)
	var next atomic.Int64
	var stopped atomic.Bool
	work := func() {
		for {
			step := int(next.Add(1) - 1)
			if step >= steps || stopped.Load() {
				return
			}
			if ctx.Err() != nil {
				stopped.Store(true)
				return
			}
			lo := step * scanStep
			hi := min(lo+scanStep, n)
			if driver < 0 {
				ix.scan(&q, fmask, fval, lo, hi, bitmap)
			} else {
				ix.scanArena(&q, driver, picks, fmask, fval, lo, hi, bitmap)
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), steps)
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return ix.collect(bitmap, true), nil
}

// attrFilter turns the quick filters into one mask-and-compare on the packed
// attributes; ok is false when nothing can match (an unknown manager).
func (ix *entries) attrFilter(f model.ClientFilter, managerID uint32) (mask, val uint32, ok bool) {
	mask = attrDead
	switch {
	case f.OnlyArchived:
		mask |= attrArchived
		val |= attrArchived
	case !f.IncludeArchived:
		mask |= attrArchived
	}
	if f.Category != model.CategoryNone {
		mask |= 3 << attrCategoryShift
		val |= categoryCode(f.Category) << attrCategoryShift
	}
	if f.Status != "" {
		mask |= 7 << attrStatusShift
		val |= statusCode(f.Status) << attrStatusShift
	}
	if managerID != 0 {
		s, known := ix.managerSlot[managerID]
		if !known {
			return 0, 0, false
		}
		mask |= attrManagerMask
		val |= uint32(s)
	}
	return mask, val, true
}

// scan sets the bitmap bits of the matching slots in [lo, hi), testing
// each slot's attributes and masks, then its text and numbers as needed.
func (ix *entries) scan(q *query, fmask, fval uint32, lo, hi int, bitmap []uint64) {
	attrs, masks := ix.attrs[lo:hi], ix.masks[lo:hi]
	must := q.must
	for i, a := range attrs {
		if a&fmask != fval || masks[i]&must != must {
			continue
		}
		s := lo + i
		if q.scans && !ix.match(q, uint32(s), -1) {
			continue
		}
		bitmap[s>>6] |= 1 << (s & 63)
	}
}

// match reports whether slot satisfies every clause of q but skip (-1: none).
func (ix *entries) match(q *query, slot uint32, skip int) bool {
	m, dm := ix.masks[slot], ix.dmasks[slot]
	for ci := range q.clauses {
		if ci != skip && !ix.clauseMatch(&q.clauses[ci], slot, m, dm) {
			return false
		}
	}
	return true
}

// clauseMatch tests the needles of c against slot: a number is looked for
// among the packed numbers and in the text, anything else in the text.
func (ix *entries) clauseMatch(c *clause, slot uint32, m, dm uint64) bool {
	if ix.legal[slot]&c.legal != 0 {
		return true
	}
	for i := range c.needles {
		n := &c.needles[i]
		if n.digits && dm&n.dmask == n.dmask {
			if len(n.b) == 1 || numbersContain(ix.numbersOf(slot), n.b) {
				return true
			}
		}
		if m&n.mask == n.mask && (n.exact || bytes.Index(ix.textOf(slot), n.b) >= 0) {
			return true
		}
	}
	return false
}

// collect lists the set bits in name order.
//
// While slot order is name order, a result with more than three matches per
// 64 slots keeps the bitmap itself plus a count per word (12 bytes per 64
// slots) rather than a list (4 bytes per match): a one-letter query at a
// million clients then hands over 190 KB instead of 4 MB.
func (ix *entries) collect(bitmap []uint64, dense bool) *Result {
	count := 0
	for _, w := range bitmap {
		count += bits.OnesCount64(w)
	}
	if dense && ix.order == nil && count > 3*len(bitmap) {
		before := make([]uint32, len(bitmap))
		c := 0
		for i, w := range bitmap {
			before[i] = uint32(c)
			c += bits.OnesCount64(w)
		}
		return &Result{lo: ix.idLo, hi: ix.idHi, bits: bitmap, before: before, n: count}
	}
	slots := make([]uint32, 0, count)
	if ix.order == nil {
		for wi, w := range bitmap {
			for w != 0 {
				slots = append(slots, uint32(wi<<6+bits.TrailingZeros64(w)))
				w &= w - 1
			}
		}
	} else {
		for _, s := range ix.order {
			if bitmap[s>>6]&(1<<(s&63)) != 0 {
				slots = append(slots, s)
			}
		}
	}
	return &Result{lo: ix.idLo, hi: ix.idHi, slots: slots, n: len(slots)}
}

// Upsert adds or replaces the entry of id. before(other) reports whether the
// entry being placed sorts before the existing entry other (the store answers
// it from its collation keys).
//
// The old entry is tombstoned and the new one appended to the arena, so no
// rebuild happens; before is called O(log n) times, under the index's write
// lock (it must not call back into the index). The arenas are compacted
// when dead entries pass 1/32 of the index, which keeps a long session
// within the memory budget (a compaction takes about 100 ms at a million).
func (ix *Index) Upsert(id uint64, blob []byte, before func(other uint64) bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.order == nil {
		ix.order = make([]uint32, len(ix.idLo), len(ix.idLo)+len(ix.idLo)/64+256)
		for i := range ix.order {
			ix.order[i] = uint32(i)
		}
	}
	if old := ix.findLive(id); old >= 0 {
		// The dead slot stays in order (finding its place there would cost
		// a scan); queries never match it and compaction drops it.
		ix.attrs[old] |= attrDead
		ix.live--
		ix.garbage += len(part(ix.text, ix.tstart, uint32(old))) + len(ix.numbersOf(uint32(old))) + slotBytes
	}
	ix.roomForOne()
	slot := ix.appendEntry(id, blob)
	at := ix.searchOrder(before)
	if len(ix.order) == cap(ix.order) {
		ix.order = growExact(ix.order, len(ix.order)/64+256)
	}
	ix.order = slices.Insert(ix.order, at, slot)
	if ix.garbage > ix.bytes()/32 && ix.garbage > 1<<16 {
		ix.compact()
	}
}

// slotBytes is what a slot costs in the per-entry arrays.
const slotBytes = 4 + 4 + 4 + 4 + 8 + 8 + 4 + 4 // tstart nstart idLo attrs masks dmasks legal order

// bytes is the index's size as compaction weighs it: arenas and slot arrays.
func (ix *entries) bytes() int { return ix.arenaBytes + len(ix.idLo)*slotBytes }

// roomForOne grows the slot arrays by 1/64 when full: append's own growth
// (a quarter at this size) would spend megabytes of the budget on one save.
func (ix *entries) roomForOne() {
	n := len(ix.idLo)
	if n < cap(ix.idLo) && n < cap(ix.tstart) && n < cap(ix.nstart) && n < cap(ix.attrs) &&
		n < cap(ix.masks) && n < cap(ix.dmasks) && n < cap(ix.legal) && (ix.idHi == nil || n < cap(ix.idHi)) {
		return
	}
	extra := n/64 + 256
	ix.tstart = growExact(ix.tstart, extra)
	ix.nstart = growExact(ix.nstart, extra)
	ix.idLo = growExact(ix.idLo, extra)
	if ix.idHi != nil {
		ix.idHi = growExact(ix.idHi, extra)
	}
	ix.attrs = growExact(ix.attrs, extra)
	ix.masks = growExact(ix.masks, extra)
	ix.dmasks = growExact(ix.dmasks, extra)
	ix.legal = growExact(ix.legal, extra)
}

// growExact copies s into an array with exactly extra spare elements
// (slices.Grow would round up by append's rule).
func growExact[T any](s []T, extra int) []T {
	g := make([]T, len(s), len(s)+extra)
	copy(g, s)
	return g
}

// searchOrder finds where the entry being placed goes in order: the first
// live slot it sorts before. Dead slots are stepped over, since their ids
// may now belong to an entry elsewhere in the order.
func (ix *entries) searchOrder(before func(other uint64) bool) int {
	lo, hi := 0, len(ix.order)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		m := mid
		for m < hi && ix.attrs[ix.order[m]]&attrDead != 0 {
			m++
		}
		if m == hi {
			hi = mid // only dead slots in [mid, hi): the answer is at or before mid
			continue
		}
		if before(ix.id(ix.order[m])) {
			hi = mid
		} else {
			lo = m + 1
		}
	}
	return lo
}

// findLive returns the live slot of id, or -1. A scan of the 32-bit ids
// (about half a millisecond at a million) in the background applier keeps
// an id map's megabytes out of the budget.
func (ix *entries) findLive(id uint64) int {
	lo := uint32(id)
	for s, v := range ix.idLo {
		if v == lo && ix.id(uint32(s)) == id && ix.attrs[s]&attrDead == 0 {
			return s
		}
	}
	return -1
}

// compact rewrites the arenas and the slot arrays in name order without the
// dead entries. Results already handed out keep the old arrays.
func (ix *entries) compact() {
	old := ix
	nx := entries{managers: old.managers, managerSlot: old.managerSlot}
	nx.reserve(old.live)
	for _, s := range old.order {
		if old.attrs[s]&attrDead == 0 {
			nx.appendParts(old.id(s), old.textOf(s), old.numbersOf(s), old.attrs[s], old.masks[s], old.dmasks[s], old.legal[s])
		}
	}
	nx.sampleFreq()
	*ix = nx
}

// Result is an immutable list of matching ids in name order.
type Result struct {
	lo, hi []uint32 // the index's id arrays as they were; elements never change
	n      int
	slots  []uint32 // the matching slots in name order, or:
	bits   []uint64 // a bitmap over slots (slot order is name order)
	before []uint32 // matches in the words of bits before each word
}

// Len is the number of matches.
func (r *Result) Len() int { return r.n }

// ID returns the id of the i-th match.
func (r *Result) ID(i int) uint64 {
	var s uint32
	if r.bits == nil {
		s = r.slots[i]
	} else {
		if i < 0 || i >= r.n {
			panic("search: Result.ID index out of range")
		}
		// The last word with fewer matches before it than i+1, then the
		// (i-before)-th set bit in it.
		lo, hi := 0, len(r.before)
		for hi-lo > 1 {
			m := int(uint(lo+hi) >> 1)
			if int(r.before[m]) <= i {
				lo = m
			} else {
				hi = m
			}
		}
		w := r.bits[lo]
		for range i - int(r.before[lo]) {
			w &= w - 1
		}
		s = uint32(lo<<6 + bits.TrailingZeros64(w))
	}
	if r.hi != nil {
		return uint64(r.hi[s])<<32 | uint64(r.lo[s])
	}
	return uint64(r.lo[s])
}
