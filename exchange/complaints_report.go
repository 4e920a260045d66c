package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"time"

	"clientbase/model"
	"clientbase/store"
)

// The head's complaint report for a period as a file: the rows
// model.WriteComplaintReportCSV writes (section, key, received, satisfied,
// rejected, claimed, paid, justified), so the file says what the screen
// says. opts.From/To is the period; zero From is the first day of this
// month, zero To now. The right is complaint.report's (not data.export:
// the report holds no client's details).

var complaintReportColumns = []string{"Section", "Key", "Received", "Satisfied", "Rejected", "Claimed", "Paid", "Justified"}

func init() {
	registerExport(ComplaintReport, exporter{columns: complaintReportColumns, each: eachComplaintReportRow,
		allowed: func(s *store.Session, _ ExportOptions) error {
			if !model.Can(s.Me(), model.ActComplaintReport) {
				return model.Sentencef(model.ErrForbidden, "complaintreport.forbidden")
			}
			return nil
		}})
}

// complaintReportPeriod is opts' period with the defaults above.
func complaintReportPeriod(now time.Time, opts ExportOptions) (time.Time, time.Time) {
	loc := opts.Loc
	if loc == nil {
		loc = time.Local
	}
	from, to := opts.From, opts.To
	if from.IsZero() {
		n := now.In(loc)
		from = time.Date(n.Year(), n.Month(), 1, 0, 0, 0, 0, loc)
	}
	if to.IsZero() {
		to = now
	}
	return from, to
}

func eachComplaintReportRow(ctx context.Context, s *store.Session, opts ExportOptions, emit func([]string) error) error {
	from, to := complaintReportPeriod(s.Now(), opts)
	r, err := s.ComplaintReport(ctx, from, to)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := model.WriteComplaintReportCSV(&buf, r, false); err != nil {
		return err
	}
	cr := csv.NewReader(&buf)
	cr.FieldsPerRecord = -1
	if _, err := cr.Read(); err != nil { // the header: the exporter's columns instead
		return err
	}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := emit(row); err != nil {
			return err
		}
	}
}
