package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The order's record writer: every change of an order, whoever makes it
// (entry, lifecycle, payments, reminders, bulk load), goes through putOrder.

// orderEntry is one index entry of an order.
type orderEntry struct {
	bucket     []byte
	key, value []byte
}

// orderIndex is every index entry o has (order_layout.go).
func orderIndex(o *model.Order) []orderEntry {
	return []orderEntry{
		{bucketOrderNumber, []byte(o.Number), itob(uint64(o.ID))},
		{bucketOrderClient, orderClientKey(o), orderSummary(o)},
		{bucketOrderStatus, orderStatusKey(o), nil},
		{bucketOrderDate, orderDateKey(o), itob(uint64(o.Client))},
	}
}

// getOrder loads an order in tx.
func getOrder(tx *bolt.Tx, id model.ID) (model.Order, error) {
	return getRecord[model.Order](tx, bucketOrders, id, "storeorder.order_missing")
}

// orderSeqKey is the meta key of a year's last order number.
func orderSeqKey(year int) []byte { return fmt.Appendf(nil, "order_seq_%04d", year) }

// nextOrderNumber takes the next number of the order date's year: "2026-000124".
func nextOrderNumber(tx *bolt.Tx, date time.Time) (string, error) {
	year := date.In(time.Local).Year()
	key := orderSeqKey(year)
	n := counter(tx, key) + 1
	if err := tx.Bucket(bucketMeta).Put(key, itob(n)); err != nil {
		return "", err
	}
	return fmt.Sprintf("%04d-%06d", year, n), nil
}

// putOrder writes a new (old nil) or changed order with its index entries
// (order_layout.go), counters and an audit entry (kind "order", action,
// reason) in tx. It stamps o: a new order gets its id (when 0), its number
// (when empty, the next of its date's year), Version 1 and the creation
// stamp; a change gets old's Version + 1 and old's creation stamp. The
// caller checks rights, the version the user saw, and the lifecycle.
func (db *DB) putOrder(tx *bolt.Tx, old, o *model.Order, by, action, reason string) error {
	now := db.now()
	orders := tx.Bucket(bucketOrders)
	if old == nil {
		if o.ID == 0 {
			seq, err := orders.NextSequence()
			if err != nil {
				return err
			}
			o.ID = model.ID(seq)
		} else if orders.Get(itob(uint64(o.ID))) != nil {
			return fmt.Errorf("store: order %d exists", o.ID)
		}
		if o.Number == "" {
			n, err := nextOrderNumber(tx, o.Date)
			if err != nil {
				return err
			}
			o.Number = n
		}
		if id := tx.Bucket(bucketOrderNumber).Get([]byte(o.Number)); id != nil {
			ve := &model.ValidationError{}
			ve.Add("number", model.T("storeorder.number_taken", o.Number))
			return ve
		}
		o.Version, o.CreatedAt, o.CreatedBy = 1, now, by
		if err := addCounter(tx, keyOrders, 1); err != nil {
			return err
		}
	} else {
		if o.ID != old.ID {
			return fmt.Errorf("store: order %d written over %d", o.ID, old.ID)
		}
		o.Version, o.CreatedAt, o.CreatedBy = old.Version+1, old.CreatedAt, old.CreatedBy
		if o.Number != old.Number {
			if id := tx.Bucket(bucketOrderNumber).Get([]byte(o.Number)); id != nil {
				ve := &model.ValidationError{}
				ve.Add("number", model.T("storeorder.number_taken", o.Number))
				return ve
			}
		}
	}
	oldExt := ""
	if old != nil {
		oldExt = old.External
	}
	if old == nil || string(extKey(oldExt)) != string(extKey(o.External)) {
		if err := putExt(tx, bucketOrderExt, o.ID, oldExt, o.External); err != nil {
			return err
		}
	}
	o.UpdatedAt, o.UpdatedBy = now, by
	v, err := json.Marshal(o)
	if err != nil {
		return err
	}
	if err := orders.Put(itob(uint64(o.ID)), v); err != nil {
		return err
	}
	next := orderIndex(o)
	var prev []orderEntry
	if old != nil {
		prev = orderIndex(old)
		for i, p := range prev {
			if !bytes.Equal(p.key, next[i].key) {
				if err := tx.Bucket(p.bucket).Delete(p.key); err != nil {
					return err
				}
			}
		}
	}
	for i, n := range next {
		// an unchanged entry is not written again: a put dirties its page
		if prev != nil && bytes.Equal(prev[i].key, n.key) && bytes.Equal(prev[i].value, n.value) {
			continue
		}
		if err := tx.Bucket(n.bucket).Put(n.key, n.value); err != nil {
			return err
		}
	}
	before := model.Order{}
	if old != nil {
		before = *old
	}
	return writeAudit(tx, &model.AuditEntry{
		At: now, User: by, Kind: "order", Record: o.ID, Action: action,
		Reason: strings.TrimSpace(reason), Changes: diffOrder(&before, o),
	})
}

// diffOrder lists the fields that differ, as display text.
func diffOrder(old, o *model.Order) []model.FieldChange {
	var out changeList
	add, id := out.add, idText
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return model.FormatDate(t, time.Local)
	}
	money := func(m model.Money) string {
		if m.Minor == 0 {
			return ""
		}
		return model.FormatMoney(m)
	}
	add("number", old.Number, o.Number)
	add("client", id(old.Client), id(o.Client))
	add("contact", id(old.Contact), id(o.Contact))
	add("taken_by", old.TakenBy, o.TakenBy)
	add("entered_by", old.EnteredBy, o.EnteredBy)
	add("channel", string(old.Channel), string(o.Channel))
	add("date", date(old.Date), date(o.Date))
	add("requested", date(old.Requested), date(o.Requested))
	add("promised", date(old.Promised), date(o.Promised))
	if old.ID == 0 || old.Delivery != o.Delivery {
		add("delivery", yesNo(old.Delivery && old.ID != 0), yesNo(o.Delivery))
	}
	add("address", old.Address, o.Address)
	add("deferral_days", fmt.Sprint(old.DeferralDays), fmt.Sprint(o.DeferralDays))
	add("price_column", old.PriceColumn, o.PriceColumn)
	add("currency", old.Currency, o.Currency)
	add("lines", linesText(old.Lines), linesText(o.Lines))
	add("gross", money(old.Totals.Gross), money(o.Totals.Gross))
	add("status", string(old.Status), string(o.Status))
	add("hold_reason", old.HoldReason, o.HoldReason)
	add("invoice_no", old.InvoiceNo, o.InvoiceNo)
	add("invoice_date", date(old.InvoiceDate), date(o.InvoiceDate))
	add("due_date", date(old.DueDate), date(o.DueDate))
	add("paid", money(old.Paid), money(o.Paid))
	if old.Reminded != o.Reminded {
		add("reminded", yesNo(old.Reminded), yesNo(o.Reminded))
	}
	add("notes", old.Notes, o.Notes)
	add("external", old.External, o.External)
	return out
}

// linesText is the lines in one line of text for the audit: SKU, quantity,
// price, discount, source, shipped and returned.
func linesText(lines []model.OrderLine) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s × %s @ %s", l.SKU, model.FormatQty(l.Qty, l.Unit), model.FormatMoney(l.Price))
		if l.Discount != 0 {
			fmt.Fprintf(&b, " −%s", model.FormatRate(l.Discount))
		}
		if l.Source != "" {
			fmt.Fprintf(&b, " [%s]", l.Source)
		}
		if l.Shipped != 0 {
			fmt.Fprintf(&b, " shipped %s", model.FormatQty(l.Shipped, l.Unit))
		}
		if l.Returned != 0 {
			fmt.Fprintf(&b, " returned %s", model.FormatQty(l.Returned, l.Unit))
		}
	}
	return b.String()
}

// Order loads one order.
func (s *Session) Order(id model.ID) (model.Order, error) {
	return readRecord(s.db, id, getOrder)
}

// OrderHistory returns an order's audit entries, oldest first.
func (s *Session) OrderHistory(id model.ID) ([]model.AuditEntry, error) {
	return s.db.history("order", uint64(id))
}
