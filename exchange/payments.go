package exchange

import (
	"context"
	"strings"
	"time"

	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// Payments: one row per payment, against its order by number or external
// code. A payment already recorded on its order with the same reference
// (or, without one, the same date and amount) is left as it is, so a bank
// statement imported twice pays nothing twice.

const (
	ycOrder     = "Order number"
	ycOrderExt  = "Order external code"
	ycClient    = "Client code"
	ycDate      = "Date"
	ycAmount    = "Amount"
	ycCurrency  = "Currency"
	ycReference = "Reference"
	ycMismatch  = "Mismatch"
)

var paymentColumns = []csvio.Column{
	{Name: ycOrder, Aliases: []string{"order", "order_number", "Номер заказа", "Заказ", "Номер"}},
	{Name: ycOrderExt, Aliases: []string{"order_external", "Код заказа", "Внешний код заказа"}},
	{Name: ycClient, Aliases: []string{"client_code", "Код клиента", "Код контрагента"}},
	{Name: ycDate, Required: true, Aliases: []string{"date", "Дата", "Дата оплаты", "Дата платежа"}},
	{Name: ycAmount, Required: true, Aliases: []string{"amount", "sum", "Сумма", "Сумма платежа"}},
	{Name: ycCurrency, Aliases: []string{"currency", "Валюта"}},
	{Name: ycReference, Aliases: []string{"reference", "ref", "Номер платёжки", "Номер платежки", "Платёжное поручение", "Платежное поручение", "Документ", "Назначение"}},
	{Name: ycMismatch, Aliases: []string{"mismatch", "Расхождение"}},
}

func init() {
	registerImport(Payments, importer{columns: paymentColumns, batch: 5000, parse: parsePaymentRow, write: writePayments})
	registerExport(Payments, exporter{columns: columnNames(paymentColumns), each: eachPaymentRow})
}

func parsePaymentRow(row csvio.Row, _ ImportOptions) (any, string, error) {
	p := store.PaymentImport{OrderNumber: row.Get(ycOrder), OrderExternal: row.Get(ycOrderExt), Reference: row.Get(ycReference)}
	key := p.OrderNumber
	if key == "" {
		key = p.OrderExternal
	}
	if p.Reference != "" {
		key += " " + p.Reference
	}
	if p.OrderNumber == "" && p.OrderExternal == "" {
		return nil, key, model.Sentencef(nil, "exch.orders.pay_no_order")
	}
	v := row.Get(ycDate)
	d, err := csvio.ParseDate(v, time.Local)
	if err != nil {
		return nil, key, ordCell(ycDate, v, err)
	}
	p.Date = d
	cur := strings.ToUpper(row.Get(ycCurrency))
	v = row.Get(ycAmount)
	if v == "" {
		return nil, key, model.Sentencef(nil, "exch.orders.no_amount")
	}
	m, err := model.ParseMoney(v, cur)
	if err != nil {
		return nil, key, ordCell(ycAmount, v, err)
	}
	if m.Minor <= 0 {
		return nil, key, ordCell(ycAmount, v, model.Sentencef(nil, "order.payment.amount"))
	}
	p.Amount = m
	return p, key, nil
}

func writePayments(s *store.Session, items []any, dryRun bool) ([]store.ImportResult, error) {
	batch := make([]store.PaymentImport, len(items))
	for i, it := range items {
		batch[i] = it.(store.PaymentImport)
	}
	return s.ImportPayments(batch, dryRun)
}

// eachPaymentRow writes every payment in the order they were recorded.
func eachPaymentRow(ctx context.Context, s *store.Session, opts ExportOptions, emit func([]string) error) error {
	loc := opts.Loc
	if loc == nil {
		loc = time.Local
	}
	row := make([]string, len(paymentColumns))
	return s.EachPayment(ctx, opts.From, opts.To, func(e store.PaymentExport) error {
		p := &e.Payment
		row[0], row[1], row[2], row[3] = e.OrderNumber, e.OrderExt, e.ClientCode, dateCell(p.Date, loc)
		row[4], row[5], row[6], row[7] = amountCell(p.Amount.Minor), p.Amount.Currency, p.Reference, p.Mismatch
		return emit(row)
	})
}
