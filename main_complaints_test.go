package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"clientbase/model"
	"clientbase/store"
)

// The demo department comes with its complaints: the count makeDemo gives
// is what the file holds, some open, and each complaint's order is its
// client's, with the number the file gave the order.
func TestDemoComplaints(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	fig, err := makeDemo(path, 600, demoSeed)
	if err != nil {
		t.Fatal(err)
	}
	if fig.complaints < 50 || fig.open == 0 || fig.open >= fig.complaints {
		t.Fatalf("%d complaints, %d open", fig.complaints, fig.open)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u, err := db.SignIn("volkova")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(u)
	open, err := s.Complaints(context.Background(), model.ComplaintFilter{}, 0, 1)
	if err != nil || open.Total != fig.open {
		t.Fatalf("the queue has %d open (%v), the demo said %d", open.Total, err, fig.open)
	}
	closed, err := s.Complaints(context.Background(), model.ComplaintFilter{Status: model.ComplaintClosed}, 0, 1)
	if err != nil || closed.Total != fig.complaints-fig.open {
		t.Fatalf("%d closed (%v), want %d", closed.Total, err, fig.complaints-fig.open)
	}
	withOrder := 0
	for id := model.ID(1); id <= model.ID(fig.complaints); id++ {
		c, err := s.Complaint(id)
		if err != nil {
			t.Fatalf("complaint %d: %v", id, err)
		}
		if c.Order == 0 {
			continue
		}
		withOrder++
		o, err := s.Order(c.Order)
		if err != nil || o.Client != c.Client || o.Number != c.OrderNo {
			t.Fatalf("complaint %d names order %d %s of %d; the file has %s of %d (%v)", id, c.Order, c.OrderNo, c.Client, o.Number, o.Client, err)
		}
	}
	if withOrder == 0 {
		t.Fatal("no demo complaint names an order")
	}
}

// `clientbase report complaints` writes the head's report as CSV that reads
// back with every complaint of the period counted; others are refused, and a
// bad date is a sentence with exit code 2.
func TestReportComplaintsCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.db")
	fig, err := makeDemo(path, 600, demoSeed)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if code := run([]string{"report", "complaints", "--db", path, "--user", "volkova", "--from", "01.01.2000", "--to", "31.12.2099"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	total := -1
	for _, r := range rows {
		if r[0] == model.T("complaintreport.section.total") {
			total, _ = strconv.Atoi(r[2])
		}
	}
	if total != fig.complaints {
		t.Fatalf("the report counts %d complaints, the demo has %d:\n%v", total, fig.complaints, rows)
	}

	file := filepath.Join(dir, "r.csv")
	out.Reset()
	if code := run([]string{"report", "complaints", "--db", path, "--user", "volkova", "--out", file, "--excel"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if b, err := os.ReadFile(file); err != nil || !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Fatalf("the Excel file has no BOM (%v)", err)
	}

	errs.Reset()
	if code := run([]string{"report", "complaints", "--db", path, "--user", "sidorova"}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "head") {
		t.Fatalf("an operator's report: exit %d, %q", code, errs.String())
	}
	errs.Reset()
	if code := run([]string{"report", "complaints", "--db", path, "--from", "32.01.2026"}, &out, &errs); code != 2 || !strings.Contains(errs.String(), "dd.mm.yyyy") {
		t.Fatalf("a bad date: exit %d, %q", code, errs.String())
	}
	if code := run([]string{"report", "orders", "--db", path}, &out, &errs); code != 2 {
		t.Fatalf("an unknown report: exit %d", code)
	}
}
