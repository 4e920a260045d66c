package store

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"weak"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Receivables are read from idx_order_client summaries alone (order_layout.go):
// no order is decoded, so a client with 10,000 orders costs one cursor walk.
//
// Rules (the department's, documented once here):
//   - an order counts as invoiced when it is invoiced, partly paid or paid,
//     or closed or returned after an invoice (its invoice date is set);
//   - an order owes gross − paid while it is invoiced or partly paid; a
//     returned one owes what model.OrderDue leaves after the returned goods
//     and counts as invoiced for what was kept; a paid or closed order owes
//     nothing, and an over-payment (paid > gross)
//     is a credit on that order, not netted against other invoices (a
//     person decides to refund or offset it);
//   - an invoice is overdue from the day after its due date, counted in
//     calendar days in the department's zone (the call settings' default
//     zone) at the store's clock: due on the 10th, on the 11th it is 1 day
//     overdue; aging buckets follow model.AgingBucket.

// debtStatus reports whether an order of status s may still owe money.
func debtStatus(s model.OrderStatus) bool {
	return s == model.OrderInvoiced || s == model.OrderPaidPartly
}

// invoicedStatus reports whether an order of status s (with an invoice date
// when closed or returned) counts in the invoiced total.
func invoicedStatus(s model.OrderStatus, invoiceUnix uint64) bool {
	switch s {
	case model.OrderInvoiced, model.OrderPaidPartly, model.OrderPaid:
		return true
	case model.OrderClosed, model.OrderReturned:
		return invoiceUnix != 0
	}
	return false
}

// dayClock turns instants into calendar day numbers in the department's
// zone; it remembers the last answer, since a client's invoices share due
// dates.
type dayClock struct {
	loc      *time.Location
	today    int64
	lastUnix uint64
	lastDay  int64
}

func newDayClock(loc *time.Location, now time.Time) *dayClock {
	c := &dayClock{loc: loc, lastUnix: ^uint64(0)}
	c.today = c.dayOf(now)
	return c
}

func (c *dayClock) dayOf(t time.Time) int64 {
	y, m, d := t.In(c.loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func (c *dayClock) dayOfUnix(u uint64) int64 {
	if u != c.lastUnix {
		c.lastUnix, c.lastDay = u, c.dayOf(time.Unix(int64(u), 0))
	}
	return c.lastDay
}

// daysOverdue is how many days past due an invoice due at dueUnix is today
// (0 when not yet due or without a due date).
func (c *dayClock) daysOverdue(dueUnix uint64) int {
	if dueUnix == 0 {
		return 0
	}
	if d := c.today - c.dayOfUnix(dueUnix); d > 0 {
		return int(d)
	}
	return 0
}

// departmentClock is the day clock at the store's now, in the department's zone.
func (db *DB) departmentClock(tx *bolt.Tx) (*dayClock, error) {
	cs, err := settingsTx(tx)
	if err != nil {
		return nil, err
	}
	return newDayClock(model.ClientLocation(cs, model.Client{}), db.now()), nil
}

// departmentCurrency is the price list's currency (the defaults' when unset).
func departmentCurrency(tx *bolt.Tx) string {
	if v := tx.Bucket(bucketMeta).Get(keyPriceSettings); v != nil {
		var ps model.PriceSettings
		if json.Unmarshal(v, &ps) == nil && ps.Currency != "" {
			return ps.Currency
		}
	}
	return model.DefaultPriceSettings().Currency
}

// debtAcc sums one client's summaries.
type debtAcc struct {
	r        model.ClientReceivables
	maxOver  int
	withItem bool
	items    []model.Receivable
	// returnedDue is what a returned order still owes (model.OrderDue).
	returnedDue func(id model.ID) int64
}

// returnedDueIn reads a returned order's debt in tx.
func returnedDueIn(tx *bolt.Tx) func(id model.ID) int64 {
	return func(id model.ID) int64 {
		o, err := getOrder(tx, id)
		if err != nil {
			return 0
		}
		return model.OrderDue(o).Minor
	}
}

func (a *debtAcc) add(clk *dayClock, id model.ID, s summary) {
	if !invoicedStatus(s.status, s.invoiceUnix) {
		return
	}
	invoiced, owed := s.gross, s.gross-s.paid
	switch {
	case owed <= 0:
		owed = 0
	case s.status == model.OrderReturned && a.returnedDue != nil:
		// returned after the invoice: what was kept is owed, and invoiced is
		// what was kept (rare, so the record is decoded)
		owed = max(0, a.returnedDue(id))
		invoiced = s.paid + owed
	case !debtStatus(s.status):
		owed = 0
	}
	a.r.Invoiced.Minor += invoiced
	a.r.Paid.Minor += s.paid
	if owed == 0 {
		return
	}
	a.r.Outstanding.Minor += owed
	days := clk.daysOverdue(s.dueUnix)
	if days > 0 {
		a.r.Overdue.Minor += owed
		a.maxOver = max(a.maxOver, days)
	}
	a.r.Aging[model.AgingBucket(days)].Minor += owed
	if a.withItem {
		a.items = append(a.items, model.Receivable{Order: id, InvoiceDate: unixTime(s.invoiceUnix),
			DueDate: unixTime(s.dueUnix), Invoiced: model.Money{Minor: invoiced}, Paid: model.Money{Minor: s.paid},
			Outstanding: model.Money{Minor: owed}, DaysOverdue: days})
	}
}

// finish stamps the currency on every amount.
func (a *debtAcc) finish(cur string) model.ClientReceivables {
	r := a.r
	r.MaxOverdue = a.maxOver
	for _, m := range []*model.Money{&r.Invoiced, &r.Paid, &r.Outstanding, &r.Overdue} {
		m.Currency = cur
	}
	for i := range r.Aging {
		r.Aging[i].Currency = cur
	}
	for i := range a.items {
		it := &a.items[i]
		it.Invoiced.Currency, it.Paid.Currency, it.Outstanding.Currency = cur, cur, cur
	}
	r.Items = a.items
	return r
}

func unixTime(u uint64) time.Time {
	if u == 0 {
		return time.Time{}
	}
	return time.Unix(int64(u), 0).UTC()
}

// receivablesTx is a client's debt read from idx_order_client summaries at
// the store's clock, without its open invoices (the credit gate in
// SubmitOrder calls it).
func (db *DB) receivablesTx(tx *bolt.Tx, client model.ID) (model.ClientReceivables, error) {
	return db.clientReceivables(tx, client, false)
}

// clientReceivables is receivablesTx, with the open invoices (oldest
// invoice first, with their numbers) when items is set.
func (db *DB) clientReceivables(tx *bolt.Tx, client model.ID, items bool) (model.ClientReceivables, error) {
	clk, err := db.departmentClock(tx)
	if err != nil {
		return model.ClientReceivables{}, err
	}
	acc := debtAcc{withItem: items, returnedDue: returnedDueIn(tx)}
	prefix := itob(uint64(client))
	cur := tx.Bucket(bucketOrderClient).Cursor()
	for k, v := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Next() {
		s, ok := summaryOf(v)
		if !ok || len(k) != 24 {
			continue
		}
		acc.add(clk, model.ID(btoi(k[16:])), s)
	}
	cy := departmentCurrency(tx)
	r := acc.finish(cy)
	r.Client = client
	c, err := getClient(tx, client)
	switch {
	case err == nil:
		r.ClientName, r.Manager, r.CreditLimit = c.ShortName, c.Manager, c.CreditLimit
		if r.CreditLimit.Currency == "" {
			r.CreditLimit.Currency = cy
		}
	case !isNotFound(err):
		return model.ClientReceivables{}, err
	}
	if items {
		slices.SortStableFunc(r.Items, func(a, b model.Receivable) int {
			return cmp.Or(a.InvoiceDate.Compare(b.InvoiceDate), cmp.Compare(a.Order, b.Order))
		})
		orders := tx.Bucket(bucketOrders)
		for i := range r.Items {
			r.Items[i].Number = orderNumberOf(orders.Get(itob(uint64(r.Items[i].Order))))
		}
	}
	return r, nil
}

// orderNumberOf reads an order record's number without decoding its lines:
// the JSON encoder writes "id" then "number" first; anything else is decoded.
func orderNumberOf(v []byte) string {
	if v == nil {
		return ""
	}
	head := v[:min(len(v), 96)]
	if i := bytes.Index(head, []byte(`"number":"`)); i >= 0 {
		rest := head[i+len(`"number":"`):]
		if j := bytes.IndexByte(rest, '"'); j >= 0 && bytes.IndexByte(rest[:j], '\\') < 0 {
			return string(rest[:j])
		}
	}
	var o struct {
		Number string `json:"number"`
	}
	_ = json.Unmarshal(v, &o)
	return o.Number
}

func isNotFound(err error) bool { return errors.Is(err, model.ErrNotFound) }

// Receivables is one client's debt with its open invoices. Anyone who may
// see the client card sees it (the card shows it).
func (s *Session) Receivables(client model.ID) (model.ClientReceivables, error) {
	var r model.ClientReceivables
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		r, err = s.db.clientReceivables(tx, client, true)
		return err
	})
	return r, err
}

// debtorsCache is the last full scan of idx_order_client: every client with
// something outstanding, valid for one committed state (bbolt's txid) on one
// day. Any write makes the next list scan again.
type debtorsCache struct {
	mu    sync.Mutex
	txid  int
	today int64
	rows  []model.ClientReceivables
}

// debtors holds each open database's cache; the entry goes when the DB is
// collected (the DB struct is not this file's to extend).
var debtors sync.Map // weak.Pointer[DB] → *debtorsCache

func (db *DB) debtorsCache() *debtorsCache {
	k := weak.Make(db)
	if v, ok := debtors.Load(k); ok {
		return v.(*debtorsCache)
	}
	v, loaded := debtors.LoadOrStore(k, &debtorsCache{txid: -1})
	if !loaded {
		runtime.AddCleanup(db, func(k weak.Pointer[DB]) { debtors.Delete(k) }, k)
	}
	return v.(*debtorsCache)
}

// allDebtors scans idx_order_client once: every client whose outstanding
// balance is above zero, with its name and manager.
func (db *DB) allDebtors(ctx context.Context, tx *bolt.Tx) ([]model.ClientReceivables, error) {
	clk, err := db.departmentClock(tx)
	if err != nil {
		return nil, err
	}
	dc := db.debtorsCache()
	dc.mu.Lock()
	defer dc.mu.Unlock()
	if dc.txid == tx.ID() && dc.today == clk.today {
		return dc.rows, nil
	}
	cy := departmentCurrency(tx)
	var rows []model.ClientReceivables
	acc := debtAcc{returnedDue: returnedDueIn(tx)}
	var client uint64
	flush := func() error {
		if client != 0 && acc.r.Outstanding.Minor > 0 {
			r := acc.finish(cy)
			r.Client = model.ID(client)
			c, err := getClient(tx, r.Client)
			if err != nil && !isNotFound(err) {
				return err
			}
			r.ClientName, r.Manager, r.CreditLimit = c.ShortName, c.Manager, c.CreditLimit
			if r.CreditLimit.Currency == "" {
				r.CreditLimit.Currency = cy
			}
			rows = append(rows, r)
		}
		acc = debtAcc{returnedDue: acc.returnedDue}
		return nil
	}
	cur := tx.Bucket(bucketOrderClient).Cursor()
	n := 0
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if n++; n%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if len(k) != 24 {
			continue
		}
		if c := btoi(k[:8]); c != client {
			if err := flush(); err != nil {
				return nil, err
			}
			client = c
		}
		if s, ok := summaryOf(v); ok {
			acc.add(clk, model.ID(btoi(k[16:])), s)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	dc.txid, dc.today, dc.rows = tx.ID(), clk.today, rows
	return rows, nil
}

// ReceivablesSorts are the orders ReceivablesList knows; the first is the default.
var ReceivablesSorts = []string{"outstanding", "overdue", "days", "name"}

// ReceivablesList is every client with an outstanding balance, sorted by
// "outstanding", "overdue", "days" (the oldest overdue invoice) — largest
// first — or "name"; total counts them. With receivables.all a user sees
// every client, else only the clients they manage.
func (s *Session) ReceivablesList(ctx context.Context, sortBy string, offset, limit int) ([]model.ClientReceivables, int, error) {
	all := model.Can(s.me, model.ActReceivablesAll)
	type row struct {
		r   *model.ClientReceivables
		key string
	}
	var rows []row
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		cached, err := s.db.allDebtors(ctx, tx)
		if err != nil {
			return err
		}
		rows = make([]row, 0, len(cached))
		for i := range cached {
			if all || (cached[i].Manager != "" && cached[i].Manager == s.me.Name) {
				rows = append(rows, row{r: &cached[i]})
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	for i := range rows {
		rows[i].key = model.SortName(rows[i].r.ClientName)
	}
	byName := func(a, b row) int { return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.r.Client, b.r.Client)) }
	var order func(a, b row) int
	switch strings.TrimSpace(sortBy) {
	case "overdue":
		order = func(a, b row) int { return cmp.Or(cmp.Compare(b.r.Overdue.Minor, a.r.Overdue.Minor), byName(a, b)) }
	case "days":
		order = func(a, b row) int {
			return cmp.Or(cmp.Compare(b.r.MaxOverdue, a.r.MaxOverdue), cmp.Compare(b.r.Overdue.Minor, a.r.Overdue.Minor), byName(a, b))
		}
	case "name":
		order = byName
	default:
		order = func(a, b row) int {
			return cmp.Or(cmp.Compare(b.r.Outstanding.Minor, a.r.Outstanding.Minor), byName(a, b))
		}
	}
	slices.SortFunc(rows, order)
	total := len(rows)
	offset = max(0, min(offset, total))
	end := total
	if limit > 0 {
		end = min(total, offset+limit)
	}
	out := make([]model.ClientReceivables, 0, end-offset)
	for _, r := range rows[offset:end] {
		out = append(out, *r.r)
	}
	return out, total, nil
}
