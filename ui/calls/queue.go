package calls

import (
	"context"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
	"clientbase/ui/styles"
)

// rowsAround is how many rows are fetched beyond the visible window on each side.
const rowsAround = 40

// queue is the operator's queue: a window over the store's queue, only the
// visible rows (and a margin) in memory, refreshed when plans change and
// every minute so "due today" turns "overdue" on time.
type queue struct {
	env    common.Env
	keys   keymap.CallQueue
	width  int
	height int
	st     rowStyles

	win    table.Window
	gen    uint64
	ctx    context.Context
	cancel context.CancelFunc
	cache  table.Cache[model.PlanRow]
	// follow is the highlighted call when the queue was asked again: the
	// cursor stays on it though rows above it came or went (a minute's
	// refresh must not put another client under enter).
	follow  model.ID
	loadErr string

	every   time.Duration // the refresh period; 0: none
	tickGen uint64
	ticking bool // a tick is on its way

	// rows are the drawn rows of the last frame by what they show: a frame
	// draws again only the rows that changed (on a team server a hundred
	// queues draw after every change; styling and measuring every cell of
	// every row was most of the server's time).
	rows map[rowKey]string
}

// rowKey is everything a drawn row depends on besides the styles (a style
// change empties the cache).
type rowKey struct {
	cells  [6]string
	widths [6]int
	width  int
	state  dueState
	cursor bool
}

// rowStyles colour a row by its due time; the cursor row keeps the colour.
type rowStyles struct {
	overdue, today, later                   lipgloss.Style
	cursorOverdue, cursorToday, cursorLater lipgloss.Style
}

func newRowStyles(s styles.Styles) rowStyles {
	return rowStyles{
		overdue:       s.Danger,
		today:         s.Warning,
		later:         s.Row,
		cursorOverdue: s.RowCursor.Foreground(s.Red),
		cursorToday:   s.RowCursor.Foreground(s.Yellow),
		cursorLater:   s.RowCursor,
	}
}

func newQueue(env common.Env) *queue {
	q := &queue{env: env, keys: keymap.NewCallQueue(), st: newRowStyles(env.Styles), every: time.Minute}
	q.ctx, q.cancel = context.WithCancel(context.Background())
	return q
}

// queueHeader is the lines above the rows: the summary and the column titles.
const queueHeader = 2

func (q *queue) setSize(w, h int) {
	q.width, q.height = w, h
	q.rows = nil
	q.win.SetHeight(max(1, h-queueHeader))
}

func (q *queue) setStyles(s styles.Styles) {
	q.env.Styles = s
	q.st = newRowStyles(s)
	q.rows = nil
}

// helpKeys are the queue's keys as the help shows them: none that take a
// call when nothing can be changed.
func (q *queue) helpKeys() keymap.CallQueue {
	k := q.keys
	if q.env.ReadOnly {
		k.TakeNext.SetEnabled(false)
		k.Take.SetEnabled(false)
		k.Incoming.SetEnabled(false)
	}
	return k
}

func (q *queue) current() (model.PlanRow, bool) { return q.cache.At(q.win.Cursor) }

func (q *queue) visibleRows() []model.PlanRow { return q.cache.Visible(q.win) }

// requery asks for the window again under a new generation; fromTop puts
// the cursor on the first row.
func (q *queue) requery(fromTop bool) tea.Cmd {
	q.cancel()
	q.ctx, q.cancel = context.WithCancel(context.Background())
	q.gen++
	q.follow = 0
	if r, ok := q.cache.Restart(&q.win, fromTop); ok {
		q.follow = r.Item.ID
	}
	return q.fetchAround()
}

// fetchAround asks for the span around the window: before the total is
// known at least one row even when the window has no height yet.
func (q *queue) fetchAround() tea.Cmd {
	w := q.win
	if !q.cache.Loaded {
		w.Height = max(w.Height, 1)
	}
	span := q.cache.Ask(w, rowsAround)
	return fetchQueue(q.ctx, q.env.Store, q.gen, span.Off, span.Limit)
}

func (q *queue) ensureRows() tea.Cmd {
	if !q.cache.Needs(q.win) {
		return nil
	}
	return q.fetchAround()
}

func (q *queue) onPage(msg queuePageMsg) tea.Cmd {
	if msg.gen != q.gen {
		return nil
	}
	q.cache.Answered(msg.off, msg.want)
	if msg.err != nil {
		q.loadErr = model.T("calls.queue.load_failed", errorSentence(msg.err))
		return statusErr(q.loadErr)
	}
	q.loadErr = ""
	q.cache.Fill(msg.off, msg.page.Rows)
	q.win.SetTotal(msg.page.Total)
	if id := q.follow; id != 0 {
		q.follow = 0
		if i, ok := q.cache.Index(func(r model.PlanRow) bool { return r.Item.ID == id }); ok {
			q.win.GoTo(i)
		}
	}
	return tea.Batch(q.ensureRows(), q.armTick())
}

// armTick starts the minute refresh once there is something whose colour
// can change; an empty queue waits for a DataChangedMsg instead.
func (q *queue) armTick() tea.Cmd {
	if q.every <= 0 || q.ticking || q.win.Total == 0 {
		return nil
	}
	q.ticking = true
	q.tickGen++
	return queueTick(q.tickGen, q.every)
}

func (q *queue) onTick(msg queueTickMsg) tea.Cmd {
	if msg.gen != q.tickGen {
		return nil
	}
	q.ticking = false
	return q.requery(false)
}

// navKey moves the cursor; it reports whether k was a movement key.
func (q *queue) navKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	keys := q.keys
	if !q.win.Navigate(k, table.Nav{Up: keys.Up, Down: keys.Down, PageUp: keys.PageUp, PageDown: keys.PageDown, Top: keys.Top, Bottom: keys.Bottom}) {
		return nil, false
	}
	q.follow = 0 // the user moved: a page on its way must not pull the cursor back
	return q.ensureRows(), true
}

// queueColumns in screen order; Drop says which give way first.
func queueColumns() []table.Column {
	return []table.Column{
		{Title: model.T("calls.col.due"), Min: 11, Want: 11, Max: 11},
		{Title: model.T("calls.col.client"), Min: 18, Want: 22},
		{Title: model.T("calls.col.purpose"), Min: 12, Want: 20, Max: 20, Drop: 3},
		{Title: model.T("calls.col.priority"), Min: 4, Want: 6, Max: 6, Drop: 2},
		{Title: model.T("calls.col.attempts"), Min: 3, Want: 3, Max: 3, Drop: 4},
		{Title: model.T("calls.col.held"), Min: 8, Want: 10, Max: 14, Drop: 5},
	}
}

// dueText is a due time in loc: HH:MM today, dd.mm HH:MM on other days.
func dueText(due, now time.Time, loc *time.Location) string {
	d, n := due.In(loc), now.In(loc)
	if d.Year() == n.Year() && d.YearDay() == n.YearDay() {
		return d.Format("15:04")
	}
	return d.Format("02.01 15:04")
}

// dueState is how a row is coloured: overdue, due today, or later.
type dueState int

const (
	dueLater dueState = iota
	dueToday
	dueOverdue
)

func stateOf(p model.PlanItem, now time.Time, loc *time.Location) dueState {
	if p.Overdue(now) {
		return dueOverdue
	}
	d, n := p.Due.In(loc), now.In(loc)
	if d.Year() == n.Year() && d.YearDay() == n.YearDay() || p.Due.Before(now) {
		return dueToday
	}
	return dueLater
}

func (q *queue) cells(r model.PlanRow, now time.Time) []string {
	it := r.Item
	held := ""
	switch {
	case it.HeldBy == q.env.Me.Name:
		held = model.T("calls.queue.held_by_me")
	case it.HeldBy != "":
		held = model.T("calls.queue.held_by", it.HeldBy)
	}
	name := r.ClientName
	switch {
	case r.Flags.DoNotContact:
		name = "⊘ " + name // do not contact: the call screen says why
	case r.Flags.KeyClient:
		name = "★ " + name
	}
	att := ""
	if it.Attempts > 0 {
		att = strconv.Itoa(it.Attempts)
	}
	out := []string{dueText(it.Due, now, q.env.Loc), name, purposeText(it.Purpose), priorityText(it.Priority), att, held}
	for i := range out {
		out[i] = table.Plain(out[i])
	}
	return out
}

func (q *queue) view() string {
	if q.width <= 0 || q.height <= 0 {
		return ""
	}
	s := q.env.Styles
	now := q.env.Now()
	lines := make([]string, 0, q.height)
	lines = append(lines, q.infoLine())
	cols := queueColumns()
	widths := table.Fit(cols, q.width)
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
	}
	lines = append(lines, s.Header.Render(textfit.Fit("  "+joinCells(titles, widths), q.width)))
	from, to := q.win.Visible()
	drawn := make(map[rowKey]string, max(0, to-from))
	for i := from; i < to; i++ {
		r, ok := q.cache.At(i)
		if !ok {
			lines = append(lines, s.Subtle.Render(textfit.Fit("  "+model.T("calls.loading"), q.width)))
			continue
		}
		k := rowKey{width: q.width, state: stateOf(r.Item, now, q.env.Loc), cursor: i == q.win.Cursor}
		copy(k.cells[:], q.cells(r, now))
		copy(k.widths[:], widths)
		line, ok := q.rows[k]
		if !ok {
			line = q.row(k)
		}
		drawn[k] = line
		lines = append(lines, line)
	}
	q.rows = drawn
	if q.cache.Loaded && q.win.Total == 0 && q.loadErr == "" {
		lines = append(lines, textfit.Fit(s.Subtle.Render("  "+model.T("calls.queue.empty")), q.width))
		if !q.env.ReadOnly {
			lines = append(lines, textfit.Fit(s.Subtle.Render("  "+model.T("calls.queue.empty_hint")), q.width))
		}
	}
	return textfit.Pad(lines, q.width, q.height)
}

// row draws one row of the queue, fitted to the width as Pad would.
func (q *queue) row(k rowKey) string {
	marker := "  "
	if k.cursor {
		marker = "› "
	}
	st := q.styleFor(k.state, k.cursor)
	return textfit.Fit(st.Render(textfit.Fit(marker+joinCells(k.cells[:], k.widths[:]), k.width)), k.width)
}

func (q *queue) styleFor(d dueState, cursor bool) lipgloss.Style {
	switch {
	case d == dueOverdue && cursor:
		return q.st.cursorOverdue
	case d == dueOverdue:
		return q.st.overdue
	case d == dueToday && cursor:
		return q.st.cursorToday
	case d == dueToday:
		return q.st.today
	case cursor:
		return q.st.cursorLater
	}
	return q.st.later
}

// infoLine says how long the queue is, or why it is not there.
func (q *queue) infoLine() string {
	s := q.env.Styles
	switch {
	case q.loadErr != "":
		return textfit.Fit(s.Danger.Render(q.loadErr), q.width)
	case !q.cache.Loaded:
		return textfit.Fit(s.Subtle.Render(model.T("calls.loading")), q.width)
	}
	left := s.Title.Render(model.T("calls.queue.title"))
	right := s.Subtle.Render(model.T("calls.queue.count", q.win.Total))
	return textfit.Spread(left, right, q.width)
}

// joinCells lays out cells in their columns (a dropped column has width 0).
func joinCells(cells []string, widths []int) string {
	var b strings.Builder
	first := true
	for i, w := range widths {
		if w == 0 {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		text := ""
		if i < len(cells) {
			text = cells[i]
		}
		b.WriteString(textfit.Fit(text, w))
	}
	return b.String()
}
