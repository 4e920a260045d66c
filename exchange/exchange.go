// Package exchange moves the department's records in and out of files:
// CSV (Excel, LibreOffice, 1C), JSON, vCard and iCalendar. Import reads a
// file of one kind into the database in batches (one transaction each),
// matching records by their external code so a second run updates
// instead of duplicating; Export writes one kind and notes it in the
// audit log. The kinds register themselves (clients.go, orders.go, ...).
package exchange

import (
	"context"
	"io"
	"time"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// Kind is a kind of record a file holds.
type Kind string

const (
	Clients         Kind = "clients"
	Contacts        Kind = "contacts"
	Products        Kind = "products"
	Orders          Kind = "orders" // import: one row per order line; export: one row per order with its totals
	OrderLines      Kind = "order_lines"
	Payments        Kind = "payments"
	Receivables     Kind = "receivables"
	Complaints      Kind = "complaints"
	Plan            Kind = "plan"
	Interactions    Kind = "interactions"
	ComplaintReport Kind = "complaint_report"
)

// Format is an export's file format.
type Format string

const (
	CSV   Format = "csv"
	JSON  Format = "json"  // an array of objects keyed by the CSV's column names
	VCard Format = "vcard" // contacts only
	ICS   Format = "ics"   // the plan only
)

// ImportOptions say how to read a file.
type ImportOptions struct {
	DryRun    bool              // read, match and check everything; write nothing
	Encoding  string            // "" detects
	Delimiter rune              // 0 detects
	Map       map[string]string // header in the file → column name
	BatchSize int               // records per transaction; 0: the kind's default
	File      string            // the input's path: the report of rejected rows goes next to it ("" none)
	Preview   int               // keep this many lines of every action in the report (the TUI's preview); 0: rejected only
}

// ExportOptions say what to write.
type ExportOptions struct {
	Format   Format
	Excel    bool           // CSV for Excel: UTF-8 BOM and ";"
	User     string         // plan, interactions: one person's ("" everyone's, or one's own for the ics)
	From, To time.Time      // a period where the kind has dates (zero: all)
	Loc      *time.Location // dates and times in files; nil: time.Local
}

// importer is how one kind is imported (registered by its file's init).
type importer struct {
	columns []csvio.Column
	batch   int // default records per transaction
	// parse turns a row into a record to write and its key (external code,
	// tax id, order number); an error rejects the row with its sentence.
	parse func(row csvio.Row, opts ImportOptions) (item any, key string, err error)
	// merge, when set, makes one record of the rows that share a key (an
	// order's lines): next is added to into.
	merge func(into, next any) (any, error)
	// write stores a batch in one transaction (dry: rolled back) and says
	// what happened to each record, in order.
	write func(s *store.Session, items []any, dryRun bool) ([]store.ImportResult, error)
}

// exporter is how one kind is exported (registered by its file's init).
type exporter struct {
	columns []string // the CSV header and the JSON keys
	// each emits the rows in a stable order (a re-export of the same data
	// is the same file).
	each func(ctx context.Context, s *store.Session, opts ExportOptions, emit func(row []string) error) error
	// write, when set, writes a format of its own (vCard, iCalendar).
	write func(ctx context.Context, s *store.Session, opts ExportOptions, w io.Writer) (int, error)
	// allowed, when set, replaces the bulk-export right check (one's own plan).
	allowed func(s *store.Session, opts ExportOptions) error
}

var (
	importers = map[Kind]importer{}
	exporters = map[Kind]exporter{}
)

func registerImport(k Kind, im importer) { importers[k] = im }
func registerExport(k Kind, ex exporter) { exporters[k] = ex }

// Import reads a file of kind into the database (the driver: import.go).
func Import(ctx context.Context, s *store.Session, kind Kind, r io.Reader, opts ImportOptions) (model.ImportReport, error) {
	return doImport(ctx, s, kind, r, opts)
}

// Export writes kind to w and notes it in the audit log; it returns how
// many records it wrote (the driver: export.go).
func Export(ctx context.Context, s *store.Session, kind Kind, w io.Writer, opts ExportOptions) (int, error) {
	return doExport(ctx, s, kind, w, opts)
}
