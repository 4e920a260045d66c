package calls

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

// testNow is Monday 23.11.2026 09:30 UTC, 12:30 in Moscow (the clients'
// default zone): inside working hours, so calls can be taken.
var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// Body size of an 80×24 terminal: the tab bar, the status bar and the footer take three lines.
const (
	bodyW = 80
	bodyH = 21
)

// department is storetest's plan department: a real bbolt file whose clock
// stands at testNow, 30 clients and 200 plan items around now.
func department(t testing.TB) *store.DB {
	t.Helper()
	s, _ := storetest.PlanDepartment(t, 30, 200, testNow)
	return s.DB()
}

// driver runs the tab the way the root would: messages for the root
// (status, open a client) are kept, DataChangedMsg comes back to the tab.
type driver struct {
	t      testing.TB
	m      *Model
	status common.StatusMsg
	opened []model.ID // clients the tab asked the root to open
	orders []model.ID // clients the tab asked the root to open a new order for
	events []common.DataChangedMsg
}

func newDriver(t testing.TB, env common.Env) *driver {
	t.Helper()
	m := New(env)
	m.SetRefresh(0) // a ticking command would block the synchronous loop
	m.SetSize(bodyW, bodyH)
	d := &driver{t: t, m: m}
	d.run(m.Init())
	return d
}

func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	uitest.Run(d.t, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case common.StatusMsg:
			d.status = msg
			return nil
		case common.OpenClientMsg:
			d.opened = append(d.opened, msg.Client)
			return nil
		case common.NewOrderMsg:
			d.orders = append(d.orders, msg.Client)
			return nil
		case common.DataChangedMsg:
			d.events = append(d.events, msg)
		}
		return d.m.Update(msg)
	})
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	d.run(d.m.Update(msg))
}

func (d *driver) press(keys ...string) {
	d.t.Helper()
	uitest.Press(d.m.Update, d.run, keys...)
}

func (d *driver) typeText(s string) {
	d.t.Helper()
	uitest.Type(d.m.Update, d.run, s)
}

func (d *driver) screen() string {
	d.t.Helper()
	v := ansi.Strip(d.m.View())
	uitest.RequireSize(d.t, "view", v, bodyW, bodyH)
	return v
}

func mustContain(t testing.TB, view string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			t.Fatalf("the screen lacks %q:\n%s", w, view)
		}
	}
}

// storeOf is the session behind the driver, for checks against the database.
func (d *driver) session() common.Store { return d.m.env.Store }

func keyOf(s string) tea.KeyPressMsg { return uitest.Key(s) }

func stripped(s string) string { return ansi.Strip(s) }
