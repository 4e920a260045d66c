package store

import (
	"bytes"
	"encoding/binary"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"clientbase/model"
)

// A collator keeps state between calls and is not safe for concurrent use:
// each caller borrows one from the pool.
type collator struct {
	c   *collate.Collator
	buf collate.Buffer
}

var collators = sync.Pool{New: func() any {
	return &collator{c: collate.New(language.Lithuanian, collate.IgnoreCase)}
}}

// commonSecondary is the secondary weight of a letter without accents; a run
// of them at the end of the key adds nothing but bytes.
var commonSecondary = []byte{0x00, 0x20}

// appendNameKey appends the collation key of a client's name to dst. Case is
// ignored (the primary and secondary levels only); trailing common secondary
// weights and then an empty secondary level are trimmed, which keeps order
// (the common weight is the smallest) and halves the key.
func appendNameKey(dst []byte, name string) []byte {
	col := collators.Get().(*collator)
	k := col.c.KeyFromString(&col.buf, name)
	sep := bytes.Index(k, []byte{0, 0})
	if sep >= 0 {
		primary, secondary := k[:sep], k[sep+2:]
		for bytes.HasSuffix(secondary, commonSecondary) {
			secondary = secondary[:len(secondary)-2]
		}
		dst = append(dst, primary...)
		if len(secondary) > 0 {
			dst = append(dst, 0, 0)
			dst = append(dst, secondary...)
		}
	} else {
		dst = append(dst, k...)
	}
	col.buf.Reset()
	collators.Put(col)
	return dst
}

// nameIndexKey is the idx_client_name key: the collation key of the name
// without its legal form (model.SortName: «ООО «Север»» files under С) 0x00 id.
func nameIndexKey(name string, id uint64) []byte {
	return appendNameIndexKey(make([]byte, 0, 2*len(name)+16), name, id)
}

// appendNameIndexKey appends the idx_client_name key to dst (a bulk load
// keys a million names into shared arenas).
func appendNameIndexKey(dst []byte, name string, id uint64) []byte {
	dst = appendNameKey(dst, model.SortName(name))
	dst = append(dst, 0)
	return binary.BigEndian.AppendUint64(dst, id)
}
