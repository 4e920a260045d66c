package catalog

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
)

// FuzzVersionEditorReadsWhatWasTyped types arbitrary text into a price cell,
// the effective date and the notice months, and checks what the editor would
// save: never a negative price or an unknown column, a date at midnight, the
// months in range; a cell that does not read as money keeps a sentence and
// blocks the save.
func FuzzVersionEditorReadsWhatWasTyped(f *testing.F) {
	f.Add("12,50", "1.12.2026", "0")
	f.Add("-5", "tomorrow", "3")
	f.Add("1 234.5", "2026-12-01", "120")
	f.Add("1,2,3", "31.02.2026", "121")
	f.Add("", "", "x")
	f.Add("99999999999999999999", "25.11", "-1")
	ps := model.DefaultPriceSettings()
	env := common.Env{Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return now }}
	f.Fuzz(func(t *testing.T, cell, effective, notice string) {
		e := NewVersionEditor(env, ps)
		e.rows = []gridRow{{p: model.Product{ID: 7, SKU: "A"}, cells: make([]string, len(ps.Columns)), was: make([]string, len(ps.Columns))}}
		e.zone = zoneGrid
		e.typeInCell(cell)
		typed := e.rows[0].cells[0]
		for _, r := range typed {
			if !unicode.IsDigit(r) && !strings.ContainsRune(".,- ", r) {
				t.Fatalf("cell kept %q from %q", typed, cell)
			}
		}
		e.head.SetValue("effective", effective)
		e.head.SetValue("notice", notice)
		v, months, at, ok := e.read()
		if len(at) != len(v.Prices) {
			t.Fatalf("%d places for %d prices", len(at), len(v.Prices))
		}
		if strings.TrimSpace(typed) != "" {
			if _, err := model.ParseMoney(typed, ps.Currency); err != nil && (ok || e.cellErrs[[2]int{0, 0}] == "") {
				t.Fatalf("cell %q does not read (%v) yet ok %v, sentence %q", typed, err, ok, e.cellErrs[[2]int{0, 0}])
			}
		}
		if !ok {
			return
		}
		if v.Effective.IsZero() || v.Effective.Hour() != 0 || v.Effective.Minute() != 0 {
			t.Fatalf("effective %v", v.Effective)
		}
		if months < 0 || months > maxNoticeMonths || months > 0 && !v.Effective.After(now) {
			t.Fatalf("months %d for %v", months, v.Effective)
		}
		if len(v.Prices) != 1 {
			t.Fatalf("prices %+v", v.Prices)
		}
		if p := v.Prices[0]; p.Price.Minor < 0 || p.Column != ps.Columns[0] || p.Product != 7 {
			t.Fatalf("price %+v", p)
		}
	})
}
