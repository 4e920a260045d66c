package receivables

import (
	"fmt"
	"testing"
	"time"

	"clientbase/model"
	"clientbase/ui/common"
	"clientbase/ui/styles"
	"clientbase/ui/uitest"
)

// BenchmarkListViewAndMove is one j on a receivables list of 100,000
// debtors with its window in memory, and the frame drawn after it: what
// a key costs on screen (the store's share is the store's benchmark).
func BenchmarkListViewAndMove(b *testing.B) {
	env := common.Env{Styles: styles.New(true), Loc: time.UTC, Now: func() time.Time { return testNow },
		Me: model.User{Name: "volkova", Role: model.RoleHead}}
	l := NewList(env)
	l.SetSize(120, 40)
	rows := make([]model.ClientReceivables, 200)
	for i := range rows {
		rows[i] = model.ClientReceivables{Client: model.ID(i + 1), ClientName: fmt.Sprintf("ООО Клиент %05d", i), Manager: "petrov",
			Invoiced: rub(int64(1_000_000 + i)), Paid: rub(500_000), Outstanding: rub(int64(500_000 + i)), Overdue: rub(int64(i * 100)),
			MaxOverdue: i % 120, CreditLimit: rub(600_000)}
		rows[i].Aging[model.AgingBucket(i%120)] = rows[i].Overdue
	}
	l.cache.Fill(0, rows)
	l.win.SetTotal(100_000)
	j, k := uitest.Key("j"), uitest.Key("k")
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if i%100 < 50 {
			l.Update(j)
		} else {
			l.Update(k)
		}
		_ = l.View()
	}
}
