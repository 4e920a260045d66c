// Package csvio reads and writes the CSV files a department trades with
// Excel, LibreOffice and 1C: UTF-8 with or without a BOM or Windows-1251,
// "," or ";" (or tab) delimited, quoted fields with newlines, decimal comma
// or dot, dates as dd.mm.yyyy or ISO, columns matched by their header names
// in English or Russian. A bad row is reported with its line number and
// never stops the rows after it.
package csvio

import (
	"errors"
	"io"
	"time"
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

// Reader reads the data rows of one file.
type Reader struct {
	encoding  string
	delimiter rune
	header    []string
}

// NewReader detects the encoding and the delimiter, reads the header and
// matches it to cols. A file without a required column, or one that is
// not text, is an error whose sentence names what is wrong.
func NewReader(r io.Reader, cols []Column, opts Options) (*Reader, error) {
	return nil, ErrNotImplemented
}

// Next is the next data row; io.EOF after the last. A row that cannot be
// read is a *RowError, and the reader goes on with the next row. Empty
// lines are skipped.
func (r *Reader) Next() (Row, error) { return Row{}, io.EOF }

// Encoding is the file's encoding as detected or given ("utf-8", "utf-8-bom", "windows-1251").
func (r *Reader) Encoding() string { return r.encoding }

// Delimiter is the file's delimiter.
func (r *Reader) Delimiter() rune { return r.delimiter }

// Header is the file's header row as written.
func (r *Reader) Header() []string { return r.header }

// Writer writes CSV: "," and UTF-8 without a BOM, or for Excel (excel
// true) a UTF-8 BOM and ";" so Excel and LibreOffice open Cyrillic intact.
type Writer struct{}

// NewWriter writes to w.
func NewWriter(w io.Writer, excel bool) *Writer { return &Writer{} }

// Write writes one row.
func (w *Writer) Write(fields []string) error { return ErrNotImplemented }

// Flush writes what is buffered and reports the first error.
func (w *Writer) Flush() error { return ErrNotImplemented }

// ParseDate reads dd.mm.yyyy, dd.mm.yy, yyyy-mm-dd, dd/mm/yyyy, each
// optionally followed by a time (hh:mm or hh:mm:ss), or RFC 3339, in loc.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	return time.Time{}, ErrNotImplemented
}
