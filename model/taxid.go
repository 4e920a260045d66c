package model

import "strings"

// Tax-id rules: Russian INN (10 digits for organisations, 12 for people),
// KPP and OGRN/OGRNIP, Lithuanian company codes (9 digits). Each check digit
// follows the official algorithm, so a typo in one digit is caught at entry.

var (
	inn10Weights  = [...]int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	inn12Weights1 = [...]int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
	inn12Weights2 = [...]int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
)

// ValidateTaxID checks a tax id under the rules of its country; the error is a sentence.
// Surrounding spaces are ignored; an empty id is refused (callers decide
// whether the id is required).
func ValidateTaxID(country TaxCountry, id string) error {
	id = strings.TrimSpace(id)
	if id == "" {
		return Sentencef(nil, "model.tax.empty")
	}
	switch country {
	case TaxRU:
		return validateINN(id)
	case TaxLT:
		return validateLTCompanyCode(id)
	case TaxOther:
		return validateForeignTaxID(id)
	}
	return Sentencef(nil, "model.tax.country", string(country))
}

func validateINN(id string) error {
	if !taxAllDigits(id) {
		return Sentencef(nil, "model.tax.inn_digits")
	}
	switch len(id) {
	case 10:
		if taxCheckDigit(id, inn10Weights[:]) != id[9]-'0' {
			return Sentencef(nil, "model.tax.inn_check")
		}
	case 12:
		if taxCheckDigit(id, inn12Weights1[:]) != id[10]-'0' ||
			taxCheckDigit(id, inn12Weights2[:]) != id[11]-'0' {
			return Sentencef(nil, "model.tax.inn_check")
		}
	default:
		return Sentencef(nil, "model.tax.inn_length", len(id))
	}
	return nil
}

// taxCheckDigit is the INN check: weighted sum mod 11 mod 10.
func taxCheckDigit(digits string, weights []int) byte {
	sum := 0
	for i, w := range weights {
		sum += int(digits[i]-'0') * w
	}
	return byte(sum % 11 % 10)
}

// innCheckDigits completes an INN body (9 or 10 digits) with its check
// digit(s); the demo generator uses it to make valid ids.
func innCheckDigits(body []byte) []byte {
	switch len(body) {
	case 9:
		return append(body, '0'+taxCheckDigit(string(body), inn10Weights[:]))
	case 10:
		body = append(body, '0'+taxCheckDigit(string(body), inn12Weights1[:]))
		return append(body, '0'+taxCheckDigit(string(body), inn12Weights2[:]))
	}
	return body
}

func validateLTCompanyCode(id string) error {
	if !taxAllDigits(id) {
		return Sentencef(nil, "model.tax.lt_digits")
	}
	if len(id) != 9 {
		return Sentencef(nil, "model.tax.lt_length", len(id))
	}
	if ltCheckDigit(id[:8]) != id[8]-'0' {
		return Sentencef(nil, "model.tax.lt_check")
	}
	return nil
}

// ltCheckDigit is the Lithuanian company-code check over the first 8 digits:
// weights 1..8 mod 11; a remainder of 10 retries with weights 3..9,1; if that
// is 10 again the digit is 0.
func ltCheckDigit(body string) byte {
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(body[i]-'0') * (i + 1)
	}
	if r := sum % 11; r != 10 {
		return byte(r)
	}
	sum = 0
	for i := 0; i < 8; i++ {
		w := i + 3
		if w > 9 {
			w -= 9
		}
		sum += int(body[i]-'0') * w
	}
	if r := sum % 11; r != 10 {
		return byte(r)
	}
	return 0
}

func validateForeignTaxID(id string) error {
	n := 0
	for _, r := range id {
		n++
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\uFFFD' {
			return Sentencef(nil, "model.tax.other_chars")
		}
	}
	if n > 32 {
		return Sentencef(nil, "model.tax.other_length")
	}
	return nil
}

// ValidateKPP checks a Russian KPP (tax registration reason code): 9 digits.
func ValidateKPP(kpp string) error {
	kpp = strings.TrimSpace(kpp)
	if len(kpp) != 9 || !taxAllDigits(kpp) {
		return Sentencef(nil, "model.tax.kpp")
	}
	return nil
}

// ValidateOGRN checks a Russian OGRN (13 digits, organisations) or OGRNIP
// (15 digits, sole traders) with its check digit.
func ValidateOGRN(ogrn string) error {
	ogrn = strings.TrimSpace(ogrn)
	if !taxAllDigits(ogrn) || (len(ogrn) != 13 && len(ogrn) != 15) {
		return Sentencef(nil, "model.tax.ogrn_length")
	}
	if ogrnCheckDigit(ogrn[:len(ogrn)-1]) != ogrn[len(ogrn)-1]-'0' {
		return Sentencef(nil, "model.tax.ogrn_check")
	}
	return nil
}

// ogrnCheckDigit: the number formed by the first 12 digits mod 11 (14 digits
// mod 13 for OGRNIP), then mod 10. Computed digit by digit to avoid overflow.
func ogrnCheckDigit(body string) byte {
	m := 11
	if len(body) == 14 {
		m = 13
	}
	r := 0
	for i := 0; i < len(body); i++ {
		r = (r*10 + int(body[i]-'0')) % m
	}
	return byte(r % 10)
}

func taxAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// normaliseTaxDigits drops the spaces and hyphens people type inside RU/LT
// numbers ("7707 083 893"), leaving anything else for the validator to refuse.
func normaliseTaxDigits(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, " -\u00a0") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '-' || r == '\u00a0' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
