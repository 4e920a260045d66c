package schedule

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/planform"
	"clientbase/ui/styles"
)

// Week is one person's week of calls and visits, Monday to Sunday in the
// user's zone, as an agenda: a line per day, that day's items under it.
type Week struct {
	env           common.Env
	keys          keymap.Week
	width, height int

	user  string    // whose week
	start time.Time // Monday midnight in env.Loc

	gen      uint64 // the latest week load
	usersGen uint64
	loaded   bool
	loadErr  string
	rows     []model.PlanRow
	lines    []weekLine
	whenW    int   // the time column's width
	items    []int // index in lines of each item: the cursor moves over these
	cursor   int   // index in items
	top      int   // first line on screen
	keepID   model.ID
	seekNow  bool // after the load, put the cursor on the first item from today on

	names  map[string]string
	people []model.User

	form form
	pick *picker
}

// weekLine is a day's header (row < 0) or one of its items.
type weekLine struct {
	day int
	row int
}

// NewWeek shows env.Me's week (a head may switch person) starting today's week.
func NewWeek(env common.Env) *Week {
	w := &Week{env: env, keys: keymap.NewWeek(), user: env.Me.Name, seekNow: true}
	w.start = weekStart(now(env), loc(env))
	return w
}

// Person is the user whose week is shown.
func (w *Week) Person() string { return w.user }

// Start is the Monday midnight of the week shown.
func (w *Week) Start() time.Time { return w.start }

// Show switches to user's week (the calls tab may open a colleague's).
func (w *Week) Show(user string) tea.Cmd {
	w.user, w.cursor, w.top, w.keepID, w.seekNow = user, 0, 0, 0, true
	return w.reload()
}

// Current returns the plan item under the cursor.
func (w *Week) Current() (model.PlanRow, bool) {
	if !w.loaded || w.cursor < 0 || w.cursor >= len(w.items) {
		return model.PlanRow{}, false
	}
	return w.rows[w.lines[w.items[w.cursor]].row], true
}

// Init loads the week and the names of the department's people.
func (w *Week) Init() tea.Cmd {
	w.usersGen = nextGen()
	return tea.Batch(w.reload(), loadUsers(w.env.Store, w.usersGen))
}

func (w *Week) reload() tea.Cmd {
	w.gen = nextGen()
	return loadItems(w.env.Store, w.gen, w.user, w.start, addDays(w.start, 7))
}

// SetSize gives the week its room.
func (w *Week) SetSize(width, height int) {
	w.width, w.height = width, height
	if w.form.m != nil {
		w.form.m.SetSize(width, height)
	}
	w.scrollToCursor()
}

// SetStyles takes styles rebuilt for a new background.
func (w *Week) SetStyles(s styles.Styles) {
	w.env.Styles = s
	if w.form.m != nil {
		w.form.m.SetStyles(s)
	}
}

// InputFocused reports that the plan form or the person picker has the keys.
func (w *Week) InputFocused() bool {
	if w.form.m != nil {
		return w.form.m.InputFocused()
	}
	return w.pick != nil
}

// ShortHelp is the footer for the week, its form or its picker.
func (w *Week) ShortHelp() []key.Binding {
	switch {
	case w.form.m != nil:
		return w.form.m.ShortHelp()
	case w.pick != nil:
		return w.pick.keys.ShortHelp()
	}
	return w.helpKeys().ShortHelp()
}

// FullHelp is the ? overlay for the week, its form or its picker.
func (w *Week) FullHelp() [][]key.Binding {
	switch {
	case w.form.m != nil:
		return w.form.m.FullHelp()
	case w.pick != nil:
		return w.pick.keys.FullHelp()
	}
	return w.helpKeys().FullHelp()
}

// helpKeys drops from the help what this user cannot do here.
func (w *Week) helpKeys() keymap.Week {
	k := w.keys
	if w.env.ReadOnly {
		for _, b := range []*key.Binding{&k.New, &k.Reschedule, &k.Cancel, &k.Reassign, &k.Take} {
			b.SetEnabled(false)
		}
	}
	if !model.Can(w.env.Me, model.ActPlanAssign) {
		k.Reassign.SetEnabled(false)
	}
	if !model.Can(w.env.Me, model.ActPlanViewAll) {
		k.Person.SetEnabled(false)
	}
	return k
}

// Update handles keys (only while the week is shown) and every other message.
func (w *Week) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case w.form.m != nil:
			cmd, _ := w.form.update(k)
			return cmd
		case w.pick != nil:
			return w.pickKey(k)
		}
		return w.key(k)
	}
	if p, ok := msg.(tea.PasteMsg); ok && w.pick != nil && w.form.m == nil {
		w.pick.query += strings.Join(strings.Fields(p.Content), " ")
		w.pick.cursor = 0
		w.pick.filter()
		return nil
	}
	formCmd, _ := w.form.update(msg)
	return tea.Batch(formCmd, w.handle(msg))
}

func (w *Week) handle(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case itemsMsg:
		if msg.gen != w.gen {
			return nil
		}
		if msg.err != nil {
			w.loadErr = model.T("schedule.load_failed", msg.err.Error())
			return status(w.loadErr, true)
		}
		w.loadErr, w.loaded = "", true
		w.setRows(msg.rows)
	case usersMsg:
		if msg.gen != w.usersGen {
			return nil
		}
		if msg.err != nil {
			return status(model.T("schedule.users_failed", msg.err.Error()), true)
		}
		w.names = map[string]string{}
		w.people = w.people[:0]
		for _, u := range msg.users {
			w.names[u.Name] = u.FullName
			if !u.Archived {
				w.people = append(w.people, u)
			}
		}
	case common.DataChangedMsg:
		switch msg.Kind {
		case "plan", "interaction", "client", "*":
			if r, ok := w.Current(); ok {
				w.keepID = r.Item.ID
			}
			if msg.Kind == "*" {
				w.usersGen = nextGen()
				return tea.Batch(w.reload(), loadUsers(w.env.Store, w.usersGen))
			}
			return w.reload()
		case "user":
			w.usersGen = nextGen()
			return loadUsers(w.env.Store, w.usersGen)
		}
	}
	return nil
}

// setRows lays the week out: seven day headers, each followed by its items.
func (w *Week) setRows(rows []model.PlanRow) {
	l := loc(w.env)
	w.rows = rows
	w.whenW = whenWidth(rows, l)
	w.lines = w.lines[:0]
	w.items = w.items[:0]
	days := weekDays(w.start)
	next := 0
	for d := range days {
		w.lines = append(w.lines, weekLine{day: d, row: -1})
		end := addDays(days[d], 1)
		for ; next < len(rows); next++ {
			due := rows[next].Item.Due.In(l)
			if !due.Before(end) {
				break
			}
			if due.Before(days[d]) {
				continue // outside the week: the store answered more than asked
			}
			w.items = append(w.items, len(w.lines))
			w.lines = append(w.lines, weekLine{day: d, row: next})
		}
	}
	cursor := min(w.cursor, len(w.items)-1)
	switch {
	case w.keepID != 0:
		for i, li := range w.items {
			if rows[w.lines[li].row].Item.ID == w.keepID {
				cursor = i
			}
		}
	case w.seekNow:
		today := dayStart(now(w.env), l)
		cursor = 0
		if w.start.Equal(weekStart(today, l)) {
			cursor = len(w.items) - 1 // all of this week's items are behind us
		}
		for i, li := range w.items {
			if !rows[w.lines[li].row].Item.Due.Before(today) {
				cursor = i
				break
			}
		}
	}
	w.cursor = max(0, cursor)
	w.keepID, w.seekNow = 0, false
	w.scrollToCursor()
}

// bodyHeight is the agenda's room under the title line.
func (w *Week) bodyHeight() int { return max(1, w.height-1) }

// scrollToCursor keeps the cursor's item on screen, with its day's header
// when the item is the day's first.
func (w *Week) scrollToCursor() {
	h := w.bodyHeight()
	if len(w.items) == 0 {
		w.top = 0
		return
	}
	line := w.items[w.cursor]
	if line-1 >= 0 && w.lines[line-1].row < 0 && line-1 < w.top {
		w.top = line - 1
	}
	if line < w.top {
		w.top = line
	}
	if line >= w.top+h {
		w.top = line - h + 1
	}
	w.top = max(0, min(w.top, len(w.lines)-h))
	// The first line on screen always names the day (an item there is drawn
	// as its day's header), so the cursor may not sit on it.
	if w.lines[w.top].row >= 0 && line == w.top && w.top > 0 {
		w.top--
	}
}

func (w *Week) move(delta int) {
	if len(w.items) == 0 {
		return
	}
	w.cursor = max(0, min(len(w.items)-1, w.cursor+delta))
	w.scrollToCursor()
}

func (w *Week) key(k tea.KeyPressMsg) tea.Cmd {
	keys := w.keys
	switch {
	case key.Matches(k, keys.Up):
		w.move(-1)
	case key.Matches(k, keys.Down):
		w.move(1)
	case key.Matches(k, keys.PageUp):
		w.move(-w.bodyHeight())
	case key.Matches(k, keys.PageDown):
		w.move(w.bodyHeight())
	case key.Matches(k, keys.Top):
		w.move(-len(w.items))
		w.top = 0
	case key.Matches(k, keys.Bottom):
		w.move(len(w.items))
	case key.Matches(k, keys.PrevWeek):
		return w.goWeek(addDays(w.start, -7), false)
	case key.Matches(k, keys.NextWeek):
		return w.goWeek(addDays(w.start, 7), false)
	case key.Matches(k, keys.Today):
		return w.goWeek(weekStart(now(w.env), loc(w.env)), true)
	case key.Matches(k, keys.New):
		return w.plan()
	case key.Matches(k, keys.Reschedule):
		return w.change(func(p model.PlanItem) *planform.Model { return planform.Reschedule(w.env, p) }, model.ActPlanEdit)
	case key.Matches(k, keys.Cancel):
		return w.change(func(p model.PlanItem) *planform.Model { return planform.Cancel(w.env, p) }, model.ActPlanEdit)
	case key.Matches(k, keys.Reassign):
		if !w.env.ReadOnly && !model.Can(w.env.Me, model.ActPlanAssign) {
			// Not "this person's plan": the operator is looking at her own.
			return status(model.T("schedule.no_reassign"), true)
		}
		return w.change(func(p model.PlanItem) *planform.Model { return planform.Reassign(w.env, []model.PlanItem{p}) }, model.ActPlanAssign)
	case key.Matches(k, keys.Take):
		return w.take()
	case key.Matches(k, keys.Open):
		if r, ok := w.Current(); ok {
			id := r.Item.Client
			return func() tea.Msg { return common.OpenClientMsg{Client: id} }
		}
	case key.Matches(k, keys.Person):
		if !model.Can(w.env.Me, model.ActPlanViewAll) {
			return status(model.T("schedule.own_week_only"), true)
		}
		if len(w.people) == 0 {
			return status(model.T("schedule.loading"), false)
		}
		w.pick = newPicker(w.people, w.user)
	}
	return nil
}

func (w *Week) goWeek(start time.Time, seekNow bool) tea.Cmd {
	w.start, w.seekNow = start, seekNow
	w.cursor, w.top, w.keepID = 0, 0, 0
	w.loaded = false
	return w.reload()
}

func (w *Week) pickKey(k tea.KeyPressMsg) tea.Cmd {
	w.pick.update(k)
	if !w.pick.done {
		return nil
	}
	chosen, picked := w.pick.chosen, w.pick.picked
	w.pick = nil
	if !picked || chosen == w.user {
		return nil
	}
	w.loaded = false
	return w.Show(chosen)
}

// plan opens the form for a new call or visit of the person shown, on the
// day under the cursor when that day is still ahead.
func (w *Week) plan() tea.Cmd {
	if w.env.ReadOnly {
		return status(model.T("schedule.read_only"), true)
	}
	p := model.PlanItem{Kind: model.PlanCall, Assignee: w.user, Origin: model.OriginManual}
	if !model.CanOnPlan(w.env.Me, model.ActPlanEdit, &p) ||
		w.user != w.env.Me.Name && !model.Can(w.env.Me, model.ActPlanAssign) {
		return status(model.T("schedule.not_yours"), true)
	}
	p.Due = w.suggestDue()
	return w.form.open(planform.New(w.env, p), w.width, w.height)
}

// suggestDue is 10:00 on the cursor's day, or the next full hour when that is
// today; zero for a day gone by (the form asks).
func (w *Week) suggestDue() time.Time {
	day := dayStart(now(w.env), loc(w.env))
	if len(w.items) > 0 {
		day = addDays(w.start, w.lines[w.items[w.cursor]].day)
	}
	return suggestDue(day, now(w.env), loc(w.env))
}

// change opens a dialog on the open item under the cursor, when allowed.
func (w *Week) change(open func(model.PlanItem) *planform.Model, act model.Action) tea.Cmd {
	if w.env.ReadOnly {
		return status(model.T("schedule.read_only"), true)
	}
	r, ok := w.Current()
	if !ok {
		return nil
	}
	if !r.Item.Open() {
		return status(model.T("schedule.not_open", model.T("schedule.status."+string(r.Item.Status))), true)
	}
	if !model.CanOnPlan(w.env.Me, act, &r.Item) {
		return status(model.T("schedule.not_yours"), true)
	}
	return w.form.open(open(r.Item), w.width, w.height)
}

// take hands the call under the cursor to the call screen.
func (w *Week) take() tea.Cmd {
	r, ok := w.Current()
	if !ok {
		return nil
	}
	switch {
	case w.env.ReadOnly:
		return status(model.T("schedule.read_only"), true)
	case r.Item.Kind != model.PlanCall:
		return status(model.T("schedule.visit_not_call"), false)
	case !r.Item.Open():
		return status(model.T("schedule.not_open", model.T("schedule.status."+string(r.Item.Status))), true)
	}
	id := r.Item.ID
	return func() tea.Msg { return common.TakeCallMsg{Item: id} }
}

var _ common.Pane = (*Week)(nil)
