package model

// Sentences of the command line's data in and out and its scripts (issue
// 7: cmd_import.go, cmd_export.go, cmd_scripts.go).
func init() {
	addMessages(map[string]string{
		"exch.cli.usage": `
Data in and out (issue 7), each with its own --help:
  clientbase import KIND FILE [--dry-run] [--encoding E] [--delimiter D] [--map 'A=b,…'] [--batch N] [--json] [flags]
                                         read clients, contacts (CSV, or a .vcf of vCards),
                                         products, orders or payments from FILE; exit 0 all
                                         imported, 1 some rows rejected, 2 nothing done
  clientbase export KIND [--format csv|json|vcard|ics] [--excel] [--out FILE] [--user NAME] [--as WHO]
                        [--from D] [--to D] [flags]
                                         write clients, contacts, products, orders, order_lines,
                                         payments, receivables, complaints, plan, interactions
                                         or complaint_report (stdout by default)
Scripts (plain text, or --json):
  clientbase find --phone NUMBER [--contacts] [--json] [flags]
                                         the clients with that phone (caller id); exit 1 none
  clientbase plan --user NAME [--date YYYY-MM-DD] [--as WHO] [--json] [flags]
                                         NAME's calls and visits of the day, by time
  clientbase complaints --overdue [--count] [--json] [flags]
                                         the overdue open complaints, or their number
`,
		"exch.cli.help.import": `clientbase import KIND FILE [flags]: read a file into the database.

KIND is one of clients, contacts, products, orders, payments. A contacts FILE
ending in .vcf or .vcard is read as vCards (3.0/4.0: one contact person a card,
ORG the client); every other file is CSV (UTF-8 with or without a BOM, or
Windows-1251; "," or ";" detected; columns by their English or Russian headers).
Records are matched by external code (clients also by tax id), so importing the
same file again updates instead of duplicating. Bad rows are reported with their
line and reason, in a report file next to FILE; the good rows are imported.
Importing needs the data.import right (head, director).

Flags:
  --dry-run              read, match and check everything; change nothing in the
                         database (the printed report and the report file tell
                         what would be created, updated, unchanged, rejected)
  --encoding E           utf-8 or windows-1251 (default: detected)
  --delimiter D          the field separator: ';', ',' or tab (default: detected)
  --map 'A=b,C=d'        the file's header A is the column b (e.g. 'ИНН=Tax ID,Телефон=Phones')
  --batch N              records per transaction (default: the kind's)
  --json                 print the report as JSON
  --db, --user, --demo   as for clientbase (see clientbase --help)

Exit codes: 0 every row imported (or, dry, would be); 1 some rows rejected (the
others imported); 2 a usage error, an unreadable file, or no right to import.

Example:
  clientbase import clients clients.csv --encoding windows-1251 --dry-run
  clientbase import contacts phone-book.vcf --user volkova
`,
		"exch.cli.help.export": `clientbase export KIND [flags]: write records to a file or stdout.

KIND is one of clients, contacts, products, orders (one row per order with its
totals), order_lines, payments, receivables, complaints, plan, interactions,
complaint_report. Bulk export needs the data.export right (head, director);
every export is written to the audit log (who, what, how many records).

Flags:
  --format F        csv (default), json, vcard (contacts) or ics (plan)
  --excel           CSV for Excel and LibreOffice: UTF-8 with a BOM and ";"
  --out FILE        write FILE (default: stdout); "N records → FILE" goes to stderr
  --user NAME       for plan and interactions: whose (default: everyone's, or for
                    --format ics one's own); for them NAME also signs in unless --as
                    is given; for the other kinds it is who you are, as for clientbase
  --as WHO          who you are, when --user names whose plan or interactions
  --from D, --to D  the period, first and last day (dd.mm.yyyy or yyyy-mm-dd), where
                    the kind has dates
  --db, --demo      as for clientbase (see clientbase --help); not --read-only:
                    the export writes its audit entry

Exit codes: 0 written; 1 the export failed (a sentence says why); 2 a usage
error or no right to export it.

Examples:
  clientbase export clients --excel --out clients.csv --user volkova
  clientbase export plan --user petrova --format ics --out petrova.ics
  clientbase export contacts --format vcard --out contacts.vcf --user orlov
`,
		"exch.cli.help.find": `clientbase find --phone NUMBER [flags]: the clients with that phone (caller id).

The number may be written in any usual form: +7 912 345-67-89, 89123456789,
9123456789. It searches the clients' own phones through the search index, as the
incoming-call lookup does; with --contacts also the contact persons' phones (a
pass over every client: slower on a big base). Archived clients are found too.
Prints one client a line, fields separated by tabs: id, name, the matching
phone, city, manager, then "contact NAME" when it was a contact person's and
"archived" for an archived client.

Flags:
  --phone NUMBER   the number to look up (required)
  --contacts       also the contact persons' phones
  --json           print a JSON array
  --db, --user, --demo, --read-only   as for clientbase

Exit codes: 0 found; 1 nobody has that number; 2 a usage error or the database
cannot be opened.

Example:
  clientbase find --phone "+7 912 345-67-89" --read-only
`,
		"exch.cli.help.plan": `clientbase plan --user NAME [flags]: NAME's calls and visits of a day.

Prints the day's plan items by time: time, call or visit, status, client,
contact and phone, purpose, note. --user NAME says whose plan and signs in as
NAME unless --as is given (another person's plan needs plan.view_all).

Flags:
  --user NAME         whose plan (required)
  --date YYYY-MM-DD   the day (also dd.mm.yyyy; default: today)
  --as WHO            who you are, when not NAME
  --json              print a JSON array
  --db, --demo, --read-only   as for clientbase

Exit codes: 0 printed (an empty day prints nothing); 1 the plan cannot be
read (no right, no such user); 2 a usage error.

Example:
  clientbase plan --user petrova --date 2026-11-24 --json
`,
		"exch.cli.help.complaints": `clientbase complaints --overdue [flags]: the overdue open complaints.

Lists the open complaints past their deadline (the complaint queue's Overdue
filter), in the queue's order: id, client, owner, deadline, how long overdue.

Flags:
  --overdue    the overdue ones (required: the only list so far)
  --count      print only their number
  --json       print JSON (an array, or {"overdue": N} with --count)
  --db, --user, --demo, --read-only   as for clientbase

Exit codes: 0 printed (also when none are overdue: 0, or an empty list);
1 the database cannot be read; 2 a usage error.

Example:
  clientbase complaints --overdue --count --read-only
`,
		"exch.cli.kind_what":        "say what to %s: one of %s.",
		"exch.cli.unknown_kind":     "%q is not a kind to %s: use one of %s.",
		"exch.cli.file_what":        "name the file to import: clientbase import %s FILE.",
		"exch.cli.cannot_read":      "cannot read %s: %v.",
		"exch.cli.bad_encoding":     "--encoding must be utf-8 or windows-1251 (got %q).",
		"exch.cli.bad_delimiter":    "--delimiter must be one character, e.g. ';' or ',' or tab (got %q).",
		"exch.cli.bad_map":          "--map %q: write the file's header, =, and the column, pairs separated by commas (e.g. 'ИНН=Tax ID').",
		"exch.cli.bad_batch":        "--batch must be a positive number (got %d).",
		"exch.cli.bad_format":       "--format must be one of csv, json, vcard, ics (got %q).",
		"exch.cli.excel_csv":        "--excel is for CSV only, not %s.",
		"exch.cli.vcard_contacts":   "a vCard file holds contacts: import it as clientbase import contacts %s.",
		"exch.cli.cannot_write":     "cannot write %s: %v.",
		"exch.cli.written":          "%d records → %s",
		"exch.cli.failed":           "the export of %s failed: %v",
		"exch.cli.import_failed":    "the import of %s from %s stopped: %v",
		"exch.cli.report_head":      "%s from %s%s — rows: %d; created %d, updated %d, unchanged %d, rejected %d.",
		"exch.cli.dry":              " (dry run: the database is unchanged)",
		"exch.cli.encoding":         "Encoding %s, delimiter %s.",
		"exch.cli.rejected_head":    "Rejected rows:",
		"exch.cli.rejected_line":    "  line %d%s: %s",
		"exch.cli.rejected_more":    "  … and %d more in the report file.",
		"exch.cli.report_file":      "Report of the rejected rows: %s",
		"exch.cli.phone_what":       "give the number: clientbase find --phone NUMBER.",
		"exch.cli.bad_phone":        "%q is not a phone number: write digits, e.g. +7 912 345-67-89 or 89123456789.",
		"exch.cli.not_found":        "Nobody has the phone %s.",
		"exch.cli.plan_user":        "say whose plan: clientbase plan --user NAME.",
		"exch.cli.plan_date":        "--date %q is not a date: write YYYY-MM-DD, e.g. 2026-11-24.",
		"exch.cli.overdue_what":     "say which complaints: clientbase complaints --overdue [--count].",
		"exch.cli.contact_of":       "contact %s",
		"exch.cli.export_read_only": "an export writes its entry in the audit log, so it cannot run with --read-only.",
		"exch.cli.archived":         "archived",
		"exch.cli.is_dir":           "it is a directory",
		"exch.cli.index_failed":     "cannot build the search index: %v",
	})
}
