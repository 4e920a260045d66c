package model

import (
	"math"
	"testing"
	"time"
)

func TestFormatDate(t *testing.T) {
	vilnius, _ := time.LoadLocation("Europe/Vilnius")
	at := time.Date(2026, 11, 23, 22, 30, 0, 0, time.UTC)
	if got := FormatDate(at, vilnius); got != "24.11.2026" {
		t.Errorf("FormatDate = %q", got)
	}
	if got := FormatDateTime(at, vilnius); got != "24.11.2026 00:30" {
		t.Errorf("FormatDateTime = %q", got)
	}
	if got := FormatDateTime(at, time.UTC); got != "23.11.2026 22:30" {
		t.Errorf("FormatDateTime UTC = %q", got)
	}
}

func TestFormatMoney(t *testing.T) {
	for _, tt := range []struct {
		m    Money
		want string
	}{
		{Money{123456789, "RUB"}, "1,234,567.89 RUB"},
		{Money{-123450, "EUR"}, "-1,234.50 EUR"},
		{Money{5, "EUR"}, "0.05 EUR"},
		{Money{-5, ""}, "-0.05"},
		{Money{0, "RUB"}, "0.00 RUB"},
		{Money{100000, "RUB"}, "1,000.00 RUB"},
		{Money{math.MaxInt64, "RUB"}, "92,233,720,368,547,758.07 RUB"},
		{Money{math.MinInt64, "RUB"}, "-92,233,720,368,547,758.08 RUB"},
	} {
		if got := FormatMoney(tt.m); got != tt.want {
			t.Errorf("FormatMoney(%+v) = %q, want %q", tt.m, got, tt.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
	}{
		{"1234.5", 123450},
		{"1 234,50", 123450},
		{"1\u00a0234,50", 123450},
		{"1,234.50", 123450},
		{"1.234,50", 123450},
		{"1234,5", 123450},
		{"1,234", 123400},
		{"1,234,567", 123456700},
		{"1.234.567", 123456700},
		{"0,123", -1}, // three decimals
		{"12", 1200},
		{"-12,05", -1205},
		{"+7", 700},
		{"0.05", 5},
		{".5", 50},
		{"1 234,50 RUB", 123450},
		{"1 234,50 ₽", 123450},
		{"rub 10", 1000},
		{"1,234,567.89 RUB", 123456789},
		{"92,233,720,368,547,758.07", math.MaxInt64},
		{"-92,233,720,368,547,758.08", math.MinInt64},
	} {
		m, err := ParseMoney(tt.in, "RUB")
		if tt.want == -1 {
			if err == nil {
				t.Errorf("ParseMoney(%q) = %+v, want an error", tt.in, m)
			}
			continue
		}
		if err != nil || m.Minor != tt.want || m.Currency != "RUB" {
			t.Errorf("ParseMoney(%q) = %+v, %v; want %d", tt.in, m, err, tt.want)
		}
	}
	for in, key := range map[string]string{
		"":                           "model.money.empty",
		"  ":                         "model.money.empty",
		"1234,567":                   "model.money.decimals",
		"1.234":                      "model.money.decimals",
		"12 EUR":                     "model.money.currency",
		"12abc":                      "model.money.currency",
		"1,23,4":                     "model.money.invalid",
		"1..2":                       "model.money.invalid",
		"1,2.3,4":                    "model.money.invalid",
		",":                          "model.money.invalid",
		"1,":                         "model.money.invalid",
		"--1":                        "model.money.invalid",
		"92233720368547758.08":       "model.money.too_large",
		"100000000000000000000000,1": "model.money.too_large",
	} {
		_, err := ParseMoney(in, "RUB")
		want := T(key)
		if key == "model.money.currency" {
			want = T(key, "RUB")
		}
		if err == nil || err.Error() != want {
			t.Errorf("ParseMoney(%q) error %v, want %q", in, err, want)
		}
	}
}

func TestParseMoneyWithoutCurrency(t *testing.T) {
	if m, err := ParseMoney("1 234,5", ""); err != nil || m != (Money{Minor: 123450}) {
		t.Errorf("%+v %v", m, err)
	}
	if _, err := ParseMoney("12 RUB", ""); err == nil || err.Error() != T("model.money.letters") {
		t.Errorf("letters without a currency: %v", err)
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.5", "1 234,50", "1,234.50", "1234,5", "-0,01", "1.234.567,89 EUR", "9e9", "92233720368547758,07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s, "EUR")
		if err != nil {
			return
		}
		if m.Currency != "EUR" {
			t.Fatalf("currency %q", m.Currency)
		}
		text := FormatMoney(m)
		again, err := ParseMoney(text, "EUR")
		if err != nil || again != m {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, m, text, again, err)
		}
		// the amount without its currency reads the same too
		bare := FormatMoney(Money{Minor: m.Minor})
		if again, err := ParseMoney(bare, "EUR"); err != nil || again != m {
			t.Fatalf("%q → %+v, %v", bare, again, err)
		}
	})
}

func TestCallWindow(t *testing.T) {
	for in, want := range map[string]CallWindow{
		"":              {},
		"9:00-18:00":    {540, 1080},
		"09:00–18:00":   {540, 1080},
		" 9 - 18 ":      {540, 1080},
		"9.30-17.45":    {570, 1065},
		"00:00-24:00":   {0, 1440},
		"20:00 — 23:30": {1200, 1410},
	} {
		got, err := ParseCallWindow(in)
		if err != nil || got != want {
			t.Errorf("ParseCallWindow(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for in, key := range map[string]string{
		"18:00-9:00":  "model.callwindow.order",
		"00:00-00:00": "model.callwindow.order",
		"9:00":        "model.callwindow.invalid",
		"9:60-10:00":  "model.callwindow.invalid",
		"25-26":       "model.callwindow.invalid",
		"24:30-24:40": "model.callwindow.invalid",
		"9:0-10":      "model.callwindow.invalid",
		"a-b":         "model.callwindow.invalid",
	} {
		if _, err := ParseCallWindow(in); err == nil || err.Error() != T(key) {
			t.Errorf("ParseCallWindow(%q) error %v, want %q", in, err, T(key))
		}
	}
	if got := FormatCallWindow(CallWindow{540, 1080}); got != "09:00–18:00" {
		t.Errorf("FormatCallWindow = %q", got)
	}
	if got := FormatCallWindow(CallWindow{}); got != "" {
		t.Errorf("FormatCallWindow(zero) = %q", got)
	}
}

func FuzzParseCallWindow(f *testing.F) {
	for _, s := range []string{"9:00-18:00", "09:00–18:00", "9-18", "", "23:59-24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseCallWindow(s)
		if err != nil {
			return
		}
		if ValidateCallWindow(w) != nil {
			t.Fatalf("%q parsed to an invalid window %+v", s, w)
		}
		again, err := ParseCallWindow(FormatCallWindow(w))
		if err != nil || again != w {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, w, FormatCallWindow(w), again, err)
		}
	})
}
