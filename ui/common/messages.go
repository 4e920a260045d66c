package common

import "clientbase/model"

// StatusMsg puts a sentence in the status bar's message slot.
type StatusMsg struct {
	Text string
	Err  bool
}

// DataChangedMsg tells every screen that a record changed (after a save,
// archive or restore), so lists and counts refresh.
type DataChangedMsg struct {
	Kind string // "client", "user"
	ID   model.ID
}

// SwitchTabMsg asks the root to show a tab (0 clients, 1 calls, 2 orders, 3 complaints).
type SwitchTabMsg struct{ Tab int }
