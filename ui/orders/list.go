package orders

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/table"
	"clientbase/ui/components/textfit"
)

// rowsAround is how many rows are fetched beyond the visible window on each side.
const rowsAround = 40

// list is the order list: a window over env.Store.Orders, newest first,
// with filters by status, client, manager (mine) and month.
type list struct {
	env    common.Env
	keys   keymap.OrderList
	width  int
	height int

	filter     model.OrderFilter
	statusAt   int // index into model.OrderStatuses; -1 any
	clientName string
	month      time.Time // first day of the month shown; zero: any time

	win      table.Window
	gen      uint64
	cancel   context.CancelFunc
	cacheOff int
	follow   model.ID // a refresh keeps the cursor on this order when it is still near
	rows     []model.OrderRow
	loaded   bool
	pending  bool
	loadErr  string

	lookup *clientLookup // the / client filter while open
}

func newList(env common.Env) *list {
	return &list{env: env, keys: keymap.NewOrderList(), statusAt: -1}
}

// bodyRows is the number of table rows: filter line and column titles take two.
func (l *list) bodyRows() int { return max(1, l.height-2) }

func (l *list) setSize(w, h int) {
	l.width, l.height = w, h
	l.win.SetHeight(l.bodyRows())
	if l.lookup != nil {
		l.lookup.setWidth(w)
	}
}

// requery starts the list over for the current filter.
func (l *list) requery(keepCursor bool) tea.Cmd {
	if l.cancel != nil {
		l.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	l.gen++
	l.follow = 0
	if !keepCursor {
		l.win.Cursor, l.win.Top = 0, 0
	} else if r, ok := l.row(l.win.Cursor); ok {
		l.follow = r.Order.ID // another session's change may move rows above it
	}
	l.loaded, l.pending = false, true
	off := max(0, l.win.Top-rowsAround)
	return fetchOrders(ctx, l.env.Store, l.filter, l.gen, off, l.win.Height+2*rowsAround)
}

func (l *list) onPage(m listPageMsg) tea.Cmd {
	if m.gen != l.gen {
		return nil
	}
	l.pending = false
	if m.err != nil {
		l.loadErr = errText(m.err)
		return nil
	}
	l.loadErr, l.loaded = "", true
	l.cacheOff, l.rows = m.off, m.page.Rows
	l.win.SetTotal(m.page.Total)
	if id := l.follow; id != 0 {
		l.follow = 0
		for j, r := range l.rows {
			if r.Order.ID == id {
				l.win.GoTo(l.cacheOff + j)
				break
			}
		}
	}
	return nil
}

// ensure fetches the rows around the window when they are not in memory.
func (l *list) ensure() tea.Cmd {
	from, to := l.win.Visible()
	if l.pending || (from >= l.cacheOff && to <= l.cacheOff+len(l.rows)) {
		return nil
	}
	l.pending = true
	off := max(0, from-rowsAround)
	ctx, cancel := context.WithCancel(context.Background())
	if l.cancel != nil {
		l.cancel()
	}
	l.cancel = cancel
	return fetchOrders(ctx, l.env.Store, l.filter, l.gen, off, l.win.Height+2*rowsAround)
}

func (l *list) row(i int) (model.OrderRow, bool) {
	j := i - l.cacheOff
	if j < 0 || j >= len(l.rows) {
		return model.OrderRow{}, false
	}
	return l.rows[j], true
}

// chooseClient filters the list by c and closes the lookup.
func (l *list) chooseClient(c model.Client) tea.Cmd {
	l.lookup.close()
	l.lookup = nil
	l.filter.Client, l.clientName = c.ID, c.ShortName
	return l.requery(false)
}

// onMatches hands the lookup its answer (enter may have waited for it).
func (l *list) onMatches(m clientMatchesMsg) tea.Cmd {
	if l.lookup == nil {
		return nil
	}
	if c := l.lookup.onMatches(m); c != nil {
		return l.chooseClient(*c)
	}
	return nil
}

// current is the highlighted order.
func (l *list) current() (model.OrderRow, bool) { return l.row(l.win.Cursor) }

func (l *list) inputFocused() bool { return l.lookup != nil }

// key handles a key on the list; open is set when enter chose an order.
func (l *list) key(k tea.KeyPressMsg) (cmd tea.Cmd, open model.ID, newOrder bool) {
	if l.lookup != nil {
		if key.Matches(k, l.lookup.keys.Back) {
			l.lookup.close()
			l.lookup = nil
			return nil, 0, false
		}
		cmd, chosen := l.lookup.update(k)
		if chosen != nil {
			return l.chooseClient(*chosen), 0, false
		}
		return cmd, 0, false
	}
	switch {
	case key.Matches(k, l.keys.Up):
		l.win.Move(-1)
	case key.Matches(k, l.keys.Down):
		l.win.Move(1)
	case key.Matches(k, l.keys.PageUp):
		l.win.Move(-l.win.Height)
	case key.Matches(k, l.keys.PageDown):
		l.win.Move(l.win.Height)
	case key.Matches(k, l.keys.Top):
		l.win.GoTo(0)
	case key.Matches(k, l.keys.Bottom):
		l.win.GoTo(l.win.Total - 1)
	case key.Matches(k, l.keys.Open):
		if r, ok := l.current(); ok {
			return nil, r.Order.ID, false
		}
		return nil, 0, false
	case key.Matches(k, l.keys.New):
		return nil, 0, true
	case key.Matches(k, l.keys.Status):
		l.statusAt++
		if l.statusAt >= len(model.OrderStatuses) {
			l.statusAt = -1
		}
		l.filter.Status = ""
		if l.statusAt >= 0 {
			l.filter.Status = model.OrderStatuses[l.statusAt]
		}
		return l.requery(false), 0, false
	case key.Matches(k, l.keys.Client):
		l.lookup = newClientLookup(l.env, 0, model.T("orders.list.client_prompt"))
		l.lookup.setWidth(l.width)
		return nil, 0, false
	case key.Matches(k, l.keys.ThisClient):
		r, ok := l.current()
		if !ok {
			return nil, 0, false
		}
		l.filter.Client, l.clientName = r.Order.Client, r.ClientName
		return l.requery(false), 0, false
	case key.Matches(k, l.keys.ThisTaker):
		// the head's filter by manager: all orders taken by the highlighted order's taker
		r, ok := l.current()
		if !ok {
			return nil, 0, false
		}
		l.filter.Manager = r.Order.TakenBy
		return l.requery(false), 0, false
	case key.Matches(k, l.keys.Mine):
		if l.filter.Manager == "" {
			l.filter.Manager = l.env.Me.Name
		} else {
			l.filter.Manager = ""
		}
		return l.requery(false), 0, false
	case key.Matches(k, l.keys.PrevMonth), key.Matches(k, l.keys.NextMonth):
		step := 1
		if key.Matches(k, l.keys.PrevMonth) {
			step = -1
		}
		if l.month.IsZero() {
			now := l.env.Now().In(l.env.Loc)
			l.month = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, l.env.Loc)
			if step > 0 {
				step = 0 // the first ] shows this month
			}
		}
		l.month = l.month.AddDate(0, step, 0)
		l.filter.From, l.filter.To = l.month, l.month.AddDate(0, 1, 0)
		return l.requery(false), 0, false
	case key.Matches(k, l.keys.Clear):
		l.filter, l.statusAt, l.clientName, l.month = model.OrderFilter{}, -1, "", time.Time{}
		return l.requery(false), 0, false
	default:
		return nil, 0, false
	}
	return l.ensure(), 0, false
}

// filterLine says which filters are on, and how many orders match.
func (l *list) filterLine() string {
	s := l.env.Styles
	var parts []string
	if l.filter.Status != "" {
		parts = append(parts, statusText(l.filter.Status))
	}
	if l.filter.Client != 0 {
		parts = append(parts, textfit.OneLine(l.clientName))
	}
	switch l.filter.Manager {
	case "":
	case l.env.Me.Name:
		parts = append(parts, model.T("orders.list.mine"))
	default:
		parts = append(parts, model.T("orders.list.taken_by", l.filter.Manager))
	}
	if !l.month.IsZero() {
		parts = append(parts, model.T("orders.list.month", l.month.Format("01.2006")))
	}
	left := model.T("orders.list.all")
	if len(parts) > 0 {
		left = strings.Join(parts, " · ")
	}
	right := ""
	switch {
	case l.loadErr != "":
		right = s.FieldError.Render(l.loadErr)
	case !l.loaded:
		right = s.Subtle.Render(model.T("orders.list.loading"))
	default:
		count := model.T("orders.list.count", l.win.Total)
		if l.win.Total == 1 {
			count = model.T("orders.list.count_one")
		}
		right = s.Subtle.Render(count)
	}
	return textfit.Spread(s.Title.Render(model.T("orders.list.title"))+"  "+left, right, l.width)
}

var listColumns = []table.Column{
	{Min: 11, Want: 11, Max: 11},          // number
	{Min: 10, Want: 10, Max: 10, Drop: 2}, // date
	{Min: 10, Want: 20},                   // client
	{Min: 9, Want: 16, Max: 18},           // status
	{Min: 10, Want: 14, Max: 16},          // gross
	{Min: 10, Want: 10, Max: 10, Drop: 1}, // promised
}

func (l *list) view() string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	s := l.env.Styles
	if l.lookup != nil {
		return textfit.Pad(append([]string{l.filterLine()}, l.lookup.lines(l.width)...), l.width, l.height)
	}
	cols := listColumns
	titles := []string{model.T("orders.col.number"), model.T("orders.col.date"), model.T("orders.col.client"),
		model.T("orders.col.status"), model.T("orders.col.gross"), model.T("orders.col.promised")}
	widths := table.Fit(cols, l.width)
	out := []string{l.filterLine(), s.Header.Render(textfit.Fit("  "+textfit.Cells(titles, widths, amountCol), l.width))}
	from, to := l.win.Visible()
	if l.loaded && l.win.Total == 0 {
		out = append(out, s.Subtle.Render("  "+model.T("orders.list.empty")))
	}
	for i := from; i < to; i++ {
		r, ok := l.row(i)
		if !ok {
			out = append(out, s.Subtle.Render(textfit.Fit("  …", l.width)))
			continue
		}
		o := r.Order
		text := textfit.Cells([]string{o.Number, textfit.Date(o.Date, l.env.Loc), textfit.OneLine(r.ClientName), statusText(o.Status),
			amount(o.Totals.Gross), textfit.Date(o.Promised, l.env.Loc)}, widths, amountCol)
		st := s.Row
		switch {
		case i == l.win.Cursor:
			st = s.RowCursor
			text = "› " + text
		default:
			text = "  " + text
		}
		if r.LateDelivery {
			// An overdue delivery is red, under the cursor too.
			st = st.Foreground(s.Red)
		}
		out = append(out, st.Render(textfit.Fit(text, l.width)))
	}
	return textfit.Pad(out, l.width, l.height)
}

// amountCol marks the list's right-aligned column: the gross amount.
var amountCol = []bool{4: true}
