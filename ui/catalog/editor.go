package catalog

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/form"
	"clientbase/ui/styles"
)

// Where the editor's keys go.
const (
	zoneHead   = iota // effective date, note, notice months
	zoneSearch        // the product search line
	zoneGrid          // the prices
)

// maxMatches is how many products the search line offers at once.
const maxMatches = 5

// maxNoticeMonths bounds the notice look-back (ten years is already absurd).
const maxNoticeMonths = 120

// gridRow is one product of a version with a price per column (as typed),
// and what it costs now (was) to mark the prices that change.
type gridRow struct {
	p       model.Product
	cells   []string
	was     []string
	loading bool
}

// VersionEditor is a new price version being entered by the director: the
// effective date, a note, the notice months, and a grid of products ×
// columns prefilled from today's prices. ctrl+s saves it through
// SavePriceVersion; Closed() after saving or leaving.
type VersionEditor struct {
	env      common.Env
	st       styles.Styles
	keys     keymap.PriceGrid
	settings model.PriceSettings
	width    int
	height   int
	closed   bool

	head   form.Model
	zone   int
	search textinput.Model
	// sgen numbers the product searches: an older answer is dropped.
	sgen    uint64
	sctx    context.Context
	scancel context.CancelFunc
	matches []model.Product
	mcur    int

	rows     []gridRow
	row, col int
	cellErrs map[[2]int]string
	addErr   string
	errTop   string

	gen    uint64
	saving bool
	ask    *confirm.Model
}

// NewVersionEditor opens an empty version effective tomorrow, no notice calls.
func NewVersionEditor(env common.Env, ps model.PriceSettings) *VersionEditor {
	e := &VersionEditor{env: env, st: env.Styles, keys: keymap.NewPriceGrid(), settings: ps, width: 80, height: 20}
	tomorrow := nowOf(env).In(loc(env)).AddDate(0, 0, 1)
	e.buildHead(model.FormatDate(tomorrow, loc(env)), "", "0", nil)
	e.search = textinput.New()
	e.search.Prompt = ""
	e.search.Placeholder = model.T("catalog.version.search_place")
	e.applyStyles()
	e.sctx, e.scancel = context.WithCancel(context.Background())
	return e
}

func loc(env common.Env) *time.Location { return env.Zone() }

func (e *VersionEditor) buildHead(effective, note, notice string, prev *form.Model) {
	f := form.New(e.st, model.T("catalog.yes"), model.T("catalog.no"),
		form.Text("effective", model.T("catalog.f.effective"), effective),
		form.Text("note", model.T("catalog.f.note"), note),
		form.Text("notice", model.T("catalog.f.notice"), notice),
	)
	if prev != nil {
		for _, k := range []string{"effective", "note", "notice"} {
			f.SetValue(k, prev.Value(k))
		}
		f.SetErrors(map[string]string{"effective": prev.Error("effective"), "note": prev.Error("note"), "notice": prev.Error("notice")})
		f.Focus(prev.Focused())
	}
	f.SetSize(e.width, 8)
	e.head = f
	if e.zone != zoneHead {
		e.head.Blur()
	}
}

func (e *VersionEditor) applyStyles() {
	st := textinput.DefaultStyles(e.st.IsDark)
	st.Focused.Text = e.st.Value
	st.Cursor.Blink = false
	e.search.SetStyles(st)
}

// Init focuses the effective date.
func (e *VersionEditor) Init() tea.Cmd { return e.head.Focus("effective") }

// SetSize gives the editor its room.
func (e *VersionEditor) SetSize(width, height int) {
	e.width, e.height = width, height
	e.head.SetSize(width, 8)
	e.search.SetWidth(max(8, width-searchLabel-2))
}

// SetStyles rebuilds the editor for a new background, keeping what was typed.
func (e *VersionEditor) SetStyles(s styles.Styles) {
	e.st, e.env.Styles = s, s
	prev := e.head
	e.buildHead("", "", "", &prev)
	e.applyStyles()
}

// Closed reports that the version was saved or the editor left.
func (e *VersionEditor) Closed() bool { return e.closed }

// Dirty reports whether anything was typed or added.
func (e *VersionEditor) Dirty() bool { return len(e.rows) > 0 || e.head.Dirty() }

// Rows are the products in the grid with their typed prices, column by column.
func (e *VersionEditor) Rows() (skus []string, cells [][]string) {
	for _, r := range e.rows {
		skus = append(skus, r.p.SKU)
		cells = append(cells, append([]string(nil), r.cells...))
	}
	return skus, cells
}

// ShortHelp is the editor's footer.
func (e *VersionEditor) ShortHelp() []key.Binding {
	if e.ask != nil {
		return e.ask.ShortHelp()
	}
	return e.keys.ShortHelp()
}

// FullHelp is the editor's ? overlay.
func (e *VersionEditor) FullHelp() [][]key.Binding {
	if e.ask != nil {
		return e.ask.FullHelp()
	}
	return e.keys.FullHelp()
}

// matchesMsg answers product search sgen.
type matchesMsg struct {
	gen  uint64
	rows []model.Product
	err  error
}

// prefillMsg carries a product's prices now, column by column ("" none).
type prefillMsg struct {
	product model.ID
	cells   []string
}

// versionSavedMsg is the store's answer to SavePriceVersion.
type versionSavedMsg struct {
	gen     uint64
	v       model.PriceVersion
	planned int
	err     error
}

// Update handles a message and returns the commands to run.
func (e *VersionEditor) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case matchesMsg:
		if msg.gen != e.sgen {
			return nil
		}
		if msg.err != nil {
			e.addErr = model.T("catalog.load_failed", msg.err.Error())
			return nil
		}
		e.matches, e.mcur = msg.rows, 0
		if len(e.matches) == 0 {
			e.addErr = model.T("catalog.version.no_product", strings.TrimSpace(e.search.Value()))
		}
		return nil
	case prefillMsg:
		for i := range e.rows {
			if e.rows[i].p.ID == msg.product && e.rows[i].loading {
				e.rows[i].loading = false
				e.rows[i].was = msg.cells
				for j, c := range msg.cells {
					if e.rows[i].cells[j] == "" {
						e.rows[i].cells[j] = c
					}
				}
			}
		}
		return nil
	case versionSavedMsg:
		return e.onSaved(msg)
	case tea.PasteMsg:
		switch e.zone {
		case zoneHead:
			f, cmd := e.head.Update(msg)
			e.head = f
			return cmd
		case zoneSearch:
			return e.typeInSearch(msg)
		case zoneGrid:
			e.typeInCell(strings.TrimSpace(msg.Content))
		}
		return nil
	case tea.KeyPressMsg:
		return e.key(msg)
	}
	return nil
}

func (e *VersionEditor) key(k tea.KeyPressMsg) tea.Cmd {
	if e.ask != nil {
		a := e.ask.Update(k)
		e.ask = &a
		if a.Answered {
			e.ask = nil
			if a.Yes {
				e.close()
				return nil
			}
			return e.setZone(e.zone)
		}
		return nil
	}
	if e.saving {
		return nil
	}
	switch {
	case key.Matches(k, e.keys.Save):
		return e.save()
	case key.Matches(k, e.keys.Back):
		if e.zone == zoneSearch && e.search.Value() != "" {
			e.clearSearch()
			return nil
		}
		if e.Dirty() {
			a := confirm.New(model.T("catalog.discard"))
			e.ask = &a
			e.head.Blur()
			e.search.Blur()
			return nil
		}
		e.close()
		return nil
	}
	switch e.zone {
	case zoneHead:
		return e.headKey(k)
	case zoneSearch:
		return e.searchKey(k)
	}
	return e.gridKey(k)
}

func (e *VersionEditor) close() {
	e.closed = true
	e.scancel()
}

// setZone gives the keys to a zone.
func (e *VersionEditor) setZone(z int) tea.Cmd {
	e.zone = z
	e.head.Blur()
	e.search.Blur()
	switch z {
	case zoneHead:
		return e.head.Refocus()
	case zoneSearch:
		return e.search.Focus()
	}
	return nil
}

func (e *VersionEditor) headKey(k tea.KeyPressMsg) tea.Cmd {
	fk := e.head.Keys()
	last := e.head.Focused() == "notice"
	first := e.head.Focused() == "effective"
	switch {
	case last && (key.Matches(k, fk.Next) || key.Matches(k, fk.Down)):
		return e.setZone(zoneSearch)
	case first && (key.Matches(k, fk.Prev) || key.Matches(k, fk.Up)):
		if len(e.rows) > 0 {
			e.row, e.col = len(e.rows)-1, len(e.settings.Columns)-1
			return e.setZone(zoneGrid)
		}
		return e.setZone(zoneSearch)
	}
	f, cmd := e.head.Update(k)
	e.head = f
	return cmd
}

func (e *VersionEditor) searchKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, e.keys.Up):
		if len(e.matches) > 0 && e.mcur > 0 {
			e.mcur--
			return nil
		}
		return e.toHeadLast()
	case key.Matches(k, e.keys.Down):
		if e.mcur < len(e.matches)-1 {
			e.mcur++
			return nil
		}
		if len(e.rows) > 0 && len(e.matches) == 0 {
			return e.setZone(zoneGrid)
		}
		return nil
	case key.Matches(k, e.keys.Add):
		if e.mcur < len(e.matches) {
			return e.add(e.matches[e.mcur])
		}
		return nil
	case key.Matches(k, e.keys.Next):
		if len(e.rows) > 0 {
			e.row, e.col = min(e.row, len(e.rows)-1), 0
			return e.setZone(zoneGrid)
		}
		e.head.Focus("effective")
		return e.setZone(zoneHead)
	case key.Matches(k, e.keys.Prev):
		return e.toHeadLast()
	}
	return e.typeInSearch(k)
}

func (e *VersionEditor) toHeadLast() tea.Cmd {
	e.head.Focus("notice")
	return e.setZone(zoneHead)
}

// typeInSearch hands a key or paste to the search line; a changed text asks
// the store again (a new generation, the older search cancelled).
func (e *VersionEditor) typeInSearch(msg tea.Msg) tea.Cmd {
	before := e.search.Value()
	var cmd tea.Cmd
	e.search, cmd = e.search.Update(msg)
	q := strings.TrimSpace(e.search.Value())
	if e.search.Value() == before {
		return cmd
	}
	e.scancel()
	e.sctx, e.scancel = context.WithCancel(context.Background())
	e.sgen++
	e.addErr = ""
	if q == "" {
		e.matches = nil
		return cmd
	}
	ctx, st, gen := e.sctx, e.env.Store, e.sgen
	return tea.Batch(cmd, func() tea.Msg {
		pg, err := st.Products(ctx, q, false, 0, maxMatches)
		if ctx.Err() != nil {
			return nil
		}
		return matchesMsg{gen: gen, rows: pg.Rows, err: err}
	})
}

func (e *VersionEditor) clearSearch() {
	e.search.SetValue("")
	e.scancel()
	e.sgen++
	e.matches, e.mcur, e.addErr = nil, 0, ""
}

// add puts a product in the grid (or goes to it when it is there) and asks
// its prices now, so the director changes only what changes.
func (e *VersionEditor) add(pr model.Product) tea.Cmd {
	e.clearSearch()
	for i, r := range e.rows {
		if r.p.ID == pr.ID {
			e.row, e.col = i, 0
			return e.setZone(zoneGrid)
		}
	}
	n := len(e.settings.Columns)
	e.rows = append(e.rows, gridRow{p: pr, cells: make([]string, n), was: make([]string, n), loading: true})
	e.row, e.col = len(e.rows)-1, 0
	st, cols, now := e.env.Store, e.settings.Columns, nowOf(e.env)
	return tea.Batch(e.setZone(zoneGrid), func() tea.Msg {
		cells := make([]string, len(cols))
		for i, c := range cols {
			if m, err := st.PriceFor(pr.ID, c, now); err == nil {
				cells[i] = plainMoney(m)
			}
		}
		return prefillMsg{product: pr.ID, cells: cells}
	})
}

func (e *VersionEditor) gridKey(k tea.KeyPressMsg) tea.Cmd {
	if len(e.rows) == 0 {
		return e.setZone(zoneSearch)
	}
	ncol := max(1, len(e.settings.Columns))
	switch {
	case key.Matches(k, e.keys.Up):
		if e.row == 0 {
			return e.setZone(zoneSearch)
		}
		e.row--
	case key.Matches(k, e.keys.Down), k.String() == "enter":
		e.row = min(e.row+1, len(e.rows)-1)
	case key.Matches(k, e.keys.Next):
		e.col++
		if e.col >= ncol {
			e.col = 0
			e.row++
			if e.row >= len(e.rows) {
				e.row = len(e.rows) - 1
				e.head.Focus("effective")
				return e.setZone(zoneHead)
			}
		}
	case key.Matches(k, e.keys.Prev):
		e.col--
		if e.col < 0 {
			e.col = ncol - 1
			e.row--
			if e.row < 0 {
				e.row, e.col = 0, 0
				return e.setZone(zoneSearch)
			}
		}
	case k.String() == "left":
		e.col = max(0, e.col-1)
	case k.String() == "right":
		e.col = min(ncol-1, e.col+1)
	case key.Matches(k, e.keys.Remove):
		e.rows = append(e.rows[:e.row], e.rows[e.row+1:]...)
		e.cellErrs = nil
		if len(e.rows) == 0 {
			e.row = 0
			return e.setZone(zoneSearch)
		}
		e.row = min(e.row, len(e.rows)-1)
	case k.String() == "backspace":
		c := []rune(e.cell())
		if len(c) > 0 {
			e.setCell(string(c[:len(c)-1]))
		}
	case k.String() == "ctrl+u":
		e.setCell("")
	default:
		e.typeInCell(k.Text)
	}
	return nil
}

func (e *VersionEditor) cell() string {
	if e.row < len(e.rows) && e.col < len(e.rows[e.row].cells) {
		return e.rows[e.row].cells[e.col]
	}
	return ""
}

func (e *VersionEditor) setCell(s string) {
	if e.row < len(e.rows) && e.col < len(e.rows[e.row].cells) {
		e.rows[e.row].cells[e.col] = s
		delete(e.cellErrs, [2]int{e.row, e.col})
	}
}

// typeInCell appends what can be part of an amount; letters are not prices.
func (e *VersionEditor) typeInCell(text string) {
	var b strings.Builder
	for _, r := range text {
		if unicode.IsDigit(r) || strings.ContainsRune(".,- ", r) {
			b.WriteRune(r)
		}
	}
	if b.Len() > 0 && len([]rune(e.cell()))+b.Len() <= 24 {
		e.setCell(e.cell() + b.String())
	}
}

// read turns the editor into a version, its notice months, and the place of
// each entry in the grid; every sentence goes next to its field.
func (e *VersionEditor) read() (v model.PriceVersion, months int, at [][2]int, ok bool) {
	headBad := map[string]string{}
	e.cellErrs, e.addErr, e.errTop = map[[2]int]string{}, "", ""
	now := nowOf(e.env)
	l := loc(e.env)
	eff, err := model.ParseWhen(e.head.Value("effective"), now, l, model.CallSettings{})
	if err != nil {
		headBad["effective"] = err.Error()
	} else {
		y, m, d := eff.In(l).Date()
		eff = time.Date(y, m, d, 0, 0, 0, 0, l)
	}
	months, err = strconv.Atoi(strings.TrimSpace(e.head.Value("notice")))
	switch {
	case err != nil || months < 0 || months > maxNoticeMonths:
		headBad["notice"] = model.T("catalog.version.months", maxNoticeMonths)
	case months > 0 && headBad["effective"] == "" && !eff.After(now):
		headBad["notice"] = model.T("catalog.version.notice_past")
	}
	v = model.PriceVersion{Effective: eff, Note: strings.TrimSpace(e.head.Value("note"))}
	for i, r := range e.rows {
		for j, c := range r.cells {
			c = strings.TrimSpace(c)
			if c == "" || j >= len(e.settings.Columns) {
				continue
			}
			m, err := model.ParseMoney(c, e.settings.Currency)
			switch {
			case err != nil:
				e.cellErrs[[2]int{i, j}] = err.Error()
				continue
			case m.Minor < 0:
				e.cellErrs[[2]int{i, j}] = model.T("catalog.version.negative")
				continue
			}
			v.Prices = append(v.Prices, model.PriceEntry{Product: r.p.ID, Column: e.settings.Columns[j], Price: m})
			at = append(at, [2]int{i, j})
		}
	}
	if len(v.Prices) == 0 && len(e.cellErrs) == 0 {
		e.addErr = model.T("catalog.version.no_prices")
	}
	if len(headBad) == 0 && len(e.cellErrs) == 0 && e.addErr == "" {
		for k, s := range fieldErrors(model.ValidatePriceVersion(v, e.settings)) {
			e.place(k, s, at, headBad)
		}
	}
	e.head.SetErrors(headBad)
	e.focusFirstError(headBad)
	return v, months, at, len(headBad) == 0 && len(e.cellErrs) == 0 && e.addErr == "" && e.errTop == ""
}

// place puts one sentence of a refusal where it belongs.
func (e *VersionEditor) place(k, s string, at [][2]int, headBad map[string]string) {
	switch {
	case k == "effective" || k == "note" || k == "notice":
		headBad[k] = s
	case strings.HasPrefix(k, "prices."):
		n, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(k, "prices."), ".", 2)[0])
		if err == nil && n >= 0 && n < len(at) {
			e.cellErrs[at[n]] = s
			return
		}
		e.errTop = s
	case k == "prices":
		e.addErr = s
	default:
		if e.errTop == "" {
			e.errTop = s
		}
	}
}

func (e *VersionEditor) focusFirstError(headBad map[string]string) {
	switch {
	case len(headBad) > 0:
		e.setZone(zoneHead)
	case len(e.cellErrs) > 0:
		first := [2]int{len(e.rows), 0}
		for c := range e.cellErrs {
			if c[0] < first[0] || c[0] == first[0] && c[1] < first[1] {
				first = c
			}
		}
		e.row, e.col = first[0], first[1]
		e.setZone(zoneGrid)
	case e.addErr != "":
		e.setZone(zoneSearch)
	}
}

// save checks everything and, when every field reads, hands the version to the store.
func (e *VersionEditor) save() tea.Cmd {
	v, months, at, ok := e.read()
	if !ok {
		return nil
	}
	e.saving = true
	e.gen++
	st, gen := e.env.Store, e.gen
	_ = at
	return func() tea.Msg {
		out, n, err := st.SavePriceVersion(v, months)
		return versionSavedMsg{gen: gen, v: out, planned: n, err: err}
	}
}

func (e *VersionEditor) onSaved(msg versionSavedMsg) tea.Cmd {
	if msg.gen != e.gen {
		return nil
	}
	e.saving = false
	if msg.err != nil {
		var ve *model.ValidationError
		if errors.As(msg.err, &ve) {
			// The store numbers prices as they were sent: read again for the places.
			_, _, at, _ := e.read()
			headBad := map[string]string{}
			for k, s := range ve.Fields {
				e.place(k, s, at, headBad)
			}
			e.head.SetErrors(headBad)
			e.focusFirstError(headBad)
			return status(errSentence(msg.err), true)
		}
		e.errTop = errSentence(msg.err)
		return status(e.errTop, true)
	}
	e.close()
	text := model.T("catalog.version.saved", model.FormatDate(msg.v.Effective, loc(e.env)))
	if msg.planned > 0 {
		text = model.T("catalog.version.saved_calls", model.FormatDate(msg.v.Effective, loc(e.env)), msg.planned)
	}
	return tea.Batch(status(text, false), changed("price", msg.v.ID))
}
