package store

import (
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// The order's lifecycle: each step is one transaction that checks the
// right, the version the user saw and the transition, records an
// OrderEvent and writes the order through putOrder (audited).

// step runs one lifecycle step on order id. pre, when set, is checked with
// model.CheckTransition before fn looks at anything else, so an illegal
// step is refused with the lifecycle's sentence; fn changes o (its status
// among others) and returns the event's comment. A status fn sets is
// checked again.
func (s *Session) step(id model.ID, version uint64, act model.Action, action string, pre model.OrderStatus,
	fn func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error)) (model.Order, error) {
	db := s.db
	if db.ro {
		return model.Order{}, db.readOnlyErr()
	}
	var o model.Order
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		o, err = s.stepTx(tx, id, version, act, action, pre, fn)
		return err
	})
	if err != nil {
		return model.Order{}, err
	}
	return o, nil
}

// stepTx is step inside the caller's transaction (closing a complaint with
// a return records it on the order in the same one).
func (s *Session) stepTx(tx *bolt.Tx, id model.ID, version uint64, act model.Action, action string, pre model.OrderStatus,
	fn func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error)) (model.Order, error) {
	db := s.db
	old, err := getOrder(tx, id)
	if err != nil {
		return model.Order{}, err
	}
	if !model.CanOnOrder(s.me, act, &old) {
		return model.Order{}, s.orderRefusal(act, &old)
	}
	if old.Version != version {
		return model.Order{}, orderConflict(&old)
	}
	if pre != "" && (pre != old.Status || !repeatable(pre)) {
		if err := model.CheckTransition(old, pre); err != nil {
			return model.Order{}, err
		}
	}
	o := cloneOrder(old)
	comment, err := fn(tx, old, &o)
	if err != nil {
		return model.Order{}, err
	}
	if o.Status != old.Status && o.Status != pre {
		if err := model.CheckTransition(old, o.Status); err != nil {
			return model.Order{}, err
		}
	}
	comment = strings.TrimSpace(comment)
	o.Events = append(o.Events, model.OrderEvent{At: db.now(), By: s.me.Name, From: old.Status, To: o.Status, Comment: comment})
	if err := db.putOrder(tx, &old, &o, s.me.Name, action, comment); err != nil {
		return model.Order{}, err
	}
	return o, nil
}

// repeatable statuses take the same step again: another shipment, another return.
func repeatable(st model.OrderStatus) bool {
	return st == model.OrderShippedPartly || st == model.OrderReturned
}

func commentRequired(field string) error {
	ve := &model.ValidationError{}
	ve.Add(field, model.T("storeorder.comment_required"))
	return ve
}

func wrongStatus(key string, o model.Order) error {
	return model.Sentencef(model.ErrConflict, key, o.Number, statusText(o.Status))
}

// takerRole is the role whose discount limit applies: the taker's (an
// unknown taker gets the operator's, the smallest).
func (db *DB) takerRole(name string) model.Role {
	db.usersMu.RLock()
	u, ok := db.usersByNm[name]
	db.usersMu.RUnlock()
	if !ok {
		return model.RoleOperator
	}
	return u.Role
}

// creditGate settles an order the discount no longer holds: credit hold
// with the reason, or confirmed.
func (db *DB) creditGate(tx *bolt.Tx, o *model.Order) error {
	c, err := clientTakingOrders(tx, o.Client)
	if err != nil {
		return err
	}
	r, err := db.receivablesTx(tx, o.Client)
	if err != nil {
		return err
	}
	if hold, reason := model.CreditGate(c, r, o.Totals.Gross); hold {
		o.Status, o.HoldReason = model.OrderCreditHold, reason
		return nil
	}
	o.Status, o.HoldReason = model.OrderConfirmed, ""
	return nil
}

// clientTakingOrders loads the order's client, refusing an archived one: a
// draft saved before the client was archived does not become an order.
func clientTakingOrders(tx *bolt.Tx, id model.ID) (model.Client, error) {
	c, err := getClient(tx, id)
	if err == nil && c.Archived {
		return c, model.Sentencef(model.ErrConflict, "storeorder.client_archived", c.ShortName)
	}
	return c, err
}

// SubmitOrder asks to confirm a draft (order.edit): awaiting approval when a
// line's discount is above the taker's limit, else credit hold when the
// credit gate says so, else confirmed.
func (s *Session) SubmitOrder(id model.ID, version uint64) (model.Order, error) {
	return s.step(id, version, model.ActOrderEdit, "submit", "", func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
		if old.Status != model.OrderDraft {
			return "", wrongStatus("storeorder.not_draft", old)
		}
		if len(o.Lines) == 0 {
			ve := &model.ValidationError{}
			ve.Add("lines", model.T("storeorder.no_lines"))
			return "", ve
		}
		ps, err := priceSettingsTx(tx)
		if err != nil {
			return "", err
		}
		if need, why := model.NeedsApproval(ps, s.db.takerRole(o.TakenBy), o.Lines); need {
			o.Status, o.HoldReason = model.OrderAwaitingApproval, why
			return why, nil
		}
		if err := s.db.creditGate(tx, o); err != nil {
			return "", err
		}
		return o.HoldReason, nil
	})
}

// Approve lets an order awaiting approval through (order.approve); the
// credit gate then decides between credit hold and confirmed.
func (s *Session) Approve(id model.ID, version uint64, comment string) (model.Order, error) {
	return s.step(id, version, model.ActOrderApprove, "approve", "", func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
		if old.Status != model.OrderAwaitingApproval {
			return "", wrongStatus("storeorder.not_awaiting", old)
		}
		if err := s.db.creditGate(tx, o); err != nil {
			return "", err
		}
		if o.HoldReason != "" && strings.TrimSpace(comment) != "" {
			return strings.TrimSpace(comment) + " — " + o.HoldReason, nil
		}
		return comment + o.HoldReason, nil
	})
}

// Reject sends an order awaiting approval back to a draft (order.approve),
// with a comment the taker reads.
func (s *Session) Reject(id model.ID, version uint64, comment string) (model.Order, error) {
	return s.step(id, version, model.ActOrderApprove, "reject", "", func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
		if old.Status != model.OrderAwaitingApproval {
			return "", wrongStatus("storeorder.not_awaiting", old)
		}
		if strings.TrimSpace(comment) == "" {
			return "", commentRequired("comment")
		}
		o.Status, o.HoldReason = model.OrderDraft, strings.TrimSpace(comment)
		return comment, nil
	})
}

// OverrideCredit confirms an order on credit hold (order.credit), with a comment.
func (s *Session) OverrideCredit(id model.ID, version uint64, comment string) (model.Order, error) {
	return s.step(id, version, model.ActCreditOverride, "credit_override", "", func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
		if old.Status != model.OrderCreditHold {
			return "", wrongStatus("storeorder.not_on_hold", old)
		}
		if strings.TrimSpace(comment) == "" {
			return "", commentRequired("comment")
		}
		if _, err := clientTakingOrders(tx, old.Client); err != nil {
			return "", err
		}
		o.Status, o.HoldReason = model.OrderConfirmed, ""
		return comment, nil
	})
}

// Ship records a shipment (order.fulfil): shipped maps a line's index to
// the line's shipped quantity in all after it (not the quantity of this
// shipment alone): never less than shipped before, never more than ordered;
// lines not in the map keep theirs. All lines shipped in full: shipped;
// else partly shipped.
func (s *Session) Ship(id model.ID, version uint64, shipped map[int]model.Qty) (model.Order, error) {
	return s.step(id, version, model.ActOrderFulfil, "ship", model.OrderShippedPartly, func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
		ve := &model.ValidationError{}
		changed := false
		for i, q := range shipped {
			if i < 0 || i >= len(o.Lines) {
				ve.Add("lines", model.T("storeorder.ship_line", i+1))
				continue
			}
			l := &o.Lines[i]
			key := "lines." + itoa(uint64(i)) + ".shipped"
			switch {
			case q < l.Shipped:
				ve.Add(key, model.T("storeorder.ship_back", i+1, l.SKU, model.FormatQty(l.Shipped, l.Unit)))
			case q > l.Qty:
				ve.Add(key, model.T("storeorder.ship_too_much", i+1, l.SKU, model.FormatQty(q, l.Unit), model.FormatQty(l.Qty, l.Unit)))
			case !qtyFits(q, l.Unit):
				ve.Add(key, model.T("storeorder.qty_decimals", i+1, l.SKU, model.UnitDecimals(l.Unit)))
			case q != l.Shipped:
				l.Shipped, changed = q, true
			}
		}
		if !changed && len(ve.Fields) == 0 {
			ve.Add("lines", model.T("storeorder.ship_nothing"))
		}
		if err := ve.Err(); err != nil {
			return "", err
		}
		o.Status = model.OrderShipped
		for _, l := range o.Lines {
			if l.Shipped < l.Qty {
				o.Status = model.OrderShippedPartly
			}
		}
		return "", nil
	})
}

// qtyFits reports whether q has no more decimals than u allows.
func qtyFits(q model.Qty, u model.Unit) bool {
	step := model.Qty(1)
	for d := model.UnitDecimals(u); d < 3; d++ {
		step *= 10
	}
	return q%step == 0
}

// invoiceSeqKey is the meta key of a year's last invoice number.
func invoiceSeqKey(year int) []byte { return []byte("invoice_seq_" + itoa(uint64(year))) }

// splitInvoiceNumber reads the store's "INV-2026-000042" as its year and
// number; other numbers (an import's) are not the store's sequence.
func splitInvoiceNumber(s string) (int, uint64, bool) {
	rest, ok := strings.CutPrefix(s, "INV-")
	if !ok {
		return 0, 0, false
	}
	return splitOrderNumber(rest)
}

// Invoice issues the order's invoice (order.fulfil): the next invoice number
// of the year ("INV-2026-000042"), dated date (zero: today), due after the
// order's deferral days.
func (s *Session) Invoice(id model.ID, version uint64, date time.Time) (model.Order, error) {
	return s.step(id, version, model.ActOrderFulfil, "invoice", model.OrderInvoiced, func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
		if date.IsZero() {
			date = s.db.now()
		}
		if dateOnly(date).Before(dateOnly(o.Date)) {
			ve := &model.ValidationError{}
			ve.Add("invoice_date", model.T("storeorder.invoice_before", model.FormatDate(o.Date, time.Local)))
			return "", ve
		}
		year := date.In(time.Local).Year()
		key := invoiceSeqKey(year)
		n := counter(tx, key) + 1
		if err := tx.Bucket(bucketMeta).Put(key, itob(n)); err != nil {
			return "", err
		}
		num := itoa(n)
		for len(num) < 6 {
			num = "0" + num
		}
		o.Status = model.OrderInvoiced
		o.InvoiceNo = "INV-" + itoa(uint64(year)) + "-" + num
		o.InvoiceDate = date.UTC()
		o.DueDate = model.DueDate(o.InvoiceDate, o.DeferralDays)
		return o.InvoiceNo, nil
	})
}

// dateOnly is t's local calendar date, for comparing days.
func dateOnly(t time.Time) time.Time {
	y, m, d := t.In(time.Local).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// CancelOrder cancels an order with a reason (order.edit); the lifecycle
// refuses it once invoiced.
func (s *Session) CancelOrder(id model.ID, version uint64, reason string) (model.Order, error) {
	return s.step(id, version, model.ActOrderEdit, "cancel", model.OrderCancelled, func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
		if strings.TrimSpace(reason) == "" {
			return "", commentRequired("reason")
		}
		o.Status, o.HoldReason = model.OrderCancelled, ""
		return reason, nil
	})
}

// ReturnOrder records goods coming back (order.approve: the head) with a
// reason: returned maps a line's index to the line's returned quantity in
// all after it: never less than returned before, never more than shipped.
func (s *Session) ReturnOrder(id model.ID, version uint64, returned map[int]model.Qty, reason string) (model.Order, error) {
	return s.step(id, version, model.ActOrderApprove, "return", model.OrderReturned, returnLines(returned, reason))
}

// returnLines is the return step's change: ReturnOrder's, and a complaint
// closed with a return (CloseComplaint) in its own transaction.
func returnLines(returned map[int]model.Qty, reason string) func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
	return func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
		ve := &model.ValidationError{}
		if strings.TrimSpace(reason) == "" {
			ve.Add("reason", model.T("storeorder.reason_required"))
		}
		changed := false
		for i, q := range returned {
			if i < 0 || i >= len(o.Lines) {
				ve.Add("lines", model.T("storeorder.ship_line", i+1))
				continue
			}
			l := &o.Lines[i]
			key := "lines." + itoa(uint64(i)) + ".returned"
			switch {
			case q < l.Returned:
				ve.Add(key, model.T("storeorder.return_back", i+1, l.SKU, model.FormatQty(l.Returned, l.Unit)))
			case q > l.Shipped:
				ve.Add(key, model.T("storeorder.return_too_much", i+1, l.SKU, model.FormatQty(q, l.Unit), model.FormatQty(l.Shipped, l.Unit)))
			case !qtyFits(q, l.Unit):
				ve.Add(key, model.T("storeorder.qty_decimals", i+1, l.SKU, model.UnitDecimals(l.Unit)))
			case q != l.Returned:
				l.Returned, changed = q, true
			}
		}
		if !changed && ve.Fields["lines"] == "" {
			ve.Add("lines", model.T("storeorder.return_nothing"))
		}
		if err := ve.Err(); err != nil {
			return "", err
		}
		o.Status = model.OrderReturned
		return reason, nil
	}
}

// CloseOrder closes an order (order.fulfil) where the lifecycle allows it.
func (s *Session) CloseOrder(id model.ID, version uint64) (model.Order, error) {
	return s.step(id, version, model.ActOrderFulfil, "close", model.OrderClosed, func(tx *bolt.Tx, old model.Order, o *model.Order) (string, error) {
		o.Status = model.OrderClosed
		return "", nil
	})
}
