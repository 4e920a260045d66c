package model

// API STUB written by the lead so packages compile in parallel; the model
// helper replaces the bodies (and may split the file) keeping the signatures.

// PrepareClient normalises a client in place (trims text, parses every
// Phone.Raw into Phone.E164, lower-cases e-mails, fills defaults) and
// validates it. Field keys: "short_name", "full_name", "tax_id", "kpp", "ogrn",
// "phones", "emails", "fax", "time_zone", "call_window", "language",
// "credit_limit", "deferral_days", "contacts.N.name", "contacts.N.phones",
// "contacts.N.email" (N is the contact's index).
func PrepareClient(c *Client) *ValidationError { return nil }

// ValidateTaxID checks a tax id under the rules of its country; the error is a sentence.
func ValidateTaxID(country TaxCountry, id string) error { return nil }

// ParsePhone reads a phone typed in any usual format. defaultCountry ("RU",
// "LT", or "" to require a leading +) resolves national numbers.
func ParsePhone(raw, defaultCountry string) (Phone, error) { return Phone{Raw: raw}, nil }

// FormatPhone shows an E.164 number grouped for reading: "+7 912 345-67-89".
func FormatPhone(e164 string) string { return e164 }

// ValidateEmail checks an e-mail address; the error is a sentence.
func ValidateEmail(s string) error { return nil }

// NameSkeleton reduces a client name to what makes two names "near-identical":
// case, ё/е, diacritics, quotes, punctuation and legal forms (ООО, UAB, LLC…) dropped.
func NameSkeleton(name string) string { return name }
