package complaintform

import (
	"strings"
	"testing"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/uitest"
)

func (d *dept) settings() model.ComplaintSettings {
	d.t.Helper()
	s, err := d.session("boss").ComplaintSettings()
	if err != nil {
		d.t.Fatal(err)
	}
	return s
}

func TestSettingsZeroHoursStayUnderTheFieldAndSaveNothing(t *testing.T) {
	d := newDept(t)
	before := d.settings()
	s := NewSettings(d.env("volkova"))
	dr := driveSettings(t, s, 100, 30)
	dr.Press("enter") // the first level
	if s.form == nil || s.editing != 0 {
		t.Fatal("enter opened no level form")
	}
	dr.Set("hours", "abc")
	dr.Press("ctrl+s")
	if s.form == nil || s.form.Error("hours") != model.T("complaintform.settings.number") {
		t.Fatalf("not a number: %v", s.form)
	}
	for _, h := range []string{"0", "-5"} {
		dr.Set("hours", h)
		dr.Press("ctrl+s")
		if s.form == nil || s.form.Error("hours") == "" {
			t.Fatalf("%s hours taken into the draft", h)
		}
	}
	dr.Press("esc")
	dr.Press("ctrl+s")
	if len(dr.Out) == 0 || dr.Status() != model.T("complaintform.settings.unchanged") {
		t.Fatalf("status %q", dr.Status())
	}
	if after := d.settings(); after.Version != before.Version || after.Levels[0].Hours != before.Levels[0].Hours {
		t.Fatal("the store changed")
	}

	// Default hours of zero likewise.
	s.cursor = s.rowOf("default_hours")
	dr.Press("enter")
	dr.Set("default_hours", "0")
	dr.Press("ctrl+s")
	if s.form == nil || s.form.Error("default_hours") == "" {
		t.Fatal("zero default hours taken")
	}
}

func TestSettingsAddEditDeleteAndSave(t *testing.T) {
	d := newDept(t)
	before := d.settings()
	s := NewSettings(d.env("volkova"))
	dr := driveSettings(t, s, 100, 30)
	n := len(s.draft.Levels)

	dr.Press("n")
	dr.Choose("type", string(model.TypeChainPenalty))
	dr.Choose("category", "key")
	dr.Set("hours", "9")
	dr.Press("ctrl+s")
	if s.form != nil || len(s.draft.Levels) != n+1 || s.draft.Levels[n] != (model.ServiceLevel{Type: model.TypeChainPenalty, Category: "key", Hours: 9}) {
		t.Fatalf("added %+v", s.draft.Levels)
	}
	dr.Press("g", "x") // the first level goes
	if len(s.draft.Levels) != n || s.draft.Levels[0] == before.Levels[0] {
		t.Fatalf("deleted: %+v", s.draft.Levels)
	}
	s.cursor = s.rowOf("holidays")
	dr.Press("enter")
	dr.Set("holidays", "31.12.2026, 30.12.2026")
	dr.Press("ctrl+s")
	if s.form != nil || strings.Join(s.draft.Holidays, " ") != "2026-12-30 2026-12-31" {
		t.Fatalf("holidays %q", s.draft.Holidays)
	}
	dr.Press("ctrl+s")
	if !s.Closed() || dr.Status() != model.T("complaintform.settings.saved") {
		t.Fatalf("not saved: %q %q", s.errTop, dr.Status())
	}
	after := d.settings()
	if len(after.Levels) != n || after.Levels[n-1].Type != model.TypeChainPenalty || after.Levels[n-1].Hours != 9 || len(after.Holidays) != 2 {
		t.Fatalf("stored %+v", after)
	}
	if _, ok := uitest.First[common.DataChangedMsg](dr.Out); !ok {
		t.Fatal("no data change told")
	}
}

func TestSettingsStaleVersionReloads(t *testing.T) {
	d := newDept(t)
	s := NewSettings(d.env("volkova"))
	dr := driveSettings(t, s, 100, 30)
	other := d.settings()
	other.FollowUpDays = 7
	if _, err := d.session("boss").SaveComplaintSettings(other); err != nil {
		t.Fatal(err)
	}
	s.cursor = s.rowOf("serious_hours")
	dr.Press("enter")
	dr.Set("serious_hours", "6")
	dr.Press("ctrl+s", "ctrl+s")
	if s.Closed() || s.errTop != model.T("complaintform.settings.stale") {
		t.Fatalf("closed %v, notice %q", s.Closed(), s.errTop)
	}
	if s.draft.FollowUpDays != 7 || s.Dirty() {
		t.Fatalf("not reloaded: follow-up %d, dirty %v", s.draft.FollowUpDays, s.Dirty())
	}
	if !strings.Contains(dr.View(), model.T("complaintform.settings.stale")) {
		t.Fatalf("the view does not say so:\n%s", dr.View())
	}
}

func TestSettingsReadOnlyForOthers(t *testing.T) {
	d := newDept(t)
	s := NewSettings(d.env("petrov"))
	dr := driveSettings(t, s, 100, 30)
	if !strings.Contains(dr.View(), model.T("complaintform.settings.no_right")) {
		t.Fatalf("no sentence:\n%s", dr.View())
	}
	for _, k := range []string{"enter", "n", "x", "ctrl+s"} {
		dr.Press(k)
		if s.form != nil || s.Dirty() || dr.Status() != model.T("complaintform.settings.no_right") {
			t.Fatalf("%s: form %v, dirty %v, status %q", k, s.form != nil, s.Dirty(), dr.Status())
		}
	}
	if s.InputFocused() {
		t.Fatal("the read-only list claims the keys")
	}
}
