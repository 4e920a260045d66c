package main

import (
	"context"
	"path/filepath"
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
