package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"time"

	"clientbase/exchange"
	"clientbase/model"
)

// exportKinds are the kinds `clientbase export` writes.
var exportKinds = []exchange.Kind{exchange.Clients, exchange.Contacts, exchange.Products, exchange.Orders,
	exchange.OrderLines, exchange.Payments, exchange.Receivables, exchange.Complaints, exchange.Plan,
	exchange.Interactions, exchange.ComplaintReport}

// personKind: for these kinds --user names whose records (and signs in
// unless --as is given); for the others it is who signs in.
func personKind(k exchange.Kind) bool { return k == exchange.Plan || k == exchange.Interactions }

// cmdExport is `clientbase export KIND [flags]`.
func cmdExport(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := newFlagSet("export", stderr)
	globalFlags(fs, &o)
	format := fs.String("format", "csv", "csv, json, vcard or ics")
	excel := fs.Bool("excel", false, "UTF-8 BOM and ;")
	out := fs.String("out", "", "file to write (default: stdout)")
	as := fs.String("as", "", "who signs in when --user names whose plan")
	fromText := fs.String("from", "", "first day")
	toText := fs.String("to", "", "last day")
	words, err := splitArgs(fs, args)
	if code, done := flagOutcome(err, stdout, stderr, "exch.cli.help.export"); done {
		return code
	}
	if len(words) == 0 {
		fail(stderr, "exch.cli.kind_what", "export", kindNames(exportKinds))
		return 2
	}
	if len(words) > 1 {
		fail(stderr, "cli.unexpected_argument", words[1])
		return 2
	}
	kind := exchange.Kind(words[0])
	if !knownKind(exportKinds, string(kind)) {
		fail(stderr, "exch.cli.unknown_kind", string(kind), "export", kindNames(exportKinds))
		return 2
	}
	opts := exchange.ExportOptions{Format: exchange.Format(*format), Excel: *excel, Loc: time.Local}
	switch opts.Format {
	case exchange.CSV, exchange.JSON, exchange.VCard, exchange.ICS:
	default:
		fail(stderr, "exch.cli.bad_format", *format)
		return 2
	}
	if opts.Excel && opts.Format != exchange.CSV {
		fail(stderr, "exch.cli.excel_csv", *format)
		return 2
	}
	if *fromText != "" {
		if opts.From, err = parseDay(*fromText); err != nil {
			fail(stderr, "cli.bad_date", "--from", *fromText)
			return 2
		}
	}
	if *toText != "" {
		last, err := parseDay(*toText)
		if err != nil {
			fail(stderr, "cli.bad_date", "--to", *toText)
			return 2
		}
		opts.To = last.AddDate(0, 0, 1)
	}
	if !opts.From.IsZero() && !opts.To.IsZero() && !opts.To.After(opts.From) {
		fail(stderr, "cli.bad_period")
		return 2
	}
	if personKind(kind) {
		opts.User = o.user
	}
	if *as != "" {
		o.user = *as
	}
	if o.readOnly { // refused before anything is written: the audit entry comes last
		fail(stderr, "exch.cli.export_read_only")
		return 2
	}
	db, s, ok := sessionOf(o, stderr)
	if !ok {
		return 1
	}
	defer db.Close()

	var w io.Writer = stdout
	var f *os.File
	var tmp string
	if *out != "" && *out != "-" {
		// written beside the target and renamed, so a failed export leaves no half file
		f, err = os.CreateTemp(filepath.Dir(*out), "."+filepath.Base(*out)+".*")
		if err != nil {
			fail(stderr, "exch.cli.cannot_write", *out, pathReason(err))
			return 1
		}
		tmp = f.Name()
		defer os.Remove(tmp) // gone after the rename
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	n, err := exchange.Export(context.Background(), s, kind, bw, opts)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		if errors.Is(err, model.ErrForbidden) {
			failErr(stderr, err)
			return 2
		}
		if sentence(err) {
			failErr(stderr, err)
		} else {
			fail(stderr, "exch.cli.failed", string(kind), err)
		}
		return 1
	}
	if f != nil {
		if err := f.Chmod(0o600); err != nil { // the client base is a trade secret
			fail(stderr, "exch.cli.cannot_write", *out, err)
			return 1
		}
		if err := f.Close(); err != nil {
			fail(stderr, "exch.cli.cannot_write", *out, err)
			return 1
		}
		if err := os.Rename(tmp, *out); err != nil {
			fail(stderr, "exch.cli.cannot_write", *out, pathReason(err))
			return 1
		}
		say(stderr, "exch.cli.written", n, *out)
	}
	return 0
}

// sentence reports whether err already says what is wrong as a sentence
// (the store's and the exchange's errors), so it is printed as it is.
func sentence(err error) bool {
	var s *model.Sentence
	var ve *model.ValidationError
	return errors.As(err, &s) || errors.As(err, &ve)
}
