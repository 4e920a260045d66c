// Package complaintreport is the head's complaint report: a period's
// complaints received vs satisfied with amounts, broken down by reason, fault
// party, type, owner and direction, times to answer, bars, and CSV export.
package complaintreport

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/keymap"
	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/styles"
)

// lastGen numbers every load and export: an answer whose number is not the
// pane's latest is dropped (the user moved on to another period).
var lastGen atomic.Uint64

func nextGen() uint64 { return lastGen.Add(1) }

// fPath is the export prompt's field.
const fPath = "path"

// Report is a Pane (the Complaints tab shows it as its report view).
type Report struct {
	env      common.Env
	keys     keymap.ComplaintReport
	expKeys  keymap.ComplaintReportExport
	w, h     int
	allowed  bool // complaint.report: the head and the director
	period   period
	wait     uint64 // the load being waited for, 0 none
	cancel   context.CancelFunc
	rep      *model.ComplaintReport // the last report loaded, nil before the first
	err      string                 // why the last load failed
	names    map[string]string      // logins → full names for the owners
	top      int                    // the first body line on screen
	lines    []string               // the body drawn for w (nil: draw again)
	exporter *exportPrompt          // the file prompt while open
	dir      string                 // where the export proposes to write ("" the current folder)
	hidden   bool                   // not on screen: a change only marks it stale
	stale    bool                   // the figures missed a change (or were never loaded) while hidden
}

// exportPrompt asks for the file the report goes to.
type exportPrompt struct {
	form    form.Model
	wait    uint64
	writing bool
	replace string // the existing file a second enter replaces
}

// New builds the report for env's user, on this month.
func New(env common.Env) *Report {
	r := &Report{env: env, keys: keymap.NewComplaintReport(), expKeys: keymap.NewComplaintReportExport(),
		allowed: model.Can(env.Me, model.ActComplaintReport)}
	r.period = periodAt(spanMonth, env.Clock().In(env.Zone()))
	return r
}

// Init loads this month's report and the people's names (the report only
// when on screen: hidden, it loads when SetVisible shows it).
func (r *Report) Init() tea.Cmd {
	if !r.allowed {
		return nil
	}
	if r.hidden {
		r.stale = true
		return usersCmd(r.env.Store)
	}
	return tea.Batch(r.load(), usersCmd(r.env.Store))
}

// SetVisible tells the report whether its host shows it. A complaint change
// while hidden only marks the figures stale (every session on the team
// server hears every change: a reload each time would query 200k complaints
// per session per change for a screen nobody looks at); showing a stale
// report loads it. A new report is visible.
func (r *Report) SetVisible(on bool) tea.Cmd {
	r.hidden = !on
	if on && r.stale {
		r.stale = false
		return r.load()
	}
	return nil
}

// load asks for the current period's report, dropping any load under way.
func (r *Report) load() tea.Cmd {
	if !r.allowed {
		return nil
	}
	if r.cancel != nil {
		r.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	r.wait = nextGen()
	r.err = ""
	r.lines = nil
	return reportCmd(ctx, r.env.Store, r.wait, r.period.from, r.period.to)
}

func (r *Report) setPeriod(p period) tea.Cmd {
	r.period = p
	r.top = 0
	return r.load()
}

// Update handles keys, the loads' answers and data changes.
func (r *Report) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reportMsg:
		if msg.gen != r.wait {
			return nil
		}
		r.wait = 0
		r.lines = nil
		if msg.err != nil {
			r.err = common.ErrorSentence(msg.err, "complaintreport")
			return nil
		}
		rep := msg.rep
		r.rep = &rep
		r.clampTop()
		return nil
	case usersMsg:
		if msg.err == nil {
			r.names = fullNames(msg.users)
			r.lines = nil
		}
		return nil
	case exportedMsg:
		return r.onExported(msg)
	case common.DataChangedMsg:
		// a settings change moves the calendar the overdue count is read in
		if (msg.Kind == "complaint" || msg.Kind == "complaint_settings" || msg.Kind == "*") && r.allowed {
			if r.hidden {
				r.stale = true
				return nil
			}
			return r.load()
		}
		return nil
	case tea.KeyPressMsg:
		if r.exporter != nil {
			return r.exportKey(msg)
		}
		return r.key(msg)
	case tea.PasteMsg:
		if r.exporter != nil && !r.exporter.writing {
			var cmd tea.Cmd
			r.exporter.form, cmd = r.exporter.form.Update(msg)
			return cmd
		}
	}
	return nil
}

func (r *Report) key(k tea.KeyPressMsg) tea.Cmd {
	if !r.allowed {
		return nil
	}
	switch {
	case key.Matches(k, r.keys.Month):
		return r.setPeriod(r.period.resize(spanMonth, r.env.Clock()))
	case key.Matches(k, r.keys.Year):
		return r.setPeriod(r.period.resize(spanYear, r.env.Clock()))
	case key.Matches(k, r.keys.Span):
		return r.setPeriod(r.period.resize((r.period.span+1)%3, r.env.Clock()))
	case key.Matches(k, r.keys.Prev):
		return r.setPeriod(r.period.shift(-1))
	case key.Matches(k, r.keys.Next):
		return r.setPeriod(r.period.shift(1))
	case key.Matches(k, r.keys.This):
		return r.setPeriod(periodAt(r.period.span, r.env.Clock().In(r.env.Zone())))
	case key.Matches(k, r.keys.Export):
		return r.openExport()
	case key.Matches(k, r.keys.Up):
		r.top--
	case key.Matches(k, r.keys.Down):
		r.top++
	case key.Matches(k, r.keys.PageUp):
		r.top -= r.bodyHeight()
	case key.Matches(k, r.keys.PageDown):
		r.top += r.bodyHeight()
	case key.Matches(k, r.keys.Top):
		r.top = 0
	case key.Matches(k, r.keys.Bottom):
		r.top = 1 << 30
	default:
		return nil
	}
	r.clampTop()
	return nil
}

// openExport opens the file prompt with the period's default file name.
func (r *Report) openExport() tea.Cmd {
	if r.rep == nil || r.wait != 0 {
		return status(model.T("complaintreport.export.wait"), true)
	}
	path := r.period.fileName()
	if r.dir != "" {
		path = filepath.Join(r.dir, path)
	}
	f := form.New(r.env.Styles, model.T("complaintreport.yes"), model.T("complaintreport.no"),
		form.Text(fPath, model.T("complaintreport.export.path"), path))
	f.SetSize(max(20, r.w), 2)
	r.exporter = &exportPrompt{form: f}
	return r.exporter.form.Focus(fPath)
}

func (r *Report) exportKey(k tea.KeyPressMsg) tea.Cmd {
	e := r.exporter
	switch {
	case key.Matches(k, r.expKeys.Cancel):
		if !e.writing {
			r.exporter = nil
		}
		return nil
	case key.Matches(k, r.expKeys.Save):
		if e.writing {
			return nil
		}
		path := e.form.Value(fPath)
		if why := e.keepExisting(path); why != "" {
			e.form.SetErrors(map[string]string{fPath: why})
			return nil
		}
		rep := *r.rep
		if r.names != nil {
			rep = withOwnerNames(rep, r.names)
		}
		e.form.SetErrors(nil)
		e.writing = true
		e.wait = nextGen()
		return exportCmd(e.wait, rep, path)
	}
	if e.writing {
		return nil
	}
	var cmd tea.Cmd
	e.form, cmd = e.form.Update(k)
	return cmd
}

// keepExisting says why path is not written now: an existing file that is
// not a CSV (the database, a document) is never replaced; an existing CSV
// is replaced on a second enter. "" writes.
func (e *exportPrompt) keepExisting(path string) string {
	path = strings.TrimSpace(path)
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		e.replace = ""
		return "" // a new file, or what writeReport refuses with its own sentence
	}
	if !strings.EqualFold(filepath.Ext(path), ".csv") {
		e.replace = ""
		return model.T("complaintreport.export.not_csv", path)
	}
	if e.replace == path {
		return ""
	}
	e.replace = path
	return model.T("complaintreport.export.exists", path)
}

func (r *Report) onExported(msg exportedMsg) tea.Cmd {
	e := r.exporter
	if e == nil || msg.gen != e.wait {
		return nil
	}
	e.writing = false
	if msg.err != nil {
		e.form.SetErrors(map[string]string{fPath: common.ErrorSentence(msg.err, "complaintreport")})
		return nil
	}
	r.exporter = nil
	shown := msg.path
	if abs, err := filepath.Abs(msg.path); err == nil {
		shown = abs
	}
	return status(model.T("complaintreport.export.done", msg.rows, shown), false)
}

// SetSize gives the report its space; the body is drawn again for the width.
func (r *Report) SetSize(w, h int) {
	if w != r.w {
		r.lines = nil
	}
	r.w, r.h = w, h
	if r.exporter != nil {
		r.exporter.form.SetSize(max(20, w), 2)
	}
	r.clampTop()
}

// SetStyles hands over styles rebuilt for a new terminal background.
func (r *Report) SetStyles(s styles.Styles) {
	r.env.Styles = s
	r.lines = nil
}

// InputFocused is true while the file prompt has the keys.
func (r *Report) InputFocused() bool { return r.exporter != nil }

// ShortHelp is the report's footer.
func (r *Report) ShortHelp() []key.Binding {
	switch {
	case r.exporter != nil:
		return r.expKeys.ShortHelp()
	case !r.allowed:
		return nil
	}
	return r.keys.ShortHelp()
}

// FullHelp is the report's columns of the ? overlay.
func (r *Report) FullHelp() [][]key.Binding {
	switch {
	case r.exporter != nil:
		return r.expKeys.FullHelp()
	case !r.allowed:
		return nil
	}
	return r.keys.FullHelp()
}

// Period is the period shown: [from, to) in the user's zone.
func (r *Report) Period() (from, to time.Time) { return r.period.from, r.period.to }

var _ common.Pane = (*Report)(nil)
