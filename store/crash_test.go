package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

const crashChildEnv = "CLIENTBASE_CRASH_CHILD_DB"

// TestCrashWriterChild is the child of TestCrashKeepsReportedWrites: it saves
// clients one by one and reports each committed one on stdout until killed.
func TestCrashWriterChild(t *testing.T) {
	db, fail := crashChild(t, crashChildEnv, "crash test's", Options{})
	s := childSession(db, "boss", fail)
	for i := 0; i < 100000; i++ {
		c := newClient(fmt.Sprintf("Crash client %06d", i))
		c.Phones = []model.Phone{{E164: fmt.Sprintf("+7912%07d", i)}}
		c.Notes = strings.Repeat("note ", i%40)
		saved, err := s.SaveClient(c, "")
		if err != nil {
			fail(err)
		}
		// Every other client is edited again, so the kill may land in an update too.
		if i%2 == 1 {
			saved.City = "Vilnius"
			if saved, err = s.SaveClient(saved, ""); err != nil {
				fail(err)
			}
		}
		fmt.Printf("saved %d %d\n", saved.ID, saved.Version)
	}
	os.Exit(0)
}

// crashChild is how every crash child starts: it opens the file its parent
// named in env with o (skipping the test when it runs on its own, not as the
// child of the what) and returns the database and fail, which reports err on
// stdout, where the parent reads it, and exits.
func crashChild(t *testing.T, env, what string, o Options) (*DB, func(error)) {
	path := os.Getenv(env)
	if path == "" {
		t.Skip("runs only as the " + what + " child process")
	}
	fail := func(err error) {
		fmt.Println("error", err)
		os.Exit(2)
	}
	db, err := Open(path, o)
	if err != nil {
		fail(err)
	}
	return db, fail
}

// childSession signs name in for a crash child, failing as fail does.
func childSession(db *DB, name string, fail func(error)) *Session {
	u, err := db.SignIn(name)
	if err != nil {
		fail(err)
	}
	return db.As(u)
}

// killChildWhen runs the test named child in a new process with env=path,
// hands each line it prints (split in fields) to line and SIGKILLs it the
// first time line says so. A child that says "error" fails the test, and so
// does one that stops before it is killed (after what it printed).
func killChildWhen(t *testing.T, child, env, path string, line func(f []string) (kill bool)) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+child+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	killed, lines := false, 0
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 1 && f[0] == "error" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child: %s", sc.Text())
		}
		lines++
		if line(f) && !killed {
			killed = true
			cmd.Process.Signal(syscall.SIGKILL)
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatalf("the child %s stopped by itself after %d lines", child, lines)
	}
}

// reopenChecked opens the file a killed child left and checks bbolt's
// pages before the test reads it.
func reopenChecked(t *testing.T, path string, o Options) *DB {
	t.Helper()
	db, err := Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.bolt.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("tx.Check: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCrashKeepsReportedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	path := tempPath(t)
	reported := map[uint64]uint64{} // id → version reported saved
	killChildWhen(t, "TestCrashWriterChild", crashChildEnv, path, func(f []string) bool {
		if len(f) != 3 || f[0] != "saved" {
			return false
		}
		id, _ := strconv.ParseUint(f[1], 10, 64)
		ver, _ := strconv.ParseUint(f[2], 10, 64)
		reported[id] = ver
		return len(reported) == 200
	})
	db := reopenChecked(t, path, Options{})
	s := db.As(model.User{Name: "boss", Role: model.RoleDirector})
	for id, ver := range reported {
		c, err := s.Client(model.ID(id))
		if err != nil {
			t.Errorf("client %d was reported saved: %v", id, err)
		} else if c.Version < ver {
			t.Errorf("client %d: version %d, reported %d", id, c.Version, ver)
		}
	}
	checkConsistency(t, db)
	t.Logf("%d reported writes survived the kill", len(reported))
}
