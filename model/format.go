package model

import "time"

// API STUB written by the lead; the model helper replaces the bodies.
// Dates, numbers and money are formatted here and nowhere else.

// FormatDate shows a date as dd.mm.yyyy in loc.
func FormatDate(t time.Time, loc *time.Location) string { return t.In(loc).Format("02.01.2006") }

// FormatDateTime shows a moment as dd.mm.yyyy hh:mm in loc.
func FormatDateTime(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("02.01.2006 15:04")
}

// FormatMoney shows an amount with its currency, exact to the minor unit.
func FormatMoney(m Money) string { return "" }

// ParseMoney reads an amount typed with a decimal comma or dot and optional
// group spaces into minor units of currency.
func ParseMoney(s, currency string) (Money, error) { return Money{Currency: currency}, nil }

// FormatCallWindow shows a calling window as "09:00–18:00".
func FormatCallWindow(w CallWindow) string { return "" }

// ParseCallWindow reads "9:00-18:00" (or an empty string: working hours).
func ParseCallWindow(s string) (CallWindow, error) { return CallWindow{}, nil }
