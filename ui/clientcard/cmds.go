package clientcard

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
)

// Every store call runs in a command built here from plain values (never the
// model), and its answer carries the generation it was asked under, so an
// answer the user has moved past is dropped.

// saveKind says what a save was for, so its answer lands in the right view.
type saveKind int

const (
	saveForm    saveKind = iota // the client form
	saveContact                 // the contact form
	saveLeft                    // a contact marked as left / back
	saveArchive                 // archive or restore
)

type clientLoadedMsg struct {
	gen    uint64
	id     model.ID
	client model.Client
	loc    *time.Location
	err    error
}

type clientSavedMsg struct {
	gen      uint64
	kind     saveKind
	archived bool // for saveArchive: the record is now archived
	client   model.Client
	loc      *time.Location
	err      error
}

type historyLoadedMsg struct {
	gen     uint64
	id      model.ID
	entries []model.AuditEntry
	err     error
}

type duplicatesMsg struct {
	gen  uint64
	dups []model.DuplicateClient
	err  error
}

// clientZone resolves a client's time zone here, off the UI loop, because
// time.LoadLocation reads the zone database from disk.
func clientZone(name string) *time.Location {
	if name == "" {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}

func loadClientCmd(st common.ClientStore, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		c, err := st.Client(id)
		return clientLoadedMsg{gen: gen, id: id, client: c, loc: clientZone(c.TimeZone), err: err}
	}
}

func saveClientCmd(st common.ClientStore, gen uint64, kind saveKind, c model.Client, reason string) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.SaveClient(c, reason)
		return clientSavedMsg{gen: gen, kind: kind, client: saved, loc: clientZone(saved.TimeZone), err: err}
	}
}

func setArchivedCmd(st common.ClientStore, gen uint64, id model.ID, version uint64, archived bool) tea.Cmd {
	return func() tea.Msg {
		saved, err := st.SetArchived(id, version, archived)
		return clientSavedMsg{gen: gen, kind: saveArchive, archived: archived, client: saved, loc: clientZone(saved.TimeZone), err: err}
	}
}

func historyCmd(st common.ClientStore, gen uint64, id model.ID) tea.Cmd {
	return func() tea.Msg {
		h, err := st.History(id)
		return historyLoadedMsg{gen: gen, id: id, entries: h, err: err}
	}
}

func duplicatesCmd(st common.ClientStore, gen uint64, c model.Client) tea.Cmd {
	return func() tea.Msg {
		d, err := st.Duplicates(c)
		return duplicatesMsg{gen: gen, dups: d, err: err}
	}
}

type usersMsg struct {
	gen   uint64
	users []model.User
	err   error
}

func usersCmd(st common.ClientStore, gen uint64) tea.Cmd {
	return func() tea.Msg {
		u, err := st.Users()
		return usersMsg{gen: gen, users: u, err: err}
	}
}

func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// changedCmds tells the other screens the client changed and says so in the status bar.
func changedCmds(id model.ID, status string) tea.Cmd {
	return tea.Batch(
		msgCmd(common.DataChangedMsg{Kind: "client", ID: id}),
		msgCmd(common.StatusMsg{Text: status}),
	)
}

func (m *Model) next() uint64 {
	m.gen++
	return m.gen
}

func (m *Model) load() tea.Cmd {
	m.waitLoad = m.next()
	return loadClientCmd(m.deps.Store, m.waitLoad, m.id)
}
