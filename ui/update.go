package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	exchangeui "clientbase/ui/exchange"
	"clientbase/ui/styles"
	"clientbase/ui/users"
)

// Update routes keys in one fixed order (overlay → ctrl+c → focused text
// field → shell keys → active tab) and hands every other message to all tabs.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.layout()
		a.memo.touchAll()
		return a, nil
	case tea.BackgroundColorMsg:
		a.styles = styles.New(msg.IsDark())
		for _, t := range a.tabs {
			t.SetStyles(a.styles)
		}
		a.memo.touchAll()
		if a.users != nil {
			a.users.SetStyles(a.styles)
		}
		if a.exch != nil {
			a.exch.SetStyles(a.styles)
		}
		return a, a.broadcast(msg)
	case tea.KeyPressMsg:
		return a, a.onKey(msg)
	case tea.PasteMsg:
		// A paste is typing: it goes where keys go, never to a hidden tab.
		if a.showHelp {
			return a, nil
		}
		if a.users != nil {
			return a, a.users.Update(msg)
		}
		if a.exch != nil {
			return a, a.exch.Update(msg)
		}
		return a, a.send(a.active, msg)
	case common.StatusMsg:
		a.message, a.msgErr, a.backupPath = msg.Text, msg.Err, ""
		return a, nil
	case common.SwitchTabMsg:
		return a, a.setTab(msg.Tab)
	case common.OpenClientMsg:
		shown := a.setTab(TabClients)
		a.memo.touch(TabClients)
		return a, tea.Batch(shown, a.clients.OpenCard(msg.Client))
	case common.TakeCallMsg, common.CallClientMsg:
		return a, tea.Batch(a.setTab(TabCalls), a.send(TabCalls, msg))
	case common.NewOrderMsg, common.OpenOrderMsg:
		return a, tea.Batch(a.setTab(TabOrders), a.send(TabOrders, msg))
	case common.NewComplaintMsg, common.OpenComplaintMsg:
		return a, tea.Batch(a.setTab(TabComplaints), a.send(TabComplaints, msg))
	case common.StatsMsg:
		if msg.Err != nil {
			a.statsOK, a.statsErr = false, true
		} else {
			a.stats, a.statsOK, a.statsErr = msg.Stats, true, false
		}
		return a, a.send(TabClients, msg) // the only tab that shows the counts
	case common.DataChangedMsg:
		return a, tea.Batch(loadStats(a.cfg.Store), a.tellChange(msg))
	case changesMsg:
		return a, a.onChanges(msg)
	case indexMsg:
		if !msg.ready {
			return a, checkIndex(a.cfg.IndexReady, indexPoll)
		}
		a.indexing = false
		if a.message == "" {
			a.message = model.T("ui.status.ready")
		}
		return a, a.broadcast(common.IndexReadyMsg{})
	case backupMsg:
		if msg.err != nil {
			a.message, a.msgErr, a.backupPath = model.T("ui.backup.failed", msg.err.Error()), true, ""
		} else {
			a.message, a.msgErr, a.backupPath = model.T("ui.backup.done", msg.path), false, msg.path
		}
		return a, nil
	}
	return a, a.broadcast(msg)
}

func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(a.tabs)+1)
	for i := range a.tabs {
		cmds = append(cmds, a.send(i, msg))
	}
	if a.users != nil {
		cmds = append(cmds, a.users.Update(msg))
	}
	if a.exch != nil {
		cmds = append(cmds, a.exch.Update(msg))
	}
	return tea.Batch(cmds...)
}

func (a *App) onKey(k tea.KeyPressMsg) tea.Cmd {
	if a.showHelp {
		switch {
		case key.Matches(k, a.keys.ForceQuit):
			return tea.Quit
		case key.Matches(k, a.okeys.Close):
			a.showHelp = false
		}
		return nil
	}
	if key.Matches(k, a.keys.ForceQuit) {
		return tea.Quit
	}
	if a.users != nil {
		return a.onUsersKey(k)
	}
	if a.exch != nil {
		return a.onExchangeKey(k)
	}
	tab := a.tabs[a.active]
	if tab.InputFocused() {
		return a.send(a.active, k)
	}
	if c, ok := tab.(common.KeyClaimer); ok && c.ClaimsKey(k) {
		return a.send(a.active, k)
	}
	switch {
	case key.Matches(k, a.keys.Tab1):
		return a.setTab(TabClients)
	case key.Matches(k, a.keys.Tab2):
		return a.setTab(TabCalls)
	case key.Matches(k, a.keys.Tab3):
		return a.setTab(TabOrders)
	case key.Matches(k, a.keys.Tab4):
		return a.setTab(TabComplaints)
	case key.Matches(k, a.keys.NextTab):
		return a.setTab((a.active + 1) % len(a.tabs))
	case key.Matches(k, a.keys.PrevTab):
		return a.setTab((a.active + len(a.tabs) - 1) % len(a.tabs))
	case key.Matches(k, a.keys.Help):
		a.showHelp = true
	case key.Matches(k, a.ukeys.Open):
		return a.openUsers()
	case key.Matches(k, a.xkeys.Open):
		return a.openExchange()
	case key.Matches(k, a.keys.Quit):
		return tea.Quit
	case key.Matches(k, a.keys.Backup):
		a.message, a.msgErr, a.backupPath = model.T("ui.backup.running"), false, ""
		return backup(a.cfg.Store, a.cfg.DBPath)
	default:
		return a.send(a.active, k)
	}
	return nil
}

// openUsers opens the users pane over the tab, for those who manage users;
// anyone else is told why not.
func (a *App) openUsers() tea.Cmd {
	if !model.Can(a.cfg.Me, model.ActUserManage) {
		a.message, a.msgErr, a.backupPath = model.T("users.forbidden"), true, ""
		return nil
	}
	a.users = users.New(common.Env{Store: a.cfg.Store, Me: a.cfg.Me, Styles: a.styles, ReadOnly: a.cfg.ReadOnly, Loc: a.cfg.Loc, Now: a.cfg.Now})
	a.users.SetSize(a.width, a.bodyHeight())
	return a.users.Init()
}

// onUsersKey routes a key while the users pane is open: ? shows its help
// outside its text field, everything else is the pane's; esc on its list
// closes it.
func (a *App) onUsersKey(k tea.KeyPressMsg) tea.Cmd {
	if !a.users.InputFocused() && key.Matches(k, a.keys.Help) {
		a.showHelp = true
		return nil
	}
	cmd := a.users.Update(k)
	if a.users.Closed() {
		a.users = nil
	}
	return cmd
}

// openExchange opens the data in/out pane over the tab for those who may
// import or export; anyone else is told why not.
func (a *App) openExchange() tea.Cmd {
	if !model.Can(a.cfg.Me, model.ActDataImport) && !model.Can(a.cfg.Me, model.ActDataExport) {
		a.message, a.msgErr, a.backupPath = model.T("exch.ui.forbidden"), true, ""
		return nil
	}
	if a.cfg.Changes != nil {
		// A team-server session: the paths typed would be the server's disk.
		a.message, a.msgErr, a.backupPath = model.T("exch.ui.served"), true, ""
		return nil
	}
	a.exch = exchangeui.New(common.Env{Store: a.cfg.Store, Me: a.cfg.Me, Styles: a.styles, ReadOnly: a.cfg.ReadOnly, Loc: a.cfg.Loc, Now: a.cfg.Now}, nil)
	a.exch.SetSize(a.width, a.bodyHeight())
	return a.exch.Init()
}

// onExchangeKey routes a key while the data in/out pane is open, as
// onUsersKey does.
func (a *App) onExchangeKey(k tea.KeyPressMsg) tea.Cmd {
	if !a.exch.InputFocused() && key.Matches(k, a.keys.Help) {
		a.showHelp = true
		return nil
	}
	cmd := a.exch.Update(k)
	if a.exch.Closed() {
		a.exch = nil
	}
	return cmd
}

// Exchange is the data in/out pane while open (tests drive it); nil closed.
func (a *App) Exchange() *exchangeui.Model { return a.exch }

// UsersOpen reports whether the users pane is on screen.
func (a *App) UsersOpen() bool { return a.users != nil }

// setTab shows tab i and tells it the changes it missed while hidden.
func (a *App) setTab(i int) tea.Cmd {
	if i < 0 || i >= len(a.tabs) || i == a.active {
		return nil
	}
	a.active = i
	var cmds []tea.Cmd
	for _, msg := range a.later[i].Take() {
		cmds = append(cmds, a.send(i, msg))
	}
	return tea.Batch(cmds...)
}

// tellChange hands a data change to the tab on screen (and the users
// pane); the hidden tabs hear it when shown (common.Later).
func (a *App) tellChange(msg common.DataChangedMsg) tea.Cmd {
	for i := range a.tabs {
		if i != a.active {
			a.later[i].Add(msg)
		}
	}
	cmd := a.send(a.active, msg)
	if a.users != nil {
		cmd = tea.Batch(cmd, a.users.Update(msg))
	}
	return cmd
}

// bodyHeight is the room between the tab bar and the status bar + footer.
func (a *App) bodyHeight() int { return max(0, a.height-3) }

func (a *App) layout() {
	for _, t := range a.tabs {
		t.SetSize(a.width, a.bodyHeight())
	}
	a.memo.touchAll()
	if a.users != nil {
		a.users.SetSize(a.width, a.bodyHeight())
	}
	if a.exch != nil {
		a.exch.SetSize(a.width, a.bodyHeight())
	}
}
