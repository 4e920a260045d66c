package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store/storetest"
)

func TestPlanAndInteractionsExport(t *testing.T) {
	now := time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)
	boss, _ := storetest.PlanDepartment(t, 12, 60, now)
	rows, err := viewsRows(t, boss, Plan, ExportOptions{Loc: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 60 {
		t.Fatalf("%d plan rows, want 60", len(rows))
	}
	viewsIDs(t, rows)
	col := func(name string) int { return slices.Index(planColumns, name) }
	for _, r := range rows[:10] {
		if r[col("Client")] == "" || r[col("Due")] == "" || r[col("Status")] == "" || r[col("Client code")] == "" {
			t.Errorf("row %q", r)
		}
	}
	// one person's, against the store's own view of her plan
	from, to := now.AddDate(0, 0, -30), now.AddDate(0, 0, 30)
	mine, err := viewsRows(t, boss, Plan, ExportOptions{User: "ivanova", From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	items, err := boss.PlanItems("ivanova", from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(mine) != len(items) || len(items) == 0 {
		t.Errorf("%d rows of ivanova's, the store has %d", len(mine), len(items))
	}
	for _, r := range mine {
		if r[col("Assignee")] != "ivanova" {
			t.Errorf("another's item in ivanova's plan: %q", r)
		}
	}

	ixs, err := viewsRows(t, boss, Interactions, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ixs) == 0 {
		t.Fatal("no interactions exported")
	}
	viewsIDs(t, ixs)
	icol := func(name string) int { return slices.Index(interactionColumns, name) }
	theirs, err := viewsRows(t, boss, Interactions, ExportOptions{User: "sidorov"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range ixs {
		if r[icol("User")] == "sidorov" {
			n++
		}
		if r[icol("Client")] == "" || r[icol("Outcome")] == "" {
			t.Errorf("interaction %q", r)
		}
	}
	if len(theirs) != n || n == 0 {
		t.Errorf("%d of sidorov's interactions, the whole file has %d", len(theirs), n)
	}
	op := viewsSignIn(t, boss.DB(), "ivanova")
	for _, k := range []Kind{Plan, Interactions} {
		if _, err := viewsRows(t, op, k, ExportOptions{User: "ivanova"}); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s: an operator's bulk export: %v", k, err)
		}
	}
}

// The views through the driver: JSON objects keyed by the columns with
// Cyrillic intact, CSV for Excel with its BOM, the audit entry written.
func TestViewsThroughExport(t *testing.T) {
	now := time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)
	db, _ := storetest.ComplaintDepartment(t, now)
	boss := viewsSignIn(t, db, "boss")
	var buf bytes.Buffer
	n, err := Export(context.Background(), boss, Plan, &buf, ExportOptions{Format: JSON})
	if err != nil {
		t.Fatal(err)
	}
	var objs []map[string]string
	if err := json.Unmarshal(buf.Bytes(), &objs); err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	if len(objs) != n || n < 40 {
		t.Fatalf("%d objects, Export says %d", len(objs), n)
	}
	cyr := false
	for _, o := range objs {
		for _, name := range []string{"ООО Ромашка", "ИП Ёлкин", "ЗАО Север"} {
			if strings.HasPrefix(o["Client"], name) {
				cyr = true
			}
		}
	}
	if !cyr {
		t.Error("no Cyrillic client name came through")
	}
	for _, k := range []Kind{Complaints, Interactions, ComplaintReport} {
		buf.Reset()
		n, err := Export(context.Background(), boss, k, &buf, ExportOptions{Format: CSV, Excel: true})
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if n == 0 || !bytes.HasPrefix(buf.Bytes(), []byte("\uFEFF")) {
			t.Errorf("%s: %d rows, starts %q", k, n, buf.Bytes()[:min(20, buf.Len())])
		}
	}
}
