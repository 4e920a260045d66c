package complaintform

import (
	"context"
	"flag"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/store"
	"clientbase/store/storetest"
	"clientbase/ui/common"
	"clientbase/ui/components/form"
	"clientbase/ui/uitest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// now is the department's clock: a Monday morning inside working hours.
var now = time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC)

// dept is storetest.PlanDepartment (real bbolt, clock at now: the director
// boss, the head volkova, the managers petrov and jonaitis, three operators,
// 12 clients) with an order of client 1: 10 pieces of SKU-001 and 4 of SKU-002.
type dept struct {
	t     *testing.T
	db    *store.DB
	order model.Order
}

func newDept(t *testing.T) *dept {
	t.Helper()
	s, _ := storetest.PlanDepartment(t, 12, 0, now)
	d := &dept{t: t, db: s.DB()}
	boss := d.session("boss")
	var prices []model.PriceEntry
	var lines []model.OrderLine
	for i, p := range []model.Product{
		{SKU: "SKU-001", Name: "Печенье овсяное", Unit: model.UnitPiece, VAT: 2000, Active: true},
		{SKU: "SKU-002", Name: "Сок яблочный", Unit: model.UnitPiece, VAT: 2000, Active: true},
	} {
		saved, err := boss.SaveProduct(p)
		if err != nil {
			t.Fatal(err)
		}
		prices = append(prices, model.PriceEntry{Product: saved.ID, Column: "retail", Price: model.Money{Minor: 15000}})
		lines = append(lines, model.OrderLine{Product: saved.ID, Qty: model.Qty([]int64{10, 4}[i] * model.QtyScale)})
	}
	if _, _, err := boss.SavePriceVersion(model.PriceVersion{Effective: now.AddDate(0, -2, 0), Note: "test", Prices: prices}, 0); err != nil {
		t.Fatal(err)
	}
	o, err := boss.SaveOrder(model.Order{Client: 1, TakenBy: "petrov", Channel: model.OrderByPhone, Date: now.AddDate(0, 0, -7), Lines: lines})
	if err != nil {
		t.Fatal(err)
	}
	d.order = o
	return d
}

func (d *dept) user(name string) model.User {
	d.t.Helper()
	u, err := d.db.SignIn(name)
	if err != nil {
		d.t.Fatal(err)
	}
	return u
}

func (d *dept) session(name string) *store.Session { return d.db.As(d.user(name)) }

func (d *dept) env(name string) common.Env { return uitest.EnvAs(d.t, d.db, name, now) }

// register has who register a complaint of client about nothing in particular.
func (d *dept) register(who string, client model.ID, owner string, claimed int64) model.Complaint {
	d.t.Helper()
	c, err := d.session(who).RegisterComplaint(model.Complaint{Direction: model.DirectionIncoming, Type: model.TypeQuality,
		Client: client, Channel: model.ChannelPhone, Received: now.Add(-2 * time.Hour), Owner: owner,
		Description: "Плесень на двух коробках печенья", Claimed: model.Money{Minor: claimed, Currency: "RUB"}, Priority: model.PriorityNormal})
	if err != nil {
		d.t.Fatal(err)
	}
	return c
}

// answered is a complaint of client owned by owner and answered by them: ready to close.
func (d *dept) answered(owner string, client model.ID, claimed int64) model.Complaint {
	d.t.Helper()
	c := d.register(owner, client, owner, claimed)
	s := d.session(owner)
	var err error
	for _, to := range []model.ComplaintStatus{model.ComplaintInvestigating, model.ComplaintAnswered} {
		if c, err = s.MoveComplaint(c.ID, c.Version, to, "Вернём деньги"); err != nil {
			d.t.Fatal(err)
		}
	}
	return c
}

// complaint is one complaint as stored.
func (d *dept) complaint(id model.ID) model.Complaint {
	d.t.Helper()
	c, err := d.session("boss").Complaint(id)
	if err != nil {
		d.t.Fatal(err)
	}
	return c
}

// of is every complaint of a client, newest first.
func (d *dept) of(client model.ID) []model.ComplaintRow {
	d.t.Helper()
	p, err := d.session("boss").Complaints(context.Background(), model.ComplaintFilter{Client: client}, 0, 100)
	if err != nil {
		d.t.Fatal(err)
	}
	return p.Rows
}

// driver feeds keys to a pane as its owner does (uitest.Owner).
type driver struct{ uitest.Owner }

func drive(t *testing.T, p common.Pane, f func() *form.Model, w, h int) *driver {
	d := &driver{uitest.Owner{T: t, Pane: p, Form: f}}
	p.SetSize(w, h)
	d.Run(p.Init())
	return d
}

func driveIntake(t *testing.T, f *Intake, w, h int) *driver {
	return drive(t, f, func() *form.Model { return &f.form }, w, h)
}

func driveClosing(t *testing.T, f *Closing, w, h int) *driver {
	return drive(t, f, func() *form.Model { return &f.form }, w, h)
}

func driveSettings(t *testing.T, s *Settings, w, h int) *driver {
	return drive(t, s, func() *form.Model { return s.form }, w, h)
}

// golden checks the view's size and compares it, stripped, with testdata/name.golden.
func golden(t *testing.T, name string, p common.Pane, w, h int) {
	t.Helper()
	uitest.GoldenView(t, name, p.View(), w, h, *update)
}
