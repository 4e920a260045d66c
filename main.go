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
	fmt.Fprint(w, model.T("cli.usage"))
	fmt.Fprint(w, model.T("exch.cli.usage")) // import, export and the scripts (cmd_import.go, cmd_export.go, cmd_scripts.go)
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
		case "report":
			return cmdReport(args[1:], stdout, stderr)
		case "serve":
			return cmdServe(args[1:], stdout, stderr)
		case "import":
			return cmdImport(args[1:], stdout, stderr)
		case "export":
			return cmdExport(args[1:], stdout, stderr)
		case "find":
			return cmdFind(args[1:], stdout, stderr)
		case "plan":
			return cmdPlan(args[1:], stdout, stderr)
		case "complaints":
			return cmdComplaints(args[1:], stdout, stderr)
		case "help":
			usage(stdout)
			return 0
		default:
			fail(stderr, "cli.unknown_command", args[0])
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
		fail(stderr, "cli.unexpected_argument", fs.Arg(0))
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
		fail(os.Stderr, "cli.bad_flag", err)
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
			return "", errors.New(model.T("cli.no_home", err))
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
		failErr(stderr, err)
		return nil, model.User{}, false
	}
	if o.demo {
		if _, statErr := os.Stat(path); errors.Is(statErr, os.ErrNotExist) {
			say(stderr, "cli.creating_demo", demoClients, path)
			if _, err := makeDemo(path, demoClients, demoSeed); err != nil {
				failErr(stderr, err)
				return nil, model.User{}, false
			}
		}
	}
	db, err := store.Open(path, store.Options{ReadOnly: o.readOnly})
	if err != nil {
		failErr(stderr, err)
		return nil, model.User{}, false
	}
	me, err := db.SignIn(userName(o))
	if err != nil {
		db.Close()
		failErr(stderr, err)
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
		// built behind it, then the product catalogue.
		_ = db.BuildIndex(ctx)
		_ = db.LoadCatalogue()
	}()
	if !db.ReadOnly() {
		go remindOverdue(ctx, db, time.Hour)
	}

	app := ui.New(ui.Config{
		Store:      db.As(me),
		Me:         me,
		DBPath:     db.Path(),
		ReadOnly:   db.ReadOnly(),
		Loc:        time.Local,
		IndexReady: db.IndexReady,
	})
	if _, err := tea.NewProgram(app, tea.WithContext(ctx)).Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		failErr(stderr, err)
		return 1
	}
	return 0
}

// remindOverdue plans the debt-reminder call of every invoice that has
// become overdue — at start and then every interval while the program runs;
// the store plans each invoice's call once.
func remindOverdue(ctx context.Context, db *store.DB, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		_, _ = db.PlanOverdueReminders() // a failure is retried at the next tick
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// demoPlanClients is how many of the demo's clients its plan draws on.
const demoPlanClients = 20_000

// demoDirector is the demo department's director, who signs the plan's load.
func demoDirector() string {
	for _, u := range demo.Users() {
		if u.Role == model.RoleDirector {
			return u.Name
		}
	}
	return "bulk"
}

// makeDemo writes a fresh demo database of n clients (and its plan) at path.
// demoFigures is what makeDemo wrote and how long the clients took (the
// rate clientbase demo reports is the clients' alone).
type demoFigures struct {
	items, interactions int
	orders, payments    int
	complaints, open    int // complaints loaded, of them open
	clients             time.Duration
}

func makeDemo(path string, n int, seed int64) (fig demoFigures, err error) {
	db, err := store.Open(path, store.Options{})
	if err != nil {
		return fig, err
	}
	start := time.Now()
	// The generator makes every client valid and normalised (model/demo's
	// tests check it), so the load skips model.PrepareClient.
	now := time.Now()
	var planClients []demo.PlanClient
	// a year of orders is a dozen per client, held in memory while loaded
	const demoOrderClients = 5_000
	var orderClients []demo.OrderClient
	var complaintClients []demo.ComplaintClient
	var orders []model.Order // shipped ones as stored (ids, numbers), for the complaints
	years := map[int]int{}   // order numbers given per year
	loaded := 0              // orders emitted
	_, err = store.BulkLoadWith(db, demo.Users(), store.BulkOptions{Prepared: true}, func(emit func(model.Client) error) error {
		return demo.Clients(seed, n, func(c model.Client) error {
			demo.Recurring(&c)
			// The plan and the orders draw on the first clients only: a few
			// thousand items need no more, and a huge demo keeps its memory.
			if len(planClients) < demoPlanClients {
				planClients = append(planClients, demo.PlanClientOf(c))
				if cc, ok := demo.ComplaintClientOf(c); ok {
					complaintClients = append(complaintClients, cc)
				}
				if oc, ok := demo.OrderClientOf(c); ok && len(orderClients) < demoOrderClients {
					orderClients = append(orderClients, oc)
				}
			}
			return emit(c)
		})
	})
	fig.clients = time.Since(start)
	if err == nil {
		// Four weeks of calls and visits around today, so the Calls tab is lively.
		fig.items, fig.interactions, err = store.BulkLoadPlan(db, demoDirector(), func(emit func(model.PlanItem, []model.Interaction) error) error {
			return demo.Plan(seed, now, planClients, emit)
		})
	}
	if err == nil {
		// The catalogue and a year of orders and payments; the invoices left
		// overdue get their debt-reminder calls as at any start.
		products, versions := demo.Catalogue(seed, now)
		fig.orders, fig.payments, err = store.BulkLoadOrders(db, demoDirector(), products, versions, func(emit func(model.Order, []model.Payment) error) error {
			return demo.Orders(seed, now, products, versions, orderClients, func(o model.Order, pays []model.Payment) error {
				if c, ok := complainable(numberedAsStored(o, loaded, years)); ok {
					orders = append(orders, c)
				}
				loaded++
				return emit(o, pays)
			})
		})
	}
	if err == nil {
		// Half a year of complaints on those orders.
		fig.complaints, fig.open, err = demoComplaints(db, seed, now, complaintClients, orders)
	}
	if err == nil {
		_, err = db.PlanOverdueReminders()
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return fig, err
}

// numberedAsStored gives the i-th order of a fresh file's bulk load the id
// and number the store gives it (ids from 1 in load order, numbers per year
// of the date in the local zone); demoComplaints checks them against the file.
func numberedAsStored(o model.Order, i int, years map[int]int) model.Order {
	o.ID = model.ID(i + 1)
	if o.Number == "" {
		y := o.Date.In(time.Local).Year()
		years[y]++
		o.Number = fmt.Sprintf("%04d-%06d", y, years[y])
	}
	return o
}

// complainable is what the complaints need of an order: a shipped one with
// its lines and the shipment alone of its history (a big demo holds a year
// of orders while they load; this keeps the copy small).
func complainable(o model.Order) (model.Order, bool) {
	for _, e := range o.Events {
		if e.To == model.OrderShipped || e.To == model.OrderShippedPartly {
			o.Events = []model.OrderEvent{e}
			return o, true
		}
	}
	return o, false
}

// demoComplaints generates the demo's complaints on orders and loads them;
// it returns how many it loaded and how many are open.
func demoComplaints(db *store.DB, seed int64, now time.Time, clients []demo.ComplaintClient, orders []model.Order) (n, open int, err error) {
	s := db.As(model.User{Name: demoDirector(), Role: model.RoleDirector})
	settings, err := s.ComplaintSettings()
	if err != nil {
		return 0, 0, err
	}
	cs := demo.Complaints(seed, now, clients, orders, demo.Users(), settings)
	// the orders' ids and numbers are the file's: check those named
	checked := map[model.ID]bool{}
	for _, c := range cs {
		if c.Order == 0 || checked[c.Order] {
			continue
		}
		checked[c.Order] = true
		o, err := s.Order(c.Order)
		if err != nil {
			return 0, 0, err
		}
		if o.Client != c.Client || o.Number != c.OrderNo {
			return 0, 0, errors.New(model.T("complaintlinks.demo_order_mismatch", uint64(c.Order), o.Number, uint64(o.Client), c.OrderNo, uint64(c.Client)))
		}
	}
	if err := db.BulkLoadComplaints(cs); err != nil {
		return 0, 0, err
	}
	for _, c := range cs {
		if c.IsOpen() {
			open++
		}
	}
	return len(cs), open, nil
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
		failErr(stderr, err)
		return 1
	}
	if *n < 1 || *n > 50_000_000 {
		fail(stderr, "cli.clients_range")
		return 2
	}
	if _, err := os.Stat(path); err == nil {
		if !*force {
			fail(stderr, "cli.demo_exists", path)
			return 1
		}
		if err := os.Remove(path); err != nil {
			fail(stderr, "cli.cannot_replace", path, err)
			return 1
		}
	}
	start := time.Now()
	fig, err := makeDemo(path, *n, *seed)
	if err != nil {
		failErr(stderr, err)
		return 1
	}
	took := time.Since(start)
	say(stdout, "cli.demo_written", *n, fig.items, fig.interactions, fig.orders, fig.payments, path, took.Round(time.Millisecond),
		float64(*n)/fig.clients.Seconds())
	say(stdout, "complaintlinks.demo_complaints", fig.complaints, fig.open)
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
		fail(stderr, "cli.backup_file")
		return 2
	}
	o.readOnly = true // a backup only reads
	db, me, ok := openStore(o, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	if err := db.As(me).Backup(target); err != nil {
		failErr(stderr, err)
		return 1
	}
	say(stdout, "cli.backup_written", target)
	return 0
}

func cmdUser(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fail(stderr, "cli.user_what")
		return 2
	}
	sub, args := args[0], args[1:]
	if sub == "key" {
		return cmdUserKey(args, stdout, stderr)
	}
	var o options
	fs := newFlagSet("user", stderr)
	globalFlags(fs, &o)
	role := fs.String("role", "", "role")
	fullName := fs.String("full-name", "", "full name")
	var keys []model.UserKey
	fs.Func("key", "an SSH public key (authorized_keys line); may repeat", func(line string) error {
		keys = append(keys, model.UserKey{Line: line})
		return nil
	})
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
			failErr(stderr, err)
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
			fail(stderr, "cli.user_name")
			return 2
		}
		r := model.Role(*role)
		valid := false
		for _, known := range model.Roles {
			valid = valid || r == known
		}
		if !valid {
			fail(stderr, "cli.bad_role", *role)
			return 2
		}
		for _, k := range keys { // bad key text is told before the database is opened
			if _, err := store.ParseKeyLine(k.Line); err != nil {
				failErr(stderr, err)
				return 2
			}
		}
		db, me, ok := openStore(o, stderr)
		if !ok {
			return 1
		}
		defer db.Close()
		u, err := db.As(me).SaveUser(model.User{Name: name, FullName: *fullName, Role: r, Keys: keys})
		if err != nil {
			failErr(stderr, err)
			return 1
		}
		say(stdout, "cli.user_added", u.Name, u.Role)
		for _, k := range u.Keys {
			say(stdout, "cli.key_added", k.Fingerprint, k.Type, u.Name)
		}
		return 0
	default:
		fail(stderr, "cli.user_unknown", sub)
		return 2
	}
}

// cmdUserKey is `clientbase user key add NAME "KEY" | list NAME | remove
// NAME FINGERPRINT`: a user's SSH keys for the team server (director only
// for add and remove).
func cmdUserKey(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fail(stderr, "cli.key_what")
		return 2
	}
	sub, args := args[0], args[1:]
	var o options
	fs := newFlagSet("user key", stderr)
	globalFlags(fs, &o)
	// the positional words come first or after the flags
	var words []string
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		words, args = append(words, args[0]), args[1:]
	}
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	words = append(words, fs.Args()...)
	want := map[string]int{"add": 2, "list": 1, "remove": 2}
	n, known := want[sub]
	if !known {
		fail(stderr, "cli.key_unknown", sub)
		return 2
	}
	if len(words) != n {
		fail(stderr, "cli.key_usage_"+sub)
		return 2
	}
	if sub == "list" {
		o.readOnly = true
	}
	db, me, ok := openStore(o, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	s := db.As(me)
	switch sub {
	case "add":
		k, err := s.AddUserKey(words[0], words[1])
		if err != nil {
			failErr(stderr, err)
			return 1
		}
		say(stdout, "cli.key_added", k.Fingerprint, k.Type, words[0])
	case "list":
		users, err := s.Users()
		if err != nil {
			failErr(stderr, err)
			return 1
		}
		for _, u := range users {
			if u.Name != words[0] {
				continue
			}
			for _, k := range u.Keys {
				fmt.Fprintf(stdout, "%s  %-19s %s  %s\n", k.Fingerprint, k.Type, model.FormatDate(k.Added, time.Local), k.Comment)
			}
			return 0
		}
		fail(stderr, "cli.no_such_user", words[0])
		return 1
	case "remove":
		if err := s.RemoveUserKey(words[0], words[1]); err != nil {
			failErr(stderr, err)
			return 1
		}
		say(stdout, "cli.key_removed", words[1], words[0])
	}
	return 0
}

// say prints a catalogue message on its own line.
func say(w io.Writer, key string, args ...any) { fmt.Fprintln(w, model.T(key, args...)) }

// fail prints a catalogue message as clientbase's complaint.
func fail(w io.Writer, key string, args ...any) {
	fmt.Fprintln(w, "clientbase: "+model.T(key, args...))
}

// failErr prints an error (already a sentence from the store or model).
func failErr(w io.Writer, err error) { fmt.Fprintln(w, "clientbase: "+err.Error()) }
