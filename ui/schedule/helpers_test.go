package schedule

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

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testNow is Wednesday 25.11.2026 11:00 UTC: the week shown is Mon 23.11 – Sun 29.11.
var testNow = time.Date(2026, 11, 25, 11, 0, 0, 0, time.UTC)

// department is storetest's plan department (a real bbolt file whose clock
// stands at testNow): 40 clients, 600 plan items over the four weeks around now.
func department(t testing.TB) *store.DB {
	t.Helper()
	s, _ := storetest.PlanDepartment(t, 40, 600, testNow)
	return s.DB()
}

// pane is what the drivers need of Week and Team.
type pane interface {
	Update(tea.Msg) tea.Cmd
	View() string
}

// root drives p as the root would; the messages it returns are those meant
// for others (status, data changed, take a call, open a client).
func root(t testing.TB, p pane) uitest.Root {
	return uitest.Root{T: t, Update: p.Update, Keep: func(msg tea.Msg) bool {
		switch msg.(type) {
		case common.TakeCallMsg, common.OpenClientMsg, common.CallClientMsg:
			return true
		}
		return false
	}}
}

// run executes cmd and everything it leads to, feeding each message back
// into p.Update as the program's loop would.
func run(t testing.TB, p pane, cmd tea.Cmd) []tea.Msg { t.Helper(); return root(t, p).Run(cmd) }

// press sends keys one by one, running what each leads to.
func press(t testing.TB, p pane, keys ...string) []tea.Msg {
	t.Helper()
	return root(t, p).Press(keys...)
}

func statusOf(msgs []tea.Msg) (common.StatusMsg, bool) { return uitest.First[common.StatusMsg](msgs) }

func view(p pane) string { return ansi.Strip(p.View()) }

// golden compares the plain view with testdata/name.golden (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	uitest.Golden(t, name, got, *update)
}

// counted is one person-day's counts worked out from the items themselves.
func counted(rows []model.PlanRow, now time.Time) model.GridCell {
	var c model.GridCell
	for _, r := range rows {
		p := r.Item
		switch {
		case p.Status == model.PlanCancelled || p.Status == model.PlanRescheduled:
			continue
		case p.Origin == model.OriginOffPlan:
			c.OffPlan++
			continue
		}
		c.Planned++
		if p.Status == model.PlanDone {
			c.Done++
		}
		if p.Overdue(now) {
			c.Overdue++
		}
	}
	return c
}
