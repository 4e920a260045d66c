package exchange

import (
	"context"
	"strconv"
	"strings"
	"time"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// Orders: the import reads one row per order line (the order's header
// repeated on each of its lines; the rows sharing a number make one
// order); the export writes orders (one row per order with its totals)
// and order_lines (one row per line in the very columns the import reads,
// so an order_lines file imports as orders). Unit prices are the file's
// (historical), never today's price list.

const (
	ocNumber    = "Number"
	ocDate      = "Date"
	ocClient    = "Client code"
	ocClientTax = "Client tax ID"
	ocClientNm  = "Client"
	ocSKU       = "SKU"
	ocProduct   = "Product"
	ocUnit      = "Unit"
	ocQty       = "Quantity"
	ocPrice     = "Price"
	ocDiscount  = "Discount %"
	ocVAT       = "VAT %"
	ocAmount    = "Amount"
	ocStatus    = "Status"
	ocCurrency  = "Currency"
	ocTakenBy   = "Taken by"
	ocDelivery  = "Delivery"
	ocAddress   = "Address"
	ocRequested = "Requested"
	ocPromised  = "Promised"
	ocInvoice   = "Invoice number"
	ocInvDate   = "Invoice date"
	ocDueDate   = "Due date"
	ocExternal  = "External code"
	ocNotes     = "Notes"
	// the orders export's own
	ocNet     = "Net"
	ocVATSum  = "VAT"
	ocGross   = "Total"
	ocDiscSum = "Discount"
	ocPaid    = "Paid"
	ocDue     = "Due"
	ocLines   = "Lines"
)

var orderLineColumns = []csvio.Column{
	{Name: ocNumber, Required: true, Aliases: []string{"number", "order", "order_number", "Номер", "Номер заказа", "Заказ", "№", "№ заказа"}},
	{Name: ocDate, Aliases: []string{"date", "order_date", "Дата", "Дата заказа"}},
	{Name: ocClient, Aliases: []string{"client_code", "Код клиента", "Код контрагента", "Клиент код"}},
	{Name: ocClientTax, Aliases: []string{"client_tax_id", "tax_id", "inn", "ИНН", "ИНН клиента", "ИНН контрагента"}},
	{Name: ocClientNm, Aliases: []string{"client", "client_name", "Клиент", "Контрагент", "Покупатель"}},
	{Name: ocSKU, Aliases: []string{"sku", "article", "Артикул"}},
	{Name: ocProduct, Aliases: []string{"product", "name", "Номенклатура", "Товар", "Наименование"}},
	{Name: ocUnit, Aliases: []string{"unit", "Единица", "Ед.", "Ед. изм.", "Единица измерения"}},
	{Name: ocQty, Aliases: []string{"qty", "quantity", "Количество", "Кол-во", "Кол."}},
	{Name: ocPrice, Aliases: []string{"price", "unit_price", "Цена"}},
	{Name: ocDiscount, Aliases: []string{"discount", "discount %", "Скидка", "Скидка %", "Скидка, %"}},
	{Name: ocVAT, Aliases: []string{"vat", "VAT", "НДС", "НДС %", "Ставка НДС", "% НДС"}},
	{Name: ocAmount, Aliases: []string{"amount", "sum", "Сумма", "Сумма с НДС"}},
	{Name: ocStatus, Aliases: []string{"status", "Статус", "Состояние"}},
	{Name: ocCurrency, Aliases: []string{"currency", "Валюта"}},
	{Name: ocTakenBy, Aliases: []string{"taken_by", "manager", "Менеджер", "Ответственный"}},
	{Name: ocDelivery, Aliases: []string{"delivery", "Доставка"}},
	{Name: ocAddress, Aliases: []string{"address", "Адрес", "Адрес доставки"}},
	{Name: ocRequested, Aliases: []string{"requested", "Желаемая дата", "Дата отгрузки желаемая"}},
	{Name: ocPromised, Aliases: []string{"promised", "Дата отгрузки", "Обещанная дата"}},
	{Name: ocInvoice, Aliases: []string{"invoice", "invoice_no", "Счёт", "Счет", "Номер счёта", "Номер счета"}},
	{Name: ocInvDate, Aliases: []string{"invoice_date", "Дата счёта", "Дата счета"}},
	{Name: ocDueDate, Aliases: []string{"due_date", "Срок оплаты", "Оплатить до"}},
	{Name: ocExternal, Aliases: []string{"external", "external_code", "Внешний код", "Код заказа", "Код 1С", "Код 1C"}},
	{Name: ocNotes, Aliases: []string{"notes", "comment", "Комментарий", "Примечание"}},
}

// orderExportColumns: one row per order, with its totals.
var orderExportColumns = []string{ocNumber, ocDate, ocClient, ocClientNm, ocStatus, ocCurrency, ocLines, ocNet, ocVATSum,
	ocGross, ocDiscSum, ocPaid, ocDue, ocTakenBy, ocDelivery, ocAddress, ocRequested, ocPromised, ocInvoice, ocInvDate,
	ocDueDate, ocExternal, ocNotes}

func init() {
	im := importer{columns: orderLineColumns, batch: 5000, parse: parseOrderRow, merge: mergeOrderRows, write: writeOrders}
	registerImport(Orders, im)
	registerImport(OrderLines, im) // an order_lines file is an orders file
	registerExport(OrderLines, exporter{columns: columnNames(orderLineColumns), each: eachOrderLineRow})
	registerExport(Orders, exporter{columns: orderExportColumns, each: eachOrderRow})
}

// parseOrderRow reads one line row into an order of one line; the
// header's values are read on every row, and mergeOrderRows checks that
// the rows of one order agree.
func parseOrderRow(row csvio.Row, _ ImportOptions) (any, string, error) {
	var imp store.OrderImport
	o := &imp.Order
	o.Number = row.Get(ocNumber)
	key := o.Number
	if key == "" {
		return nil, key, model.Sentencef(nil, "exch.orders.no_number")
	}
	loc := time.Local
	date := func(col string, into *time.Time) error {
		v := row.Get(col)
		if v == "" {
			return nil
		}
		d, err := csvio.ParseDate(v, loc)
		if err != nil {
			return ordCell(col, v, err)
		}
		*into = d
		return nil
	}
	if err := date(ocDate, &o.Date); err != nil {
		return nil, key, err
	}
	if o.Date.IsZero() {
		return nil, key, model.Sentencef(nil, "exch.orders.no_date")
	}
	imp.ClientCode, imp.ClientTaxID = row.Get(ocClient), row.Get(ocClientTax)
	if imp.ClientCode == "" && imp.ClientTaxID == "" {
		return nil, key, model.Sentencef(nil, "exch.orders.no_client")
	}
	// the line
	l := store.OrderLineImport{Line: row.Line, SKU: row.Get(ocSKU)}
	if l.SKU == "" {
		return nil, key, model.Sentencef(nil, "exch.orders.no_sku")
	}
	qtyUnit := model.UnitKilogram // the finest: the product's unit is checked by the store
	if v := row.Get(ocUnit); v != "" {
		u, err := parseUnit(v)
		if err != nil {
			return nil, key, ordCell(ocUnit, v, err)
		}
		l.Unit, qtyUnit = u, u
	}
	v := row.Get(ocQty)
	q, err := model.ParseQty(v, qtyUnit)
	if err != nil {
		return nil, key, ordCell(ocQty, v, err)
	}
	l.Qty = q
	v = row.Get(ocPrice)
	m, err := model.ParseMoney(v, "")
	if err != nil {
		return nil, key, ordCell(ocPrice, v, err)
	}
	if m.Minor <= 0 {
		return nil, key, ordCell(ocPrice, v, model.Sentencef(nil, "order.price.zero"))
	}
	l.Price = m.Minor
	if v := row.Get(ocDiscount); v != "" {
		if l.Discount, err = model.ParseRate(v); err != nil {
			return nil, key, ordCell(ocDiscount, v, err)
		}
	}
	if v := row.Get(ocVAT); v != "" {
		if l.VAT, err = model.ParseRate(v); err != nil {
			return nil, key, ordCell(ocVAT, v, err)
		}
		l.HasVAT = true
	}
	imp.Lines = []store.OrderLineImport{l}
	// the optional header
	if v, ok := row.Values[ocStatus]; ok && v != "" {
		st, err := parseOrderStatus(v)
		if err != nil {
			return nil, key, ordCell(ocStatus, v, err)
		}
		o.Status, imp.Carries = st, imp.Carries|store.OFStatus
	}
	if v, ok := row.Values[ocCurrency]; ok && v != "" {
		o.Currency, imp.Carries = strings.ToUpper(v), imp.Carries|store.OFCurrency
	}
	if v, ok := row.Values[ocTakenBy]; ok && v != "" {
		o.TakenBy, imp.Carries = v, imp.Carries|store.OFTakenBy
	}
	if v, ok := row.Values[ocDelivery]; ok {
		b, err := parseYesNo(v)
		if err != nil {
			return nil, key, ordCell(ocDelivery, v, err)
		}
		o.Delivery, imp.Carries = b, imp.Carries|store.OFDelivery
	}
	if v, ok := row.Values[ocAddress]; ok {
		o.Address, imp.Carries = v, imp.Carries|store.OFAddress
	}
	if _, ok := row.Values[ocRequested]; ok {
		if err := date(ocRequested, &o.Requested); err != nil {
			return nil, key, err
		}
		imp.Carries |= store.OFRequested
	}
	if _, ok := row.Values[ocPromised]; ok {
		if err := date(ocPromised, &o.Promised); err != nil {
			return nil, key, err
		}
		imp.Carries |= store.OFPromised
	}
	if _, ok := row.Values[ocInvoice]; ok {
		o.InvoiceNo = row.Get(ocInvoice)
		if err := date(ocInvDate, &o.InvoiceDate); err != nil {
			return nil, key, err
		}
		imp.Carries |= store.OFInvoice
	}
	if _, ok := row.Values[ocDueDate]; ok {
		if err := date(ocDueDate, &o.DueDate); err != nil {
			return nil, key, err
		}
		imp.Carries |= store.OFDueDate
	}
	if v, ok := row.Values[ocExternal]; ok {
		o.External, imp.Carries = v, imp.Carries|store.OFExternal
	}
	if v, ok := row.Values[ocNotes]; ok {
		o.Notes, imp.Carries = v, imp.Carries|store.OFNotes
	}
	return imp, key, nil
}

// mergeOrderRows adds next's line to into: the rows of one order must
// name the same date and client (the first line's header is the order's).
func mergeOrderRows(into, next any) (any, error) {
	a, b := into.(store.OrderImport), next.(store.OrderImport)
	line := 0
	if len(b.Lines) > 0 {
		line = b.Lines[0].Line
	}
	differs := func(what, first, this string) error {
		return model.Sentencef(nil, "exch.orders.merge", line, a.Order.Number, what, this, first)
	}
	if !a.Order.Date.Equal(b.Order.Date) {
		return nil, differs(ocDate, model.FormatDate(a.Order.Date, nil), model.FormatDate(b.Order.Date, nil))
	}
	if !strings.EqualFold(a.ClientCode, b.ClientCode) {
		return nil, differs(ocClient, a.ClientCode, b.ClientCode)
	}
	if a.ClientTaxID != b.ClientTaxID {
		return nil, differs(ocClientTax, a.ClientTaxID, b.ClientTaxID)
	}
	a.Lines = append(a.Lines, b.Lines...)
	return a, nil
}

func writeOrders(s *store.Session, items []any, dryRun bool) ([]store.ImportResult, error) {
	batch := make([]store.OrderImport, len(items))
	for i, it := range items {
		batch[i] = it.(store.OrderImport)
	}
	return s.ImportOrders(batch, dryRun)
}

// parseOrderStatus reads a status by its code ("confirmed") or its label.
func parseOrderStatus(v string) (model.OrderStatus, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, st := range model.OrderStatuses {
		if v == string(st) || v == strings.ToLower(model.OrderStatusLabel(st)) || v == strings.ReplaceAll(string(st), "_", " ") {
			return st, nil
		}
	}
	codes := make([]string, len(model.OrderStatuses))
	for i, st := range model.OrderStatuses {
		codes[i] = string(st)
	}
	return "", model.Sentencef(nil, "exch.orders.status", strings.Join(codes, ", "))
}

// dateCell writes a date as dd.mm.yyyy in loc, "" for none.
func dateCell(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return model.FormatDate(t, loc)
}

// eachOrderLineRow writes every line of every order, orders in number order.
func eachOrderLineRow(ctx context.Context, s *store.Session, opts ExportOptions, emit func([]string) error) error {
	loc := opts.Loc
	if loc == nil {
		loc = time.Local
	}
	row := make([]string, len(orderLineColumns))
	return s.EachOrder(ctx, opts.From, opts.To, func(e store.OrderExport) error {
		o := &e.Order
		for _, l := range o.Lines {
			row[0], row[1], row[2], row[3], row[4] = o.Number, dateCell(o.Date, loc), e.ClientCode, "", e.ClientName
			row[5], row[6], row[7] = l.SKU, l.Name, string(l.Unit)
			row[8], row[9], row[10], row[11] = model.FormatQty(l.Qty, l.Unit), amountCell(l.Price.Minor), rateCell(l.Discount), rateCell(l.VAT)
			row[12], row[13], row[14], row[15] = amountCell(l.Gross.Minor), string(o.Status), o.Currency, o.TakenBy
			row[16], row[17], row[18], row[19] = yesNo(o.Delivery), o.Address, dateCell(o.Requested, loc), dateCell(o.Promised, loc)
			row[20], row[21], row[22], row[23], row[24] = o.InvoiceNo, dateCell(o.InvoiceDate, loc), dateCell(o.DueDate, loc), o.External, o.Notes
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// eachOrderRow writes one row per order with its totals.
func eachOrderRow(ctx context.Context, s *store.Session, opts ExportOptions, emit func([]string) error) error {
	loc := opts.Loc
	if loc == nil {
		loc = time.Local
	}
	row := make([]string, len(orderExportColumns))
	return s.EachOrder(ctx, opts.From, opts.To, func(e store.OrderExport) error {
		o := &e.Order
		t := &o.Totals
		row[0], row[1], row[2], row[3] = o.Number, dateCell(o.Date, loc), e.ClientCode, e.ClientName
		row[4], row[5], row[6] = string(o.Status), o.Currency, strconv.Itoa(len(o.Lines))
		row[7], row[8], row[9], row[10] = amountCell(t.Net.Minor), amountCell(t.VAT.Minor), amountCell(t.Gross.Minor), amountCell(t.Discount.Minor)
		row[11], row[12] = amountCell(o.Paid.Minor), amountCell(model.OrderDue(*o).Minor)
		row[13], row[14], row[15], row[16], row[17] = o.TakenBy, yesNo(o.Delivery), o.Address, dateCell(o.Requested, loc), dateCell(o.Promised, loc)
		row[18], row[19], row[20], row[21], row[22] = o.InvoiceNo, dateCell(o.InvoiceDate, loc), dateCell(o.DueDate, loc), o.External, o.Notes
		return emit(row)
	})
}
