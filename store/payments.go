package store

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Payments are matched against what the invoice still owes: the amount is
// checked, not just that something arrived (DOMAIN.md). A payment that is
// not what was due is saved with its Mismatch ("under" or "over") and the
// sentence of MismatchSentence, in the audit and on the screen:
//   - under: the order is partly paid and the rest stays outstanding;
//   - over: the order is paid and the excess stays on it as a credit (Paid
//     above the gross), for a person to refund or offset; receivables do
//     not net it against the client's other invoices.
// Which orders take payments is model.CheckPayment's: invoiced, partly paid,
// paid (a second transfer: an over-payment) or returned; a cancelled, closed
// or unshipped order is refused with a sentence and nothing is saved.

// RecordPayment records a payment against an invoiced order in one
// transaction: the payment, its idx_payment_order entry, the order's Paid
// and status (partly paid or paid, with the event) through putOrder, and
// the audit entry of kind "payment". It needs payment.record on the order.
// The returned payment carries its Mismatch.
func (s *Session) RecordPayment(p model.Payment) (model.Payment, error) {
	db := s.db
	if db.ro {
		return model.Payment{}, db.readOnlyErr()
	}
	p.Reference = strings.TrimSpace(p.Reference)
	p.ID, p.Mismatch, p.Meta = 0, "", model.Meta{}
	err := s.update(func(tx *bolt.Tx) error {
		old, err := getOrder(tx, p.Order)
		if errors.Is(err, model.ErrNotFound) {
			ve := &model.ValidationError{}
			ve.Add("order", model.T("storepay.no_order", uint64(p.Order)))
			return ve
		}
		if err != nil {
			return err
		}
		if !model.CanOnOrder(s.me, model.ActPaymentRecord, &old) {
			return forbidden(s.me, "storepay.act.payment")
		}
		if p.Amount.Currency == "" {
			p.Amount.Currency = old.Currency
		}
		mismatch, err := model.CheckPayment(p, old)
		if err != nil {
			return err
		}
		if p.Amount.Minor > math.MaxInt64-max(old.Paid.Minor, 0) {
			// Paid would wrap negative: the order and its summary would owe more
			ve := &model.ValidationError{}
			ve.Add("amount", model.T("model.money.too_large"))
			return ve
		}
		p.Date = p.Date.UTC()
		return db.putPayment(tx, old, &p, mismatch, s.me.Name, "create")
	})
	if err != nil {
		return model.Payment{}, err
	}
	return p, nil
}

// putPayment records payment p (checked: mismatch is CheckPayment's flag)
// on order old: the record and its order index, the order's Paid, status
// and event, and the audit entry under action. p gets its id and stamps.
func (db *DB) putPayment(tx *bolt.Tx, old model.Order, p *model.Payment, mismatch, by, action string) error {
	now := db.now()
	seq, err := tx.Bucket(bucketPayments).NextSequence()
	if err != nil {
		return err
	}
	p.ID, p.Client, p.Mismatch = model.ID(seq), old.Client, mismatch
	p.Meta = model.Meta{Version: 1, CreatedAt: now, CreatedBy: by, UpdatedAt: now, UpdatedBy: by}
	v, err := encode(p)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketPayments).Put(itob(seq), v); err != nil {
		return err
	}
	if err := tx.Bucket(bucketPaymentOrder).Put(paymentOrderKey(p.Order, p.ID), nil); err != nil {
		return err
	}
	o := old
	o.Events = slices.Clone(old.Events)
	o.Paid = model.Money{Minor: old.Paid.Minor + p.Amount.Minor, Currency: p.Amount.Currency}
	// an invoice moves to partly paid or paid; a paid or returned order
	// keeps its status (the payment is an over-payment or a refund's matter)
	to := old.Status
	if debtStatus(old.Status) {
		to = model.OrderPaidPartly
		if model.OrderDue(o).Minor <= 0 {
			to = model.OrderPaid
		}
	}
	note := MismatchSentence(*p, o)
	if to != old.Status {
		o.Status = to
		o.Events = append(o.Events, model.OrderEvent{At: now, By: by, From: old.Status, To: to,
			Comment: model.T("storepay.event", model.FormatMoney(p.Amount), p.Reference)})
	}
	if err := db.putOrder(tx, &old, &o, by, "payment", note); err != nil {
		return err
	}
	return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "payment", Record: p.ID,
		Action: action, Reason: note, Changes: paymentChanges(p, &o)})
}

// MismatchSentence says what a flagged payment means for its order o (as
// saved after the payment): how much is still owed, or the excess kept as a
// credit. "" for an exact payment.
func MismatchSentence(p model.Payment, o model.Order) string {
	due := model.OrderDue(o)
	if due.Currency == "" {
		due.Currency = p.Amount.Currency
	}
	switch p.Mismatch {
	case model.PaymentUnder:
		return model.T("storepay.under", o.Number, model.FormatMoney(due))
	case model.PaymentOver:
		due.Minor = -due.Minor
		return model.T("storepay.over", o.Number, model.FormatMoney(due))
	}
	return ""
}

func paymentChanges(p *model.Payment, o *model.Order) []model.FieldChange {
	out := []model.FieldChange{
		{Field: "order", New: o.Number},
		{Field: "amount", New: model.FormatMoney(p.Amount)},
		{Field: "date", New: model.FormatDate(p.Date, time.Local)},
	}
	if p.Reference != "" {
		out = append(out, model.FieldChange{Field: "reference", New: p.Reference})
	}
	if p.Mismatch != "" {
		out = append(out, model.FieldChange{Field: "mismatch", New: p.Mismatch})
	}
	return out
}

// Payments lists an order's payments in the order they were recorded.
func (s *Session) Payments(order model.ID) ([]model.Payment, error) {
	var out []model.Payment
	err := s.db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		out, err = paymentsTx(tx, order)
		return err
	})
	return out, err
}

func paymentsTx(tx *bolt.Tx, order model.ID) ([]model.Payment, error) {
	var out []model.Payment
	prefix := itob(uint64(order))
	pays := tx.Bucket(bucketPayments)
	cur := tx.Bucket(bucketPaymentOrder).Cursor()
	for k, _ := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = cur.Next() {
		v := pays.Get(k[8:])
		if v == nil {
			continue
		}
		var p model.Payment
		if err := decode(v, &p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
