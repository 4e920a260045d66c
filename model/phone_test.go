package model

import (
	"strings"
	"testing"
)

func TestParsePhone(t *testing.T) {
	tests := []struct {
		raw, country, want string
	}{
		{"+7 912 345-67-89", "RU", "+79123456789"},
		{"+7 912 345-67-89", "", "+79123456789"},
		{"8 (912) 345-67-89", "RU", "+79123456789"},
		{"89123456789", "RU", "+79123456789"},
		{"79123456789", "RU", "+79123456789"},
		{"9123456789", "RU", "+79123456789"},
		{"(495) 123-45-67", "RU", "+74951234567"},
		{"  8-912-345-67-89 ", "RU", "+79123456789"},
		{"8 10 370 612 34567", "RU", "+37061234567"},
		{"+370 612 34567", "LT", "+37061234567"},
		{"+370 612 34567", "RU", "+37061234567"},
		{"8 612 34567", "LT", "+37061234567"},
		{"8-612-34567", "LT", "+37061234567"},
		{"0 612 34567", "LT", "+37061234567"},
		{"612 34567", "LT", "+37061234567"},
		{"370 612 34567", "LT", "+37061234567"},
		{"00370 612 34567", "", "+37061234567"},
		{"00370 612 34567", "RU", "+37061234567"},
		{"(8 5) 212 3456", "LT", "+37052123456"},
		{"(8 37) 21 34 56", "LT", "+37037213456"},
		{"+44 20 7946 0958", "", "+442079460958"},
		{"+371 2612 3456", "LT", "+37126123456"},
		{"(+370) 612 34567", "", "+37061234567"},
	}
	for _, tt := range tests {
		p, err := ParsePhone(tt.raw, tt.country)
		if err != nil {
			t.Errorf("ParsePhone(%q, %q): %v", tt.raw, tt.country, err)
			continue
		}
		if p.E164 != tt.want || p.Raw != strings.TrimSpace(tt.raw) {
			t.Errorf("ParsePhone(%q, %q) = %+v, want E164 %s", tt.raw, tt.country, p, tt.want)
		}
	}
}

func TestParsePhoneRefused(t *testing.T) {
	tests := []struct {
		raw, country, key string
	}{
		{"", "RU", "model.phone.empty"},
		{"   ", "RU", "model.phone.empty"},
		{"912345678", "RU", "model.phone.too_few"},
		{"891234567890", "RU", "model.phone.too_many"},
		{"+7 912 345-67-8", "", "model.phone.too_few"},
		{"+7 912 345-67-890", "", "model.phone.too_many"},
		{"+370 612 3456", "", "model.phone.too_few"},
		{"+370 612 345678", "", "model.phone.too_many"},
		{"+123456", "", "model.phone.too_few"},
		{"+1234567890123456", "", "model.phone.too_many"},
		{"8 612 3456", "LT", "model.phone.too_few"},
		{"8 612 345678", "LT", "model.phone.too_many"},
		{"89123456789", "", "model.phone.need_country"},
		{"020 7946 0958", "", "model.phone.need_country"},
		{"call me", "RU", "model.phone.letters"},
		{"8 912 ABC-67-89", "RU", "model.phone.letters"},
		{"+7 912 345-67-89 ext. 12", "RU", "model.phone.extension"},
		{"+7 912 345-67-89 доб. 12", "RU", "model.phone.extension"},
		{"+7 912 345-67-89 x12", "RU", "model.phone.extension"},
		{"+7 912 345-67-89 #12", "RU", "model.phone.extension"},
		{"7+912", "RU", "model.phone.plus"},
		{"++79123456789", "RU", "model.phone.plus"},
		{"+7 912 345*67*89", "RU", "model.phone.chars"},
		{"---", "RU", "model.phone.no_digits"},
		{"+0123456789", "", "model.phone.country_code"},
	}
	for _, tt := range tests {
		p, err := ParsePhone(tt.raw, tt.country)
		if err == nil {
			t.Errorf("ParsePhone(%q, %q) = %+v, want %s", tt.raw, tt.country, p, tt.key)
			continue
		}
		if err.Error() != T(tt.key) {
			t.Errorf("ParsePhone(%q, %q): %q, want %q", tt.raw, tt.country, err, T(tt.key))
		}
		if p.E164 != "" {
			t.Errorf("ParsePhone(%q) refused but E164 = %q", tt.raw, p.E164)
		}
	}
}

func TestFormatPhone(t *testing.T) {
	for in, want := range map[string]string{
		"+79123456789":  "+7 912 345-67-89",
		"+37061234567":  "+370 612 34567",
		"+37052123456":  "+370 521 23456",
		"+442079460958": "+44 2079460958",
		"+12125550123":  "+1 2125550123",
		"+37126123456":  "+371 26123456",
		"not a phone":   "not a phone",
		"":              "",
		"+":             "+",
	} {
		if got := FormatPhone(in); got != want {
			t.Errorf("FormatPhone(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhoneCountry(t *testing.T) {
	for _, tt := range []struct {
		tax  TaxCountry
		lang string
		want string
	}{
		{TaxRU, "lt", "RU"}, {TaxLT, "ru", "LT"}, {TaxOther, "ru", "RU"}, {TaxOther, "LT", "LT"}, {TaxOther, "en", ""}, {TaxOther, "", ""},
	} {
		if got := PhoneCountry(tt.tax, tt.lang); got != tt.want {
			t.Errorf("PhoneCountry(%q, %q) = %q, want %q", tt.tax, tt.lang, got, tt.want)
		}
	}
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{"+7 912 345-67-89", "8 (912) 345-67-89", "9123456789", "+370 612 34567",
		"8-612-34567", "(8 5) 212 3456", "00370 612 34567", "+44 20 7946 0958", "8 10 44 20 7946 0958", "x", "+"} {
		for _, c := range []string{"RU", "LT", ""} {
			f.Add(s, c)
		}
	}
	f.Fuzz(func(t *testing.T, raw, country string) {
		p, err := ParsePhone(raw, country)
		if err != nil {
			if p.E164 != "" || !strings.HasSuffix(err.Error(), ".") {
				t.Fatalf("refusal of %q: %+v, %q", raw, p, err)
			}
			return
		}
		d := strings.TrimPrefix(p.E164, "+")
		if !strings.HasPrefix(p.E164, "+") || len(d) < 8 || len(d) > 15 || !taxAllDigits(d) {
			t.Fatalf("ParsePhone(%q, %q) = %q: not E.164", raw, country, p.E164)
		}
		if p.Raw != strings.TrimSpace(raw) {
			t.Fatalf("Raw %q, want the trimmed input", p.Raw)
		}
		for _, c := range []string{"", "RU", "LT"} {
			again, err := ParsePhone(FormatPhone(p.E164), c)
			if err != nil || again.E164 != p.E164 {
				t.Fatalf("FormatPhone(%s) = %q parses (%s) to %q, %v", p.E164, FormatPhone(p.E164), c, again.E164, err)
			}
		}
	})
}
