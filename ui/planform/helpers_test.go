package planform

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
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// now is the department's clock in these tests: a Monday morning.
var now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// department is a real bbolt department (storetest.PlanDepartment, no plan
// yet) whose store clock stands at now.
type department struct {
	t   *testing.T
	db  *store.DB
	dir model.User // the director
}

func newDepartment(t *testing.T) *department {
	t.Helper()
	s, boss := storetest.PlanDepartment(t, 12, 0, now)
	return &department{t: t, db: s.DB(), dir: boss}
}

// user signs a department member in.
func (d *department) user(name string) model.User {
	d.t.Helper()
	u, err := d.db.SignIn(name)
	if err != nil {
		d.t.Fatal(err)
	}
	return u
}

func (d *department) env(u model.User) common.Env {
	return common.Env{Store: d.db.As(u), Me: u, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return now }}
}

// client is test client i as stored (ids follow storetest.Client's order).
func (d *department) client(i int) model.Client {
	d.t.Helper()
	c, err := d.db.As(d.dir).Client(model.ID(i))
	if err != nil {
		d.t.Fatal(err)
	}
	return c
}

// timeline is what the store holds for client id.
func (d *department) timeline(id model.ID) []model.TimelineEntry {
	d.t.Helper()
	es, err := d.db.As(d.dir).Timeline(id)
	if err != nil {
		d.t.Fatal(err)
	}
	return es
}

// driver feeds keys to a form and runs its commands at once, feeding their
// answers back; messages for the owner are collected in out.
type driver struct {
	t   *testing.T
	m   *Model
	out []tea.Msg
}

func drive(t *testing.T, m *Model) *driver {
	d := &driver{t: t, m: m}
	m.SetSize(80, 24)
	d.run(m.Init())
	return d
}

func (d *driver) run(cmd tea.Cmd) {
	uitest.Run(d.t, cmd, func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case common.DataChangedMsg, common.StatusMsg:
			d.out = append(d.out, msg)
			return nil
		}
		return d.m.Update(msg)
	})
}

// press sends keys one by one, running what each returns.
func (d *driver) press(keys ...string) { uitest.Press(d.m.Update, d.run, keys...) }

// typ types text into the focused field.
func (d *driver) typ(text string) { uitest.Type(d.m.Update, d.run, text) }

// fieldTo tabs to the form field with key k.
func (d *driver) fieldTo(k string) {
	d.t.Helper()
	for range 30 {
		if d.m.form.Focused() == k {
			return
		}
		d.press("tab")
	}
	d.t.Fatalf("field %q never got the focus", k)
}

// set replaces the text of field k as a user would: go there, clear it, type.
func (d *driver) set(k, text string) {
	d.t.Helper()
	d.fieldTo(k)
	for range len([]rune(d.m.form.Value(k))) + 1 {
		d.press("backspace")
	}
	d.typ(text)
}

func (d *driver) view() string { return ansi.Strip(d.m.View()) }

// status is the last status-bar sentence the form sent.
func (d *driver) status() string {
	for i := len(d.out) - 1; i >= 0; i-- {
		if s, ok := d.out[i].(common.StatusMsg); ok {
			return s.Text
		}
	}
	return ""
}

// changed reports whether the form told the screens the plan changed.
func (d *driver) changed() bool {
	for _, m := range d.out {
		if c, ok := m.(common.DataChangedMsg); ok && c.Kind == "plan" {
			return true
		}
	}
	return false
}

// golden compares the stripped 80×24 view with testdata/name.golden.
func golden(t *testing.T, name string, m *Model) {
	t.Helper()
	view := m.View()
	uitest.CheckSize(t, name, view, 80, 24)
	uitest.Golden(t, name, ansi.Strip(view), *update)
}
