package exchange

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
)

var complaintsNow = time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC) // a Monday morning

// viewsRows runs an exporter's each and checks every row has its columns.
func viewsRows(t *testing.T, s *store.Session, kind Kind, opts ExportOptions) ([][]string, error) {
	t.Helper()
	ex := exporters[kind]
	var rows [][]string
	err := ex.each(context.Background(), s, opts, func(row []string) error {
		if len(row) != len(ex.columns) {
			t.Fatalf("%s: a row of %d fields under %d columns: %q", kind, len(row), len(ex.columns), row)
		}
		rows = append(rows, slices.Clone(row))
		return nil
	})
	return rows, err
}

// viewsIDs checks column 0 holds ids in a strictly rising order.
func viewsIDs(t *testing.T, rows [][]string) []model.ID {
	t.Helper()
	var ids []model.ID
	for _, r := range rows {
		n, err := strconv.ParseUint(r[0], 10, 64)
		if err != nil {
			t.Fatalf("id %q", r[0])
		}
		if len(ids) > 0 && model.ID(n) <= ids[len(ids)-1] {
			t.Fatalf("ids out of order: %d after %d", n, ids[len(ids)-1])
		}
		ids = append(ids, model.ID(n))
	}
	return ids
}

func viewsSignIn(t *testing.T, db *store.DB, name string) *store.Session {
	t.Helper()
	u, err := db.SignIn(name)
	if err != nil {
		t.Fatal(err)
	}
	return db.As(u)
}

func TestComplaintsExport(t *testing.T) {
	db, cs := storetest.ComplaintDepartment(t, complaintsNow)
	boss := viewsSignIn(t, db, "boss")
	rows, err := viewsRows(t, boss, Complaints, ExportOptions{Loc: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(cs.All())
	slices.Sort(want)
	if got := viewsIDs(t, rows); !slices.Equal(got, want) {
		t.Fatalf("complaints %v, want %v", got, want)
	}
	col := func(name string) int { return slices.Index(complaintColumns, name) }
	for _, r := range rows {
		id, _ := strconv.ParseUint(r[0], 10, 64)
		c, err := boss.Complaint(model.ID(id))
		if err != nil {
			t.Fatal(err)
		}
		cl, _ := boss.Client(c.Client)
		if r[col("Client")] != cl.ShortName || r[col("Status")] != string(c.Status) || r[col("Description")] != c.Description ||
			r[col("Received")] != c.Received.UTC().Format("2006-01-02 15:04") || r[col("Owner")] != c.Owner {
			t.Errorf("complaint %d: row %q", id, r)
		}
		if model.ID(id) == cs.Rejected && (r[col("Justified")] != "no" || r[col("Decision")] == "") {
			t.Errorf("the rejected complaint's closing: %q", r)
		}
	}
	// a period: received in the last three days
	from := complaintsNow.AddDate(0, 0, -3)
	rows, err = viewsRows(t, boss, Complaints, ExportOptions{From: from, To: complaintsNow.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, id := range cs.All() {
		c, _ := boss.Complaint(id)
		if !c.Received.Before(from) {
			n++
		}
	}
	if len(rows) != n || n == 0 || n == len(cs.All()) {
		t.Errorf("%d complaints in the period, want %d (of %d)", len(rows), n, len(cs.All()))
	}
	if _, err := viewsRows(t, viewsSignIn(t, db, "ivanova"), Complaints, ExportOptions{}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator exported the complaints: %v", err)
	}
}

func TestComplaintReportExport(t *testing.T) {
	db, _ := storetest.ComplaintDepartment(t, complaintsNow)
	head := viewsSignIn(t, db, storetest.PlanHead)
	from, to := complaintsNow.AddDate(0, -1, 0), complaintsNow
	rows, err := viewsRows(t, head, ComplaintReport, ExportOptions{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	r, err := head.ComplaintReport(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != model.ComplaintReportCSVRows(r) {
		t.Errorf("%d rows, the report has %d", len(rows), model.ComplaintReportCSVRows(r))
	}
	var total []string
	for _, row := range rows {
		if row[1] == model.T("complaintreport.total") {
			total = row
		}
	}
	if total == nil || total[2] != strconv.Itoa(r.Total.Received) || r.Total.Received == 0 {
		t.Errorf("the total row %q, the report received %d", total, r.Total.Received)
	}
	ex := exporters[ComplaintReport]
	if err := ex.allowed(head, ExportOptions{}); err != nil {
		t.Errorf("the head may not export her report: %v", err)
	}
	if err := ex.allowed(viewsSignIn(t, db, "ivanova"), ExportOptions{}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an operator may export the report: %v", err)
	}
	// the default period: this month so far
	f, to2 := complaintReportPeriod(complaintsNow, ExportOptions{Loc: time.UTC})
	if !f.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) || !to2.Equal(complaintsNow) {
		t.Errorf("default period %v – %v", f, to2)
	}
	if !strings.Contains(strings.Join(rows[0], " "), "2026") {
		t.Errorf("the first row names no period: %q", rows[0])
	}
}
