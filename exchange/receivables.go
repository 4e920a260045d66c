package exchange

import (
	"context"
	"strconv"

	"clientbase/store"
)

// Receivables: one row per client that owes something, with its aging
// (model.AgingBucket: current, 1–30, 31–60, 61–90, over 90 days), as the
// receivables screen computes it; clients by name. Export only.

var receivableColumns = []string{"Client code", "Client", "Manager", "Currency", "Invoiced", "Paid", "Outstanding",
	"Overdue", "Current", "1-30 days", "31-60 days", "61-90 days", "Over 90 days", "Days overdue", "Credit limit"}

func init() {
	registerExport(Receivables, exporter{columns: receivableColumns, each: eachReceivableRow})
}

func eachReceivableRow(ctx context.Context, s *store.Session, _ ExportOptions, emit func([]string) error) error {
	row := make([]string, len(receivableColumns))
	return s.EachReceivable(ctx, func(r store.ReceivableExport) error {
		row[0], row[1], row[2], row[3] = r.ClientCode, r.ClientName, r.Manager, r.Outstanding.Currency
		row[4], row[5], row[6], row[7] = amountCell(r.Invoiced.Minor), amountCell(r.Paid.Minor), amountCell(r.Outstanding.Minor), amountCell(r.Overdue.Minor)
		for i, a := range r.Aging {
			row[8+i] = amountCell(a.Minor)
		}
		row[13], row[14] = strconv.Itoa(r.MaxOverdue), amountCell(r.CreditLimit.Minor)
		return emit(row)
	})
}
