package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

const planBulkCrashChildEnv = "CLIENTBASE_PLAN_BULK_CRASH_CHILD_DB"

// TestPlanBulkCrashChild is the child of TestOpenClearsInterruptedPlanLoad:
// it starts a plan bulk load whose generator, once the first records are
// committed, says so on stdout and waits to be killed.
func TestPlanBulkCrashChild(t *testing.T) {
	path := os.Getenv(planBulkCrashChildEnv)
	if path == "" {
		t.Skip("runs only as the plan bulk crash test's child process")
	}
	db, err := Open(path, Options{Now: func() time.Time { return planT0 }})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	var start uint64
	_ = db.bolt.View(func(tx *bolt.Tx) error { start = tx.Bucket(bucketPlan).Sequence(); return nil })
	_, _, err = BulkLoadPlan(db, "boss", func(emit func(model.PlanItem, []model.Interaction) error) error {
		for i := range 60_000 {
			p := model.PlanItem{Kind: model.PlanCall, Client: model.ID(1 + i%3), Assignee: []string{"", "petrov"}[i%2],
				Purpose: model.PurposeSale, Priority: model.PriorityNormal, Origin: model.OriginManual, Status: model.PlanPlanned,
				Due: planT0.Add(time.Duration(1+i%500) * time.Hour)}
			var ixs []model.Interaction
			if i%2 == 1 { // done yesterday, with its call
				p.Due = planT0.Add(-24 * time.Hour)
				p.Status, p.DoneAt, p.DoneBy, p.Attempts = model.PlanDone, p.Due, "olga", 1
				ixs = []model.Interaction{{At: p.Due, Channel: model.ChannelPhone, Direction: model.DirOutgoing,
					Client: p.Client, User: "olga", Outcome: model.OutcomeReached}}
			}
			if err := emit(p, ixs); err != nil {
				return err
			}
		}
		// Wait until the writer has committed records, then for the kill.
		for {
			committed := false
			_ = db.bolt.View(func(tx *bolt.Tx) error {
				committed = tx.Bucket(bucketPlan).Get(itob(start+1)) != nil
				return nil
			})
			if committed {
				fmt.Println("committed")
				select {}
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
	fmt.Println("error the load ended", err)
	os.Exit(2)
}

// A plan bulk load killed after some of its records were committed leaves
// records the counters do not count, ids above the sequences and indexes
// without them; the next writable Open removes all of it, and the plan made
// before the load is intact.
func TestOpenClearsInterruptedPlanLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	d := newPlanDept(t)
	kept := mustPlan(t, d.head, d.call(d.vilnius, "", time.Hour))
	worked := mustPlan(t, d.petrov, d.call(d.vilnius, "petrov", 0))
	if _, err := d.petrov.LogOutcome(model.Interaction{PlanItem: worked.ID, Outcome: model.OutcomeNoAnswer}); err != nil {
		t.Fatal(err)
	}
	before := fileState(t, d.db)
	path := d.db.Path()
	d.db.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestPlanBulkCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), planBulkCrashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "error") {
			cmd.Process.Kill()
			t.Fatalf("child: %s", line)
		}
		if line == "committed" {
			cmd.Process.Kill() // SIGKILL
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("the child ended without committing part of the load")
	}
	// the file as the kill left it: more records than the counters count
	raw, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	var records, seq int
	_ = raw.View(func(tx *bolt.Tx) error {
		records = tx.Bucket(bucketPlan).Stats().KeyN
		seq = int(tx.Bucket(bucketPlan).Sequence())
		return nil
	})
	raw.Close()
	if records <= seq {
		t.Fatalf("the kill left %d plan records for a sequence of %d: nothing of the load was committed", records, seq)
	}

	db, err := Open(path, Options{Now: d.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d.db = db
	if after := fileState(t, db); after != before {
		t.Error("after reopening, the plan, interactions, audit or counters differ from before the load")
	}
	checkPlanConsistency(t, db)
	checkConsistency(t, db)
	u, err := db.SignIn("head")
	if err != nil {
		t.Fatal(err)
	}
	s := db.As(u)
	if p, err := s.PlanItem(kept.ID); err != nil || !p.Open() {
		t.Errorf("the item planned before the load: %+v %v", p, err)
	}
	next := mustPlan(t, s, d.call(d.vilnius, "", 2*time.Hour))
	if next.ID != worked.ID+1 {
		t.Errorf("the next item took id %d, want %d (the load's ids are free again)", next.ID, worked.ID+1)
	}
	checkPlanConsistency(t, db)
	// a load after that works and leaves no mark
	if n, _, err := BulkLoadPlan(db, "boss", func(emit func(model.PlanItem, []model.Interaction) error) error {
		p := d.call(d.orphan, "petrov", 3*time.Hour)
		p.Status = model.PlanPlanned
		return emit(p, nil)
	}); err != nil || n != 1 {
		t.Fatalf("a load after the crash: %d %v", n, err)
	}
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta).Get(keyPlanBulk) != nil {
			t.Error("a finished load left its mark")
		}
		return nil
	})
	checkPlanConsistency(t, db)
}
