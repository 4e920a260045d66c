package complaintform

import (
	"strings"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

// offlineEnv is an environment without a store: the fuzz tests only read
// what was typed, they never run a command.
func offlineEnv(role model.Role) common.Env {
	return common.Env{Me: model.User{Name: "petrov", Role: role}, Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return now }}
}

// Whatever is typed into the received, claimed and line fields, the intake
// either reads it or puts a sentence under that field, and its view keeps its size.
func FuzzIntakeReadsTypedText(f *testing.F) {
	for _, s := range [][3]string{{"23.11.2026 10:00", "1 500,50", "2"}, {"", "", ""}, {"31.02.2026", "сто", "-1"},
		{"+3d", "1,234.567", "1.5"}, {"14:30", "-10", "99999999999999999999"}, {"завтра", "€5", "0"}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, received, claimed, qty string) {
		in := NewIntake(offlineEnv(model.RoleManager), common.NewComplaintMsg{})
		in.client, in.hasClient = model.Client{ID: 1, ShortName: "Ромашка"}, true
		in.order, in.hasOrder = model.Order{ID: 5, Number: "2026-000005", Client: 1, Currency: "RUB",
			Lines: []model.OrderLine{{SKU: "A", Name: "Печенье", Unit: model.UnitPiece, Qty: 10 * model.QtyScale}}}, true
		in.base.Client, in.base.Order = 1, 5
		in.build("")
		in.form.SetValue(fReceived, received)
		in.form.SetValue(fClaimed, claimed)
		in.form.SetValue("line.0", qty)
		c, errs := in.complaintFrom()
		if errs[fReceived] == "" && (c.Received.IsZero() || strings.TrimSpace(received) == "") {
			t.Fatalf("received %q read as %v without a sentence", received, c.Received)
		}
		if errs[fClaimed] == "" && strings.TrimSpace(claimed) != "" {
			back, err := model.ParseMoney(model.FormatMoney(c.Claimed), "RUB")
			if err != nil || back != c.Claimed {
				t.Fatalf("claimed %q read as %v, which does not read back (%v, %v)", claimed, c.Claimed, back, err)
			}
		}
		if errs["line.0"] == "" && strings.TrimSpace(qty) != "" && len(c.Lines) == 1 && c.Lines[0].Qty <= 0 {
			t.Fatalf("line %q read as %d", qty, c.Lines[0].Qty)
		}
		in.SetSize(80, 24)
		in.showErrors(errs, c)
		uitest.CheckSize(t, "intake", in.View(), 80, 24)
	})
}

// Whatever hours or holidays the head types, the row either goes into the
// draft with no sentence left on it, or stays open with a sentence.
func FuzzSettingsRowReadsTypedText(f *testing.F) {
	for _, s := range [][2]string{{"27", "31.12.2026"}, {"0", ""}, {"-5", "31.02.2026"}, {"abc", "1.1.2027, 2027-01-02"}, {"99999999999", "x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, hours, holidays string) {
		m := NewSettings(offlineEnv(model.RoleHead))
		m.loading = false
		m.saved, m.draft = normaliseSettings(model.DefaultComplaintSettings()), normaliseSettings(model.DefaultComplaintSettings())
		for _, c := range []struct{ row, field, text string }{{"levels.0", "hours", hours}, {"holidays", "holidays", holidays}} {
			m.openForm(m.rowOf(c.row), nil)
			m.form.SetValue(c.field, c.text)
			m.apply()
			if m.form != nil {
				if m.form.Error(c.field) == "" && m.form.Error("type") == "" {
					t.Fatalf("%s %q refused without a sentence", c.field, c.text)
				}
				m.form = nil
				continue
			}
			if s := m.errs[c.row]; s != "" {
				t.Fatalf("%s %q taken with the sentence %q", c.field, c.text, s)
			}
		}
		if m.draft.Levels[0].Hours <= 0 {
			t.Fatalf("hours %q went into the draft as %d", hours, m.draft.Levels[0].Hours)
		}
		m.SetSize(80, 24)
		uitest.CheckSize(t, "settings", m.View(), 80, 24)
	})
}
