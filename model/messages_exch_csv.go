package model

// Sentences of the CSV reader and the import and export drivers (issue 7:
// exchange/csvio, exchange/import.go, exchange/export.go).
func init() {
	addMessages(map[string]string{
		"exch.csv.read":          "The file cannot be read: %s.",
		"exch.csv.utf16":         "The file is UTF-16 text (Excel's \"Unicode text\"): save it as \"CSV UTF-8\" or \"CSV (comma delimited)\" and import that.",
		"exch.csv.binary":        "The file is not text (it holds zero bytes): save the table as CSV and import that.",
		"exch.csv.bad_encoding":  "Encoding %q is not one clientbase reads: use utf-8 or windows-1251.",
		"exch.csv.bad_delimiter": "%q cannot be a delimiter: use \",\", \";\" or a tab.",
		"exch.csv.empty":         "The file is empty: it has no header row.",
		"exch.csv.bad_header":    "Line %d, the header: %s.",
		"exch.csv.header_utf8":   "The header is not valid UTF-8 text: give the encoding (windows-1251?).",
		"exch.csv.map_unknown":   "The mapping names column %q, which this kind does not have; its columns are %s.",
		"exch.csv.dup_header":    "Column %q appears twice in the header (columns %d and %d).",
		"exch.csv.dup_column":    "Columns %q and %q both mean %s: keep one of them.",
		"exch.csv.missing":       "The file has no column %s; the header has %s.",
		"exch.csv.none":          "no names",
		"exch.csv.bare_quote":    "a quote (\") inside a field that is not quoted; quote the field and double the quote",
		"exch.csv.quote":         "a quoted field is not closed, or its closing quote is followed by more text",
		"exch.csv.row_parse":     "line %d: %s.",
		"exch.csv.field_count":   "line %d: %d fields where the header has %d (a %q inside a value that is not quoted?).",
		"exch.csv.field_short":   "line %d: %d fields where the header has %d.",
		"exch.csv.row_utf8":      "line %d: field %d (%s) is not valid UTF-8 text.",
		"exch.csv.date_format":   "write the date as dd.mm.yyyy or yyyy-mm-dd (a time hh:mm may follow)",
		"exch.csv.date_month":    "there is no month %d",
		"exch.csv.date_day":      "there is no day %d in %s %d (it has %d days)",
		"exch.csv.date_time":     "%q is not a time of day: write hh:mm or hh:mm:ss",
		"exch.csv.unknown_kind":  "Kind %q cannot be %s; the kinds are %s.",
		"exch.csv.imported":      "imported",
		"exch.csv.exported":      "exported",
		"exch.csv.act_import":    "import records from files",
		"exch.csv.act_export":    "export the department's records in bulk",
		"exch.csv.format":        "The %s format is not one of %s's: export it as csv or json.",
		"exch.csv.merge":         "line %d: %s",
		"exch.csv.batch_failed":  "The import stopped at line %d: %s. The rows before it are imported; run the import again to go on.",
		"exch.csv.report_line":   "line",
		"exch.csv.report_key":    "key",
		"exch.csv.report_reason": "reason",
		"exch.csv.report_write":  "The report of rejected rows cannot be written to %s: %s.",
	})
}
