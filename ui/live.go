package ui

import (
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// changesMsg is one batch from the store's change feed (Config.Changes):
// the changes of one committed transaction; ok false when the feed closed.
type changesMsg struct {
	batch []model.Change
	ok    bool
}

// waitChanges waits for the next batch of the change feed; a nil feed (the
// local mode) waits for nothing.
func waitChanges(ch <-chan []model.Change) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		b, ok := <-ch
		return changesMsg{batch: b, ok: ok}
	}
}

// onChanges tells the tab on screen what another session (or this one)
// changed (the others hear it when shown), reloads the status bar's counts
// and waits for the next batch.
func (a *App) onChanges(msg changesMsg) tea.Cmd {
	if !msg.ok {
		return nil // the feed closed: the server is going away
	}
	cmds := []tea.Cmd{waitChanges(a.cfg.Changes)}
	msgs := liveMessages(msg.batch)
	if len(msgs) == 0 {
		return cmds[0]
	}
	cmds = append(cmds, loadStats(a.cfg.Store))
	for _, m := range msgs {
		cmds = append(cmds, a.tellChange(m))
	}
	return tea.Batch(cmds...)
}

// liveMessages turns a batch into the screens' DataChangedMsgs: one per
// kind and record (a transaction writing a record twice tells it once),
// the audit kinds the screens know under other names translated, and a
// missed batch ("*") a single "reload what you show".
func liveMessages(batch []model.Change) []common.DataChangedMsg {
	type key struct {
		kind string
		id   model.ID
	}
	seen := make(map[key]bool, len(batch))
	var out []common.DataChangedMsg
	for _, c := range batch {
		if c.Kind == "*" {
			return []common.DataChangedMsg{{Kind: "*"}}
		}
		for _, kind := range screenKinds(c.Kind) {
			k := key{kind, c.ID}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, common.DataChangedMsg{Kind: kind, ID: c.ID})
		}
	}
	return out
}

// screenKinds names an audit kind as the screens' DataChangedMsgs do: a
// price version is "price"; the store writes every settings record under
// "settings", which the call, price and complaint settings screens each
// hear under their own kind.
func screenKinds(audit string) []string {
	switch audit {
	case "price_version":
		return []string{"price"}
	case "settings":
		return []string{"settings", "price_settings", "complaint_settings"}
	}
	return []string{audit}
}
