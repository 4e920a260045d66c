package model

// ImportAction is what an import did with one record of a file.
type ImportAction string

const (
	ImportCreate    ImportAction = "create"
	ImportUpdate    ImportAction = "update"
	ImportUnchanged ImportAction = "unchanged" // matched, and the file says what the database already holds
	ImportReject    ImportAction = "reject"    // the row's reason says why; nothing of it is written
)

// ImportLine is one row's fate: its line in the file (the first line of a
// record made of several rows), what happened, the record's key as the
// file gives it (external code, tax id, order number), and for a rejected
// row the reason as a sentence.
type ImportLine struct {
	Line   int          `json:"line"`
	Action ImportAction `json:"action"`
	Key    string       `json:"key,omitempty"`
	Reason string       `json:"reason,omitempty"`
}

// ImportReport is what an import did (or, dry, would do) with a file.
type ImportReport struct {
	Kind       string       `json:"kind"`
	File       string       `json:"file,omitempty"`
	DryRun     bool         `json:"dry_run,omitempty"`
	Encoding   string       `json:"encoding,omitempty"`  // as detected or given
	Delimiter  string       `json:"delimiter,omitempty"` // as detected or given
	Rows       int          `json:"rows"`                // data rows read
	Created    int          `json:"created"`
	Updated    int          `json:"updated"`
	Unchanged  int          `json:"unchanged"`
	Rejected   int          `json:"rejected"`
	Lines      []ImportLine `json:"lines,omitempty"`       // every rejected row (and the others, for a preview)
	ReportFile string       `json:"report_file,omitempty"` // the rejected rows' report next to the input
}
