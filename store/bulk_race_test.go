package store

import (
	"context"
	"sync"
	"testing"

	"clientbase/model"
)

// A list and a sign-in running while a bulk load finishes read the users
// and the archived set as the load replaces them; under -race this fails
// unless the replacement takes the caches' locks.
func TestBulkLoadWhileListing(t *testing.T) {
	db, boss := openDirector(t)
	users, gen := department(3000)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	lists := 0
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := boss.List(context.Background(), model.ClientFilter{IncludeArchived: true}, 0, 20); err != nil {
				t.Error(err)
				return
			}
			if _, err := db.SignIn("boss"); err != nil {
				t.Error(err)
				return
			}
			lists++
		}
	}()
	n, err := BulkLoad(db, users, gen)
	close(stop)
	wg.Wait()
	if err != nil || n != 3000 {
		t.Fatalf("loaded %d: %v", n, err)
	}
	if lists == 0 {
		t.Fatal("no list ran during the load")
	}
	checkConsistency(t, db)
}
