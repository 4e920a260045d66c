// Package csvio reads and writes the CSV files a department trades with
// Excel, LibreOffice and 1C: UTF-8 with or without a BOM or Windows-1251,
// "," or ";" (or tab) delimited, quoted fields with newlines, decimal comma
// or dot, dates as dd.mm.yyyy or ISO, columns matched by their header names
// in English or Russian. A bad row is reported with its line number and
// never stops the rows after it.
package csvio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"clientbase/model"
)

// Column is one column a kind reads: its canonical name (the English
// header clientbase writes) and the other header names it is known by
// (e.g. "ИНН", "Наименование"), compared case- and space-insensitively.
type Column struct {
	Name     string
	Aliases  []string
	Required bool
}

// Options say how to read a file; zero values detect.
type Options struct {
	Encoding  string            // "", "utf-8", "windows-1251" (also "cp1251")
	Delimiter rune              // 0: detected among ',', ';' and tab
	Map       map[string]string // header as in the file → canonical name (the --map flag); wins over aliases
}

// Row is one data row: its line in the file (1-based, the line it starts
// on) and its values by canonical column name (columns the file lacks are
// absent; values are trimmed).
type Row struct {
	Line   int
	Values map[string]string
}

// Get is the value of column name, "" when absent.
func (r Row) Get(name string) string { return r.Values[name] }

// RowError is a row that cannot be read (a wrong number of fields, invalid
// text in its encoding): its line and the reason as a sentence.
type RowError struct {
	Line   int
	Reason string
}

func (e *RowError) Error() string { return e.Reason }

// ErrNotImplemented marks the parts still to be written.
var ErrNotImplemented = errors.New("csvio: not implemented")

// Encodings as Reader.Encoding names them.
const (
	UTF8        = "utf-8"
	UTF8BOM     = "utf-8-bom"
	Windows1251 = "windows-1251"
)

// sniffSize is how much of a file the encoding and the delimiter are
// detected from; the rest streams.
const sniffSize = 64 << 10

var bom = []byte{0xEF, 0xBB, 0xBF}

// Reader reads the data rows of one file.
type Reader struct {
	encoding  string
	delimiter rune
	header    []string

	cr      *csv.Reader
	checkU8 bool     // UTF-8 text: a row with invalid bytes is a RowError
	cols    []string // canonical name of each field of the header ("" ignored)
	used    int      // how many fields have a column
	width   int      // fields in the header
}

// NewReader detects the encoding and the delimiter, reads the header and
// matches it to cols. A file without a required column, or one that is
// not text, is an error whose sentence names what is wrong.
func NewReader(r io.Reader, cols []Column, opts Options) (*Reader, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	prefix, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, model.Sentencef(nil, "exch.csv.read", err.Error())
	}
	rd := &Reader{}
	full := len(prefix) == sniffSize // the prefix may end inside a character
	hasBOM := bytes.HasPrefix(prefix, bom)
	if hasBOM {
		br.Discard(len(bom))
		prefix = prefix[len(bom):]
	}
	if bytes.HasPrefix(prefix, []byte{0xFF, 0xFE}) || bytes.HasPrefix(prefix, []byte{0xFE, 0xFF}) {
		return nil, model.Sentencef(nil, "exch.csv.utf16")
	}
	if bytes.IndexByte(prefix, 0) >= 0 {
		return nil, model.Sentencef(nil, "exch.csv.binary")
	}
	enc, err := encodingName(opts.Encoding)
	if err != nil {
		return nil, err
	}
	if enc == "" {
		switch {
		case hasBOM:
			enc = UTF8
		case validPrefix(prefix, full):
			enc = UTF8
		default:
			enc = Windows1251
		}
	}
	var src io.Reader = br
	switch enc {
	case UTF8:
		rd.encoding = UTF8
		if hasBOM {
			rd.encoding = UTF8BOM
		}
		rd.checkU8 = true
	case Windows1251:
		rd.encoding = Windows1251
		src = bufio.NewReaderSize(charmap.Windows1251.NewDecoder().Reader(br), sniffSize)
	}
	rd.delimiter = opts.Delimiter
	if rd.delimiter == 0 {
		rd.delimiter = detectDelimiter(prefix)
	}
	if rd.delimiter == '"' || rd.delimiter == '\r' || rd.delimiter == '\n' || !validDelim(rd.delimiter) {
		return nil, model.Sentencef(nil, "exch.csv.bad_delimiter", string(rd.delimiter))
	}
	cr := csv.NewReader(src)
	cr.Comma = rd.delimiter
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	rd.cr = cr

	var head []string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil, model.Sentencef(nil, "exch.csv.empty")
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, model.Sentencef(nil, "exch.csv.bad_header", pe.StartLine, parseReason(pe.Err))
			}
			return nil, model.Sentencef(nil, "exch.csv.read", err.Error())
		}
		if blank(rec) {
			continue
		}
		head = append([]string(nil), rec...)
		break
	}
	if rd.checkU8 {
		for _, h := range head {
			if !utf8.ValidString(h) {
				return nil, model.Sentencef(nil, "exch.csv.header_utf8")
			}
		}
	}
	for i := range head {
		head[i] = strings.TrimSpace(strings.TrimPrefix(head[i], "\uFEFF"))
	}
	rd.header = head
	if err := rd.match(cols, opts.Map); err != nil {
		return nil, err
	}
	return rd, nil
}

func validDelim(r rune) bool {
	return r != utf8.RuneError && utf8.ValidRune(r) && r != 0xFFFD
}

// validPrefix says whether a file's first bytes are UTF-8; cut says the
// prefix may end inside a character.
func validPrefix(p []byte, cut bool) bool {
	if utf8.Valid(p) {
		return true
	}
	// A UTF-8 file with a few bad bytes (each such row a RowError) still
	// has more characters of several bytes than bad ones; Windows-1251
	// Cyrillic almost never forms one.
	multi, bad := 0, 0
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			if cut && len(p)-i < utf8.UTFMax && !utf8.FullRune(p[i:]) {
				i = len(p)
				continue
			}
			bad++
		case n > 1:
			multi++
		}
		i += n
	}
	return multi > bad
}

// encodingName is the encoding opts names ("" to detect).
func encodingName(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "utf-8", "utf8", "utf-8-bom", "utf8-bom":
		return UTF8, nil
	case "windows-1251", "cp1251", "1251", "win1251", "win-1251":
		return Windows1251, nil
	}
	return "", model.Sentencef(nil, "exch.csv.bad_encoding", s)
}

// detectDelimiter is the most frequent of ',', ';' and tab outside quotes
// on the file's first non-empty line (',' when none).
func detectDelimiter(p []byte) rune {
	var n [3]int
	inQ := false
	seen := false
	for _, c := range p {
		if c == '"' {
			inQ = !inQ
			seen = true
			continue
		}
		if inQ {
			continue
		}
		switch c {
		case '\n', '\r':
			if seen {
				goto done
			}
			continue
		case ',':
			n[0]++
		case ';':
			n[1]++
		case '\t':
			n[2]++
		}
		if c != ' ' {
			seen = true
		}
	}
done:
	best, r := 0, ','
	for i, d := range []rune{',', ';', '\t'} {
		if n[i] > best {
			best, r = n[i], d
		}
	}
	return r
}

// Normalize is a header name as it is compared: trimmed, lower-cased,
// inner spaces collapsed, ё as е, no BOM.
func Normalize(s string) string {
	s = strings.ReplaceAll(s, "\uFEFF", "")
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.ReplaceAll(s, "ё", "е")
}

// match maps the header's fields to cols.
func (rd *Reader) match(cols []Column, m map[string]string) error {
	known := map[string]string{} // normalised name or alias → canonical
	for _, c := range cols {
		for _, a := range c.Aliases {
			known[Normalize(a)] = c.Name
		}
	}
	for _, c := range cols { // a canonical name wins over another column's alias
		known[Normalize(c.Name)] = c.Name
	}
	mapped := map[string]string{}
	for from, to := range m {
		canon, ok := known[Normalize(to)]
		if !ok {
			return model.Sentencef(nil, "exch.csv.map_unknown", to, columnNames(cols))
		}
		mapped[Normalize(from)] = canon
	}
	rd.width = len(rd.header)
	rd.cols = make([]string, len(rd.header))
	seenHead := map[string]int{}
	at := map[string]int{}
	for i, h := range rd.header {
		n := Normalize(h)
		if n == "" {
			continue
		}
		if j, ok := seenHead[n]; ok {
			return model.Sentencef(nil, "exch.csv.dup_header", h, j+1, i+1)
		}
		seenHead[n] = i
		canon, ok := mapped[n]
		if !ok {
			canon = known[n]
		}
		if canon == "" {
			continue
		}
		if j, ok := at[canon]; ok {
			return model.Sentencef(nil, "exch.csv.dup_column", rd.header[j], h, canon)
		}
		at[canon] = i
		rd.cols[i] = canon
		rd.used++
	}
	var missing []string
	for _, c := range cols {
		if _, ok := at[c.Name]; c.Required && !ok {
			missing = append(missing, c.Name)
		}
	}
	if len(missing) > 0 {
		return model.Sentencef(nil, "exch.csv.missing", strings.Join(missing, ", "), quoteList(rd.header))
	}
	return nil
}

func columnNames(cols []Column) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

func quoteList(h []string) string {
	q := make([]string, 0, len(h))
	for _, s := range h {
		if s != "" {
			q = append(q, "\""+s+"\"")
		}
	}
	if len(q) == 0 {
		return model.T("exch.csv.none")
	}
	return strings.Join(q, ", ")
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// parseReason is a csv.ParseError's cause as a sentence's clause.
func parseReason(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return model.T("exch.csv.bare_quote")
	case errors.Is(err, csv.ErrQuote):
		return model.T("exch.csv.quote")
	}
	return err.Error()
}

// Next is the next data row; io.EOF after the last. A row that cannot be
// read is a *RowError, and the reader goes on with the next row. Empty
// lines are skipped.
func (rd *Reader) Next() (Row, error) {
	for {
		rec, err := rd.cr.Read()
		if err != nil {
			if err == io.EOF {
				return Row{}, io.EOF
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return Row{}, &RowError{Line: pe.StartLine, Reason: model.T("exch.csv.row_parse", pe.StartLine, parseReason(pe.Err))}
			}
			return Row{}, model.Sentencef(nil, "exch.csv.read", err.Error())
		}
		if blank(rec) {
			continue
		}
		line, _ := rd.cr.FieldPos(0)
		if len(rec) != rd.width && !(len(rec) > rd.width && blank(rec[rd.width:])) {
			if len(rec) > rd.width {
				return Row{}, &RowError{Line: line, Reason: model.T("exch.csv.field_count", line, len(rec), rd.width, string(rd.delimiter))}
			}
			return Row{}, &RowError{Line: line, Reason: model.T("exch.csv.field_short", line, len(rec), rd.width)}
		}
		if rd.checkU8 {
			for i, f := range rec {
				if !utf8.ValidString(f) {
					name := ""
					if i < len(rd.header) {
						name = rd.header[i]
					}
					return Row{}, &RowError{Line: line, Reason: model.T("exch.csv.row_utf8", line, i+1, name)}
				}
			}
		}
		vals := make(map[string]string, rd.used)
		for i, c := range rd.cols {
			if c != "" {
				vals[c] = cleanValue(rec[i])
			}
		}
		return Row{Line: line, Values: vals}, nil
	}
}

// Encoding is the file's encoding as detected or given ("utf-8", "utf-8-bom", "windows-1251").
func (rd *Reader) Encoding() string { return rd.encoding }

// Delimiter is the file's delimiter.
func (rd *Reader) Delimiter() rune { return rd.delimiter }

// Header is the file's header row as written.
func (rd *Reader) Header() []string { return rd.header }

// Columns are the canonical names the header matched, in the file's order.
func (rd *Reader) Columns() []string {
	var out []string
	for _, c := range rd.cols {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// Writer writes CSV: "," and UTF-8 without a BOM, or for Excel (excel
// true) a UTF-8 BOM and ";" so Excel and LibreOffice open Cyrillic intact.
type Writer struct {
	bw  *bufio.Writer
	cw  *csv.Writer
	tmp []string
}

// NewWriter writes to w.
func NewWriter(w io.Writer, excel bool) *Writer {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw) // a big enough bufio.Writer is used as it is
	if excel {
		bw.Write(bom)
		cw.Comma = ';'
		cw.UseCRLF = true
	}
	return &Writer{bw: bw, cw: cw}
}

// Write writes one row. A carriage return in a value is written as a
// line feed (encoding/csv would drop it).
func (w *Writer) Write(fields []string) error {
	for i, f := range fields {
		if strings.IndexByte(f, '\r') >= 0 {
			if w.tmp == nil {
				w.tmp = make([]string, 0, len(fields))
			}
			w.tmp = append(w.tmp[:0], fields...)
			for j := i; j < len(fields); j++ {
				w.tmp[j] = lineFeeds(fields[j])
			}
			return w.cw.Write(w.tmp)
		}
	}
	return w.cw.Write(fields)
}

// lineFeeds turns CRLF and lone CRs into LFs.
func lineFeeds(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// cleanValue is a field as a Row holds it: trimmed, line ends as LF.
func cleanValue(s string) string { return strings.TrimSpace(lineFeeds(s)) }

// Flush writes what is buffered and reports the first error.
func (w *Writer) Flush() error {
	w.cw.Flush()
	if err := w.cw.Error(); err != nil {
		return err
	}
	return w.bw.Flush()
}
