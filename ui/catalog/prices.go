package catalog

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/form"
	"clientbase/ui/styles"
)

// Prices is the price settings (columns, VAT, currency, discount limits) and
// the list of price versions. The director edits the settings (s, ctrl+s)
// and enters new versions (n); everyone may look (enter shows a version's
// prices). esc with nothing open makes Closed() true (Init re-arms it).
type Prices struct {
	env    common.Env
	st     styles.Styles
	keys   keymap.Prices
	width  int
	height int
	closed bool

	gen      uint64 // the load in flight; older answers are dropped
	loading  bool
	loadErr  string
	settings model.PriceSettings
	versions []versionRow
	cursor   int
	top      int

	canEdit bool
	why     string

	sform  *settingsForm
	editor *VersionEditor
	view   *versionView
}

// versionRow is one price version of the list with its number of prices.
type versionRow struct {
	v      model.PriceVersion
	prices int
}

// settingsForm is the price settings being edited.
type settingsForm struct {
	f      form.Model
	gen    uint64
	saving bool
	errTop string
	ask    *confirm.Model
}

// NewPrices builds the price view; Init loads it.
func NewPrices(env common.Env) *Prices {
	p := &Prices{env: env, st: env.Styles, keys: keymap.NewPrices(), width: 80, height: 20, loading: true}
	p.canEdit, p.why = rights(env)
	if !p.canEdit {
		p.keys.New.SetEnabled(false)
		p.keys.Settings.SetEnabled(false)
	}
	return p
}

// Init loads the settings and the versions.
func (p *Prices) Init() tea.Cmd {
	p.closed = false
	return p.reload()
}

func (p *Prices) reload() tea.Cmd {
	p.gen++
	return loadPrices(p.env.Store, p.gen)
}

// Closed reports that esc was pressed with nothing open.
func (p *Prices) Closed() bool { return p.closed }

// SetSize gives the view its room.
func (p *Prices) SetSize(width, height int) {
	p.width, p.height = max(width, 20), max(height, 6)
	if p.sform != nil {
		p.sform.f.SetSize(p.width, p.height-formHead)
	}
	if p.editor != nil {
		p.editor.SetSize(p.width, p.height)
	}
	if p.view != nil {
		p.view.setSize(p.width, p.height)
	}
	p.keepVisible()
}

// SetStyles takes styles rebuilt for a new background.
func (p *Prices) SetStyles(s styles.Styles) {
	p.st, p.env.Styles = s, s
	if p.sform != nil {
		p.openSettings(&p.sform.f)
	}
	if p.editor != nil {
		p.editor.SetStyles(s)
	}
	if p.view != nil {
		p.view.st = s
	}
}

// InputFocused reports that the settings form or the version editor has the keys.
func (p *Prices) InputFocused() bool { return p.sform != nil || p.editor != nil }

// Editor is the new version being entered (nil when none).
func (p *Prices) Editor() *VersionEditor { return p.editor }

// ShortHelp is the footer for the view's state.
func (p *Prices) ShortHelp() []key.Binding {
	switch {
	case p.editor != nil:
		return p.editor.ShortHelp()
	case p.sform != nil && p.sform.ask != nil:
		return p.sform.ask.ShortHelp()
	case p.sform != nil:
		return p.sform.f.Keys().ShortHelp()
	case p.view != nil:
		return p.view.keys.ShortHelp()
	}
	return p.keys.ShortHelp()
}

// FullHelp is the ? overlay for the view's state.
func (p *Prices) FullHelp() [][]key.Binding {
	switch {
	case p.editor != nil:
		return p.editor.FullHelp()
	case p.sform != nil && p.sform.ask != nil:
		return p.sform.ask.FullHelp()
	case p.sform != nil:
		return p.sform.f.Keys().FullHelp()
	case p.view != nil:
		return p.view.keys.FullHelp()
	}
	return p.keys.FullHelp()
}

// pricesLoadedMsg carries the settings and the versions.
type pricesLoadedMsg struct {
	gen      uint64
	ps       model.PriceSettings
	versions []versionRow
	err      error
}

// settingsSavedMsg is the store's answer to a settings save.
type settingsSavedMsg struct {
	gen uint64
	ps  model.PriceSettings
	err error
}

// loadPrices reads the settings and the versions' headers (with their
// price counts; the prices themselves are read when a version is opened).
func loadPrices(st common.Store, gen uint64) tea.Cmd {
	return func() tea.Msg {
		ps, err := st.PriceSettings()
		if err != nil {
			return pricesLoadedMsg{gen: gen, err: err}
		}
		vs, err := st.PriceVersions()
		if err != nil {
			return pricesLoadedMsg{gen: gen, err: err}
		}
		rows := make([]versionRow, len(vs))
		for i, v := range vs { // newest effective first, as the store lists them
			rows[i] = versionRow{v: v, prices: v.Count}
		}
		return pricesLoadedMsg{gen: gen, ps: ps, versions: rows}
	}
}

// Update handles a message and returns the commands to run.
func (p *Prices) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pricesLoadedMsg:
		if msg.gen != p.gen {
			return nil
		}
		p.loading = false
		if msg.err != nil {
			p.loadErr = model.T("catalog.load_failed", msg.err.Error())
			return nil
		}
		p.loadErr = ""
		p.settings, p.versions = msg.ps, msg.versions
		p.cursor = min(p.cursor, max(0, len(p.versions)-1))
		p.keepVisible()
		return nil
	case settingsSavedMsg:
		return p.onSettingsSaved(msg)
	case common.DataChangedMsg:
		switch msg.Kind {
		case "price", "price_settings", "product", "*":
			return p.reload()
		}
		return nil
	case tea.KeyPressMsg:
		p.closed = false
		switch {
		case p.editor != nil:
			return p.toEditor(msg)
		case p.sform != nil:
			return p.settingsKey(msg)
		case p.view != nil:
			if key.Matches(msg, p.view.keys.Back) {
				p.view = nil
				return nil
			}
			p.view.key(msg)
			return nil
		}
		return p.listKey(msg)
	case versionLoadedMsg:
		if p.view != nil {
			p.view.loaded(msg)
		}
		return nil
	}
	if p.editor != nil {
		return p.toEditor(msg)
	}
	return nil
}

// toEditor hands a message to the open editor and drops it once it closed.
func (p *Prices) toEditor(msg tea.Msg) tea.Cmd {
	cmd := p.editor.Update(msg)
	if p.editor.Closed() {
		p.editor = nil
		return tea.Batch(cmd, p.reload())
	}
	return cmd
}

func (p *Prices) listKey(k tea.KeyPressMsg) tea.Cmd {
	n := len(p.versions)
	switch {
	case key.Matches(k, p.keys.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(k, p.keys.Down):
		p.cursor = max(0, min(p.cursor+1, n-1))
	case key.Matches(k, p.keys.PageUp):
		p.cursor = max(p.cursor-p.listHeight(), 0)
	case key.Matches(k, p.keys.PageDown):
		p.cursor = max(0, min(p.cursor+p.listHeight(), n-1))
	case key.Matches(k, p.keys.Top):
		p.cursor = 0
	case key.Matches(k, p.keys.Bottom):
		p.cursor = max(0, n-1)
	case key.Matches(k, p.keys.Open):
		if p.cursor < n {
			p.view = newVersionView(p.env, p.settings, p.versions[p.cursor].v)
			p.view.setSize(p.width, p.height)
			return p.view.load()
		}
		return nil
	case k.String() == "n":
		if p.loading || p.loadErr != "" {
			return nil
		}
		if !p.canEdit {
			return status(p.why, true)
		}
		p.editor = NewVersionEditor(p.env, p.settings)
		p.editor.SetSize(p.width, p.height)
		return p.editor.Init()
	case k.String() == "s":
		if p.loading || p.loadErr != "" {
			return nil
		}
		if !p.canEdit {
			return status(p.why, true)
		}
		p.openSettings(nil)
		return nil
	case key.Matches(k, p.keys.Back):
		p.closed = true
		return nil
	default:
		return nil
	}
	p.keepVisible()
	return nil
}

// limitKey is the settings form's field of a role's discount limit.
func limitKey(r model.Role) string { return "limit." + string(r) }

// openSettings opens the settings form; values typed in prev are kept.
func (p *Prices) openSettings(prev *form.Model) {
	ps := p.settings
	fields := []form.Field{
		form.Text("columns", model.T("catalog.f.columns"), strings.Join(ps.Columns, ", ")),
		form.Toggle("vat_included", model.T("catalog.f.vat_included"), ps.VATIncluded),
		form.Text("currency", model.T("catalog.f.currency"), ps.Currency),
	}
	for _, r := range model.Roles {
		fields = append(fields, form.Text(limitKey(r), model.T("catalog.f.limit", model.T("catalog.role."+string(r))), model.FormatRate(ps.DiscountLimits[r])))
	}
	f := form.New(p.st, model.T("catalog.yes"), model.T("catalog.no"), fields...)
	if prev != nil {
		for _, fl := range fields {
			f.SetValue(fl.Key, prev.Value(fl.Key))
		}
	}
	f.SetSize(p.width, p.height-formHead)
	old := p.sform
	p.sform = &settingsForm{f: f}
	if old != nil {
		p.sform.gen, p.sform.saving, p.sform.errTop = old.gen, old.saving, old.errTop
	}
}

// readSettings turns the form into settings and the sentences of what does not read.
func (p *Prices) readSettings() (model.PriceSettings, map[string]string) {
	f := p.sform.f
	ps := p.settings
	bad := map[string]string{}
	ps.Columns = nil
	for _, c := range strings.Split(f.Value("columns"), ",") {
		ps.Columns = append(ps.Columns, strings.TrimSpace(c))
	}
	if len(ps.Columns) == 1 && ps.Columns[0] == "" {
		ps.Columns = nil
	}
	ps.VATIncluded = f.Bool("vat_included")
	ps.Currency = strings.ToUpper(strings.TrimSpace(f.Value("currency")))
	ps.DiscountLimits = map[model.Role]model.Rate{}
	for _, r := range model.Roles {
		rate, err := model.ParseRate(f.Value(limitKey(r)))
		if err != nil {
			bad[limitKey(r)] = err.Error()
			continue
		}
		ps.DiscountLimits[r] = rate
	}
	for k, s := range fieldErrors(model.ValidatePriceSettings(ps)) {
		fk := settingsField(k)
		if _, ok := bad[fk]; !ok {
			bad[fk] = s
		}
	}
	return ps, bad
}

// settingsField is the form field a ValidatePriceSettings key is about:
// "limits" (or "limits.head") goes under the first (or that role's) limit.
func settingsField(k string) string {
	switch {
	case k == "limits":
		return limitKey(model.Roles[0])
	case strings.HasPrefix(k, "limits."):
		return limitKey(model.Role(strings.TrimPrefix(k, "limits.")))
	case strings.HasPrefix(k, "columns."):
		return "columns"
	}
	return k
}

func (p *Prices) settingsKey(k tea.KeyPressMsg) tea.Cmd {
	sf := p.sform
	if sf.ask != nil {
		a := sf.ask.Update(k)
		sf.ask = &a
		if a.Answered {
			sf.ask = nil
			if a.Yes {
				p.sform = nil
				return nil
			}
			return sf.f.Refocus()
		}
		return nil
	}
	keys := sf.f.Keys()
	switch {
	case key.Matches(k, keys.Submit):
		if sf.saving {
			return nil
		}
		ps, bad := p.readSettings()
		if len(bad) > 0 {
			p.placeSettingsErrors(bad)
			return nil
		}
		sf.saving, sf.errTop = true, ""
		sf.gen++
		st, gen := p.env.Store, sf.gen
		return func() tea.Msg {
			out, err := st.SavePriceSettings(ps)
			return settingsSavedMsg{gen: gen, ps: out, err: err}
		}
	case key.Matches(k, keys.Back):
		if sf.f.Dirty() && !sf.saving {
			a := confirm.New(model.T("catalog.discard"))
			sf.ask = &a
			sf.f.Blur()
			return nil
		}
		p.sform = nil
		return nil
	}
	f, cmd := sf.f.Update(k)
	sf.f = f
	return cmd
}

func (p *Prices) placeSettingsErrors(bad map[string]string) {
	mapped := map[string]string{}
	for k, s := range bad {
		mapped[settingsField(k)] = s
	}
	rest := p.sform.f.SetErrors(mapped)
	p.sform.errTop = ""
	for _, s := range rest {
		p.sform.errTop = s
		break
	}
}

func (p *Prices) onSettingsSaved(msg settingsSavedMsg) tea.Cmd {
	sf := p.sform
	if sf == nil || msg.gen != sf.gen {
		return nil
	}
	sf.saving = false
	if msg.err != nil {
		if bad := fieldErrors(msg.err); bad != nil {
			p.placeSettingsErrors(bad)
			return status(errSentence(msg.err), true)
		}
		sf.errTop = errSentence(msg.err)
		return status(sf.errTop, true)
	}
	p.settings = msg.ps
	p.sform = nil
	return tea.Batch(status(model.T("catalog.settings_saved"), false), changed("price_settings", 0), p.reload())
}

func itoa(n int) string { return strconv.Itoa(n) }
