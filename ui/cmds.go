package ui

import (
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/ui/common"
)

// indexMsg says whether the search index is ready yet.
type indexMsg struct {
	ready bool
}

// backupMsg reports a backup written (or not) at path.
type backupMsg struct {
	path string
	err  error
}

// indexPoll is how often the shell looks whether the background index is ready.
const indexPoll = 100 * time.Millisecond

func loadStats(st common.ClientStore) tea.Cmd {
	return func() tea.Msg {
		s, err := st.Stats()
		return common.StatsMsg{Stats: s, Err: err}
	}
}

// checkIndex asks ready after wait (0: at once).
func checkIndex(ready func() bool, wait time.Duration) tea.Cmd {
	if wait == 0 {
		return func() tea.Msg { return indexMsg{ready: ready()} }
	}
	return tea.Tick(wait, func(time.Time) tea.Msg { return indexMsg{ready: ready()} })
}

// BackupPath is where a backup taken at t goes: next to the database.
func BackupPath(dbPath string, t time.Time) string {
	return filepath.Join(filepath.Dir(dbPath), "clientbase-backup-"+t.Format("20060102-150405")+".db")
}

func backup(st common.ClientStore, dbPath string) tea.Cmd {
	return func() tea.Msg {
		path := BackupPath(dbPath, time.Now())
		return backupMsg{path: path, err: st.Backup(path)}
	}
}

func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: isErr} }
}
