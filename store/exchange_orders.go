package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Import of products (with their prices), orders (one file row per order
// line, merged into orders by the exchange package) and payments, and the
// streams their exports read (issue 7). A batch is one write transaction;
// a dry run computes everything and rolls it back. A rejected record
// writes nothing; the others of its batch are kept.
//
// Choices:
//   - Imported prices enter the price list as one price version per batch
//     and effective date (the file's date column, else today), holding the
//     prices that differ from the list's at that date. Prices equal to the
//     list's make no version, so a re-import adds nothing.
//   - Imported orders keep the file's unit prices (historical prices), not
//     the price list's; the store computes the lines and totals with the
//     model's arithmetic.
//   - An imported order without a status column is "confirmed": it was
//     agreed with the client elsewhere (1C, a spreadsheet), so it skips the
//     approval and the credit gate of entry, yet stays open for shipment,
//     invoicing and payment here. A file's status column is kept as given.
//   - A matched order that differs is updated only while nothing happened
//     to it here beyond confirmation (model.LinesEditable, or confirmed
//     with nothing shipped); later it is rejected with a sentence.
//   - Payments are matched by order and reference (or, without a
//     reference, by order, date and amount): a re-import adds nothing; a
//     matched payment with another amount is rejected, never changed.

// ProductFields says which of a product's columns an import row carries.
type ProductFields uint32

const (
	PFName ProductFields = 1 << iota
	PFUnit
	PFVAT
	PFActive
	PFExternal
)

// ProductImport is one product row: the product as the file gives it,
// which fields it gives, and its prices by price column (minor units).
type ProductImport struct {
	Product   model.Product
	Carries   ProductFields
	Prices    map[string]int64
	Effective time.Time // the prices' effective date; zero: today
}

// ImportProducts writes one batch of product rows in one transaction
// (dry: rolled back), matching each by external code, else by SKU. A
// product the file says nothing new about is unchanged; new or changed
// prices go into one price version per effective date.
func (s *Session) ImportProducts(batch []ProductImport, dryRun bool) ([]ImportResult, error) {
	db := s.db
	if err := s.importAllowed("exch.orders.act_import"); err != nil {
		return nil, err
	}
	out := make([]ImportResult, len(batch))
	wrote := false
	committed, err := s.importUpdate(dryRun, func(tx *bolt.Tx) error {
		ps, err := priceSettingsTx(tx)
		if err != nil {
			return err
		}
		now := db.now()
		today := dayStart(now)
		versions := map[int64]*model.PriceVersion{}
		var order []int64
		for i := range batch {
			in := &batch[i]
			if err := checkImportPrices(in.Prices, ps); err != nil {
				out[i] = rejected(err)
				continue
			}
			res, p, err := s.importProduct(tx, in)
			if err != nil {
				return err
			}
			out[i] = res
			if res.Action == model.ImportReject {
				continue
			}
			// prices: those that differ from the list's at the date
			eff := today
			if !in.Effective.IsZero() {
				eff = in.Effective.UTC()
			}
			cols := make([]string, 0, len(in.Prices))
			for c := range in.Prices {
				cols = append(cols, c)
			}
			slices.Sort(cols)
			var entries []model.PriceEntry
			for _, c := range cols {
				minor := in.Prices[c]
				if cur, ok := priceAt(tx, p.ID, c, eff); ok && cur == minor {
					continue
				}
				entries = append(entries, model.PriceEntry{Product: p.ID, Column: c, Price: model.Money{Minor: minor, Currency: ps.Currency}})
			}
			if len(entries) > 0 {
				k := eff.Unix()
				v := versions[k]
				if v == nil {
					v = &model.PriceVersion{Effective: eff, Note: model.T("exch.orders.version_note")}
					versions[k] = v
					order = append(order, k)
				}
				v.Prices = append(v.Prices, entries...)
				if out[i].Action == model.ImportUnchanged {
					out[i].Action = model.ImportUpdate
				}
			}
			if out[i].Action != model.ImportUnchanged {
				wrote = true
			}
		}
		for _, k := range order {
			if err := db.putImportedVersion(tx, versions[k], s.me.Name, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if committed && wrote {
		db.dropProductIndex()
	}
	return out, nil
}

// checkImportPrices: each price in a column of the list, above zero.
func checkImportPrices(prices map[string]int64, ps model.PriceSettings) error {
	cols := make([]string, 0, len(prices))
	for c := range prices {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	for _, c := range cols {
		if !slices.Contains(ps.Columns, c) {
			return model.Sentencef(nil, "exch.orders.unknown_column", c, strings.Join(ps.Columns, ", "))
		}
		if prices[c] <= 0 {
			return model.Sentencef(nil, "exch.orders.price_positive", c)
		}
	}
	return nil
}

// importProduct matches and writes one product row (prices apart).
func (s *Session) importProduct(tx *bolt.Tx, in *ProductImport) (ImportResult, model.Product, error) {
	f := in.Product
	f.SKU, f.Name, f.External = strings.TrimSpace(f.SKU), strings.TrimSpace(f.Name), strings.TrimSpace(f.External)
	reject := func(err error) (ImportResult, model.Product, error) {
		return ImportResult{Action: model.ImportReject, Err: err}, model.Product{}, nil
	}
	var old *model.Product
	if id := extLookup(tx, bucketProductExt, f.External); id != 0 {
		p, err := getProduct(tx, id)
		if err != nil {
			return ImportResult{}, model.Product{}, err
		}
		old = &p
	} else if f.SKU != "" {
		p, ok, err := productBySKU(tx, f.SKU)
		if err != nil {
			return ImportResult{}, model.Product{}, err
		}
		if ok {
			old = &p
		}
	}
	p := f
	if old != nil {
		p = *old
		has := func(b ProductFields) bool { return in.Carries&b != 0 }
		if f.SKU != "" {
			p.SKU = f.SKU
		}
		if has(PFName) {
			p.Name = f.Name
		}
		if has(PFUnit) {
			p.Unit = f.Unit
		}
		if has(PFVAT) {
			p.VAT = f.VAT
		}
		if has(PFActive) {
			p.Active = f.Active
		}
		if has(PFExternal) && f.External != "" {
			p.External = f.External
		}
	} else if in.Carries&PFActive == 0 {
		p.Active = true
	}
	if err := model.ValidateProduct(p); err != nil {
		return reject(err)
	}
	if old != nil && productSame(old, &p) {
		return ImportResult{Action: model.ImportUnchanged, ID: old.ID}, *old, nil
	}
	// the unique keys, checked before anything is written
	var self model.ID
	if old != nil {
		self = old.ID
	}
	if v := tx.Bucket(bucketProductSKU).Get([]byte(skuKey(p.SKU))); v != nil && model.ID(btoi(v)) != self {
		ve := &model.ValidationError{}
		ve.Add("sku", model.T("exch.orders.sku_taken", p.SKU))
		return reject(ve)
	}
	if id := extLookup(tx, bucketProductExt, p.External); id != 0 && id != self {
		ve := &model.ValidationError{}
		ve.Add("external", model.T("store.external_taken", p.External))
		return reject(ve)
	}
	var version uint64
	action := model.ImportCreate
	if old != nil {
		version, action = old.Version, model.ImportUpdate
	}
	if _, err := s.db.putProduct(tx, self, &p, s.me.Name, version); err != nil {
		var ve *model.ValidationError
		if errors.As(err, &ve) {
			return reject(ve)
		}
		return ImportResult{}, model.Product{}, err
	}
	return ImportResult{Action: action, ID: p.ID}, p, nil
}

func productSame(a, b *model.Product) bool {
	return a.SKU == b.SKU && a.Name == b.Name && a.Unit == b.Unit && a.VAT == b.VAT && a.Active == b.Active &&
		a.External == b.External
}

// putImportedVersion stores a new price version with its prices entries
// and audit entry (as SavePriceVersion does for a new one, without notices).
func (db *DB) putImportedVersion(tx *bolt.Tx, v *model.PriceVersion, by string, now time.Time) error {
	versions, prices := tx.Bucket(bucketPriceVersions), tx.Bucket(bucketPrices)
	seq, err := versions.NextSequence()
	if err != nil {
		return err
	}
	v.ID, v.Version, v.CreatedAt, v.CreatedBy, v.UpdatedAt, v.UpdatedBy = model.ID(seq), 1, now, by, now, by
	for _, e := range v.Prices {
		if err := prices.Put(priceKey(e.Product, e.Column, unixKey(v.Effective)), priceValue(e.Price.Minor, v.ID)); err != nil {
			return err
		}
	}
	rec, err := encode(v)
	if err != nil {
		return err
	}
	if err := versions.Put(itob(seq), rec); err != nil {
		return err
	}
	return writeAudit(tx, &model.AuditEntry{At: now, User: by, Kind: "price_version", Record: v.ID, Action: "import",
		Changes: []model.FieldChange{
			{Field: "effective", New: model.FormatDate(v.Effective, time.Local)},
			{Field: "prices", New: itoa(uint64(len(v.Prices)))},
			{Field: "note", New: v.Note},
		}})
}

// keepDay is the moment an import gives a stored date: a file carries
// days, the store moments, so the stored moment stays when the file gives
// its day (a re-import of an export changes nothing).
func keepDay(stored, file time.Time) time.Time {
	file = utcOrZero(file)
	if !stored.IsZero() && !file.IsZero() && sameDay(stored, file) {
		return stored
	}
	return file
}

// sameDay reports whether a and b fall on one calendar day in the local zone.
func sameDay(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return a.IsZero() == b.IsZero()
	}
	return localDayOf(a) == localDayOf(b)
}

func localDayOf(t time.Time) [3]int {
	y, m, d := t.In(time.Local).Date()
	return [3]int{y, int(m), d}
}

// dayStart is t's day at 00:00 in the local zone (a price version's effective moment).
func dayStart(t time.Time) time.Time {
	y, m, d := t.In(time.Local).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local).UTC()
}

// ProductRow is a product with its prices at a date, by price column (minor units).
type ProductRow struct {
	Product model.Product
	Prices  map[string]int64
}

// EachProduct calls fn with every product in id order with its prices at
// date (zero: now) in every column of the price list, in one transaction.
func (s *Session) EachProduct(ctx context.Context, date time.Time, fn func(ProductRow) error) error {
	if date.IsZero() {
		date = s.db.now()
	}
	return s.db.bolt.View(func(tx *bolt.Tx) error {
		ps, err := priceSettingsTx(tx)
		if err != nil {
			return err
		}
		c := tx.Bucket(bucketProducts).Cursor()
		n := 0
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n&1023 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			var r ProductRow
			if err := decode(v, &r.Product); err != nil {
				return err
			}
			r.Prices = make(map[string]int64, len(ps.Columns))
			for _, col := range ps.Columns {
				if minor, ok := priceAt(tx, r.Product.ID, col, date); ok {
					r.Prices[col] = minor
				}
			}
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// OrderFields says which optional header columns an order import carries.
type OrderFields uint32

const (
	OFStatus OrderFields = 1 << iota
	OFDelivery
	OFAddress
	OFNotes
	OFExternal
	OFTakenBy
	OFRequested
	OFPromised
	OFInvoice // invoice number and date
	OFDueDate
	OFCurrency
)

// OrderImport is one order of a file: its header as the file gives it
// (Number, Date and the carried fields of Order), the client by code or
// tax id, and its lines.
type OrderImport struct {
	Order       model.Order
	Carries     OrderFields
	ClientCode  string
	ClientTaxID string
	Lines       []OrderLineImport
}

// OrderLineImport is one line row: the file's line, the SKU, the unit the
// file names ("" none), the quantity, the unit price (historical: kept as
// given), the line discount and the VAT rate (HasVAT false: the product's).
type OrderLineImport struct {
	Line     int
	SKU      string
	Unit     model.Unit
	Qty      model.Qty
	Price    int64
	Discount model.Rate
	VAT      model.Rate
	HasVAT   bool
}

// ImportOrders writes one batch of orders in one transaction (dry: rolled
// back), matching each by external code, else by number. An order naming
// an unknown client or SKU is rejected with a sentence naming the value.
func (s *Session) ImportOrders(batch []OrderImport, dryRun bool) ([]ImportResult, error) {
	if err := s.importAllowed("exch.orders.act_import"); err != nil {
		return nil, err
	}
	out := make([]ImportResult, len(batch))
	if len(batch) >= 1000 {
		// as in a bulk load: the garbage is short-lived, fewer collections
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercentBulk))
	}
	_, err := s.importUpdate(dryRun, func(tx *bolt.Tx) error {
		w, err := newOrderImporter(s, tx)
		if err != nil {
			return err
		}
		for i := range batch {
			res, err := w.order(&batch[i])
			if err != nil {
				return err
			}
			out[i] = res
		}
		if err := w.finish(); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// orderImporter matches and writes the orders of one batch; clients and
// products are looked up once a batch.
type orderImporter struct {
	s        *Session
	tx       *bolt.Tx
	ps       model.PriceSettings
	now      time.Time
	clients  map[model.ID]*model.Client
	products map[string]*model.Product // by skuKey
	users    map[string]bool
	yearSeq  map[int]uint64
	tax      *taxIndex

	// Created orders wait here and are written together by flush: encoded
	// on every core, their index entries in key order, one audit entry and
	// one counter update for all of them.
	pending []model.Order
	pendNum map[string]bool // their numbers
	pendExt map[string]bool // their codes (extKey form)
}

func newOrderImporter(s *Session, tx *bolt.Tx) (*orderImporter, error) {
	ps, err := priceSettingsTx(tx)
	if err != nil {
		return nil, err
	}
	return &orderImporter{s: s, tx: tx, ps: ps, now: s.db.now(), clients: map[model.ID]*model.Client{},
		products: map[string]*model.Product{}, users: map[string]bool{}, yearSeq: map[int]uint64{},
		pendNum: map[string]bool{}, pendExt: map[string]bool{}}, nil
}

func (w *orderImporter) client(in *OrderImport) (*model.Client, error) {
	code, tax := strings.TrimSpace(in.ClientCode), strings.TrimSpace(in.ClientTaxID)
	id := extLookup(w.tx, bucketClientExt, code)
	if id == 0 && code != "" {
		if own, ok := parseOwnCode(code); ok {
			id = own
		}
	}
	if id == 0 && tax != "" { // a code this database does not know: the tax id may still name the client
		if w.tax == nil {
			w.tax = taxIndexFor(w.tx)
		}
		var found []model.ID
		for _, country := range []model.TaxCountry{model.TaxRU, model.TaxLT, model.TaxOther} {
			for _, cand := range w.tax.lookup(clientTaxKey(country, tax)) {
				c, err := getClient(w.tx, cand)
				if err == nil && taxIDKey(c.TaxID) == taxIDKey(tax) && !slices.Contains(found, cand) {
					found = append(found, cand)
				}
			}
		}
		switch len(found) {
		case 0:
		case 1:
			id = found[0]
		default:
			return nil, model.Sentencef(nil, "exch.orders.tax_ambiguous", tax, len(found))
		}
	}
	if id != 0 {
		if c, ok := w.clients[id]; ok {
			return c, nil
		}
		c, err := getClient(w.tx, id)
		if err == nil {
			w.clients[id] = &c
			return &c, nil
		}
		if !isNotFound(err) {
			return nil, err
		}
	}
	switch {
	case code != "":
		return nil, model.Sentencef(nil, "exch.orders.unknown_client", code)
	case tax != "":
		return nil, model.Sentencef(nil, "exch.orders.unknown_client_tax", tax)
	}
	return nil, model.Sentencef(nil, "exch.orders.no_client")
}

func (w *orderImporter) product(sku string) (*model.Product, error) {
	k := skuKey(sku)
	if p, ok := w.products[k]; ok {
		return p, nil
	}
	p, ok, err := productBySKU(w.tx, sku)
	if err != nil && !isNotFound(err) {
		return nil, err
	}
	if !ok {
		w.products[k] = nil
		return nil, nil
	}
	w.products[k] = &p
	return &p, nil
}

// rejected is a result that rejects a record with a sentence.
func rejected(err error) ImportResult { return ImportResult{Action: model.ImportReject, Err: err} }

// importEditable: the statuses in which an import may still change a
// matched order (nothing shipped, invoiced or paid yet).
func importEditable(o *model.Order) bool {
	if model.LinesEditable(o.Status) {
		return true
	}
	if o.Status != model.OrderConfirmed {
		return false
	}
	for _, l := range o.Lines {
		if l.Shipped != 0 {
			return false
		}
	}
	return true
}

// goneOut: statuses in which every line has left the warehouse.
func goneOut(st model.OrderStatus) bool {
	switch st {
	case model.OrderShipped, model.OrderInvoiced, model.OrderPaidPartly, model.OrderPaid, model.OrderClosed, model.OrderReturned:
		return true
	}
	return false
}

func (w *orderImporter) order(in *OrderImport) (ImportResult, error) {
	tx := w.tx
	f := &in.Order
	f.Number, f.External = strings.TrimSpace(f.Number), strings.TrimSpace(f.External)
	if f.Number == "" {
		return rejected(model.Sentencef(nil, "exch.orders.no_number")), nil
	}
	if len(in.Lines) == 0 {
		return rejected(model.Sentencef(nil, "exch.orders.no_lines", f.Number)), nil
	}
	c, err := w.client(in)
	if err != nil {
		var sen *model.Sentence
		if errors.As(err, &sen) {
			return rejected(err), nil
		}
		return ImportResult{}, err
	}
	// the stored order it matches (one created earlier in the batch is written first)
	if w.pendNum[f.Number] || w.pendExt[string(extKey(f.External))] {
		if err := w.flush(); err != nil {
			return ImportResult{}, err
		}
	}
	var old *model.Order
	id := extLookup(tx, bucketOrderExt, f.External)
	if id == 0 {
		if v := tx.Bucket(bucketOrderNumber).Get([]byte(f.Number)); len(v) == 8 {
			id = model.ID(btoi(v))
		}
	}
	if id != 0 {
		o, err := getOrder(tx, id)
		if err != nil {
			return ImportResult{}, err
		}
		old = &o
	}
	var o model.Order
	if old != nil {
		o = cloneOrder(*old)
	} else {
		o = model.Order{Status: model.OrderConfirmed, TakenBy: w.s.me.Name, EnteredBy: w.s.me.Name,
			Channel: model.OrderByPhone, VATIncluded: w.ps.VATIncluded, Currency: w.ps.Currency,
			DeferralDays: c.DeferralDays, PriceColumn: c.PriceColumn}
		if o.PriceColumn == "" && len(w.ps.Columns) > 0 {
			o.PriceColumn = w.ps.Columns[0]
		}
	}
	has := func(b OrderFields) bool { return in.Carries&b != 0 }
	o.Number, o.Client, o.Date = f.Number, c.ID, keepDay(o.Date, f.Date)
	if has(OFStatus) && f.Status != "" {
		o.Status = f.Status
	}
	if has(OFDelivery) {
		o.Delivery = f.Delivery
	}
	if has(OFAddress) {
		o.Address = strings.TrimSpace(f.Address)
	}
	if has(OFNotes) {
		o.Notes = strings.TrimSpace(f.Notes)
	}
	if has(OFExternal) && f.External != "" {
		o.External = f.External
	}
	if has(OFTakenBy) && strings.TrimSpace(f.TakenBy) != "" {
		name := strings.TrimSpace(f.TakenBy)
		live, seen := w.users[name]
		if !seen {
			live = liveUser(tx, name)
			w.users[name] = live
		}
		if !live {
			return rejected(model.Sentencef(nil, "exch.orders.no_user", name)), nil
		}
		o.TakenBy = name
	}
	if has(OFRequested) {
		o.Requested = keepDay(o.Requested, f.Requested)
	}
	if has(OFPromised) {
		o.Promised = keepDay(o.Promised, f.Promised)
	}
	if has(OFInvoice) {
		o.InvoiceNo, o.InvoiceDate = strings.TrimSpace(f.InvoiceNo), keepDay(o.InvoiceDate, f.InvoiceDate)
	}
	if has(OFDueDate) {
		o.DueDate = keepDay(o.DueDate, f.DueDate)
	} else if !o.InvoiceDate.IsZero() && (old == nil || !old.InvoiceDate.Equal(o.InvoiceDate)) {
		o.DueDate = model.DueDate(o.InvoiceDate, o.DeferralDays)
	}
	if has(OFCurrency) && f.Currency != "" {
		o.Currency = strings.ToUpper(strings.TrimSpace(f.Currency))
	}
	// lines: the file's, at the file's prices
	lines := make([]model.OrderLine, len(in.Lines))
	for i, li := range in.Lines {
		p, err := w.product(li.SKU)
		if err != nil {
			return ImportResult{}, err
		}
		if p == nil {
			return rejected(model.Sentencef(nil, "exch.orders.unknown_sku", strings.TrimSpace(li.SKU), li.Line)), nil
		}
		if li.Unit != "" && li.Unit != p.Unit {
			return rejected(model.Sentencef(nil, "exch.orders.unit", li.Line, string(li.Unit), p.SKU, string(p.Unit))), nil
		}
		l := model.OrderLine{Product: p.ID, SKU: p.SKU, Name: p.Name, Unit: p.Unit, Qty: li.Qty,
			Price: model.Money{Minor: li.Price, Currency: o.Currency}, Discount: li.Discount, VAT: p.VAT, Source: model.SourceBranch}
		if li.HasVAT {
			l.VAT = li.VAT
		}
		if old != nil && i < len(old.Lines) && old.Lines[i].Product == p.ID {
			l.Source, l.Shipped, l.Returned = old.Lines[i].Source, old.Lines[i].Shipped, old.Lines[i].Returned
		}
		if goneOut(o.Status) && l.Shipped == 0 {
			l.Shipped = l.Qty
		}
		lines[i] = l
	}
	o.Lines = lines
	model.RecomputeOrder(&o)
	if err := model.ValidateOrder(o); err != nil {
		var ve *model.ValidationError
		if errors.As(err, &ve) {
			return rejected(w.lineReasons(ve, in)), nil
		}
		return ImportResult{}, err
	}
	if old != nil {
		if orderSame(old, &o) {
			return ImportResult{Action: model.ImportUnchanged, ID: old.ID}, nil
		}
		if !importEditable(old) {
			return rejected(model.Sentencef(nil, "exch.orders.not_editable", old.Number, statusText(old.Status))), nil
		}
	}
	// unique keys, before anything is written
	if k := extKey(o.External); k != nil && w.pendExt[string(k)] {
		if err := w.flush(); err != nil {
			return ImportResult{}, err
		}
	}
	if xid := extLookup(tx, bucketOrderExt, o.External); xid != 0 && (old == nil || xid != old.ID) {
		return rejected(model.Sentencef(nil, "store.external_taken", o.External)), nil
	}
	if old != nil && o.Number != old.Number {
		if tx.Bucket(bucketOrderNumber).Get([]byte(o.Number)) != nil {
			return rejected(model.Sentencef(nil, "storeorder.number_taken", o.Number)), nil
		}
	}
	if old == nil {
		return w.create(&o)
	}
	action, res := "import", model.ImportCreate
	if old != nil {
		res = model.ImportUpdate
		if o.Status != old.Status {
			o.Events = append(o.Events, model.OrderEvent{At: w.now, By: w.s.me.Name, From: old.Status, To: o.Status,
				Comment: model.T("exch.orders.event")})
		}
	}
	if err := w.s.db.putOrder(tx, old, &o, w.s.me.Name, action, model.T("exch.orders.event")); err != nil {
		var ve *model.ValidationError
		if errors.As(err, &ve) {
			return rejected(w.lineReasons(ve, in)), nil
		}
		return ImportResult{}, err
	}
	if y, n, ok := splitOrderNumber(o.Number); ok && y > 0 && y < 10000 {
		w.yearSeq[y] = max(w.yearSeq[y], n)
	}
	return ImportResult{Action: res, ID: o.ID}, nil
}

// create takes a new order's id and stamps it; flush writes it.
func (w *orderImporter) create(o *model.Order) (ImportResult, error) {
	seq, err := w.tx.Bucket(bucketOrders).NextSequence()
	if err != nil {
		return ImportResult{}, err
	}
	by := w.s.me.Name
	o.ID = model.ID(seq)
	o.Meta = model.Meta{Version: 1, CreatedAt: w.now, CreatedBy: by, UpdatedAt: w.now, UpdatedBy: by}
	w.pending = append(w.pending, *o)
	w.pendNum[o.Number] = true
	if k := extKey(o.External); k != nil {
		w.pendExt[string(k)] = true
	}
	if y, n, ok := splitOrderNumber(o.Number); ok && y > 0 && y < 10000 {
		w.yearSeq[y] = max(w.yearSeq[y], n)
	}
	return ImportResult{Action: model.ImportCreate, ID: o.ID}, nil
}

// flush writes the created orders waiting: records, index entries (as
// putOrder writes them, sorted per bucket), codes, the counter and one
// audit entry saying how many an import created (an entry per order would
// repeat the file and halve the rate).
func (w *orderImporter) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	tx := w.tx
	recs, err := encodeAll(w.pending)
	if err != nil {
		return err
	}
	orders := tx.Bucket(bucketOrders)
	idx := map[string][]kv{}
	var names []string
	for i := range w.pending {
		o := &w.pending[i]
		if err := orders.Put(itob(uint64(o.ID)), recs[i]); err != nil {
			return err
		}
		for _, e := range orderIndex(o) {
			if _, ok := idx[string(e.bucket)]; !ok {
				names = append(names, string(e.bucket))
			}
			idx[string(e.bucket)] = append(idx[string(e.bucket)], kv{e.key, e.value})
		}
		if k := extKey(o.External); k != nil {
			if _, ok := idx[string(bucketOrderExt)]; !ok {
				names = append(names, string(bucketOrderExt))
			}
			idx[string(bucketOrderExt)] = append(idx[string(bucketOrderExt)], kv{k, itob(uint64(o.ID))})
		}
	}
	for _, name := range names {
		es := idx[name]
		slices.SortFunc(es, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		b := tx.Bucket([]byte(name))
		for _, e := range es {
			if err := b.Put(e.k, e.v); err != nil {
				return err
			}
		}
	}
	n := len(w.pending)
	if err := addCounter(tx, keyOrders, int64(n)); err != nil {
		return err
	}
	if err := writeAudit(tx, &model.AuditEntry{At: w.now, User: w.s.me.Name, Kind: "order", Action: "import",
		Reason: model.T("exch.orders.audit_created", n)}); err != nil {
		return err
	}
	w.pending = w.pending[:0]
	clear(w.pendNum)
	clear(w.pendExt)
	return nil
}

// finish writes the created orders waiting and keeps the year counters of
// order numbers ahead of the imported numbers, so an order typed in later
// never takes one.
func (w *orderImporter) finish() error {
	if err := w.flush(); err != nil {
		return err
	}
	for y, n := range w.yearSeq {
		if n > counter(w.tx, orderSeqKey(y)) {
			if err := w.tx.Bucket(bucketMeta).Put(orderSeqKey(y), itob(n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// lineReasons is a rejected order's reason: each field problem, a line's
// with the file's line number.
func (w *orderImporter) lineReasons(ve *model.ValidationError, in *OrderImport) error {
	fields := make([]string, 0, len(ve.Fields))
	for f := range ve.Fields {
		fields = append(fields, f)
	}
	slices.Sort(fields)
	parts := make([]string, 0, len(fields))
	for _, f := range fields {
		msg := ve.Fields[f]
		var n int
		var rest string
		if _, err := fmt.Sscanf(f, "lines.%d.%s", &n, &rest); err == nil && n >= 0 && n < len(in.Lines) {
			msg = model.T("exch.orders.on_line", in.Lines[n].Line, strings.TrimSuffix(msg, "."))
		}
		parts = append(parts, msg)
	}
	return &model.Sentence{Text: strings.Join(parts, " ")}
}

// orderSame reports whether the order an import builds says what the
// stored one holds.
func orderSame(a, b *model.Order) bool {
	if a.Number != b.Number || a.Client != b.Client || !a.Date.Equal(b.Date) || a.Status != b.Status ||
		a.Delivery != b.Delivery || a.Address != b.Address || a.Notes != b.Notes || a.External != b.External ||
		a.TakenBy != b.TakenBy || !a.Requested.Equal(b.Requested) || !a.Promised.Equal(b.Promised) ||
		a.InvoiceNo != b.InvoiceNo || !a.InvoiceDate.Equal(b.InvoiceDate) || !a.DueDate.Equal(b.DueDate) ||
		a.Currency != b.Currency || a.Totals != b.Totals || len(a.Lines) != len(b.Lines) {
		return false
	}
	for i := range a.Lines {
		x, y := &a.Lines[i], &b.Lines[i]
		if x.Product != y.Product || x.Qty != y.Qty || x.Price != y.Price || x.Discount != y.Discount || x.VAT != y.VAT ||
			x.Shipped != y.Shipped || x.Returned != y.Returned || x.Gross != y.Gross {
			return false
		}
	}
	return true
}

// OrderExport is an order as its export rows need it: the order with its
// lines and the client's code and name.
type OrderExport struct {
	Order      model.Order
	ClientCode string // the client's external code, or its own "cb:<id>"
	ClientName string
}

// EachOrder calls fn with every order (with lines) in number order, dated
// within [from, to) when they are set, in one transaction.
func (s *Session) EachOrder(ctx context.Context, from, to time.Time, fn func(OrderExport) error) error {
	return s.db.bolt.View(func(tx *bolt.Tx) error {
		orders := tx.Bucket(bucketOrders)
		clients := map[model.ID][2]string{}
		c := tx.Bucket(bucketOrderNumber).Cursor()
		n := 0
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n&1023 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			rec := orders.Get(v)
			if rec == nil {
				continue
			}
			var e OrderExport
			if err := decode(rec, &e.Order); err != nil {
				return err
			}
			o := &e.Order
			if !from.IsZero() && o.Date.Before(from) || !to.IsZero() && !o.Date.Before(to) {
				continue
			}
			cl, ok := clients[o.Client]
			if !ok {
				cc, err := getClient(tx, o.Client)
				if err != nil && !isNotFound(err) {
					return err
				}
				cc.ID = o.Client
				cl = [2]string{ExternalOrOwn(&cc), cc.ShortName}
				clients[o.Client] = cl
			}
			e.ClientCode, e.ClientName = cl[0], cl[1]
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// PaymentImport is one payment row: its order by number or external code,
// the amount (minor units; currency "" the order's), date and reference.
type PaymentImport struct {
	OrderNumber   string
	OrderExternal string
	Amount        model.Money
	Date          time.Time
	Reference     string
}

// ImportPayments records one batch of payments in one transaction (dry:
// rolled back), as RecordPayment records one (the order's Paid and
// status, the mismatch flag, audit). A payment already recorded on its
// order with the same reference (or without one, the same date and
// amount) is unchanged; with another amount it is rejected.
func (s *Session) ImportPayments(batch []PaymentImport, dryRun bool) ([]ImportResult, error) {
	if err := s.importAllowed("exch.orders.act_import"); err != nil {
		return nil, err
	}
	out := make([]ImportResult, len(batch))
	_, err := s.importUpdate(dryRun, func(tx *bolt.Tx) error {
		for i := range batch {
			res, err := s.importPayment(tx, &batch[i])
			if err != nil {
				return err
			}
			out[i] = res
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Session) importPayment(tx *bolt.Tx, in *PaymentImport) (ImportResult, error) {
	db := s.db
	num, ext := strings.TrimSpace(in.OrderNumber), strings.TrimSpace(in.OrderExternal)
	id := extLookup(tx, bucketOrderExt, ext)
	if id == 0 && num != "" {
		if v := tx.Bucket(bucketOrderNumber).Get([]byte(num)); len(v) == 8 {
			id = model.ID(btoi(v))
		}
	}
	if id == 0 {
		if num == "" && ext == "" {
			return rejected(model.Sentencef(nil, "exch.orders.pay_no_order")), nil
		}
		return rejected(model.Sentencef(nil, "exch.orders.pay_unknown_order", strings.TrimSpace(num+" "+ext))), nil
	}
	old, err := getOrder(tx, id)
	if err != nil {
		return ImportResult{}, err
	}
	p := model.Payment{Order: id, Amount: in.Amount, Date: utcOrZero(in.Date), Reference: strings.TrimSpace(in.Reference)}
	if p.Amount.Currency == "" {
		p.Amount.Currency = old.Currency
	}
	// already recorded?
	prev, err := paymentsTx(tx, id)
	if err != nil {
		return ImportResult{}, err
	}
	for _, q := range prev {
		same := p.Reference != "" && strings.EqualFold(q.Reference, p.Reference) ||
			p.Reference == "" && q.Reference == "" && sameDay(q.Date, p.Date) && q.Amount.Minor == p.Amount.Minor
		if !same {
			continue
		}
		if q.Amount.Minor != p.Amount.Minor || !sameDay(q.Date, p.Date) {
			return rejected(model.Sentencef(nil, "exch.orders.pay_differs", p.Reference, old.Number,
				model.FormatMoney(q.Amount), model.FormatDate(q.Date, time.Local))), nil
		}
		return ImportResult{Action: model.ImportUnchanged, ID: q.ID}, nil
	}
	mismatch, err := model.CheckPayment(p, old)
	if err != nil {
		return rejected(paymentReason(err)), nil
	}
	if p.Amount.Minor > math.MaxInt64-max(old.Paid.Minor, 0) {
		return rejected(model.Sentencef(nil, "model.money.too_large")), nil
	}
	if err := db.putPayment(tx, old, &p, mismatch, s.me.Name, "import"); err != nil {
		return ImportResult{}, err
	}
	return ImportResult{Action: model.ImportCreate, ID: p.ID}, nil
}

// paymentReason is a refused payment's sentence (the model's field problems joined).
func paymentReason(err error) error {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return validationSentence(ve)
	}
	var sen *model.Sentence
	if errors.As(err, &sen) {
		return &model.Sentence{Text: sen.Text}
	}
	return err
}

// PaymentExport is a payment with its order's number and external code
// and its client's code.
type PaymentExport struct {
	Payment     model.Payment
	OrderNumber string
	OrderExt    string
	ClientCode  string
}

// EachPayment calls fn with every payment in id order (dated within
// [from, to) when set), in one transaction.
func (s *Session) EachPayment(ctx context.Context, from, to time.Time, fn func(PaymentExport) error) error {
	return s.db.bolt.View(func(tx *bolt.Tx) error {
		type ord struct{ number, ext, client string }
		orders := map[model.ID]ord{}
		clients := map[model.ID]string{}
		c := tx.Bucket(bucketPayments).Cursor()
		n := 0
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n&1023 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			var e PaymentExport
			if err := decode(v, &e.Payment); err != nil {
				return err
			}
			p := &e.Payment
			if !from.IsZero() && p.Date.Before(from) || !to.IsZero() && !p.Date.Before(to) {
				continue
			}
			od, ok := orders[p.Order]
			if !ok {
				o, err := getOrder(tx, p.Order)
				if err != nil && !isNotFound(err) {
					return err
				}
				code, ok := clients[o.Client]
				if !ok {
					cc, err := getClient(tx, o.Client)
					if err != nil && !isNotFound(err) {
						return err
					}
					cc.ID = o.Client
					code = ExternalOrOwn(&cc)
					clients[o.Client] = code
				}
				od = ord{o.Number, o.External, code}
				orders[p.Order] = od
			}
			e.OrderNumber, e.OrderExt, e.ClientCode = od.number, od.ext, od.client
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// ReceivableExport is one client's debt for the receivables export, with
// the client's code.
type ReceivableExport struct {
	model.ClientReceivables
	ClientCode string
}

// EachReceivable calls fn with every client that owes something (as the
// receivables list reads them, sorted by name), with its aging.
func (s *Session) EachReceivable(ctx context.Context, fn func(ReceivableExport) error) error {
	rows, _, err := s.ReceivablesList(ctx, "name", 0, 0)
	if err != nil {
		return err
	}
	codes := make([]string, len(rows))
	err = s.db.bolt.View(func(tx *bolt.Tx) error {
		for i := range rows {
			c, err := getClient(tx, rows[i].Client)
			if err != nil && !isNotFound(err) {
				return err
			}
			c.ID = rows[i].Client
			codes[i] = ExternalOrOwn(&c)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := range rows {
		if err := fn(ReceivableExport{ClientReceivables: rows[i], ClientCode: codes[i]}); err != nil {
			return err
		}
	}
	return nil
}
