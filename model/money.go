package model

// Money is an exact amount in minor units (kopecks, cents) of a currency.
// Nothing that is summed is ever a float.
type Money struct {
	Minor    int64  `json:"minor"`
	Currency string `json:"currency,omitempty"` // ISO 4217: "RUB", "EUR"
}

// Qty is a fixed-point quantity with three decimals (1.5 m = 1500).
type Qty int64

// QtyScale is the number of Qty units in one whole unit.
const QtyScale = 1000
