package exchange

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"clientbase/exchange"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/confirm"
	"clientbase/ui/components/statusbar"
	"clientbase/ui/components/table"
)

// Init starts nothing: the pane waits for the user.
func (m *Model) Init() tea.Cmd {
	if m.InputFocused() {
		return m.path().Focus()
	}
	return nil
}

func status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text, Err: isErr} }
}

// Update handles keys, pastes and the answers of the runs.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case importedMsg:
		if msg.gen != m.gen {
			return nil
		}
		return m.onImported(msg)
	case exportedMsg:
		if msg.gen != m.gen {
			return nil
		}
		m.writing = false
		if msg.err != nil {
			m.fieldErr = m.exportSentence(msg.err, msg.path)
			return nil
		}
		m.note = model.T("exch.ui.exported", msg.n, msg.path)
		return status(m.note, false)
	case completedMsg:
		p := m.pathOf(msg.mode)
		if p.Value() == msg.from {
			p.SetValue(msg.to)
			p.CursorEnd()
			m.fieldErr = ""
		}
		return nil
	case tea.PasteMsg:
		if m.InputFocused() && m.asking == nil {
			var cmd tea.Cmd
			p := m.path()
			*p, cmd = p.Update(msg)
			m.edited()
			return cmd
		}
		return nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	if m.InputFocused() && m.asking == nil {
		var cmd tea.Cmd
		p := m.path()
		*p, cmd = p.Update(msg)
		return cmd
	}
	return nil
}

func (m *Model) pathOf(mode Mode) *textinput.Model {
	if mode == ModeImport {
		return &m.ipath
	}
	return &m.epath
}

// edited notes that the user changed the file field.
func (m *Model) edited() {
	m.fieldErr, m.note = "", ""
	if m.mode == ModeExport {
		m.epathEdited = true
	}
}

func (m *Model) onImported(msg importedMsg) tea.Cmd {
	m.cancel = nil
	if msg.err != nil && !errors.Is(msg.err, context.Canceled) {
		m.stage = stForm
		m.fieldErr = m.importSentence(msg.err)
		m.focusField(fFile)
		return m.path().Focus()
	}
	m.report, m.cursor = msg.report, 0
	if msg.dry {
		if errors.Is(msg.err, context.Canceled) {
			m.stage = stForm
			return tea.Batch(m.path().Focus(), status(model.T("exch.ui.preview_stopped"), false))
		}
		m.stage = stPreview
		m.cursor = firstRejected(m.report.Lines)
		return nil
	}
	m.stage = stDone
	m.cursor = firstRejected(m.report.Lines)
	r := msg.report
	text := model.T("exch.ui.imported", r.Created, r.Updated, r.Unchanged, r.Rejected)
	if errors.Is(msg.err, context.Canceled) {
		text = model.T("exch.ui.import_stopped", r.Created, r.Updated, r.Unchanged, r.Rejected)
	}
	if r.ReportFile != "" {
		// At 80 columns the counts and a path do not fit the status bar:
		// rows taken and the report's path, cut from the left so its file
		// name stays readable (the pane shows every count).
		chip := lipgloss.Width(m.env.Me.Name+" · "+model.T("ui.role."+string(m.env.Me.Role))) + 4
		room := m.width - chip - lipgloss.Width(model.T("exch.ui.imported_report", r.Rows-r.Rejected, r.Rows, ""))
		text = model.T("exch.ui.imported_report", r.Rows-r.Rejected, r.Rows, statusbar.ShortenPath(r.ReportFile, m.home, max(8, room)))
	}
	changed := func() tea.Msg { return common.DataChangedMsg{Kind: "*"} }
	return tea.Batch(status(text, r.Rejected > 0), changed)
}

// shown is path with the home folder as ~.
func (m *Model) shown(path string) string {
	if m.home != "" && strings.HasPrefix(path, m.home+"/") {
		return "~" + path[len(m.home):]
	}
	return path
}

func (m *Model) importSentence(err error) string {
	switch {
	case errors.Is(err, errUnavailable):
		return model.T("exch.ui.err.unavailable")
	case errors.Is(err, errFolder):
		return model.T("exch.ui.err.folder", m.ran.path)
	case errors.Is(err, model.ErrForbidden):
		return model.T("exch.ui.err.import_forbidden")
	}
	var s *model.Sentence
	if errors.As(err, &s) {
		return s.Text
	}
	return fileSentence(err, m.ran.path)
}

func (m *Model) exportSentence(err error, path string) string {
	switch {
	case errors.Is(err, errUnavailable):
		return model.T("exch.ui.err.unavailable")
	case errors.Is(err, errFolder):
		return model.T("exch.ui.err.folder", path)
	case errors.Is(err, model.ErrForbidden):
		return model.T("exch.ui.err.export_forbidden")
	}
	var s *model.Sentence
	if errors.As(err, &s) {
		return s.Text
	}
	return fileSentence(err, path)
}

func (m *Model) onKey(k tea.KeyPressMsg) tea.Cmd {
	if m.asking != nil {
		a := m.asking.Update(k)
		if !a.Answered {
			m.asking = &a
			return nil
		}
		m.asking = nil
		if !a.Yes {
			return nil
		}
		return m.startImport()
	}
	switch m.stage {
	case stPreviewing, stImporting:
		if key.Matches(k, m.keys.Cancel) && m.cancel != nil {
			m.cancel()
			m.cancel = nil
		}
		return nil
	case stPreview, stDone:
		switch {
		case key.Matches(k, m.keys.Back):
			m.stage = stForm
			return m.refocus()
		case m.stage == stPreview && key.Matches(k, m.keys.Import):
			return m.askImport()
		case key.Matches(k, m.keys.Mode):
			m.stage = stForm
			return m.switchMode()
		}
		m.cursor = table.MoveCursor(k, table.Nav(m.keys.Nav), m.cursor, len(m.report.Lines), m.tableRoom())
		return nil
	}
	return m.onFormKey(k)
}

func (m *Model) onFormKey(k tea.KeyPressMsg) tea.Cmd {
	if m.writing {
		return nil
	}
	f := m.fields()[m.focus]
	typing := f == fFile
	switch {
	case key.Matches(k, m.keys.Back):
		m.closed = true
		if m.cancel != nil {
			m.cancel()
		}
		return nil
	case key.Matches(k, m.keys.Mode):
		return m.switchMode()
	case key.Matches(k, m.keys.Prev) || (!typing && key.Matches(k, m.keys.Up)):
		return m.setFocus(m.focus - 1)
	case key.Matches(k, m.keys.Next) || (!typing && key.Matches(k, m.keys.Down)):
		return m.setFocus(m.focus + 1)
	case m.mode == ModeImport && (key.Matches(k, m.keys.Preview) || key.Matches(k, m.keys.Import) && k.String() == "ctrl+s"):
		return m.startPreview()
	case m.mode == ModeExport && key.Matches(k, m.keys.Write):
		return m.startExport()
	case typing && key.Matches(k, m.keys.Complete):
		return complete(m.mode, m.path().Value(), m.home)
	case typing:
		var cmd tea.Cmd
		p := m.path()
		before := p.Value()
		*p, cmd = p.Update(k)
		if p.Value() != before {
			m.edited()
		}
		return cmd
	case key.Matches(k, m.keys.Left):
		m.turn(f, -1)
	case key.Matches(k, m.keys.Right):
		m.turn(f, +1)
	}
	return nil
}

// turn moves a choice field by d, round.
func (m *Model) turn(f field, d int) {
	round := func(i, n int) int { return ((i+d)%n + n) % n }
	m.fieldErr, m.note = "", ""
	switch {
	case f == fKind && m.mode == ModeImport:
		m.ikind = round(m.ikind, len(importKinds))
	case f == fKind:
		m.ekind = round(m.ekind, len(exportKinds))
		m.eformat = min(m.eformat, len(formatsFor(m.exportKind()))-1)
	case f == fEncoding:
		m.enc = round(m.enc, len(encodings))
	case f == fFormat:
		m.eformat = round(m.eformat, len(formatsFor(m.exportKind())))
	}
	if m.mode == ModeExport && !m.epathEdited {
		m.epath.SetValue(m.defaultExportPath())
		m.epath.CursorEnd()
	}
}

func (m *Model) focusField(f field) {
	for i, g := range m.fields() {
		if g == f {
			m.focus = i
		}
	}
}

func (m *Model) setFocus(i int) tea.Cmd {
	m.focus = max(0, min(i, len(m.fields())-1))
	return m.refocus()
}

// refocus gives the file field the cursor when it has the focus.
func (m *Model) refocus() tea.Cmd {
	m.ipath.Blur()
	m.epath.Blur()
	if m.stage == stForm && m.fields()[m.focus] == fFile {
		m.path().CursorEnd()
		return m.path().Focus()
	}
	return nil
}

func (m *Model) switchMode() tea.Cmd {
	next := ModeExport
	if m.mode == ModeExport {
		next = ModeImport
	}
	right := model.ActDataExport
	if next == ModeImport {
		right = model.ActDataImport
	}
	if !model.Can(m.env.Me, right) {
		m.fieldErr = model.T("exch.ui.err." + string(next.name()) + "_forbidden")
		return nil
	}
	m.mode, m.focus, m.fieldErr, m.note = next, 0, "", ""
	return m.refocus()
}

func (md Mode) name() string {
	if md == ModeImport {
		return "import"
	}
	return "export"
}

func (m *Model) startPreview() tea.Cmd {
	if !model.Can(m.env.Me, model.ActDataImport) {
		m.fieldErr = model.T("exch.ui.err.import_forbidden")
		return nil
	}
	path := strings.TrimSpace(m.ipath.Value())
	if path == "" {
		m.fieldErr = model.T("exch.ui.err.no_path")
		m.focusField(fFile)
		return m.refocus()
	}
	m.ran = importRun{kind: importKinds[m.ikind], path: path, file: expand(path, m.home), encoding: encodings[m.enc]}
	m.fieldErr, m.note = "", ""
	m.stage = stPreviewing
	return m.run(true)
}

func (m *Model) run(dry bool) tea.Cmd {
	m.gen++
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.ipath.Blur()
	return runImport(ctx, m.port, m.gen, m.ran, dry)
}

// askImport imports what the preview read, asking first when rows would be
// skipped.
func (m *Model) askImport() tea.Cmd {
	r := m.report
	if r.Rejected == 0 {
		return m.startImport()
	}
	ask := "exch.ui.confirm"
	if r.Rejected == 1 {
		ask = "exch.ui.confirm_one"
	}
	q := confirm.New(model.T(ask, r.Rejected, r.Rows-r.Rejected))
	m.asking = &q
	return nil
}

func (m *Model) startImport() tea.Cmd {
	m.stage = stImporting
	return m.run(false)
}

func (m *Model) startExport() tea.Cmd {
	if !model.Can(m.env.Me, model.ActDataExport) {
		m.fieldErr = model.T("exch.ui.err.export_forbidden")
		return nil
	}
	path := strings.TrimSpace(m.epath.Value())
	if path == "" {
		m.fieldErr = model.T("exch.ui.err.no_path")
		m.focusField(fFile)
		return m.refocus()
	}
	f := m.exportFormat()
	opts := exchange.ExportOptions{Format: f.format, Excel: f.excel, Loc: m.env.Zone()}
	m.gen++
	m.writing, m.fieldErr, m.note = true, "", ""
	return runExport(context.Background(), m.port, m.gen, m.exportKind(), path, expand(path, m.home), opts)
}

// firstRejected is the first rejected line's index (its reason shows in
// full under the table), 0 when none is.
func firstRejected(lines []model.ImportLine) int {
	for i, l := range lines {
		if l.Action == model.ImportReject {
			return i
		}
	}
	return 0
}
