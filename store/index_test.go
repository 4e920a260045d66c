package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"clientbase/model"
)

func listAll(t *testing.T, s *Session, f model.ClientFilter) []string {
	t.Helper()
	p, err := s.List(context.Background(), f, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if p.Indexing {
		t.Fatalf("filter %+v still waits for the index", f)
	}
	if p.Total != len(p.Rows) {
		t.Fatalf("total %d, rows %d", p.Total, len(p.Rows))
	}
	return rowNames(p.Rows)
}

func TestListWithSearchIndex(t *testing.T) {
	db, s := openDirector(t)
	addUser(t, s, "petrov", model.RoleManager)
	addUser(t, s, "jonaitis", model.RoleManager)
	mk := func(name, city, manager string, cat model.Category) model.Client {
		c := newClient(name)
		c.City, c.Manager = city, manager
		c = mustSave(t, s, c, "")
		if cat != "" {
			c.Category = cat
			c = mustSave(t, s, c, "decided by the head")
		}
		return c
	}
	mk("Ёлка", "Москва", "petrov", model.CategoryA)
	mk("Šilas", "Šiauliai", "jonaitis", model.CategoryB)
	mk("Acme", "London", "petrov", "")
	arch := mk("Елена", "Казань", "jonaitis", model.CategoryA)
	if _, err := s.SetArchived(arch.ID, arch.Version, true); err != nil {
		t.Fatal(err)
	}
	if db.IndexReady() {
		t.Fatal("index ready before it was built")
	}
	if err := db.BuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !db.IndexReady() {
		t.Fatal("index not ready after BuildIndex")
	}
	checks := []struct {
		f    model.ClientFilter
		want string
	}{
		{model.ClientFilter{}, "[Acme Šilas Ёлка]"},
		{model.ClientFilter{Text: "siauliai"}, "[Šilas]"},
		{model.ClientFilter{Text: "елка"}, "[Ёлка]"},
		{model.ClientFilter{Manager: "petrov"}, "[Acme Ёлка]"},
		{model.ClientFilter{Manager: "nobody"}, "[]"},
		{model.ClientFilter{Category: model.CategoryA}, "[Ёлка]"},
		{model.ClientFilter{Category: model.CategoryA, IncludeArchived: true}, "[Елена Ёлка]"},
		{model.ClientFilter{OnlyArchived: true}, "[Елена]"},
	}
	for _, c := range checks {
		if got := fmt.Sprint(listAll(t, s, c.f)); got != c.want {
			t.Errorf("%+v: %s, want %s", c.f, got, c.want)
		}
	}
	// A saved client takes its place in name order at once.
	b := mk("Bravo", "Vilnius", "petrov", "")
	if got := fmt.Sprint(listAll(t, s, model.ClientFilter{})); got != "[Acme Bravo Šilas Ёлка]" {
		t.Fatalf("after a save: %s", got)
	}
	b.ShortName = "Ąžuolas"
	mustSave(t, s, b, "")
	if got := fmt.Sprint(listAll(t, s, model.ClientFilter{Manager: "petrov"})); got != "[Acme Ąžuolas Ёлка]" {
		t.Fatalf("after a rename: %s", got)
	}
	checkConsistency(t, db)
}

// Saves racing with the build end up in the index exactly as a fresh build
// of the final database sees them.
func TestSavesDuringIndexBuild(t *testing.T) {
	db, s := openDirector(t)
	var saved []model.Client
	for i := range 300 {
		saved = append(saved, mustSave(t, s, newClient(fmt.Sprintf("Клиент %03d", (i*37)%300)), ""))
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		if err := db.BuildIndex(context.Background()); err != nil {
			t.Error(err)
		}
	}()
	go func() {
		defer wg.Done()
		for i, c := range saved[:100] {
			c.ShortName = fmt.Sprintf("Renamed %03d", i)
			if _, err := s.SaveClient(c, ""); err != nil {
				t.Error(err)
			}
			if i%10 == 0 {
				mustSave(t, s, newClient(fmt.Sprintf("New %03d", i)), "")
			}
		}
	}()
	wg.Wait()
	live := listAll(t, s, model.ClientFilter{Text: "e"})
	db.idx.Store(nil)
	if err := db.BuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	fresh := listAll(t, s, model.ClientFilter{Text: "e"})
	if fmt.Sprint(live) != fmt.Sprint(fresh) || len(fresh) != 110 {
		t.Fatalf("incremental index differs from a fresh one:\n%v\n%v", live, fresh)
	}
	checkConsistency(t, db)
}

func TestBuildIndexCancelled(t *testing.T) {
	db, s := openDirector(t)
	for i := range 10 {
		mustSave(t, s, newClient(fmt.Sprint("c", i)), "")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := db.BuildIndex(ctx); err == nil {
		t.Fatal("a cancelled build reported success")
	}
	if db.IndexReady() {
		t.Fatal("a cancelled build left an index")
	}
	if err := db.BuildIndex(context.Background()); err != nil || !db.IndexReady() {
		t.Fatalf("build after a cancelled one: %v", err)
	}
}

// Renames from several writers at once keep the resident index in the
// order a fresh build gives.
func TestConcurrentRenamesKeepIndexOrder(t *testing.T) {
	db, s := openDirector(t)
	var saved []model.Client
	for i := range 200 {
		saved = append(saved, mustSave(t, s, newClient(fmt.Sprintf("Имя %03d", (i*71)%200)), ""))
	}
	if err := db.BuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(saved); i += 3 {
				c := saved[i]
				c.ShortName = fmt.Sprintf("Vardas %03d", (i*53)%200)
				if _, err := s.SaveClient(c, ""); err != nil {
					t.Error(err)
				}
				p, err := s.List(context.Background(), model.ClientFilter{Text: "a"}, 0, 5)
				if err != nil || p.Indexing {
					t.Error(err, p.Indexing)
				}
			}
		}()
	}
	wg.Wait()
	live := listAll(t, s, model.ClientFilter{})
	db.idx.Store(nil)
	if err := db.BuildIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	if fresh := listAll(t, s, model.ClientFilter{}); fmt.Sprint(live) != fmt.Sprint(fresh) {
		t.Fatalf("incremental order differs from a fresh build:\n%v\n%v", live, fresh)
	}
	checkConsistency(t, db)
}
