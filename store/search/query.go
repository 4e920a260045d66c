package search

import (
	"bytes"
	"strings"

	"clientbase/model"
)

// A query is an AND of clauses; a clause is an OR of alternatives; an
// alternative is an AND of needles. A plain word is a clause of one needle;
// a run of phone-like words is one clause whose alternatives are the phone
// digit variants and the words themselves taken literally (tax ids, numbers).
type query struct {
	clauses []clause
	must    uint64 // letter-mask bits every match has: the cheap first test
	scans   bool   // whether any clause needs the haystack, not just the mask
}

type clause struct{ alts []alt }

type alt struct {
	mask    uint64 // bits of all its needles
	needles []needle
}

type needle struct {
	b     []byte
	exact bool // one letter with a mask bit of its own: the mask decides
}

func newAlt(words ...[]byte) alt {
	var a alt
	for _, w := range words {
		a.mask |= maskOf(w)
		a.needles = append(a.needles, needle{b: w, exact: len(w) == 1 && exactBit(w[0])})
	}
	return a
}

// wordClause matches a folded word in the haystack, or the code of any
// legal-form word that contains it.
func wordClause(w []byte) clause {
	c := clause{alts: []alt{newAlt(w)}}
	for i, lw := range legalFolded {
		if bytes.Contains(lw, w) {
			c.alts = append(c.alts, alt{
				mask:    maskOf(lw),
				needles: []needle{{b: []byte{byte(legalCodeBase + i)}}},
			})
		}
	}
	return c
}

// literalWords folds a typed word into the needles it stands for: folding
// can leave spaces (a no-break space), and wrapping punctuation is trimmed as
// in the haystack.
func literalWords(w string) [][]byte {
	var out [][]byte
	for _, f := range bytes.Split(model.FoldSearch(nil, w), []byte{' '}) {
		if t := trimToken(f); len(t) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// isPhoneWord reports whether w can be part of a typed phone number.
func isPhoneWord(w string) bool {
	digit := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case c == '+' || c == '(' || c == ')' || c == '-':
		default:
			return false
		}
	}
	return digit
}

func parseQuery(text string) query {
	var q query
	words := strings.Fields(text)
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && isPhoneWord(words[j]) {
			j++
		}
		if j > i {
			if variants := model.PhoneQueryDigits(strings.Join(words[i:j], " ")); variants != nil {
				var c clause
				for _, v := range variants {
					c.alts = append(c.alts, newAlt([]byte(v)))
				}
				var lits [][]byte
				for _, w := range words[i:j] {
					lits = append(lits, literalWords(w)...)
				}
				if len(lits) > 0 {
					c.alts = append(c.alts, newAlt(lits...))
				}
				q.clauses = append(q.clauses, c)
				i = j
				continue
			}
			j = i + 1
		} else {
			j = i + 1
		}
		for _, w := range words[i:j] {
			for _, t := range literalWords(w) {
				q.clauses = append(q.clauses, wordClause(t))
			}
		}
		i = j
	}
	for _, c := range q.clauses {
		common := ^uint64(0)
		for _, a := range c.alts {
			common &= a.mask
			for _, n := range a.needles {
				q.scans = q.scans || !n.exact
			}
		}
		q.must |= common
		q.scans = q.scans || len(c.alts) > 1
	}
	return q
}

// match reports whether an entry's haystack (with its letter mask m) satisfies q.
func (q *query) match(hay []byte, m uint64) bool {
	for ci := range q.clauses {
		if !q.clauses[ci].match(hay, m) {
			return false
		}
	}
	return true
}

func (c *clause) match(hay []byte, m uint64) bool {
	for ai := range c.alts {
		a := &c.alts[ai]
		if m&a.mask != a.mask {
			continue
		}
		ok := true
		for _, n := range a.needles {
			if !n.exact && bytes.Index(hay, n.b) < 0 {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
