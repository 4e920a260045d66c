package complaintreport

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"clientbase/model"
	"clientbase/ui/common"
)

// userLister is the part of the store that knows people's full names; the
// export shows owners by name when the store it is given has it.
type userLister interface {
	Users() ([]model.User, error)
}

// ExportCSV computes the report for complaints received in [from, to) and
// writes it to path as CSV (excel: the form Excel opens in a Russian or
// Lithuanian locale), owners by their full names. rows is the number of
// rows written after the header. The file appears whole or not at all.
// The lead's `clientbase report complaints --from --to --out` calls it.
func ExportCSV(st common.ComplaintStore, from, to time.Time, path string, excel bool) (rows int, err error) {
	r, err := Named(st, from, to)
	if err != nil {
		return 0, err
	}
	return writeReport(r, path, excel)
}

// Named is the report for complaints received in [from, to) with owners by
// their full names where the store knows them (the CSV's form).
func Named(st common.ComplaintStore, from, to time.Time) (model.ComplaintReport, error) {
	r, err := st.ComplaintReport(context.Background(), from, to)
	if err != nil {
		return r, err
	}
	if ul, ok := st.(userLister); ok {
		if users, err := ul.Users(); err == nil {
			r = withOwnerNames(r, fullNames(users))
		}
	}
	return r, nil
}

// fullNames maps logins to full names.
func fullNames(users []model.User) map[string]string {
	names := make(map[string]string, len(users))
	for _, u := range users {
		if u.FullName != "" {
			names[u.Name] = u.FullName
		}
	}
	return names
}

// withOwnerNames is r with the owners' logins replaced by their full names
// (the lines are copied: the screen keeps its report).
func withOwnerNames(r model.ComplaintReport, names map[string]string) model.ComplaintReport {
	owners := make([]model.ReportLine, len(r.ByOwner))
	copy(owners, r.ByOwner)
	for i := range owners {
		if n := names[owners[i].Key]; n != "" {
			owners[i].Key = n
		}
	}
	r.ByOwner = owners
	return r
}

// writeReport writes r to path through a temporary file in the same folder,
// renamed into place once complete.
func writeReport(r model.ComplaintReport, path string, excel bool) (int, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return 0, model.Sentencef(nil, "complaintreport.export.no_path")
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return 0, model.Sentencef(nil, "complaintreport.export.is_folder", path)
	}
	var buf bytes.Buffer
	if err := model.WriteComplaintReportCSV(&buf, r, excel); err != nil {
		return 0, fileError(path, err)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".complaints-*.csv")
	if err != nil {
		return 0, fileError(path, err)
	}
	tmp := f.Name()
	_, werr := f.Write(buf.Bytes())
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp)
		return 0, fileError(path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return 0, fileError(path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return 0, fileError(path, err)
	}
	return model.ComplaintReportCSVRows(r), nil
}

// fileError says in a sentence why the file could not be written.
func fileError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return model.Sentencef(err, "complaintreport.export.no_folder", filepath.Dir(path))
	case errors.Is(err, fs.ErrPermission):
		return model.Sentencef(err, "complaintreport.export.denied", path)
	}
	return model.Sentencef(err, "complaintreport.export.failed", path, err.Error())
}
