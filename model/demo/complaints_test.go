package demo

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"clientbase/model"
)

// demoComplaints generates n clients, their orders (numbered as a fresh
// store numbers them: ids in emit order, numbers per year) and the complaints.
func demoComplaints(t testing.TB, seed int64, n int) ([]model.Complaint, map[model.ID]*model.Order) {
	t.Helper()
	products, versions := Catalogue(seed, ordersNow)
	var ocs []OrderClient
	var ccs []ComplaintClient
	if err := Clients(seed, n, func(c model.Client) error {
		Recurring(&c)
		if oc, ok := OrderClientOf(c); ok {
			ocs = append(ocs, oc)
		}
		if cc, ok := ComplaintClientOf(c); ok {
			ccs = append(ccs, cc)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var orders []model.Order
	years := map[int]int{}
	if err := Orders(seed, ordersNow, products, versions, ocs, func(o model.Order, _ []model.Payment) error {
		o.ID = model.ID(len(orders) + 1)
		y := o.Date.Year()
		years[y]++
		o.Number = fmt.Sprintf("%04d-%06d", y, years[y])
		orders = append(orders, o)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	byID := map[model.ID]*model.Order{}
	for i := range orders {
		byID[orders[i].ID] = &orders[i]
	}
	return Complaints(seed, ordersNow, ccs, orders, Users(), model.DefaultComplaintSettings()), byID
}

func TestComplaintsAreDeterministic(t *testing.T) {
	a, _ := demoComplaints(t, 7, 800)
	b, _ := demoComplaints(t, 7, 800)
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("two runs differ (%d and %d complaints)", len(a), len(b))
	}
	c, _ := demoComplaints(t, 8, 800)
	if reflect.DeepEqual(a, c) {
		t.Fatal("another seed gives the same complaints")
	}
}

// TestComplaintsAreValid checks the default demo's complaints one by one:
// each passes the model's checks, its history follows the status flow, its
// owner may handle it, its order is the client's, and the whole has every
// status, overdue, waiting, escalated, serious and outgoing ones.
func TestComplaintsAreValid(t *testing.T) {
	const seed = 20261123
	cs, orders := demoComplaints(t, seed, 2500)
	if len(cs) < 300 || len(cs) > 400 {
		t.Fatalf("%d complaints for 2,500 clients", len(cs))
	}
	users := map[string]model.User{}
	for _, u := range Users() {
		users[u.Name] = u
	}
	statuses := map[model.ComplaintStatus]int{}
	var open, overdue, waiting, escalated, serious, outgoing, justified, withOrder int
	for i, c := range cs {
		name := fmt.Sprintf("#%d (%s %s, %s)", c.ID, c.Direction, c.Type, c.Status)
		if c.ID != model.ID(i+1) || i > 0 && c.Received.Before(cs[i-1].Received) {
			t.Errorf("%s: not in received order at %d", name, i)
		}
		statuses[c.Status]++
		var o *model.Order
		if c.Order != 0 {
			withOrder++
			o = orders[c.Order]
			if o == nil || o.Client != c.Client || o.Number != c.OrderNo {
				t.Errorf("%s: order %d is not the client's %d", name, c.Order, c.Client)
				continue
			}
			if c.Claimed.Minor > o.Totals.Gross.Minor {
				t.Errorf("%s: claimed %v above the order's %v", name, c.Claimed, o.Totals.Gross)
			}
			if !o.Date.Before(c.Received) {
				t.Errorf("%s: received %v before the order %v", name, c.Received, o.Date)
			}
		}
		if err := model.ValidateComplaint(c, o, ordersNow); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if c.Received.After(ordersNow) || c.Received.Before(ordersNow.AddDate(0, -7, 0)) {
			t.Errorf("%s: received %v", name, c.Received)
		}
		if c.Claimed.Minor < 0 || c.Description == "" {
			t.Errorf("%s: claimed %v, description %q", name, c.Claimed, c.Description)
		}
		if c.SLA <= 0 || !c.Deadline.After(c.Received) {
			t.Errorf("%s: SLA %d min, deadline %v", name, c.SLA, c.Deadline)
		}
		// the history follows the flow, in time order, and ends where the complaint is
		last := model.ComplaintStatus("")
		for j, e := range c.Events {
			if j > 0 && e.At.Before(c.Events[j-1].At) || e.At.After(ordersNow) {
				t.Errorf("%s: event %d at %v out of order", name, j, e.At)
			}
			if e.From != last {
				t.Errorf("%s: event %d from %s, was %s", name, j, e.From, last)
			}
			if j > 0 && e.From != e.To && !model.CanMoveComplaint(e.From, e.To) {
				t.Errorf("%s: event %d %s → %s not in the flow", name, j, e.From, e.To)
			}
			if _, ok := users[e.By]; !ok {
				t.Errorf("%s: event %d by %q", name, j, e.By)
			}
			last = e.To
		}
		if len(c.Events) == 0 || last != c.Status || c.Events[0].Action != "register" {
			t.Errorf("%s: history ends in %s", name, last)
		}
		// the owner may handle it; operators never own our claims
		if c.Owner == "" {
			if c.Status != model.ComplaintRegistered {
				t.Errorf("%s: nobody owns it", name)
			}
		} else if u := users[c.Owner]; !model.CanHandleComplaint(u, &c) || u.Role != model.RoleOperator && u.Role != model.RoleManager {
			t.Errorf("%s: owner %s (%s) may not handle it", name, c.Owner, u.Role)
		}
		if c.Direction == model.DirectionOutgoing {
			outgoing++
			if users[c.Owner].Role != model.RoleManager {
				t.Errorf("%s: our claim owned by %s", name, c.Owner)
			}
		}
		if c.Serious {
			serious++
		}
		for _, e := range c.Escalations {
			if users[e.To].Role != e.Level || rung(e.Level) <= rung(users[e.By].Role) || e.Reason == "" {
				t.Errorf("%s: escalation %s → %s (%s)", name, e.By, e.To, e.Level)
			}
		}
		if c.IsOpen() {
			open++
			if c.Closing != nil || !c.Closed.IsZero() {
				t.Errorf("%s: open with a closing", name)
			}
			switch {
			case c.Status == model.ComplaintWaiting:
				waiting++
				if c.PausedAt.IsZero() {
					t.Errorf("%s: waiting without a pause", name)
				}
			case !c.PausedAt.IsZero():
				t.Errorf("%s: paused at %v", name, c.PausedAt)
			case c.Deadline.Before(ordersNow):
				overdue++
			}
			if c.Status == model.ComplaintEscalated {
				escalated++
				if c.OpenEscalation() == nil {
					t.Errorf("%s: escalated without an open escalation", name)
				}
			} else if c.OpenEscalation() != nil {
				t.Errorf("%s: an open escalation while %s", name, c.Status)
			}
			continue
		}
		// closed: the closing fits the type, and its closer may give it
		cl := c.Closing
		if cl == nil || c.Closed.IsZero() || c.Answered.IsZero() || c.Answer == "" || !c.PausedAt.IsZero() {
			t.Errorf("%s: closed without closing, answer or with a pause", name)
			continue
		}
		closer := users[c.Owner]
		if cl.Justified != nil {
			justified++
			closer = users["volkova"]
		}
		// checked as it stood before the close
		before := c
		before.Closing, before.Closed = nil, time.Time{}
		for _, e := range c.Events {
			if e.Action == "close" {
				before.Status = e.From
			}
		}
		if err := model.CheckClosing(closer, before, *cl); err != nil {
			t.Errorf("%s: closing by %s: %v", name, closer.Name, err)
		}
		if cl.Satisfied.Minor > c.Claimed.Minor || (cl.Decision == model.DecisionRejected) != (cl.Remedy == model.RemedyNone) {
			t.Errorf("%s: %s satisfied %v of %v, remedy %s", name, cl.Decision, cl.Satisfied, c.Claimed, cl.Remedy)
		}
		if c.Direction == model.DirectionIncoming && !fits(c.Type, cause{cl.Reason, cl.Fault}) {
			t.Errorf("%s: reason %s, fault %s do not fit", name, cl.Reason, cl.Fault)
		}
	}
	for _, s := range model.ComplaintStatuses {
		if statuses[s] == 0 {
			t.Errorf("no complaint %s: %v", s, statuses)
		}
	}
	if open < 30 || open > 60 || overdue < 5 || waiting < 3 || escalated < 2 || serious < 3 ||
		outgoing < 5 || outgoing > 10 || justified < 20 || withOrder < len(cs)*2/3 {
		t.Errorf("open %d, overdue %d, waiting %d, escalated %d, serious %d, outgoing %d, justified %d, with an order %d of %d",
			open, overdue, waiting, escalated, serious, outgoing, justified, withOrder, len(cs))
	}
}

func rung(r model.Role) int { return slices.Index(model.Roles, r) }

func fits(t model.ComplaintType, c cause) bool {
	return slices.Contains(causes[t][0], c) || slices.Contains(causes[t][1], c)
}

// a check of the test's own arithmetic: Qty shares stay within the lines
func TestComplaintLinesWithinTheOrder(t *testing.T) {
	cs, orders := demoComplaints(t, 11, 1200)
	n := 0
	for _, c := range cs {
		o := orders[c.Order]
		for _, l := range c.Lines {
			n++
			if o == nil || l.Line >= len(o.Lines) || o.Lines[l.Line].SKU != l.SKU || l.Qty <= 0 || l.Qty > o.Lines[l.Line].Shipped {
				t.Errorf("#%d: line %+v", c.ID, l)
			}
		}
	}
	if n == 0 {
		t.Fatal("no complaint names order lines")
	}
}
