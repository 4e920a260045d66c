// Package search is the resident in-memory client search index: compact,
// built from the store's name index in the background, queried per keystroke.
// It does not import bbolt.
//
// Every client's folded haystack (see ClientBlob) lives in one arena of
// 4 MiB chunks, each haystack ended by a 0x00 byte; beside it sit compact
// per-entry arrays (slot → arena offset, length, id, packed quick-filter
// attributes, letter mask). A query walks the slots on every core: the
// attributes and the letter mask reject most entries without touching the
// arena, and a one-letter query is answered by the mask alone.
package search

import (
	"context"
	"encoding/binary"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"clientbase/model"
)

const (
	chunkBits = 22
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
	chunks     [][]byte // the arena
	starts     []uint32 // slot → arena offset: chunk<<chunkBits | offset in chunk
	lens       []uint16 // slot → haystack length
	ids        []uint64 // slot → client id; an element is never changed once written
	attrs      []uint32 // slot → manager slot | flags (see attr* constants)
	masks      []uint64 // slot → letter mask of the haystack
	chunkFirst []uint32 // chunk → its first slot
	// freq counts bytes in a sample of the arena: a query scans for the
	// rarest byte of its needle.
	freq [256]uint32
	// order lists the live slots in name order; nil while the slots
	// themselves are in name order with none dead (after Build and compaction).
	order []uint32

	live       int
	arenaBytes int // haystack bytes in the arena, separators included
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
	ix.starts = make([]uint32, 0, n)
	ix.lens = make([]uint16, 0, n)
	ix.ids = make([]uint64, 0, n)
	ix.attrs = make([]uint32, 0, n)
	ix.masks = make([]uint64, 0, n)
}

// clip drops spare capacity left by append's doubling when sizeHint was
// off: it would count against the index's memory budget.
func (ix *entries) clip() {
	n := len(ix.ids)
	if cap(ix.ids) <= n+n/16+64 {
		return
	}
	ix.starts = slices.Clone(ix.starts)
	ix.lens = slices.Clone(ix.lens)
	ix.ids = slices.Clone(ix.ids)
	ix.attrs = slices.Clone(ix.attrs)
	ix.masks = slices.Clone(ix.masks)
}

// appendEntry adds a slot for (id, blob) at the end of the arena.
func (ix *entries) appendEntry(id uint64, blob []byte) uint32 {
	var header [blobHeader]byte
	hay := []byte(nil)
	if len(blob) >= blobHeader {
		copy(header[:], blob)
		hay = blob[blobHeader:]
		if len(hay) > maxHaystack {
			hay = hay[:maxHaystack]
		}
	}
	off := ix.place(hay)
	slot := uint32(len(ix.ids))
	ix.starts = append(ix.starts, off)
	ix.lens = append(ix.lens, uint16(len(hay)))
	ix.ids = append(ix.ids, id)
	mgr := ix.managerSlotOf(binary.LittleEndian.Uint32(header[8:12]))
	ix.attrs = append(ix.attrs, uint32(mgr)|uint32(header[12])<<16&^attrDead)
	ix.masks = append(ix.masks, binary.LittleEndian.Uint64(header[0:8]))
	ix.live++
	return slot
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

func (ix *entries) haystack(slot uint32) []byte {
	off := ix.starts[slot]
	c := ix.chunks[off>>chunkBits]
	o := off & chunkMask
	return c[o : o+uint32(ix.lens[slot])]
}

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
	n := len(ix.ids)
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
	return ix.collect(bitmap), nil
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

// scan sets the bitmap bits of the matching slots in [lo, hi).
func (ix *entries) scan(q *query, fmask, fval uint32, lo, hi int, bitmap []uint64) {
	attrs, masks := ix.attrs[lo:hi], ix.masks[lo:hi]
	must := q.must
	for i, a := range attrs {
		if a&fmask != fval || masks[i]&must != must {
			continue
		}
		s := lo + i
		if q.scans && !q.match(ix.haystack(uint32(s)), masks[i], -1) {
			continue
		}
		bitmap[s>>6] |= 1 << (s & 63)
	}
}

// collect lists the set bits in name order.
func (ix *entries) collect(bitmap []uint64) *Result {
	count := 0
	for _, w := range bitmap {
		count += bits.OnesCount64(w)
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
	return &Result{ids: ix.ids, slots: slots}
}

// Upsert adds or replaces the entry of id. before(other) reports whether the
// entry being placed sorts before the existing entry other (the store answers
// it from its collation keys).
//
// The old entry is tombstoned and the new one appended to the arena, so no
// rebuild happens; before is called O(log n) times, under the index's write
// lock (it must not call back into the index). The arena is compacted when
// dead haystacks pass a quarter of it.
func (ix *Index) Upsert(id uint64, blob []byte, before func(other uint64) bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.order == nil {
		ix.order = make([]uint32, len(ix.ids), len(ix.ids)+len(ix.ids)/8+16)
		for i := range ix.order {
			ix.order[i] = uint32(i)
		}
	}
	if old := ix.findLive(id); old >= 0 {
		ix.attrs[old] |= attrDead
		ix.live--
		ix.garbage += int(ix.lens[old]) + 1
		if at := slices.Index(ix.order, uint32(old)); at >= 0 {
			ix.order = slices.Delete(ix.order, at, at+1)
		}
	}
	slot := ix.appendEntry(id, blob)
	at := sort.Search(len(ix.order), func(i int) bool { return before(ix.ids[ix.order[i]]) })
	ix.order = slices.Insert(ix.order, at, slot)
	if ix.garbage > ix.arenaBytes/4 && ix.garbage > 1<<16 {
		ix.compact()
	}
}

// findLive returns the live slot of id, or -1. A linear scan (about a
// millisecond at a million clients) keeps the index free of an id map that
// would cost tens of megabytes.
func (ix *entries) findLive(id uint64) int {
	for s, v := range ix.ids {
		if v == id && ix.attrs[s]&attrDead == 0 {
			return s
		}
	}
	return -1
}

// compact rewrites the arena and the slot arrays in name order without the
// dead entries. Results already handed out keep the old arrays.
func (ix *entries) compact() {
	old := ix
	nx := entries{managers: old.managers, managerSlot: old.managerSlot}
	nx.reserve(len(old.order))
	for _, s := range old.order {
		off := nx.place(old.haystack(s))
		nx.starts = append(nx.starts, off)
		nx.lens = append(nx.lens, old.lens[s])
		nx.ids = append(nx.ids, old.ids[s])
		nx.attrs = append(nx.attrs, old.attrs[s])
		nx.masks = append(nx.masks, old.masks[s])
	}
	nx.live = len(old.order)
	nx.sampleFreq()
	*ix = nx
}

// place copies hay and its separator into the arena and returns its offset.
func (ix *entries) place(hay []byte) uint32 {
	need := len(hay) + 1
	last := len(ix.chunks) - 1
	if last < 0 || len(ix.chunks[last])+need > chunkSize {
		ix.chunks = append(ix.chunks, make([]byte, 0, chunkSize))
		ix.chunkFirst = append(ix.chunkFirst, uint32(len(ix.ids)))
		last++
	}
	c := ix.chunks[last]
	off := uint32(last)<<chunkBits | uint32(len(c))
	c = append(c, hay...)
	ix.chunks[last] = append(c, entrySep)
	ix.arenaBytes += need
	return off
}

// Result is an immutable list of matching ids in name order.
type Result struct {
	ids   []uint64 // the index's id array as it was; elements never change
	slots []uint32
}

// Len is the number of matches.
func (r *Result) Len() int { return len(r.slots) }

// ID returns the id of the i-th match.
func (r *Result) ID(i int) uint64 { return r.ids[r.slots[i]] }
