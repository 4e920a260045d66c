package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/helpview"
	"clientbase/ui/components/statusbar"
	"clientbase/ui/components/tabs"
)

// View draws the whole screen in the alternate screen.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = model.T("ui.app.name")
	return v
}

func (a *App) render() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	s := a.styles
	titles := make([]string, len(a.tabs))
	for i, t := range a.tabs {
		titles[i] = t.Title()
	}
	var body string
	if a.showHelp {
		body = helpview.Overlay(s, model.T("ui.help.title"), a.fullHelp(), model.T("ui.help.close"), a.width, a.bodyHeight())
	} else if a.users != nil {
		body = a.users.View()
	} else if a.exch != nil {
		body = a.exch.View()
	} else {
		body = a.memo.tab(a.active, func() string {
			return fitHeight(a.tabs[a.active].View(), a.width, a.bodyHeight())
		})
	}
	help := a.shortHelp()
	foot := keyed(&a.memo.footKey, &a.memo.foot, bindingsKey(help, a.width), func() string { return helpview.Footer(s, help, a.width) })
	bar := keyed(&a.memo.barKey, &a.memo.bar, joinKey(strconv.Itoa(a.active), strconv.Itoa(a.width), joinKey(titles...)), func() string {
		return tabs.View(s, titles, a.active, model.T("ui.app.name"), a.width)
	})
	sb := a.statusBar()
	status := keyed(&a.memo.statusKey, &a.memo.status, sb.Key(a.width), func() string { return sb.View(s, a.width) })
	if a.showHelp || a.users != nil || a.exch != nil {
		body = fitHeight(body, a.width, a.bodyHeight())
	}
	parts := []string{bar, body, status, foot}
	out := strings.Join(parts, "\n")
	lines := strings.Split(out, "\n")
	if len(lines) > a.height {
		lines = lines[:a.height]
	}
	return strings.Join(lines, "\n")
}

// fitHeight keeps a screen's body at exactly h lines whatever it returned.
func fitHeight(body string, w, h int) string {
	if h == 0 {
		return ""
	}
	lines := strings.Split(body, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines, "\n")
}

func (a *App) statusBar() statusbar.Model {
	sb := statusbar.Model{
		User:    a.cfg.Me.Name + " · " + model.T("ui.role."+string(a.cfg.Me.Role)),
		DBPath:  a.cfg.DBPath,
		Message: a.message,
		IsError: a.msgErr,
	}
	if a.backupPath != "" {
		room := a.width - lipgloss.Width(a.styles.StatusKey.Render(sb.User)) -
			a.styles.StatusMsg.GetHorizontalFrameSize() - lipgloss.Width(model.T("ui.backup.done", ""))
		sb.Message = model.T("ui.backup.done", statusbar.ShortenPath(a.backupPath, a.home, room))
	}
	if a.statsOK {
		sb.Counts = model.T("ui.status.counts", a.stats.Clients)
		if a.stats.Archived > 0 {
			sb.Counts = model.T("ui.status.counts_arch", a.stats.Clients, a.stats.Archived)
		}
		sb.Extra = model.T("ui.status.users", a.stats.Users)
	}
	if a.statsErr {
		sb.Counts = model.T("ui.status.counts_err")
	}
	if a.cfg.ReadOnly {
		sb.Badges = append(sb.Badges, model.T("ui.status.readonly"))
	}
	if a.indexing {
		sb.Badges = append(sb.Badges, model.T("ui.status.indexing"))
	}
	return sb
}

func (a *App) shortHelp() []key.Binding {
	if a.showHelp {
		return a.okeys.ShortHelp()
	}
	if a.users != nil {
		b := append([]key.Binding{}, a.users.ShortHelp()...)
		if a.users.InputFocused() {
			return b
		}
		return append(b, a.keys.Help)
	}
	if a.exch != nil {
		b := append([]key.Binding{}, a.exch.ShortHelp()...)
		if a.exch.InputFocused() {
			return b
		}
		return append(b, a.keys.Help)
	}
	b := append([]key.Binding{}, a.tabs[a.active].ShortHelp()...)
	if a.tabs[a.active].InputFocused() {
		return b
	}
	return append(b, a.keys.ShortHelp()...)
}

func (a *App) fullHelp() [][]key.Binding {
	if a.users != nil {
		return append(append([][]key.Binding{}, a.users.FullHelp()...), []key.Binding{a.keys.Help, a.keys.ForceQuit})
	}
	if a.exch != nil {
		return append(append([][]key.Binding{}, a.exch.FullHelp()...), []key.Binding{a.keys.Help, a.keys.ForceQuit})
	}
	g := append([][]key.Binding{}, a.tabs[a.active].FullHelp()...)
	k := a.keys
	// B stays bound (it says why it is refused) but is not offered to a role
	// that may not make backups.
	k.Backup.SetEnabled(model.Can(a.cfg.Me, model.ActBackup))
	// While the tab takes the digits (outcome keys on a call), 1–4 are not tabs.
	if c, ok := a.tabs[a.active].(common.KeyClaimer); ok && c.ClaimsKey(tea.KeyPressMsg{Code: '1', Text: "1"}) {
		for _, b := range []*key.Binding{&k.Tabs, &k.Tab1, &k.Tab2, &k.Tab3, &k.Tab4} {
			b.SetEnabled(false)
		}
	}
	shell := k.FullHelp()
	// U (the users pane) is offered to those who manage users only, after B.
	if model.Can(a.cfg.Me, model.ActUserManage) && len(shell) == 1 {
		col := append([]key.Binding{}, shell[0]...)
		for i, b := range col {
			if b.Help().Key == k.Backup.Help().Key {
				col = append(col[:i+1], append([]key.Binding{a.ukeys.Open}, col[i+1:]...)...)
				break
			}
		}
		shell = [][]key.Binding{col}
	}
	// X (data in/out) to those who may import or export, in a column of
	// its own beside the shell's (one more line would not fit at 24 rows).
	if model.Can(a.cfg.Me, model.ActDataImport) || model.Can(a.cfg.Me, model.ActDataExport) {
		shell = append(shell, []key.Binding{a.xkeys.Open})
	}
	return append(g, shell...)
}
