// Package complaints is the Complaints tab: the queue by deadline urgency,
// a complaint's screen with its moves, and the report and settings views.
package complaints

import (
	"errors"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/complaintform"
	"clientbase/ui/complaintreport"
	"clientbase/ui/components/tabs"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// View is one of the tab's views, switched with Q, R, S.
type View int

const (
	ViewQueue View = iota
	ViewReport
	ViewSettings
)

// form is what the tab needs of the intake and closing forms.
type form interface {
	common.Pane
	common.Closer
	Result() (model.Complaint, bool)
}

// Tab is the Complaints tab. It handles common.NewComplaintMsg (opens the
// intake form) and common.OpenComplaintMsg (opens the complaint). On the
// queue view an open complaint lies over the queue, and a form over both.
type Tab struct {
	env    common.Env
	vkeys  keymap.ComplaintViews
	width  int
	height int // the tab's body; the views get one line less (the sub-header)

	view     View
	queue    *queue
	screen   *screen
	form     form
	closing  bool        // the form is the closing form (its result reloads the screen)
	report   common.Pane // nil without the right to see the report
	settings common.Pane // nil without the right to change the settings

	cs    model.ComplaintSettings
	users []model.User
}

// New builds the tab; it opens on the queue of every open complaint.
func New(env common.Env) *Tab {
	if env.Loc == nil {
		env.Loc = time.Local
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	t := &Tab{env: env, vkeys: keymap.NewComplaintViews(), queue: newQueue(env), cs: model.DefaultComplaintSettings()}
	if model.Can(env.Me, model.ActComplaintReport) {
		r := complaintreport.New(env)
		r.SetVisible(false) // the tab opens on the queue: no report load until R
		t.report = r
	}
	if model.Can(env.Me, model.ActComplaintSettings) {
		t.settings = complaintform.NewSettings(env)
	}
	return t
}

// Title is the tab bar's label.
func (t *Tab) Title() string { return model.T("ui.tab.complaints") }

// Init loads the settings, the users and the queue.
func (t *Tab) Init() tea.Cmd {
	cmds := []tea.Cmd{loadSetup(t.env.Store), t.queue.requery(true)}
	for _, p := range t.panes() {
		cmds = append(cmds, p.Init())
	}
	return tea.Batch(cmds...)
}

func (t *Tab) panes() []common.Pane {
	var ps []common.Pane
	if t.report != nil {
		ps = append(ps, t.report)
	}
	if t.settings != nil {
		ps = append(ps, t.settings)
	}
	return ps
}

func (t *Tab) paneHeight() int { return max(0, t.height-1) }

// SetSize gives every view the room below the sub-header.
func (t *Tab) SetSize(w, h int) {
	t.width, t.height = w, h
	ph := t.paneHeight()
	t.queue.setSize(w, ph)
	if t.screen != nil {
		t.screen.setSize(w, ph)
	}
	if t.form != nil {
		t.form.SetSize(w, ph)
	}
	for _, p := range t.panes() {
		p.SetSize(w, ph)
	}
}

// SetStyles takes styles rebuilt for a new background.
func (t *Tab) SetStyles(s styles.Styles) {
	t.env.Styles = s
	t.queue.env.Styles = s
	if t.screen != nil {
		t.screen.env.Styles = s
	}
	if t.form != nil {
		t.form.SetStyles(s)
	}
	for _, p := range t.panes() {
		p.SetStyles(s)
	}
}

// activePane is the report or settings pane on their views, else nil.
func (t *Tab) activePane() common.Pane {
	switch t.view {
	case ViewReport:
		return t.report
	case ViewSettings:
		return t.settings
	}
	return nil
}

// InputFocused reports that a text field (or a question) has the keys.
func (t *Tab) InputFocused() bool {
	if p := t.activePane(); p != nil {
		return p.InputFocused()
	}
	switch {
	case t.form != nil:
		return t.form.InputFocused()
	case t.screen != nil:
		return t.screen.inputFocused()
	}
	return t.queue.inputFocused()
}

// ShortHelp is the footer for what is on screen.
func (t *Tab) ShortHelp() []key.Binding {
	if p := t.activePane(); p != nil {
		return p.ShortHelp()
	}
	switch {
	case t.form != nil:
		return t.form.ShortHelp()
	case t.screen != nil && t.screen.ask != nil:
		return t.screen.ask.help()
	case t.screen != nil:
		return enabled(t.screen.helpKeys().ShortHelp())
	case t.queue.ask != nil:
		return t.queue.ask.help()
	case t.queue.lookup != nil:
		return t.queue.lookup.keys.ShortHelp()
	}
	return t.queueKeys().ShortHelp()
}

// FullHelp is the ? overlay for what is on screen, with the view keys.
func (t *Tab) FullHelp() [][]key.Binding {
	var h [][]key.Binding
	switch p := t.activePane(); {
	case p != nil:
		h = p.FullHelp()
	case t.form != nil:
		h = t.form.FullHelp()
	case t.screen != nil:
		h = t.screen.helpKeys().FullHelp()
	case t.queue.lookup != nil:
		h = t.queue.lookup.keys.FullHelp()
	default:
		h = t.queueKeys().FullHelp()
	}
	return append(h, t.viewKeys().FullHelp()...)
}

func enabled(bs []key.Binding) []key.Binding {
	return slices.DeleteFunc(slices.Clone(bs), func(b key.Binding) bool { return !b.Enabled() })
}

func (t *Tab) queueKeys() keymap.ComplaintQueue {
	k := t.queue.keys
	k.New.SetEnabled(t.newRefusal() == "")
	k.Next.SetEnabled(!t.env.ReadOnly)
	return k
}

func (t *Tab) viewKeys() keymap.ComplaintViews {
	k := t.vkeys
	k.Report.SetEnabled(t.report != nil)
	k.Settings.SetEnabled(t.settings != nil)
	return k
}

// SetRefresh sets how often the queue is asked again so the countdowns
// move (a minute by default); 0 stops it, as a synchronous test driver needs.
func (t *Tab) SetRefresh(every time.Duration) { t.queue.setRefresh(every) }

// ActiveView is the view on screen.
func (t *Tab) ActiveView() View { return t.view }

// Open is the complaint on screen, 0 on the queue.
func (t *Tab) Open() model.ID {
	if t.screen == nil {
		return 0
	}
	return t.screen.id
}

// Complaint is the open complaint as the screen holds it (ok false: none, or not loaded yet).
func (t *Tab) Complaint() (model.Complaint, bool) {
	if t.screen == nil || !t.screen.loaded {
		return model.Complaint{}, false
	}
	return t.screen.c, true
}

// Form is the intake or closing form on screen, nil when none.
func (t *Tab) Form() common.Pane {
	if t.form == nil {
		return nil
	}
	return t.form
}

// QueueRows are the queue rows on screen.
func (t *Tab) QueueRows() []model.ComplaintRow { return t.queue.visibleRows() }

// Filter is the queue's filter.
func (t *Tab) Filter() model.ComplaintFilter { return t.queue.filter }

// Update routes keys to what is on screen and every other message to what it is for.
func (t *Tab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return t.onKey(msg)
	case tea.PasteMsg:
		switch {
		case t.activePane() != nil:
			return t.activePane().Update(msg)
		case t.form != nil:
			return tea.Batch(t.form.Update(msg), t.afterForm())
		case t.screen != nil:
			return t.screen.update(msg)
		case t.queue.lookup != nil:
			return t.queue.lookupKey(msg)
		}
		return nil
	case clientMatchesMsg:
		return t.queue.onMatches(msg)
	case common.NewComplaintMsg:
		t.show(ViewQueue) // hiding the report never loads
		if why := t.newRefusal(); why != "" {
			return statusErr(why)
		}
		if t.form != nil {
			return statusErr(model.T("complaints.error.form_open"))
		}
		return t.openForm(complaintform.NewIntake(t.env, msg), false)
	case common.OpenComplaintMsg:
		t.show(ViewQueue)
		if t.form != nil {
			// the form stays with the complaint it is about; its save must not land on another
			return statusErr(model.T("complaints.error.form_open"))
		}
		return t.openScreen(msg.Complaint, nil)
	case setupMsg:
		if msg.err != nil {
			return statusErr(errText(msg.err))
		}
		t.cs, t.users = msg.cs, msg.users
		t.queue.dayMin, t.queue.dept = dayMinutes(msg.cs), deptZone(msg.cs)
		if t.screen != nil {
			t.screen.cs, t.screen.dept, t.screen.users = msg.cs, deptZone(msg.cs), msg.users
		}
		return nil
	case pageMsg:
		return t.queue.onPage(msg)
	case tickMsg:
		return t.queue.onTick(msg)
	case countsMsg:
		t.queue.onCounts(msg)
		return nil
	case closingsMsg:
		t.queue.onClosings(msg)
		return nil
	case nextMsg:
		if msg.err != nil {
			return statusErr(errText(msg.err))
		}
		return tea.Batch(t.openScreen(msg.c.ID, &msg.c), changed(msg.c.ID),
			statusOK(model.T("complaints.done.next", msg.c.ID)))
	case loadedMsg, actedMsg:
		if t.screen != nil {
			return tea.Batch(t.screen.update(msg), t.afterScreen())
		}
		return nil
	case followUpMsg:
		return t.onFollowUp(msg)
	case common.DataChangedMsg:
		var cmds []tea.Cmd
		switch msg.Kind {
		case "complaint", "client", "user", "*":
			if msg.Kind == "complaint" || msg.Kind == "*" {
				t.queue.forgetClosings()
			}
			cmds = append(cmds, t.queue.requery(false))
		}
		if msg.Kind == "user" || msg.Kind == "*" {
			cmds = append(cmds, loadSetup(t.env.Store))
		}
		// The complaint on screen, changed by another session (or this one's
		// form): its screen shows the stored state.
		if s := t.screen; s != nil && !s.busy && (msg.Kind == "*" || (msg.Kind == "complaint" && msg.ID == s.id)) {
			cmds = append(cmds, s.init())
		}
		return tea.Batch(append(cmds, t.broadcast(msg))...)
	}
	return t.broadcast(msg)
}

// broadcast hands a message to the hosted panes (the forms' and report's own answers).
func (t *Tab) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	if t.form != nil {
		cmds = append(cmds, t.form.Update(msg), t.afterForm())
	}
	for _, p := range t.panes() {
		cmds = append(cmds, p.Update(msg))
	}
	return tea.Batch(cmds...)
}

// openScreen shows complaint id over the queue; c, when given, is shown at once.
func (t *Tab) openScreen(id model.ID, c *model.Complaint) tea.Cmd {
	t.show(ViewQueue)
	t.screen = newScreen(t.env, id, t.cs, t.users)
	t.screen.setSize(t.width, t.paneHeight())
	if c != nil {
		t.screen.showing(*c)
	}
	return t.screen.init()
}

func (t *Tab) openForm(f form, closing bool) tea.Cmd {
	t.form, t.closing = f, closing
	f.SetSize(t.width, t.paneHeight())
	return f.Init()
}

// afterForm drops a form that closed and acts on what it saved.
func (t *Tab) afterForm() tea.Cmd {
	if t.form == nil || !t.form.Closed() {
		return nil
	}
	c, ok := t.form.Result()
	closing := t.closing
	t.form, t.closing = nil, false
	if !ok {
		return nil
	}
	if closing {
		cmds := []tea.Cmd{changed(c.ID), loadFollowUp(t.env.Store, c)}
		if t.screen != nil && t.screen.id == c.ID {
			t.screen.showing(c)
			t.screen.setMessage(model.T("complaints.done.closed", c.ID), false) // not the move before it
			cmds = append(cmds, t.screen.init())
		}
		return tea.Batch(cmds...)
	}
	if t.screen != nil && t.screen.id == c.ID {
		// an edit: the screen shows the saved complaint
		t.screen.showing(c)
		t.screen.setMessage(model.T("complaints.done.edit", c.ID), false)
		return tea.Batch(changed(c.ID), statusOK(t.screen.msg))
	}
	return tea.Batch(t.openScreen(c.ID, &c), changed(c.ID),
		statusOK(model.T("complaints.done.register", c.ID, model.ComplaintStatusLabel(c.Status))))
}

// afterScreen drops a screen the user left and opens the forms it asked for.
func (t *Tab) afterScreen() tea.Cmd {
	s := t.screen
	if s == nil {
		return nil
	}
	switch {
	case s.closed:
		t.screen = nil
		return t.queue.ensureRows()
	case s.wantClose:
		s.wantClose = false
		return t.openForm(complaintform.NewClosing(t.env, s.c), true)
	case s.wantEdit:
		s.wantEdit = false
		return t.openForm(complaintform.EditIntake(t.env, s.c), false)
	}
	return nil
}

// onFollowUp says the complaint is closed and when the retention call is planned.
func (t *Tab) onFollowUp(m followUpMsg) tea.Cmd {
	if m.err != nil && !errors.Is(m.err, model.ErrNotFound) {
		return statusOK(model.T("complaints.done.closed", m.c.ID))
	}
	if m.item.ID == 0 {
		return statusOK(model.T("complaints.done.closed", m.c.ID))
	}
	who := m.item.Assignee
	if who == "" {
		who = model.T("complaints.pool")
	}
	// the call schedule's week, team and queue reload on a plan change, not a complaint's
	return tea.Batch(msgCmd(common.DataChangedMsg{Kind: "plan", ID: m.item.ID}),
		statusOK(model.T("complaints.done.closed_follow_up", model.FormatDate(m.item.Due, t.env.Loc), who)))
}

// newRefusal says why this user may not register a complaint ("" when they may).
func (t *Tab) newRefusal() string {
	switch {
	case t.env.ReadOnly:
		return model.T("complaints.error.read_only")
	case !model.Can(t.env.Me, model.ActComplaintRegister):
		return model.T("complaints.error.no_register")
	}
	return ""
}

func (t *Tab) onKey(k tea.KeyPressMsg) tea.Cmd {
	if !t.InputFocused() {
		if cmd, ok := t.viewKey(k); ok {
			return cmd
		}
	}
	if p := t.activePane(); p != nil {
		return p.Update(k)
	}
	if t.form != nil {
		return tea.Batch(t.form.Update(k), t.afterForm())
	}
	if t.screen != nil {
		return tea.Batch(t.screen.key(k), t.afterScreen())
	}
	cmd, what, id := t.queue.key(k, t.users)
	switch what {
	case queueOpen:
		return t.openScreen(id, nil)
	case queueNew:
		if why := t.newRefusal(); why != "" {
			return statusErr(why)
		}
		return t.openForm(complaintform.NewIntake(t.env, common.NewComplaintMsg{Client: t.queue.filter.Client}), false)
	case queueNext:
		if t.env.ReadOnly {
			return statusErr(model.T("complaints.error.read_only"))
		}
		return takeNext(t.env.Store)
	}
	return cmd
}

// viewKey switches views with Q, R, S.
func (t *Tab) viewKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, t.vkeys.Queue):
		t.show(ViewQueue)
		return t.queue.ensureRows(), true
	case key.Matches(k, t.vkeys.Report):
		if t.report == nil {
			return statusErr(model.T("complaints.error.no_report")), true
		}
		return t.show(ViewReport), true
	case key.Matches(k, t.vkeys.Settings):
		if t.settings == nil {
			return statusErr(model.T("complaints.error.no_settings")), true
		}
		t.show(ViewSettings)
	default:
		return nil, false
	}
	return nil, true
}

// show switches to view v and tells the report whether it is on screen:
// hidden, a complaint change only marks it stale; shown, it loads then
// (only if something changed since its last load).
func (t *Tab) show(v View) tea.Cmd {
	t.view = v
	if r, ok := t.report.(interface{ SetVisible(bool) tea.Cmd }); ok {
		return r.SetVisible(v == ViewReport)
	}
	return nil
}

// View renders the tab exactly width×height: the sub-header, then the view.
func (t *Tab) View() string {
	if t.width <= 0 || t.height <= 0 {
		return ""
	}
	var body string
	switch p := t.activePane(); {
	case p != nil:
		body = p.View()
	case t.form != nil:
		body = t.form.View()
	case t.screen != nil:
		body = t.screen.view()
	default:
		body = t.queue.view()
	}
	h := t.paneHeight()
	if h == 0 {
		return textfit.Fit(t.subHeader(), t.width)
	}
	return t.subHeader() + "\n" + textfit.Pad(strings.Split(body, "\n"), t.width, h)
}

// subHeader names the views (the active one stands out) and their keys.
func (t *Tab) subHeader() string {
	s := t.env.Styles
	left := tabs.Views(s, []string{model.T("complaints.view.queue"), model.T("complaints.view.report"), model.T("complaints.view.settings")},
		[]bool{false, t.report == nil, t.settings == nil}, int(t.view))
	keys := []string{"Q"}
	if t.report != nil {
		keys = append(keys, "R")
	}
	if t.settings != nil {
		keys = append(keys, "S")
	}
	return textfit.Spread(left, s.Subtle.Render(model.T("complaints.header.keys", strings.Join(keys, " "))), t.width)
}

var (
	_ common.Tab = (*Tab)(nil)
	_ form       = (*complaintform.Intake)(nil)
	_ form       = (*complaintform.Closing)(nil)
)
