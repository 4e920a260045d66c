//go:build unix

package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"clientbase/store"
)

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:2222": true, "localhost:2222": true, "[::1]:2222": true, "127.1.2.3:22": true,
		":2222": false, "0.0.0.0:2222": false, "10.0.0.5:2222": false, "[::]:22": false, "crm.example:22": false, "nonsense": false,
	} {
		if got := loopback(addr); got != want {
			t.Errorf("loopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestServeFlags(t *testing.T) {
	home := t.TempDir()
	for _, args := range [][]string{{"serve", "--read-only"}, {"serve", "--max-sessions", "-1"}, {"serve", "extra"}} {
		if _, errOut, code := runBinary(t, home, args...); code != 2 {
			t.Errorf("%v exited %d, want 2: %s", args, code, errOut)
		}
	}
	out, _, _ := runBinary(t, home, "--help")
	for _, want := range []string{"serve", "--listen", "--host-key", "--max-sessions", "--idle-timeout", "USR1"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help does not mention %q", want)
		}
	}
}

// The real process: it creates its host key, writes a backup on SIGUSR1,
// and on SIGTERM stops with exit 0 and leaves the database free to open.
func TestServeProcessBackupAndStop(t *testing.T) {
	home := t.TempDir()
	if _, errOut, code := runBinary(t, home, "demo", "--clients", "50"); code != 0 {
		t.Fatal(errOut)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "serve", "--demo", "--listen", "127.0.0.1:0")
	cmd.Env = []string{"HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"), "USER=tester", "PATH=" + os.Getenv("PATH")}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var log strings.Builder
	await := func(re string) []string {
		t.Helper()
		r := regexp.MustCompile(re)
		for line := range lines {
			log.WriteString(line + "\n")
			if m := r.FindStringSubmatch(line); m != nil {
				return m
			}
		}
		t.Fatalf("no line matching %q; the log:\n%s", re, log.String())
		return nil
	}
	await(`listening addr=127\.0\.0\.1:\d+`)

	key := filepath.Join(home, "data", "clientbase", "host_ed25519")
	fi, err := os.Stat(key)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", fi.Mode().Perm())
	}

	if err := cmd.Process.Signal(syscall.SIGUSR1); err != nil {
		t.Fatal(err)
	}
	backup := await(`backup written file=(\S+)`)[1]
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	await(`stopped`)
	go io.Copy(io.Discard, stderr)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v\n%s", err, log.String())
	}
	for _, path := range []string{filepath.Join(home, "data", "clientbase", "demo.db"), backup} {
		db, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		db.Close()
	}
}
