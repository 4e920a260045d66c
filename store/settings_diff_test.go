package store

import (
	"testing"

	"clientbase/model"
)

// Every settings kind's diff lists just the changed parts, as JSON text,
// and nothing for an unchanged record.
func TestSettingsDiffs(t *testing.T) {
	cs, cs2 := model.DefaultComplaintSettings(), model.DefaultComplaintSettings()
	cs2.FollowUpDays = cs.FollowUpDays + 2
	calls, calls2 := model.DefaultCallSettings(), model.DefaultCallSettings()
	calls2.DefaultZone = "Europe/Vilnius"
	var ps, ps2 model.PriceSettings
	ps2.VATIncluded = true
	for _, tc := range []struct {
		name      string
		same, got []model.FieldChange
		want      model.FieldChange
	}{
		{"complaint", diffComplaintSettings(&cs, &cs), diffComplaintSettings(&cs, &cs2),
			model.FieldChange{Field: "follow_up_days", Old: itoa(uint64(cs.FollowUpDays)), New: itoa(uint64(cs2.FollowUpDays))}},
		{"calls", diffSettings(&calls, &calls), diffSettings(&calls, &calls2),
			model.FieldChange{Field: "default_zone", Old: `"` + calls.DefaultZone + `"`, New: `"Europe/Vilnius"`}},
		{"prices", diffPriceSettings(&ps, &ps), diffPriceSettings(&ps, &ps2),
			model.FieldChange{Field: "vat_included", Old: "false", New: "true"}},
	} {
		if tc.same != nil {
			t.Errorf("%s: an unchanged record lists %+v", tc.name, tc.same)
		}
		if len(tc.got) != 1 || tc.got[0] != tc.want {
			t.Errorf("%s: %+v, want [%+v]", tc.name, tc.got, tc.want)
		}
	}
}
