package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"clientbase/exchange"
	"clientbase/exchange/csvio"
	"clientbase/model"
	"clientbase/store"
)

// importKinds are the kinds `clientbase import` reads.
var importKinds = []exchange.Kind{exchange.Clients, exchange.Contacts, exchange.Products, exchange.Orders, exchange.Payments}

// cliShownRejects is how many rejected rows the printed report lists (the
// report file has them all).
const cliShownRejects = 20

// parseOwn parses a subcommand's flags; its --help prints the command's own
// text (helpKey) instead of the program's usage. done: return code at once.
func parseOwn(fs *flag.FlagSet, args []string, stdout, stderr io.Writer, helpKey string) (code int, done bool) {
	return flagOutcome(fs.Parse(args), stdout, stderr, helpKey)
}

// flagOutcome answers a parse's error: --help prints the command's own text
// (exit 0), a bad flag its sentence (exit 2); done: return code at once.
func flagOutcome(err error, stdout, stderr io.Writer, helpKey string) (code int, done bool) {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, model.T(helpKey))
		return 0, true
	}
	if err != nil {
		fail(stderr, "cli.bad_flag", err)
		return 2, true
	}
	return 0, false
}

// splitArgs takes the positional words before the flags and after them
// (flag stops at the first word), so `import clients f.csv --dry-run` and
// `import --dry-run clients f.csv` both work.
func splitArgs(fs *flag.FlagSet, args []string) (words []string, err error) {
	for len(args) > 0 {
		for len(args) > 0 && (!strings.HasPrefix(args[0], "-") || args[0] == "-") {
			words, args = append(words, args[0]), args[1:]
		}
		if len(args) == 0 {
			break
		}
		if err := fs.Parse(args); err != nil {
			return words, err
		}
		args = fs.Args()
	}
	return words, nil
}

func kindNames(kinds []exchange.Kind) string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func knownKind(kinds []exchange.Kind, k string) bool {
	for _, known := range kinds {
		if string(known) == k {
			return true
		}
	}
	return false
}

// isVCardFile tells a vCard file by its name.
func isVCardFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".vcf" || ext == ".vcard"
}

// parseMap reads --map 'A=b,C=d' (header in the file → column).
func parseMap(s string) (map[string]string, bool) {
	if strings.TrimSpace(s) == "" {
		return nil, true
	}
	m := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		from, to, ok := strings.Cut(pair, "=")
		from, to = strings.TrimSpace(from), strings.TrimSpace(to)
		if !ok || from == "" || to == "" {
			return nil, false
		}
		m[from] = to
	}
	return m, true
}

// parseDelimiter reads --delimiter: one character, or "tab" / "\t".
func parseDelimiter(s string) (rune, bool) {
	switch strings.ToLower(s) {
	case "":
		return 0, true
	case "tab", `\t`:
		return '\t', true
	}
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || size != len(s) || r == '"' || r == '\n' || r == '\r' {
		return 0, false
	}
	return r, true
}

// importVCard is the vCard branch of `clientbase import contacts FILE.vcf`.
var importVCard = exchange.ImportVCard

// cmdImport is `clientbase import KIND FILE [flags]`.
func cmdImport(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet("import", stderr)
	globalFlags(fs, &o)
	dry := fs.Bool("dry-run", false, "write nothing")
	encoding := fs.String("encoding", "", "utf-8 or windows-1251")
	delimiter := fs.String("delimiter", "", "field separator")
	mapping := fs.String("map", "", "header=column,...")
	batch := fs.Int("batch", 0, "records per transaction")
	asJSON := fs.Bool("json", false, "JSON report")
	words, err := splitArgs(fs, args)
	if code, done := flagOutcome(err, stdout, stderr, "exch.cli.help.import"); done {
		return code
	}
	if len(words) == 0 {
		fail(stderr, "exch.cli.kind_what", "import", kindNames(importKinds))
		return 2
	}
	kind := words[0]
	if !knownKind(importKinds, kind) {
		fail(stderr, "exch.cli.unknown_kind", kind, "import", kindNames(importKinds))
		return 2
	}
	if len(words) < 2 {
		fail(stderr, "exch.cli.file_what", kind)
		return 2
	}
	if len(words) > 2 {
		fail(stderr, "cli.unexpected_argument", words[2])
		return 2
	}
	file := words[1]
	opts := exchange.ImportOptions{DryRun: *dry, BatchSize: *batch, File: file}
	switch strings.ToLower(*encoding) {
	case "":
	case "utf-8", "utf8":
		opts.Encoding = "utf-8"
	case "windows-1251", "cp1251", "win1251":
		opts.Encoding = "windows-1251"
	default:
		fail(stderr, "exch.cli.bad_encoding", *encoding)
		return 2
	}
	var ok bool
	if opts.Delimiter, ok = parseDelimiter(*delimiter); !ok {
		fail(stderr, "exch.cli.bad_delimiter", *delimiter)
		return 2
	}
	if opts.Map, ok = parseMap(*mapping); !ok {
		fail(stderr, "exch.cli.bad_map", *mapping)
		return 2
	}
	if *batch < 0 {
		fail(stderr, "exch.cli.bad_batch", *batch)
		return 2
	}
	vcf := isVCardFile(file)
	if vcf && kind != string(exchange.Contacts) {
		fail(stderr, "exch.cli.vcard_contacts", file)
		return 2
	}
	in, err := os.Open(file)
	if err != nil {
		fail(stderr, "exch.cli.cannot_read", file, pathReason(err))
		return 2
	}
	defer in.Close()
	if st, err := in.Stat(); err == nil && st.IsDir() {
		fail(stderr, "exch.cli.cannot_read", file, model.T("exch.cli.is_dir"))
		return 2
	}
	db, me, okOpen := openStore(o, stderr)
	if !okOpen {
		return 2
	}
	defer db.Close()
	s := db.As(me)
	ctx := context.Background()
	var rep model.ImportReport
	if vcf {
		rep, err = importVCard(ctx, s, in, opts)
	} else {
		rep, err = exchange.Import(ctx, s, exchange.Kind(kind), in, opts)
	}
	if err != nil {
		if errors.Is(err, model.ErrForbidden) || sentence(err) {
			failErr(stderr, err)
		} else {
			fail(stderr, "exch.cli.import_failed", kind, file, err)
		}
		return 2
	}
	if rep.Kind == "" {
		rep.Kind = kind
	}
	if rep.File == "" {
		rep.File = file
	}
	if vcf && rep.ReportFile == "" && rep.Rejected > 0 {
		if path, err := writeRejectedReport(file, rep); err != nil {
			fail(stderr, "exch.cli.cannot_write", path, pathReason(err))
		} else {
			rep.ReportFile = path
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			failErr(stderr, err)
			return 2
		}
	} else {
		printImportReport(stdout, rep)
	}
	if rep.Rejected > 0 {
		return 1
	}
	return 0
}

// writeRejectedReport writes the rejected rows (line, key, reason) next to
// the input as the CSV driver does (FILE.rejected.csv, CSV for Excel): the
// vCard importer leaves its report file to its caller.
func writeRejectedReport(input string, rep model.ImportReport) (string, error) {
	path := input + exchange.RejectedSuffix
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return path, err
	}
	w := csvio.NewWriter(f, true)
	_ = w.Write([]string{model.T("exch.csv.report_line"), model.T("exch.csv.report_key"), model.T("exch.csv.report_reason")})
	for _, l := range rep.Lines {
		if l.Action == model.ImportReject {
			_ = w.Write([]string{strconv.Itoa(l.Line), l.Key, l.Reason})
		}
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return path, err
}

// pathReason is an open error's reason without Go's "open FILE:" prefix.
func pathReason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// printImportReport writes the report as text: the counts, the first
// rejected rows, the report file.
func printImportReport(w io.Writer, rep model.ImportReport) {
	dry := ""
	if rep.DryRun {
		dry = model.T("exch.cli.dry")
	}
	say(w, "exch.cli.report_head", rep.Kind, rep.File, dry, rep.Rows, rep.Created, rep.Updated, rep.Unchanged, rep.Rejected)
	if rep.Encoding != "" || rep.Delimiter != "" {
		delim := rep.Delimiter
		if delim == "\t" {
			delim = "tab"
		}
		say(w, "exch.cli.encoding", rep.Encoding, fmt.Sprintf("%q", delim))
	}
	if rep.Rejected > 0 {
		say(w, "exch.cli.rejected_head")
		shown := 0
		for _, l := range rep.Lines {
			if l.Action != model.ImportReject {
				continue
			}
			if shown == cliShownRejects {
				break
			}
			shown++
			key := ""
			if l.Key != "" {
				key = " (" + l.Key + ")"
			}
			say(w, "exch.cli.rejected_line", l.Line, key, l.Reason)
		}
		if rest := rep.Rejected - shown; rest > 0 {
			say(w, "exch.cli.rejected_more", rest)
		}
	}
	if rep.ReportFile != "" {
		say(w, "exch.cli.report_file", rep.ReportFile)
	}
}

// sessionOf opens the store for a script and signs in.
func sessionOf(o options, stderr io.Writer) (*store.DB, *store.Session, bool) {
	db, me, ok := openStore(o, stderr)
	if !ok {
		return nil, nil, false
	}
	return db, db.As(me), true
}
