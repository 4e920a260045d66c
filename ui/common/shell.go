package common

import "clientbase/model"

// StatsMsg carries fresh record counts to the status bar and every screen
// (the client list shows "N of M clients" from it).
type StatsMsg struct {
	Stats model.Stats
	Err   error
}

// IndexReadyMsg tells the screens that the search index finished building,
// so filters sent while it was indexing can be asked again.
type IndexReadyMsg struct{}
