package server

import (
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"clientbase/model"
)

// Slowing down guessers: every failed connection from an address doubles the
// wait before that address's next connection is served (from firstDelay up
// to maxDelay); an address quiet for forgetAfter starts again, a login
// resets it.
const (
	firstDelay  = 250 * time.Millisecond
	maxDelay    = 8 * time.Second
	forgetAfter = 10 * time.Minute
	maxTracked  = 10_000 // addresses remembered; the oldest go first
)

// failures counts failed connections per source address.
type failures struct {
	mu   sync.Mutex
	seen map[string]failure
}

type failure struct {
	n    int
	last time.Time
}

func newFailures() *failures { return &failures{seen: map[string]failure{}} }

// host is the address without its port (the key of the per-address count).
func host(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}

// failed records a failed connection from addr.
func (f *failures) failed(addr net.Addr, now time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := host(addr)
	e := f.seen[k]
	if now.Sub(e.last) > forgetAfter {
		e.n = 0
	}
	e.n++
	e.last = now
	if _, ok := f.seen[k]; !ok && len(f.seen) >= maxTracked {
		f.evict(now)
	}
	f.seen[k] = e
}

// evict drops the addresses not seen for forgetAfter, or, if none, the oldest.
func (f *failures) evict(now time.Time) {
	oldest, at := "", now
	for k, e := range f.seen {
		if now.Sub(e.last) > forgetAfter {
			delete(f.seen, k)
			continue
		}
		if e.last.Before(at) {
			oldest, at = k, e.last
		}
	}
	if len(f.seen) >= maxTracked {
		delete(f.seen, oldest)
	}
}

// succeeded forgets addr's failures.
func (f *failures) succeeded(addr net.Addr) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.seen, host(addr))
}

// delay is how long addr's next connection waits before it is served.
func (f *failures) delay(addr net.Addr, now time.Time) time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, ok := f.seen[host(addr)]
	if !ok || now.Sub(e.last) > forgetAfter {
		return 0
	}
	d := firstDelay
	for i := 1; i < e.n && d < maxDelay; i++ {
		d *= 2
	}
	return min(d, maxDelay)
}

// attempt is what a connection tried that did not get it in; the log's
// one refusal line is written when the connection fails.
type attempt struct{ user, method, key, reason string }

// attempts are the refusals of connections still authenticating, by remote
// address (host:port: one live connection each).
type attempts struct {
	mu sync.Mutex
	by map[string]attempt
}

func (a *attempts) note(remote string, at attempt) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.by[remote] = at
}

// noteUser records the user name of a connection with no refusal noted yet.
func (a *attempts) noteUser(remote, user string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.by[remote]; !ok {
		a.by[remote] = attempt{user: user}
	}
}

func (a *attempts) take(remote string) attempt {
	a.mu.Lock()
	defer a.mu.Unlock()
	at := a.by[remote]
	delete(a.by, remote)
	return at
}

// publicKey is the only way in: the key's fingerprint must belong to a
// user who is not archived.
func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	fp := Fingerprint(key)
	if _, err := s.userByKey(fp); err != nil {
		s.tried.note(ctx.RemoteAddr().String(), attempt{user: ctx.User(), method: "publickey", key: fp,
			reason: model.T("server.reason.unknown_key")})
		return false
	}
	return true
}

// authLog notes the methods the server does not offer (password,
// keyboard-interactive) and forgets a connection that got in.
func (s *Server) authLog(conn gossh.ConnMetadata, method string, err error) {
	remote := conn.RemoteAddr().String()
	switch {
	case err == nil:
		s.tried.take(remote)
	case method == "password" || method == "keyboard-interactive":
		s.tried.note(remote, attempt{user: conn.User(), method: method, reason: model.T("server.reason.method")})
	default: // who it was, if nothing more is known
		s.tried.noteUser(remote, conn.User())
	}
}

// connFailed logs a connection that did not get in (one line: who, from
// where, why) and counts it against its address.
func (s *Server) connFailed(c net.Conn, err error) {
	remote := c.RemoteAddr().String()
	at := s.tried.take(remote)
	if at.reason == "" {
		at.reason = model.T("server.reason.no_auth")
	}
	kv := []any{"user", at.user, "remote", remote, "reason", at.reason}
	if at.method != "" {
		kv = append(kv, "method", at.method)
	}
	if at.key != "" {
		kv = append(kv, "key", at.key)
	}
	if err != nil {
		kv = append(kv, "err", err.Error())
	}
	s.log.Warn(model.T("server.log.refused"), kv...)
	s.fail.failed(c.RemoteAddr(), time.Now())
}

// sessionRequest lets through only a shell with a terminal: the TUI.
// Exec requests, subsystems (sftp, …) and a shell without a pty are refused.
func (s *Server) sessionRequest(sess ssh.Session, requestType string) bool {
	_, _, pty := sess.Pty()
	if requestType == "shell" && pty {
		return true
	}
	reason := model.T("server.reason.no_pty")
	switch requestType {
	case "exec":
		reason = model.T("server.reason.exec")
	case "subsystem":
		reason = model.T("server.reason.subsystem")
	}
	s.log.Warn(model.T("server.log.refused"), "user", sess.User(), "remote", sess.RemoteAddr().String(),
		"request", requestType, "reason", reason)
	return false
}
