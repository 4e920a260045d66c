// Package clientcard is the client card (requisites, contacts, category
// history, timeline placeholder, audit history) and the create/edit form with
// field-level errors and the duplicate warning. The clients list opens it.
package clientcard

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/planform"
	"clientbase/ui/styles"
)

// Deps is what the card needs from the outside world.
type Deps struct {
	Store    common.Store
	Me       model.User
	Styles   styles.Styles
	ReadOnly bool
	Loc      *time.Location   // the user's zone for showing times
	Now      func() time.Time // the clock for the client's local time; nil means time.Now
}

// mode is which view of the client has the screen.
type mode int

const (
	modeLoading     mode = iota // waiting for the record
	modeCard                    // the card itself
	modeContacts                // the contact persons list
	modeContactForm             // adding or editing one contact
	modeHistory                 // the audit history
	modeForm                    // creating or editing the client
	modeTimeline                // the whole timeline of calls and visits
	modePlan                    // planning a call or visit for the client
)

// dialog is the modal question shown over the current mode.
type dialog int

const (
	dlgNone       dialog = iota
	dlgArchive           // archive / restore? y/n
	dlgDiscard           // discard your changes? y/n
	dlgDuplicates        // the new client may already exist
	dlgConflict          // the record changed under the form
)

// Model is one open client (card, form, history) or the new-client form.
type Model struct {
	deps   Deps
	keys   keymap.Card
	ckeys  keymap.CardContacts
	dkeys  keymap.CardDialog
	mode   mode
	dialog dialog
	closed bool
	width  int
	height int

	id        model.ID
	client    model.Client
	clientLoc *time.Location // the client's own zone; nil when unknown
	lines     []string       // the card body, rebuilt when the record or width changes
	scroll    int

	history    []model.AuditEntry
	histLoaded bool // the store answered (an empty history is nil too)
	histLines  []string
	histScroll int
	histErr    string

	timeline     []model.TimelineEntry // newest first
	tlLoaded     bool
	tlErr        string
	tlLines      []string
	tlScroll     int
	waitTimeline uint64
	debt         *model.ClientReceivables // nil until the store answers
	debtErr      string
	waitDebt     uint64
	// the complaints section: open first, then the latest closed; enter
	// opens complaintSel on the Complaints tab
	complaints       []cardComplaint
	complaintsTotal  int
	complaintDay     int // working minutes a day, for the countdowns
	complaintsLoaded bool
	complaintsErr    string
	complaintSel     int
	waitComplaints   uint64
	plan             *planform.Model // the plan form, in modePlan

	contactCursor int
	contactIdx    int // contact being edited; -1 for a new one

	form       form.Model
	formNew    bool // creating a client
	formOnly   bool // the form was the way in: leaving it closes the card
	formBanner string
	dups       []model.DuplicateClient
	dupCursor  int
	pending    model.Client // the checked record waiting for the duplicate answer
	pendReason string

	banner    string // the store's answer shown above the card
	bannerErr bool

	gen         uint64 // every store request takes the next number
	waitLoad    uint64
	waitSave    uint64
	waitHistory uint64
	waitDups    uint64
	waitUsers   uint64
	saving      bool
	reloadForm  bool // the next loaded record replaces the form (after a conflict)
	waitLive    uint64
	stale       bool // another session changed the record while the form has edits
}

func newModel(d Deps) Model {
	if d.Loc == nil {
		d.Loc = time.Local
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return Model{deps: d, keys: keymap.NewCard(), ckeys: keymap.NewCardContacts(), dkeys: keymap.NewCardDialog(), width: 80, height: 20, contactIdx: -1}
}

// Open starts loading client id and shows its card.
func Open(d Deps, id model.ID) (Model, tea.Cmd) {
	m := newModel(d)
	m.id = id
	m.mode = modeLoading
	return m, m.load()
}

// OpenEdit loads client id and goes straight to its edit form; leaving the
// form without saving closes the card (the list's `e`).
func OpenEdit(d Deps, id model.ID) (Model, tea.Cmd) {
	m := newModel(d)
	m.id = id
	m.mode = modeLoading
	m.formOnly = true
	m.reloadForm = true
	return m, m.load()
}

// NewClient shows the create form, prefilled (e.g. a phone from an incoming call).
func NewClient(d Deps, prefill model.Client) (Model, tea.Cmd) {
	m := newModel(d)
	prefill.ID = 0
	if prefill.Kind == "" {
		prefill.Kind = model.KindLegal
	}
	if prefill.TaxCountry == "" && prefill.TaxID == "" {
		// Most of the department's clients are Russian; the form lets the user switch.
		prefill.TaxCountry = model.TaxRU
	}
	if prefill.Status == "" {
		prefill.Status = model.StatusProspect
	}
	if prefill.Manager == "" && d.Me.Role == model.RoleManager {
		prefill.Manager = d.Me.Name
	}
	m.client = prefill
	m.formNew = true
	m.formOnly = true
	cmd := m.openForm()
	return m, cmd
}

// SetSize gives the card the space below the tab bar and above the footer.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 20), max(h, 5)
	m.rebuild()
	m.form.SetSize(m.width, m.formHeight())
	if m.plan != nil {
		m.plan.SetSize(m.width, m.height)
	}
}

// Closed reports that the user left the card (esc at its top level).
func (m Model) Closed() bool { return m.closed }

// ClientID is the id of the client on the card (0 while creating one).
func (m Model) ClientID() model.ID { return m.id }

// InputFocused reports that a text field has the keys, so the root must not
// treat q, 1–4, / or ? as global keys. Forms and dialogs keep every key.
func (m Model) InputFocused() bool {
	return m.dialog != dlgNone || m.mode == modeForm || m.mode == modeContactForm || m.mode == modePlan
}

// ShortHelp is the one-line footer help for the current state.
func (m Model) ShortHelp() []key.Binding {
	switch m.dialog {
	case dlgArchive, dlgDiscard:
		return []key.Binding{m.dkeys.Yes, m.dkeys.No}
	case dlgDuplicates:
		return []key.Binding{m.dkeys.OpenExisting, m.dkeys.SaveAnyway, m.dkeys.Back}
	case dlgConflict:
		return []key.Binding{m.dkeys.Reload, m.dkeys.Back}
	}
	switch m.mode {
	case modeContacts:
		return m.contactKeys().ShortHelp()
	case modeForm, modeContactForm:
		return m.form.Keys().ShortHelp()
	case modeHistory, modeTimeline:
		return []key.Binding{m.keys.Down, m.keys.Up, m.keys.PageDown, m.keys.Back}
	case modePlan:
		return m.plan.ShortHelp()
	}
	return m.cardKeys().ShortHelp()
}

// FullHelp is the ? overlay for the current state.
func (m Model) FullHelp() [][]key.Binding {
	if m.dialog != dlgNone {
		return [][]key.Binding{m.ShortHelp()}
	}
	switch m.mode {
	case modeContacts:
		return m.contactKeys().FullHelp()
	case modeForm, modeContactForm:
		return m.form.Keys().FullHelp()
	case modeHistory, modeTimeline:
		return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown, m.keys.Top, m.keys.Bottom}, {m.keys.Back}}
	case modePlan:
		return m.plan.FullHelp()
	}
	return m.cardKeys().FullHelp()
}

// Rights of the signed-in user on this client; the store checks again.
func (m Model) can(a model.Action) bool {
	if m.deps.ReadOnly {
		return false
	}
	return model.CanOnClient(m.deps.Me, a, &m.client)
}

func (m Model) canEdit() bool {
	return m.can(model.ActClientEditCard) || m.can(model.ActClientEditContacts)
}

// cardKeys is the card's key group with what the role may not do switched off.
func (m Model) cardKeys() keymap.Card {
	k := m.keys
	loaded := m.mode != modeLoading
	k.Edit.SetEnabled(loaded && m.canEdit())
	k.Contacts.SetEnabled(loaded)
	k.History.SetEnabled(loaded)
	k.Archive.SetEnabled(loaded && m.can(model.ActClientArchive))
	k.Plan.SetEnabled(loaded && m.canPlan())
	k.CallNow.SetEnabled(loaded && !m.deps.ReadOnly && !m.client.Archived)
	k.Timeline.SetEnabled(loaded)
	k.NewOrder.SetEnabled(loaded && !m.deps.ReadOnly && !m.client.Archived && model.Can(m.deps.Me, model.ActOrderEdit))
	k.NewComplaint.SetEnabled(loaded && m.canRegisterComplaint())
	k.OpenComplaint.SetEnabled(loaded && len(m.complaints) > 0)
	k.PickComplaint.SetEnabled(loaded && len(m.complaints) > 1)
	if m.client.Archived {
		k.Archive.SetHelp("A", model.T("card.key.restore"))
	}
	return k
}

func (m Model) contactKeys() keymap.CardContacts {
	k := m.ckeys
	can := m.can(model.ActClientEditContacts)
	has := len(m.client.Contacts) > 0
	k.Add.SetEnabled(can)
	k.Edit.SetEnabled(can && has)
	k.MarkLeft.SetEnabled(can && has)
	return k
}
