// Package exchange is the data in/out pane: import a file of clients,
// contacts, products, orders or payments after a preview (a dry run that
// shows what would be created, updated, left or rejected, and why), and
// export any kind to CSV, CSV for Excel, JSON, vCard or iCalendar. The root
// opens it with X over the tabs (head and director: model.ActDataImport,
// model.ActDataExport) and drops it once Closed.
package exchange

import (
	"context"
	"os"

	"charm.land/bubbles/v2/textinput"

	"clientbase/exchange"
	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/styles"
)

// Mode is the pane's side: reading a file in or writing one out.
type Mode int

const (
	ModeImport Mode = iota
	ModeExport
)

// stage is where the import side is.
type stage int

const (
	stForm       stage = iota // choosing kind, file and encoding
	stPreviewing              // the dry run is reading the file
	stPreview                 // the dry run's counts and rows are shown
	stImporting               // the import is writing
	stDone                    // the import's result is shown
)

// field is one line of a form.
type field int

const (
	fKind field = iota
	fFile
	fEncoding // import
	fFormat   // export
)

// choice is one value of a choice field and its label.
type choice struct {
	value string
	label string
}

// previewRows is how many rows of each action the preview keeps.
const previewRows = 20

var (
	importKinds = []exchange.Kind{exchange.Clients, exchange.Contacts, exchange.Products, exchange.Orders, exchange.Payments}
	exportKinds = []exchange.Kind{exchange.Clients, exchange.Contacts, exchange.Products, exchange.Orders, exchange.OrderLines,
		exchange.Payments, exchange.Receivables, exchange.Complaints, exchange.Plan, exchange.Interactions, exchange.ComplaintReport}
	encodings = []string{"", "utf-8", "windows-1251"}
)

// format is an export format as the pane offers it: CSV for Excel is CSV
// with a BOM and ";".
type format struct {
	format exchange.Format
	excel  bool
	ext    string
	key    string // its label's message key
}

var (
	fmtCSV   = format{exchange.CSV, false, "csv", "exch.ui.format.csv"}
	fmtExcel = format{exchange.CSV, true, "csv", "exch.ui.format.excel"}
	fmtJSON  = format{exchange.JSON, false, "json", "exch.ui.format.json"}
	fmtVCard = format{exchange.VCard, false, "vcf", "exch.ui.format.vcard"}
	fmtICS   = format{exchange.ICS, false, "ics", "exch.ui.format.ics"}
)

// formatsFor are the formats kind can be written in.
func formatsFor(k exchange.Kind) []format {
	switch k {
	case exchange.Contacts:
		return []format{fmtCSV, fmtExcel, fmtJSON, fmtVCard}
	case exchange.Plan:
		return []format{fmtCSV, fmtExcel, fmtJSON, fmtICS}
	}
	return []format{fmtCSV, fmtExcel, fmtJSON}
}

// Model is the open pane.
type Model struct {
	env  common.Env
	port Port
	keys keymap.Exchange
	home string // ~ in paths

	width, height int

	mode  Mode
	focus int // index into fields()

	ikind, enc     int // import: kind and encoding
	ekind, eformat int // export: kind and format
	ipath, epath   textinput.Model
	epathEdited    bool // the export path was typed: kind and format no longer change it

	fieldErr string // the sentence next to the file field
	note     string // the export's result under the form

	stage   stage
	report  model.ImportReport
	ran     importRun // what the preview read, the import reads again
	cursor  int       // in report.Lines
	gen     int       // results of older runs are dropped
	cancel  context.CancelFunc
	asking  *confirm.Model
	closed  bool
	writing bool // an export is being written
}

// importRun is one import's input.
type importRun struct {
	kind     exchange.Kind
	path     string // as typed (~ kept) for sentences
	file     string // expanded
	encoding string
}

// New builds the pane for env's user; port nil: PortFor(env.Store).
func New(env common.Env, port Port) *Model {
	if port == nil {
		port = PortFor(env.Store)
	}
	m := &Model{env: env, port: port, keys: keymap.NewExchange()}
	m.home, _ = os.UserHomeDir()
	m.ipath = newInput(env.Styles, model.T("exch.ui.file_place"))
	m.epath = newInput(env.Styles, "")
	if !model.Can(env.Me, model.ActDataImport) && model.Can(env.Me, model.ActDataExport) {
		m.mode = ModeExport
	}
	m.epath.SetValue(m.defaultExportPath())
	return m
}

func newInput(s styles.Styles, place string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = place
	in.CharLimit = 4096
	in.SetStyles(s.Input())
	return in
}

// Closed reports that esc closed the pane.
func (m *Model) Closed() bool { return m.closed }

// Mode is the side shown.
func (m *Model) Mode() Mode { return m.mode }

// Report is the last preview's or import's report.
func (m *Model) Report() model.ImportReport { return m.report }

// Busy reports that a preview, an import or an export is running.
func (m *Model) Busy() bool { return m.stage == stPreviewing || m.stage == stImporting || m.writing }

// InputFocused reports that the file field (or the question) has the keys:
// the root must not take q, ?, 1–4 or tab then.
func (m *Model) InputFocused() bool {
	return m.asking != nil || (m.stage == stForm && m.fields()[m.focus] == fFile)
}

// SetSize gives the pane its space.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.ipath.SetWidth(max(1, w-labelW-4))
	m.epath.SetWidth(max(1, w-labelW-4))
}

// SetStyles hands over new styles.
func (m *Model) SetStyles(s styles.Styles) {
	m.env.Styles = s
	m.ipath.SetStyles(s.Input())
	m.epath.SetStyles(s.Input())
}

// fields are the form's lines for the mode shown.
func (m *Model) fields() []field {
	if m.mode == ModeImport {
		return []field{fKind, fFile, fEncoding}
	}
	return []field{fKind, fFormat, fFile}
}

func (m *Model) path() *textinput.Model {
	if m.mode == ModeImport {
		return &m.ipath
	}
	return &m.epath
}

func (m *Model) exportKind() exchange.Kind { return exportKinds[m.ekind] }

func (m *Model) exportFormat() format {
	fs := formatsFor(m.exportKind())
	return fs[min(m.eformat, len(fs)-1)]
}

// defaultExportPath is ~/clientbase-<kind>-<date>.<ext>.
func (m *Model) defaultExportPath() string {
	date := m.env.Clock().In(m.env.Zone()).Format("2006-01-02")
	name := "clientbase-" + string(m.exportKind()) + "-" + date + "." + m.exportFormat().ext
	if m.home == "" {
		return name
	}
	return "~/" + name
}
