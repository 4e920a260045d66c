package store

import (
	"bytes"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// openOrdersShown is how many open orders the call screen lists.
const openOrdersShown = 5

// openStatus reports whether an order of status s is still under way (not
// paid, closed, cancelled or returned).
func openStatus(s model.OrderStatus) bool {
	switch s {
	case model.OrderPaid, model.OrderClosed, model.OrderCancelled, model.OrderReturned:
		return false
	}
	return true
}

// orderCallContext is what the call screen shows of a client's orders: its
// overdue debt (as receivables count it) and one line per open order,
// newest first, at most openOrdersShown — all from idx_order_client
// summaries and the numbers at the head of the records.
func orderCallContext(tx *bolt.Tx, cs model.CallSettings, client model.ID, now time.Time) (model.Money, []string) {
	clk := newDayClock(model.ClientLocation(cs, model.Client{}), now)
	cur := departmentCurrency(tx)
	acc := debtAcc{returnedDue: returnedDueIn(tx)}
	var lines []string
	orders := tx.Bucket(bucketOrders)
	prefix := itob(uint64(client))
	c := tx.Bucket(bucketOrderClient).Cursor()
	k, v := c.Seek(itob(uint64(client) + 1))
	if k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, v = c.Prev() {
		s, ok := summaryOf(v)
		if !ok || len(k) != 24 {
			continue
		}
		id := model.ID(btoi(k[16:]))
		acc.add(clk, id, s)
		if openStatus(s.status) && len(lines) < openOrdersShown {
			lines = append(lines, model.T("storepay.open_order", orderNumberOf(orders.Get(k[16:])),
				model.FormatDate(unixTime(btoi(k[8:16])), time.Local), model.T("storepay.status."+string(s.status)),
				model.FormatMoney(model.Money{Minor: s.gross, Currency: cur})))
		}
	}
	if acc.r.Overdue.Minor == 0 {
		// no debt: the call screen counts a promise in the client's terms' currency
		return model.Money{}, lines
	}
	return model.Money{Minor: acc.r.Overdue.Minor, Currency: cur}, lines
}
