// Package server is the team server (`clientbase serve`): one process holds
// the database and serves the same TUI to every operator over SSH, each
// session a Bubble Tea program of its own with its user's rights.
package server

import (
	"context"
	"errors"
	"net"
	"os"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"clientbase/model"
	"clientbase/store"
	"clientbase/ui"
)

// DefaultListen is where the server listens unless told: loopback only;
// a public address is an explicit choice.
const DefaultListen = "127.0.0.1:2222"

// changeBuffer is how many change batches a session's feed holds before the
// store replaces them with one "reload everything".
const changeBuffer = 64

// Options configure a Server.
type Options struct {
	Listen      string        // host:port; DefaultListen when empty
	HostKeyPath string        // the host key, created on the first start
	MaxSessions int           // open sessions at most; 0: no limit
	IdleTimeout time.Duration // a connection without traffic this long is closed; 0: never
	Log         *log.Logger   // nil: to stderr
}

// Server serves the TUI over SSH.
type Server struct {
	db    *store.DB
	opts  Options
	log   *log.Logger
	ssh   *ssh.Server
	host  gossh.Signer
	fail  *failures
	tried *attempts

	ctx    context.Context // ends at Shutdown: stops the background work
	cancel context.CancelFunc

	mu       sync.Mutex
	closing  bool
	programs map[*tea.Program]struct{}
	perUser  map[string]int // open sessions per user name
	open     int
	sessions sync.WaitGroup
	started  sync.Once
}

// New prepares a server on an open, writable database; the host key is read
// (or created) now, so a bad key path fails before anything listens.
func New(db *store.DB, opts Options) (*Server, error) {
	if opts.Listen == "" {
		opts.Listen = DefaultListen
	}
	if opts.Log == nil {
		opts.Log = log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true})
	}
	if opts.HostKeyPath == "" {
		return nil, errors.New(model.T("server.hostkey_path"))
	}
	if db.ReadOnly() {
		return nil, model.Sentencef(model.ErrReadOnly, "server.read_only", db.Path())
	}
	host, err := loadHostKey(opts.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s := &Server{db: db, opts: opts, log: opts.Log, host: host, fail: newFailures(), tried: &attempts{by: map[string]attempt{}},
		programs: map[*tea.Program]struct{}{}, perUser: map[string]int{}}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.ssh, err = wish.NewServer(
		wish.WithAddress(opts.Listen),
		wish.WithIdleTimeout(opts.IdleTimeout),
		wish.WithVersion("clientbase"),
		func(srv *ssh.Server) error {
			srv.AddHostKey(host)
			srv.PublicKeyHandler = s.publicKey
			srv.SessionRequestCallback = s.sessionRequest
			srv.ConnCallback = s.conn
			srv.ConnectionFailedCallback = s.connFailed
			srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
				return &gossh.ServerConfig{AuthLogCallback: s.authLog}
			}
			// no PasswordHandler, KeyboardInteractiveHandler, port
			// forwarding callbacks or subsystem handlers: all refused
			srv.Handler = s.handle
			return nil
		},
	)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// HostKey is the server's public host key (its fingerprint is what users
// check on their first connection).
func (s *Server) HostKey() gossh.PublicKey { return s.host.PublicKey() }

// ListenAndServe listens on Options.Listen and serves until Shutdown.
func (s *Server) ListenAndServe() error {
	ln, err := net.Listen("tcp", s.opts.Listen)
	if err != nil {
		return model.Sentencef(err, "server.listen_failed", s.opts.Listen, err)
	}
	return s.Serve(ln)
}

// Serve serves on ln until Shutdown; it returns nil after a Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.started.Do(func() {
		go func() {
			// as the local mode: the search index behind the first screen
			_ = s.db.BuildIndex(s.ctx)
			_ = s.db.LoadCatalogue()
		}()
	})
	s.log.Info(model.T("server.log.listening"), "addr", ln.Addr().String(), "host_key", Fingerprint(s.HostKey()),
		"db", s.db.Path())
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops listening, quits every session's program (each is told
// why), waits for the sessions to end — their holds released — and then
// closes the connections left. The caller closes the database after.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	programs := make([]*tea.Program, 0, len(s.programs))
	for p := range s.programs {
		programs = append(programs, p)
	}
	s.mu.Unlock()
	s.log.Info(model.T("server.log.shutdown"), "sessions", len(programs))

	stopped := make(chan error, 1)
	go func() { stopped <- s.ssh.Shutdown(ctx) }() // closes the listeners at once
	for _, p := range programs {
		go p.Quit()
	}
	done := make(chan struct{})
	go func() {
		s.sessions.Wait()
		close(done)
	}()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	s.cancel()
	// sessions are over: drop the connections whose clients linger
	if cerr := s.ssh.Close(); err == nil && cerr != nil && !errors.Is(cerr, net.ErrClosed) {
		err = cerr
	}
	<-stopped
	return err
}

// conn slows a connection from an address that failed before.
func (s *Server) conn(_ ssh.Context, c net.Conn) net.Conn {
	if d := s.fail.delay(c.RemoteAddr(), time.Now()); d > 0 {
		time.Sleep(d)
	}
	return c
}

// enter counts a session in; false when the server is closing or full.
func (s *Server) enter(user string) (ok bool, full bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false, false
	}
	if s.opts.MaxSessions > 0 && s.open >= s.opts.MaxSessions {
		return false, true
	}
	s.open++
	s.perUser[user]++
	s.sessions.Add(1)
	return true, false
}

// leave counts a session out; last is true when it was the user's last.
func (s *Server) leave(user string) (last bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.open--
	s.perUser[user]--
	if s.perUser[user] <= 0 {
		delete(s.perUser, user)
		return true
	}
	return false
}

// track adds (or removes) a running program; false when closing.
func (s *Server) track(p *tea.Program, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !add {
		delete(s.programs, p)
		return true
	}
	if s.closing {
		return false
	}
	s.programs[p] = struct{}{}
	return true
}

// handle runs one session: the signed-in user's TUI, live on the change feed.
func (s *Server) handle(sess ssh.Session) {
	remote := sess.RemoteAddr().String()
	key := sess.PublicKey()
	if key == nil { // cannot happen: public key is the only method
		wish.Fatalln(sess, model.T("server.refused_key"))
		return
	}
	fp := Fingerprint(key)
	// The user of the key that signed, looked up again: the key may have
	// been removed or the user archived since the handshake.
	me, err := s.userByKey(fp)
	if err != nil {
		s.log.Warn(model.T("server.log.refused"), "user", sess.User(), "remote", remote, "key", fp,
			"reason", model.T("server.reason.unknown_key"))
		wish.Fatalln(sess, model.T("server.refused_key"))
		return
	}
	ok, full := s.enter(me.Name)
	if !ok {
		reason, say := model.T("server.reason.closing"), model.T("server.closing")
		if full {
			reason, say = model.T("server.reason.full", s.opts.MaxSessions), model.T("server.full")
		}
		s.log.Warn(model.T("server.log.refused"), "user", me.Name, "remote", remote, "reason", reason)
		wish.Fatalln(sess, say)
		return
	}
	defer s.sessions.Done()
	s.fail.succeeded(sess.RemoteAddr())
	start := time.Now()
	s.log.Info(model.T("server.log.login"), "user", me.Name, "role", string(me.Role), "key", fp, "remote", remote)

	feed, unsubscribe := s.subscribe()
	over := make(chan struct{})
	changes := pace(feed, feedPace, over)
	app := ui.New(ui.Config{
		Store:      s.sessionFor(me, fp),
		Me:         me,
		DBPath:     s.db.Path(),
		Loc:        time.Local,
		Now:        time.Now,
		IndexReady: s.db.IndexReady,
		Changes:    changes,
	})
	p := tea.NewProgram(app, bubbletea.MakeOptions(sess)...)
	if s.track(p, true) {
		bubbletea.MiddlewareWithProgramHandler(func(ssh.Session) *tea.Program { return p })(func(ssh.Session) {})(sess)
		s.track(p, false)
	}
	close(over)
	unsubscribe()

	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		wish.Println(sess, "\r\n"+model.T("server.closing")+"\r")
	}
	released := 0
	if s.leave(me.Name) {
		released, err = s.releaseHolds(me)
		if err != nil {
			s.log.Error(model.T("server.log.release_failed"), "user", me.Name, "err", err)
		}
	}
	s.log.Info(model.T("server.log.logout"), "user", me.Name, "remote", remote,
		"duration", time.Since(start).Round(time.Second), "released", released)
}
