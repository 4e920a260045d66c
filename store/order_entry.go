package store

import (
	"errors"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Order entry: SaveOrder creates or changes an order while its lines may
// change. The store prices and computes every line; what the lifecycle
// keeps (status, hold reason, invoice, payments, events) is never taken
// from the caller.

// cloneOrder copies o's slices: the caller's copy belongs to the UI goroutine.
func cloneOrder(o model.Order) model.Order {
	o.Lines = slices.Clone(o.Lines)
	o.Events = slices.Clone(o.Events)
	return o
}

// orderConflict is the sentence for a stale version of an order.
func orderConflict(o *model.Order) error {
	return model.Sentencef(model.ErrConflict, "storeorder.conflict", model.FormatDateTime(o.UpdatedAt, time.Local), o.UpdatedBy)
}

// orderRefusal says why s may not do a on o.
func (s *Session) orderRefusal(a model.Action, o *model.Order) error {
	if s.me.Archived {
		return model.Sentencef(model.ErrForbidden, "model.rights.archived_user", s.me.Name)
	}
	if model.ScopeOf(s.me, a) == model.ScopeOwn && o != nil {
		if o.ID == 0 {
			return model.Sentencef(model.ErrForbidden, "storeorder.taken_by_other", o.TakenBy)
		}
		return model.Sentencef(model.ErrForbidden, "storeorder.not_own", o.TakenBy)
	}
	return forbidden(s.me, "storeorder.act."+string(a))
}

// SaveOrder creates (ID 0: the next number of its year) or changes an order
// while model.LinesEditable allows (a change of an order awaiting approval
// or on credit hold makes it a draft again, to be submitted anew): rights (order.edit on the stored and the
// new order), the client, the header's defaults from the client and the
// price settings, every line priced from the client's column at the order
// date and computed, the totals, validation, then record, indexes and
// audit in one transaction. Errors: *model.ValidationError (keys
// "client", "taken_by", "price_column", "lines.N.sku", "lines.N.price" and
// ValidateOrder's), model.ErrConflict, model.ErrForbidden, model.ErrReadOnly.
func (s *Session) SaveOrder(in model.Order) (model.Order, error) {
	db := s.db
	if db.ro {
		return model.Order{}, db.readOnlyErr()
	}
	o := cloneOrder(in)
	err := s.update(func(tx *bolt.Tx) error {
		now := db.now()
		var old *model.Order
		action := "create"
		if o.ID != 0 {
			prev, err := getOrder(tx, o.ID)
			if err != nil {
				return err
			}
			if !model.CanOnOrder(s.me, model.ActOrderEdit, &prev) {
				return s.orderRefusal(model.ActOrderEdit, &prev)
			}
			if prev.Version != o.Version {
				return orderConflict(&prev)
			}
			if !model.LinesEditable(prev.Status) {
				return model.Sentencef(model.ErrConflict, "storeorder.not_editable", prev.Number, statusText(prev.Status))
			}
			old, action = &prev, "update"
		}
		s.keepStoreFields(&o, old, now)
		if !model.CanOnOrder(s.me, model.ActOrderEdit, &o) {
			return s.orderRefusal(model.ActOrderEdit, &o)
		}
		// Whoever typed an order in may name who took it; handing a stored
		// order to someone else is the head's (ScopeAll).
		if old != nil && old.TakenBy != o.TakenBy && model.ScopeOf(s.me, model.ActOrderEdit) != model.ScopeAll {
			return s.orderRefusal(model.ActOrderEdit, &o)
		}
		ve := &model.ValidationError{}
		if err := s.fillOrder(tx, &o, old, ve); err != nil {
			return err
		}
		if err := model.ValidateOrder(o); err != nil {
			var v *model.ValidationError
			if !errors.As(err, &v) {
				return err
			}
			for f, t := range v.Fields {
				ve.Add(f, t)
			}
		}
		if err := ve.Err(); err != nil {
			return err
		}
		if old != nil && old.Status != model.OrderDraft {
			// a changed order waiting on the head goes back to a draft: what
			// the head was asked about is no longer what it is
			o.Status, o.HoldReason = model.OrderDraft, ""
			o.Events = append(slices.Clone(o.Events), model.OrderEvent{At: now, By: s.me.Name, From: old.Status,
				To: model.OrderDraft, Comment: model.T("storeorder.edited")})
		}
		return db.putOrder(tx, old, &o, s.me.Name, action, "")
	})
	if err != nil {
		return model.Order{}, err
	}
	return o, nil
}

// keepStoreFields puts back what only the store and the lifecycle change.
func (s *Session) keepStoreFields(o, old *model.Order, now time.Time) {
	o.TakenBy, o.Address, o.Notes = strings.TrimSpace(o.TakenBy), strings.TrimSpace(o.Address), strings.TrimSpace(o.Notes)
	// stored in UTC, so an order reads back equal to what SaveOrder returned
	o.Date, o.Requested, o.Promised = utcOrZero(o.Date), utcOrZero(o.Requested), utcOrZero(o.Promised)
	if old != nil {
		o.Number, o.Status, o.HoldReason = old.Number, old.Status, old.HoldReason
		o.InvoiceNo, o.InvoiceDate, o.DueDate = old.InvoiceNo, old.InvoiceDate, old.DueDate
		o.Paid, o.Reminded, o.Events, o.EnteredBy = old.Paid, old.Reminded, old.Events, old.EnteredBy
		o.VATIncluded, o.Meta = old.VATIncluded, old.Meta
		if o.TakenBy == "" {
			o.TakenBy = old.TakenBy
		}
		if o.Date.IsZero() {
			o.Date = old.Date
		}
		return
	}
	o.ID, o.Number, o.Status, o.HoldReason = 0, "", model.OrderDraft, ""
	o.InvoiceNo, o.InvoiceDate, o.DueDate = "", time.Time{}, time.Time{}
	o.Paid, o.Reminded, o.Events, o.EnteredBy = model.Money{}, false, nil, s.me.Name
	o.Meta = model.Meta{}
	if o.TakenBy == "" {
		o.TakenBy = s.me.Name
	}
	if o.Date.IsZero() {
		o.Date = now
	}
}

func utcOrZero(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// fillOrder checks the client and the taker, fills the header's defaults
// and prices and computes every line; sentences go to ve.
func (s *Session) fillOrder(tx *bolt.Tx, o, old *model.Order, ve *model.ValidationError) error {
	ps, err := priceSettingsTx(tx)
	if err != nil {
		return err
	}
	var c model.Client
	switch c, err = getClient(tx, o.Client); {
	case o.Client == 0:
		// ValidateOrder names the missing client
	case errors.Is(err, model.ErrNotFound):
		ve.Add("client", model.T("storeorder.no_client", uint64(o.Client)))
	case err != nil:
		return err
	case c.Archived && (old == nil || old.Client != o.Client):
		ve.Add("client", model.T("storeorder.client_archived", c.ShortName))
	}
	if o.TakenBy != "" && (old == nil || old.TakenBy != o.TakenBy) && !liveUser(tx, o.TakenBy) {
		ve.Add("taken_by", model.T("storeorder.no_user", o.TakenBy))
	}
	if o.PriceColumn == "" {
		o.PriceColumn = c.PriceColumn
	}
	if o.PriceColumn == "" && len(ps.Columns) > 0 {
		o.PriceColumn = ps.Columns[0]
	}
	if !slices.Contains(ps.Columns, o.PriceColumn) {
		ve.Add("price_column", model.T("storeorder.unknown_column", o.PriceColumn))
	}
	if o.Currency == "" {
		o.Currency = ps.Currency
	}
	if old == nil {
		o.VATIncluded = ps.VATIncluded
		if o.DeferralDays == 0 {
			o.DeferralDays = c.DeferralDays
		}
	}
	if o.Channel == "" {
		o.Channel = model.OrderByPhone
	}
	had := map[model.ID]bool{}
	if old != nil {
		for _, l := range old.Lines {
			had[l.Product] = true
		}
	}
	for i := range o.Lines {
		l := &o.Lines[i]
		key := "lines." + itoa(uint64(i))
		var p model.Product
		switch {
		case l.Product != 0:
			p, err = getProduct(tx, l.Product)
			if errors.Is(err, model.ErrNotFound) {
				ve.Add(key+".sku", model.T("storeorder.product_missing", uint64(l.Product)))
				continue
			}
		case strings.TrimSpace(l.SKU) != "":
			var ok bool
			p, ok, err = productBySKU(tx, l.SKU)
			if err == nil && !ok {
				ve.Add(key+".sku", model.T("storeorder.unknown_sku", strings.TrimSpace(l.SKU)))
				continue
			}
		default:
			ve.Add(key+".sku", model.T("storeorder.no_product"))
			continue
		}
		if err != nil {
			return err
		}
		if !p.Active && !had[p.ID] {
			ve.Add(key+".sku", model.T("storeorder.inactive_product", p.SKU))
		}
		l.Product, l.SKU, l.Name, l.Unit, l.VAT = p.ID, p.SKU, p.Name, p.Unit, p.VAT
		if l.Source == "" {
			l.Source = model.SourceBranch
		}
		l.Shipped, l.Returned = 0, 0
		minor, ok := priceAt(tx, p.ID, o.PriceColumn, o.Date)
		if !ok {
			ve.Add(key+".price", model.T("storeorder.no_price_line", p.SKU, o.PriceColumn, model.FormatDate(o.Date, time.Local)))
		}
		l.Price = model.Money{Minor: minor, Currency: o.Currency}
		model.ComputeLine(l, o.VATIncluded)
	}
	o.Totals = model.ComputeTotals(o.Lines, o.Currency)
	return nil
}

// statusText is a status in words for sentences.
func statusText(st model.OrderStatus) string {
	if key := "storeorder.status." + string(st); model.HasMessage(key) {
		return model.T(key)
	}
	return string(st)
}
