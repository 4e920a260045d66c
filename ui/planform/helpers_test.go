package planform

import (
	"flag"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
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

// driver feeds keys to a form as its owner does (uitest.Owner).
type driver struct {
	uitest.Owner
	m *Model
}

func drive(t *testing.T, m *Model) *driver {
	d := &driver{Owner: uitest.Owner{T: t, Pane: m, Form: func() *form.Model { return &m.form }}, m: m}
	m.SetSize(80, 24)
	d.Run(m.Init())
	return d
}

// changed reports whether the form told the screens the plan changed.
func (d *driver) changed() bool {
	for _, m := range d.Out {
		if c, ok := m.(common.DataChangedMsg); ok && c.Kind == "plan" {
			return true
		}
	}
	return false
}

// golden compares the stripped 80×24 view with testdata/name.golden.
func golden(t *testing.T, name string, m *Model) {
	t.Helper()
	uitest.GoldenView(t, name, m.View(), 80, 24, *update)
}
