package complaintform

import (
	"strings"
	"testing"

	"clientbase/model"
	"clientbase/ui/common"
)

const noticeText = "This record was changed by someone else"

// editedElsewhere opens complaint c's edit form as volkova and has the
// director change its description in his own session.
func editedElsewhere(t *testing.T, edit func(*driver)) (*dept, *Intake, *driver, model.Complaint) {
	d := newDept(t)
	c := d.register("kazlauskaite", 1, "", 12_400_00)
	f := EditIntake(d.env("volkova"), c)
	dr := driveIntake(t, f, 140, 40)
	if edit != nil {
		edit(dr)
	}
	theirs := d.complaint(c.ID)
	theirs.Description = "Их правки: битые банки"
	if _, err := d.session("boss").SaveComplaint(theirs); err != nil {
		t.Fatal(err)
	}
	dr.Run(f.Update(common.DataChangedMsg{Kind: "complaint", ID: c.ID}))
	return d, f, dr, c
}

func TestLiveIntakeEditsKeptUnderTheNotice(t *testing.T) {
	_, f, dr, _ := editedElsewhere(t, func(dr *driver) { dr.Set(fDescription, "Мои правки") })
	view := dr.View()
	if !f.Stale() || !strings.Contains(view, noticeText) || !strings.Contains(view, "Мои правки") || strings.Contains(view, "Их правки") {
		t.Fatalf("want the notice over the user's text:\n%s", view)
	}
	dr.Press("ctrl+r")
	view = dr.View()
	if f.Stale() || strings.Contains(view, noticeText) || strings.Contains(view, "Мои правки") || !strings.Contains(view, "Их правки") {
		t.Fatalf("ctrl+r did not take the fresh complaint:\n%s", view)
	}
}

func TestLiveIntakeSaveOverTheNoticeIsRefused(t *testing.T) {
	d, f, dr, c := editedElsewhere(t, func(dr *driver) { dr.Set(fDescription, "Мои правки") })
	dr.Press("ctrl+s")
	if f.Closed() {
		t.Fatalf("the stale edit was saved over the other session's:\n%s", dr.View())
	}
	if got := d.complaint(c.ID); got.Description != "Их правки: битые банки" {
		t.Fatalf("stored %q", got.Description)
	}
}

func TestLiveIntakeUntouchedFollowsTheRecord(t *testing.T) {
	_, f, dr, _ := editedElsewhere(t, nil)
	view := dr.View()
	if f.Stale() || strings.Contains(view, noticeText) || !strings.Contains(view, "Их правки") {
		t.Fatalf("the untouched form did not follow the complaint:\n%s", view)
	}
	// Another complaint's change leaves the form alone.
	dr.Set(fDescription, "Мои правки")
	dr.Run(f.Update(common.DataChangedMsg{Kind: "complaint", ID: f.base.ID + 100}))
	if strings.Contains(dr.View(), noticeText) {
		t.Fatal("another complaint's change raised the notice")
	}
}
