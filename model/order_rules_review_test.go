package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A price of 0 in a version would put lines at 0.00 that read as "no price";
// it is refused under its entry.
func TestPriceVersionRefusesAZeroPrice(t *testing.T) {
	ps := DefaultPriceSettings()
	v := PriceVersion{Effective: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		Prices: []PriceEntry{{Product: 1, Column: ps.Columns[0], Price: Money{Minor: 0, Currency: ps.Currency}}}}
	var ve *ValidationError
	if err := ValidatePriceVersion(v, ps); !errors.As(err, &ve) || ve.Fields["prices.0"] == "" {
		t.Fatalf("a zero price: %v", err)
	}
}

// Letters without a digit are no amount at all, not an amount in another currency.
func TestParseMoneyLettersAreNoAmount(t *testing.T) {
	_, err := ParseMoney("abc", "RUB")
	if err == nil || strings.Contains(err.Error(), "currency") {
		t.Errorf("abc: %v", err)
	}
	_, err = ParseMoney("100 EUR", "RUB")
	if err == nil || !strings.Contains(err.Error(), "RUB") {
		t.Errorf("100 EUR for RUB: %v", err)
	}
}
