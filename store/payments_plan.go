package store

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Calls that orders plan through the call schedule (db.planTx): debt
// reminders for invoices that became overdue, and price-change notices.

// ReminderUser is the name the automatic debt reminders are planned and
// audited under.
const ReminderUser = "system"

// reminderBatch is how many overdue invoices one transaction handles.
const reminderBatch = 256

// PlanOverdueReminders plans one debt-reminder call (origin overdue_debt)
// for the client's manager (the operators' pool when it has none) for each
// client with an invoice that has become overdue and has no reminder yet,
// and marks those invoices Reminded, so each invoice is reminded once, not
// every day. A client that already has an open overdue-debt call gets no
// second one: its new overdue invoices are marked as covered by it.
// Archived clients are left until restored. main runs it at start and the
// UI hourly; it returns how many calls it planned.
func (db *DB) PlanOverdueReminders() (int, error) {
	return db.planOverdueReminders(ReminderUser)
}

// overdueCandidate is an invoice past due with money owed.
type overdueCandidate struct {
	client, order model.ID
}

func (db *DB) planOverdueReminders(by string) (int, error) {
	if db.ro {
		return 0, db.readOnlyErr()
	}
	var cands []overdueCandidate
	err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		cands, err = db.overdueCandidates(tx)
		return err
	})
	if err != nil || len(cands) == 0 {
		return 0, err
	}
	// a client's invoices together, so one call covers them
	slices.SortFunc(cands, func(a, b overdueCandidate) int {
		return cmp.Or(cmp.Compare(a.client, b.client), cmp.Compare(a.order, b.order))
	})
	planned := 0
	for len(cands) > 0 {
		n := min(len(cands), reminderBatch)
		for n < len(cands) && cands[n].client == cands[n-1].client {
			n++ // never split a client across transactions
		}
		batch := cands[:n]
		cands = cands[n:]
		err := db.update("", func(tx *bolt.Tx) error {
			k, err := db.remindBatch(tx, by, batch)
			planned += k
			return err
		})
		if err != nil {
			return planned, err
		}
	}
	return planned, nil
}

var remindedField = []byte(`"reminded":true`)

// overdueCandidates walks idx_order_status under invoiced and partly paid;
// the due date and balance come from the summaries (idx_order_date gives the
// client), so only overdue records are read, and only the candidates' decoded.
func (db *DB) overdueCandidates(tx *bolt.Tx) ([]overdueCandidate, error) {
	clk, err := db.departmentClock(tx)
	if err != nil {
		return nil, err
	}
	var out []overdueCandidate
	dates, sums, orders := tx.Bucket(bucketOrderDate), tx.Bucket(bucketOrderClient), tx.Bucket(bucketOrders)
	ck := make([]byte, 24)
	for _, st := range []model.OrderStatus{model.OrderInvoiced, model.OrderPaidPartly} {
		prefix := append([]byte(st), 0)
		cur := tx.Bucket(bucketOrderStatus).Cursor()
		for k, _ := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = cur.Next() {
			dk := k[len(prefix):] // date(8) id(8): idx_order_date's key
			if len(dk) != 16 {
				continue
			}
			cv := dates.Get(dk)
			if len(cv) != 8 {
				continue
			}
			copy(ck, cv)
			copy(ck[8:], dk)
			s, ok := summaryOf(sums.Get(ck))
			if !ok || s.gross <= s.paid || clk.daysOverdue(s.dueUnix) == 0 {
				continue
			}
			// reminded ones are passed over undecoded: inside a JSON string a
			// quote is escaped, so the raw text is the field itself
			if bytes.Contains(orders.Get(dk[8:]), remindedField) {
				continue
			}
			out = append(out, overdueCandidate{client: model.ID(btoi(cv)), order: model.ID(btoi(dk[8:]))})
		}
	}
	return out, nil
}

// remindBatch plans the calls of a batch of candidates (sorted by client).
func (db *DB) remindBatch(tx *bolt.Tx, by string, batch []overdueCandidate) (int, error) {
	cs, err := settingsTx(tx)
	if err != nil {
		return 0, err
	}
	clk := newDayClock(model.ClientLocation(cs, model.Client{}), db.now())
	now := db.now()
	planned := 0
	for len(batch) > 0 {
		n := 1
		for n < len(batch) && batch[n].client == batch[0].client {
			n++
		}
		group := batch[:n]
		batch = batch[n:]
		var due []model.Order
		for _, c := range group {
			o, err := getOrder(tx, c.order)
			if errors.Is(err, model.ErrNotFound) {
				continue
			}
			if err != nil {
				return planned, err
			}
			if o.Reminded || !debtStatus(o.Status) || o.Totals.Gross.Minor <= o.Paid.Minor ||
				clk.daysOverdue(unixKey(o.DueDate)) == 0 {
				continue
			}
			due = append(due, o)
		}
		if len(due) == 0 {
			continue
		}
		c, err := getClient(tx, group[0].client)
		if errors.Is(err, model.ErrNotFound) {
			continue
		}
		if err != nil {
			return planned, err
		}
		if c.Archived {
			continue // reminded once it is restored
		}
		open, err := openItems(tx, c.ID, model.OriginOverdueDebt, 1)
		if err != nil {
			return planned, err
		}
		var item model.ID
		if len(open) > 0 {
			item = open[0].ID
		} else {
			p := debtCall(cs, &c, due, clk, now)
			p.Assignee = managerOrPool(tx, &c)
			err := db.planTx(tx, by, &p)
			var ve *model.ValidationError
			if errors.As(err, &ve) {
				continue // e.g. the client's record no longer plans: nothing was written
			}
			if err != nil {
				return planned, err
			}
			item = p.ID
			planned++
		}
		for i := range due {
			old := due[i]
			o := old
			o.Reminded = true
			if err := db.putOrder(tx, &old, &o, by, "remind", model.T("storepay.reminded", uint64(item))); err != nil {
				return planned, err
			}
		}
	}
	return planned, nil
}

// debtCall is the reminder for a client's newly overdue invoices: due at
// the next calling slot in the client's zone, a note naming the invoices.
func debtCall(cs model.CallSettings, c *model.Client, due []model.Order, clk *dayClock, now time.Time) model.PlanItem {
	var owed int64
	days := 0
	nums := make([]string, 0, len(due))
	for _, o := range due {
		owed += o.Totals.Gross.Minor - o.Paid.Minor
		days = max(days, clk.daysOverdue(unixKey(o.DueDate)))
		nums = append(nums, o.Number)
	}
	at := now
	if slot, ok := model.NextCallSlot(cs, model.ClientLocation(cs, *c), c.CallWindow, now); ok {
		at = slot
	}
	return model.PlanItem{Kind: model.PlanCall, Client: c.ID, Due: at.UTC().Truncate(time.Second),
		Purpose: model.PurposeDebtReminder, Priority: model.PriorityNormal, Origin: model.OriginOverdueDebt,
		Note: model.T("storepay.debt_note", strings.Join(nums, ", "),
			model.FormatMoney(model.Money{Minor: owed, Currency: due[0].Currency}), days),
		Ref: "order:" + itoa(uint64(due[0].ID))}
}

// managerOrPool is the client's manager when that is an active user, else
// "" (the operators' pool).
func managerOrPool(tx *bolt.Tx, c *model.Client) string {
	if c.Manager != "" && liveUser(tx, c.Manager) {
		return c.Manager
	}
	return ""
}

// boughtStatus reports whether an order of status s is a purchase: confirmed
// and on, not cancelled.
func boughtStatus(s model.OrderStatus) bool {
	switch s {
	case model.OrderConfirmed, model.OrderShippedPartly, model.OrderShipped, model.OrderInvoiced,
		model.OrderPaidPartly, model.OrderPaid, model.OrderClosed:
		return true
	}
	return false
}

// priceNoticeLead is how long before a price change its notice call is due.
const priceNoticeLead = 7 * 24 * time.Hour

// planPriceNotices plans one price-change call (origin and purpose
// price_change, Ref "price_version:ID") for each client who bought one of
// v's products in the last months (orders dated since then, confirmed and
// on), for the client's manager or the operators' pool, due at a calling
// slot a week before v takes effect (at the next slot when that has
// passed). A client with an open notice for v gets none again; archived
// clients none. It returns how many calls it planned. Only the candidates'
// records are decoded, and a client's orders no more once it is chosen.
func (db *DB) planPriceNotices(tx *bolt.Tx, v model.PriceVersion, months int, by string) (int, error) {
	if months <= 0 || len(v.Prices) == 0 {
		return 0, nil
	}
	now := db.now()
	products := make(map[model.ID]bool, len(v.Prices))
	for _, e := range v.Prices {
		products[e.Product] = true
	}
	chosen := map[uint64]bool{}
	var clients []uint64
	sums, orders := tx.Bucket(bucketOrderClient), tx.Bucket(bucketOrders)
	ck := make([]byte, 24)
	from := itob(unixKey(now.AddDate(0, -months, 0)))
	cur := tx.Bucket(bucketOrderDate).Cursor()
	for k, cv := cur.Seek(from); k != nil; k, cv = cur.Next() {
		if len(k) != 16 || len(cv) != 8 {
			continue
		}
		client := btoi(cv)
		if chosen[client] {
			continue
		}
		copy(ck, cv)
		copy(ck[8:], k)
		if s, ok := summaryOf(sums.Get(ck)); !ok || !boughtStatus(s.status) {
			continue
		}
		rec := orders.Get(k[8:])
		if rec == nil {
			continue
		}
		var o struct {
			Lines []struct {
				Product model.ID `json:"product"`
			} `json:"lines"`
		}
		if err := json.Unmarshal(rec, &o); err != nil {
			return 0, err
		}
		for _, l := range o.Lines {
			if products[l.Product] {
				chosen[client] = true
				clients = append(clients, client)
				break
			}
		}
	}
	if len(clients) == 0 {
		return 0, nil
	}
	slices.Sort(clients)
	cs, err := settingsTx(tx)
	if err != nil {
		return 0, err
	}
	ref := "price_version:" + itoa(uint64(v.ID))
	note := model.T("storepay.price_note", model.FormatDate(v.Effective, time.Local))
	planned := 0
	for _, id := range clients {
		c, err := getClient(tx, model.ID(id))
		if errors.Is(err, model.ErrNotFound) {
			continue
		}
		if err != nil {
			return planned, err
		}
		if c.Archived {
			continue
		}
		open, err := openItems(tx, c.ID, model.OriginPriceChange, 0)
		if err != nil {
			return planned, err
		}
		if slices.ContainsFunc(open, func(p model.PlanItem) bool { return p.Ref == ref }) {
			continue
		}
		p := model.PlanItem{Kind: model.PlanCall, Client: c.ID, Assignee: managerOrPool(tx, &c),
			Due: noticeDue(cs, &c, v.Effective, now), Purpose: model.PurposePriceChange,
			Priority: model.PriorityNormal, Origin: model.OriginPriceChange, Note: note, Ref: ref}
		if err := db.planTx(tx, by, &p); err != nil {
			var ve *model.ValidationError
			if errors.As(err, &ve) {
				continue // e.g. due too far ahead for the plan: no call for this client
			}
			return planned, err
		}
		planned++
	}
	return planned, nil
}

// noticeDue is a calling slot a week before effective, not before now; the
// next slot from now when that is no earlier than effective.
func noticeDue(cs model.CallSettings, c *model.Client, effective, now time.Time) time.Time {
	loc := model.ClientLocation(cs, *c)
	start := effective.Add(-priceNoticeLead)
	if start.Before(now) {
		start = now
	}
	at, ok := model.NextCallSlot(cs, loc, c.CallWindow, start)
	if !ok || !at.Before(effective) {
		if s, ok2 := model.NextCallSlot(cs, loc, c.CallWindow, now); ok2 {
			at, ok = s, true
		}
	}
	if !ok {
		at = start
	}
	return at.UTC().Truncate(time.Second)
}
