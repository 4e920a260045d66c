package complaints

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
)

// rowsAround is how many rows are fetched beyond the visible window on each side.
const rowsAround = 40

// queueHeader is the lines above the rows (filters, column titles); one below (the footer).
const (
	queueHeader = 2
	queueFooter = 1
)

// queue is the complaint queue: a window over Store.Complaints, only the
// visible rows and a margin in memory, serious incidents first as the
// store orders them. It opens on every open complaint, the user's own
// marked: an operator answering the phone must see what else is burning,
// and space pulls the next one anyway.
type queue struct {
	env    common.Env
	keys   keymap.ComplaintQueue
	width  int
	height int
	dayMin int
	dept   *time.Location // the settings' zone: the rows' times are shown in it

	filter     model.ComplaintFilter
	statusAt   int // index into model.ComplaintStatuses; -1 open ones
	typeAt     int // index into model.ComplaintTypes; -1 any
	dirAt      int // index into model.ComplaintDirections; -1 any
	clientName string

	win     table.Window
	gen     uint64
	ctx     context.Context
	cancel  context.CancelFunc
	cache   table.Cache[model.ComplaintRow]
	follow  model.ID // the highlighted complaint while the queue loads again
	loadErr string

	closings map[model.ID]closedInfo // closed rows' closing date and decision, kept across loads

	open, overdue int // the footer's counts
	counted       bool

	ask    *ask          // the owner filter's choice
	lookup *clientLookup // the / client filter while open

	// every is the refresh period (the countdowns move and turn red on
	// time); 0: none. A tick is armed only while the queue has rows.
	every   time.Duration
	tickGen uint64
	ticking bool
}

func newQueue(env common.Env) *queue {
	q := &queue{env: env, keys: keymap.NewComplaintQueue(), statusAt: -1, typeAt: -1, dirAt: -1, dayMin: 9 * 60, every: time.Minute,
		dept: deptZone(model.DefaultComplaintSettings())}
	q.ctx, q.cancel = context.WithCancel(context.Background())
	return q
}

func (q *queue) setSize(w, h int) {
	q.width, q.height = w, h
	q.win.SetHeight(max(1, h-queueHeader-queueFooter))
	if q.ask != nil {
		q.ask.setWidth(w)
	}
	if q.lookup != nil {
		q.lookup.setWidth(w)
	}
}

func (q *queue) current() (model.ComplaintRow, bool) { return q.cache.At(q.win.Cursor) }

// visibleRows are the window's rows in memory (tests read what the screen holds).
func (q *queue) visibleRows() []model.ComplaintRow { return q.cache.Visible(q.win) }

// requery asks for the window again under a new generation; fromTop puts
// the cursor on the first row, else it follows the highlighted complaint.
func (q *queue) requery(fromTop bool) tea.Cmd {
	q.cancel()
	q.ctx, q.cancel = context.WithCancel(context.Background())
	q.gen++
	q.follow = 0
	if r, ok := q.cache.Restart(&q.win, fromTop); ok {
		q.follow = r.ID
	}
	return tea.Batch(q.fetchAround(), fetchCounts(q.ctx, q.env.Store, q.gen))
}

func (q *queue) fetchAround() tea.Cmd {
	w := q.win
	if !q.cache.Loaded {
		w.Height = max(w.Height, 1)
	}
	span := q.cache.Ask(w, rowsAround)
	return fetchPage(q.ctx, q.env.Store, q.filter, q.gen, span.Off, span.Limit)
}

func (q *queue) ensureRows() tea.Cmd {
	if !q.cache.Needs(q.win) {
		return nil
	}
	return q.fetchAround()
}

func (q *queue) onPage(m pageMsg) tea.Cmd {
	if m.gen != q.gen {
		return nil
	}
	q.cache.Answered(m.off, m.want)
	if m.err != nil {
		q.loadErr = model.T("complaints.queue.load_failed", errText(m.err))
		return nil
	}
	q.loadErr = ""
	q.cache.Fill(m.off, m.page.Rows)
	q.win.SetTotal(m.page.Total)
	if id := q.follow; id != 0 {
		q.follow = 0
		if i, ok := q.cache.Index(func(r model.ComplaintRow) bool { return r.ID == id }); ok {
			q.win.GoTo(i)
		}
	}
	return tea.Batch(q.ensureRows(), q.armTick(), q.fetchClosings(m.page.Rows))
}

// fetchClosings asks for the closings of closed rows not yet known.
func (q *queue) fetchClosings(rows []model.ComplaintRow) tea.Cmd {
	var ids []model.ID
	for _, r := range rows {
		if _, ok := q.closings[r.ID]; r.Status == model.ComplaintClosed && !ok {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return fetchClosings(q.ctx, q.env.Store, q.gen, ids)
}

func (q *queue) onClosings(m closingsMsg) {
	if m.gen != q.gen {
		return
	}
	if q.closings == nil {
		q.closings = make(map[model.ID]closedInfo, len(m.infos))
	}
	maps.Copy(q.closings, m.infos)
}

// forgetClosings drops what is known of closings (a complaint changed: it
// may have been reopened or closed again).
func (q *queue) forgetClosings() { q.closings = nil }

// closedText is a closed row's deadline and time left: "closed 20.11 · partly".
func (q *queue) closedText(r model.ComplaintRow, loc *time.Location) string {
	info, ok := q.closings[r.ID]
	if !ok || info.at.IsZero() {
		return model.T("complaints.closed_row_bare")
	}
	at, now := info.at.In(loc), q.env.Clock().In(loc)
	day := at.Format("02.01")
	if at.Year() != now.Year() {
		day = at.Format("02.01.06")
	}
	if info.decision == "" {
		return model.T("complaints.closed_row_day", day)
	}
	return model.T("complaints.closed_row", day, model.T("complaints.decision_short."+string(info.decision)))
}

// armTick starts the refresh once there is a countdown to move.
func (q *queue) armTick() tea.Cmd {
	if q.every <= 0 || q.ticking || q.win.Total == 0 {
		return nil
	}
	q.ticking = true
	q.tickGen++
	gen := q.tickGen
	return tea.Tick(q.every, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

func (q *queue) onTick(m tickMsg) tea.Cmd {
	if m.gen != q.tickGen {
		return nil
	}
	q.ticking = false
	if q.ask != nil || q.lookup != nil {
		return q.armTick() // a question is open: keep the rows under it
	}
	return q.requery(false)
}

// setRefresh changes the period; 0 stops the ticks (tests, benchmarks).
func (q *queue) setRefresh(every time.Duration) {
	q.every = every
	q.tickGen++ // a tick on its way is void
	q.ticking = false
}

func (q *queue) onCounts(m countsMsg) {
	if m.gen != q.gen || m.err != nil {
		return
	}
	q.open, q.overdue, q.counted = m.open, m.overdue, true
}

func (q *queue) inputFocused() bool { return q.ask != nil || q.lookup != nil }

// chooseClient filters the queue by c (open and closed complaints) and closes the lookup.
func (q *queue) chooseClient(c model.Client) tea.Cmd {
	q.closeLookup()
	q.filter.Client, q.clientName = c.ID, c.ShortName
	return q.requery(true)
}

func (q *queue) closeLookup() {
	if q.lookup != nil {
		q.lookup.close()
		q.lookup = nil
	}
}

// onMatches hands the lookup its answer (enter may have waited for it).
func (q *queue) onMatches(m clientMatchesMsg) tea.Cmd {
	if q.lookup == nil {
		return nil
	}
	if c := q.lookup.onMatches(m); c != nil {
		return q.chooseClient(*c)
	}
	return nil
}

// lookupKey gives a key (or a paste) to the open client lookup; esc closes it.
func (q *queue) lookupKey(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, q.lookup.keys.Back) {
		q.closeLookup()
		return nil
	}
	cmd, chosen := q.lookup.update(msg)
	if chosen != nil {
		return q.chooseClient(*chosen)
	}
	return cmd
}

// queueKey is what a key on the queue asks the tab to do.
type queueKey int

const (
	queueStay queueKey = iota
	queueOpen
	queueNew
	queueNext
)

// key handles a key; what it returns beyond the command the tab does.
func (q *queue) key(k tea.KeyPressMsg, users []model.User) (tea.Cmd, queueKey, model.ID) {
	if q.lookup != nil {
		return q.lookupKey(k), queueStay, 0
	}
	if q.ask != nil {
		done, cancelled := q.ask.update(k)
		switch {
		case cancelled:
			q.ask = nil
		case done:
			q.filter.Owner = q.ask.value()
			q.ask = nil
			return q.requery(true), queueStay, 0
		}
		return nil, queueStay, 0
	}
	if q.win.Navigate(k, table.Nav(q.keys.Nav)) {
		return q.ensureRows(), queueStay, 0
	}
	switch {
	case key.Matches(k, q.keys.Open):
		if r, ok := q.current(); ok {
			return nil, queueOpen, r.ID
		}
		return nil, queueStay, 0
	case key.Matches(k, q.keys.Next):
		return nil, queueNext, 0
	case key.Matches(k, q.keys.New):
		return nil, queueNew, 0
	case key.Matches(k, q.keys.Refresh):
		return q.requery(false), queueStay, 0
	case key.Matches(k, q.keys.Mine):
		q.filter.Mine = !q.filter.Mine
	case key.Matches(k, q.keys.Unassigned):
		q.filter.Unassigned = !q.filter.Unassigned
	case key.Matches(k, q.keys.Overdue):
		q.filter.Overdue = !q.filter.Overdue
	case key.Matches(k, q.keys.Status):
		q.statusAt = cycle(q.statusAt, len(model.ComplaintStatuses))
		q.filter.Status = ""
		if q.statusAt >= 0 {
			q.filter.Status = model.ComplaintStatuses[q.statusAt]
		}
	case key.Matches(k, q.keys.Type):
		q.typeAt = cycle(q.typeAt, len(model.ComplaintTypes))
		q.filter.Type = ""
		if q.typeAt >= 0 {
			q.filter.Type = model.ComplaintTypes[q.typeAt]
		}
	case key.Matches(k, q.keys.Direction):
		q.dirAt = cycle(q.dirAt, len(model.ComplaintDirections))
		q.filter.Direction = ""
		if q.dirAt >= 0 {
			q.filter.Direction = model.ComplaintDirections[q.dirAt]
		}
	case key.Matches(k, q.keys.Client):
		q.lookup = newClientLookup(q.env)
		q.lookup.setWidth(q.width)
		return nil, queueStay, 0
	case key.Matches(k, q.keys.ThisClient):
		r, ok := q.current()
		if !ok {
			return nil, queueStay, 0
		}
		q.filter.Client, q.clientName = r.Client, r.ClientName
	case key.Matches(k, q.keys.Owner):
		opts := []option{{label: model.T("complaints.filter.any_owner"), value: ""}}
		for _, u := range users {
			if !u.Archived {
				opts = append(opts, option{label: userLabel(u), value: u.Name})
			}
		}
		q.ask = newChoice(q.env.Styles, model.T("complaints.ask.owner"), opts, false, false)
		q.ask.setWidth(q.width)
		return nil, queueStay, 0
	case key.Matches(k, q.keys.Clear):
		if q.filter == (model.ComplaintFilter{}) {
			return nil, queueStay, 0
		}
		q.filter, q.statusAt, q.typeAt, q.dirAt, q.clientName = model.ComplaintFilter{}, -1, -1, -1, ""
	default:
		return nil, queueStay, 0
	}
	return q.requery(true), queueStay, 0
}

// cycle steps i through -1 (any), 0 … n-1 and back to -1.
func cycle(i, n int) int {
	i++
	if i >= n {
		return -1
	}
	return i
}

func userLabel(u model.User) string {
	name := u.FullName
	if name == "" {
		name = u.Name
	}
	return model.T("complaints.user", textfit.OneLine(name), u.Name, model.T("ui.role."+string(u.Role)))
}

// filterText says which filters are on ("" none).
func (q *queue) filterText() string {
	var parts []string
	f := q.filter
	if f.Mine {
		parts = append(parts, model.T("complaints.filter.mine"))
	}
	if f.Unassigned {
		parts = append(parts, model.T("complaints.filter.unassigned"))
	}
	if f.Status != "" {
		parts = append(parts, model.ComplaintStatusLabel(f.Status))
	}
	if f.Type != "" {
		parts = append(parts, model.ComplaintTypeLabel(f.Type))
	}
	if f.Direction != "" {
		parts = append(parts, model.ComplaintDirectionLabel(f.Direction))
	}
	if f.Owner != "" {
		parts = append(parts, model.T("complaints.filter.owner", f.Owner))
	}
	if f.Overdue {
		parts = append(parts, model.T("complaints.filter.overdue"))
	}
	if f.Client != 0 {
		parts = append(parts, textfit.OneLine(q.clientName))
	}
	return strings.Join(parts, " · ")
}

var queueColumns = []table.Column{
	{Min: 1, Want: 1, Max: 1},             // serious / mine mark
	{Min: 5, Want: 5, Max: 8},             // #id (#1234)
	{Min: 8, Want: 8, Max: 8, Drop: 4},    // received
	{Min: 10, Want: 18},                   // client: the rest, cut before a status is
	{Min: 8, Want: 10, Max: 14, Drop: 6},  // type
	{Min: 3, Want: 3, Max: 3, Drop: 7},    // direction
	{},                                    // status: its longest label (statusColumn)
	{Min: 8, Want: 10, Max: 12, Drop: 3},  // owner
	{Min: 9, Want: 10, Max: 12, Drop: 8},  // escalated to
	{Min: 10, Want: 12, Max: 14, Drop: 5}, // claimed
	{Min: 11, Want: 11, Max: 11, Drop: 2}, // deadline
	{Min: 14, Want: 16, Max: 16},          // countdown
}

// narrowClient is the client column's least width with short statuses.
const narrowClient = 16

// wideClient is the client column's least width with the full labels
// (about 120 columns: the escalated-to column gives way for it).
const wideClient = 20

const (
	colClient    = 3
	colStatus    = 6
	colEscalated = 8
	colClaimed   = 9
	colDeadline  = 10
	colCountdown = 11
)

// statusWidths are the widest full and short status labels.
func statusWidths() (full, short int) {
	for _, st := range model.ComplaintStatuses {
		full = max(full, lipgloss.Width(model.ComplaintStatusLabel(st)))
		short = max(short, lipgloss.Width(statusShort(st)))
	}
	return full, short
}

// statusShort is a status abbreviated for a narrow queue ("Waiting" for
// "Waiting for client"): a whole word rather than a label cut mid-word.
func statusShort(st model.ComplaintStatus) string {
	return model.T("complaints.status_short." + string(st))
}

// queueLayout fits the columns to width: the status column gets its
// longest full label while the other columns still fit (the client column
// gives way first), else the short labels and a wider client column.
// deadlineTitle may widen the deadline column (a zone abbreviation).
func queueLayout(width int, deadlineTitle string) (widths []int, short bool) {
	full, abbr := statusWidths()
	dl := max(queueColumns[colDeadline].Min, lipgloss.Width(deadlineTitle))
	with := func(status, client int) []int {
		cols := slices.Clone(queueColumns)
		cols[colClient].Min = max(cols[colClient].Min, client)
		cols[colStatus] = table.Column{Min: status, Want: status, Max: status}
		cols[colDeadline] = table.Column{Min: dl, Want: dl, Max: dl, Drop: cols[colDeadline].Drop}
		return table.Fit(cols, width)
	}
	dropped := func(ws []int) (n int) {
		for _, w := range ws {
			if w == 0 {
				n++
			}
		}
		return n
	}
	// A readable client name before the escalated-to column: the status
	// says "Escalated" and the complaint screen names the receiver.
	if ws := with(full, wideClient); dropped(ws) == 0 || dropped(ws) == 1 && ws[colEscalated] == 0 {
		return ws, false
	}
	// the full labels when nothing is dropped, or when they drop no more
	// than the short ones and leave the client column its narrow width
	wide := with(full, 0)
	if n := dropped(wide); n == 0 || n <= dropped(with(abbr, 0)) && wide[colClient] >= narrowClient {
		return wide, false
	}
	// narrow: the client's name and the owner before the received date
	// (it needs less room than the full labels: it never drops more)
	return with(abbr, narrowClient), true
}

func (q *queue) view() string {
	if q.width <= 0 || q.height <= 0 {
		return ""
	}
	s := q.env.Styles
	left := s.Title.Render(model.T("complaints.queue.title"))
	if f := q.filterText(); f != "" {
		left += "  " + s.FilterBar.Render(f)
	} else {
		left += "  " + model.T("complaints.queue.all_open")
	}
	right := ""
	switch {
	case q.loadErr != "":
		right = s.FieldError.Render(q.loadErr)
	case !q.cache.Loaded:
		right = s.Subtle.Render(model.T("complaints.queue.loading"))
	}
	out := []string{textfit.Spread(left, right, q.width)}
	if q.ask != nil {
		out = append(out, q.ask.lines(q.width)...)
		return textfit.Pad(out, q.width, q.height)
	}
	if q.lookup != nil {
		out = append(out, q.lookup.lines(q.width)...)
		return textfit.Pad(out, q.width, q.height)
	}
	_, abbr := shownZone(q.dept, q.env.Zone(), q.env.Clock())
	deadline := model.T("complaints.col.deadline")
	if abbr != "" {
		deadline = model.T("complaints.col.deadline_zone", abbr) // once, in the header
	}
	leftTitle := model.T("complaints.col.left")
	if q.filter.Status == model.ComplaintClosed {
		deadline, leftTitle = model.T("complaints.col.closed"), "" // the rows say when and how they closed
	}
	widths, short := queueLayout(q.width, deadline)
	titles := []string{"", model.T("complaints.col.id"), model.T("complaints.col.received"), model.T("complaints.col.client"),
		model.T("complaints.col.type"), model.T("complaints.col.direction"), model.T("complaints.col.status"),
		model.T("complaints.col.owner"), model.T("complaints.col.escalated"), model.T("complaints.col.claimed"),
		deadline, leftTitle}
	out = append(out, s.Header.Render(textfit.Fit("  "+textfit.Cells(titles, widths, claimedCol), q.width)))
	from, to := q.win.Visible()
	if q.cache.Loaded && q.win.Total == 0 {
		out = append(out, s.Subtle.Render(textfit.Fit("  "+model.T("complaints.queue.empty"), q.width)))
	}
	for i := from; i < to; i++ {
		r, ok := q.cache.At(i)
		if !ok {
			out = append(out, s.Subtle.Render(textfit.Fit("  …", q.width)))
			continue
		}
		out = append(out, q.rowLine(r, widths, short, i == q.win.Cursor))
	}
	body := textfit.Pad(out, q.width, q.height-queueFooter)
	return body + "\n" + q.footer()
}

// rowLine draws one row; the countdown keeps its colour under the cursor.
func (q *queue) rowLine(r model.ComplaintRow, widths []int, short, cursor bool) string {
	s := q.env.Styles
	mark := " "
	switch {
	case r.Serious:
		mark = "!"
	case q.mineRow(r):
		mark = "•"
	}
	loc, _ := shownZone(q.dept, q.env.Zone(), q.env.Clock())
	texts := []string{mark, fmt.Sprintf("#%d", r.ID), shortDate(r.Received, loc), textfit.OneLine(r.ClientName),
		model.ComplaintTypeLabel(r.Type), directionShort(r.Direction), model.ComplaintStatusLabel(r.Status),
		orDash(r.Owner), orDash(r.Escalated), amount(r.Claimed), deadlineText(r.Deadline, loc),
		leftText(r.Status, r.Deadline, r.PausedAt, r.Left, q.dayMin)}
	if r.Status == model.ComplaintClosed {
		return q.closedLine(r, texts, widths, loc, cursor)
	}
	if short {
		texts[colStatus] = statusShort(r.Status)
	}
	cd := widths[colCountdown]
	head := textfit.Cells(texts[:colCountdown], widths[:colCountdown], claimedCol)
	st := s.Row
	prefix := "  "
	if cursor {
		st, prefix = s.RowCursor, "› "
	}
	if r.Serious && !cursor {
		st = st.Foreground(s.Red)
	}
	rest := q.width - len([]rune(prefix)) - lipgloss.Width(head) - 1
	if rest < 1 {
		return st.Render(textfit.Fit(prefix+head, q.width))
	}
	return st.Render(prefix+head+" ") + rowUrgency(r).style(s, cursor).Render(textfit.Fit(texts[colCountdown], min(cd, rest))) +
		st.Render(textfit.Fit("", rest-min(cd, rest)))
}

// closedLine draws a closed row: its closing date and decision across the
// deadline and countdown columns, where an open row counts down.
func (q *queue) closedLine(r model.ComplaintRow, texts []string, widths []int, loc *time.Location, cursor bool) string {
	s := q.env.Styles
	st, prefix := s.Row, "  "
	if cursor {
		st, prefix = s.RowCursor, "› "
	}
	ws := slices.Clone(widths[:colDeadline+1])
	if ws[colDeadline] > 0 {
		ws[colDeadline] += 1 + widths[colCountdown]
	} else {
		ws[colDeadline] = widths[colCountdown]
	}
	texts = append(slices.Clone(texts[:colDeadline]), q.closedText(r, loc))
	return st.Render(textfit.Fit(prefix+textfit.Cells(texts, ws, claimedCol), q.width))
}

// mineRow: owned by me, or escalated to me and waiting for my answer.
func (q *queue) mineRow(r model.ComplaintRow) bool {
	return r.Owner == q.env.Me.Name || r.Escalated == q.env.Me.Name
}

func (q *queue) footer() string {
	s := q.env.Styles
	if !q.cache.Loaded {
		return textfit.Fit("", q.width)
	}
	text := model.T("complaints.queue.footer", q.open, q.overdue, q.win.Total)
	if !q.counted {
		text = model.T("complaints.queue.footer_shown", q.win.Total)
	}
	return s.Subtle.Render(textfit.Fit(text, q.width))
}

// claimedCol marks the queue's right-aligned column: the claimed amount.
var claimedCol = []bool{colClaimed: true}
