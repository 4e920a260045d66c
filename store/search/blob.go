package search

import (
	"bytes"
	"encoding/binary"
	"slices"

	"clientbase/model"
)

// The blob layout (the value of a name-index entry), chosen so that Build is
// a copy:
//
//	[0:8]   letter mask, little-endian (see maskOf)
//	[8:12]  manager's user id, little-endian (0: none)
//	[12]    packed quick-filter flags (see packFlags)
//	[13:]   haystack: folded tokens separated by one space
const (
	blobHeader  = 13
	maxHaystack = 1<<16 - 1 // a haystack is addressed with a uint16 length
	entrySep    = 0x00      // ends every haystack in the arena; never in folded text
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

func isWrap(b byte) bool {
	switch b {
	case '"', '\'', '(', ')', '[', ']', '{', '}', '<', '>', ',', '.', ';', ':', '!', '?':
		return true
	}
	return false
}

// haystackBuilder collects an entry's tokens; a token contained in another
// is dropped, since a query word (never spanning a space) that matches the
// shorter one matches the longer one too.
type haystackBuilder struct {
	buf    []byte   // folded text
	tokens [][]byte // slices of buf
}

func (h *haystackBuilder) addText(s string) {
	if s == "" {
		return
	}
	start := len(h.buf)
	h.buf = model.FoldSearch(h.buf, s)
	h.splitFrom(start)
}

// addDigits adds the digits of s as one token (phones, tax ids).
func (h *haystackBuilder) addDigits(s string) {
	start := len(h.buf)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			h.buf = append(h.buf, c)
		}
	}
	h.splitFrom(start)
}

func (h *haystackBuilder) addPhone(p model.Phone) {
	if p.E164 != "" {
		h.addDigits(p.E164)
	} else {
		h.addDigits(p.Raw)
	}
}

func (h *haystackBuilder) splitFrom(start int) {
	// Token slices stay valid when buf grows: appends never rewrite bytes
	// already written, and a reallocation leaves the old array untouched.
	rest := h.buf[start:]
	for len(rest) > 0 {
		i := bytes.IndexByte(rest, ' ')
		if i < 0 {
			i = len(rest)
		}
		if t := trimToken(rest[:i]); len(t) > 0 {
			h.tokens = append(h.tokens, t)
		}
		rest = rest[min(i+1, len(rest)):]
	}
}

// finish writes the kept tokens, longest first, separated by spaces, with
// the legal-form words replaced by their one-byte codes, and returns the
// letter mask of the full words.
func (h *haystackBuilder) finish(dst []byte) ([]byte, uint64) {
	toks := h.tokens
	slices.SortStableFunc(toks, func(a, b []byte) int { return len(b) - len(a) })
	kept := toks[:0]
	for _, t := range toks {
		dup := false
		for _, k := range kept {
			if bytes.Contains(k, t) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, t)
		}
	}
	var mask uint64
	start := len(dst)
	for i, t := range kept {
		if len(dst)-start+len(t)+1 > maxHaystack {
			break
		}
		mask |= maskOf(t)
		if i > 0 {
			dst = append(dst, ' ')
		}
		if code, ok := legalCode[string(t)]; ok {
			dst = append(dst, code)
		} else {
			dst = append(dst, t...)
		}
	}
	return dst, mask
}

// legalWords are the long words of legal forms, present in most full names.
// Each is kept in the haystack as one byte (legalCodeBase+index) to save a
// quarter of the arena; a query word inside one of them also looks for its code.
var legalWords = []string{
	"общество", "ограниченной", "ответственностью", "индивидуальный", "предприниматель",
	"акционерное", "публичное", "закрытое", "открытое", "хозяйство", "крестьянское", "фермерское",
	"uzdaroji", "akcine", "bendrove", "individuali", "imone", "mazoji", "bendrija", "viesoji", "istaiga",
	"limited", "liability", "company", "incorporated", "corporation", "partnership",
}

const legalCodeBase = 0xA0

var (
	legalFolded = func() (out [][]byte) {
		if len(legalWords) > 0x100-legalCodeBase {
			panic("search: too many legal words")
		}
		for _, w := range legalWords {
			out = append(out, model.FoldSearch(nil, w))
		}
		return out
	}()
	legalCode = func() map[string]byte {
		m := make(map[string]byte, len(legalFolded))
		for i, f := range legalFolded {
			m[string(f)] = byte(legalCodeBase + i)
		}
		return m
	}()
)

// ClientBlob is the value the store keeps in its name-index entry for c:
// quick-filter attributes (category, status, archived, managerID) and the folded
// haystack (name, tax id, phone digits, e-mails, city). managerID is the
// user id of c.Manager (0: none).
func ClientBlob(c *model.Client, managerID uint32) []byte {
	var h haystackBuilder
	h.buf = make([]byte, 0, 256)
	h.addText(c.ShortName)
	h.addText(c.FullName)
	h.addDigits(c.TaxID)
	h.addDigits(c.KPP)
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
	blob := make([]byte, blobHeader, blobHeader+len(h.buf)+8)
	blob, mask := h.finish(blob)
	binary.LittleEndian.PutUint64(blob[0:8], mask)
	binary.LittleEndian.PutUint32(blob[8:12], managerID)
	blob[12] = packFlags(c)
	return blob
}

// includeContacts puts contact persons' names, phones and e-mails in the
// haystack (see the memory figures in the package benchmarks).
const includeContacts = false
