package complaintform

import (
	"fmt"
	"testing"

	"clientbase/model"
	"clientbase/ui/common"
)

// sizes are the terminal sizes every golden is taken at.
var sizes = [][2]int{{100, 30}, {80, 24}}

func TestGoldenIntakeEmpty(t *testing.T) {
	d := newDept(t)
	for _, sz := range sizes {
		f := NewIntake(d.env("kazlauskaite"), common.NewComplaintMsg{})
		driveIntake(t, f, sz[0], sz[1])
		golden(t, fmt.Sprintf("intake_empty_%dx%d", sz[0], sz[1]), f, sz[0], sz[1])
	}
}

func TestGoldenIntakeErrors(t *testing.T) {
	d := newDept(t)
	for _, sz := range sizes {
		f := NewIntake(d.env("petrov"), common.NewComplaintMsg{Client: 1, Order: d.order.ID})
		dr := driveIntake(t, f, sz[0], sz[1])
		dr.Set("line.0", "12")
		dr.Set(fReceived, "31.02.2026")
		dr.Set(fClaimed, "сто рублей")
		dr.Press("ctrl+s")
		if f.form.Error(fReceived) == "" || f.form.Error(fClaimed) == "" || f.form.Error(fDescription) == "" {
			t.Fatalf("sentences: received %q claimed %q description %q", f.form.Error(fReceived), f.form.Error(fClaimed), f.form.Error(fDescription))
		}
		golden(t, fmt.Sprintf("intake_errors_%dx%d", sz[0], sz[1]), f, sz[0], sz[1])
		dr.FieldTo("line.0") // the line's sentence, further up
		golden(t, fmt.Sprintf("intake_errors_line_%dx%d", sz[0], sz[1]), f, sz[0], sz[1])
	}
}

func TestGoldenClosing(t *testing.T) {
	d := newDept(t)
	c := d.answered("petrov", 1, 9_900_00)
	for _, sz := range sizes {
		for _, who := range []string{"petrov", "volkova"} {
			f := NewClosing(d.env(who), c)
			dr := driveClosing(t, f, sz[0], sz[1])
			dr.Set(fSatisfied, "12000")
			dr.Choose(fReason, string(model.ReasonDefect))
			if who == "petrov" {
				dr.Press("ctrl+s") // above the claim without a fault party: two sentences
			}
			golden(t, fmt.Sprintf("closing_%s_%dx%d", who, sz[0], sz[1]), f, sz[0], sz[1])
		}
	}
}

func TestGoldenSettings(t *testing.T) {
	d := newDept(t)
	for _, sz := range sizes {
		s := NewSettings(d.env("volkova"))
		dr := driveSettings(t, s, sz[0], sz[1])
		golden(t, fmt.Sprintf("settings_%dx%d", sz[0], sz[1]), s, sz[0], sz[1])
		dr.Press("enter")
		dr.Set("hours", "0")
		dr.Press("ctrl+s")
		golden(t, fmt.Sprintf("settings_level_error_%dx%d", sz[0], sz[1]), s, sz[0], sz[1])
		r := NewSettings(d.env("kazlauskaite"))
		driveSettings(t, r, sz[0], sz[1])
		golden(t, fmt.Sprintf("settings_read_only_%dx%d", sz[0], sz[1]), r, sz[0], sz[1])
	}
}
