package search

import (
	"bytes"
	"slices"
	"strings"

	"clientbase/model"
)

// A query is an AND of clauses; a clause is an OR of needles. A plain word
// is a clause of itself (or the legal-form words containing it);
// a run of phone-like words is one clause of its phone digit variants, the
// first of which is the typed digits themselves (tax ids, numbers).
type query struct {
	clauses []clause
	must    uint64 // letter-mask bits every match has: the cheap first test
	scans   bool   // whether any clause needs the haystack, not just the mask
}

type clause struct {
	needles []needle
	legal   uint32 // or any of these legal-form words (see legalWords)
	exact   bool   // some needle is decided by the mask alone
	digits  bool   // every needle is a number
}

type needle struct {
	b      []byte
	mask   uint64 // letter-mask bits a text holding b has
	exact  bool   // one letter with a mask bit of its own: the mask decides
	digits bool   // only digits: also looked for among the numbers
	dmask  uint64 // digit-mask bits numbers holding b have
}

func newNeedle(b []byte) needle {
	n := needle{b: b, mask: maskOf(b), exact: len(b) == 1 && exactBit(b[0]), digits: true}
	for _, c := range b {
		n.digits = n.digits && c >= '0' && c <= '9'
	}
	if n.digits {
		n.dmask = digitMask(b)
	}
	return n
}

// add appends n unless a needle already in c is inside it (then every entry
// n would find is found anyway), dropping needles that contain n.
func (c *clause) add(n needle) {
	for _, o := range c.needles {
		if bytes.Contains(n.b, o.b) {
			return
		}
	}
	c.needles = slices.DeleteFunc(c.needles, func(o needle) bool { return bytes.Contains(o.b, n.b) })
	c.needles = append(c.needles, n)
	c.exact = c.exact || n.exact
	c.digits = true
	for _, o := range c.needles {
		c.digits = c.digits && o.digits
	}
}

// wordClause matches a folded word in the text, or any legal-form word
// that contains it.
func wordClause(w []byte) clause {
	var c clause
	c.add(newNeedle(w))
	if c.exact {
		return c // the mask counts the letters of legal-form words too
	}
	for i, lw := range legalFolded {
		if bytes.Contains(lw, w) {
			c.legal |= 1 << i
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
			// A phone typed with spaces ("+7 912 345") is one clause of digits.
			if variants := model.PhoneQueryDigits(strings.Join(words[i:j], " ")); variants != nil {
				var c clause
				for _, v := range variants {
					c.add(newNeedle([]byte(v)))
				}
				q.clauses = append(q.clauses, c)
				i = j
				continue
			}
		}
		for _, t := range literalWords(words[i]) {
			q.clauses = append(q.clauses, wordClause(t))
		}
		i++
	}
	for _, c := range q.clauses {
		common := ^uint64(0)
		for _, n := range c.needles {
			if n.digits {
				common = 0 // may be among the numbers, which the letter mask does not see
			}
			common &= n.mask
		}
		q.must |= common
		q.scans = q.scans || !c.exact || len(c.needles) > 1 || c.legal != 0
	}
	return q
}
