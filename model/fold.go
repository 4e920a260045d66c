package model

// API STUB written by the lead; the search helper replaces the bodies.

// FoldSearch appends to dst the search form of s: case folded (Cyrillic too),
// ё→е, diacritics removed (Šiauliai→siauliai), in the compact encoding the
// search index scans. The same function folds the haystack and the query.
func FoldSearch(dst []byte, s string) []byte { return append(dst, s...) }

// PhoneQueryDigits returns the digit strings a typed phone fragment should
// match in stored E.164 digits ("8 912 345-67-89" → "79123456789", "9123456789"…),
// or nil when q is not phone-like.
func PhoneQueryDigits(q string) []string { return nil }
