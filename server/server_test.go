package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	bolt "go.etcd.io/bbolt"
	gossh "golang.org/x/crypto/ssh"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
)

// waitFor bounds the waits on a live server: a guard against a hung test,
// never a measure of speed.
const waitFor = 20 * time.Second

// syncBuffer is the server's log, read by the test while sessions write it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// waitLog waits until the log has a line with every one of parts.
func (b *syncBuffer) waitLog(t *testing.T, parts ...string) string {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for time.Now().Before(deadline) {
		for _, line := range strings.Split(b.String(), "\n") {
			all := true
			for _, p := range parts {
				all = all && strings.Contains(line, p)
			}
			if all {
				return line
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no log line with %q in:\n%s", parts, b.String())
	return ""
}

// team is a served plan department: operators ivanova and sidorov each
// with a key, the server on a random loopback port.
type team struct {
	srv    *Server
	db     *store.DB
	boss   *store.Session
	addr   string
	log    *syncBuffer
	keys   map[string]gossh.Signer
	served chan error
}

func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func serve(t *testing.T, opts Options) *team {
	t.Helper()
	boss, _ := storetest.PlanDepartment(t, 20, 80, time.Now())
	return serveDept(t, boss, opts, "ivanova", "sidorov")
}

// serveDept serves the department of boss, a key each for users (who must
// be users of it).
func serveDept(t testing.TB, boss *store.Session, opts Options, users ...string) *team {
	t.Helper()
	tm := &team{db: boss.DB(), boss: boss, log: &syncBuffer{}, keys: map[string]gossh.Signer{}, served: make(chan error, 1)}
	for _, name := range users {
		k := newKey(t)
		line := string(gossh.MarshalAuthorizedKey(k.PublicKey()))
		if _, err := boss.AddUserKey(name, strings.TrimSpace(line)+" "+name+"@test"); err != nil {
			t.Fatal(err)
		}
		tm.keys[name] = k
	}
	opts.HostKeyPath = filepath.Join(t.TempDir(), "host_ed25519")
	opts.Log = log.NewWithOptions(tm.log, log.Options{Level: log.DebugLevel})
	srv, err := New(tm.db, opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	tm.srv, tm.addr = srv, ln.Addr().String()
	go func() { tm.served <- srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), waitFor)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
	return tm
}

func (tm *team) dial(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", tm.addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(tm.srv.HostKey()),
		Timeout:         waitFor,
	})
}

func (tm *team) login(t testing.TB, user string) *gossh.Client {
	t.Helper()
	c, err := tm.dial(user, gossh.PublicKeys(tm.keys[user]))
	if err != nil {
		t.Fatalf("%s: %v", user, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// screen is a TUI over SSH: everything the server wrote so far.
type screen struct {
	sess *gossh.Session
	in   io.WriteCloser
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
	grew chan struct{} // a signal after output arrived
}

// openTUI asks for a terminal and a shell: the way in to the TUI.
func openTUI(t testing.TB, c *gossh.Client) *screen {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	sc := &screen{sess: sess, done: make(chan struct{}), grew: make(chan struct{}, 1)}
	if sc.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	sess.Stderr = sc // wish writes its refusals there
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(sc.done)
		buf := make([]byte, 4096)
		for {
			n, err := out.Read(buf)
			sc.mu.Lock()
			sc.out.Write(buf[:n])
			sc.mu.Unlock()
			select {
			case sc.grew <- struct{}{}:
			default:
			}
			if err != nil {
				return
			}
		}
	}()
	return sc
}

func (sc *screen) Write(p []byte) (int, error) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.out.Write(p)
}

func (sc *screen) text() string {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.out.String()
}

// waitText waits until the output holds s.
func (sc *screen) waitText(t testing.TB, s string) {
	t.Helper()
	sc.waitTextAfter(t, 0, s)
}

// waitTextAfter waits until the output after its first from bytes holds
// one of texts.
func (sc *screen) waitTextAfter(t testing.TB, from int, texts ...string) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for time.Now().Before(deadline) {
		for _, s := range texts {
			if strings.Contains(sc.text()[from:], s) {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("none of %q showed; the output:\n%q", texts, sc.text()[from:])
}

func TestHostKeyCreatedOnceAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", "host_ed25519")
	first, err := loadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", fi.Mode().Perm())
	}
	if first.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("host key type %s, want ed25519", first.PublicKey().Type())
	}
	again, err := loadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if Fingerprint(first.PublicKey()) != Fingerprint(again.PublicKey()) {
		t.Errorf("second start has another host key: %s, then %s", Fingerprint(first.PublicKey()), Fingerprint(again.PublicKey()))
	}
}

func TestHostKeyOthersMayReadIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_ed25519")
	if _, err := loadHostKey(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadHostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a host key of mode 0644: %v, want a refusal", err)
	}
}

func TestHostKeyNotAKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_ed25519")
	if err := os.WriteFile(path, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadHostKey(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a file that is no key: %v, want an error naming it", err)
	}
}

func TestRefusals(t *testing.T) {
	tm := serve(t, Options{})

	// a key nobody has
	if _, err := tm.dial("ivanova", gossh.PublicKeys(newKey(t))); err == nil {
		t.Error("an unknown key got in")
	}
	tm.log.waitLog(t, "refused", "user=ivanova", "unknown key", "remote=127.0.0.1", "key=SHA256:")

	// a password, keyboard-interactive
	if _, err := tm.dial("sidorov", gossh.Password("sidorov")); err == nil {
		t.Error("a password got in")
	}
	tm.log.waitLog(t, "refused", "user=sidorov", "reason=")
	if _, err := tm.dial("sidorov", gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
		return []string{"sidorov"}, nil
	})); err == nil {
		t.Error("keyboard-interactive got in")
	}

	// a known key, but no commands, no shell without a terminal, no subsystems
	c := tm.login(t, "ivanova")
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := sess.CombinedOutput("cat /etc/passwd"); err == nil {
		t.Errorf("an exec request ran: %q", out)
	}
	tm.log.waitLog(t, "refused", "request=exec")
	sess, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err == nil {
		t.Error("a shell without a terminal was accepted")
	}
	sess, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
	// no port forwarding
	if conn, err := c.Dial("tcp", tm.addr); err == nil {
		conn.Close()
		t.Error("a direct-tcpip channel was opened")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("a remote forward was accepted")
	}
}

func TestTUIOverSSH(t *testing.T) {
	tm := serve(t, Options{})
	sc := openTUI(t, tm.login(t, "ivanova"))
	sc.waitText(t, "Clients")
	tm.log.waitLog(t, "login", "user=ivanova", "key=SHA256:")
	sc.in.Write([]byte("q"))
	select {
	case <-sc.done:
	case <-time.After(waitFor):
		t.Fatal("q did not end the session")
	}
	tm.log.waitLog(t, "logout", "user=ivanova")
}

func TestMaxSessions(t *testing.T) {
	tm := serve(t, Options{MaxSessions: 1})
	sc := openTUI(t, tm.login(t, "ivanova"))
	sc.waitText(t, "Clients")
	second := openTUI(t, tm.login(t, "sidorov"))
	second.waitText(t, model.T("server.full"))
	tm.log.waitLog(t, "refused", "user=sidorov", "maximum")
}

// A call held in a session goes back to the queue when its connection drops.
func TestDroppedSessionReleasesItsCalls(t *testing.T) {
	tm := serve(t, Options{})
	c := tm.login(t, "ivanova")
	sc := openTUI(t, c)
	sc.waitText(t, "Clients")
	me, err := tm.db.SignIn("ivanova")
	if err != nil {
		t.Fatal(err)
	}
	held := model.ID(0)
	for id := model.ID(1); id <= 80 && held == 0; id++ {
		if _, err := tm.db.As(me).Take(id); err == nil {
			held = id
		}
	}
	if held == 0 {
		t.Fatal("ivanova could take no call")
	}
	if p, _ := tm.boss.PlanItem(held); p.HeldBy != "ivanova" {
		t.Fatalf("call %d held by %q", held, p.HeldBy)
	}
	c.Close() // the connection drops: no q, no goodbye
	tm.log.waitLog(t, "logout", "user=ivanova", "released=1")
	p, err := tm.boss.PlanItem(held)
	if err != nil {
		t.Fatal(err)
	}
	if p.HeldBy != "" {
		t.Errorf("call %d still held by %q after the session dropped", held, p.HeldBy)
	}
}

// Shutdown with sessions open tells them, waits for them, and leaves a
// database that reopens clean.
func TestShutdownLeavesACleanDatabase(t *testing.T) {
	tm := serve(t, Options{})
	a := openTUI(t, tm.login(t, "ivanova"))
	b := openTUI(t, tm.login(t, "sidorov"))
	a.waitText(t, "Clients")
	b.waitText(t, "Clients")
	ctx, cancel := context.WithTimeout(context.Background(), waitFor)
	defer cancel()
	if err := tm.srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-tm.served; err != nil {
		t.Errorf("Serve after Shutdown: %v", err)
	}
	for _, sc := range []*screen{a, b} {
		select {
		case <-sc.done:
		case <-time.After(waitFor):
			t.Fatal("a session outlived Shutdown")
		}
		if !strings.Contains(sc.text(), model.T("server.closing")) {
			t.Errorf("a session was not told the server is closing:\n%q", sc.text())
		}
	}
	tm.log.waitLog(t, "logout", "user=ivanova")
	tm.log.waitLog(t, "logout", "user=sidorov")
	path := tm.db.Path()
	if err := tm.db.Close(); err != nil {
		t.Fatal(err)
	}
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	if err := bdb.View(func(tx *bolt.Tx) error {
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	}); err != nil {
		t.Errorf("the database after Shutdown: %v", err)
	}
	bdb.Close()
	again, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("the store does not reopen: %v", err)
	}
	again.Close()
}

// A call taken in session A leaves session B's queue without a key
// pressed in B (the store's change feed fanned out to the programs),
// and the audit log names the key A signed in with.
func TestCallTakenInOneSessionShowsInTheOther(t *testing.T) {
	boss, _ := storetest.Department(t, 3)
	for _, name := range []string{"ivanova", "sidorov"} {
		if _, err := boss.SaveUser(model.User{Name: name, FullName: name, Role: model.RoleOperator}); err != nil {
			t.Fatal(err)
		}
	}
	client, err := boss.Client(1)
	if err != nil {
		t.Fatal(err)
	}
	call, err := boss.Plan(model.PlanItem{Kind: model.PlanCall, Client: client.ID, Due: time.Now().Add(time.Minute),
		Purpose: model.Purposes[0], Priority: model.Priorities[0], Origin: model.OriginManual})
	if err != nil {
		t.Fatal(err)
	}
	tm := serveDept(t, boss, Options{}, "ivanova", "sidorov")
	a := openTUI(t, tm.login(t, "ivanova"))
	b := openTUI(t, tm.login(t, "sidorov"))
	for _, sc := range []*screen{a, b} {
		sc.waitText(t, "Clients")
		sc.in.Write([]byte("2")) // the Calls tab: the pool's call in both queues
		sc.waitText(t, client.ShortName)
	}
	seen := len(b.text())
	a.in.Write([]byte("\r")) // take the call under the cursor
	// the call leaves B's queue (the only one: the queue is empty), or, as
	// before the queue hid held calls, shows whom it is held by
	b.waitTextAfter(t, seen, model.T("calls.queue.empty"), model.T("calls.queue.held_by", "ivanova"))
	p, err := boss.PlanItem(call.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.HeldBy != "ivanova" {
		t.Fatalf("the call is held by %q, want ivanova", p.HeldBy)
	}
	hist, err := boss.PlanHistory(call.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := Fingerprint(tm.keys["ivanova"].PublicKey())
	found := false
	for _, e := range hist {
		if e.Action == "take" {
			found = true
			if e.User != "ivanova" || e.Via != want {
				t.Errorf("the take is audited as %s via %q, want ivanova via %s", e.User, e.Via, want)
			}
		}
	}
	if !found {
		t.Errorf("no take in the call's history: %+v", hist)
	}
}

// A session without traffic for the idle timeout is closed, and its user
// logged out.
func TestIdleSessionIsClosed(t *testing.T) {
	tm := serve(t, Options{IdleTimeout: 2 * time.Second})
	sc := openTUI(t, tm.login(t, "ivanova"))
	sc.waitText(t, "Clients")
	select {
	case <-sc.done:
	case <-time.After(waitFor):
		t.Fatal("an idle session stayed open")
	}
	tm.log.waitLog(t, "logout", "user=ivanova")
}

// Operators in their own sessions press enter on the same call at once: one
// of them gets it, the store's take is audited once, the others are told
// (or see it gone from their queue).
func TestManySessionsOneCallTakenOnce(t *testing.T) {
	boss, _ := storetest.Department(t, 3)
	names := make([]string, 8)
	for i := range names {
		names[i] = fmt.Sprintf("op%d", i+1)
		if _, err := boss.SaveUser(model.User{Name: names[i], FullName: names[i], Role: model.RoleOperator}); err != nil {
			t.Fatal(err)
		}
	}
	client, err := boss.Client(1)
	if err != nil {
		t.Fatal(err)
	}
	call, err := boss.Plan(model.PlanItem{Kind: model.PlanCall, Client: client.ID, Due: time.Now().Add(time.Minute),
		Purpose: model.Purposes[0], Priority: model.Priorities[0], Origin: model.OriginManual})
	if err != nil {
		t.Fatal(err)
	}
	tm := serveDept(t, boss, Options{}, names...)
	screens := make([]*screen, len(names))
	for i, name := range names {
		screens[i] = openTUI(t, tm.login(t, name))
	}
	for _, sc := range screens {
		sc.waitText(t, "Clients")
		sc.in.Write([]byte("2"))
		sc.waitText(t, client.ShortName)
	}
	var wg sync.WaitGroup
	for _, sc := range screens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc.in.Write([]byte("\r"))
		}()
	}
	wg.Wait()
	holder := ""
	deadline := time.Now().Add(waitFor)
	for holder == "" && time.Now().Before(deadline) {
		p, err := boss.PlanItem(call.ID)
		if err != nil {
			t.Fatal(err)
		}
		holder = p.HeldBy
		time.Sleep(10 * time.Millisecond)
	}
	if holder == "" {
		t.Fatal("nobody got the call")
	}
	// every session answered its enter: the call screen, the refusal or the emptied queue
	refused, _, _ := strings.Cut(model.T("storeplan.held", holder, "\x00"), "\x00")
	for i, sc := range screens {
		if names[i] != holder {
			sc.waitTextAfter(t, 0, model.T("calls.queue.empty"), model.T("calls.queue.held_by", holder), refused)
		}
	}
	hist, err := boss.PlanHistory(call.ID)
	if err != nil {
		t.Fatal(err)
	}
	takes := 0
	for _, e := range hist {
		if e.Action == "take" {
			takes++
			if e.User != holder {
				t.Errorf("a take by %s, but %s holds the call", e.User, holder)
			}
		}
	}
	if takes != 1 {
		t.Errorf("the call was taken %d times, want once", takes)
	}
}
