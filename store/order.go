package store

import (
	"context"
	"errors"
	"time"

	"clientbase/model"
)

// STUBS: the order-store helper (O2) replaces this file (and may split it).

var errOrderTODO = errors.New("orders: not built yet")

func (s *Session) Products(ctx context.Context, query string, inactive bool, offset, limit int) (model.ProductPage, error) {
	return model.ProductPage{}, nil
}
func (s *Session) Product(id model.ID) (model.Product, error) { return model.Product{}, errOrderTODO }
func (s *Session) ProductBySKU(sku string) (model.Product, error) {
	return model.Product{}, errOrderTODO
}
func (s *Session) SaveProduct(p model.Product) (model.Product, error) { return p, errOrderTODO }
func (s *Session) PriceSettings() (model.PriceSettings, error) {
	return model.DefaultPriceSettings(), nil
}
func (s *Session) SavePriceSettings(ps model.PriceSettings) (model.PriceSettings, error) {
	return ps, errOrderTODO
}
func (s *Session) PriceVersions() ([]model.PriceVersion, error) { return nil, nil }
func (s *Session) PriceVersion(id model.ID) (model.PriceVersion, error) {
	return model.PriceVersion{}, errOrderTODO
}
func (s *Session) SavePriceVersion(v model.PriceVersion, noticeMonths int) (model.PriceVersion, int, error) {
	return v, 0, errOrderTODO
}
func (s *Session) PriceFor(product model.ID, column string, date time.Time) (model.Money, error) {
	return model.Money{}, errOrderTODO
}
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
