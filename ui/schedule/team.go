package schedule

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/planform"
	"clientbase/ui/styles"
)

// maxPageRows caps the people asked of the store at once (30 people × 7 days).
const maxPageRows = 30

// teamChrome is the lines of the grid around its rows: title, legend, column
// titles above, the cursor cell's detail below.
const teamChrome = 4

// Team is the supervisor's grid: people × days with counts, cell lists, adherence.
type Team struct {
	env           common.Env
	keys          keymap.Team
	ckeys         keymap.TeamCell
	width, height int

	start time.Time // Monday midnight of the week shown
	col   int       // the cursor's day, 0 = Monday

	usersGen uint64
	people   []model.User
	names    map[string]string
	nameW    int // the widest person's name, for the name column
	usersOK  bool

	row, top int // the cursor's person and the first person on screen

	gen     uint64 // the latest grid load
	asked   span   // the people the latest grid load asked for
	grid    model.PlanGrid
	gridOff int // index in people of grid.Users[0]
	gridOK  bool
	loadErr string

	adherence bool
	adhGen    uint64
	adh       *adherenceMsg

	cell *cellList
	form form
}

// span is a slice [off, off+n) of the people.
type span struct{ off, n int }

// cellList is one grid cell opened: a person's items of a day, some marked.
type cellList struct {
	user        string
	day         time.Time
	gen         uint64
	rows        []model.PlanRow
	loaded      bool
	loadErr     string
	marked      map[model.ID]bool
	cursor, top int
	whenW       int // the widest "when" of rows, measured once they load (as Week does)
}

// NewTeam shows the department's current week.
func NewTeam(env common.Env) *Team {
	t := &Team{env: env, keys: keymap.NewTeam(), ckeys: keymap.NewTeamCell()}
	t.today()
	return t
}

func (t *Team) today() {
	n := now(t.env)
	t.start = weekStart(n, loc(t.env))
	t.col = int(dayStart(n, loc(t.env)).Sub(t.start).Hours()+12) / 24
	t.col = max(0, min(6, t.col))
}

// Day is the local midnight of the cursor's day.
func (t *Team) Day() time.Time { return addDays(t.start, t.col) }

// Cursor is the person under the cursor ("" for the operators' pool's row,
// and before the people are loaded).
func (t *Team) Cursor() string {
	if t.row < len(t.people) {
		return t.people[t.row].Name
	}
	return ""
}

// Init loads the people; their first page of counts follows.
func (t *Team) Init() tea.Cmd {
	t.usersGen = nextGen()
	return loadUsers(t.env.Store, t.usersGen)
}

// SetSize gives the grid its room; a taller page is loaded on the next message.
func (t *Team) SetSize(width, height int) {
	t.width, t.height = width, height
	if t.form.m != nil {
		t.form.m.SetSize(width, height)
	}
	t.clampRows()
}

// SetStyles takes styles rebuilt for a new background.
func (t *Team) SetStyles(s styles.Styles) {
	t.env.Styles = s
	if t.form.m != nil {
		t.form.m.SetStyles(s)
	}
}

// InputFocused reports that the reassign dialog has the keys.
func (t *Team) InputFocused() bool {
	if t.form.m != nil {
		return t.form.m.InputFocused()
	}
	return false
}

// ShortHelp is the footer of the grid, the open cell or the dialog.
func (t *Team) ShortHelp() []key.Binding {
	switch {
	case t.form.m != nil:
		return t.form.m.ShortHelp()
	case t.cell != nil:
		return t.cellKeys().ShortHelp()
	}
	return t.gridKeys().ShortHelp()
}

// FullHelp is the ? overlay of the grid, the open cell or the dialog.
func (t *Team) FullHelp() [][]key.Binding {
	switch {
	case t.form.m != nil:
		return t.form.m.FullHelp()
	case t.cell != nil:
		return t.cellKeys().FullHelp()
	}
	return t.gridKeys().FullHelp()
}

func (t *Team) cellKeys() keymap.TeamCell {
	k := t.ckeys
	if t.env.ReadOnly || !model.Can(t.env.Me, model.ActPlanAssign) {
		k.Reassign.SetEnabled(false)
	}
	if t.env.ReadOnly {
		k.New.SetEnabled(false)
		k.Reschedule.SetEnabled(false)
		k.Cancel.SetEnabled(false)
	}
	return k
}

// gridKeys drops n from the help when nothing can be changed.
func (t *Team) gridKeys() keymap.Team {
	k := t.keys
	if t.env.ReadOnly {
		k.New.SetEnabled(false)
	}
	return k
}

// pageRows is how many people the grid shows at once.
func (t *Team) pageRows() int {
	if t.height <= 0 {
		return maxPageRows
	}
	return max(1, min(maxPageRows, t.height-teamChrome))
}

func (t *Team) clampRows() {
	n := len(t.people)
	t.row = max(0, min(t.row, n-1))
	page := t.pageRows()
	if t.row < t.top {
		t.top = t.row
	}
	if t.row >= t.top+page {
		t.top = t.row - page + 1
	}
	t.top = max(0, min(t.top, n-page))
}

// visible is the people on screen.
func (t *Team) visible() span {
	from := min(t.top, len(t.people))
	return span{off: from, n: min(len(t.people), from+t.pageRows()) - from}
}

// covered reports whether the last grid load asked for every person on screen
// of the week shown (its answer may still be on the way).
func (t *Team) covered() bool {
	v := t.visible()
	return t.asked.off <= v.off && v.off+v.n <= t.asked.off+t.asked.n
}

// reload asks for the counts of the people on screen, and their adherence
// when the panel is open.
func (t *Team) reload() tea.Cmd {
	if !t.usersOK {
		return nil
	}
	v := t.visible()
	t.asked = v
	t.gen = nextGen()
	cmds := []tea.Cmd{loadGrid(t.env.Store, t.gen, v.off, t.userNames(v), weekDays(t.start))}
	if t.adherence {
		cmds = append(cmds, t.reloadAdherence())
	}
	return tea.Batch(cmds...)
}

func (t *Team) userNames(v span) []string {
	names := make([]string, v.n)
	for i := range names {
		names[i] = t.people[v.off+i].Name
	}
	return names
}

func (t *Team) reloadAdherence() tea.Cmd {
	v := t.visible()
	t.adhGen = nextGen()
	day := t.Day()
	m := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, day.Location())
	return loadAdherence(t.env.Store, t.adhGen, v.off, t.userNames(v),
		[2]time.Time{day, addDays(day, 1)},
		[2]time.Time{t.start, addDays(t.start, 7)},
		[2]time.Time{m, m.AddDate(0, 1, 0)})
}

// Update handles keys (only while the grid is shown) and every other message.
func (t *Team) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case t.form.m != nil:
			cmd, _ := t.form.update(k)
			return cmd
		case t.cell != nil:
			return t.cellKey(k)
		}
		return t.key(k)
	}
	formCmd, _ := t.form.update(msg)
	cmd := t.handle(msg)
	if t.usersOK && !t.covered() {
		cmd = tea.Batch(cmd, t.reload()) // the page grew (a resize) past what was asked
	}
	return tea.Batch(formCmd, cmd)
}

func (t *Team) handle(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case usersMsg:
		if msg.gen != t.usersGen {
			return nil
		}
		if msg.err != nil {
			t.loadErr = model.T("schedule.users_failed", msg.err.Error())
			return status(t.loadErr, true)
		}
		cur, had := t.Cursor(), t.row < len(t.people)
		t.people = planPeople(msg.users)
		t.names = map[string]string{}
		for _, u := range msg.users {
			t.names[u.Name] = u.FullName
		}
		t.nameW = lipgloss.Width(model.T("schedule.col.person"))
		for _, u := range t.people {
			t.nameW = max(t.nameW, lipgloss.Width(plain(personName(t.names, u.Name))))
		}
		for i, u := range t.people {
			if had && u.Name == cur {
				t.row = i
			}
		}
		t.usersOK = true
		t.clampRows()
		return t.reload()
	case gridMsg:
		if msg.gen != t.gen {
			return nil
		}
		if msg.err != nil {
			t.loadErr = model.T("schedule.load_failed", msg.err.Error())
			return status(t.loadErr, true)
		}
		t.loadErr = ""
		t.grid, t.gridOff, t.gridOK = msg.grid, msg.off, true
	case adherenceMsg:
		if msg.gen != t.adhGen {
			return nil
		}
		if msg.err != nil {
			return status(model.T("schedule.load_failed", msg.err.Error()), true)
		}
		t.adh = &msg
	case itemsMsg:
		c := t.cell
		if c == nil || msg.gen != c.gen {
			return nil
		}
		if msg.err != nil {
			c.loadErr = model.T("schedule.load_failed", msg.err.Error())
			return status(c.loadErr, true)
		}
		c.loadErr, c.loaded, c.rows = "", true, msg.rows
		c.whenW = whenWidth(c.rows, loc(t.env))
		c.cursor = max(0, min(c.cursor, len(c.rows)-1))
		keep := map[model.ID]bool{}
		for _, r := range c.rows {
			if c.marked[r.Item.ID] && r.Item.Open() && r.Item.Assignee == c.user {
				keep[r.Item.ID] = true
			}
		}
		c.marked = keep
		t.scrollCell()
	case common.DataChangedMsg:
		switch msg.Kind {
		case "plan", "interaction", "client":
			return tea.Batch(t.reload(), t.reloadCell())
		case "*":
			t.usersGen = nextGen()
			return tea.Batch(t.reload(), t.reloadCell(), loadUsers(t.env.Store, t.usersGen))
		case "user":
			t.usersGen = nextGen()
			return loadUsers(t.env.Store, t.usersGen)
		}
	}
	return nil
}

func (t *Team) key(k tea.KeyPressMsg) tea.Cmd {
	keys := t.keys
	oldTop, oldStart, oldCol := t.top, t.start, t.col
	switch {
	case key.Matches(k, keys.Up):
		t.row--
	case key.Matches(k, keys.Down):
		t.row++
	case key.Matches(k, keys.PageUp):
		t.row -= t.pageRows()
		t.top -= t.pageRows()
	case key.Matches(k, keys.PageDown):
		t.row += t.pageRows()
		t.top += t.pageRows()
	case key.Matches(k, keys.Top):
		t.row, t.top = 0, 0
	case key.Matches(k, keys.Bottom):
		t.row = len(t.people) - 1
	case key.Matches(k, keys.Left):
		if t.col--; t.col < 0 {
			t.col, t.start = 6, addDays(t.start, -7)
		}
	case key.Matches(k, keys.Right):
		if t.col++; t.col > 6 {
			t.col, t.start = 0, addDays(t.start, 7)
		}
	case key.Matches(k, keys.PrevWeek):
		t.start = addDays(t.start, -7)
	case key.Matches(k, keys.NextWeek):
		t.start = addDays(t.start, 7)
	case key.Matches(k, keys.Today):
		t.today()
	case key.Matches(k, keys.Adherence):
		t.adherence = !t.adherence
		if t.adherence && t.usersOK {
			return t.reloadAdherence()
		}
		return nil
	case key.Matches(k, keys.Open):
		return t.openCell()
	case key.Matches(k, keys.New):
		if t.row >= len(t.people) {
			return nil
		}
		return t.plan(t.Cursor(), t.Day())
	default:
		return nil
	}
	t.clampRows()
	switch {
	case t.top != oldTop || !t.start.Equal(oldStart):
		return t.reload()
	case t.col != oldCol && t.adherence && t.usersOK:
		return t.reloadAdherence()
	}
	return nil
}

// openCell lists the items of the person and day under the cursor.
func (t *Team) openCell() tea.Cmd {
	if t.row >= len(t.people) {
		return nil
	}
	t.cell = &cellList{user: t.Cursor(), day: t.Day(), marked: map[model.ID]bool{}}
	return t.reloadCell()
}

func (t *Team) reloadCell() tea.Cmd {
	c := t.cell
	if c == nil {
		return nil
	}
	c.gen = nextGen()
	return loadItems(t.env.Store, c.gen, c.user, c.day, addDays(c.day, 1))
}

func (t *Team) cellHeight() int { return max(1, t.height-1) }

func (t *Team) scrollCell() {
	c := t.cell
	h := t.cellHeight()
	if c.cursor < c.top {
		c.top = c.cursor
	}
	if c.cursor >= c.top+h {
		c.top = c.cursor - h + 1
	}
	c.top = max(0, min(c.top, len(c.rows)-h))
}

func (t *Team) cellKey(k tea.KeyPressMsg) tea.Cmd {
	c := t.cell
	keys := t.ckeys
	move := func(d int) {
		c.cursor = max(0, min(len(c.rows)-1, c.cursor+d))
		t.scrollCell()
	}
	switch {
	case key.Matches(k, keys.Back):
		t.cell = nil
	case key.Matches(k, keys.Up):
		move(-1)
	case key.Matches(k, keys.Down):
		move(1)
	case key.Matches(k, keys.PageUp):
		move(-t.cellHeight())
	case key.Matches(k, keys.PageDown):
		move(t.cellHeight())
	case key.Matches(k, keys.Top):
		move(-len(c.rows))
	case key.Matches(k, keys.Bottom):
		move(len(c.rows))
	case key.Matches(k, keys.Mark):
		if c.cursor >= len(c.rows) {
			return nil
		}
		p := c.rows[c.cursor].Item
		if !p.Open() {
			return status(model.T("schedule.not_open", model.T("schedule.status."+string(p.Status))), true)
		}
		if c.marked[p.ID] {
			delete(c.marked, p.ID)
		} else {
			c.marked[p.ID] = true
		}
		move(1)
	case key.Matches(k, keys.Reassign):
		return t.reassign()
	case key.Matches(k, keys.New):
		return t.plan(c.user, c.day)
	case key.Matches(k, keys.Reschedule):
		return t.change(func(p model.PlanItem) *planform.Model { return planform.Reschedule(t.env, p) })
	case key.Matches(k, keys.Cancel):
		return t.change(func(p model.PlanItem) *planform.Model { return planform.Cancel(t.env, p) })
	case key.Matches(k, keys.Open):
		if c.cursor < len(c.rows) {
			id := c.rows[c.cursor].Item.Client
			return func() tea.Msg { return common.OpenClientMsg{Client: id} }
		}
	}
	return nil
}

// plan opens the plan form for user on day (10:00, or the next full hour
// today; a day gone by leaves the time to the form). For the pool ("") the
// form starts from the head and offers the pool among the assignees.
func (t *Team) plan(user string, day time.Time) tea.Cmd {
	if t.env.ReadOnly {
		return status(model.T("schedule.read_only"), true)
	}
	p := model.PlanItem{Kind: model.PlanCall, Assignee: user, Origin: model.OriginManual}
	if !model.CanOnPlan(t.env.Me, model.ActPlanEdit, &p) ||
		user != t.env.Me.Name && !model.Can(t.env.Me, model.ActPlanAssign) {
		return status(model.T("schedule.not_yours"), true)
	}
	p.Due = suggestDue(day, now(t.env), loc(t.env))
	return t.form.open(planform.New(t.env, p), t.width, t.height)
}

// change opens a dialog on the open item under the cell's cursor.
func (t *Team) change(open func(model.PlanItem) *planform.Model) tea.Cmd {
	c := t.cell
	if t.env.ReadOnly {
		return status(model.T("schedule.read_only"), true)
	}
	if c.cursor >= len(c.rows) {
		return nil
	}
	p := c.rows[c.cursor].Item
	if !p.Open() {
		return status(model.T("schedule.not_open", model.T("schedule.status."+string(p.Status))), true)
	}
	if !model.CanOnPlan(t.env.Me, model.ActPlanEdit, &p) {
		return status(model.T("schedule.not_yours"), true)
	}
	return t.form.open(open(p), t.width, t.height)
}

// reassign opens the dialog for the marked items, or the one under the
// cursor when none is marked.
func (t *Team) reassign() tea.Cmd {
	c := t.cell
	if t.env.ReadOnly {
		return status(model.T("schedule.read_only"), true)
	}
	if !model.Can(t.env.Me, model.ActPlanAssign) {
		return status(model.T("schedule.not_yours"), true)
	}
	var items []model.PlanItem
	for _, r := range c.rows {
		if c.marked[r.Item.ID] {
			items = append(items, r.Item)
		}
	}
	if len(items) == 0 && c.cursor < len(c.rows) {
		p := c.rows[c.cursor].Item
		if !p.Open() {
			return status(model.T("schedule.not_open", model.T("schedule.status."+string(p.Status))), true)
		}
		items = []model.PlanItem{p}
	}
	if len(items) == 0 {
		return nil
	}
	return t.form.open(planform.Reassign(t.env, items), t.width, t.height)
}

// Marked is how many items of the open cell are marked (0 with no cell open).
func (t *Team) Marked() int {
	if t.cell == nil {
		return 0
	}
	return len(t.cell.marked)
}

// CellOpen reports whether a cell's item list is showing.
func (t *Team) CellOpen() bool { return t.cell != nil }

var _ common.Pane = (*Team)(nil)
