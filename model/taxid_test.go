package model

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateTaxID(t *testing.T) {
	tests := []struct {
		country TaxCountry
		id      string
		wantErr string // "" = valid; otherwise the catalogue key
	}{
		{TaxRU, "7707083893", ""},   // Sberbank
		{TaxRU, "7736207543", ""},   // Yandex
		{TaxRU, " 7707083893 ", ""}, // spaces around are ignored
		{TaxRU, "500100732259", ""},
		{TaxRU, "7707083894", "model.tax.inn_check"},
		{TaxRU, "500100732258", "model.tax.inn_check"},
		{TaxRU, "500100732249", "model.tax.inn_check"},
		{TaxRU, "770708389", "model.tax.inn_length"},
		{TaxRU, "77070838931", "model.tax.inn_length"},
		{TaxRU, "77070838a3", "model.tax.inn_digits"},
		{TaxRU, "", "model.tax.empty"},
		{TaxLT, "110053842", ""}, // AB Lietuvos geležinkeliai-era code used in the brief
		{TaxLT, "188659752", ""},
		{TaxLT, "110053843", "model.tax.lt_check"},
		{TaxLT, "11005384", "model.tax.lt_length"},
		{TaxLT, "11005384X", "model.tax.lt_digits"},
		{TaxOther, "GB 123 4567 89", ""},
		{TaxOther, "LV40003012345", ""},
		{TaxOther, strings.Repeat("x", 32), ""},
		{TaxOther, strings.Repeat("x", 33), "model.tax.other_length"},
		{TaxOther, "AB\x01", "model.tax.other_chars"},
		{"XX", "1", "model.tax.country"},
	}
	for _, tt := range tests {
		err := ValidateTaxID(tt.country, tt.id)
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("ValidateTaxID(%q, %q) = %v, want valid", tt.country, tt.id, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("ValidateTaxID(%q, %q) = nil, want %s", tt.country, tt.id, tt.wantErr)
			continue
		}
		want := T(tt.wantErr)
		if strings.Contains(want, "%d") {
			want = T(tt.wantErr, len(strings.TrimSpace(tt.id)))
		}
		if tt.wantErr != "model.tax.country" && err.Error() != want {
			t.Errorf("ValidateTaxID(%q, %q) = %q, want %q", tt.country, tt.id, err, want)
		}
	}
}

func TestINNCheckSentence(t *testing.T) {
	err := ValidateTaxID(TaxRU, "7707083894")
	if err == nil || err.Error() != "The INN check digit is wrong: check the number." {
		t.Fatalf("got %v", err)
	}
	var s *Sentence
	if !errors.As(err, &s) {
		t.Fatalf("want a *Sentence, got %T", err)
	}
}

func TestLTCheckDigitSecondRound(t *testing.T) {
	// Find bodies whose first round gives 10, and check the digit from the
	// second round (or 0) validates while every other digit is refused.
	found := 0
	for b := 10000000; b < 10100000 && found < 20; b++ {
		body := strings.Repeat("0", 8-len(itoa(b))) + itoa(b)
		sum := 0
		for i := 0; i < 8; i++ {
			sum += int(body[i]-'0') * (i + 1)
		}
		if sum%11 != 10 {
			continue
		}
		found++
		d := ltCheckDigit(body)
		for c := byte(0); c < 10; c++ {
			err := ValidateTaxID(TaxLT, body+string('0'+c))
			if (c == d) != (err == nil) {
				t.Fatalf("body %s digit %d: err %v (check digit %d)", body, c, err, d)
			}
		}
	}
	if found == 0 {
		t.Fatal("no body needed the second round")
	}
}

func itoa(n int) string {
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestINNGeneratedBodiesValidate(t *testing.T) {
	for _, body := range []string{"770708389", "123456789", "000000000", "5001007322", "9999999999"} {
		id := string(innCheckDigits([]byte(body)))
		if err := ValidateTaxID(TaxRU, id); err != nil {
			t.Errorf("innCheckDigits(%s) = %s: %v", body, id, err)
		}
	}
	if got := string(innCheckDigits([]byte("770708389"))); got != "7707083893" {
		t.Errorf("check digit of Sberbank's INN: %s", got)
	}
	if got := string(innCheckDigits([]byte("5001007322"))); got != "500100732259" {
		t.Errorf("check digits of 500100732259: %s", got)
	}
}

func TestValidateKPPAndOGRN(t *testing.T) {
	if err := ValidateKPP("773601001"); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"77360100", "7736010011", "77360A001"} {
		if ValidateKPP(bad) == nil {
			t.Errorf("KPP %q accepted", bad)
		}
	}
	for _, good := range []string{"1027700132195" /* Sberbank */, "1027700229193" /* Yandex */, "304500116000157" /* OGRNIP */} {
		if err := ValidateOGRN(good); err != nil {
			t.Errorf("OGRN %s: %v", good, err)
		}
	}
	for bad, key := range map[string]string{
		"1027700132196":   "model.tax.ogrn_check",
		"304500116000158": "model.tax.ogrn_check",
		"10277001321":     "model.tax.ogrn_length",
		"10277001321950":  "model.tax.ogrn_length",
	} {
		if err := ValidateOGRN(bad); err == nil || err.Error() != T(key) {
			t.Errorf("OGRN %s: %v, want %s", bad, err, T(key))
		}
	}
}

func FuzzValidateTaxID(f *testing.F) {
	for _, s := range []string{"7707083893", "500100732259", "110053842", " 7707083893\t", "GB123", "", "７７０７"} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
	}
	countries := []TaxCountry{TaxRU, TaxLT, TaxOther}
	f.Fuzz(func(t *testing.T, id string, c uint8) {
		country := countries[int(c)%len(countries)]
		err := ValidateTaxID(country, id)
		trimmed := strings.TrimSpace(id)
		if err == nil {
			if err2 := ValidateTaxID(country, trimmed); err2 != nil {
				t.Fatalf("valid %q became invalid after trimming: %v", id, err2)
			}
			switch country {
			case TaxRU:
				if len(trimmed) != 10 && len(trimmed) != 12 || !taxAllDigits(trimmed) {
					t.Fatalf("accepted INN %q of the wrong shape", trimmed)
				}
				// one changed digit must be caught
				b := []byte(trimmed)
				b[len(b)-1] = '0' + (b[len(b)-1]-'0'+1)%10
				if ValidateTaxID(country, string(b)) == nil {
					t.Fatalf("INN %q with a changed check digit %q still valid", trimmed, b)
				}
			case TaxLT:
				if len(trimmed) != 9 || !taxAllDigits(trimmed) {
					t.Fatalf("accepted company code %q of the wrong shape", trimmed)
				}
			}
		} else if err.Error() == "" || !strings.HasSuffix(err.Error(), ".") {
			t.Fatalf("error %q is not a sentence", err)
		}
	})
}
