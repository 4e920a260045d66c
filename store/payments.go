package store

import (
	"context"
	"errors"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// STUBS: the receivables helper (O3) replaces this file (and may split it).

var errPaymentTODO = errors.New("payments: not built yet")

// receivablesTx is a client's debt read from idx_order_client summaries at
// the store's clock (the credit gate in SubmitOrder calls it).
func (db *DB) receivablesTx(tx *bolt.Tx, client model.ID) (model.ClientReceivables, error) {
	return model.ClientReceivables{Client: client}, nil
}

func (s *Session) RecordPayment(p model.Payment) (model.Payment, error) { return p, errPaymentTODO }
func (s *Session) Payments(order model.ID) ([]model.Payment, error)     { return nil, nil }
func (s *Session) Receivables(client model.ID) (model.ClientReceivables, error) {
	return model.ClientReceivables{Client: client}, nil
}
func (s *Session) ReceivablesList(ctx context.Context, sortBy string, offset, limit int) ([]model.ClientReceivables, int, error) {
	return nil, 0, nil
}

// PlanOverdueReminders plans one debt-reminder call (origin overdue_debt) for
// the client's manager for each invoice that has become overdue and has no
// reminder yet; main runs it at start and the UI hourly. It returns how many.
func (db *DB) PlanOverdueReminders() (int, error) { return 0, errPaymentTODO }
