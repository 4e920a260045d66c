package planform

import (
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// Whatever is typed as the time and the window's end, the form either has
// an item the model accepts to save or a sentence under the field at fault;
// it never panics and never saves a time it could not read.
func FuzzPlanFormTimes(f *testing.F) {
	for _, s := range [][2]string{{"24.11 14:30", ""}, {"+2h", "+3h"}, {"", ""}, {"32.13", ""}, {"14:30", "13:00"},
		{"tomorrow", "18:00"}, {"25.11.2026 9:00", "25.11.2026 8:00"}, {"\x00", "ё"}, {"+99999d", ""}} {
		f.Add(s[0], s[1])
	}
	// No store: submit only builds the save command, never runs it.
	env := common.Env{Me: model.User{Name: "boss", Role: model.RoleDirector}, Styles: styles.New(true), Loc: time.UTC,
		Now: func() time.Time { return now }}
	c := model.Client{ID: 1, ShortName: "ООО «Ромашка»"}
	f.Fuzz(func(t *testing.T, due, until string) {
		if strings.ContainsAny(due+until, "\n\r") {
			return // one-line fields: enter moves on, it is never typed
		}
		m := New(env, model.PlanItem{Client: 1})
		m.client, m.hasClient = c, true
		m.buildPlanForm(true)
		m.form.SetValue(fDue, due)
		m.form.SetValue(fUntil, until)
		cmd := m.submit()
		errs := []string{m.form.Error(fDue), m.form.Error(fUntil)}
		if cmd == nil {
			if errs[0] == "" && errs[1] == "" {
				t.Fatalf("when %q until %q: not saved and no sentence under either field (banner %q)", due, until, m.banner)
			}
			for _, e := range errs {
				if e != "" && (strings.Contains(e, "%!") || !strings.HasSuffix(e, ".")) {
					t.Fatalf("when %q until %q: %q is not a sentence", due, until, e)
				}
			}
			return
		}
		p, bad := m.itemFrom()
		if len(bad) > 0 {
			t.Fatalf("when %q until %q: saving although %v", due, until, bad)
		}
		if err := model.ValidatePlanItem(p, now, true); err != nil {
			t.Fatalf("when %q until %q: saving an item the model refuses: %v", due, until, err)
		}
	})
}
