// Command clientbase is a keyboard-driven terminal workstation for a
// client-relations department: clients, call schedule, orders, complaints,
// all in one embedded bbolt database file.
//
// main.go holds flags and subcommands, opens the store and starts the
// program; nothing else.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"
	_ "time/tzdata" // time zones of clients must resolve on any machine

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/model/demo"
	"clientbase/store"
	"clientbase/ui"
)

// demoClients is the size of the ready demo department behind --demo.
const demoClients = 2500

// demoSeed makes every newcomer's demo department the same.
const demoSeed = 20261123

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the flags every command shares.
type options struct {
	db       string
	user     string
	readOnly bool
	demo     bool
}

func usage(w io.Writer) {
	fmt.Fprint(w, `clientbase: the client-relations department's workstation.

Usage:
  clientbase [flags]                     open the database in the terminal UI
  clientbase --demo [flags]              open a ready demo department (created on first use)
  clientbase demo [--clients N] [--seed S] [--force] [flags]
                                         generate a demo database (default: 2,500 clients;
                                         --clients 1000000 for a benchmark-size one)
  clientbase backup FILE [flags]         write a consistent copy of the database to FILE
  clientbase user add NAME --role ROLE [--full-name TEXT] [flags]
                                         add a user (director only)
  clientbase user list [flags]           list the users and their roles
  clientbase help                        this text

Flags:
  --db PATH      the database file (default: $CLIENTBASE_DB, else
                 $XDG_DATA_HOME/clientbase/clientbase.db; with --demo the demo database)
  --user NAME    who you are (default: the operating-system user; the first user of an
                 empty database becomes its director; with --demo the demo director)
  --read-only    open the database read-only, to page through it while someone else works in it
  --demo         use the demo database
  -h, --help     this text

Roles: operator, manager, head, director.
`)
}

// globalFlags registers the shared flags on fs.
func globalFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.db, "db", "", "database file")
	fs.StringVar(&o.user, "user", "", "user name")
	fs.BoolVar(&o.readOnly, "read-only", false, "open read-only")
	fs.BoolVar(&o.demo, "demo", false, "use the demo database")
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "demo":
			return cmdDemo(args[1:], stdout, stderr)
		case "backup":
			return cmdBackup(args[1:], stdout, stderr)
		case "user":
			return cmdUser(args[1:], stdout, stderr)
		case "help":
			usage(stdout)
			return 0
		default:
			fmt.Fprintf(stderr, "clientbase: unknown command %q; run clientbase --help for the list.\n", args[0])
			return 2
		}
	}
	var o options
	fs := newFlagSet("clientbase", stderr)
	globalFlags(fs, &o)
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "clientbase: unexpected argument %q; run clientbase --help.\n", fs.Arg(0))
		return 2
	}
	return runUI(o, stderr)
}

// newFlagSet makes a flag set whose --help prints the one usage text.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args; done is true when the caller should return code at once.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (code int, done bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		usage(stdout)
		return 0, true
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "clientbase: %v; run clientbase --help.\n", err)
		return 2, true
	}
	return 0, false
}

// dataDir is $XDG_DATA_HOME/clientbase (or ~/.local/share/clientbase).
func dataDir() (string, error) {
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("cannot find your home directory (%v); pass --db PATH", err)
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "clientbase"), nil
}

// dbPath resolves which database file to open.
func dbPath(o options) (string, error) {
	if o.db != "" {
		return o.db, nil
	}
	if !o.demo {
		if env := os.Getenv("CLIENTBASE_DB"); env != "" {
			return env, nil
		}
	}
	dir, err := dataDir()
	if err != nil {
		return "", err
	}
	if o.demo {
		return filepath.Join(dir, "demo.db"), nil
	}
	return filepath.Join(dir, "clientbase.db"), nil
}

// userName resolves who is signing in.
func userName(o options) string {
	if o.user != "" {
		return o.user
	}
	if o.demo {
		for _, u := range demo.Users() {
			if u.Role == model.RoleDirector {
				return u.Name
			}
		}
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// openStore opens the database and signs the user in, printing a sentence on failure.
func openStore(o options, stderr io.Writer) (*store.DB, model.User, bool) {
	path, err := dbPath(o)
	if err != nil {
		fmt.Fprintf(stderr, "clientbase: %v\n", err)
		return nil, model.User{}, false
	}
	if o.demo {
		if _, statErr := os.Stat(path); errors.Is(statErr, os.ErrNotExist) {
			fmt.Fprintf(stderr, "Creating the demo department (%d clients) in %s …\n", demoClients, path)
			if err := makeDemo(path, demoClients, demoSeed); err != nil {
				fmt.Fprintf(stderr, "clientbase: %v\n", err)
				return nil, model.User{}, false
			}
		}
	}
	db, err := store.Open(path, store.Options{ReadOnly: o.readOnly})
	if err != nil {
		fmt.Fprintf(stderr, "clientbase: %v\n", err)
		return nil, model.User{}, false
	}
	me, err := db.SignIn(userName(o))
	if err != nil {
		db.Close()
		fmt.Fprintf(stderr, "clientbase: %v\n", err)
		return nil, model.User{}, false
	}
	return db, me, true
}

func runUI(o options, stderr io.Writer) int {
	db, me, ok := openStore(o, stderr)
	if !ok {
		return 1
	}
	defer db.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		// The first screen comes from the name index; the search index is
		// built behind it.
		_ = db.BuildIndex(ctx)
	}()

	app := ui.New(ui.Config{
		Store:      db.As(me),
		Me:         me,
		DBPath:     db.Path(),
		ReadOnly:   db.ReadOnly(),
		Loc:        time.Local,
		IndexReady: db.IndexReady,
	})
	if _, err := tea.NewProgram(app, tea.WithContext(ctx)).Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		fmt.Fprintf(stderr, "clientbase: %v\n", err)
		return 1
	}
	return 0
}

// makeDemo writes a fresh demo database of n clients at path.
func makeDemo(path string, n int, seed int64) error {
	db, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	// The generator makes every client valid and normalised (model/demo's
	// tests check it), so the load skips model.PrepareClient.
	_, err = store.BulkLoadWith(db, demo.Users(), store.BulkOptions{Prepared: true}, func(emit func(model.Client) error) error {
		return demo.Clients(seed, n, emit)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

func cmdDemo(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet("demo", stderr)
	globalFlags(fs, &o)
	n := fs.Int("clients", demoClients, "number of clients")
	seed := fs.Int64("seed", demoSeed, "random seed")
	force := fs.Bool("force", false, "replace an existing file")
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	o.demo = true
	path, err := dbPath(o)
	if err != nil {
		fmt.Fprintf(stderr, "clientbase: %v\n", err)
		return 1
	}
	if *n < 1 || *n > 50_000_000 {
		fmt.Fprintf(stderr, "clientbase: --clients must be between 1 and 50,000,000.\n")
		return 2
	}
	if _, err := os.Stat(path); err == nil {
		if !*force {
			fmt.Fprintf(stderr, "clientbase: %s already exists; add --force to replace it.\n", path)
			return 1
		}
		if err := os.Remove(path); err != nil {
			fmt.Fprintf(stderr, "clientbase: cannot replace %s: %v\n", path, err)
			return 1
		}
	}
	start := time.Now()
	if err := makeDemo(path, *n, *seed); err != nil {
		fmt.Fprintf(stderr, "clientbase: %v\n", err)
		return 1
	}
	took := time.Since(start)
	fmt.Fprintf(stdout, "Wrote %d clients to %s in %v (%.0f clients/s).\n", *n, path, took.Round(time.Millisecond), float64(*n)/took.Seconds())
	return 0
}

func cmdBackup(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet("backup", stderr)
	globalFlags(fs, &o)
	// The target may come before or after the flags.
	var target string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		target, args = args[0], args[1:]
	}
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if target == "" && fs.NArg() == 1 {
		target = fs.Arg(0)
	}
	if target == "" {
		fmt.Fprintln(stderr, "clientbase: name the backup file: clientbase backup FILE.")
		return 2
	}
	o.readOnly = true // a backup only reads
	db, me, ok := openStore(o, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	if err := db.As(me).Backup(target); err != nil {
		fmt.Fprintf(stderr, "clientbase: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Backup written to %s.\n", target)
	return 0
}

func cmdUser(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "clientbase: say what to do: clientbase user add NAME --role ROLE, or clientbase user list.")
		return 2
	}
	sub, args := args[0], args[1:]
	var o options
	fs := newFlagSet("user", stderr)
	globalFlags(fs, &o)
	role := fs.String("role", "", "role")
	fullName := fs.String("full-name", "", "full name")
	var name string
	if sub == "add" && len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	switch sub {
	case "list":
		o.readOnly = true
		db, me, ok := openStore(o, stderr)
		if !ok {
			return 1
		}
		defer db.Close()
		users, err := db.As(me).Users()
		if err != nil {
			fmt.Fprintf(stderr, "clientbase: %v\n", err)
			return 1
		}
		for _, u := range users {
			fmt.Fprintf(stdout, "%-16s %-9s %s\n", u.Name, u.Role, u.FullName)
		}
		return 0
	case "add":
		if name == "" && fs.NArg() > 0 {
			name = fs.Arg(0)
		}
		if name == "" {
			fmt.Fprintln(stderr, "clientbase: name the user: clientbase user add NAME --role ROLE.")
			return 2
		}
		r := model.Role(*role)
		valid := false
		for _, known := range model.Roles {
			valid = valid || r == known
		}
		if !valid {
			fmt.Fprintf(stderr, "clientbase: --role must be one of operator, manager, head, director (got %q).\n", *role)
			return 2
		}
		db, me, ok := openStore(o, stderr)
		if !ok {
			return 1
		}
		defer db.Close()
		u, err := db.As(me).SaveUser(model.User{Name: name, FullName: *fullName, Role: r})
		if err != nil {
			fmt.Fprintf(stderr, "clientbase: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "Added %s as %s.\n", u.Name, u.Role)
		return 0
	default:
		fmt.Fprintf(stderr, "clientbase: unknown user command %q: use add or list.\n", sub)
		return 2
	}
}
