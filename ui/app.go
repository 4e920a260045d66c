// Package ui is the root of the interface: the tab bar, the status bar, the
// key help, and the screens under them. App is the only tea.Model whose View
// returns a tea.View.
package ui

import (
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/calls"
	"clientbase/ui/clients"
	"clientbase/ui/common"
	"clientbase/ui/complaints"
	exchangeui "clientbase/ui/exchange"
	"clientbase/ui/orders"
	"clientbase/ui/styles"
	"clientbase/ui/users"
)

// Config is what main hands the interface.
type Config struct {
	Store      common.Store
	Me         model.User
	DBPath     string
	ReadOnly   bool
	Loc        *time.Location
	IndexReady func() bool      // nil: no background index to wait for
	Now        func() time.Time // the clock for clients' local time; nil: time.Now
	// Changes is the store's change feed (the team server's live screens):
	// each batch is one committed transaction; nil in the local mode.
	Changes <-chan []model.Change
}

// Tab numbers, in tab bar order.
const (
	TabClients = iota
	TabCalls
	TabOrders
	TabComplaints
)

// App is the root model.
type App struct {
	cfg    Config
	styles styles.Styles
	keys   keymap.Global
	okeys  keymap.Overlay

	tabs    []common.Tab
	clients *clients.Model
	active  int

	width, height int
	showHelp      bool

	// users is the director's users pane (U), over whatever tab is shown;
	// nil while closed.
	users *users.Model
	ukeys keymap.Users
	// exch is the data in/out pane (X), over whatever tab is shown; nil
	// while closed.
	exch  *exchangeui.Model
	xkeys keymap.Exchange

	message string
	msgErr  bool
	// backupPath is the file the last message names; the bar shortens it
	// from the left so the file name stays readable at 80 columns.
	backupPath string
	home       string // shown as ~ in paths
	stats      model.Stats
	statsOK    bool
	statsErr   bool
	indexing   bool

	memo  frameMemo      // the parts of the frame that did not change
	later []common.Later // per tab: the data changes it missed while hidden
}

// New builds the interface; styles start dark until the terminal says otherwise.
func New(cfg Config) *App {
	if cfg.Loc == nil {
		cfg.Loc = time.Local
	}
	a := &App{cfg: cfg, styles: styles.New(true), keys: keymap.NewGlobal(), okeys: keymap.NewOverlay(), ukeys: keymap.NewUsers(), xkeys: keymap.NewExchange()}
	a.indexing = cfg.IndexReady != nil
	a.home, _ = os.UserHomeDir()
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	a.cfg = cfg
	a.clients = clients.New(clients.Deps{Store: cfg.Store, Me: cfg.Me, Styles: a.styles, ReadOnly: cfg.ReadOnly, Loc: cfg.Loc, Now: cfg.Now})
	env := common.Env{Store: cfg.Store, Me: cfg.Me, Styles: a.styles, ReadOnly: cfg.ReadOnly, Loc: cfg.Loc, Now: cfg.Now}
	a.tabs = []common.Tab{
		a.clients,
		calls.New(env),
		orders.New(env),
		complaints.New(env),
	}
	a.memo = newFrameMemo(len(a.tabs))
	a.later = make([]common.Later, len(a.tabs))
	return a
}

// Init asks the terminal for its background, loads the counts, watches the
// search index, listens to the change feed and starts every tab.
func (a *App) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, loadStats(a.cfg.Store), waitChanges(a.cfg.Changes)}
	if a.cfg.IndexReady != nil {
		cmds = append(cmds, checkIndex(a.cfg.IndexReady, 0))
	}
	for _, t := range a.tabs {
		cmds = append(cmds, t.Init())
	}
	a.memo.touchAll()
	return tea.Batch(cmds...)
}

// ActiveTab is the number of the tab on screen.
func (a *App) ActiveTab() int { return a.active }

// Clients is the client list screen (tests drive it through the App).
func (a *App) Clients() *clients.Model { return a.clients }

// HelpShown reports whether the ? overlay is open.
func (a *App) HelpShown() bool { return a.showHelp }

// Status is the status bar's last message.
func (a *App) Status() (text string, isErr bool) { return a.message, a.msgErr }
