package complaints

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/ui/uitest"
)

// / is the client filter, as on the order list: part of a name typed, the
// matches offered, enter narrows the queue to that client's complaints;
// esc clears it. / no longer clears the other filters.
func TestSlashFiltersByClient(t *testing.T) {
	db, _ := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	d.press("m", "/")
	if !d.tab.Filter().Mine {
		t.Fatal("/ cleared the mine filter")
	}
	if !d.tab.InputFocused() || !strings.Contains(d.screen(), "Complaints of which client?") {
		t.Fatalf("/ did not open the client lookup:\n%s", d.screen())
	}
	d.press("esc")
	if d.tab.InputFocused() || !d.tab.Filter().Mine {
		t.Fatalf("esc in the lookup: focused %v, filter %+v", d.tab.InputFocused(), d.tab.Filter())
	}
	d.press("x", "/")
	d.press("enter")
	if !strings.Contains(d.screen(), "Type part of the client's name") {
		t.Fatalf("enter on an empty lookup says nothing:\n%s", d.screen())
	}
	d.typeText("zzzz-nobody")
	if !strings.Contains(d.screen(), "No client matches.") {
		t.Fatalf("no match is not said:\n%s", d.screen())
	}
	for range len("zzzz-nobody") {
		d.press("backspace")
	}
	d.typeText("baltic")
	offered := d.screen()
	if !strings.Contains(offered, "Baltic Foods") {
		t.Fatalf("the match is not offered:\n%s", offered)
	}
	d.press("enter")
	f := d.tab.Filter()
	if f.Client == 0 || d.tab.InputFocused() {
		t.Fatalf("enter did not filter by the client: %+v", f)
	}
	// the match said how many complaints the client has: as many as are now listed
	if want := fmt.Sprintf("complaints: %d", d.tab.queue.win.Total); !strings.Contains(offered, want) {
		t.Errorf("the match does not say %q:\n%s", want, offered)
	}
	rows := d.tab.QueueRows()
	if len(rows) == 0 {
		t.Fatal("Baltic Foods' complaint is not listed")
	}
	for _, r := range rows {
		if r.Client != f.Client || !strings.HasPrefix(r.ClientName, "Baltic Foods") {
			t.Errorf("row #%d is %s's", r.ID, r.ClientName)
		}
	}
	if line := strings.Split(d.screen(), "\n")[1]; !strings.Contains(line, "Baltic Foods") {
		t.Errorf("the filter line does not name the client: %q", line)
	}
	d.press("esc")
	if d.tab.Filter() != (model.ComplaintFilter{}) {
		t.Fatalf("esc did not clear the client filter: %+v", d.tab.Filter())
	}
}

// The footer and the ? overlay offer / as the client filter, and x/esc (not /) as clear.
func TestSlashInTheHelp(t *testing.T) {
	db, _ := department(t)
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), 120, 32)
	found := map[string]string{}
	for _, b := range d.tab.ShortHelp() {
		found[b.Help().Key] = b.Help().Desc
	}
	if found["/"] != "find a client" || found["x/esc"] != "clear filters" {
		t.Fatalf("footer: %v", found)
	}
	full := 0
	for _, g := range d.tab.FullHelp() {
		for _, b := range g {
			for _, k := range b.Keys() {
				if k == "/" {
					full++
					if b.Help().Desc != "find a client" {
						t.Errorf("? overlay: / is %q", b.Help().Desc)
					}
				}
			}
		}
	}
	if full != 1 {
		t.Fatalf("? overlay: / is bound %d times", full)
	}
	d.press("/")
	keys := ""
	for _, b := range d.tab.ShortHelp() {
		keys += b.Help().Key + " "
	}
	if !strings.Contains(keys, "enter") || !strings.Contains(keys, "esc") {
		t.Fatalf("the lookup's footer: %s", keys)
	}
}

// A status is never cut: at 120 columns every row carries its full label
// (the client column gives way), at 80 its short label, whole.
func TestStatusColumnNeverCut(t *testing.T) {
	db, _ := department(t)
	for _, c := range []struct {
		w, h  int
		label func(model.ComplaintStatus) string
	}{{120, 32, model.ComplaintStatusLabel}, {80, 21, statusShort}} {
		d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow), c.w, c.h)
		lines := strings.Split(d.screen(), "\n")
		rows := d.tab.QueueRows()
		if len(rows) == 0 {
			t.Fatal("the queue is empty")
		}
		for i, r := range rows {
			line := lines[3+i]
			if !strings.Contains(line, fmt.Sprintf("#%d ", r.ID)) || !strings.Contains(line, " "+c.label(r.Status)+" ") {
				t.Errorf("%d columns: row #%d lacks its status %q:\n%s", c.w, r.ID, c.label(r.Status), line)
			}
		}
	}
	full, short := statusWidths()
	if short >= full {
		t.Fatalf("the short labels (%d) are not shorter than the full ones (%d)", short, full)
	}
	for w := 60; w <= 240; w++ {
		ws, abbr := queueLayout(w, "Deadline MSK")
		want := full
		if abbr {
			want = short
		}
		if ws[colStatus] != want {
			t.Errorf("width %d: status column %d, want %d (short %v)", w, ws[colStatus], want, abbr)
		}
		if w >= 120 && abbr {
			t.Errorf("width %d: short statuses on a wide terminal", w)
		}
		if abbr && ws[colClient] < narrowClient {
			t.Errorf("width %d: short statuses yet the client column is %d", w, ws[colClient])
		}
	}
}

// Deadlines count in the settings' zone (Moscow); they are shown in it, and
// where the user's zone differs (a UTC server) the abbreviation says so once:
// in the queue's Deadline header, next to the times on the complaint screen.
func TestTimesInTheDepartmentsZone(t *testing.T) {
	db, cs := department(t)
	msk, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Skip("no zone data:", err)
	}
	for _, c := range []struct {
		name string
		loc  *time.Location
		abbr bool
	}{{"UTC user", time.UTC, true}, {"Moscow user", msk, false}} {
		env := uitest.EnvAs(t, db, "ivanova", testNow)
		env.Loc = c.loc
		d := newDriver(t, env, 120, 32)
		lines := strings.Split(d.screen(), "\n")
		if got := strings.Contains(lines[2], "Deadline MSK"); got != c.abbr {
			t.Errorf("%s: the header says MSK: %v, want %v\n%s", c.name, got, c.abbr, lines[2])
		}
		rows := d.tab.QueueRows()
		for i, r := range rows {
			if want := r.Deadline.In(msk).Format("02.01 15:04"); !strings.Contains(lines[3+i], want) {
				t.Errorf("%s: row #%d does not show its deadline %s in Moscow time:\n%s", c.name, r.ID, want, lines[3+i])
			}
		}
		d.openComplaint(uint64(cs.Assigned))
		cpl, _ := d.tab.Complaint()
		want := model.FormatDateTime(cpl.Deadline, msk)
		var line string
		for _, l := range strings.Split(d.screen(), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "Deadline") {
				line = l
			}
		}
		if !strings.Contains(line, want) || strings.Contains(line, want+" MSK") != c.abbr {
			t.Errorf("%s: the screen's deadline line %q, want %s (MSK shown: %v)", c.name, line, want, c.abbr)
		}
	}
}

// The closed list says when and how each complaint closed where an open
// one counts down ("closed 20.11 · partly"), not a dash.
func TestClosedRowsSayWhenAndHow(t *testing.T) {
	for _, dec := range model.Decisions {
		if k := "complaints.decision_short." + string(dec); model.T(k) == k || model.T(k) == "" {
			t.Errorf("no short word for the decision %q", dec)
		}
	}
	for _, st := range model.ComplaintStatuses {
		if k := "complaints.status_short." + string(st); statusShort(st) == k || statusShort(st) == "" {
			t.Errorf("no short label for the status %q", st)
		}
	}
	db, _ := department(t)
	env := uitest.EnvAs(t, db, "ivanova", testNow)
	d := newDriver(t, env, 120, 32)
	for d.tab.Filter().Status != model.ComplaintClosed {
		d.press("s")
	}
	rows := d.tab.QueueRows()
	if len(rows) == 0 {
		t.Fatal("no closed complaints")
	}
	lines := strings.Split(d.screen(), "\n")
	if !strings.Contains(lines[2], "Closed") || strings.Contains(lines[2], "Left") {
		t.Errorf("the closed list's header: %q", lines[2])
	}
	loc, _ := shownZone(d.tab.queue.dept, env.Zone(), testNow)
	for i, r := range rows {
		c, err := env.Store.Complaint(r.ID)
		if err != nil || c.Closing == nil {
			t.Fatalf("#%d: %v, closing %v", r.ID, err, c.Closing)
		}
		want := "closed " + c.Closed.In(loc).Format("02.01") + " · " + model.T("complaints.decision_short."+string(c.Closing.Decision))
		if !strings.Contains(lines[3+i], want) || strings.Contains(lines[3+i], "—           —") {
			t.Errorf("#%d: want %q in\n%s", r.ID, want, lines[3+i])
		}
	}
}

// The lookup's matches say how many complaints each client has, and those
// with complaints come first: they are the ones a queue filter is for.
func TestLookupPutsClientsWithComplaintsFirst(t *testing.T) {
	db, _ := department(t)
	env := uitest.EnvAs(t, db, "ivanova", testNow)
	msg, ok := lookupClients(context.Background(), env.Store, 1, "N0")().(clientMatchesMsg)
	if !ok || msg.err != nil || len(msg.rows) == 0 {
		t.Fatalf("no matches: %+v", msg)
	}
	if len(msg.rows) != len(msg.counts) || len(msg.rows) > lookupRows {
		t.Fatalf("%d rows, %d counts (at most %d)", len(msg.rows), len(msg.counts), lookupRows)
	}
	seenNone, some := false, false
	for i, c := range msg.rows {
		p, err := env.Store.Complaints(context.Background(), model.ComplaintFilter{Client: c.ID}, 0, 1)
		if err != nil || p.Total != msg.counts[i] {
			t.Errorf("%s: count %d, the store says %d (%v)", c.ShortName, msg.counts[i], p.Total, err)
		}
		switch {
		case msg.counts[i] == 0:
			seenNone = true
		case seenNone:
			t.Errorf("%s has complaints but is listed after a client without", c.ShortName)
		default:
			some = true
		}
	}
	if !some {
		t.Fatal("no match has complaints: the test shows nothing")
	}
}
