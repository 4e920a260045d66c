package calls

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

// pressFor presses k on the tab and returns the messages meant for the
// root, running the rest through the tab as the driver does.
func (d *driver) pressFor(k string) []tea.Msg {
	d.t.Helper()
	var out []tea.Msg
	uitest.Run(d.t, d.m.Update(uitest.Key(k)), func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case common.NewComplaintMsg, common.OpenComplaintMsg:
			out = append(out, msg)
			return nil
		case common.StatusMsg:
			d.status = msg
			return nil
		}
		return d.m.Update(msg)
	})
	return out
}

// K during a call asks for the complaint intake with the caller: the
// client, the contact on the phone, by phone; the call stays open.
func TestComplaintDuringACall(t *testing.T) {
	d, _, c, item := onRomashkasCall(t)
	msg, ok := uitest.First[common.NewComplaintMsg](d.pressFor("K"))
	if !ok {
		t.Fatal("K on the call asked for no complaint")
	}
	want := common.NewComplaintMsg{Client: c.ID, Contact: c.Contacts[0].ID, Channel: model.ChannelPhone}
	if msg.Client != want.Client || msg.Contact != want.Contact || msg.Channel != want.Channel || msg.Order != 0 || len(msg.Lines) != 0 {
		t.Fatalf("asked for %+v, want %+v", msg, want)
	}
	if id, open := d.m.OnCall(); !open || id != item.ID {
		t.Fatalf("the call closed: on call %v with %d", open, id)
	}
	if !keyListed(d.m.ShortHelp(), "K") || !keyListedFull(d.m.FullHelp(), "K") {
		t.Fatal("the call screen's help does not list K")
	}
}

// Typing notes, K is a letter, not a complaint.
func TestComplaintKeyIsTextInTheNotes(t *testing.T) {
	d, _, _, _ := onRomashkasCall(t)
	d.press("n")
	if msgs := d.pressFor("K"); len(msgs) != 0 {
		t.Fatalf("K in the notes asked %v", msgs)
	}
	if d.m.call.notes.Value() != "K" {
		t.Fatal("the notes did not take the letter")
	}
}

// Read-only (the file opened read-only while on the call): K says why
// not and asks for nothing, and the help does not offer it.
func TestComplaintDuringACallReadOnly(t *testing.T) {
	d, _, _, _ := onRomashkasCall(t)
	d.m.env.ReadOnly = true
	d.m.call.env.ReadOnly = true
	if msgs := d.pressFor("K"); len(msgs) != 0 || !strings.Contains(d.status.Text, "Read-only") {
		t.Fatalf("read-only K: %v, status %q", msgs, d.status.Text)
	}
	if keyListed(d.m.ShortHelp(), "K") {
		t.Fatal("read-only help offers K")
	}
}

// The complaints panel shows the store's one-line summaries of the
// caller's open complaints, and "none" when there are none.
func TestCallShowsOpenComplaints(t *testing.T) {
	db := department(t)
	c := romashka(t, db)
	item := planFor(t, db, c.ID, "ivanova", testNow.Add(30*time.Minute), "")
	d := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d.send(common.TakeCallMsg{Item: item.ID})
	if v := d.screen(); !strings.Contains(v, "Open complaints none") {
		t.Fatalf("no complaints, but:\n%s", v)
	}
	d.press("esc", "y")

	boss, err := db.SignIn("boss")
	if err != nil {
		t.Fatal(err)
	}
	reg, err := db.As(boss).RegisterComplaint(model.Complaint{Direction: model.DirectionIncoming, Type: model.TypeQuality,
		Client: c.ID, Channel: model.ChannelPhone, Received: testNow.Add(-2 * time.Hour), Description: "Брак ткани",
		Claimed: model.Money{Minor: 120_000, Currency: "RUB"}, Priority: model.PriorityNormal})
	if err != nil {
		t.Fatal(err)
	}
	d2 := newDriver(t, uitest.EnvAs(t, db, "ivanova", testNow))
	d2.send(common.TakeCallMsg{Item: item.ID})
	v := d2.screen()
	if strings.Contains(v, "Open complaints none") || !strings.Contains(v, "#"+itoa(uint64(reg.ID))) {
		t.Fatalf("complaint #%d not on the call screen:\n%s", reg.ID, v)
	}
}

// keyListed reports that a binding with key k is shown (enabled) in keys.
func keyListed(keys []key.Binding, k string) bool {
	for _, b := range keys {
		if b.Enabled() && slices.Contains(b.Keys(), k) {
			return true
		}
	}
	return false
}

func keyListedFull(cols [][]key.Binding, k string) bool {
	for _, col := range cols {
		if keyListed(col, k) {
			return true
		}
	}
	return false
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

// A complaint registered while the caller is still on the line (K, then
// back to the call) shows in the call's complaints panel at once.
func TestCallComplaintsPanelFollowsARegistration(t *testing.T) {
	d, db, c, _ := onRomashkasCall(t)
	if v := d.screen(); !strings.Contains(v, "Open complaints none") {
		t.Fatalf("no complaints, but:\n%s", v)
	}
	me, err := db.SignIn("ivanova")
	if err != nil {
		t.Fatal(err)
	}
	reg, err := db.As(me).RegisterComplaint(model.Complaint{Direction: model.DirectionIncoming, Type: model.TypeQuality,
		Client: c.ID, Channel: model.ChannelPhone, Received: testNow, Description: "Брак ткани",
		Claimed: model.Money{Minor: 120_000, Currency: "RUB"}, Priority: model.PriorityNormal})
	if err != nil {
		t.Fatal(err)
	}
	d.send(common.DataChangedMsg{Kind: "complaint", ID: reg.ID})
	if v := d.screen(); strings.Contains(v, "Open complaints none") || !strings.Contains(v, "#"+itoa(uint64(reg.ID))) {
		t.Fatalf("complaint #%d registered during the call is not on its screen:\n%s", reg.ID, v)
	}
}
