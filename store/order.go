package store

import (
	"context"
	"errors"
	"time"

	"clientbase/model"
)

// STUBS: the order-store helper (O2) replaces this file (and may split it).

var errOrderTODO = errors.New("orders: not built yet")

func (s *Session) Orders(ctx context.Context, f model.OrderFilter, offset, limit int) (model.OrderPage, error) {
	return model.OrderPage{}, nil
}
func (s *Session) SaveOrder(o model.Order) (model.Order, error) { return o, errOrderTODO }
func (s *Session) SubmitOrder(id model.ID, version uint64) (model.Order, error) {
	return model.Order{}, errOrderTODO
}
func (s *Session) Approve(id model.ID, version uint64, comment string) (model.Order, error) {
	return model.Order{}, errOrderTODO
}
func (s *Session) Reject(id model.ID, version uint64, comment string) (model.Order, error) {
	return model.Order{}, errOrderTODO
}
func (s *Session) OverrideCredit(id model.ID, version uint64, comment string) (model.Order, error) {
	return model.Order{}, errOrderTODO
}
func (s *Session) Ship(id model.ID, version uint64, shipped map[int]model.Qty) (model.Order, error) {
	return model.Order{}, errOrderTODO
}
func (s *Session) Invoice(id model.ID, version uint64, date time.Time) (model.Order, error) {
	return model.Order{}, errOrderTODO
}
func (s *Session) CancelOrder(id model.ID, version uint64, reason string) (model.Order, error) {
	return model.Order{}, errOrderTODO
}
func (s *Session) ReturnOrder(id model.ID, version uint64, returned map[int]model.Qty, reason string) (model.Order, error) {
	return model.Order{}, errOrderTODO
}
func (s *Session) CloseOrder(id model.ID, version uint64) (model.Order, error) {
	return model.Order{}, errOrderTODO
}
func (s *Session) Approvals(ctx context.Context) ([]model.OrderRow, error) { return nil, nil }
