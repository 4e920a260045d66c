package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"time"

	"charm.land/log/v2"

	"clientbase/model"
	"clientbase/server"
	"clientbase/store"
)

// shutdownGrace is how long SIGTERM waits for the sessions to end before
// their connections are cut.
const shutdownGrace = 30 * time.Second

// cmdServe is `clientbase serve`: the team server. It holds the database
// open for changes and serves the TUI over SSH until SIGTERM or SIGINT;
// SIGUSR1 writes a backup next to the database (`clientbase backup` cannot
// open a served file).
func cmdServe(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet("serve", stderr)
	globalFlags(fs, &o)
	listen := fs.String("listen", server.DefaultListen, "address to listen on")
	hostKey := fs.String("host-key", "", "host key file")
	maxSessions := fs.Int("max-sessions", 200, "open sessions at most")
	idle := fs.Duration("idle-timeout", 30*time.Minute, "close a connection idle this long")
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if fs.NArg() > 0 {
		fail(stderr, "cli.unexpected_argument", fs.Arg(0))
		return 2
	}
	if o.readOnly {
		fail(stderr, "server.cli.read_only")
		return 2
	}
	if *maxSessions < 0 || *idle < 0 {
		fail(stderr, "server.cli.limits")
		return 2
	}
	path, err := dbPath(o)
	if err != nil {
		failErr(stderr, err)
		return 1
	}
	if *hostKey == "" {
		dir, err := dataDir()
		if err != nil {
			failErr(stderr, err)
			return 1
		}
		*hostKey = filepath.Join(dir, "host_ed25519")
	}
	logger := log.NewWithOptions(stderr, log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339})
	if !loopback(*listen) {
		logger.Warn(model.T("server.log.public"), "addr", *listen)
	}
	if o.demo { // as the local mode: the demo department is made on first use
		if _, statErr := os.Stat(path); errors.Is(statErr, os.ErrNotExist) {
			say(stderr, "cli.creating_demo", demoClients, path)
			if _, err := makeDemo(path, demoClients, demoSeed); err != nil {
				failErr(stderr, err)
				return 1
			}
		}
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		failErr(stderr, err)
		return 1
	}
	closeDB := sync.OnceValue(db.Close)
	defer closeDB()
	srv, err := server.New(db, server.Options{Listen: *listen, HostKeyPath: *hostKey, MaxSessions: *maxSessions,
		IdleTimeout: *idle, Log: logger})
	if err != nil {
		failErr(stderr, err)
		return 1
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go remindOverdue(ctx, db, time.Hour)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, serveSignals...)
	defer signal.Stop(signals)
	served := make(chan error, 1)
	go func() { served <- srv.ListenAndServe() }()
	for {
		select {
		case err := <-served:
			if err != nil {
				failErr(stderr, err)
				return 1
			}
			return 0
		case sig := <-signals:
			if isBackupSignal(sig) {
				backupServed(db, logger, time.Now())
				continue
			}
			sctx, scancel := context.WithTimeout(context.Background(), shutdownGrace)
			err := srv.Shutdown(sctx)
			scancel()
			<-served
			cancel()
			if cerr := closeDB(); err == nil {
				err = cerr
			}
			if err != nil && !errors.Is(err, context.DeadlineExceeded) {
				failErr(stderr, err)
				return 1
			}
			logger.Info(model.T("server.log.stopped"), "db", path)
			return 0
		}
	}
}

// backupServed writes a consistent copy of the served database next to it,
// named by the time (<db>.backup-YYYYMMDD-HHMMSS), and logs it.
func backupServed(db *store.DB, logger *log.Logger, now time.Time) {
	target := fmt.Sprintf("%s.backup-%s", db.Path(), now.Format("20060102-150405"))
	if err := db.Backup(target); err != nil {
		logger.Error(model.T("server.log.backup_failed"), "file", target, "err", err)
		return
	}
	logger.Info(model.T("server.log.backup"), "file", target)
}

// loopback reports whether addr (host:port) listens on loopback only; an
// empty host (every interface) or an unresolved name is not.
func loopback(addr string) bool {
	h, _, err := net.SplitHostPort(addr)
	if err != nil || h == "" {
		return false
	}
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}
