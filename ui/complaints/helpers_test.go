package complaints

import (
	"flag"
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

var update = flag.Bool("update", false, "rewrite the golden files")

// testNow is Monday 23.11.2026 11:00 UTC: a working morning, the clock of
// storetest's complaint department.
var testNow = time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)

// department is storetest's complaint department (a real bbolt file):
// a dozen complaints in every state, Complaints naming them.
func department(t testing.TB) (*store.DB, storetest.Complaints) {
	t.Helper()
	return storetest.ComplaintDepartment(t, testNow)
}

// driver runs the tab the way the root would: messages for the root are
// kept, DataChangedMsg comes back to the tab.
type driver struct {
	t       testing.TB
	tab     *Tab
	status  common.StatusMsg
	clients []model.ID // client cards the tab asked the root to open
	orders  []model.ID
	events  []common.DataChangedMsg
}

func newDriver(t testing.TB, env common.Env, w, h int) *driver {
	t.Helper()
	tab := New(env)
	tab.SetRefresh(0) // a ticking command would block the synchronous loop
	tab.SetSize(w, h)
	d := &driver{t: t, tab: tab}
	d.run(tab.Init())
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
			d.clients = append(d.clients, msg.Client)
			return nil
		case common.OpenOrderMsg:
			d.orders = append(d.orders, msg.Order)
			return nil
		case common.DataChangedMsg:
			d.events = append(d.events, msg)
		}
		return d.tab.Update(msg)
	})
}

func (d *driver) send(msg tea.Msg) { d.t.Helper(); d.run(d.tab.Update(msg)) }

func (d *driver) press(keys ...string) {
	d.t.Helper()
	uitest.Press(d.tab.Update, d.run, keys...)
}

func (d *driver) typeText(s string) { d.t.Helper(); uitest.Type(d.tab.Update, d.run, s) }

func (d *driver) screen() string { return ansi.Strip(d.tab.View()) }

// openComplaint opens a complaint as another screen would ask (OpenComplaintMsg).
func (d *driver) openComplaint(id uint64) {
	d.t.Helper()
	d.send(common.OpenComplaintMsg{Complaint: model.ID(id)})
	if c, ok := d.tab.Complaint(); !ok || c.ID != model.ID(id) {
		d.t.Fatalf("complaint %d did not open (status %q)", id, d.status.Text)
	}
}
