package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"clientbase/model"
)

// Orders, products, prices and payments (schema 5). Times in keys are Unix
// seconds, 8-byte big-endian; money in values is int64 minor units.
//
//	products           id → JSON model.Product (ids from the sequence)
//	idx_product_sku    upper-cased SKU → id (unique)
//	price_versions     id → JSON model.PriceVersion (with its prices)
//	prices             product(8) column 0x00 effective(8) → price minor (8) + version id (8):
//	                   the price at a date is the last key ≤ date under product|column
//	orders             id → JSON model.Order (with lines and events)
//	idx_order_number   number → id (unique)
//	idx_order_client   client(8) date(8) id(8) → orderSummary: a client's orders in date
//	                   order, and its receivables without decoding an order
//	idx_order_status   status 0x00 date(8) id(8) → nil: the list by status, the approval list
//	idx_order_date     date(8) id(8) → client(8): the order list by period, price-change notices
//	payments           id → JSON model.Payment
//	idx_payment_order  order(8) id(8) → nil
//	meta "price_settings" → JSON model.PriceSettings (absent: the defaults);
//	meta "orders", "products" → uint64 counters; "order_seq_YYYY" → the year's last order number

var (
	bucketProducts      = []byte("products")
	bucketProductSKU    = []byte("idx_product_sku")
	bucketPriceVersions = []byte("price_versions")
	bucketPrices        = []byte("prices")
	bucketOrders        = []byte("orders")
	bucketOrderNumber   = []byte("idx_order_number")
	bucketOrderClient   = []byte("idx_order_client")
	bucketOrderStatus   = []byte("idx_order_status")
	bucketOrderDate     = []byte("idx_order_date")
	bucketPayments      = []byte("payments")
	bucketPaymentOrder  = []byte("idx_payment_order")
	keyPriceSettings    = []byte("price_settings")
	keyOrders           = []byte("orders")
	keyProducts         = []byte("products")

	orderBuckets = [][]byte{bucketProducts, bucketProductSKU, bucketPriceVersions, bucketPrices,
		bucketOrders, bucketOrderNumber, bucketOrderClient, bucketOrderStatus, bucketOrderDate,
		bucketPayments, bucketPaymentOrder}
)

// migrateOrders creates schema 5's buckets.
func migrateOrders(tx *bolt.Tx) error {
	for _, name := range orderBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// orderSummary is idx_order_client's value: what receivables and the credit
// gate need of an order. Layout: status code(1) invoice date(8) due date(8)
// gross minor(8) paid minor(8).
const orderSummaryLen = 33

func orderSummary(o *model.Order) []byte {
	b := make([]byte, 0, orderSummaryLen)
	b = append(b, orderStatusCode(o.Status))
	b = binary.BigEndian.AppendUint64(b, unixKey(o.InvoiceDate))
	b = binary.BigEndian.AppendUint64(b, unixKey(o.DueDate))
	b = binary.BigEndian.AppendUint64(b, uint64(o.Totals.Gross.Minor))
	return binary.BigEndian.AppendUint64(b, uint64(o.Paid.Minor))
}

// summaryOf reads an orderSummary back.
type summary struct {
	status               model.OrderStatus
	invoiceUnix, dueUnix uint64
	gross, paid          int64
}

func summaryOf(v []byte) (summary, bool) {
	if len(v) < orderSummaryLen {
		return summary{}, false
	}
	return summary{
		status:      orderStatusOf(v[0]),
		invoiceUnix: binary.BigEndian.Uint64(v[1:9]),
		dueUnix:     binary.BigEndian.Uint64(v[9:17]),
		gross:       int64(binary.BigEndian.Uint64(v[17:25])),
		paid:        int64(binary.BigEndian.Uint64(v[25:33])),
	}, true
}

func orderStatusCode(s model.OrderStatus) byte {
	for i, v := range model.OrderStatuses {
		if v == s {
			return byte(i)
		}
	}
	return 0
}

func orderStatusOf(b byte) model.OrderStatus {
	if int(b) < len(model.OrderStatuses) {
		return model.OrderStatuses[b]
	}
	return model.OrderDraft
}

// orderClientKey is `client(8) date(8) id(8)`.
func orderClientKey(o *model.Order) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 24), uint64(o.Client))
	k = binary.BigEndian.AppendUint64(k, unixKey(o.Date))
	return binary.BigEndian.AppendUint64(k, uint64(o.ID))
}

// orderStatusKey is `status 0x00 date(8) id(8)`.
func orderStatusKey(o *model.Order) []byte {
	k := append([]byte(o.Status), 0)
	k = binary.BigEndian.AppendUint64(k, unixKey(o.Date))
	return binary.BigEndian.AppendUint64(k, uint64(o.ID))
}

// orderDateKey is `date(8) id(8)`.
func orderDateKey(o *model.Order) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 16), unixKey(o.Date))
	return binary.BigEndian.AppendUint64(k, uint64(o.ID))
}

// priceKey is `product(8) column 0x00 effective(8)`.
func priceKey(product model.ID, column string, effectiveUnix uint64) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 17+len(column)), uint64(product))
	k = append(k, column...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, effectiveUnix)
}

// paymentOrderKey is `order(8) id(8)`.
func paymentOrderKey(order, id model.ID) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 16), uint64(order))
	return binary.BigEndian.AppendUint64(k, uint64(id))
}
